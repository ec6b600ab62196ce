/*
 * The lock's session (WB.Vault, continued): turning it on and off, unlocking with the
 * passphrase, "Lock now", the idle lock, the key kept for this tab's session, other tabs.
 * Every change is told to the page as a "wb:lock" event, detail.state "locked" | "open" | "off".
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var Vault = WB.Vault;
  var C = WB.vaultCrypto;

  function tell(state) {
    document.documentElement.classList.remove('wb-is-resuming');
    document.documentElement.classList.toggle('wb-is-locked', state === 'locked');
    document.dispatchEvent(new CustomEvent('wb:lock', { detail: { state: state } }));
    document.dispatchEvent(new CustomEvent('wb:changed', { detail: { id: null } }));
  }

  Vault.prototype.sessionKey = function () {
    return this.store.key('session', 'key');
  };

  /** The key's bits in this tab's session, so that its other pages open without asking. */
  Vault.prototype.remember = function () {
    try {
      window.sessionStorage.setItem(this.sessionKey(), JSON.stringify({
        bits: WB.locked.toBase64(new Uint8Array(this.bits)), salt: this.config().salt, at: Date.now()
      }));
    } catch (error) {
      /* no session storage: each page asks */
    }
  };

  Vault.prototype.forgetSession = function () {
    try {
      window.sessionStorage.removeItem(this.sessionKey());
    } catch (error) {
      /* nothing kept */
    }
  };

  /** How long without use before the workbook locks itself, in ms (WB.idleMs: for tests). */
  Vault.prototype.idleMs = function () {
    var config = this.config() || {};
    return WB.idleMs || (typeof config.idle === 'number' && config.idle > 0 ? config.idle : C.IDLE) * 60000;
  };

  /** The key of `bits`, if it opens the lock's check value; else a refusal saying the passphrase is wrong. */
  function checkedKey(bits, config) {
    return C.importKey(bits).then(function (key) {
      return C.open(key, config.check).then(function (text) {
        if (text !== C.CHECK) throw new Error('check');
        return key;
      }).catch(function () {
        throw { message: WB.t('lock.session.wrong'), wrong: true };
      });
    });
  }

  /** Use the key `bits` (from the passphrase or the session): checked, every value opened, left-over work done. */
  Vault.prototype.use = function (bits) {
    var self = this;
    var config = this.config();
    if (!config || config.broken) return Promise.reject({ message: WB.t('lock.session.settings_damaged') });
    return checkedKey(bits, config).then(function (key) {
      return self.readAll(key).then(function (cache) {
        self.key = key;
        self.bits = bits;
        self.cache = cache;
        self.pending = {};
        self.remember();
        self.touch(true);
        // A tab that died while the lock was turned on (or off) left work: finish it now.
        return config.state === 'unlocking' ? self.turnOffNow().catch(function () {
          return 'open';
        }) : self.convert(false).then(function () {
          var now = self.config();
          if (now && now.state === 'locking') {
            now.state = 'on';
            self.writeConfig(now);
          }
        });
      });
    }).then(function (result) {
      self.resuming = false;
      tell(result === 'off' ? 'off' : 'open');
    });
  };

  /** Unlock with the passphrase: PBKDF2 with the lock's salt and count. */
  Vault.prototype.unlock = function (passphrase) {
    var config = this.config();
    if (!config || config.broken) return Promise.reject({ message: WB.t('lock.session.settings_damaged') });
    var self = this;
    return WB.locked.deriveBits(passphrase, WB.locked.fromBase64(config.salt), config.iterations).then(function (bits) {
      return self.use(bits);
    });
  };

  /** At page load: the key of this tab's session, unless it is older than the idle time. */
  Vault.prototype.resume = function () {
    var config = this.config();
    if (!config) return Promise.resolve();
    var kept = null;
    try {
      kept = JSON.parse(window.sessionStorage.getItem(this.sessionKey()));
    } catch (error) {
      kept = null;
    }
    var self = this;
    if (!kept || kept.salt !== config.salt || !(Date.now() - kept.at < this.idleMs())) {
      this.forgetSession();
      return Promise.resolve().then(function () {
        tell('locked');
      });
    }
    this.resuming = true;
    return this.use(WB.locked.fromBase64(kept.bits).buffer).catch(function () {
      self.resuming = false;
      self.forgetSession();
      tell('locked');
    });
  };

  /** Turn the lock on: settings first, then every value sealed (resumed at the next unlock if the tab dies). */
  Vault.prototype.turnOn = function (passphrase) {
    var self = this;
    var salt = WB.locked.random(16);
    var iterations = WB.locked.ITERATIONS;
    return WB.locked.deriveBits(passphrase, salt, iterations).then(function (bits) {
      return C.importKey(bits).then(function (key) {
        return C.seal(key, C.CHECK).then(function (check) {
          self.writeConfig({ v: 1, salt: WB.locked.toBase64(salt), iterations: iterations, check: check, state: 'locking', idle: C.IDLE, backups: true });
          self.key = key;
          self.bits = bits;
          self.cache = {};
          self.pending = {};
          self.remember();
          return self.convert(false);
        });
      });
    }).then(function () {
      var config = self.config();
      config.state = 'on';
      self.writeConfig(config);
      self.touch(true);
      tell('open');
    });
  };

  /** Turn the lock off, after the passphrase: every value opened and stored plain again. */
  Vault.prototype.turnOff = function (passphrase) {
    var self = this;
    var config = this.config();
    return WB.locked.deriveBits(passphrase, WB.locked.fromBase64(config.salt), config.iterations).then(function (bits) {
      return checkedKey(bits, config);
    }).then(function (key) {
      if (!WB.saveAll()) throw { message: WB.t('lock.session.not_saved') };
      self.key = key;
      return Promise.all(Object.keys(self.pending).map(function (name) {
        return self.pending[name];
      }));
    }).then(function () {
      return self.turnOffNow();
    }).then(function () {
      tell('off');
    });
  };

  /** Open every value and take the settings away; anything that fails leaves the lock on, as it was. */
  Vault.prototype.turnOffNow = function () {
    var self = this;
    var config = this.config();
    config.state = 'unlocking';
    this.writeConfig(config);
    return this.convert(true).then(function (failed) {
      if (failed) throw { count: failed };
      var removed = self.store.remove('lock', 'config');
      if (!removed.ok) throw { count: 0 };
      self.key = null;
      self.bits = null;
      self.cache = {};
      self.forgetSession();
      window.clearTimeout(self.timer);
      return 'off';
    }).catch(function (problem) {
      // The lock stays on: what was opened is sealed again. Nothing is lost.
      var now = self.config();
      if (now) {
        now.state = 'on';
        self.writeConfig(now);
      }
      return self.convert(false).catch(function () {}).then(function () {
        var n = problem && problem.count;
        throw { message: n ? WB.tn('lock.session.not_opened', n) : WB.t('lock.session.stays_on') };
      });
    });
  };

  /** Lock now: what is typed is saved first (if it cannot be, nothing locks); then the key goes. Resolves true when locked. */
  Vault.prototype.lockNow = function (quiet) {
    if (!this.isOpen()) return Promise.resolve(true);
    if (WB.saveAll && !WB.saveAll()) return Promise.resolve(false);
    var self = this;
    return Promise.all(Object.keys(this.pending).map(function (name) {
      return self.pending[name];
    })).then(function () {
      self.key = null;
      self.bits = null;
      self.cache = {};
      self.pending = {};
      self.forgetSession();
      window.clearTimeout(self.timer);
      if (WB.forgetPhotoUrls) WB.forgetPhotoUrls();
      // Other tabs of this workbook lock too.
      if (!quiet) {
        try {
          self.real().setItem(self.store.key('lock', 'signal'), String(Date.now()));
        } catch (error) {
          /* they lock on their own idle time */
        }
      }
      tell('locked');
      return true;
    });
  };

  /** The reader did something: the idle time starts again (and the session's key is fresh). */
  Vault.prototype.touch = function (force) {
    var now = Date.now();
    if (!force && now - this.active < 1000) return;
    this.active = now;
    if (!this.isOpen()) return;
    var self = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () {
      // An answer that cannot be saved keeps the page open (it would be lost): try again later.
      self.lockNow().then(function (done) {
        if (!done) self.touch(true);
      });
    }, this.idleMs());
    this.remember();
  };

  /** Another tab changed something of ours. */
  Vault.prototype.heard = function (event) {
    if (!event.key || event.key.indexOf(this.store.prefix) !== 0) return;
    var wasOpen = !!this.key;
    if (event.key === this.store.key('lock', 'config')) {
      if (!this.on() && event.oldValue !== null) {
        // Turned off (or everything cleared) in another tab: what is stored is plain again.
        this.key = null;
        this.cache = {};
        this.forgetSession();
        tell('off');
      } else if (this.on() && !wasOpen && event.oldValue === null) {
        tell('locked');
      }
    } else if (event.key === this.store.key('lock', 'signal')) {
      this.lockNow(true);
    } else if (wasOpen && this.sealed(event.key)) {
      this.refresh([event.key]).then(function () {
        document.dispatchEvent(new CustomEvent('wb:changed', { detail: { id: null } }));
      });
    }
  };

  /** A backup's text locked with the workbook's own passphrase (the locked.js format), or null when not wanted. */
  Vault.prototype.lockBackup = function (text, about) {
    var config = this.config();
    if (!this.isOpen() || config.backups === false) return null;
    return WB.locked.lockWithKey(text, this.key, WB.locked.fromBase64(config.salt), config.iterations, about);
  };

  ['keydown', 'pointerdown', 'input', 'wheel', 'touchstart'].forEach(function (type) {
    document.addEventListener(type, function () {
      if (WB.store && WB.store.vault) WB.store.vault.touch(false);
    }, { capture: true, passive: true });
  });
  // A tab in the background may have its timers held back: on its return, the idle time is checked again.
  document.addEventListener('visibilitychange', function () {
    var vault = WB.store && WB.store.vault;
    if (document.visibilityState === 'visible' && vault && vault.isOpen() && Date.now() - vault.active >= vault.idleMs()) vault.lockNow();
  });

  // The lock joins the page's storage (its code loads after the core: main.js then opens it, or shows it locked).
  if (WB.store && !WB.store.vault) WB.store.vault = new Vault(WB.store);
})(window, document);
