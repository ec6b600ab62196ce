/*
 * Starts every data-module="wb-..." element once, and holds the small helpers
 * the modules share: the one polite live region, auto-growing text boxes,
 * copying to the clipboard, and the page-wide storage message.
 *
 * With Material's instant navigation only document$ emits after a page change;
 * without it (or under file://) DOMContentLoaded does. Starting twice is harmless.
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var ANNOUNCE_DELAY = 1500; // ms of quiet before a screen reader hears "Saved"

  /* ---- one polite live region for the whole page ------------------------ */
  var announceTimer = null;

  function announcer() {
    var region = document.getElementById('wb-announcer');
    if (!region) {
      region = document.createElement('div');
      region.id = 'wb-announcer';
      region.className = 'wb-visually-hidden';
      region.setAttribute('role', 'status');
      region.setAttribute('aria-live', 'polite');
      document.body.appendChild(region);
    }
    return region;
  }

  WB.announce = {
    later: function (text) {
      window.clearTimeout(announceTimer);
      announceTimer = window.setTimeout(function () {
        var region = announcer();
        region.textContent = '';
        window.setTimeout(function () {
          region.textContent = text;
        }, 50);
      }, ANNOUNCE_DELAY);
    },
    cancel: function () {
      window.clearTimeout(announceTimer);
    }
  };

  /* ---- text boxes that grow with their text ---------------------------- */
  var sizesItself = !!(window.CSS && CSS.supports && CSS.supports('field-sizing', 'content'));

  WB.grow = function (textarea) {
    if (sizesItself) return;
    textarea.style.height = 'auto';
    textarea.style.height = textarea.scrollHeight + textarea.offsetHeight - textarea.clientHeight + 'px';
  };

  /* ---- copy to the clipboard, with the old way where the new one is missing */
  WB.copyText = function (text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () {
          return true;
        },
        function () {
          return fallbackCopy(text);
        }
      );
    }
    return Promise.resolve(fallbackCopy(text));
  };

  function fallbackCopy(text) {
    var field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.className = 'wb-visually-hidden';
    document.body.appendChild(field);
    var active = document.activeElement;
    try {
      field.select();
      return document.execCommand('copy');
    } catch (error) {
      return false;
    } finally {
      field.remove();
      if (active && active.focus) active.focus();
    }
  }

  /* ---- one message for the page when storage cannot be used at all ----- */
  var PROBLEMS = {
    quota: 'The storage this browser gives the workbook is full, so new answers cannot be saved.',
    blocked:
      'This browser is not letting the workbook save answers. This happens when cookies and site data ' +
      'are blocked for this site, and in some private windows. Allow site data for this site, or use ' +
      'another browser, to keep your answers.',
    unavailable: 'Storage in this browser is not working, so answers cannot be saved.'
  };

  function storageProblem() {
    if (!document.querySelector('[data-module^="wb-"]') || document.querySelector('.wb-page-alert')) return;
    var check = WB.store ? WB.store.check() : { ok: false, reason: 'unavailable' };
    if (check.ok) return;
    var alert = document.createElement('div');
    alert.className = 'wb-alert wb-page-alert';
    alert.setAttribute('role', 'alert');
    var strong = document.createElement('strong');
    strong.textContent = 'Your answers are not being saved. ';
    var text = document.createElement('p');
    text.appendChild(strong);
    text.appendChild(document.createTextNode(PROBLEMS[check.reason] || PROBLEMS.unavailable));
    alert.appendChild(text);
    var heading = document.querySelector('.md-content__inner h1');
    if (heading) heading.parentNode.insertBefore(alert, heading.nextSibling);
  }

  /* ---- start every module once ----------------------------------------- */
  function start() {
    storageProblem();
    var elements = document.querySelectorAll('[data-module^="wb-"]');
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i];
      if (el.hasAttribute('data-wb-init')) continue;
      var Module = WB.modules && WB.modules[el.getAttribute('data-module')];
      if (!Module || !WB.store) continue;
      el.setAttribute('data-wb-init', '');
      try {
        new Module(el);
      } catch (error) {
        el.setAttribute('data-wb-init', 'failed');
        if (window.console) console.error('wb: could not start ' + el.getAttribute('data-module'), error);
      }
    }
  }

  WB.start = start;
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
  if (window.document$ && typeof window.document$.subscribe === 'function') {
    window.document$.subscribe(start);
  }
})(window, document);
