"""value_class: a frozen value behaves as the frozen, slotted dataclass it stands in for."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import Any

import pytest

from cramplog.core import value_class as values
from cramplog.core.value_class import FrozenInstanceError, field, value_class


@value_class
class Night:
    """A night's figure, with a label that names it but does not tell two apart."""

    night: int
    cramps: int
    worst: int | None = None
    label: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.cramps < 0:
            raise ValueError("a night cannot hold fewer than no cramps")

    @property
    def any(self) -> bool:
        return self.cramps > 0


@dataclasses.dataclass(frozen=True, slots=True)
class DataclassNight:
    night: int
    cramps: int
    worst: int | None = None
    label: str = dataclasses.field(default="", compare=False)


@value_class
class Indexed:
    """Derived look-ups made once, by __post_init__, and kept out of equality and repr."""

    words: tuple[str, ...]
    _by_word: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_word", {w: i for i, w in enumerate(self.words)})

    def place(self, word: str) -> int:
        return self._by_word[word]


def test_fields_are_given_in_order_by_position_or_name_with_their_defaults() -> None:
    night = Night(3, cramps=2)
    assert (night.night, night.cramps, night.worst, night.label) == (3, 2, None, "")
    assert night.any


def test_equal_values_are_equal_and_hash_alike_and_a_field_left_out_of_comparison_is_ignored() -> (
    None
):
    assert Night(3, 2, 7, label="Tue") == Night(3, 2, 7, label="Wed")
    assert hash(Night(3, 2, 7, "Tue")) == hash(Night(3, 2, 7, "Wed"))
    assert Night(3, 2) != Night(3, 1)
    assert len({Night(3, 2), Night(3, 2), Night(4, 2)}) == 2
    # The dataclass's own hash, so a set of values iterates in the same order as before.
    assert hash(Night(3, 2, 7, "Tue")) == hash(DataclassNight(3, 2, 7, "Wed"))
    assert hash(Shown(3)) == hash(DataclassShown(3))


def test_a_value_equals_only_a_value_of_its_own_class() -> None:
    others: list[object] = [DataclassNight(3, 2), (3, 2, None, "")]
    assert all(Night(3, 2) != other for other in others)


def test_its_repr_reads_as_the_dataclass_one() -> None:
    assert repr(Night(3, 2, label="Tue")) == repr(DataclassNight(3, 2, label="Tue")).replace(
        "DataclassNight", "Night"
    )
    assert repr(Indexed(("calf",))) == "Indexed(words=('calf',))"


def test_a_value_cannot_be_changed_or_given_new_attributes() -> None:
    night = Night(3, 2)
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'cramps'"):
        night.cramps = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del night.night
    with pytest.raises(AttributeError):
        night.extra = 1  # type: ignore[attr-defined]
    assert night == Night(3, 2)


def test_post_init_checks_and_derives() -> None:
    with pytest.raises(ValueError, match="fewer than no cramps"):
        Night(3, -1)
    assert Indexed(("calf", "foot")).place("foot") == 1
    assert Indexed(("calf", "foot")) == Indexed(("calf", "foot"))


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((3,), {}, "missing a required argument: 'cramps'"),
        ((3, 2, 1, "x", 9), {}, "takes 4 arguments but 5 were given"),
        ((3, 2), {"night": 4}, "multiple values for 'night'"),
        ((3, 2), {"nights": 4}, "unexpected keyword argument 'nights'"),
        (((),), {"_by_word": {}}, "unexpected keyword argument '_by_word'"),
    ],
)
def test_wrong_arguments_are_a_type_error_naming_the_field(
    args: tuple[object, ...], kwargs: dict[str, object], message: str
) -> None:
    made: Any = Indexed if "_by_word" in kwargs else Night
    with pytest.raises(TypeError, match=message):
        made(*args, **kwargs)


def test_replace_makes_a_changed_copy_and_fields_lists_the_names() -> None:
    night = Night(3, 2, label="Tue")
    assert values.replace(night, worst=9) == Night(3, 2, 9)
    assert values.replace(night, worst=9).label == "Tue"
    assert night.worst is None
    assert values.replace(Indexed(("a",)), words=("b", "c")).place("c") == 1
    with pytest.raises(TypeError, match="no field 'nights'"):
        values.replace(night, nights=1)
    with pytest.raises(ValueError, match="fewer than no cramps"):
        values.replace(night, cramps=-2)
    assert values.fields(night) == ("night", "cramps", "worst", "label")
    assert Night.__match_args__ == ("night", "cramps", "worst", "label")


def test_a_value_holds_no_instance_dict() -> None:
    assert not hasattr(Night(3, 2), "__dict__")


def test_a_value_is_copied_and_pickled_whole() -> None:
    night = Night(3, 2, 7, label="Tue")
    for made in (copy.copy(night), copy.deepcopy(night), pickle.loads(pickle.dumps(night))):
        assert made == night
        assert made.label == "Tue"
    indexed = pickle.loads(pickle.dumps(Indexed(("calf", "foot"))))
    assert indexed.place("foot") == 1


@value_class
class Shown:
    """A value that says itself in its own words."""

    night: int

    def __repr__(self) -> str:
        return f"the night of {self.night}"


@dataclasses.dataclass(frozen=True, slots=True)
class DataclassShown:
    night: int


def test_a_method_the_class_writes_itself_is_kept() -> None:
    assert repr(Shown(3)) == "the night of 3"
    assert Shown(3) == Shown(3)


def _make(body: str) -> None:
    """Define a class with `body` under @value_class, as a module would."""
    source = f"from typing import ClassVar\n@value_class\nclass Made{body}"
    exec(source, {"value_class": value_class, "field": field})


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (":\n    kind: ClassVar[str] = 'x'\n", "ClassVar"),
        (":\n    cache: int = field(default=0, init=False)\n", "__post_init__"),
        (":\n    seen: list[int] = []\n", "mutable default"),
        (":\n    seen: dict[str, int] = {}\n", "mutable default"),
        ("(Exception):\n    night: int\n", "does not inherit"),
    ],
)
def test_what_the_dataclass_would_do_differently_is_refused_when_the_class_is_made(
    body: str, said: str
) -> None:
    # Each of these would be quietly wrong here (a shared list, an unset slot, a ClassVar
    # made a required argument): refused instead, with the reason.
    with pytest.raises(TypeError, match=said):
        _make(body)
