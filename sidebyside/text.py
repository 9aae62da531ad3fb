"""Words: display cleanup, normalisation, content terms (stemmed, with news synonyms folded)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves said says say saying
    told according added also would could may might must shall one its it's mr mrs ms dr per via
    amid despite within without upon onto toward towards whether though although however yet still
    already even ever much many several another since around across along near among come came
    comes coming go goes went gone make made makes take took taken get got gets well like including
    include includes far furthermore moreover meanwhile besides later earlier also thus therefore
    instead rather quite really just new""".split()
)

# News paraphrase pairs that a stemmer does not join. Each group maps to its first word.
_SYNONYM_GROUPS = [
    "troop soldier forc servicemen serviceman",
    "kill die dead death perish fatal fatal",
    "injur wound hurt",
    "casualti",
    "spi surveil reconnaiss",
    "anti-air anti-aircraft antiaircraft air-defens",
    "build construct",
    "begin began begun start commenc launch",
    "border frontier",
    "lawmak legisl parliamentarian mp",
    "countri nation state",
    "resid inhabit",
    "evacu flee fled",
    "fire blaze",
    "boat vessel ship",
    "car vehicl",
    "doctor physician",
    "children kid child youngster",
    "compani firm",
    "buy purchas acquir takeov acquisit",
    "cost price",
    "town villag",
    "close shut",
    "rise increas grow rose jump soar climb surg",
    "fall drop declin decreas fell",
    "help aid assist",
    "expect anticip",
    "finish complet",
    "offer provid suppli give gave",
    "home hous properti dwell",
    "approv go-ahead permiss",
    "halt suspend stop",
    "investig inquiri probe",
    "inspect examin check",
    "arrest detain",
    "wind gust gale",
    "polic detect",
    "cri wept weep",
    "steal stole stolen theft thiev",
    "paint canva canvas",
    "vote ballot",
    "convict guilti",
    "pupil student",
    "shortag lack",
    "signatur sign",
    "pay wage salari",
    "talk negoti",
    "turnov sale revenu",
    "rescu save",
    "crash collis",
    "airlift flown flew",
    "staff worker employe",
]
# Words every news story uses (time, counting, reporting), which say little about which claim a
# sentence makes: the matcher weighs them down (they stay content terms everywhere else).
GENERIC = frozenset(
    """year last month week day time cent percent peopl first second next previous earli late
    number total report statement spokesman spokeswoman spokesperson offici call ask put set""".split()
)

# Words the stemmer folds into another word's stem.
_STEM_OVERRIDES = {"founded": "establish", "founding": "establish", "founder": "founder"}

SYNONYMS: dict[str, str] = {}
for _group in _SYNONYM_GROUPS:
    _words = _group.split()
    for _w in _words:
        SYNONYMS.setdefault(_w, _words[0])

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# Emphasis: a run of marks that opens at a word's start and the same run closing at a word's end
# ("**bold**", "_it_", "***both***"); never marks inside or ending a word alone ("f***ing",
# "s***.", "snake_case"), which are the writer's own. Code marks (`) go wherever they stand.
# Each mark on its own ("**_final_**" is two emphases), the text between at most 400 characters
# (an unclosed mark never makes a search run to the end of the text), across line breaks.
_MD_MARKS = tuple(
    re.compile(rf"(?<![\w{m}])({m}{{1,3}})(?=[^\s{m}])(.{{1,400}}?)(?<=[^\s{m}])\1(?![\w{m}])", re.S)
    for m in (r"\*", "_"))


def strip_marks(text: str) -> str:
    """Markdown's emphasis and code marks taken out of a paragraph: nested and mixed emphasis
    ("**a *b* c**", "_**both**_") too, in up to three rounds."""
    for _ in range(3):
        before = text
        for pattern in _MD_MARKS:
            text = pattern.sub(r"\2", text)
        if text == before:
            break
    return text.replace("`", "")
# A numbered item's number is kept when it is the whole part of a detokenised decimal: "4. 6
# quake rattles" (a magnitude), "22. 4bn" (a glued scale), not item 4; "1. 73 percent of
# respondents" is item 1, and "1) 50 people" always is.
_MD_HEAD = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s*|[-*+]\s+(?=\S)|\d{1,3}\)\s+(?=\S)|\d{1,3}\.\s+(?=\S)(?!\d(?: (?:quakes?|earthquakes?|temblors?|magnitude)\b|-magnitude\b)|\d{1,2}(?:bn|mn|tn)\b))", re.M)


def display(raw: str) -> str:
    """Text as shown: Markdown marks stripped, whitespace folded, invisible characters removed."""
    text = raw.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "").replace("\u2060", "")
    # Each rule only where it can apply (the same result, several times faster on plain text).
    if "\n" in text or _MD_HEAD.match(text):
        text = _MD_HEAD.sub("", text)
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "*" in text or "_" in text or "`" in text:
        text = strip_marks(text)
    return " ".join(text.split())  # white space folded and trimmed, as _SPACES and strip()


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Lower-case, accents and curly quotes folded: for comparing texts, not for showing them.
    Memoised: a sentence is folded again and again (for its words, its terms, its figures, its
    cues), and outlets repeat the wire's sentences word for word."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    if not text.isascii():
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower()


@lru_cache(maxsize=1 << 17)
def normalized(text: str) -> str:
    """Words only, lower-case, single-spaced: two sentences equal here are the same sentence."""
    return " ".join(_WORD.findall(fold(text)))


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")


def words(text: str) -> list[str]:
    return list(_words(text))  # a list of its own: the memoised tuple is shared


@lru_cache(maxsize=1 << 17)
def _words(text: str) -> tuple[str, ...]:
    text = fold(text)
    return tuple(_WORD.findall(_THOUSANDS.sub("", text) if "," in text else text))


def _per_cent(ws: list[str]) -> list[str]:
    out: list[str] = []
    for w in ws:
        if w == "cent" and out and out[-1] == "per":
            out[-1] = "percent"
        else:
            out.append(w)
    return out


@lru_cache(maxsize=200_000)
def term(word: str) -> str:
    """One comparable term for a word: possessive dropped, stemmed, synonyms and demonyms folded."""
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word.isdigit():
        return word
    if word in _STEM_OVERRIDES:
        return _STEM_OVERRIDES[word]
    stem = _STEMMER.stemWord(word)
    stem = SYNONYMS.get(stem, stem)
    return stem


@lru_cache(maxsize=1 << 17)
def content_terms(text: str) -> tuple[str, ...]:
    """The content terms of a text, in order (stop words dropped; hyphenated words also split).
    Memoised, and shared (a tuple): a sentence's terms are asked for when it is split (is it a
    claim?), cleaned (is its paragraph off the story?), matched and measured for families."""
    ws = words(text)
    if "cent" in ws and "per" in ws:  # "0.4 per cent" is "0.43 percent": one word, one term
        ws = _per_cent(ws)
    if "-" not in text and "’" not in text:  # the usual case, as one comprehension
        stop = STOPWORDS
        return tuple([term(w) for w in ws if w not in stop and (len(w) > 1 or w.isdigit())])
    out: list[str] = []
    for w in ws:
        w = w.replace("’", "'")
        if w in STOPWORDS:
            continue
        if "-" in w:
            whole = term(w)
            if whole in SYNONYMS.values() or whole in SYNONYMS:
                out.append(whole)
                continue
            for part in w.split("-"):
                if part and part not in STOPWORDS and len(part) > 1:
                    out.append(term(part))
            continue
        if len(w) == 1 and not w.isdigit():
            continue
        out.append(term(w))
    return tuple(out)


_NAME = re.compile(r"(?<=[\w,;:’'\"”)] )[A-Z][^\W\d_]+(?:[-’'][A-Z]?[^\W\d_]+)*")


def name_terms(text: str) -> set[str]:
    """Terms of the capitalised words inside a sentence (names of people, places, bodies)."""
    return {term(w) for w in (m.lower() for m in _NAME.findall(text)) if w not in STOPWORDS}


LONG_WORD = re.compile(r"[^\W\d_]{4,}")  # a longer word: four letters or more
TITLE_CASE = 0.6  # capitalised share of a line's longer words that makes it Title Case


def is_title_case(text: str) -> bool:
    """Is the text a headline written in Title Case ("GOP Staffer Apologizes For Lecturing Obama
    Daughters")? Then a capital marks no name: most of its longer words (four letters or more,
    the first aside) are capitalised, three or more of them, and it ends on no full stop."""
    if text.rstrip().endswith((".", "!", "?")):
        return False  # a sentence dense with names ("President Barack Obama met ... Tuesday.")
    ws = LONG_WORD.findall(text)[1:]
    if len(ws) < 3:
        return False
    caps = sum(w[0].isupper() for w in ws)
    return caps >= 3 and caps >= TITLE_CASE * len(ws)


_UNITS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
          "eighty": 80, "ninety": 90}
NUMBER_WORDS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
    if i >= 2  # "one" is mostly a pronoun ("one of them")
} | _UNITS | {"dozen": 12, "hundred": 100, "thousand": 1000}
_FIGURE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
# Some number word inside the folded text (every word that is one, or a compound starting with
# one, contains it): a quick test before the words are looked at.
_NUMBER_WORD_IN = re.compile("|".join(sorted(NUMBER_WORDS, key=len, reverse=True)))


def figures(text: str, ws: list[str] | None = None) -> list[str]:
    """The figures a sentence states, normalised to digits: "15,000" -> "15000", "4.2" -> "4.2",
    "70mph" -> "70", "Forty-two" -> "42", "eleven" -> "11". Scale words are not applied ("2.1bn"
    and "£2.1 billion" both give "2.1"), so the same figure written two ways still matches.
    (`ws`: its `words`, when the caller has them.)"""
    out = [m.replace(",", "") for m in _FIGURE.findall(text)]
    if ws is None and not _NUMBER_WORD_IN.search(fold(text)):
        return out  # no word of it can be a number word
    for w in words(text) if ws is None else ws:
        if "-" in w:
            parts = w.split("-")
            if len(parts) == 2 and parts[0] in _UNITS and (parts[1] == "one" or parts[1] in NUMBER_WORDS):
                out.append(str(_UNITS[parts[0]] + NUMBER_WORDS.get(parts[1], 1)))
        elif w in NUMBER_WORDS and w not in ("hundred", "thousand"):
            out.append(str(NUMBER_WORDS[w]))
    return out


@lru_cache(maxsize=200_000)
def is_figure_term(t: str) -> bool:
    """A content term that `figures` already counts (digits, spelled-out numbers)."""
    return any(ch.isdigit() for ch in t) or t in _NUMBER_STEMS


_NUMBER_STEMS = frozenset(term(w) for w in NUMBER_WORDS)


def counted(n: int, one: str, many: str | None = None) -> str:
    """"1 note", "2 notes", "1 unique claim": a count with its noun in the right number."""
    return f"{n} {one}" if n == 1 else f"{n} {many or one + 's'}"
