"""The decision engine: pure, stdlib-only scoring of job offers.

Public API (``__all__``; the generator imports nothing else): ``parse_rubric``,
``parse_request``, ``score``, ``evaluate``, ``to_dict``, ``InputError`` and ``Problem``;
the contract (``contract_data`` and the ``vocabulary`` constants); the wording helpers
``closest``, ``one_of`` and ``shown`` that every "expected X, got Y" message uses. The
browser calls ``offer_engine.bridge.run``.

Each name is imported from its module on first use (PEP 562), not all at once: a site rebuild
whose content has not changed needs only ``Problem`` and the contract, and importing the whole
engine cost it a tenth of its time.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import vocabulary
    from .checks import closest, one_of, shown
    from .contract import contract_data
    from .engine import evaluate, score
    from .errors import InputError, Problem
    from .plan import Plan
    from .request import Request, parse_request
    from .result import Result, to_dict
    from .rubric import Rubric, parse_rubric

_HOME = {
    "vocabulary": "", "closest": ".checks", "one_of": ".checks", "shown": ".checks", "contract_data": ".contract",
    "evaluate": ".engine", "score": ".engine", "InputError": ".errors", "Problem": ".errors", "Plan": ".plan",
    "Request": ".request", "parse_request": ".request", "Result": ".result", "to_dict": ".result",
    "Rubric": ".rubric", "parse_rubric": ".rubric",
}
__all__ = [
    "InputError", "Plan", "Problem", "Request", "Result", "Rubric", "closest", "contract_data", "evaluate", "one_of",
    "parse_request", "parse_rubric", "score", "shown", "to_dict", "vocabulary",
]


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(_HOME[name] or f".{name}", __name__)
    value = module if not _HOME[name] else getattr(module, name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
