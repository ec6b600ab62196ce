/*
 * WB.VersionPanel: under an answer box, "Keep this version" and the earlier versions
 * kept (newest first), each dated, to view beside the current answer, copy from, or
 * delete after a question. Started by WB.Saver for each answer that keeps versions: the
 * build writes its row (the button, its spoken result, what it does: kinds/text/block.py).
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});

  function Panel(saver, el) {
    var root = saver.root;
    this.saver = saver;
    this.id = saver.id;
    this.rules = WB.kinds[root.getAttribute('data-module')];
    if (!this.rules) throw new Error('wb: no kind of answer for prompt ' + this.id);
    var E = WB.versions.element;
    var self = this;
    this.el = el;
    this.said = el.querySelector('.wb-versions__said');
    if (!this.said || !el.querySelector('[data-wb-action="keep-version"]')) {
      throw new Error('wb: prompt ' + this.id + ' has no "Keep this version" row');
    }
    this.listEl = el.appendChild(E('div', 'wb-versions__kept'));
    this.listEl.hidden = true;
    this.heading = this.listEl.appendChild(E('h4', 'wb-versions__heading', WB.t('versions.heading')));
    this.heading.tabIndex = -1;
    this.entries = this.listEl.appendChild(E('ol', 'wb-versions__entries'));
    this.open = {}; // kept dates whose words are shown
    root.addEventListener('click', function (event) {
      var target = event.target.closest('[data-wb-action]');
      if (target && self.el.contains(target) && self.act(target.getAttribute('data-wb-action'), target)) event.stopPropagation();
    });
    this.stop = WB.store.onChange('versions', this.id, function () {
      if (document.contains(root)) self.render();
      else self.stop();
    });
    // Locked: no version shows; unlocked: they are back (vault.js).
    document.addEventListener('wb:lock', function () {
      if (document.contains(root)) {
        self.open = {};
        self.render();
      }
    });
    this.render();
  }

  Panel.prototype.say = function (text) {
    this.said.textContent = '';
    var said = this.said;
    window.setTimeout(function () {
      said.textContent = text;
    }, 50);
  };

  /** Keep the answer as it is now (saved first), unless it is empty or the same as the last version. */
  Panel.prototype.keep = function () {
    if (!this.saver.save()) return this.say(WB.t('versions.not_saved'));
    var value = this.saver.owner.value();
    if (!this.rules.valid(value) || !this.rules.answered(value)) return this.say(WB.t('versions.write_first'));
    var found = WB.versions.read(this.id);
    var last = found.list[found.list.length - 1];
    if (last && JSON.stringify(last.value) === JSON.stringify(value)) return this.say(WB.t('versions.already_kept'));
    var list = found.list.concat([{ kept: new Date().toISOString(), value: value }]);
    var result = WB.versions.write(this.id, list, found);
    if (!result.ok) return this.say(result.reason === 'quota' ? WB.t('versions.not_kept_full') : WB.t('versions.not_kept_blocked'));
    this.render();
    this.say(WB.t('versions.kept'));
  };

  /** The panel's buttons. Returns true when the click was one of them. */
  Panel.prototype.act = function (action, target) {
    var kept = target.getAttribute('data-wb-kept');
    var entry = kept && this.find(kept);
    if (action === 'keep-version') this.keep();
    else if (action === 'view-version' && entry) {
      this.open[kept] = !this.open[kept];
      this.render();
      this.focus('view-version', kept);
    } else if (action === 'copy-version' && entry) {
      var self = this;
      WB.copyText(this.rules.text(entry.value, this.saver.root)).then(function (copied) {
        self.say(copied ? WB.t('versions.copied', { when: WB.versions.day(kept) }) : WB.t('versions.copy_failed'));
      });
    } else if (action === 'delete-version' && entry) {
      this.render(kept);
      this.focus('confirm-delete-version', kept);
    } else if (action === 'cancel-delete-version') {
      this.render();
      this.focus('delete-version', kept);
    } else if (action === 'confirm-delete-version') {
      var found = WB.versions.read(this.id);
      var result = WB.versions.write(this.id, found.list.filter(function (one) {
        return one.kept !== kept;
      }), found);
      this.render();
      if (!result.ok) return this.say(WB.t('versions.not_deleted')) || true;
      delete this.open[kept];
      this.say(WB.t('versions.deleted'));
      if (this.entries.children.length) this.heading.focus();
      else this.el.querySelector('[data-wb-action="keep-version"]').focus();
    } else {
      return false;
    }
    return true;
  };

  Panel.prototype.find = function (kept) {
    return WB.versions.read(this.id).list.filter(function (entry) {
      return entry.kept === kept;
    })[0];
  };

  Panel.prototype.focus = function (action, kept) {
    var button = this.entries.querySelector('[data-wb-action="' + action + '"][data-wb-kept="' + kept + '"]');
    if (button) button.focus();
  };

  /** The kept versions, newest first; `confirming` is the one asked about. */
  Panel.prototype.render = function (confirming) {
    var E = WB.versions.element;
    var found = WB.versions.read(this.id);
    var list = found.list;
    var self = this;
    this.entries.textContent = '';
    this.listEl.hidden = !list.length;
    if (found.state === 'corrupt') {
      this.listEl.hidden = false;
      this.entries.appendChild(E('li', '', WB.t('versions.unreadable')));
    }
    list.slice().reverse().forEach(function (entry) {
      var day = WB.versions.day(entry.kept);
      var item = self.entries.appendChild(E('li', 'wb-versions__entry'));
      item.appendChild(E('p', 'wb-versions__date')).appendChild(E('strong', '', WB.t('versions.kept_on', { when: day })));
      var actions = item.appendChild(E('p', 'wb-versions__actions'));
      if (confirming === entry.kept) {
        actions.appendChild(E('span', '', WB.t('versions.delete_question', { when: day }) + ' '));
        actions.appendChild(WB.button(WB.t('versions.confirm_delete'), 'confirm-delete-version'));
        actions.appendChild(WB.button(WB.t('versions.cancel_delete'), 'cancel-delete-version'));
      } else {
        var shown = !!self.open[entry.kept];
        var view = actions.appendChild(WB.button(shown ? WB.t('versions.hide') : WB.t('versions.view'), 'view-version'));
        view.setAttribute('aria-expanded', String(shown));
        view.setAttribute('aria-label', shown ? WB.t('versions.hide_label', { when: day }) : WB.t('versions.view_label', { when: day }));
        var copy = actions.appendChild(WB.button(WB.t('versions.copy'), 'copy-version'));
        copy.setAttribute('aria-label', WB.t('versions.copy_label', { when: day }));
        var remove = actions.appendChild(WB.button(WB.t('versions.delete'), 'delete-version'));
        remove.setAttribute('aria-label', WB.t('versions.delete_label', { when: day }));
      }
      for (var b = 0; b < actions.children.length; b++) actions.children[b].setAttribute('data-wb-kept', entry.kept);
      if (self.open[entry.kept] && self.rules.valid(entry.value)) {
        item.appendChild(E('div', 'wb-versions__view')).appendChild(WB.versions.show(self.rules, entry.value, self.saver.root));
      }
    });
  };

  WB.VersionPanel = Panel;
})(window, document);
