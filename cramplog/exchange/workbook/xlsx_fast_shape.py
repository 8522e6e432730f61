"""Check that the XML around and between a sheet's rows is what xlsx_fast reads exactly.

xlsx_fast finds rows and cells with regular expressions; these checks make sure that what it
finds is all there is, in well-formed XML, so that expat would read the part to the same rows.
A part failing one is read by xlsx_stream, which reads or refuses it as it always has.
"""

from __future__ import annotations

import re
from xml.parsers import expat

from cramplog.exchange.workbook.xlsx_parts import MAIN, names, parser


class NotPlain(Exception):
    """The part is not in the plain shape after all."""


# Characters XML 1.0 forbids in text (it also forbids "]]>", looked for apart: a search for
# a class of characters alone is three times quicker).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DECLARATION = re.compile(r"<\?xml[ \t\r\n]")
# xlsx_stream reads a sheet's rows and cells wherever they are: none may be outside <sheetData>.
_OUTSIDE = names("c", "v", "is", "t", "f", "row", "rPh")


def split(text: str) -> tuple[str, str, str] | None:
    """(the part up to <sheetData>, the text between it and </sheetData>, the rest), when the
    first "<sheetData" is sure to be the element: no comment, CDATA, instruction or document
    type comes before it (nothing else can hold a "<"), only the XML declaration."""
    start = text.find("<sheetData")
    if start < 0 or text[start + 10 : start + 11] not in (">", "/"):
        return None
    prolog = text.find("?>") + 2 if _DECLARATION.match(text) else 0
    if start < prolog or "<!" in text[prolog:start] or "<?" in text[prolog:start]:
        return None
    opened = text.find(">", start) + 1
    if text[opened - 2] == "/":
        return text[:start], "", text[opened:]
    end = text.find("</sheetData>", opened)
    if end < 0 or text[start + 10] != ">":
        return None
    return text[:start], text[opened:end], text[end + len("</sheetData>") :]


class Around:
    """The part around the rows, and the check of what the expression matched within them."""

    def __init__(self, before: str, after: str) -> None:
        self.before = before
        self.after = after

    def namespace(self, starts: list[str], cells: list[str]) -> str:
        """The sheet's namespace, once expat has read the part with one row for each distinct
        row start in `starts` and one cell for each distinct rest of a cell in `cells` in
        place of the rows (raising NotPlain if it is damaged, lest a damaged part be read).
        No rows or cells may be outside <sheetData>, nor a prefix bound to the namespace."""
        if any("xmlns" in start for start in starts) or any("xmlns" in cell for cell in cells):
            raise NotPlain  # a row or cell in another namespace, or binding a prefix
        found: list[str] = []
        stray: list[str] = []

        def on_start(name: str, _attrs: dict[str, str]) -> None:
            if name.endswith(" sheetData"):
                found.append(name.rpartition(" ")[0])
            elif name in _OUTSIDE:
                stray.append(name)

        made = parser()
        made.StartElementHandler = on_start
        inside = "".join(
            f"<row{start}>" if start[-1:] == "/" else f"<row{start}></row>" for start in starts
        )
        inside += "<row>" + "".join(f'<c r="A1"{cell}' for cell in cells) + "</row>"
        try:
            made.Parse(f"{self.before}<sheetData>", False)
            # The rows inside are checked in C alone: expat calls no Python for them.
            made.StartElementHandler = None
            made.Parse(inside, False)
            made.StartElementHandler = on_start
            made.Parse(f"</sheetData>{self.after}", True)
        except expat.ExpatError:
            raise NotPlain from None  # xlsx_stream names the damage
        if len(found) != 1 or found[0] not in MAIN or stray:
            raise NotPlain
        namespace = found[0]
        outer = self.before + self.after
        for quote in "\"'":
            bound = outer.count(f"{quote}{namespace}{quote}")
            if bound != outer.count(f"xmlns={quote}{namespace}{quote}"):
                raise NotPlain  # a prefix is bound to the namespace: cells could be <x:c>
        return namespace


def check_tiled(text: str, inline: list[str]) -> None:
    """Raise NotPlain unless the items the expression matched in `text` (each followed by
    what may follow it, and every "<row" and "<c" one of them) tile it with the row ends:
    they do when it starts with a row. Then nothing is left for expat to refuse but in the
    texts the expression read itself (`inline`)."""
    if not text.startswith("<row"):
        raise NotPlain
    texts = "".join(inline)
    if "]]>" in texts or _NOT_XML.search(texts):
        raise NotPlain
