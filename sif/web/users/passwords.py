"""A password validator that refuses the passwords Swedish users choose first.

Django's own list is English. These are built from the patterns that top Swedish leak lists and the
Swedish Police's and MSB's advice warn about: a season, month, city, football club, name or word
followed by a year or a digit or two (Sommar2024, Hösten2023, Stockholm1, Lösenord123). The check
ignores case and trailing digits and punctuation, so Sommar2031! is refused as well.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SWEDISH_WORDS = frozenset(
    """
    sommar vinter var varen host hosten sommaren vintern
    januari februari mars april maj juni juli augusti september oktober november december
    mandag tisdag onsdag torsdag fredag lordag sondag
    losenord losen hemligt hemlig password qwerty qwertyuiop asdfgh asdfghjkl abc abcd
    stockholm goteborg malmo uppsala vasteras orebro linkoping helsingborg jonkoping norrkoping
    lund umea gavle boras eskilstuna sodertalje karlstad taby vaxjo halmstad sundsvall lulea
    trollhattan ostersund borlange falun kalmar kristianstad skelleftea karlskrona
    sverige svensk svenska kommun kommunen region regionen fonden sif socialtjansten
    aik djurgarden hammarby ifk ifkgoteborg malmoff mff bajen blavitt
    kalle anna erik lars karin maria johan sara lisa per nils emma elsa hugo oscar astrid
    hejhej hejsan hej valkommen valkomna jultomten tomten midsommar julafton nyar
    kaffe fika semester karlek solsken blomma hund katt
    """.split()
)
_TAIL = re.compile(r"[\d\W_]+$")


def _fold(text: str) -> str:
    """Lower case without diacritics: Hösten -> hosten, Göteborg -> goteborg."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_common_swedish(password: str) -> bool:
    stem = _TAIL.sub("", _fold(password.strip()))
    stem = re.sub(r"^[\d\W_]+", "", stem)
    return stem in SWEDISH_WORDS or stem.rstrip("s") in SWEDISH_WORDS


class SwedishCommonPasswordValidator:
    def validate(self, password: str, user: Any = None) -> None:
        if is_common_swedish(password):
            raise ValidationError(
                _(
                    "Lösenordet är för vanligt: ett ord som årstid, månad, ort eller namn följt av siffror gissas först. Välj en mening eller flera ord."
                ),
                code="password_too_common_sv",
            )

    def get_help_text(self) -> str:
        return _(
            "Lösenordet får inte vara ett vanligt ord som årstid, månad, ort eller namn följt av siffror (till exempel Sommar2024)."
        )
