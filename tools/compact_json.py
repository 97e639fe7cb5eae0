"""Copies a JSON file without the whitespace between its tokens: python3 tools/compact_json.py IN OUT.

The app's package carries the data, tours, catalogues and themes as the app parses them, not as they
are kept for people to read and review. Python's json keeps each value as the app reads it: an
integer stays an integer, a decimal becomes the shortest spelling of the same double. A file this
would change otherwise (not JSON, a key given twice, NaN) is copied as it is: the app's own checks
then name its problem, as for any file.
"""
import json
import shutil
import sys


class Unchanged(ValueError):
    pass


def pairs(items):
    if len({key for key, _ in items}) != len(items):
        raise Unchanged("a key given twice")
    return dict(items)


def no_constant(name):
    raise Unchanged(name)


source, target = sys.argv[1:3]
try:
    with open(source, encoding="utf-8") as f:
        value = json.load(f, object_pairs_hook=pairs, parse_constant=no_constant)
except (ValueError, UnicodeDecodeError):
    shutil.copyfile(source, target)
else:
    with open(target, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, separators=(",", ":"))
