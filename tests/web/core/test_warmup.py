"""The production server's warm-up (sif/web/core/warmup.py) compiles every template before the fork."""

from __future__ import annotations

from sif.web.core.warmup import template_names, warm_up


def test_every_template_compiles_before_the_workers_fork():
    names = template_names()
    assert "base.html" in names and "projects/project_list.html" in names
    assert warm_up() == len(names)
