// search-bytes.js: what a reader downloads for a search, measured on a built site.
//
//   node scripts/search-bytes.js OUT LANG QUERY...
//
// Runs static/js/search.js (as the browser would) against the files of the built
// site folder OUT, one fresh cache per query, and prints per query the number of
// results, the files and bytes fetched, raw and gzip-compressed (as a host would
// send them), for the first page of results (10). With -v it lists the files.
const fs = require("fs"), path = require("path"), vm = require("vm"), zlib = require("zlib");
let args = process.argv.slice(2);
const verbose = args[0] === "-v";
if (verbose) args = args.slice(1);
const [out, lang, ...queries] = args;
const script = fs.readFileSync(path.join(__dirname, "../static/js/search.js"), "utf8");
(async () => {
  for (const q of queries) {
    let raw = 0, gz = 0, files = [];
    const fetch = async (url) => {
      const data = fs.readFileSync(path.join(out, new URL(url).pathname));
      const z = zlib.gzipSync(data).length;
      raw += data.length; gz += z; files.push(`${new URL(url).pathname} ${data.length} ${z}`);
      return { ok: true, json: async () => JSON.parse(data), arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.length) };
    };
    const ctx = { document: { currentScript: { src: "http://site/js/search.js" }, getElementById: () => null,
      documentElement: { lang } }, location: { href: "http://site/" }, URL, TextEncoder, TextDecoder, Intl, fetch };
    ctx.window = ctx;
    vm.runInNewContext(script, ctx);
    const t0 = Date.now();
    const rs = await ctx.briefsSearch(q, { lang, limit: 10 });
    console.log(`${JSON.stringify(q)}\t${rs.total} results\t${files.length} files\t${(raw / 1024).toFixed(0)} KB\t${(gz / 1024).toFixed(0)} KB gzip\t${Date.now() - t0} ms` +
      (rs.suggestions && rs.suggestions.length ? "\tsuggestions " + JSON.stringify(rs.suggestions) : ""));
    if (verbose) files.forEach((f) => console.log("  " + f));
  }
})();
