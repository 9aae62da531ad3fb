"""Plain dataclasses that carry a comparison from the engine to the UI and the reports.

Nothing here imports Textual; the UI and the exporters only read these objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    """A sentence's status (SPEC.md, JSON report)."""

    SHARED = "shared"  # another source makes the same claim (a link)
    UNIQUE = "unique"  # no other source does
    PARTIAL = "partial"  # no link, but part of it (a claim unit) another source reports (`parts`)
    UNLINKED = "unlinked"  # no link, but other sources use over a fifth of its words (`novel` < NOVEL_MIN),
    #                        or nothing in it is its own (no `anchor`), or the transformer reads
    #                        another source's sentence close to it (`echo`): they may report it
    #                        in other words, so it is not called unique
    BOILERPLATE = "boilerplate"  # bylines, footers, page furniture: never a finding
    DUPLICATE = "duplicate"  # a repeat within its own source


class LinkKind(StrEnum):
    EXACT = "exact"
    NEAR = "near"
    PARAPHRASE = "paraphrase"


class DisagreementKind(StrEnum):
    """What two figures about one quantity disagree on (most severe first)."""

    VALUE = "value"
    UNIT = "unit"
    DATE = "date"
    QUALIFIER = "qualifier"


class CorrectionKind(StrEnum):
    """A reporter's correction of the findings (sidebyside/corrections.py)."""

    LINK = "link"  # the same claim
    UNLINK = "unlink"  # not the same claim
    DISMISS = "dismiss"  # not a conflict
    CONFLICT = "conflict"  # a conflict the engine missed


class NoteStatus(StrEnum):
    """A note's status, with the one-letter mark the panes show (distinct without colour) and
    the style class the grid paints it with."""

    NEEDS_CHECK = "needs check"
    VERIFIED = "verified"
    DISPUTED = "disputed"
    FOLLOW_UP = "follow up"

    @property
    def mark(self) -> str:
        return {"needs check": "?", "verified": "V", "disputed": "D", "follow up": "F"}[self.value]

    @property
    def style(self) -> str:
        return {"needs check": "grid--note-check", "verified": "grid--note-verified",
                "disputed": "grid--note-disputed", "follow up": "grid--note-follow"}[self.value]


class ReportFormat(StrEnum):
    """The export formats: file suffix and the name a reader knows."""

    MD = "md"
    HTML = "html"
    JSON = "json"

    @property
    def label(self) -> str:
        return {"md": "Markdown", "html": "HTML (self-contained)", "json": "JSON"}[self.value]


# The values by their short names, as the engine writes them into the dataclasses: plain
# strings (equal to the enum members), so a comparison read back from the cache or a report is
# the same value for value and type for type.
SHARED, UNIQUE, PARTIAL, UNLINKED, BOILERPLATE, DUPLICATE = (m.value for m in Status)

# A source of more sentences than this (some 400,000 words; the longest news articles have a few
# hundred sentences, a 300-page report some 5,000) is compared with caps: `Source.bulk`.
BULK_SENTENCES = 20_000
EXACT, NEAR, PARAPHRASE = (m.value for m in LinkKind)
VALUE, UNIT, DATE, QUALIFIER = (m.value for m in DisagreementKind)


@dataclass
class Link:
    """A match between two sentences of different sources (stored on both)."""

    to: str  # id of the other sentence
    score: float  # in [0, 1]
    kind: str  # exact | near | paraphrase
    why: str = ""  # a few words: shared rare terms, shared numbers
    by: str = ""  # "reporter" for a link a reporter made (sidebyside/corrections.py)

    def __reduce__(self):
        # Pickled as its fields: a big folder has hundreds of thousands of links, and the
        # cache reads them back 2.5 times faster this way than through the default state dict.
        return (Link, (self.to, self.score, self.kind, self.why, self.by))


@dataclass
class Part:
    """Part of a sentence's claims that another source's sentence reports too (a partial link,
    sidebyside/partial.py; stored on both sentences, each with its own side's span): the claim
    unit `start`..`end` of this sentence's display text makes the same claim as the span
    `to_start`..`to_end` of sentence `to` (a unit of it, or all of it)."""

    to: str  # id of the other sentence
    start: int  # the shared part of this sentence (offsets into its display text)
    end: int
    to_start: int  # ...and of the other sentence
    to_end: int
    score: float  # the fitted probability of the same claim, for the units
    why: str = ""

    def __reduce__(self):
        return (Part, (self.to, self.start, self.end, self.to_start, self.to_end, self.score,
                       self.why))


@dataclass
class Quantity:
    """A quantity read from a sentence, with its hedge and what it counts."""

    text: str  # as written, e.g. "some 600 troops"
    start: int  # offsets into the sentence's *display* text
    end: int
    value: float
    low: float  # interval the hedge allows
    high: float
    qualifier: str | None  # about | over | under | ... | None for exact
    unit: str | None  # counted noun or unit ("troops", "%", "usd", "date")
    kind: str  # count | money | percent | date | duration | ordinal | age | measure
    event: str | None = None  # what happened to the counted thing: killed, evacuated, ...
    noun: str | None = None  # what a money/percent/measure figure is of: cost, turnout, ...
    sentence: str = ""  # sentence id, filled in by the engine
    sources: list[str] = field(default_factory=list)


@dataclass
class Sentence:
    id: str  # "<source id>:<n>"
    source: str
    paragraph: int  # paragraph index within its source
    index: int  # sentence index within its source
    text: str  # as displayed (markup stripped, whitespace folded)
    start: int  # offsets into the decoded original file text
    end: int
    status: str = UNIQUE
    claim: bool = True  # a content sentence (not a heading, byline or fragment): findings.set_statuses
    links: list[Link] = field(default_factory=list)
    numbers: list[Quantity] = field(default_factory=list)
    duplicate_of: str | None = None  # for duplicates: the first copy's id
    parts: list[Part] = field(default_factory=list)  # claim units other sources report (partial)
    novel: float = 1.0  # weighted share of its terms no other source uses (sidebyside/novelty.py)
    anchor: str = ""  # what marks it as its source's own: "a name of its own", "a figure of its
    # own", "a quote" (joined with "and"), or "" (sidebyside/novelty.py); without, never unique
    echo: str = ""  # the id of another source's sentence the transformer reads as close to this
    # one (sidebyside/echoes.py), written only on a sentence that would be unique; with it, never
    # unique: it is `unlinked`, and the detail names that sentence


def is_unique_claim(s: Sentence) -> bool:
    """A claim only its source makes (◆): unique, and a content sentence (not a heading)."""
    return s.status == UNIQUE and s.claim


@dataclass
class Paragraph:
    source: str
    index: int
    start: int
    end: int
    sentences: list[str] = field(default_factory=list)  # sentence ids, in order
    flag: str | None = None  # None | boilerplate | duplicate
    reason: str = ""  # why it is flagged: copyright, trailer, byline, sign-off, ...
    heading: bool = False
    story: bool = False  # a tentative trailer matching found strongly linked to another story


@dataclass
class Source:
    id: str
    file: str  # file name within the folder
    path: str  # absolute path
    title: str
    text: str  # decoded original text; every offset points into it
    encoding: str = "utf-8"
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def paragraph_of(self, s: Sentence) -> Paragraph | None:
        """The paragraph a sentence is in (None in a source built by hand without paragraphs)."""
        return self.paragraphs[s.paragraph] if s.paragraph < len(self.paragraphs) else None

    def flag_of(self, s: Sentence) -> str | None:
        """What clean flagged a sentence as (it is then never matched nor a finding): its
        paragraph's flag (`boilerplate` / `duplicate`), or `duplicate` for a sentence repeating
        one of another paragraph (`duplicate_of`); None for a sentence of the story."""
        para = self.paragraph_of(s)
        return (self.paragraph_flag(para) if para else None) or (
            DUPLICATE if s.duplicate_of else None)

    @property
    def bulk(self) -> bool:
        """More than BULK_SENTENCES sentences: a book, a log or a dump rather than an article,
        compared with the caps README's Limits list (figures read only where linked, no
        partial claims), so that its cost stays in proportion to its size (issue 13)."""
        return len(self.sentences) > BULK_SENTENCES

    def unflagged(self) -> list[Sentence]:
        """The sentences clean did not flag (`flag_of` is None), in order: a paragraph's flag
        looked up once, not once per sentence (a huge file has hundreds of thousands)."""
        flags = [self.paragraph_flag(p) for p in self.paragraphs]
        n = len(flags)
        return [s for s in self.sentences
                if not (s.paragraph < n and flags[s.paragraph]) and not s.duplicate_of]

    @staticmethod
    def paragraph_flag(para: Paragraph) -> str | None:
        """Clean's flag of a paragraph, unless matching found it story after all (a tentative
        trailer strongly linked to another source's story: `story`)."""
        return None if para.story else para.flag


@dataclass
class Skipped:
    file: str
    reason: str


@dataclass
class Side:
    sentence: str
    source: str
    text: str  # quantity as written
    value: float
    qualifier: str | None
    unit: str | None = None
    start: int = 0  # the quantity's span in the sentence's display text
    end: int = 0


@dataclass
class Disagreement:
    kind: str  # value | qualifier | unit | date
    about: str  # the counted thing ("troops killed")
    sides: list[Side] = field(default_factory=list)
    why: str = ""  # plain words: both readings, the scope, why they were paired, the verdict
    by: str = ""  # "reporter" for a conflict a reporter marked (sidebyside/corrections.py)
    reason: str = ""  # the reporter's reason: for a marked conflict, or a dismissed one

    def summary(self, labels: dict[str, str] | None = None) -> str:
        """One sentence a journalist would write: 'Troops: 000 says some 600, 001 says over 600 (qualifier)'."""
        labels = labels or {}
        said: dict[str, list[str]] = {}
        for side in self.sides:
            texts = said.setdefault(side.source, [])
            if side.text not in texts:
                texts.append(side.text)
        parts = [f"{labels.get(src, src)} says {' and '.join(texts)}" for src, texts in said.items()]
        about = self.about[:1].upper() + self.about[1:] if self.about else "Figure"
        return f"{about}: {', '.join(parts)} ({self.kind})"


@dataclass
class Annotation:
    target: str  # sentence id (for an orphaned note: the id it last attached to)
    status: str
    note: str
    orphaned: bool = False
    note_id: str = ""  # the stored note's id
    file: str = ""  # the source file the note belongs to
    text: str = ""  # the anchored sentence text, as stored (for orphaned notes)


@dataclass
class Correction:
    """A reporter's correction of the findings, kept with the notes: `link` two sentences (same
    claim), `unlink` them (not the same claim), `dismiss` a disagreement between their figures
    (not a conflict), or mark their figures a `conflict` the engine missed."""

    kind: str  # link | unlink | dismiss | conflict
    a: str  # sentence id (for an orphaned correction: the id it last attached to)
    b: str
    reason: str = ""
    figures: list[str] = field(default_factory=list)  # dismiss / conflict: the figures as written
    orphaned: bool = False  # a sentence it anchors to is gone (kept, listed, not applied)
    id: str = ""  # the stored entry's id
    applied: bool = True  # False when it changes nothing (e.g. unlinking sentences not linked)


@dataclass
class Copied:
    """`share` of source `a`'s prose (in [0, 1]) is found in source `b` (sidebyside/families.py);
    ordered: (a, b) and (b, a) are two entries with their own shares."""

    a: str
    b: str
    share: float


@dataclass
class Comparison:
    folder: str
    sources: list[Source]
    skipped: list[Skipped] = field(default_factory=list)
    rows: list[dict[str, int | None]] = field(default_factory=list)
    numbers: list[Quantity] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    semantic: bool = False  # the optional embedding score took part in matching
    transformer: bool = False  # the transformer read the weaker links (sidebyside/transformer.py)
    transformer_part: bool = False  # past its budget, it read only the most doubtful links
    families: list[list[str]] = field(default_factory=list)  # sources that copy one another
    copied: list[Copied] = field(default_factory=list)  # how much of a's prose is in b
    corrections: list[Correction] = field(default_factory=list)  # the reporter's, applied
    dismissed: list[Disagreement] = field(default_factory=list)  # taken off by the reporter

    def __post_init__(self) -> None:
        self._by_id: dict[str, Sentence] = {}
        self.reindex()

    def reindex(self) -> None:
        self._by_id = {s.id: s for src in self.sources for s in src.sentences}

    def sentence(self, sentence_id: str) -> Sentence:
        return self._by_id[sentence_id]

    def source(self, source_id: str) -> Source:
        for src in self.sources:
            if src.id == source_id:
                return src
        raise KeyError(source_id)

    def all_sentences(self) -> list[Sentence]:
        return [s for src in self.sources for s in src.sentences]

    def unique_claims(self) -> list[Sentence]:
        return [s for s in self.all_sentences() if is_unique_claim(s)]

    def partial_sentences(self) -> list[Sentence]:
        return [s for s in self.all_sentences() if s.status == PARTIAL]

    def shared_sentences(self) -> list[Sentence]:
        return [s for s in self.all_sentences() if s.status == SHARED]

    def figures_differ_with(self, sentence_id: str) -> list[str]:
        """The sources of the sentences linked to this one whose figures disagree with its own
        (a side of the same disagreement): the link is no confirmation of those figures."""
        linked = {lk.to for lk in self.sentence(sentence_id).links}
        return sorted({side.source for d in self.disagreements
                       if any(x.sentence == sentence_id for x in d.sides)
                       for side in d.sides if side.sentence in linked})

    def figures_differ(self) -> dict[str, list[str]]:
        """`figures_differ_with` of every sentence that has such sources (reports ask it of
        every sentence: only the sides of disagreements can have any)."""
        sides = {side.sentence for d in self.disagreements for side in d.sides}
        return {sid: found for sid in sides if (found := self.figures_differ_with(sid))}

    def notes_by_sentence(self) -> dict[str, list[Annotation]]:
        """The notes attached to each sentence (orphaned ones are on none), in store order."""
        out: dict[str, list[Annotation]] = {}
        for a in self.annotations:
            if not a.orphaned:
                out.setdefault(a.target, []).append(a)
        return out

    def single_source_numbers(self) -> list[Quantity]:
        """Figures no other source gives (sidebyside/single_figures.py)."""
        from .single_figures import single_source_numbers

        return single_source_numbers(self)
