"""Personal identity numbers in imported text: found with the project's own guard
(`sif.calc.privacy`, one home for the pattern), removed from the lines before anything reads
them, and each line flagged, so that no draft, staged line or saved value ever holds one."""

from __future__ import annotations

from sif.calc import privacy
from sif.ingest.model import Line, Notice

MASK = "[personnummer borttaget]"


def without_identity_numbers(lines: list[Line]) -> tuple[list[Line], list[Notice]]:
    """The lines with every identity number replaced by MASK, and a warning per line."""
    result: list[Line] = []
    notices: list[Notice] = []
    for line in lines:
        found = privacy.find_personal_identity_numbers(line.text)
        if not found:
            result.append(line)
            continue
        text = line.text
        for match in reversed(found):
            text = text[: match.start] + MASK + text[match.end :]
        result.append(Line(line.number, text, line.page))
        notices.append(
            Notice("personal_identity_number_removed", line.number, {"count": str(len(found))})
        )
    return result, notices
