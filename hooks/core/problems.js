/*
 * WB.problems: what a prompt and the page say when answers cannot be saved, in a bundle of its
 * own (wb-problems). The core decides, at once, that an answer is not saved (its status line says
 * so, the words stay in the box, leaving asks first) and keeps aside what it could not read; this
 * code, loaded only then, explains why and offers the ways out:
 *
 *   WB.problems.show(saver)     under a prompt: the alert (saver.problem: why it is not saved, "Copy
 *                               my answer", "Try saving again") and the note about words kept aside
 *                               (saver.aside: {raw, elsewhere, kept}), as the saver's state is now
 *   WB.problems.act(saver, action, button)   their buttons: true when the click was one of them
 *   WB.problems.page(reason)    under the title: answers cannot be saved on this page at all
 *   WB.copyText(text)           a promise of true once copied (My answers copies with it too)
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var E = WB.element;

  /** Why an answer is not saved, for a reason storage.js gives (or the lock's "aside"). */
  function because(reason) {
    var texts = {
      quota: WB.t('saver.reason_quota'),
      blocked: WB.t('saver.reason_blocked'),
      unavailable: WB.t('saver.reason_unavailable'),
      aside: WB.t('saver.reason_aside')
    };
    return texts[reason] || texts.unavailable;
  }

  /** Why answers cannot be saved on this page, for a reason storage.js gives (or "lock": its code is missing). */
  function pageReason(reason) {
    if (reason === 'lock') return WB.t('main.lock_missing');
    if (reason === 'quota') return WB.t('main.storage_full');
    if (reason === 'blocked') return WB.t('main.storage_blocked');
    return WB.t('main.storage_unavailable');
  }

  /** The words of a stored text, where a kind can read them; else the text itself. */
  function words(raw) {
    var record = WB.parseRecord(raw);
    var kind = record && WB.kinds && Object.keys(WB.kinds).filter(function (name) {
      return WB.kinds[name].valid(record.value);
    })[0];
    return kind ? WB.kinds[kind].text(record.value) : raw;
  }

  /** The alert for saver.problem, once: not again for the same reason. */
  function alert(saver) {
    var reason = saver.problem;
    if (saver.alert && saver.alert.getAttribute('data-wb-reason') === reason) return;
    if (saver.alert) saver.alert.remove();
    saver.alert = null;
    if (!reason) return;
    var box = E('div', 'wb-alert');
    box.setAttribute('role', 'alert');
    box.setAttribute('data-wb-reason', reason);
    var first = box.appendChild(E('p'));
    first.appendChild(E('strong', '', WB.t('saver.alert_heading')));
    first.appendChild(document.createTextNode(' ' + because(reason)));
    box.appendChild(E('p', '', WB.t('saver.still_on_page')));
    var actions = box.appendChild(E('p', 'wb-alert__actions'));
    actions.appendChild(WB.button(WB.t('saver.copy_button'), 'copy'));
    if (reason !== 'aside') actions.appendChild(WB.button(WB.t('saver.retry_button'), 'retry'));
    actions.appendChild(E('span', 'wb-alert__result'));
    saver.status.parentNode.insertBefore(box, saver.status.nextSibling);
    saver.alert = box;
  }

  /** The note for saver.aside: words this answer could not read, or another tab's, kept (or not) aside. */
  function notice(saver) {
    var aside = saver.aside;
    if (saver.shownAside === aside) return;
    if (saver.notice) saver.notice.remove();
    saver.notice = null;
    saver.shownAside = aside;
    if (!aside) return;
    var box = E('div', 'wb-notice');
    box.setAttribute('role', 'alert');
    box.appendChild(E('p', '', aside.elsewhere
      ? WB.t('saver.changed_elsewhere')
      : aside.kept ? WB.t('saver.unreadable_kept') : WB.t('saver.unreadable_not_kept')));
    var toggle = WB.button(aside.elsewhere ? WB.t('saver.show_other_words') : WB.t('saver.show_earlier_answer'), 'show-aside');
    toggle.setAttribute('aria-expanded', 'false');
    box.appendChild(E('p', 'wb-alert__actions')).appendChild(toggle);
    var copy = box.appendChild(E('pre', 'wb-notice__raw', aside.elsewhere ? words(aside.raw) : aside.raw));
    copy.hidden = true;
    saver.status.parentNode.insertBefore(box, saver.status.nextSibling);
    saver.notice = box;
  }

  WB.problems = {
    show: function (saver) {
      if (!document.contains(saver.root)) return;
      notice(saver);
      alert(saver); // after the note: the alert comes first under the status line
    },

    act: function (saver, action, target) {
      if (action === 'copy') {
        var result = target.parentNode.querySelector('.wb-alert__result');
        WB.copyText(saver.owner.text()).then(function (copied) {
          if (result) result.textContent = copied ? WB.t('saver.copied') : WB.t('saver.copy_failed');
        });
      } else if (action === 'show-aside') {
        var raw = saver.notice && saver.notice.querySelector('.wb-notice__raw');
        if (raw) {
          raw.hidden = !raw.hidden;
          target.setAttribute('aria-expanded', String(!raw.hidden));
        }
      } else {
        return false;
      }
      return true;
    },

    page: function (reason) {
      var heading = document.querySelector('.md-content__inner h1');
      if (!heading || document.querySelector('.wb-page-alert')) return;
      var box = E('div', 'wb-alert wb-page-alert');
      box.setAttribute('role', 'alert');
      var text = box.appendChild(E('p'));
      text.appendChild(E('strong', '', WB.t('main.not_saving') + ' '));
      text.appendChild(document.createTextNode(pageReason(reason)));
      WB.belowTitle(heading, box);
    }
  };

  /* ---- copy to the clipboard, with the old way where the new one is missing */
  WB.copyText = function (text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () {
          return true;
        },
        function () {
          return fallbackCopy(text);
        }
      );
    }
    return Promise.resolve(fallbackCopy(text));
  };

  function fallbackCopy(text) {
    var field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.className = 'wb-visually-hidden';
    document.body.appendChild(field);
    var active = document.activeElement;
    try {
      field.select();
      return document.execCommand('copy');
    } catch (error) {
      return false;
    } finally {
      field.remove();
      if (active && active.focus) active.focus();
    }
  }
})(window, document);
