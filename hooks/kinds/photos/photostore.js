/*
 * WB.photos: the pictures of photo answers, kept in the browser's IndexedDB
 * (localStorage holds about 5 MB, too little for photos). The answer record in
 * localStorage keeps each photo's id, caption and size; the picture itself is here.
 *
 *   Database "wb:v1:<namespace>", object store "photos", one entry per photo
 *   (photos of an earlier version's namespace are copied in once, see adopt):
 *   {"id": "p…", "blob": <Blob, image/jpeg>, "added": "<ISO date>"}
 *   or, where the browser cannot keep a Blob there (WebKit's private sessions):
 *   {"id": "p…", "bytes": <ArrayBuffer>, "type": "image/jpeg", "added": "<ISO date>"}
 *   or, with the workbook's lock on (vault.js), the picture sealed:
 *   {"id": "p…", "sealed": <ArrayBuffer: IV and AES-GCM ciphertext>, "type": "image/jpeg", "added": "<ISO date>"}
 *
 * Every call returns a Promise. It rejects only with {reason, error}, where
 * reason is "quota", "blocked" or "unavailable" (as WB.store's), never with a
 * bare exception. A write is one transaction: all of it is stored, or none.
 */
(function (window) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var STORE = 'photos';
  var RE_ID = /^p[0-9a-z]{8,40}$/;

  function classify(error) {
    var name = error && error.name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'quota';
    // Firefox's private windows once refused IndexedDB with InvalidStateError.
    if (name === 'SecurityError' || name === 'NotAllowedError' || name === 'InvalidStateError') return 'blocked';
    return 'unavailable';
  }

  function failure(error) {
    return { reason: error && error.reason ? error.reason : classify(error), error: error };
  }

  /** `legacy`: the namespace an earlier version used; its photos are copied here once (see adopt). */
  function PhotoStore(namespace, legacy) {
    this.name = 'wb:v1:' + namespace;
    this.legacy = legacy ? 'wb:v1:' + legacy : null;
    this.opening = null;
  }

  /** Is there a database of this name? (true where the browser cannot say: opening it will tell.) */
  function exists(name) {
    if (!window.indexedDB.databases) return Promise.resolve(true);
    return window.indexedDB.databases().then(function (list) {
      return list.some(function (found) {
        return found.name === name;
      });
    }, function () {
      return true;
    });
  }

  /**
   * Every entry of an earlier version's database, or [] when there is none. Never leaves one
   * behind where there was none: its name may be another workbook's of today.
   */
  function oldEntries(name) {
    return exists(name).then(function (found) {
      return found ? readAll(name) : [];
    });
  }

  function readAll(name) {
    return new Promise(function (resolve, reject) {
      var fresh = false;
      var request = window.indexedDB.open(name);
      request.onupgradeneeded = function () {
        // It did not exist: opening made it. Undo that (WebKit keeps it despite the abort).
        fresh = true;
        request.transaction.abort();
      };
      request.onsuccess = function () {
        var db = request.result;
        if (!db.objectStoreNames.contains(STORE)) {
          db.close();
          resolve([]);
          return;
        }
        var all = db.transaction(STORE, 'readonly').objectStore(STORE).getAll();
        all.onsuccess = function () {
          db.close();
          resolve(all.result || []);
        };
        all.onerror = function () {
          db.close();
          reject(all.error);
        };
      };
      request.onerror = function () {
        if (!fresh) return reject(request.error);
        window.indexedDB.deleteDatabase(name);
        resolve([]);
      };
    });
  }

  /**
   * After storage.js copied an earlier version's answers here (meta:migrated), copy
   * that version's photos into this database too, in one transaction, once. Photos
   * already here are kept. A failure leaves both databases as they were: it is
   * tried again the next time a page opens the photos.
   */
  PhotoStore.prototype.adopt = function (db) {
    var marker = WB.store && WB.store.read('meta', 'migrated');
    var state = marker && marker.state === 'ok' && marker.record.value;
    if (!this.legacy || !state || state.photos) return Promise.resolve(db);
    return oldEntries(this.legacy).then(function (entries) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, 'readwrite');
        var store = tx.objectStore(STORE);
        entries.forEach(function (entry) {
          if (!entry || !RE_ID.test(entry.id) || !(entry.blob instanceof Blob)) return;
          store.get(entry.id).onsuccess = function (event) {
            if (!event.target.result) store.put(entry);
          };
        });
        tx.oncomplete = resolve;
        tx.onabort = tx.onerror = function () {
          reject(tx.error);
        };
      });
    }).then(function () {
      WB.store.write('meta', 'migrated', { from: state.from, photos: true, synced: state.synced });
      return db;
    }, function (error) {
      if (window.console) console.warn('wb: the photos of the earlier version could not be copied yet', error);
      return db;
    });
  };

  /** The open database (one connection per page, opened when first needed). */
  PhotoStore.prototype.open = function () {
    return WB.openDatabase(this, this.name, STORE, 'id', failure, this.adopt.bind(this));
  };

  /**
   * Run `work(store)` in one transaction; resolves with what work's requests left in `out`.
   * A picture is on disk before an answer points to it (see journal.js).
   */
  PhotoStore.prototype.run = function (mode, work) {
    return this.open().then(function (db) {
      return WB.transaction(db, STORE, mode, work, failure);
    });
  };

  /**
   * Store entries [{id, blob, added}], all or none. Where the browser cannot keep
   * a Blob in IndexedDB (WebKit's private and automated sessions, older Safari),
   * the same bytes are kept as an ArrayBuffer with their type instead.
   */
  PhotoStore.prototype.put = function (entries) {
    var self = this;
    try {
      entries.forEach(function (entry) {
        if (!RE_ID.test(entry.id) || !(entry.blob instanceof Blob)) throw new Error('wb: not a photo entry');
      });
    } catch (error) {
      return Promise.reject(failure(error));
    }
    var write = function (records) {
      return self.run('readwrite', function (store) {
        records.forEach(function (record) {
          store.put(record);
        });
      });
    };
    var records = entries.map(function (entry) {
      return { id: entry.id, blob: entry.blob, added: entry.added || new Date().toISOString() };
    });
    var vault = WB.store && WB.store.vault;
    if (vault && vault.on()) {
      // With the lock on, only sealed pictures are stored.
      if (!vault.isOpen()) return Promise.reject({ reason: 'locked', error: new Error('The workbook is locked') });
      var key = vault.key;
      return Promise.all(records.map(function (record) {
        return asBytes(record).then(function (plain) {
          return WB.vaultCrypto.sealBytes(key, plain.bytes).then(function (sealed) {
            return { id: record.id, sealed: sealed, type: plain.type, added: record.added };
          });
        });
      })).then(write, function (error) {
        throw failure(error);
      });
    }
    return write(records).catch(function (first) {
      if (first.reason !== 'unavailable') throw first;
      return Promise.all(records.map(asBytes)).then(write, function () {
        throw first;
      });
    });
  };

  /** The record with its picture as bytes: {id, bytes, type, added}. */
  function asBytes(record) {
    var read = record.blob.arrayBuffer ? record.blob.arrayBuffer() : new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () {
        resolve(reader.result);
      };
      reader.onerror = function () {
        reject(reader.error);
      };
      reader.readAsArrayBuffer(record.blob);
    });
    return read.then(function (bytes) {
      return { id: record.id, bytes: bytes, type: record.blob.type, added: record.added };
    });
  }

  /** A stored record as {id, blob, added}, whichever way its picture was kept; null if it holds none. */
  function asEntry(record) {
    if (!record) return null;
    if (record.blob instanceof Blob) return record;
    if (record.bytes instanceof ArrayBuffer && typeof record.type === 'string') {
      return { id: record.id, blob: new Blob([record.bytes], { type: record.type }), added: record.added };
    }
    return null;
  }

  /** {id: entry} for those of `ids` that are stored (missing ones are left out). */
  PhotoStore.prototype.getMany = function (ids) {
    var sealed = [];
    return this.run('readonly', function (store, out) {
      ids.forEach(function (id) {
        store.get(id).onsuccess = function (event) {
          var record = event.target.result;
          if (record && record.sealed instanceof ArrayBuffer) sealed.push(record);
          var entry = asEntry(record);
          if (entry) out[id] = entry;
        };
      });
    }).then(function (out) {
      if (!sealed.length) return out;
      // Sealed pictures (the lock is on) are opened with the key; while locked, none is.
      var vault = WB.store && WB.store.vault;
      if (!vault || !vault.isOpen()) throw { reason: 'locked', error: new Error('The workbook is locked') };
      return Promise.all(sealed.map(function (record) {
        return WB.vaultCrypto.openBytes(vault.key, record.sealed).then(function (plain) {
          out[record.id] = { id: record.id, blob: new Blob([plain], { type: record.type }), added: record.added };
        }, function () {
          /* cannot be opened: as if missing (the record stays, untouched) */
        });
      })).then(function () {
        return out;
      });
    });
  };

  /**
   * The lock turned on or off: each picture sealed with `change(bytes)` (or, `opening`,
   * opened), one at a time, each put back in place. A picture that cannot be opened stays.
   */
  PhotoStore.prototype.convert = function (change, opening) {
    var self = this;
    var failed = 0;
    return this.run('readonly', function (store, out) {
      out.ids = [];
      store.openCursor().onsuccess = function (event) {
        var cursor = event.target.result;
        if (!cursor) return;
        if (!!cursor.value.sealed === opening) out.ids.push(cursor.value.id);
        cursor.continue();
      };
    }).then(function (out) {
      return out.ids.reduce(function (done, id) {
        return done.then(function () {
          return self.run('readonly', function (store, got) {
            store.get(id).onsuccess = function (event) {
              got.record = event.target.result;
            };
          }).then(function (got) {
            var record = got.record;
            if (!record || !!record.sealed !== opening) return null;
            var bytes = opening ? Promise.resolve({ bytes: record.sealed, type: record.type }) : asBytes(asEntry(record));
            return bytes.then(function (plain) {
              return change(plain.bytes).then(function (changed) {
                var next = opening ? { id: id, bytes: changed, type: record.type, added: record.added }
                  : { id: id, sealed: changed, type: plain.type, added: record.added };
                return self.run('readwrite', function (store) {
                  store.put(next);
                });
              }, function () {
                if (!opening) throw new Error('a picture could not be sealed');
                failed++;
              });
            });
          });
        });
      }, Promise.resolve());
    }).then(function () {
      return failed;
    });
  };

  PhotoStore.prototype.get = function (id) {
    return this.getMany([id]).then(function (found) {
      return found[id] || null;
    });
  };

  PhotoStore.prototype.remove = function (ids) {
    return this.run('readwrite', function (store) {
      ids.forEach(function (id) {
        store.delete(id);
      });
    });
  };

  /** Remove every photo of this workbook (and the database of an earlier version, whose photos were copied here). */
  PhotoStore.prototype.clear = function () {
    var legacy = this.legacy;
    return this.run('readwrite', function (store) {
      store.clear();
    }).then(function (out) {
      if (legacy) window.indexedDB.deleteDatabase(legacy);
      return out;
    });
  };

  /** Every stored photo, without reading the pictures into memory: [{id, bytes, added}]. */
  PhotoStore.prototype.list = function () {
    return this.run('readonly', function (store, out) {
      out.entries = [];
      store.openCursor().onsuccess = function (event) {
        var cursor = event.target.result;
        if (!cursor) return;
        var entry = cursor.value;
        var bytes = entry.blob ? entry.blob.size : entry.bytes ? entry.bytes.byteLength : entry.sealed ? entry.sealed.byteLength - 28 : 0;
        out.entries.push({ id: entry.id, bytes: bytes, added: entry.added });
        cursor.continue();
      };
    }).then(function (out) {
      return out.entries;
    });
  };

  /** The ids of the photos that stored answers point to, from any answer value. */
  function referenced(values) {
    var ids = [];
    values.forEach(function (value) {
      if (value && typeof value === 'object' && Array.isArray(value.photos)) {
        value.photos.forEach(function (photo) {
          if (photo && typeof photo.id === 'string' && ids.indexOf(photo.id) === -1) ids.push(photo.id);
        });
      }
    });
    return ids;
  }

  /** Every answer value stored now, those kept aside, and those kept to undo a restore. */
  function storedValues() {
    var lists = WB.store.list('answer').concat(WB.store.list('aside'), WB.store.list('undo'));
    // A stored value that cannot be read now (the workbook is locked) may point to any photo: none goes.
    if (lists.some(function (entry) {
      return entry.raw === null;
    })) throw { reason: 'locked', error: new Error('Stored answers cannot be read now') };
    var values = WB.store.list('answer').concat(WB.store.list('aside')).map(function (entry) {
      return entry.record ? entry.record.value : null;
    });
    WB.store.list('undo').forEach(function (entry) {
      var answers = entry.record && entry.record.value && entry.record.value.answers;
      Object.keys(answers || {}).forEach(function (id) {
        var record = WB.parseRecord(answers[id]);
        if (record) values.push(record.value);
      });
    });
    return values;
  }

  /** Delete those of `ids` that no stored answer (kept aside or not, nor a kept undo) points to any more. */
  PhotoStore.prototype.release = function (ids) {
    var unused;
    try {
      var keep = referenced(storedValues());
      unused = ids.filter(function (id) {
        return keep.indexOf(id) === -1;
      });
    } catch (error) {
      return Promise.reject(failure(error));
    }
    return unused.length ? this.remove(unused) : Promise.resolve({});
  };

  /**
   * Delete every photo that nothing points to (left by a restore that was undone,
   * or a save that failed). Photos added in the last hour are left alone: a page
   * may be adding one now.
   */
  PhotoStore.prototype.tidy = function () {
    var self = this;
    var recent = Date.now() - 3600 * 1000;
    return this.list().then(function (entries) {
      return self.release(entries.filter(function (entry) {
        return !(Date.parse(entry.added) > recent);
      }).map(function (entry) {
        return entry.id;
      }));
    });
  };

  /** {usage, quota} in bytes for this site, where the browser can say; else null. */
  PhotoStore.prototype.estimate = function () {
    if (!navigator.storage || !navigator.storage.estimate) return Promise.resolve(null);
    return navigator.storage.estimate().then(
      function (found) {
        return found && found.quota ? found : null;
      },
      function () {
        return null;
      }
    );
  };

  /** A new photo id: time, then randomness, so ids from two devices do not meet. */
  function newId() {
    var random = '';
    var bytes = new Uint8Array(8);
    if (window.crypto && window.crypto.getRandomValues) window.crypto.getRandomValues(bytes);
    else for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    for (var j = 0; j < bytes.length; j++) random += (bytes[j] % 36).toString(36);
    return 'p' + Date.now().toString(36) + random;
  }

  WB.PhotoStore = PhotoStore;
  WB.photoId = { test: RE_ID.test.bind(RE_ID), make: newId };
  WB.referencedPhotos = referenced;
  WB.keptPhotos = function () {
    return referenced(storedValues());
  };
  if (WB.store) WB.photos = new PhotoStore(WB.store.namespace, WB.store.legacy);
})(window);
