"""Maps the URLs a built site names (in sitemaps and feeds) to the files in its folder."""

import os
from urllib.parse import unquote, urlsplit


def _candidates(path):
    """The base paths a URL path could be under: "/", "/a/", "/a/b/", ..."""
    segs = path.strip("/").split("/")
    out = ["/"]
    for i in range(1, len(segs)):
        out.append("/" + "/".join(segs[:i]) + "/")
    return out


class Site:
    def __init__(self, root, base_path="/"):
        self.root = os.path.realpath(root)
        self.base_path = base_path

    def detect_base(self, urls):
        """When no base path was given, takes the one under which most URLs are files of
        the folder (a site built for https://example.org/briefs/ names /briefs/zh/...)."""
        if self.base_path != "/" or not urls:
            return
        best, best_n = "/", -1
        for cand in _candidates(unquote(urlsplit(urls[0]).path)):
            n = sum(1 for u in urls if self._resolve(u, cand)[0] == "ok")
            if n > best_n:
                best, best_n = cand, n
        self.base_path = best

    def resolve(self, url):
        """Returns ("ok", file), ("slash", file) when a folder URL lacks its trailing
        slash, or ("missing", expected file) / ("outside", reason)."""
        return self._resolve(url, self.base_path)

    def _resolve(self, url, base):
        path = unquote(urlsplit(url).path)  # %e6%b3%95%e6%b2%bb -> 法治
        if not path.startswith(base) and path + "/" != base:
            return "outside", f"not under the base path {base}"
        rel = path[len(base):] if path.startswith(base) else ""
        if any(seg == ".." for seg in rel.split("/")):
            return "outside", "has .. in its path"
        slash = rel == "" or rel.endswith("/")
        target = os.path.join(self.root, rel, "index.html") if slash else os.path.join(self.root, rel)
        if os.path.isfile(target):
            return "ok", target
        if not slash and os.path.isfile(os.path.join(self.root, rel, "index.html")):
            return "slash", os.path.join(self.root, rel, "index.html")
        return "missing", target

    def rel(self, file):
        return os.path.relpath(file, self.root)

    def check(self, url, what):
        """A problem message for url, or None when it is a file of the folder."""
        kind, info = self.resolve(url)
        if kind == "ok":
            return None
        if kind == "slash":
            return f"{what} {url}: a folder; the URL needs a trailing slash"
        if kind == "missing":
            return f"{what} {url}: no such file in the folder ({self.rel(info)})"
        return f"{what} {url}: {info}"
