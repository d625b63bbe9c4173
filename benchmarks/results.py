"""Where every benchmark writes its figures: one section of benchmarks/RESULTS.md between its own
`<!-- name:start -->` and `<!-- name:end -->` markers, replaced whole on each run (or appended the
first time), so re-running one benchmark never touches another's figures or the notes around them."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def write_section(name: str, text: str) -> None:
    """Put `text` (which begins and ends with the section's markers) in place of the section."""
    start, end = markers(name)
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmarks\n"
    if start in current and end in current:
        updated = current[: current.index(start)] + text + current[current.index(end) + len(end) :]
    else:
        updated = current.rstrip("\n") + "\n\n" + text + "\n"
    RESULTS.write_text(updated, encoding="utf-8")
