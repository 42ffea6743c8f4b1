// compare-pagefind.js: briefs' search and Pagefind's, the same queries on the same site.
//
//   node scripts/compare-pagefind.js BRIEFS_OUT PAGEFIND_OUT QUERIES.tsv [SITE_LABEL]
//
// BRIEFS_OUT is a site built by briefs; PAGEFIND_OUT a copy of it on which
// `pagefind --site` has run (so it has a pagefind/ folder). QUERIES.tsv has lines
// "lang<TAB>query<TAB>expected URL path" (# starts a comment; an empty expected
// path means the query only measures bytes). For each engine, each query runs in
// a fresh instance (an empty cache, as a first search on a page) through a fetch
// that reads the files from disk and counts them; the first ten results are
// asked for with what a results list shows (Pagefind: each result's data(), its
// fragment; briefs: the records, which hold the excerpts). A file counts at its
// gzip-compressed size, or its raw size when that is smaller (Pagefind's files
// are compressed already), as a host would send it; the engine's script
// (search.js, pagefind.js) counts too, since a fresh reader downloads it.
// Prints per query lines with -v, and a markdown table.
"use strict";
const fs = require("fs"), path = require("path"), vm = require("vm"), zlib = require("zlib");
const { pathToFileURL } = require("url");

let args = process.argv.slice(2);
const verbose = args[0] === "-v";
if (verbose) args = args.slice(1);
const [briefsOut, pfOut, queriesFile, label = "site"] = args;
if (!queriesFile) {
  console.error("usage: node scripts/compare-pagefind.js [-v] BRIEFS_OUT PAGEFIND_OUT QUERIES.tsv [LABEL]");
  process.exit(2);
}

// wire is what a host sends for a file: gzip-compressed unless that is larger.
const wire = (data) => Math.min(data.length, zlib.gzipSync(data).length);

// diskFetch serves http://site/… from dir and adds each file's wire size to meter.
function diskFetch(dir, meter) {
  return async (url) => {
    const p = decodeURIComponent(new URL(url, "http://site/").pathname);
    let data;
    try { data = fs.readFileSync(path.join(dir, p)); } catch (e) { return { ok: false, status: 404 }; }
    meter.bytes += wire(data); meter.files++;
    const buf = data.buffer.slice(data.byteOffset, data.byteOffset + data.length);
    return { ok: true, status: 200, json: async () => JSON.parse(data), text: async () => data.toString("utf8"),
      arrayBuffer: async () => buf };
  };
}

const pathOf = (u) => decodeURI(new URL(u, "http://site/").pathname);

// briefsQuery runs static/js/search.js as built into briefsOut.
async function briefsQuery(lang, q) {
  const script = fs.readFileSync(path.join(briefsOut, "js/search.js"));
  const meter = { bytes: wire(script), files: 1 };
  const ctx = { document: { currentScript: { src: "http://site/js/search.js" }, getElementById: () => null,
    documentElement: { lang } }, location: { href: "http://site/" }, URL, TextEncoder, TextDecoder, Intl,
    fetch: diskFetch(briefsOut, meter) };
  ctx.window = ctx;
  vm.runInNewContext(script.toString("utf8"), ctx);
  const rs = await ctx.briefsSearch(q, { lang, limit: 10 });
  return { urls: rs.map((r) => pathOf(r.url)), total: rs.total, meter };
}

// pagefindQuery imports a fresh pagefind.js (a new URL each time, so a new module
// and an empty cache) and searches in the index of lang, as a page whose <html
// lang> is lang would.
let pfRun = 0;
async function pagefindQuery(lang, q) {
  const file = path.join(pfOut, "pagefind/pagefind.js");
  const meter = { bytes: wire(fs.readFileSync(file)), files: 1 };
  globalThis.fetch = diskFetch(pfOut, meter);
  globalThis.document = { currentScript: null, querySelector: (s) => (s === "html" ? { getAttribute: () => lang } : null) };
  const pf = await import(pathToFileURL(file).href + "?run=" + ++pfRun);
  await pf.options({ basePath: "http://site/pagefind/", baseUrl: "/" });
  await pf.init();
  const r = await pf.search(q);
  const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  await pf.destroy?.();
  return { urls: data.map((d) => pathOf(d.url)), total: r.results.length, meter };
}

// filesUnder sums the sizes of the files under dir (or of one file).
function filesUnder(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return { bytes: st.size, files: 1 };
  let t = { bytes: 0, files: 0 };
  for (const e of fs.readdirSync(p)) { const s = filesUnder(path.join(p, e)); t.bytes += s.bytes; t.files += s.files; }
  return t;
}

// indexSize is each engine's index on disk, both languages; scripts, styles and
// Pagefind's WebAssembly are code, left out (a query's bytes count them).
function indexSize() {
  const b = filesUnder(path.join(briefsOut, "search"));
  const pfDir = path.join(pfOut, "pagefind");
  const p = { bytes: 0, files: 0 };
  for (const e of fs.readdirSync(pfDir)) {
    if (/\.(js|css)$/.test(e) || e.startsWith("wasm.")) continue; // code, not index
    const s = filesUnder(path.join(pfDir, e)); p.bytes += s.bytes; p.files += s.files;
  }
  return { briefs: b, pagefind: p };
}

const kb = (n) => (n / 1024).toFixed(1);
const size = (n) => (n < 1048576 ? `${Math.round(n / 1024)} KB` : `${(n / 1048576).toFixed(1)} MB`);
const median = (a) => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

(async () => {
  const queries = fs.readFileSync(queriesFile, "utf8").split("\n")
    .filter((l) => l.trim() && !l.startsWith("#")).map((l) => { const [lang, q, want = ""] = l.split("\t"); return { lang, q, want: want.trim() }; });
  const rows = { zh: { briefs: [], pagefind: [] }, en: { briefs: [], pagefind: [] } };
  for (const { lang, q, want } of queries) {
    for (const [name, run] of [["briefs", briefsQuery], ["pagefind", pagefindQuery]]) {
      let r;
      try { r = await run(lang, q); } catch (e) { console.error(`${name} ${lang} ${JSON.stringify(q)}: ${e.stack || e}`); process.exit(1); }
      const rank = want ? r.urls.indexOf(want) + 1 : -1;
      rows[lang][name].push({ hit: rank > 0, measured: want !== "", found: r.total > 0, bytes: r.meter.bytes });
      if (verbose) console.log(`${name}\t${lang}\t${JSON.stringify(q)}\t${r.total} results\trank ${want ? rank || "-" : "n/a"}\t${r.meter.files} files\t${kb(r.meter.bytes)} KB`);
    }
  }
  const sizes = indexSize();
  console.log(`\n| ${label} | recall@10 | queries with results | bytes per query (median / max) | index on disk (zh + en) |`);
  console.log("| --- | --- | --- | --- | --- |");
  for (const lang of ["zh", "en"]) {
    for (const name of ["briefs", "pagefind"]) {
      const rs = rows[lang][name];
      if (!rs.length) continue;
      const m = rs.filter((r) => r.measured);
      const recall = m.length ? `${m.filter((r) => r.hit).length}/${m.length}` : "n/a";
      const b = rs.map((r) => r.bytes);
      const s = sizes[name];
      console.log(`| ${name === "briefs" ? "briefs" : "Pagefind"}, ${rs.length} ${lang} queries | ${recall} | ${rs.filter((r) => r.found).length}/${rs.length} | ${kb(median(b))} / ${kb(Math.max(...b))} KB | ${size(s.bytes)}, ${s.files} files |`);
    }
  }
})();
