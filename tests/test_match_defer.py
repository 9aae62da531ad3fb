"""match(defer_whys=True): the links come without their whys, and word_links + put_whys give each
the why match would have given it (the engine has a forked process word them)."""

from sidebyside import clean, match, segment
from sidebyside.engine import demo_folder
from sidebyside.load import load_folder


def _sources():
    docs, _ = load_folder(demo_folder())
    sources = segment.build_sources(docs)
    clean.flag_sources(sources, docs)
    return sources


def _links(sources):
    return [(s.id, link.to, link.score, link.kind, link.why)
            for src in sources for s in src.sentences for link in s.links]


def test_deferred_whys_are_the_whys():
    now = _sources()
    match.match(now)
    later = _sources()
    run = match.match(later, defer_whys=True)
    assert run.wording is not None
    assert any(link.why for s in now[0].sentences for link in s.links)
    assert not any(link.why for src in later for s in src.sentences for link in s.links)
    match.put_whys(run, match.word_links(run))
    assert run.wording is None
    assert _links(later) == _links(now)
