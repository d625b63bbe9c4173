"""Registration numbers (diarienummer) in the forms municipalities use.

"Dnr SN 2021/123", "Dnr: 2017/4711:3", "Diarienummer KS 2019.0456", "KS-2019-00456",
"SN 2021/123". A bare "2017/4711:3" counts only after a label (Dnr, Diarienummer,
Ärendenummer, Vårt dnr) or alone on its line, so that "SOU 2018:32" is never one.
"""

from __future__ import annotations

import re

PREFIX = r"[A-ZÅÄÖ]{1,6}(?:[- ][A-ZÅÄÖ]{1,6})?"
CORE = r"(?:19|20)\d\d[/.:-]\d{1,6}(?:[:./-]\d{1,4})?"
LABEL_RE = re.compile(
    rf"\b(?:dnr|diarienr|diarienummer|ärendenummer|ärendenr|vårt dnr|er beteckning)\.?:?\s*"
    rf"(?P<value>(?:{PREFIX}[ -]?)?{CORE})",
    re.IGNORECASE,
)
CODED_RE = re.compile(
    r"(?<![\w/])(?P<value>[A-ZÅÄÖ]{2,6}[- ](?:19|20)\d\d[-/]\d{2,6}(?:[:-]\d{1,4})?)(?![\w/])"
)
ALONE_RE = re.compile(rf"(?P<value>(?:{PREFIX} )?(?:19|20)\d\d/\d{{1,6}}(?::\d{{1,4}})?)")
NOT_PREFIXES = {"SOU", "SFS", "PROP", "DS", "SKL", "SKR", "BUS"}


def find_registration_number(text: str) -> tuple[str, str] | None:
    """(value, fragment) for the first registration number in a line, or None."""
    match = LABEL_RE.search(text)
    if match:
        return match.group("value").strip(), match.group(0)
    stripped = text.strip()
    alone = ALONE_RE.fullmatch(stripped)
    if alone:
        return alone.group("value"), stripped
    for coded in CODED_RE.finditer(text):
        value = coded.group("value")
        if re.split(r"[- ]", value)[0].upper() not in NOT_PREFIXES:
            return value, value
    return None
