/*
 * WB.place: a page opened at a question (a link from My answers' "Not answered yet", the contents, a link
 * someone shared) keeps that question in view while the answers above it are filled in and their boxes grow,
 * until the reader scrolls, taps or presses a key. Chromium and Firefox do this themselves (scroll anchoring);
 * WebKit, the engine of every browser on an iPhone, does not: main.js loads this bundle (wb-place) there only,
 * the first time a page is opened at a question.
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});

  // What the reader does to move: after it, the view is theirs.
  var MOVES = ['wheel', 'touchstart', 'pointerdown', 'keydown', 'hashchange'];
  var watched = null;

  /** Keep the element `location.hash` names at the top of the view as the page grows; stop at the reader's first move. */
  WB.place = function () {
    var name = '';
    try {
      name = decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      return; // not a name any element can have
    }
    var target = name && document.getElementById(name);
    if (!target || target === watched || !window.ResizeObserver) return; // the page starts more than once
    watched = target;
    var watch = new ResizeObserver(function () {
      // Gone with its page (instant navigation): nothing more to keep.
      if (document.contains(target)) target.scrollIntoView({ block: 'start' });
      else stop();
    });
    var stop = function () {
      watch.disconnect();
      MOVES.forEach(function (type) {
        window.removeEventListener(type, stop, true);
      });
    };
    MOVES.forEach(function (type) {
      window.addEventListener(type, stop, true);
    });
    watch.observe(document.body);
  };

  WB.place();
  // Each page opened by instant navigation (Material's document$; its latest page comes again at once: no matter).
  if (window.document$ && typeof window.document$.subscribe === 'function') window.document$.subscribe(WB.place);
})(window, document);
