/*
 * data-module="wb-answer": one prompt's answer box. Restores the saved answer,
 * saves on every edit (after a short pause, and at once when the page is left),
 * shows when it was saved, and says loudly when it was not.
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var SAVE_DELAY = 250; // ms after the last keystroke
  var KIND = 'answer';

  var REASONS = {
    quota: 'The storage this browser gives the workbook is full.',
    blocked:
      'This browser is not letting the workbook save. This happens when cookies and site data are blocked, ' +
      'and in some private windows.',
    unavailable: 'Storage in this browser is not working at the moment.',
    aside:
      'An earlier answer to this question could not be read, and it could not be kept safe either, ' +
      'so the workbook will not save over it.'
  };

  /** Instances with edits not yet saved: flushed when the page is hidden or left. */
  var unsaved = new Set();
  /** Every instance, to catch up after the page comes back from the back-forward cache. */
  var live = new Set();

  function flushAll() {
    unsaved.forEach(function (answer) {
      answer.save();
    });
  }

  function when(iso) {
    var date = new Date(iso);
    var now = new Date();
    var time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    if (date.toDateString() === now.toDateString()) return 'today at ' + time;
    var options = { day: 'numeric', month: 'long' };
    if (date.getFullYear() !== now.getFullYear()) options.year = 'numeric';
    return 'on ' + date.toLocaleDateString(undefined, options) + ' at ' + time;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function button(text, action) {
    var node = element('button', 'wb-button', text);
    node.type = 'button';
    node.setAttribute('data-wb-action', action);
    return node;
  }

  function Answer(root) {
    this.root = root;
    this.id = root.getAttribute('data-wb-prompt');
    this.input = root.querySelector('.wb-prompt__answer');
    this.status = root.querySelector('.wb-prompt__status');
    this.mirror = root.querySelector('.wb-prompt__print');
    this.timer = null;
    this.dirty = false;
    this.locked = false;
    this.alert = null;
    this.notice = null;
    if (!this.id || !this.input || !this.status) throw new Error('wb-answer: incomplete prompt markup');

    var self = this;
    this.input.addEventListener('input', function () {
      self.edited();
    });
    root.addEventListener('click', function (event) {
      var target = event.target.closest('[data-wb-action]');
      if (target) self.act(target.getAttribute('data-wb-action'), target);
    });
    this.stopListening = WB.store.onChange(KIND, this.id, function (raw) {
      self.changedElsewhere(raw);
    });
    WB.grow(this.input);
    live.add(this);
    this.restore();
  }

  Answer.prototype.restore = function () {
    var result = WB.store.read(KIND, this.id);
    if (result.state === 'ok' && typeof result.record.value === 'string') {
      this.show(result.record.value);
      this.setStatus('Saved ' + when(result.record.saved) + '.');
    } else if (result.state === 'ok' || result.state === 'corrupt') {
      this.keepAside(result.raw);
    } else if (result.state === 'empty') {
      this.setStatus('Your answer is saved in this browser as you type.');
    } else {
      // The page shows one message for the whole page (WB.storageProblem).
      this.setStatus('Not saved: this browser is not letting the workbook save.');
    }
  };

  Answer.prototype.show = function (value) {
    this.input.value = value;
    this.mirror.textContent = value;
    WB.grow(this.input);
  };

  Answer.prototype.setStatus = function (text) {
    this.status.textContent = text;
    this.status.classList.toggle('wb-prompt__status--problem', /^Not saved/.test(text));
  };

  Answer.prototype.edited = function () {
    var self = this;
    this.dirty = true;
    unsaved.add(this);
    WB.announce.cancel();
    WB.grow(this.input);
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () {
      self.save();
    }, SAVE_DELAY);
  };

  Answer.prototype.save = function () {
    window.clearTimeout(this.timer);
    if (!this.dirty) return;
    if (this.locked) {
      this.failed('aside');
      return;
    }
    var result = WB.store.write(KIND, this.id, this.input.value);
    if (!result.ok) {
      this.failed(result.reason);
      return;
    }
    this.dirty = false;
    unsaved.delete(this);
    this.mirror.textContent = this.input.value;
    this.setStatus('Saved ' + when(result.record.saved) + '.');
    this.clearAlert();
    WB.announce.later('Saved');
  };

  Answer.prototype.failed = function (reason) {
    this.setStatus('Not saved.');
    var text = REASONS[reason] || REASONS.unavailable;
    if (this.alert && this.alert.getAttribute('data-wb-reason') === reason) return;
    this.clearAlert();
    var alert = element('div', 'wb-alert');
    alert.setAttribute('role', 'alert');
    alert.setAttribute('data-wb-reason', reason);
    var first = element('p');
    first.appendChild(element('strong', '', 'Your answer is not saved. '));
    first.appendChild(document.createTextNode(text));
    alert.appendChild(first);
    alert.appendChild(
      element(
        'p',
        '',
        'Your words are still in the box. Copy them somewhere safe, such as an email to yourself ' +
          'or a note, before you leave this page.'
      )
    );
    var actions = element('p', 'wb-alert__actions');
    actions.appendChild(button('Copy my answer', 'copy'));
    if (reason !== 'aside') actions.appendChild(button('Try saving again', 'retry'));
    actions.appendChild(element('span', 'wb-alert__result'));
    alert.appendChild(actions);
    this.status.parentNode.insertBefore(alert, this.status.nextSibling);
    this.alert = alert;
  };

  Answer.prototype.clearAlert = function () {
    if (this.alert) this.alert.remove();
    this.alert = null;
  };

  Answer.prototype.act = function (action, target) {
    if (action === 'retry') {
      this.dirty = true;
      this.clearAlert();
      this.save();
    } else if (action === 'copy') {
      var result = target.parentNode.querySelector('.wb-alert__result');
      WB.copyText(this.input.value, this.input).then(function (copied) {
        if (result) result.textContent = copied ? 'Copied.' : 'Select the text in the box and copy it.';
      });
    } else if (action === 'show-aside') {
      var raw = this.notice && this.notice.querySelector('.wb-notice__raw');
      if (raw) {
        raw.hidden = !raw.hidden;
        target.setAttribute('aria-expanded', String(!raw.hidden));
      }
    }
  };

  /** A stored value this code cannot read: keep it, untouched, and say so. */
  Answer.prototype.keepAside = function (raw) {
    var kept = WB.store.keepAside(KIND, this.id, raw);
    this.locked = !kept.ok;
    var notice = element('div', 'wb-notice');
    notice.setAttribute('role', 'alert');
    notice.appendChild(
      element(
        'p',
        '',
        kept.ok
          ? 'An earlier answer saved for this question could not be read; it may be damaged. ' +
              'It has been kept, unchanged, in this browser. What you write now is saved as usual.'
          : REASONS.aside + ' Copy the text below somewhere safe.'
      )
    );
    var toggle = button('Show the earlier answer', 'show-aside');
    toggle.setAttribute('aria-expanded', 'false');
    notice.appendChild(element('p', 'wb-alert__actions')).appendChild(toggle);
    var copy = element('pre', 'wb-notice__raw', raw);
    copy.hidden = true;
    notice.appendChild(copy);
    this.status.parentNode.insertBefore(notice, this.status.nextSibling);
    this.notice = notice;
    this.setStatus(kept.ok ? 'Your answer is saved in this browser as you type.' : 'Not saved.');
  };

  /** Another tab saved this answer: show it, unless the reader is typing here. */
  Answer.prototype.changedElsewhere = function (raw) {
    if (!document.contains(this.root)) {
      this.stopListening();
      live.delete(this);
      return;
    }
    if (this.dirty || document.activeElement === this.input) return;
    var record = raw === null ? null : WB.parseRecord(raw);
    if (raw !== null && (!record || typeof record.value !== 'string')) return;
    if ((record ? record.value : '') === this.input.value) return;
    this.show(record ? record.value : '');
    this.setStatus(record ? 'Saved ' + when(record.saved) + ' (in another window).' : 'Cleared in another window.');
  };

  window.addEventListener('pagehide', flushAll);
  // A page restored from the back-forward cache missed other tabs' changes.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) return;
    live.forEach(function (answer) {
      var result = WB.store.read(KIND, answer.id);
      if (result.state === 'ok' || result.state === 'empty') answer.changedElsewhere(result.raw || null);
    });
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') flushAll();
  });
  window.addEventListener('beforeunload', function (event) {
    flushAll();
    if (unsaved.size > 0) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  WB.modules = WB.modules || {};
  WB.modules['wb-answer'] = Answer;
  WB.flushAll = flushAll;
})(window, document);
