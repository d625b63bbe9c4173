"""The English catalogue (locale/en/LC_MESSAGES) is complete and compiled.

The .po is read with a small stdlib parser: every msgid has an English msgstr (every plural form) and
no entry is fuzzy. The committed .mo, loaded with `gettext.GNUTranslations`, holds exactly the .po's
messages with the same translations, so a .po edited without `compilemessages` fails here (file
times are not compared: git does not keep them). Every literal `{% translate "…" %}` in the
templates is a msgid of the .po, so a string added without `makemessages` fails too.
"""

from __future__ import annotations

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PO = REPO / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
TEMPLATE_TRANSLATE = re.compile(r"""\{%\s*translate\s+(?:"([^"]*)"|'([^']*)')""")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file (header and obsolete `#~` entries left out)."""
    entries = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        entry, key, parts = Entry(), "", {}
        for line in block.splitlines():
            if line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif match := re.match(
                r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line
            ):
                key = match.group(1)
                parts[key] = [match.group(2)]
            elif line.startswith('"'):
                parts[key].append(line)
        if "msgid" not in parts:
            continue  # an obsolete entry
        text = {k: "".join(ast.literal_eval(s) for s in v) for k, v in parts.items()}
        entry.msgid, entry.msgid_plural, entry.msgctxt = (
            text["msgid"],
            text.get("msgid_plural"),
            text.get("msgctxt"),
        )
        entry.msgstr = {
            int(k[7:-1]) if "[" in k else 0: v for k, v in text.items() if k.startswith("msgstr")
        }
        if entry.msgid:
            entries.append(entry)
    return entries


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return read_po(PO)


def test_the_english_catalogue_has_entries(entries: list[Entry]) -> None:
    assert len(entries) > 500
    assert {"Projekt", "Logga in", "Uppföljning"} <= {e.msgid for e in entries}


def test_every_msgid_has_an_english_msgstr_and_none_is_fuzzy(entries: list[Entry]) -> None:
    untranslated = [
        e.msgid for e in entries if not e.msgstr or any(not s for s in e.msgstr.values())
    ]
    fuzzy = [e.msgid for e in entries if "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []


def test_the_compiled_mo_holds_exactly_the_po_translations(entries: list[Entry]) -> None:
    with MO.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    expected: dict[object, str] = {}
    for e in entries:
        msgid = f"{e.msgctxt}\x04{e.msgid}" if e.msgctxt is not None else e.msgid
        if e.msgid_plural is None:
            expected[msgid] = e.msgstr[0]
        else:
            expected.update({(msgid, n): s for n, s in e.msgstr.items()})
    compiled = {k: v for k, v in catalog.items() if k != ""}  # "" is the header
    assert sorted(map(str, set(expected) - set(compiled))) == [], (
        "in the .po but not in the .mo: run compilemessages"
    )
    assert sorted(map(str, set(compiled) - set(expected))) == [], (
        "in the .mo but not in the .po: run compilemessages"
    )
    assert {k: v for k, v in compiled.items() if expected[k] != v} == {}


def test_every_literal_translate_tag_in_the_templates_is_in_the_catalogue(
    entries: list[Entry],
) -> None:
    msgids = {e.msgid for e in entries}
    missing = sorted(
        f"{template.relative_to(REPO)}: {double or single}"
        for template in (REPO / "sif").rglob("templates/**/*.html")
        for double, single in TEMPLATE_TRANSLATE.findall(template.read_text(encoding="utf-8"))
        if (double or single).replace("%", "%%")
        not in msgids  # Django doubles % in template msgids
    )
    assert missing == [], "run makemessages -l en and translate the new strings"


def test_english_is_served_when_chosen(entries: list[Entry]) -> None:
    from django.utils import translation

    with translation.override("en"):
        assert translation.gettext("Läs in dokument") == "Import documents"
        assert translation.ngettext("%(n)s post", "%(n)s poster", 2) % {"n": 2} == "2 entries"
