"""The engine's contract for the browser: ``assets/widgets/engine-contract.mjs``, written from the engine at build time.

The form's checks made before the engine is ready (answers.mjs, request.mjs, form-*.mjs)
import ``CONTRACT`` from it, so no JavaScript holds its own copy of a vocabulary or a limit.
"""

from __future__ import annotations

import json
from typing import Any

from offer_engine import contract_data, parse_rubric


def contract_module(engine_data: dict[str, Any]) -> str:
    data = json.dumps(contract_data(parse_rubric(engine_data)), ensure_ascii=False, sort_keys=True, indent=1)
    return (
        "// Generated from offer_engine.contract at build time: the vocabularies, limits and defaults. Do not edit.\n"
        f"export const CONTRACT = Object.freeze({data});\n"
    )

