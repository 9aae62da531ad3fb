"""Datelines and timestamps, recognised by their form: a line that is nothing but a date and a
time ("Wednesday, 05 January 2011", "12 March 2014, 08:45 (GMT+03:00)"), a date after
"Published", "Posted", "Updated" or "in print on", a wire dateline ("WASHINGTON, June 4
(Reuters) -"). They say when a page was written, never a fact of the story: not quantities."""

from __future__ import annotations

import re

from .tokens import DASHES, Tokens
from .words import MONTHS

# Time zones, as written (upper case only: "ET" but not "et").
TIME_ZONES = set("""GMT UTC BST CET CEST EET EEST WET WEST MSK IST PKT JST KST HKT SGT AEST AEDT
ACST AWST NZST NZDT ET EST EDT CT CST CDT MT MST MDT PT PST PDT AKST HST WIB ICT PHT SAST WAT
EAT""".split())
WEEKDAYS = set("""monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu
thur thurs fri sat sun""".split())
# Words that open a stamp: "Published on:", "Last updated at", "Posted".
STAMP_WORDS = {"published", "posted", "updated", "modified", "created", "uploaded", "filed"}
# Labels an outlet puts before the date of a note on its own page: "Correction: December 1,
# 2010", "UPDATE - May 30, 5:20 p.m.: ...". They open a stamp only as a label, right before a
# colon or a dash ("the Department of Correction on Monday" keeps its day).
LABEL_WORDS = {"update", "updates", "correction", "corrections", "clarification", "editor's",
               "editor’s", "note"}
# Words and signs a stamp is made of besides digits, months, weekdays and time zones.
_STAMP_GLUE = {",", ":", ".", "|", "/", "(", ")", "+", "on", "at", "am", "pm", "a", "p", "m",
               "last", "first", "local", "time", "hours", "hrs", "h", "of", "'", "’", "st", "nd",
               "rd", "th", "•", "·", "@"} | DASHES | STAMP_WORDS | LABEL_WORDS


def _stamp_token(r: Tokens, k: int) -> bool:
    w = r.L[k]
    return (r.T[k][0].isdigit() or w in _STAMP_GLUE or w in MONTHS or w in WEEKDAYS
            or r.T[k] in TIME_ZONES)


def stamp_line(r: Tokens) -> bool:
    """Is the whole sentence a timestamp, with nothing else ("Wednesday, 05 January 2011",
    "Posted: Sep 27, 2013 10: 50AM CDT", "12 March 2014, 08:45 (GMT+03:00)")? It needs a
    clock time, a weekday or a stamp word besides the date: a bare date ("September 9, 2013")
    is read, and left to the boilerplate stage to judge."""
    if r.n > 24 or r.n == 0:
        return False
    dated = stamp = False
    for k in range(r.n):
        if not _stamp_token(r, k):
            return False
        w = r.L[k]
        if w in MONTHS and r.T[k][0].isupper() or r.T[k] in (":", "/"):
            dated = True
        if r.T[k] == ":" or w in WEEKDAYS or w in STAMP_WORDS or w in LABEL_WORDS or r.T[k] in TIME_ZONES:
            stamp = True
    return dated and stamp


MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
             r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE_RE = rf"(?:{MONTH_RE} \d{{1,2}}(?:st|nd|rd|th)?(?:, ?\d{{4}})?|\d{{1,2}} {MONTH_RE}(?:,? \d{{4}})?)"
_PLACE_RE = r"[A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+){0,3}"
# A line that is only a dateline: a date, a dash and a place in capitals ("March 14, 2013-UNITED
# STATES-"), or a place in capitals, a comma or a dash and a date ("NEW YORK, June 4 -",
# "WASHINGTON-April 27-").
_DATELINE_LINE = re.compile(
    rf"^\s*(?:{_DATE_RE}\s*[-–—]\s*{_PLACE_RE}|{_PLACE_RE}\s*[,–—-]\s*{_DATE_RE})\s*[-–—]?\s*$")


_DIGIT = re.compile(r"\d")
# What a stamp's date needs (a month's name, or ":" / "/" between figures): looked for before the
# line is tokenised, which most lines of a story would not pass.
_DATED = re.compile(r"[:/]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)


def is_stamp(text: str) -> bool:
    """Is this line (or paragraph) nothing but a publication date and time ("Posted: 08 / 02 /
    2013 11: 10 am EDT", "Fri Aug 2, 2013 6: 50pm EDT", "9 September 2013 Last updated at
    14: 39 GMT") or a dateline ("March 14, 2013-UNITED STATES-")? A line with a word of its
    own ("3 dead after ...", "THERESA MAY - 10 DOWNING STREET") is not."""
    return bool(_DIGIT.search(text)) and bool(_DATED.search(text)) and (
        bool(_DATELINE_LINE.match(text)) or stamp_line(Tokens(text)))


def _opens_stamp(r: Tokens, k: int) -> bool:
    """Token k is "Published", "Posted", "Updated" (capitalised, after "Last", or before a
    colon), or the "print" of "in print on"."""
    w = r.L[k]
    if w == "print":
        return r.word(k - 1) == "in"
    if w in LABEL_WORDS:
        # a label opens its sentence ("Correction:", "UPDATE -", "Editor's note:"), never "in a
        # note (June 4)" nor "The update - June 4 -"; "note" only as the editor's
        if w == "note" and r.word(k - 1) not in ("editor's", "editor’s"):
            return False
        return k + 1 < r.n and (r.T[k + 1] in (":", "(") or r.T[k + 1] in DASHES) and all(
            not r.T[j][:1].isalnum() or r.L[j] in LABEL_WORDS for j in range(k))
    if w not in STAMP_WORDS:
        return False
    return r.T[k][0].isupper() or r.word(k - 1) in ("last", "first") or r.word(k + 1) == ":"


def stamped(r: Tokens, first: int) -> bool:
    """Does a stamp word open the run of date and time tokens that ends at token first-1?"""
    k = first - 1
    stop = max(0, first - 14)
    while k >= stop:
        if _opens_stamp(r, k):
            # a label stamps only the date right after it ("UPDATE - May 30", not "Update: On
            # May 30 the police ...")
            return r.L[k] not in LABEL_WORDS or all(
                r.T[j] in (":", "(") or r.T[j] in DASHES for j in range(k + 1, first))
        if not _stamp_token(r, k):
            return False
        k -= 1
    return False


def dateline(r: Tokens, first: int, end: int) -> bool:
    """A wire dateline: the date opens the sentence after a place name in capitals
    ("WASHINGTON, June 4 (Reuters) -", "LONDON, 4 June -") and a news agency in brackets or
    a dash follows."""
    T, n = r.T, r.n
    k = end + 1
    agency = k + 2 < n and T[k] == "(" and T[k + 1][:1].isupper() and (
        T[k + 2] == ")" or k + 3 < n and T[k + 3] == ")")
    # "MOSCOW, June 4. /TASS/." cut after the date: the place and the date make the sentence
    closed = k == n - 1 and T[k] == "."
    if not agency and not closed and not (k < n and T[k] in DASHES):
        return False
    caps = 0
    for t in T[:first]:
        if t.isalpha() and t.isupper() and len(t) > 1:
            caps += 1
        elif t.lower() in WEEKDAYS:
            continue  # "PORT HALE, Tuesday June 4, 2024 --"
        elif t not in (",", ".") and not (agency and t.isalpha() and t[0].isupper()):
            return False
    # "June 4 (UPI) --": the agency alone, the date opening the sentence, in capitals and with its
    # dash ("July 4 (Independence Day) fell ...", "March 3 (Super Tuesday): ..." are dates)
    return caps > 0 or agency and T[k + 1].isupper() and T[k + 2] == ")" and k + 3 < n and \
        T[k + 3] in DASHES
