"""The project's own texts on the review screen (description, purpose, goals, target group,
lessons), copied from the document's lines – never written anew.

Three ways a document says them, tried in this order for each field:
- a section under a known heading ("Nulägesbeskrivning", "Berörd målgrupp"); a heading with no
  text of its own ("Beskrivning av insatsen") takes the sub-sections that follow it, up to the
  next known heading;
- a form label alone on its line ("Syfte:", "Genomförande:") and the lines up to the next label;
- for the purpose, a sentence that says it ("Syftet var att …").
Each result keeps the lines it came from. No Django import: plain data in, plain data out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

SUMMARY_HEADINGS = (
    "nulägesbeskrivning",
    "beskrivning av insatsen",
    "projektbeskrivning",
    "beskrivning av projektet",
)
SUMMARY_LABELS = ("genomförande", "projektbeskrivning", "beskrivning av projektet")
PURPOSE_HEADINGS = ("syfte", "projektets syfte")
PURPOSE_LABELS = ("syfte", "projektets syfte")
GOAL_HEADINGS = ("mål", "projektets mål")
GOAL_LABELS = ("mål", "projektets mål")
TARGET_HEADINGS = ("berörd målgrupp", "särskild målgrupp", "målgrupp")
TARGET_LABELS = ("målgrupp",)
LESSON_HEADINGS = ("lärdomar",)
LESSON_LABELS = ("lärdomar",)
# Headings that begin a new part of an application form: a heading without text of its own
# gathers the sub-sections after it up to one of these (or up to any recognised section).
FORM_HEADINGS = frozenset(
    (
        *SUMMARY_HEADINGS,
        *PURPOSE_HEADINGS,
        *GOAL_HEADINGS,
        *TARGET_HEADINGS,
        *LESSON_HEADINGS,
        "behovsanalys",
        "val av geografiskt område",
        "utfall (effekt)",
        "utfall",
        "förtjänster",
        "uppföljning och utvärdering av effekter",
        "metodutveckling, samverkan och långsiktighet",
        "sammanfattning av målgrupp, insats, utfall och förtjänst",
        "referenser",
        "ekonomi",
        "kontaktperson",
    )
)
PURPOSE_SENTENCE = re.compile(r"\bSyftet (?:var|är) att\b.*?(?:\.(?=\s+[A-ZÅÄÖ])|$)")
BULLET = re.compile(r"^\s*[-•–]\s+")
LABEL_MAX = 80


@dataclass(frozen=True)
class Found:
    """A text and where it came from: lines to show beside the field and ranges copied."""

    text: str
    refs: tuple[int, ...]
    spans: tuple[tuple[int, int], ...] = ()


def normal(text: str) -> str:
    return " ".join(text.split()).rstrip(":").strip().casefold()


def paragraphs(texts: Iterable[str]) -> str:
    """Lines as the project pages and documents read them: a blank line between paragraphs,
    runs of "- " lines kept together as one list."""
    out: list[str] = []
    previous_bullet = False
    for text in texts:
        text = text.strip()
        if not text:
            continue
        bullet = bool(BULLET.match(text))
        out.append(("\n" if bullet and previous_bullet else "\n\n") + text if out else text)
        previous_bullet = bullet
    return "".join(out)


class Source:
    """The staged lines ([number, text, page]) and the draft's sections (heading, line, last_line)."""

    def __init__(self, lines: Sequence[Any], sections: Sequence[dict[str, Any]]) -> None:
        self.text = {int(row[0]): str(row[1]) for row in lines}
        self.sections = sorted(sections, key=lambda s: int(s["line"]))
        self.starts = {int(s["line"]) for s in self.sections}

    def _range(self, first: int, last: int) -> list[str]:
        return [self.text[n] for n in range(first, last + 1) if self.text.get(n, "").strip()]

    def _own(self, section: dict[str, Any]) -> list[str]:
        return self._range(int(section["line"]) + 1, int(section["last_line"]))

    def under(self, headings: Sequence[str]) -> Found | None:
        """Sections under one of `headings`; several are joined, each after its heading."""
        parts: list[tuple[dict[str, Any], list[str], int]] = []
        for i, section in enumerate(self.sections):
            if normal(section["heading"]) not in headings:
                continue
            own = self._own(section)
            if own:
                parts.append((section, own, int(section["last_line"])))
                continue
            texts: list[str] = []
            last = int(section["line"])
            for sub in self.sections[i + 1 :]:
                sub_own = self._own(sub)
                if sub.get("code") or normal(sub["heading"]) in FORM_HEADINGS or not sub_own:
                    break
                texts += [sub["heading"], *sub_own]
                last = int(sub["last_line"])
            if texts:
                parts.append((section, texts, last))
        if not parts:
            return None
        several = len(parts) > 1
        text = paragraphs(
            t
            for section, texts, _last in parts
            for t in ([section["heading"]] if several else []) + texts
        )
        refs = tuple(int(section["line"]) for section, _texts, _last in parts)
        spans = tuple((int(section["line"]) + 1, last) for section, _texts, last in parts)
        return Found(text, refs, spans)

    def _is_label(self, text: str) -> bool:
        stripped = text.strip()
        return stripped.endswith(":") and len(stripped) <= LABEL_MAX and stripped.count(":") == 1

    def labelled(self, labels: Sequence[str]) -> Found | None:
        """The lines after a form label ("Syfte:") up to the next label or section heading."""
        numbers = sorted(self.text)
        for i, n in enumerate(numbers):
            if not self._is_label(self.text[n]) or normal(self.text[n]) not in labels:
                continue
            texts: list[str] = []
            last = n
            for m in numbers[i + 1 :]:
                line = self.text[m]
                if m in self.starts or self._is_label(line):
                    break
                if line.strip():
                    texts.append(line)
                    last = m
            if texts:
                return Found(paragraphs(texts), (n,), ((n + 1, last),))
        return None

    def sentence(self, pattern: re.Pattern[str]) -> Found | None:
        """The first sentence matching `pattern`, as written, with its line."""
        for n in sorted(self.text):
            match = pattern.search(self.text[n])
            if match:
                return Found(match.group(0).strip(), (n,))
        return None

    def first(self, *candidates: Any) -> Found | None:
        """The first of (method, argument) pairs that finds something."""
        for method, argument in candidates:
            found = method(argument)
            if found is not None and found.text:
                return found
        return None


def listed(items: Sequence[dict[str, Any]]) -> Found | None:
    """The draft's own list (lessons): one paragraph each, as written."""
    if not items:
        return None
    return Found(paragraphs(i["text"] for i in items), tuple(int(i["line"]) for i in items))


def goals(goals: dict[str, Any]) -> Found | None:
    """Short- and long-term goals as the draft read them, each kind as a list under its name."""
    parts = [
        (label, goals.get(key) or [])
        for key, label in (("short_term", "Kortsiktiga mål"), ("long_term", "Långsiktiga mål"))
    ]
    parts = [(label, items) for label, items in parts if items]
    if not parts:
        return None
    texts = [t for label, items in parts for t in (label, *(f"- {i['text']}" for i in items))]
    return Found(paragraphs(texts), tuple(int(i["line"]) for _label, items in parts for i in items))


def project_texts(draft: dict[str, Any], source: Source) -> dict[str, Found]:
    """Per ReviewForm field, the text the document gives (fields it does not give are absent)."""
    found = {
        "summary": source.first(
            (source.under, SUMMARY_HEADINGS), (source.labelled, SUMMARY_LABELS)
        ),
        "purpose": source.first(
            (source.labelled, PURPOSE_LABELS),
            (source.under, PURPOSE_HEADINGS),
            (source.sentence, PURPOSE_SENTENCE),
        ),
        "goals": goals(draft.get("goals") or {})
        or source.first((source.labelled, GOAL_LABELS), (source.under, GOAL_HEADINGS)),
        "target_group": source.first(
            (source.under, TARGET_HEADINGS), (source.labelled, TARGET_LABELS)
        ),
        "lessons": listed(draft.get("lessons") or [])
        or source.first((source.under, LESSON_HEADINGS), (source.labelled, LESSON_LABELS)),
    }
    return {name: f for name, f in found.items() if f is not None}
