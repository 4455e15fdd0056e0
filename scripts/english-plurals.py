#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Fill the plural forms of translations/notify_en.ts from the sources.

English is the source language, so notify_en.ts only carries the plural
forms of the %n strings: "(s)" becomes "" for one and "s" for many, any other
%n string is the same in both forms. Run after `--target update_translations`;
it leaves every other message alone and fails if a form is left empty.
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent.parent / "translations/notify_en.ts")
tree = ET.parse(path)
filled = 0
for message in tree.iter("message"):
    if message.get("numerus") != "yes":
        continue
    source = message.findtext("source")
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    wanted = [source.replace("(s)", ""), source.replace("(s)", "s")]
    for form, text in zip(forms, wanted):
        form.text = text
    translation.attrib.pop("type", None)
    filled += 1
ET.indent(tree, space="    ")
body = ET.tostring(tree.getroot(), encoding="unicode")
path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
print(f"{path.name}: {filled} plural message(s) filled")
