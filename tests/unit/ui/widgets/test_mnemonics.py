"""Alt-key letters for a row of buttons: one each, never one the dialog already uses."""

from __future__ import annotations

from cramplog.ui.widgets.mnemonics import with_mnemonics


def test_each_text_gets_its_first_free_letter_preferring_a_word_start() -> None:
    texts = with_mnemonics(["Calf", "Foot or toes", "Face", "Thigh (quadriceps)"], taken="o")
    assert texts == ["&Calf", "&Foot or toes", "F&ace", "&Thigh (quadriceps)"]
    # "Face": F is taken by "Foot", so its next letter; "Foot or toes" skips the taken "o".


def test_a_word_start_beats_a_letter_inside_a_word() -> None:
    assert with_mnemonics(["Calf", "Cold hands"], taken="") == ["&Calf", "Cold &hands"]


def test_a_text_with_every_letter_taken_gets_none_and_ampersands_show_as_themselves() -> None:
    assert with_mnemonics(["ab", "R&B"], taken="abr") == ["ab", "R&&B"]
    assert with_mnemonics(["R&D"], taken="r") == ["R&&&D"]
