"""The engine's contract for the browser, written from the engine at build time.

The form's checks made before the engine is ready (answers.mjs, request.mjs, form-*.mjs)
import ``CONTRACT`` from ``./engine-contract.mjs``, which the widget's one script
(generator/site/bundle.py) defines from this value: so no JavaScript holds its own copy of a
vocabulary or a limit.
"""

from __future__ import annotations

import json
from typing import Any

from offer_engine import contract_data, parse_rubric


def contract_json(engine_data: dict[str, Any]) -> str:
    """The contract as JSON text: what the guide keeps (generator/guide.py)."""
    return json.dumps(contract_data(parse_rubric(engine_data)), ensure_ascii=False, sort_keys=True, indent=1)


def contract_value(contract: str) -> str:
    """A JavaScript expression for ``CONTRACT``: the JSON, frozen at the top."""
    return f"Object.freeze({contract})"
