/* Pressroom: filter /press/ in place by partner, campaign, topic and year.
 * The choice lives in the URL (?partner=…&topic=…) so a filtered list can be shared.
 * Without JavaScript the form stays hidden and the browse links do the same job.
 * Its words are the page's language's: the form carries them (data-one, data-many, data-failed). */
(function () {
  "use strict";
  var form = document.querySelector("[data-pressroom-filter]");
  if (!form) return;
  var results = document.querySelector("[data-pressroom-results]");
  var listing = document.querySelector("[data-pressroom-listing]");
  var root = (form.getAttribute("data-root") || ".").replace(/\/$/, "") + "/";
  var fields = ["partner", "campaign", "topic", "year"];
  var index = null;

  function load() {
    if (!index) {
      index = fetch(form.getAttribute("data-index")).then(function (response) {
        if (!response.ok) throw new Error(form.getAttribute("data-failed"));
        return response.json();
      });
    }
    return index;
  }

  function chosen() {
    var choice = {};
    fields.forEach(function (name) {
      var value = form.elements[name] && form.elements[name].value;
      if (value) choice[name] = value;
    });
    return choice;
  }

  function matches(release, choice) {
    return (!choice.partner || release.partners.indexOf(choice.partner) >= 0) &&
      (!choice.campaign || release.campaign === choice.campaign) &&
      (!choice.topic || release.topics.indexOf(choice.topic) >= 0) &&
      (!choice.year || release.year === choice.year);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function card(release, data) {
    var item = element("li", "pressroom-card");
    var meta = element("p", "pressroom-card__meta");
    var time = element("time", "", release.dateText);
    time.setAttribute("datetime", release.date);
    meta.appendChild(time);
    item.appendChild(meta);
    var title = element("h3", "pressroom-card__title");
    var link = element("a", "", release.title);
    link.href = root + release.url;
    title.appendChild(link);
    item.appendChild(title);
    var names = release.partners.map(function (id) { return data.partners[id] || id; });
    item.appendChild(element("p", "pressroom-card__partners", names.join(", ")));
    return item;
  }

  function show(choice, data) {
    var found = data.releases.filter(function (release) { return matches(release, choice); });
    results.textContent = "";
    results.appendChild(element("p", "pressroom-filter__count",
      found.length === 1 ? form.getAttribute("data-one")
        : form.getAttribute("data-many").replace("{count}", found.length)));
    var list = element("ul", "pressroom-list");
    found.forEach(function (release) { list.appendChild(card(release, data)); });
    results.appendChild(list);
    results.hidden = false;
    listing.hidden = true;
  }

  function apply() {
    var choice = chosen();
    var params = new URLSearchParams();
    fields.forEach(function (name) { if (choice[name]) params.set(name, choice[name]); });
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    if (!query) {
      results.hidden = true;
      listing.hidden = false;
      return;
    }
    load().then(function (data) { show(choice, data); }).catch(function (error) {
      results.textContent = error.message;
      results.hidden = false;
    });
  }

  var params = new URLSearchParams(location.search);
  fields.forEach(function (name) {
    var select = form.elements[name];
    if (select && params.get(name)) select.value = params.get(name);
  });
  // On a phone the list comes first: the filter folds to one line until a filter is set.
  var fold = form.querySelector("details");
  if (fold && window.matchMedia("(max-width: 44.984375em)").matches &&
      !fields.some(function (name) { return params.get(name); })) {
    fold.open = false;
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  if (fields.some(function (name) { return params.get(name); })) apply();
})();
