/*
 * WB.copies: the answers as a readable document, for supervision. Each takes
 * {title, date, sections: [{title, prompts: [{id, text, answer (null: not answered)}]}]}.
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});

  function asText(doc) {
    var out = [doc.title, doc.date, ''];
    doc.sections.forEach(function (section) {
      out.push('', section.title, section.title.replace(/./g, '='), '');
      section.prompts.forEach(function (prompt) {
        out.push(prompt.id + ' ' + prompt.text, '', prompt.answer === null ? '(Not answered)' : prompt.answer, '');
      });
    });
    return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
  }

  function asMarkdown(doc) {
    var out = ['# ' + doc.title, '', doc.date, ''];
    doc.sections.forEach(function (section) {
      out.push('## ' + section.title, '');
      section.prompts.forEach(function (prompt) {
        out.push('### ' + prompt.id + ' ' + prompt.text, '');
        out.push(prompt.answer === null ? '*(Not answered)*' : prompt.answer.replace(/\n/g, '  \n'), '');
      });
    });
    return out.join('\n');
  }

  function asHtml(doc) {
    var page = document.implementation.createHTMLDocument(doc.title);
    var style = page.createElement('style');
    style.textContent = 'body{font:1.1em/1.5 system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em}' +
      '.answer{white-space:pre-wrap}.none{font-style:italic}';
    page.head.appendChild(style);
    var add = function (tag, text, className) {
      var node = page.createElement(tag);
      node.textContent = text;
      if (className) node.className = className;
      page.body.appendChild(node);
    };
    add('h1', doc.title);
    add('p', doc.date);
    doc.sections.forEach(function (section) {
      add('h2', section.title);
      section.prompts.forEach(function (prompt) {
        add('h3', prompt.id + ' ' + prompt.text);
        if (prompt.answer === null) add('p', '(Not answered)', 'none');
        else add('p', prompt.answer, 'answer');
      });
    });
    return '<!doctype html>\n' + page.documentElement.outerHTML;
  }

  WB.copies = { text: asText, markdown: asMarkdown, html: asHtml };
})(window, document);
