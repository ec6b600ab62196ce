/*
 * data-module="wb-review": the My answers page. Shows every answer under its
 * prompt, and holds the reader's tools: download a backup, restore one (checked
 * first, previewed, all or nothing, undoable), readable copies, print, clear.
 * Nothing from a file is ever put on the page except as text.
 *
 * This file starts the page and reads the stored answers; the other review-*.js
 * files add the rest to WB.Review, each with the buttons it answers
 * (WB.Review.on(action, handler)): review-list.js (the list), review-dialog.js
 * (messages and the dialog), review-backup.js, review-restore.js,
 * review-apply.js and review-undo.js (a restore and its undo), review-copies.js
 * (readable copies, print) and review-clear.js. What differs between kinds of
 * answer is each kind's own (WB.kinds: valid, answered, text, merge, render,
 * words, photos, renamePhotos): none of these files knows a kind's value.
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

  function values(object) {
    return Object.keys(object).map(function (key) {
      return object[key];
    });
  }

  /** Each kind of answer's rules, in the order they were registered. */
  function eachKind(fn) {
    var kinds = WB.kinds || {};
    Object.keys(kinds).forEach(function (name) {
      fn(kinds[name]);
    });
  }

  /** The ids of the photos that these values point to, as each kind finds them (any value: damaged too). */
  function photosOf(list) {
    var ids = [];
    list.forEach(function (value) {
      eachKind(function (kind) {
        if (!kind.photos) return;
        kind.photos(value).forEach(function (id) {
          if (ids.indexOf(id) === -1) ids.push(id);
        });
      });
    });
    return ids;
  }

  /** Helpers the review-*.js files share. */
  var kit = {
    E: E,
    own: own,
    values: values,
    same: function (a, b) {
      return JSON.stringify(a) === JSON.stringify(b);
    },
    isoDay: function (date) {
      return date.toISOString().slice(0, 10);
    },
    download: function (name, type, text) {
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
    },
    /** "3 answers and 2 photos", "1 answer". */
    answersAndPhotos: function (answers, photos) {
      var words = WB.tn('review.what.answers', answers);
      return photos ? WB.t('review.what.both', { answers: words, photos: WB.tn('review.what.photos', photos) }) : words;
    },
    /** The photo ids that these answer records point to. */
    photoIds: function (records) {
      return photosOf(records.map(function (record) {
        return record && record.value;
      }));
    },
    /** The photo ids that answers kept aside ([{raw}]) point to. */
    asidePhotoIds: function (asides) {
      return photosOf(asides.map(function (entry) {
        var record = WB.parseRecord(entry.raw);
        return record && record.value;
      }));
    },
    /** A value with its photos' ids renamed by `names` (old id -> new id): a copy where a kind renames any. */
    renamed: function (value, names) {
      eachKind(function (kind) {
        if (kind.renamePhotos) value = kind.renamePhotos(value, names);
      });
      return value;
    },
    /** The words of a stored text kept aside, as a kind finds them in it (read or not), else the text itself. */
    asideWords: function (raw) {
      var record = WB.parseRecord(raw);
      var value = record ? record.value : null;
      var found = null;
      eachKind(function (kind) {
        if (found === null && kind.words) found = kind.words(value);
      });
      return found === null ? raw : found;
    },
    /** A row of buttons: [words, action, style ('primary', 'secondary', 'warning')]. */
    actions: function (buttons) {
      var row = E('p', 'wb-alert__actions');
      buttons.forEach(function (button) {
        var node = WB.button(button[0], button[1]);
        if (button[2]) node.classList.add('wb-button--' + button[2]);
        row.appendChild(node);
      });
      return row;
    }
  };

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
      WB.summary.watch(section);
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

  /* ---- buttons: each review-*.js file adds those it answers ------------- */

  var handlers = {};

  /** `handler(target)` runs, as a method of the page's Review, when a button with data-wb-action="<action>" is clicked. */
  Review.on = function (action, handler) {
    handlers[action] = handler;
  };

  Review.prototype.act = function (action, target) {
    if (own(handlers, action)) handlers[action].call(this, target);
  };

  Review.kit = kit;

  /** A part of My answers (review-*.js, loaded after this file): `build(Review, kit)` adds its methods. */
  Review.part = function (build) {
    build(Review, kit);
  };
  WB.Review = Review;
  WB.register('wb-review', Review);
})(window, document);
