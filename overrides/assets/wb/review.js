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

  /** "3 answers and 2 photos", "1 answer". */
  function answersAndPhotos(answers, photos) {
    var words = WB.tn('review.what.answers', answers);
    return photos ? WB.t('review.what.both', { answers: words, photos: WB.tn('review.what.photos', photos) }) : words;
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
    this.siteName = (document.querySelector('meta[name="wb-site-name"]') || {}).content || WB.t('review.untitled_workbook');
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
    this.scope.insertBefore(new Option(WB.t('review.copy.all_sections'), 'all'), this.scope.firstChild);
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
      item.appendChild(E('h3', 'wb-review__question', WB.t('review.aside.question', { id: entry.prompt })));
      item.appendChild(E('p', 'wb-review__text', asideWords(entry.raw)));
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
      error.appendChild(E('span', 'wb-visually-hidden', WB.t('review.error_prefix')));
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
      ? WB.t('review.backup.passphrase_too_short', { min: WB.number(WB.locked.MIN_PASSPHRASE) })
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
    this.say(passphrase ? WB.t('review.backup.making_locked') : WB.t('review.backup.making'), null, 'info');
    this.backupFile(passphrase).then(function (file) {
      self.busy = false;
      var day = isoDay(new Date());
      var name = file.locked ? WB.t('review.backup.file_name_locked', { workbook: WB.workbook, date: day })
        : WB.t('review.backup.file_name', { workbook: WB.workbook, date: day });
      if (share && self.shareAs) return self.share(file, name + self.shareAs[0]);
      name += '.json';
      self.made(file, name, download(name, 'application/json', file.text), false);
    }, function () {
      self.busy = false;
      self.refuse(WB.t('review.backup.failed'), WB.t('review.backup.failed_title'));
    });
  };

  /** Share a made backup; where the browser wants a fresh tap first, a button to give it. */
  Review.prototype.share = function (file, name) {
    var self = this;
    var shared = new File([file.text], name, { type: this.shareAs[1] });
    var go = function () {
      navigator.share({ files: [shared], title: WB.t('review.backup.share_title', { workbook: self.siteName }) }).then(function () {
        self.made(file, name, shared.size, true);
      }, function (error) {
        if (error && error.name === 'AbortError') self.say(WB.t('review.backup.not_shared'), null, 'info');
        else self.refuse(WB.t('review.backup.share_failed'), WB.t('review.backup.share_failed_title'));
      });
    };
    if (navigator.userActivation && navigator.userActivation.isActive) return go();
    this.readyToShare = go;
    this.say(WB.t('review.backup.ready_to_share'), [actions([[WB.t('review.backup.share_now_button'), 'share-ready', 'primary']])]);
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
    var what = answersAndPhotos(data.answers.length, data.photos.length);
    var nodes = [];
    if (file.locked) nodes.push(E('p', '', WB.t('review.backup.locked_note')));
    if (file.made.unread) {
      nodes.push(E('p', 'wb-review__warning', WB.t('review.backup.photos_unread')));
    } else if (file.made.missing.length) {
      nodes.push(E('p', 'wb-review__warning', WB.tn('review.backup.photos_missing', file.made.missing.length)));
    }
    this.say(shared ? WB.t('review.backup.shared', { name: name, what: what }) : WB.t('review.backup.downloading', { name: name, what: what }),
      [E('p', '', WB.t('review.backup.keep_safe'))].concat(nodes));
  };

  /* ---- restore: check, preview, apply, undo ----------------------------- */

  Review.prototype.readFile = function (file) {
    var self = this;
    if (file.size === 0) return this.refuse(WB.t('review.restore.empty_file'));
    if (file.size > WB.backup.MAX_BYTES) return this.refuse(WB.t('review.restore.too_large'));
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
        return self.refuse(WB.t('review.restore.not_a_backup'));
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
      self.refuse(WB.t('review.restore.unreadable'));
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
      return this.refuse(WB.t('review.unlock.unavailable'));
    }
    var form = E('form', 'wb-review__unlock');
    form.noValidate = true;
    form.appendChild(E('p', '', WB.t('review.unlock.intro', { date: WB.day(found.created) })));
    var label = E('label', 'wb-review__lock-label', WB.t('review.unlock.label'));
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
    show.appendChild(document.createTextNode(' ' + WB.t('review.show_passphrase')));
    showToggle(toggle, field);
    form.appendChild(show);
    var row = E('p', 'wb-alert__actions');
    var open = E('button', 'wb-button wb-button--primary', WB.t('review.unlock.open_button'));
    open.type = 'submit';
    row.appendChild(open);
    var cancel = WB.button(WB.t('review.cancel_button'), 'close');
    cancel.classList.add('wb-button--secondary');
    row.appendChild(cancel);
    form.appendChild(row);
    var status = E('p', 'wb-review__unlock-status');
    status.setAttribute('role', 'status');
    form.appendChild(status);
    this.ask(WB.t('review.unlock.title'), [form]);
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
    if (!passphrase) return fieldError(field, error, '', WB.t('review.unlock.empty'));
    fieldError(field, error, '', '');
    this.unlocking = true;
    status.textContent = WB.t('review.unlock.opening');
    WB.locked.unlock(found, passphrase).then(function (text) {
      self.unlocking = false;
      if (self.locked !== found) return; // closed meanwhile
      self.forgetLocked();
      self.checkText(text);
    }, function (failure) {
      self.unlocking = false;
      if (self.locked !== found) return;
      status.textContent = '';
      fieldError(field, error, '', failure.message + ' ' + WB.t('review.unchanged'));
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
    this.say(title || WB.t('review.restore.nothing_restored'), [
      E('p', 'wb-review__refusal', reason),
      E('p', '', WB.t('review.unchanged'))
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
      nodes.push(E('p', 'wb-review__from', WB.t('review.restore.from_other', { workbook: checked.from })));
    }
    var list = E('ul');
    list.appendChild(E('li', '', WB.tn('review.restore.count_added', counts.added)));
    list.appendChild(E('li', '', WB.tn('review.restore.count_different', counts.different)));
    list.appendChild(E('li', '', WB.tn('review.restore.count_same', counts.same)));
    list.appendChild(E('li', '', WB.tn('review.restore.count_only_here', counts.only)));
    var pictures = Object.keys(checked.photos).length;
    if (pictures) list.appendChild(E('li', '', WB.tn('review.restore.count_photos', pictures)));
    nodes.push(list);
    var misfits = Object.keys(checked.misfits).sort(WB.backup.byId);
    if (misfits.length) nodes.push(E('p', '', WB.tn('review.restore.misfits', misfits.length, { ids: misfits.join(', ') })));
    if (checked.unknown.length) {
      nodes.push(E('p', '', WB.t('review.restore.unknown', { ids: checked.unknown.join(', ') })));
    }
    var fieldset = E('fieldset', 'wb-review__modes');
    fieldset.appendChild(E('legend', '', WB.t('review.restore.modes_legend')));
    [
      ['both', WB.t('review.restore.mode_both')],
      ['file', WB.t('review.restore.mode_file')],
      ['replace', WB.t('review.restore.mode_replace')]
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
    nodes.push(E('p', '', WB.t('review.restore.undo_note')));
    var row = actions([[WB.t('review.restore.restore_button'), 'restore', 'primary'], [WB.t('review.cancel_button'), 'close', 'secondary']]);
    nodes.push(row);
    // Replacing every answer is the one choice that removes some: its button says so, as a warning.
    fieldset.addEventListener('change', function () {
      var replace = fieldset.querySelector('input[value="replace"]').checked;
      var go = row.querySelector('[data-wb-action="restore"]');
      go.textContent = replace ? WB.t('review.restore.replace_all_button') : WB.t('review.restore.restore_button');
      go.classList.toggle('wb-button--primary', !replace);
      go.classList.toggle('wb-button--warning', replace);
    });
    this.ask(WB.t('review.restore.title', { date: WB.day(checked.created) }), nodes);
  };

  Review.prototype.restore = function (mode) {
    var checked = this.pending;
    var self = this;
    this.pending = null;
    this.closeDialog();
    this.photoNames(checked).then(function (present) {
      self.apply(checked, mode, present);
    }, function (failure) {
      self.refuse(failure.reason === 'quota' ? WB.t('review.restore.photos_no_room') : WB.t('review.restore.photos_blocked'));
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
    // Only the photos the answers will point to, kept aside or not (a file may carry others).
    var wanted = photoIds(values(target)).concat(asidePhotoIds(values(checked.aside).concat(values(aside)).map(function (raw) {
      return { raw: raw };
    })));
    var pictures = Object.keys(checked.photos).filter(function (id) {
      return wanted.indexOf(id) !== -1;
    });
    var what = answersAndPhotos(Object.keys(checked.answers).length, pictures.length);
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
      var result = versions.ok ? WB.backup.replaceAll(target, { asides: kept.ids, photos: adding }, leave) : { ok: false, message: WB.backup.noRoom() };
      if (!result.ok) {
        if (versions.ok) versions.revert();
        kept.ids.forEach(function (id) {
          WB.store.remove('aside', id);
        });
        WB.photos.remove(adding).catch(function () {});
      }
      self.restored(result, what, Object.keys(aside).length);
    }, function (failure) {
      self.refuse(failure.reason === 'quota' ? WB.t('review.restore.photos_no_room') : WB.t('review.restore.photos_blocked'));
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
    this.offerUndo(WB.t('review.restore.done', { what: what }) + (asides ? ' ' + WB.tn('review.restore.kept_aside', asides) : ''));
  };

  Review.prototype.offerUndo = function (message) {
    var undo = WB.store.read('undo', 'restore');
    if (undo.state !== 'ok') {
      if (message) this.say(message);
      return;
    }
    // When the page opens with an undo still on offer, it is said without taking the focus.
    this.say(message || WB.t('review.undo.still_possible'), [
      E('p', '', WB.t('review.undo.offer', { date: WB.day(undo.record.saved) })),
      actions([[WB.t('review.undo.undo_button'), 'undo', 'secondary'], [WB.t('review.undo.keep_button'), 'forget-undo', 'secondary']])
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
    if (!before || typeof before !== 'object') return this.refuse(WB.t('review.undo.nothing'));
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
    if (!safe) return this.refuse(WB.backup.noRoom(), WB.t('review.undo.failed_title'));
    var undone = photoIds(values(this.answers())).concat(Array.isArray(kept.photos) ? kept.photos : []);
    var result = WB.backup.replaceAll(target, false, leave);
    if (!result.ok) return this.refuse(result.message, WB.t('review.undo.failed_title'));
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
    this.say(WB.t('review.undo.done') +
      (since.length ? ' ' + WB.tn('review.undo.kept_since', since.length, { ids: since.join(', ') }) : ''));
  };

  /** Keep the restored answers: the photos only the undo pointed to can go. */
  Review.prototype.forgetUndo = function () {
    var undo = WB.store.read('undo', 'restore');
    var kept = undo.state === 'ok' && undo.record.value && undo.record.value.answers;
    var ids = photoIds(values(kept || {}).map(WB.parseRecord));
    WB.store.remove('undo', 'restore');
    WB.versions.forgetUndo();
    WB.photos.release(ids).catch(function () {});
    this.say(WB.t('review.undo.kept'));
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
      title: WB.t('review.copy.title', { workbook: this.siteName }),
      date: WB.day(new Date()),
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
    var name = WB.t('review.copy.file_name', { workbook: WB.workbook, date: isoDay(new Date()) });
    var self = this;
    if (action === 'copy-text') {
      WB.copyText(WB.copies.text(doc)).then(function (copied) {
        if (copied) self.say(WB.t('review.copy.copied'));
        else self.refuse(WB.t('review.copy.copy_failed'), WB.t('review.copy.copy_failed_title'));
      });
    } else if (action === 'download-text') {
      download(name + '.txt', 'text/plain;charset=utf-8', WB.copies.text(doc));
      this.say(WB.t('review.copy.downloading_text', { name: name + '.txt' }));
    } else if (action === 'download-markdown') {
      download(name + '.md', 'text/markdown;charset=utf-8', WB.copies.markdown(doc));
      this.say(WB.t('review.copy.downloading_markdown', { name: name + '.md' }));
    } else {
      download(name + '.html', 'text/html;charset=utf-8', WB.copies.html(doc));
      this.say(WB.t('review.copy.downloading_html', { name: name + '.html' }));
    }
  };

  /* ---- clear --------------------------------------------------------------- */

  Review.prototype.askClear = function (what, id) {
    var text = {
      all: function () { return WB.t('review.clear.ask_all'); },
      section: function () { return WB.t('review.clear.ask_section'); },
      answer: function () { return WB.t('review.clear.ask_answer', { id: id }); },
      orphan: function () { return WB.t('review.clear.ask_orphan', { id: id }); },
      aside: function () { return WB.t('review.clear.ask_aside'); }
    }[what]();
    var confirm = WB.button(what === 'all' ? WB.t('review.clear.confirm_all_button')
      : what === 'orphan' || what === 'aside' ? WB.t('review.clear.confirm_remove_button') : WB.t('review.clear.confirm_button'),
    'confirm-clear');
    confirm.classList.add('wb-button--warning');
    confirm.setAttribute('data-wb-clear', what);
    confirm.setAttribute('data-wb-id', id || '');
    var row = actions([[WB.t('review.clear.backup_first_button'), 'backup', 'secondary']]);
    row.appendChild(confirm);
    var cancel = WB.button(WB.t('review.cancel_button'), 'close');
    cancel.classList.add('wb-button--secondary');
    row.appendChild(cancel);
    var versions = what === 'aside' ? null : WB.versionsReview.clearChoice(this.idsOf(what, id), what === 'all');
    this.ask(WB.t('review.clear.title'), [E('p', '', text + ' ' + WB.t('review.clear.backup_hint'))].concat(versions ? [versions] : [], [row]));
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
      if (copied) self.say(WB.t('review.aside.copied'));
      else self.refuse(WB.t('review.aside.copy_failed'), WB.t('review.aside.copy_failed_title'));
    });
  };

  Review.prototype.clear = function (what, id) {
    var self = this;
    if (what === 'aside') {
      var removed = WB.store.remove('aside', id);
      this.closeDialog();
      this.render();
      if (!removed.ok) return this.refuse(WB.t('review.clear.remove_one_failed'), WB.t('review.clear.not_removed_title'));
      return this.say(WB.t('review.clear.aside_removed'));
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
    if (!result.ok) return this.refuse(WB.t('review.clear.remove_failed'), WB.t('review.clear.not_cleared_title'));
    var title = (this.sections.filter(function (section) {
      return section.number === id;
    })[0] || {}).title;
    var done = {
      all: function () { return WB.t('review.clear.done_all'); },
      section: function () { return WB.t('review.clear.done_section', { section: title }); },
      answer: function () { return WB.t('review.clear.done_answer', { id: id }); },
      orphan: function () { return WB.t('review.clear.done_orphan', { id: id }); }
    }[what]();
    this.say(done);
    // Photos go after the answers that pointed to them: all of them, or those nothing else points to.
    (what === 'all' ? WB.photos.clear() : WB.photos.release(pictures)).then(function () {
      pictures.forEach(WB.forgetPhotoUrl);
    }, function () {
      if (pictures.length) {
        self.say(done, [E('p', 'wb-review__warning', WB.t('review.clear.photos_failed'))]);
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
