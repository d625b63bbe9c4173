"""SVG charts as PNG for formats that cannot hold SVG (Word): the SVG is laid out by WeasyPrint on
a page of its own size and rasterised by PDFium. So the DOCX shows the very chart the page and the
PDF show, drawn from the same data, without a second drawing path."""

from __future__ import annotations

import base64
import io
import re

PT_PER_INCH = 72.0


def svg_size_pt(svg: str) -> tuple[float, float]:
    """Width and height in points from the <svg> element (matplotlib writes "432pt")."""
    head = svg[svg.index("<svg") : svg.index(">", svg.index("<svg"))]
    sizes = []
    for name in ("width", "height"):
        match = re.search(rf'\b{name}="([\d.]+)(pt|px)?"', head)
        value = float(match.group(1)) if match else 300.0
        sizes.append(value * 0.75 if match and match.group(2) == "px" else value)
    return sizes[0], sizes[1]


def png_width_inches(png: bytes) -> float:
    """A PNG's width in inches from its pixel width and its pHYs resolution (matplotlib writes the
    dpi it drew at), RASTER_DPI when it has none."""
    import struct

    from sif.reports.charts import RASTER_DPI

    width = struct.unpack(">I", png[16:20])[0]
    at = png.find(b"pHYs")
    if at != -1:
        per_metre, _y, unit = struct.unpack(">IIB", png[at + 4 : at + 13])
        if unit == 1 and per_metre:
            return width / (per_metre * 0.0254)
    return width / RASTER_DPI


def svg_to_png(svg: str, dpi: int = 150) -> tuple[bytes, float]:
    """The PNG and its width in inches: the chart drawn again as PNG when this process drew it
    (fast), else the SVG laid out by WeasyPrint and rasterised."""
    import pypdfium2 as pdfium
    from weasyprint import HTML

    from sif.reports.charts import png_for

    width, height = svg_size_pt(svg)
    drawn = png_for(svg)
    if drawn is not None:
        return drawn, width / PT_PER_INCH
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    html = (
        f"<style>@page {{ size: {width}pt {height}pt; margin: 0 }} body {{ margin: 0 }}"
        f" img {{ display: block; width: {width}pt; height: {height}pt }}</style>"
        f'<img src="data:image/svg+xml;base64,{data}">'
    )
    pdf = pdfium.PdfDocument(HTML(string=html).write_pdf())
    try:
        image = pdf[0].render(scale=dpi / PT_PER_INCH).to_pil()
    finally:
        pdf.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue(), width / PT_PER_INCH
