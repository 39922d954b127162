"""A run's downloads as bytes: its model, its record and its four-curve chart (its notebook: notebook.py).

The Train page only hands these to st.download_button. The chart takes the language it should speak, because the
page builds a download when it is clicked, on a thread of its own, outside the session that knows the language.
"""

from __future__ import annotations

import io
import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from mnist_core import i18n
from mnist_core.runs.store import MODEL_FILE, RunError, check_run_id
from mnist_core.text import figures

if TYPE_CHECKING:
    from mnist_core.runs.store import RunRecord, RunStore

MIME_TYPES = {
    "notebook": "application/x-ipynb+json",
    "model": "application/zip",  # a .keras file is a zip archive
    "record": "application/json",
    "curves": "image/png",
}
# File names start with the run id, so a student's downloads of one run sort together. None of them contains
# "model." or "notebook.": the pages' checks read such text as a catalog key left on screen.
SUFFIXES = {"notebook": ".ipynb", "model": ".keras", "record": ".json", "curves": "-curves.png"}


def file_name(record: RunRecord, kind: str) -> str:
    """The download's file name: e.g. 20261201-101500-mnist-1a2b3c.keras for kind "model"."""
    return f"{record.id}{SUFFIXES[kind]}"


def model_file(store: RunStore, run_id: str) -> bytes:
    """The run's model.keras, as saved; RunError when it is missing."""
    path = store.root / check_run_id(run_id) / MODEL_FILE
    try:
        return path.read_bytes()
    except OSError as error:
        raise RunError(f"Run {run_id} has no readable model file ({error.strerror or error}).") from error


def record_json(record: RunRecord) -> bytes:
    """The run's record, as run.json holds it."""
    return json.dumps(asdict(record), indent=2, ensure_ascii=False).encode("utf-8")


def curves_png(record: RunRecord, language: str) -> bytes:
    """The tutorial's four curves of the run, as the Train page draws them, in a PNG file."""
    with i18n.in_language(language):
        figure = figures.four_curves(record.history)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
