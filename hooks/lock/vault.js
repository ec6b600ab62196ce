/*
 * WB.Vault: the workbook's lock. With it on, every answer, version, kept-aside answer and
 * undo record (localStorage), every photo (IndexedDB) and the journal's copies are stored
 * encrypted; only which prompts have a stored value, and the lock's own settings, are not.
 *
 *   "wb:v1:<ns>:lock:config" {"v": 1, "salt": <base64, 16 bytes>, "iterations": 600000,
 *     "check": <a sealed known text: the passphrase is right when it opens>, "state": "locking" |
 *     "on" | "unlocking", "idle": <minutes>, "backups": <lock backups with the same passphrase>}
 *   A sealed value: "wb-sealed:1:" + base64(12-byte IV + AES-256-GCM ciphertext and tag).
 *   sessionStorage "wb:v1:<ns>:session" {"bits": <base64 key>, "salt", "at": <ms of last use>}
 *
 * The key: PBKDF2-HMAC-SHA256 (WB.locked.deriveBits) of the passphrase and a random salt,
 * imported as a non-extractable AES-GCM CryptoKey kept in this page's memory. So that each
 * page of a session does not ask again, the key's bits stay in this tab's sessionStorage
 * (gone when the tab or browser closes, on "Lock now" and on the idle lock; refused once
 * older than the idle time). Turning the lock on writes the settings first, then seals
 * each value in place (read back each time); each unlock seals what is still plain, so a
 * tab that died half-way finishes on the next unlock. A value that cannot be opened is
 * never written over: it reads as damaged, and is kept aside like any unreadable value.
 * Sealing is asynchronous: a write is in the page at once and in storage a few ms later;
 * the box says "Saved" only then (WB.Saver waits on it).
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var C = WB.vaultCrypto;
  var KINDS = C.KINDS;
  var fail = C.fail;
  var isSealed = C.isSealed;
  var seal = C.seal;
  var open = C.open;
  var sealBytes = C.sealBytes;
  var openBytes = C.openBytes;

  function Vault(store) {
    this.store = store;
    this.key = null;
    this.bits = null;
    this.cache = {}; // storage key -> {cipher: what storage holds, plain: what it says}
    this.pending = {}; // storage key -> the promise of its last write
    this.refreshing = {};
    this.configRaw = undefined;
    this.configValue = null;
    this.timer = null;
    this.active = Date.now();
    // This tab holds the key of its session: the page opens in a moment (main.js), without a flash of "locked".
    try {
      this.resuming = this.on() && !!window.sessionStorage.getItem(this.sessionKey());
    } catch (error) {
      this.resuming = false;
    }
    if (this.resuming) document.documentElement.classList.add('wb-is-resuming');
    var self = this;
    window.addEventListener('storage', function (event) {
      self.heard(event);
    });
  }

  Vault.prototype.real = function () {
    return this.store.real();
  };

  Vault.prototype.config = function () {
    var raw = null;
    try {
      raw = this.real().getItem(this.store.key('lock', 'config'));
    } catch (error) {
      return null;
    }
    if (raw !== this.configRaw) {
      this.configRaw = raw;
      try {
        this.configValue = raw === null ? null : JSON.parse(raw);
      } catch (error) {
        this.configValue = { broken: true };
      }
      var c = this.configValue;
      if (c !== null && (!c || typeof c !== 'object' || typeof c.salt !== 'string' || typeof c.check !== 'string' ||
          typeof c.iterations !== 'number' || c.iterations < WB.locked.ITERATIONS || c.iterations > WB.locked.MAX_ITERATIONS)) {
        this.configValue = { broken: true };
      }
    }
    return this.configValue;
  };

  Vault.prototype.writeConfig = function (config) {
    var key = this.store.key('lock', 'config');
    var text = JSON.stringify(config);
    var before = this.real().getItem(key);
    this.real().setItem(key, text);
    if (this.real().getItem(key) !== text) throw new Error('the lock settings read back differ');
    if (this.store.journal) this.store.journal.keep([[key, text, before]]).catch(function () {});
  };

  /** Is the lock on? Open: on, with the key here. Locked: on, without it. */
  Vault.prototype.on = function () {
    var on = !!this.config();
    if (!on && this.key) {
      // The settings went ("Clear all" removed everything): nothing is sealed any more.
      this.key = null;
      this.cache = {};
      if (this.forgetSession) this.forgetSession();
    }
    return on;
  };
  Vault.prototype.isOpen = function () {
    return this.on() && !!this.key;
  };
  Vault.prototype.isLocked = function () {
    return this.on() && !this.key;
  };

  /** Is this storage key one whose value the lock seals? */
  Vault.prototype.sealed = function (key) {
    var store = this.store;
    return typeof key === 'string' && KINDS.some(function (kind) {
      return key.indexOf(store.key(kind, '')) === 0;
    });
  };

  /** localStorage as WB.Store sees it: sealed values read and written as plain text, through the key. */
  Vault.prototype.view = function () {
    var real = this.real();
    if (!this.on()) return real;
    var self = this;
    return WB.Store.through(real, {
      getItem: function (key) {
        return self.sealed(key) ? self.get(key) : real.getItem(key);
      },
      setItem: function (key, text) {
        if (self.sealed(key)) self.set(key, text);
        else real.setItem(key, text);
      },
      removeItem: function (key) {
        if (!self.sealed(key)) return real.removeItem(key);
        if (!self.key) throw fail('WbLockedError', 'The workbook is locked');
        real.removeItem(key);
        self.cache[key] = { cipher: null, plain: null };
      }
    });
  };

  Vault.prototype.get = function (key) {
    var raw = this.real().getItem(key);
    // Locked: that a value is stored shows (for progress), never what it says.
    if (!this.key) {
      if (raw === null) return null;
      throw fail('WbLockedError', 'The workbook is locked');
    }
    var known = this.cache[key];
    if (known && known.cipher === raw) return known.plain;
    if (!isSealed(raw)) return raw; // not sealed yet (sealAll seals it)
    throw fail('WbStaleError', 'changed in another tab, not opened yet');
  };

  Vault.prototype.set = function (key, text) {
    if (!this.key) throw fail('WbLockedError', 'The workbook is locked');
    var raw = this.real().getItem(key);
    var known = this.cache[key];
    if (isSealed(raw) && !(known && known.cipher === raw)) throw fail('WbStaleError', 'changed in another tab, not opened yet');
    if (this.config().state === 'unlocking') {
      // The lock is being turned off: plain text, as everything will be.
      this.real().setItem(key, text);
      this.cache[key] = { cipher: text, plain: text };
      return;
    }
    this.cache[key] = { cipher: raw, plain: text };
    this.queue(key, text);
  };

  /** Seal and store the page's latest text for `key`, after its earlier writes. Resolves true, false (no journal) or {failed}. */
  Vault.prototype.queue = function (key, text) {
    var self = this;
    var aes = this.key;
    var job = (this.pending[key] || Promise.resolve()).then(function () {
      var now = self.cache[key];
      if (!now || now.plain !== text) return true; // a later write replaces this one
      return seal(aes, text).then(function (cipher) {
        var known = self.cache[key];
        if (!known || known.plain !== text) return true;
        var real = self.real();
        var before = real.getItem(key);
        if (before !== null && before !== known.cipher) {
          // Another tab wrote here meanwhile: its value is kept aside, as it is, before this one goes in.
          var aside = self.store.key('aside', key.slice(self.store.prefix.length) + ':' + Date.now());
          real.setItem(aside, before);
          self.refresh([aside]);
        }
        real.setItem(key, cipher);
        if (real.getItem(key) !== cipher) throw new Error('the value read back differs from the value written');
        known.cipher = cipher;
        return self.keep([[key, cipher, before]]);
      });
    }).catch(function (error) {
      return { failed: WB.Store.classify(error) };
    });
    this.pending[key] = job;
    return job;
  };

  Vault.prototype.keep = function (writes) {
    var journal = this.store.journal;
    return journal ? journal.keep(writes).then(function () {
      return true;
    }, function () {
      return false;
    }) : Promise.resolve(false);
  };

  /** WB.Store's `durable` for writes [[key, text or null, text before]]: sealed ones once they are stored. */
  Vault.prototype.durable = function (writes) {
    var self = this;
    return Promise.all(writes.map(function (write) {
      if (self.sealed(write[0]) && write[1] !== null && self.pending[write[0]]) return self.pending[write[0]];
      return self.keep([write]);
    })).then(function (results) {
      var failed = results.filter(function (result) {
        return result && result.failed;
      })[0];
      return failed || results.every(function (result) {
        return result === true;
      });
    });
  };

  /** Open what storage holds now for these keys (another tab wrote them). Resolves when cached. */
  Vault.prototype.refresh = function (keys) {
    var self = this;
    var aes = this.key;
    return Promise.all(keys.map(function (key) {
      var raw = self.real().getItem(key);
      var opened = !aes || !isSealed(raw) ? Promise.resolve(raw) : open(aes, raw).catch(function () {
        return raw; // cannot be opened: shown as damaged, kept aside, never written over
      });
      var job = opened.then(function (plain) {
        if (aes && self.key === aes && self.real().getItem(key) === raw) self.cache[key] = { cipher: raw, plain: plain };
        return self.cache[key] ? self.cache[key].plain : plain;
      });
      self.refreshing[key] = job;
      return job;
    }));
  };

  /** The plain text of a key another tab just changed, once opened. */
  Vault.prototype.fresh = function (key) {
    return this.refreshing[key] || this.refresh([key]).then(function (plain) {
      return plain[0];
    });
  };

  /** Every sealed value opened into the cache, with `key`. */
  Vault.prototype.readAll = function (key) {
    var self = this;
    var real = this.real();
    var cache = {};
    var keys = this.store.keys().filter(function (name) {
      return self.sealed(name);
    });
    return Promise.all(keys.map(function (name) {
      var raw = real.getItem(name);
      if (!isSealed(raw)) return null;
      return open(key, raw).then(function (plain) {
        cache[name] = { cipher: raw, plain: plain };
      }, function () {
        cache[name] = { cipher: raw, plain: raw };
      });
    })).then(function () {
      return cache;
    });
  };

  /** Seal (or, `opening`, open) every value still the other way; photos and the journal too. */
  Vault.prototype.convert = function (opening) {
    var self = this;
    var aes = this.key;
    var real = this.real();
    var failed = 0;
    var keys = this.store.keys().filter(function (name) {
      return self.sealed(name);
    });
    var chain = keys.reduce(function (done, name) {
      return done.then(function () {
        var raw = real.getItem(name);
        if (raw === null || isSealed(raw) === !opening) return null;
        return (opening ? open(aes, raw) : seal(aes, raw)).then(function (text) {
          if (real.getItem(name) !== raw) return null; // changed meanwhile: the next pass does it
          real.setItem(name, text);
          if (real.getItem(name) !== text) throw new Error('the value read back differs');
          self.cache[name] = { cipher: text, plain: opening ? text : raw };
          return self.keep([[name, text, raw]]);
        }, function (error) {
          if (!opening) throw error;
          failed++; // cannot be opened: left as it is
        });
      });
    }, Promise.resolve());
    return chain.then(function () {
      return WB.photos && WB.photos.convert ? WB.photos.convert(opening ? function (buffer) {
        return openBytes(aes, buffer);
      } : function (buffer) {
        return sealBytes(aes, buffer);
      }, opening) : 0;
    }).then(function (pictures) {
      failed += pictures || 0;
      return self.store.journal ? rewriteJournal(self.store.journal, function (entry) {
        if (!self.sealed(entry.key) || entry.raw === null || isSealed(entry.raw) === !opening) return undefined;
        return opening ? open(aes, entry.raw) : seal(aes, entry.raw);
      }).catch(function () {}) : null;
    }).then(function () {
      return failed;
    });
  };

  /**
   * Rewrite the texts the journal keeps (journal.js; the lock seals or opens them): `change(entry)` gives the new text,
   * or a promise of it, or undefined to leave it. An entry written meanwhile is left as it is.
   */
  function rewriteJournal(journal, change) {
    return journal.entries().then(function (out) {
      return Promise.all(out.entries.map(function (entry) {
        return Promise.resolve(change(entry)).then(function (raw) {
          return raw === undefined ? null : [entry, raw];
        }, function () {
          return null;
        });
      }));
    }).then(function (pairs) {
      pairs = pairs.filter(Boolean);
      if (!pairs.length) return null;
      return journal.run('readwrite', function (store) {
        pairs.forEach(function (pair) {
          store.get(pair[0].key).onsuccess = function (event) {
            var now = event.target.result;
            if (!now || now.raw !== pair[0].raw) return;
            now.raw = pair[1];
            store.put(now);
          };
        });
      });
    });
  }

  WB.Vault = Vault;
})(window, document);
