/*
 * WB.reviewPrint(review): My answers on paper. By default only the answered
 * questions, compactly, under a header line: the workbook's name, "Answers
 * printed on <date>" and, when the reader types one, their name. A checkbox
 * prints every question instead. The name is kept only in this browser (a
 * "meta" key of the workbook: cleared with the answers, never in a backup).
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var NAME = 'print-name';

  function storedName() {
    var found = WB.store.read('meta', NAME);
    return found.state === 'ok' && typeof found.record.value === 'string' ? found.record.value : '';
  }

  function keepName(field) {
    var name = field.value.replace(/^\s+|\s+$/g, '');
    // Nothing to keep: nothing stays behind. A failed write only means the name is asked again next time.
    if (name) WB.store.write('meta', NAME, name);
    else WB.store.remove('meta', NAME);
  }

  /** The header line, filled as the page prints (not before: a first date costs a slow phone a moment). */
  function header(review, line, name) {
    line.textContent = '';
    line.appendChild(WB.element('strong', '', review.siteName));
    line.appendChild(document.createTextNode(' · ' + WB.t('print.printed_on', { date: WB.day(new Date()) })));
    if (name) line.appendChild(document.createTextNode(' · ' + name));
  }

  function reviewPrint(review) {
    var root = review.root;
    var field = root.querySelector('#wb-review-print-name');
    var every = root.querySelector('#wb-review-print-all');
    var line = root.querySelector('.wb-review__print-header');
    var html = document.documentElement;
    var fold = null;
    // On paper, under the header, where nothing would print (no answer kept, every question not asked for).
    var none = WB.element('p', 'wb-review__print-none', WB.t('print.no_answers'));
    none.hidden = true;
    line.parentNode.insertBefore(none, line.nextSibling);
    field.value = storedName();
    field.addEventListener('input', function () {
      keepName(field);
    });
    window.addEventListener('beforeprint', function () {
      if (!document.contains(root)) return;
      header(review, line, field.value.replace(/^\s+|\s+$/g, ''));
      none.hidden = every.checked || !!root.querySelector(
        '.wb-review__section:not(.wb-review__section--empty), .wb-review__orphans:not([hidden]), .wb-review__asides:not([hidden])');
      html.classList.toggle('wb-print-every', every.checked);
      if (!fold) fold = WB.summary.unfold(root);
    });
    window.addEventListener('afterprint', function () {
      html.classList.remove('wb-print-every');
      if (fold) fold();
      fold = null;
    });
    // After "Clear all my answers" (the name goes with them), or a change in another tab: what is kept now.
    return {
      refresh: function () {
        if (document.activeElement === field) return;
        field.value = storedName();
      }
    };
  }

  WB.reviewPrint = reviewPrint;
})(window, document);
