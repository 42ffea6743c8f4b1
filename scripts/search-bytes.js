// search-bytes.js: what a reader downloads for a search, measured on a built site.
//
//   node scripts/search-bytes.js OUT LANG QUERY...
//
// Runs static/js/search.js (as the browser would) against the files of the built
// site folder OUT, one fresh cache per query, and prints per query the number of
// results and the bytes fetched, raw and gzip-compressed (as a host would send them).
const fs = require("fs"), path = require("path"), vm = require("vm"), zlib = require("zlib");
const [out, lang, ...queries] = process.argv.slice(2);
const script = fs.readFileSync(path.join(__dirname, "../static/js/search.js"), "utf8");
(async () => {
  for (const q of queries) {
    let raw = 0, gz = 0, files = 0;
    const fetch = async (url) => {
      const data = fs.readFileSync(path.join(out, new URL(url).pathname));
      raw += data.length; gz += zlib.gzipSync(data).length; files++;
      return { ok: true, json: async () => JSON.parse(data) };
    };
    const ctx = { document: { currentScript: { src: "http://site/js/search.js" }, getElementById: () => null,
      documentElement: { lang } }, location: { href: "http://site/" }, URL, TextEncoder, Intl, fetch };
    ctx.window = ctx;
    vm.runInNewContext(script, ctx);
    const t0 = Date.now();
    const rs = await ctx.briefsSearch(q, { lang, limit: 10 });
    console.log(`${JSON.stringify(q)}\t${rs.total} results\t${files} files\t${(raw / 1024).toFixed(0)} KB\t${(gz / 1024).toFixed(0)} KB gzip\t${Date.now() - t0} ms`);
  }
})();
