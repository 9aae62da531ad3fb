"""A sentence with no link is a unique claim only when it brings words of its own
(sidebyside/novelty.py); told in the other sources' words it is `unlinked`: no ◆, not counted,
not listed, and the detail says why. Engine on a fictional folder, the app on the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sidebyside import cache_codec
from sidebyside.engine import compare_folder
from sidebyside.novelty import NOVEL_MIN
from sidebyside.report import to_dict, to_markdown
from tui.app import SideBySideApp
from widgets.detail import status_line
from widgets.grid import MARK_UNIQUE

from .conftest import find
from .test_tui import grid_text, ready

A = """Quarry blast shakes Ormsby village

A blast at the Ormsby limestone quarry shook houses across the village on Monday morning.

The quarry operator, Halden Stone, said the charge had been larger than planned.

Villagers said windows rattled and dishes fell from shelves in homes along Mill Lane.

Geologist Ruth Okafor measured cracks in the chapel tower and asked for it to be closed.
"""

B = """Ormsby quarry blast rattles homes

Houses across Ormsby village shook on Monday morning after a blast at the limestone quarry.

Halden Stone, which runs the quarry, said it would pay to repair damaged houses.

Homes along Mill Lane lost dishes from their shelves and windows rattled, villagers said.

The parish council will meet on Thursday to ask for blasting to stop until spring.
"""


@pytest.fixture
def quarry(tmp_path) -> Path:
    folder = tmp_path / "quarry"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.txt").write_text(B, encoding="utf-8")
    return folder


def test_a_sentence_with_words_of_its_own_is_unique_and_one_in_the_others_words_is_not(quarry):
    c = compare_folder(quarry, use_cache=False)
    chapel = find(c, "a", "Geologist Ruth Okafor")
    council = find(c, "b", "parish council will meet")
    for s in (chapel, council):  # names, places and acts no other source has
        assert s.status == "unique" and s.novel >= NOVEL_MIN and s in c.unique_claims()
    larger = find(c, "a", "the charge had been larger than planned")
    review = find(c, "b", "would pay to repair damaged houses")
    # Two different things the operator said (no link), each told in words the other source
    # uses: quarry, operator, Halden Stone, charge. Not an exclusive a reporter can rely on.
    assert not larger.links and not review.links
    for s in (larger, review):
        assert s.status == "unlinked" and s.novel < NOVEL_MIN and s.claim
        assert s not in c.unique_claims()
    assert 0.0 < larger.novel < chapel.novel <= 1.0


C = """Ormsby blast shakes quarry village

A blast at the Ormsby limestone quarry shook houses across the village on Monday morning.

Villagers said windows rattled and dishes fell from shelves in homes along Mill Lane.

Furious residents accused the operator of reckless disregard for their safety.

Resident Agnes Pryce said 14 panes of glass had cracked in her greenhouse.

"We were told it would never happen again," said one neighbour.
"""


def test_a_unique_claim_has_a_name_a_figure_or_a_quote_of_its_own(quarry):
    """Rare words alone ("furious", "reckless disregard") are an outlet's own wording, which a
    fact the others report can wear: without a name, a figure or a quote of its own such a
    sentence is `unlinked`, and the detail says why."""
    (quarry / "b.txt").unlink()
    (quarry / "c.txt").write_text(C, encoding="utf-8")
    c = compare_folder(quarry, use_cache=False)
    wording = find(c, "c", "Furious residents accused")
    assert not wording.links and wording.novel >= NOVEL_MIN and wording.anchor == ""
    assert wording.status == "unlinked" and wording not in c.unique_claims()
    assert status_line(c, wording) == "no link, not called unique: no name, figure or quote in it is its own"
    pryce = find(c, "c", "Resident Agnes Pryce")
    assert pryce.anchor == "a name of its own and a figure of its own" and pryce.status == "unique"
    assert status_line(c, pryce) == ("unique claim (no other source says this; it has a name of its "
                                     "own and a figure of its own)")
    quote = find(c, "c", "We were told it would never happen again")
    assert quote.anchor == "a quote" and quote.status == "unique"
    from sidebyside.novelty import _QUOTE_MARKS
    assert "‘" in _QUOTE_MARKS and "’" not in _QUOTE_MARKS  # UK quotes open with ‘; ’ is an apostrophe
    chapel = find(c, "a", "Geologist Ruth Okafor")
    assert "a name of its own" in chapel.anchor and chapel.status == "unique"
    entry = next(e for e in to_dict(c)["sentences"] if e["id"] == wording.id)
    assert entry["anchor"] == "" and entry["status"] == "unlinked"
    back = cache_codec.decode(json.loads(json.dumps(cache_codec.encode(c))))
    assert back.sentence(pryce.id).anchor == pryce.anchor


def test_novel_is_the_weighted_share_of_terms_no_other_source_uses(quarry):
    c = compare_folder(quarry, use_cache=False)
    assert find(c, "a", "Geologist Ruth Okafor").novel > 0.95  # hardly one of its words is in b
    same_words = find(c, "a", "Villagers said windows rattled")
    assert same_words.novel < 0.2  # b says it with the same words


def test_unlinked_in_json_brief_status_line_and_cache(quarry):
    c = compare_folder(quarry, use_cache=False)
    s = find(c, "a", "the charge had been larger than planned")
    entry = next(e for e in to_dict(c)["sentences"] if e["id"] == s.id)
    assert entry["status"] == "unlinked" and entry["novel"] == s.novel
    brief = to_markdown(c)
    assert "larger than planned" not in brief.split("### Unique claims")[1].split("##")[0]
    assert "*1 more sentence has no link but is not called unique" in brief  # one a source
    assert "use enough of its words to say it otherwise" in brief
    assert status_line(c, s) == (
        f"no link, not called unique: other sources use {round(100 * (1 - s.novel))}% of its words "
        "(a unique claim, at most 20%)")
    back = cache_codec.decode(json.loads(json.dumps(cache_codec.encode(c))))
    assert back.sentence(s.id).novel == s.novel and back.sentence(s.id).status == "unlinked"


async def test_the_app_marks_no_unlinked_sentence_and_u_skips_it(seeds_dir, tmp_path):
    app = SideBySideApp(folder=str(seeds_dir), notes=str(tmp_path / "notes.json"))
    async with app.run_test(size=(140, 40)) as pilot:
        grid = await ready(pilot)
        c = app.comparison
        began = find(c, "001", "which began in 2022")
        assert began.status == "unlinked"
        lines = grid_text(grid).splitlines()
        first_words = began.text.split()[0]
        assert not any(MARK_UNIQUE in line and first_words in line for line in lines)
        unique = [s.id for s in c.unique_claims()]
        seen = []
        for _ in unique:
            await pilot.press("u")
            await pilot.pause()
            seen.append(grid.cursor)
        assert began.id not in seen and set(seen) == set(unique)
        title = str(app.screen.query_one("#title").render())
        assert f"◆ {len(unique)} unique" in title
        grid.set_cursor(began.id)
        await pilot.pause()
        assert "not called unique" in str(app.screen.query_one("#status").render())
