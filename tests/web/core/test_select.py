"""The plain select draws the options Django's Select draws: values, escaped labels, the chosen one."""

from __future__ import annotations

import re

from django import forms

from sif.web.core.select import PlainSelect, options_html

CHOICES = [("", "– inget –"), (1, "Team <Samagera>"), (2, "Hela familjen")]


def _options(html: str) -> list[tuple[str, bool, str]]:
    return [
        (value, bool(chosen), label)
        for value, chosen, label in re.findall(
            r'<option value="([^"]*)"( selected)?>([^<]*)</option>', html
        )
    ]


def test_the_plain_select_has_the_options_and_attributes_of_djangos_select() -> None:
    for value in (None, 2, "1"):
        plain = PlainSelect(choices=CHOICES).render("project", value, {"id": "id_project"})
        django = forms.Select(choices=CHOICES).render("project", value, {"id": "id_project"})
        assert _options(plain) == _options(django)
        opening = plain.split(">", 1)[0]
        assert 'name="project"' in opening and 'id="id_project"' in opening
    assert "Team &lt;Samagera&gt;" in options_html(CHOICES, [2])
