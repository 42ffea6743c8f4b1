"""Checks every feed (**/index.xml) of a built site with feedparser: it parses without the
"bozo" flag (which marks malformed XML, a wrong encoding or an unknown format), names the
site, has items, and every item has a title, an absolute link to a page of the folder, a
date feedparser can read, and a unique id. A site without any feed fails.

usage: check_feeds.py DIR BASE_PATH
Prints one line per problem and a last "summary: ..." line; exits 1 on any problem."""

import os
import sys
from urllib.parse import urlsplit

import feedparser

from sitepaths import Site


def main():
    root, base = sys.argv[1], sys.argv[2]
    site = Site(root, base)
    problems = []
    feeds = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        if "index.xml" in filenames:
            feeds.append(os.path.join(dirpath, "index.xml"))
    if not feeds:
        print(f"no feeds: no index.xml anywhere in {root}")
        print("summary: 0 feeds")
        return 1

    parsed = []
    for f in feeds:
        d = feedparser.parse(f)
        parsed.append((site.rel(f), d))
    # Links to pages of this site are checked against the folder (the host of the
    # feeds' own links tells which links are the site's).
    hosts = {urlsplit(d.feed.get("link", "")).netloc for _, d in parsed} - {""}
    site.detect_base([e.get("link", "") for _, d in parsed for e in d.entries
                      if urlsplit(e.get("link", "")).netloc in hosts])

    items = 0
    versions = set()
    for name, d in parsed:
        if d.bozo:
            problems.append(f"{name}: not a well-formed feed (bozo): {d.bozo_exception}")
            continue
        if not d.version:
            problems.append(f"{name}: not an RSS or Atom feed")
            continue
        versions.add(d.version)
        if not d.feed.get("title"):
            problems.append(f"{name}: the feed has no title")
        if not d.feed.get("link"):
            problems.append(f"{name}: the feed has no link")
        if not d.entries:
            problems.append(f"{name}: the feed has no items")
        ids = {}
        for i, e in enumerate(d.entries, 1):
            items += 1
            what = f"{name}: item {i}" + (f" ({e.title!r})" if e.get("title") else "")
            missing = [k for k, ok in (("title", e.get("title")), ("link", e.get("link")),
                                       ("date", e.get("published_parsed"))) if not ok]
            if missing:
                problems.append(f"{what}: no {', no '.join(missing)}"
                                + (" (unreadable pubDate {!r})".format(e.published)
                                   if "date" in missing and e.get("published") else ""))
            link = e.get("link", "")
            if link:
                u = urlsplit(link)
                if u.scheme not in ("http", "https") or not u.netloc:
                    problems.append(f"{what}: link {link!r} is not an absolute http(s) URL")
                elif u.netloc in hosts:
                    p = site.check(link, f"{what}: link")
                    if p:
                        problems.append(p)
            key = e.get("id") or link
            if key:
                if key in ids:
                    problems.append(f"{what}: same id as item {ids[key]}: {key}")
                ids.setdefault(key, i)

    for p in problems:
        print(p)
    based = "" if site.base_path == "/" else f", base path {site.base_path}"
    print(f"summary: {len(feeds)} feeds ({', '.join(sorted(versions)) or 'none readable'}), "
          f"{items} items, {len(problems)} problems (feedparser {feedparser.__version__}{based})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
