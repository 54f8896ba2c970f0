// A preview for journalists: decrypt the release with the key in the link's fragment
// (AES-GCM, WebCrypto), and show it. Without the right key the page keeps its message.
(function () {
  "use strict";
  var box = document.getElementById("pressroom-preview");
  var fragment = window.location.hash.slice(1);
  if (!box || !fragment || !(window.crypto && window.crypto.subtle)) {
    return;
  }
  function bytes(base64) {
    var text = window.atob(base64);
    var out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      out[i] = text.charCodeAt(i);
    }
    return out;
  }
  var key;
  try {
    var plain = fragment.replace(/-/g, "+").replace(/_/g, "/");
    key = bytes(plain + "===".slice((plain.length + 3) % 4));
  } catch (error) {
    return;
  }
  if (key.length !== 32) {
    return;
  }
  window.crypto.subtle.importKey("raw", key, "AES-GCM", false, ["decrypt"])
    .then(function (aes) {
      return window.crypto.subtle.decrypt(
        { name: "AES-GCM", iv: bytes(box.dataset.nonce) }, aes, bytes(box.dataset.ciphertext));
    })
    .then(function (decrypted) {
      var text = new TextDecoder().decode(decrypted);
      // Parsed as an inert document: nothing in it runs, and the page's CSP still applies.
      var parsed = new DOMParser().parseFromString(text, "text/html");
      box.replaceChildren.apply(box, Array.from(parsed.body.childNodes));
      box.classList.add("pressroom-preview--open");
    })
    .catch(function () {
      // A wrong or damaged key: the message stays.
    });
})();
