"""Finding 10 of the probe: a refused import confirm left the source file in media. The file is
removed with the transaction that refused it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sif.calc.errors import SifError
from sif.web.imports.services import ImportPlan, ProposalInput, import_confirm
from sif.web.projects.models import Project, SourceDocument

pytestmark = pytest.mark.django_db


def _files(settings: Any) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_refused_confirm_leaves_no_file_in_media(world: Any, settings: Any) -> None:
    plan = ImportPlan(
        filename="forslag.txt",
        content=b"Forslag 1\nForslag 2\n",
        kind="proposal_list",
        state="proposal",
        owner_unit=world.unit_a,
        proposals=[
            ProposalInput(title="Hembesök i Vällingby"),
            ProposalInput(title="  "),
        ],  # the second has no title
    )
    with pytest.raises(SifError) as caught:
        import_confirm(actor=world.admin, fund=world.fund, plan=plan)
    assert caught.value.code == "title_required"
    assert not Project.objects.exists() and not SourceDocument.objects.exists()
    assert _files(settings) == []


def test_a_confirmed_import_keeps_its_file(world: Any, settings: Any) -> None:
    plan = ImportPlan(
        filename="forslag.txt",
        content=b"Forslag 1\n",
        kind="proposal_list",
        state="proposal",
        owner_unit=world.unit_a,
        proposals=[ProposalInput(title="Hembesök i Vällingby")],
    )
    import_confirm(actor=world.admin, fund=world.fund, plan=plan)
    assert len(_files(settings)) == 1 and SourceDocument.objects.count() == 1
