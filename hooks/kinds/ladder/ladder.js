/*
 * data-module="wb-ladder": the ladder of participation. The reader marks where
 * they are now and where they would like to be (two native radio groups), says
 * whether they are happy with it and what would help, and keeps dated
 * placements to see change over time. Saved through WB.Saver as one answer:
 *
 *   {now: 1-8 | null, hope: 1-8 | null, happy: "", help: "",
 *    history: [{kept: ISO date, now, hope, happy, help}, ...]}   (oldest first)
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var RUNGS = 8;
  // Material's single-key shortcuts (search, next/previous page): not on a rung.
  var SHORTCUTS = ['f', 's', '/', 'n', 'p', ',', '.', 'F', 'S', 'N', 'P', '?'];

  function isRung(value) {
    return value === null || (typeof value === 'number' && value % 1 === 0 && value >= 1 && value <= RUNGS);
  }

  function isPlacement(value) {
    return (
      !!value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      isRung(value.now) &&
      isRung(value.hope) &&
      typeof value.happy === 'string' &&
      typeof value.help === 'string'
    );
  }

  function valid(value) {
    if (!isPlacement(value) || !Array.isArray(value.history)) return false;
    return value.history.every(function (entry) {
      return isPlacement(entry) && typeof entry.kept === 'string' && !isNaN(Date.parse(entry.kept));
    });
  }

  function Ladder(root) {
    this.root = root;
    this.id = root.getAttribute('data-wb-prompt');
    this.rungs = root.querySelectorAll('.wb-ladder__rung[data-wb-rung]');
    this.texts = root.querySelectorAll('textarea[data-wb-field]');
    this.history = [];
    this.names = {};
    this.historyEl = root.querySelector('.wb-ladder__history');
    this.entries = root.querySelector('.wb-ladder__entries');
    this.actions = root.querySelector('.wb-ladder__actions');
    this.summary = root.querySelector('.wb-ladder__summary');
    if (this.rungs.length !== RUNGS + 1 || this.texts.length !== 2 || !this.entries) {
      throw new Error('wb-ladder: incomplete ladder markup');
    }
    for (var i = 0; i < this.rungs.length; i++) {
      var name = this.rungs[i].querySelector('.wb-ladder__arnstein');
      if (name) this.names[this.rungs[i].getAttribute('data-wb-rung')] = name.getAttribute('data-wb-name') || name.textContent;
    }

    var self = this;
    this.saver = new WB.Saver(root, this);

    root.addEventListener('change', function (event) {
      if (event.target.type !== 'radio') return;
      self.mark();
      self.saver.edited(true);
    });
    root.addEventListener('input', function (event) {
      if (event.target.tagName !== 'TEXTAREA') return;
      WB.grow(event.target);
      WB.mirror(event.target);
      self.saver.edited();
    });
    root.addEventListener('keydown', function (event) {
      var onRadio = event.target.type === 'radio';
      if (onRadio && !event.ctrlKey && !event.metaKey && !event.altKey && SHORTCUTS.indexOf(event.key) !== -1) {
        event.stopPropagation();
      }
    });
    root.addEventListener('click', function (event) {
      var target = event.target.closest('[data-wb-action]');
      if (target) self.act(target.getAttribute('data-wb-action'), target);
    });

    this.actions.hidden = false;
    for (var t = 0; t < this.texts.length; t++) WB.grow(this.texts[t]);
    this.saver.restore();
    this.mark();
    this.renderHistory();
  }

  Ladder.prototype.chosen = function (field) {
    var checked = this.root.querySelector('input[data-wb-field="' + field + '"]:checked');
    return checked && checked.value ? Number(checked.value) : null;
  };

  Ladder.prototype.box = function (field) {
    return this.root.querySelector('textarea[data-wb-field="' + field + '"]');
  };

  Ladder.prototype.valid = valid;

  Ladder.prototype.value = function () {
    return {
      now: this.chosen('now'),
      hope: this.chosen('hope'),
      happy: this.box('happy').value,
      help: this.box('help').value,
      history: this.history.slice()
    };
  };

  Ladder.prototype.show = function (value) {
    var self = this;
    value = value || { now: null, hope: null, happy: '', help: '', history: [] };
    ['now', 'hope'].forEach(function (field) {
      var wanted = value[field] === null ? '' : String(value[field]);
      var radios = self.root.querySelectorAll('input[data-wb-field="' + field + '"]');
      for (var i = 0; i < radios.length; i++) radios[i].checked = radios[i].value === wanted;
    });
    ['happy', 'help'].forEach(function (field) {
      var box = self.box(field);
      box.value = value[field];
      WB.grow(box);
      WB.mirror(box);
    });
    this.history = value.history.slice();
    this.mark();
    this.renderHistory();
  };

  /** "rung 4 Consultation", as a kept placement reads. */
  Ladder.prototype.place = function (rung) {
    if (rung === null) return WB.t('ladder.place_none');
    return WB.t('ladder.place_rung', { number: WB.number(rung), name: this.names[String(rung)] });
  };

  /** "rung 4 (Consultation)", as the summary reads. */
  Ladder.prototype.describe = function (rung) {
    return WB.t('ladder.describe_rung', { number: WB.number(rung), name: this.names[String(rung)] });
  };

  /** Mark the chosen rungs, and the rungs between them, on the ladder itself. */
  Ladder.prototype.mark = function () {
    var now = this.chosen('now');
    var hope = this.chosen('hope');
    var low = Math.min(now || 0, hope || 0);
    var high = Math.max(now || 0, hope || 0);
    for (var i = 0; i < this.rungs.length; i++) {
      var rung = this.rungs[i];
      var n = Number(rung.getAttribute('data-wb-rung')) || null;
      rung.classList.toggle('wb-ladder__rung--now', n !== null && n === now);
      rung.classList.toggle('wb-ladder__rung--hope', n !== null && n === hope);
      rung.classList.toggle('wb-ladder__rung--between', !!(now && hope && n && n > low && n < high));
    }
    var text;
    if (now === null && hope === null) {
      text = WB.t('ladder.summary_none');
    } else if (hope === null) {
      text = WB.t('ladder.summary_now', { now: this.describe(now) });
    } else if (now === null) {
      text = WB.t('ladder.summary_hope', { hope: this.describe(hope) });
    } else if (now === hope) {
      text = WB.t('ladder.summary_there', { now: this.describe(now) });
    } else {
      var both = { now: this.describe(now), hope: this.describe(hope) };
      text = hope > now ? WB.tn('ladder.summary_up', hope - now, both) : WB.tn('ladder.summary_down', now - hope, both);
    }
    this.summary.textContent = text;
  };

  Ladder.prototype.text = function () {
    var value = this.value();
    var lines = [this.summary.textContent];
    if (value.happy) lines.push(WB.t('ladder.happy_question') + ' ' + value.happy);
    if (value.help) lines.push(WB.t('ladder.help_question') + ' ' + value.help);
    return lines.join('\n');
  };

  Ladder.prototype.act = function (action, target) {
    var index = Number(target.getAttribute('data-wb-index'));
    if (action === 'keep') {
      var value = this.value();
      if (value.now === null && value.hope === null && !value.happy && !value.help) {
        this.saver.setStatus(WB.t('ladder.keep_nothing'));
        return;
      }
      this.history.push({ kept: new Date().toISOString(), now: value.now, hope: value.hope, happy: value.happy, help: value.help });
      this.saver.dirty = true;
      this.saver.save(WB.t('ladder.kept_status'));
      this.renderHistory();
    } else if (action === 'delete') {
      this.renderHistory(index);
      var confirm = this.entries.querySelector('[data-wb-action="confirm-delete"]');
      if (confirm) confirm.focus();
    } else if (action === 'cancel-delete') {
      this.renderHistory();
      var again = this.entries.querySelector('[data-wb-action="delete"][data-wb-index="' + index + '"]');
      if (again) again.focus();
    } else if (action === 'confirm-delete') {
      this.history.splice(index, 1);
      this.saver.dirty = true;
      this.saver.save(WB.t('ladder.deleted_status'));
      this.renderHistory();
      var heading = this.historyEl.querySelector('h4');
      if (this.history.length && heading) heading.focus();
      else this.root.querySelector('[data-wb-action="keep"]').focus();
    }
  };

  /** "12 March 2026, 14:05" */
  function day(iso) {
    var date = new Date(iso);
    return WB.t('ladder.when', { day: WB.day(date), time: WB.time(date) });
  }

  /** The kept placements, newest first; `confirming` is the index asked about. */
  Ladder.prototype.renderHistory = function (confirming) {
    var self = this;
    var E = WB.element;
    this.entries.textContent = '';
    this.historyEl.hidden = this.history.length === 0;
    for (var i = this.history.length - 1; i >= 0; i--) {
      var entry = this.history[i];
      var item = E('li', 'wb-ladder__entry');
      // A dated line in words: "12 March 2026, 14:05: now rung 4 Consultation, would like to be rung 7 Delegated power."
      var line = E('p', 'wb-ladder__entry-line');
      line.appendChild(WB.tf('ladder.entry', {
        when: E('strong', 'wb-ladder__entry-date', day(entry.kept)),
        now: self.place(entry.now),
        hope: self.place(entry.hope)
      }));
      item.appendChild(line);
      if (entry.happy) item.appendChild(E('p', 'wb-ladder__entry-text', WB.t('ladder.entry_happy', { answer: entry.happy })));
      if (entry.help) item.appendChild(E('p', 'wb-ladder__entry-text', WB.t('ladder.entry_help', { answer: entry.help })));
      var actions = E('p', 'wb-alert__actions');
      if (confirming === i) {
        actions.appendChild(E('span', '', WB.t('ladder.delete_question', { when: day(entry.kept) })));
        actions.appendChild(WB.button(WB.t('ladder.delete_yes'), 'confirm-delete'));
        actions.appendChild(WB.button(WB.t('ladder.delete_no'), 'cancel-delete'));
      } else {
        var remove = WB.button(WB.t('ladder.delete'), 'delete');
        remove.setAttribute('aria-label', WB.t('ladder.delete_name', { when: day(entry.kept) }));
        actions.appendChild(remove);
      }
      for (var b = 0; b < actions.children.length; b++) actions.children[b].setAttribute('data-wb-index', String(i));
      item.appendChild(actions);
      this.entries.appendChild(item);
    }
  };

  function rungText(rung) {
    if (rung === null) return WB.t('ladder.text_not_placed');
    return WB.t('ladder.text_rung', { number: WB.number(rung), total: WB.number(RUNGS) });
  }

  WB.register('wb-ladder', Ladder, {
    valid: valid,
    answered: function (value) {
      return value.now !== null || value.hope !== null || !!value.happy.trim() || !!value.help.trim() || value.history.length > 0;
    },
    /**
     * Keep both: both histories (in date order), both texts; the backup's placement,
     * when it differs from mine, joins the history dated as the backup.
     */
    merge: function (mine, theirs, el, created) {
      var seen = {};
      var extra = [];
      if ((theirs.now !== null || theirs.hope !== null) && (theirs.now !== mine.now || theirs.hope !== mine.hope)) {
        extra.push({ kept: created, now: theirs.now, hope: theirs.hope, happy: theirs.happy, help: theirs.help });
      }
      var history = mine.history.concat(theirs.history, extra).filter(function (entry) {
        var key = JSON.stringify([entry.kept, entry.now, entry.hope, entry.happy, entry.help]);
        if (seen[key]) return false;
        seen[key] = true;
        return true;
      });
      history.sort(function (a, b) {
        return Date.parse(a.kept) - Date.parse(b.kept);
      });
      return {
        now: mine.now,
        hope: mine.hope,
        happy: WB.backup.joined(mine.happy, theirs.happy, created),
        help: WB.backup.joined(mine.help, theirs.help, created),
        history: history
      };
    },
    text: function (value) {
      var lines = [WB.t('ladder.text_now', { rung: rungText(value.now) }), WB.t('ladder.text_hope', { rung: rungText(value.hope) })];
      if (value.happy) lines.push(WB.t('ladder.happy_question') + ' ' + value.happy);
      if (value.help) lines.push(WB.t('ladder.help_question') + ' ' + value.help);
      value.history.forEach(function (entry) {
        lines.push(
          WB.t('ladder.text_kept', { when: day(entry.kept), now: rungText(entry.now), hope: rungText(entry.hope) }) +
            (entry.happy ? ' ' + WB.t('ladder.entry_happy', { answer: entry.happy }) : '') +
            (entry.help ? ' ' + WB.t('ladder.entry_help', { answer: entry.help }) : '')
        );
      });
      return lines.join('\n');
    }
  });
})(window, document);
