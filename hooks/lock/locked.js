/*
 * WB.locked: backups locked with a passphrase, using the browser's own WebCrypto only.
 *
 *   {"format": "wb-backup-locked", "version": 1, "workbook": <site name>, "created": <ISO date>,
 *    "kdf": {"name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": <base64, 16 bytes>},
 *    "cipher": {"name": "AES-GCM", "length": 256, "iv": <base64, 12 bytes>},
 *    "data": <base64: the text of a plain backup file, encrypted; GCM's 16-byte tag at its end>}
 *
 * The key is derived from the passphrase (PBKDF2-HMAC-SHA256, a fresh random salt per
 * file), the text encrypted with AES-256-GCM under a fresh random IV. Everything but
 * "data" is authenticated too (GCM's additional data), so a wrong passphrase and a file
 * changed anywhere are both refused, and nothing is known of the answers without the
 * passphrase. A header is checked before any work: an iteration count past MAX_ITERATIONS
 * or a salt, IV or tag of the wrong length is refused at once.
 */
(function (window) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var FORMAT = 'wb-backup-locked';
  var VERSION = 1;
  var ITERATIONS = 600000; // OWASP's figure for PBKDF2-HMAC-SHA256 (2023)
  var MAX_ITERATIONS = 10000000; // about 10 s on a slow phone: past it, a file is refused unread
  var SALT_BYTES = 16;
  var IV_BYTES = 12;
  var TAG_BYTES = 16;
  var MIN_PASSPHRASE = 8;
  var RE_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  var KEYS = ['cipher', 'created', 'data', 'format', 'kdf', 'version', 'workbook'];
  // The key last derived for opening a file: a second try with the same file and passphrase is instant.
  var last = null;

  function subtle() {
    return window.crypto && window.crypto.subtle && window.isSecureContext !== false ? window.crypto.subtle : null;
  }

  function toBase64(bytes) {
    var parts = [];
    for (var i = 0; i < bytes.length; i += 0x8000) {
      parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)));
    }
    return window.btoa(parts.join(''));
  }

  /** Bytes of base64 written as this code writes it (one spelling only), or null. */
  function fromBase64(text) {
    if (typeof text !== 'string' || !RE_BASE64.test(text)) return null;
    // Base64 can spell the same bytes more than one way: the bits after the last byte, before
    // "=" or "==", are ignored when read. Only the spelling with them at zero is accepted.
    var pad = /==$/.test(text) ? 2 : /=$/.test(text) ? 1 : 0;
    if (pad && ALPHABET.indexOf(text.charAt(text.length - pad - 1)) & (pad === 2 ? 15 : 3)) return null;
    var binary = window.atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function sameKeys(object, keys) {
    return !!object && typeof object === 'object' && !Array.isArray(object) &&
      Object.keys(object).sort().join(',') === keys.join(',');
  }

  /** The authenticated header: every field but "data", in a fixed order. */
  function additional(data) {
    return new TextEncoder().encode(JSON.stringify([
      data.format, data.version, data.workbook, data.created,
      data.kdf.name, data.kdf.hash, data.kdf.iterations, data.kdf.salt,
      data.cipher.name, data.cipher.length, data.cipher.iv
    ]));
  }

  /** Is this parsed file a locked backup (whatever its state)? */
  function isLocked(data) {
    return !!data && typeof data === 'object' && data.format === FORMAT;
  }

  /** A locked backup's header, checked without any slow work: {error} or {salt, iv, data, iterations, created, workbook}. */
  function header(data) {
    if (typeof data.version !== 'number' || data.version !== VERSION) {
      return {
        error: data.version > VERSION
          ? WB.t('lock.file.newer')
          : WB.t('lock.file.unknown_format')
      };
    }
    if (!sameKeys(data, KEYS) || !sameKeys(data.kdf, ['hash', 'iterations', 'name', 'salt']) ||
        !sameKeys(data.cipher, ['iv', 'length', 'name'])) {
      return { error: WB.t('lock.file.damaged') };
    }
    if (data.kdf.name !== 'PBKDF2' || data.kdf.hash !== 'SHA-256' || data.cipher.name !== 'AES-GCM' || data.cipher.length !== 256) {
      return { error: WB.t('lock.file.unknown') };
    }
    var iterations = data.kdf.iterations;
    if (typeof iterations !== 'number' || Math.floor(iterations) !== iterations || iterations < ITERATIONS || iterations > MAX_ITERATIONS) {
      return { error: WB.t('lock.file.unknown') };
    }
    if (typeof data.workbook !== 'string' || typeof data.created !== 'string' || isNaN(Date.parse(data.created))) {
      return { error: WB.t('lock.file.damaged') };
    }
    var salt = fromBase64(data.kdf.salt);
    var iv = fromBase64(data.cipher.iv);
    var sealed = fromBase64(data.data);
    if (!salt || salt.length !== SALT_BYTES || !iv || iv.length !== IV_BYTES || !sealed || sealed.length <= TAG_BYTES) {
      return { error: WB.t('lock.file.damaged') };
    }
    return { salt: salt, iv: iv, data: sealed, iterations: iterations, created: data.created, workbook: data.workbook, aad: additional(data) };
  }

  function deriveKey(passphrase, salt, iterations) {
    var crypto = subtle();
    var secret = new TextEncoder().encode(passphrase.normalize ? passphrase.normalize('NFC') : passphrase);
    return crypto.importKey('raw', secret, 'PBKDF2', false, ['deriveKey']).then(function (base) {
      return crypto.deriveKey(
        { name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations },
        base,
        { name: 'AES-GCM', length: 256 },
        false,
        ['encrypt', 'decrypt']
      );
    });
  }

  function random(n) {
    var bytes = new Uint8Array(n);
    window.crypto.getRandomValues(bytes);
    return bytes;
  }

  /** Lock a plain backup's text: resolves with the locked file's text. */
  function lock(text, passphrase, about) {
    if (!subtle()) return Promise.reject(new Error('WebCrypto is not available'));
    var salt = random(SALT_BYTES);
    return deriveKey(passphrase, salt, ITERATIONS).then(function (key) {
      return lockWithKey(text, key, salt, ITERATIONS, about);
    });
  }

  /**
   * Open a checked header (from header()) with a passphrase: resolves with the plain
   * backup's text, or rejects with {message} (a wrong passphrase or a changed file).
   */
  function unlock(found, passphrase) {
    var crypto = subtle();
    if (!crypto) return Promise.reject({ message: WB.t('lock.file.no_crypto') });
    var id = found.iterations + ':' + toBase64(found.salt) + ':' + passphrase;
    var key = last && last.id === id ? Promise.resolve(last.key) : deriveKey(passphrase, found.salt, found.iterations).then(function (made) {
      last = { id: id, key: made };
      return made;
    });
    return key.then(function (made) {
      return crypto.decrypt({ name: 'AES-GCM', iv: found.iv, additionalData: found.aad, tagLength: TAG_BYTES * 8 }, made, found.data);
    }).then(function (plain) {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(plain);
      } catch (error) {
        throw { message: WB.t('lock.file.damaged') };
      }
    }, function () {
      throw { message: WB.t('lock.file.wrong') };
    });
  }

  /**
   * Lock a plain backup's text with a key already derived (the workbook's own lock, vault.js):
   * the file names the salt and count it was derived with, so the same passphrase opens it anywhere.
   */
  function lockWithKey(text, key, salt, iterations, about) {
    var iv = random(IV_BYTES);
    var data = {
      format: FORMAT,
      version: VERSION,
      workbook: about.workbook,
      created: about.created,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: iterations, salt: toBase64(salt) },
      cipher: { name: 'AES-GCM', length: 256, iv: toBase64(iv) },
      data: ''
    };
    return subtle().encrypt(
      { name: 'AES-GCM', iv: iv, additionalData: additional(data), tagLength: TAG_BYTES * 8 }, key, new TextEncoder().encode(text)
    ).then(function (sealed) {
      data.data = toBase64(new Uint8Array(sealed));
      return JSON.stringify(data, null, 2);
    });
  }

  /** The 256 bits PBKDF2-HMAC-SHA256 makes of a passphrase (the workbook's lock keeps them for the session). */
  function deriveBits(passphrase, salt, iterations) {
    var crypto = subtle();
    var secret = new TextEncoder().encode(passphrase.normalize ? passphrase.normalize('NFC') : passphrase);
    return crypto.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']).then(function (base) {
      return crypto.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations }, base, 256);
    });
  }

  /** Forget the key kept for a second try (after a restore, or when the dialog closes). */
  function forget() {
    last = null;
  }

  WB.locked = {
    FORMAT: FORMAT,
    ITERATIONS: ITERATIONS,
    MAX_ITERATIONS: MAX_ITERATIONS,
    MIN_PASSPHRASE: MIN_PASSPHRASE,
    available: function () {
      return !!subtle() && typeof TextEncoder === 'function';
    },
    isLocked: isLocked,
    header: header,
    lock: lock,
    unlock: unlock,
    forget: forget,
    lockWithKey: lockWithKey,
    deriveBits: deriveBits,
    random: random,
    toBase64: toBase64,
    fromBase64: fromBase64,
    subtle: subtle
  };
})(window);
