/*
 * WB.versions: earlier versions of an answer, kept by the reader ("Keep this version"),
 * shown beside the box, copied from, deleted after asking; in backups and restores.
 *
 *   Key "wb:v1:<namespace>:versions:<prompt id>", value [{"kept": <ISO date>, "value": <the answer>}]
 *   (oldest first; each value is an answer of its question's kind).
 *
 * A stored list this code cannot read is kept aside (kind "aside") before anything is
 * written over it; when it cannot be kept aside, nothing is written. A restore never
 * drops a version: the backup's and this browser's are joined, each once.
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var KIND = 'versions';
  var E = function (tag, className, text) {
    return WB.element(tag, className, text);
  };

  function isList(value) {
    return Array.isArray(value) && value.every(function (entry) {
      return !!entry && typeof entry === 'object' && !Array.isArray(entry) && typeof entry.kept === 'string' &&
        !isNaN(Date.parse(entry.kept)) && Object.prototype.hasOwnProperty.call(entry, 'value');
    });
  }

  /** {state: "empty"|"ok"|"corrupt"|"unavailable", list, raw}: a stored list not in our format is "corrupt". */
  function read(id) {
    var found = WB.store.read(KIND, id);
    if (found.state === 'empty') return { state: 'empty', list: [] };
    if (found.state === 'ok' && isList(found.record.value)) return { state: 'ok', list: found.record.value, raw: found.raw };
    if (found.state === 'ok' || found.state === 'corrupt') return { state: 'corrupt', raw: found.raw, list: [] };
    return { state: found.state, reason: found.reason, list: [] }; // unavailable, or locked (vault.js)
  }

  /** The same version: the same moment and the same answer. */
  function sameEntry(a, b) {
    return a.kept === b.kept && JSON.stringify(a.value) === JSON.stringify(b.value);
  }

  /** Both lists, each version once, oldest first. */
  function merge(mine, theirs) {
    var out = mine.slice();
    theirs.forEach(function (entry) {
      if (!out.some(function (here) {
        return sameEntry(here, entry);
      })) out.push({ kept: entry.kept, value: entry.value });
    });
    return out.sort(function (a, b) {
      return Date.parse(a.kept) - Date.parse(b.kept);
    });
  }

  /**
   * Store `list` for `id` over what `before` (from read()) found: an unreadable list is
   * kept aside first. {ok, durable} or {ok: false, reason}.
   */
  function write(id, list, before) {
    if (before.state === 'unavailable') return { ok: false, reason: before.reason };
    if (before.state === 'corrupt') {
      var kept = WB.store.keepAside(KIND, id, before.raw);
      if (!kept.ok) return { ok: false, reason: 'aside' };
    }
    return list.length ? WB.store.write(KIND, id, list) : WB.store.remove(KIND, id);
  }

  /** Every readable list: {prompt id: [versions]}. */
  function all() {
    var found = {};
    WB.store.list(KIND).forEach(function (entry) {
      if (entry.record && isList(entry.record.value) && entry.record.value.length) found[entry.id] = entry.record.value;
    });
    return found;
  }

  /* ---- backups ---------------------------------------------------------- */

  /** The versions for a backup file: [{id, versions}], by prompt. */
  function forBackup() {
    var found = all();
    return Object.keys(found).sort(WB.backup.byId).map(function (id) {
      return { id: id, versions: found[id] };
    });
  }

  /** A backup's "versions" (optional), checked: {prompt id: [versions]}, or null when damaged. */
  function check(list) {
    var found = Object.create(null);
    if (list === undefined) return found;
    if (!Array.isArray(list)) return null;
    for (var i = 0; i < list.length; i++) {
      var entry = list[i];
      if (!entry || typeof entry !== 'object' || typeof entry.id !== 'string' || !/^[1-9][0-9]*(\.[1-9][0-9]*)+$/.test(entry.id)) return null;
      if (found[entry.id] || !isList(entry.versions) || !WB.backup.shallow(entry.versions)) return null;
      var fits = entry.versions.every(function (version) {
        return Object.keys(WB.kinds || {}).some(function (kind) {
          return WB.kinds[kind].valid(version.value);
        });
      });
      if (!fits) return null;
      found[entry.id] = entry.versions;
    }
    return found;
  }

  /**
   * Join a checked backup's versions to these, all or nothing. {ok, revert()}: revert puts back
   * what was there (a failed restore). What was there is kept under undo:versions for an undo.
   */
  function restore(theirs) {
    var before = {};
    var written = [];
    var revert = function () {
      written.forEach(function (id) {
        if (before[id] === null) WB.store.remove(KIND, id);
        else WB.store.putRaw(KIND, id, before[id]);
      });
      WB.store.remove('undo', KIND);
    };
    var ids = Object.keys(theirs || {});
    var ok = ids.every(function (id) {
      var here = read(id);
      if (here.state === 'unavailable') return false;
      var joined = merge(here.list, theirs[id]);
      if (here.state === 'ok' && joined.length === here.list.length) return true;
      before[id] = here.state === 'empty' ? null : here.raw;
      written.push(id);
      return write(id, joined, here).ok;
    });
    if (ok && written.length) ok = WB.store.write('undo', KIND, { before: before, added: added(before, theirs) }).ok;
    if (!ok) revert();
    return { ok: ok, revert: revert };
  }

  /** The backup's versions a restore added: {id: [versions]}. */
  function added(before, theirs) {
    var out = {};
    Object.keys(before).forEach(function (id) {
      var had = before[id] === null ? [] : (WB.parseRecord(before[id]) || { value: [] }).value;
      out[id] = theirs[id].filter(function (entry) {
        return !(Array.isArray(had) && had.some(function (here) {
          return sameEntry(here, entry);
        }));
      });
    });
    return out;
  }

  /** Undo a restore's versions: those it added go; those kept since stay. */
  function undo() {
    var found = WB.store.read('undo', KIND);
    var added = found.state === 'ok' && found.record.value && found.record.value.added;
    if (added && typeof added === 'object') {
      Object.keys(added).forEach(function (id) {
        var here = read(id);
        if (here.state !== 'ok' || !isList(added[id])) return;
        write(id, here.list.filter(function (entry) {
          return !added[id].some(function (gone) {
            return sameEntry(gone, entry);
          });
        }), here);
      });
    }
    WB.store.remove('undo', KIND);
  }

  function forgetUndo() {
    WB.store.remove('undo', KIND);
  }

  /** Remove the versions of these prompts. {ok}. */
  function clear(ids) {
    return {
      ok: ids.every(function (id) {
        return WB.store.remove(KIND, id).ok;
      })
    };
  }

  WB.versions = {
    read: read,
    merge: merge,
    write: write,
    all: all,
    forBackup: forBackup,
    check: check,
    restore: restore,
    undo: undo,
    forgetUndo: forgetUndo,
    clear: clear,
    isList: isList,
    /** "12 March 2026, 14:05" */
    day: function (iso) {
      return WB.t('versions.kept_at', { day: WB.day(iso), time: WB.time(iso) });
    },
    /** A version as a reader sees it: the kind's own picture of it, or its words. */
    show: function (rules, value, el) {
      if (rules.render) return rules.render(value, el);
      return E('p', 'wb-versions__text', rules.text(value, el) || WB.t('versions.empty'));
    },
    element: E
  };
})(window, document);
