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

  function loadFiles(files) {
    return files.reduce(function (done, file) {
      return done.then(function () {
        if (fetched[file]) return null;
        fetched[file] = true;
        return new Promise(function (resolve, reject) {
          var script = document.createElement('script');
          script.src = new URL(file, HERE || location.href).href;
          script.onload = resolve;
          script.onerror = function () {
            reject(new Error('could not load ' + file));
          };
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  }

  /** The files the modules named need and do not have yet (WB.modules, or their kind's contract). */
  function missing(names, loaded) {
    var scripts = document.querySelectorAll('script[src]');
    for (var i = 0; i < scripts.length; i++) fetched[fileOf(scripts[i].src)] = true;
    var files = [];
    names.forEach(function (name) {
      var needed = window.WB_BUNDLES && window.WB_BUNDLES[name];
      if (!needed || loaded(name)) return;
      needed.forEach(function (file) {
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
