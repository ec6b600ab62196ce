/*
 * The workbook's storage layer. Every answer of every kind is read and written
 * through WB.store, in the reader's own browser only.
 *
 * Keys:    wb:v1:<namespace>:<kind>:<id>        e.g. wb:v1:peer-mentoring:answer:1.1
 *          A namespace is set by the organisation (e.g. "example-trust"), or made by the
 *          build from the name and the site's path ("peer-mentoring/cohort/2025").
 * Values:  {"v":1,"value":<any JSON>,"saved":"<ISO date>"}
 *
 * Nothing here ever touches a key without our prefix, and nothing here ever
 * deletes or overwrites a value it could not read: that value is kept aside
 * first (kind "aside"), and a caller that cannot keep it aside must not write.
 */
(function (window) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var FORMAT = 1;
  // A set namespace, or a derived one: the name's slug, then the site's path (percent-encoded) after "/".
  var RE_NAMESPACE = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[A-Za-z0-9._~%-]+)*$/;
  // The kinds of stored value the lock (vault.js) seals, and how a sealed value starts.
  var SEALED = ['answer', 'versions', 'aside', 'undo'];
  var SEALED_PREFIX = 'wb-sealed:1:';

  /** "quota", "blocked" or "unavailable": what went wrong, in words a message can use. */
  function classify(error) {
    var name = error && error.name;
    var code = error && error.code;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014) {
      return 'quota';
    }
    if (name === 'SecurityError' || name === 'NotAllowedError') {
      return 'blocked';
    }
    if (name === 'WbLockedError') return 'locked';
    return 'unavailable';
  }

  /** A record as stored, or null when the text is not one of ours. */
  function parseRecord(raw) {
    var record;
    try {
      record = JSON.parse(raw);
    } catch (error) {
      return null;
    }
    if (!record || typeof record !== 'object' || Array.isArray(record)) return null;
    if (record.v !== FORMAT || !Object.prototype.hasOwnProperty.call(record, 'value')) return null;
    if (typeof record.saved !== 'string' || isNaN(Date.parse(record.saved))) return null;
    return record;
  }

  function Store(namespace) {
    if (!RE_NAMESPACE.test(namespace)) {
      throw new Error('wb: storage namespace "' + namespace + '" must be lower-case letters, digits and dashes (then a path)');
    }
    this.namespace = namespace;
    this.prefix = 'wb:v' + FORMAT + ':' + namespace + ':';
    this.listeners = {};
    this.listening = false;
    // Keys this page has written since it loaded: newer than anything the journal replays.
    this.written = {};
  }

  /** localStorage itself: reading the property throws where site data is blocked. */
  Store.prototype.real = function () {
    var storage = window.localStorage;
    if (!storage) throw new Error('localStorage is not available');
    return storage;
  };

  /**
   * Storage as this code reads and writes it: through the lock (vault.js) when it is on. Before the
   * lock's code is here (main.js loads it), a page where the lock is on sees it locked: which
   * prompts have a stored value shows, never what it says, and nothing the lock seals is written;
   * a sealed value found with the lock off (being cleared in another tab) is left alone too.
   */
  Store.prototype.backend = function () {
    if (this.vault) return this.vault.view();
    var real = this.real();
    var self = this;
    var on = this.lockOn();
    // A sealed value is never read as damaged, nor written over, by a page without the lock's code.
    function sealed(key, raw) {
      return (on && self.isSealed(key)) || (typeof raw === 'string' && raw.indexOf(SEALED_PREFIX) === 0);
    }
    function refuse() {
      throw Object.assign(new Error('The workbook is locked'), { name: 'WbLockedError' });
    }
    return Store.through(real, {
      getItem: function (key) {
        var raw = real.getItem(key);
        if (raw !== null && sealed(key, raw)) refuse();
        return raw;
      },
      setItem: function (key, text) {
        if (sealed(key, real.getItem(key))) refuse();
        real.setItem(key, text);
      },
      removeItem: function (key) {
        if (sealed(key, real.getItem(key))) refuse();
        real.removeItem(key);
      }
    });
  };

  /** localStorage seen through `own` (its getItem, setItem and removeItem); its keys as they are. */
  Store.through = function (real, own) {
    return {
      get length() {
        return real.length;
      },
      key: function (i) {
        return real.key(i);
      },
      getItem: own.getItem,
      setItem: own.setItem,
      removeItem: own.removeItem
    };
  };

  /** Are the lock's settings stored (the lock is on, or being turned on or off)? Read at every use. */
  Store.prototype.lockOn = function () {
    try {
      return this.real().getItem(this.key('lock', 'config')) !== null;
    } catch (error) {
      return false;
    }
  };

  /** Is the lock on without its key here (or without its code yet): nothing sealed can be read or written? */
  Store.prototype.isLocked = function () {
    return this.vault ? this.vault.isLocked() : this.lockOn();
  };

  /** Is this storage key one whose value the lock seals? */
  Store.prototype.isSealed = function (key) {
    var self = this;
    return typeof key === 'string' && SEALED.some(function (kind) {
      return key.indexOf(self.key(kind, '')) === 0;
    });
  };

  Store.prototype.key = function (kind, id) {
    return this.prefix + kind + ':' + id;
  };

  /** Is storage there to be read? {ok: true} or {ok: false, reason}. */
  Store.prototype.check = function () {
    try {
      this.backend().getItem(this.key('check', 'read'));
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: classify(error), error: error };
    }
  };

  /**
   * {state: "empty"} | {state: "ok", record, raw} | {state: "corrupt", raw}
   * | {state: "unavailable", reason, error}
   */
  Store.prototype.read = function (kind, id) {
    var raw;
    try {
      raw = this.backend().getItem(this.key(kind, id));
    } catch (error) {
      return { state: 'unavailable', reason: classify(error), error: error };
    }
    if (raw === null) return { state: 'empty' };
    var record = parseRecord(raw);
    return record ? { state: 'ok', record: record, raw: raw } : { state: 'corrupt', raw: raw };
  };

  /** Write one value. {ok: true, record} or {ok: false, reason, error}; never throws. */
  Store.prototype.write = function (kind, id, value, prompt) {
    var record = { v: FORMAT, value: value, saved: new Date().toISOString() };
    if (typeof prompt === 'string' && prompt) record.prompt = prompt;
    var result = this.put(kind, id, record);
    if (result.ok) result.record = record;
    return result;
  };

  /** Write a record exactly as given (a restore keeps each answer's own "saved" date). */
  Store.prototype.put = function (kind, id, record) {
    return this.putRaw(kind, id, this.text(record));
  };

  /** A record as its stored text. */
  /**
   * A record as its stored text. An answer may carry its question's words
   * ("prompt"), so that it can be shown under them if the question is ever
   * removed from the workbook; code that does not know the field reads the rest.
   */
  Store.prototype.text = function (record) {
    var kept = { v: FORMAT, value: record.value, saved: record.saved };
    if (typeof record.prompt === 'string' && record.prompt) kept.prompt = record.prompt;
    return JSON.stringify(kept);
  };

  /**
   * Write stored text as given. {ok, durable} or {ok: false, reason}: `durable`
   * resolves once the write is also on disk in the journal (journal.js), or the
   * journal cannot be used.
   */
  Store.prototype.putRaw = function (kind, id, text) {
    var key = this.key(kind, id);
    try {
      var storage = this.backend();
      var before = storage.getItem(key);
      storage.setItem(key, text);
      if (storage.getItem(key) !== text) throw new Error('the value read back differs from the value written');
      return { ok: true, durable: this.journalled([[key, text, before]]) };
    } catch (error) {
      return { ok: false, reason: classify(error), error: error };
    }
  };

  /** Keep writes [[key, text or null, text before]] in the journal too; resolves either way. */
  Store.prototype.journalled = function (writes) {
    var written = this.written;
    writes.forEach(function (write) {
      written[write[0]] = true;
    });
    if (this.vault && this.vault.on() && writes.length) return this.vault.durable(writes);
    if (!this.journal || !writes.length) return Promise.resolve(false);
    return this.journal.keep(writes).then(function () {
      return true;
    }, function () {
      return false;
    });
  };

  /** Remove one value of ours. {ok, durable} or {ok: false, reason}. */
  Store.prototype.remove = function (kind, id) {
    var key = this.key(kind, id);
    try {
      var storage = this.backend();
      var before = this.real().getItem(key); // as stored (sealed when the lock is on)
      storage.removeItem(key);
      return { ok: true, durable: before === null ? Promise.resolve(true) : this.journalled([[key, null, before]]) };
    } catch (error) {
      return { ok: false, reason: classify(error), error: error };
    }
  };

  /** Every stored value of one kind: [{id, raw, record (null when unreadable)}]. */
  Store.prototype.list = function (kind) {
    var start = this.key(kind, '');
    var storage = this.backend();
    return this.keys(start).map(function (key) {
      var raw;
      try {
        raw = storage.getItem(key);
      } catch (error) {
        raw = null; // locked, or just changed in another tab and not opened yet: nothing to show or keep
      }
      return { id: key.slice(start.length), raw: raw, record: raw === null ? null : parseRecord(raw) };
    });
  };

  /**
   * Keep a value that could not be read under kind "aside", untouched, so that
   * the key can be written again. Copies it once: a second call with the same
   * text finds the first copy. {ok: true, key, added (false: the copy was there)} or {ok: false, reason}.
   */
  Store.prototype.keepAside = function (kind, id, raw) {
    var base = this.key('aside', kind + ':' + id);
    try {
      var storage = this.backend();
      var existing = this.keys(base + ':');
      for (var i = 0; i < existing.length; i++) {
        if (storage.getItem(existing[i]) === raw) return { ok: true, key: existing[i], added: false };
      }
      var time = Date.now();
      while (storage.getItem(base + ':' + time) !== null) time++;
      var key = base + ':' + time;
      storage.setItem(key, raw);
      if (storage.getItem(key) !== raw) throw new Error('the copy read back differs');
      this.journalled([[key, raw, null]]);
      return { ok: true, key: key, added: true };
    } catch (error) {
      return { ok: false, reason: classify(error), error: error };
    }
  };

  /** Our keys (all of this workbook's, or those starting with `start`). */
  Store.prototype.keys = function (start) {
    var storage = this.backend();
    var from = start || this.prefix;
    var found = [];
    for (var i = 0; i < storage.length; i++) {
      var key = storage.key(i);
      if (key !== null && key.indexOf(from) === 0) found.push(key);
    }
    return found;
  };

  /**
   * Call `listener(raw)` when another tab or window changes this value
   * (raw is null when it was removed). Returns a function that stops it.
   */
  Store.prototype.onChange = function (kind, id, listener) {
    var key = this.key(kind, id);
    var self = this;
    (this.listeners[key] = this.listeners[key] || []).push(listener);
    if (!this.listening) {
      this.listening = true;
      window.addEventListener('storage', function (event) {
        var list = event.key && self.listeners[event.key];
        if (!list) return;
        var tell = function (value) {
          list.slice().forEach(function (fn) {
            fn(value);
          });
        };
        var vault = self.vault;
        // With the lock on, a sealed value is told once opened; while locked (or without its code), not at all.
        if (vault && vault.on() && vault.sealed(event.key)) {
          if (vault.isOpen()) vault.fresh(event.key).then(tell);
          return;
        }
        if (!vault && self.lockOn()) return;
        tell(event.newValue);
      });
    }
    return function () {
      var list = self.listeners[key] || [];
      var at = list.indexOf(listener);
      if (at !== -1) list.splice(at, 1);
    };
  };

  Store.classify = classify;
  Store.SEALED = SEALED;
  Store.SEALED_PREFIX = SEALED_PREFIX;
  WB.Store = Store;
  WB.parseRecord = parseRecord;

  /**
   * A database of one object store (IndexedDB), opened once a page and again when needed after
   * another tab deleted or upgraded it: the promise is kept in `holder.opening`. `failed(error)`
   * is what a failure rejects with; `ready(db)`, if given, runs once on the open database.
   */
  WB.openDatabase = function (holder, name, store, keyPath, failed, ready) {
    if (holder.opening) return holder.opening;
    holder.opening = new Promise(function (resolve, reject) {
      var request;
      try {
        if (!window.indexedDB) throw Object.assign(new Error('IndexedDB is not available'), { name: 'SecurityError' });
        request = window.indexedDB.open(name, 1);
      } catch (error) {
        reject(failed(error));
        return;
      }
      request.onupgradeneeded = function () {
        request.result.createObjectStore(store, { keyPath: keyPath });
      };
      request.onsuccess = function () {
        var db = request.result;
        db.onversionchange = function () {
          db.close();
          holder.opening = null;
        };
        db.onclose = function () {
          holder.opening = null;
        };
        resolve(ready ? ready(db) : db);
      };
      request.onerror = function () {
        reject(failed(request.error));
      };
    });
    holder.opening.catch(function () {
      holder.opening = null; // try again next time: the reader may have allowed storage
    });
    return holder.opening;
  };

  /**
   * Run `work(objectStore, out)` in one transaction of `db`; resolves with `out` once the
   * transaction is complete (for writes: on disk, durability strict), rejects with `failed(error)`.
   */
  WB.transaction = function (db, store, mode, work, failed) {
    return new Promise(function (resolve, reject) {
      var out = {};
      var tx;
      try {
        tx = mode === 'readwrite' ? db.transaction(store, mode, { durability: 'strict' }) : db.transaction(store, mode);
        work(tx.objectStore(store), out);
      } catch (error) {
        if (tx) {
          try {
            tx.abort();
          } catch (ignored) {
            /* already finished */
          }
        }
        reject(failed(error));
        return;
      }
      tx.oncomplete = function () {
        resolve(out);
      };
      tx.onabort = tx.onerror = function () {
        reject(failed(tx.error));
      };
    });
  };

  var meta = document.querySelector('meta[name="wb-namespace"]');
  var workbook = document.querySelector('meta[name="wb-workbook"]');
  if (meta) {
    WB.store = new Store(meta.getAttribute('content'));
    // The lock (vault.js, in its own bundle) joins WB.store when its code has loaded; answers saved
    // under an earlier namespace are brought over by migrate.js, in the core of sites that had one.
    // The workbook's id in backups: the same online, offline and at any path.
    WB.workbook = workbook ? workbook.getAttribute('content') : WB.store.namespace;
  }
})(window);
