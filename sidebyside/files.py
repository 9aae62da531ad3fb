"""Writing files so that a reader, a crash or a kill never leaves half of one; reading one
without reserving more than it holds; pausing the cyclic garbage collector around work that
makes many objects."""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import re
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

STALE_AFTER = 3600.0  # a temporary file this old (seconds) is left from an interrupted write
_TEMP_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"  # what tempfile.mkstemp names are made of


class NotARegularFile(OSError):
    """A write or a move aside was asked of something that is not a regular file (a device, a
    pipe, a folder, a link to nowhere): refused, nothing touched."""

    def __init__(self, path: str | os.PathLike, kind: str) -> None:
        self.kind = kind
        super().__init__(
            errno.EINVAL, f"not a regular file ({kind}); give a new file name", str(path)
        )


def file_kind(mode: int) -> str:
    """What a stat mode is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "a regular file" if stat.S_ISREG(mode) else "not a regular file"


def writable_target(path: str | os.PathLike, *, follow_links: bool = True) -> Path:
    """The file a write to `path` replaces: its links resolved. Only a regular file or a path
    that does not exist yet is accepted; anything else (a device such as /dev/null, a FIFO, a
    folder, a link to a missing file) raises NotARegularFile before anything is touched.
    With `follow_links=False` a link at `path` is itself what is replaced (never the file it
    points to: for folders of our own, such as a cache, where a link is not ours to follow)."""
    given = Path(path).expanduser()
    if not follow_links:
        folder = Path(os.path.realpath(given.parent))
        try:
            st = os.lstat(given)
        except FileNotFoundError:
            return folder / given.name
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
            raise NotARegularFile(given, file_kind(st.st_mode))
        return folder / given.name
    try:
        st = os.stat(given)  # follows links: the type of what would be written over
    except FileNotFoundError:
        if os.path.islink(given):
            raise NotARegularFile(given, "a symbolic link to a missing file") from None
        return Path(os.path.realpath(given))
    if not stat.S_ISREG(st.st_mode):
        raise NotARegularFile(given, file_kind(st.st_mode))
    return Path(os.path.realpath(given))


def _still_ours(target: Path, links_too: bool = False) -> None:
    """Checked again just before a rename: `target` is missing or a regular file (or, with
    `links_too`, a link, which the rename replaces)."""
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return
    if not (stat.S_ISREG(st.st_mode) or (links_too and stat.S_ISLNK(st.st_mode))):
        raise NotARegularFile(target, file_kind(st.st_mode))


def remove_stale_temporaries(folder: str | os.PathLike, prefix: str, suffix: str,
                             older_than: float = STALE_AFTER) -> list[str]:
    """Delete the temporary files an interrupted `write_atomic` left in `folder`: names made
    exactly as it makes them (`prefix` + 8 random characters + `suffix`), regular files, not
    changed for `older_than` seconds. Returns the names removed; errors are ignored."""
    pattern = re.compile(re.escape(prefix) + f"[{_TEMP_CHARS}]{{8}}" + re.escape(suffix))
    removed: list[str] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode) and now - st.st_mtime > older_than:
                os.unlink(entry.path)
                removed.append(entry.name)
        except OSError:
            continue
    return removed


READ_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
              | getattr(os, "O_BINARY", 0))  # a FIFO swapped in after a stat never blocks


def read_upto(fd: int, limit: int, size: int = 0) -> bytes:
    """The bytes of the open file `fd` up to `limit` + 1 of them: one more than `limit` tells the
    caller the file is over it (it grew after its size was read). `size` (the file's size, when
    known) is read in one call; anything past it in pieces of 1 MB, so a `limit` of a terabyte
    never reserves a terabyte (a read of `limit` + 1 at once failed with MemoryError)."""
    chunks: list[bytes] = []
    got = 0
    want = max(0, min(size, limit)) + 1
    while got <= limit:
        chunk = os.read(fd, min(want, limit + 1 - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
        want = 1 << 20
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _temp_name(folder: Path, prefix: str, suffix: str) -> Path:
    return folder / (prefix + "".join(secrets.choice(_TEMP_CHARS) for _ in range(8)) + suffix)


def backup_atomic(target: Path, backup: Path, *, prefix: str, suffix: str = ".tmp",
                  mode: int | None = None, sync: bool = True) -> None:
    """Make `backup` a copy of `target` atomically: a hard link (no data copied, so a full disk
    cannot leave half a backup) or, where links are not possible, a full copy in a temporary
    file; then renamed over `backup`. The old backup stays until the new one is whole."""
    _still_ours(backup)
    for _ in range(20):
        tmp = _temp_name(backup.parent, prefix, suffix)
        try:
            os.link(target, tmp)
        except FileExistsError:
            continue
        except OSError:
            break  # a file system without hard links: copy instead
        try:
            _still_ours(backup)
            os.replace(tmp, backup)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return
    fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=backup.parent)
    try:
        with os.fdopen(fd, "wb") as out, open(target, "rb") as src:
            shutil.copyfileobj(src, out)
            if sync:
                out.flush()
                os.fsync(out.fileno())
        os.chmod(tmp_name, mode if mode is not None else stat.S_IMODE(os.stat(target).st_mode))
        _still_ours(backup)
        os.replace(tmp_name, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def write_atomic(
    path: str | os.PathLike,
    write: Callable[[BinaryIO], object],
    *,
    mode: int | None = None,
    backup: bool = False,
    sync: bool = True,
    prefix: str | None = None,
    suffix: str = ".tmp",
    stale_after: float | None = STALE_AFTER,
    follow_links: bool = True,
    exclusive: bool = False,
) -> Path:
    """Write through `write(file)` into a temporary file beside `path`, then rename it over
    `path`: readers see the old file or the new one, never a part. Only a regular file or a new
    path is written (links resolved: the file they point to is replaced, the link stays);
    anything else raises NotARegularFile, an OSError, before anything is written. `sync`: flush
    to disk (file and folder) so the new file survives a crash; `mode`: its permissions (a
    temporary file is 0600); `backup`: the old file becomes `path.bak` first, atomically too;
    `stale_after`: temporary files of an interrupted earlier write this old (seconds) are
    removed (None: left); `follow_links=False`: a link at `path` is replaced itself, never
    followed. `exclusive`: only create: a file already at `path` (another program's) is left as
    it is, and nothing is written. On any error the temporary file goes and the old file stays.
    Returns the path written (links resolved)."""
    target = writable_target(path, follow_links=follow_links)
    prefix = prefix or f".{target.name}."
    if stale_after is not None:
        remove_stale_temporaries(target.parent, prefix, suffix, stale_after)
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        if backup and os.path.isfile(target) and not os.path.islink(target):
            backup_atomic(target, target.with_name(target.name + ".bak"), prefix=prefix,
                          suffix=suffix, mode=mode, sync=sync)
        if exclusive:
            try:
                os.link(tmp, target)  # atomic, and fails if the file exists
            except FileExistsError:
                pass
            os.unlink(tmp)
        else:
            _still_ours(target, links_too=not follow_links)
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
