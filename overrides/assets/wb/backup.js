/*
 * WB.backup: the backup file format, and changing all answers at once.
 *
 *   {"format": "wb-backup", "version": 1, "workbook": <site name>, "namespace": <the workbook's id>,
 *    "created": <ISO date>, "answers": [{"id", "prompt" (null if no longer in the workbook),
 *    "saved" (ISO date), "value"}], "photos": [{"id", "type", "data" (base64)}]}
 *
 * "photos" holds the pictures that photo answers point to (by id); "aside" the
 * stored texts kept aside because they could not be read ([{"id": "answer:<id>:<time>",
 * "raw"}]). Either may be missing or empty.
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
  var NO_ROOM = 'This browser could not store all the answers (its storage may be full), so nothing was changed.';
  var RE_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
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

  function byId(a, b) {
    var x = a.split('.').map(Number);
    var y = b.split('.').map(Number);
    for (var i = 0; i < Math.max(x.length, y.length); i++) {
      if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) - (y[i] || 0);
    }
    return 0;
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
   * A backup file's text, checked through: {error} or {answers: {id: record}, unknown: [ids],
   * created, photos, aside, from (the other workbook's name, when the backup is from another
   * workbook whose answers fit this one's questions)}. `promptOf(id)` gives the words of this
   * workbook's prompt, or null when it has no such prompt.
   */
  function check(text, rulesFor, promptOf) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { error: 'This is not a backup file of this workbook, or it is damaged.' };
    }
    if (!data || typeof data !== 'object' || Array.isArray(data) || data.format !== FORMAT) {
      return { error: 'This is not a backup file of this workbook.' };
    }
    if (typeof data.version !== 'number' || data.version !== VERSION) {
      return {
        error: data.version > VERSION
          ? 'This backup was made by a newer version of the workbook. Open the newest version of the workbook to restore it.'
          : 'This backup’s format is not one this workbook knows.'
      };
    }
    var found = contents(data, rulesFor, promptOf);
    if (isThisWorkbook(data.namespace)) return found;
    var name = typeof data.workbook === 'string' ? data.workbook.slice(0, 200) : '';
    var from = 'This backup is from another workbook' + (name ? ' (“' + name + '”)' : '') + '.';
    if (found.error || !found.fits) {
      return { error: from + ' Its answers do not fit this workbook’s questions, so they cannot be restored here.' };
    }
    found.from = name || 'another workbook';
    return found;
  }

  /** The answers, photos and kept-aside answers of a parsed backup, checked; `fits`: each answers one of these prompts. */
  function contents(data, rulesFor, promptOf) {
    var damaged = 'The file is damaged or incomplete, so it cannot be used.';
    if (!Array.isArray(data.answers) || typeof data.created !== 'string' || isNaN(Date.parse(data.created))) {
      return { error: damaged };
    }
    var answers = Object.create(null);
    var unknown = [];
    var fits = data.answers.length > 0;
    for (var i = 0; i < data.answers.length; i++) {
      var entry = data.answers[i];
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return { error: damaged };
      if (typeof entry.id !== 'string' || !RE_ID.test(entry.id) || answers[entry.id]) return { error: damaged };
      if (typeof entry.saved !== 'string' || isNaN(Date.parse(entry.saved)) || !own(entry, 'value')) return { error: damaged };
      var rules = rulesFor(entry.id, entry.value);
      if (!rules || !rules.valid(entry.value)) return { error: damaged + ' (The answer to ' + entry.id + ' is not of the right kind.)' };
      answers[entry.id] = { value: entry.value, saved: entry.saved };
      var prompt = promptOf(entry.id);
      if (prompt === null) unknown.push(entry.id);
      if (prompt === null || words(prompt) !== words(entry.prompt)) fits = false;
    }
    var photos = byIds(data.photos, photoEntry);
    if (!photos) return { error: damaged + ' (One of its photos is damaged.)' };
    var aside = byIds(data.aside, asideEntry);
    if (!aside) return { error: damaged };
    return { answers: answers, unknown: unknown, created: data.created, photos: photos, aside: aside, fits: fits };
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
    return RE_ASIDE.test(entry.id) && typeof entry.raw === 'string' ? entry.raw : null;
  }

  /** A photo as {type, data}, or null when it is not a picture of a known kind. */
  function photoEntry(photo) {
    var looks = own(PICTURES, photo.type) && PICTURES[photo.type];
    if (!WB.photoId.test(photo.id) || !looks || typeof photo.data !== 'string' || !photo.data) return null;
    if (!RE_BASE64.test(photo.data) || !looks(bytes(photo.data.slice(0, 16)))) return null;
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
    return mine + '\n\n— From the backup of ' + WB.longDay(created) + ' —\n\n' + theirs;
  }

  function merged(mine, theirs, created) {
    if (typeof mine.value === 'string' && typeof theirs.value === 'string') {
      return { value: joined(mine.value, theirs.value, created), saved: new Date().toISOString() };
    }
    if (mine.value && Array.isArray(mine.value.photos) && theirs.value && Array.isArray(theirs.value.photos)) {
      var ids = mine.value.photos.map(function (photo) {
        return photo.id;
      });
      return {
        value: {
          text: joined(mine.value.text, theirs.value.text, created),
          photos: mine.value.photos.concat(theirs.value.photos.filter(function (photo) {
            return ids.indexOf(photo.id) === -1;
          }))
        },
        saved: new Date().toISOString()
      };
    }
    if (mine.value && Array.isArray(mine.value.history) && theirs.value && Array.isArray(theirs.value.history)) {
      var seen = {};
      var history = mine.value.history.concat(theirs.value.history).filter(function (entry) {
        var key = JSON.stringify(entry);
        if (seen[key]) return false;
        seen[key] = true;
        return true;
      });
      history.sort(function (a, b) {
        return Date.parse(a.kept) - Date.parse(b.kept);
      });
      var value = JSON.parse(JSON.stringify(mine.value));
      value.history = history;
      return { value: value, saved: new Date().toISOString() };
    }
    return mine;
  }

  /**
   * Make the stored answers exactly `target` (id -> record), all or nothing,
   * leaving alone those whose ids are in `leave` (id -> true).
   * With `keepUndo`, what was there is first kept under undo:restore.
   */
  function replaceAll(target, keepUndo, leave) {
    var before = {};
    WB.store.list('answer').forEach(function (entry) {
      before[entry.id] = entry.raw;
    });
    if (keepUndo) {
      var kept = WB.store.write('undo', 'restore', { answers: before });
      if (!kept.ok) {
        return { ok: false, message: 'There is no room in this browser to keep your current answers for undo, so nothing was changed.' };
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
    return { ok: false, message: NO_ROOM };
  }

  WB.backup = {
    FORMAT: FORMAT,
    VERSION: VERSION,
    MAX_BYTES: 64 * 1024 * 1024, // room for a collage of photos
    RE_ASIDE: RE_ASIDE,
    NO_ROOM: NO_ROOM,
    photoBlob: photoBlob,
    photoData: photoData,
    byId: byId,
    check: check,
    merged: merged,
    replaceAll: replaceAll
  };
})(window);
