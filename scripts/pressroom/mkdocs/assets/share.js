/* Pressroom: the "Copy link" button of a release's share row. It stays hidden without
 * JavaScript, or where the browser cannot write to the clipboard. Its words are the page's
 * language's: the button carries them (data-copied). */
(function () {
  "use strict";
  var button = document.querySelector("[data-pressroom-copy]");
  var status = document.querySelector("[data-pressroom-copy-status]");
  if (!button || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(button.getAttribute("data-pressroom-copy")).then(function () {
      status.textContent = button.getAttribute("data-copied");
    }, function () {
      status.textContent = button.getAttribute("data-pressroom-copy");
    });
  });
})();
