"""Why did it answer that (issue #32) on a page: where the network looked, the map of what it learned, fooling it.

- `where_it_looked`: the Draw page, in its per-stroke fragment. One forward and one backward pass in numpy (about
  2 ms) and three small pictures; only for a readable drawing (the reading beside it already says what is wrong).
- `map_switch` (Draw, behind a switch: the chart is a message of about 40 KB at every stroke, for those who look) and
  `learned_map` (Mistakes): the map a run's training worker saved beside it. A run without one asks the line for it
  (serving/maps.py) and a small fragment polls until it is there; no script run ever computes one.
- `fool_it`: the Draw page, outside the per-stroke fragment like the give buttons. Fooling takes up to 1.5 s, so it
  runs on the server's one fooling thread, never on the script thread, and a fragment polls it: a click, a page
  switch or a busy server never holds up another student's strokes.
"""

from __future__ import annotations

import functools
import json
import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from mnist_core import limits
from mnist_core.classset.database import ClassSetError
from mnist_core.errors import DatasetError, Refusal, RunError, advice
from mnist_core.i18n import current_language, t
from mnist_core.model.network import Network
from mnist_core.reading.embedding import EmbeddingMap, load_map, place
from mnist_core.reading.explain import drawing_image, why_this_and_not_that
from mnist_core.reading.fooling import FOOL_MAX_CHANGE, FOOL_SECONDS, Fooled, fool
from mnist_core.reading.predict import Reading
from mnist_core.runs.store import RunRecord
from mnist_core.serving.maps import MapState
from mnist_core.text import explain_words as words
from mnist_core.text.alt_text import input_alt
from mnist_core.text.names import class_names
from mnist_core.text.pictures import data_url, diverging, diverging_legend, png_bytes
from ui import people
from ui.class_views import LAST_DRAWING_KEY, class_store
from ui.pictures import pictures
from ui.shared import MODELS_KEPT, class_settings, dataset, predictor, run_store, training_line
from ui.widgets import lesson, show_error

SIZE = 168  # px for each 28 x 28 picture (28 x 6: a dot marks a negative pixel from 4 px a pixel up)
SHOW_MAP_KEY = "show-map"  # the Draw page's switch for the map, off until a student turns it on
MAP_POLL_SECONDS = 2.0  # how often a page waiting for a map looks again
MAP_SECONDS = 10  # about how long a map takes to make, said to the person waiting
FOOL_KEY = "fool-state"  # this session's fooling: refused, under way (a Future) or done
FOOL_GIVEN_KEY = "fool-given"  # how giving the fooled drawing went
FOOL_POLL_SECONDS = 0.25
DIGITS = list(range(10))
LIMIT_PERCENTILE = 98  # of the heat maps' magnitudes: full colour from there on (shared_limit)


# Where it looked


def where_it_looked(network: Network, reading: Reading | None) -> None:
    """The answer's heat map and the runner-up's beside the input, in words too; nothing for an unreadable drawing."""
    if reading is None or not reading.prepared.ok:
        return
    try:
        where = why_this_and_not_that(network, reading)
    except Refusal:  # the canvas's own rules, on the 28 x 28 image: the reading side has said it already
        return
    except RunError:  # a network with a layer the backward pass does not know (UnsupportedNetwork)
        st.caption(t("why.where.unsupported"))
        return
    answer, runner_up = where.answer, where.runner_up
    limit = shared_limit(answer.values, runner_up.values)
    with st.container(key="where-it-looked"):
        st.subheader(t("why.where.title"))
        st.caption(t("why.where.help"))
        pictures(
            [where.image, diverging(answer.values, SIZE, limit), diverging(runner_up.values, SIZE, limit)],
            SIZE,
            [t("why.where.input"), words.where_caption(answer, True), words.where_caption(runner_up, False)],
            alts=[
                input_alt(str(answer.digit), answer.probability),
                words.where_alt(answer),
                words.where_alt(runner_up),
            ],
            key="where-maps",
        )
        _legend()
        for line in words.where_summary(where):
            st.markdown(line)
        lesson(t("learn.where.title"), t("learn.where.body"))


def shared_limit(*maps: np.ndarray) -> float:
    """Full colour from this magnitude on, for all the maps: one scale, so the runner-up's weaker evidence looks
    weaker. Not the largest value: one pixel would take the whole scale and leave the rest pale; from the 98th
    percentile of the pixels that speak at all, the strokes that matter show in strong colour."""
    magnitudes = np.abs(np.concatenate([np.ravel(values) for values in maps]))
    speaking = magnitudes[magnitudes > 0]
    return float(np.percentile(speaking, LIMIT_PERCENTILE)) if len(speaking) else 0.0


def _legend() -> None:
    st.image(data_url(_legend_png()), caption=t("why.where.legend"), alt=t("why.where.legend_alt"))


@functools.cache
def _legend_png() -> bytes:
    return png_bytes(diverging_legend())


# The map of what it learned


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


# Fool it


@st.cache_resource(show_spinner=False)
def _fooling() -> ThreadPoolExecutor:
    """The server process's one fooling thread: a fooling at a time, each bounded (FOOL_SECONDS), off every script
    thread; the others wait their turn rather than take the cores from the strokes."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="fool-it")


def fool_it() -> None:
    """The target digit, the button, and what came of it (a container keyed `fooled`)."""
    with st.container(key="fool-section"):
        st.subheader(t("why.fool.title"))
        st.caption(t("why.fool.help", most=round(255 * FOOL_MAX_CHANGE)))
        with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
            st.selectbox(t("why.fool.target"), DIGITS, index=8, key="fool-target", width=160)
            st.button(t("why.fool.button"), key="fool-it", icon=":material/theater_comedy:", on_click=_start_fooling)
        state = st.session_state.get(FOOL_KEY)
        future = state.get("future") if state else None
        if future is not None and not future.done():
            st.fragment(_fooling_under_way, run_every=FOOL_POLL_SECONDS)()
        else:
            with st.container(key="fooled"):
                _fooled(state)
        lesson(t("learn.fool.title"), t("learn.fool.body"))


def _start_fooling() -> None:
    """The button's callback: fool the latest drawing toward the chosen digit, on the fooling thread."""
    state = st.session_state.get(FOOL_KEY)
    if state and state.get("future") is not None and not state["future"].done():
        return  # one at a time for each student: the first is still under way
    reading, strokes, run_id = st.session_state.get(LAST_DRAWING_KEY, (None, None, None))
    target = int(st.session_state.get("fool-target", 8))
    st.session_state.pop(FOOL_GIVEN_KEY, None)
    try:
        if reading is None or run_id is None:
            raise Refusal("draw.blank")
        image = drawing_image(reading)  # Refusal for a blank, too small or too full drawing, at once
        network = predictor(run_id).network
    except Refusal as refusal:
        st.session_state[FOOL_KEY] = {"refused": (refusal.key, refusal.values)}
        return
    except RunError as error:
        st.session_state[FOOL_KEY] = {"error": str(error)}
        return
    future: Future[Fooled] = _fooling().submit(fool, network, image, target)
    st.session_state[FOOL_KEY] = {
        "future": future,
        "run_id": run_id,
        "target": target,
        "original": int(reading.predicted_label),
        "confidence": float(reading.confidence),
        "strokes": strokes,
    }


def _fooling_under_way() -> None:
    """Polls the fooling; once it has ended, the page shows its result."""
    state = st.session_state.get(FOOL_KEY) or {}
    future = state.get("future")
    if future is None or future.done():
        st.rerun(scope="app")
    with st.container(key="fooled"):
        st.info(
            t("why.fool.under_way", target=state.get("target"), seconds=FOOL_SECONDS), icon=":material/hourglass_top:"
        )


def _fooled(state: dict | None) -> None:
    if not state:
        st.caption(t("why.fool.none"))
        return
    if "refused" in state:
        key, values = state["refused"]
        st.warning(t(key, **values), icon=":material/draw:")
        return
    if "error" in state:
        show_error(t("draw.model_unreadable"), state["error"], "")
        return
    try:
        fooled: Fooled = state["future"].result()
    except (RunError, ValueError) as error:  # a network the backward pass does not know
        show_error(t("why.fool.failed"), str(error), "")
        return
    original, confidence = state["original"], state["confidence"]
    pictures(
        [fooled.original, fooled.image, diverging(fooled.change, SIZE)],
        SIZE,
        words.fooled_captions(fooled, original, confidence),
        alts=words.fooled_alts(fooled, original, confidence),
        key="fooled-pictures",
    )
    if fooled.succeeded:
        st.success(fooled.message.text(), icon=":material/theater_comedy:")
    else:
        st.warning(fooled.message.text(), icon=":material/shield:")
    lesson_words = words.fooled_lesson(fooled, original)
    if lesson_words:
        st.markdown(lesson_words)
    if fooled.succeeded and fooled.steps > 0:
        _give_fooled(original)


def _give_fooled(original: int) -> None:
    """A named student gives the fooled drawing to the class's "fooled the model" board, as the digit they drew."""
    student = people.student_name()
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
        st.selectbox(t("why.fool.meant"), DIGITS, index=original, key="fool-meant", width=160)
        st.button(t("why.fool.give"), key="fool-give", disabled=student is None, on_click=_give)
    outcome = st.session_state.get(FOOL_GIVEN_KEY)
    if student is None:
        st.caption(t("class.give.name_first"))
    elif outcome is not None:
        if outcome["given"]:
            st.success(outcome["text"], icon=":material/volunteer_activism:")
        else:
            st.warning(outcome["text"], icon=":material/block:")


def _give() -> None:
    """The give button's callback: once per fooled drawing, marked in its strokes as made by this tool."""
    state = st.session_state.get(FOOL_KEY) or {}
    student = people.student_name()
    if st.session_state.get(FOOL_GIVEN_KEY, {}).get("given") or student is None or state.get("future") is None:
        return
    fooled: Fooled = state["future"].result()
    meant = int(st.session_state.get("fool-meant", state["original"]))
    marker = json.dumps(words.fool_marker(fooled.target, state["strokes"]))
    if len(marker) > limits.GIFT_STROKES_MAX_CHARACTERS:  # a long drawing: the mark without its strokes
        marker = json.dumps(words.fool_marker(fooled.target, None))
    approved = not class_settings().review_first  # while the teacher reviews first, it waits unseen
    try:
        class_store().give(student, meant, fooled.reading, marker, state["run_id"], approved=approved)
        if approved:
            text = t("why.fool.given", meant=meant, read=fooled.predicted_label)
        else:
            text = t("class.give.waiting", digit=meant)
        given = True
    except Refusal as refusal:
        text, given = refusal.text(), False
    except ClassSetError:
        text, given = t("class.give.unavailable"), False
    st.session_state[FOOL_GIVEN_KEY] = {"given": given, "text": text}
