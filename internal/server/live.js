// briefs dev server: reloads this page when a rebuild changes it, and shows build
// problems over the page until they are fixed. Injected only by `briefs serve`.
(function () {
  "use strict";
  var here = decodeURI(location.pathname);
  var overlay = null;

  // searching: whether this page reads the search index (the search page). Only
  // it needs the index's files: an edit moves thousands of them, and reloading
  // every open page for them would lose each page's place for nothing.
  var searching = !!document.querySelector("script[src$='js/search.js']");
  var indexFile = /^\/search\/[^\/]+\/.+\.(bin|json)$/;

  function matches(paths) {
    for (var i = 0; i < paths.length; i++) {
      var p = paths[i];
      if (indexFile.test(p)) {
        // The search page keeps the index's entry it read, whose folder an
        // edit replaces: it reloads to read the new one.
        if (searching) return true;
        continue;
      }
      // This page, or a stylesheet, script or image that every page may use.
      if (p === here || !/(\/|\.html)$/.test(p)) return true;
    }
    return false;
  }

  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function el(tag, css, text) {
    var e = document.createElement(tag);
    if (css) e.style.cssText = css;
    if (text != null) e.textContent = text;
    return e;
  }

  function show(problems) {
    hide();
    if (!problems || !problems.length) return;
    overlay = el("div", "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,22,28,.92);color:#f5f5f5;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem;");
    overlay.id = "briefs-problems";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-label", "Build problems");
    var title = el("h1", "font:600 20px/1.3 system-ui,sans-serif;margin:0 0 1rem;color:#ff8a80;",
      problems.length === 1 ? "Build failed: 1 problem" : "Build failed: " + problems.length + " problems");
    overlay.appendChild(title);
    var served = document.body.id === "briefs-unbuilt" ?
      "No build has succeeded yet, so nothing is served." : "The last good build is still served.";
    overlay.appendChild(el("p", "margin:0 0 1.5rem;color:#bbb;font-family:system-ui,sans-serif;",
      served + " Fix the file and save: this page updates by itself."));
    problems.forEach(function (p) {
      var box = el("section", "margin:0 0 1.5rem;padding:1rem;background:#1d2027;border-left:4px solid #ff5252;border-radius:4px;");
      box.appendChild(el("div", "color:#80d8ff;", p.place || ""));
      box.appendChild(el("div", "color:#fff;margin:.25rem 0 .5rem;white-space:pre-wrap;", p.message));
      if (p.lines && p.lines.length) {
        var pre = el("pre", "margin:0;padding:.5rem;background:#111318;overflow:auto;");
        p.lines.forEach(function (l) {
          var row = el("div", l.Line === p.line ? "background:#4a1c1c;" : "", String(l.Line).padStart(5) + " | " + l.Text);
          pre.appendChild(row);
        });
        box.appendChild(pre);
      }
      overlay.appendChild(box);
    });
    document.body.appendChild(overlay);
  }

  // The event stream's first event carries the build's problems, if any. The page
  // does not also ask for them: under load that answer, read before a build failed,
  // could come back after the failed build's event and hide its overlay.
  var es = new EventSource("/__briefs/events");
  es.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    var had = !!overlay;
    hide();
    if (matches(d.paths || []) || had) location.reload();
  });
  es.addEventListener("problems", function (e) { show(JSON.parse(e.data)); });
})();
