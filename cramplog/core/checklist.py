"""Load and check the vocabulary (resources/checklist.json) behind every coded choice.

The model it builds (`Checklist`, its items and groups) is `core.checklist_model`; its names
are importable from here too, so callers know one module for the checklist.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from cramplog.core import digest, resources
from cramplog.core.checklist_model import (
    DAY_FACTORS,
    GROUPED_KINDS,
    KINDS,
    URGENCIES,
    Checklist,
    ChecklistError,
    ChecklistItem,
    Group,
    match_keys,
)
from cramplog.core.errors import DamagedInstallError
from cramplog.core.translation import _

__all__ = [
    "CHECKLIST_FILE",
    "DAY_FACTORS",
    "GROUPED_KINDS",
    "KINDS",
    "SHIPPED_SHA256",
    "URGENCIES",
    "Checklist",
    "ChecklistError",
    "ChecklistItem",
    "Group",
    "load_checklist",
    "parse_checklist",
]

CHECKLIST_FILE: Final = "checklist.json"

# SHA-256 of resources/checklist.json as shipped. The tests check that file against every
# rule below (`parse_checklist`) and hold this digest to it, so a launch that reads these
# very bytes builds the checklist without checking each rule again (about 1 ms of every
# `cramplog stats`): with this version's rules, the checks are a function of the bytes
# alone, and their answer for these is known. Any other bytes (a hand edit, a damaged
# install, a checkout that changed the line endings) are checked in full, with the same
# messages as ever.
SHIPPED_SHA256: Final = "97ac5a674a405286d1b8d1f7e251432f8cd402fed49ec133628ec0ee3ebdabc6"

_TOP_KEYS: Final = frozenset({"version", "sources", "groups", "items"})
_GROUP_KEYS: Final = frozenset({"code", "kind", "label"})
_REQUIRED_ITEM_KEYS: Final = ("code", "kind", "label", "explanation", "sources")
_ITEM_KEYS: Final = frozenset(
    {
        *_REQUIRED_ITEM_KEYS,
        "group",
        "advice",
        "urgency",
        "synonyms",
        "day_factor",
        "examples",
        "associated_with_cramps",
    }
)
_NAME_PART: Final = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*"


@functools.cache
def _code_pattern() -> re.Pattern[str]:
    """Compiled when a file is checked, not by every launch that reads the shipped one."""
    return re.compile(rf"{_NAME_PART}\.{_NAME_PART}")


# --- parsing and validation -------------------------------------------------------------------


def _text(value: object, where: str, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ChecklistError(f"{where}: {name!r} must be a non-empty string")
    if value != value.strip():
        raise ChecklistError(f"{where}: {name!r} has leading or trailing spaces")
    return value


def _optional_text(entry: Mapping[str, object], where: str, name: str) -> str | None:
    value = entry.get(name)
    return None if value is None else _text(value, where, name)


def _text_list(entry: Mapping[str, object], where: str, name: str) -> tuple[str, ...]:
    value = entry.get(name, [])
    if not isinstance(value, list):
        raise ChecklistError(f"{where}: {name!r} must be a list of strings")
    texts = tuple(_text(element, where, f"{name}[{index}]") for index, element in enumerate(value))
    if len(set(texts)) != len(texts):
        raise ChecklistError(f"{where}: {name!r} lists the same entry twice")
    return texts


def _entries(raw: Mapping[str, object], name: str) -> list[Mapping[str, object]]:
    value = raw.get(name)
    if not isinstance(value, list):
        raise ChecklistError(f"checklist: {name!r} must be a list")
    for index, entry in enumerate(value):
        if not isinstance(entry, Mapping):
            raise ChecklistError(f"checklist: {name}[{index}] must be an object")
    return value


def _code(entry: Mapping[str, object], where: str) -> str:
    code = entry.get("code")
    if not isinstance(code, str) or not _code_pattern().fullmatch(code):
        raise ChecklistError(f"{where}: code {code!r} is not of the form 'kind.snake_case_name'")
    return code


def _check_keys(entry: Mapping[str, object], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(str(key) for key in entry if key not in allowed)
    if unknown:
        raise ChecklistError(f"{where}: unknown key(s) {', '.join(map(repr, unknown))}")


def _parse_sources(raw: Mapping[str, object]) -> dict[str, str]:
    value = raw.get("sources")
    if not isinstance(value, Mapping) or not value:
        raise ChecklistError("checklist: 'sources' must be a non-empty object")
    sources: dict[str, str] = {}
    for key, description in value.items():
        if not isinstance(key, str) or not key.strip():
            raise ChecklistError(f"checklist: source key {key!r} must be a non-empty string")
        sources[key] = _text(description, f"source {key!r}", "description")
    return sources


def _parse_groups(raw: Mapping[str, object]) -> tuple[Group, ...]:
    groups: dict[str, Group] = {}
    for index, entry in enumerate(_entries(raw, "groups")):
        code = _code(entry, f"group #{index + 1}")
        where = f"group {code!r}"
        _check_keys(entry, _GROUP_KEYS, where)
        kind = _text(entry.get("kind"), where, "kind")
        if kind not in GROUPED_KINDS:
            raise ChecklistError(
                f"{where}: kind {kind!r} does not use groups "
                f"(only {', '.join(sorted(GROUPED_KINDS))} do)"
            )
        if not code.startswith(f"{kind}_group."):
            raise ChecklistError(f"{where}: a {kind} group's code must start with '{kind}_group.'")
        if code in groups:
            raise ChecklistError(f"{where}: duplicate group code")
        groups[code] = Group(code=code, kind=kind, label=_text(entry.get("label"), where, "label"))
    return tuple(groups.values())


# Over 60 lines because each check names its own mistake in the file, one after another.
def _parse_item(
    entry: Mapping[str, object],
    index: int,
    sources: Mapping[str, str],
    groups: Mapping[str, Group],
) -> ChecklistItem:
    code = _code(entry, f"item #{index + 1}")
    where = f"item {code!r}"
    _check_keys(entry, _ITEM_KEYS, where)
    for key in _REQUIRED_ITEM_KEYS:
        if key not in entry:
            raise ChecklistError(f"{where}: required key {key!r} is missing")

    kind = _text(entry["kind"], where, "kind")
    if kind not in KINDS:
        raise ChecklistError(f"{where}: unknown kind {kind!r}")
    if code.partition(".")[0] != kind:
        raise ChecklistError(f"{where}: the code must start with its kind, {kind + '.'!r}")

    cited = _text_list(entry, where, "sources")
    if not cited:
        raise ChecklistError(f"{where}: 'sources' must cite at least one source")
    for source in cited:
        if source not in sources:
            raise ChecklistError(f"{where}: cites unknown source {source!r}")

    group = _optional_text(entry, where, "group")
    if kind in GROUPED_KINDS:
        if group is None:
            raise ChecklistError(f"{where}: a {kind} item must name its 'group'")
        if group not in groups:
            raise ChecklistError(f"{where}: unknown group {group!r}")
        if groups[group].kind != kind:
            raise ChecklistError(f"{where}: group {group!r} holds {groups[group].kind} items")
    elif group is not None:
        raise ChecklistError(f"{where}: {kind} items have no groups, yet it names {group!r}")

    advice = _optional_text(entry, where, "advice")
    if kind == "trigger" and advice is None:
        raise ChecklistError(f"{where}: every trigger needs 'advice'")

    urgency = _optional_text(entry, where, "urgency")
    if urgency is not None and urgency not in URGENCIES:
        raise ChecklistError(
            f"{where}: urgency {urgency!r} is not one of {', '.join(map(repr, URGENCIES))}"
        )
    if kind == "warning" and urgency is None:
        raise ChecklistError(f"{where}: every warning needs an 'urgency'")

    synonyms = _text_list(entry, where, "synonyms")
    for synonym in synonyms:
        if synonym != synonym.lower():
            raise ChecklistError(f"{where}: synonym {synonym!r} must be lowercase")

    day_factor = _optional_text(entry, where, "day_factor")
    if day_factor is not None:
        if kind != "trigger":
            raise ChecklistError(f"{where}: only triggers may have a 'day_factor'")
        if day_factor not in DAY_FACTORS:
            raise ChecklistError(f"{where}: unknown day_factor {day_factor!r}")

    associated = entry.get("associated_with_cramps")
    if kind == "medication_class":
        if not isinstance(associated, bool):
            raise ChecklistError(f"{where}: 'associated_with_cramps' must be true or false")
    elif associated is not None:
        raise ChecklistError(f"{where}: only medication classes have 'associated_with_cramps'")

    return ChecklistItem(
        code=code,
        kind=kind,
        label=_text(entry.get("label"), where, "label"),
        explanation=_text(entry.get("explanation"), where, "explanation"),
        sources=cited,
        group=group,
        advice=advice,
        urgency=urgency,
        synonyms=synonyms,
        day_factor=day_factor,
        examples=_text_list(entry, where, "examples"),
        associated_with_cramps=associated is True,
    )


def _check_across_items(items: tuple[ChecklistItem, ...], group_codes: frozenset[str]) -> None:
    """Checks that need all items at once: unique codes, day factors and spellings."""
    seen_codes: set[str] = set()
    factor_owner: dict[str, str] = {}
    spelling_owner: dict[tuple[str, str], str] = {}
    for item in items:
        if item.code in seen_codes or item.code in group_codes:
            raise ChecklistError(f"item {item.code!r}: duplicate code")
        seen_codes.add(item.code)
        if item.day_factor is not None:
            other = factor_owner.setdefault(item.day_factor, item.code)
            if other != item.code:
                raise ChecklistError(
                    f"item {item.code!r}: day_factor {item.day_factor!r} "
                    f"is already used by {other!r}"
                )
        for key in match_keys(item):
            other = spelling_owner.setdefault((item.kind, key), item.code)
            if other != item.code:
                raise ChecklistError(
                    f"item {item.code!r}: {key!r} would match both it and {other!r}"
                )


def parse_checklist(raw: Mapping[str, object]) -> Checklist:
    """Build a checklist from the decoded JSON; ChecklistError names the first problem found."""
    if not isinstance(raw, Mapping):
        raise ChecklistError("checklist: the file must hold a JSON object")
    missing = sorted(_TOP_KEYS - raw.keys())
    if missing:
        raise ChecklistError(f"checklist: required key(s) {', '.join(map(repr, missing))} missing")
    _check_keys(raw, _TOP_KEYS, "checklist")

    version = raw["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ChecklistError(f"checklist: 'version' must be a positive integer, not {version!r}")

    sources = _parse_sources(raw)
    groups = _parse_groups(raw)
    groups_by_code = {group.code: group for group in groups}
    items = tuple(
        _parse_item(entry, index, sources, groups_by_code)
        for index, entry in enumerate(_entries(raw, "items"))
    )
    _check_across_items(items, frozenset(groups_by_code))
    return Checklist(version=version, sources=sources, groups=groups, items=items)


def _read(path: Path) -> Checklist:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ChecklistError(f"cannot read the checklist {path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ChecklistError(f"the checklist {path} is not valid JSON: {exc}") from exc
    if not isinstance(raw, dict):
        raise ChecklistError(f"the checklist {path} must hold a JSON object")
    try:
        return parse_checklist(raw)
    except ChecklistError as exc:
        raise ChecklistError(f"{path}: {exc}") from exc


def _build_checked(raw: Mapping[str, Any]) -> Checklist:
    """The checklist of decoded JSON already checked in full (the shipped file, known by
    its digest): what `parse_checklist` makes of it, made without checking it again."""
    return Checklist(
        version=raw["version"],
        sources=raw["sources"],
        groups=tuple(Group(**entry) for entry in raw["groups"]),
        items=tuple(
            ChecklistItem(
                **{
                    **entry,
                    "sources": tuple(entry["sources"]),
                    "synonyms": tuple(entry.get("synonyms", ())),
                    "examples": tuple(entry.get("examples", ())),
                }
            )
            for entry in raw["items"]
        ),
    )


@functools.cache
def _shipped_checklist() -> Checklist:
    path = resources.resource_path(CHECKLIST_FILE)
    try:
        data = path.read_bytes()
    except OSError:
        data = b""  # `_read` says what is wrong
    if digest.sha256_hex(data) == SHIPPED_SHA256:
        return _build_checked(json.loads(data))
    try:
        return _read(path)
    except ChecklistError as exc:
        # cramplog's own file, not one the person gave: they can only reinstall.
        raise DamagedInstallError(
            _("cramplog's checklist file is damaged ({problem}); reinstall cramplog.").format(
                problem=exc
            )
        ) from exc


def load_checklist(path: Path | None = None) -> Checklist:
    """The shipped checklist (read once, then cached), or the one at `path` (read every time).

    A problem with the one at `path` is a ChecklistError; with the shipped one, a
    DamagedInstallError that says to reinstall (the message of the problem inside it)."""
    if path is None:
        return _shipped_checklist()
    return _read(path)
