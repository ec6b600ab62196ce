/*
 * The lock as readers see it (vault.js does the work):
 *  - on every page while the lock is on, a bar at the top: the passphrase field and "Unlock"
 *    when locked, "Lock now" when unlocked;
 *  - on My answers, "Lock my answers with a passphrase": turn it on, choose the idle time,
 *    lock backups with it (on at first), turn it off.
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var IDLE_CHOICES = [5, 15, 30, 60];

  function E(tag, className, text) {
    return WB.element(tag, className, text);
  }

  function vault() {
    return WB.store && WB.store.vault && WB.locked.available() ? WB.store.vault : null;
  }

  /** In a box while the workbook is locked (saver.js): why it is empty, and a button to the bar's passphrase field. */
  WB.sealNote = function () {
    var note = E('div', 'wb-sealed');
    note.appendChild(E('p', '', WB.t('saver.locked_note')));
    var go = note.appendChild(E('button', 'wb-button', WB.t('saver.unlock_button')));
    go.type = 'button';
    go.addEventListener('click', function () {
      var input = document.getElementById('wb-lock-passphrase');
      if (input) {
        input.scrollIntoView({ block: 'center' });
        input.focus();
      }
    });
    return note;
  };

  /** A passphrase field with its label, hint and error message (GOV.UK's pattern). */
  function field(id, label, hint, autocomplete) {
    var box = E('div', 'wb-lock__field');
    var name = box.appendChild(E('label', 'wb-lock__label', label));
    name.htmlFor = id;
    var described = [];
    if (hint) {
      var note = box.appendChild(E('p', 'wb-review__hint', hint));
      note.id = id + '-hint';
      described.push(note.id);
    }
    var error = box.appendChild(E('p', 'wb-review__error'));
    error.id = id + '-error';
    error.hidden = true;
    var input = box.appendChild(E('input', 'wb-review__passphrase'));
    input.type = 'password';
    input.id = id;
    input.autocomplete = autocomplete;
    input.spellcheck = false;
    input.setAttribute('autocapitalize', 'none');
    if (described.length) input.setAttribute('aria-describedby', described.join(' '));
    return box;
  }

  function showError(box, text) {
    var input = box.querySelector('input');
    var error = box.querySelector('.wb-review__error');
    var hint = box.querySelector('.wb-review__hint');
    error.textContent = '';
    error.hidden = !text;
    if (text) {
      error.appendChild(E('span', 'wb-visually-hidden', WB.t('lock.error_prefix') + ' '));
      error.appendChild(document.createTextNode(text));
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', (error.id + ' ' + (hint ? hint.id : '')).trim());
      input.focus();
    } else {
      input.removeAttribute('aria-invalid');
      if (hint) input.setAttribute('aria-describedby', hint.id);
      else input.removeAttribute('aria-describedby');
    }
  }

  /** What a failure says to the reader: a message the lock wrote for them ({message}), else `fallback` (never a developer's Error). */
  function said(failure, fallback) {
    return failure && !(failure instanceof Error) && typeof failure.message === 'string' ? failure.message : fallback;
  }

  function passphraseOf(box) {
    return box.querySelector('input').value.replace(/^\s+|\s+$/g, '');
  }

  /* ---- the bar at the top of each page ------------------------------------ */

  function bar() {
    var v = vault();
    var inner = document.querySelector('.md-content__inner');
    var old = document.querySelector('.wb-lockbar');
    if (!inner || !v || !v.on() || v.resuming) {
      if (old) old.remove();
      return;
    }
    var locked = v.isLocked();
    if (old && old.getAttribute('data-wb-state') === (locked ? 'locked' : 'open')) return;
    if (old) old.remove();
    var box = E(locked ? 'form' : 'div', 'wb-lockbar');
    box.setAttribute('data-wb-state', locked ? 'locked' : 'open');
    box.setAttribute('data-search-exclude', '');
    if (locked) {
      box.setAttribute('aria-labelledby', 'wb-lockbar-title');
      box.noValidate = true;
      var title = box.appendChild(E('h2', 'wb-lockbar__title', WB.t('lock.bar.title')));
      title.id = 'wb-lockbar-title';
      var pass = box.appendChild(field('wb-lock-passphrase', WB.t('lock.bar.passphrase'), '', 'current-password'));
      var row = box.appendChild(E('p', 'wb-alert__actions'));
      var go = row.appendChild(E('button', 'wb-button', WB.t('lock.bar.unlock')));
      go.type = 'submit';
      var status = row.appendChild(E('span', 'wb-lockbar__said'));
      status.setAttribute('role', 'status');
      box.addEventListener('submit', function (event) {
        event.preventDefault();
        var words = passphraseOf(pass);
        if (!words) return showError(pass, WB.t('lock.bar.type_passphrase'));
        showError(pass, '');
        go.disabled = true;
        status.textContent = WB.t('lock.bar.unlocking');
        v.unlock(words).then(function () {
          var now = document.querySelector('.wb-lockbar button');
          if (now) now.focus();
        }, function (failure) {
          go.disabled = false;
          status.textContent = '';
          showError(pass, said(failure, WB.t('lock.bar.cannot_unlock')));
        });
      });
    } else {
      var line = box.appendChild(E('p', 'wb-alert__actions'));
      line.appendChild(E('span', '', WB.t('lock.bar.unlocked')));
      var lock = line.appendChild(E('button', 'wb-button', WB.t('lock.bar.lock_now')));
      lock.type = 'button';
      var result = line.appendChild(E('span', 'wb-lockbar__said'));
      result.setAttribute('role', 'status');
      lock.addEventListener('click', function () {
        v.lockNow().then(function (done) {
          if (!done) result.textContent = WB.t('lock.bar.not_locked');
          else {
            var field = document.getElementById('wb-lock-passphrase');
            if (field) field.focus();
          }
        });
      });
    }
    var heading = inner.querySelector('h1');
    // Under the title, after the progress line the build writes (main.js, belowTitle).
    var line = heading && heading.nextElementSibling;
    if (line && line.classList.contains('wb-progress')) heading = line;
    inner.insertBefore(box, heading ? heading.nextSibling : inner.firstChild);
  }

  /* ---- the settings on My answers ---------------------------------------- */

  function settings() {
    var review = document.querySelector('.wb-review');
    var v = vault();
    var old = document.querySelector('.wb-lock');
    if (!review || !v) {
      if (old) old.remove();
      return;
    }
    var state = v.isLocked() ? 'locked' : v.isOpen() ? 'open' : 'off';
    if (old && old.getAttribute('data-wb-state') === state) return;
    var box = E('section', 'wb-lock');
    box.setAttribute('data-wb-state', state);
    box.setAttribute('aria-labelledby', 'wb-lock-title');
    var title = box.appendChild(E('h2', 'wb-lock__title', WB.t('lock.settings.title')));
    title.id = 'wb-lock-title';
    var status = E('p', 'wb-lock__said');
    status.setAttribute('role', 'status');
    if (state === 'off') off(box, v, status);
    else if (state === 'open') open(box, v, status);
    else box.appendChild(E('p', '', WB.t('lock.settings.locked')));
    box.appendChild(status);
    if (old) old.replaceWith(box);
    else {
      var tools = review.querySelector('.wb-review__tools');
      review.insertBefore(box, tools);
    }
    backupHint(v);
  }

  /** The backup's own passphrase field says what happens when it is left empty. */
  function backupHint(v) {
    var hint = document.getElementById('wb-review-passphrase-hint');
    if (!hint) return;
    if (!hint.hasAttribute('data-wb-plain')) hint.setAttribute('data-wb-plain', hint.textContent);
    var config = v.isOpen() ? v.config() : null;
    hint.textContent = config && config.backups !== false
      ? WB.t('lock.settings.backup_hint', { min: WB.number(WB.locked.MIN_PASSPHRASE) })
      : hint.getAttribute('data-wb-plain');
  }

  function off(box, v, status) {
    var min = { min: WB.number(WB.locked.MIN_PASSPHRASE) };
    box.appendChild(E('p', '', WB.t('lock.settings.about')));
    box.appendChild(E('p', 'wb-review__warning', WB.t('lock.settings.warning')));
    var first = box.appendChild(field('wb-lock-new', WB.t('lock.settings.choose'), WB.t('lock.settings.choose_hint', min), 'new-password'));
    var again = box.appendChild(field('wb-lock-again', WB.t('lock.settings.again'), '', 'new-password'));
    var row = box.appendChild(E('p', 'wb-alert__actions'));
    var go = row.appendChild(E('button', 'wb-button', WB.t('lock.settings.turn_on')));
    go.type = 'button';
    go.addEventListener('click', function () {
      var words = passphraseOf(first);
      showError(again, '');
      if (words.length < WB.locked.MIN_PASSPHRASE) return showError(first, WB.t('lock.settings.too_short', min));
      showError(first, '');
      if (passphraseOf(again) !== words) return showError(again, WB.t('lock.settings.not_same'));
      go.disabled = true;
      status.textContent = WB.t('lock.settings.locking');
      v.turnOn(words).then(function () {
        status.textContent = '';
        announce(WB.t('lock.settings.turned_on'));
      }, function (failure) {
        go.disabled = false;
        status.textContent = said(failure, WB.t('lock.settings.not_all_locked'));
      });
    });
  }

  function open(box, v, status) {
    var config = v.config();
    var choice = box.appendChild(E('p', 'wb-lock__field'));
    var label = choice.appendChild(E('label', 'wb-lock__label', WB.t('lock.settings.idle_label')));
    label.htmlFor = 'wb-lock-idle';
    var select = choice.appendChild(E('select', 'wb-review__scope'));
    select.id = 'wb-lock-idle';
    IDLE_CHOICES.forEach(function (minutes) {
      select.appendChild(new Option(WB.tn('lock.settings.idle_choice', minutes), String(minutes)));
    });
    select.value = String(config.idle || WB.vaultCrypto.IDLE);
    select.addEventListener('change', function () {
      change(v, { idle: Number(select.value) });
      status.textContent = WB.tn('lock.settings.idle_said', Number(select.value));
    });
    var backups = box.appendChild(E('p', 'wb-versions__choice'));
    var tick = backups.appendChild(E('input'));
    tick.type = 'checkbox';
    tick.id = 'wb-lock-backups';
    tick.checked = config.backups !== false;
    var text = backups.appendChild(E('label', '', WB.t('lock.settings.backups_label')));
    text.htmlFor = tick.id;
    tick.addEventListener('change', function () {
      change(v, { backups: tick.checked });
      backupHint(v);
      status.textContent = tick.checked ? WB.t('lock.settings.backups_on') : WB.t('lock.settings.backups_off');
    });
    box.appendChild(E('h3', 'wb-lock__subtitle', WB.t('lock.settings.off_title')));
    var pass = box.appendChild(field('wb-lock-off', WB.t('lock.settings.off_passphrase'), WB.t('lock.settings.off_hint'), 'current-password'));
    var row = box.appendChild(E('p', 'wb-alert__actions'));
    var go = row.appendChild(E('button', 'wb-button', WB.t('lock.settings.turn_off')));
    go.type = 'button';
    go.addEventListener('click', function () {
      go.disabled = true;
      status.textContent = WB.t('lock.settings.unlocking');
      v.turnOff(passphraseOf(pass)).then(function () {
        status.textContent = '';
        announce(WB.t('lock.settings.turned_off'));
      }, function (failure) {
        go.disabled = false;
        status.textContent = '';
        showError(pass, said(failure, WB.t('lock.settings.cannot_turn_off')));
      });
    });
  }

  function change(v, values) {
    var config = v.config();
    Object.keys(values).forEach(function (name) {
      config[name] = values[name];
    });
    v.writeConfig(config);
    v.touch(true);
  }

  /** Said after the settings section is made again (the lock turned on or off). */
  function announce(text) {
    var said = document.querySelector('.wb-lock__said');
    if (said) said.textContent = text;
  }

  function render() {
    try {
      bar();
      settings();
    } catch (error) {
      if (window.console) console.error('wb: the lock', error);
    }
  }

  document.addEventListener('wb:lock', render);
  document.addEventListener('wb:changed', render);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render);
  else render();
  if (window.document$ && typeof window.document$.subscribe === 'function') window.document$.subscribe(render);
})(window, document);
