"""``@record``: the engine's frozen value types, defined without generating code.

Why not ``dataclasses``: ``@dataclass`` writes each class's ``__init__``, ``__eq__`` and
``__setattr__`` as source text and compiles it with ``exec`` when the class is defined. In
the reader's browser that compile is CPython's compiler running on a cold WebAssembly
engine: 7–38 ms per class in WebKit, so the engine's 22 classes made importing it take
390–490 ms there, a fifth of the wait for the first verdict (87–156 ms in Chromium). And
``dataclasses`` imports ``inspect``, which imports ``ast``, ``dis`` and ``tokenize``.

A record class shares one set of plain methods, so defining one costs a few dictionary
writes. It behaves as the frozen dataclass it replaces, for what the engine uses:
positional or keyword construction with defaults, field-wise equality and hashing, a
dataclass-style ``repr``, no assignment after construction, ``replace`` and ``fields``.
Type checkers read it as a frozen dataclass (PEP 681 ``dataclass_transform``), so a wrong
argument is still a type error. Construction is a loop rather than generated straight-line
code; the whole engine's run stays in milliseconds (``benchmarks/engine.py``).
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

R = TypeVar("R")

_MUTABLE = (list, dict, set, bytearray)


class FrozenRecordError(AttributeError):
    """Raised on an assignment to a record's field: records are values."""


@dataclass_transform(frozen_default=True)
def record(cls: type[R]) -> type[R]:
    """Make ``cls`` a frozen record of its annotated fields, in the order written.

    A class's ``__annotations__`` are its own (Python 3.10 and later), strings under the
    engine's ``from __future__ import annotations``; only their names are read.
    """
    names: tuple[str, ...] = (*getattr(cls, "__record_fields__", ()), *getattr(cls, "__annotations__", {}))
    defaults = {**getattr(cls, "__record_defaults__", {})}
    for name in names:
        if name in cls.__dict__:
            default = cls.__dict__[name]
            if isinstance(default, _MUTABLE):  # shared by every instance: the mistake dataclasses refuses too
                raise TypeError(f"{cls.__name__}.{name}: a mutable default ({type(default).__name__}) is shared")
            defaults[name] = default
        elif defaults and name not in defaults:
            raise TypeError(f"{cls.__name__}.{name}: a field without a default follows one with a default")
    cls.__record_fields__ = names  # type: ignore[attr-defined]
    cls.__record_defaults__ = defaults  # type: ignore[attr-defined]
    cls.__record_key__ = attrgetter(*names) if names else (lambda _: ())  # type: ignore[attr-defined]
    cls.__match_args__ = names  # type: ignore[attr-defined,misc]
    for name, method in _METHODS.items():
        if name not in cls.__dict__:  # a class's own method wins, as with dataclasses
            setattr(cls, name, method)
    return cls


def fields(cls_or_record: Any) -> tuple[str, ...]:
    """The field names of a record class or instance, in order."""
    return tuple(cls_or_record.__record_fields__)


def replace(item: R, /, **changes: Any) -> R:
    """A copy of ``item`` with some fields changed; an unknown name is a ``TypeError``."""
    values = {name: item.__dict__[name] for name in fields(item)}
    return type(item)(**{**values, **changes})


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    cls = type(self)
    names: tuple[str, ...] = cls.__record_fields__
    if len(args) > len(names):
        raise TypeError(f"{cls.__name__}() takes {len(names)} arguments, got {len(args)} positional")
    own = self.__dict__  # written directly: __setattr__ refuses every write
    own.update(zip(names, args, strict=False))  # the rest come by keyword or default
    defaults = cls.__record_defaults__
    for name in names[len(args) :]:
        if name in kwargs:
            own[name] = kwargs.pop(name)
        elif name in defaults:
            own[name] = defaults[name]
        else:
            raise TypeError(f"{cls.__name__}() missing argument {name!r}")
    if kwargs:
        raise TypeError(f"{cls.__name__}() got an unexpected or repeated argument {next(iter(kwargs))!r}")


def _eq(self: Any, other: Any) -> object:  # bool, or NotImplemented
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = self.__record_key__
    return bool(key(self) == key(other))


def _hash(self: Any) -> int:
    return hash(self.__record_key__(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in self.__record_fields__)
    return f"{type(self).__qualname__}({shown})"


def _setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenRecordError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenRecordError(f"cannot delete field {name!r}")


_METHODS = {
    "__init__": _init,
    "__eq__": _eq,
    "__hash__": _hash,
    "__repr__": _repr,
    "__setattr__": _setattr,
    "__delattr__": _delattr,
}
