"""The pipeline: documents -> sources -> links -> rows -> findings, as one `Comparison`."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from . import clean, echoes, families, findings, novelty, partial, segment, workers
from .align import align
from .files import gc_paused
from .load import DEFAULT_MAX_BYTES, Document, FolderScan, InputError, decode_scan, scan_folder
from .match import MIN_SCORE
from .model import Comparison, Skipped

Progress = Callable[[str, float], None]  # (stage name, fraction done 0..1)

CACHE_ENV = "SIDEBYSIDE_CACHE"  # "0" turns the comparison cache off (as --no-cache does)


def compare_documents(
    docs: list[Document],
    folder: str = "",
    skipped: list[Skipped] | None = None,
    progress: Progress | None = None,
    min_score: float = MIN_SCORE,
) -> Comparison:
    """Compare already-loaded documents. Needs at least two."""
    # The pipeline builds hundreds of thousands of small objects (sentences, terms, links) and
    # leaves almost no cyclic garbage: the cyclic collector, paused, would otherwise rescan them
    # again and again (a quarter of the time on a 15,000-word folder). Reference counting still
    # frees everything as usual; the collector resumes afterwards.
    # The matrix products are many and small (a block of sentences against a folder):
    # OpenBLAS's threads cost more than they save there, and on a busy machine (a shared server,
    # a laptop running other work) they spin for cores they do not get: the semantic pass of a
    # 5 MB file took 1.1 s with them and 0.1 s on one thread (issue 13). One thread, for the
    # comparison only.
    with gc_paused(), one_blas_thread():
        comparison = _compare_documents(docs, folder, skipped, progress, min_score)
        to_oldest_generation()
    return comparison


def to_oldest_generation() -> None:
    """Move every object the collector tracks into its oldest generation, unscanned (freeze,
    then unfreeze). Objects made while the collector was paused all sit in its youngest
    generation: once it resumes, its first young collection would walk every one of them (the
    whole comparison: 0.2 s on 50 x 3,000 words, more on bigger folders) to find the little
    cyclic garbage. In the oldest generation they wait for the next full collection, as any
    long-lived object does. Skipped when something else has frozen objects (the app does, once
    a comparison shows): unfreezing would release them."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's BLAS limited to one thread for the block (threadpoolctl)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield


def _compare_documents(
    docs: list[Document],
    folder: str,
    skipped: list[Skipped] | None,
    progress: Progress | None,
    min_score: float,
) -> Comparison:
    timings: dict[str, float] = {}

    def stage(name: str, fraction: float) -> None:
        if progress:
            progress(name, fraction)

    @contextmanager
    def timed(name: str, fraction: float) -> Iterator[None]:
        """Say the stage has begun, and keep how long it took."""
        stage(name, fraction)
        t = time.perf_counter()
        yield
        timings[name] = time.perf_counter() - t

    need_two(docs, list(skipped or []), folder)
    with timed("segment", 0.1):
        # past SEGMENT_FROM characters in all, the documents are shared among processes
        sources = segment.build_sources(docs, sum(len(d.text) for d in docs) >= SEGMENT_FROM)
    # The figures of each sentence's text depend on the text alone (findings.read_numbers): on a
    # big folder a forked process reads them (and their contexts) while this one cleans and
    # matches (sidebyside/workers.py); clean changes no text. (Not at a lower priority: on a
    # busy machine it would starve, and findings wait for it.)
    big = _forks_pay(sum(len(src.sentences) for src in sources), sources)
    with ExitStack() as stack:
        texts = stack.enter_context(workers.Later(lambda: findings.read_texts(sources), big))
        with timed("clean", 0.3):
            clean.flag_sources(sources, docs)
        with timed("match", 0.4):
            from . import match as matcher

            # With the forks, the links' whys are put into words by the one working out the
            # partial links (`_refine`): nothing before it reads them.
            run = matcher.match(
                sources, min_score=min_score, also=clean.trailer_sentences(sources),
                progress=lambda f: stage("match", 0.4 + 0.4 * f), defer_whys=texts.forked,
            )
            clean.confirm_trailers(sources)
        comparison = Comparison(
            folder=folder, sources=sources, skipped=list(skipped or []), semantic=run.semantic,
            transformer=run.transformer, transformer_part=run.transformer_part,
        )
        # Partial links, novelty and the rows need the links only, and the figures and their
        # disagreements need neither them nor the statuses they lead to (only clean's flags, but
        # in a bulk source): on a big folder a forked process works them out while this one reads
        # the figures (sidebyside/workers.py); on others, one after the other.
        n = len(run.folder.items) if run.folder is not None else 0
        overlap = _forks_pay(n, sources)
        # The fork does the links' whys (`word_links`, which nothing here reads) and the
        # families (clean's flags only) too, and this process the rows after the figures: the
        # two take about as long (three processes slowed this one, the longest, most).
        later = stack.enter_context(
            workers.Later(lambda: _refine(sources, run, min_score), overlap))
        kin = None  # (copied, families) from the fork
        if later.forked:
            with timed("findings", 0.8):
                findings.set_statuses(comparison)  # again below, with the parts and novelty
                known, contexts = texts.result() if texts.forked else (None, None)
                findings.read_numbers(comparison, known)
                findings.find_disagreements(comparison, contexts, run.near)
            with timed("align", 0.9):  # (and the time left waiting for the fork)
                comparison.rows = align(comparison)
                kin = _apply_refined(sources, run, comparison, later.result())
                run.folder = None
                findings.set_statuses(comparison)
                # (a folder big enough to fork is past echoes.MAX_STORY: the check reads none)
                echoes.read(comparison)
        else:
            t = time.perf_counter()
            if run.wording is not None:
                matcher.put_whys(run, matcher.word_links(run))
            partial.find(sources, run, min_score)  # claim units of unlinked sentences: `parts`
            novelty.measure(run.folder)  # the share of each sentence's words no other source uses
            run.folder = None
            timings["match"] += time.perf_counter() - t
            with timed("align", 0.8):
                comparison.rows = align(comparison)
            with timed("findings", 0.9):
                findings.set_statuses(comparison)
                echoes.read(comparison)  # the transformer's check on unique claims
                known, contexts = texts.result() if texts.forked else (None, None)
                findings.read_numbers(comparison, known)
                findings.find_disagreements(comparison, contexts, run.near)
        with timed("families", 0.95):
            if kin is not None:
                comparison.copied, comparison.families = kin
            else:
                comparison.copied = families.copied_shares(sources)
                comparison.families = families.families(sources, comparison.copied)
    comparison.timings = timings
    stage("done", 1.0)
    return comparison


OVERLAP_FROM = 3_000  # matched sentences from which the refinements are worked out in a fork
# ... up to this many: a forked process that runs beside this one for long touches most of the
# pages it shares (all processes together peaked near 1 GB on 200 x 1,000 words, 12,798
# sentences, against 0.6 GB on one core), so past it they stay here, one after the other
OVERLAP_TO = 20_000


def _forks_pay(sentences: int, sources) -> bool:
    """Is a process worth forking to work beside this one: a big folder, but not so big that
    its shared pages double the memory, and no bulk source (compared with caps, serially)?"""
    return OVERLAP_FROM <= sentences <= OVERLAP_TO and not any(src.bulk for src in sources)
SEGMENT_FROM = 400_000  # characters from which the documents are split in parallel


def _refine(sources, run, min_score: float):
    """What follows the links but the rows: their whys if not yet worded, partial links
    (`parts`), the share of each sentence's words no other source uses (`novel`, `anchor`) and
    the families (which need clean's flags only), as (whys, per sentence (parts, novel,
    anchor), (copied, families)): values only, to be sent back by a forked process."""
    from . import match as matcher

    whys = matcher.word_links(run) if run.wording is not None else None
    partial.find(sources, run, min_score)  # claim units of unlinked sentences: `parts`
    novelty.measure(run.folder)  # the share of each sentence's words no other source uses
    copied = families.copied_shares(sources)
    return whys, [(s.parts, s.novel, s.anchor) for src in sources for s in src.sentences], (
        copied, families.families(sources, copied))


def _apply_refined(sources, run, comparison: Comparison, refined) -> tuple:
    """Give the sentences and links what `_refine` worked out; returns (copied, families)."""
    from . import match as matcher

    whys, per_sentence, kin = refined
    if whys is not None and run.wording is not None:
        matcher.put_whys(run, whys)
    for s, (parts, novel, anchor) in zip(
            (s for src in sources for s in src.sentences), per_sentence, strict=True):
        s.parts, s.novel, s.anchor = parts, novel, anchor
    return kin


def compare_folder(
    folder: str | os.PathLike,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    min_score: float = MIN_SCORE,
    recursive: bool = False,
    use_cache: bool = True,
) -> Comparison:
    """Compare every document in `folder`. The folder is read once (load.scan_folder): the
    cache key hashes those bytes and the loader decodes them. With `use_cache` (and
    SIDEBYSIDE_CACHE not "0"), an unchanged folder (same files, same options, same engine) is
    read back from the user cache dir instead of compared again (sidebyside/cache.py); a fresh
    result is stored unless a file read changed while it was compared (a stat each)."""
    t = time.perf_counter()
    if progress:
        progress("load", 0.0)
    use_cache = use_cache and os.environ.get(CACHE_ENV, "1").strip().lower() not in ("0", "false", "no", "off")
    scan = scan_folder(folder, max_bytes=max_bytes, recursive=recursive)
    key = _cache_key(scan, min_score) if use_cache else None
    if key is not None:
        from . import cache

        hit = cache.load(key, str(scan.root))
        if hit is not None:
            comparison, _ = hit  # the comparison carries what the matcher did
            comparison.timings = {"cache": time.perf_counter() - t}
            if progress:
                progress("done", 1.0)
            return comparison
    docs, skipped = decode_scan(scan)
    loaded = time.perf_counter() - t
    comparison = compare_documents(  # which says so when there are not two documents to compare
        docs, folder=str(scan.root), skipped=skipped, progress=progress, min_score=min_score,
    )
    comparison.timings = {"load": loaded, **comparison.timings}
    if key is not None and not scan.changed():
        from . import cache

        links = sum(len(s.links) for s in comparison.all_sentences()) // 2
        cache.store(key, comparison, {"semantic": comparison.semantic, "links": links})
    return comparison


def _cache_key(scan: FolderScan, min_score: float) -> str | None:
    from . import cache

    try:
        return cache.key_of(scan, min_score)
    except Exception:  # e.g. the engine's own files unreadable: compute as usual, cache nothing
        return None


def need_two(docs: list, skipped: list[Skipped], folder: str | os.PathLike) -> None:
    """The one check that a folder has something to compare; the error names what was skipped
    and why (a folder of one good file and one PDF without a text layer says so)."""
    if len(docs) >= 2:
        return
    why = "; ".join(f"{s.file}: {s.reason}" for s in skipped[:3])
    more = f"; and {len(skipped) - 3} more" if len(skipped) > 3 else ""
    where = f" in {folder}" if str(folder) else ""
    raise InputError(
        f"need at least two readable documents{where}, found {len(docs)}"
        + (f" (skipped {why}{more})" if why else "")
    )


def demo_folder() -> Path:
    """The bundled demo: three fictional outlets telling one invented story."""
    return Path(__file__).resolve().parent / "demo"
