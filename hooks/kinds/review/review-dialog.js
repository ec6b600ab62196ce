/*
 * My answers (review.js): what the page says. The result of an action in the
 * banner at the top; a question or a refusal in a modal dialog; an error
 * message tied to a field; a passphrase field's "Show" checkbox.
 */
WB.Review.part(function (Review, kit) {
  'use strict';

  var E = kit.E;

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

  /** Something asked for was not done: said in the banner, as a problem (the dialog, if open, closes). */
  Review.prototype.refuse = function (reason, title) {
    this.closeDialog();
    this.say(title || WB.t('review.restore.nothing_restored'), [
      E('p', 'wb-review__refusal', reason),
      E('p', '', WB.t('review.unchanged'))
    ], 'problem');
  };

  Review.on('close', function () {
    this.closeDialog();
  });

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

  kit.showToggle = showToggle;
  kit.fieldError = fieldError;
  kit.cleaned = cleaned;
});
