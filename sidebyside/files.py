"""Writing files so that a reader, a crash or a kill never leaves half of one; pausing the
cyclic garbage collector around work that makes many objects."""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO


def write_atomic(
    path: str | os.PathLike,
    write: Callable[[BinaryIO], object],
    *,
    mode: int | None = None,
    backup: bool = False,
    sync: bool = True,
    prefix: str | None = None,
    suffix: str = ".tmp",
) -> Path:
    """Write through `write(file)` into a temporary file beside `path`, then rename it over
    `path`: readers see the old file or the new one, never a part. `sync`: flush to disk (file
    and folder) so the new file survives a crash; `mode`: its permissions (a temporary file is
    0600); `backup`: copy the old file to `path.bak` first. On any error the temporary file goes
    and the old file stays."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=prefix or f".{target.name}.", suffix=suffix, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        if backup and target.exists():
            shutil.copy2(target, target.with_name(target.name + ".bak"))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sync:
        with contextlib.suppress(OSError):
            dir_fd = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    return target


def write_text_atomic(path: str | os.PathLike, text: str, **options) -> Path:
    """`write_atomic` of a text, as UTF-8."""
    data = text.encode("utf-8")
    return write_atomic(path, lambda fh: fh.write(data), **options)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic collector off for a block that builds (or unpickles) hundreds of thousands of
    objects and leaves almost no cyclic garbage; it would otherwise rescan them again and again.
    Reference counting still frees everything as usual."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
