"""Work every worker process would otherwise do in its first requests, done once before the fork.

`sif serve` runs gunicorn with `--preload`: sif/web/wsgi.py imports the application in the master
and the workers fork from it. Django compiles a template the first time a process renders it and
loads the translation catalogue the first time a language is activated, and the URL resolver
builds its reverse tables (for every namespace) at the first `reverse()`; done lazily, that cost
(the project list's first request 229 ms against 65 ms warm, the fund ledger's 312 against 181 ms,
measured in one process on the national data) fell on the first request of each page in each of
the workers, which with five workers set the p95 of the scale benchmark's
sequential runs. Compiled here, the templates and the catalogue are inherited by every worker (and
their memory pages shared).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template import TemplateSyntaxError, engines
from django.template.utils import get_app_template_dirs
from django.urls import URLResolver, get_resolver
from django.utils import translation


def template_names() -> list[str]:
    """Every template of the project's and the installed apps' template folders, by the name a
    view asks for (the path below its folder)."""
    folders = [Path(d) for t in settings.TEMPLATES for d in t.get("DIRS", [])]
    folders += [Path(d) for d in get_app_template_dirs("templates")]
    names = set()
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in {".html", ".txt", ".xml", ".svg"}:
                names.add(path.relative_to(folder).as_posix())
    return sorted(names)


def _reverse_tables(resolver: URLResolver) -> None:
    resolver.reverse_dict  # noqa: B018 - builds the resolver's reverse tables now
    for _prefix, child in resolver.namespace_dict.values():
        _reverse_tables(child)


def warm_up() -> int:
    """Build the URL reverse tables, load the Swedish and English catalogues and compile every
    template into the cached loader; returns the number of templates compiled. A template that
    does not compile on its own is left to its first request, where its error belongs."""
    _reverse_tables(get_resolver())
    for language in {settings.LANGUAGE_CODE, "en"}:
        with translation.override(language):
            translation.gettext("Projekt")
    compiled = 0
    for engine in engines.all():
        for name in template_names():
            try:
                engine.get_template(name)
            except (TemplateSyntaxError, UnicodeDecodeError):
                continue
            compiled += 1
    return compiled
