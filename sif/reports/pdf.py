"""A `Document` as PDF: HTML from a string template with print CSS (A4, the municipality's name
in the header, page numbers in the footer), rendered by WeasyPrint. Charts are the same figures the
pages show: printed as a 200 dpi PNG of the same matplotlib figure, drawn straight to PNG from the
content's chart call (sif/reports/figures.py), since WeasyPrint needs about a second to lay out one
SVG chart and a document has several; an SVG this process cannot redraw is embedded as SVG.

Every table has a fixed layout (`table-layout: fixed` with the column widths of
content.column_widths): WeasyPrint's automatic layout measures every cell of a table twice and
grew by ~60 ms per row in the portfolio (issue 16)."""

from __future__ import annotations

import base64
import re
from html import escape
from pathlib import Path
from string import Template

from sif.reports.content import (
    Block,
    BulletList,
    Document,
    Figure,
    Paragraph,
    Signatures,
    Subheading,
    Table,
    column_widths,
)

TEMPLATES = Path(__file__).parent / "templates"
PDF_CONTENT_TYPE = "application/pdf"


def render_pdf(document: Document) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(document), base_url=str(TEMPLATES)).write_pdf()


def render_html(document: Document) -> str:
    css = Template((TEMPLATES / "document.css").read_text(encoding="utf-8")).substitute(
        municipality_css=_css_string(document.municipality)
    )
    page = Template((TEMPLATES / "document.html").read_text(encoding="utf-8"))
    return page.substitute(title=escape(document.title), css=css, body=_body(document))


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def _body(document: Document) -> str:
    parts = []
    if document.marker:
        parts.append(f'<p class="marker">{escape(document.marker)}</p>')
    if document.letterhead:
        parts.append(_letterhead(document))
    if document.subtitle:
        parts.append(f'<p class="subtitle">{escape(document.subtitle)}</p>')
    parts.append(f"<h1>{_unbroken(document.title)}</h1>")  # "2017–2021" stays on one line
    if document.lead:
        parts.append(f'<p class="lead">{escape(document.lead)}</p>')
    if document.meta and document.letterhead is None:
        rows = "".join(
            f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in document.meta
        )
        parts.append(f'<table class="meta">{rows}</table>')
    for section in document.sections:
        tag = "h2" if section.level <= 1 else "h3"
        parts.append(f"<{tag}>{_unbroken(section.heading)}</{tag}>")
        parts.extend(_block(block) for block in section.blocks)
    return "\n".join(parts)


def _letterhead(document: Document) -> str:
    head = document.letterhead
    assert head is not None
    left = "".join(
        f'<p class="{"org" if i == 0 else "unit"}">{escape(x)}</p>'
        for i, x in enumerate(head.left())
    )
    right = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in head.right())
    return f'<table class="letterhead"><tr><td class="lh-left">{left}</td><td class="lh-right"><table>{right}</table></td></tr></table>'


def _block(block: Block) -> str:
    if isinstance(block, Signatures):
        people = "".join(
            f'<div class="signature"><p class="name">{escape(p.name)}</p><p>{escape(p.title)}</p></div>'
            for p in block.people
        )
        return f'<div class="signatures">{people}</div>'
    if isinstance(block, Paragraph):
        css = f' class="{block.style}"' if block.style else ""
        return f"<p{css}>{escape(block.text)}</p>"
    if isinstance(block, BulletList):
        tag = "ol" if block.numbered else "ul"
        return f"<{tag}>" + "".join(f"<li>{escape(i)}</li>" for i in block.items) + f"</{tag}>"
    if isinstance(block, Subheading):
        return f"<h3>{escape(block.text)}</h3>"
    if isinstance(block, Table):
        return "" if block.sheet_only else _table(block)
    if isinstance(block, Figure):
        return _figure(block)
    raise TypeError(f"unknown block {type(block).__name__}")


def _table(table: Table) -> str:
    def css(i: int) -> str:
        return ' class="num"' if table.alignment(i) == "right" else ""

    head = "".join(f"<th{css(i)}>{escape(h)}</th>" for i, h in enumerate(table.header))
    body = []
    first_total = len(table.rows) - table.total_rows
    for n, row in enumerate(table.rows):
        cls = ' class="total"' if n >= first_total else ""
        cells = "".join(
            f"<td{css(i)}>{escape(c.text) if table.alignment(i) == 'right' else _unbroken(c.text)}</td>"
            for i, c in enumerate(row)
        )
        body.append(f"<tr{cls}>{cells}</tr>")
    cols = (
        "<colgroup>"
        + "".join(f'<col style="width: {w}%">' for w in column_widths(table))
        + "</colgroup>"
    )
    # the title as a paragraph kept with the table (WeasyPrint breaks a page between a <caption>
    # and its rows); a short table is kept whole on one page with its title
    short = " short" if len(table.rows) <= SHORT_TABLE_ROWS else ""
    html = (
        f'<div class="table{short}"><p class="caption">{escape(table.title)}</p>'
        f'<table class="data">{cols}<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )
    if table.footnotes:
        html += (
            '<div class="footnotes">'
            + "".join(f"<p>{escape(f)}</p>" for f in table.footnotes)
            + "</div>"
        )
    return html + "</div>"


SHORT_TABLE_ROWS = 12  # a table this short is kept on one page, with its caption


_NUMBER_WORD = re.compile(r"\S*\d\S*")


def _unbroken(text: str) -> str:
    """Escaped cell text with every word that holds a digit (a number, a date, "2020–2022") kept
    on one line. A right-aligned (number) cell needs none: the whole cell does not wrap."""
    out, last = [], 0
    for match in _NUMBER_WORD.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f'<span class="nw">{escape(match.group())}</span>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _figure(figure: Figure) -> str:
    caption = f"<figcaption>{escape(figure.caption)}</figcaption>" if figure.caption else ""
    alt = escape(figure.title, quote=True)
    png = figure.png()
    if png is not None:
        data = base64.b64encode(png).decode("ascii")
        return f'<figure><img src="data:image/png;base64,{data}" alt="{alt}">{caption}</figure>'
    data = base64.b64encode(figure.svg_text().encode("utf-8")).decode("ascii")
    return f'<figure><img src="data:image/svg+xml;base64,{data}" alt="{alt}">{caption}</figure>'
