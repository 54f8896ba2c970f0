/* Pressroom: start Pagefind's search box on /search/, and run the query in ?q= if any. */
(function () {
  "use strict";
  var box = document.querySelector("[data-pressroom-search]");
  if (!box || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: box,
    bundlePath: box.getAttribute("data-bundle"),
    // Result links are made from the site's root, which need not be the host's root.
    baseUrl: new URL((box.getAttribute("data-root") || ".") + "/", location.href).pathname,
    showImages: false,
    resetStyles: false,
    autofocus: true
  });
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
