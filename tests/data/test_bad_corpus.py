#!/usr/bin/env python3
"""Every file of tests/data/bad/ through the validator (atlas --check-data) and through native
run-time loading (atlas --load FILE --state, in a hidden window): each must produce its message,
never crash, and leave every valid record loaded. Needs DISPLAY (run_native_tests.sh gives one)."""
import json
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parents[2]
app = root / "build" / "native" / "atlas"
bad = root / "tests" / "data" / "bad"
expected = json.loads((bad / "expected.json").read_text(encoding="utf-8"))
bundled_cities = len(json.loads((root / "assets" / "data" / "cities.json").read_text(encoding="utf-8"))["cities"])
passed = failed = 0


def check(name, cond, detail=""):
    global passed, failed
    print(("ok - " if cond else "not ok - ") + name + ("" if cond else f"\n    {detail}"))
    passed, failed = passed + bool(cond), failed + (not cond)


def run(*args):
    return subprocess.run([str(app), *args], capture_output=True, text=True, errors="replace", timeout=60)


check(f"the corpus has at least 40 files ({len(expected)})", len(expected) >= 40)
check("every file in the corpus has an expectation", {p.name for p in bad.glob("*.json")} - {"expected.json"} == set(expected))
for name, want in sorted(expected.items()):
    path = bad / name
    v = run("--check-data", str(path))
    lines = v.stdout.splitlines()
    check(f"validator: {name}: exit {0 if want['valid'] else 1}, says: {want['message']}",
          v.returncode == (0 if want["valid"] else 1) and any(want["message"] in l for l in lines)
          and all(l.startswith(name + ":") for l in lines),
          f"exit {v.returncode}; output: {v.stdout[:600]}{v.stderr[:300]}")

    r = run("--load", str(path), "--state")
    try:
        state = json.loads(r.stdout)
    except json.JSONDecodeError:
        state = None
    ok = r.returncode == 0 and state is not None
    problems = state["data"]["problems"] if ok else []
    ok = ok and any(want["message"] in p for p in problems)
    # Valid records still load: the bundled cities stay, and a cities file's valid city joins them.
    cities = state["data"]["cities"] if state else 0
    ok = ok and cities >= bundled_cities
    rejected = state["data"]["rejected"] if state else []
    check(f"run-time load: {name}: says it, keeps {cities} cities" + (", rejected the file" if name in rejected else ""),
          ok, f"exit {r.returncode}; problems: {problems[:3]}; stderr: {r.stderr[-300:]}")

# A valid file with a new city merges into the bundled data.
r = run("--load", str(bad / "city-lat-out-of-range.json"), "--exec", '{"type":"select","id":"zz-valid-city"}', "--state")
state = json.loads(r.stdout) if r.returncode == 0 else {}
check("the valid city of a partly bad file is loaded and selectable", state.get("selected") == "zz-valid-city",
      r.stderr[-300:])
print(f"bad data corpus: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
