"""Write a report of the (annotated) comparison to a file, atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .annotations import shared_file_mode
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
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, shared_file_mode())  # mkstemp makes 0600; a report is for sharing
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target
