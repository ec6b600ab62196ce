/*
 * WB.notices: the notes about keeping answers, in a bundle of their own (wb-notices). main.js
 * decides when one is due, from what is stored, and loads this code only then:
 *
 *   WB.notices.reminder(last)   under the title: no backup for a week (last: when, ms, or null)
 *   WB.notices.week(id)         in WebKit, once, beside the first answer saved: the 7-day rule
 *   WB.notices.offline()        on the home page opened from a folder on disk: where answers live
 *
 * and, for My answers, WB.keeping.persisted() and WB.keeping.describe() (the rest of WB.keeping,
 * which the decisions use, is in main.js).
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});

  /** Promise of true when the browser has agreed to keep this site's storage until it is cleared. */
  WB.keeping.persisted = function () {
    if (!navigator.storage || !navigator.storage.persisted) return Promise.resolve(false);
    return navigator.storage.persisted().catch(function () {
      return false;
    });
  };

  /** Promise of plain words: will this browser keep the answers? */
  WB.keeping.describe = function () {
    return WB.keeping.persisted().then(function (kept) {
      if (kept) return WB.t('main.kept_until_cleared');
      if (WB.keeping.weekRule()) return WB.t('main.week_rule') + ' ' + WB.t('main.week_rule_keep');
      return WB.t('main.may_clear');
    });
  };

  /** "Make a backup": a link to My answers' backup box. */
  function backupLink(target) {
    var link = WB.element('a', 'wb-button', WB.t('main.make_backup'));
    link.href = target.getAttribute('content') + '#wb-review-backup';
    return link;
  }

  function week(id) {
    if (document.querySelector('.wb-keeping') || WB.store.read('meta', 'keeping').state !== 'empty') return;
    var root = id && document.querySelector('.md-content [data-wb-prompt="' + id + '"]');
    var status = root && root.querySelector('.wb-prompt__status');
    if (!status) return;
    if (!WB.store.write('meta', 'keeping', { shown: new Date().toISOString() }).ok) return;
    var target = document.querySelector('meta[name="wb-answers-url"]');
    var note = WB.element('div', 'wb-reminder wb-keeping');
    note.setAttribute('role', 'note');
    note.setAttribute('aria-label', WB.t('main.keeping.label'));
    note.appendChild(WB.element('p', '', WB.t('main.keeping.saved') + ' ' + WB.t('main.week_rule')));
    note.appendChild(WB.element('p', '', WB.t('main.keeping.two_ways')));
    var ways = note.appendChild(WB.element('ul'));
    ways.appendChild(WB.element('li', '', WB.t('main.keeping.home_screen')));
    ways.appendChild(WB.element('li', '', WB.t('main.keeping.backup')));
    var actions = note.appendChild(WB.element('p', 'wb-alert__actions'));
    if (target) actions.appendChild(backupLink(target));
    var ok = actions.appendChild(WB.button(WB.t('main.keeping.ok'), 'dismiss-keeping'));
    ok.addEventListener('click', function () {
      note.remove();
    });
    status.parentNode.insertBefore(note, status.nextSibling);
  }

  function reminder(last) {
    var heading = document.querySelector('.md-content__inner h1');
    var target = document.querySelector('meta[name="wb-answers-url"]');
    if (!heading || !target || document.querySelector('.wb-reminder')) return;
    var box = WB.element('div', 'wb-reminder');
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', WB.t('main.reminder.label'));
    // Sentences, each whole, one after another.
    box.appendChild(WB.element('p', '', [
      last === null ? WB.t('main.reminder.never') : WB.t('main.reminder.since', { day: WB.day(last) }),
      WB.keeping.weekRule() ? WB.t('main.week_rule') + ' ' + WB.t('main.reminder.only_copy') : WB.t('main.reminder.browser_forgets'),
      WB.t('main.reminder.one_file')
    ].join(' ')));
    var actions = box.appendChild(WB.element('p', 'wb-alert__actions'));
    actions.appendChild(backupLink(target));
    var later = actions.appendChild(WB.button(WB.t('main.reminder.not_now'), 'dismiss-reminder'));
    later.addEventListener('click', function () {
      WB.store.write('meta', 'reminder', { dismissed: new Date().toISOString() });
      box.remove();
    });
    WB.belowTitle(heading, box);
  }

  function offline() {
    var heading = document.querySelector('.md-content__inner h1');
    if (!heading || document.querySelector('.wb-offline-note')) return;
    var note = WB.element('div', 'wb-reminder wb-offline-note');
    note.setAttribute('role', 'note');
    [WB.t('main.offline.where'), WB.t('main.offline.shared'), WB.t('main.offline.advice')].forEach(function (words) {
      note.appendChild(WB.element('p', '', words));
    });
    WB.belowTitle(heading, note);
  }

  WB.notices = { reminder: reminder, week: week, offline: offline };
})(window, document);
