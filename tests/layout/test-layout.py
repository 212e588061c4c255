#!/usr/bin/env python3
"""The layout HACKING.md promises, checked on every run of the suite (TAP).

- no source file under src/ or tests/ is longer than 1,000 lines;
- nothing in src/core or src/charts includes GTK or libadwaita;
- a core subsystem includes only its own headers and those of the
  subsystems below it (the build enforces this too; this says it in words);
- charts include nothing of ui or cli, and cli nothing of ui;
- every source file with translatable strings is listed in po/POTFILES.in.
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
root = os.path.abspath(root)
MAX_LINES = 1000

# A core subsystem may use the ones listed for it (src/core/meson.build).
CORE_USES = {
    "model": set(),
    "store": {"model"},
    "import": {"model", "store"},
    "geo": {"model", "store"},
    "results": {"model", "store"},
    "live": {"model", "store", "import", "results"},
}

include_re = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]', re.M)


def sources(*folders):
    for folder in folders:
        for base, _, names in os.walk(os.path.join(root, folder)):
            for name in sorted(names):
                if name.endswith((".c", ".h", ".py")):
                    yield os.path.join(base, name)


def rel(path):
    return os.path.relpath(path, root)


# Which folder of src/ declares each header.
owner = {}
for path in sources("src"):
    if path.endswith(".h"):
        owner[os.path.basename(path)] = os.path.relpath(os.path.dirname(path), os.path.join(root, "src"))

checks = []


def check(name, problems):
    checks.append((name, problems))


problems = []
for path in sources("src", "tests"):
    with open(path, encoding="utf-8", errors="replace") as f:
        n = sum(1 for _ in f)
    if n > MAX_LINES:
        problems.append(f"{rel(path)} has {n} lines (at most {MAX_LINES}: split it by concern)")
check("no source file over 1,000 lines", problems)

problems = []
for path in sources("src/core", "src/charts"):
    text = open(path, encoding="utf-8", errors="replace").read()
    for header in include_re.findall(text):
        if header.startswith(("gtk/", "adwaita", "gdk/")):
            problems.append(f"{rel(path)} includes <{header}>")
check("core and charts never include GTK", problems)

problems = []
for path in sources("src/core"):
    parts = os.path.relpath(path, os.path.join(root, "src", "core")).split(os.sep)
    if len(parts) < 2:
        continue
    subsystem = parts[0]
    allowed = CORE_USES.get(subsystem)
    if allowed is None:
        problems.append(f"{rel(path)}: core/{subsystem} is not a known subsystem (add it to CORE_USES and HACKING.md)")
        continue
    text = open(path, encoding="utf-8", errors="replace").read()
    for header in include_re.findall(text):
        where = owner.get(header)
        if where is None or not where.startswith("core/"):
            continue
        used = where.split("/")[1]
        if used != subsystem and used not in allowed:
            problems.append(f"{rel(path)} includes {header} of core/{used}, which core/{subsystem} may not use")
check("core subsystems include only the ones below them", problems)

problems = []
for layer, forbidden in (("charts", ("ui", "cli")), ("cli", ("ui",))):
    for path in sources(os.path.join("src", layer)):
        text = open(path, encoding="utf-8", errors="replace").read()
        for header in include_re.findall(text):
            if owner.get(header) in forbidden:
                problems.append(f"{rel(path)} includes {header} of src/{owner[header]}")
check("charts use only core, cli only charts and core", problems)

problems = []
listed = set()
with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
    listed = {line.strip() for line in f if line.strip() and not line.startswith("#")}
translatable = re.compile(r'\b(?:N?_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"')
for path in sources("src"):
    if not path.endswith(".c"):
        continue
    text = open(path, encoding="utf-8", errors="replace").read()
    if translatable.search(text) and rel(path) not in listed:
        problems.append(f"{rel(path)} has translatable strings but is not in po/POTFILES.in")
for entry in sorted(listed):
    if not os.path.exists(os.path.join(root, entry)):
        problems.append(f"po/POTFILES.in lists {entry}, which does not exist")
check("po/POTFILES.in lists every file with translatable strings", problems)

print(f"1..{len(checks)}")
failed = 0
for number, (name, found) in enumerate(checks, 1):
    if found:
        failed += 1
        print(f"not ok {number} - {name}")
        for problem in found:
            print(f"# {problem}")
    else:
        print(f"ok {number} - {name}")
sys.exit(1 if failed else 0)
