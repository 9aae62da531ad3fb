"""Hostile input sizes: the engine's cost must grow about linearly with the input.

    python -m benchmarks.hostile                  # every shape at 5 MB, the 5/20/50 MB curve, docx
    python -m benchmarks.hostile --quick          # every shape at 5 MB and the docx files only
    python -m benchmarks.hostile --sizes 1,2,5    # another curve (MB)
    python -m benchmarks.hostile --shapes short_paragraphs,one_paragraph --sizes 5
    python -m benchmarks.hostile --profile short_paragraphs --sizes 5   # cProfile, top 25

Each input is generated (seeded) in a temporary folder beside a normal news article, and compared
in a fresh process (`compare_folder`, cache off, `max_bytes` raised to fit), with a timeout. The
shapes:

- short_paragraphs: distinct paragraphs of one short sentence each (many paragraphs);
- prose: paragraphs of a few sentences, as an article (the usual shape, much longer);
- one_paragraph: a single line of sentences, no line break at all;
- identical_lines: the same line over and over;
- near_identical_lines: one line with a word and a figure changed each time;
- no_punctuation: words and spaces only, one line (no sentence ever ends).

Times are CPU seconds of the measured call (this may run on a shared machine; wall time is shown
beside them). Limits checked (a failing one is marked FAIL): every shape at 5 MB in under 10 s; along the size
curve, seconds per MB at the largest size at most 2x that at the smallest (near-linear); a Word
file that expands to 4 GiB is skipped, and one of 98,000 paragraphs is read, in a few seconds; a
PDF of 200 pages whose text runs on as one paragraph is read in under 10 s (it took minutes while
each line's join searched the whole paragraph so far).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

MB = 1024 * 1024
SHAPES = (
    "short_paragraphs",
    "prose",
    "one_paragraph",
    "identical_lines",
    "near_identical_lines",
    "no_punctuation",
    "long_figures",
)
LIMIT_5MB = 10.0  # seconds, any shape
LINEAR_FACTOR = 2.0  # s/MB at the largest size over s/MB at the smallest
DOCX_LIMIT = 5.0  # seconds to skip the bomb or read the many-paragraph file
PDF_PAGES = 200
PDF_LIMIT = 10.0  # seconds to read a PDF of PDF_PAGES pages whose text is one paragraph
TIMEOUT = 900.0

COMPANION = """Storm closes harbour as ferries halt crossings

Heavy winds forced the port authority to close the harbour on Tuesday, halting all ferry
crossings for the second day running.

About 1,200 passengers were stranded at the terminal, officials said. The coastguard rescued
three fishermen whose boat lost power near the northern breakwater.

"We expect to reopen on Thursday if the wind drops below 40 knots," a spokesman said.

Forecasters warned that gusts of up to 90 km/h could return at the weekend.
"""

_REAL = (
    "storm harbour ferry wind port authority crossing passenger terminal official coastguard "
    "fishermen boat power breakwater spokesman forecaster gust weekend council minister police "
    "report village road bridge river flood school hospital market price budget election vote "
    "court judge trial company worker strike union government plan project north south east west"
).split()


def _vocab(rng: random.Random, n: int = 3000) -> list[str]:
    sy = ["ka", "lo", "mi", "re", "ta", "su", "ne", "vo", "pi", "da", "gu", "fe", "zo", "sha", "tri"]
    words = {"".join(rng.choice(sy) for _ in range(rng.randint(2, 4))) for _ in range(n)}
    return sorted(words) + _REAL * 10


def _sentence(rng: random.Random, vocab: list[str], lo: int = 6, hi: int = 14) -> str:
    ws = [rng.choice(vocab) for _ in range(rng.randint(lo, hi))]
    if rng.random() < 0.3:
        ws.insert(rng.randrange(len(ws)), f"{rng.randint(2, 9999):,}")
    return ws[0].capitalize() + " " + " ".join(ws[1:]) + "."


def generate(shape: str, size: int, seed: int = 13) -> str:
    """About `size` bytes of text of the given shape."""
    rng = random.Random(seed)
    vocab = _vocab(rng)
    parts: list[str] = []
    total = 0

    def emit(piece: str) -> None:
        nonlocal total
        parts.append(piece)
        total += len(piece.encode("utf-8"))

    if shape == "short_paragraphs":
        while total < size:
            emit(_sentence(rng, vocab, 4, 9) + "\n\n")
    elif shape == "prose":
        while total < size:
            emit(" ".join(_sentence(rng, vocab) for _ in range(rng.randint(2, 6))) + "\n\n")
    elif shape == "one_paragraph":
        while total < size:
            emit(_sentence(rng, vocab) + " ")
    elif shape == "identical_lines":
        line = "The council said the harbour would stay closed until the storm had passed.\n"
        while total < size:
            emit(line)
    elif shape == "near_identical_lines":
        n = 0
        while total < size:
            n += 1
            emit(f"The council said the {rng.choice(_REAL)} would stay closed for {n} more days "
                 "until the storm had passed.\n")
    elif shape == "no_punctuation":
        while total < size:
            emit(" ".join(rng.choice(vocab) for _ in range(50)) + " ")
    elif shape == "long_figures":
        # runs of digits where the figure rules look around a figure: a move to a price, a part
        # "of them", a distance from a place, a clock time (issue 14's scope rules must stay
        # linear on a pasted table or a line of digits)
        run = "1" * 20_000
        while total < size:
            emit(f"Revenue rose 5 percent to ${run} million, 12 of them at 10 p.m., "
                 f"{run} miles west of Ardley, {run}, {run} of them in total.\n\n")
    else:
        raise ValueError(f"unknown shape {shape}")
    return "".join(parts)


def _write_folder(folder: Path, shape: str, size: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "companion.txt").write_text(COMPANION, encoding="utf-8")
    (folder / f"{shape}.txt").write_text(generate(shape, size), encoding="utf-8")


# --------------------------------------------------------------------------- Word files


def docx_bomb(expanded: int = 4 * 1024 * MB) -> bytes:
    """A small .docx whose document.xml really inflates to `expanded` bytes (zip64), built in a
    few seconds: one deflate segment of a megabyte of "A", byte-aligned by a sync flush, repeated
    (it refers back only to the "A"s before it), in a zip written by hand."""
    head = (_DOC_HEAD + "<w:p><w:r><w:t>").encode()
    block = b"A" * MB
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = comp.compress(head + block) + comp.flush(zlib.Z_SYNC_FLUSH)
    again = comp.compress(block) + comp.flush(zlib.Z_SYNC_FLUSH)
    reps = max(0, (expanded - len(head)) // MB - 1)
    last = comp.flush(zlib.Z_FINISH)
    size = len(head) + MB * (reps + 1)
    crc = zlib.crc32(head + block)
    for _ in range(reps):
        crc = zlib.crc32(block, crc)
    data = first + again * reps + last

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
    raw = buf.getvalue()
    small = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    central: list[bytes] = []
    for info in small.infolist():
        # Copy each small member's local header and data as they are.
        (name_len, extra_len) = struct.unpack("<HH", raw[info.header_offset + 26 : info.header_offset + 30])
        start = info.header_offset
        end = start + 30 + name_len + extra_len + info.compress_size
        offset = out.tell()
        out.write(raw[start:end])
        central.append(_central(info.filename.encode(), info.CRC, info.compress_size,
                                info.file_size, offset))
    name = b"word/document.xml"
    offset = out.tell()
    extra = struct.pack("<HHQ", 1, 8, size)  # zip64: the uncompressed size only
    out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0x21, crc, len(data),
                          0xFFFFFFFF, len(name), len(extra)) + name + extra)
    out.write(data)
    central.append(_central(name, crc, len(data), size, offset))
    cd_start = out.tell()
    for c in central:
        out.write(c)
    cd_size = out.tell() - cd_start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), cd_size,
                          cd_start, 0))
    return out.getvalue()


def _central(name: bytes, crc: int, csize: int, usize: int, offset: int) -> bytes:
    extra = struct.pack("<HHQ", 1, 8, usize) if usize >= 0xFFFFFFFF else b""
    return struct.pack(
        "<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0x21, crc, csize,
        0xFFFFFFFF if extra else usize, len(name), len(extra), 0, 0, 0, 0, offset,
    ) + name + extra


def docx_many_paragraphs(n: int = 98_000) -> bytes:
    """A .docx of `n` short paragraphs (a heading every 1,000), written directly as XML."""
    body = []
    for i in range(n):
        if i % 1000 == 0:
            body.append(f'<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Part {i // 1000 + 1}'
                        "</w:t></w:r></w:p>")
        body.append(f"<w:p><w:r><w:t>Line {i} of the file.</w:t></w:r></w:p>")
    xml = _DOC_HEAD + "".join(body) + "</w:body></w:document>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def pdf_one_paragraph(pages: int = PDF_PAGES) -> bytes:
    """A PDF of `pages` full pages whose text runs on as one paragraph (no gap between lines),
    a word broken at a line's end now and then: each line is joined to the paragraph so far.
    Written with fpdf2 (the [test] extra)."""
    import fpdf

    rng = random.Random(17)
    vocab = _vocab(rng)
    pdf = fpdf.FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", "", 11)
    for _ in range(pages):
        pdf.add_page()
        for k in range(48):
            line = " ".join(rng.choice(vocab) for _ in range(11))
            pdf.text(60, 80 + 15 * k, line + ("-" if k % 9 == 4 else ""))
    return bytes(pdf.output())


_DOC_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


# --------------------------------------------------------------------------- in the child


def _child(kind: str, path: str, profile: bool) -> None:
    """Run one measurement and print its result as JSON on the last line of stdout."""
    os.environ["SIDEBYSIDE_CACHE"] = "0"
    if kind == "compare":
        from sidebyside.engine import compare_folder

        t, cpu = time.perf_counter(), time.process_time()
        if profile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.enable()
        c = compare_folder(path, max_bytes=1 << 30, use_cache=False)
        seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
        if profile:
            prof.disable()
            pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
            pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(25)
        out = {
            "seconds": seconds,
            "cpu": cpu,
            "sentences": sum(len(s.sentences) for s in c.sources),
            "duplicates": sum(1 for s in c.sources for x in s.sentences if x.status == "duplicate"),
            "stages": c.timings,
            "skipped": [f"{s.file}: {s.reason}" for s in c.skipped],
        }
    else:  # one file through the loader
        from sidebyside.load import load_file

        t, cpu = time.perf_counter(), time.process_time()
        result = load_file(Path(path), Path(path).name, max_bytes=1 << 30)
        seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
        reason = getattr(result, "reason", None)
        out = {"seconds": seconds, "cpu": cpu, "skipped": reason,
               "chars": len(getattr(result, "text", "") or "")}
    print(json.dumps(out))


def _measure(kind: str, path: Path, profile: bool = False, timeout: float = TIMEOUT) -> dict:
    cmd = [sys.executable, "-m", "benchmarks.hostile", "--child", kind, str(path)]
    if profile:
        cmd.append("--profile-child")
    root = Path(__file__).resolve().parents[1]
    t = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"seconds": time.perf_counter() - t, "timeout": True}
    if profile:
        sys.stderr.write(proc.stderr)
    if proc.returncode != 0:
        return {"seconds": time.perf_counter() - t, "error": proc.stderr.strip()[-400:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- in the parent


def _secs(r: dict) -> float:
    """What the limits are checked against: CPU seconds of the measured call (the machine may be
    shared: wall time is printed beside it), or wall time after a timeout."""
    return r.get("cpu", r["seconds"])


def _row(label: str, r: dict, mb: float | None = None) -> str:
    s = _secs(r)
    extra = " TIMEOUT" if r.get("timeout") else (" ERROR " + r["error"] if r.get("error") else "")
    per = f"{s / mb:7.2f} s/MB" if mb else " " * 12
    stages = " ".join(f"{k}={v:.1f}" for k, v in (r.get("stages") or {}).items())
    return f"  {label:<34} {s:7.2f} s cpu {r['seconds']:7.2f} s wall {per}  {stages}{extra}"


def _read_in_time(path: Path, data: bytes, label: str, limit: float) -> list[str]:
    """Write `data` to `path`, read it through the loader in a fresh process and print the row:
    the failure (as a list of one) when it is skipped, empty or slower than `limit`."""
    path.write_bytes(data)
    r = _measure("load", path)
    ok = not r.get("skipped") and r.get("chars", 0) > 0 and _secs(r) < limit
    print(_row(f"{label} ({len(data) // 1024:,} KB)", r)
          + f"  {r.get('chars', 0):,} chars" + ("" if ok else "  FAIL"))
    return [] if ok else [label]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.hostile", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="5 MB shapes and the Word files only")
    ap.add_argument("--sizes", default="5,20,50", help="sizes in MB for the curve (default 5,20,50)")
    ap.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes")
    ap.add_argument("--curve-shapes", default="short_paragraphs,prose,one_paragraph",
                    help="shapes measured along the size curve")
    ap.add_argument("--profile", metavar="SHAPE", help="cProfile one shape at the first size")
    ap.add_argument("--no-docx", action="store_true", help="skip the Word files")
    ap.add_argument("--no-pdf", action="store_true", help="skip the PDF file")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--profile-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.child[0], args.child[1], args.profile_child)
        return 0

    sizes = [float(x) for x in args.sizes.split(",") if x]
    shapes = [s for s in args.shapes.split(",") if s]
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="sidebyside-hostile-") as tmp:
        tmpdir = Path(tmp)
        if args.profile:
            folder = tmpdir / "profile"
            _write_folder(folder, args.profile, int(sizes[0] * MB))
            r = _measure("compare", folder, profile=True)
            print(_row(f"{args.profile} {sizes[0]:g} MB", r, sizes[0]))
            return 0

        print(f"Every shape at 5 MB (limit {LIMIT_5MB:g} s):")
        for shape in shapes:
            folder = tmpdir / f"{shape}-5"
            _write_folder(folder, shape, 5 * MB)
            r = _measure("compare", folder, timeout=max(60.0, 6 * LIMIT_5MB))
            ok = not r.get("timeout") and not r.get("error") and _secs(r) < LIMIT_5MB
            if not ok:
                failures.append(f"{shape} at 5 MB: {_secs(r):.1f} s")
            print(_row(shape, r, 5.0) + ("" if ok else "  FAIL"))

        if not args.quick:
            curve = [s for s in args.curve_shapes.split(",") if s]
            print(f"\nSize curve {', '.join(f'{s:g}' for s in sizes)} MB "
                  f"(s/MB at the largest at most {LINEAR_FACTOR:g}x that at the smallest):")
            for shape in curve:
                per: list[float] = []
                for mb in sizes:
                    folder = tmpdir / f"{shape}-{mb:g}"
                    _write_folder(folder, shape, int(mb * MB))
                    r = _measure("compare", folder)
                    print(_row(f"{shape} {mb:g} MB", r, mb))
                    per.append(float("inf") if r.get("timeout") or r.get("error") else _secs(r) / mb)
                    if r.get("timeout") or r.get("error"):
                        break
                if len(per) > 1:
                    growth = per[-1] / per[0]
                    ok = growth <= LINEAR_FACTOR
                    print(f"  {shape}: s/MB grows {growth:.2f}x" + ("" if ok else "  FAIL"))
                    if not ok:
                        failures.append(f"{shape}: s/MB grows {growth:.2f}x over the curve")

        if not args.no_docx:
            print(f"\nWord files (limit {DOCX_LIMIT:g} s):")
            bomb = tmpdir / "bomb.docx"
            bomb.write_bytes(docx_bomb())
            r = _measure("load", bomb)
            ok = bool(r.get("skipped")) and _secs(r) < DOCX_LIMIT
            print(_row(f"bomb ({bomb.stat().st_size // 1024:,} KB -> 4 GiB)", r)
                  + f"  skipped: {r.get('skipped')}" + ("" if ok else "  FAIL"))
            if not ok:
                failures.append("docx bomb")
            failures += _read_in_time(tmpdir / "many.docx", docx_many_paragraphs(),
                                      "98,000 paragraphs", DOCX_LIMIT)

        if not args.no_pdf:
            print(f"\nPDF (limit {PDF_LIMIT:g} s):")
            failures += _read_in_time(tmpdir / "one-paragraph.pdf", pdf_one_paragraph(),
                                      f"{PDF_PAGES} pages, one paragraph", PDF_LIMIT)

    if failures:
        print("\nFAIL: " + "; ".join(failures))
        return 1
    print("\nAll limits hold.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
