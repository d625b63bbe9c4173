"""Registration numbers (diarienummer) in the forms municipalities use, whole or not at all.

Year first or last, with a prefix for the committee or register (Dnr, Ks, KS, SN, STK-) and
sub-numbers: "Dnr SN 2021/123", "Dnr: 2017/4711:3", "Diarienummer KS 2019.0456",
"KS-2019-00456", "Dnr 2016-123-1.2.3", "Ks 2016/0123", "STK-2016-123", "Dnr 123/2016",
"KS 45-2016", "Dnr 1.5.1-445/2019" (a filing-plan class first). A number that runs on into letters or more digits ("2016-123-1.2.3a") is not
read at all rather than cut short. A bare "2017/4711:3" counts only after a label or alone on
its line, so that "SOU 2018:32" is never one; a date ("2016-05-12") never is.
"""

from __future__ import annotations

import re

YEAR = r"(?:19|20)\d\d"
SUB = r"(?:[:./-]\d{1,6})*"
CLASSIFIED = rf"\d{{1,2}}(?:\.\d{{1,2}}){{1,3}}-\d{{1,6}}/{YEAR}"  # "1.5.1-445/2019"
CORE = rf"(?:{YEAR}[/.:-]\d{{1,6}}{SUB}|{CLASSIFIED}|\d{{1,6}}[/-]{YEAR}{SUB})"
WHOLE = r"(?![\w/]|[.:/-]\w)"
PREFIX = r"(?:[A-ZÅÄÖ]{1,6}|Ks|Kf|Sn|Kn|Bun)(?:[- ][A-ZÅÄÖ]{1,6})?"
LABEL_RE = re.compile(
    r"\b(?:dnr|diarienr|diarienummer|ärendenummer|ärendenr|ärende nr|vårt dnr|"
    r"er beteckning|beteckning)\.?:?\s*"
    rf"(?P<value>(?:{PREFIX}[ -]?)?{CORE}){WHOLE}",
    re.IGNORECASE,
)
CODED_RE = re.compile(
    rf"(?<![\w/.-])(?P<value>(?:[A-ZÅÄÖ]{{2,6}}|Ks|Kf|Sn|Kn|Bun)[- ]{CORE}){WHOLE}"
)
ALONE_RE = re.compile(rf"(?P<value>(?:{PREFIX}[ -])?{CORE})\.?")
DATE_RE = re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$")
NOT_PREFIXES = {"SOU", "SFS", "PROP", "DS", "SKL", "SKR", "BUS", "KL", "SOL", "LVU", "LSS"}


def find_registration_number(text: str) -> tuple[str, str] | None:
    """(value, fragment) for the first whole registration number in a line, or None."""
    match = LABEL_RE.search(text)
    if match and not _is_date(match.group("value")):
        return match.group("value").strip(), match.group(0)
    stripped = text.strip()
    alone = ALONE_RE.fullmatch(stripped)
    if alone and _plausible(alone.group("value")):
        return alone.group("value"), stripped
    for coded in CODED_RE.finditer(text):
        value = coded.group("value")
        if _plausible(value):
            return value, value
    return None


YEARS_RE = re.compile(r"(?:^|[- ])(?:19|20)\d\d[-/](?:19|20)\d\d$")  # "STIS 2017-2021": years


def _plausible(value: str) -> bool:
    prefix = re.split(r"[- ]", value)[0].upper()
    return prefix not in NOT_PREFIXES and not _is_date(value) and not YEARS_RE.search(value)


def _is_date(value: str) -> bool:
    return (
        DATE_RE.search(value) is not None
        and re.fullmatch(r"(?:[A-Za-zÅÄÖåäö]+[- ])?(?:19|20)\d\d-\d\d-\d\d", value) is not None
    )
