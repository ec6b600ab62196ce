/*
 * The code a page needs, beyond the core (this file is part of it). Each page's own <script>
 * tags load the core and the bundles of what it holds (hooks/wb_bundles.py). A page reached
 * by Material's instant navigation runs none of its scripts: main.js asks here for what it
 * lacks, and the files are loaded one after another, in the order of WB_BUNDLES (a map by
 * module the build puts in front of the core), from beside the core: at any path, and from
 * file:// in the offline folder.
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

  // file -> "loading", "done" or "failed"; the page's own tags count as done once it is parsed.
  function loadFiles(files) {
    return files.reduce(function (done, file) {
      return done.then(function () {
        if (fetched[file] !== 'loading') return null;
        return new Promise(function (resolve, reject) {
          var script = document.createElement('script');
          script.src = new URL(file, HERE || location.href).href;
          script.onload = function () {
            fetched[file] = 'done';
            resolve();
          };
          script.onerror = function () {
            fetched[file] = 'failed';
            reject(new Error('could not load ' + file));
          };
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve()).catch(function (error) {
      files.forEach(function (file) {
        if (fetched[file] === 'loading') fetched[file] = 'failed'; // not tried after one failed before it
      });
      throw error;
    });
  }

  /** Is the code of this bundle here? A module's, once registered; the lock's and the photo store's, once they made theirs. */
  function has(name) {
    if (name === 'wb-lock') return !!(WB.store && WB.store.vault);
    if (name === 'wb-photostore') return !!WB.photos;
    return !!(WB.modules && WB.modules[name]);
  }

  /**
   * Load the bundles of these modules that are not here yet (`loaded(name)` says which are; by
   * default their code). Returns null when nothing is missing, else a promise that resolves once
   * they are loaded, or could not be (a failure is logged; the caller sees what is still missing).
   */
  WB.need = function (names, loaded) {
    var scripts = document.querySelectorAll('script[src]');
    for (var i = 0; i < scripts.length; i++) fetched[fileOf(scripts[i].src)] = fetched[fileOf(scripts[i].src)] || 'done';
    var files = [];
    var pending = false;
    names.forEach(function (name) {
      if (!window.WB_BUNDLES || !window.WB_BUNDLES[name] || (loaded || has)(name)) return;
      window.WB_BUNDLES[name].forEach(function (file) {
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

  WB.need.has = has;

  function parsed() {
    return document.readyState !== 'loading' ? Promise.resolve() : new Promise(function (resolve) {
      document.addEventListener('DOMContentLoaded', resolve);
    });
  }
})(window, document);
