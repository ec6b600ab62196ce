/*
 * WB.Saver: the save cycle of one prompt's answer, shared by every kind of
 * answer (a text box, the ladder, ...). It restores, saves after a short pause
 * or at once, flushes when the page is hidden or left, shows when the answer was
 * saved, and shows a failure loudly with a way out. It never writes over a
 * stored value it could not read, nor over one another tab saved since this page
 * last read or wrote it (that value is kept aside first, and the reader told).
 *
 *   var saver = new WB.Saver(root, owner);   // owner: the module, or an object, with
 *     owner.id                 the prompt's id
 *     owner.value()            what to store now
 *     owner.text()             the answer as text, for "Copy my answer"
 *     owner.valid(value)       can this module show a stored value?
 *     owner.show(value)        put a stored value (or null: none) on screen
 *     owner.saved(value)       optional: called after each save
 *     owner.early()            optional: text typed before the script ran, or '' (restore saves it)
 *   saver.restore();  saver.edited([now, announcement]);  saver.save([announcement]);
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var KIND = 'answer';
  var SAVE_DELAY = 250; // ms after the last keystroke

  /** Savers with edits not yet saved: flushed when the page is hidden or left. */
  var unsaved = new Set();
  /** Every saver, to catch up after the page comes back from the back-forward cache. */
  var live = new Set();

  function flushAll() {
    unsaved.forEach(function (saver) {
      saver.save();
    });
  }

  /**
   * "Saved today at 14:02." or "Saved on 3 October at 09:00." (the year too when it is not this
   * one); `elsewhere`: saved in another tab or window.
   */
  function savedAt(iso, elsewhere) {
    var date = new Date(iso);
    var time = WB.time(date);
    if (WB.isToday(date)) {
      return elsewhere ? WB.t('saver.saved_today_elsewhere', { time: time }) : WB.t('saver.saved_today', { time: time });
    }
    return elsewhere
      ? WB.t('saver.saved_on_elsewhere', { date: WB.shortDay(date), time: time })
      : WB.t('saver.saved_on', { date: WB.shortDay(date), time: time });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function button(text, action) {
    var node = element('button', 'wb-button', text);
    node.type = 'button';
    node.setAttribute('data-wb-action', action);
    return node;
  }

  function Saver(root, owner) {
    this.root = root;
    this.id = owner.id;
    this.owner = owner;
    this.status = root.querySelector('.wb-prompt__status');
    this.timer = null;
    this.dirty = false;
    this.locked = false;
    this.problem = null; // why the answer is not saved ("quota", ...), while it is not
    this.aside = null; // words kept aside, or not: {raw, elsewhere, kept}
    this.alert = null; // their alert and note, once shown (problems.js)
    this.notice = null;
    this.seen = null; // the stored text as this page last read or wrote it
    if (!this.status) throw new Error('wb: prompt ' + this.id + ' has no status line');

    var self = this;
    root.addEventListener('click', function (event) {
      var target = event.target.closest('[data-wb-action]');
      if (target && self.act(target.getAttribute('data-wb-action'), target)) event.stopPropagation();
    });
    this.stopListening = WB.store.onChange(KIND, this.id, function (raw) {
      self.changedElsewhere(raw);
    });
    live.add(this);
    // "Keep this version" and the versions kept (versions-panel.js, in the bundle wb-versions), where the
    // build wrote its row (not for photos). Their code comes where this prompt has versions kept, else
    // at the first "Keep this version" here or another tab's: a page where none is kept carries none.
    this.versionRow = root.querySelector(':scope > .wb-versions');
    if (this.versionRow && (WB.VersionPanel || WB.store.read('versions', this.id).state !== 'empty')) {
      this.startVersions();
    } else if (this.versionRow) {
      this.stopVersions = WB.store.onChange('versions', this.id, function () {
        if (document.contains(root)) self.startVersions();
        else self.stopVersions();
      });
    }
  }

  /**
   * The versions panel, started once its code is here: a promise of it, or of null where its code
   * could not be loaded (a click on "Keep this version" says so) or it could not start (its row is hidden).
   */
  Saver.prototype.startVersions = function () {
    var self = this;
    if (this.stopVersions) this.stopVersions();
    this.stopVersions = null;
    if (this.versions) return Promise.resolve(this.versions);
    this.panel = this.panel || Promise.resolve(WB.need(['wb-versions'])).then(function () {
      if (!WB.VersionPanel) {
        self.panel = null;
        return null;
      }
      try {
        self.versions = new WB.VersionPanel(self, self.versionRow);
      } catch (error) {
        self.versionRow.hidden = true;
        if (window.console) console.error('wb: the versions of ' + self.id, error);
      }
      return self.versions || null;
    });
    return this.panel;
  };

  /** "Keep this version" before the panel's code is here: keep it once it is, or say it could not come. */
  Saver.prototype.keepVersion = function () {
    var said = this.versionRow.querySelector('.wb-versions__said');
    if (said) said.textContent = ''; // said again on each click, as the panel does
    this.startVersions().then(function (panel) {
      if (panel) panel.keep();
      else if (said) {
        window.setTimeout(function () {
          said.textContent = WB.t('saver.versions_missing');
        }, 50);
      }
    });
  };

  /** Show what is stored, or say why nothing can be shown. */
  Saver.prototype.restore = function () {
    // Locked (vault.js, or the lock is on and its code not here yet): every box waits, answered or not.
    if (WB.store.isLocked()) return this.seal();
    var result = WB.store.read(KIND, this.id);
    if (result.state === 'unavailable' && result.reason === 'locked') return this.seal();
    this.unseal();
    this.opened = true;
    if (result.state === 'ok' || result.state === 'empty') this.seen = result.raw || null;
    // Words typed before the script started (a slow page): saved now, after any stored answer.
    var early = this.owner.early ? this.owner.early() : '';
    if (result.state === 'ok' && this.owner.valid(result.record.value)) {
      var stored = result.record.value;
      if (early && early !== stored) {
        this.owner.show(stored ? stored + '\n\n' + early : early);
        this.edited(true);
      } else {
        this.owner.show(stored);
        this.setStatus(savedAt(result.record.saved));
      }
    } else if (result.state === 'ok' || result.state === 'corrupt') {
      this.keepAside(result.raw);
    } else if (result.state === 'empty') {
      this.setStatus(WB.t('saver.saves_as_you_type'));
      if (early) this.edited(true);
    } else {
      // One message for the whole page says why (main.js).
      this.setStatus(WB.t('saver.not_saved_blocked'), true);
    }
  };

  /** The question's words as its heading shows them (without its number), kept with the answer. */
  Saver.prototype.words = function () {
    var heading = this.root.querySelector('.wb-prompt__heading');
    var text = heading ? heading.textContent.replace(/\s+/g, ' ').trim() : '';
    return text.indexOf(this.id + ' ') === 0 ? text.slice(this.id.length + 1) : text;
  };

  /**
   * The workbook is locked (vault.js): the box is emptied and takes no typing, and says how
   * to unlock. Words not saved yet (typed before the page knew) stay, said to be unsaved.
   */
  Saver.prototype.seal = function () {
    // Words typed before the script ran: only until the box first showed what is stored.
    var early = !this.opened && this.owner.early ? this.owner.early() : '';
    if (this.dirty || early) {
      this.setStatus(WB.t('saver.not_saved_until_unlocked'), true);
      return;
    }
    // How to unlock (lock.js). Before the lock's code has come (another tab has just turned it on) an empty
    // note, filled in once it has; where it cannot come, the page's message says why nothing is saved.
    if (!this.sealed || (WB.sealNote && !this.sealed.firstChild)) {
      var note = WB.sealNote ? WB.sealNote() : element('div', 'wb-sealed');
      if (this.sealed) this.sealed.replaceWith(note);
      else this.status.parentNode.insertBefore(note, this.status);
      this.sealed = note;
    }
    this.owner.show(null);
    if (this.notice) this.notice.remove();
    this.notice = this.aside = null;
    this.clearAlert();
    this.root.classList.add('wb-prompt--sealed');
    var controls = this.root.querySelectorAll('input, textarea, select, button, canvas');
    for (var i = 0; i < controls.length; i++) {
      var control = controls[i];
      if (this.sealed.contains(control) || control.disabled) continue;
      // Text fields read-only, not disabled: a key typed there must not reach the page's shortcuts.
      var text = control.tagName === 'TEXTAREA' || (control.tagName === 'INPUT' && /^(text|search|)$/.test(control.type));
      if (text && control.readOnly) continue;
      control.setAttribute('data-wb-sealed', text ? 'readonly' : '');
      if (control.tagName === 'CANVAS') control.setAttribute('aria-disabled', 'true');
      else if (text) control.readOnly = true;
      else control.disabled = true;
    }
    this.setStatus(WB.t('saver.locked'));
  };

  /** Unlocked: the box takes typing again. */
  Saver.prototype.unseal = function () {
    if (!this.sealed) return;
    this.sealed.remove();
    this.sealed = null;
    this.root.classList.remove('wb-prompt--sealed');
    var controls = this.root.querySelectorAll('[data-wb-sealed]');
    for (var i = 0; i < controls.length; i++) {
      var how = controls[i].getAttribute('data-wb-sealed');
      controls[i].removeAttribute('data-wb-sealed');
      if (controls[i].tagName === 'CANVAS') controls[i].removeAttribute('aria-disabled');
      else if (how === 'readonly') controls[i].readOnly = false;
      else controls[i].disabled = false;
    }
  };

  /** The status line under the answer; `problem`: it says the answer is not saved (shown as a problem). */
  Saver.prototype.setStatus = function (text, problem) {
    this.status.textContent = text;
    this.status.classList.toggle('wb-prompt__status--problem', !!problem);
  };

  /**
   * Something changed: save after a pause, or now (a single choice, a stroke, a
   * photo); then `announcement` is what a screen reader hears instead of "Saved".
   * Returns true when saved now.
   */
  Saver.prototype.edited = function (now, announcement) {
    var self = this;
    if (this.sealed) return false; // locked: nothing is taken (the controls are disabled too)
    this.dirty = true;
    unsaved.add(this);
    WB.announce.cancel();
    window.clearTimeout(this.timer);
    if (now) return this.save(announcement);
    this.timer = window.setTimeout(function () {
      self.save();
    }, SAVE_DELAY);
    return false;
  };

  /** Save now if anything changed. Returns true when what is on screen is stored. */
  Saver.prototype.save = function (announcement) {
    window.clearTimeout(this.timer);
    if (!this.dirty) return true;
    if (this.locked) {
      this.failed('aside');
      return false;
    }
    // Locked (here, or just now in another tab): the words stay on the page, and are saved once unlocked.
    if (WB.store.isLocked()) {
      this.setStatus(WB.t('saver.not_saved_until_unlocked'), true);
      return false;
    }
    // Saved by another tab since this page last read or wrote it: keep those words first.
    var stored = WB.store.read(KIND, this.id);
    var elsewhere = stored.state === 'ok' || stored.state === 'corrupt' ? stored.raw : null;
    if (elsewhere !== null && elsewhere !== this.seen) {
      if (!this.keepAside(elsewhere, true)) {
        this.failed('aside');
        return false;
      }
    }
    var result = WB.store.write(KIND, this.id, this.owner.value(), this.words());
    if (!result.ok) {
      this.failed(result.reason);
      return false;
    }
    this.seen = WB.store.text(result.record);
    this.dirty = false;
    unsaved.delete(this);
    // "Saved" once it is on disk (the journal's strict write), not just in the browser's memory.
    var self = this;
    var token = (this.token = (this.token || 0) + 1);
    var said = savedAt(result.record.saved);
    (result.durable || Promise.resolve()).then(function (done) {
      if (done && done.failed && self.token === token) {
        // The lock's sealed write did not go into storage: the words are on the page only.
        self.dirty = true;
        unsaved.add(self);
        self.failed(done.failed === 'locked' ? 'unavailable' : done.failed);
        return;
      }
      if (self.token === token && !self.dirty && !self.alert) self.setStatus(said);
    });
    this.clearAlert();
    if (this.owner.saved) this.owner.saved(result.record.value);
    WB.announce.later(announcement || WB.t('saver.announce_saved'));
    WB.changed(this.id);
    return true;
  };

  /** The answer is not saved (for `reason`): said at once, and why (with the ways out) once the code for that is here. */
  Saver.prototype.failed = function (reason) {
    this.setStatus(WB.t('saver.not_saved'), true);
    this.problem = reason;
    this.explain();
  };

  /** Saved after all, or locked: the alert goes (the note about words kept aside stays, until the box is locked). */
  Saver.prototype.clearAlert = function () {
    this.problem = null;
    if (this.alert) this.alert.remove();
    this.alert = null;
  };

  /**
   * Show the alert and the note this prompt's state calls for (problems.js, the bundle wb-problems,
   * loaded the first time one is needed). Where that code cannot come, the status line still says
   * the answer is not saved, and to copy the words.
   */
  Saver.prototype.explain = function () {
    var self = this;
    if (!this.problem && !this.aside) return;
    Promise.resolve(WB.need(['wb-problems'])).then(function () {
      if (!WB.problems) throw new Error('the code for problems did not load');
      WB.problems.show(self);
    }).catch(function (error) {
      if (self.problem) self.setStatus(WB.t('saver.not_saved_copy'), true);
      if (window.console) console.error('wb: saying why ' + self.id + ' is not saved', error);
    });
  };

  /** The saver's own buttons. Returns true when the click was one of them. */
  Saver.prototype.act = function (action, target) {
    if (action === 'retry') {
      this.dirty = true;
      this.clearAlert();
      this.save();
    } else if (action === 'keep-version' && !this.versions && this.versionRow) {
      this.keepVersion();
    } else {
      // The buttons of the alert and the note: their code is here, as it made them.
      return !!WB.problems && WB.problems.act(this, action, target);
    }
    return true;
  };

  /**
   * A stored value this code cannot read, or (`elsewhere`) one another tab saved
   * while this one was being written: keep it, untouched, and say so. Returns
   * true when it is kept.
   */
  Saver.prototype.keepAside = function (raw, elsewhere) {
    var kept = WB.store.keepAside(KIND, this.id, raw);
    if (elsewhere && !kept.ok) return false;
    this.locked = !kept.ok;
    if (kept.ok) this.seen = raw;
    this.aside = { raw: raw, elsewhere: !!elsewhere, kept: kept.ok };
    if (!elsewhere) this.setStatus(kept.ok ? WB.t('saver.saves_as_you_type') : WB.t('saver.not_saved'), !kept.ok);
    this.explain();
    return kept.ok;
  };

  /** Another tab saved (or cleared) this answer: show it, unless this one has unsaved edits. */
  Saver.prototype.changedElsewhere = function (raw) {
    if (!document.contains(this.root)) {
      this.stopListening();
      live.delete(this);
      return;
    }
    // While the reader is typing here, or when it cannot be shown here, the other
    // tab's value stays stored; the next save here keeps it aside before writing.
    if (this.dirty) return;
    var record = raw === null ? null : WB.parseRecord(raw);
    if (raw !== null && (!record || !this.owner.valid(record.value))) return;
    this.seen = raw;
    var value = record ? record.value : null;
    if (JSON.stringify(value) === JSON.stringify(this.owner.value())) return;
    this.owner.show(value);
    this.setStatus(record ? savedAt(record.saved, true) : WB.t('saver.cleared_elsewhere'));
    WB.changed(this.id);
  };

  /** Save every box now: true when nothing is left unsaved (the lock waits for it). */
  WB.saveAll = function () {
    flushAll();
    return unsaved.size === 0;
  };

  // The workbook locked or opened (vault.js): each box empties and waits, or shows what is stored.
  document.addEventListener('wb:lock', function (event) {
    live.forEach(function (saver) {
      if (!document.contains(saver.root)) return;
      if (event.detail.state === 'locked') saver.seal();
      else if (saver.dirty) saver.save();
      else saver.restore();
    });
  });

  window.addEventListener('pagehide', flushAll);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') flushAll();
  });
  // A page restored from the back-forward cache missed other tabs' changes.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) return;
    live.forEach(function (saver) {
      var result = WB.store.read(KIND, saver.id);
      if (result.state === 'ok' || result.state === 'empty') saver.changedElsewhere(result.raw || null);
    });
  });
  /** Keys the journal put back (journal.js): each box shows what is stored now, as for another tab's save. */
  WB.replayed = function (keys) {
    live.forEach(function (saver) {
      if (keys.indexOf(WB.store.key(KIND, saver.id)) === -1) return;
      var result = WB.store.read(KIND, saver.id);
      if (result.state === 'ok' || result.state === 'empty') saver.changedElsewhere(result.raw || null);
    });
    keys.forEach(function (key) {
      var start = WB.store.key(KIND, '');
      if (key.indexOf(start) === 0) WB.changed(key.slice(start.length));
    });
  };

  /** Does Material's instant navigation change pages without unloading this one? */
  function instant() {
    var config = document.getElementById('__config');
    try {
      return !!config && JSON.parse(config.textContent).features.indexOf('navigation.instant') !== -1;
    } catch (error) {
      return false;
    }
  }

  // Instant navigation fires no beforeunload: a link that would leave answers
  // that could not be saved asks first (capture phase, before Material's handler).
  document.addEventListener('click', function (event) {
    if (!unsaved.size || event.defaultPrevented || !instant()) return;
    var link = event.target.closest && event.target.closest('a[href]');
    if (!link || link.target === '_blank' || link.hasAttribute('download')) return;
    var url = new URL(link.href, location.href);
    if (url.origin !== location.origin || (url.pathname === location.pathname && url.hash)) return;
    flushAll();
    if (!unsaved.size) return;
    if (!window.confirm(WB.t('saver.leave_unsaved'))) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);

  window.addEventListener('beforeunload', function (event) {
    flushAll();
    if (unsaved.size > 0) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  /**
   * A module for data-module="<name>" (started by main.js), and the rules of its
   * answers for every part of the site that reads them (backup, My answers, copies
   * know no kind but through these): {valid(value), answered(value), text(value, el)
   * (plain text for copies), merge(mine, theirs, el, created) (both kept, or null),
   * render?(value, el) (for My answers and print; else its text), words?(value)
   * (the words in a value that may not be valid, kept aside; else null),
   * photos?(value) (the photo ids it points to, valid or not), renamePhotos?(value,
   * names) (a copy with photo ids renamed; a value without photos as it is)}.
   */
  WB.register = function (name, Module, kind) {
    (WB.modules = WB.modules || {})[name] = Module;
    if (kind) (WB.kinds = WB.kinds || {})[name] = kind;
  };

  WB.Saver = Saver;
  WB.savedAt = savedAt;
  WB.element = element;
  WB.button = button;
})(window, document);
