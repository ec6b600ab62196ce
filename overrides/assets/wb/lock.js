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
      error.appendChild(E('span', 'wb-visually-hidden', 'Error: '));
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
      var title = box.appendChild(E('h2', 'wb-lockbar__title', 'Your answers are locked'));
      title.id = 'wb-lockbar-title';
      var pass = box.appendChild(field('wb-lock-passphrase', 'Passphrase', '', 'current-password'));
      var row = box.appendChild(E('p', 'wb-alert__actions'));
      var go = row.appendChild(E('button', 'wb-button', 'Unlock'));
      go.type = 'submit';
      var said = row.appendChild(E('span', 'wb-lockbar__said'));
      said.setAttribute('role', 'status');
      box.addEventListener('submit', function (event) {
        event.preventDefault();
        var words = passphraseOf(pass);
        if (!words) return showError(pass, 'Type your passphrase to unlock your answers.');
        showError(pass, '');
        go.disabled = true;
        said.textContent = 'Unlocking…';
        v.unlock(words).then(function () {
          var now = document.querySelector('.wb-lockbar button');
          if (now) now.focus();
        }, function (failure) {
          go.disabled = false;
          said.textContent = '';
          showError(pass, (failure && failure.message) || 'The workbook could not be unlocked in this browser.');
        });
      });
    } else {
      var line = box.appendChild(E('p', 'wb-alert__actions'));
      line.appendChild(E('span', '', 'Your answers are unlocked on this device.'));
      var lock = line.appendChild(E('button', 'wb-button', 'Lock now'));
      lock.type = 'button';
      var result = line.appendChild(E('span', 'wb-lockbar__said'));
      result.setAttribute('role', 'status');
      lock.addEventListener('click', function () {
        v.lockNow().then(function (done) {
          if (!done) result.textContent = 'Not locked: an answer on this page is not saved. Copy it somewhere safe first.';
          else {
            var field = document.getElementById('wb-lock-passphrase');
            if (field) field.focus();
          }
        });
      });
    }
    var heading = inner.querySelector('h1');
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
    var title = box.appendChild(E('h2', 'wb-lock__title', 'Lock my answers with a passphrase'));
    title.id = 'wb-lock-title';
    var said = E('p', 'wb-lock__said');
    said.setAttribute('role', 'status');
    if (state === 'off') off(box, v, said);
    else if (state === 'open') open(box, v, said);
    else box.appendChild(E('p', '', 'Your answers are locked. Unlock them with your passphrase at the top of this page.'));
    box.appendChild(said);
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
      ? 'Left empty, the backup is locked with your workbook’s passphrase (see “Lock my answers with a passphrase”). ' +
        'Type another passphrase, at least ' + WB.locked.MIN_PASSPHRASE + ' characters, to lock this backup with it instead. ' +
        'If you forget it, nobody can open the backup.'
      : hint.getAttribute('data-wb-plain');
  }

  function off(box, v, said) {
    box.appendChild(E('p', '', 'On a shared computer, a lock keeps your answers private. With it on, your answers, drawings ' +
      'and photos are stored in this browser scrambled with your passphrase, and nobody can read them without it. ' +
      'You type the passphrase once each time you open the workbook; it locks itself when you close the browser, ' +
      'after a while without use, or when you choose “Lock now”.'));
    box.appendChild(E('p', 'wb-review__warning', 'If you forget the passphrase, nobody can open your answers again, not even your ' +
      'organisation. Keep a backup, and choose words you will remember.'));
    var first = box.appendChild(field('wb-lock-new', 'Choose a passphrase', 'At least ' + WB.locked.MIN_PASSPHRASE +
      ' characters, such as three or four words.', 'new-password'));
    var again = box.appendChild(field('wb-lock-again', 'Type the passphrase again', '', 'new-password'));
    var row = box.appendChild(E('p', 'wb-alert__actions'));
    var go = row.appendChild(E('button', 'wb-button', 'Turn on the lock'));
    go.type = 'button';
    go.addEventListener('click', function () {
      var words = passphraseOf(first);
      showError(again, '');
      if (words.length < WB.locked.MIN_PASSPHRASE) return showError(first, 'Use at least ' + WB.locked.MIN_PASSPHRASE + ' characters for the passphrase.');
      showError(first, '');
      if (passphraseOf(again) !== words) return showError(again, 'The two passphrases are not the same. Type it again.');
      go.disabled = true;
      said.textContent = 'Locking your answers…';
      v.turnOn(words).then(function () {
        said.textContent = '';
        announce('The lock is on. Your answers are stored locked with your passphrase.');
      }, function (failure) {
        go.disabled = false;
        said.textContent = (failure && failure.message) || 'Not all answers could be locked: this browser’s storage may be full. ' +
          'What is not locked yet is locked the next time you unlock.';
      });
    });
  }

  function open(box, v, said) {
    var config = v.config();
    var choice = box.appendChild(E('p', 'wb-lock__field'));
    var label = choice.appendChild(E('label', 'wb-lock__label', 'Lock by itself after this long without use'));
    label.htmlFor = 'wb-lock-idle';
    var select = choice.appendChild(E('select', 'wb-review__scope'));
    select.id = 'wb-lock-idle';
    IDLE_CHOICES.forEach(function (minutes) {
      select.appendChild(new Option(minutes + ' minutes', String(minutes)));
    });
    select.value = String(config.idle || WB.vaultCrypto.IDLE);
    select.addEventListener('change', function () {
      change(v, { idle: Number(select.value) });
      said.textContent = 'Your answers will lock after ' + select.value + ' minutes without use.';
    });
    var backups = box.appendChild(E('p', 'wb-versions__choice'));
    var tick = backups.appendChild(E('input'));
    tick.type = 'checkbox';
    tick.id = 'wb-lock-backups';
    tick.checked = config.backups !== false;
    var text = backups.appendChild(E('label', '', 'Lock my backups with the same passphrase'));
    text.htmlFor = tick.id;
    tick.addEventListener('change', function () {
      change(v, { backups: tick.checked });
      backupHint(v);
      said.textContent = tick.checked ? 'Your backups will be locked with your passphrase.' : 'Your backups will not be locked, unless you type a passphrase for one.';
    });
    box.appendChild(E('h3', 'wb-lock__subtitle', 'Turn the lock off'));
    var pass = box.appendChild(field('wb-lock-off', 'Your passphrase', 'Your answers are stored unlocked again, readable by anyone using this browser.', 'current-password'));
    var row = box.appendChild(E('p', 'wb-alert__actions'));
    var go = row.appendChild(E('button', 'wb-button', 'Turn off the lock'));
    go.type = 'button';
    go.addEventListener('click', function () {
      go.disabled = true;
      said.textContent = 'Unlocking your answers…';
      v.turnOff(passphraseOf(pass)).then(function () {
        said.textContent = '';
        announce('The lock is off. Your answers are stored unlocked in this browser.');
      }, function (failure) {
        go.disabled = false;
        said.textContent = '';
        showError(pass, (failure && failure.message) || 'The lock could not be turned off in this browser.');
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
