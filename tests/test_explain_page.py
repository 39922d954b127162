"""Why did it answer that (issue #32) in the app: where it looked, the map of what it learned and fooling it, on the
Draw and Mistakes pages under AppTest; the map made by the training worker and, for an older run, by the line.

Two runs trained once for the module through the training worker itself (worker.train_and_save, in this process):
the dense network on 3,000 images and the CNN on 2,000, 1 epoch each. Their maps hold 300 test images
(MNIST_APP_MAP_IMAGES, tests/conftest.py): about 2 s each to make.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import numpy as np
import pytest
from stand_ins import StandInTraining, use_stand_in_training, wait_until

from harness.apptest import DRAW, MISTAKES, check_language, container, draw, open_app, texts
from mnist_core import config, i18n
from mnist_core.classroom.students import Owner
from mnist_core.classset.drawings import ClassDrawings
from mnist_core.data.pen_digits import load_pen_digits, render_strokes
from mnist_core.reading.embedding import MAP_FILE, EmbeddingMap, load_map
from mnist_core.reading.predict import Predictor
from mnist_core.runs.store import RunStore
from mnist_core.serving import worker
from mnist_core.serving.line import TrainingLine, connect_line, serve_line
from mnist_core.serving.maps import LOCK_FILE, MapMaker, MapState, make_map
from mnist_core.serving.training_queue import TrainingQueue
from mnist_core.text import explain_words as words
from mnist_core.training.settings import TrainingListener, TrainingSettings
from ui import explain_views, fool_views, map_views

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("mlp", "cnn")
SETTINGS = {
    "mlp": TrainingSettings(epochs=1, train_limit=3000, seed=1),
    "cnn": TrainingSettings(model_kind="cnn", epochs=1, train_limit=2000, seed=1),
}
MAP_IMAGES = int(os.environ["MNIST_APP_MAP_IMAGES"])
STUDENT = "Min-jun"


@pytest.fixture(autouse=True)
def no_missing_keys_yet():
    i18n.forget_missing()


@pytest.fixture(scope="module")
def explain_root(tmp_path_factory) -> Path:
    """A runs folder with a dense run and a CNN run, each saved with its map by the training worker's own code."""
    root = tmp_path_factory.mktemp("explain-runs")
    store = RunStore(root)
    for kind in KINDS:
        outcome = worker.train_and_save(SETTINGS[kind], store, Owner(), TrainingListener(), threading.Event())
        assert outcome.run_id is not None and outcome.error is None
    return root


@pytest.fixture
def explain_runs(explain_root, tmp_path, monkeypatch) -> dict[str, str]:
    """The app serves the two runs (and this test's own class set); their ids by model kind."""
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(explain_root))
    monkeypatch.setenv("MNIST_APP_CLASS_DB", str(tmp_path / "class.sqlite3"))
    return {record.model_kind: record.id for record in RunStore(explain_root).list()}


@pytest.fixture(scope="module")
def pen_threes() -> list:
    return [digit for digit in load_pen_digits(config.pen_digits_path()) if digit.label == 3]


def a_three(run_root: Path, run_id: str, pen_threes) -> np.ndarray:
    """A real pen-written 3 that this run reads as a 3, as the canvas would send it."""
    predictor = Predictor(RunStore(run_root).load_network(run_id))
    for digit in pen_threes:
        rgba = render_strokes(digit.strokes)
        if predictor.read_canvas(rgba).predicted_label == 3:
            return rgba
    raise AssertionError("no pen 3 is read as a 3")


def open_draw(run_id: str, locale: str | None = None, student: str | None = STUDENT):
    at = open_app(DRAW, locale=locale, student=student)
    at.selectbox(key="draw-run").set_value(run_id).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def fool_it(at, target: int):
    """Choose the target, press Fool it, wait for the fooling thread, and show its result."""
    at.selectbox(key="fool-target").set_value(target).run()
    at.button(key="fool-it").click().run()
    state = at.session_state[fool_views.FOOL_KEY]
    if "future" in state:
        state["future"].result(timeout=30)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# The map, made with the run


def test_the_training_worker_saves_the_map_with_the_run(explain_root):
    store = RunStore(explain_root)
    for record in store.list():
        embedding = load_map(store.root / record.id)
        assert embedding is not None, record.model_kind
        assert store.map_path(record.id) == store.root / record.id / MAP_FILE
        assert embedding.points.shape == (MAP_IMAGES, 2)
        assert embedding.layer == store.load_network(record.id).layers[-2].name


def test_a_map_that_cannot_be_made_never_fails_the_training(store, monkeypatch, caplog):
    use_stand_in_training(monkeypatch, StandInTraining())  # its "model" is no model: no map can be made from it
    line = TrainingLine(TrainingQueue(store))
    with caplog.at_level(logging.WARNING, logger="mnist_core.serving.worker"):
        job_id = line.submit(TrainingSettings(epochs=1), Owner("Min-jun"))
        assert line.queue.wait_all(timeout=60)
    snapshot = line.snapshot(job_id)
    assert snapshot.state == "finished" and snapshot.run_id is not None and snapshot.error is None
    assert store.exists(snapshot.run_id) and not store.map_path(snapshot.run_id).exists()
    assert any("its map could not be made" in record.getMessage() for record in caplog.records)


def test_deleting_a_run_deletes_its_map(explain_root, tmp_path):
    store = RunStore(tmp_path / "runs")
    run_id = next(iter(RunStore(explain_root).list())).id
    shutil.copytree(explain_root / run_id, store.root / run_id)
    assert store.map_path(run_id).is_file()
    store.delete(run_id)
    assert not store.map_path(run_id).exists() and not (store.root / run_id).exists()


# An older run: its map through the line


def older_run(explain_root: Path, root: Path, kind: str = "mlp") -> tuple[RunStore, str]:
    """A copy of a run as it was before maps: no map file."""
    store = RunStore(root)
    record = next(r for r in RunStore(explain_root).list() if r.model_kind == kind)
    shutil.copytree(explain_root / record.id, store.root / record.id)
    store.map_path(record.id).unlink()
    (store.root / record.id / LOCK_FILE).unlink(missing_ok=True)
    return store, record.id


def test_an_older_run_gets_its_map_through_the_line_once(explain_root, tmp_path):
    store, run_id = older_run(explain_root, tmp_path / "runs")
    line = TrainingLine(TrainingQueue(store))
    remote = connect_line(serve_line(line, b"key"), b"key")  # as a page of the class server asks
    assert remote.map_state(run_id).state == MapState.NONE
    first = remote.request_map(run_id)
    assert first.state in (MapState.WAITING, MapState.MAKING)
    assert remote.request_map(run_id).state in (MapState.WAITING, MapState.MAKING)  # asked again: nothing more
    wait_until(lambda: remote.map_state(run_id).state == MapState.READY, timeout=120)
    embedding = load_map(store.root / run_id)
    assert embedding is not None and embedding.points.shape == (MAP_IMAGES, 2)
    assert remote.request_map(run_id).state == MapState.READY


def test_the_line_makes_one_map_at_a_time_and_each_once(tmp_path):
    store = RunStore(tmp_path / "runs")
    made, release = [], threading.Event()

    def make(run_id: str) -> None:
        release.wait(10)
        made.append(run_id)
        raise RuntimeError("no data set here")  # so the file never comes and the failure is reported

    maker = MapMaker(store, make=make)
    ids = ["20261204-120000-mnist-aaaaaa", "20261204-120001-mnist-bbbbbb"]
    for _ in range(3):
        for run_id in ids:
            maker.request(run_id)
    assert {maker.status(run_id).state for run_id in ids} <= {MapState.WAITING, MapState.MAKING}
    release.set()
    wait_until(lambda: all(maker.status(run_id).state == MapState.FAILED for run_id in ids))
    assert made == ids  # each once, in the order asked
    assert maker.status(ids[0]).error == "no data set here"
    assert maker.request(ids[0]).state == MapState.FAILED  # not again straight away
    assert made == ids


def test_a_map_that_cannot_be_made_says_why(explain_root, tmp_path):
    store, run_id = older_run(explain_root, tmp_path / "runs")
    (store.root / run_id / "model.keras").write_bytes(b"not a model")
    maker = MapMaker(store)  # the real worker process
    maker.request(run_id)
    wait_until(lambda: maker.status(run_id).state == MapState.FAILED, timeout=120)
    assert "could not be read" in maker.status(run_id).error
    with pytest.raises(Exception, match="could not be read"):
        make_map(store, run_id)


def test_the_draw_page_waits_for_an_older_runs_map(explain_root, tmp_path, monkeypatch, pen_threes):
    store, run_id = older_run(explain_root, tmp_path / "runs")
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(store.root))
    at = open_draw(run_id)
    draw(at, a_three(store.root, run_id, pen_threes))
    at.toggle(key=map_views.SHOW_MAP_KEY).set_value(True).run()
    shown = container(at, "embedding-map")
    assert "being made" in texts(shown.info) and not at.get("vega_lite_chart")[1:]
    wait_until(lambda: store.map_path(run_id).is_file(), timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "being made" not in texts(container(at, "embedding-map").info)
    assert "Your drawing is the dark diamond" in texts(container(at, "embedding-map-words").markdown)


# The pages


def test_where_it_looked_the_map_and_fooling_on_the_draw_page(explain_runs, explain_root, pen_threes):
    run_id = explain_runs["cnn"]
    at = open_draw(run_id)
    assert container(at, "where-it-looked") is None  # nothing drawn: nothing to explain
    draw(at, a_three(explain_root, run_id, pen_threes))

    where = container(at, "where-it-looked")
    shown = [caption for image in where.image for caption in image.captions]
    assert shown[0] == "The input" and shown[1].startswith("Why 3 (") and shown[2].startswith("Why not ")
    alts = [picture.alt for image in where.image for picture in image.proto.imgs]
    assert len(alts) == 4 and all(alt.strip() for alt in alts)  # three maps and the legend, each described
    said = texts(where.markdown)
    assert "**Why 3:** The ink pushing toward 3" in said and "**Why not " in said

    at.toggle(key=map_views.SHOW_MAP_KEY).set_value(True).run()
    assert not at.exception
    chart = next(c for c in at.get("vega_lite_chart") if "picked" in c.proto.spec)
    spec = json.loads(chart.proto.spec)
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["point", "text", "text", "point", "text"]
    assert chart.proto.datasets[0].name == "points" and chart.proto.alt.startswith(f"Map of {MAP_IMAGES}")
    said_map = texts(container(at, "embedding-map-words").markdown)
    assert f"{MAP_IMAGES} test images on the map" in said_map and "closest together: " in said_map
    assert "their labels are " in said_map

    fool_it(at, 8)
    fooled = container(at, "fooled")
    assert "The network now reads 8." in texts(fooled.success)
    assert "still sees 3" in texts(fooled.markdown)
    assert [caption for image in fooled.image for caption in image.captions][1].startswith("Changed: read 8")


@pytest.mark.parametrize("kind", KINDS)
def test_a_drawn_3_is_fooled_into_an_8_and_given_to_the_class(explain_runs, explain_root, pen_threes, kind):
    import ui

    run_id = explain_runs[kind]
    at = open_draw(run_id)
    draw(at, a_three(explain_root, run_id, pen_threes))
    fool_it(at, 8)
    state = at.session_state[fool_views.FOOL_KEY]
    fooled = state["future"].result()
    assert fooled.succeeded and fooled.steps > 0
    assert ui.predictor(run_id).probabilities(fooled.image).argmax() == 8  # the page's own reading of it
    assert "The network now reads 8." in texts(container(at, "fooled").success)

    assert at.selectbox(key="fool-meant").value == 3
    at.button(key="fool-give").click().run()
    assert "on the class's board" in texts(container(at, "fooled").success)
    store = ClassDrawings(config.class_db_path())
    (given,) = store.ids()
    marker = json.loads(store.strokes(int(given)))
    assert marker["made_by"] == "fool-it" and marker["target"] == 8 and marker["from"]["objects"]
    drawings = store.drawings()
    assert int(drawings.labels[0]) == 3 and int(drawings.readings[0]) == 8  # on the "fooled the model" board
    at.button(key="fool-give").click().run()  # once is enough
    assert len(store.ids()) == 1


def test_a_blank_canvas_and_a_tiny_drawing_are_answered_with_a_message(explain_runs):
    at = open_draw(explain_runs["mlp"])
    fool_it(at, 8)
    assert container(at, "where-it-looked") is None
    assert "Nothing drawn yet" in texts(container(at, "fooled").warning)

    draw(at, render_strokes([[(140, 140)]]))  # one tap of the brush
    assert "very small" in texts(at.warning) and container(at, "where-it-looked") is None
    fool_it(at, 8)
    assert "very small" in texts(container(at, "fooled").warning)

    at.toggle(key=map_views.SHOW_MAP_KEY).set_value(True).run()  # the map, with no drawing on it
    assert "Your drawing" not in texts(container(at, "embedding-map-words").markdown)


def test_the_mistakes_page_shows_the_map(explain_runs):
    at = open_app(MISTAKES)
    at.selectbox(key="mistakes-run").set_value(explain_runs["mlp"]).run()
    assert not at.exception
    shown = container(at, "embedding-map")
    assert shown is not None and "Click a point" in texts(shown.caption)
    assert f"{MAP_IMAGES} test images on the map" in texts(container(at, "embedding-map-words").markdown)


def test_all_three_in_korean(explain_runs, explain_root, pen_threes):
    run_id = explain_runs["cnn"]
    at = open_draw(run_id, locale="ko-KR")
    draw(at, a_three(explain_root, run_id, pen_threes))
    at.toggle(key=map_views.SHOW_MAP_KEY).set_value(True).run()
    fool_it(at, 8)
    assert container(at, "where-it-looked") and container(at, "embedding-map") and container(at, "fooled")
    assert "이제 네트워크가 8(으)로 읽어요" in texts(container(at, "fooled").success)
    check_language(at, "ko")


def test_the_draw_page_shows_the_map_without_tensorflow_or_scikit_learn(explain_runs, explain_root):
    run_id = explain_runs["cnn"]
    # A fresh interpreter: whatever the page imports to show all three counts.
    script = textwrap.dedent(
        f"""
        import sys
        from harness.apptest import DRAW, container, draw, open_app
        from mnist_core.data.pen_digits import render_strokes
        at = open_app(DRAW)
        at.selectbox(key="draw-run").set_value({run_id!r}).run()
        draw(at, render_strokes([[(90, 60), (200, 70), (120, 140), (200, 200), (90, 230)]]))
        at.toggle(key="show-map").set_value(True).run()
        at.button(key="fool-it").click().run()
        assert not at.exception, at.exception
        assert container(at, "embedding-map") is not None and at.get("vega_lite_chart")
        print(sorted(name for name in ("tensorflow", "keras", "sklearn") if name in sys.modules))
        """
    )
    environment = {**os.environ, "MNIST_APP_RUNS_DIR": str(explain_root), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=environment, timeout=180
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_a_clicked_point_is_read_from_what_the_browser_sends():
    assert map_views.picked_rows([{"row": 12}]) == [12]
    assert map_views.picked_rows({"row": 3.0}) == [3]
    assert map_views.picked_rows({}) == [] and map_views.picked_rows(None) == []
    assert map_views.picked_rows([{"row": "12"}, {"row": True}, {"row": float("nan")}, "x"]) == []


def a_map(points: np.ndarray, labels: np.ndarray) -> EmbeddingMap:
    count = len(points)
    return EmbeddingMap(
        points=points.astype(np.float32),
        labels=labels.astype(np.uint8),
        predicted=labels.astype(np.uint8),
        indices=np.arange(count, dtype=np.int32),
        layer="hidden",
        features=np.zeros((count, 2), np.float32),
        mean=np.zeros(3, np.float32),
        components=np.zeros((2, 3), np.float32),
    )


def test_the_map_in_words_names_the_labels_that_mix_and_only_those():
    rng = np.random.default_rng(0)
    labels = np.repeat(np.arange(10), 60)
    spots = rng.random((10, 2)) * 0.8 + 0.1
    apart = a_map(spots[labels] + rng.normal(0, 0.005, (600, 2)), labels)
    assert words.close_pairs(apart) == []
    assert "each group stands apart" in words.map_words(apart, [str(d) for d in range(10)])
    spots[9] = spots[4]  # 4 and 9 share a place, as they do on a network that confuses them
    mixed = a_map(spots[labels] + rng.normal(0, 0.005, (600, 2)), labels)
    assert words.close_pairs(mixed) == [(4, 9)]
    assert "The labels that sit closest together: 4 and 9." in words.map_words(mixed, [str(d) for d in range(10)])


def test_both_heat_maps_share_a_scale_that_one_pixel_cannot_take():
    answer, runner_up = np.zeros((28, 28)), np.zeros((28, 28))
    answer[10, 5:25] = np.linspace(0.1, 1, 20)
    runner_up[12, 5:25] = -0.5
    answer[3, 3] = 50  # one pixel far above the rest
    limit = explain_views.shared_limit(answer, runner_up)
    assert 0.5 < limit < 50
    assert explain_views.shared_limit(np.zeros((28, 28))) == 0
