"""SVG without inline CSS, so the pages' Content-Security-Policy (style-src 'self') lets it render.

matplotlib writes `style="fill: #1f5f8b; stroke: …"` on each element and a `<style>` block with a
`*{stroke-linejoin: round; stroke-linecap: butt}` rule. Under a policy without 'unsafe-inline' the
browser ignores both (and reports a violation for each), and embedded in a page the `*` rule would
reach the page's own elements too. Every property matplotlib uses is also an SVG presentation
attribute, which no policy restricts: `style="fill: #fff; stroke-width: 0.8"` becomes
`fill="#fff" stroke-width="0.8"`, and the `*` rule becomes inherited attributes on the root element
(an element's own attribute still wins, as the element's own style did). Pure text processing.
"""

from __future__ import annotations

import re
from html import escape

_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')
_STYLE_ELEMENT = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)
_UNIVERSAL_RULE = re.compile(r"\*\s*\{([^}]*)\}")
_PROPERTY = re.compile(r"^[a-z-]+$")


def _attributes(declarations: str) -> str:
    parts = []
    for declaration in declarations.split(";"):
        name, sep, value = declaration.partition(":")
        name, value = name.strip(), value.strip()
        if sep and _PROPERTY.match(name) and value:
            parts.append(f' {name}="{escape(value, quote=True)}"')
    return "".join(parts)


def inline_styles_to_attributes(svg: str) -> str:
    """The same drawing with presentation attributes instead of `style` attributes and elements."""
    inherited = ""
    for block in _STYLE_ELEMENT.findall(svg):
        for rule in _UNIVERSAL_RULE.findall(block):
            inherited += _attributes(rule)
    svg = _STYLE_ELEMENT.sub("", svg)
    svg = _STYLE_ATTRIBUTE.sub(lambda m: _attributes(m.group(1)), svg)
    if inherited:
        svg = re.sub(r"<svg\b", "<svg" + inherited, svg, count=1)
    return svg
