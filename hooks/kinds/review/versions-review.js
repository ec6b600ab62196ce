/*
 * WB.versionsReview: earlier versions on My answers (review.js calls these): listed under
 * each answer, asked about when answers are cleared, and in readable copies when chosen.
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});

  /** Under a prompt on My answers: its earlier versions, folded, newest first. */
  function list(box, id, rules, el) {
    var found = WB.versions.read(id).list;
    if (!found.length || !rules) return;
    var E = WB.versions.element;
    var details = box.appendChild(E('details', 'wb-versions wb-versions--review'));
    details.appendChild(E('summary', '', WB.tn('versions.review.summary', found.length)));
    var entries = details.appendChild(E('ol', 'wb-versions__entries'));
    found.slice().reverse().forEach(function (entry) {
      var item = entries.appendChild(E('li', 'wb-versions__entry'));
      item.appendChild(E('p', 'wb-versions__date')).appendChild(E('strong', '', WB.t('versions.kept_on', { when: WB.versions.day(entry.kept) })));
      if (rules.valid(entry.value)) item.appendChild(WB.versions.show(rules, entry.value, el));
    });
  }

  /** How many versions these prompts keep. */
  function count(ids) {
    return ids.reduce(function (n, id) {
      return n + WB.versions.read(id).list.length;
    }, 0);
  }

  /**
   * For the "Clear answers" question: a checkbox "also delete their earlier versions", unticked
   * (the versions stay unless the reader says otherwise), or null when there are none.
   */
  function clearChoice(ids, all) {
    var n = all ? Object.keys(WB.versions.all()).reduce(function (sum, id) {
      return sum + WB.versions.all()[id].length;
    }, 0) : count(ids);
    if (!n) return null;
    var E = WB.versions.element;
    var row = E('p', 'wb-versions__choice');
    var input = row.appendChild(E('input'));
    input.type = 'checkbox';
    input.id = 'wb-review-clear-versions';
    input.name = 'wb-review-clear-versions';
    var label = row.appendChild(E('label', '', all || ids.length > 1
      ? WB.tn('versions.review.clear_these_answers', n)
      : WB.tn('versions.review.clear_this_answer', n)));
    label.htmlFor = input.id;
    return row;
  }

  /** Did the reader tick "also delete the earlier versions" in this dialog? */
  function clearChosen(dialog) {
    var box = dialog.querySelector('#wb-review-clear-versions');
    return !!box && box.checked;
  }

  /** A checkbox beside the choice of sections for readable copies: include earlier versions. */
  function copyOption(scope) {
    var holder = scope && scope.parentNode;
    if (!holder || holder.parentNode.querySelector('#wb-review-copy-versions')) return;
    var E = WB.versions.element;
    var row = E('p', 'wb-versions__choice');
    var input = row.appendChild(E('input'));
    input.type = 'checkbox';
    input.id = 'wb-review-copy-versions';
    var label = row.appendChild(E('label', '', WB.t('versions.review.include_in_copies')));
    label.htmlFor = input.id;
    holder.parentNode.insertBefore(row, holder.nextSibling);
  }

  /** A prompt's earlier versions for a readable copy, when chosen: [{kept (in words), answer}] or undefined. */
  function forCopy(id, rules, el) {
    var box = document.getElementById('wb-review-copy-versions');
    if (!box || !box.checked || !rules) return undefined;
    return WB.versions.read(id).list.slice().reverse().filter(function (entry) {
      return rules.valid(entry.value);
    }).map(function (entry) {
      return { kept: WB.versions.day(entry.kept), answer: rules.text(entry.value, el) };
    });
  }

  WB.versionsReview = {
    list: list,
    clearChoice: clearChoice,
    clearChosen: clearChosen,
    copyOption: copyOption,
    forCopy: forCopy
  };
})(window, document);
