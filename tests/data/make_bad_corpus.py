#!/usr/bin/env python3
"""Writes tests/data/bad/: one data file per defect, and expected.json with the message each must
produce. Cities files also hold a valid city ("zz-valid-city"), which must still load.
Run it after adding a case; the files are committed so that each can be opened and read."""
import json
from pathlib import Path

out = Path(__file__).parent / "bad"
VALID = {"id": "zz-valid-city", "name": "Valid City", "country": "MX", "lat": 20.0, "lon": -100.0,
         "designations": [{"network": "uccn", "field": "design", "year": 2015,
                           "sources": [{"url": "https://example.org/valid"}]}]}


def city(**changes):
    c = {"id": "zz-bad-city", "name": "Bad City", "country": "MX", "lat": 21.0, "lon": -101.0,
         "designations": [{"network": "uccn", "field": "music", "year": 2017}]}
    for k, v in changes.items():
        if v is None:
            c.pop(k, None)
        else:
            c[k] = v
    return c


def designation(**changes):
    d = {"network": "uccn", "field": "music", "year": 2017}
    d.update(changes)
    return cities(city(designations=[{k: v for k, v in d.items() if v is not None}]))


def cities(*records, **top):
    doc = {"format": "atlas-sur/cities", "version": 1, "cities": [VALID, *records]}
    doc.update(top)
    return doc


def links(*records):
    return {"format": "atlas-sur/links", "version": 1, "links": list(records)}


def link(**changes):
    l = {"id": "twinning:mx-puebla:de-berlin", "from": "mx-puebla", "to": "de-berlin", "network": "twinning"}
    l.update(changes)
    return l


FIELD = {"id": "dance", "name": "Dance", "color": "#123456", "since": 2030}
cases = {
    # file name: (content, expected message, valid?)  content: dict -> JSON, str/bytes -> as is
    "syntax-trailing-comma.json": ('{"format": "atlas-sur/cities", "version": 1, "cities": [1,]}', "parse error at line 1, column 59", False),
    "syntax-unterminated.json": ('{"format": "atlas-sur/cities", "cities": [', "parse error at line 1", False),
    "syntax-empty-file.json": ("", "unexpected end of input", False),
    "syntax-single-quotes.json": ("{'format': 'atlas-sur/cities'}", "parse error at line 1, column 2", False),
    "syntax-nan.json": ('{"format": "atlas-sur/cities", "version": 1, "cities": [{"lat": NaN}]}', "parse error at line 1", False),
    "syntax-binary-garbage.json": (bytes(range(0, 256)), "parse error", False),
    "syntax-second-line.json": ('{"format": "atlas-sur/cities",\n  "version": 1 "cities": []}', "parse error at line 2, column 23", False),
    "invalid-utf8.json": ('{"format": "atlas-sur/cities", "version": 1, "cities": [{"name": "Quer\xe9taro"}]}'.encode("latin-1"), "UTF-8", False),
    "deep-nesting.json": ('{"format": "atlas-sur/cities", "version": 1, "cities": ' + "[" * 5000 + "]" * 5000 + "}", "nesting deeper than 64 levels", False),
    "not-an-object.json": ("[]", 'not an atlas data file: "format" must be one of', False),
    "no-format.json": ({"version": 1, "cities": [VALID]}, "not an atlas data file", False),
    "unknown-format.json": ({"format": "atlas-sur/roads", "version": 1, "roads": []}, "not an atlas data file", False),
    "wrong-version.json": (cities(version=2), "version: expected an integer in 1..1, got 2", False),
    "cities-not-an-array.json": ({"format": "atlas-sur/cities", "version": 1, "cities": {"a": 1}}, "cities: expected an array, got an object", False),
    "unknown-top-level-member.json": (cities(generated="today"), "warning: generated: unknown field (ignored)", True),
    "city-missing-id.json": (cities(city(id=None)), "/cities/1/id: id: missing (required)", False),
    "city-id-with-spaces.json": (cities(city(id="Bad City")), 'id: expected lower-case letters, digits and - : . _', False),
    "city-name-is-a-number.json": (cities(city(name=42)), "(zz-bad-city): name: expected a string, got a number", False),
    "city-name-is-null.json": (cities(city(name=None)), "(zz-bad-city): name: missing (required)", False),
    "city-name-too-long.json": (cities(city(name="x" * 30000)), "name: is 30000 characters long, more than the limit of 20000", False),
    "city-lat-out-of-range.json": (cities(city(lat=95)), "(zz-bad-city): lat: expected a number in -90..90, got 95", False),
    "city-lon-out-of-range.json": (cities(city(lon=-200.5)), "lon: expected a number in -180..180, got -200.5", False),
    "city-lat-is-a-string.json": (cities(city(lat="20.5")), "lat: expected a number in -90..90, got a string", False),
    "city-lat-overflows.json": ('{"format":"atlas-sur/cities","version":1,"cities":[' + json.dumps(VALID) +
                                ',{"id":"zz-bad-city","name":"B","country":"MX","lat":1e400,"lon":0,"designations":[{"network":"uccn","field":"music","year":2017}]}]}',
                                "number overflow parsing '1e400'", False),
    "city-country-three-letters.json": (cities(city(country="MEX")), 'country: expected an ISO 3166-1 alpha-2 code like "MX", got "MEX"', False),
    "city-is-a-string.json": (cities("Puebla"), "/cities/1: expected an object, got a string", False),
    "city-unknown-member.json": (cities(city(colour="red")), "(zz-bad-city): warning: colour: unknown field (ignored)", True),
    "city-alt-names-not-an-array.json": (cities(city(altNames="Angelópolis")), "altNames: expected an array, got a string", False),
    "city-without-designations.json": (cities(city(designations=None)), "designations: missing (required)", False),
    "city-with-empty-designations.json": (cities(city(designations=[])), "a city needs at least one valid designation", False),
    "duplicate-city-id.json": (cities(dict(VALID, name="Copy")), 'duplicate city id "zz-valid-city"', False),
    "designation-unknown-field.json": (designation(field="Dance"), 'field: unknown creative field "Dance" (not in fields.json)', False),
    "designation-unknown-network.json": (designation(network="unesco"), 'network: unknown city network "unesco"', False),
    "designation-link-network.json": (designation(network="twinning"), 'unknown city network "twinning"', False),
    "designation-year-before-2004.json": (designation(year=2003), "year: expected an integer in 2004..", False),
    "designation-year-in-the-future.json": (designation(year=2099), "year: expected an integer in 2004..", False),
    "designation-year-not-integer.json": (designation(year=2015.5), "year: expected an integer in 2004..", False),
    "designation-year-is-a-string.json": (designation(year="2015"), 'got "2015"', False),
    "heritage-year-before-1978.json": (designation(network="mx-heritage", field=None, year=1970), "year: expected an integer in 1978..", False),
    "architecture-before-2025.json": (designation(field="architecture", year=2019), "the field Architecture exists since 2025", False),
    "creative-designation-without-field.json": (designation(field=None), "field: missing (required)", False),
    "designation-bad-status.json": (designation(status="withdrawn"), 'status: expected "current" or "former", got "withdrawn"', False),
    "designation-whc-id-negative.json": (designation(network="mx-heritage", field=None, year=1990, whcId=-5), "whcId: expected an integer in 1..100000", False),
    "source-without-url-or-note.json": (designation(sources=[{}]), "a source needs a url or a note", False),
    "sources-not-an-array.json": (designation(sources="https://example.org"), "sources: expected an array, got a string", False),
    "too-many-cities.json": ('{"format":"atlas-sur/cities","version":1,"cities":[' + ",".join(["0"] * 100001) + "]}", "cities: has 100001 entries, more than the limit of 100000", False),
    "link-to-a-missing-city.json": (links(link(), link(id="twinning:mx-puebla:xx-atlantis", to="xx-atlantis")), 'to: no city with id "xx-atlantis"', False),
    "link-to-itself.json": (links(link(), link(id="twinning:mx-puebla:mx-puebla", to="mx-puebla")), "a link needs two different cities", False),
    "link-unknown-kind.json": (links(link(), link(id="x:mx-puebla:de-berlin", network="friendship")), 'network: unknown link kind "friendship"', False),
    "link-year-is-a-string.json": (links(link(), link(id="twinning:2", year="1993")), "year: expected an integer in 1900..", False),
    "duplicate-link-id.json": (links(link(), link()), 'duplicate link id "twinning:mx-puebla:de-berlin"', False),
    "field-bad-colour.json": ({"format": "atlas-sur/fields", "version": 1, "fields": [dict(FIELD, since=2004), dict(FIELD, id="mime", name="Mime", color="teal", since=2004)]},
                              'color: expected a colour like "#E69F00", got "teal"', False),
    "field-since-in-the-future.json": ({"format": "atlas-sur/fields", "version": 1, "fields": [dict(FIELD, since=2004), dict(FIELD, id="mime", name="Mime")]},
                                       "since: expected an integer in 2004..", False),
    "network-bad-group.json": ({"format": "atlas-sur/networks", "version": 1, "networks": [
        {"id": "uccn", "name": "UCCN", "group": "creative", "color": "#000000", "marker": "circle"},
        {"id": "x", "name": "X", "group": "club", "color": "#000000", "marker": "circle"}]}, 'group: expected one of creative, heritage, south-south, partner, link; got "club"', False),
    "network-without-marker.json": ({"format": "atlas-sur/networks", "version": 1, "networks": [
        {"id": "uccn", "name": "UCCN", "group": "creative", "color": "#000000", "marker": "circle"},
        {"id": "y", "name": "Y", "group": "heritage", "color": "#000000"}]}, "marker: missing (required)", False),
    "country-group-bad-code.json": ({"format": "atlas-sur/country-groups", "version": 1, "groups": [
        {"id": "global-south", "name": "Global South", "criterion": "test", "countries": [{"iso2": "MX", "name": "Mexico"}, {"iso2": "mex", "name": "Mexico"}]}]},
        'iso2: expected an ISO 3166-1 alpha-2 code like "MX", got "mex"', False),
}

out.mkdir(exist_ok=True)
for old in out.glob("*.json"):
    old.unlink()
manifest = {}
for name, (content, message, valid) in sorted(cases.items()):
    data = json.dumps(content, ensure_ascii=False, indent=1).encode() if isinstance(content, (dict, list)) else \
        content.encode() if isinstance(content, str) else content
    (out / name).write_bytes(data)
    manifest[name] = {"message": message, "valid": valid}
(out / "expected.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
print(f"{len(cases)} files in {out}")
