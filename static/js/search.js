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

  // figure reads the figure at the digit rs[i]: [term, end, written], written
  // being the number as written when a scale word was applied. See figure.go.
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
    return ["#" + value(ip, frac, exp) + suffix, j, exp ? "#" + value(ip, frac, 0) : ""];
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
        var pair = function (k) { out.push({ term: rs[k] + rs[k + 1], pos: pos + k - i, start: k, end: k + 2 }); };
        if (!query || j - i === 1) for (k = i; k < j; k++) out.push({ term: rs[k], pos: pos + k - i, start: k, end: k + 1 });
        if (!query) for (k = i; k + 1 < j; k++) pair(k);
        else if (j - i > 1) {
          for (k = i; k + 1 < j; k += 2) pair(k);
          if ((j - i) % 2) pair(j - 2);
        }
        pos += j - i;
        i = j;
      } else if (isDigit(c)) {
        var f = figure(rs, i, units, maxUnit);
        out.push({ term: f[0], pos: pos, start: i, end: f[1] });
        var colon = f[0].indexOf(":"), bare = colon >= 0 ? f[0].slice(0, colon) : f[0];
        if (colon >= 0 && !query) out.push({ term: bare, pos: pos, start: i, end: f[1] });
        if (f[2] && f[2] !== bare && !query) out.push({ term: f[2], pos: pos, start: i, end: f[1] });
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

  var cache = {}, utf8 = new TextDecoder();
  // get fetches url once: JSON, or bytes when bin.
  function get(url, bin) {
    if (!cache[url]) cache[url] = fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return bin ? r.arrayBuffer().then(function (b) { return new Uint8Array(b); }) : r.json();
    });
    return cache[url];
  }

  // uvarint reads an unsigned LEB128 number at r.i of r.b.
  function uvarint(r) {
    var v = 0, m = 1, c;
    do { c = r.b[r.i++]; v += (c & 127) * m; m *= 128; } while (c >= 128);
    return v;
  }

  // table reads a shard's list of terms: term -> {df, at, size}. See files.go.
  function table(b) {
    if (b.terms) return b.terms;
    var r = { b: b, i: 0 }, n = uvarint(r), list = [], at = 0;
    for (var k = 0; k < n; k++) {
      var len = uvarint(r), term = utf8.decode(b.subarray(r.i, r.i += len)), df = uvarint(r), size = uvarint(r);
      list.push([term, df, at, size]);
      at += size;
    }
    b.terms = new Map(list.map(function (e) { return [e[0], { df: e[1], at: r.i + e[2], size: e[3] }]; }));
    return b.terms;
  }

  // postings decodes term's postings in shard b: page -> {tf, title, pos}.
  // A CJK term's entries have a count and no positions (cjkEntry in files.go).
  function postings(b, term) {
    var m = new Map(), e = table(b).get(term), cjk = isCJK(String.fromCodePoint(term.codePointAt(0)));
    if (!e) return m;
    var r = { b: b, i: e.at }, doc = 0;
    for (var k = 0; k < e.df; k++) {
      doc += uvarint(r);
      var tf = uvarint(r), n = cjk ? 0 : uvarint(r), p = { tf: tf >> 1, title: (tf & 1) === 1, pos: [] }, last = 0;
      while (n-- > 0) p.pos.push(last += uvarint(r));
      m.set(doc, p);
    }
    return m;
  }

  // words reads a prefix entry: the words that start with its three letters.
  function words(b, key) {
    var e = table(b).get(key);
    return e ? utf8.decode(b.subarray(e.at, e.at + e.size)).split("\n") : [];
  }

  // union is one list of the pages of several: the most frequent term per page.
  function union(ls) {
    var m = new Map();
    ls.forEach(function (l) { l.forEach(function (p, d) { if (!m.has(d) || m.get(d).tf < p.tf) m.set(d, p); }); });
    return m;
  }

  function adjacent(a, b, gap) { return a.some(function (x) { return b.indexOf(x + gap) >= 0; }); }

  // bridge is the CJK pair that joins query terms q[i-1] and q[i] when both
  // are CJK terms and the second starts where the first ends (营商, 环境: 商环),
  // or "": CJK terms keep no positions, and a page that has the bridge too
  // has the phrase. See rank.go.
  function bridge(q, i) {
    if (i === 0) return "";
    var a = Array.from(q[i - 1].term), b = Array.from(q[i].term);
    if (!isCJK(a[0]) || !isCJK(b[0]) || q[i].pos - q[i - 1].pos !== a.length) return "";
    return a[a.length - 1] + b[0];
  }

  // rank scores the pages in every list of lists (and of filters) as rank.go
  // does; bridges[i] are the pages of bridge(q, i), if it has one.
  function rank(q, lists, filters, bridges, lens, n, avg) {
    var idf = lists.map(function (l) { return Math.log(1 + (n - l.size + 0.5) / (l.size + 0.5)); });
    var out = [], all = lists.concat(filters);
    lists[0].forEach(function (_, d) {
      if (!all.every(function (l) { return l.has(d); })) return;
      var s = 0, seen = {}, len = Math.pow(2, lens[d] / 8) - 1;
      q.forEach(function (t, i) {
        var p = lists[i].get(d);
        if (!seen[t.term]) {
          seen[t.term] = true;
          s += idf[i] * p.tf * (K1 + 1) / (p.tf + K1 * (1 - B + B * len / avg));
          if (p.title) s += TITLE * idf[i];
        }
        if (i > 0 && (bridges[i] ? bridges[i].has(d) : adjacent(lists[i - 1].get(d).pos, p.pos, t.pos - q[i - 1].pos))) s += PHRASE * (idf[i] + idf[i - 1]) / 2;
      });
      out.push({ id: d, score: s });
    });
    return out.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
  }

  function escape(s) { return s.replace(/[&<>"]/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; }); }

  // inWord reports whether a cut before cs[i] would split a word of letters or digits.
  function inWord(cs, i) { return /[A-Za-z0-9]/.test(cs[i - 1]) && /[A-Za-z0-9]/.test(cs[i]); }

  // highlight marks in text the tokens whose term the query has, and cuts an
  // excerpt of about width code points around the first (width 0: no cut).
  function highlight(text, terms, units, width) {
    var orig = Array.from(text), rs = [], at = [];
    orig.forEach(function (c, i) { Array.from(normalize(c)).forEach(function (n) { rs.push(n); at.push(i); }); });
    var marked = new Array(orig.length + 1).fill(false);
    tokens(rs, false, units).forEach(function (t) {
      if (terms.has(t.term) || terms.prefix && t.term.startsWith(terms.prefix)) for (var k = at[t.start]; k <= at[t.end - 1]; k++) marked[k] = true;
    });
    var from = 0, to = orig.length;
    if (width) {
      var first = marked.indexOf(true);
      from = Math.max(0, (first < 0 ? 0 : first) - (width >> 2));
      to = Math.min(orig.length, from + width);
      // Cut between words, never inside one ("…ected of" was "…suspected of").
      while (from > 0 && from < first && inWord(orig, from)) from++;
      while (to < orig.length && to - 1 > Math.max(first, from) && inWord(orig, to)) to--;
      while (from > 0 && from < first && /[\s，。；：、！？,.;:!?]/.test(orig[from])) from++;
      while (to > from && orig[to - 1] === " ") to--;
    }
    var html = from > 0 ? "…" : "", open = false;
    for (var i = from; i < to; i++) {
      if (marked[i] !== open) { html += marked[i] ? "<mark>" : "</mark>"; open = marked[i]; }
      html += escape(orig[i]);
    }
    return html + (open ? "</mark>" : "") + (to < orig.length ? "…" : "");
  }

  // facetTerms are the index terms of filters {section, tag, year}.
  function facetTerms(f) {
    f = f || {};
    return [["> s ", f.section], ["> t ", f.tag], ["> y ", f.year]].filter(function (x) { return x[1]; })
      .map(function (x) { return x[0] + x[1]; });
  }

  // file is the name of shard or record file k ("s", "r") below an index's
  // folder: 256 share a folder.
  function file(kind, k, ext) { return Math.floor(k / 256) + "/" + kind + k + ext; }

  // index opens a language's index: its entry, and a function from a term to
  // its shard.
  function index(lang) {
    var base = root + "search/" + lang + "/";
    return get(base + "index.json").then(function (e) {
      var dir = base + e.dir + "/";
      return { e: e, dir: dir, shard: function (t) { return get(dir + file("s", fnv(t) % e.shards, ".bin"), true); } };
    });
  }

  // lookup gives the postings of each query term; the last one, a word being
  // typed, also stands for the words it starts (prefix entries).
  function lookup(ix, q, raw) {
    return Promise.all(q.map(function (t, i) {
      var w = raw[i] || "", more = i === q.length - 1 && !t.term.startsWith("#") && !isCJK(t.term[0]) && Array.from(w).length >= 3;
      return ix.shard(t.term).then(function (b) {
        var own = postings(b, t.term);
        if (!more) return own;
        var key = "<" + Array.from(w).slice(0, 3).join("");
        return ix.shard(key).then(function (pb) {
          var cands = words(pb, key).filter(function (x) { return x !== t.term && x.startsWith(w); }).slice(0, 8);
          return Promise.all(cands.map(function (c) {
            return ix.shard(c).then(function (cb) { return postings(cb, c); });
          })).then(function (ls) { return union([own].concat(ls)); });
        });
      });
    }));
  }

  // find ranks the pages for query; it resolves to [ranked, terms, ix, lens].
  function find(ix, query, filters) {
    var e = ix.e, rs = Array.from(normalize(query)), q = tokens(rs, true, e.units);
    var open = !/\s$/.test(query), raw = q.map(function (t) { return rs.slice(t.start, t.end).join(""); });
    if (!q.length || !e.count) return Promise.resolve([[], q]);
    var ft = facetTerms(filters), bridges = q.map(function (_, i) { return bridge(q, i); });
    var list = function (t) { return t ? ix.shard(t).then(function (b) { return postings(b, t); }) : null; };
    return Promise.all([get(ix.dir + "lengths.bin", true), lookup(ix, q, open ? raw : []), Promise.all(bridges.map(list))]
      .concat(ft.map(list))).then(function (got) {
      return [rank(q, got[1], got.slice(3), got[2], got[0], e.count, e.avgLen), q, got[1]];
    });
  }

  // suggest finds, for a query with no results, queries that have some: each
  // with one word left out, and each with a word replaced by the closest
  // indexed word of the same start.
  function suggest(ix, query, filters) {
    var ws = query.trim().split(/\s+/), tries = [];
    if (ws.length > 1) ws.forEach(function (_, i) { tries.push(ws.filter(function (_, k) { return k !== i; }).join(" ")); });
    return Promise.all(ws.map(function (w) {
      var n = normalize(w);
      if (Array.from(n).length < 4 || !/^[\p{L}]+$/u.test(n) || isCJK(n[0])) return [];
      var key = "<" + Array.from(n).slice(0, 3).join("");
      return ix.shard(key).then(function (b) {
        return words(b, key).map(function (x) { return [distance(stem(n), x), x]; })
          .filter(function (d) { return d[0] > 0 && d[0] <= 2; }).sort(function (a, b) { return a[0] - b[0]; })
          .slice(0, 2).map(function (d) { return ws.map(function (x) { return x === w ? d[1] : x; }).join(" "); });
      });
    })).then(function (more) {
      tries = [].concat.apply([], more).concat(tries); // a word put right first, then a word left out
      return Promise.all(tries.map(function (t) { return find(ix, t + " ", filters); }));
    }).then(function (found) {
      return tries.map(function (t, i) { return { query: t, total: found[i][0].length }; })
        .filter(function (s) { return s.total > 0; }).slice(0, 3);
    });
  }

  // distance is the edit distance of two words.
  function distance(a, b) {
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) d[i] = [i];
    for (j = 1; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) for (j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length][b.length];
  }

  // briefsSearch finds the pages of lang holding every term of query (the
  // last word also as the start of longer words), best first. The array holds
  // up to opts.limit (10) results, each {url, title, section, date, tags,
  // score, titleHTML, excerpt}; its total property counts them all, and when
  // there are none, suggestions lists up to three queries that find some
  // ({query, total}). opts.filters may hold section, tag and year.
  function briefsSearch(query, opts) {
    opts = opts || {};
    var lang = opts.lang || document.documentElement.lang.split("-")[0], limit = opts.limit || 10;
    return index(lang).then(function (ix) {
      return find(ix, query, opts.filters).then(function (f) {
        var ranked = f[0], set = new Set(f[1].map(function (t) { return t.term; })), last = f[1][f[1].length - 1];
        if (last && /^[^#]/.test(last.term) && !isCJK(last.term[0]) && !/\s$/.test(query)) set.prefix = last.term;
        var done = ranked.length || !f[1].length ? Promise.resolve([]) : suggest(ix, query, opts.filters);
        return Promise.all([done].concat(ranked.slice(0, limit).map(function (r) {
          var per = ix.e.perRecord;
          return get(ix.dir + file("r", Math.floor(r.id / per), ".json")).then(function (ds) {
            var d = ds[r.id % per];
            return {
              url: root + d[0], title: d[1], section: d[2], date: d[3], tags: d[4], score: r.score,
              titleHTML: highlight(d[1], set, ix.e.units, 0), excerpt: highlight(d[5], set, ix.e.units, 160)
            };
          });
        }))).then(function (got) { return Object.assign(got.slice(1), { total: ranked.length, suggestions: got[0] }); });
      });
    });
  }

  // facets resolves to the sections, tags and years of lang's pages, each
  // [name, count], for filters.
  briefsSearch.facets = function (lang) {
    return index(lang).then(function (ix) { return get(ix.dir + "facets.json"); });
  };

  window.briefsSearch = briefsSearch;
  // tokenize gives the terms ({term, pos}) of text, for tests and tools.
  window.briefsSearch.tokenize = tokenize;

  // The search page: results as you type, filters, ?q= (and section, tag,
  // year) in the address, arrow keys, suggestions when nothing is found.
  function page(box) {
    var form = box.querySelector("form"), input = form.elements.q, list = box.querySelector(".search-results");
    var status = box.querySelector(".search-status"), more = box.querySelector(".search-more");
    var tips = box.querySelector(".search-suggest"), lang = box.dataset.code, seq = 0, timer, limit = 10;
    var keys = ["section", "tag", "year"], locale = document.documentElement.lang, plural = new Intl.PluralRules(locale);
    function filters() {
      var f = {};
      keys.forEach(function (k) { if (form.elements[k].value) f[k] = form.elements[k].value; });
      return f;
    }
    function link(q) {
      var u = new URL(location.href);
      u.searchParams.set("q", q);
      return '<a href="' + escape(u.href) + '">' + escape(q) + "</a>";
    }
    function show() {
      var n = ++seq, q = input.value;
      tips.hidden = true;
      if (!q.trim()) { list.textContent = ""; status.textContent = ""; more.hidden = true; return; }
      briefsSearch(q, { lang: lang, filters: filters(), limit: limit }).then(function (rs) {
        if (n !== seq) return;
        var count = box.dataset[plural.select(rs.total) === "one" ? "countOne" : "countOther"];
        status.textContent = rs.total ? count.replace("%s", rs.total.toLocaleString(locale)) : box.dataset.none;
        list.innerHTML = rs.map(function (r) {
          return '<li><a href="' + escape(r.url) + '">' + r.titleHTML + '</a><p class="search-meta">' +
            escape([r.section, r.date].filter(Boolean).join(" · ")) + "</p><p>" + r.excerpt + "</p></li>";
        }).join("");
        more.hidden = rs.total <= rs.length;
        if (rs.suggestions.length) {
          tips.innerHTML = escape(box.dataset.suggest) + " " + rs.suggestions.map(function (t) { return link(t.query); }).join(" · ");
          tips.hidden = false;
        }
      }).catch(function (err) { if (n === seq) status.textContent = String(err); });
    }
    function setURL(push) {
      var u = new URL(location.href), f = filters();
      u.searchParams.set("q", input.value);
      if (!input.value) u.searchParams.delete("q");
      keys.forEach(function (k) { if (f[k]) u.searchParams.set(k, f[k]); else u.searchParams.delete(k); });
      history[push ? "pushState" : "replaceState"](null, "", u);
    }
    function readURL() {
      var p = new URL(location.href).searchParams;
      input.value = p.get("q") || "";
      keys.forEach(function (k) { form.elements[k].value = p.get(k) || ""; });
      limit = 10;
      show();
    }
    function run(push) { clearTimeout(timer); limit = 10; setURL(push); show(); }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { run(false); }, 200); });
    form.addEventListener("change", function (ev) { if (ev.target !== input) run(true); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); run(true); });
    more.addEventListener("click", function () { limit += 10; show(); });
    window.addEventListener("popstate", readURL);
    box.addEventListener("keydown", function (ev) {
      var links = Array.from(list.querySelectorAll("a")), i = links.indexOf(document.activeElement);
      if (ev.key === "ArrowDown" && i < links.length - 1 && (i >= 0 || ev.target === input)) { links[i + 1].focus(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp" && i >= 0) { (i > 0 ? links[i - 1] : input).focus(); ev.preventDefault(); }
      else if (ev.key === "Escape" && i >= 0) { input.focus(); }
    });
    briefsSearch.facets(lang).then(function (f) {
      keys.forEach(function (k) {
        f[k + "s"].forEach(function (it) {
          var o = document.createElement("option");
          o.value = it[0];
          o.textContent = it[0] + " (" + it[1].toLocaleString(locale) + ")";
          form.elements[k].appendChild(o);
        });
      });
      box.querySelector(".search-filters").hidden = false;
      var p = new URL(location.href).searchParams;
      keys.forEach(function (k) { form.elements[k].value = p.get(k) || ""; });
      if (keys.some(function (k) { return p.get(k); })) show(); // the address's filters, now they can be set
    });
    readURL();
  }

  var box = document.getElementById("search");
  if (box) page(box);
})();
