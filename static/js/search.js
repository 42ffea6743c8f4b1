// search.js: the site's search, in the browser, with no server.
// briefsSearch(query, {lang, filters, limit}) -> Promise<results> reads the index
// that `briefs build` writes under search/<lang>/ (format: README, "Search"),
// fetching only the shards of the query's terms. The tokenizer repeats the Go
// one in internal/search exactly; a Go test compares the two.
(function () {
  "use strict";
  var K1 = 1.2, B = 0.75, TITLE = 1.0, PHRASE = 2.0;
  var script = document.currentScript;
  var root = new URL("..", script ? script.src : location.href).href;
  var cjkRe = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  var wordRe = /[\p{L}\p{M}\p{N}]/u;
  var zhScales = [["万亿", 12], ["亿", 8], ["万", 4]];
  var enScales = { thousand: 3, million: 6, billion: 9, trillion: 12 };

  function isCJK(c) { return c !== undefined && cjkRe.test(c); }
  function isDigit(c) { return c !== undefined && c >= "0" && c <= "9"; }
  function isWord(c) { return c !== undefined && wordRe.test(c); }

  // normalize: lone surrogates (invalid UTF-8 on the Go side) become spaces,
  // then NFKC, then lower case one code point at a time, as Go's ToLower does
  // (no final sigma; İ gives i).
  function normalize(s) {
    s = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, " ").normalize("NFKC");
    return s.replace(/[^\x00-\x40\x5b-\x7f]/gu, function (c) { return c === "\u0130" ? "i" : c.toLowerCase(); })
      .replace(/[A-Z]+/g, function (c) { return c.toLowerCase(); });
  }

  function stem(w) {
    if (/[0-9]/.test(w) || /[^\x00-\x7f]/.test(w)) return w;
    var n = w.length;
    if (n > 4 && w.endsWith("ies")) w = w.slice(0, -3) + "y";
    else if (n > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
    if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
    else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
    if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
    return w;
  }

  function value(ip, frac, exp) {
    while (frac.length < exp) frac += "0";
    ip = (ip + frac.slice(0, exp)).replace(/^0+/, "") || "0";
    frac = frac.slice(exp).replace(/0+$/, "");
    return frac ? ip + "." + frac : ip;
  }

  // wordAfterSpace returns [word, end] for the word after one space at j.
  function wordAfterSpace(rs, j) {
    if (rs[j] !== " ") return ["", j];
    var k = j + 1;
    while (k < rs.length && isWord(rs[k]) && !isCJK(rs[k]) && !isDigit(rs[k])) k++;
    if (isDigit(rs[k])) return ["", j];
    return [rs.slice(j + 1, k).join(""), k];
  }

  function skipMore(rs, j) { return rs[j] === "余" || rs[j] === "多" ? j + 1 : j; }

  // figure reads the figure at the digit rs[i]: [term, end]. See figure.go.
  function figure(rs, i, units, maxUnit) {
    var j = i, ip = "", frac = "", exp = 0, suffix = "";
    while (isDigit(rs[j])) ip += rs[j++];
    while (rs[j] === "," && isDigit(rs[j + 1]) && isDigit(rs[j + 2]) && isDigit(rs[j + 3]) && !isDigit(rs[j + 4])) {
      ip += rs[j + 1] + rs[j + 2] + rs[j + 3];
      j += 4;
    }
    if (rs[j] === "." && isDigit(rs[j + 1])) {
      j++;
      while (isDigit(rs[j])) frac += rs[j++];
    }
    j = skipMore(rs, j);
    var found = false;
    for (var s = 0; s < zhScales.length && !found; s++) {
      var w = Array.from(zhScales[s][0]);
      if (w.every(function (c, k) { return rs[j + k] === c; })) { exp = zhScales[s][1]; j += w.length; found = true; }
    }
    if (!found) {
      var ws = wordAfterSpace(rs, j);
      if (ws[0] && enScales.hasOwnProperty(ws[0])) { exp = enScales[ws[0]]; j = ws[1]; found = true; }
    }
    if (found) j = skipMore(rs, j);
    if (rs[j] === "%") { suffix = ":%"; j++; }
    else {
      var wu = wordAfterSpace(rs, j);
      if (wu[0]) {
        if (wu[0] === "percent") { suffix = ":%"; j = wu[1]; }
        else if (units.hasOwnProperty(wu[0])) { suffix = units[wu[0]] ? ":" + units[wu[0]] : ""; j = wu[1]; }
      } else {
        for (var n = Math.min(maxUnit, rs.length - j); n > 0; n--) {
          var u = rs.slice(j, j + n).join("");
          if (units.hasOwnProperty(u) && isCJK(rs[j])) { suffix = units[u] ? ":" + units[u] : ""; j += n; break; }
        }
      }
    }
    return ["#" + value(ip, frac, exp) + suffix, j];
  }

  // tokens reads the code points rs; each token is {term, pos, start, end},
  // start and end indexing rs. See tokenize.go.
  function tokens(rs, query, units) {
    var maxUnit = 0;
    for (var w in units) maxUnit = Math.max(maxUnit, Array.from(w).length);
    var out = [], pos = 0, i = 0, j, k;
    while (i < rs.length) {
      var c = rs[i];
      if (isCJK(c)) {
        for (j = i; j < rs.length && isCJK(rs[j]); j++);
        if (!query || j - i === 1) for (k = i; k < j; k++) out.push({ term: rs[k], pos: pos + k - i, start: k, end: k + 1 });
        for (k = i; k + 1 < j; k++) out.push({ term: rs[k] + rs[k + 1], pos: pos + k - i, start: k, end: k + 2 });
        pos += j - i;
        i = j;
      } else if (isDigit(c)) {
        var f = figure(rs, i, units, maxUnit);
        out.push({ term: f[0], pos: pos, start: i, end: f[1] });
        var colon = f[0].indexOf(":");
        if (colon >= 0 && !query) out.push({ term: f[0].slice(0, colon), pos: pos, start: i, end: f[1] });
        pos++;
        i = f[1];
      } else if (isWord(c)) {
        for (j = i; j < rs.length && isWord(rs[j]) && !isCJK(rs[j]); j++);
        out.push({ term: stem(rs.slice(i, j).join("")), pos: pos++, start: i, end: j });
        i = j;
      } else i++;
    }
    return out;
  }

  function tokenize(text, query, units) { return tokens(Array.from(normalize(text)), query, units); }

  function fnv(term) {
    var h = 0x811c9dc5, b = new TextEncoder().encode(term);
    for (var i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 0x01000193) >>> 0;
    return h;
  }

  var cache = {};
  function get(url) {
    if (!cache[url]) cache[url] = fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
    return cache[url];
  }

  // postings decodes one term's list: doc -> {tf, title, pos}.
  function postings(flat) {
    var m = new Map(), i = 0, doc = 0;
    while (i < flat.length) {
      doc += flat[i];
      var p = { tf: flat[i + 1], title: flat[i + 2] === 1, pos: [] }, n = flat[i + 3], last = 0;
      for (i += 4; n > 0; n--, i++) p.pos.push(last += flat[i]);
      m.set(doc, p);
    }
    return m;
  }

  function adjacent(a, b, gap) { return a.some(function (x) { return b.indexOf(x + gap) >= 0; }); }

  function rank(q, lists, docs, avg) {
    var n = docs.length, idf = lists.map(function (l) { return Math.log(1 + (n - l.size + 0.5) / (l.size + 0.5)); });
    var out = [];
    lists[0].forEach(function (_, d) {
      if (!lists.every(function (l) { return l.has(d); })) return;
      var s = 0, seen = {};
      q.forEach(function (t, i) {
        var p = lists[i].get(d);
        if (!seen[t.term]) {
          seen[t.term] = true;
          s += idf[i] * p.tf * (K1 + 1) / (p.tf + K1 * (1 - B + B * docs[d].n / avg));
          if (p.title) s += TITLE * idf[i];
        }
        if (i > 0 && adjacent(lists[i - 1].get(d).pos, p.pos, t.pos - q[i - 1].pos)) s += PHRASE * (idf[i] + idf[i - 1]) / 2;
      });
      out.push({ id: d, score: s });
    });
    return out.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
  }

  function escape(s) { return s.replace(/[&<>"]/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; }); }

  // highlight marks in text the tokens whose term the query has, and cuts an
  // excerpt of about width code points around the first (width 0: no cut).
  function highlight(text, terms, units, width) {
    var orig = Array.from(text), rs = [], at = [];
    orig.forEach(function (c, i) { Array.from(normalize(c)).forEach(function (n) { rs.push(n); at.push(i); }); });
    var marked = new Array(orig.length + 1).fill(false);
    tokens(rs, false, units).forEach(function (t) {
      if (terms.has(t.term)) for (var k = at[t.start]; k <= at[t.end - 1]; k++) marked[k] = true;
    });
    var from = 0, to = orig.length;
    if (width) {
      var first = marked.indexOf(true);
      from = Math.max(0, (first < 0 ? 0 : first) - (width >> 2));
      to = Math.min(orig.length, from + width);
    }
    var html = from > 0 ? "…" : "", open = false;
    for (var i = from; i < to; i++) {
      if (marked[i] !== open) { html += marked[i] ? "<mark>" : "</mark>"; open = marked[i]; }
      html += escape(orig[i]);
    }
    return html + (open ? "</mark>" : "") + (to < orig.length ? "…" : "");
  }

  function keep(doc, f) {
    if (!f) return true;
    if (f.section && doc.s !== f.section) return false;
    if (f.tag && (doc.g || []).indexOf(f.tag) < 0) return false;
    return !(f.year && (doc.d || "").slice(0, 4) !== String(f.year));
  }

  // briefsSearch finds the pages of lang holding every term of query, best first.
  // The array holds up to opts.limit (20) results, each {url, title, section,
  // date, tags, score, titleHTML, excerpt}; its total property counts them all.
  function briefsSearch(query, opts) {
    opts = opts || {};
    var lang = opts.lang || document.documentElement.lang.split("-")[0];
    var base = root + "search/" + lang + "/", limit = opts.limit || 20;
    return get(base + "index.json").then(function (e) {
      var q = tokenize(query, true, e.units);
      var none = Object.assign([], { total: 0 });
      if (!q.length || !e.shards.length) return none;
      var terms = q.map(function (t) { return t.term; });
      return Promise.all([get(base + e.docs)].concat(terms.map(function (t) {
        return get(base + "shard-" + e.shards[fnv(t) % e.shards.length] + ".json");
      }))).then(function (got) {
        var docs = got[0], lists = terms.map(function (t, i) { return postings(got[i + 1][t] || []); });
        var ranked = rank(q, lists, docs, e.avgLen).filter(function (r) { return keep(docs[r.id], opts.filters); });
        var top = ranked.slice(0, limit), set = new Set(terms);
        return Promise.all(top.map(function (r) {
          return get(base + e.texts[Math.floor(r.id / e.perText)]).then(function (texts) {
            var d = docs[r.id];
            return {
              url: root + d.u, title: d.t, section: d.s || "", date: d.d || "", tags: d.g || [], score: r.score,
              titleHTML: highlight(d.t, set, e.units, 0), excerpt: highlight(texts[r.id % e.perText], set, e.units, 160)
            };
          });
        })).then(function (results) { return Object.assign(results, { total: ranked.length }); });
      });
    });
  }

  window.briefsSearch = briefsSearch;
  // tokenize gives the terms ({term, pos}) of text, for tests and tools.
  window.briefsSearch.tokenize = tokenize;

  // The search page: results as you type, ?q= in the address, arrow keys.
  function page(box) {
    var input = box.querySelector("input[name=q]"), list = box.querySelector(".search-results");
    var status = box.querySelector(".search-status"), lang = box.dataset.code, seq = 0, timer;
    var plural = new Intl.PluralRules(document.documentElement.lang);
    function show(q) {
      var n = ++seq;
      if (!q.trim()) { list.textContent = ""; status.textContent = ""; return; }
      briefsSearch(q, { lang: lang }).then(function (rs) {
        if (n !== seq) return;
        var count = box.dataset[plural.select(rs.total) === "one" ? "countOne" : "countOther"];
        status.textContent = rs.total ? count.replace("%s", rs.total.toLocaleString(document.documentElement.lang)) : box.dataset.none;
        list.innerHTML = rs.map(function (r) {
          return '<li><a href="' + escape(r.url) + '">' + r.titleHTML + '</a><p class="search-meta">' +
            escape([r.section, r.date].filter(Boolean).join(" · ")) + "</p><p>" + r.excerpt + "</p></li>";
        }).join("");
      }).catch(function (err) { if (n === seq) status.textContent = String(err); });
    }
    function setURL(q, push) {
      var u = new URL(location.href);
      if (q) u.searchParams.set("q", q); else u.searchParams.delete("q");
      history[push ? "pushState" : "replaceState"]({ q: q }, "", u);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { setURL(input.value, false); show(input.value); }, 200);
    });
    box.querySelector("form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      setURL(input.value, true);
      show(input.value);
    });
    window.addEventListener("popstate", function () {
      input.value = new URL(location.href).searchParams.get("q") || "";
      show(input.value);
    });
    box.addEventListener("keydown", function (ev) {
      var links = Array.from(list.querySelectorAll("a")), i = links.indexOf(document.activeElement);
      if (ev.key === "ArrowDown" && i < links.length - 1) { links[i + 1].focus(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp" && i >= 0) { (i > 0 ? links[i - 1] : input).focus(); ev.preventDefault(); }
      else if (ev.key === "Escape" && i >= 0) { input.focus(); }
    });
    input.value = new URL(location.href).searchParams.get("q") || "";
    show(input.value);
  }

  var box = document.getElementById("search");
  if (box) page(box);
})();
