/*
 * My answers (review.js): clearing. One answer, a section's, a removed
 * question's, one kept aside, or all; asked first in the dialog (with the
 * offer of a backup, and of the earlier versions kept), then the photos
 * nothing points to any more go too.
 */
WB.Review.part(function (Review, kit) {
  'use strict';

  var E = kit.E;

  /**
   * Remove every value of this workbook from storage (WB.store), and those it copied from an earlier
   * namespace (never anyone else's); but not those of the kinds in `leave` (e.g. ["versions"]), when given.
   * {ok, durable} or {ok: false, reason} (storage.js).
   */
  function clearAll(store, leave) {
    try {
      var storage = store.real(); // sealed values go as they are
      var writes = [];
      var keys = store.keys();
      if (store.legacy) keys = keys.concat(new WB.Store(store.legacy).keys());
      if (leave) {
        keys = keys.filter(function (key) {
          return !leave.some(function (kind) {
            return key.indexOf(store.key(kind, '')) === 0;
          });
        });
      }
      keys.forEach(function (key) {
        writes.push([key, null, storage.getItem(key)]);
        storage.removeItem(key);
      });
      return { ok: true, durable: store.journalled(writes) };
    } catch (error) {
      return { ok: false, reason: WB.Store.classify(error), error: error };
    }
  }

  Review.prototype.askClear = function (what, id) {
    var text = {
      all: function () { return WB.t('review.clear.ask_all'); },
      section: function () { return WB.t('review.clear.ask_section'); },
      answer: function () { return WB.t('review.clear.ask_answer', { id: id }); },
      orphan: function () { return WB.t('review.clear.ask_orphan', { id: id }); },
      aside: function () { return WB.t('review.clear.ask_aside'); }
    }[what]();
    var confirm = WB.button(what === 'all' ? WB.t('review.clear.confirm_all_button')
      : what === 'orphan' || what === 'aside' ? WB.t('review.clear.confirm_remove_button') : WB.t('review.clear.confirm_button'),
    'confirm-clear');
    confirm.classList.add('wb-button--warning');
    confirm.setAttribute('data-wb-clear', what);
    confirm.setAttribute('data-wb-id', id || '');
    var row = kit.actions([[WB.t('review.clear.backup_first_button'), 'backup', 'secondary']]);
    row.appendChild(confirm);
    var cancel = WB.button(WB.t('review.cancel_button'), 'close');
    cancel.classList.add('wb-button--secondary');
    row.appendChild(cancel);
    var versions = what === 'aside' ? null : WB.versionsReview.clearChoice(this.idsOf(what, id), what === 'all');
    this.ask(WB.t('review.clear.title'), [E('p', '', text + ' ' + WB.t('review.clear.backup_hint'))].concat(versions ? [versions] : [], [row]));
  };

  /** The prompts a clear of one answer, a removed question's answer or one section is about. */
  Review.prototype.idsOf = function (what, id) {
    if (what === 'answer' || what === 'orphan') return [id];
    if (what === 'all') return Object.keys(this.prompts);
    return this.sections.filter(function (section) {
      return section.number === id;
    })[0].prompts.map(function (prompt) {
      return prompt.id;
    });
  };

  Review.prototype.clear = function (what, id) {
    var self = this;
    if (what === 'aside') {
      var removed = WB.store.remove('aside', id);
      this.closeDialog();
      this.render();
      if (!removed.ok) return this.refuse(WB.t('review.clear.remove_one_failed'), WB.t('review.clear.not_removed_title'));
      return this.say(WB.t('review.clear.aside_removed'));
    }
    var answers = this.answers();
    var ids = what === 'all' ? Object.keys(answers) : this.idsOf(what, id);
    var versions = WB.versionsReview.clearChosen(this.dialog);
    var pictures = kit.photoIds(ids.map(function (one) {
      return answers[one];
    }));
    var result = { ok: true };
    // Versions left sealed need the lock's settings to be read.
    if (what === 'all') result = clearAll(WB.store, versions ? null : ['versions', 'lock']);
    else {
      ids.forEach(function (one) {
        if (result.ok) result = WB.store.remove('answer', one);
      });
      if (result.ok && versions) result = WB.versions.clear(ids);
    }
    this.closeDialog();
    this.render();
    if (!result.ok) return this.refuse(WB.t('review.clear.remove_failed'), WB.t('review.clear.not_cleared_title'));
    var title = (this.sections.filter(function (section) {
      return section.number === id;
    })[0] || {}).title;
    var done = {
      all: function () { return WB.t('review.clear.done_all'); },
      section: function () { return WB.t('review.clear.done_section', { section: title }); },
      answer: function () { return WB.t('review.clear.done_answer', { id: id }); },
      orphan: function () { return WB.t('review.clear.done_orphan', { id: id }); }
    }[what]();
    this.say(done);
    // Photos go after the answers that pointed to them: all of them, or those nothing else points to.
    (what === 'all' ? WB.photos.clear() : WB.photos.release(pictures)).then(function () {
      pictures.forEach(WB.forgetPhotoUrl);
    }, function () {
      if (pictures.length) {
        self.say(done, [E('p', 'wb-review__warning', WB.t('review.clear.photos_failed'))]);
      }
    });
  };

  /** The buttons that ask (their data-wb-id or data-wb-section says which), and the one that clears. */
  [
    ['remove-aside', 'aside', 'data-wb-id'],
    ['clear-all', 'all', null],
    ['clear-section', 'section', 'data-wb-section'],
    ['clear-answer', 'answer', 'data-wb-id'],
    ['remove-orphan', 'orphan', 'data-wb-id']
  ].forEach(function (button) {
    Review.on(button[0], function (target) {
      if (button[2]) this.askClear(button[1], target.getAttribute(button[2]));
      else this.askClear(button[1]);
    });
  });

  Review.on('confirm-clear', function (target) {
    this.clear(target.getAttribute('data-wb-clear'), target.getAttribute('data-wb-id'));
  });
});
