/*
 * The interface's words, from the catalogue of the site's language (hooks/locales/<language>.yml,
 * which the build puts in front of this file as WB_STRINGS), and dates, counts and plurals made by
 * the browser's Intl for that catalogue's locale (its key "locale", e.g. "en-GB").
 *
 *   WB.t('saver.saved_today', { time: WB.time(date) })   a text, its {placeholders} filled
 *   WB.tn('summary.answered', 3, { total: 8 })            a count: the plural form, {count} filled
 *   WB.tf('main.backup_due', { link: a })                 a fragment: a placeholder may be a node
 *   WB.day(date)        "27 November 2026"    WB.dayMonth(date)   "27 November"
 *   WB.time(date)       "14:02"               WB.number(1234)     "1,234"
 *   WB.shortDay(date)   "3 October" this year, with the year another   WB.isToday(date)
 *
 * Keys are always written out in full in the code (never built from parts), so that a test can
 * check that every key used exists and every key in the catalogue is used.
 */
(function (window) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var strings = window.WB_STRINGS || {};
  var PLACEHOLDER = /\{([a-z_]+)\}/g;

  /**
   * The catalogue's locales ("cy-GB, en-GB"), most wanted first: each of the browser's Intl formats
   * takes the first it has the data of (where it has none, the browser's own). Made on first use,
   * each on its own: waking the browser's number or date formatting takes tens of milliseconds on a
   * slow phone (its plural rules far less), which a page's start need not spend.
   */
  var intl = null;
  function rules() {
    if (!intl) {
      var tags = String(strings.locale || 'en').split(',').map(function (tag) {
        return tag.trim();
      });
      try {
        tags = Intl.getCanonicalLocales(tags);
      } catch (error) {
        tags = undefined; // not a locale: the browser's own
      }
      intl = { tags: tags, plurals: new Intl.PluralRules(tags), numbers: null, formats: {} };
    }
    return intl;
  }

  /** "3", "1,234": a small whole number as it is where the locale writes 0-9 (the build says: WB_LATIN_DIGITS). */
  function number(value) {
    if (window.WB_LATIN_DIGITS === true && value === Math.floor(value) && Math.abs(value) < 1000) return String(value);
    var found = rules();
    if (!found.numbers) found.numbers = new Intl.NumberFormat(found.tags);
    return found.numbers.format(value);
  }

  /** The value of the placeholder {name} in the text of `key`: a mistake in the code where it is not given. */
  function valueOf(key, values, name) {
    if (!values || !(name in values)) throw new Error('wb: the text ' + key + ' needs a value for {' + name + '}');
    return values[name];
  }

  function fill(text, key, values) {
    return text.replace(PLACEHOLDER, function (whole, name) {
      return String(valueOf(key, values, name));
    });
  }

  function text(key) {
    if (typeof strings[key] !== 'string') throw new Error('wb: no interface text ' + key);
    return strings[key];
  }

  function t(key, values) {
    return fill(text(key), key, values);
  }

  /** The text as a DocumentFragment: a value that is a Node (a link, a button) stands in its place. */
  function tf(key, values) {
    var fragment = document.createDocumentFragment();
    text(key).split(PLACEHOLDER).forEach(function (part, n) {
      var value = n % 2 ? valueOf(key, values, part) : part;
      fragment.appendChild(value instanceof Node ? value : document.createTextNode(String(value)));
    });
    return fragment;
  }

  function tn(key, count, values) {
    var forms = strings[key];
    if (!forms || typeof forms !== 'object') throw new Error('wb: no counted interface text ' + key);
    var all = {};
    for (var name in values || {}) all[name] = values[name];
    all.count = number(count);
    var form = forms[count === 0 && 'zero' in forms ? 'zero' : rules().plurals.select(count)];
    return fill(typeof form === 'string' ? form : forms.other, key, all);
  }

  function asDate(value) {
    return value instanceof Date ? value : new Date(value);
  }

  function format(options, date) {
    var name = JSON.stringify(options);
    var found = rules();
    if (!found.formats[name]) found.formats[name] = new Intl.DateTimeFormat(found.tags, options);
    return found.formats[name].format(asDate(date));
  }

  WB.t = t;
  WB.tn = tn;
  WB.tf = tf;
  WB.number = number;
  WB.day = function (date) {
    return format({ day: 'numeric', month: 'long', year: 'numeric' }, date);
  };
  WB.dayMonth = function (date) {
    return format({ day: 'numeric', month: 'long' }, date);
  };
  WB.time = function (date) {
    return format({ hour: '2-digit', minute: '2-digit' }, date);
  };
  /** Is `date` today, where the reader is? */
  WB.isToday = function (date) {
    return asDate(date).toDateString() === new Date().toDateString();
  };
  /** "3 October" this year, "3 October 2025" another. */
  WB.shortDay = function (date) {
    return asDate(date).getFullYear() === new Date().getFullYear() ? WB.dayMonth(date) : WB.day(date);
  };
})(window);
