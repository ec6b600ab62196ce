/*
 * data-module="wb-photos": a collage of the reader's own photos, beside the text
 * box that is the answer in words. Photos come from the device (or, on a phone,
 * its camera); each is made smaller (long edge 1600 px) and saved again as JPEG,
 * which also drops details such as where it was taken, before it is kept in
 * IndexedDB (WB.photos). The answer, saved through WB.Saver, is
 *
 *   {"text": "", "photos": [{"id": "p…", "caption": "", "w": 1600, "h": 1200}]}
 *
 * A photo is stored before the answer points to it, and the answer stops
 * pointing to it before it is deleted, so a failure never leaves a broken answer.
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var LONG_EDGE = 1600;
  var QUALITY = 0.85;
  var MAX_PHOTOS = 24; // what the reader can add to one collage
  var MAX_KEPT = 100; // what an answer may hold (a merged restore can pass MAX_PHOTOS)
  var MAX_FILE = 50 * 1024 * 1024;
  var MAX_CAPTION = 300;
  var ROOM_PLENTY = 1000; // photos the browser has room for, past which "many more" says it

  /** Why a photo could not be kept (a reason of photostore.js), in words. */
  function problemText(reason) {
    if (reason === 'quota') return WB.t('photos.problem_quota');
    if (reason === 'blocked') return WB.t('photos.problem_blocked');
    return WB.t('photos.problem_unavailable');
  }

  function isPhoto(photo) {
    return (
      !!photo && typeof photo === 'object' && WB.photoId.test(photo.id) && typeof photo.caption === 'string' &&
      photo.caption.length <= 1000 && [photo.w, photo.h].every(function (n) {
        return typeof n === 'number' && n === Math.floor(n) && n >= 1 && n <= 10000;
      })
    );
  }

  function valid(value) {
    if (!value || typeof value !== 'object' || Array.isArray(value) || typeof value.text !== 'string') return false;
    if (!Array.isArray(value.photos) || value.photos.length > MAX_KEPT || !value.photos.every(isPhoto)) return false;
    var ids = value.photos.map(function (photo) {
      return photo.id;
    });
    return ids.every(function (id, index) {
      return ids.indexOf(id) === index;
    });
  }

  /* ---- pictures: made smaller on the way in, shown from object URLs ------ */

  function viaImage(file) {
    return new Promise(function (resolve, reject) {
      var url = URL.createObjectURL(file);
      var image = new Image();
      image.onload = function () {
        resolve({ source: image, width: image.naturalWidth, height: image.naturalHeight, done: function () {
          URL.revokeObjectURL(url);
        } });
      };
      image.onerror = function () {
        URL.revokeObjectURL(url);
        reject(new Error('not a picture this browser can open'));
      };
      image.src = url;
    });
  }

  /** The file as something to draw, the right way up (phones store the turn separately). */
  function decode(file) {
    if (!window.createImageBitmap) return viaImage(file);
    var made;
    try {
      // Older Safari throws at once, rather than rejecting, when given options it does not know.
      made = window.createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch (error) {
      return viaImage(file);
    }
    return Promise.resolve(made).then(
      function (bitmap) {
        return { source: bitmap, width: bitmap.width, height: bitmap.height, done: function () {
          bitmap.close();
        } };
      },
      function () {
        return viaImage(file);
      }
    );
  }

  /** {blob (JPEG), w, h}: long edge at most LONG_EDGE, on white (a transparent PNG stays readable). */
  function shrink(file) {
    return decode(file).then(function (picture) {
      if (!picture.width || !picture.height) throw new Error('an empty picture');
      var scale = Math.min(1, LONG_EDGE / Math.max(picture.width, picture.height));
      var w = Math.max(1, Math.round(picture.width * scale));
      var h = Math.max(1, Math.round(picture.height * scale));
      var canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      var context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, w, h);
      context.imageSmoothingQuality = 'high';
      context.drawImage(picture.source, 0, 0, w, h);
      picture.done();
      return new Promise(function (resolve, reject) {
        canvas.toBlob(function (blob) {
          if (blob) resolve({ blob: blob, w: w, h: h });
          else reject(new Error('the picture could not be saved as JPEG'));
        }, 'image/jpeg', QUALITY);
      });
    });
  }

  /** id -> Promise of an object URL (null: not in this browser); shared by the page's collages and My answers. */
  var urls = {};

  function pictureUrl(id) {
    if (!urls[id]) {
      urls[id] = WB.photos.get(id).then(
        function (entry) {
          if (!entry) delete urls[id];
          return entry ? URL.createObjectURL(entry.blob) : null;
        },
        function (failure) {
          delete urls[id];
          throw failure;
        }
      );
    }
    return urls[id];
  }

  function forgetUrl(id) {
    if (!urls[id]) return;
    urls[id].then(function (url) {
      if (url) URL.revokeObjectURL(url);
    }, function () {});
    delete urls[id];
  }

  /** An <img> of a stored photo; `gone(reason)` is called when it cannot be shown. */
  function image(photo, alt, gone) {
    var img = document.createElement('img');
    img.className = 'wb-photos__image';
    img.width = photo.w;
    img.height = photo.h;
    img.alt = alt;
    img.decoding = 'async';
    pictureUrl(photo.id).then(
      function (url) {
        if (url) img.src = url;
        else gone('missing');
      },
      function (failure) {
        gone(failure.reason);
      }
    );
    return img;
  }

  function altText(photo, index, count) {
    var caption = photo.caption.trim();
    var where = { number: WB.number(index + 1), total: WB.number(count) };
    if (!caption) return WB.t('photos.alt_no_caption', where);
    where.caption = caption;
    return WB.t('photos.alt', where);
  }

  /** Why a kept photo cannot be shown, in words. */
  function goneText(reason) {
    if (reason === 'missing') return WB.t('photos.gone_missing');
    if (reason === 'blocked') return WB.t('photos.gone_blocked');
    return WB.t('photos.gone_unavailable');
  }

  /* ---- the collage ---------------------------------------------------------- */

  function Photos(root) {
    this.root = root;
    this.id = root.getAttribute('data-wb-prompt');
    this.ident = this.id.replace(/\./g, '-');
    this.area = root.querySelector('.wb-photos');
    this.grid = root.querySelector('.wb-photos__grid');
    this.words = root.querySelector('textarea[data-wb-field="text"]');
    if (!this.area || !this.grid || !this.words) throw new Error('wb-photos: incomplete markup');
    this.photos = [];
    this.adding = false;
    var self = this;

    this.saver = new WB.Saver(root, this);
    this.build();
    this.words.addEventListener('input', function () {
      WB.grow(self.words);
      WB.mirror(self.words);
      self.saver.edited();
    });
    WB.grow(this.words);
    root.addEventListener('click', function (event) {
      var target = event.target.closest('[data-wb-action]');
      if (target) self.act(target.getAttribute('data-wb-action'), target);
    });
    this.render();
    this.saver.restore();
  }

  Photos.prototype.valid = valid;

  Photos.prototype.value = function () {
    return {
      text: this.words.value,
      photos: this.photos.map(function (photo) {
        return { id: photo.id, caption: photo.caption, w: photo.w, h: photo.h };
      })
    };
  };

  Photos.prototype.text = function () {
    return WB.kinds['wb-photos'].text(this.value());
  };

  Photos.prototype.show = function (value) {
    value = value || { text: '', photos: [] };
    this.words.value = value.text;
    WB.grow(this.words);
    WB.mirror(this.words);
    this.photos = value.photos.map(function (photo) {
      return { id: photo.id, caption: photo.caption, w: photo.w, h: photo.h };
    });
    this.render();
  };

  /** The collage's words, buttons and lines as the build wrote them (kinds/photos/block.py), and its file choosers. */
  Photos.prototype.build = function () {
    var self = this;
    var actions = this.area.querySelector('.wb-photos__actions');
    this.empty = this.area.querySelector('.wb-photos__empty');
    this.usageLine = this.area.querySelector('.wb-photos__usage');
    this.message = this.area.querySelector('.wb-photos__message');
    if (!actions || !this.empty || !this.usageLine || !this.message) throw new Error('wb-photos: incomplete markup');
    this.input = this.fileInput(false);
    actions.appendChild(this.input);
    // A phone's own chooser offers the camera too; its button (shown on touch screens only: photos.css) goes straight to it.
    if (window.matchMedia && window.matchMedia('(pointer: coarse)').matches) {
      this.camera = this.fileInput(true);
      actions.appendChild(this.camera);
    }

    // Photos dropped on the collage from the computer's files.
    this.area.addEventListener('dragover', function (event) {
      if (!event.dataTransfer || Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') === -1) return;
      event.preventDefault();
      self.area.classList.add('wb-photos--drop');
    });
    this.area.addEventListener('dragleave', function () {
      self.area.classList.remove('wb-photos--drop');
    });
    this.area.addEventListener('drop', function (event) {
      if (!event.dataTransfer || !event.dataTransfer.files.length) return;
      event.preventDefault();
      self.area.classList.remove('wb-photos--drop');
      self.add(event.dataTransfer.files);
    });
  };

  Photos.prototype.fileInput = function (camera) {
    var self = this;
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.hidden = true;
    input.className = 'wb-photos__file';
    if (camera) input.setAttribute('capture', 'environment');
    else input.multiple = true;
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files || []);
      input.value = '';
      self.add(files);
    });
    return input;
  };

  /** Draw the collage from this.photos. */
  Photos.prototype.render = function () {
    var self = this;
    this.grid.textContent = '';
    this.photos.forEach(function (photo, index) {
      self.grid.appendChild(self.item(photo, index));
    });
    this.empty.hidden = this.photos.length > 0;
    this.usage();
  };

  Photos.prototype.item = function (photo, index) {
    var self = this;
    var count = this.photos.length;
    var number = index + 1;
    var item = WB.element('li', 'wb-photos__item');
    item.setAttribute('data-wb-photo', photo.id);
    var frame = WB.element('div', 'wb-photos__frame');
    var img = image(photo, altText(photo, index, count), function (reason) {
      frame.textContent = '';
      frame.classList.add('wb-photos__frame--gone');
      frame.appendChild(WB.element('p', '', goneText(reason)));
    });
    frame.appendChild(img);
    item.appendChild(frame);

    var inputId = 'wb-photo-' + this.ident + '-' + photo.id;
    // Seen as "Caption (if you like)", heard as "Caption for photo 2 (if you like)" (the spaces around the
    // hidden words fold into one).
    var label = WB.element('label', 'wb-photos__caption-label');
    label.appendChild(WB.tf('photos.caption_label', {
      photo: WB.element('span', 'wb-visually-hidden', WB.t('photos.caption_for_photo', { number: WB.number(number) }))
    }));
    label.htmlFor = inputId;
    label.id = inputId + '-label';
    item.appendChild(label);
    var caption = document.createElement('input');
    caption.type = 'text';
    caption.id = inputId;
    caption.setAttribute('aria-labelledby', label.id + ' wb-prompt-' + this.ident);
    caption.className = 'wb-photos__caption';
    caption.maxLength = MAX_CAPTION;
    caption.autocomplete = 'off';
    caption.value = photo.caption;
    var printed = WB.element('p', 'wb-photos__caption-print', photo.caption);
    printed.setAttribute('aria-hidden', 'true');
    caption.addEventListener('input', function () {
      photo.caption = caption.value;
      img.alt = altText(photo, index, count);
      printed.textContent = caption.value;
      self.saver.edited();
    });
    item.appendChild(caption);
    item.appendChild(printed);

    var actions = WB.element('p', 'wb-photos__item-actions');
    var which = { number: WB.number(number) };
    [[WB.t('photos.earlier'), 'photo-earlier', WB.t('photos.earlier_name', which), index === 0],
      [WB.t('photos.later'), 'photo-later', WB.t('photos.later_name', which), index === count - 1],
      [WB.t('photos.remove'), 'photo-remove', WB.t('photos.remove_name', which), false]].forEach(function (spec) {
      var button = WB.button(spec[0], spec[1]);
      button.setAttribute('aria-label', spec[2]);
      button.setAttribute('data-wb-photo', photo.id);
      button.disabled = spec[3];
      actions.appendChild(button);
    });
    item.appendChild(actions);
    return item;
  };

  Photos.prototype.find = function (id) {
    for (var i = 0; i < this.photos.length; i++) if (this.photos[i].id === id) return i;
    return -1;
  };

  Photos.prototype.act = function (action, target) {
    var id = target.getAttribute('data-wb-photo');
    if (action === 'add-photos') this.choose(this.input);
    else if (action === 'take-photo') this.choose(this.camera);
    else if (action === 'photo-earlier') this.move(id, -1, action);
    else if (action === 'photo-later') this.move(id, 1, action);
    else if (action === 'photo-remove') this.askRemove(id);
    else if (action === 'confirm-remove-photo') this.remove(id);
    else if (action === 'cancel-remove-photo') {
      var item = target.closest('.wb-photos__item');
      item.querySelector('.wb-photos__confirm').remove();
      item.querySelector('[data-wb-action="photo-remove"]').focus();
    }
  };

  Photos.prototype.choose = function (input) {
    if (input && !this.adding && !this.full()) input.click();
  };

  /** Is the collage full? Then say so. */
  Photos.prototype.full = function () {
    if (this.photos.length < MAX_PHOTOS) return false;
    this.problem(WB.tn('photos.full', MAX_PHOTOS));
    return true;
  };

  /** Make each file smaller, store it, then point the answer to it; one at a time. */
  Photos.prototype.add = function (files) {
    files = Array.prototype.slice.call(files || []);
    if (!files.length || this.adding || this.full()) return;
    var self = this;
    var problems = [];
    var room = MAX_PHOTOS - this.photos.length;
    if (files.length > room) {
      problems.push(WB.tn('photos.only_first_added', room, { most: WB.number(MAX_PHOTOS) }));
      files = files.slice(0, room);
    }
    var added = 0;
    var stopped = null;
    this.adding = true;
    window.addEventListener('beforeunload', stillAdding);
    this.clearMessage();
    this.message.appendChild(WB.element('p', '', WB.tn('photos.adding', files.length)));

    var chain = Promise.resolve();
    files.forEach(function (file) {
      chain = chain.then(function () {
        if (stopped) return null;
        var name = { name: file.name || WB.t('photos.unnamed_file') };
        if (file.type && !/^image\//.test(file.type)) {
          problems.push(WB.t('photos.not_a_picture', name));
          return null;
        }
        if (file.size > MAX_FILE) {
          problems.push(WB.t('photos.too_large', name));
          return null;
        }
        return shrink(file).then(
          function (picture) {
            var entry = { id: WB.photoId.make(), blob: picture.blob, added: new Date().toISOString() };
            return WB.photos.put([entry]).then(
              function () {
                urls[entry.id] = Promise.resolve(URL.createObjectURL(picture.blob));
                self.photos.push({ id: entry.id, caption: '', w: picture.w, h: picture.h });
                added++;
                self.render();
                self.saver.edited(true, WB.t('photos.added_status', { number: WB.number(self.photos.length) }));
              },
              function (failure) {
                stopped = failure.reason;
              }
            );
          },
          function () {
            problems.push(WB.t('photos.cannot_open', name));
          }
        );
      });
    });
    return chain.then(function () {
      self.adding = false;
      window.removeEventListener('beforeunload', stillAdding);
      self.clearMessage();
      if (added) {
        self.message.appendChild(WB.element('p', '', WB.tn('photos.added', added)));
      }
      if (stopped) problems.unshift((added ? WB.t('photos.not_every_added') : WB.t('photos.none_added')) + ' ' + problemText(stopped));
      if (problems.length) self.problem(problems);
    });
  };

  /** Leaving while photos are being made smaller would lose them: the browser asks first. */
  function stillAdding(event) {
    event.preventDefault();
    event.returnValue = '';
  }

  /** A visible alert under the collage, read out at once. */
  Photos.prototype.problem = function (lines) {
    if (this.alert) this.alert.remove();
    var alert = WB.element('div', 'wb-alert wb-photos__alert');
    alert.setAttribute('role', 'alert');
    [].concat(lines).forEach(function (line) {
      alert.appendChild(WB.element('p', '', line));
    });
    var close = WB.button(WB.t('photos.close_message'), 'close-photo-alert');
    close.addEventListener('click', function () {
      alert.remove();
    });
    alert.appendChild(WB.element('p', 'wb-alert__actions')).appendChild(close);
    this.message.parentNode.insertBefore(alert, this.message.nextSibling);
    this.alert = alert;
  };

  Photos.prototype.clearMessage = function () {
    this.message.textContent = '';
    if (this.alert) this.alert.remove();
    this.alert = null;
  };

  Photos.prototype.move = function (id, by, action) {
    var from = this.find(id);
    var to = from + by;
    if (from === -1 || to < 0 || to >= this.photos.length) return;
    var moved = this.photos.splice(from, 1)[0];
    this.photos.splice(to, 0, moved);
    this.render();
    // Keep the focus on the photo that moved.
    var item = this.grid.querySelector('[data-wb-photo="' + id + '"]');
    var same = item.querySelector('[data-wb-action="' + action + '"]');
    (same.disabled ? item.querySelector('[data-wb-action="photo-' + (by < 0 ? 'later' : 'earlier') + '"]') : same).focus();
    this.saver.edited(true, WB.t('photos.moved_status', { number: WB.number(to + 1), total: WB.number(this.photos.length) }));
  };

  Photos.prototype.askRemove = function (id) {
    var item = this.grid.querySelector('[data-wb-photo="' + id + '"]');
    if (!item || item.querySelector('.wb-photos__confirm')) return;
    var row = WB.element('p', 'wb-photos__confirm wb-alert__actions', WB.t('photos.remove_question') + ' ');
    [[WB.t('photos.remove_yes'), 'confirm-remove-photo'], [WB.t('photos.remove_no'), 'cancel-remove-photo']].forEach(function (pair) {
      var button = WB.button(pair[0], pair[1]);
      button.setAttribute('data-wb-photo', id);
      row.appendChild(button);
    });
    item.appendChild(row);
    row.querySelector('button').focus();
  };

  /** Stop pointing to the photo, save, and only then delete the picture. */
  Photos.prototype.remove = function (id) {
    var at = this.find(id);
    if (at === -1) return;
    this.photos.splice(at, 1);
    this.render();
    var next = this.grid.querySelectorAll('[data-wb-action="photo-remove"]')[Math.min(at, this.photos.length - 1)];
    (next || this.area.querySelector('[data-wb-action="add-photos"]')).focus();
    if (this.saver.edited(true, WB.t('photos.removed_status'))) {
      WB.photos.release([id]).then(function () {
        forgetUrl(id);
      }, function () {});
    }
  };

  /** "3 photos, kept in this browser. It has room for about 40 more like these.": counted in photos, not bytes. */
  Photos.prototype.usage = function () {
    var line = this.usageLine;
    var ids = this.photos.map(function (photo) {
      return photo.id;
    });
    if (!ids.length) {
      line.textContent = WB.tn('photos.usage_empty', MAX_PHOTOS);
      return;
    }
    Promise.all([WB.photos.list(), WB.photos.estimate()]).then(function (found) {
      var bytes = 0;
      found[0].forEach(function (entry) {
        if (ids.indexOf(entry.id) !== -1) bytes += entry.bytes;
      });
      var room = found[1] ? found[1].quota - found[1].usage : null;
      var text = WB.tn('photos.usage', ids.length);
      if (room !== null && room >= 0 && bytes > 0) {
        var more = Math.floor(room / (bytes / ids.length));
        text += ' ' + (more >= ROOM_PLENTY ? WB.t('photos.room_plenty') : WB.tn('photos.room', more));
      }
      line.textContent = text;
    }, function () {
      line.textContent = '';
    });
  };

  WB.register('wb-photos', Photos, {
    valid: valid,
    answered: function (value) {
      return value.photos.length > 0 || !!value.text.trim();
    },
    /** The photos named (they cannot travel in text), then the words. */
    text: function (value) {
      var lines = value.photos.map(function (photo, index) {
        return '[' + altText(photo, index, value.photos.length) + ']';
      });
      if (value.text) lines.push((lines.length ? '\n' : '') + value.text);
      return lines.join('\n');
    },
    /** Keep both: both texts, my photos then the backup's others; null past MAX_KEPT. */
    merge: function (mine, theirs, el, created) {
      var ids = mine.photos.map(function (photo) {
        return photo.id;
      });
      var photos = mine.photos.concat(theirs.photos.filter(function (photo) {
        return ids.indexOf(photo.id) === -1;
      }));
      if (photos.length > MAX_KEPT) return null;
      return { text: WB.backup.joined(mine.text, theirs.text, created), photos: photos };
    },
    /** The words in a stored value that may not be valid (one kept aside), or null: its text. */
    words: function (value) {
      return value && typeof value.text === 'string' ? value.text : null;
    },
    /** The ids of the photos a stored value points to, valid or not (nothing it points to may go). */
    photos: function (value) {
      return WB.referencedPhotos([value]);
    },
    /** A copy of a value with its photos' ids renamed by `names` (old id -> new id); a value without photos as it is. */
    renamePhotos: function (value, names) {
      if (!value || typeof value !== 'object' || !Array.isArray(value.photos)) return value;
      var copy = JSON.parse(JSON.stringify(value));
      copy.photos.forEach(function (photo) {
        if (photo && typeof photo.id === 'string' && Object.prototype.hasOwnProperty.call(names, photo.id)) photo.id = names[photo.id];
      });
      return copy;
    },
    render: function (value) {
      var box = WB.element('div', 'wb-review__photos');
      if (value.photos.length) {
        var grid = WB.element('ol', 'wb-photos__grid wb-photos__grid--review');
        value.photos.forEach(function (photo, index) {
          var item = WB.element('li', 'wb-photos__item');
          var figure = WB.element('figure', 'wb-photos__figure');
          var img = image(photo, altText(photo, index, value.photos.length), function (reason) {
            img.remove();
            figure.insertBefore(WB.element('p', 'wb-photos__frame--gone', goneText(reason)), figure.firstChild);
          });
          figure.appendChild(img);
          if (photo.caption.trim()) figure.appendChild(WB.element('figcaption', '', photo.caption));
          item.appendChild(figure);
          grid.appendChild(item);
        });
        box.appendChild(grid);
      }
      if (value.text) box.appendChild(WB.element('p', 'wb-review__text', value.text));
      return box;
    }
  });
  WB.forgetPhotoUrl = forgetUrl;
  /** Every picture's URL goes (the workbook locks: no photo stays reachable from the page). */
  WB.forgetPhotoUrls = function () {
    Object.keys(urls).forEach(forgetUrl);
  };
})(window, document);
