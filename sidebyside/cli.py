"""Command line: `sidebyside FOLDER`, `sidebyside --demo`, `--report md|json [-o FILE]`."""

from __future__ import annotations

import argparse
import errno
import os
import stat
import sys
from pathlib import Path

from . import __version__

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a program stopped by Ctrl-C
STDOUT = "-"  # `-o -`: the report goes to standard output


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit code 2, like every other bad input
        _say(f"sidebyside: error: {_one_line(message)} (see sidebyside --help)")
        self.exit(EXIT_BAD_INPUT)


def _one_line(message: str) -> str:
    """One line with nothing in it a terminal would act on (file names and document text can
    hold escape sequences): controls, newlines and tabs shown, not sent."""
    from .safe import line

    return line(message)


def _say(text: str) -> None:
    """A line on stderr. Never raises: with stderr closed or broken there is no one to tell."""
    err = sys.stderr
    if err is None:
        return
    try:
        err.write(text + "\n")
        err.flush()
    except (OSError, ValueError):
        pass


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="sidebyside",
        description="Compare news documents about one event side by side: what they share, "
        "what only one source claims, and where their numbers disagree.",
    )
    p.add_argument("folder", nargs="?", help="folder of news documents about one event (.txt, "
                   ".md; .html, .mhtml, .pdf and .docx with their extras)")
    p.add_argument("--demo", action="store_true", help="open the bundled fictional example")
    p.add_argument(
        "--report",
        choices=["json", "md", "html"],
        help="print a report instead of opening the app (json is schema sidebyside.report/1; "
        "html is one self-contained page)",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE",
        help="write the report to FILE, not stdout (- is stdout; an existing FILE must be a "
        "regular file, which is replaced whole)",
    )
    p.add_argument("--notes", metavar="FILE", help="keep annotations in FILE")
    p.add_argument(
        "--max-bytes",
        type=int,
        default=5 * 1024 * 1024,
        metavar="N",
        help="skip files larger than N bytes (default 5 MB)",
    )
    p.add_argument(
        "--recursive",
        action="store_true",
        help="also read the documents in subfolders",
    )
    p.add_argument(
        "--min-score",
        type=float,
        default=None,
        metavar="S",
        help="the word overlap in [0,1] two sentences need to be weighed as one claim (default "
             "0.28; higher is stricter); a link also needs a probability of the same claim, the "
             "score reports give it, of at least 0.53 (0.45 with --lexical)",
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="compare afresh: do not read or write the cache of earlier comparisons",
    )
    p.add_argument(
        "--lexical",
        action="store_true",
        help="match on words only, without the bundled sentence encoder (as SIDEBYSIDE_SEMANTIC=0)",
    )
    p.add_argument("--version", action="version", version=f"sidebyside {__version__}")
    return p


def _fail(message: str) -> int:
    _say(f"sidebyside: error: {_one_line(message)}")
    return EXIT_BAD_INPUT


def _quiet_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush of what could not be
    written raises nothing (and prints no 'Exception ignored' lines)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


def _write_all(buffer, data: bytes) -> None:
    """All of `data`, or OSError. A buffered write that meets a full disk part way returns how
    much it wrote and drops the rest without a word (the error comes only on the next write):
    write again until done, so the error is raised."""
    view = memoryview(data)
    while view:
        n = buffer.write(view)
        if n is None or n <= 0:
            raise OSError(errno.EIO, "the output took no more bytes")
        view = view[n:]


def _write_stdout(text: str) -> int:
    """The report on stdout, as UTF-8 whatever the locale says. A reader that went away (`| head`)
    ends it quietly; stdout closed or unwritable (a full disk, /dev/full) is one line, exit 2."""
    out = sys.stdout
    if out is None:  # started with stdout closed (`>&-`)
        return _fail("cannot write the report: standard output is closed (use -o FILE)")
    try:
        buffer = getattr(out, "buffer", None)
        if buffer is not None:
            out.flush()
            _write_all(buffer, text.encode("utf-8"))
            buffer.flush()
        else:
            out.write(text)
            out.flush()
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except (OSError, ValueError) as exc:  # ValueError: a stdout closed under us
        _quiet_stdout()
        why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        return _fail(f"cannot write the report to standard output: {why}")
    return 0


def _output_target(given: str) -> Path | str | None:
    """Where `-o given` goes: STDOUT, or the regular file (links resolved) to replace or create.
    None (after one line on stderr) for anything else: a device, a pipe or a folder is never
    replaced by a file. `-o /dev/stdout` is the terminal, pipe or file stdout already is."""
    if given == STDOUT:
        return STDOUT
    path = Path(given).expanduser()
    try:
        st = os.stat(path)  # follows links: the thing a write would land on
    except FileNotFoundError:
        if os.path.islink(path):  # a link to a missing file: create the file it names
            target = Path(os.path.realpath(path))
            if not target.parent.is_dir():
                _fail(f"cannot write {given}: it links to {target}, whose folder does not exist")
                return None
            return target
        return path
    except OSError as exc:
        _fail(f"cannot write {given}: {exc.strerror or exc}")
        return None
    try:
        if sys.stdout is not None and os.path.samestat(st, os.fstat(sys.stdout.fileno())):
            return STDOUT  # /dev/stdout, /proc/self/fd/1 or the very file stdout goes to
    except (OSError, ValueError, AttributeError):
        pass
    if stat.S_ISREG(st.st_mode):
        return Path(os.path.realpath(path))  # a link stays a link: the file it names is replaced
    kind = (
        "a folder" if stat.S_ISDIR(st.st_mode)
        else "a named pipe" if stat.S_ISFIFO(st.st_mode)
        else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
        else "a socket" if stat.S_ISSOCK(st.st_mode)
        else "something other than a file"
    )
    _fail(f"cannot write {given}: not a regular file ({kind}); give a new file name, or - for stdout")
    return None


def _is_terminal(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError, AttributeError):
        return False


def main(argv: list[str] | None = None) -> int:
    """The command line. Ctrl-C is one line and exit code 130, never a traceback."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        _quiet_stdout()  # a report cut short is not flushed on the way out
        _say("sidebyside: interrupted")
        return EXIT_INTERRUPTED


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    if args.lexical:
        os.environ["SIDEBYSIDE_SEMANTIC"] = "0"
    from .engine import compare_folder, demo_folder
    from .load import InputError
    from .match import MIN_SCORE

    if args.demo and args.folder:
        return _fail("give a folder or --demo, not both")
    if not args.demo and not args.folder:
        return _fail("no folder given (try: sidebyside FOLDER, or sidebyside --demo)")
    if args.output is not None and not args.report:
        return _fail("-o/--output needs --report json|md|html (the app does not write a report)")
    folder = demo_folder() if args.demo else Path(args.folder)
    notes = Path(args.notes).expanduser() if args.notes else None
    min_score = MIN_SCORE if args.min_score is None else args.min_score
    if not 0.0 < min_score <= 1.0:
        return _fail("--min-score must be in (0, 1]")
    if not 0 <= args.max_bytes <= 2**40:
        return _fail("--max-bytes must be between 0 and 1 TB")

    if args.report:
        target = None
        if args.output is not None:  # checked before the work, and nothing is touched if refused
            target = _output_target(args.output)
            if target is None:
                return EXIT_BAD_INPUT
        try:
            comparison = compare_folder(
                folder, max_bytes=args.max_bytes, min_score=min_score, recursive=args.recursive,
                use_cache=not args.no_cache,
            )
        except InputError as exc:
            return _fail(str(exc))
        except OSError as exc:  # e.g. a path longer than the system allows
            return _fail(f"cannot read {folder}: {exc.strerror or exc}")
        from .annotations import NoteStore, StoreError, anchor, default_store_path
        from .export import render, write_export

        store_path = notes or default_store_path(folder)
        if store_path.exists():
            try:
                store = NoteStore(store_path, str(Path(folder).resolve()))
                anchor(comparison, store.load())
                for message in store.messages:
                    _say(f"sidebyside: {_one_line(message)}")
            except StoreError as exc:
                return _fail(str(exc))
            except RecursionError:
                return _fail(f"cannot read notes {store_path}: nested too deeply to be a notes file")
            except (OSError, ValueError) as exc:
                why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
                return _fail(f"cannot read notes {store_path}: {why}")
        if target is None or target == STDOUT:
            return _write_stdout(render(comparison, args.report))
        try:
            write_export(comparison, args.report, target)
        except OSError as exc:
            return _fail(f"cannot write {args.output}: {exc.strerror or exc}")
        _say(f"wrote {_one_line(args.output)}")
        return 0

    # Check the folder before the UI takes the screen, so bad input gets its one-line error: by
    # its listing and each entry's stat, opening no file (the app's engine reads the folder, once).
    from .engine import need_two
    from .load import scan_folder

    try:
        scan = scan_folder(folder, max_bytes=args.max_bytes, recursive=args.recursive, read=False)
        need_two(scan.readable(), scan.skipped(), scan.root)
    except InputError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot read {folder}: {exc.strerror or exc}")
    if not (_is_terminal(sys.stdin) and _is_terminal(sys.stdout)):
        return _fail(
            "no terminal: use --report json|md|html (with -o FILE to write a file) to compare "
            "without the app"
        )
    try:
        from tui.app import SideBySideApp
    except ImportError:
        return _fail("the terminal UI is not installed; use --report md|json")
    app = SideBySideApp(
        folder=str(folder), max_bytes=args.max_bytes, min_score=min_score,
        notes=str(notes) if notes else None, recursive=args.recursive,
        use_cache=not args.no_cache,
    )
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
