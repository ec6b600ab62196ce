/*
 * My answers (review.js): readable copies of the answers (copied, or as a text,
 * Markdown or web page file: WB.copies writes them) and printing (print.js).
 */
WB.Review.part(function (Review, kit) {
  'use strict';

  Review.prototype.chosenSections = function () {
    var value = this.scope.value;
    return this.sections.filter(function (section) {
      return value === 'all' || section.number === value;
    });
  };

  /**
   * The answers as a document: {title, sections: [{title, prompts: [{id, text, answer}]}]}:
   * the answered questions only, unless the reader asks for every one. An answer
   * in capitals on its page is in capitals here too.
   */
  Review.prototype.document = function () {
    var answers = this.answers();
    var every = this.root.querySelector('#wb-review-copy-all').checked;
    var self = this;
    return {
      title: WB.t('review.copy.title', { workbook: this.siteName }),
      date: WB.day(new Date()),
      sections: this.chosenSections().map(function (section) {
        return {
          title: section.title,
          prompts: section.prompts.map(function (prompt) {
            var answer = self.answerText(prompt.id, answers[prompt.id]);
            var capitals = function (text) {
              return text !== null && prompt.capitals ? text.toUpperCase() : text;
            };
            var versions = WB.versionsReview.forCopy(prompt.id, WB.kinds[prompt.kind], prompt.el);
            return { id: prompt.id, text: prompt.text, answer: capitals(answer), versions: versions && versions.map(function (version) {
              return { kept: version.kept, answer: capitals(version.answer) };
            }) };
          }).filter(function (prompt) {
            return every || prompt.answer !== null || !!(prompt.versions && prompt.versions.length);
          })
        };
      }).filter(function (section) {
        return section.prompts.length;
      })
    };
  };

  Review.prototype.readable = function (action) {
    var doc = this.document();
    var name = WB.t('review.copy.file_name', { workbook: WB.workbook, date: kit.isoDay(new Date()) });
    var self = this;
    if (action === 'copy-text') {
      WB.copyText(WB.copies.text(doc)).then(function (copied) {
        if (copied) self.say(WB.t('review.copy.copied'));
        else self.refuse(WB.t('review.copy.copy_failed'), WB.t('review.copy.copy_failed_title'));
      });
    } else if (action === 'download-text') {
      kit.download(name + '.txt', 'text/plain;charset=utf-8', WB.copies.text(doc));
      this.say(WB.t('review.copy.downloading_text', { name: name + '.txt' }));
    } else if (action === 'download-markdown') {
      kit.download(name + '.md', 'text/markdown;charset=utf-8', WB.copies.markdown(doc));
      this.say(WB.t('review.copy.downloading_markdown', { name: name + '.md' }));
    } else {
      kit.download(name + '.html', 'text/html;charset=utf-8', WB.copies.html(doc));
      this.say(WB.t('review.copy.downloading_html', { name: name + '.html' }));
    }
  };

  ['copy-text', 'download-text', 'download-markdown', 'download-html'].forEach(function (action) {
    Review.on(action, function () {
      this.readable(action);
    });
  });

  Review.on('print', function () {
    window.print();
  });

  // The lines to write on under each question are made at the first blank printout: the page does not
  // carry six elements a question for every reader who opens it.
  var LINES = 6;

  Review.on('print-blank', function () {
    var blanks = this.root.querySelectorAll('.wb-review__blank');
    for (var i = 0; i < blanks.length; i++) {
      for (var line = blanks[i].querySelectorAll('.wb-review__line').length; line < LINES; line++) {
        blanks[i].appendChild(kit.E('span', 'wb-review__line'));
      }
    }
    document.documentElement.classList.add('wb-print-blank');
    window.print();
  });
});
