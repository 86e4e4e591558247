#!/usr/bin/env python3
"""Writes the seed corpora in fuzz/seeds/<target>/ from the project's own fixtures
(examples/data). Run from anywhere: `python3 fuzz/make-seeds.py`. Deterministic; re-running
rewrites the same files. Never reads ../shared/corpus."""
import hashlib
import pathlib
import re

root = pathlib.Path(__file__).resolve().parent.parent
data = root / "examples" / "data"
seeds = root / "fuzz" / "seeds"

brief = (data / "border-security-brief.txt").read_bytes()
catalog = (data / "border-security-catalog.toml").read_text()
csv = (data / "border-security-observations.csv").read_text()


def write(target, items):
    d = seeds / target
    d.mkdir(parents=True, exist_ok=True)
    for old in d.iterdir():
        old.unlink()
    for name, content in items:
        if isinstance(content, str):
            content = content.encode()
        (d / name).write_bytes(content)


# Briefs: the whole seed, each of its first paragraphs, and the odd encodings.
paragraphs = [p for p in brief.split(b"\n\n") if p.strip()]
text_seeds = [("brief.txt", brief)]
text_seeds += [(f"para-{i:02}.txt", p + b"\n") for i, p in enumerate(paragraphs[:12])]
text_seeds += [
    ("bom-crlf.txt", b"\xef\xbb\xbf" + brief[:1200].replace(b"\n", b"\r\n")),
    ("lone-cr.txt", brief[:800].replace(b"\n", b"\r")),
    ("pages.txt", brief[:1500].replace(b"\n\n", b"\n\n2\n\x0c", 3)),
    ("ligatures.txt", "e\ufb03cient o\ufb00ice soft\u00adhyphen \ufffd lost\n".encode()),
    ("list.txt", b"Recommendations\n\n1. Congress should act.\n2. The agency should\nreport.\n(a) first\n(b) second\n"),
    ("footnote.txt", b"A paragraph with a note.1 It goes\non.\n\n1 The note text.\n\x0cNext page.\n"),
]
write("roundtrip", text_seeds)
write("parse_bytes", text_seeds + [
    ("invalid-middle.bin", brief[:200] + b"\xff" + brief[200:400]),
    ("truncated-end.bin", brief[:300] + b"\xe2\x80"),
    ("nul.bin", b"Text\x00with\x00NULs.\n"),
])

# Formulas: those of the seed catalog, and a few shapes of the grammar.
formulas = re.findall(r'^formula = "(.*)"$', catalog, flags=re.M)
formulas += [
    "a * (b + c)", "100000 * deaths / population", "p1 - p2", "u1 / d1", "a / 0",
    "-(a - 1.5e3) * 2", "{turn-backs} + x9", "((a))", "a +", "2 * * b",
]
write("formula", [(f"f{i:02}.txt", f) for i, f in enumerate(formulas)])

# Catalogs: the seed, each indicator alone, and the objectives table alone.
blocks = re.split(r"(?m)^(?=\[\[)", catalog)
items = [("catalog.toml", catalog)]
items += [(f"block-{i:02}.toml", b) for i, b in enumerate(blocks) if b.strip()]
write("catalog_toml", items)

# Observations: the seed CSV, its header with each indicator's rows, and a few odd shapes.
lines = csv.splitlines(keepends=True)
header, rows = lines[0], lines[1:]
by_indicator = {}
for r in rows:
    by_indicator.setdefault(r.split(",")[0], []).append(r)
items = [("observations.csv", csv)]
items += [
    (f"rows-{hashlib.sha1(k.encode()).hexdigest()[:8]}.csv", header + "".join(v))
    for k, v in sorted(by_indicator.items())
]
items += [("quoted.csv", header + '"' + rows[0].split(",")[0] + '",2020,"1,5"\n'), ("crlf.csv", csv.replace("\n", "\r\n"))]
write("observations_csv", items)
