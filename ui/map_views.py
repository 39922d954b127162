"""The map of what a run learned (issue #32): `map_switch` on the Draw page, behind a switch (the chart is a message
of about 40 KB at every stroke, for those who look), and `learned_map_fragment` on Mistakes.

The map is the one a run's training worker saved beside it. A run without one asks the line for it
(serving/maps.py) and a small fragment polls until it is there; no script run ever computes one.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from mnist_core.errors import DatasetError, RunError, advice
from mnist_core.i18n import current_language, t
from mnist_core.model.network import Network
from mnist_core.reading.embedding import EmbeddingMap, load_map, place
from mnist_core.reading.predict import Reading
from mnist_core.runs.store import RunRecord
from mnist_core.serving.maps import MapState
from mnist_core.text import explain_words as words
from mnist_core.text.names import class_names
from ui.explain_views import SIZE
from ui.pictures import pictures
from ui.shared import MODELS_KEPT, dataset, predictor, run_store, training_line
from ui.widgets import lesson, show_error

SHOW_MAP_KEY = "show-map"  # the Draw page's switch for the map, off until a student turns it on
MAP_POLL_SECONDS = 2.0  # how often a page waiting for a map looks again
MAP_SECONDS = 10  # about how long a map takes to make, said to the person waiting


def map_switch(record: RunRecord, network: Network, reading: Reading | None) -> None:
    """The Draw page's switch for the map, and the map with the drawing on it when the switch is on."""
    if st.toggle(t("why.map.show"), key=SHOW_MAP_KEY, help=t("why.map.show_help")):
        drawing = reading.prepared.image if reading is not None and reading.prepared.ok else None
        learned_map(record, network, drawing)


def learned_map_fragment(record: RunRecord) -> None:
    """The map on a page of its own (Mistakes): a click on a point reruns only the map."""
    st.fragment(_learned_map_alone)(record)


def _learned_map_alone(record: RunRecord) -> None:
    try:
        network = predictor(record.id).network
    except RunError as error:
        show_error(t("draw.model_unreadable"), str(error), advice(error))
        return
    learned_map(record, network, None)


def learned_map(record: RunRecord, network: Network, drawing: np.ndarray | None) -> None:
    """The run's map (a container keyed `embedding-map`): its points by true class, the drawing when there is one,
    the clicked point's test image, and the map in words. A run without a map yet asks the line and waits."""
    with st.container(key="embedding-map"):
        st.subheader(t("why.map.title"))
        try:
            embedding = _map_of(record.id)
        except (ValueError, OSError) as error:  # a damaged file: made again once it is deleted
            show_error(t("why.map.damaged"), str(error), t("why.map.damaged_advice"))
            return
        if embedding is None:
            _map_not_yet(record.id)
            return
        names = class_names(record.dataset)
        table, middles, said = _map_table(
            str(run_store().map_path(record.id)), _modified(record.id), current_language()
        )
        placed = _placed(embedding, network, drawing)
        spec = words.map_spec(names, middles, None if placed is None else placed.point)
        spec["datasets"] = {"points": table}
        st.caption(t("why.map.help", count=len(embedding.points)))
        event = st.vega_lite_chart(
            spec,
            key="embedding-map-chart",
            on_select="rerun",
            selection_mode="picked",
            width="stretch",
            alt=t("why.map.alt", count=len(embedding.points)),
        )
        with st.container(key="embedding-map-words"):  # the chart in words, beside it for screen readers
            st.markdown(said)
            if placed is not None:
                st.markdown(words.placed_words(placed, names))
        _picked(record, network, embedding, names, event)
        lesson(t("learn.map.title"), t("learn.map.body"))


def _map_not_yet(run_id: str) -> None:
    """Ask the line for the map (once, however many ask) and wait for it; or say why it could not be made."""
    status = training_line().request_map(run_id)
    if status.state == MapState.FAILED:
        show_error(t("why.map.failed"), status.error or "", t("why.map.failed_advice"))
        return
    st.info(t("why.map.being_made", seconds=MAP_SECONDS), icon=":material/hourglass_top:")
    st.fragment(_wait_for_map, run_every=MAP_POLL_SECONDS)(run_id)


def _wait_for_map(run_id: str) -> None:
    if training_line().map_state(run_id).state in (MapState.READY, MapState.FAILED, MapState.NONE):
        st.rerun(scope="app")  # the map is there (or will not come): the page draws it, or says why


def _placed(embedding: EmbeddingMap, network: Network, drawing: np.ndarray | None):
    """The drawing on the map, or None (nothing drawn, or a map of another network than this run's)."""
    if drawing is None:
        return None
    try:
        return place(embedding, network, drawing)
    except (KeyError, ValueError):  # the map's layer is not this network's: no place rather than a wrong one
        return None


def _picked(record: RunRecord, network: Network, embedding: EmbeddingMap, names: list[str], event) -> None:
    """The test image of the point clicked on the map, with its label and the network's reading."""
    rows = [row for row in picked_rows(event.selection.get("picked")) if 0 <= row < len(embedding.points)]
    with st.container(key="embedding-map-picked"):
        if not rows:
            st.caption(t("why.map.pick_hint"))
            return
        row = rows[0]
        index = int(embedding.indices[row])
        try:
            image = dataset(record.dataset).x_test[index]
        except DatasetError as error:
            show_error(t("why.map.no_data"), str(error), advice(error))
            return
        probabilities = network.probabilities(image[None].astype(np.float32) / 255)[0]
        label, read = int(embedding.labels[row]), int(np.argmax(probabilities))
        confidence = float(probabilities[read])
        pictures(
            [image],
            SIZE,
            [words.picked_caption(index, label, read, confidence, names)],
            alts=[words.picked_alt(index, label, read, confidence, names)],
            key="embedding-map-picked",
        )


def picked_rows(picked: object) -> list[int]:
    """The map rows a point selection holds: Vega-Lite sends the clicked points' fields, [{"row": 12}], and the
    value can come back from a browser in any shape (a crafted message): anything else is no row."""
    points = picked if isinstance(picked, list) else [picked]
    rows = [point.get("row") for point in points if isinstance(point, dict)]
    return [int(row) for row in rows if isinstance(row, int | float) and not isinstance(row, bool) and row == row]


def _modified(run_id: str) -> int:
    """The map file's change time (0 when there is none): a map made again is loaded again."""
    try:
        return os.stat(run_store().map_path(run_id)).st_mtime_ns
    except OSError:
        return 0


def _map_of(run_id: str) -> EmbeddingMap | None:
    return _loaded_map(str(run_store().map_path(run_id)), _modified(run_id))


@st.cache_resource(show_spinner=False, max_entries=MODELS_KEPT)
def _loaded_map(path: str, modified: int) -> EmbeddingMap | None:
    """A run's map, read once per file version for everybody (numpy only); None while it has none."""
    return load_map(Path(path).parent) if modified else None


@st.cache_resource(show_spinner=False, max_entries=MODELS_KEPT)
def _map_table(path: str, modified: int, language: str) -> tuple[pd.DataFrame, list[dict], str]:
    """map_table, made once per map and language, not at every stroke."""
    return map_table(_loaded_map(path, modified), class_names(_dataset_of(path)))


def map_table(embedding: EmbeddingMap, names: list[str]) -> tuple[pd.DataFrame, list[dict], str]:
    """The map's points as a table (categories and float32: about 30 KB for 2,000 points, where plain columns took
    110 KB), where each class's name goes, and the map in words."""
    columns = words.map_columns(embedding, names)
    table = pd.DataFrame(
        {
            "x": columns["x"].astype(np.float32),
            "y": columns["y"].astype(np.float32),
            "row": columns["row"],
            **{name: pd.Categorical(columns[name]) for name in ("label", "read", "verdict")},
        }
    )
    return table, words.group_middles(embedding, names), words.map_words(embedding, names)


def _dataset_of(path: str) -> str:
    return run_store().get(Path(path).parent.name).dataset
