"""A `Document` as PDF: HTML from a string template with print CSS (A4, the municipality's name
in the header, page numbers in the footer), rendered by WeasyPrint. Charts are the same SVG the
pages show, embedded as images, so they stay vector graphics in the PDF."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path
from string import Template

from sif.reports.content import (
    Block,
    BulletList,
    Document,
    Figure,
    Paragraph,
    Subheading,
    Table,
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
    parts = [f"<h1>{escape(document.title)}</h1>"]
    if document.subtitle:
        parts.append(f'<p class="subtitle">{escape(document.subtitle)}</p>')
    if document.meta:
        rows = "".join(
            f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in document.meta
        )
        parts.append(f'<table class="meta">{rows}</table>')
    for section in document.sections:
        tag = "h2" if section.level <= 1 else "h3"
        parts.append(f"<{tag}>{escape(section.heading)}</{tag}>")
        parts.extend(_block(block) for block in section.blocks)
    return "\n".join(parts)


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        if block.style == "example":
            return f'<p class="example"><strong>Exempeldata.</strong> {escape(block.text)}</p>'
        css = f' class="{block.style}"' if block.style else ""
        return f"<p{css}>{escape(block.text)}</p>"
    if isinstance(block, BulletList):
        tag = "ol" if block.numbered else "ul"
        return f"<{tag}>" + "".join(f"<li>{escape(i)}</li>" for i in block.items) + f"</{tag}>"
    if isinstance(block, Subheading):
        return f"<h3>{escape(block.text)}</h3>"
    if isinstance(block, Table):
        return _table(block)
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
        cells = "".join(f"<td{css(i)}>{escape(c.text)}</td>" for i, c in enumerate(row))
        body.append(f"<tr{cls}>{cells}</tr>")
    cols = ""
    if table.widths:
        cols = (
            "<colgroup>"
            + "".join(f'<col style="width: {w}%">' for w in table.widths)
            + "</colgroup>"
        )
    fixed = ' style="table-layout: fixed"' if table.widths else ""
    html = f'<table class="data"{fixed}><caption>{escape(table.title)}</caption>{cols}<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    if table.footnotes:
        html += (
            '<div class="footnotes">'
            + "".join(f"<p>{escape(f)}</p>" for f in table.footnotes)
            + "</div>"
        )
    return html


def _figure(figure: Figure) -> str:
    data = base64.b64encode(figure.svg.encode("utf-8")).decode("ascii")
    caption = f"<figcaption>{escape(figure.caption)}</figcaption>" if figure.caption else ""
    return f'<figure><img src="data:image/svg+xml;base64,{data}" alt="{escape(figure.title, quote=True)}">{caption}</figure>'
