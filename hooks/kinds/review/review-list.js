/*
 * My answers (review.js): the list. Every answer under its question, answers to
 * questions no longer in the workbook, what was kept aside, and how the
 * browser is keeping them.
 */
WB.Review.part(function (Review, kit) {
  'use strict';

  var E = kit.E;

  /** The part of the browser's room past which My answers says it is nearly full. */
  var FULL = 0.8;
  // What browsers give localStorage for one site (about 5 MB; see toolchain.md).
  WB.ANSWER_ROOM = 5 * 1024 * 1024;

  Review.prototype.render = function () {
    this.keepMisfits();
    var answers = this.answers();
    var self = this;
    this.sections.forEach(function (section) {
      var done = 0;
      var shown = 0; // answered, or with earlier versions kept (listed though the answer is cleared)
      var unanswered = [];
      section.prompts.forEach(function (prompt) {
        var record = answers[prompt.id];
        var rules = self.answerRules(prompt.id, record);
        var box = prompt.el.querySelector('.wb-review__answer');
        box.textContent = '';
        prompt.el.classList.toggle('wb-review__prompt--answered', rules !== null);
        prompt.el.classList.toggle('wb-review__prompt--unanswered', rules === null);
        if (rules === null) {
          unanswered.push(prompt);
          box.appendChild(E('p', 'wb-review__none', WB.t('review.answer.not_answered')));
          WB.versionsReview.list(box, prompt.id, WB.kinds[prompt.kind], prompt.el);
          if (box.querySelector('.wb-versions')) {
            prompt.el.classList.remove('wb-review__prompt--unanswered');
            shown++;
          }
          return;
        }
        done++;
        shown++;
        box.appendChild(rules.render ? rules.render(record.value, prompt.el) :
          E('p', 'wb-review__text', rules.text(record.value, prompt.el)));
        box.appendChild(self.answerMeta(prompt.id, record.saved, WB.t('review.answer.clear_button'), 'clear-answer',
          WB.t('review.answer.clear_label', { id: prompt.id })));
        WB.versionsReview.list(box, prompt.id, rules, prompt.el);
      });
      WB.summary.section(section, done, shown, unanswered);
    });

    this.usage();
    if (this.printing) this.printing.refresh();

    var orphans = this.root.querySelector('.wb-review__orphans');
    var list = orphans.querySelector('.wb-review__orphan-list');
    list.textContent = '';
    Object.keys(answers).sort(WB.backup.byId).forEach(function (id) {
      if (self.prompts[id]) return;
      var text = self.answerText(id, answers[id]);
      if (text === null) return;
      list.appendChild(WB.summary.orphan(id, answers[id], text, self.answerMeta(id, answers[id].saved, WB.t('review.answer.remove_button'), 'remove-orphan',
        WB.t('review.answer.remove_label', { id: id }))));
    });
    orphans.hidden = !list.children.length;
    this.renderAside();
  };

  /** "Saved on …" and a button for one answer (its name, `label`, says which answer, after its visible words). */
  Review.prototype.answerMeta = function (id, saved, words, action, label) {
    var meta = E('p', 'wb-review__meta', WB.savedAt(saved) + ' ');
    var button = WB.button(words, action);
    button.classList.add('wb-button--secondary');
    button.setAttribute('data-wb-id', id);
    button.setAttribute('aria-label', label);
    meta.appendChild(button);
    return meta;
  };

  /** Stored values kept aside because they could not be read: [{id (answer:<prompt>:<time>), prompt, kept, raw}]. */
  Review.prototype.asides = function () {
    return WB.store.list('aside').filter(function (entry) {
      return WB.backup.RE_ASIDE.test(entry.id) && typeof entry.raw === 'string';
    }).map(function (entry) {
      var parts = entry.id.split(':');
      return { id: entry.id, prompt: parts[1], kept: Number(parts[2]), raw: entry.raw };
    });
  };

  Review.prototype.renderAside = function () {
    var section = this.root.querySelector('.wb-review__asides');
    var list = section.querySelector('.wb-review__aside-list');
    list.textContent = '';
    this.asides().forEach(function (entry) {
      var item = E('div', 'wb-review__prompt wb-review__aside-item');
      item.appendChild(E('h3', 'wb-review__question', WB.t('review.aside.question', { id: entry.prompt })));
      item.appendChild(E('p', 'wb-review__text', kit.asideWords(entry.raw)));
      var kept = new Date(entry.kept);
      var meta = E('p', 'wb-review__meta', (WB.isToday(kept)
        ? WB.t('review.aside.kept_today', { time: WB.time(kept) })
        : WB.t('review.aside.kept_on', { date: WB.shortDay(kept), time: WB.time(kept) })) + ' ');
      [
        [WB.t('review.aside.copy_button'), 'copy-aside', WB.t('review.aside.copy_label', { id: entry.prompt })],
        [WB.t('review.aside.remove_button'), 'remove-aside', WB.t('review.aside.remove_label', { id: entry.prompt })]
      ].forEach(function (pair) {
        var button = WB.button(pair[0], pair[1]);
        button.classList.add('wb-button--secondary');
        button.setAttribute('data-wb-id', entry.id);
        button.setAttribute('aria-label', pair[2]);
        meta.appendChild(button);
      });
      item.appendChild(meta);
      list.appendChild(item);
    });
    section.hidden = !list.children.length;
  };

  /** When the last backup was made, and whether this browser will keep the answers, in plain words. */
  Review.prototype.keeping = function () {
    var last = WB.keeping.lastBackup();
    this.root.querySelector('.wb-review__last-backup').textContent = last === null
      ? WB.t('review.backup.none_yet')
      : WB.t('review.backup.last', { date: WB.day(last) });
    var line = this.root.querySelector('.wb-review__keeping');
    WB.keeping.describe().then(function (words) {
      line.textContent = words;
    });
  };

  /**
   * Whether the answers fit in this browser, in plain words: no sizes. Close to
   * full (more than FULL of the room the browser gives answers, or of its
   * estimate for the whole site, photos included), what to do about it.
   */
  Review.prototype.usage = function () {
    this.keeping();
    var line = this.root.querySelector('.wb-review__usage');
    var storage = WB.store.real(); // as stored (sealed, with the lock on)
    var used = 0;
    WB.store.keys().forEach(function (key) {
      used += (key.length + (storage.getItem(key) || '').length) * 2; // text is kept as UTF-16
    });
    var answers = this.answers();
    if (!Object.keys(answers).length) {
      line.textContent = WB.t('review.usage.empty');
      line.classList.remove('wb-review__warning');
      return;
    }
    var state = { full: used / WB.ANSWER_ROOM > FULL, unread: false };
    var say = function () {
      line.textContent = (state.full ? WB.t('review.usage.nearly_full') : WB.t('review.usage.fits')) +
        (state.unread ? ' ' + WB.t('review.usage.photos_unread') : '');
      line.classList.toggle('wb-review__warning', state.full || state.unread);
    };
    say();
    if (kit.photoIds(kit.values(answers)).length) {
      WB.photos.list().then(null, function () {
        state.unread = true;
        say();
      });
    }
    if (state.full || !navigator.storage || !navigator.storage.estimate) return;
    navigator.storage.estimate().then(function (estimate) {
      if (estimate && estimate.quota > 0 && estimate.usage / estimate.quota > FULL) {
        state.full = true;
        say();
      }
    }, function () {
      /* no estimate: what localStorage holds is all there is to go on */
    });
  };

  Review.prototype.copyAside = function (target) {
    var id = target.getAttribute('data-wb-id');
    var text = this.asides().filter(function (entry) {
      return entry.id === id;
    }).map(function (entry) {
      return kit.asideWords(entry.raw);
    })[0];
    var self = this;
    WB.copyText(text || '').then(function (copied) {
      if (copied) self.say(WB.t('review.aside.copied'));
      else self.refuse(WB.t('review.aside.copy_failed'), WB.t('review.aside.copy_failed_title'));
    });
  };

  Review.on('copy-aside', function (target) {
    this.copyAside(target);
  });
});
