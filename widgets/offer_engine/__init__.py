"""The decision engine: pure, stdlib-only scoring of job offers.

Public API: ``parse_rubric``, ``parse_request``, ``score``, ``evaluate``, ``to_dict``,
``InputError`` and ``Problem``; the browser calls ``offer_engine.bridge.run``.
"""

from .engine import evaluate, score
from .errors import InputError, Problem
from .request import Request, parse_request
from .result import Result, to_dict
from .rubric import Rubric, parse_rubric

__all__ = ["InputError", "Problem", "Request", "Result", "Rubric", "evaluate", "parse_request", "parse_rubric", "score", "to_dict"]
