"""Checks what the sitemaps.org schema cannot: every <loc> is a file of the folder, no URL
is listed twice, and hreflang alternates are complete and reciprocal, as search engines
require: each page of a group lists itself and every other, and all list the same set.

usage: check_sitemaps.py DIR BASE_PATH SITEMAP...
Prints one line per problem and a last "summary: ..." line; exits 1 on any problem."""

import sys
import xml.etree.ElementTree as ET

from sitepaths import Site

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def main():
    root, base, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    site = Site(root, base)
    problems = []
    urls = {}  # loc -> (file, frozenset of (hreflang, href))
    indexes = []  # (file, [loc])
    for f in files:
        name = site.rel(f)
        try:
            doc = ET.parse(f).getroot()
        except ET.ParseError:
            continue  # xmllint has reported it
        if doc.tag == SM + "sitemapindex":
            indexes.append((name, [(e.text or "").strip() for e in doc.iter(SM + "loc")]))
            continue
        if doc.tag != SM + "urlset":
            continue
        for u in doc.findall(SM + "url"):
            loc = (u.findtext(SM + "loc") or "").strip()
            alts = []
            for link in u.findall(XHTML + "link"):
                if link.get("rel") == "alternate":
                    alts.append((link.get("hreflang", ""), link.get("href", "")))
            if loc in urls:
                problems.append(f"{name}: {loc} is listed twice (also in {urls[loc][0]})")
                continue
            langs = [lang for lang, _ in alts]
            for lang in sorted(set(l for l in langs if langs.count(l) > 1)):
                problems.append(f"{name}: {loc}: hreflang {lang} given twice")
            urls[loc] = (name, frozenset(alts))

    site.detect_base(list(urls) + [loc for _, locs in indexes for loc in locs])
    for name, locs in indexes:
        for loc in locs:
            p = site.check(loc, f"{name}: sitemap")
            if p:
                problems.append(p)
    reported = set()  # pairs whose differing alternates were reported, once per pair
    for loc, (name, alts) in urls.items():
        p = site.check(loc, f"{name}: loc")
        if p:
            problems.append(p)
        if not alts:
            continue
        hrefs = {href for _, href in alts}
        if loc not in hrefs:
            problems.append(f"{name}: {loc}: its hreflang alternates do not include itself")
        for lang, href in sorted(alts):
            if href == loc:
                continue
            p = site.check(href, f"{name}: {loc}: alternate {lang}")
            if p:
                problems.append(p)
            if lang == "x-default":
                continue
            other = urls.get(href)
            if other is None:
                problems.append(f"{name}: {loc}: alternate {lang} {href} is not in the sitemap, so it cannot link back")
            elif other[1] != alts and (href, loc) not in reported:
                reported.add((loc, href))
                missing = sorted(alts - other[1])
                extra = sorted(other[1] - alts)
                problems.append(
                    f"{name}: {loc} and its alternate {href} list different alternates"
                    f" (only {loc}: {fmt(missing)}; only {href}: {fmt(extra)})")

    for p in problems:
        print(p)
    with_alts = sum(1 for _, alts in urls.values() if alts)
    based = "" if site.base_path == "/" else f", base path {site.base_path}"
    print(f"summary: {len(urls)} URLs ({with_alts} with hreflang alternates{based}), "
          f"{len(problems)} reference problems")
    return 1 if problems else 0


def fmt(pairs):
    return ", ".join(f"{lang}={href}" for lang, href in pairs) or "none"


if __name__ == "__main__":
    sys.exit(main())
