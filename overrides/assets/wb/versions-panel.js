/*
 * WB.VersionPanel: under an answer box, "Keep this version" and the earlier versions
 * kept (newest first), each dated, to view beside the current answer, copy from, or
 * delete after a question. Started by WB.Saver for each answer that keeps versions.
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});

  function Panel(saver) {
    var root = saver.root;
    this.saver = saver;
    this.id = saver.id;
    this.rules = WB.kinds[root.getAttribute('data-module')];
    if (!this.rules) throw new Error('wb: no kind of answer for prompt ' + this.id);
    var E = WB.versions.element;
    var self = this;
    this.el = E('div', 'wb-versions');
    this.el.setAttribute('data-search-exclude', '');
    var row = this.el.appendChild(E('p', 'wb-versions__actions'));
    var keep = row.appendChild(WB.button('Keep this version', 'keep-version'));
    keep.setAttribute('aria-describedby', 'wb-versions-about-' + this.id.replace(/\./g, '-'));
    this.said = row.appendChild(E('span', 'wb-versions__said'));
    this.said.setAttribute('role', 'status');
    var about = this.el.appendChild(E('p', 'wb-versions__about',
      'Keeps your answer as it is now, dated, so that you can look back at it when you come back to this question.'));
    about.id = 'wb-versions-about-' + this.id.replace(/\./g, '-');
    this.listEl = this.el.appendChild(E('div', 'wb-versions__kept'));
    this.heading = this.listEl.appendChild(E('h4', 'wb-versions__heading', 'Earlier versions of your answer'));
    this.heading.tabIndex = -1;
    this.entries = this.listEl.appendChild(E('ol', 'wb-versions__entries'));
    root.appendChild(this.el);
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
    if (!this.saver.save()) return this.say('Your answer is not saved, so no version was kept.');
    var value = this.saver.owner.value();
    if (!this.rules.valid(value) || !this.rules.answered(value)) return this.say('Write an answer before keeping a version.');
    var found = WB.versions.read(this.id);
    var last = found.list[found.list.length - 1];
    if (last && JSON.stringify(last.value) === JSON.stringify(value)) return this.say('This version is already kept.');
    var list = found.list.concat([{ kept: new Date().toISOString(), value: value }]);
    var result = WB.versions.write(this.id, list, found);
    if (!result.ok) return this.say('This version could not be kept: ' + (result.reason === 'quota' ? 'this browser’s storage is full.' : 'this browser is not letting the workbook save.'));
    this.render();
    this.say('Version kept. It is listed under “Earlier versions of your answer”.');
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
        self.say(copied ? 'Copied the version of ' + WB.versions.day(kept) + '. Paste it into the box, or anywhere you like.' :
          'Copying did not work here: open the version and select its words.');
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
      if (!result.ok) return this.say('The version could not be deleted: this browser is not letting the workbook save.') || true;
      delete this.open[kept];
      this.say('Version deleted.');
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
      this.entries.appendChild(E('li', '', 'The earlier versions kept for this question could not be read. ' +
        'They stay, unchanged, in this browser: keeping a new version sets them aside first.'));
    }
    list.slice().reverse().forEach(function (entry) {
      var day = WB.versions.day(entry.kept);
      var item = self.entries.appendChild(E('li', 'wb-versions__entry'));
      item.appendChild(E('p', 'wb-versions__date')).appendChild(E('strong', '', 'Kept ' + day));
      var actions = item.appendChild(E('p', 'wb-versions__actions'));
      if (confirming === entry.kept) {
        actions.appendChild(E('span', '', 'Delete the version of ' + day + '? '));
        actions.appendChild(WB.button('Yes, delete it', 'confirm-delete-version'));
        actions.appendChild(WB.button('No, keep it', 'cancel-delete-version'));
      } else {
        var view = actions.appendChild(WB.button(self.open[entry.kept] ? 'Hide' : 'View', 'view-version'));
        view.setAttribute('aria-expanded', String(!!self.open[entry.kept]));
        view.setAttribute('aria-label', (self.open[entry.kept] ? 'Hide' : 'View') + ' the version of ' + day);
        var copy = actions.appendChild(WB.button('Copy', 'copy-version'));
        copy.setAttribute('aria-label', 'Copy the version of ' + day);
        var remove = actions.appendChild(WB.button('Delete', 'delete-version'));
        remove.setAttribute('aria-label', 'Delete the version of ' + day);
      }
      for (var b = 0; b < actions.children.length; b++) actions.children[b].setAttribute('data-wb-kept', entry.kept);
      if (self.open[entry.kept] && self.rules.valid(entry.value)) {
        item.appendChild(E('div', 'wb-versions__view')).appendChild(WB.versions.show(self.rules, entry.value, self.saver.root));
      }
    });
  };

  WB.VersionPanel = Panel;
})(window, document);
