/*
 * WB.copies: the answers as a readable document, for supervision. Each takes
 * {title, date, sections: [{title, prompts: [{id, text, answer (null: not answered),
 *  versions (optional: the earlier versions chosen, [{kept (in words), answer}], newest first)}]}]}: the
 * answered questions only, unless the reader asks for every one (review.js chooses).
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  // A copy with no answers in it (none yet, or none in the section chosen) says so.
  function none() {
    return WB.t('copies.no_answers');
  }

  function asText(doc) {
    var out = [doc.title, doc.date, ''];
    if (!doc.sections.length) out.push(none());
    doc.sections.forEach(function (section) {
      out.push('', section.title, section.title.replace(/./g, '='), '');
      section.prompts.forEach(function (prompt) {
        out.push(prompt.id + ' ' + prompt.text, '', prompt.answer === null ? WB.t('copies.not_answered') : prompt.answer, '');
        (prompt.versions || []).forEach(function (version) {
          out.push(WB.t('copies.earlier_version', { kept: version.kept }) + ':', '', version.answer, '');
        });
      });
    });
    return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
  }

  /**
   * A reader's words as Markdown that shows them as written: no HTML, link,
   * image, emphasis, heading, list or quote can come from an answer.
   */
  function inlineText(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([\\`*_\[\]!|~])/g, '\\$1');
  }

  function markdownText(text) {
    return inlineText(text)
      .split('\n').map(function (line) {
        return line
          .replace(/^(\s*)([#+=-])/, '$1\\$2')
          .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3')
          .replace(/^( {4,}|\t)/, function (indent) {
            return indent.replace(/ /g, '&#32;').replace(/\t/g, '&#9;');
          });
      }).join('\n');
  }

  function asMarkdown(doc) {
    var out = ['# ' + inlineText(doc.title), '', markdownText(doc.date), ''];
    if (!doc.sections.length) out.push(none(), '');
    doc.sections.forEach(function (section) {
      out.push('## ' + inlineText(section.title), '');
      section.prompts.forEach(function (prompt) {
        out.push('### ' + inlineText(prompt.id + ' ' + prompt.text), '');
        out.push(prompt.answer === null ? '*' + inlineText(WB.t('copies.not_answered')) + '*' : markdownText(prompt.answer).replace(/\n/g, '  \n'), '');
        (prompt.versions || []).forEach(function (version) {
          out.push('*' + inlineText(WB.t('copies.earlier_version', { kept: version.kept })) + ':*', '', markdownText(version.answer).replace(/\n/g, '  \n'), '');
        });
      });
    });
    return out.join('\n');
  }

  function escapeHtml(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  /**
   * A web page, written as text: building it in a DOM document here would put
   * an inline <style> under this page's Content-Security-Policy.
   */
  function asHtml(doc) {
    var out = [];
    var add = function (tag, text, className) {
      out.push('<' + tag + (className ? ' class="' + className + '"' : '') + '>' + escapeHtml(text) + '</' + tag + '>');
    };
    add('h1', doc.title);
    add('p', doc.date);
    if (!doc.sections.length) add('p', none(), 'none');
    doc.sections.forEach(function (section) {
      add('h2', section.title);
      section.prompts.forEach(function (prompt) {
        add('h3', prompt.id + ' ' + prompt.text);
        if (prompt.answer === null) add('p', WB.t('copies.not_answered'), 'none');
        else add('p', prompt.answer, 'answer');
        (prompt.versions || []).forEach(function (version) {
          add('h4', WB.t('copies.earlier_version', { kept: version.kept }));
          add('p', version.answer, 'answer');
        });
      });
    });
    return '<!doctype html>\n<html lang="' + escapeHtml(document.documentElement.lang || 'en') + '"><head><meta charset="utf-8">' +
      '<title>' + escapeHtml(doc.title) + '</title>' +
      '<style>body{font:1.1em/1.5 system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em}' +
      '.answer{white-space:pre-wrap}.none{font-style:italic}</style></head><body>\n' + out.join('\n') + '\n</body></html>\n';
  }

  WB.copies = { text: asText, markdown: asMarkdown, html: asHtml };
})(window, document);
