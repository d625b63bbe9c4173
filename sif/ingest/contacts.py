"""Contact persons: a "Kontaktperson" or "Handläggare" block (name, title, e-mail, phone), a form
grid's Kontaktperson/Epost/Telefon fields, and the signatory under "Underskrift"."""

from __future__ import annotations

import re

from sif.ingest.forms import content
from sif.ingest.model import Contact, Extracted, Line
from sif.ingest.text import clean, find_email, find_phone, is_name, is_title

ANCHORS = (
    (re.compile(r"^kontaktpersone?r?$", re.IGNORECASE), "contact"),
    (re.compile(r"^handläggare$", re.IGNORECASE), "handläggare"),
    (re.compile(r"^underskrift\b.*$", re.IGNORECASE), "signatory"),
)
SIGNATURE_RE = re.compile(
    r"^(?P<name>[A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+){1,3}), (?P<title>[a-zåäö ]*(?:chef|direktör|ordförande))\.?$"
)


LABELLED_RE = re.compile(
    r"^(?P<label>vår referens|handläggare|föredragande|författare|rapportförfattare|"
    r"projektledare|utvärderare|utredare|kontaktperson|ansvarig handläggare)"
    r"\s*(?::|\s)\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
AUTHOR_RE = re.compile(
    r"^(?i:rapporten är (?:skriven|författad|sammanställd) av|skriven av|författad av|"
    r"sammanställd av|av)\s+(?P<rest>[A-ZÅÄÖ].*?)\.?$"
)
LABEL_ROLES = {
    "vår referens": "contact",
    "kontaktperson": "contact",
    "projektledare": "contact",
    "handläggare": "handläggare",
    "ansvarig handläggare": "handläggare",
    "föredragande": "presenter",
    "författare": "author",
    "rapportförfattare": "author",
    "utvärderare": "author",
    "utredare": "author",
}


def _labelled(line: Line, text: str) -> list[Extracted[Contact]]:
    """ "Vår referens: Anna Berg, utvecklingsledare", "Handläggare<tab>Per Ek", "Författare:
    Eva Lind och Omar Said", "Rapporten är skriven av …": each named person, role by label."""
    labelled = LABELLED_RE.match(text)
    author = AUTHOR_RE.match(text) if labelled is None else None
    if labelled is None and author is None:
        return []
    role = LABEL_ROLES[labelled.group("label").lower()] if labelled else "author"
    rest = (labelled or author).group("rest")  # type: ignore[union-attr]
    email, phone = find_email(rest), find_phone(rest)
    people = []
    for part in re.split(r"\s+och\s+|;", rest):
        name, _, title = part.strip().partition(",")
        name = name.strip()
        if is_name(name):
            title = title.strip().rstrip(".")
            contact = Contact(name, title if is_title(title) else None, email, phone, role)
            people.append(Extracted(contact, line.number, name))
    return people if labelled or len(rest) < 120 else []


def find_contacts(lines: list[Line], fields: dict[str, Extracted[str]]) -> list[Extracted[Contact]]:
    rows = content(lines)
    found: list[Extracted[Contact]] = []
    for index, line in enumerate(rows):
        text = clean(line.text)
        cells = [clean(c) for c in line.text.split("\t") if c.strip()]
        pairs = [f"{cells[i]}: {cells[i + 1]}" for i in range(len(cells) - 1)]
        for candidate in [text] if len(cells) < 2 else pairs:
            found.extend(_labelled(line, candidate))
        for pattern, role in ANCHORS:
            if pattern.match(text):
                found.extend(_block(rows[index + 1 :], role))
        signature = SIGNATURE_RE.match(text)
        if signature:
            contact = Contact(signature.group("name"), signature.group("title"), role="signatory")
            found.append(Extracted(contact, line.number, text))
    if not any(c.value.role == "contact" for c in found):
        found.extend(_from_fields(fields))
    return found


def _block(rows: list[Line], role: str) -> list[Extracted[Contact]]:
    """People listed after an anchor line, until a line that is none of their parts."""
    people: list[Extracted[Contact]] = []
    person: Contact | None = None
    first = 0
    previous = ""
    for line in rows[:24]:
        text = clean(line.text)
        email, phone = find_email(text), find_phone(text)
        if is_name(text) or (person is None and is_name(text.split(" Telefon")[0])):
            if person is not None:
                people.append(Extracted(person, first, person.name))
                if role == "signatory":
                    break
            person, first, previous = Contact(text, role=role), line.number, "name"
        elif person is None:
            break
        elif email and person.email is None:
            person, previous = _replace(person, email=email), "email"
        elif phone and person.phone is None and not re.search(r"[a-zåäö]{4}\s*$", text):
            person, previous = _replace(person, phone=phone), "phone"
        elif (
            previous == "name" and len(text.split()) <= 8 or previous == "title" and is_title(text)
        ) and not email:
            title = text if person.title is None else f"{person.title}, {text}"
            person, previous = _replace(person, title=title), "title"
        else:
            break
    if person is not None:
        people.append(Extracted(person, first, person.name))
    return people


def _replace(person: Contact, **changes: str) -> Contact:
    values = {
        "name": person.name,
        "title": person.title,
        "email": person.email,
        "phone": person.phone,
    }
    values.update(changes)
    return Contact(
        values["name"] or "", values["title"], values["email"], values["phone"], person.role
    )


def _from_fields(fields: dict[str, Extracted[str]]) -> list[Extracted[Contact]]:
    name = fields.get("kontaktperson")
    if name is None or not is_name(name.value):
        return []
    email = next(
        (fields[k].value for k in ("epost", "e-post", "e-postadress") if k in fields), None
    )
    phone = fields["telefon"].value if "telefon" in fields else None
    return [Extracted(Contact(name.value, None, email, phone), name.line_no, name.source_text)]
