"""The web-archive reader: a page saved as one file (.mhtml/.mht, Chrome's and Edge's "Webpage,
Single File"), a MIME multipart/related message whose main text/html part is the page and whose
other parts are its images, styles and frames. The page is taken out with the standard `email`
package, decoded with its charset and read by the web-page reader (formats_html.read_html).

A web archive is never bigger than the file: base64 and quoted-printable only shrink when
decoded, so the page read is within the loader's size limit. What costs time beyond its size is
capped before or while it is parsed: its parts (MHTML_MAX_PARTS), the headers the email package
parses (its parser takes quadratic time over some long values: MHTML_MAX_HEADER, in all
MHTML_MAX_HEADERS) and, by Python's recursion limit, their nesting. Other headers are read as
written (`raw_items`), never parsed.
"""

from __future__ import annotations

import codecs
import re

from .formats_base import Extracted, FormatError, _inline, _missing, what_it_is
from .formats_html import read_html

KIND = "web archive"
# Parts the file may hold, counted while it is parsed: the email package takes about a quarter
# of a millisecond a part, so a 5 MB file of 100,000 empty parts would take half a minute. A saved
# news page holds tens to hundreds (its images, styles, fonts and frames).
MHTML_MAX_PARTS = 5_000
# The headers the email package parses (about 20 microseconds a byte, more for long ones; other
# headers are read as written): the Content-Type of every part while the file is parsed, and the
# Content-Transfer-Encoding of the page. One is at most MHTML_MAX_HEADER bytes; the Content-Types
# together at most MHTML_MAX_HEADERS, 32 bytes a part ("Content-Type: image/png" is 23).
MHTML_MAX_HEADER = 1_000
MHTML_MAX_HEADERS = 32 * MHTML_MAX_PARTS
_PARSED_FIELD = re.compile(
    rb"(?im)^content-(type|transfer-encoding)[ \t]*:[^\n]*(?:\n[ \t][^\n]*)*"
)
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
# Labels browsers read as windows-1252 (the WHATWG encoding standard): a euro sign or a curly
# quote in a page labelled ISO-8859-1 is a windows-1252 byte.
_AS_CP1252 = {"iso8859-1", "ascii"}


class _TooManyParts(Exception):
    pass


def _damaged(exc: Exception) -> FormatError:
    """A MIME file whose parts cannot be made out, with the parser's name for why (formats_base's
    `damaged` would look at its first bytes, which are a web page's when the page comes first)."""
    return FormatError(f"damaged or incomplete {KIND} ({type(exc).__name__})")


def _counted_parts(limit: int):
    """A message factory for the parser that refuses the part past `limit` (the archive itself
    not counted, nor the message the parser makes first to try the factory out)."""
    from email.message import EmailMessage

    made = 0

    def make(policy=None) -> EmailMessage:
        nonlocal made
        made += 1
        if made > limit + 2:
            raise _TooManyParts
        return EmailMessage(policy=policy) if policy is not None else EmailMessage()

    return make


_BOUNDARY = re.compile(rb'(?i)boundary\s*=\s*"?([^";\n]+)"?')


def _header_blocks(lines: bytes) -> bytes:
    """The stretches of the file the email parser reads as headers, joined by blank lines: the
    top of the file, and after each line that opens a part (its boundary, named in a header
    block before it), up to the next blank line."""
    blocks: list[bytes] = []
    opens: set[bytes] = set()
    current: list[bytes] | None = []
    for line in lines.split(b"\n"):
        if current is not None:
            if line.strip():
                current.append(line)
                continue
            block = b"\n".join(current)
            blocks.append(block)
            opens.update(b"--" + m.group(1).strip() for m in _BOUNDARY.finditer(block))
            current = None
        elif line.startswith(b"--") and any(line.startswith(b) for b in opens):
            current = []
    if current:
        blocks.append(b"\n".join(current))
    return b"\n\n".join(blocks)


def _check_headers(data: bytes) -> None:
    """Refuse a file whose headers the email package would take too long over. Every line that
    may be one of those it parses is counted first (a superset of the headers, found fast);
    only if that is too much are the header blocks themselves made out and counted, so a page
    that shows a "Content-Type:" line of its own (an HTTP example in <pre>) is still read."""
    lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")  # the parser's line ends
    try:
        _count_headers(lines)
    except FormatError:
        _count_headers(_header_blocks(lines))


def _count_headers(lines: bytes) -> None:
    total = 0
    for m in _PARSED_FIELD.finditer(lines):
        size = m.end() - m.start()
        if size > MHTML_MAX_HEADER:
            name = m.group().split(b":", 1)[0].decode("ascii").strip()
            raise FormatError(f"{KIND} has a {name} header of {size:,} bytes (not a saved page?)")
        if m.group(1).lower() == b"type":
            total += size
    if total > MHTML_MAX_HEADERS:
        raise FormatError(
            f"{KIND} has {total:,} bytes of Content-Type headers (over {MHTML_MAX_HEADERS:,}; "
            "not a saved page?)"
        )


def _parse(data: bytes):
    import email
    import email.policy

    _check_headers(data)
    try:
        return email.message_from_bytes(
            data, _class=_counted_parts(MHTML_MAX_PARTS), policy=email.policy.default
        )
    except _TooManyParts:
        raise FormatError(
            f"{KIND} has over {MHTML_MAX_PARTS:,} parts (not a saved page?)"
        ) from None
    except RecursionError:
        raise FormatError(f"{KIND} nested too deeply to read") from None
    except Exception as exc:
        raise _damaged(exc) from None


def _header(part, name: str) -> str:
    """A header's value as written, unfolded: not parsed (see MHTML_MAX_HEADER)."""
    name = name.lower()
    for key, value in part.raw_items():
        if key.lower() == name:
            return " ".join(str(value).split())
    return ""


def _subject(msg) -> str:
    """The Subject header (Chrome writes the page's title there), its encoded words decoded."""
    raw = _header(msg, "Subject")[:1000]
    if "=?" in raw:
        from email.header import decode_header, make_header

        try:
            raw = str(make_header(decode_header(raw)))
        except Exception:  # an encoded word that does not decode: as written
            pass
    return raw if raw.isprintable() else ""


def _parts(msg) -> list:
    """Every leaf part, in the file's order (the message itself when it is not multipart)."""
    leaves, todo = [], [msg]
    while todo:
        part = todo.pop()
        payload = part.get_payload() if part.is_multipart() else None
        if isinstance(payload, list):
            todo.extend(reversed(payload))
        else:
            leaves.append(part)
    return leaves


def _main_page(msg, pages: list):
    """The part that is the page: the one at the Snapshot-Content-Location (Chrome, Edge), the
    multipart's `start` (RFC 2387), else the first page part (frames come after their page)."""
    where = _header(msg, "Snapshot-Content-Location")
    if where:
        for part in pages:
            if _header(part, "Content-Location") == where:
                return part
    try:
        start = str(msg.get_param("start") or "").strip().strip("<>")
    except Exception:
        start = ""
    if start:
        for part in pages:
            if _header(part, "Content-ID").strip("<>") == start:
                return part
    return pages[0]


def _codec(label: str | None) -> str | None:
    """Python's codec for a charset label, as a browser reads it; None when unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    return "cp1252" if name in _AS_CP1252 else name


def _decoded(payload: bytes, label: str | None) -> bytes:
    """The page as UTF-8, decoded with its part's charset; the bytes unchanged when the part has
    none (Chrome's), for the web-page reader to detect: UTF-8, else the page's <meta> charset."""
    codec = _codec(label)
    if codec is None:
        return payload
    if codec == "cp1252":  # pages labelled ASCII or Latin-1 are often UTF-8 in fact
        try:
            payload.decode("utf-8")
            return payload
        except UnicodeDecodeError:
            pass
    try:
        text = payload.decode(codec)
    except UnicodeDecodeError:
        try:  # mislabelled UTF-8
            payload.decode("utf-8")
            return payload
        except UnicodeDecodeError:
            text = payload.decode(codec, "replace")
    return text.encode("utf-8", "surrogatepass")


def read_mhtml(data: bytes) -> Extracted:
    try:
        import trafilatura  # noqa: F401 - the page is read by read_html, with trafilatura
    except ImportError as exc:
        raise _missing("HTML", "html", "trafilatura", exc) from None
    msg = _parse(data)
    if _header(msg, "Content-Type") == "":
        other = what_it_is(data)
        raise FormatError(f"not a {KIND} (it is {other})" if other
                          else f"not a {KIND} (no MIME headers at its start)")
    try:
        parts = _parts(msg)
        pages = [p for p in parts if p.get_content_type() in _PAGE_TYPES]
    except RecursionError:
        raise FormatError(f"{KIND} nested too deeply to read") from None
    except Exception as exc:
        raise _damaged(exc) from None
    if not pages:
        broken = [d for d in msg.defects if "Boundary" in type(d).__name__]
        if broken:  # a multipart whose parts cannot be found
            raise _damaged(broken[0])
        kinds = sorted({p.get_content_type() for p in parts})
        raise FormatError(f"no web page in the {KIND} (only {', '.join(kinds[:3])})")
    page = _main_page(msg, pages)
    try:
        payload = page.get_payload(decode=True) or b""
        label = page.get_content_charset()
    except Exception as exc:
        raise _damaged(exc) from None
    ex = read_html(_decoded(payload, label))
    ex.encoding = "m" + ex.encoding  # "mhtml", with the web-page reader's notes
    cut = any(type(d).__name__ == "CloseBoundaryNotFoundDefect" for d in msg.defects)
    if cut and page is parts[-1]:
        ex.encoding += " (cut short: the end of the page may be missing)"
    where = _header(msg, "Snapshot-Content-Location") or _header(page, "Content-Location")
    if not ex.meta.get("url") and re.fullmatch(r"(?i)https?://[!-~]+", where):
        ex.meta["url"] = where
    if not ex.title:
        ex.title = _inline(_subject(msg)).replace("\n", " ")
    return ex
