"""Saved runs: each training's model and record in a folder of its own, written so a crash never leaves half a run.

store.py  RunStore (save, list, get, load, delete), RunRecord, RunStatus
remote.py SharedRuns: the runs shared between machines (MNIST_APP_RUNS_URL, fsspec), this folder their cache
"""

from __future__ import annotations

from mnist_core.runs.store import RunRecord, RunStatus, RunStore, check_run_id

__all__ = ["RunRecord", "RunStatus", "RunStore", "check_run_id"]
