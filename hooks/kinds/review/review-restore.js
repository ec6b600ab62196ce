/*
 * My answers (review.js): restoring a backup, its first steps. The file is read
 * strictly, unlocked with its passphrase where it is locked, checked through
 * (WB.backup.check) and previewed with the reader's choice of how to restore;
 * review-apply.js then restores it. Nothing changes before the reader chooses.
 */
WB.Review.part(function (Review, kit) {
  'use strict';

  var E = kit.E;

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
    kit.showToggle(toggle, field);
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
    var passphrase = kit.cleaned(field.value);
    if (!passphrase) return kit.fieldError(field, error, '', WB.t('review.unlock.empty'));
    kit.fieldError(field, error, '', '');
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
      kit.fieldError(field, error, '', failure.message + ' ' + WB.t('review.unchanged'));
      field.select();
    });
  };

  Review.prototype.forgetLocked = function () {
    this.locked = null;
    WB.locked.forget();
  };

  Review.prototype.preview = function (checked) {
    var current = this.answers();
    var counts = { added: 0, different: 0, same: 0, only: 0 };
    Object.keys(checked.answers).forEach(function (id) {
      if (!current[id]) counts.added++;
      else if (kit.same(current[id].value, checked.answers[id].value)) counts.same++;
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
    var row = kit.actions([[WB.t('review.restore.restore_button'), 'restore', 'primary'], [WB.t('review.cancel_button'), 'close', 'secondary']]);
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

  Review.on('restore', function () {
    this.restore((this.dialog.querySelector('input[name="wb-review-mode"]:checked') || {}).value || 'both');
  });
});
