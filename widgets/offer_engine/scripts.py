"""The scripts the engine fills in, their ``{placeholders}``, and the path → script table, from engine data.

Rules checked here, all reported at once:

- every placeholder has a ``label`` and a ``fallback`` (what the script says when the
  reader leaves that name empty), and is one the engine fills (``FILLED``): a placeholder
  nothing fills would always print its fallback. An empty fallback means "leave it out":
  a paragraph that uses it is dropped when the reader gave nothing for it (``{costs}``);
- a script has a ``title``; its ``call`` text and its ``email`` (``subject`` and ``body``) are each optional;
- script text uses only ``{placeholders}`` that ``placeholders`` declares;
- every path names a script; the scripts a path always speaks or writes must have that
  version (see ``PATH_NEEDS``); every other path's script needs at least one version.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .checks import Collector, child, closest, known, mapping, suggestion, text
from .record import fields, record
from .vocabulary import CALL, EMAIL, FILLED, Channel

PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")

PATH_NEEDS: dict[str, tuple[Channel, ...]] = {
    "decline_call": (CALL,),
    "decline_email": (EMAIL,),
    "confirm_email": (EMAIL,),
    "rescind": (CALL,),  # rescinding is always a call first
    "voicemail": (CALL, EMAIL),  # the voicemail, then the email that follows it the same day
    "ask_to_stay": (CALL,),  # asked in person or on a call, before withdrawing an acceptance
}
"""The versions a path's script must have, for paths that always use them."""


@record
class Email:
    subject: str
    body: str


@record
class Script:
    id: str
    title: str
    call: str | None
    email: Email | None


@record
class Placeholder:
    label: str
    fallback: str
    """What the script says when the reader leaves the name empty."""


@record
class Paths:
    """The script id used on each path."""

    decline_call: str
    decline_email: str
    confirm_email: str
    accepted_other: str
    compensation_failed: str
    rescind: str
    not_now: str
    negotiate: str
    via_recruiter: str
    """A decline through a recruiter or an agency: the recruiter hears first."""
    internal: str
    """Turning down an internal move: the conversation with the reader's manager."""
    voicemail: str
    """The voicemail to leave when a call is not answered, and the email that follows it."""
    more_time: str
    """Asking an offer the reader would accept for more time to decide."""
    ask_to_stay: str
    """Asking the current employer to withdraw a resignation, before withdrawing an acceptance."""


def parse_placeholders(c: Collector, value: Any) -> dict[str, Placeholder]:
    out = {}
    for key, row in (mapping(c, value, "placeholders") or {}).items():
        if key not in FILLED:
            near = closest(key, FILLED)
            hint = f"; did you mean '{near}'?" if near else ""
            filled = ", ".join(f"{{{x}}}" for x in sorted(FILLED))
            c.add(child("placeholders", key), f"expected a placeholder the reader's form fills ({filled}), got '{{{key}}}'{hint}")
            continue
        row = mapping(c, row, child("placeholders", key)) or {}
        label = text(c, row.get("label"), child("placeholders", key) + ".label")
        fallback = text(c, row.get("fallback"), child("placeholders", key) + ".fallback", empty_ok=True)
        if label is not None and fallback is not None:
            out[key] = Placeholder(label, fallback)
    return out


def _template(c: Collector, value: Any, field: str, placeholders: Mapping[str, Placeholder]) -> str | None:
    said = text(c, value, field)
    for name in PLACEHOLDER.findall(said or ""):
        if name not in placeholders:
            c.add(field, f"unknown placeholder {{{name}}}{suggestion(name, placeholders)}")
    return said


def parse_scripts(c: Collector, value: Any, placeholders: Mapping[str, Placeholder]) -> dict[str, Script]:
    out = {}
    for sid, row in (mapping(c, value, "scripts") or {}).items():
        field = child("scripts", sid)
        row = mapping(c, row, field) or {}
        title = text(c, row.get("title"), child(field, "title"))
        call = None if row.get("call") is None else _template(c, row["call"], child(field, "call"), placeholders)
        email = None
        if row.get("email") is not None:
            mail = mapping(c, row["email"], child(field, "email")) or {}
            subject = _template(c, mail.get("subject"), child(field, "email.subject"), placeholders)
            body = _template(c, mail.get("body"), child(field, "email.body"), placeholders)
            email = Email(subject, body) if subject is not None and body is not None else None
        if title is not None:
            out[sid] = Script(sid, title, call, email)
    return out


def parse_paths(c: Collector, value: Any, scripts: Mapping[str, Script]) -> Paths | None:
    row = mapping(c, value, "paths") or {}
    chosen = {}
    for name in fields(Paths):
        field = child("paths", name)
        sid = text(c, row.get(name), field)
        script = scripts.get(sid) if sid is not None else None
        if sid is not None and script is None:
            c.add(field, f"'{sid}' is not a script{suggestion(sid, scripts)}")
        elif script is not None:
            missing = [need for need in PATH_NEEDS.get(name, ()) if getattr(script, need) is None]
            if missing:
                c.add(field, f"script '{sid}' has no {' or '.join(missing)} version, which this path needs")
            elif script.call is None and script.email is None:
                c.add(field, f"script '{sid}' has neither a call nor an email version")
        chosen[name] = sid
    return None if None in chosen.values() else Paths(**{name: known(sid) for name, sid in chosen.items()})
