/*
 * data-module="wb-answer": one prompt's answer box. The text is saved through
 * WB.Saver as the reader types; a hidden copy of it is what prints.
 */
(function (window) {
  'use strict';

  var WB = (window.WB = window.WB || {});

  /** What a text answer is, for every part of the site that reads answers. */
  var KIND = {
    valid: function (value) {
      return typeof value === 'string';
    },
    answered: function (value) {
      return value.trim() !== '';
    },
    text: function (value) {
      return value;
    },
    /** The words in a stored value that may not be valid (one kept aside), or null: here, any text. */
    words: function (value) {
      return typeof value === 'string' ? value : null;
    },
    /** Keep both: mine, then the backup's under a dated line. */
    merge: function (mine, theirs, el, created) {
      return WB.backup.joined(mine, theirs, created);
    }
  };

  function Answer(root) {
    var input = root.querySelector('.wb-prompt__answer');
    var mirror = root.querySelector('.wb-prompt__print');
    if (!input || !mirror) throw new Error('wb-answer: incomplete prompt markup');

    function show(value) {
      input.value = value || '';
      mirror.textContent = input.value;
      WB.grow(input);
    }

    var saver = new WB.Saver(root, {
      id: root.getAttribute('data-wb-prompt'),
      value: function () {
        return input.value;
      },
      text: function () {
        return input.value;
      },
      // What was typed before this script ran (the page's own box is empty; autocomplete is off).
      early: function () {
        return input.value !== input.defaultValue ? input.value : '';
      },
      valid: KIND.valid,
      show: show,
      saved: function (value) {
        mirror.textContent = value;
      }
    });

    input.addEventListener('input', function () {
      WB.grow(input);
      saver.edited();
    });
    WB.grow(input);
    saver.restore();
  }

  WB.register('wb-answer', Answer, KIND);
})(window);
