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
    element.onload = function () {
      fetched[file] = 'done';
      resolve();
    };
    element.onerror = function () {
      fetched[file] = 'failed';
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

  // file -> "loading", "done" or "failed"; the page's own tags count as done once it is parsed.
  function loadFiles(files) {
    return files.reduce(function (done, file) {
      return done.then(function () {
        if (fetched[file] !== 'loading') return null;
        return new Promise(function (resolve, reject) {
          loadFile(file, resolve, reject);
        });
      });
    }, Promise.resolve()).catch(function (error) {
      files.forEach(function (file) {
        if (fetched[file] === 'loading') fetched[file] = 'failed'; // not tried after one failed before it
      });
      throw error;
    });
  }

  /** Is the code of this bundle here? Each bundle says so as its last line, once all its code has run (wb_bundles.py). */
  function has(name) {
    return !!(window.WB_LOADED && window.WB_LOADED[name]);
  }

  /**
   * Load the bundles of these modules that are not here yet. Returns null when nothing is missing, else a promise that resolves once
   * they are loaded, or could not be (a failure is logged; the caller sees what is still missing).
   */
  WB.need = function (names) {
    var scripts = document.querySelectorAll('script[src]');
    for (var i = 0; i < scripts.length; i++) fetched[fileOf(scripts[i].src)] = fetched[fileOf(scripts[i].src)] || 'done';
    ourStyles().forEach(function (pair) {
      var file = fileOf(pair[0].href);
      if (pair[0].sheet && !fetched[file]) fetched[file] = 'done'; // linked by Material, not loaded yet: linked again below
    });
    var files = [];
    var pending = false;
    names.forEach(function (name) {
      if (!window.WB_BUNDLES || !window.WB_BUNDLES[name] || has(name)) return;
      var styles = (window.WB_STYLES && window.WB_STYLES.files[name]) || [];
      styles.concat(window.WB_BUNDLES[name]).forEach(function (file) {
        if (!fetched[file]) files.push(file);
        // On its way; or in the page's own tags, which have run once the page is parsed.
        pending = pending || fetched[file] === 'loading' || (fetched[file] === 'done' && document.readyState === 'loading');
      });
    });
    if (!files.length && !pending) return null; // here, or could not be loaded
    files = files.filter(function (file, at) {
      return files.indexOf(file) === at;
    });
    files.forEach(function (file) {
      fetched[file] = 'loading';
    });
    loading = (loading || parsed()).then(function () {
      return loadFiles(files);
    }).catch(function (error) {
      if (window.console) console.error('wb: the code for this page', error);
    });
    return loading;
  };

  function parsed() {
    return document.readyState !== 'loading' ? Promise.resolve() : new Promise(function (resolve) {
      document.addEventListener('DOMContentLoaded', resolve);
    });
  }
})(window, document);
