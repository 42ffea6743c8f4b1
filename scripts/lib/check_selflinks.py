"""Checks the links htmltest leaves alone because they are full URLs: each page's
<link rel="canonical"> and <link rel="alternate" hreflang> must name a file of the folder
(the site's own host is the canonical URLs' host), and a page's hreflang alternates must
not give one language twice.

usage: check_selflinks.py DIR BASE_PATH
Prints one line per problem and a last "summary: ..." line; exits 1 on any problem."""

import os
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit

from sitepaths import Site


class Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []  # (rel, hreflang, href)

    def handle_starttag(self, tag, attrs):
        if tag != "link":
            return
        a = dict(attrs)
        rel = (a.get("rel") or "").lower().split()
        if "canonical" in rel:
            self.links.append(("canonical", "", a.get("href") or ""))
        elif "alternate" in rel and a.get("hreflang") is not None:
            self.links.append(("alternate", a.get("hreflang"), a.get("href") or ""))


def main():
    root, base = sys.argv[1], sys.argv[2]
    site = Site(root, base)
    pages = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for f in sorted(filenames):
            if f.endswith(".html"):
                p = Links()
                path = os.path.join(dirpath, f)
                with open(path, encoding="utf-8", errors="replace") as fh:
                    p.feed(fh.read())
                pages.append((site.rel(path), p.links))
    hosts = {urlsplit(href).netloc for _, links in pages for rel, _, href in links
             if rel == "canonical"} - {""}
    ours = [href for _, links in pages for _, _, href in links if urlsplit(href).netloc in hosts]
    site.detect_base(ours)
    problems = []
    checked = 0
    for name, links in pages:
        langs = [lang for rel, lang, _ in links if rel == "alternate"]
        for lang in sorted({l for l in langs if langs.count(l) > 1}):
            problems.append(f"{name}: hreflang {lang} given twice")
        if sum(1 for rel, _, _ in links if rel == "canonical") > 1:
            problems.append(f"{name}: more than one canonical link")
        for rel, lang, href in links:
            what = f"{name}: {rel}" + (f" {lang}" if lang else "")
            u = urlsplit(href)
            if u.scheme not in ("http", "https") or not u.netloc:
                problems.append(f"{what} {href!r} is not a full http(s) URL")
                continue
            if u.netloc not in hosts:
                continue
            checked += 1
            p = site.check(href, what)
            if p:
                problems.append(p)
    for p in problems:
        print(p)
    print(f"summary: {checked} canonical and hreflang URLs in {len(pages)} pages, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
