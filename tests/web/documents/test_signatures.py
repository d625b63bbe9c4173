"""The signatures under a committee paper's proposal, as seed 001 prints them."""

from __future__ import annotations

from sif.reports.content import Signature, Signatures
from sif.web.documents.committee import signatures


def test_a_signature_title_starts_with_a_capital_whatever_the_contact_wrote() -> None:
    blocks = signatures(
        "Andrea Hormazabal, avdelningschef, avdelningen för barn och unga\n\nFredrik Jurdell, Socialdirektör"
    )
    assert blocks == [
        Signatures(
            [
                Signature("Andrea Hormazabal", "Avdelningschef, avdelningen för barn och unga"),
                Signature("Fredrik Jurdell", "Socialdirektör"),
            ]
        )
    ]
