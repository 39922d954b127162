"""Figures for benchmarks: percentiles of timings, and the peak memory of a server while something runs."""

from __future__ import annotations

import itertools
import math
import threading
import time
from collections.abc import Callable
from typing import Any

from harness.processes import process_tree, pss_bytes, rss_bytes

MEMORY_POLL_SECONDS = 0.2
# The process tree and its PSS only at every fifth poll (once a second): they cost about 1 and 5 ms of CPU a
# time on the machine the server shares (a scan of /proc; a walk of each process's page tables, which also
# holds up its memory calls); at every poll they took 43% of the light clients' process's samples (py-spy).
PSS_EVERY = 5


def timed_ms(function: Callable[[Any], object], arguments: list, calls: int, warm_up: int = 10) -> list[float]:
    """Milliseconds of each of `calls` calls of `function`, cycling through `arguments`, after `warm_up` untimed
    ones (the first calls fill caches and trace code a class would have warm)."""
    for argument in arguments[:warm_up]:
        function(argument)
    times = []
    for call in range(calls):
        started = time.perf_counter()
        function(arguments[call % len(arguments)])
        times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: list[float], fraction: float) -> float | None:
    """The nearest-rank percentile (p95 of 100 values is the 95th smallest); None without values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(len(ordered) * fraction)) - 1]


class PeakMemory(threading.Thread):
    """Samples the memory of a process and its children until stopped; keeps the peaks: RSS added up 5 times a
    second, and PSS, which counts pages the processes share once, once a second."""

    def __init__(self, pid: int) -> None:
        super().__init__(name="peak-memory", daemon=True)
        self.pid = pid
        self.peak_bytes = 0
        self.peak_pss_bytes = 0
        self._stopping = threading.Event()

    def run(self) -> None:
        for poll in itertools.count():
            if poll % PSS_EVERY == 0:
                members = process_tree(self.pid)
                self.peak_pss_bytes = max(self.peak_pss_bytes, sum(map(pss_bytes, members)))
            self.peak_bytes = max(self.peak_bytes, sum(map(rss_bytes, members)))
            if self._stopping.wait(MEMORY_POLL_SECONDS):
                return

    def stop(self) -> int:
        """Stop sampling; returns the peak in bytes."""
        self._stopping.set()
        self.join(timeout=5)
        return self.peak_bytes
