"""A self-contained HTML page of the comparison: sources side by side in aligned rows, the same
highlights as the terminal (each with a marker, not colour alone), disagreements and notes.
No scripts, fonts or images are fetched: the file reads offline in any browser.

Every text from a document, a note or a file name is escaped for HTML with quotes (so it is
inert in an element and in a quoted attribute alike), with its control characters and escape
sequences shown (sidebyside.safe: none reaches a terminal that prints the file). The only links
are `#id` fragments within the page: no text from a document ever starts a URL, so a
`javascript:` in a document stays text."""

from __future__ import annotations

from html import escape as _html_escape
from pathlib import Path
from urllib.parse import quote

from .corrections import describe
from .families import confirmations, family_labels, family_of
from .model import (
    BOILERPLATE,
    DUPLICATE,
    PARTIAL,
    SHARED,
    UNIQUE,
    UNLINKED,
    Comparison,
    Sentence,
    is_unique_claim,
)
from .nearest import elsewhere
from .safe import visible
from .text import counted

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:16px 24px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:20px;margin:0 0 4px} h2{font-size:17px;margin:24px 24px 8px}
.counts span{margin-right:16px}
.legend{font-size:13px;color:#555;margin-top:6px}
ul.dis{margin:0 24px;padding-left:20px} ul.dis li{margin:6px 0}
table{border-collapse:collapse;width:100%;table-layout:fixed;background:#fff}
th{position:sticky;top:0;background:#f0f0f0;text-align:left;padding:8px;border-bottom:2px solid #ccc;vertical-align:top}
th small{display:block;font-weight:normal;color:#666}
td{vertical-align:top;padding:6px 8px;border-top:1px solid #e4e4e4;border-left:1px solid #eee}
td.gap{background:repeating-linear-gradient(45deg,#fafafa,#fafafa 6px,#f2f2f2 6px,#f2f2f2 12px)}
.s{display:block;margin:2px 0;padding-left:1.4em;text-indent:-1.4em}
.s::before{display:inline-block;width:1.4em;text-indent:0;color:#888}
.shared::before{content:'▎';color:#2e7d32}
.partial::before{content:'◐';color:#2e7d32}
.unique.claim{font-weight:600}.unique.claim::before{content:'◆';color:#1565c0}
.boilerplate,.duplicate{color:#999;font-size:13px}
.boilerplate::before{content:'·'}.duplicate::before{content:'='}
.dis-s::before{content:'≠';color:#c62828}
.by-reporter::after{content:' ✓ linked by reporter';font-size:12px;color:#555}
mark{padding:0 2px;border-radius:2px;font-weight:700;text-decoration:underline}
mark.value{background:#ffcdd2;color:#7f0000}
mark.qualifier,mark.unit,mark.date{background:#ffe0b2;color:#6d3d00}
details summary{color:#999;font-size:13px;cursor:pointer}
.note{display:block;margin:2px 0 6px 1.4em;padding:3px 6px;border-left:3px solid #8e24aa;background:#f7eefa;font-size:13px}
.note b{text-transform:uppercase;font-size:11px;letter-spacing:.04em}
.links{color:#777;font-size:12px}
.near{display:block;font-size:12px;font-weight:normal;color:#555;text-indent:0}
@media print{th{position:static}}
"""


def escape(text: object) -> str:
    """Text as inert HTML: controls shown, `& < > " '` escaped."""
    return _html_escape(visible(str(text)), quote=True)


def _href(sid: str) -> str:
    """A link to the sentence whose element id is `escape(sid)`: its id percent-encoded, so a
    tab or a line break in a file name (browsers drop them from a URL) cannot send the reader to
    another source's sentence."""
    return "#" + escape(quote(visible(sid), safe=""))


def _sentence_html(c: Comparison, s: Sentence, notes: dict[str, list], marks: dict[str, list],
                   family: dict[str, int], figures_differ: dict[str, list[str]]) -> str:
    text = s.text
    spans = sorted(marks.get(s.id, []))
    parts = []
    pos = 0
    for start, end, kind in spans:
        if start < pos or end > len(text):
            continue
        parts.append(escape(text[pos:start]))
        parts.append(
            f'<mark class="{escape(kind)}" title="{escape(kind)} disagreement">'
            f"{escape(text[start:end])}</mark>"
        )
        pos = end
    parts.append(escape(text[pos:]))
    classes = ["s", escape(s.status)]
    if s.claim:
        classes.append("claim")
    if spans:
        classes.append("dis-s")
    title = ""
    if any(link.by for link in s.links):
        classes.append("by-reporter")
    if s.links:
        others = ", ".join(sorted({c.sentence(link.to).source for link in s.links}))
        why = f" ({s.links[0].why})" if s.links[0].why else ""
        said = confirmations(s, c, family)
        differ = figures_differ.get(s.id)
        but = f"; its figures differ from {', '.join(differ)}'s (≠)" if differ else ""
        title = f' title="{escape(said)}: also in {escape(others + why + but)}"'
    elif s.parts:
        p = s.parts[0]
        other = c.sentence(p.to)
        title = (f' title="partly: “{escape(s.text[p.start:p.end])}” also in '
                 f'{escape(other.source)} ¶{other.paragraph + 1}"')
    out = f'<span class="{" ".join(classes)}" id="{escape(s.id)}"{title}>{"".join(parts)}</span>'
    if is_unique_claim(s) and (near := elsewhere(c, s.id)) is not None:
        t, found = near  # where to look before printing it as an exclusive
        # what the similarity is measured against: on hover, not repeated under every claim
        scale = f' title="{escape(found.scale().lstrip("; "))}"' if found.scale() else ""
        out += (f'<span class="near"{scale}>closest elsewhere, not linked: <a href="{_href(t.id)}">'
                f"{escape(t.source)} ¶{t.paragraph + 1}</a>, similarity {found.similarity:.2f} "
                f"by {escape(found.by)}</span>")
    for ann in notes.get(s.id, []):
        out += f'<span class="note"><b>✎ {escape(ann.status)}</b> {escape(ann.note)}</span>'
    return out


def to_html(c: Comparison) -> str:
    notes = c.notes_by_sentence()
    marks: dict[str, list] = {}
    for d in c.disagreements:
        for side in d.sides:
            marks.setdefault(side.sentence, []).append((side.start, side.end, d.kind))
    shared = sum(1 for s in c.all_sentences() if s.status == SHARED)
    unique = len(c.unique_claims())
    partial = len(c.partial_sentences())
    # the comparison's own name, never one outlet's headline (shared with an editor, that read
    # as a report on that outlet's story)
    folder = Path(c.folder).name if c.folder else ""
    title = f"sidebyside: {folder} · {len(c.sources)} sources" if folder else \
        f"sidebyside: {len(c.sources)} sources"
    copying = family_labels(c.families)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        "<header>",
        f"<h1>Comparison of {len(c.sources)} sources</h1>",
        f"<div>{escape(c.folder)}</div>",
        *([f'<div class="families">Sources that copy one another (one source, repeated): '
           f'{escape("; ".join(copying))}</div>'] if copying else []),
        f'<div class="counts"><span>▎ {counted(shared, "shared sentence")}</span><span>◐ {partial} partly shared</span>'
        f'<span>◆ {counted(unique, "unique claim")}</span>'
        f"<span>≠ {counted(len(c.disagreements), 'numeric disagreement')}</span>"
        f"<span>✎ {counted(len(c.annotations), 'note')}</span></div>",
        '<div class="legend">▎ shared with another source · ◐ part of it shared · ◆ claim only this source makes · '
        "≠ number that disagrees (red: value, amber: hedge, scale or date) · "
        "· boilerplate · = repeated text · ✎ note</div>",
        "</header>",
        "<h2>Numeric disagreements</h2>",
        '<ul class="dis">',
    ]
    if not c.disagreements:
        out.append("<li>None found.</li>")
    for d in c.disagreements:
        by = " <i>(marked by reporter)</i>" if d.by else ""
        out.append(f"<li><b>{escape(d.summary())}</b>{by}<ul>")
        for side in d.sides:
            out.append(
                f'<li><a href="{_href(side.sentence)}">{escape(side.source)}</a>: '
                f"{escape(c.sentence(side.sentence).text)}</li>"
            )
        if d.why:
            out.append(f'<li class="why"><i>Why shown:</i> {escape(d.why)}</li>')
        out.append("</ul></li>")
    out.append("</ul>")
    if c.corrections:
        out.append("<h2>Reporter's corrections</h2><ul class=\"dis\">")
        for k in c.corrections:
            where = "" if k.orphaned else "".join(
                f'<li><a href="{_href(sid)}">{escape(sid)}</a>: '
                f"{escape(c.sentence(sid).text)}</li>" for sid in (k.a, k.b))
            out.append(f"<li>{escape(describe(k))}<ul>{where}</ul></li>")
        out.append("</ul>")
    orphaned = [a for a in c.annotations if a.orphaned]
    if orphaned:
        out.append("<h2>Orphaned notes (their sentence is gone)</h2><ul class=\"dis\">")
        for a in orphaned:
            out.append(
                f"<li><b>{escape(a.status)}</b> {escape(a.note)} "
                f"<span class=\"links\">({escape(a.file)}: “{escape(a.text)}”)</span></li>"
            )
        out.append("</ul>")
    out.append("<h2>Sources side by side</h2>")
    out.append("<table><thead><tr>")
    for src in c.sources:
        out.append(
            f"<th>{escape(src.id)}: {escape(src.title)}<small>{escape(src.file)} · "
            f"{len(src.sentences)} sentences</small></th>"
        )
    out.append("</tr></thead><tbody>")
    paras = {(src.id, p.index): (src, p) for src in c.sources for p in src.paragraphs}
    family = family_of(c.families)
    figures_differ = c.figures_differ()
    for row in c.rows:
        out.append("<tr>")
        for src in c.sources:
            index = row.get(src.id)
            if index is None:
                out.append('<td class="gap"></td>')
                continue
            _, para = paras[(src.id, index)]
            cells = [_sentence_html(c, c.sentence(sid), notes, marks, family, figures_differ)
                     for sid in para.sentences]
            body = "".join(cells)
            flag = src.paragraph_flag(para)
            if flag in (BOILERPLATE, DUPLICATE):
                what = "boilerplate" if flag == BOILERPLATE else "repeated text"
                reason = f" ({escape(para.reason)})" if para.reason else ""
                body = (
                    f"<details><summary>… {len(cells)} sentence(s) of {what}{reason}</summary>"
                    f"{body}</details>"
                )
            out.append(f"<td>{body}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    if c.skipped:
        out.append("<h2>Skipped files</h2><ul class=\"dis\">")
        for sk in c.skipped:
            out.append(f"<li>{escape(sk.file)}: {escape(sk.reason)}</li>")
        out.append("</ul>")
    out.append(
        f'<p class="links" style="margin:24px">Made by sidebyside. Statuses: {SHARED}, {PARTIAL}, {UNIQUE}, '
        f"{UNLINKED} (no link, but other sources use over a fifth of its weighted words, no name, figure or "
        f"quote in it is its own, or the transformer reads another source's sentence close to it: "
        f"not called unique), "
        f"{BOILERPLATE}, {DUPLICATE}.</p></body></html>"
    )
    return "\n".join(out) + "\n"
