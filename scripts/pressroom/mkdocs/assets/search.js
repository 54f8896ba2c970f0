/* Pressroom's Search page: results shown in the page, from Pagefind's index, fetched a piece at
   a time. The words searched for stay in the address (?q=), so a search can be linked to, and
   the results stay until the visitor clears the box. Every value is put in as text. */
(function () {
  "use strict";
  var form = document.querySelector("[data-pressroom-search]");
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var clear = form.querySelector("button[type=reset]");
  var status = document.getElementById("pressroom-search-status");
  var list = document.getElementById("pressroom-search-results");
  var more = document.querySelector(".pressroom-search__more");
  var messages = JSON.parse(form.getAttribute("data-messages"));
  var PAGE = 10;
  var engine = null;
  var found = [];
  var shown = 0;
  var latest = 0; // only the last search started may show its results

  function say(key, values) {
    return messages[key].replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }

  function pagefind() {
    // Loaded on the first search: reading this page fetches nothing for search. The index is
    // written in parts: parts.json lists each language's, each with the id of the page of
    // every word it holds, which is never a result. The first part's engine searches them
    // all, reading from each only the words asked for.
    if (!engine) {
      var bundle = new URL(form.getAttribute("data-bundle"), location.href);
      engine = fetch(new URL("parts.json", bundle)).then(function (response) {
        if (!response.ok) throw new Error("no search index");
        return response.json();
      }).then(function (manifest) {
        var parts = manifest[document.documentElement.lang] || manifest[Object.keys(manifest)[0]];
        if (!parts) return function () { return Promise.resolve([]); }; // a site with no pages
        var hidden = parts.map(function (part) { return part[1]; });
        return import(new URL(parts[0][0] + "pagefind.js", bundle).href).then(function (module) {
          return Promise.all(parts.slice(1).map(function (part) {
            return module.mergeIndex(new URL(part[0], bundle).pathname);
          })).then(function () {
            return function (query) {
              return module.search(query).then(function (response) {
                return response.results.filter(function (hit) { return hidden.indexOf(hit.id) < 0; });
              });
            };
          });
        });
      });
      engine.catch(function () { engine = null; }); // a later search tries again
    }
    return engine;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // Pagefind marks the matches in an excerpt with <mark>; nothing else in it is markup.
  function excerpt(text) {
    var paragraph = element("p", "pressroom-card__summary");
    text.split(/(<mark>|<\/mark>)/).reduce(function (marking, piece) {
      if (piece === "<mark>") return true;
      if (piece === "</mark>") return false;
      if (piece) paragraph.appendChild(marking ? element("mark", "", piece) : document.createTextNode(piece));
      return marking;
    }, false);
    return paragraph;
  }

  function result(data) {
    var item = element("li", "pressroom-card");
    if (data.meta.date) item.appendChild(element("p", "pressroom-card__meta", data.meta.date));
    var heading = element("h2", "pressroom-card__title");
    var link = element("a", "", data.meta.title);
    link.href = data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    if (data.meta.partners) item.appendChild(element("p", "pressroom-card__partners", data.meta.partners));
    item.appendChild(excerpt(data.excerpt));
    return item;
  }

  function showMore(search) {
    var next = found.slice(shown, shown + PAGE);
    shown += next.length;
    return Promise.all(next.map(function (hit) { return hit.data(); })).then(function (pages) {
      if (search !== latest) return;
      pages.forEach(function (data) { list.appendChild(result(data)); });
      more.hidden = shown >= found.length;
    });
  }

  function reset() {
    latest += 1;
    found = [];
    shown = 0;
    list.replaceChildren();
    list.hidden = true;
    more.hidden = true;
    clear.hidden = true;
    status.textContent = "";
  }

  function run(query) {
    reset();
    query = query.trim();
    if (!query) return Promise.resolve();
    var search = latest;
    clear.hidden = false;
    status.textContent = messages.running;
    return pagefind().then(function (searchFor) {
      return searchFor(query);
    }).then(function (results) {
      if (search !== latest) return;
      found = results;
      var count = found.length;
      status.textContent = count === 0 ? say("none", { query: query })
        : say(count === 1 ? "one" : "many", { query: query, count: count.toLocaleString(document.documentElement.lang) });
      list.hidden = count === 0;
      return showMore(search);
    }).catch(function () {
      if (search === latest) status.textContent = messages.failed;
    });
  }

  function address(query) {
    var url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    return url.href;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (input.value.trim() !== new URLSearchParams(location.search).get("q")) {
      history.pushState(null, "", address(input.value.trim()));
    }
    run(input.value);
  });
  form.addEventListener("reset", function () {
    history.replaceState(null, "", address(""));
    reset();
    input.focus();
  });
  // Esc, or the box's own clear button, empties it: the visitor cleared the search.
  input.addEventListener("input", function () {
    if (!input.value) form.reset();
  });
  more.addEventListener("click", function () {
    var first = list.children.length;
    showMore(latest).then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus(); // keyboard and screen reader users carry on where the new ones begin
    });
  });
  function fromAddress() {
    input.value = new URLSearchParams(location.search).get("q") || "";
    run(input.value);
  }
  window.addEventListener("popstate", fromAddress);
  fromAddress();
})();
