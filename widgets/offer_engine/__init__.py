"""The decision engine: pure, stdlib-only scoring of job offers.

Public API (``__all__``; the generator imports nothing else): ``parse_rubric``,
``parse_request``, ``score``, ``evaluate``, ``to_dict``, ``InputError`` and ``Problem``;
the contract (``contract_data`` and the ``vocabulary`` constants); the wording helpers
``closest``, ``one_of`` and ``shown`` that every "expected X, got Y" message uses. The
browser calls ``offer_engine.bridge.run``.
"""

from . import vocabulary
from .checks import closest, one_of, shown
from .contract import contract_data
from .engine import evaluate, score
from .errors import InputError, Problem
from .plan import Plan
from .request import Request, parse_request
from .result import Result, to_dict
from .rubric import Rubric, parse_rubric

__all__ = [
    "InputError", "Plan", "Problem", "Request", "Result", "Rubric", "closest", "contract_data", "evaluate", "one_of",
    "parse_request", "parse_rubric", "score", "shown", "to_dict", "vocabulary",
]
