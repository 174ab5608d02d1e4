"""Network profiles for the benchmarks: Chromium's own emulation through the DevTools protocol.

``slow-4g`` is 9 Mbit/s down, 1.5 Mbit/s up (DevTools' "Fast 4G" uplink), 150 ms latency and the
CPU slowed 4×, applied to a page through a Playwright CDP session before it navigates.

What Chromium covers (checked on every throttled page, and printed):
- **Network:** the page target's conditions also govern its dedicated workers' requests (a worker
  target itself answers ``Network.emulateNetworkConditions`` with "Not supported").
- **CPU:** ``Emulation.setCPUThrottlingRate`` slows the renderer's *main thread* only (Blink's
  ThreadCPUThrottler interrupts the thread that enabled it), and a worker target refuses it
  ("only supported for pages, not workers"). Pyodide boots in a worker, so its own CPU work is
  not slowed by this profile; the page's is. The worker's answer is recorded in ``Throttled.worker_cpu``.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Page


@dataclass(frozen=True)
class Profile:
    name: str
    down_bps: float
    up_bps: float
    latency_ms: float
    cpu: float

    def conditions(self) -> dict[str, Any]:
        return {"offline": False, "latency": self.latency_ms,
                "downloadThroughput": self.down_bps / 8, "uploadThroughput": self.up_bps / 8}  # fmt: skip

    def describe(self) -> str:
        return f"{self.down_bps / 1e6:g} Mbit/s down, {self.up_bps / 1e6:g} up, {self.latency_ms:g} ms, CPU ×{self.cpu:g}"


PROFILES: dict[str, Profile | None] = {
    "none": None,
    "slow-4g": Profile("slow-4g", down_bps=9e6, up_bps=1.5e6, latency_ms=150, cpu=4),
}


@dataclass
class Throttled:
    """What Chromium said when the profile was applied to a page's dedicated workers."""

    worker_cpu: list[str] = field(default_factory=list)


def throttle(page: Page, profile: Profile | None) -> Throttled:
    """Apply `profile` to `page` (and try its workers) before it navigates; None leaves it as it is."""
    seen = Throttled()
    if profile is None:
        return seen
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", profile.conditions())
    session.send("Emulation.setCPUThrottlingRate", {"rate": profile.cpu})
    ids = itertools.count(1)
    asked: dict[tuple[str, int], str] = {}

    def to_worker(target: str, method: str, params: dict[str, Any]) -> None:
        call = next(ids)
        asked[(target, call)] = method
        message = json.dumps({"id": call, "method": method, "params": params})
        session.send("Target.sendMessageToTarget", {"sessionId": target, "message": message})

    def attached(event: dict[str, Any]) -> None:
        if event["targetInfo"]["type"] == "worker":
            to_worker(event["sessionId"], "Emulation.setCPUThrottlingRate", {"rate": profile.cpu})

    def answered(event: dict[str, Any]) -> None:
        message = json.loads(event["message"])
        if asked.get((event["sessionId"], message.get("id", 0))) == "Emulation.setCPUThrottlingRate":
            seen.worker_cpu.append(message.get("error", {}).get("message", "throttled"))

    session.on("Target.attachedToTarget", attached)
    session.on("Target.receivedMessageFromTarget", answered)
    # Not flattened: Playwright's CDP session cannot address a child session, but it can relay to one.
    # Workers are not held at start: Chromium refuses to throttle them anyway, and a worker held for a
    # relayed resume that gets lost would stall the visit.
    session.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": False})
    return seen
