/*
 * data-module="wb-review": the My answers page. Shows every answer under its
 * prompt, and holds the reader's tools: download a backup, restore one (checked
 * first, previewed, all or nothing, undoable), readable copies, print, clear.
 * Nothing from a file is ever put on the page except as text.
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var FORMAT = 'wb-backup';
  var VERSION = 1;
  var MAX_BYTES = 20 * 1024 * 1024;
  var RE_ID = /^[1-9][0-9]*(\.[1-9][0-9]*)+$/;
  var E = function (tag, className, text) {
    return WB.element(tag, className, text);
  };

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function isoDay(date) {
    return date.toISOString().slice(0, 10);
  }

  function longDay(iso) {
    return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
  }

  function download(name, type, text) {
    var blob = new Blob([text], { type: type });
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 10000);
    return blob.size;
  }

  function size(bytes) {
    return bytes < 1024 ? bytes + ' bytes' : Math.ceil(bytes / 1024) + ' KB';
  }

  function Review(root) {
    this.root = root;
    this.siteName = (document.querySelector('meta[name="wb-site-name"]') || {}).content || 'Workbook';
    this.message = root.querySelector('.wb-review__message');
    this.dialog = root.querySelector('.wb-review__dialog');
    this.file = root.querySelector('#wb-review-file');
    this.scope = root.querySelector('#wb-review-scope');
    this.sections = [];
    this.prompts = {};
    var self = this;

    var sections = root.querySelectorAll('.wb-review__section');
    for (var i = 0; i < sections.length; i++) {
      var section = {
        number: sections[i].getAttribute('data-wb-section'),
        title: sections[i].querySelector('h2').textContent.trim(),
        el: sections[i],
        prompts: []
      };
      var items = sections[i].querySelectorAll('[data-wb-review-prompt]');
      for (var j = 0; j < items.length; j++) {
        var prompt = {
          id: items[j].getAttribute('data-wb-review-prompt'),
          kind: items[j].getAttribute('data-wb-kind'),
          text: items[j].querySelector('.wb-review__words').textContent.trim(),
          el: items[j],
          section: section
        };
        section.prompts.push(prompt);
        this.prompts[prompt.id] = prompt;
      }
      this.sections.push(section);
      this.scope.appendChild(new Option(section.title, section.number));
    }
    this.scope.insertBefore(new Option('All sections', 'all'), this.scope.firstChild);
    this.scope.value = 'all';

    root.querySelector('.wb-review__no-script').hidden = true;
    root.insertBefore(E('h1', 'wb-review__blank-title', this.siteName), root.firstChild);
    root.querySelector('.wb-review__tools').hidden = false;
    root.addEventListener('click', function (event) {
      var target = event.target.closest('[data-wb-action]');
      if (target) self.act(target.getAttribute('data-wb-action'), target);
    });
    this.file.addEventListener('change', function () {
      var chosen = self.file.files && self.file.files[0];
      self.file.value = '';
      if (chosen) self.readFile(chosen);
    });
    document.addEventListener('wb:changed', function () {
      if (document.contains(root)) self.render();
    });
    window.addEventListener('storage', function (event) {
      if (document.contains(root) && event.key && event.key.indexOf(WB.store.prefix) === 0) self.render();
    });
    window.addEventListener('afterprint', function () {
      document.documentElement.classList.remove('wb-print-blank');
    });
    this.render();
    this.offerUndo();
  }

  /** The stored answers: id -> record, for those this code can read. */
  Review.prototype.answers = function () {
    var found = {};
    WB.store.list('answer').forEach(function (entry) {
      if (entry.record) found[entry.id] = entry.record;
    });
    return found;
  };

  Review.prototype.rules = function (id, value) {
    var prompt = this.prompts[id];
    if (prompt) return WB.kinds[prompt.kind];
    // An answer to a prompt no longer here: whichever kind it fits.
    for (var kind in WB.kinds) {
      if (own(WB.kinds, kind) && WB.kinds[kind].valid(value)) return WB.kinds[kind];
    }
    return null;
  };

  Review.prototype.answerText = function (id, record) {
    var rules = record && this.rules(id, record.value);
    if (!rules || !rules.valid(record.value) || !rules.answered(record.value)) return null;
    return rules.text(record.value);
  };

  /* ---- the list ---------------------------------------------------------- */

  Review.prototype.render = function () {
    var answers = this.answers();
    var self = this;
    this.sections.forEach(function (section) {
      var done = 0;
      section.prompts.forEach(function (prompt) {
        var text = self.answerText(prompt.id, answers[prompt.id]);
        var box = prompt.el.querySelector('.wb-review__answer');
        box.textContent = '';
        prompt.el.classList.toggle('wb-review__prompt--answered', text !== null);
        if (text === null) {
          box.appendChild(E('p', 'wb-review__none', 'Not answered yet.'));
          return;
        }
        done++;
        box.appendChild(E('p', 'wb-review__text', text));
        var meta = E('p', 'wb-review__meta', 'Saved ' + WB.when(answers[prompt.id].saved) + '. ');
        var clear = WB.button('Clear this answer', 'clear-answer');
        clear.setAttribute('data-wb-id', prompt.id);
        clear.setAttribute('aria-label', 'Clear the answer to ' + prompt.id);
        meta.appendChild(clear);
        box.appendChild(meta);
      });
      section.el.querySelector('.wb-review__progress').textContent =
        done + ' of ' + section.prompts.length + ' answered.';
      section.el.querySelector('.wb-review__section-actions').hidden = done === 0;
    });

    var orphans = this.root.querySelector('.wb-review__orphans');
    var list = orphans.querySelector('.wb-review__orphan-list');
    list.textContent = '';
    Object.keys(answers).sort().forEach(function (id) {
      if (self.prompts[id]) return;
      var text = self.answerText(id, answers[id]);
      if (text === null) return;
      var item = E('div', 'wb-review__prompt wb-review__prompt--answered');
      item.appendChild(E('h3', 'wb-review__question', 'Question ' + id));
      item.appendChild(E('p', 'wb-review__text', text));
      list.appendChild(item);
    });
    orphans.hidden = !list.children.length;
  };

  /* ---- messages (in the page) and questions (in a dialog) ------------- */

  /** A message under the tools, read out politely; `nodes` may add buttons. */
  Review.prototype.say = function (text, nodes) {
    this.message.textContent = '';
    if (text) this.message.appendChild(E('p', '', text));
    (nodes || []).forEach(function (node) {
      this.message.appendChild(node);
    }, this);
  };

  /** A question or a refusal, in a modal dialog (Escape closes it). */
  Review.prototype.ask = function (title, nodes) {
    var heading = this.dialog.querySelector('.wb-review__dialog-title');
    if (!heading) {
      heading = E('h2', 'wb-review__dialog-title');
      heading.id = 'wb-review-dialog-title';
      this.dialog.insertBefore(heading, this.dialog.firstChild);
    }
    heading.textContent = title;
    var body = this.dialog.querySelector('.wb-review__dialog-body');
    body.textContent = '';
    nodes.forEach(function (node) {
      body.appendChild(node);
    });
    if (!this.dialog.open) {
      if (this.dialog.showModal) this.dialog.showModal();
      else this.dialog.setAttribute('open', '');
    }
    var first = body.querySelector('input:checked, button');
    if (first) first.focus();
  };

  Review.prototype.closeDialog = function () {
    if (this.dialog.open) {
      if (this.dialog.close) this.dialog.close();
      else this.dialog.removeAttribute('open');
    }
  };

  function actions(buttons) {
    var row = E('p', 'wb-alert__actions');
    buttons.forEach(function (pair) {
      row.appendChild(WB.button(pair[0], pair[1]));
    });
    return row;
  }

  /* ---- backup ------------------------------------------------------------ */

  Review.prototype.backupData = function () {
    var answers = this.answers();
    var self = this;
    return {
      format: FORMAT,
      version: VERSION,
      workbook: this.siteName,
      namespace: WB.store.namespace,
      created: new Date().toISOString(),
      answers: Object.keys(answers).sort(byId).map(function (id) {
        return {
          id: id,
          prompt: self.prompts[id] ? self.prompts[id].text : null,
          saved: answers[id].saved,
          value: answers[id].value
        };
      })
    };
  };

  function byId(a, b) {
    var x = a.split('.').map(Number);
    var y = b.split('.').map(Number);
    for (var i = 0; i < Math.max(x.length, y.length); i++) {
      if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) - (y[i] || 0);
    }
    return 0;
  }

  Review.prototype.backup = function () {
    var data = this.backupData();
    var name = WB.store.namespace + '-answers-' + isoDay(new Date()) + '.json';
    var bytes = download(name, 'application/json', JSON.stringify(data, null, 2));
    WB.store.write('meta', 'backup', { last: data.created });
    var reminder = document.querySelector('.wb-reminder');
    if (reminder) reminder.remove();
    this.say(
      'Your backup is downloading: ' + name + ' (' + size(bytes) + ', ' + data.answers.length +
        (data.answers.length === 1 ? ' answer' : ' answers') + '). Keep it somewhere safe, such as your email. ' +
        'To bring your answers back, on this or another device, use "Restore from a backup".'
    );
  };

  /* ---- restore: check, preview, apply, undo ----------------------------- */

  Review.prototype.readFile = function (file) {
    var self = this;
    if (file.size === 0) return this.refuse('The file is empty.');
    if (file.size > MAX_BYTES) return this.refuse('The file is too large to be a backup of this workbook (' + size(file.size) + ').');
    var reader = new FileReader();
    reader.onload = function () {
      var checked = self.check(String(reader.result));
      if (checked.error) self.refuse(checked.error);
      else self.preview(checked);
    };
    reader.onerror = function () {
      self.refuse('The file could not be read.');
    };
    reader.readAsText(file);
  };

  Review.prototype.refuse = function (reason, title) {
    this.ask(title || 'Nothing was restored', [
      E('p', 'wb-review__refusal', reason),
      E('p', '', 'Your answers are as they were.'),
      actions([['Close', 'close']])
    ]);
  };

  /** A backup file's text, checked through: {error} or {answers: {id: record}, unknown: [ids], created}. */
  Review.prototype.check = function (text) {
    var data;
    var damaged = 'The file is damaged or incomplete, so it cannot be used.';
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { error: 'This is not a backup file of this workbook, or it is damaged.' };
    }
    if (!data || typeof data !== 'object' || Array.isArray(data) || data.format !== FORMAT) {
      return { error: 'This is not a backup file of this workbook.' };
    }
    if (typeof data.version !== 'number' || data.version !== VERSION) {
      return {
        error: data.version > VERSION
          ? 'This backup was made by a newer version of the workbook. Open the newest version of the workbook to restore it.'
          : 'This backup’s format is not one this workbook knows.'
      };
    }
    if (data.namespace !== WB.store.namespace) {
      return {
        error: 'This backup is from another workbook' +
          (typeof data.workbook === 'string' ? ' (“' + data.workbook.slice(0, 200) + '”)' : '') + '.'
      };
    }
    if (!Array.isArray(data.answers) || typeof data.created !== 'string' || isNaN(Date.parse(data.created))) {
      return { error: damaged };
    }
    var answers = Object.create(null);
    var unknown = [];
    for (var i = 0; i < data.answers.length; i++) {
      var entry = data.answers[i];
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return { error: damaged };
      if (typeof entry.id !== 'string' || !RE_ID.test(entry.id) || answers[entry.id]) return { error: damaged };
      if (typeof entry.saved !== 'string' || isNaN(Date.parse(entry.saved)) || !own(entry, 'value')) return { error: damaged };
      var rules = this.rules(entry.id, entry.value);
      if (!rules || !rules.valid(entry.value)) return { error: damaged + ' (The answer to ' + entry.id + ' is not of the right kind.)' };
      answers[entry.id] = { value: entry.value, saved: entry.saved };
      if (!this.prompts[entry.id]) unknown.push(entry.id);
    }
    return { answers: answers, unknown: unknown, created: data.created };
  };

  Review.prototype.preview = function (checked) {
    var current = this.answers();
    var counts = { added: 0, different: 0, same: 0, only: 0 };
    Object.keys(checked.answers).forEach(function (id) {
      if (!current[id]) counts.added++;
      else if (same(current[id].value, checked.answers[id].value)) counts.same++;
      else counts.different++;
    });
    Object.keys(current).forEach(function (id) {
      if (!checked.answers[id]) counts.only++;
    });
    this.pending = checked;

    var nodes = [];
    var list = E('ul');
    list.appendChild(E('li', '', counts.added + ' answers in the backup are not in this browser.'));
    list.appendChild(E('li', '', counts.different + ' answers are different in the backup.'));
    list.appendChild(E('li', '', counts.same + ' answers are the same in both.'));
    list.appendChild(E('li', '', counts.only + ' answers are only in this browser.'));
    nodes.push(list);
    if (checked.unknown.length) {
      nodes.push(E('p', '', 'The backup also has answers to questions this workbook no longer has (' +
        checked.unknown.join(', ') + '). They will be kept and listed at the end of this page.'));
    }
    var fieldset = E('fieldset', 'wb-review__modes');
    fieldset.appendChild(E('legend', '', 'Where an answer is different'));
    [
      ['both', 'Keep both: add the backup’s answer under mine'],
      ['file', 'Use the backup’s answer'],
      ['replace', 'Replace all my answers with the backup (answers only in this browser are removed)']
    ].forEach(function (mode, index) {
      var label = E('label', 'wb-review__mode');
      var input = document.createElement('input');
      input.type = 'radio';
      input.name = 'wb-review-mode';
      input.value = mode[0];
      input.checked = index === 0;
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + mode[1]));
      fieldset.appendChild(label);
    });
    nodes.push(fieldset);
    nodes.push(E('p', '', 'Your answers as they are now are kept, so that you can undo the restore.'));
    nodes.push(actions([['Restore', 'restore'], ['Cancel', 'close']]));
    this.ask('Restore from the backup of ' + longDay(checked.created) + '?', nodes);
  };

  function merged(kind, mine, theirs, created) {
    if (typeof mine.value === 'string' && typeof theirs.value === 'string') {
      return {
        value: mine.value + '\n\n— From the backup of ' + longDay(created) + ' —\n\n' + theirs.value,
        saved: new Date().toISOString()
      };
    }
    if (mine.value && Array.isArray(mine.value.history) && theirs.value && Array.isArray(theirs.value.history)) {
      var seen = {};
      var history = mine.value.history.concat(theirs.value.history).filter(function (entry) {
        var key = JSON.stringify(entry);
        if (seen[key]) return false;
        seen[key] = true;
        return true;
      });
      history.sort(function (a, b) {
        return Date.parse(a.kept) - Date.parse(b.kept);
      });
      var value = JSON.parse(JSON.stringify(mine.value));
      value.history = history;
      return { value: value, saved: new Date().toISOString() };
    }
    return mine;
  }

  Review.prototype.restore = function (mode) {
    var checked = this.pending;
    var current = this.answers();
    var target = {};
    if (mode !== 'replace') {
      Object.keys(current).forEach(function (id) {
        target[id] = current[id];
      });
    }
    Object.keys(checked.answers).forEach(function (id) {
      var theirs = checked.answers[id];
      var mine = current[id];
      if (mode === 'both' && mine && !same(mine.value, theirs.value)) {
        target[id] = merged(null, mine, theirs, checked.created);
      } else {
        target[id] = theirs;
      }
    });
    var result = this.replaceAll(target, true);
    this.pending = null;
    this.closeDialog();
    if (!result.ok) return this.refuse(result.message);
    this.render();
    this.offerUndo('Restored ' + Object.keys(checked.answers).length + ' answers from your backup.');
  };

  /**
   * Make the stored answers exactly `target` (id -> record), all or nothing.
   * With `keepUndo`, what was there is first kept under undo:restore.
   */
  Review.prototype.replaceAll = function (target, keepUndo) {
    var before = {};
    WB.store.list('answer').forEach(function (entry) {
      before[entry.id] = entry.raw;
    });
    if (keepUndo) {
      var kept = WB.store.write('undo', 'restore', { answers: before });
      if (!kept.ok) {
        return { ok: false, message: 'There is no room in this browser to keep your current answers for undo, so nothing was changed.' };
      }
    }
    var failed = null;
    Object.keys(before).forEach(function (id) {
      if (!failed && !own(target, id)) failed = WB.store.remove('answer', id).ok ? null : 'remove';
    });
    Object.keys(target).forEach(function (id) {
      if (!failed) failed = WB.store.put('answer', id, target[id]).ok ? null : 'write';
    });
    if (!failed) return { ok: true };
    // Put everything back as it was.
    WB.store.list('answer').forEach(function (entry) {
      if (!own(before, entry.id)) WB.store.remove('answer', entry.id);
    });
    Object.keys(before).forEach(function (id) {
      WB.store.putRaw('answer', id, before[id]);
    });
    if (keepUndo) WB.store.remove('undo', 'restore');
    return { ok: false, message: 'This browser could not store all the answers (its storage may be full), so nothing was changed.' };
  };

  Review.prototype.offerUndo = function (message) {
    var undo = WB.store.read('undo', 'restore');
    if (undo.state !== 'ok') {
      if (message) this.say(message);
      return;
    }
    this.say(message, [
      E('p', '', 'You can undo your last restore (of ' + longDay(undo.record.saved) + ') and go back to the answers you had before it.'),
      actions([['Undo the restore', 'undo'], ['Keep the restored answers', 'forget-undo']])
    ]);
  };

  Review.prototype.undo = function () {
    var undo = WB.store.read('undo', 'restore');
    var before = undo.state === 'ok' && undo.record.value && undo.record.value.answers;
    if (!before || typeof before !== 'object') return this.refuse('There is no restore to undo.');
    var target = {};
    var broken = [];
    Object.keys(before).forEach(function (id) {
      var record = WB.parseRecord(before[id]);
      if (record) target[id] = record;
      else broken.push(id);
    });
    var result = this.replaceAll(target, false);
    if (!result.ok) return this.refuse(result.message, 'The restore was not undone');
    broken.forEach(function (id) {
      WB.store.putRaw('answer', id, before[id]);
    });
    WB.store.remove('undo', 'restore');
    this.render();
    this.say('The restore is undone: your answers are as they were before it.');
  };

  /* ---- readable copies ---------------------------------------------------- */

  Review.prototype.chosenSections = function () {
    var value = this.scope.value;
    return this.sections.filter(function (section) {
      return value === 'all' || section.number === value;
    });
  };

  /** The answers as a document: {title, sections: [{title, prompts: [{id, text, answer}]}]}. */
  Review.prototype.document = function () {
    var answers = this.answers();
    var self = this;
    return {
      title: this.siteName + ': my answers',
      date: longDay(new Date().toISOString()),
      sections: this.chosenSections().map(function (section) {
        return {
          title: section.title,
          prompts: section.prompts.map(function (prompt) {
            return { id: prompt.id, text: prompt.text, answer: self.answerText(prompt.id, answers[prompt.id]) };
          })
        };
      })
    };
  };

  function asText(doc) {
    var out = [doc.title, doc.date, ''];
    doc.sections.forEach(function (section) {
      out.push('', section.title, section.title.replace(/./g, '='), '');
      section.prompts.forEach(function (prompt) {
        out.push(prompt.id + ' ' + prompt.text, '', prompt.answer === null ? '(Not answered)' : prompt.answer, '');
      });
    });
    return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
  }

  function asMarkdown(doc) {
    var out = ['# ' + doc.title, '', doc.date, ''];
    doc.sections.forEach(function (section) {
      out.push('## ' + section.title, '');
      section.prompts.forEach(function (prompt) {
        out.push('### ' + prompt.id + ' ' + prompt.text, '');
        out.push(prompt.answer === null ? '*(Not answered)*' : prompt.answer.replace(/\n/g, '  \n'), '');
      });
    });
    return out.join('\n');
  }

  function asHtml(doc) {
    var page = document.implementation.createHTMLDocument(doc.title);
    var style = page.createElement('style');
    style.textContent = 'body{font:1.1em/1.5 system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em}' +
      '.answer{white-space:pre-wrap}.none{font-style:italic}';
    page.head.appendChild(style);
    var add = function (tag, text, className) {
      var node = page.createElement(tag);
      node.textContent = text;
      if (className) node.className = className;
      page.body.appendChild(node);
    };
    add('h1', doc.title);
    add('p', doc.date);
    doc.sections.forEach(function (section) {
      add('h2', section.title);
      section.prompts.forEach(function (prompt) {
        add('h3', prompt.id + ' ' + prompt.text);
        if (prompt.answer === null) add('p', '(Not answered)', 'none');
        else add('p', prompt.answer, 'answer');
      });
    });
    return '<!doctype html>\n' + page.documentElement.outerHTML;
  }

  Review.prototype.readable = function (action) {
    var doc = this.document();
    var name = WB.store.namespace + '-answers-' + isoDay(new Date());
    var self = this;
    if (action === 'copy-text') {
      WB.copyText(asText(doc)).then(function (copied) {
        self.say(copied ? 'Your answers are copied. Paste them into an email, a message or a document.' :
          'Copying did not work in this browser. Use "Download as text" instead.');
      });
    } else if (action === 'download-text') {
      download(name + '.txt', 'text/plain;charset=utf-8', asText(doc));
      this.say('Your answers are downloading as a text file: ' + name + '.txt');
    } else if (action === 'download-markdown') {
      download(name + '.md', 'text/markdown;charset=utf-8', asMarkdown(doc));
      this.say('Your answers are downloading as a Markdown file: ' + name + '.md');
    } else {
      download(name + '.html', 'text/html;charset=utf-8', asHtml(doc));
      this.say('Your answers are downloading as a web page: ' + name + '.html');
    }
  };

  /* ---- clear --------------------------------------------------------------- */

  Review.prototype.askClear = function (what, id) {
    var text = {
      all: 'Clear all your answers from this browser? This cannot be undone.',
      section: 'Clear your answers to this section from this browser? This cannot be undone.',
      answer: 'Clear your answer to ' + id + ' from this browser? This cannot be undone.'
    }[what];
    var confirm = WB.button(what === 'all' ? 'Yes, clear all my answers' : 'Yes, clear', 'confirm-clear');
    confirm.setAttribute('data-wb-clear', what);
    confirm.setAttribute('data-wb-id', id || '');
    var row = actions([['Download a backup first', 'backup']]);
    row.appendChild(confirm);
    row.appendChild(WB.button('Cancel', 'close'));
    this.ask('Clear answers', [E('p', '', text + ' If you might want them later, download a backup first.'), row]);
  };

  Review.prototype.clear = function (what, id) {
    var self = this;
    var result;
    if (what === 'all') {
      result = WB.store.clearAll();
    } else {
      var ids = what === 'answer' ? [id] : this.sections.filter(function (section) {
        return section.number === id;
      })[0].prompts.map(function (prompt) {
        return prompt.id;
      });
      result = { ok: true };
      ids.forEach(function (one) {
        if (result.ok) result = WB.store.remove('answer', one);
      });
    }
    this.closeDialog();
    this.render();
    if (!result.ok) return this.refuse('This browser did not let the workbook remove them.', 'Not cleared');
    self.say(what === 'all' ? 'All your answers are cleared from this browser.' : 'Cleared.');
  };

  /* ---- buttons ------------------------------------------------------------- */

  Review.prototype.act = function (action, target) {
    if (action === 'backup') {
      this.closeDialog();
      this.backup();
    } else if (action === 'close') this.closeDialog();
    else if (action === 'restore') this.restore((this.dialog.querySelector('input[name="wb-review-mode"]:checked') || {}).value || 'both');
    else if (action === 'undo') this.undo();
    else if (action === 'forget-undo') {
      WB.store.remove('undo', 'restore');
      this.say('');
    } else if (/^(copy-text|download-)/.test(action)) this.readable(action);
    else if (action === 'print') window.print();
    else if (action === 'print-blank') {
      document.documentElement.classList.add('wb-print-blank');
      window.print();
    } else if (action === 'clear-all') this.askClear('all');
    else if (action === 'clear-section') this.askClear('section', target.getAttribute('data-wb-section'));
    else if (action === 'clear-answer') this.askClear('answer', target.getAttribute('data-wb-id'));
    else if (action === 'confirm-clear') this.clear(target.getAttribute('data-wb-clear'), target.getAttribute('data-wb-id'));
  };

  WB.modules = WB.modules || {};
  WB.modules['wb-review'] = Review;
  WB.backupFormat = { format: FORMAT, version: VERSION };
})(window, document);
