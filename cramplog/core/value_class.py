"""Frozen value classes, as `@dataclass(frozen=True, slots=True)` makes them, without its cost.

In Python 3.11 the dataclass decorator compiles six methods from source for every class
(`exec`): about 0.45 ms a class, and `cramplog stats` defines some forty value classes on
every launch (a fifth of its time), plus 6 ms for importing `dataclasses` (and `inspect`).
`value_class` makes the same kind of class from methods shared by all of them, with each
class's fields held in C-speed `operator.attrgetter`s: about 0.03 ms a class.

What it keeps of the dataclass: an `__init__` taking the fields in order, positionally or
by name, with defaults (`field(default=...)` or a plain default); `__post_init__`; fields
with `init=False` (set by `__post_init__` through `object.__setattr__`), `compare=False`
(left out of equality and hash) and `repr=False`; equality only with the same class; a hash
of the compared fields; the dataclass repr; `__slots__`; `__match_args__`; and assignment
refused with a `FrozenInstanceError` (an AttributeError, as the dataclass's is). `replace`
stands in for `dataclasses.replace`, `fields` for the names of `dataclasses.fields`. The
type checker reads the classes as dataclasses (`dataclass_transform`, PEP 681).

Copies and pickles are made as the dataclass's are. Not kept (nothing in cramplog uses
them): `default_factory`, inheritance between value classes, ordering, `InitVar`,
keyword-only fields.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, Final, TypeVar, dataclass_transform, overload

_T = TypeVar("_T")
_MISSING: Final[Any] = object()


class FrozenInstanceError(AttributeError):
    """Assigning to (or deleting) a field of a frozen value."""


class _Field:
    """What `field()` says of one field; replaced by its default in the finished class."""

    __slots__ = ("compare", "default", "init", "repr")

    def __init__(self, default: Any, init: bool, repr: bool, compare: bool) -> None:
        self.default, self.init, self.repr, self.compare = default, init, repr, compare


# The typed signature is what the type checker sees; at run time it returns a _Field.
@overload
def field(*, default: _T, init: bool = ..., repr: bool = ..., compare: bool = ...) -> _T: ...
@overload
def field(*, init: bool = ..., repr: bool = ..., compare: bool = ...) -> Any: ...
def field(
    *, default: Any = _MISSING, init: bool = True, repr: bool = True, compare: bool = True
) -> Any:
    """A field with more said of it than its default (as `dataclasses.field`)."""
    return _Field(default, init, repr, compare)


class _Layout:
    """One value class's fields, worked out once when the class is made."""

    __slots__ = ("compared", "defaults", "init", "names", "post_init", "shown")

    def __init__(self, cls: type, specs: dict[str, _Field]) -> None:
        self.names: tuple[str, ...] = tuple(specs)
        self.init: tuple[str, ...] = tuple(n for n, s in specs.items() if s.init)
        self.defaults = {n: s.default for n, s in specs.items() if s.default is not _MISSING}
        compared = [n for n, s in specs.items() if s.compare]
        # The compared fields as a tuple, as the dataclass compares and hashes them (the
        # same hash, so sets of values keep the same order): one attrgetter call in C.
        self.compared: Callable[[Any], tuple[Any, ...]]
        if len(compared) > 1:
            self.compared = operator.attrgetter(*compared)
        elif compared:
            one = operator.attrgetter(compared[0])
            self.compared = lambda value: (one(value),)
        else:
            self.compared = lambda _value: ()
        self.shown = tuple(n for n, s in specs.items() if s.repr)
        self.post_init: Callable[[Any], None] | None = getattr(cls, "__post_init__", None)


_set: Final = object.__setattr__


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    layout: _Layout = type(self).__value_layout__
    names = layout.init
    given = len(args)
    if given > len(names):
        raise TypeError(
            f"{type(self).__qualname__}() takes {len(names)} arguments but {given} were given"
        )
    # kwargs is this call's own dict: each field taken from it leaves only unknown names.
    for at, name in enumerate(names):
        if at < given:
            value = args[at]
            if name in kwargs:
                raise TypeError(f"{type(self).__qualname__}() got multiple values for {name!r}")
        else:
            value = kwargs.pop(name, _MISSING)
            if value is _MISSING:
                value = layout.defaults.get(name, _MISSING)
                if value is _MISSING:
                    raise TypeError(
                        f"{type(self).__qualname__}() missing a required argument: {name!r}"
                    )
        _set(self, name, value)
    if kwargs:
        raise TypeError(
            f"{type(self).__qualname__}() got an unexpected keyword argument {next(iter(kwargs))!r}"
        )
    if layout.post_init is not None:
        layout.post_init(self)


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    compared = self.__value_layout__.compared
    return compared(self) == compared(other)


def _hash(self: Any) -> int:
    return hash(self.__value_layout__.compared(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__value_layout__.shown)
    return f"{type(self).__qualname__}({shown})"


def _setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


# copy and pickle, as a frozen slotted dataclass has them: the fields' values in order, set
# back past the frozen __setattr__.
def _getstate(self: Any) -> list[Any]:
    return [getattr(self, name) for name in self.__value_layout__.names]


def _setstate(self: Any, state: list[Any]) -> None:
    for name, value in zip(self.__value_layout__.names, state, strict=True):
        _set(self, name, value)


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def value_class(cls: type[_T]) -> type[_T]:
    """The frozen, slotted value class of `cls`'s annotated fields (see the module)."""
    namespace = dict(cls.__dict__)
    specs: dict[str, _Field] = {}
    for name, annotation in namespace.get("__annotations__", {}).items():
        given = namespace.pop(name, _MISSING)
        specs[name] = given if isinstance(given, _Field) else _Field(given, True, True, True)
        _refuse_what_is_not_kept(cls, name, annotation, specs[name])
    if cls.__bases__ != (object,):
        raise TypeError(f"{cls.__qualname__}: a value class does not inherit (see the module)")
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    # A method the class writes itself is kept, as the dataclass keeps it.
    for name, method in (("__init__", _init), ("__eq__", _eq), ("__repr__", _repr)):
        namespace.setdefault(name, method)
    namespace.update(
        __slots__=tuple(specs),
        __match_args__=tuple(n for n, s in specs.items() if s.init),
        __hash__=namespace.get("__hash__") or _hash,
        __setattr__=_setattr,
        __delattr__=_delattr,
        __getstate__=_getstate,
        __setstate__=_setstate,
    )
    made = type(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    made.__value_layout__ = _Layout(made, specs)  # type: ignore[attr-defined]
    return made


def _refuse_what_is_not_kept(cls: type, name: str, annotation: Any, spec: _Field) -> None:
    """Where the dataclass would refuse a field, or handle it in a way this module does not,
    the class is refused when it is made, never quietly made wrong."""
    where = f"{cls.__qualname__}.{name}"
    if "ClassVar" in str(annotation):
        raise TypeError(f"{where}: ClassVar is not kept by value_class; use a plain constant")
    if not spec.init and spec.default is not _MISSING:
        raise TypeError(f"{where}: an init=False field is set by __post_init__, not a default")
    if isinstance(spec.default, (list, dict, set)):
        raise TypeError(f"{where}: a mutable default would be shared; use a tuple or frozenset")


def fields(value: Any) -> tuple[str, ...]:
    """The names of a value class's fields, in order (of a class or of one of its values)."""
    layout: _Layout = value.__value_layout__
    return layout.names


def replace(value: _T, **changes: Any) -> _T:
    """A copy of `value` with `changes` (as `dataclasses.replace`; init=False fields are
    made again by `__post_init__`)."""
    layout: _Layout = value.__value_layout__  # type: ignore[attr-defined]
    given = {name: getattr(value, name) for name in layout.init}
    for name in changes:
        if name not in given:
            raise TypeError(f"{type(value).__qualname__} has no field {name!r} to replace")
    given.update(changes)
    return type(value)(**given)
