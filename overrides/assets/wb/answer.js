/*
 * data-module="wb-answer": one prompt's answer box. The text is saved through
 * WB.Saver as the reader types; a hidden copy of it is what prints.
 */
(function (window) {
  'use strict';

  var WB = (window.WB = window.WB || {});

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
      valid: function (value) {
        return typeof value === 'string';
      },
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

  WB.modules = WB.modules || {};
  WB.modules['wb-answer'] = Answer;
})(window);
