/*
 * WB.journal: every write of ours, kept a second time in IndexedDB with strict
 * durability. Chromium writes localStorage to disk seconds later, so a browser
 * killed just after "Saved" (as a phone does to a browser in the background)
 * could lose the answer; an IndexedDB transaction with durability "strict" is on
 * disk when it completes, and only then does a box say "Saved".
 *
 *   Database "wb:v1:<namespace>:journal", object store "writes", one entry per key:
 *   {"key": <our localStorage key>, "raw": <stored text, or null once removed>, "at": <ms>,
 *    "past": [<a short hash of each text (or "none") the key held before a journalled write>]}
 *
 * On load, replay() puts back each write that
 * localStorage lost: where the key holds one of its own past texts (what was
 * there before a write the journal has), unless this page has written the key
 * since it loaded (its write is newer, even when it puts back an older text). A text the journal never saw there (an
 * older copy of the workbook, a tool) is left as it is. Every call resolves or
 * rejects with {reason, error}; a journal that cannot be used leaves
 * localStorage to do what it always did.
 */
(function (window) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var STORE = 'writes';
  var PAST = 200; // past texts remembered per key

  /** A short hash of a stored text (FNV-1a), or "none" for no text. */
  function hash(text) {
    if (text === null) return 'none';
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(36) + '.' + text.length.toString(36);
  }

  function Journal(store) {
    this.store = store;
    this.name = 'wb:v1:' + store.namespace + ':journal';
    this.opening = null;
  }

  function unavailable(error) {
    return { reason: 'unavailable', error: error };
  }

  Journal.prototype.open = function () {
    return WB.openDatabase(this, this.name, STORE, 'key', unavailable);
  };

  /** Run `work(store, out)` in one transaction that is on disk when it resolves. */
  Journal.prototype.run = function (mode, work) {
    return this.open().then(function (db) {
      return WB.transaction(db, STORE, mode, work, unavailable);
    });
  };

  /** Keep writes [[key, raw or null, the text before]] made just now. Resolves once they are on disk. */
  Journal.prototype.keep = function (writes) {
    var at = Date.now();
    return this.run('readwrite', function (store) {
      writes.forEach(function (write) {
        store.get(write[0]).onsuccess = function (event) {
          var old = event.target.result;
          var past = old && Array.isArray(old.past) ? old.past.slice() : [];
          var before = hash(write[2]);
          if (past.indexOf(before) === -1) past.push(before);
          store.put({ key: write[0], raw: write[1], at: at, past: past.slice(-PAST) });
        };
      });
    });
  };

  /** Every entry kept, read in one transaction: resolves with {entries}. */
  Journal.prototype.entries = function () {
    return this.run('readonly', function (writes, out) {
      out.entries = [];
      writes.openCursor().onsuccess = function (event) {
        var cursor = event.target.result;
        if (!cursor) return;
        out.entries.push(cursor.value);
        cursor.continue();
      };
    });
  };

  /** Put back into localStorage what it lost. Resolves with the keys put back. */
  Journal.prototype.replay = function () {
    var store = this.store;
    return this.entries().then(function (out) {
      var storage = store.real(); // as stored: sealed values stay sealed
      var back = [];
      out.entries.forEach(function (entry) {
        if (typeof entry.key !== 'string' || entry.key.indexOf(store.prefix) !== 0) return;
        // Written by this page since it loaded (e.g. an undo that puts back an older text): that is newer.
        if (store.written && store.written[entry.key]) return;
        if (entry.raw !== null && typeof entry.raw !== 'string') return;
        var now = storage.getItem(entry.key);
        if (now === entry.raw || !Array.isArray(entry.past) || entry.past.indexOf(hash(now)) === -1) return;
        try {
          if (entry.raw === null) storage.removeItem(entry.key);
          else storage.setItem(entry.key, entry.raw);
          back.push(entry.key);
        } catch (error) {
          /* storage full or blocked: what is there stays */
        }
      });
      return back;
    });
  };

  WB.Journal = Journal;
  if (WB.store) {
    WB.journal = new Journal(WB.store);
    WB.store.journal = WB.journal;
  }
})(window);
