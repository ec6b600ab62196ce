/*
 * data-module="wb-review": the My answers page. Shows every answer under its
 * prompt, and holds the reader's tools: download a backup, restore one (checked
 * first, previewed, all or nothing, undoable), readable copies, print, clear.
 * Nothing from a file is ever put on the page except as text.
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
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

  /** "1 answer is ...", "3 answers in the backup are ..." */
  function howMany(n, where, rest) {
    return n + (n === 1 ? ' answer ' : ' answers ') + (where ? where + ' ' : '') + (n === 1 ? 'is ' : 'are ') + rest;
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  /** The photo ids that these answer records point to. */
  function photoIds(records) {
    return WB.referencedPhotos(records.map(function (record) {
      return record && record.value;
    }));
  }

  /** The photo ids that answers kept aside ([{raw}]) point to. */
  function asidePhotoIds(asides) {
    return WB.referencedPhotos(asides.map(function (entry) {
      var record = WB.parseRecord(entry.raw);
      return record && record.value;
    }));
  }

  /** A copy of a value whose photos' ids are renamed by `names` (old id -> new id). */
  function renamed(value, names) {
    if (!value || typeof value !== 'object' || !Array.isArray(value.photos)) return value;
    var copy = JSON.parse(JSON.stringify(value));
    copy.photos.forEach(function (photo) {
      if (photo && typeof photo.id === 'string' && own(names, photo.id)) photo.id = names[photo.id];
    });
    return copy;
  }

  /** The part of the browser's room past which My answers says it is nearly full. */
  var FULL = 0.8;
  // What browsers give localStorage for one site (about 5 MB; see toolchain.md).
  WB.ANSWER_ROOM = 5 * 1024 * 1024;

  function values(object) {
    return Object.keys(object).map(function (key) {
      return object[key];
    });
  }

  function Review(root) {
    this.root = root;
    this.siteName = (document.querySelector('meta[name="wb-site-name"]') || {}).content || 'Workbook';
    this.banner = new WB.Banner(root);
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
        href: sections[i].querySelector('h2 a').getAttribute('href'),
        el: sections[i],
        prompts: []
      };
      var items = sections[i].querySelectorAll('[data-wb-review-prompt]');
      for (var j = 0; j < items.length; j++) {
        var prompt = {
          id: items[j].getAttribute('data-wb-review-prompt'),
          kind: items[j].getAttribute('data-wb-kind'),
          capitals: items[j].getAttribute('data-wb-style') === 'capitals',
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
    WB.versionsReview.copyOption(this.scope);

    root.querySelector('.wb-review__no-script').hidden = true;
    root.insertBefore(E('h1', 'wb-review__blank-title', this.siteName), root.firstChild);
    root.querySelector('.wb-review__tools').hidden = false;
    var clicked = function (event) {
      var target = event.target.closest('[data-wb-action]');
      if (target) self.act(target.getAttribute('data-wb-action'), target);
    };
    root.addEventListener('click', clicked);
    // The banner's own buttons ("Undo the restore", "Share the backup now").
    this.banner.holder.addEventListener('click', clicked);
    this.passphrase();
    this.printing = WB.reviewPrint(this);
    // Material's single-key shortcuts (next page, search) act on a focused checkbox or radio button: not here.
    root.addEventListener('keydown', function (event) {
      var type = event.target.type;
      if ((type === 'checkbox' || type === 'radio') && event.key && event.key.length === 1 &&
          !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.stopPropagation();
      }
    });
    this.dialog.addEventListener('close', function () {
      self.forgetLocked();
    });
    this.dialog.addEventListener('submit', function (event) {
      event.preventDefault();
      if (event.target.classList.contains('wb-review__unlock')) self.unlock();
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
    // Photos left behind by an undone restore or a failed save; quietly, as nothing points to them.
    WB.photos.tidy().catch(function () {});
  }

  /** The stored answers: id -> record, for those this code can read as answers of their kind. */
  Review.prototype.answers = function () {
    var found = {};
    var self = this;
    WB.store.list('answer').forEach(function (entry) {
      if (self.fits(entry.id, entry.record)) found[entry.id] = entry.record;
    });
    return found;
  };

  Review.prototype.fits = function (id, record) {
    var rules = record && this.rules(id, record.value);
    return !!rules && rules.valid(record.value);
  };

  /**
   * A stored answer that cannot be read as an answer to its question (damaged,
   * or the question's kind has changed) is kept aside, as its own page would do,
   * so that it is listed, copied and backed up rather than lost.
   */
  Review.prototype.keepMisfits = function () {
    var self = this;
    WB.store.list('answer').forEach(function (entry) {
      if (!self.fits(entry.id, entry.record) && entry.raw !== null) WB.store.keepAside('answer', entry.id, entry.raw);
    });
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

  /** The rules of a stored answer that is a real answer, or null. */
  Review.prototype.answerRules = function (id, record) {
    var rules = record && this.rules(id, record.value);
    return rules && rules.valid(record.value) && rules.answered(record.value) ? rules : null;
  };

  Review.prototype.answerText = function (id, record) {
    var rules = this.answerRules(id, record);
    return rules ? rules.text(record.value, this.prompts[id] && this.prompts[id].el) : null;
  };

  /* ---- the list ---------------------------------------------------------- */

  Review.prototype.render = function () {
    this.keepMisfits();
    var answers = this.answers();
    var self = this;
    this.sections.forEach(function (section) {
      var done = 0;
      var shown = 0; // answered, or with earlier versions kept (listed though the answer is cleared)
      section.prompts.forEach(function (prompt) {
        var record = answers[prompt.id];
        var rules = self.answerRules(prompt.id, record);
        var box = prompt.el.querySelector('.wb-review__answer');
        box.textContent = '';
        prompt.el.classList.toggle('wb-review__prompt--answered', rules !== null);
        prompt.el.classList.toggle('wb-review__prompt--unanswered', rules === null);
        section.el.querySelector('[data-wb-review-todo="' + prompt.id + '"]').hidden = rules !== null;
        if (rules === null) {
          box.appendChild(E('p', 'wb-review__none', 'Not answered yet.'));
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
        box.appendChild(self.answerMeta(prompt.id, record.saved, 'Clear this answer', 'clear-answer', 'question ' + prompt.id));
        WB.versionsReview.list(box, prompt.id, rules, prompt.el);
      });
      WB.summary.section(section, done, shown);
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
      list.appendChild(WB.summary.orphan(id, answers[id], text, self.answerMeta(id, answers[id].saved, 'Remove', 'remove-orphan',
        'question ' + id + ', no longer in the workbook')));
    });
    orphans.hidden = !list.children.length;
    this.renderAside();
  };

  /** "Saved on …" and a button for one answer (its name says which answer, after its visible words). */
  Review.prototype.answerMeta = function (id, saved, words, action, which) {
    var meta = E('p', 'wb-review__meta', 'Saved ' + WB.when(saved) + '. ');
    var button = WB.button(words, action);
    button.classList.add('wb-button--secondary');
    button.setAttribute('data-wb-id', id);
    button.setAttribute('aria-label', words + ' (' + which + ')');
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

  /** The words of a kept-aside value where they can be found (text, or lines of lists), else the stored text. */
  function asideWords(raw) {
    var record = WB.parseRecord(raw);
    var value = record ? record.value : null;
    if (typeof value === 'string') return value;
    if (value && Array.isArray(value.lists)) {
      // Only lines of text: a stored value may hold anything, nested without end.
      return value.lists.map(function (lines) {
        return Array.isArray(lines) ? lines.filter(function (line) {
          return typeof line === 'string';
        }).join('\n') : '';
      }).join('\n\n');
    }
    if (value && typeof value.text === 'string') return value.text;
    return raw;
  }

  Review.prototype.renderAside = function () {
    var section = this.root.querySelector('.wb-review__asides');
    var list = section.querySelector('.wb-review__aside-list');
    list.textContent = '';
    this.asides().forEach(function (entry) {
      var item = E('div', 'wb-review__prompt wb-review__aside-item');
      item.appendChild(E('h3', 'wb-review__question', 'Question ' + entry.prompt));
      item.appendChild(E('p', 'wb-review__text', asideWords(entry.raw)));
      var meta = E('p', 'wb-review__meta', 'Kept aside ' + WB.when(new Date(entry.kept).toISOString()) + '. ');
      [['Copy these words', 'copy-aside'], ['Remove', 'remove-aside']].forEach(function (pair) {
        var button = WB.button(pair[0], pair[1]);
        button.classList.add('wb-button--secondary');
        button.setAttribute('data-wb-id', entry.id);
        button.setAttribute('aria-label', pair[0] + ' (kept aside, question ' + entry.prompt + ')');
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
      ? 'You have not made a backup yet.'
      : 'Your last backup was made on ' + WB.longDay(new Date(last).toISOString()) + '.';
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
      line.textContent = 'You have no answers saved in this browser yet.';
      line.classList.remove('wb-review__warning');
      return;
    }
    var state = { full: used / WB.ANSWER_ROOM > FULL, unread: false };
    var say = function () {
      line.textContent = (state.full
        ? 'This browser is nearly out of room for your answers. Download a backup now, then remove photos you no ' +
          'longer need (or clear answers you have kept elsewhere), so that new answers can be saved.'
        : 'Your answers fit easily in this browser.') +
        (state.unread ? ' Your photos cannot be read in this browser at the moment.' : '');
      line.classList.toggle('wb-review__warning', state.full || state.unread);
    };
    say();
    if (photoIds(values(answers)).length) {
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

  /* ---- messages (in the page) and questions (in a dialog) ------------- */

  /**
   * The result of an action, in the banner at the top of the page (focused and
   * announced); `nodes` may add words and buttons. `kind`: 'success' (the
   * default), 'problem', or 'info' (shown without taking the focus).
   */
  Review.prototype.say = function (text, nodes, kind) {
    if (!text && !nodes) return this.banner.clear();
    this.banner.show(kind || 'success', text, nodes, { focus: kind !== 'info' });
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
    var first = body.querySelector('[data-wb-autofocus], input:checked, button');
    if (first) first.focus();
  };

  Review.prototype.closeDialog = function () {
    this.forgetLocked();
    if (this.dialog.open) {
      if (this.dialog.close) this.dialog.close();
      else this.dialog.removeAttribute('open');
    }
  };

  /** A row of buttons: [words, action, style ('primary', 'secondary', 'warning')]. */
  function actions(buttons) {
    var row = E('p', 'wb-alert__actions');
    buttons.forEach(function (button) {
      var node = WB.button(button[0], button[1]);
      if (button[2]) node.classList.add('wb-button--' + button[2]);
      row.appendChild(node);
    });
    return row;
  }

  /* ---- backup ------------------------------------------------------------ */

  /** Resolves with {data, missing (photo ids not in this browser), unread (photos could not be read)}. */
  Review.prototype.backupData = function () {
    var answers = this.answers();
    var self = this;
    var data = {
      format: WB.backup.FORMAT,
      version: WB.backup.VERSION,
      workbook: this.siteName,
      namespace: WB.workbook,
      created: new Date().toISOString(),
      answers: Object.keys(answers).sort(WB.backup.byId).map(function (id) {
        return {
          id: id,
          // The question's words: this workbook's, or those the answer kept when its question was removed.
          prompt: self.prompts[id] ? self.prompts[id].text : typeof answers[id].prompt === 'string' ? answers[id].prompt : null,
          saved: answers[id].saved,
          value: answers[id].value
        };
      }),
      photos: [],
      aside: this.asides().map(function (entry) {
        return { id: entry.id, raw: entry.raw };
      }),
      versions: WB.versions.forBackup()
    };
    // The photos of answers kept aside travel too: they are answers, only set apart.
    var ids = photoIds(values(answers));
    asidePhotoIds(this.asides()).forEach(function (id) {
      if (ids.indexOf(id) === -1) ids.push(id);
    });
    if (!ids.length) return Promise.resolve({ data: data, missing: [], unread: false });
    return WB.photos.getMany(ids).then(function (found) {
      return Promise.all(ids.filter(function (id) {
        return found[id];
      }).map(function (id) {
        return WB.backup.photoData(found[id].blob).then(function (photo) {
          return { id: id, type: photo.type, data: photo.data };
        });
      }));
    }).then(function (photos) {
      data.photos = photos;
      var kept = photos.map(function (photo) {
        return photo.id;
      });
      return { data: data, missing: ids.filter(function (id) {
        return kept.indexOf(id) === -1;
      }), unread: false };
    }, function () {
      return { data: data, missing: ids, unread: true };
    });
  };

  /* ---- a passphrase that locks a backup, and sharing one ------------------ */

  /** Where the browser can share files (Web Share API level 2), the type a backup is shared as; else null. */
  function shareType() {
    if (!navigator.share || !navigator.canShare || typeof File !== 'function') return null;
    // Older Chromium shares JSON only as text: the same file, named .json, or else .txt.
    var types = [['.json', 'application/json'], ['.json', 'text/plain'], ['.txt', 'text/plain']];
    for (var i = 0; i < types.length; i++) {
      try {
        if (navigator.canShare({ files: [new File(['{}'], 'backup' + types[i][0], { type: types[i][1] })] })) return types[i];
      } catch (error) {
        /* this browser cannot tell: try the next type */
      }
    }
    return null;
  }

  /** Show the passphrase where the browser can lock a backup, and "Share backup" where it can share one. */
  Review.prototype.passphrase = function () {
    var lock = this.root.querySelector('.wb-review__lock');
    this.shareAs = shareType();
    this.root.querySelector('[data-wb-action="share"]').hidden = !this.shareAs;
    if (!WB.locked.available()) {
      lock.hidden = true;
      return;
    }
    showToggle(lock.querySelector('#wb-review-passphrase-show'), lock.querySelector('#wb-review-passphrase'));
  };

  /** A "Show the passphrase" checkbox for a password field. */
  function showToggle(checkbox, field) {
    checkbox.setAttribute('aria-controls', field.id);
    checkbox.addEventListener('change', function () {
      field.type = checkbox.checked ? 'text' : 'password';
    });
  }

  /** Show or remove an error message tied to a field (GOV.UK's error message pattern). */
  function fieldError(field, error, hint, text) {
    error.textContent = '';
    if (text) {
      error.appendChild(E('span', 'wb-visually-hidden', 'Error: '));
      error.appendChild(document.createTextNode(text));
    }
    error.hidden = !text;
    var described = ((text ? error.id + ' ' : '') + hint).trim();
    if (described) field.setAttribute('aria-describedby', described);
    else field.removeAttribute('aria-describedby');
    if (text) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    } else field.removeAttribute('aria-invalid');
  }

  /** A passphrase as it is used: without spaces a phone's keyboard may add at either end. */
  function cleaned(text) {
    return text.replace(/^\s+|\s+$/g, '');
  }

  /** The passphrase typed for a new backup ('' for none), or null when it is too short (said on the field). */
  Review.prototype.newPassphrase = function () {
    var lock = this.root.querySelector('.wb-review__lock');
    var field = lock.querySelector('#wb-review-passphrase');
    var value = lock.hidden ? '' : cleaned(field.value);
    var short = value && value.length < WB.locked.MIN_PASSPHRASE;
    fieldError(field, lock.querySelector('#wb-review-passphrase-error'), 'wb-review-passphrase-hint', short
      ? 'Use at least ' + WB.locked.MIN_PASSPHRASE + ' characters for the passphrase, or leave it empty for a backup without one.'
      : '');
    return short ? null : value;
  };

  /** The backup file: resolves with {text, made, locked}; locked with the passphrase when one is given. */
  Review.prototype.backupFile = function (passphrase) {
    return this.backupData().then(function (made) {
      var text = JSON.stringify(made.data, null, 2);
      // With the workbook's lock on, a backup is locked with the same passphrase (unless the reader chose not).
      var sealed = !passphrase && WB.store.vault ? WB.store.vault.lockBackup(text, { workbook: made.data.workbook, created: made.data.created }) : null;
      if (sealed) return sealed.then(function (locked) {
        return { text: locked, made: made, locked: true };
      });
      if (!passphrase) return { text: text, made: made, locked: false };
      return WB.locked.lock(text, passphrase, { workbook: made.data.workbook, created: made.data.created }).then(function (locked) {
        return { text: locked, made: made, locked: true };
      });
    });
  };

  /** Make a backup, then download it, or share it (`share`) where the browser can. */
  Review.prototype.backup = function (share) {
    var self = this;
    if (this.busy) return;
    var passphrase = this.newPassphrase();
    if (passphrase === null) return;
    this.busy = true;
    this.say(passphrase ? 'Making your backup and locking it with your passphrase…' : 'Making your backup…', null, 'info');
    this.backupFile(passphrase).then(function (file) {
      self.busy = false;
      var name = WB.workbook + '-answers-' + isoDay(new Date()) + (file.locked ? '-locked' : '');
      if (share && self.shareAs) return self.share(file, name + self.shareAs[0]);
      name += '.json';
      self.made(file, name, download(name, 'application/json', file.text), false);
    }, function () {
      self.busy = false;
      self.refuse('The backup could not be made in this browser.', 'No backup was made');
    });
  };

  /** Share a made backup; where the browser wants a fresh tap first, a button to give it. */
  Review.prototype.share = function (file, name) {
    var self = this;
    var shared = new File([file.text], name, { type: this.shareAs[1] });
    var go = function () {
      navigator.share({ files: [shared], title: self.siteName + ': a backup of my answers' }).then(function () {
        self.made(file, name, shared.size, true);
      }, function (error) {
        if (error && error.name === 'AbortError') self.say('The backup was not shared.', null, 'info');
        else self.refuse('Sharing did not work in this browser. Use "Download a backup" instead.', 'The backup was not shared');
      });
    };
    if (navigator.userActivation && navigator.userActivation.isActive) return go();
    this.readyToShare = go;
    this.say('Your backup is ready to share.', [actions([['Share the backup now', 'share-ready', 'primary']])]);
    this.banner.el.querySelector('button').focus();
  };

  /** A backup was downloaded or shared: say so, and stop the reminder. */
  Review.prototype.made = function (file, name, bytes, shared) {
    var data = file.made.data;
    WB.store.write('meta', 'backup', { last: data.created });
    this.keeping();
    var reminder = document.querySelector('.wb-reminder');
    if (reminder) reminder.remove();
    this.root.querySelector('#wb-review-passphrase').value = '';
    var what = plural(data.answers.length, 'answer', 'answers') +
      (data.photos.length ? ' and ' + plural(data.photos.length, 'photo', 'photos') : '');
    var nodes = [];
    if (file.locked) {
      nodes.push(E('p', '', 'It is locked with your passphrase. Keep the passphrase somewhere safe, apart from the file: ' +
        'without it nobody can open the backup.'));
    }
    if (file.made.unread) {
      nodes.push(E('p', 'wb-review__warning', 'Your photos could not be read in this browser, so this backup has your words without them.'));
    } else if (file.made.missing.length) {
      nodes.push(E('p', 'wb-review__warning', plural(file.made.missing.length, 'photo is', 'photos are') +
        ' missing from this browser, so the backup could not include ' + (file.made.missing.length === 1 ? 'it.' : 'them.')));
    }
    this.say((shared ? 'Your backup is shared: ' : 'Your backup is downloading: ') + name + ' (' + what + ').',
      [E('p', '', 'Keep it somewhere safe, such as your email. ' +
        'To bring your answers back, on this or another device, use "Restore from a backup".')].concat(nodes));
  };

  /* ---- restore: check, preview, apply, undo ----------------------------- */

  Review.prototype.readFile = function (file) {
    var self = this;
    if (file.size === 0) return this.refuse('The file is empty.');
    if (file.size > WB.backup.MAX_BYTES) return this.refuse('The file is too large to be a backup of this workbook.');
    var reader = new FileReader();
    reader.onload = function () {
      // Read strictly (a byte that is not text would become "�" and the restore would not be exact):
      // UTF-8, or UTF-16 where the file starts with its byte-order mark (an editor may save it so).
      var text;
      var start = new Uint8Array(reader.result, 0, Math.min(2, reader.result.byteLength));
      var encoding = start[0] === 0xff && start[1] === 0xfe ? 'utf-16le' : start[0] === 0xfe && start[1] === 0xff ? 'utf-16be' : 'utf-8';
      try {
        text = new TextDecoder(encoding, { fatal: true }).decode(reader.result);
      } catch (error) {
        return self.refuse('This is not a backup file of this workbook, or it is damaged.');
      }
      var data = null;
      try {
        data = JSON.parse(text);
      } catch (error) {
        /* check() says what is wrong with it */
      }
      if (WB.locked.isLocked(data)) self.askPassphrase(data);
      else self.checkText(text);
    };
    reader.onerror = function () {
      self.refuse('The file could not be read.');
    };
    reader.readAsArrayBuffer(file);
  };

  /** A plain backup's text: refused, or previewed. */
  Review.prototype.checkText = function (text) {
    var self = this;
    var checked = WB.backup.check(
      text,
      function (id, value) {
        return self.rules(id, value);
      },
      function (id) {
        return self.prompts[id] ? self.prompts[id].text : null;
      }
    );
    if (checked.error) this.refuse(checked.error);
    else this.preview(checked);
  };

  /** A locked backup: its header checked at once, then its passphrase asked for. */
  Review.prototype.askPassphrase = function (data) {
    var found = WB.locked.header(data);
    if (found.error) return this.refuse(found.error);
    if (!WB.locked.available()) {
      return this.refuse('This browser cannot open locked backups here. Open the workbook at its https:// address, or in another browser.');
    }
    var form = E('form', 'wb-review__unlock');
    form.noValidate = true;
    form.appendChild(E('p', '', 'This backup of ' + WB.longDay(found.created) + ' is locked with a passphrase. ' +
      'Type the passphrase that was used when it was made.'));
    var label = E('label', 'wb-review__lock-label', 'Passphrase');
    label.htmlFor = 'wb-review-unlock';
    form.appendChild(label);
    var error = E('p', 'wb-review__error');
    error.id = 'wb-review-unlock-error';
    error.hidden = true;
    form.appendChild(error);
    var field = document.createElement('input');
    field.type = 'password';
    field.id = 'wb-review-unlock';
    field.className = 'wb-review__passphrase';
    field.autocomplete = 'current-password';
    field.spellcheck = false;
    field.setAttribute('autocapitalize', 'none');
    field.setAttribute('data-wb-autofocus', '');
    form.appendChild(field);
    var show = E('label', 'wb-review__show');
    var toggle = document.createElement('input');
    toggle.type = 'checkbox';
    show.appendChild(toggle);
    show.appendChild(document.createTextNode(' Show the passphrase'));
    showToggle(toggle, field);
    form.appendChild(show);
    var row = E('p', 'wb-alert__actions');
    var open = E('button', 'wb-button wb-button--primary', 'Open the backup');
    open.type = 'submit';
    row.appendChild(open);
    var cancel = WB.button('Cancel', 'close');
    cancel.classList.add('wb-button--secondary');
    row.appendChild(cancel);
    form.appendChild(row);
    var status = E('p', 'wb-review__unlock-status');
    status.setAttribute('role', 'status');
    form.appendChild(status);
    this.ask('Open a locked backup', [form]);
    this.locked = found;
  };

  /** Try the passphrase typed: the backup's preview, or a message on the field (nothing changes). */
  Review.prototype.unlock = function () {
    var self = this;
    var found = this.locked;
    var form = this.dialog.querySelector('.wb-review__unlock');
    if (!found || !form || this.unlocking) return;
    var field = form.querySelector('#wb-review-unlock');
    var error = form.querySelector('#wb-review-unlock-error');
    var status = form.querySelector('.wb-review__unlock-status');
    var passphrase = cleaned(field.value);
    if (!passphrase) return fieldError(field, error, '', 'Type the passphrase of this backup.');
    fieldError(field, error, '', '');
    this.unlocking = true;
    status.textContent = 'Opening the backup…';
    WB.locked.unlock(found, passphrase).then(function (text) {
      self.unlocking = false;
      if (self.locked !== found) return; // closed meanwhile
      self.forgetLocked();
      self.checkText(text);
    }, function (failure) {
      self.unlocking = false;
      if (self.locked !== found) return;
      status.textContent = '';
      fieldError(field, error, '', failure.message + ' Your answers are as they were.');
      field.select();
    });
  };

  Review.prototype.forgetLocked = function () {
    this.locked = null;
    WB.locked.forget();
  };

  /** Something asked for was not done: said in the banner, as a problem (the dialog, if open, closes). */
  Review.prototype.refuse = function (reason, title) {
    this.closeDialog();
    this.say(title || 'Nothing was restored', [
      E('p', 'wb-review__refusal', reason),
      E('p', '', 'Your answers are as they were.')
    ], 'problem');
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
    if (checked.from) {
      nodes.push(E('p', 'wb-review__from', 'This backup is from ' + checked.from +
        '. Its answers fit this workbook’s questions: restore them?'));
    }
    var list = E('ul');
    list.appendChild(E('li', '', howMany(counts.added, 'in the backup', 'not in this browser.')));
    list.appendChild(E('li', '', howMany(counts.different, '', 'different in the backup.')));
    list.appendChild(E('li', '', howMany(counts.same, '', 'the same in both.')));
    list.appendChild(E('li', '', howMany(counts.only, '', 'only in this browser.')));
    var pictures = Object.keys(checked.photos).length;
    if (pictures) list.appendChild(E('li', '', 'The backup holds ' + plural(pictures, 'photo.', 'photos.')));
    nodes.push(list);
    var misfits = Object.keys(checked.misfits).sort(WB.backup.byId);
    if (misfits.length) {
      nodes.push(E('p', '', 'The backup has ' + (misfits.length === 1 ? 'an answer' : 'answers') + ' of another kind than ' +
        (misfits.length === 1 ? 'its question' : 'their questions') + ' asks for now (' + misfits.join(', ') + '). ' +
        (misfits.length === 1 ? 'It' : 'They') + ' will be kept aside and listed at the end of this page.'));
    }
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
    var row = actions([['Restore', 'restore', 'primary'], ['Cancel', 'close', 'secondary']]);
    nodes.push(row);
    // Replacing every answer is the one choice that removes some: its button says so, as a warning.
    fieldset.addEventListener('change', function () {
      var replace = fieldset.querySelector('input[value="replace"]').checked;
      var go = row.querySelector('[data-wb-action="restore"]');
      go.textContent = replace ? 'Replace all my answers' : 'Restore';
      go.classList.toggle('wb-button--primary', !replace);
      go.classList.toggle('wb-button--warning', replace);
    });
    this.ask('Restore from the backup of ' + WB.longDay(checked.created) + '?', nodes);
  };

  Review.prototype.restore = function (mode) {
    var checked = this.pending;
    var self = this;
    this.pending = null;
    this.closeDialog();
    this.photoNames(checked).then(function (present) {
      self.apply(checked, mode, present);
    }, function (failure) {
      self.refuse(failure.reason === 'quota'
        ? 'There is not enough room in this browser for the backup’s photos, so nothing was changed.'
        : 'This browser did not let the workbook store the backup’s photos, so nothing was changed.');
    });
  };

  /**
   * A backup's photo whose id this browser already has for other bytes gets a
   * new id (in the backup's answers and asides too): a restore never writes over
   * a picture. Resolves with {id: true} for those already here byte for byte.
   */
  Review.prototype.photoNames = function (checked) {
    var ids = Object.keys(checked.photos);
    if (!ids.length) return Promise.resolve({});
    return WB.photos.getMany(ids).then(function (found) {
      return Promise.all(Object.keys(found).map(function (id) {
        return found[id].blob.arrayBuffer().then(function (buffer) {
          var mine = new Uint8Array(buffer);
          var theirs = WB.backup.photoBytes(checked.photos[id]);
          var same = mine.length === theirs.length && found[id].blob.type === checked.photos[id].type;
          for (var i = 0; same && i < mine.length; i++) same = mine[i] === theirs[i];
          return [id, same];
        });
      }));
    }).then(function (compared) {
      var present = {};
      var names = {};
      compared.forEach(function (pair) {
        if (pair[1]) present[pair[0]] = true;
        else names[pair[0]] = WB.photoId.make();
      });
      Object.keys(names).forEach(function (id) {
        checked.photos[names[id]] = checked.photos[id];
        delete checked.photos[id];
      });
      if (Object.keys(names).length) {
        [checked.answers, checked.misfits].forEach(function (records) {
          Object.keys(records).forEach(function (id) {
            records[id] = { value: renamed(records[id].value, names), saved: records[id].saved, prompt: records[id].prompt };
          });
        });
        Object.keys(checked.aside).forEach(function (id) {
          var record = WB.parseRecord(checked.aside[id]);
          if (record && record.value && Array.isArray(record.value.photos)) {
            checked.aside[id] = WB.store.text({ value: renamed(record.value, names), saved: record.saved });
          }
        });
      }
      return present;
    });
  };

  /** Restore a checked backup (its photos' ids made safe): all or nothing. */
  Review.prototype.apply = function (checked, mode, present) {
    var current = this.answers();
    var target = {};
    var aside = {}; // prompt id -> stored text to keep aside
    var self = this;
    var now = new Date().toISOString();
    if (mode !== 'replace') {
      Object.keys(current).forEach(function (id) {
        target[id] = current[id];
      });
    }
    Object.keys(checked.answers).forEach(function (id) {
      var theirs = checked.answers[id];
      var mine = current[id];
      if (mode === 'both' && mine && !same(mine.value, theirs.value)) {
        // The kind's own merge keeps both; where it cannot, the backup's answer is kept aside whole.
        var rules = self.rules(id, mine.value);
        var value = rules && rules.merge ? rules.merge(mine.value, theirs.value, self.prompts[id] && self.prompts[id].el, checked.created) : null;
        if (value !== null && rules.valid(value)) {
          target[id] = { value: value, saved: now, prompt: mine.prompt || theirs.prompt };
        } else {
          target[id] = mine;
          aside[id] = WB.store.text(theirs);
        }
      } else {
        target[id] = theirs;
      }
    });
    Object.keys(checked.misfits).forEach(function (id) {
      aside[id] = WB.store.text(checked.misfits[id]);
    });
    // Stored answers that do not fit their question (kept aside too) stay as they are, unless all are replaced.
    var leave = {};
    WB.store.list('answer').forEach(function (entry) {
      if (mode !== 'replace' && !own(current, entry.id) && !own(checked.answers, entry.id)) leave[entry.id] = true;
    });
    var what = plural(Object.keys(checked.answers).length, 'answer', 'answers');
    // Only the photos the answers will point to, kept aside or not (a file may carry others).
    var wanted = photoIds(values(target)).concat(asidePhotoIds(values(checked.aside).concat(values(aside)).map(function (raw) {
      return { raw: raw };
    })));
    var pictures = Object.keys(checked.photos).filter(function (id) {
      return wanted.indexOf(id) !== -1;
    });
    if (pictures.length) what += ' and ' + plural(pictures.length, 'photo', 'photos');
    var adding = pictures.filter(function (id) {
      return !present[id];
    });
    // The pictures first, in one go; then what is kept aside; then the answers that point to them.
    var stored = !adding.length ? Promise.resolve() : WB.photos.put(adding.map(function (id) {
      return { id: id, blob: WB.backup.photoBlob(checked.photos[id]) };
    }));
    stored.then(function () {
      var kept = keepAsides(checked.aside, aside);
      // Earlier versions are joined (never replaced): a restore drops none.
      var versions = kept.ok ? WB.versions.restore(checked.versions) : { ok: false };
      var result = versions.ok ? WB.backup.replaceAll(target, { asides: kept.ids, photos: adding }, leave) : { ok: false, message: WB.backup.NO_ROOM };
      if (!result.ok) {
        if (versions.ok) versions.revert();
        kept.ids.forEach(function (id) {
          WB.store.remove('aside', id);
        });
        WB.photos.remove(adding).catch(function () {});
      }
      self.restored(result, what, Object.keys(aside).length);
    }, function (failure) {
      self.refuse(failure.reason === 'quota'
        ? 'There is not enough room in this browser for the backup’s photos, so nothing was changed.'
        : 'This browser did not let the workbook store the backup’s photos, so nothing was changed.');
    });
  };

  /**
   * Keep a backup's kept-aside answers that this browser does not have, and the
   * answers a restore sets aside (prompt id -> stored text): {ok, ids written}.
   */
  function keepAsides(asides, answers) {
    var ids = [];
    var ok = Object.keys(asides).every(function (id) {
      if (WB.store.read('aside', id).state !== 'empty') return true;
      if (!WB.store.putRaw('aside', id, asides[id]).ok) return false;
      ids.push(id);
      return true;
    });
    var start = WB.store.key('aside', '').length;
    ok = ok && Object.keys(answers).every(function (id) {
      var kept = WB.store.keepAside('answer', id, answers[id]);
      if (kept.ok && kept.added) ids.push(kept.key.slice(start));
      return kept.ok;
    });
    return { ok: ok, ids: ids };
  }

  Review.prototype.restored = function (result, what, asides) {
    if (!result.ok) return this.refuse(result.message);
    this.render();
    this.offerUndo('Restored ' + what + ' from your backup.' + (asides ? ' ' + plural(asides, 'answer', 'answers') +
      ' from the backup could not go in ' + (asides === 1 ? 'its box (its question has changed, or it' : 'their boxes (their questions have changed, or they') +
      ' could not be joined to yours), so ' + (asides === 1 ? 'it is' : 'they are') + ' kept aside: see “Earlier answers kept aside” at the end of this page.' : ''));
  };

  Review.prototype.offerUndo = function (message) {
    var undo = WB.store.read('undo', 'restore');
    if (undo.state !== 'ok') {
      if (message) this.say(message);
      return;
    }
    // When the page opens with an undo still on offer, it is said without taking the focus.
    this.say(message || 'Your last restore can still be undone', [
      E('p', '', 'You can undo your last restore (of ' + WB.longDay(undo.record.saved) + ') and go back to the answers you had before it.'),
      actions([['Undo the restore', 'undo', 'secondary'], ['Keep the restored answers', 'forget-undo', 'secondary']])
    ], message ? 'success' : 'info');
  };

  /**
   * Undo the last restore: every answer still as the restore left it goes back
   * to what it was before; an answer written or changed since is kept as it is
   * now (what it was before the restore is kept aside, never dropped). What the
   * restore kept aside and the photos it added go too, unless something points to them.
   */
  Review.prototype.undo = function () {
    var undo = WB.store.read('undo', 'restore');
    var kept = undo.state === 'ok' && undo.record.value;
    var before = kept && kept.answers;
    if (!before || typeof before !== 'object') return this.refuse('There is no restore to undo.');
    var after = kept.after && typeof kept.after === 'object' ? kept.after : null;
    var current = {};
    WB.store.list('answer').forEach(function (entry) {
      current[entry.id] = entry.raw;
    });
    var target = {};
    var leave = {};
    var broken = [];
    var since = [];
    var aside = [];
    var ids = Object.keys(before).concat(Object.keys(after || {}), Object.keys(current)).filter(function (id, at, all) {
      return all.indexOf(id) === at;
    });
    ids.forEach(function (id) {
      var was = own(before, id) ? before[id] : null;
      var now = own(current, id) ? current[id] : null;
      if (after && now !== (own(after, id) ? after[id] : null)) {
        leave[id] = true;
        if (now !== null) since.push(id);
        if (was !== null && was !== now) aside.push([id, was]);
        return;
      }
      if (was === null) return;
      var record = WB.parseRecord(was);
      if (record) target[id] = record;
      else broken.push(id);
    });
    var safe = aside.every(function (pair) {
      return WB.store.keepAside('answer', pair[0], pair[1]).ok;
    });
    if (!safe) return this.refuse(WB.backup.NO_ROOM, 'The restore was not undone');
    var undone = photoIds(values(this.answers())).concat(Array.isArray(kept.photos) ? kept.photos : []);
    var result = WB.backup.replaceAll(target, false, leave);
    if (!result.ok) return this.refuse(result.message, 'The restore was not undone');
    broken.forEach(function (id) {
      WB.store.putRaw('answer', id, before[id]);
    });
    (Array.isArray(kept.asides) ? kept.asides : []).forEach(function (id) {
      if (typeof id === 'string' && WB.backup.RE_ASIDE.test(id)) WB.store.remove('aside', id);
    });
    WB.store.remove('undo', 'restore');
    WB.versions.undo();
    WB.photos.release(undone).catch(function () {});
    this.render();
    since.sort(WB.backup.byId);
    this.say('The restore is undone: your answers are as they were before it.' + (since.length
      ? ' ' + (since.length === 1 ? 'The answer' : 'The answers') + ' you wrote or changed since the restore (' +
        since.join(', ') + ') ' + (since.length === 1 ? 'is' : 'are') + ' kept as ' + (since.length === 1 ? 'it is' : 'they are') + ' now.'
      : ''));
  };

  /** Keep the restored answers: the photos only the undo pointed to can go. */
  Review.prototype.forgetUndo = function () {
    var undo = WB.store.read('undo', 'restore');
    var kept = undo.state === 'ok' && undo.record.value && undo.record.value.answers;
    var ids = photoIds(values(kept || {}).map(WB.parseRecord));
    WB.store.remove('undo', 'restore');
    WB.versions.forgetUndo();
    WB.photos.release(ids).catch(function () {});
    this.say('The restored answers are kept. The restore can no longer be undone.');
  };

  /* ---- readable copies ---------------------------------------------------- */

  Review.prototype.chosenSections = function () {
    var value = this.scope.value;
    return this.sections.filter(function (section) {
      return value === 'all' || section.number === value;
    });
  };

  /**
   * The answers as a document: {title, sections: [{title, prompts: [{id, text, answer}]}]}:
   * the answered questions only, unless the reader asks for every one. An answer
   * in capitals on its page is in capitals here too.
   */
  Review.prototype.document = function () {
    var answers = this.answers();
    var every = this.root.querySelector('#wb-review-copy-all').checked;
    var self = this;
    return {
      title: this.siteName + ': my answers',
      date: WB.longDay(new Date().toISOString()),
      sections: this.chosenSections().map(function (section) {
        return {
          title: section.title,
          prompts: section.prompts.map(function (prompt) {
            var answer = self.answerText(prompt.id, answers[prompt.id]);
            var capitals = function (text) {
              return text !== null && prompt.capitals ? text.toUpperCase() : text;
            };
            var versions = WB.versionsReview.forCopy(prompt.id, WB.kinds[prompt.kind], prompt.el);
            return { id: prompt.id, text: prompt.text, answer: capitals(answer), versions: versions && versions.map(function (version) {
              return { kept: version.kept, answer: capitals(version.answer) };
            }) };
          }).filter(function (prompt) {
            return every || prompt.answer !== null || !!(prompt.versions && prompt.versions.length);
          })
        };
      }).filter(function (section) {
        return section.prompts.length;
      })
    };
  };

  Review.prototype.readable = function (action) {
    var doc = this.document();
    var name = WB.workbook + '-answers-' + isoDay(new Date());
    var self = this;
    if (action === 'copy-text') {
      WB.copyText(WB.copies.text(doc)).then(function (copied) {
        if (copied) self.say('Your answers are copied. Paste them into an email, a message or a document.');
        else self.refuse('Copying did not work in this browser. Use "Download as text" instead.', 'Your answers were not copied');
      });
    } else if (action === 'download-text') {
      download(name + '.txt', 'text/plain;charset=utf-8', WB.copies.text(doc));
      this.say('Your answers are downloading as a text file: ' + name + '.txt');
    } else if (action === 'download-markdown') {
      download(name + '.md', 'text/markdown;charset=utf-8', WB.copies.markdown(doc));
      this.say('Your answers are downloading as a Markdown file: ' + name + '.md');
    } else {
      download(name + '.html', 'text/html;charset=utf-8', WB.copies.html(doc));
      this.say('Your answers are downloading as a web page: ' + name + '.html');
    }
  };

  /* ---- clear --------------------------------------------------------------- */

  Review.prototype.askClear = function (what, id) {
    var text = {
      all: 'Clear all your answers from this browser? This cannot be undone.',
      section: 'Clear your answers to this section from this browser? This cannot be undone.',
      answer: 'Clear your answer to ' + id + ' from this browser? This cannot be undone.',
      orphan: 'Remove your answer to ' + id + ' (a question no longer in the workbook) from this browser? This cannot be undone.',
      aside: 'Remove this earlier answer, kept aside, from this browser? This cannot be undone.'
    }[what];
    var confirm = WB.button(what === 'all' ? 'Yes, clear all my answers' : what === 'orphan' || what === 'aside' ? 'Yes, remove' : 'Yes, clear',
      'confirm-clear');
    confirm.classList.add('wb-button--warning');
    confirm.setAttribute('data-wb-clear', what);
    confirm.setAttribute('data-wb-id', id || '');
    var row = actions([['Download a backup first', 'backup', 'secondary']]);
    row.appendChild(confirm);
    var cancel = WB.button('Cancel', 'close');
    cancel.classList.add('wb-button--secondary');
    row.appendChild(cancel);
    var versions = what === 'aside' ? null : WB.versionsReview.clearChoice(this.idsOf(what, id), what === 'all');
    this.ask('Clear answers', [E('p', '', text + ' If you might want them later, download a backup first.')].concat(versions ? [versions] : [], [row]));
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

  Review.prototype.copyAside = function (target) {
    var id = target.getAttribute('data-wb-id');
    var text = this.asides().filter(function (entry) {
      return entry.id === id;
    }).map(function (entry) {
      return asideWords(entry.raw);
    })[0];
    var self = this;
    WB.copyText(text || '').then(function (copied) {
      if (copied) self.say('Copied. Paste the words into the question’s box, or anywhere you like.');
      else self.refuse('Copying did not work in this browser: select the words and copy them.', 'The words were not copied');
    });
  };

  Review.prototype.clear = function (what, id) {
    var self = this;
    if (what === 'aside') {
      var removed = WB.store.remove('aside', id);
      this.closeDialog();
      this.render();
      if (!removed.ok) return this.refuse('This browser did not let the workbook remove it.', 'Not removed');
      return this.say('The earlier answer kept aside is removed from this browser.');
    }
    var answers = this.answers();
    var ids = what === 'all' ? Object.keys(answers) : this.idsOf(what, id);
    var versions = WB.versionsReview.clearChosen(this.dialog);
    var pictures = photoIds(ids.map(function (one) {
      return answers[one];
    }));
    var result = { ok: true };
    // Versions left sealed need the lock's settings to be read.
    if (what === 'all') result = WB.store.clearAll(versions ? null : ['versions', 'lock']);
    else {
      ids.forEach(function (one) {
        if (result.ok) result = WB.store.remove('answer', one);
      });
      if (result.ok && versions) result = WB.versions.clear(ids);
    }
    this.closeDialog();
    this.render();
    if (!result.ok) return this.refuse('This browser did not let the workbook remove them.', 'Not cleared');
    var done = {
      all: 'All your answers are cleared from this browser.',
      section: 'Your answers to “' + (this.sections.filter(function (section) {
        return section.number === id;
      })[0] || {}).title + '” are cleared from this browser.',
      answer: 'Your answer to ' + id + ' is cleared from this browser.',
      orphan: 'Your answer to ' + id + ' is removed from this browser.'
    }[what];
    this.say(done);
    // Photos go after the answers that pointed to them: all of them, or those nothing else points to.
    (what === 'all' ? WB.photos.clear() : WB.photos.release(pictures)).then(function () {
      pictures.forEach(WB.forgetPhotoUrl);
    }, function () {
      if (pictures.length) {
        self.say(done, [E('p', 'wb-review__warning', 'The photos of those answers could not be removed from this browser. ' +
          'Try again later, or clear this site’s data in the browser’s settings.')]);
      }
    });
  };

  /* ---- buttons ------------------------------------------------------------- */

  Review.prototype.act = function (action, target) {
    if (action === 'backup' || action === 'share') {
      this.closeDialog();
      this.backup(action === 'share');
    } else if (action === 'share-ready' && this.readyToShare) {
      this.readyToShare();
      this.readyToShare = null;
    } else if (action === 'close') this.closeDialog();
    else if (action === 'restore') this.restore((this.dialog.querySelector('input[name="wb-review-mode"]:checked') || {}).value || 'both');
    else if (action === 'undo') this.undo();
    else if (action === 'forget-undo') this.forgetUndo();
    else if (/^(copy-text|download-)/.test(action)) this.readable(action);
    else if (action === 'print') window.print();
    else if (action === 'print-blank') {
      document.documentElement.classList.add('wb-print-blank');
      window.print();
    } else if (action === 'copy-aside') this.copyAside(target);
    else if (action === 'remove-aside') this.askClear('aside', target.getAttribute('data-wb-id'));
    else if (action === 'clear-all') this.askClear('all');
    else if (action === 'clear-section') this.askClear('section', target.getAttribute('data-wb-section'));
    else if (action === 'clear-answer') this.askClear('answer', target.getAttribute('data-wb-id'));
    else if (action === 'remove-orphan') this.askClear('orphan', target.getAttribute('data-wb-id'));
    else if (action === 'confirm-clear') this.clear(target.getAttribute('data-wb-clear'), target.getAttribute('data-wb-id'));
  };

  WB.register('wb-review', Review);
})(window, document);
