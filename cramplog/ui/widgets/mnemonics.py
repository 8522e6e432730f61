"""Give button texts Alt-key mnemonics that do not clash with the letters a dialog already uses."""

from __future__ import annotations

from collections.abc import Iterable


def with_mnemonics(texts: Iterable[str], taken: Iterable[str]) -> list[str]:
    """Each text with "&" before its first letter not yet taken (preferring a word's start).

    A text whose letters are all taken is left without a mnemonic rather than given a clash.
    Ampersands already in a text are doubled, so they show as themselves.
    """
    used = {letter.casefold() for letter in taken}
    marked: list[str] = []
    for text in texts:
        plain = text.replace("&", "&&")
        starts = [i for i, c in enumerate(plain) if c.isalnum() and (i == 0 or plain[i - 1] == " ")]
        rest = [i for i, c in enumerate(plain) if c.isalnum() and i not in starts]
        choice = next((i for i in starts + rest if plain[i].casefold() not in used), None)
        if choice is None:
            marked.append(plain)
            continue
        used.add(plain[choice].casefold())
        marked.append(f"{plain[:choice]}&{plain[choice:]}")
    return marked
