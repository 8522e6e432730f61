"""A JSON document read in chunks gives the same values, and names a fault's true line."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from cramplog.core.errors import ImportFileError
from cramplog.exchange.json_format.stream import Document, Elements

DOCUMENT = {
    "format": "cramplog-diary",
    "settings": {"day_boundary_hour": 12},
    "episodes": [{"uuid": str(n), "notes": "é" * n, "duration_s": 10**n} for n in range(30)],
    "days": [],
    "last": 12345,
}


def pieces(text: str, size: int) -> Iterator[str]:
    return (text[i : i + size] for i in range(0, len(text), size))


def read(text: str, size: int) -> dict[str, object]:
    found: dict[str, object] = {}
    for name, value in Document(pieces(text, size)).members(frozenset({"episodes", "days"})):
        found[name] = list(value) if isinstance(value, Elements) else value
    return found


@pytest.mark.parametrize("size", [1, 2, 7, 64, 1 << 20])
def test_any_chunk_size_reads_the_same_document(size: int) -> None:
    assert read(json.dumps(DOCUMENT, indent=1), size) == DOCUMENT


def test_a_list_left_unread_is_stepped_over() -> None:
    names = [
        name
        for name, _ in Document(pieces(json.dumps(DOCUMENT), 5)).members(frozenset({"episodes"}))
    ]
    assert names == list(DOCUMENT)


@pytest.mark.parametrize("size", [1, 3, 1 << 20])
@pytest.mark.parametrize(
    "text",
    [
        '{\n "a": 1,\n "episodes": [\n  {"x": 1},\n  {"x": 2},,\n ]\n}',
        '{\n "a": 1,\n "b" 2}',
        '{"a": 1}\n\n x',
        '{\n "episodes": [1, 2',
    ],
)
def test_a_fault_is_named_where_json_itself_names_it(text: str, size: int) -> None:
    with pytest.raises(ValueError) as expected:
        json.loads(text)
    with pytest.raises(ImportFileError) as found:
        read(text, size)
    assert str(found.value).endswith(f"{expected.value}.")


def test_a_name_given_twice_is_refused_not_guessed() -> None:
    with pytest.raises(ImportFileError, match="'episodes' twice"):
        read('{"episodes": [], "episodes": [{"x": 1}]}', 4)
