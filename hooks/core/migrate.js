/*
 * Answers an earlier version of the workbook saved under another namespace (the build's
 * wb-legacy-namespace: the name and path of the site, joined the old way) come over to this one.
 * Only the core of a site that had such a namespace carries this file (hooks/wb_bundles.py),
 * right after storage.js: it runs before anything reads an answer.
 */
(function (window, document) {
  'use strict';

  var WB = window.WB;
  var Store = WB.Store;
  var classify = Store.classify;

  /**
   * Copy what an earlier version saved under another namespace (`legacy`) into this one,
   * all or nothing, once: the copy is marked by meta:migrated. A value already here is
   * kept; an answer of the old namespace that differs from it is kept aside, so no word
   * is lost. The old keys stay as they were (two sites may once have shared them), until
   * "Clear all" removes them with this workbook's own.
   * {ok: true, copied: n} or {ok: false, reason}: then nothing was changed here.
   */
  Store.prototype.migrateFrom = function (legacy) {
    var old = new Store(legacy);
    var written = [];
    var self = this;
    try {
      var marker = this.read('meta', 'migrated');
      if (marker.state === 'ok') {
        try {
          return this.catchUp(old, marker.record);
        } catch (error) {
          // This namespace holds the answers: keep using it; what is not brought over yet is, next time.
          return { ok: true, copied: 0, error: error };
        }
      }
      if (marker.state !== 'empty') return { ok: true, copied: 0 };
      var storage = this.backend();
      var keys = old.keys();
      if (!keys.length) return { ok: true, copied: 0 };
      keys.forEach(function (key) {
        var rest = key.slice(old.prefix.length);
        var raw = storage.getItem(key);
        var target = self.prefix + rest;
        var here = storage.getItem(target);
        if (raw === null || here === raw) return;
        if (here === null) {
          storage.setItem(target, raw);
          if (storage.getItem(target) !== raw) throw new Error('the copy read back differs');
          written.push(target);
        } else if (rest.indexOf('answer:') === 0) {
          var kept = self.keepAside('answer', rest.slice('answer:'.length), raw);
          if (!kept.ok) throw kept.error;
          written.push(kept.key);
        }
      });
      var marked = this.write('meta', 'migrated', { from: legacy, photos: false, synced: new Date().toISOString() });
      if (!marked.ok) throw marked.error;
      return { ok: true, copied: written.length };
    } catch (error) {
      written.forEach(function (key) {
        try {
          self.backend().removeItem(key);
        } catch (ignored) {
          /* storage went away: nothing more can be done */
        }
      });
      return { ok: false, reason: classify(error), error: error };
    }
  };

  /**
   * After the copy, a page of the earlier version left open across the update may still save
   * under the earlier namespace. Each page that opens brings over the answers saved there since
   * the last copy (`marker`: meta:migrated): over an answer not changed here since, else kept
   * aside beside it. The photos they point to are copied on the next opening of the photos.
   */
  Store.prototype.catchUp = function (old, marker) {
    // Since the last copy, or the newest answer brought over then (should a clock have been ahead).
    var since = Date.parse(marker.value.synced) || Date.parse(marker.saved);
    var seen = Math.max(since, Date.now());
    var self = this;
    var copied = 0;
    var photos = false;
    old.list('answer').forEach(function (entry) {
      var saved = entry.record ? Date.parse(entry.record.saved) : NaN;
      if (!(saved > since)) return;
      seen = Math.max(seen, saved);
      var here = self.read('answer', entry.id);
      if (here.state === 'ok' && here.raw === entry.raw) return;
      var unchanged = here.state === 'empty' || (here.state === 'ok' && !(Date.parse(here.record.saved) > since));
      var result = unchanged ? self.putRaw('answer', entry.id, entry.raw) : self.keepAside('answer', entry.id, entry.raw);
      if (!result.ok) throw result.error;
      copied++;
      var value = entry.record.value;
      if (value && typeof value === 'object' && Array.isArray(value.photos) && value.photos.length) photos = true;
    });
    if (copied) {
      var marked = this.write('meta', 'migrated', {
        from: marker.value.from,
        photos: !photos && !!marker.value.photos,
        synced: new Date(seen).toISOString()
      });
      if (!marked.ok) throw marked.error;
    }
    return { ok: true, copied: copied };
  };

  var legacy = document.querySelector('meta[name="wb-legacy-namespace"]');
  if (WB.store && legacy) {
    WB.store.legacy = legacy.getAttribute('content');
    var moved = WB.store.migrateFrom(WB.store.legacy);
    // No room to copy: keep using the old keys, where the answers are, rather than show none.
    if (!moved.ok && moved.reason === 'quota') {
      WB.store = new Store(WB.store.legacy);
    }
  }
})(window, document);
