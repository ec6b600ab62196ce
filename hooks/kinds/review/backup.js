/*
 * WB.backup: the backup file format, and changing all answers at once.
 *
 *   {"format": "wb-backup", "version": 1, "workbook": <site name>, "namespace": <the workbook's id>,
 *    "created": <ISO date>, "answers": [{"id", "prompt" (null if no longer in the workbook),
 *    "saved" (ISO date), "value"}], "photos": [{"id", "type", "data" (base64)}]}
 *
 * "photos" holds the pictures that photo answers point to (by id), those kept
 * aside included; "aside" the stored texts kept aside because they could not be
 * read ([{"id": "answer:<id>:<time>", "raw"}]); "versions" the earlier versions the reader kept
 * ([{"id": <prompt id>, "versions": [{"kept", "value"}]}], versions.js). Any may be missing or empty.
 * An answer that fits another kind than its question's (the question's kind was
 * changed since) is kept aside by a restore; one that fits no kind is damaged.
 * No value may nest deeper than MAX_DEPTH.
 * The workbook's id is the same wherever the workbook is opened (meta wb-workbook).
 * A backup from another workbook is offered only when every answer fits a prompt here
 * with the same words. A file is checked through before anything changes; a change of all answers
 * is all or nothing, and can keep what was there for undo.
 */
(function (window) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var FORMAT = 'wb-backup';
  var VERSION = 1;
  var RE_ID = /^[1-9][0-9]*(\.[1-9][0-9]*)+$/;
  // An answer kept aside (it could not be read): answer:<prompt id>:<time>.
  var RE_ASIDE = /^answer:[1-9][0-9]*(\.[1-9][0-9]*)+:[0-9]{1,15}$/;
  function noRoom() {
    return WB.t('backup.no_room');
  }
  var RE_BASE64_BODY = /^[A-Za-z0-9+/]*$/;
  var RE_BASE64_END = /^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;
  var CHUNK = 65536; // base64 characters checked at a time (a multiple of 4): a 20 MB photo is fine
  var MAX_DEPTH = 16; // the deepest any answer nests is 5 (a drawing's points)
  var MAX_WORDS = 2000; // a question's words kept with its answer, at most (characters)
  // The first bytes of each kind of picture a backup may carry.
  var PICTURES = {
    'image/jpeg': function (b) {
      return b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
    },
    'image/png': function (b) {
      return b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
    },
    'image/webp': function (b) {
      return String.fromCharCode.apply(null, b.slice(0, 4)) === 'RIFF' && String.fromCharCode.apply(null, b.slice(8, 12)) === 'WEBP';
    }
  };

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /** Is `data` base64, checked a piece at a time (one regular expression over megabytes overflows the stack)? */
  function isBase64(data) {
    if (!data.length || data.length % 4 !== 0) return false;
    var last = data.length - 4;
    for (var at = 0; at < last; at += CHUNK) {
      if (!RE_BASE64_BODY.test(data.slice(at, Math.min(at + CHUNK, last)))) return false;
    }
    return RE_BASE64_END.test(data.slice(last));
  }

  /** Is every string of `text` whole (no half of a surrogate pair, which no one can type)? */
  var wellFormed = String.prototype.isWellFormed ? function (text) {
    return text.isWellFormed();
  } : function (text) {
    return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
  };

  /**
   * Does `value` nest no deeper than MAX_DEPTH, with whole strings (keys too)?
   * Walked without recursion, so any depth is safe to ask about.
   */
  function shallow(value) {
    var stack = [[value, 0]];
    while (stack.length) {
      var top = stack.pop();
      var item = top[0];
      if (typeof item === 'string' && !wellFormed(item)) return false;
      if (!item || typeof item !== 'object') continue;
      if (top[1] >= MAX_DEPTH) return false;
      var keys = Object.keys(item);
      for (var i = 0; i < keys.length; i++) {
        if (!wellFormed(keys[i])) return false;
        stack.push([item[keys[i]], top[1] + 1]);
      }
    }
    return true;
  }

  /** Does some kind of answer fit this value? (An answer whose question changed kind fits another.) */
  function anyKind(value) {
    return Object.keys(WB.kinds || {}).some(function (kind) {
      return WB.kinds[kind].valid(value);
    });
  }

  function byId(a, b) {
    var x = a.split('.').map(Number);
    var y = b.split('.').map(Number);
    for (var i = 0; i < Math.max(x.length, y.length); i++) {
      if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) - (y[i] || 0);
    }
    return 0;
  }

  /** A backup entry's question words, as an answer may keep them: a whole, not too long string, else null. */
  function keptWords(text) {
    var found = words(text);
    return found && found.length <= MAX_WORDS && wellFormed(found) ? found : null;
  }

  /** Prompt words compared as words: runs of spaces and line breaks are one space. */
  function words(text) {
    return typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : null;
  }

  /**
   * Is a backup's "namespace" this workbook? The workbook's id (the same online, in the
   * offline folder and at any path), or this site's storage namespace or the one before
   * it (backups made by earlier versions carry those).
   */
  function isThisWorkbook(namespace) {
    return typeof namespace === 'string' && [WB.workbook, WB.store.namespace, WB.store.legacy].indexOf(namespace) !== -1;
  }

  /**
   * A backup file's text, checked through: {error} or {answers: {id: record}, misfits: {id: record}
   * (answers to keep aside: their question's kind changed), unknown: [ids], created, photos, aside,
   * fits (every answer is to a prompt here with the same words: a backup of another workbook
   * may then be offered)}. `promptOf(id)` gives the words of this workbook's prompt, or null
   * when it has no such prompt.
   */
  function check(text, rulesFor, promptOf) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { error: WB.t('backup.not_readable') };
    }
    if (!data || typeof data !== 'object' || Array.isArray(data) || data.format !== FORMAT) {
      return { error: WB.t('backup.not_a_backup') };
    }
    if (typeof data.version !== 'number' || data.version !== VERSION) {
      return {
        error: data.version > VERSION ? WB.t('backup.newer_version') : WB.t('backup.unknown_format')
      };
    }
    var found = contents(data, rulesFor, promptOf);
    if (isThisWorkbook(data.namespace)) return found;
    var name = typeof data.workbook === 'string' ? data.workbook.slice(0, 200) : '';
    if (found.error || !found.fits) {
      return { error: name ? WB.t('backup.other_workbook_named', { workbook: name }) : WB.t('backup.other_workbook') };
    }
    found.from = name || WB.t('backup.another_workbook');
    return found;
  }

  /** The answers, photos and kept-aside answers of a parsed backup, checked; `fits`: each answers one of these prompts. */
  function contents(data, rulesFor, promptOf) {
    var damaged = WB.t('backup.damaged');
    if (!Array.isArray(data.answers) || typeof data.created !== 'string' || isNaN(Date.parse(data.created))) {
      return { error: damaged };
    }
    var answers = Object.create(null);
    var misfits = Object.create(null);
    var unknown = [];
    var fits = data.answers.length > 0;
    for (var i = 0; i < data.answers.length; i++) {
      var entry = data.answers[i];
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return { error: damaged };
      if (typeof entry.id !== 'string' || !RE_ID.test(entry.id) || answers[entry.id]) return { error: damaged };
      if (typeof entry.saved !== 'string' || isNaN(Date.parse(entry.saved)) || !own(entry, 'value')) return { error: damaged };
      if (!shallow(entry.value)) return { error: damaged };
      var rules = rulesFor(entry.id, entry.value);
      var prompt = promptOf(entry.id);
      if (rules && rules.valid(entry.value)) {
        answers[entry.id] = { value: entry.value, saved: entry.saved };
        // The question's words travel with the answer (shown if the question is ever removed).
        if (keptWords(entry.prompt)) answers[entry.id].prompt = keptWords(entry.prompt);
        if (prompt === null) unknown.push(entry.id);
      } else if (prompt !== null && anyKind(entry.value)) {
        misfits[entry.id] = { value: entry.value, saved: entry.saved };
      } else {
        return { error: damaged + ' ' + WB.t('backup.damaged_answer', { id: entry.id }) };
      }
      if (prompt === null || words(prompt) !== words(entry.prompt)) fits = false;
    }
    var photos = byIds(data.photos, photoEntry);
    if (!photos) return { error: damaged + ' ' + WB.t('backup.damaged_photo') };
    var aside = byIds(data.aside, asideEntry);
    if (!aside) return { error: damaged };
    var versions = WB.versions.check(data.versions);
    if (!versions) return { error: damaged + ' ' + WB.t('backup.damaged_versions') };
    return { answers: answers, misfits: misfits, unknown: unknown, created: data.created, photos: photos, aside: aside, fits: fits, versions: versions };
  }

  /** An optional list of a backup as {id: checked entry}, or null when an entry is wrong or an id repeats. */
  function byIds(list, checked) {
    var found = Object.create(null);
    if (list === undefined) return found;
    if (!Array.isArray(list)) return null;
    for (var i = 0; i < list.length; i++) {
      var entry = list[i];
      var value = entry && typeof entry === 'object' && typeof entry.id === 'string' && !found[entry.id] ? checked(entry) : null;
      if (value === null) return null;
      found[entry.id] = value;
    }
    return found;
  }

  /** A kept-aside answer's stored text, or null. */
  function asideEntry(entry) {
    if (!RE_ASIDE.test(entry.id) || typeof entry.raw !== 'string' || !wellFormed(entry.raw)) return null;
    // Kept as stored, damaged or not; but what can be read must not nest without end.
    var parsed;
    try {
      parsed = JSON.parse(entry.raw);
    } catch (error) {
      return entry.raw;
    }
    return shallow(parsed) ? entry.raw : null;
  }

  /** A photo as {type, data}, or null when it is not a picture of a known kind. */
  function photoEntry(photo) {
    var looks = own(PICTURES, photo.type) && PICTURES[photo.type];
    if (!WB.photoId.test(photo.id) || !looks || typeof photo.data !== 'string' || !photo.data) return null;
    if (!isBase64(photo.data) || !looks(bytes(photo.data.slice(0, 16)))) return null;
    return { type: photo.type, data: photo.data };
  }

  function bytes(base64) {
    var text = window.atob(base64);
    var out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }

  /** A checked photo of a backup as a Blob, byte for byte. */
  function photoBlob(photo) {
    return new Blob([bytes(photo.data)], { type: photo.type });
  }

  /** A checked photo's bytes. */
  function photoBytes(photo) {
    return bytes(photo.data);
  }

  /** A stored picture as {type, data (base64)}, for a backup. */
  function photoData(blob) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () {
        var url = String(reader.result);
        resolve({ type: blob.type, data: url.slice(url.indexOf(',') + 1) });
      };
      reader.onerror = function () {
        reject({ reason: 'unavailable', error: reader.error });
      };
      reader.readAsDataURL(blob);
    });
  }

  /** Two texts kept both: mine, then the backup's under a dated line. */
  function joined(mine, theirs, created) {
    if (!theirs || mine === theirs) return mine;
    if (!mine) return theirs;
    return mine + '\n\n' + WB.t('backup.merged_heading', { date: WB.day(created) }) + '\n\n' + theirs;
  }

  /**
   * Make the stored answers exactly `target` (id -> record), all or nothing,
   * leaving alone those whose ids are in `leave` (id -> true).
   * With `keepUndo` ({asides, photos}: what else the restore added), what was
   * there is first kept under undo:restore, with what the answers will be after.
   */
  function replaceAll(target, keepUndo, leave) {
    var before = {};
    WB.store.list('answer').forEach(function (entry) {
      before[entry.id] = entry.raw;
    });
    if (keepUndo) {
      // What the answers will be after: an undo gives back only those still so, never later work.
      var after = {};
      Object.keys(before).forEach(function (id) {
        if (leave && own(leave, id) && !own(target, id)) after[id] = before[id];
      });
      Object.keys(target).forEach(function (id) {
        after[id] = WB.store.text(target[id]);
      });
      var undo = { answers: before, after: after, asides: keepUndo.asides || [], photos: keepUndo.photos || [] };
      var kept = WB.store.write('undo', 'restore', undo);
      if (!kept.ok) {
        return { ok: false, message: WB.t('backup.no_room_for_undo') };
      }
    }
    var failed = null;
    Object.keys(before).forEach(function (id) {
      if (!failed && !own(target, id) && !(leave && own(leave, id))) {
        failed = WB.store.remove('answer', id).ok ? null : 'remove';
      }
    });
    Object.keys(target).forEach(function (id) {
      if (!failed) failed = WB.store.put('answer', id, target[id]).ok ? null : 'write';
    });
    if (!failed) return { ok: true };
    // Put everything back as it was.
    WB.store.list('answer').forEach(function (entry) {
      if (!own(before, entry.id)) WB.store.remove('answer', entry.id);
    });
    Object.keys(before).forEach(function (id) {
      WB.store.putRaw('answer', id, before[id]);
    });
    if (keepUndo) WB.store.remove('undo', 'restore');
    return { ok: false, message: noRoom() };
  }

  WB.backup = {
    FORMAT: FORMAT,
    VERSION: VERSION,
    MAX_BYTES: 64 * 1024 * 1024, // room for a collage of photos
    RE_ASIDE: RE_ASIDE,
    noRoom: noRoom,
    photoBlob: photoBlob,
    photoBytes: photoBytes,
    photoData: photoData,
    byId: byId,
    MAX_DEPTH: MAX_DEPTH,
    check: check,
    joined: joined,
    shallow: shallow,
    replaceAll: replaceAll
  };
})(window);
