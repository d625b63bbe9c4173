"""Static files: hashed and compressed once collected, plain names before that.

`sif migrate` and `sif serve` collect the static files (WhiteNoise's compressed manifest storage:
`sif.e916b9517765.css`, gzip copies, cached for a year). Code that renders pages without having
collected them (the test suite, benchmarks, a management command in a fresh data folder) gets the
plain name instead of a crash (`/static/sif/sif.css`), which WhiteNoise serves from the app folders
(WHITENOISE_USE_FINDERS) with a short cache time. Collecting stays strict: a missing file referenced
from a stylesheet still fails collectstatic.
"""

from __future__ import annotations

from typing import Any

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    manifest_strict = (
        False  # a name the manifest lacks: hash it from STATIC_ROOT, else keep it plain
    )

    def hashed_name(self, name: str, content: Any = None, filename: str | None = None) -> str:
        if (
            content is None
            and filename is None
            and not self.exists(self.clean_name(name).split("?")[0])
        ):
            return name  # not collected (yet): the plain name
        return super().hashed_name(name, content, filename)
