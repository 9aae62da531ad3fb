"""Hostile input sizes: duplicate detection, Word files and PDF logs stay cheap and say why.

The timings themselves are checked by `python -m benchmarks.hostile`, not here; these tests pin the
behaviour: the bucketed duplicate detection gives the same flags as comparing every pair, a Word
file that would expand too far is skipped with its reason, a Word file of many paragraphs reads
correctly, and nothing of pypdf's own logging reaches stderr.
"""

from __future__ import annotations

import copy
import io
import logging
import random
import zipfile
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from sidebyside import clean, segment
from sidebyside import semantic_pass as SP
from sidebyside import text as T
from sidebyside.load import Document, load_file, load_folder
from sidebyside.model import DUPLICATE, Source

ROOT = Path(__file__).resolve().parents[1]


# --- duplicates: the same flags as comparing every pair ----------------------------------------------


def reference_flag_duplicates(src: Source) -> None:
    """The quadratic original: every paragraph against every earlier one."""
    by_id = {s.id: s for s in src.sentences}
    seen_paras = []
    for para in src.paragraphs:
        if para.flag:
            continue
        norm = T.normalized(src.text[para.start : para.end])
        if len(norm) < 12:
            continue
        original = None
        n = len(norm)
        for prev_norm, prev in seen_paras:
            if prev_norm == norm:
                original = prev
                break
            m = len(prev_norm)
            if n > 40 and 200 * min(n, m) >= 95 * (n + m) and (
                fuzz.ratio(prev_norm, norm, score_cutoff=95) >= 95
            ):
                original = prev
                break
        if original is None:
            seen_paras.append((norm, para))
            continue
        clean._mark(src, para, DUPLICATE, f"repeats paragraph {original.index + 1}")
        originals = [by_id[i] for i in original.sentences]
        for i, sid in enumerate(para.sentences):
            dup = by_id[sid]
            match = next(
                (o for o in originals if T.normalized(o.text) == T.normalized(dup.text)), None
            )
            if match is None and i < len(originals):
                match = originals[i]
            dup.duplicate_of = match.id if match else None
    seen: dict[str, str] = {}
    for s in src.sentences:
        if src.paragraphs[s.paragraph].flag or s.duplicate_of:
            continue
        norm = T.normalized(s.text)
        if len(norm.split()) < 5:
            continue
        if norm in seen:
            s.duplicate_of = seen[norm]
        else:
            seen[norm] = s.id


def flags(src: Source) -> list:
    return [(p.index, p.flag, p.reason) for p in src.paragraphs] + [
        (s.id, src.flag_of(s), s.duplicate_of) for s in src.sentences
    ]


def both_ways(sources: list[Source]) -> tuple[list, list]:
    clean.flag_boilerplate(sources)
    ref = copy.deepcopy(sources)
    for src in sources:
        clean.flag_duplicates(src)
    for src in ref:
        reference_flag_duplicates(src)
    return [flags(s) for s in sources], [flags(s) for s in ref]


def sources_of(docs: list[Document]) -> list[Source]:
    ids = segment.source_ids([d.file for d in docs])
    return [segment.build_source(d, sid) for d, sid in zip(docs, ids, strict=True)]


@pytest.mark.parametrize("folder", [ROOT / "seeds", ROOT / "sidebyside" / "demo"])
def test_duplicates_as_before_on_the_seeds_and_the_demo(folder):
    docs, _ = load_folder(folder)
    new, ref = both_ways(sources_of(docs))
    assert new == ref


WORDS = (
    "the council said harbour storm ferry crossings were halted on tuesday after winds of up to "
    "ninety kilometres an hour about passengers stranded coastguard rescued three fishermen boat"
).split()


def edited(rng: random.Random, text: str, edits: int) -> str:
    chars = list(text)
    for _ in range(edits):
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.4:
            chars[i] = rng.choice("abcdefghij")
        elif op < 0.7:
            del chars[i]
        else:
            chars.insert(i, rng.choice("klmnop "))
    return "".join(chars)


def random_article(rng: random.Random) -> str:
    """Paragraphs, some repeated exactly, some with a few edits, some far apart, some short."""
    paras: list[str] = []
    for _ in range(rng.randint(5, 40)):
        kind = rng.random()
        if paras and kind < 0.25:
            paras.append(rng.choice(paras))
        elif paras and kind < 0.6:
            base = rng.choice(paras)
            paras.append(edited(rng, base, rng.randint(0, max(1, len(base) // 12))) or base)
        elif kind < 0.7:
            paras.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))).capitalize())
        else:
            sents = [
                " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14))).capitalize() + "."
                for _ in range(rng.randint(1, 4))
            ]
            paras.append(" ".join(sents))
    return "\n\n".join(p for p in paras if p.strip())


def test_duplicates_as_before_on_random_articles():
    rng = random.Random(1)
    for case in range(150):
        docs = [
            Document(f"{name}.txt", f"/x/{name}.txt", random_article(rng), "utf-8")
            for name in ("alpha", "beta")
        ]
        new, ref = both_ways(sources_of(docs))
        assert new == ref, f"case {case}"


def test_near_duplicates_found_and_ordered_as_before():
    base = "The council said the harbour would stay closed until the storm had passed, officials said."
    text = "\n\n".join([
        base,
        "A different paragraph about the ferry crossings that were halted on Tuesday morning.",
        base.replace("harbour", "harbor"),  # near: repeats paragraph 1
        "A different paragraph about the ferry crossings that were halted on Tuesday morning!",
        base,  # equal: repeats paragraph 1
    ])
    docs = [Document("a.txt", "/x/a.txt", text, "utf-8"),
            Document("b.txt", "/x/b.txt", "Another story about something else entirely.", "utf-8")]
    srcs = sources_of(docs)
    new, ref = both_ways(srcs)
    assert new == ref
    reasons = [p.reason for p in srcs[0].paragraphs]
    assert reasons == ["", "", "repeats paragraph 1", "repeats paragraph 2", "repeats paragraph 1"]


def test_many_look_alike_paragraphs_still_flag_copies():
    """Thousands of distinct look-alike lines (past the candidate budget): copies still found.
    (Past the budget, a copy of a line that was itself a near-copy may go unflagged.)"""
    rng = random.Random(3)
    lines = [f"Line {i}: the council said the {rng.choice(WORDS)} would stay closed {i * 7919 % 10007} "
             "days until the storm had passed." for i in range(3000)]
    text = "\n\n".join(lines + lines[:50])
    docs = [Document("a.txt", "/x/a.txt", text, "utf-8"),
            Document("b.txt", "/x/b.txt", "\n\n".join(lines[:20]), "utf-8")]
    srcs = sources_of(docs)
    clean.flag_boilerplate(srcs)
    clean.flag_duplicates(srcs[0])
    paras = srcs[0].paragraphs
    kept = [i for i in range(50) if paras[i].flag is None]
    assert len(kept) > 25
    assert [paras[3000 + i].reason for i in kept] == [f"repeats paragraph {i + 1}" for i in kept]


# --- Word files ---------------------------------------------------------------------------------------


def test_docx_bomb_is_skipped_with_its_reason(tmp_path):
    from benchmarks.hostile import docx_bomb

    path = tmp_path / "bomb.docx"
    path.write_bytes(docx_bomb(300 * 1024 * 1024))  # a few hundred KB, 300 MB inside
    skipped = load_file(path, path.name)
    assert not isinstance(skipped, Document)
    assert "expands to" in skipped.reason and "zip bomb" in skipped.reason
    assert "\n" not in skipped.reason


def test_docx_expanding_far_past_its_size_is_skipped(tmp_path):
    from benchmarks.hostile import docx_bomb

    path = tmp_path / "ratio.docx"
    path.write_bytes(docx_bomb(40 * 1024 * 1024))  # under the size limit, but 1,000 times over
    skipped = load_file(path, path.name)
    assert not isinstance(skipped, Document)
    assert "expands" in skipped.reason and "times" in skipped.reason


def test_docx_of_many_paragraphs_reads_every_one(tmp_path):
    from benchmarks.hostile import docx_many_paragraphs

    path = tmp_path / "many.docx"
    path.write_bytes(docx_many_paragraphs(5000))
    doc = load_file(path, path.name)
    assert isinstance(doc, Document), doc
    paras = doc.text.split("\n\n")
    assert len(paras) == 5000 + 5
    assert paras[0] == "Part 1" and paras[1] == "Line 0 of the file."  # no styles part: no heading
    assert paras[-1] == "Line 4999 of the file."
    assert paras.count("Part 3") == 1


def test_docx_text_runs_as_python_docx_reads_them(tmp_path):
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    d.add_paragraph("Storm report", style="Title")
    p = d.add_paragraph("Winds")
    r = p.add_run(" rose")
    r.add_tab()
    r.add_text("sharply")
    r.add_break()
    r.add_text("overnight")
    r.add_break(WD_BREAK.PAGE)
    r.add_text(" again.")
    d.add_paragraph("Closures", style="Heading 2")
    d.add_paragraph("The harbour", style="List Bullet")
    table = d.add_table(rows=2, cols=3)
    for i in range(2):
        for j in range(3):
            table.cell(i, j).text = f"c{i}{j}"
    table.cell(0, 0).merge(table.cell(0, 1))
    buf = io.BytesIO()
    d.save(buf)
    path = tmp_path / "runs.docx"
    path.write_bytes(buf.getvalue())
    doc = load_file(path, path.name)
    assert doc.text.split("\n\n") == [
        "# Storm report",
        "Winds rose sharply\novernight again.",
        "## Closures",
        "- The harbour",
        "c00 c01; c02",
        "c10; c11; c12",
    ]
    assert zipfile.is_zipfile(path)


# --- PDF: pypdf's own log lines stay out of stderr ------------------------------------------------------


def test_pypdf_log_lines_do_not_reach_stderr(tmp_path, capfd):
    from tests.test_formats import write_pdf

    path = tmp_path / "odd.pdf"
    write_pdf(path)
    data = path.read_bytes()
    # A wrong cross-reference offset: pypdf recovers, and logs a warning about it.
    data = data.replace(b"startxref\n", b"startxref\n1", 1) if b"startxref\n" in data else data
    path.write_bytes(data)
    logging.getLogger("pypdf").addHandler(logging.StreamHandler())  # as an app might
    try:
        load_file(path, path.name)
    finally:
        logging.getLogger("pypdf").handlers.clear()
    assert capfd.readouterr().err == ""


def test_deeply_nested_html_keeps_its_text_and_says_so():
    from sidebyside.formats import read_html

    para = "<p>The bridge over the river was closed on {} after engineers found cracks in a pier.</p>"
    deep = ("<html><body><article>" + para.format("Tuesday") + "<div>" * 400
            + "<p>Deep inside, the ministry said repairs would take six weeks at least.</p>"
            + "</div>" * 400 + para.format("Wednesday") + "</article></body></html>")
    page = read_html(deep.encode())
    assert "six weeks" in page.text and "Wednesday" in page.text  # lxml dropped both
    assert "nested 404 levels deep" in page.encoding
    shallow = read_html(("<html><body><article>" + para.format("Tuesday") * 3
                         + "</article></body></html>").encode())
    assert shallow.encoding == "html"


# --- huge documents: the same results, in time in proportion to their size --------------------------


def _huge(shape: str, size: int = 560_000) -> list[Source]:
    from benchmarks.hostile import COMPANION, generate

    docs = [Document("big.txt", "/x/big.txt", generate(shape, size), "utf-8"),
            Document("companion.txt", "/x/companion.txt", COMPANION, "utf-8")]
    srcs = sources_of(docs)
    clean.flag_boilerplate(srcs)
    return srcs


@pytest.mark.parametrize("shape", ["identical_lines", "near_identical_lines", "short_paragraphs"])
def test_a_huge_document_is_flagged_as_paragraph_by_paragraph(shape, monkeypatch):
    """Past clean._BULK paragraphs the copies are looked for in bulk; on repeated, nearly
    repeated and distinct lines the flags are those of the paragraph-by-paragraph search."""
    bulk = _huge(shape)
    assert len(bulk[0].paragraphs) > clean._BULK
    clean.flag_duplicates(bulk[0])
    monkeypatch.setattr(clean, "_BULK", 10**9)
    one_by_one = _huge(shape)
    clean.flag_duplicates(one_by_one[0])
    assert flags(bulk[0]) == flags(one_by_one[0])
    paras = bulk[0].paragraphs
    if shape == "identical_lines":
        assert paras[0].flag is None
        assert {p.reason for p in paras[1:]} == {"repeats paragraph 1"}
    elif shape == "near_identical_lines":
        assert sum(p.flag == DUPLICATE for p in paras) > 0.9 * len(paras)
    else:
        assert not any(p.flag == DUPLICATE for p in paras)


def test_bulk_search_finds_a_copy_with_a_word_changed(monkeypatch):
    monkeypatch.setattr(clean, "_BULK", 10)
    rng = random.Random(5)
    lines = [" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + f" {i}." for i in range(60)]
    copy_of_7 = lines[7].replace(lines[7].split()[3], "ferries", 1)
    text = "\n\n".join([*lines, copy_of_7, lines[20]])
    srcs = sources_of([Document("a.txt", "/x/a.txt", text, "utf-8"),
                       Document("b.txt", "/x/b.txt", "Another story entirely.", "utf-8")])
    clean.flag_duplicates(srcs[0])
    assert [p.reason for p in srcs[0].paragraphs[-2:]] == ["repeats paragraph 8", "repeats paragraph 21"]
    assert not any(p.flag for p in srcs[0].paragraphs[:60])


def _vectors(rng, sizes: list[int], dim: int = 16):
    import numpy as np

    base = rng.standard_normal((40, dim)).astype(np.float32)
    n = sum(sizes)
    vecs = base[rng.integers(0, 40, n)] + np.float32(0.05) * rng.standard_normal((n, dim)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    src = np.repeat(np.arange(len(sizes)), sizes)
    return vecs, src


def test_the_semantic_pass_never_pairs_a_source_with_itself(monkeypatch):
    """However the blocks are cut (every sentence, or only the other sources' ones), the
    candidates are pairs across sources, the same ones, with their cosines."""
    import types

    import numpy as np


    rng = np.random.default_rng(0)
    vecs, src = _vectors(rng, [1300, 45, 30])
    n = len(src)
    items = [types.SimpleNamespace(source_index=int(s)) for s in src]
    xs = rng.integers(0, 1300, 200)
    ys = rng.integers(1300, n, 200)
    codes = np.unique(xs * n + ys)
    results = [SP.semantic_pass(items, vecs, codes)]
    monkeypatch.setattr(SP, "SEM_FULL_MIN", 100)  # the big source's blocks meet the others only
    results.append(SP.semantic_pass(items, vecs, codes))
    monkeypatch.setattr(SP, "SEM_FULL_MAX", 100)  # every block, split by source
    results.append(SP.semantic_pass(items, vecs, codes))
    for got, cos in results:
        x, y = got // n, got % n
        assert len(got) > len(codes)  # neighbours were added
        assert (src[x] != src[y]).all()
        assert np.isin(codes, got).all()
        np.testing.assert_allclose(cos, np.einsum("ij,ij->i", vecs[x], vecs[y]), atol=1e-5)
    assert results[1][0].tolist() == results[0][0].tolist()
    assert results[2][0].tolist() == results[0][0].tolist()


def _encode_at_once(model, sentences: list[str]):
    """StaticModel.encode as it was: every piece's vector at once, summed by np.add.reduceat."""
    import numpy as np

    unk = model.tokenizer.unk
    ids, starts, rows = [], [], []
    for k, s in enumerate(sentences):
        toks = [t for t in model.tokenizer.encode(s) if t != unk]
        if toks:
            rows.append(k)
            starts.append(len(ids))
            ids.extend(toks)
    out = np.zeros((len(sentences), model.dim), dtype=np.float32)
    if ids:
        idx = np.array(ids, dtype=np.int64)
        vecs = model.q[idx].astype(np.float32)
        vecs *= model.scale[idx, None]
        out[np.array(rows)] = np.add.reduceat(vecs, np.array(starts), axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


@pytest.mark.parametrize("chunk", [1 << 15, 128])
def test_sentence_vectors_are_those_of_one_pass_bit_for_bit(chunk, monkeypatch):
    """Chunked, by sentence length, and for a 'sentence' of thousands of words in pieces: the
    same float32 bits as summing every piece's vector at once."""
    import numpy as np

    from sidebyside import semantic as S

    monkeypatch.setattr(S, "CHUNK_PIECES", chunk)
    model = S.StaticModel(S.model_dir())
    rng = random.Random(7)
    sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 40))) for _ in range(300)]
    sentences += ["", "Zürich’s café — naïve: 1,200 [UNK] ##ing\tline\nbreak", "x" * 300,
                  " ".join(rng.choice(WORDS) for _ in range(5000))]
    got, want = model.encode(sentences), _encode_at_once(model, sentences)
    assert got.dtype == want.dtype
    assert np.array_equal(got, want)


def test_the_quick_number_test_is_the_pattern():
    from sidebyside.numbers import tokens as K

    rng = random.Random(11)
    words = [*K._MAYBE_WORDS, "teen", "sixteen", "Teens", "fourteenth", "tieth", "fortieth", "yearly",
             "weeks", "One", "x_teen", "café", "naïve", "2", "dozen-odd", "secondly", "Scores"]
    seps = [" ", "-", "_", ".", ",", "'", "’", "\n", ""]
    for _ in range(20_000):
        s = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(0, 5)))
        assert K.maybe_quantity(s) == (K.MAYBE_RE.search(s) is not None), s


def test_display_is_the_markdown_rules_in_order():
    import re

    def reference(raw: str) -> str:
        text = raw.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "").replace("\u2060", "")
        text = T._MD_HEAD.sub("", text)
        text = T._MD_LINK.sub(r"\1", text)
        text = T.strip_marks(text)
        return re.sub(r"\s+", " ", text).strip()

    rng = random.Random(13)
    alphabet = list("ab *_`#>-+1.)](\n\r\t \u00a0\u2028\u00ad\u200b\ufeff\u2060,x[]()9") + ["**", "__", "## "]
    for _ in range(20_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert T.display(s) == reference(s), repr(s)


# --- BLAS threads: one, for the comparison only --------------------------------------------------


def test_comparison_runs_blas_on_one_thread(monkeypatch, folder):
    """OpenBLAS threads spin for cores a busy machine does not give them (issue 13): the engine
    limits them to one while it compares, and gives them back afterwards."""
    from threadpoolctl import threadpool_info

    from sidebyside import engine

    def blas_threads() -> list[int]:
        return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]

    before = blas_threads()
    assert before, "numpy's BLAS is loaded"
    seen: list[int] = []
    real = engine.align

    def spy(comparison):
        seen.extend(blas_threads())
        return real(comparison)

    monkeypatch.setattr(engine, "align", spy)
    engine.compare_folder(folder, use_cache=False)
    assert seen and set(seen) == {1}
    assert blas_threads() == before


def test_leads_sharing_nothing_beside_a_line_of_long_figures(tmp_path, monkeypatch):
    """A story beside a pasted run of long figures: its leads and the figures' lines share no
    term at all, and a pair of leads is weighed all the same (twentieth session), so its figure
    slots were added to an overlap numpy had made int64 (the sum of nothing) and the comparison
    failed with a casting error (benchmarks.hostile's long_figures shape)."""
    from sidebyside import semantic
    from sidebyside.engine import compare_folder

    monkeypatch.setenv(semantic.ENV_SWITCH, "1")
    (tmp_path / "a.txt").write_text(
        "Storm closes harbour as ferries halt crossings\n\nHeavy winds forced the port authority to "
        "close the harbour on Tuesday, halting all ferry crossings for the second day running.\n\n"
        "About 1,200 passengers were stranded at the terminal, officials said.\n", encoding="utf-8")
    run = "1" * 50
    (tmp_path / "b.txt").write_text("".join(
        f"Revenue rose 5 percent to ${run} million, 12 of them at 10 p.m., {run} miles west of "
        f"Ardley, {run}, {run} of them in total.\n\n" for _ in range(3)), encoding="utf-8")
    c = compare_folder(tmp_path, use_cache=False)
    assert c.semantic and [s.id for s in c.sources] == ["a", "b"]
    assert not any(ln.to.startswith("b") for s in c.source("a").sentences for ln in s.links)
