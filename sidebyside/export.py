"""Write a report of the (annotated) comparison to a file, atomically."""

from __future__ import annotations

import os
from pathlib import Path

from .annotations import shared_file_mode
from .files import write_text_atomic
from .model import Comparison

FORMATS = ("md", "html", "json")


def render(comparison: Comparison, fmt: str) -> str:
    if fmt == "json":
        from .report import to_json

        return to_json(comparison)
    if fmt == "md":
        from .report import to_markdown

        return to_markdown(comparison)
    if fmt == "html":
        from .html_report import to_html

        return to_html(comparison)
    raise ValueError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")


def write_export(comparison: Comparison, fmt: str, path: str | os.PathLike) -> Path:
    """Render and write; a temp file in the same folder is renamed over the target, so a reader
    never sees half a report. Raises OSError when the folder cannot be written."""
    text = render(comparison, fmt)
    target = Path(path).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(target, text, mode=shared_file_mode())  # a report is for sharing
    return target
