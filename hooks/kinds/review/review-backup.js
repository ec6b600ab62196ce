/*
 * My answers (review.js): the backup file. Made from every answer, its photos,
 * what was kept aside and the earlier versions kept; locked with a passphrase
 * where the reader gives one (or the workbook's lock is on); downloaded, or
 * shared where the browser can share files.
 */
WB.Review.part(function (Review, kit) {
  'use strict';

  var E = kit.E;

  /** Resolves with {data, missing (photo ids not in this browser), unread (photos could not be read)}. */
  Review.prototype.backupData = function () {
    var answers = this.answers();
    var self = this;
    var data = {
      format: WB.backup.FORMAT,
      version: WB.backup.VERSION,
      workbook: this.siteName,
      namespace: WB.workbook,
      created: new Date().toISOString(),
      answers: Object.keys(answers).sort(WB.backup.byId).map(function (id) {
        return {
          id: id,
          // The question's words: this workbook's, or those the answer kept when its question was removed.
          prompt: self.prompts[id] ? self.prompts[id].text : typeof answers[id].prompt === 'string' ? answers[id].prompt : null,
          saved: answers[id].saved,
          value: answers[id].value
        };
      }),
      photos: [],
      aside: this.asides().map(function (entry) {
        return { id: entry.id, raw: entry.raw };
      }),
      versions: WB.versions.forBackup()
    };
    // The photos of answers kept aside travel too: they are answers, only set apart.
    var ids = kit.photoIds(kit.values(answers));
    kit.asidePhotoIds(this.asides()).forEach(function (id) {
      if (ids.indexOf(id) === -1) ids.push(id);
    });
    if (!ids.length) return Promise.resolve({ data: data, missing: [], unread: false });
    return WB.photos.getMany(ids).then(function (found) {
      return Promise.all(ids.filter(function (id) {
        return found[id];
      }).map(function (id) {
        return WB.backup.photoData(found[id].blob).then(function (photo) {
          return { id: id, type: photo.type, data: photo.data };
        });
      }));
    }).then(function (photos) {
      data.photos = photos;
      var kept = photos.map(function (photo) {
        return photo.id;
      });
      return { data: data, missing: ids.filter(function (id) {
        return kept.indexOf(id) === -1;
      }), unread: false };
    }, function () {
      return { data: data, missing: ids, unread: true };
    });
  };

  /** Where the browser can share files (Web Share API level 2), the type a backup is shared as; else null. */
  function shareType() {
    if (!navigator.share || !navigator.canShare || typeof File !== 'function') return null;
    // Older Chromium shares JSON only as text: the same file, named .json, or else .txt.
    var types = [['.json', 'application/json'], ['.json', 'text/plain'], ['.txt', 'text/plain']];
    for (var i = 0; i < types.length; i++) {
      try {
        if (navigator.canShare({ files: [new File(['{}'], 'backup' + types[i][0], { type: types[i][1] })] })) return types[i];
      } catch (error) {
        /* this browser cannot tell: try the next type */
      }
    }
    return null;
  }

  /** Show the passphrase where the browser can lock a backup, and "Share backup" where it can share one. */
  Review.prototype.passphrase = function () {
    var lock = this.root.querySelector('.wb-review__lock');
    this.shareAs = shareType();
    this.root.querySelector('[data-wb-action="share"]').hidden = !this.shareAs;
    if (!WB.locked.available()) {
      lock.hidden = true;
      return;
    }
    kit.showToggle(lock.querySelector('#wb-review-passphrase-show'), lock.querySelector('#wb-review-passphrase'));
  };

  /** The passphrase typed for a new backup ('' for none), or null when it is too short (said on the field). */
  Review.prototype.newPassphrase = function () {
    var lock = this.root.querySelector('.wb-review__lock');
    var field = lock.querySelector('#wb-review-passphrase');
    var value = lock.hidden ? '' : kit.cleaned(field.value);
    var short = value && value.length < WB.locked.MIN_PASSPHRASE;
    kit.fieldError(field, lock.querySelector('#wb-review-passphrase-error'), 'wb-review-passphrase-hint', short
      ? WB.t('review.backup.passphrase_too_short', { min: WB.number(WB.locked.MIN_PASSPHRASE) })
      : '');
    return short ? null : value;
  };

  /** The backup file: resolves with {text, made, locked}; locked with the passphrase when one is given. */
  Review.prototype.backupFile = function (passphrase) {
    return this.backupData().then(function (made) {
      var text = JSON.stringify(made.data, null, 2);
      // With the workbook's lock on, a backup is locked with the same passphrase (unless the reader chose not).
      var sealed = !passphrase && WB.store.vault ? WB.store.vault.lockBackup(text, { workbook: made.data.workbook, created: made.data.created }) : null;
      if (sealed) return sealed.then(function (locked) {
        return { text: locked, made: made, locked: true };
      });
      if (!passphrase) return { text: text, made: made, locked: false };
      return WB.locked.lock(text, passphrase, { workbook: made.data.workbook, created: made.data.created }).then(function (locked) {
        return { text: locked, made: made, locked: true };
      });
    });
  };

  /** Make a backup, then download it, or share it (`share`) where the browser can. */
  Review.prototype.backup = function (share) {
    var self = this;
    if (this.busy) return;
    var passphrase = this.newPassphrase();
    if (passphrase === null) return;
    this.busy = true;
    this.say(passphrase ? WB.t('review.backup.making_locked') : WB.t('review.backup.making'), null, 'info');
    this.backupFile(passphrase).then(function (file) {
      self.busy = false;
      var day = kit.isoDay(new Date());
      var name = file.locked ? WB.t('review.backup.file_name_locked', { workbook: WB.workbook, date: day })
        : WB.t('review.backup.file_name', { workbook: WB.workbook, date: day });
      if (share && self.shareAs) return self.share(file, name + self.shareAs[0]);
      name += '.json';
      self.made(file, name, kit.download(name, 'application/json', file.text), false);
    }, function () {
      self.busy = false;
      self.refuse(WB.t('review.backup.failed'), WB.t('review.backup.failed_title'));
    });
  };

  /** Share a made backup; where the browser wants a fresh tap first, a button to give it. */
  Review.prototype.share = function (file, name) {
    var self = this;
    var shared = new File([file.text], name, { type: this.shareAs[1] });
    var go = function () {
      navigator.share({ files: [shared], title: WB.t('review.backup.share_title', { workbook: self.siteName }) }).then(function () {
        self.made(file, name, shared.size, true);
      }, function (error) {
        if (error && error.name === 'AbortError') self.say(WB.t('review.backup.not_shared'), null, 'info');
        else self.refuse(WB.t('review.backup.share_failed'), WB.t('review.backup.share_failed_title'));
      });
    };
    if (navigator.userActivation && navigator.userActivation.isActive) return go();
    this.readyToShare = go;
    this.say(WB.t('review.backup.ready_to_share'), [kit.actions([[WB.t('review.backup.share_now_button'), 'share-ready', 'primary']])]);
    this.banner.el.querySelector('button').focus();
  };

  /** A backup was downloaded or shared: say so, and stop the reminder. */
  Review.prototype.made = function (file, name, bytes, shared) {
    var data = file.made.data;
    WB.store.write('meta', 'backup', { last: data.created });
    this.keeping();
    var reminder = document.querySelector('.wb-reminder');
    if (reminder) reminder.remove();
    this.root.querySelector('#wb-review-passphrase').value = '';
    var what = kit.answersAndPhotos(data.answers.length, data.photos.length);
    var nodes = [];
    if (file.locked) nodes.push(E('p', '', WB.t('review.backup.locked_note')));
    if (file.made.unread) {
      nodes.push(E('p', 'wb-review__warning', WB.t('review.backup.photos_unread')));
    } else if (file.made.missing.length) {
      nodes.push(E('p', 'wb-review__warning', WB.tn('review.backup.photos_missing', file.made.missing.length)));
    }
    this.say(shared ? WB.t('review.backup.shared', { name: name, what: what }) : WB.t('review.backup.downloading', { name: name, what: what }),
      [E('p', '', WB.t('review.backup.keep_safe'))].concat(nodes));
  };

  Review.on('backup', function () {
    this.closeDialog();
    this.backup(false);
  });

  Review.on('share', function () {
    this.closeDialog();
    this.backup(true);
  });

  Review.on('share-ready', function () {
    if (!this.readyToShare) return;
    this.readyToShare();
    this.readyToShare = null;
  });
});
