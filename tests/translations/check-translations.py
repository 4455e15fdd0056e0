#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Fails when a string of the app is not translated, or translated wrongly.

    check-translations.py LUPDATE SOURCES_LIST TS_FILE...

Runs lupdate over the app's sources (the list CMake writes) into a scratch
copy of each .ts, so that a string added to the code and never put into the
.ts counts as unfinished too, then checks every message of the copy:
finished (no type="unfinished"), with every %1/%n placeholder of the source
in each plural form, and with as many & mnemonics as the source has. The
English .ts only holds plural forms and is not checked.
"""
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%L?\d+|%n")


def mnemonics(text):
    return len(re.findall(r"(?<!&)&(?!&)", text.replace("&&", "")))


def check(lupdate, sources, ts):
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        copy = f"{scratch}/{ts.rsplit('/', 1)[-1]}"
        shutil.copy(ts, copy)
        run = subprocess.run([lupdate, f"@{sources}", "-ts", copy, "-no-obsolete", "-locations", "none", "-silent"],
                             capture_output=True, text=True)
        if run.returncode != 0:
            return [f"lupdate failed: {run.stderr.strip()}"], 0
        root = ET.parse(copy).getroot()
    count = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            count += 1
            source = message.findtext("source") or ""
            translation = message.find("translation")
            where = f"{name}: {source!r}"
            if translation is None or translation.get("type") == "unfinished":
                problems.append(f"unfinished: {where}")
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            for form in forms:
                if not form.strip() and source.strip():
                    problems.append(f"empty: {where}")
                missing = set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(form))
                if missing:
                    problems.append(f"lacks {', '.join(sorted(missing))}: {where} -> {form!r}")
                if mnemonics(source) != mnemonics(form):
                    problems.append(f"mnemonic: {where} -> {form!r}")
    return problems, count


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    lupdate, sources, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    failed = False
    for ts in files:
        problems, count = check(lupdate, sources, ts)
        print(f"{ts}: {count} messages, {len(problems)} problem(s)")
        for problem in problems:
            print(f"  {problem}")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
