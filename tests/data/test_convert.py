#!/usr/bin/env python3
"""The converter reproduces the app's data from the reference CSVs the repository keeps in
data/reference/ (a copy of the team's shared reference data, so that a clone stands alone), and
keeps every CSV row with its source. When the shared copy is beside the clone and differs, it says
so: refresh data/reference/ and re-run the converter."""
import csv
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

root = Path(__file__).resolve().parents[2]
shared = root / "data" / "reference"
upstream = root.parent / "shared" / "data"
assets = root / "assets" / "data"
passed = failed = 0


def check(name, cond):
    global passed, failed
    print(("ok - " if cond else "not ok - ") + name)
    passed, failed = passed + bool(cond), failed + (not cond)


if upstream.is_dir():
    stale = sorted(p.name for p in upstream.iterdir()
                   if p.is_file() and (not (shared / p.name).exists() or (shared / p.name).read_bytes() != p.read_bytes()))
    if stale:
        print(f"note: {upstream} has newer reference files ({', '.join(stale)}): copy them to data/reference/ "
              "and run tools/convert_data.py data/reference assets/data")

with tempfile.TemporaryDirectory() as tmp:
    out = Path(tmp)
    for f in ("fields.json", "networks.json"):
        shutil.copy(assets / f, out / f)
    subprocess.run([sys.executable, str(root / "tools" / "convert_data.py"), str(shared), str(out)], check=True)
    for f in ("cities.json", "links.json", "country_groups.json"):
        check(f"{f} is what the converter makes of the reference CSVs",
              (out / f).read_text(encoding="utf-8") == (assets / f).read_text(encoding="utf-8"))

cities = json.loads((assets / "cities.json").read_text(encoding="utf-8"))["cities"]
designations = [(c["name"], d["network"], d["year"]) for c in cities for d in c["designations"]]
uccn = list(csv.DictReader(open(shared / "uccn_cities.csv", encoding="utf-8")))
heritage = list(csv.DictReader(open(shared / "mx_heritage_cities.csv", encoding="utf-8")))
south = list(csv.DictReader(open(shared / "south_south_tourism.csv", encoding="utf-8")))
links = list(csv.DictReader(open(shared / "links.csv", encoding="utf-8")))
check(f"every UCCN row is a designation ({len(uccn)})", sum(1 for d in designations if d[1] == "uccn") == len(uccn))
check(f"every heritage row is a designation ({len(heritage)})", sum(1 for d in designations if d[1] == "mx-heritage") == len(heritage))
check(f"every South-South row is a designation ({len(south)})", sum(1 for d in designations if d[1] == "south-south-tourism") == len(south))
partners = list(csv.DictReader(open(shared / "partner_cities.csv", encoding="utf-8")))
check(f"every partner row is a partner city ({len(partners)})",
      sum(1 for d in designations if d[1] == "partner-cities") == len(partners))
check(f"every link row is a link ({len(links)})", len(json.loads((assets / "links.json").read_text())["links"]) == len(links))
check("every designation keeps a source", all(d["sources"] for c in cities for d in c["designations"]))
check("doubts stay visible: medium-confidence rows keep confidence and notes",
      all(d.get("notes") for c in cities for d in c["designations"] if d["confidence"] == "medium"))

# A source's note is a whole remark: the converter once split "URL (via URL; quoted at URL)" into
# notes such as "(via" and "): developing = ...", and About the data showed the fragments.
sys.path.insert(0, str(root / "tools"))
from convert_data import parse_sources  # noqa: E402
check("a note that names other URLs stays whole, a label before a URL stays with it",
      parse_sources("https://a.org/x (rule); roster: https://b.org (not retrieved) | "
                    "https://c.org (via https://d.org; quoted at https://e.org): developing = Asia")
      == [{"url": "https://a.org/x", "note": "rule"}, {"url": "https://b.org", "note": "roster: not retrieved"},
          {"url": "https://c.org", "note": "(via https://d.org; quoted at https://e.org): developing = Asia"}])
check("a URL keeps its own parentheses, not the ones around it",
      parse_sources("https://w.org/City_of_Music_(UNESCO).html (see https://w.org/A_(b))")
      == [{"url": "https://w.org/City_of_Music_(UNESCO).html", "note": "see https://w.org/A_(b)"}])


def all_sources(node):
    if isinstance(node, dict):
        yield from (s for s in node.get("sources", []) if isinstance(s, dict))
        for v in node.values():
            yield from all_sources(v)
    elif isinstance(node, list):
        for v in node:
            yield from all_sources(v)


notes = [s.get("note", "") for f in ("cities.json", "links.json", "country_groups.json")
         for s in all_sources(json.loads((assets / f).read_text(encoding="utf-8")))]
broken = [n for n in notes if n.count("(") != n.count(")") or n.endswith(":") or n.startswith(")")]
check(f"every source note in the app's data is whole ({len(notes)} notes; broken: {broken[:3]})", not broken)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
