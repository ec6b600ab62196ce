/*
 * The code a page needs, beyond the core (this file is part of it). Each page's own <script>
 * tags load the core and the bundles of what it holds (hooks/wb_bundles.py). A page reached
 * by Material's instant navigation runs none of its scripts: main.js asks here for what it
 * lacks, and the files are loaded one after another, in the order of WB_BUNDLES (a map by
 * module the build puts in front of the core), from beside the core: at any path, and from
 * file:// in the offline folder. Their stylesheets (WB_STYLES) come first, each linked in
 * <head> where the cascade's order puts it (the core's first, then the bundles' in order).
 * Material's navigation copies the new page's <head> links itself, but does not wait for them:
 * one not loaded yet is linked again here (the browser fetches it once), to be waited for.
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var HERE = document.currentScript && document.currentScript.src;
  var fetched = {};
  var loading = null;

  function fileOf(src) {
    return src.split(/[?#]/)[0].split('/').pop();
  }

  function styleOrder() {
    return (window.WB_STYLES && window.WB_STYLES.order) || [];
  }

  /** Our stylesheets in <head> (the core's, the bundles'), as [element, rank in the cascade]. */
  function ourStyles() {
    var order = styleOrder();
    var found = [];
    var links = document.querySelectorAll('link[rel="stylesheet"][href]');
    for (var i = 0; i < links.length; i++) {
      var rank = order.indexOf(fileOf(links[i].href));
      if (rank !== -1) found.push([links[i], rank]);
    }
    return found;
  }

  /** A bundle's stylesheet, before the first of ours that comes after it in the cascade, else after the last. */
  function placeStyle(link, file) {
    var rank = styleOrder().indexOf(file);
    var ours = ourStyles();
    var later = ours.filter(function (pair) {
      return pair[1] > rank;
    })[0];
    var last = ours[ours.length - 1];
    if (later) later[0].parentNode.insertBefore(link, later[0]);
    else if (last) last[0].parentNode.insertBefore(link, last[0].nextSibling);
    else document.head.appendChild(link);
  }

  function loadFile(file, resolve, reject) {
    var style = /\.css$/.test(file);
    var element = document.createElement(style ? 'link' : 'script');
    var url = new URL(file, HERE || location.href).href;
    element.onload = resolve;
    element.onerror = function () {
      reject(new Error('could not load ' + file));
    };
    if (!style) {
      element.src = url;
      document.body.appendChild(element);
      return;
    }
    element.rel = 'stylesheet';
    element.href = url;
    placeStyle(element, file);
  }

  function loadFiles(files) {
    return files.reduce(function (done, file) {
      return done.then(function () {
        if (fetched[file]) return null;
        fetched[file] = true;
        return new Promise(function (resolve, reject) {
          loadFile(file, resolve, reject);
        });
      });
    }, Promise.resolve());
  }

  /** The files the modules named need and do not have yet (WB.modules, or their kind's contract). */
  function missing(names, loaded) {
    var scripts = document.querySelectorAll('script[src]');
    for (var i = 0; i < scripts.length; i++) fetched[fileOf(scripts[i].src)] = true;
    ourStyles().forEach(function (pair) {
      if (pair[0].sheet) fetched[fileOf(pair[0].href)] = true;
    });
    var files = [];
    names.forEach(function (name) {
      var needed = window.WB_BUNDLES && window.WB_BUNDLES[name];
      if (!needed || loaded(name)) return;
      var styles = (window.WB_STYLES && window.WB_STYLES.files[name]) || [];
      styles.concat(needed).forEach(function (file) {
        if (!fetched[file] && files.indexOf(file) === -1) files.push(file);
      });
    });
    return files;
  }

  /** Promise: the bundles of these modules are loaded (resolves whatever happens; failures are logged). */
  WB.need = function (names, loaded) {
    var files = missing(names, loaded || started);
    if (!files.length) return loading || Promise.resolve();
    loading = (loading || Promise.resolve()).then(function () {
      return loadFiles(files);
    }).catch(function (error) {
      if (window.console) console.error('wb: the code for this page', error);
    });
    return loading;
  };

  /** Does a page with these modules lack code it needs? */
  WB.need.lacks = function (names) {
    return missing(names, started).length > 0;
  };

  function started(name) {
    return !!(WB.modules && WB.modules[name]);
  }

})(window, document);
