"""SHA-256 in hex without loading OpenSSL: CPython's own implementation where it has one."""

from __future__ import annotations


def sha256_hex(data: bytes) -> str:
    """SHA-256 of `data` in hex, as hashlib's, from CPython's own implementation if it has one.

    Importing hashlib loads OpenSSL (about 2 ms), and `cramplog stats` takes two digests on
    every run (the shipped checklist's, `core.checklist`, and its words', `diary.setting_values`);
    CPython's built-in module (`_sha256`, named `_sha2` from 3.12) gives the same digest. A
    Python built without it uses hashlib, as does one that refuses it when called (Red Hat's
    FIPS mode raises ValueError from its built-in hashes).
    """
    import importlib

    for name in ("_sha2", "_sha256"):
        try:
            return str(importlib.import_module(name).sha256(data).hexdigest())
        except (ImportError, ValueError):
            continue
    import hashlib

    return hashlib.sha256(data).hexdigest()
