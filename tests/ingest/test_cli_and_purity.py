"""`sif import` prints one JSON object per file and never loads Django."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sif.ingest.cli import main

REQUIRED = {
    "file",
    "kind",
    "title",
    "date",
    "registration_number",
    "organisation",
    "period",
    "amounts",
    "budget",
    "contacts",
    "warnings",
    "unread",
}


def test_json_lines_carry_the_required_fields_for_every_file(
    seed_paths: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--json", *(str(p) for p in seed_paths.values())])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0
    assert len(rows) == 5
    assert all(REQUIRED <= row.keys() for row in rows)
    by_kind = {row["kind"]: row for row in rows}
    short = by_kind["application_short"]
    assert short["period"]["start"] == "2013-09-01" and short["period"]["end"] == "2014-12-31"
    assert {
        "value_kr": 2460000,
        "role": "sought",
        "kind": "sought",
        "text": "2460000",
        "line": 24,
    } == short["amounts"][0]
    full = by_kind["application_full"]
    assert full["budget"]["grand_total_kr"] == 22540000
    assert full["budget"]["rows"][0]["cells"] == {"2020": 8177000, "2021": 8411000, "2022": 1752000}
    assert by_kind["committee_paper"]["date"] == "2021-11-23"


def test_a_failed_file_is_a_json_line_with_its_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tom.txt"
    path.write_bytes(b"")
    assert main(["--json", str(path)]) == 1
    row = json.loads(capsys.readouterr().out)
    assert row["ok"] is False and row["error"]["code"] == "file_empty"
    assert "tom.txt" in row["error"]["message"]


def test_importing_sif_ingest_and_running_the_cli_leaves_django_unloaded(
    seed_paths: dict[str, Path],
) -> None:
    script = (
        "import sys, io, contextlib\n"
        "import sif.ingest\n"
        "from sif.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['import', '--json', {str(seed_paths['002'])!r}])\n"
        "assert code == 0\n"
        "print('django' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"
