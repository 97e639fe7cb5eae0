#!/usr/bin/env python3
"""Converts the reference CSV layout (shared/data) into the app's JSON data files.

    tools/convert_data.py SOURCE_DIR OUT_DIR

Reads uccn_cities.csv, mx_heritage_cities.csv, south_south_tourism.csv, partner_cities.csv,
links.csv and global_south.csv (the repository keeps a copy in data/reference/); writes cities.json, links.json and country_groups.json into OUT_DIR.
fields.json and networks.json are hand-kept vocabularies (colours, descriptions) in OUT_DIR:
every field and network the CSVs name must already be there, or the conversion fails.
Every record keeps its sources, confidence and notes, so doubts stay visible in the app.
Output is deterministic (sorted, fixed formatting), so a re-run on unchanged input changes nothing.
"""
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

# links.csv `kind` labels -> network ids of networks.json
LINK_KINDS = {
    "Mexican Network of Creative Cities": "mx-creative-network",
    "South-South sustainable tourism exchange (UNOSSC Cities Project)": "south-south-exchange",
    "South-South sustainable tourism/heritage exchange (UNOSSC Cities Project)": "south-south-exchange",
    "sister cities": "twinning",
    "friendship city": "twinning",
    "cooperation agreement": "twinning",
    "twinning letter of intent": "twinning",
}
CONFIDENCE_ORDER = {"low": 0, "medium": 1, "high": 2}

# A URL may hold balanced parentheses (".../City_of_Music_(UNESCO).html"); it never ends with a
# full stop or a parenthesis that closes the text around it.
URL = re.compile(r"https?://(?:[^\s|;,()]|\([^\s|;()]*\))*(?:[^\s|;,().]|\([^\s|;()]*\))")


def fail(msg):
    sys.exit(f"convert_data: {msg}")


def slug(text):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def city_id(name, iso2):
    return f"{iso2.lower()}-{slug(name)}"


def top_level_parts(text):
    """Splits at ';' and '|' outside parentheses: a note may itself say 'via URL; quoted at URL'."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch in ";|" and depth <= 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def encloses(text):
    """True for '(...)' whose first parenthesis closes at its end: '(a) (b)' is not enclosed."""
    depth = 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            return text.startswith("(") and i == len(text) - 1
    return False


def parse_sources(text):
    """'URL (note) | label: URL (note); URL' -> [{url, note}]. Each part's first URL is its link, the
    rest of the part (a label before it, a remark after it, other URLs it names) is its note, whole;
    a part without a URL becomes a note."""
    sources = []
    for part in top_level_parts(text):
        m = URL.search(part)
        if not m:
            sources.append({"note": part})
            continue
        label = part[:m.start()].strip(" :")
        remark = part[m.end():].strip()
        if encloses(remark):
            remark = remark[1:-1].strip()
        note = ": ".join(x for x in (label, remark) if x)
        sources.append({"url": m.group(0), "note": note} if note else {"url": m.group(0)})
    return sources


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def number(row, key, path, kind=float):
    try:
        return kind(row[key])
    except (ValueError, KeyError):
        fail(f"{path}: {row.get('name') or row.get('city')}: column '{key}' is not a number: {row.get(key)!r}")


def convert(src, out):
    fields = {f["name"]: f["id"] for f in json.loads((out / "fields.json").read_text())["fields"]}
    networks = {n["id"] for n in json.loads((out / "networks.json").read_text())["networks"]}
    cities = {}

    def city(name, local_name, iso2, country, lat, lon, coord_source):
        cid = city_id(name, iso2)
        if cid not in cities:
            cities[cid] = {"id": cid, "name": name, "localName": local_name or name, "country": iso2,
                           "countryName": country, "lat": lat, "lon": lon, "coordSource": coord_source,
                           "designations": []}
        elif local_name and local_name != cities[cid]["localName"]:
            cities[cid].setdefault("altNames", []).append(local_name)
        return cities[cid]

    path = src / "uccn_cities.csv"
    for r in read_csv(path):
        if r["field"] not in fields:
            fail(f"{path}: {r['name']}: unknown creative field {r['field']!r} (add it to fields.json)")
        c = city(r["name"], r["local_name"], r["iso2"], r["country"], number(r, "lat", path),
                 number(r, "lon", path), r["coord_source"])
        d = {"network": "uccn", "field": fields[r["field"]], "year": number(r, "year", path, int),
             "status": r["status"], "confidence": r["confidence"], "sources": parse_sources(r["source"])}
        if r["notes"]:
            d["notes"] = r["notes"]
        c["designations"].append(d)

    path = src / "mx_heritage_cities.csv"
    for r in read_csv(path):
        c = city(r["city"], r["local_name"], "MX", "Mexico", number(r, "lat", path), number(r, "lon", path),
                 r["coord_source"])
        c.setdefault("state", r["state"])
        d = {"network": "mx-heritage", "year": number(r, "wh_inscription_year", path, int),
             "property": r["wh_property"], "whcId": number(r, "whc_id", path, int),
             "confidence": r["confidence"], "sources": parse_sources(r["source"])}
        if r["notes"]:
            d["notes"] = r["notes"]
        c["designations"].append(d)

    path = src / "south_south_tourism.csv"
    for r in read_csv(path):
        c = city(r["city"], "", r["iso2"], r["country"], number(r, "lat", path), number(r, "lon", path),
                 r["coord_source"])
        d = {"network": "south-south-tourism", "year": number(r, "year", path, int), "role": r["role"],
             "confidence": r["confidence"], "sources": parse_sources(r["source"])}
        if r["notes"]:
            d["notes"] = r["notes"]
        c["designations"].append(d)

    # Cities that are only partners of a link: their designation in the partner group is dated by
    # their earliest dated link and sourced by the links' sources (the CSV has coordinates and notes).
    partners = {}
    path = src / "partner_cities.csv"
    if path.exists():
        for r in read_csv(path):
            cid = city_id(r["city"], r["iso2"])
            if cid in cities:
                fail(f"{path}: {r['city']}: already a city of the other files (a partner city must be new)")
            partners[cid] = city(r["city"], "", r["iso2"], r["country"], number(r, "lat", path), number(r, "lon", path),
                                 r["coord_source"])
            partners[cid]["_notes"] = r["notes"]

    link_rows = read_csv(src / "links.csv")
    for cid, c in partners.items():
        mine = [r for r in link_rows if cid in (city_id(r["from_city"], r["from_iso2"]), city_id(r["to_city"], r["to_iso2"]))]
        if not mine:
            fail(f"{src / 'partner_cities.csv'}: {c['name']}: no link names this partner city")
        years = [int(r["year"]) for r in mine if r["year"]]
        if not years:
            fail(f"{src / 'partner_cities.csv'}: {c['name']}: none of its links has a year")
        ends = [(city_id(r["from_city"], r["from_iso2"]), city_id(r["to_city"], r["to_iso2"])) for r in mine]
        partners_of = [cities[b if a == cid else a]["localName"] for a, b in ends]
        d = {"network": "partner-cities", "year": min(years),
             "role": "; ".join(f"{r['kind']} with {p}" for r, p in zip(mine, partners_of)),
             "confidence": min((r["confidence"] for r in mine), key=lambda x: CONFIDENCE_ORDER.get(x, 0)),
             "sources": [s for r in mine for s in parse_sources(r["source"])]}
        notes = c.pop("_notes")
        if notes:
            d["notes"] = notes
        c["designations"].append(d)

    links = []
    path = src / "links.csv"
    for n, r in enumerate(link_rows, start=2):
        ends = [city_id(r["from_city"], r["from_iso2"]), city_id(r["to_city"], r["to_iso2"])]
        for e in ends:
            if e not in cities:
                fail(f"{path}:{n}: link end {e!r} is not a city of the data (add it to partner_cities.csv)")
        kind = LINK_KINDS.get(r["kind"])
        if kind not in networks:
            fail(f"{path}:{n}: unknown link kind {r['kind']!r}")
        link = {"id": f"{kind}:{ends[0]}:{ends[1]}", "from": ends[0], "to": ends[1], "network": kind,
                "label": r["kind"], "confidence": r["confidence"], "sources": parse_sources(r["source"])}
        if r["year"]:
            link["year"] = int(r["year"])
        if r["notes"]:
            link["notes"] = r["notes"]
        links.append(link)

    path = src / "global_south.csv"
    # Each row cites the sources of the rule that admits it (its criterion says which): the same few
    # for every country. They are said once, for the group, which makes the file 6 times smaller
    # (the app parses it at every start); the reference table keeps each row's own.
    countries, group_sources = [], []
    for r in read_csv(path):
        countries.append({"iso2": r["iso2"], "iso3": r["iso3"], "name": r["country"],
                          "g77": r["g77"] == "Y", "unctadDeveloping": r["unctad_developing"] == "Y",
                          "criterion": r["criterion"], **({"notes": r["notes"]} if r["notes"] else {})})
        group_sources += [s for s in parse_sources(r["source"]) if s not in group_sources]
    groups = {
        "format": "atlas-sur/country-groups", "version": 1,
        "groups": [{
            "id": "global-south", "name": "Global South",
            "criterion": "Member of the Group of 77 or a developing economy in UNCTAD's classification "
                         "(so Mexico, which left the G77 on joining the OECD in 1994, counts).",
            # From the known doubts of SOURCES.md (section 5): kept visible in the app.
            "doubts": ["The G77 roster was derived from its composition rule (134 members, the official count "
                       "since 2013); a 2024 source says 135, unresolved.",
                       "UNCTAD's developing economies are approximated by region (Africa, Latin America and the "
                       "Caribbean, Asia without Israel, Japan and Korea, Oceania without Australia and New Zealand)."],
            "sources": group_sources,
            "countries": sorted(countries, key=lambda c: c["iso2"]),
        }],
    }

    write(out / "cities.json", {"format": "atlas-sur/cities", "version": 1,
                                "cities": sorted(cities.values(), key=lambda c: c["id"])})
    write(out / "links.json", {"format": "atlas-sur/links", "version": 1, "links": links})
    write(out / "country_groups.json", groups)
    print(f"convert_data: {len(cities)} cities, {len(links)} links, {len(countries)} countries -> {out}")


def write(path, doc):
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        fail(__doc__.strip().splitlines()[2].strip())
    convert(Path(sys.argv[1]), Path(sys.argv[2]))
