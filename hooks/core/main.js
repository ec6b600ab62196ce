/*
 * Starts every data-module="wb-..." element once, and holds the small helpers
 * the modules share: the one polite live region, auto-growing text boxes, and
 * the decision to show the page-wide storage message (problems.js shows it).
 *
 * With Material's instant navigation only document$ emits after a page change;
 * without it (or under file://) DOMContentLoaded does. Starting twice is harmless.
 * Modules start a few at a time, in tasks of their own (see startSome).
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
  // (CSS.supports is older than Element.closest, which this code needs anyway: Safari 9, Firefox 35, Chrome 41.)
  var sizesItself = CSS.supports('field-sizing', 'content');

  WB.grow = function (textarea) {
    if (sizesItself) return;
    textarea.style.height = 'auto';
    textarea.style.height = textarea.scrollHeight + textarea.offsetHeight - textarea.clientHeight + 'px';
  };

  /** The copy of a box's words that prints in its place (a textarea prints only its visible lines). */
  WB.mirror = function (box) {
    var copy = box.nextElementSibling;
    if (copy && copy.classList.contains('wb-prompt__print')) copy.textContent = box.value;
  };

  /* ---- one message for the page when storage cannot be used at all ----- */
  /** Said under the title by problems.js (the bundle wb-problems, loaded only then); each box's status line says it too. */
  function storageProblem() {
    if (!document.querySelector('[data-module^="wb-"]') || document.querySelector('.wb-page-alert')) return;
    var check = WB.store ? WB.store.check() : { ok: false, reason: 'unavailable' };
    // The lock is on in this browser and its code did not come (offline, a file missing): nothing is saved here.
    if (check.ok && lockMissing() && !WB.need(['wb-lock'])) check = { ok: false, reason: 'lock' };
    if (check.ok) return;
    Promise.resolve(WB.need(['wb-problems'])).then(function () {
      if (!WB.problems) throw new Error('the code for problems did not load');
      WB.problems.page(check.reason);
    }).catch(function (error) {
      if (window.console) console.error('wb: saying why answers are not saved', error);
    });
  }

  /* ---- how long this browser keeps answers ------------------------------ */
  WB.keeping = {
    /**
     * May answers be deleted after a week away? In WebKit (Safari, and every browser on an iPhone or
     * iPad: told by the engine's vendor, which they all report alike), unless opened from the Home Screen.
     */
    weekRule: function () {
      return /^Apple/.test(navigator.vendor || '') && navigator.standalone !== true &&
        !(window.matchMedia && window.matchMedia('(display-mode: standalone)').matches);
    },
    /** When the last backup was made (ms), or null. */
    lastBackup: function () {
      return metaTime('backup', 'last');
    }
    // persisted() and describe(), for My answers: notices.js.
  };

  /* ---- answers changed: progress, and a request to keep storage -------- */
  var persistAsked = false;

  /** Called after an answer is saved or changed elsewhere. */
  WB.changed = function (id) {
    if (!persistAsked && navigator.storage && navigator.storage.persist) {
      persistAsked = true;
      // Asks the browser not to clear our storage when it runs short; it may say no.
      navigator.storage.persist().catch(function () {});
    }
    try {
      weekNotice(id);
    } catch (error) {
      if (window.console) console.error('wb: the notice about keeping answers', error);
    }
    progress();
    navProgress(id);
    document.dispatchEvent(new CustomEvent('wb:changed', { detail: { id: id } }));
  };

  /**
   * Is the stored answer to this prompt (of this module kind) a real answer? Its kind says, where its
   * code is here; on a page without that code (the navigation's "3 of 8" counts every page's answers),
   * WB.written says: every kind's answered() agrees with it (tests/test_logic_kinds.py checks).
   */
  WB.answered = function (kind, id) {
    var result = WB.store.read('answer', id);
    // Locked: a stored value counts (which prompts have one is all that shows).
    if (result.state === 'unavailable' && result.reason === 'locked') return true;
    if (result.state !== 'ok') return false;
    var rules = WB.kinds && WB.kinds[kind];
    var value = result.record.value;
    return rules ? !!(rules.valid(value) && rules.answered(value)) : WB.written(value);
  };

  /** Does a stored value hold anything the reader put there: words (not only spaces), a number, a mark? */
  WB.written = function (value) {
    if (typeof value === 'string') return value.trim() !== '';
    if (typeof value === 'number') return isFinite(value);
    if (!value || typeof value !== 'object') return false;
    var parts = Array.isArray(value) ? value : Object.keys(value).map(function (name) {
      return value[name];
    });
    return parts.some(WB.written);
  };

  /**
   * Put `el` under the page's title: after the progress line when there is one (the build writes it,
   * empty, on pages with prompts, so that filling it moves nothing), else right after the title.
   */
  WB.belowTitle = function (heading, el) {
    var next = heading.nextElementSibling;
    var after = next && next.classList.contains('wb-progress') ? next : heading;
    after.parentNode.insertBefore(el, after.nextSibling);
  };

  /** "3 of 8 answered on this page", under the page's title. */
  function progress() {
    var roots = document.querySelectorAll('.md-content [data-wb-prompt]');
    var heading = document.querySelector('.md-content__inner h1');
    var line = document.querySelector('.wb-progress');
    if (!roots.length || !heading || !WB.store || !WB.store.check().ok) {
      // The build's empty line, where it cannot be filled: gone, as if never there.
      if (line && !line.textContent) line.hidden = true;
      return;
    }
    if (!line) {
      line = document.createElement('p');
      line.className = 'wb-progress';
      heading.parentNode.insertBefore(line, heading.nextSibling);
    }
    var done = 0;
    for (var i = 0; i < roots.length; i++) {
      if (WB.answered(roots[i].getAttribute('data-module'), roots[i].getAttribute('data-wb-prompt'))) done++;
    }
    line.textContent = WB.tn('main.progress', done, { total: WB.number(roots.length) });
  }

  /**
   * "3 of 8" beside each page of prompts in the navigation (the map comes from the build);
   * after a save, only beside the page that holds `changed`, so typing does not re-read every answer.
   */
  function navProgress(changed) {
    var data = document.getElementById('wb-sections');
    var config = document.getElementById('__config');
    if (!data || !config || !WB.store || !WB.store.check().ok) return;
    var sections = JSON.parse(data.textContent);
    var root = new URL((JSON.parse(config.textContent).base || '.') + '/', location.href);
    // The build's empty marks (Material's page status, hooks/workbook.py) beside each page of prompts,
    // their room kept from the first paint.
    var marks = document.querySelectorAll('.md-nav--primary a > .md-status--wb-progress');
    for (var i = 0; i < marks.length; i++) {
      var mark = marks[i];
      var prompts = sections[new URL(mark.parentNode.href).pathname.slice(root.pathname.length)];
      if (!prompts || (changed && !prompts.some(function (prompt) {
        return prompt[0] === changed;
      }))) continue;
      var done = prompts.filter(function (prompt) {
        return WB.answered(prompt[1], prompt[0]);
      }).length;
      if (!mark.firstChild) {
        mark.classList.add('wb-nav-progress');
        mark.appendChild(document.createElement('span')).setAttribute('aria-hidden', 'true');
        mark.appendChild(document.createElement('span'));
        mark.appendChild(document.createElement('span')).className = 'wb-visually-hidden';
      }
      var complete = done === prompts.length;
      mark.classList.toggle('wb-nav-progress--done', complete);
      // "3 of 8", never "3/8": a UK reader takes 1/6 for a date. Heard as "3 of 8 answered".
      mark.children[0].textContent = complete ? '\u2713 ' : '';
      mark.children[1].textContent = WB.tn('main.nav_count', done, { total: WB.number(prompts.length) });
      mark.children[2].textContent = WB.t('main.nav_answered');
    }
  }

  /* ---- notes about keeping answers (notices.js, the bundle wb-notices, loaded when one is due) -- */
  /** Show WB.notices[name](arg) once its code has come. */
  function notice(name, arg) {
    Promise.resolve(WB.need(['wb-notices'])).then(function () {
      if (!WB.notices) throw new Error('the code for notes did not load');
      WB.notices[name](arg);
    }).catch(function (error) {
      if (window.console) console.error('wb: the note ' + name, error);
    });
  }

  /**
   * In WebKit, once, beside the first answer saved: this browser may delete answers
   * after a week away, and the two ways to keep them. Never again once shown.
   */
  function weekNotice(id) {
    if (!WB.keeping.weekRule() || document.querySelector('.wb-keeping')) return;
    if (WB.store.read('meta', 'keeping').state !== 'empty') return;
    var root = id && document.querySelector('.md-content [data-wb-prompt="' + id + '"]');
    if (root && root.querySelector('.wb-prompt__status')) notice('week', id);
  }

  /* ---- a gentle reminder to back up ------------------------------------- */
  var REMIND_AFTER = 7 * 24 * 3600 * 1000; // a week without a backup
  var QUIET_FOR = 3 * 24 * 3600 * 1000; // "not now" hides it for three days

  function metaTime(id, field) {
    var result = WB.store.read('meta', id);
    var value = result.state === 'ok' && result.record.value;
    var time = value && typeof value[field] === 'string' ? Date.parse(value[field]) : NaN;
    return isNaN(time) ? null : time;
  }

  /** Is a reminder to back up due: answers, and none backed up for a week (nor put off for three days)? */
  function reminder() {
    if (!WB.store || document.querySelector('.wb-reminder') || !WB.store.check().ok) return;
    // My answers says when the last backup was in its own backup box: a box put above its text would move the page.
    if (document.querySelector('.wb-review')) return;
    if (!document.querySelector('.md-content__inner h1') || !document.querySelector('meta[name="wb-answers-url"]')) return;
    var answers = WB.store.list('answer').filter(function (entry) {
      return entry.record;
    });
    if (!answers.length) return;
    var now = Date.now();
    var last = metaTime('backup', 'last');
    var quiet = metaTime('reminder', 'dismissed');
    var newest = Math.max.apply(null, answers.map(function (entry) {
      return Date.parse(entry.record.saved) || 0;
    }));
    var due = last === null ? true : now - last > REMIND_AFTER && newest > last;
    if (due && (quiet === null || now - quiet >= QUIET_FOR)) notice('reminder', last);
  }

  /* ---- opened from a folder on disk: say where answers live ------------ */
  function offlineNote() {
    var home = document.querySelector('meta[name="wb-page"][content="home"]');
    if (location.protocol !== 'file:' || !home || !document.querySelector('.md-content__inner h1')) return;
    if (!document.querySelector('.wb-offline-note')) notice('offline');
  }

  /* ---- readable offline after a first visit, installable as an app ------ */
  /**
   * Set up once the page has loaded: the worker's first install fetches the whole site, which
   * would otherwise compete with this page's own files and start-up on a slow phone.
   */
  function serviceWorker() {
    var meta = document.querySelector('meta[name="wb-service-worker"]');
    if (!meta || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
    navigator.serviceWorker.register(meta.getAttribute('content')).catch(function (error) {
      if (window.console) console.warn('wb: the offline copy could not be set up', error);
    });
  }

  /* ---- start every module once ----------------------------------------- */
  /**
   * While a module's code is on its way, nothing can be typed or chosen in it that its start
   * would then show over (its stored answer): it is inert, and busy for screen readers.
   */
  function hold(el, waiting) {
    el.inert = waiting;
    if (waiting) el.setAttribute('aria-busy', 'true');
    else el.removeAttribute('aria-busy');
  }

  /** The lock is on in this browser (its settings are stored) and its code is not here. */
  function lockMissing() {
    return !!WB.store && !WB.store.vault && WB.store.lockOn();
  }

  /**
   * What tells the reader where they are: the note for a folder on disk, the backup reminder, the
   * page's "3 of 8" and the navigation's. Again for the same page only when boxes have just come
   * alive (their code came late, or the lock's); in a task of its own, once however often the page
   * starts, so that a slow phone can answer a tap in between (the progress line's room is kept), and
   * the navigation's in another: together they held a slow phone for over 50 ms.
   */
  var decorated = null;
  var decorating = 0;
  function decorateSoon(again) {
    if (again) decorated = null;
    window.clearTimeout(decorating);
    decorating = window.setTimeout(decorate, 0);
  }

  function decorate() {
    var content = document.querySelector('.md-content');
    if (content && content === decorated) return;
    decorated = content;
    offlineNote();
    try {
      reminder();
    } catch (error) {
      if (window.console) console.error('wb: reminder', error);
    }
    progress();
    // The navigation's counts read every page's answers: a task of their own, after this page's line.
    window.setTimeout(function () {
      try {
        navProgress();
      } catch (error) {
        if (window.console) console.error('wb: progress in the navigation', error);
      }
    }, 0);
  }

  function start() {
    var elements = document.querySelectorAll('[data-module^="wb-"]');
    var names = Array.prototype.map.call(elements, function (el) {
      return el.getAttribute('data-module');
    });
    // The lock is on in this browser: every module waits for its code (which opens the answers, or shows them locked).
    var lockFirst = lockMissing();
    if (lockFirst) names.push('wb-lock');
    // Reached by instant navigation: this page's kinds (or My answers) may need their code first.
    var coming = WB.need(names);
    var waiting = !!coming;
    if (coming) coming.then(start);
    storageProblem();
    // Opened at a question: WebKit keeps no place as the boxes above it grow (place.js, the bundle wb-place).
    if (location.hash && !CSS.supports('overflow-anchor', 'auto')) WB.need(['wb-place']);
    var ready = [];
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i];
      if (el.hasAttribute('data-wb-init')) continue;
      var Module = WB.modules && WB.modules[el.getAttribute('data-module')];
      // Held only until the code has come, or could not: then the page as built is usable again
      // (with the lock's code missing, every box stays locked: storageProblem says why).
      hold(el, waiting && (!Module || lockFirst));
      if (waiting && lockFirst) continue;
      if (Module && WB.store) ready.push(el);
    }
    decorateSoon(ready.length > 0);
    queued = ready;
    startSome();
  }

  /**
   * Modules start in document order, in slices of about SLICE ms, each slice a task of its own,
   * so that a slow phone can answer a tap between them and its first screen is not held up by
   * boxes further down. One the reader reaches first (focus, a tap, typing or dropping words in)
   * starts at once, before the browser acts on it; printing starts them all.
   */
  var SLICE = 8; // ms
  var queued = [];

  function startModule(el) {
    var at = queued.indexOf(el);
    if (at === -1) return;
    queued.splice(at, 1);
    if (el.hasAttribute('data-wb-init') || !document.contains(el)) return;
    el.setAttribute('data-wb-init', '');
    try {
      new WB.modules[el.getAttribute('data-module')](el);
    } catch (error) {
      el.setAttribute('data-wb-init', 'failed');
      if (window.console) console.error('wb: could not start ' + el.getAttribute('data-module'), error);
    }
  }

  function startSome() {
    var until = Date.now() + SLICE;
    while (queued.length) {
      startModule(queued[0]);
      if (Date.now() >= until) return window.setTimeout(startSome, 0);
    }
  }

  function startNow(event) {
    if (event.target.closest) startModule(event.target.closest('[data-module^="wb-"]'));
  }
  ['focusin', 'pointerdown', 'beforeinput'].forEach(function (type) {
    document.addEventListener(type, startNow, true);
  });
  window.addEventListener('beforeprint', function () {
    while (queued.length) startModule(queued[0]);
  });

  WB.start = start;
  if (document.readyState === 'complete') serviceWorker();
  else window.addEventListener('load', serviceWorker);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
  if (window.document$ && typeof window.document$.subscribe === 'function') {
    window.document$.subscribe(start);
  }
  // Writes the browser lost (killed before it wrote localStorage to disk) come back, and
  // every box shows them (unless the reader is already writing there: see WB.Saver).
  // Then, with the lock on, this tab's session key opens the answers (or the page stays locked).
  // Kept as WB.journal.done: resolves with the keys put back ([] when none, or no journal).
  var replayed = WB.journal ? WB.journal.replay().catch(function () {
    return [];
  }) : Promise.resolve([]);
  var done = replayed.then(function (keys) {
    return lockMissing() ? (WB.need(['wb-lock']) || Promise.resolve()).then(function () {
      return keys;
    }) : keys;
  }).then(function (keys) {
    var vault = WB.store && WB.store.vault;
    var opened = vault && vault.on() && !vault.key ? vault.resume() : Promise.resolve();
    return opened.then(function () {
      if (keys.length && WB.replayed) WB.replayed(keys);
      return keys;
    });
  }).catch(function (error) {
    if (window.console) console.error('wb: opening the answers', error);
    return [];
  });
  if (WB.journal) WB.journal.done = done;

  // Another tab turned the lock on, and this page has no lock code: from now on nothing the lock
  // seals is written here (storage.js refuses; each box keeps what is typed and waits), the code
  // comes, then the page goes on as when the lock's code hears it itself (locked, until unlocked here).
  window.addEventListener('storage', function (event) {
    var store = WB.store;
    if (!store || store.vault || event.key !== store.key('lock', 'config') || event.newValue === null) return;
    document.dispatchEvent(new CustomEvent('wb:lock', { detail: { state: 'locked' } }));
    (WB.need(['wb-lock']) || Promise.resolve()).then(function () {
      if (WB.store.vault) WB.store.vault.heard(event);
      else storageProblem();
    });
  });
})(window, document);
