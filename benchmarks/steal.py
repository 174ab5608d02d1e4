"""How much CPU the host took from this virtual machine while a benchmark ran ("steal" time).

The benchmarks run on a shared two-core VM. When its host is busy, it takes a share of the VM's
CPU time, and every figure taken meanwhile is slower: during WebKit runs of 4.5–6.8 s, against
2.0–2.8 s on a quiet host, vmstat showed 20–46% of the CPU stolen. Ratios taken in the same run
cancel part of it, not all (WebKit's JIT threads feel it more than Chromium's), so the benchmarks
print it beside their figures. Linux's /proc/stat only; elsewhere nothing is printed.
"""

from __future__ import annotations

from pathlib import Path

PROC_STAT = Path("/proc/stat")
STEAL = 7  # the field after "cpu": user nice system idle iowait irq softirq steal guest guest_nice


def _ticks() -> tuple[int, int] | None:
    """(stolen, all) CPU ticks since boot, summed over the CPUs, or None where there is no /proc/stat."""
    try:
        fields = PROC_STAT.read_text().split("\n", 1)[0].split()
    except OSError:
        return None
    # guest and guest_nice are already counted in user and nice: the total stops at steal.
    numbers = [int(x) for x in fields[1 : STEAL + 2]]
    return numbers[STEAL], sum(numbers)


class StealMeter:
    """The share of CPU time stolen since it was made (a new one per set of rounds)."""

    def __init__(self) -> None:
        self._start = _ticks()

    def share(self) -> float | None:
        """Stolen / all CPU time since the start, 0–1; None without /proc/stat or with no time passed."""
        now = _ticks()
        if now is None or self._start is None or now[1] == self._start[1]:
            return None
        return (now[0] - self._start[0]) / (now[1] - self._start[1])

    def describe(self, what: str) -> str | None:
        """A line for a benchmark's output, or None where it cannot tell."""
        share = self.share()
        if share is None:
            return None
        note = "; figures taken on a busier host run slower and move more" if share >= 0.05 else ""
        return f"CPU stolen by the host during {what}: {share:.0%}{note}"


def per_run(shares: list[float | None]) -> str:
    """The share stolen during each run, as a suffix to a line of run times ("" where none is known):
    one median can hide that its slow runs were the ones on a busy host."""
    if all(share is None for share in shares):
        return ""
    return "; CPU stolen in each: " + " ".join("?" if share is None else f"{share:.0%}" for share in shares)
