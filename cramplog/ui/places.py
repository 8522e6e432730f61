"""The window's places, in the order of its side list (their numbers are the list's rows)."""

from __future__ import annotations

from cramplog.core.translation import N_

PLACES = (N_("Diary"), N_("Patterns"), N_("Treatments"), N_("Summary"))
DIARY, PATTERNS, TREATMENTS, SUMMARY = range(len(PLACES))
