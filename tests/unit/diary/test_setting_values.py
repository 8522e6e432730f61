"""Settings as values: the checklist digest a diary's words are checked against."""

from __future__ import annotations

import hashlib
import importlib
from types import ModuleType

import pytest

from cramplog.core import checklist as checklists
from cramplog.diary import setting_values


def _expected(checklist: checklists.Checklist) -> str:
    items = [(item.code, item.kind, item.label) for item in checklist.items]
    return hashlib.sha256(repr(items).encode()).hexdigest()


def test_the_checklist_digest_is_the_sha256_of_its_words() -> None:
    checklist = checklists.load_checklist()
    assert setting_values.checklist_digest(checklist) == _expected(checklist)


def test_a_python_without_its_own_sha256_module_gets_the_same_digest_from_hashlib(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = importlib.import_module

    def without_builtin_sha(name: str, package: str | None = None) -> ModuleType:
        if name in ("_sha2", "_sha256"):
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", without_builtin_sha)
    checklist = checklists.load_checklist()
    assert setting_values.checklist_digest(checklist) == _expected(checklist)


def test_a_python_that_refuses_its_own_sha256_when_called_gets_the_digest_from_hashlib(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Red Hat's FIPS mode: the built-in module imports, and refuses when asked to hash.
    real = importlib.import_module

    class Refusing:
        @staticmethod
        def sha256(_data: bytes) -> object:
            raise ValueError("[digital envelope routines] unsupported (FIPS mode)")

    def refusing_builtin_sha(name: str, package: str | None = None) -> object:
        return Refusing if name in ("_sha2", "_sha256") else real(name, package)

    monkeypatch.setattr(importlib, "import_module", refusing_builtin_sha)
    checklist = checklists.load_checklist()
    assert setting_values.checklist_digest(checklist) == _expected(checklist)
