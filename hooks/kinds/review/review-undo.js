/*
 * My answers (review.js): undoing the last restore, offered in the banner
 * until the reader undoes it or keeps what was restored.
 */
WB.Review.part(function (Review, kit) {
  'use strict';

  var E = kit.E;
  var own = kit.own;
  var values = kit.values;

  Review.prototype.offerUndo = function (message) {
    var undo = WB.store.read('undo', 'restore');
    if (undo.state !== 'ok') {
      if (message) this.say(message);
      return;
    }
    // When the page opens with an undo still on offer, it is said without taking the focus.
    this.say(message || WB.t('review.undo.still_possible'), [
      E('p', '', WB.t('review.undo.offer', { date: WB.day(undo.record.saved) })),
      kit.actions([[WB.t('review.undo.undo_button'), 'undo', 'secondary'], [WB.t('review.undo.keep_button'), 'forget-undo', 'secondary']])
    ], message ? 'success' : 'info');
  };

  /**
   * Undo the last restore: every answer still as the restore left it goes back
   * to what it was before; an answer written or changed since is kept as it is
   * now (what it was before the restore is kept aside, never dropped). What the
   * restore kept aside and the photos it added go too, unless something points to them.
   */
  Review.prototype.undo = function () {
    var undo = WB.store.read('undo', 'restore');
    var kept = undo.state === 'ok' && undo.record.value;
    var before = kept && kept.answers;
    if (!before || typeof before !== 'object') return this.refuse(WB.t('review.undo.nothing'));
    var after = kept.after && typeof kept.after === 'object' ? kept.after : null;
    var current = {};
    WB.store.list('answer').forEach(function (entry) {
      current[entry.id] = entry.raw;
    });
    var target = {};
    var leave = {};
    var broken = [];
    var since = [];
    var aside = [];
    var ids = Object.keys(before).concat(Object.keys(after || {}), Object.keys(current)).filter(function (id, at, all) {
      return all.indexOf(id) === at;
    });
    ids.forEach(function (id) {
      var was = own(before, id) ? before[id] : null;
      var now = own(current, id) ? current[id] : null;
      if (after && now !== (own(after, id) ? after[id] : null)) {
        leave[id] = true;
        if (now !== null) since.push(id);
        if (was !== null && was !== now) aside.push([id, was]);
        return;
      }
      if (was === null) return;
      var record = WB.parseRecord(was);
      if (record) target[id] = record;
      else broken.push(id);
    });
    var safe = aside.every(function (pair) {
      return WB.store.keepAside('answer', pair[0], pair[1]).ok;
    });
    if (!safe) return this.refuse(WB.backup.noRoom(), WB.t('review.undo.failed_title'));
    var undone = kit.photoIds(values(this.answers())).concat(Array.isArray(kept.photos) ? kept.photos : []);
    var result = WB.backup.replaceAll(target, false, leave);
    if (!result.ok) return this.refuse(result.message, WB.t('review.undo.failed_title'));
    broken.forEach(function (id) {
      WB.store.putRaw('answer', id, before[id]);
    });
    (Array.isArray(kept.asides) ? kept.asides : []).forEach(function (id) {
      if (typeof id === 'string' && WB.backup.RE_ASIDE.test(id)) WB.store.remove('aside', id);
    });
    WB.store.remove('undo', 'restore');
    WB.versions.undo();
    WB.photos.release(undone).catch(function () {});
    this.render();
    since.sort(WB.backup.byId);
    this.say(WB.t('review.undo.done') +
      (since.length ? ' ' + WB.tn('review.undo.kept_since', since.length, { ids: since.join(', ') }) : ''));
  };

  /** Keep the restored answers: the photos only the undo pointed to can go. */
  Review.prototype.forgetUndo = function () {
    var undo = WB.store.read('undo', 'restore');
    var kept = undo.state === 'ok' && undo.record.value && undo.record.value.answers;
    var ids = kit.photoIds(values(kept || {}).map(WB.parseRecord));
    WB.store.remove('undo', 'restore');
    WB.versions.forgetUndo();
    WB.photos.release(ids).catch(function () {});
    this.say(WB.t('review.undo.kept'));
  };

  Review.on('undo', function () {
    this.undo();
  });

  Review.on('forget-undo', function () {
    this.forgetUndo();
  });
});
