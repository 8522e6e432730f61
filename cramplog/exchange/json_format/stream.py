"""Walk a JSON document's top-level object member by member, its long lists element by element.

A 100-year diary exports to tens of megabytes; `json.loads` would hold all of it as Python
objects at once (several kilobytes a cramp). Here the text arrives in chunks and each value
is decoded by the standard library's own decoder (`raw_decode`, in C) as soon as it is
whole, so only one chunk and one record are held at a time. The long lists are named by the
caller; any other value is decoded whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Never

from cramplog.core.errors import ImportFileError
from cramplog.core.translation import _

_DECODER = json.JSONDecoder()
_WHITESPACE = " \t\r\n"
# A value's text may not be whole until more is read; each retry reads at least as much
# again as is buffered, so even one huge value is decoded in a few attempts.
_FIRST_READ = 1 << 20


class NotAnObject(Exception):
    """The document is valid JSON, but not an object."""


class Elements:
    """The elements of one long list, decoded one at a time (iterate it once, fully)."""

    def __init__(self, document: Document) -> None:
        self._document = document

    def __iter__(self) -> Iterator[object]:
        return self._document.elements()


class Document:
    """A JSON object read from `chunks` of text, member by member (see `members`)."""

    def __init__(self, chunks: Iterator[str]) -> None:
        self._chunks = chunks
        self._text = ""
        self._at = 0
        self._ended = False
        # Where `_text` starts in the whole document, so an error names its real place.
        self._lines_before = 0
        self._columns_before = 0
        self._chars_before = 0
        self._list_open = False

    def members(self, streamed: frozenset[str]) -> Iterator[tuple[str, object]]:
        """(name, value) for each member; a member named in `streamed` whose value is a list
        comes as `Elements`, to be iterated before the next member is asked for."""
        if self._next_char() != "{":
            self._value()  # invalid JSON is named as such
            if self._next_char() != "":
                self._fail("Extra data", self._at)
            raise NotAnObject
        self._at += 1
        seen: set[str] = set()
        if self._next_char() == "}":
            self._at += 1
        else:
            while True:
                if self._next_char() != '"':
                    self._fail("Expecting property name enclosed in double quotes", self._at)
                name = self._value()
                assert isinstance(name, str)
                if name in seen:
                    raise ImportFileError(
                        _("The file names {name!r} twice at its top level.").format(name=name)
                    )
                seen.add(name)
                self._expect(":")
                if name in streamed and self._next_char() == "[":
                    self._at += 1
                    self._list_open = True
                    yield name, Elements(self)
                    if self._list_open:  # the caller left the list unread: step over it
                        for _element in self.elements():
                            pass
                else:
                    yield name, self._value()
                if self._next_char() == "}":
                    self._at += 1
                    break
                self._expect(",")
        if self._next_char() != "":
            self._fail("Extra data", self._at)

    def elements(self) -> Iterator[object]:
        """The open list's elements, up to and past its closing bracket."""
        if self._next_char() == "]":
            self._at += 1
            self._list_open = False
            return
        while True:
            yield self._value()
            if self._next_char() == "]":
                self._at += 1
                self._list_open = False
                return
            self._expect(",")

    def _expect(self, char: str) -> None:
        if self._next_char() != char:
            self._fail(f"Expecting '{char}' delimiter", self._at)
        self._at += 1

    def _next_char(self) -> str:
        """The next character that is not whitespace ("" at the end), reading on as needed."""
        while True:
            text, at = self._text, self._at
            while at < len(text) and text[at] in _WHITESPACE:
                at += 1
            self._at = at
            if at < len(text) or not self._read_more(_FIRST_READ):
                return text[at] if at < len(text) else ""

    def _value(self) -> object:
        """The next whole value; a value that ends the buffered text is decoded only once more
        text (or the end) shows it is whole, since a number could go on."""
        self._next_char()
        wanted = _FIRST_READ
        while True:
            try:
                value, end = _DECODER.raw_decode(self._text, self._at)
            except json.JSONDecodeError as exc:
                if self._read_more(wanted):
                    wanted = max(wanted, len(self._text) - self._at)
                    continue
                self._fail(exc.msg, exc.pos)
            except ValueError as exc:  # a whole number too long to convert
                raise ImportFileError(
                    _("The file is not valid JSON: {reason}.").format(reason=exc)
                ) from None
            except RecursionError:
                raise ImportFileError(
                    _("The JSON file is nested too deeply to be a cramplog export.")
                ) from None
            if end < len(self._text) or not self._read_more(wanted):
                self._at = end
                return value
            wanted = max(wanted, len(self._text) - self._at)

    def _read_more(self, wanted: int) -> bool:
        """Append about `wanted` more characters, dropping what has been read; False at the end."""
        if self._ended:
            return False
        self._forget_read()
        parts = [self._text]
        got = 0
        while got < wanted:
            chunk = next(self._chunks, None)
            if chunk is None:
                self._ended = True
                break
            parts.append(chunk)
            got += len(chunk)
        self._text = "".join(parts)
        return got > 0

    def _forget_read(self) -> None:
        cut, text = self._at, self._text
        if not cut:
            return
        newline = text.rfind("\n", 0, cut)
        if newline >= 0:
            self._lines_before += text.count("\n", 0, cut)
            self._columns_before = cut - newline - 1
        else:
            self._columns_before += cut
        self._chars_before += cut
        self._text, self._at = text[cut:], 0

    def _fail(self, message: str, at: int) -> Never:
        text = self._text
        newline = text.rfind("\n", 0, at)
        line = self._lines_before + text.count("\n", 0, at) + 1
        column = at - newline if newline >= 0 else self._columns_before + at + 1
        where = _("line {line} column {column} (char {char})").format(
            line=line, column=column, char=self._chars_before + at
        )
        raise ImportFileError(
            _("The file is not valid JSON (line {line}): {reason}: {where}.").format(
                line=line, reason=message, where=where
            )
        )
