#!/usr/bin/env python3
"""Checks a page kaohe wrote, as a browser left it (chromium --dump-dom),
against kaohe's own CSV of the same run:

    dom_check.py score   DOM CSV   every unit_id of the CSV is a row of
                                   table#results with the CSV's total, and
                                   has its section with that total
    dom_check.py explain DOM CSV UNIT...
                                   each UNIT has its section, with the
                                   total the CSV gives it, and its tree
    dom_check.py diff    DOM CSV   every unit of `diff -O csv` is a row of
                                   table#results with its old and new total

Every page must also carry <html class="js">, which the page's script
sets when it runs. Prints each problem and exits 1 if there is any.
"""
import csv
import sys
from html.parser import HTMLParser

VOID = {"meta", "link", "br", "img", "input", "hr", "col", "area", "base", "wbr",
        "source", "track", "embed", "param"}


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children, self.parts = [], []

    def text(self):
        return "".join(p if isinstance(p, str) else p.text() for p in self.parts)

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def find_all(self, pred):
        out = []
        for c in self.children:
            if pred(c):
                out.append(c)
            out.extend(c.find_all(pred))
        return out


class Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        e = Element(tag, attrs, self.cur)
        self.cur.children.append(e)
        self.cur.parts.append(e)
        if tag not in VOID:
            self.cur = e

    def handle_startendtag(self, tag, attrs):
        e = Element(tag, attrs, self.cur)
        self.cur.children.append(e)
        self.cur.parts.append(e)

    def handle_endtag(self, tag):
        e = self.cur
        while e is not self.root and e.tag != tag:
            e = e.parent
        if e is not self.root:
            self.cur = e.parent

    def handle_data(self, data):
        self.cur.parts.append(data)


def parse(path):
    b = Builder()
    b.feed(open(path, encoding="utf-8").read())
    return b.root


def table_rows(root):
    tables = root.find_all(lambda e: e.tag == "table" and e.attrs.get("id") == "results")
    if len(tables) != 1:
        return None, None
    heads = [th.text().strip() for th in tables[0].find_all(lambda e: e.tag == "th")]
    rows = [[td.text() for td in tr.find_all(lambda e: e.tag == "td")]
            for tr in tables[0].find_all(lambda e: e.tag == "tr" and e.parent.tag == "tbody")]
    return heads, rows


def sections(root):
    out = {}
    for s in root.find_all(lambda e: e.tag == "section" and "unit" in e.classes()):
        ids = s.find_all(lambda e: "unit-id" in e.classes())
        totals = s.find_all(lambda e: "total" in e.classes() and e.tag == "span")
        if ids and totals:
            out[ids[0].text()] = (totals[0].text(), s)
    return out


def main():
    mode, dom_path, csv_path = sys.argv[1:4]
    root = parse(dom_path)
    units = list(csv.DictReader(open(csv_path, encoding="utf-8")))
    problems = []
    html = root.find_all(lambda e: e.tag == "html")
    if not html or "js" not in html[0].classes():
        problems.append("<html> has no class js: the page's script did not run")
    if not units:
        problems.append("the CSV lists no unit")
    heads, rows = table_rows(root)
    if mode in ("score", "diff") and rows is None:
        problems.append("no single table#results")
        rows, heads = [], []
    if mode == "score":
        unit_col, total_col = heads.index("unit"), heads.index("total")
        found = {r[unit_col]: r[total_col] for r in rows}
        if len(rows) != len(units):
            problems.append("table has %d rows, the CSV %d units" % (len(rows), len(units)))
        secs = sections(root)
        for u in units:
            if found.get(u["unit_id"]) != u["total"]:
                problems.append("unit %s: table total %r, CSV %r"
                                % (u["unit_id"], found.get(u["unit_id"]), u["total"]))
            if secs.get(u["unit_id"], ("",))[0] != u["total"]:
                problems.append("unit %s: no section with total %s" % (u["unit_id"], u["total"]))
            elif not secs[u["unit_id"]][1].find_all(lambda e: e.tag == "svg"):
                problems.append("unit %s: no waterfall" % u["unit_id"])
    elif mode == "explain":
        totals = {u["unit_id"]: u["total"] for u in units}
        secs = sections(root)
        for unit in sys.argv[4:]:
            got = secs.get(unit)
            if got is None or got[0] != totals.get(unit):
                problems.append("unit %s: section total %r, CSV %r"
                                % (unit, got and got[0], totals.get(unit)))
            elif not got[1].find_all(lambda e: e.tag == "table" and "tree" in e.classes()):
                problems.append("unit %s: no explain tree" % unit)
        if len(secs) != len(sys.argv[4:]):
            problems.append("%d unit sections, %d units asked" % (len(secs), len(sys.argv[4:])))
    elif mode == "diff":
        cols = [heads.index(h) for h in ("unit", "old total", "new total")]
        found = {r[cols[0]]: (r[cols[1]], r[cols[2]]) for r in rows}
        if len(rows) != len(units):
            problems.append("table has %d rows, the CSV %d units" % (len(rows), len(units)))
        for u in units:
            want = (u["old_total"] or "-", u["new_total"] or "-")
            if found.get(u["unit_id"]) != want:
                problems.append("unit %s: totals %r, CSV %r"
                                % (u["unit_id"], found.get(u["unit_id"]), want))
    else:
        problems.append("unknown mode " + mode)
    for p in problems:
        print("%s: %s" % (dom_path, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
