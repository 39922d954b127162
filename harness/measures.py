"""Figures for benchmarks: percentiles of timings, and the peak memory of a server while something runs."""

from __future__ import annotations

import math
import threading

from harness.processes import tree_pss_bytes, tree_rss_bytes

MEMORY_POLL_SECONDS = 0.2


def percentile(values: list[float], fraction: float) -> float | None:
    """The nearest-rank percentile (p95 of 100 values is the 95th smallest); None without values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(len(ordered) * fraction)) - 1]


class PeakMemory(threading.Thread):
    """Samples the memory of a process and its children 5 times a second until stopped; keeps the peaks (RSS added
    up, and PSS, which counts pages the processes share once)."""

    def __init__(self, pid: int) -> None:
        super().__init__(name="peak-memory", daemon=True)
        self.pid = pid
        self.peak_bytes = 0
        self.peak_pss_bytes = 0
        self._stopping = threading.Event()

    def run(self) -> None:
        while True:
            self.peak_bytes = max(self.peak_bytes, tree_rss_bytes(self.pid))
            self.peak_pss_bytes = max(self.peak_pss_bytes, tree_pss_bytes(self.pid))
            if self._stopping.wait(MEMORY_POLL_SECONDS):
                return

    def stop(self) -> int:
        """Stop sampling; returns the peak in bytes."""
        self._stopping.set()
        self.join(timeout=5)
        return self.peak_bytes
