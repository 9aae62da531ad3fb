"""Messy plain text (issue 7): encodings, byte order marks, line endings, invisible spaces,
hard-wrapped lines, Markdown, a sentence per line; offsets always index the decoded file, and
nothing is lost (a property test)."""


import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.engine import compare_folder
from sidebyside.load import Document, decode
from sidebyside.segment import build_source, paragraph_spans, sentence_spans

from .test_formats import assert_nothing_lost

# --- messy plain text ---------------------------------------------------------------------------------


def segment(text: str) -> tuple[list[str], list[str]]:
    paras = [text[a:b] for a, b in paragraph_spans(text)]
    sents = [text[a:b] for p0, p1 in paragraph_spans(text) for a, b in sentence_spans(text, p0, p1)]
    return paras, sents


def shown(text: str) -> list[str]:
    return [s.text for s in build_source(Document("x.txt", "/x.txt", text, "utf-8"), "x").sentences]


def test_encodings_and_byte_order_marks():
    story = "Le pont d’Ardle est fermé, a déclaré le ministère. Ça durera six semaines."
    for data in (
        b"\xef\xbb\xbf" + story.encode("utf-8"),
        story.encode("utf-16"),  # with a BOM
        story.encode("utf-16-le"),  # without one
        story.encode("utf-16-be"),
        story.replace("’", "'").encode("cp1252"),
        story.replace("’", "'").encode("latin-1"),
    ):
        text, _ = decode(data)
        assert text.replace("'", "’") == story, data[:10]
    with pytest.raises(ValueError):
        decode(bytes(range(256)) * 4)


def test_windows_line_endings():
    text = "First paragraph, line one\r\ncontinues here.\r\n\r\nSecond paragraph.\r\n"
    paras, sents = segment(text)
    assert paras == ["First paragraph, line one\r\ncontinues here.", "Second paragraph."]
    assert shown(text) == ["First paragraph, line one continues here.", "Second paragraph."]


def test_old_mac_line_endings():
    text = (
        "Bridge shut\r\rThe council met on Tuesday to discuss the bridge, which\r"
        "engineers closed after finding cracks.\r\rTraffic is diverted. Shops worry.\r"
    )
    paras, sents = segment(text)
    assert paras == [
        "Bridge shut",
        "The council met on Tuesday to discuss the bridge, which\rengineers closed after finding cracks.",
        "Traffic is diverted. Shops worry.",
    ]
    assert sents[-2:] == ["Traffic is diverted.", "Shops worry."]
    assert shown(text)[1] == (
        "The council met on Tuesday to discuss the bridge, which engineers closed after finding cracks."
    )


def test_no_break_and_zero_width_spaces():
    text = (
        "\ufeffThe bridge closed.\u00a0It will stay shut for\u00a0six weeks.\u200b\n"
        "\u00a0\u200b\n"
        "\u200bRepairs cost 3.2\u00a0million euros.\u200b It was built in 1958."
    )
    paras, sents = segment(text)
    assert len(paras) == 2  # a line of only invisible spaces is a blank line
    assert sents == [
        "The bridge closed.",
        "It will stay shut for\u00a0six weeks.",
        "Repairs cost 3.2\u00a0million euros.",
        "It was built in 1958.",
    ]
    assert shown(text) == [
        "The bridge closed.",
        "It will stay shut for six weeks.",
        "Repairs cost 3.2 million euros.",
        "It was built in 1958.",
    ]


def test_hard_wrapped_lines_join_into_one_paragraph_and_sentence():
    text = (
        "The Ardle road bridge was closed on Tuesday after engineers\n"
        "found cracks in two of its supporting piers, the Ministry of\n"
        "Roads said. About 14,000 vehicles cross the bridge every\n"
        "day.\n\n"
        "Repairs will take six weeks."
    )
    paras, sents = segment(text)
    assert len(paras) == 2
    assert shown(text) == [
        "The Ardle road bridge was closed on Tuesday after engineers found cracks in two of its "
        "supporting piers, the Ministry of Roads said.",
        "About 14,000 vehicles cross the bridge every day.",
        "Repairs will take six weeks.",
    ]


def test_markdown_headings_links_emphasis_and_lists():
    text = (
        "Bridge closed\n=============\n\n"
        "The **Ardle** bridge was [closed](https://example.org/a) on _Tuesday_.\n\n"
        "## Next steps\n"
        "* A survey of the piers.\n"
        "* Repairs costing 3.2 million euros.\n"
        "1. Reopening in spring.\n\n"
        "---\n\n"
        "> Quoted: the ministry said it was sorry.\n"
    )
    paras, _ = segment(text)
    assert "=============" not in " ".join(paras) and "---" not in paras
    assert shown(text) == [
        "Bridge closed",
        "The Ardle bridge was closed on Tuesday.",
        "Next steps",
        "A survey of the piers.",
        "Repairs costing 3.2 million euros.",
        "Reopening in spring.",
        "Quoted: the ministry said it was sorry.",
    ]
    src = build_source(Document("x.md", "/x.md", text, "utf-8"), "x")
    assert src.title == "Bridge closed"


def test_pasted_text_with_every_sentence_on_its_own_line():
    text = (
        "The Ardle road bridge was closed on Tuesday.\n"
        "Engineers found cracks in two of its piers\n"
        "Traffic is being diverted through Penmarrow.\n"
        "Repairs will cost 3.2 million euros.\n"
        "The survey will take six weeks.\n"
    )
    _, sents = segment(text)
    assert sents == [
        "The Ardle road bridge was closed on Tuesday.",
        "Engineers found cracks in two of its piers",
        "Traffic is being diverted through Penmarrow.",
        "Repairs will cost 3.2 million euros.",
        "The survey will take six weeks.",
    ]


def test_offsets_index_the_decoded_original_text(tmp_path):
    raw = ("\ufeffBridge shut\r\n\r\nThe bridge\u00a0closed.\u200b\rIt will reopen.\r\n").encode("utf-8")
    (tmp_path / "a.txt").write_bytes(raw)
    (tmp_path / "b.txt").write_text("The bridge closed. It will reopen in spring.")
    c = compare_folder(tmp_path)
    src = c.source("a")
    assert src.text == raw.decode("utf-8-sig")
    for s in src.sentences:
        assert " ".join(src.text[s.start : s.end].split()) == s.text.replace("\u00a0", " ")
    assert_nothing_lost(src)


_ALPHABET = list("ab Cd.,!?\n\n\t“”\"'—…-#*_1234567890 é") + ["\r", "\r\n", "\u00a0", "\u200b", "\ufeff", "\u2028"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=200).map("".join))
def test_nothing_lost_with_line_endings_and_invisible_spaces(text):
    covered = [0] * len(text)
    for p0, p1 in paragraph_spans(text):
        for a, b in sentence_spans(text, p0, p1):
            assert p0 <= a < b <= p1
            for i in range(a, b):
                covered[i] += 1
    for i, ch in enumerate(text):
        if re.match(r"\w", ch):
            assert covered[i] == 1, (text, i)
        assert covered[i] <= 1
