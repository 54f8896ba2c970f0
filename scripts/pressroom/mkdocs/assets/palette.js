/* Pressroom: the header's light and dark toggle, in place of Material's palette component.
 * Material's restyled the whole page while its bundle started, to apply the colours the page
 * already had: on a phone, half of the bundle's first task (Total Blocking Time, see
 * scripts/lighthouse.py). This one changes the page only when the visitor switches. It keeps
 * Material's behaviour and stored choice (__palette, which Material's inline palette script
 * applies before the first paint): a label shows the next scheme, Enter switches, and an
 * option for "(prefers-color-scheme)" follows the system. */
(function () {
  "use strict";
  var form = document.querySelector("[data-pressroom-palette]");
  if (!form || typeof __md_get !== "function") return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  if (!inputs.length) return;
  var light = window.matchMedia("(prefers-color-scheme: light)");
  var metas = {};
  var stored = __md_get("__palette") || {
    index: inputs.findIndex(function (input) {
      return window.matchMedia(input.getAttribute("data-md-color-media")).matches;
    })
  };
  var current = Math.max(0, Math.min(stored.index, inputs.length - 1));

  function colors(input) {
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
    });
    if (color.media === "(prefers-color-scheme)") {
      var system = document.querySelector(light.matches
        ? "[data-md-color-media='(prefers-color-scheme: light)']"
        : "[data-md-color-media='(prefers-color-scheme: dark)']");
      ["scheme", "primary", "accent"].forEach(function (key) {
        color[key] = system.getAttribute("data-md-color-" + key);
      });
    }
    return color;
  }

  function meta(name, content) {
    if (!metas[name]) {
      metas[name] = document.createElement("meta");
      metas[name].name = name;
      document.head.appendChild(metas[name]);
    }
    metas[name].content = content;
  }

  // The browser's own bar takes the header's colour, as with Material.
  function describe() {
    var header = document.querySelector("[data-md-component=header]");
    if (!header) return;
    var style = window.getComputedStyle(header);
    meta("color-scheme", style.colorScheme);
    meta("theme-color", "#" + (style.backgroundColor.match(/\d+/g) || []).map(function (value) {
      return (+value).toString(16).padStart(2, "0");
    }).join(""));
  }

  function apply(index, switching) {
    current = index;
    var palette = { index: index, color: colors(inputs[index]) };
    var body = document.body;
    if (switching) body.setAttribute("data-md-color-switching", "");
    // Only what changes: an attribute set again restyles the page all the same.
    Object.keys(palette.color).forEach(function (key) {
      var value = String(palette.color[key]);
      if (body.getAttribute("data-md-color-" + key) !== value) {
        body.setAttribute("data-md-color-" + key, value);
      }
    });
    inputs.forEach(function (input, position) {
      var label = input.nextElementSibling;
      if (label instanceof HTMLElement && label.hidden !== (position !== index)) {
        label.hidden = position !== index;
      }
    });
    __md_set("__palette", palette);
    if (switching) {
      describe();
      setTimeout(function () { body.removeAttribute("data-md-color-switching"); }, 0);
    }
  }

  inputs.forEach(function (input, position) {
    input.addEventListener("change", function () { apply(position, true); });
  });
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
  light.addEventListener("change", function () { apply(current, true); });
  apply(current, false);
  // Once the page is painted, when reading its styles costs nothing more.
  window.requestAnimationFrame(function () { setTimeout(describe, 0); });
})();
