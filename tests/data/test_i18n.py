#!/usr/bin/python3
"""The catalogues (assets/i18n) against the code, the data and the font:
- every English text the panels translate (ui.tr / ui.fmt / ui.title / N_) is a key of en.json,
  and so are the data's words shown through the catalogue (confidences, link labels);
- es.json and fr.json translate every key of en.json, with the same placeholders and plural forms;
- the font the app ships has every character of every catalogue, of the country names and of the data.
Prints 'N passed, M failed'."""
import json
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parents[2]
i18n = root / "assets" / "i18n"
passed = failed = 0


def check(name, cond, detail=""):
    global passed, failed
    print(("ok - " if cond else "not ok - ") + name + ("" if cond else f"\n    {detail}"))
    passed, failed = passed + bool(cond), failed + (not cond)


LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')


def unescape(text):
    """A C++ string literal's text: \\uXXXX, \\n and the escaped quote and backslash."""
    def one(m):
        e = m.group(1)
        if e[0] == "u":
            return chr(int(e[1:], 16))
        return {"n": "\n", "t": "\t"}.get(e, e)
    return re.sub(r'\\(u[0-9a-fA-F]{4}|.)', one, text)


def first_argument_texts(inside):
    """The English texts of a call's first argument: its string literals, adjacent ones joined,
    the branches of a ternary apart."""
    texts, current, depth, i = [], "", 0, 0
    while i < len(inside):
        c = inside[i]
        if c == '"':
            m = LITERAL.match(inside, i)
            current += unescape(m.group(1))
            i = m.end()
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth < 0:  # the end of the call
                break
        elif depth == 0 and c == ",":
            break
        elif depth == 0 and c in "?:" and current:
            texts.append(current)
            current = ""
        i += 1
    if current:
        texts.append(current)
    return texts


def calls(text, name, argument=0):
    """The English texts given as the n-th argument of each call `name(...)` in a source text."""
    out = []
    for m in re.finditer(r'(?<![\w])' + re.escape(name) + r'\(', text):
        rest = text[m.end():]
        for _ in range(argument):  # skip to the argument: past commas at depth 0, outside literals
            depth, i = 0, 0
            while i < len(rest):
                c = rest[i]
                if c == '"':
                    i = LITERAL.match(rest, i).end()
                    continue
                depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(c, 0)
                if depth < 0 or (depth == 0 and c == ","):
                    break
                i += 1
            rest = rest[i + 1:] if i < len(rest) and rest[i] == "," else ""
        out += first_argument_texts(rest)
    return out


used = set()
for src in sorted((root / "src" / "ui").glob("*.cpp")):
    text = src.read_text(encoding="utf-8")
    for fn in ("ui.tr", "ui.fmt", "ui.title", "N_"):
        used.update(calls(text, fn))
# The page's own words (the presenter console, the export dialog): t('...') and [element, text] pairs.
console = "".join((root / "web" / f).read_text(encoding="utf-8") for f in ("console.html", "atlas_api.js"))
console_words = set(re.findall(r"\bt\('([^']+)'\)", console)) | set(re.findall(r"\['[a-z-]+', '([^']+)'\]", console))
check(f"the page's words are found (sanity: more than 10, got {len(console_words)})", len(console_words) > 10)
used |= console_words
# The data validator's messages, the words it puts in them, and the kinds of records.
core = root / "src" / "core"
reader = (core / "record_reader.h").read_text(encoding="utf-8")
loader = reader + "".join((core / f).read_text(encoding="utf-8") for f in ("dataset_loader.cpp", "tour.cpp"))
validator = set(calls(loader, "fail", 1)) | set(calls(loader, "reject", 1))
validator |= set(re.findall(r'return "([^"]+)";', reader.split("class RecordReader")[0]))
validator |= {m.group(1) for m in re.finditer(r'load_records\(doc, file, "[a-z]+", "([a-z]+)"', loader)}
validator.discard("")
check(f"the validator's messages are found (sanity: more than 25, got {len(validator)})", len(validator) > 25)
used |= validator | {"warning"}
used.discard("")
data = root / "assets" / "data"
cities = json.loads((data / "cities.json").read_text(encoding="utf-8"))["cities"]
links = json.loads((data / "links.json").read_text(encoding="utf-8"))["links"]
data_words = {d["confidence"] for c in cities for d in c["designations"] if d.get("confidence")}
data_words |= {l["label"] for l in links if l.get("label")}

cats = {lang: json.loads((i18n / f"{lang}.json").read_text(encoding="utf-8"))
        for lang in json.loads((i18n / "languages.json").read_text())["languages"]}
en = cats["en"]["strings"]
missing = sorted(k for k in used | data_words if k not in en)
check(f"every text the panels translate is in en.json ({len(used)} texts, {len(data_words)} data words)",
      not missing, f"missing: {missing}")
check("the scan finds the panels' texts (sanity: more than 60)", len(used) > 60, f"only {len(used)}")


def placeholders(v):
    texts = [v] if isinstance(v, str) else [v["one"], v["other"]]
    return [sorted(set(re.findall(r"\{\w+\}", t))) for t in texts]


for lang, cat in cats.items():
    if lang == "en":
        continue
    s = cat["strings"]
    absent = sorted(k for k in en if k not in s)
    check(f"{lang}.json translates every key of en.json ({len(en)})", not absent, f"missing: {absent}")
    wrong = sorted(k for k in en if k in s and (isinstance(en[k], str) != isinstance(s[k], str) or
                   {tuple(p) for p in placeholders(en[k])} != {tuple(p) for p in placeholders(s[k])}))
    check(f"{lang}.json keeps the placeholders and plural forms", not wrong, f"differ: {wrong}")
    same = sorted(k for k in en if isinstance(en[k], str) and s.get(k) == en[k] and len(en[k]) > 12
                  and not k.startswith(("field:", "network:")))
    print(f"# {lang}: {len(same)} long texts identical to English (names, or untranslated): {same[:5]}")

# The font: every character the app can show from the catalogues, country names and data.
font = root / "build" / "native" / "assets" / "fonts" / "DejaVuSans-latin.ttf"
try:
    from fontTools.ttLib import TTFont
except ImportError:
    TTFont = None
check("fontTools is installed (Debian fonttools)", TTFont is not None)
if TTFont and font.exists():
    cmap = TTFont(str(font)).getBestCmap()
    chars = {}

    def collect(where, value):
        if isinstance(value, str):
            for ch in value:
                if ch >= " ":
                    chars.setdefault(ch, where)
        elif isinstance(value, dict):
            for k, v in value.items():
                collect(where, v)
        elif isinstance(value, list):
            for v in value:
                collect(where, v)

    for lang, cat in cats.items():
        collect(f"{lang}.json", cat)
    countries = root / "build" / "native" / "assets" / "i18n" / "countries.json"
    names = json.loads(countries.read_text(encoding="utf-8"))["names"] if countries.exists() else {}
    check("country names come in every language for every country of the data (CLDR via i18n-iso-countries)",
          all(c["country"] in names.get(lang, {}) for lang in cats for c in cities) and
          names.get("es", {}).get("MX") == "México" and names.get("fr", {}).get("MX") == "Mexique",
          "countries.json incomplete")
    collect("countries.json", names)
    for f in sorted(data.glob("*.json")) + sorted((root / "assets" / "tours").glob("*.json")):
        collect(f.name, json.loads(f.read_text(encoding="utf-8")))
    lacking = sorted(f"U+{ord(c):04X} {c!r} ({w})" for c, w in chars.items() if ord(c) not in cmap)
    check(f"the font has every character of the catalogues, country names, data and tours ({len(chars)} characters)",
          not lacking, f"lacking: {lacking[:20]}")
else:
    check(f"the built font exists ({font})", False, "build the native app first")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
