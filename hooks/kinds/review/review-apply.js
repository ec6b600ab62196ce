/*
 * My answers (review.js): restoring a checked backup, all or nothing. Its
 * photos are renamed where this browser has other pictures under their ids;
 * each answer is merged by its kind's own rules where the reader keeps both
 * (or kept aside whole where they cannot merge); then the photos are stored,
 * what is kept aside, and the answers (the answers before are kept for undo).
 */
WB.Review.part(function (Review, kit) {
  'use strict';

  var own = kit.own;
  var values = kit.values;

  /**
   * A backup's photo whose id this browser already has for other bytes gets a
   * new id (in the backup's answers and asides too): a restore never writes over
   * a picture. Resolves with {id: true} for those already here byte for byte.
   */
  Review.prototype.photoNames = function (checked) {
    var ids = Object.keys(checked.photos);
    if (!ids.length) return Promise.resolve({});
    return WB.photos.getMany(ids).then(function (found) {
      return Promise.all(Object.keys(found).map(function (id) {
        return found[id].blob.arrayBuffer().then(function (buffer) {
          var mine = new Uint8Array(buffer);
          var theirs = WB.backup.photoBytes(checked.photos[id]);
          var same = mine.length === theirs.length && found[id].blob.type === checked.photos[id].type;
          for (var i = 0; same && i < mine.length; i++) same = mine[i] === theirs[i];
          return [id, same];
        });
      }));
    }).then(function (compared) {
      var present = {};
      var names = {};
      compared.forEach(function (pair) {
        if (pair[1]) present[pair[0]] = true;
        else names[pair[0]] = WB.photoId.make();
      });
      Object.keys(names).forEach(function (id) {
        checked.photos[names[id]] = checked.photos[id];
        delete checked.photos[id];
      });
      if (Object.keys(names).length) {
        [checked.answers, checked.misfits].forEach(function (records) {
          Object.keys(records).forEach(function (id) {
            records[id] = { value: kit.renamed(records[id].value, names), saved: records[id].saved, prompt: records[id].prompt };
          });
        });
        Object.keys(checked.aside).forEach(function (id) {
          var record = WB.parseRecord(checked.aside[id]);
          var value = record && kit.renamed(record.value, names);
          // Rewritten only where a kind renames the photos of the value (its text is kept as it was otherwise).
          if (record && value !== record.value) checked.aside[id] = WB.store.text({ value: value, saved: record.saved });
        });
      }
      return present;
    });
  };

  /** Restore a checked backup (its photos' ids made safe): all or nothing. */
  Review.prototype.apply = function (checked, mode, present) {
    var current = this.answers();
    var target = {};
    var aside = {}; // prompt id -> stored text to keep aside
    var self = this;
    var now = new Date().toISOString();
    if (mode !== 'replace') {
      Object.keys(current).forEach(function (id) {
        target[id] = current[id];
      });
    }
    Object.keys(checked.answers).forEach(function (id) {
      var theirs = checked.answers[id];
      var mine = current[id];
      if (mode === 'both' && mine && !kit.same(mine.value, theirs.value)) {
        // The kind's own merge keeps both; where it cannot, the backup's answer is kept aside whole.
        var rules = self.rules(id, mine.value);
        var value = rules && rules.merge ? rules.merge(mine.value, theirs.value, self.prompts[id] && self.prompts[id].el, checked.created) : null;
        if (value !== null && rules.valid(value)) {
          target[id] = { value: value, saved: now, prompt: mine.prompt || theirs.prompt };
        } else {
          target[id] = mine;
          aside[id] = WB.store.text(theirs);
        }
      } else {
        target[id] = theirs;
      }
    });
    Object.keys(checked.misfits).forEach(function (id) {
      aside[id] = WB.store.text(checked.misfits[id]);
    });
    // Stored answers that do not fit their question (kept aside too) stay as they are, unless all are replaced.
    var leave = {};
    WB.store.list('answer').forEach(function (entry) {
      if (mode !== 'replace' && !own(current, entry.id) && !own(checked.answers, entry.id)) leave[entry.id] = true;
    });
    // Only the photos the answers will point to, kept aside or not (a file may carry others).
    var wanted = kit.photoIds(values(target)).concat(kit.asidePhotoIds(values(checked.aside).concat(values(aside)).map(function (raw) {
      return { raw: raw };
    })));
    var pictures = Object.keys(checked.photos).filter(function (id) {
      return wanted.indexOf(id) !== -1;
    });
    var what = kit.answersAndPhotos(Object.keys(checked.answers).length, pictures.length);
    var adding = pictures.filter(function (id) {
      return !present[id];
    });
    // The pictures first, in one go; then what is kept aside; then the answers that point to them.
    var stored = !adding.length ? Promise.resolve() : WB.photos.put(adding.map(function (id) {
      return { id: id, blob: WB.backup.photoBlob(checked.photos[id]) };
    }));
    stored.then(function () {
      var kept = keepAsides(checked.aside, aside);
      // Earlier versions are joined (never replaced): a restore drops none.
      var versions = kept.ok ? WB.versions.restore(checked.versions) : { ok: false };
      var result = versions.ok ? WB.backup.replaceAll(target, { asides: kept.ids, photos: adding }, leave) : { ok: false, message: WB.backup.noRoom() };
      if (!result.ok) {
        if (versions.ok) versions.revert();
        kept.ids.forEach(function (id) {
          WB.store.remove('aside', id);
        });
        WB.photos.remove(adding).catch(function () {});
      }
      self.restored(result, what, Object.keys(aside).length);
    }, function (failure) {
      self.refuse(failure.reason === 'quota' ? WB.t('review.restore.photos_no_room') : WB.t('review.restore.photos_blocked'));
    });
  };

  /**
   * Keep a backup's kept-aside answers that this browser does not have, and the
   * answers a restore sets aside (prompt id -> stored text): {ok, ids written}.
   */
  function keepAsides(asides, answers) {
    var ids = [];
    var ok = Object.keys(asides).every(function (id) {
      if (WB.store.read('aside', id).state !== 'empty') return true;
      if (!WB.store.putRaw('aside', id, asides[id]).ok) return false;
      ids.push(id);
      return true;
    });
    var start = WB.store.key('aside', '').length;
    ok = ok && Object.keys(answers).every(function (id) {
      var kept = WB.store.keepAside('answer', id, answers[id]);
      if (kept.ok && kept.added) ids.push(kept.key.slice(start));
      return kept.ok;
    });
    return { ok: ok, ids: ids };
  }

  Review.prototype.restored = function (result, what, asides) {
    if (!result.ok) return this.refuse(result.message);
    this.render();
    this.offerUndo(WB.t('review.restore.done', { what: what }) + (asides ? ' ' + WB.tn('review.restore.kept_aside', asides) : ''));
  };
});
