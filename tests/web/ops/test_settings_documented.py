"""Every SIF_ variable the settings read is documented, and the README's table is the settings'."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_every_environment_variable_read_is_in_the_settings_table_and_the_readme() -> None:
    sources = "".join(
        (ROOT / f).read_text(encoding="utf-8")
        for f in ("sif/web/settings.py", "sif/web/ops/config.py")
    )
    read = set(re.findall(r'"(SIF_[A-Z0-9_]+|DATABASE_URL)"', sources))
    settings_doc = (ROOT / "sif/web/settings.py").read_text(encoding="utf-8").split('"""')[1]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert read, "the settings read their environment"
    assert sorted(v for v in read if v not in settings_doc) == []
    assert sorted(v for v in read if v not in readme) == []
    table = [line for line in settings_doc.splitlines() if line.startswith("|")]
    assert all(line in readme for line in table)
