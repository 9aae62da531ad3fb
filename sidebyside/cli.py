"""Command line: `sidebyside FOLDER`, `sidebyside --demo`, `--report md|json [-o FILE]`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit code 2, like every other bad input
        self.exit(EXIT_BAD_INPUT, f"sidebyside: error: {_one_line(message)} (see sidebyside --help)\n")


def _one_line(message: str) -> str:
    return " ".join(message.split("\n")).replace("\r", " ")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="sidebyside",
        description="Compare news documents about one event side by side: what they share, "
        "what only one source claims, and where their numbers disagree.",
    )
    p.add_argument("folder", nargs="?", help="folder of .txt/.md documents about one event")
    p.add_argument("--demo", action="store_true", help="open the bundled fictional example")
    p.add_argument(
        "--report",
        choices=["json", "md", "html"],
        help="print a report instead of opening the app (json is schema sidebyside.report/1; "
        "html is one self-contained page)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE, not stdout")
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
        help="link sentences scoring at least S in [0,1] (default 0.28; higher is stricter)",
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="compare afresh: do not read or write the cache of earlier comparisons",
    )
    p.add_argument("--version", action="version", version=f"sidebyside {__version__}")
    return p


def _fail(message: str) -> int:
    print(f"sidebyside: error: {_one_line(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .engine import compare_folder, demo_folder
    from .load import InputError
    from .match import MIN_SCORE

    if args.demo and args.folder:
        return _fail("give a folder or --demo, not both")
    if not args.demo and not args.folder:
        return _fail("no folder given (try: sidebyside FOLDER, or sidebyside --demo)")
    folder = demo_folder() if args.demo else Path(args.folder)
    min_score = MIN_SCORE if args.min_score is None else args.min_score
    if not 0.0 < min_score <= 1.0:
        return _fail("--min-score must be in (0, 1]")
    if not 0 <= args.max_bytes <= 2**40:
        return _fail("--max-bytes must be between 0 and 1 TB")

    if args.report:
        try:
            comparison = compare_folder(
                folder, max_bytes=args.max_bytes, min_score=min_score, recursive=args.recursive,
                use_cache=not args.no_cache,
            )
        except InputError as exc:
            return _fail(str(exc))
        from .annotations import NoteStore, StoreError, anchor, default_store_path
        from .export import render, write_export

        store_path = Path(args.notes) if args.notes else default_store_path(folder)
        if store_path.exists():
            try:
                store = NoteStore(store_path, str(Path(folder).resolve()))
                anchor(comparison, store.load())
                for message in store.messages:
                    print(f"sidebyside: {message}", file=sys.stderr)
            except StoreError as exc:
                return _fail(str(exc))
        if args.output:
            try:
                write_export(comparison, args.report, args.output)
            except OSError as exc:
                return _fail(f"cannot write {args.output}: {exc.strerror or exc}")
            print(f"wrote {args.output}", file=sys.stderr)
        else:
            text = render(comparison, args.report)
            try:
                out = getattr(sys.stdout, "buffer", None)
                if out is not None:  # a report is UTF-8 whatever the locale says
                    sys.stdout.flush()
                    out.write(text.encode("utf-8"))
                    out.flush()
                else:
                    sys.stdout.write(text)
                    sys.stdout.flush()
            except BrokenPipeError:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0

    # Check the folder before the UI takes the screen, so bad input gets its one-line error.
    from .load import load_folder

    try:
        docs, _ = load_folder(folder, max_bytes=args.max_bytes, recursive=args.recursive)
        if len(docs) < 2:
            raise InputError(f"need at least two readable documents in {folder}, found {len(docs)}")
    except InputError as exc:
        return _fail(str(exc))
    try:
        from tui.app import SideBySideApp
    except ImportError:
        return _fail("the terminal UI is not installed; use --report md|json")
    app = SideBySideApp(
        folder=str(folder), max_bytes=args.max_bytes, min_score=min_score, notes=args.notes,
        recursive=args.recursive, use_cache=not args.no_cache,
    )
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
