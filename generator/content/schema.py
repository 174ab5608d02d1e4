"""Write a JSON Schema for each content file, so editors can autocomplete and validate as they type."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import itertools
import json
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from generator.content.model import FILES
from generator.content.typed import Check, MinItems, hints, optional_of, required, split


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, model in FILES.items():
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"offer-guide content: {stem}.yml",
            **schema_of(model),
        }
        path = out / f"{stem}.schema.json"
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written


def schema_of(annotation: Any) -> dict[str, Any]:
    """The JSON Schema of a model annotation: the same annotations the validator walks."""
    base, extras = split(annotation)
    inner = optional_of(base)
    if inner is not None:
        return {"anyOf": [schema_of(inner), {"type": "null"}]}
    checks = [e for e in extras if isinstance(e, Check)]
    if checks:
        return dict(checks[0].schema)
    least = max([e.count for e in extras if isinstance(e, MinItems)], default=0)
    origin = get_origin(base)
    if origin is Literal:
        return {"enum": list(get_args(base))}
    if origin is list:
        return {"type": "array", "items": schema_of(get_args(base)[0]), **({"minItems": least} if least else {})}
    if origin is dict:
        key, value = get_args(base)
        return {"type": "object", "propertyNames": schema_of(key), "additionalProperties": schema_of(value),
                **({"minProperties": least} if least else {})}
    if isinstance(base, type) and dataclasses.is_dataclass(base):
        docs = _attribute_docs(base)
        properties = {}
        for name, field_annotation in hints(base).items():
            properties[name] = schema_of(field_annotation)
            if name in docs:
                properties[name]["description"] = docs[name]
        out: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
        if required(base):
            out["required"] = [n for n in hints(base) if n in required(base)]
        if base.__doc__ and not base.__doc__.startswith(base.__name__ + "("):
            out["description"] = inspect.cleandoc(base.__doc__)
        return out
    raise TypeError(f"unsupported annotation {annotation!r}")


def _attribute_docs(cls: type) -> dict[str, str]:
    """The string right after each field in the class body (and its bases), as its description."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if klass is object or not dataclasses.is_dataclass(klass):
            continue
        body = ast.parse(inspect.cleandoc("\n" + inspect.getsource(klass))).body[0]
        assert isinstance(body, ast.ClassDef)
        for node, after in itertools.pairwise(body.body):
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str):
                    docs[node.target.id] = inspect.cleandoc(after.value.value)
    return docs
