/*
 * WB.vaultCrypto: the lock's encryption (vault.js), WebCrypto only. A sealed text is
 * "wb-sealed:1:" + base64(12-byte random IV + AES-256-GCM ciphertext and 16-byte tag);
 * sealed bytes (a photo) are the same without the base64.
 */
(function (window) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var PREFIX = WB.Store.SEALED_PREFIX; // 'wb-sealed:1:' (storage.js leaves such values alone without this code)

  function fail(name, message) {
    var error = new Error(message);
    error.name = name;
    return error;
  }

  function isSealed(text) {
    return typeof text === 'string' && text.indexOf(PREFIX) === 0;
  }

  function importKey(bits) {
    return WB.locked.subtle().importKey('raw', bits, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  }

  function sealBytes(key, bytes) {
    var iv = WB.locked.random(12);
    return WB.locked.subtle().encrypt({ name: 'AES-GCM', iv: iv }, key, bytes).then(function (sealed) {
      var out = new Uint8Array(12 + sealed.byteLength);
      out.set(iv);
      out.set(new Uint8Array(sealed), 12);
      return out.buffer;
    });
  }

  function openBytes(key, buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes.length < 28) return Promise.reject(fail('WbDamaged', 'too short'));
    return WB.locked.subtle().decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12) }, key, bytes.subarray(12));
  }

  function seal(key, text) {
    return sealBytes(key, new TextEncoder().encode(text)).then(function (buffer) {
      return PREFIX + WB.locked.toBase64(new Uint8Array(buffer));
    });
  }

  function open(key, text) {
    var bytes = WB.locked.fromBase64(text.slice(PREFIX.length));
    if (!bytes) return Promise.reject(fail('WbDamaged', 'not base64'));
    return openBytes(key, bytes).then(function (plain) {
      return new TextDecoder('utf-8', { fatal: true }).decode(plain);
    });
  }

  WB.vaultCrypto = {
    PREFIX: PREFIX,
    CHECK: 'wb-lock-check:1', // sealed in the settings: the passphrase is right when it opens
    IDLE: 15, // minutes without use before the workbook locks itself, at first
    KINDS: WB.Store.SEALED, // the kinds of stored value that are sealed: answer, versions, aside, undo
    fail: fail,
    isSealed: isSealed,
    importKey: importKey,
    seal: seal,
    open: open,
    sealBytes: sealBytes,
    openBytes: openBytes
  };
})(window);
