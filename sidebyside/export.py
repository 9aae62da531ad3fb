"""Write a report of the (annotated) comparison to a file, atomically."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from .annotations import shared_file_mode
from .files import write_text_atomic
from .model import Comparison, ReportFormat

FORMATS = tuple(m.value for m in ReportFormat)


def render(comparison: Comparison, fmt: str) -> str:
    if fmt == "json":
        from .report import to_json

        text = to_json(comparison)
    elif fmt == "md":
        from .report import to_markdown

        text = to_markdown(comparison)
    elif fmt == "html":
        from .html_report import to_html

        text = to_html(comparison)
    else:
        raise ValueError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
    # A file name that is not UTF-8 reaches Python as lone surrogates; a report is UTF-8 text.
    return text.encode("utf-8", "replace").decode("utf-8")


def write_export(comparison: Comparison, fmt: str, path: str | os.PathLike) -> Path:
    """Render and write; a temp file in the same folder is renamed over the target, so a reader
    never sees half a report. Raises OSError when the folder cannot be written."""
    text = render(comparison, fmt)
    target = Path(path).expanduser()
    if target.exists() and not target.is_file() and not target.is_dir():
        # A device or a pipe (-o /dev/stdout): renaming over it would replace it with a file.
        raise OSError(errno.EINVAL, "not a regular file (a report is written as a new file)")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(target, text, mode=shared_file_mode())  # a report is for sharing
    return target
