/*
 * The workbook's service worker: pages from the network when it is there, else from the copy;
 * other files from the copy first. Only this site's own GET requests are touched.
 *
 * The build (hooks/wb_app.py) puts this build's settings in front of this file:
 *   PREFIX   "wb-<namespace>:", the start of this site's cache names (no namespace holds ":")
 *   CACHE    PREFIX + the build's version: a new build replaces the old copy
 *   EARLIER  the names earlier versions gave this site's caches ("wb-<namespace>-<build>"),
 *            matched exactly, so another site's copy on the same address is never touched
 *   FILES    the site's files a reader needs offline, relative to the site's root
 */
'use strict';

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return cache.addAll(FILES.map(function (file) {
        return new Request(new URL(file, self.registration.scope), { cache: 'reload' });
      }));
    }).then(function () {
      return self.skipWaiting();
    })
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return (name.indexOf(PREFIX) === 0 && name !== CACHE) || EARLIER.test(name);
      }).map(function (name) {
        return caches.delete(name);
      }));
    }).then(function () {
      return self.clients.claim();
    })
  );
});

// Kept without the query: a search's words (?h=...) are never written to the copy.
function bare(request) {
  var url = new URL(request.url);
  url.search = '';
  url.hash = '';
  return url.href;
}

function keep(request, response) {
  if (response && response.ok && response.type === 'basic') {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) {
      return cache.put(bare(request), copy);
    }).catch(function () {});
  }
  return response;
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.url.indexOf(self.registration.scope) !== 0) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).then(function (response) {
        return keep(request, response);
      }).catch(function () {
        return caches.match(bare(request), { cacheName: CACHE }).then(function (found) {
          return found || caches.match(new URL('./', self.registration.scope).href, { cacheName: CACHE });
        });
      })
    );
    return;
  }
  event.respondWith(
    caches.match(bare(request), { cacheName: CACHE }).then(function (found) {
      return found || fetch(request).then(function (response) {
        return keep(request, response);
      });
    })
  );
});
