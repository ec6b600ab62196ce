/*
 * WB.summary: My answers as a summary a reader scans (GOV.UK's task list):
 * each section a row with its status, its answers folded behind "Show your 3
 * answers", the questions not answered yet behind their count, each a link back
 * to its question. review.js fills the answers; this says what each row shows.
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var E = function (tag, className, text) {
    return WB.element(tag, className, text);
  };

  /** A section's status: "Not started", "3 of 8 answered", "Completed". */
  function status(done, total) {
    if (!done) return WB.t('summary.not_started');
    return done === total ? WB.t('summary.completed') : WB.tn('summary.answered_of', done, { total: WB.number(total) });
  }

  /**
   * Show a section's row as its answers stand: `section` {el, prompts}, `done` answered,
   * `shown` listed under it (answered, or with earlier versions of a cleared answer),
   * `unanswered` the prompts not answered yet.
   */
  function section(section, done, shown, unanswered) {
    if (shown === undefined) shown = done;
    var total = section.prompts.length;
    var el = section.el;
    var progress = el.querySelector('.wb-review__progress');
    progress.textContent = '';
    var tag = E('strong', 'wb-tag', status(done, total));
    if (done === total) tag.classList.add('wb-tag--done');
    else if (!done) tag.classList.add('wb-tag--none');
    progress.appendChild(tag);
    var answers = el.querySelector('.wb-review__answers');
    answers.hidden = !shown;
    answers.querySelector('.wb-review__summary').textContent = !done ? WB.t('summary.show_earlier_versions')
      : WB.tn('summary.show_answers', done);
    el.querySelector('.wb-review__section-actions').hidden = !done;
    el.classList.toggle('wb-review__section--empty', !done);
    var todo = el.querySelector('.wb-review__unanswered');
    todo.hidden = done === total;
    todo.querySelector('.wb-review__summary').textContent = WB.tn('summary.not_answered', total - done);
    section.unanswered = unanswered;
    if (todo.open) links(section);
  }

  /**
   * The links to the questions not answered yet, each a copy of its question's own link above.
   * Those already there stay, so that a link in focus keeps it as another tab saves an answer.
   */
  function links(section) {
    var list = section.el.querySelector('.wb-review__todo');
    var wanted = {};
    section.unanswered.forEach(function (prompt) {
      wanted[prompt.id] = true;
    });
    Array.prototype.slice.call(list.children).forEach(function (item) {
      if (!wanted[item.getAttribute('data-wb-review-todo')]) list.removeChild(item);
    });
    section.unanswered.forEach(function (prompt, at) {
      var item = list.children[at];
      if (item && item.getAttribute('data-wb-review-todo') === prompt.id) return;
      item = E('li');
      item.setAttribute('data-wb-review-todo', prompt.id);
      item.appendChild(prompt.el.querySelector('.wb-review__question a').cloneNode(true));
      list.insertBefore(item, list.children[at] || null);
    });
  }

  /**
   * The links are made as the list opens (its click comes before it opens, so it
   * never shows empty), not carried in the page: it would hold every question twice.
   */
  function watch(section) {
    var todo = section.el.querySelector('.wb-review__unanswered');
    todo.querySelector('.wb-review__summary').addEventListener('click', function () {
      if (!todo.open && section.unanswered) links(section);
    });
    todo.addEventListener('toggle', function () {
      if (todo.open && section.unanswered) links(section);
    });
  }

  /**
   * An answer to a question this workbook no longer has: under the question's own
   * words where the answer kept them (saver.js stores them with it), else its number.
   */
  function orphan(id, record, text, meta) {
    var item = E('div', 'wb-review__prompt wb-review__prompt--answered');
    item.setAttribute('data-wb-orphan', id);
    var heading = E('h3', 'wb-review__question');
    heading.appendChild(E('span', 'wb-prompt__number', id));
    var words = typeof record.prompt === 'string' && record.prompt.trim() ? record.prompt.trim() : '';
    heading.appendChild(document.createTextNode(' ' + (words || WB.t('summary.words_not_kept'))));
    item.appendChild(heading);
    item.appendChild(E('p', 'wb-review__text', text));
    item.appendChild(meta);
    return item;
  }

  /** Open the folded answers for paper (the questions not answered yet never print), and fold them back afterwards. */
  function unfold(root) {
    var closed = [];
    var parts = root.querySelectorAll('details.wb-review__answers:not([open])');
    for (var i = 0; i < parts.length; i++) {
      parts[i].open = true;
      closed.push(parts[i]);
    }
    return function () {
      closed.forEach(function (part) {
        part.open = false;
      });
    };
  }

  WB.summary = { section: section, watch: watch, orphan: orphan, status: status, unfold: unfold };
})(window, document);
