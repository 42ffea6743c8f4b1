// compare-pagefind-queries.js: queries with known answers for a generated corpus.
//
//   node scripts/compare-pagefind-queries.js BRIEFS_OUT [PER_LANG] > queries.tsv
//
// The generated corpus (internal/testcorpus) has no expected answers, so this
// makes some by construction, by a fixed rule written down before either engine
// ran on the corpus (issue 16). It reads only the pages briefs built (not
// either engine's index), and writes lines "lang<TAB>query<TAB>URL path" for
// compare-pagefind.js.
//
// The rule, per language (zh, en), for i = 0 … PER_LANG-1 (15 by default):
//
//   - the brief is the one at place floor((i + 0.5) × n / PER_LANG) among the
//     language's n briefs in URL order; its body is the text of the page's
//     <div class="content">, tags removed, as a reader sees it;
//   - for even i, the query is a phrase of that body: the first run of 8
//     characters (zh: Han characters and digits, no punctuation) or 4 words
//     (en: words as split by spaces, without punctuation at their ends), from
//     the body's middle sentence on, that no other brief's body of the
//     language contains; a zh run is the start of a clause (text between
//     punctuation), and does not cut a number;
//   - for odd i, the query is a figure as the page shows it: the text of the
//     body's first <data> element with at least 4 digits whose text, without a
//     leading 约 近 超 逾 / about, nearly, over, more than, almost, is in no
//     other brief's body (that text is the query);
//   - when the brief has no such phrase or figure, the next brief is tried.
//
// So each query's expected brief is the only one whose body holds the query's
// text as written; an engine may still rank it below others that hold its
// words apart.
"use strict";
const fs = require("fs"), path = require("path");

const [out, perArg] = process.argv.slice(2);
if (!out) {
  console.error("usage: node scripts/compare-pagefind-queries.js BRIEFS_OUT [PER_LANG]");
  process.exit(2);
}
const per = Number(perArg || 15);

const decode = (s) => s.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(+n))
  .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
  .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

// briefs lists the brief pages of lang: pages with a <div class="content"> body
// and an <article class="brief">, in URL order, each with its body's text and
// the texts of its <data> elements.
function briefs(lang) {
  const list = [];
  const walk = (dir, url) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name))) {
      if (e.isDirectory()) { if (e.name !== "search") walk(path.join(dir, e.name), url + e.name + "/"); continue; }
      if (e.name !== "index.html") continue;
      const html = fs.readFileSync(path.join(dir, e.name), "utf8");
      if (!html.includes('<article class="brief')) continue;
      const start = html.indexOf('<div class="content">'), end = html.indexOf('<footer class="brief-footer">', start);
      if (start < 0 || end < 0) continue;
      const body = html.slice(start, end);
      const data = [...body.matchAll(/<data[^>]*>([^<]*)<\/data>/g)].map((m) => decode(m[1]));
      // Blocks end sentences; inline tags (strong, a, data) do not.
      const blocks = decode(body.replace(/<\/?(p|h[1-6]|li|ul|ol|div|table|tr|td|th|figure|figcaption|dt|dd|blockquote)\b[^>]*>/g, "\n")
        .replace(/<[^>]*>/g, ""));
      const sentences = blocks.split(/\n|(?<=[。！？；])|(?<=[.;!?])\s+/).map((x) => x.trim()).filter((x) => x);
      list.push({ url, text: blocks.replace(/\s+/g, " "), sentences, data });
    }
  };
  walk(path.join(out, lang), `/${lang}/`);
  return list.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url));
}

// uniqueIn reports whether no brief but the k-th holds q.
const uniqueIn = (list, k, q) => list.every((b, j) => j === k || !b.text.includes(q));

// phrase is the first phrase of the rule in brief k, from the middle sentence on.
function phrase(list, k, lang) {
  const { text, sentences } = list[k];
  for (const sent of sentences.slice(sentences.length >> 1)) {
    if (lang === "zh") {
      for (const clause of sent.split(/[^\p{Script=Han}0-9]+/u)) {
        const chars = [...clause], q = chars.slice(0, 8).join("");
        const cutsNumber = /[0-9]/.test(chars[7] || "") && /[0-9]/.test(chars[8] || "");
        if (chars.length >= 8 && !cutsNumber && uniqueIn(list, k, q)) return q;
      }
      continue;
    }
    const words = sent.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, "")).filter((w) => w);
    for (let i = 0; i + 4 <= words.length; i++) {
      const q = words.slice(i, i + 4).join(" ");
      if (text.includes(q) && uniqueIn(list, k, q)) return q;
    }
  }
  return "";
}

function figure(list, k) {
  for (const d of list[k].data) {
    const q = d.replace(/^(约|近|超|逾|about |nearly |over |more than |almost )/, "").trim();
    if ((q.match(/[0-9]/g) || []).length >= 4 && uniqueIn(list, k, q)) return q;
  }
  return "";
}

for (const lang of ["zh", "en"]) {
  const list = briefs(lang);
  for (let i = 0; i < per; i++) {
    for (let k = Math.floor(((i + 0.5) * list.length) / per); k < list.length; k++) {
      const q = i % 2 === 0 ? phrase(list, k, lang) : figure(list, k);
      if (q) { console.log(`${lang}\t${q}\t${list[k].url}`); break; }
    }
  }
}
