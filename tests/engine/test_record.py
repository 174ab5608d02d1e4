"""``@record`` behaves as the frozen dataclass it replaces, and the engine never imports ``dataclasses``."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import offer_engine
import pytest
from offer_engine.record import FrozenRecordError, fields, record, replace


@record
class Point:
    x: int
    label: str = ""
    tags: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class DataPoint:  # the same shape, as the dataclass it replaces
    x: int
    label: str = ""
    tags: tuple[str, ...] = ()


@record
class Other:
    x: int
    label: str = ""
    tags: tuple[str, ...] = ()


@record
class Told:
    name: str

    def __repr__(self) -> str:
        return f"<{self.name}>"


CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    ((1,), {}),
    ((1, "a"), {}),
    ((1,), {"tags": ("t",)}),
    ((), {"x": 2, "label": "b", "tags": ("u", "v")}),
    ((3, "c", ("w",)), {}),
]


@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_it_builds_shows_and_compares_as_the_dataclass_does(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    made, data = Point(*args, **kwargs), DataPoint(*args, **kwargs)
    assert repr(made) == repr(data).replace("DataPoint", "Point")
    assert [getattr(made, name) for name in fields(Point)] == [getattr(data, f.name) for f in dataclasses.fields(data)]
    assert made == Point(*args, **kwargs) and hash(made) == hash(Point(*args, **kwargs))
    assert made != Other(*args, **kwargs)  # the same fields in another class are another value
    assert made != replace(made, x=made.x + 1) and made != replace(made, tags=(*made.tags, "more"))


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: Point(), "missing argument 'x'"),
        (lambda: Point(1, "a", (), "extra"), "takes 3 arguments, got 4 positional"),
        (lambda: Point(1, colour="red"), "unexpected or repeated argument 'colour'"),
        (lambda: Point(1, x=2), "unexpected or repeated argument 'x'"),
        (lambda: replace(Point(1), colour="red"), "unexpected or repeated argument 'colour'"),
    ],
)
def test_a_wrong_call_is_a_type_error_that_names_the_argument(call: Callable[[], Any], expected: str) -> None:
    with pytest.raises(TypeError, match=expected):
        call()


@pytest.mark.parametrize(
    "change",
    [
        lambda p: setattr(p, "x", 5),
        lambda p: setattr(p, "new", 5),
        lambda p: delattr(p, "label"),
    ],
)
def test_a_record_cannot_be_changed(change: Callable[[Point], None]) -> None:
    point = Point(1, "a")
    with pytest.raises(FrozenRecordError):
        change(point)
    assert point == Point(1, "a")


def test_replace_copies_and_keeps_the_original() -> None:
    point = Point(1, "a", ("t",))
    assert replace(point, label="b") == Point(1, "b", ("t",)) and point == Point(1, "a", ("t",))
    assert fields(point) == fields(Point) == ("x", "label", "tags")
    assert {Point(1), Point(1), Point(2)} == {Point(1), Point(2)}


def test_a_class_keeps_its_own_methods() -> None:
    assert repr(Told("a")) == "<a>" and Told("a") == Told("a")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"__annotations__": {"x": "int", "y": "int"}, "x": 0}, "field without a default follows one with a default"),
        ({"__annotations__": {"x": "list[int]"}, "x": []}, "mutable default"),
    ],
)
def test_a_class_that_dataclasses_would_refuse_is_refused(body: dict[str, Any], expected: str) -> None:
    with pytest.raises(TypeError, match=expected):
        record(type("Bad", (), body))


def test_the_engine_imports_neither_dataclasses_nor_inspect() -> None:
    """What the reader's browser pays for: each dataclass compiled code at import (``record`` module)."""
    widgets = Path(offer_engine.__file__).parent.parent
    code = (
        f"import sys; sys.path.insert(0, {str(widgets)!r}); import offer_engine.bridge;"
        "print(sorted({'dataclasses', 'inspect', 'ast'} & set(sys.modules)))"
    )
    loaded = subprocess.run([sys.executable, "-S", "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
