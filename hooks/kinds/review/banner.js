/*
 * WB.Banner: the result of an action, at the top of the page's content (GOV.UK's
 * notification banner). One banner at a time; a new result replaces the last.
 *
 *   var banner = new WB.Banner(root);   // root: an element of the page's content
 *   banner.show('success' | 'problem' | 'info', heading, [nodes], [{focus: false}]);
 *   banner.clear();
 *
 * A success is a role="status" region, a problem a role="alert"; both get the
 * focus (tabindex=-1), so that the reader sees and hears the result wherever on
 * the page they acted. "info" (e.g. an undo still on offer when the page opens)
 * is shown without taking the focus.
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  /** The banner's title, by its kind. */
  function titles() {
    return { success: WB.t('banner.success'), problem: WB.t('banner.problem'), info: WB.t('banner.info') };
  }
  var count = 0;

  function Banner(root) {
    this.root = root;
    this.id = 'wb-banner-' + ++count;
    this.holder = document.createElement('div');
    this.holder.className = 'wb-banner-holder';
    var content = root.closest('.md-content__inner') || root.parentNode;
    var title = content.querySelector('h1');
    if (title && title.parentNode === content) content.insertBefore(this.holder, title);
    else content.insertBefore(this.holder, content.firstChild);
    this.el = null;
  }

  /** The banner's element, made afresh so that its role is announced as it appears. */
  Banner.prototype.show = function (kind, heading, nodes, options) {
    var titled = titles()[kind];
    if (!titled) throw new Error('wb: no banner of kind ' + kind);
    this.clear();
    var el = WB.element('div', 'wb-banner wb-banner--' + kind);
    el.setAttribute('role', kind === 'problem' ? 'alert' : kind === 'success' ? 'status' : 'region');
    el.setAttribute('aria-labelledby', this.id + '-title');
    el.tabIndex = -1;
    var header = WB.element('div', 'wb-banner__header');
    var title = WB.element('h2', 'wb-banner__title', titled);
    title.id = this.id + '-title';
    header.appendChild(title);
    el.appendChild(header);
    var body = WB.element('div', 'wb-banner__content');
    if (heading) body.appendChild(WB.element('p', 'wb-banner__heading', heading));
    (nodes || []).forEach(function (node) {
      body.appendChild(node);
    });
    el.appendChild(body);
    this.holder.appendChild(el);
    this.el = el;
    if (!options || options.focus !== false) el.focus();
    return el;
  };

  Banner.prototype.clear = function () {
    this.holder.textContent = '';
    this.el = null;
  };

  /** The banner's text, or '' when none shows. */
  Banner.prototype.text = function () {
    return this.el ? this.el.textContent : '';
  };

  WB.Banner = Banner;
})(window, document);
