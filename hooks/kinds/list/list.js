/*
 * data-module="wb-list": an answer written as lines. A list of N lines
 * (data-wb-items) counts how many are filled; a list that grows lets the reader
 * add, remove and reorder lines, by buttons or keys (Enter adds a line, Backspace
 * in an empty line removes it, Alt+Arrow moves it). Enter goes on to an empty next line,
 * or opens a new line after this one. Saved through WB.Saver as
 *
 *   {"lists": [["line", ...], ...]}   one list per column (data-wb-columns)
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var MAX_LINES = 200;

  function isList(value) {
    return (
      !!value && typeof value === 'object' && !Array.isArray(value) && Array.isArray(value.lists) &&
      value.lists.length > 0 &&
      value.lists.every(function (lines) {
        return Array.isArray(lines) && lines.length <= MAX_LINES && lines.every(function (line) {
          return typeof line === 'string';
        });
      })
    );
  }

  function filled(lines) {
    return lines.filter(function (line) {
      return line.trim() !== '';
    });
  }

  /** Column names of a prompt (from data-wb-columns), or [""] for a single list. */
  function columnsOf(el) {
    var names = el && el.getAttribute('data-wb-columns');
    return names ? names.split('|') : [''];
  }

  function List(root) {
    this.root = root;
    this.id = root.getAttribute('data-wb-prompt');
    this.fixed = Number(root.getAttribute('data-wb-items')) || null;
    this.names = columnsOf(root);
    this.columns = Array.prototype.slice.call(root.querySelectorAll('.wb-list__column'));
    if (this.columns.length !== this.names.length) throw new Error('wb-list: incomplete list markup');
    var self = this;

    this.saver = new WB.Saver(root, this);

    // A list that grows: its "Add a line" and its first lines' buttons are in the page as built (block.py).
    this.columns.forEach(function (column, index) {
      column.setAttribute('data-wb-column', String(index));
    });
    root.addEventListener('input', function (event) {
      if (!event.target.classList.contains('wb-list__input')) return;
      WB.grow(event.target);
      self.count();
      self.saver.edited();
    });
    root.addEventListener('keydown', function (event) {
      if (event.target.classList.contains('wb-list__input')) self.key(event);
    });
    root.addEventListener('click', function (event) {
      var target = event.target.closest('[data-wb-action]');
      if (target) self.act(target.getAttribute('data-wb-action'), target);
    });
    this.relabel();
    this.saver.restore();
    this.count();
  }

  /** A stored list this prompt can show: as many columns, and no more lines than it has. */
  List.prototype.valid = function (value) {
    // A list longer than this prompt's lines would lose lines: it is kept aside instead.
    return isList(value) && value.lists.length === this.names.length &&
      (!this.fixed || value.lists[0].length <= this.fixed);
  };

  List.prototype.text = function () {
    return WB.kinds['wb-list'].text(this.value(), this.root);
  };

  List.prototype.inputs = function (column) {
    return Array.prototype.slice.call(this.columns[column].querySelectorAll('.wb-list__input'));
  };

  List.prototype.value = function () {
    var self = this;
    return {
      lists: this.columns.map(function (column, index) {
        return self.inputs(index).map(function (input) {
          return input.value;
        });
      })
    };
  };

  List.prototype.show = function (value) {
    var self = this;
    var lists = value ? value.lists : this.names.map(function () {
      return [];
    });
    lists.forEach(function (lines, index) {
      var wanted = self.fixed || Math.max(lines.length, 1);
      var inputs = self.inputs(index);
      while (inputs.length < wanted) inputs.push(self.addLine(index, inputs.length));
      while (inputs.length > wanted) inputs.pop().closest('li').remove();
      inputs.forEach(function (input, at) {
        input.value = lines[at] || '';
        WB.grow(input);
      });
    });
    this.relabel();
    this.count();
  };

  /** A new empty line in a column, after line `at - 1`. Returns its text box. */
  List.prototype.addLine = function (column, at) {
    var list = this.columns[column].querySelector('.wb-list__items');
    var item = document.createElement('li');
    item.className = 'wb-list__item';
    var label = document.createElement('label');
    label.className = 'wb-visually-hidden';
    var input = document.createElement('textarea');
    input.className = 'wb-list__input';
    input.rows = 1;
    input.setAttribute('autocomplete', 'off');
    item.appendChild(label);
    item.appendChild(input);
    list.insertBefore(item, list.children[at] || null);
    this.relabel();
    return input;
  };

  /** Labels, ids and the buttons of each line, after any change of order. */
  List.prototype.relabel = function () {
    var self = this;
    this.columns.forEach(function (column, index) {
      var items = column.querySelectorAll('.wb-list__item');
      for (var n = 0; n < items.length; n++) {
        var input = items[n].querySelector('.wb-list__input');
        var label = items[n].querySelector('label');
        input.id = 'wb-answer-' + self.id.replace(/\./g, '-') + '-' + (index + 1) + '-' + (n + 1);
        label.htmlFor = input.id;
        label.id = input.id + '-label';
        input.setAttribute('aria-labelledby', 'wb-prompt-' + self.id.replace(/\./g, '-') + ' ' + label.id);
        label.textContent = self.lineName(index, n + 1);
        if (!self.fixed) self.lineButtons(items[n], label.textContent, n, items.length);
      }
    });
  };

  /** "line 3 of 10", "line 3", "Positives, line 3" (as block.py names it). */
  List.prototype.lineName = function (column, number) {
    if (this.fixed) return WB.t('list.line_of', { number: WB.number(number), total: WB.number(this.fixed) });
    var name = this.names[column];
    if (name) return WB.t('list.column_line', { column: name, number: WB.number(number) });
    return WB.t('list.line', { number: WB.number(number) });
  };

  List.prototype.lineButtons = function (item, what, at, total) {
    var row = item.querySelector('.wb-list__line-actions');
    if (!row) {
      row = WB.element('span', 'wb-list__line-actions');
      [['↑', 'move-up'], ['↓', 'move-down'], ['✕', 'remove-line']].forEach(function (pair) {
        var button = WB.button(pair[0], pair[1]);
        button.classList.add('wb-list__line-button');
        row.appendChild(button);
      });
      item.appendChild(row);
    }
    var buttons = row.querySelectorAll('button');
    buttons[0].setAttribute('aria-label', WB.t('list.move_up', { line: what }));
    buttons[0].disabled = at === 0;
    buttons[1].setAttribute('aria-label', WB.t('list.move_down', { line: what }));
    buttons[1].disabled = at === total - 1;
    buttons[2].setAttribute('aria-label', WB.t('list.remove_line', { line: what }));
  };

  List.prototype.count = function () {
    var out = this.root.querySelector('.wb-list__count');
    if (out) out.textContent = WB.tn('list.written', filled(this.value().lists[0]).length, { total: WB.number(this.fixed) });
  };

  List.prototype.where = function (element) {
    var column = Number(element.closest('.wb-list__column').getAttribute('data-wb-column'));
    var item = element.closest('.wb-list__item');
    return { column: column, at: item ? this.inputs(column).indexOf(item.querySelector('.wb-list__input')) : -1, item: item };
  };

  /** Move a line by `step`, keeping focus on what moved. */
  List.prototype.move = function (place, step, focus) {
    var list = place.item.parentNode;
    var items = list.children;
    var to = place.at + step;
    if (to < 0 || to >= items.length) return;
    list.insertBefore(place.item, step < 0 ? items[to] : items[to].nextSibling);
    this.relabel();
    (focus.disabled ? place.item.querySelector('.wb-list__input') : focus).focus();
    this.saver.edited(true);
    WB.announce.later(WB.t('list.moved_to_line', { number: WB.number(to + 1) }));
  };

  List.prototype.remove = function (place) {
    var inputs = this.inputs(place.column);
    if (inputs.length === 1) {
      inputs[0].value = '';
      inputs[0].focus();
    } else {
      place.item.remove();
      this.relabel();
      var rest = this.inputs(place.column);
      rest[Math.max(place.at - 1, 0)].focus();
    }
    this.count();
    this.saver.edited(true);
  };

  List.prototype.act = function (action, target) {
    var place = this.where(target);
    if (action === 'add-line') {
      var input = this.addLine(place.column, this.inputs(place.column).length);
      input.focus();
      this.saver.edited(true);
    } else if (action === 'move-up' || action === 'move-down') {
      this.move(place, action === 'move-up' ? -1 : 1, target);
    } else if (action === 'remove-line') {
      this.remove(place);
    }
  };

  List.prototype.key = function (event) {
    var place = this.where(event.target);
    var inputs = this.inputs(place.column);
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      // On to the next line if it is empty (or the list has fixed lines); else a new line here.
      var next = inputs[place.at + 1];
      if (!this.fixed && !(next && next.value === '')) {
        next = this.addLine(place.column, place.at + 1);
        this.saver.edited(true);
      }
      if (next) next.focus();
    } else if (event.key === 'Backspace' && !this.fixed && event.target.value === '' && inputs.length > 1) {
      event.preventDefault();
      this.remove(place);
    } else if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown') && !this.fixed) {
      event.preventDefault();
      this.move(place, event.key === 'ArrowUp' ? -1 : 1, event.target);
    }
  };

  WB.register('wb-list', List, {
    valid: isList,
    answered: function (value) {
      return value.lists.some(function (lines) {
        return filled(lines).length > 0;
      });
    },
    /** The lines as text; `el` (the prompt's element) names the columns and says whether lines are numbered. */
    text: function (value, el) {
      var names = columnsOf(el);
      var numbered = !!(el && el.getAttribute('data-wb-items'));
      return value.lists.map(function (lines, index) {
        var out = lines.map(function (line, at) {
          return line.trim() === '' ? null : (numbered ? at + 1 + '. ' : '- ') + line;
        }).filter(function (line) {
          return line !== null;
        });
        var title = names[index] ? WB.t('list.column_title', { column: names[index] }) + '\n' : '';
        return title + (out.length ? out.join('\n') : WB.t('list.nothing_written_text'));
      }).join('\n\n');
    },
    /**
     * Keep both: the backup's lines that mine lack go into my empty lines, then
     * after them. null when they do not fit (a list of N lines, or MAX_LINES).
     */
    merge: function (mine, theirs, el) {
      var fixed = Number(el && el.getAttribute('data-wb-items')) || MAX_LINES;
      if (mine.lists.length !== theirs.lists.length) return null;
      var lists = mine.lists.map(function (lines, index) {
        var out = lines.slice();
        var have = filled(lines).map(function (line) {
          return line.trim();
        });
        filled(theirs.lists[index]).forEach(function (line) {
          if (have.indexOf(line.trim()) !== -1) return;
          have.push(line.trim());
          var empty = -1;
          for (var i = 0; i < out.length && empty === -1; i++) if (out[i].trim() === '') empty = i;
          if (empty === -1) out.push(line);
          else out[empty] = line;
        });
        return out;
      });
      var fits = lists.every(function (lines) {
        return lines.length <= fixed;
      });
      return fits ? { lists: lists } : null;
    },
    /** The words in a stored value that may not be valid (one kept aside), or null: only lines of text. */
    words: function (value) {
      if (!value || !Array.isArray(value.lists)) return null;
      // A stored value may hold anything, nested without end.
      return value.lists.map(function (lines) {
        return Array.isArray(lines) ? lines.filter(function (line) {
          return typeof line === 'string';
        }).join('\n') : '';
      }).join('\n\n');
    },
    /** The lines as HTML lists, for the My answers page. */
    render: function (value, el) {
      var names = columnsOf(el);
      var numbered = !!(el && el.getAttribute('data-wb-items'));
      var box = WB.element('div', 'wb-review__lists');
      value.lists.forEach(function (lines, index) {
        if (names[index]) box.appendChild(WB.element('p', 'wb-review__list-title', names[index]));
        var list = document.createElement(numbered ? 'ol' : 'ul');
        list.className = 'wb-review__list';
        lines.forEach(function (line, at) {
          if (line.trim() === '') return;
          var item = WB.element('li', '', line);
          if (numbered) item.value = at + 1;
          list.appendChild(item);
        });
        if (!list.children.length) box.appendChild(WB.element('p', 'wb-review__none', WB.t('list.nothing_written')));
        else box.appendChild(list);
      });
      return box;
    }
  });
})(window, document);
