"""Write a JSON Schema for each content file, so editors can autocomplete and validate as they type."""

from __future__ import annotations

import json
from pathlib import Path

from .model import FILES


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, model in FILES.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
        schema["title"] = f"offer-guide content: {stem}.yml"
        path = out / f"{stem}.schema.json"
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
