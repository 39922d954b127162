"""The Class page, giving a drawing, and the teacher's class tools, under AppTest, in English and Korean.

The class is made of real pen digits (UNIPEN writers as students) read by the quick model, plus one drawing that
fools it: a 1 that Ji-woo meant as a 7.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from stand_ins import stand_in_result, use_stand_in_training
from streamlit.testing.v1 import AppTest

from harness.apptest import container, shown_strings
from harness.language import HANGUL, KEY_LIKE, english_sentences
from harness.pen_class import give_all, pen_gifts
from mnist_core import config, i18n
from mnist_core.classroom.settings import ClassSettings, ClassSettingsStore
from mnist_core.classroom.students import TEACHER
from mnist_core.classset.drawings import ClassDrawings
from mnist_core.classset.export import read_export
from mnist_core.classset.fine_tuning import fine_tuning_settings
from mnist_core.data.pen_digits import load_pen_digits
from mnist_core.i18n import t
from mnist_core.reading.predict import Predictor, Reading
from mnist_core.reading.preprocess import DrawingStatus, Prepared
from mnist_core.runs.store import RunStore
from mnist_core.serving import worker
from mnist_core.training.settings import TrainingListener, TrainingSettings

PAGE = str(Path(__file__).resolve().parent.parent / "app_pages" / "class_page.py")
PEN_DIGITS = 40
FOOLER = "Ji-woo"


# Each script speaks the session's language as the app makes it (ui.install): buttons' callbacks included.


def class_page(page: str) -> None:
    """The Class page as the app runs it."""
    import runpy

    import ui

    ui.install()
    runpy.run_path(page)


def give_widget(reading, run_id: str) -> None:
    """The give buttons as the Draw page places them, after a reading (which the page's fragment remembers)."""
    import ui
    from ui.class_views import give_buttons, remember_drawing

    ui.install()
    remember_drawing(reading, {"objects": []}, run_id)
    give_buttons()


def teacher_tools() -> None:
    """The teacher's class tools, as the Teacher page places them."""
    import ui
    from ui import class_teacher

    ui.install()
    class_teacher.names_switch()
    class_teacher.manage_drawings()
    class_teacher.export_button()


def retrain() -> None:
    """Retraining on the class, as the Class and Teacher pages place it."""
    import ui
    from ui import class_teacher

    ui.install()
    class_teacher.retrain_panel()


def run(script, *args, language: str = "en", session: dict | None = None) -> AppTest:
    i18n.forget_missing()
    at = AppTest.from_function(script, args=args, default_timeout=120)
    for key, value in {"language": language, **(session or {})}.items():
        at.session_state[key] = value
    at.run()
    check(at)
    return at


def check(at: AppTest) -> None:
    assert not at.exception, [error.value for error in at.exception]
    assert not i18n.missing_keys(), i18n.missing_keys()


def check_language(at: AppTest, language: str, hangul_at_least: int = 50) -> None:
    text = "\n".join(shown_strings(at))
    assert not [match.group(0) for match in KEY_LIKE.finditer(text)]
    if language == "ko":
        assert len(HANGUL.findall(text)) >= hangul_at_least
        assert not [phrase for phrase in english_sentences(rendered=False) if phrase in text]
    else:
        assert not HANGUL.search(text)


def captions(at: AppTest) -> list[str]:
    return [caption for image in at.image for caption in image.captions]


@pytest.fixture(scope="module")
def classroom(quick_result, tmp_path_factory):
    """A runs folder with the quick model, and a class drawings file beside it."""
    root = tmp_path_factory.mktemp("runs")
    record = RunStore(root).save(quick_result)
    store = ClassDrawings(config.class_db_path({"MNIST_APP_RUNS_DIR": str(root)}))
    gifts = pen_gifts(load_pen_digits(config.pen_digits_path())[:PEN_DIGITS], Predictor(quick_result.model))
    give_all(store, gifts, record.id)
    one = next(gift.reading for gift in gifts if gift.label == 1 and gift.reading.predicted_label == 1)
    store.give(FOOLER, 7, one, "{}", record.id)
    return root, record, [gift.student for gift in gifts]


@pytest.fixture
def runs(classroom, monkeypatch):
    root, _, _ = classroom
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(root))
    monkeypatch.delenv("MNIST_APP_CLASS_DB", raising=False)
    ClassSettingsStore(root).save(ClassSettings())
    return root


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_class_page_shows_counts_accuracy_and_the_matrix_without_names(runs, classroom, language):
    _, record, students = classroom
    at = run(class_page, PAGE, language=language)
    assert at.title[0].value == t("class.title", language)
    (count,) = container(at, "class-count").metric
    assert count.value == str(PEN_DIGITS + 1)
    (accuracy,) = container(at, "class-accuracy").metric
    assert re.fullmatch(r"\d+\.\d%", accuracy.value)
    (mnist,) = container(at, "class-mnist-accuracy").metric
    assert mnist.value == f"{record.test_accuracy * 100:.1f}%"
    assert len(container(at, "class-confusion").dataframe) == 1
    assert any(caption.startswith("7 → 1") for caption in captions(at))  # Ji-woo's 1 fooled the model
    shown = "\n".join(shown_strings(at))
    assert not [name for name in [*students, FOOLER] if name in shown]  # no names on the projector
    check_language(at, language)


def test_names_show_when_the_teacher_turns_them_on(runs):
    ClassSettingsStore(runs).save(ClassSettings(show_names=True))
    at = run(class_page, PAGE, language="en")
    assert any(caption.startswith("7 → 1") and caption.endswith(f"· {FOOLER}") for caption in captions(at))


def test_a_chosen_cell_shows_its_drawings(runs):
    selection = {"selection": {"rows": [], "columns": [], "cells": [[7, "1"]]}}
    at = run(class_page, PAGE, language="en", session={"class-matrix": selection})
    block = container(at, "class-confusion")
    assert "Meant 7, read as 1" in " ".join(element.value for element in block.markdown)
    assert [caption.split(" (")[0] for caption in captions(at)].count("7 → 1") >= 2  # in the cell and on the board


def test_an_empty_class_set_says_how_to_give_a_drawing(classroom, tmp_path, monkeypatch):
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(classroom[0]))
    monkeypatch.setenv("MNIST_APP_CLASS_DB", str(tmp_path / "new.sqlite3"))
    at = run(class_page, PAGE, language="ko")
    assert container(at, "class-count").metric[0].value == "0"
    assert t("class.none_yet", "ko") in [element.value for element in at.info]


def test_a_damaged_class_file_is_a_message_and_stays_as_it_is(classroom, tmp_path, monkeypatch):
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    before = damaged.read_bytes()
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(classroom[0]))
    monkeypatch.setenv("MNIST_APP_CLASS_DB", str(damaged))
    at = run(class_page, PAGE, language="ko")
    (error,) = at.error
    assert t("class.unavailable", "ko") in error.value and str(damaged) in error.value
    assert damaged.read_bytes() == before


# Giving a drawing


@pytest.fixture
def reading(quick_result, classroom) -> Reading:
    gifts = pen_gifts(load_pen_digits(config.pen_digits_path())[-1:], Predictor(quick_result.model))
    return gifts[0].reading


@pytest.fixture
def class_file(tmp_path, monkeypatch) -> ClassDrawings:
    path = tmp_path / "class.sqlite3"
    monkeypatch.setenv("MNIST_APP_CLASS_DB", str(path))
    return ClassDrawings(path)


def buttons(at: AppTest) -> list:
    return [button for button in container(at, "give-drawing").button if button.key.startswith("give-")]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_named_student_gives_a_drawing_with_one_click(class_file, classroom, reading, language):
    run_id = classroom[1].id
    at = run(give_widget, reading, run_id, language=language, session={"student-name": "Min-jun"})
    assert [button.key for button in buttons(at)] == [f"give-{digit}" for digit in range(10)]
    assert not any(button.disabled for button in buttons(at))
    at.button(key="give-7").click().run()
    check(at)
    assert at.success[0].value == t("class.give.given", language, digit=7, count=1)
    at.button(key="give-7").click().run()  # this drawing is given: not twice
    assert at.warning[0].value == t("class.give.already", language)
    at.button(key="give-1").click().run()  # nor a third time, whichever digit
    assert at.warning[0].value == t("class.give.already", language)
    drawings = class_file.drawings()
    assert drawings.students == ("Min-jun",) and list(drawings.labels) == [7] and drawings.run_ids == (run_id,)
    np.testing.assert_array_equal(drawings.images[0], reading.prepared.image)
    check_language(at, language, hangul_at_least=20)


def test_without_a_name_or_a_readable_drawing_nothing_can_be_given(class_file, classroom, reading):
    at = run(give_widget, reading, classroom[1].id, language="ko")
    assert all(button.disabled for button in buttons(at))
    assert t("class.give.name_first", "ko") in [caption.value for caption in at.caption]
    blank = Reading(Prepared(DrawingStatus.BLANK, None), None)
    at = run(give_widget, blank, classroom[1].id, language="ko", session={"student-name": "Min-jun"})
    at.button(key="give-4").click().run()
    assert at.warning[0].value == t("class.give.blank", "ko")
    assert class_file.version()[1] == 0  # nothing was given


def test_past_sixty_drawings_the_student_is_thanked_and_asked_to_wait(class_file, classroom, reading):
    for _ in range(60):
        class_file.give("Min-jun", 3, reading, "{}", classroom[1].id)
    at = run(give_widget, reading, classroom[1].id, language="ko", session={"student-name": "MIN-JUN"})
    at.button(key="give-3").click().run()
    check(at)
    assert at.warning[0].value == t("class.give.too_many", "ko", most=60, minutes=10, wait=10)
    assert class_file.version()[1] == 60


def test_a_damaged_class_file_leaves_drawing_alone(tmp_path, monkeypatch, classroom, reading):
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database at all" * 100)
    monkeypatch.setenv("MNIST_APP_CLASS_DB", str(damaged))
    at = run(give_widget, reading, classroom[1].id, language="en", session={"student-name": "Min-jun"})
    at.button(key="give-2").click().run()
    check(at)
    assert at.warning[0].value == t("class.give.unavailable", "en")
    assert damaged.read_bytes() == b"not a database at all" * 100


# The teacher's tools


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_teacher_sees_names_deletes_a_students_drawings_and_downloads_the_set(
    class_file, classroom, reading, language, monkeypatch
):
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(classroom[0]))
    run_id = classroom[1].id
    for name in ("Min-jun", "Seo-yeon", "Seo-yeon"):
        class_file.give(name, 4, reading, "{}", run_id)
    at = run(teacher_tools, language=language)
    assert "Seo-yeon" in "\n".join(shown_strings(at))
    check_language(at, language)

    at.selectbox(key="class-student-choice").set_value("Seo-yeon")
    at.button(key="class-delete-student").click().run()
    check(at)
    at.button(key="class-delete-student-confirm").click().run()
    check(at)
    assert t("class.teacher.deleted", language, count=2, student="Seo-yeon") in [box.value for box in at.success]
    assert class_file.drawings().students == ("Min-jun",)

    at.session_state["class-drawings-table"] = {"selection": {"rows": [0], "columns": []}}  # the newest, chosen
    at.run()
    at.button(key="class-delete-drawing").click().run()
    check(at)
    assert t("class.teacher.drawing_deleted", language) in [box.value for box in at.success]
    assert class_file.version()[1] == 0

    at.toggle(key="class-show-names").set_value(True).run()
    check(at)
    assert ClassSettingsStore(classroom[0]).load().show_names
    ClassSettingsStore(classroom[0]).save(ClassSettings())


def test_the_download_is_the_class_set_in_mnist_format(
    class_file, classroom, reading, monkeypatch, files_made_on_click
):
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(classroom[0]))
    class_file.give("Min-jun", 4, reading, "{}", classroom[1].id)
    run(teacher_tools)
    # Streamlit makes a file when its button is clicked, on a thread outside the session: so here, after the run.
    (make,) = files_made_on_click.values()
    images, labels = read_export(make())
    assert images.shape == (1, 28, 28) and list(labels) == [4]


def test_retraining_on_the_class_asks_for_a_fine_tuning_of_the_class_model(class_file, classroom, reading, monkeypatch):
    asked = []

    def stand_in(settings, listener=None, stop=None, inputs=None):
        asked.append(settings)
        raise RuntimeError("only the request is checked here")

    use_stand_in_training(monkeypatch, stand_in)
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(classroom[0]))
    for name in ("Min-jun", "Seo-yeon", "Ha-eun", "Ji-ho"):
        class_file.give(name, 4, reading, "{}", classroom[1].id)
    at = run(retrain, language="ko", session={"student-name": "Min-jun"})
    assert t("class.retrain.split", "ko", train_drawings=3, train_students=3, held_drawings=1, held_students=1) in [
        caption.value for caption in at.caption
    ]
    at.checkbox(key="class-retrain-anyway").check().run()  # four 4s only: lopsided, and the teacher knows it
    at.button(key="class-retrain").click().run()
    check(at)
    deadline = time.monotonic() + 60
    while not asked and time.monotonic() < deadline:  # the line starts it on a thread of its own
        time.sleep(0.05)
    (settings,) = asked
    assert settings == fine_tuning_settings(classroom[1], up_to=4)


def teacher_section() -> None:
    """The class set's section of the Teacher page."""
    import ui
    from ui import class_teacher

    ui.install()
    class_teacher.teacher_section()


@pytest.fixture(scope="module")
def fine_tuned(quick_result, tmp_path_factory):
    """A runs folder with the quick model, a class set of pen digits, and a run fine-tuned on it."""
    root = tmp_path_factory.mktemp("fine-tuned")
    store = RunStore(root)
    parent = store.save(quick_result)
    class_set = ClassDrawings(config.class_db_path({"MNIST_APP_RUNS_DIR": str(root)}))
    digits = load_pen_digits(config.pen_digits_path())[:40]
    give_all(class_set, pen_gifts(digits, Predictor(quick_result.model)), parent.id)
    settings = fine_tuning_settings(parent, class_set.version()[0], epochs=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MNIST_APP_CLASS_DB", str(class_set.path))
        outcome = worker.train_and_save(settings, store, TEACHER, TrainingListener(), threading.Event())
    return root, store.get(outcome.run_id)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_teacher_sees_a_fine_tuning_before_and_after_and_pins_it(fine_tuned, language, monkeypatch):
    root, child = fine_tuned
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(root))
    monkeypatch.delenv("MNIST_APP_CLASS_DB", raising=False)
    ClassSettingsStore(root).save(ClassSettings())
    at = run(teacher_section, language=language, session={"teacher-unlocked": True})
    labels = [metric.label for metric in container(at, "class-before-after").metric]
    assert labels == [t("class.result.held_metric", language), t("class.result.mnist_metric", language)]
    lessons = "\n".join(element.value for element in at.markdown)
    assert t("class.result.remembered", language) in lessons or t("class.result.forgetting", language) in lessons
    assert "aga " in "\n".join(shown_strings(at)) or "tos " in "\n".join(shown_strings(at))  # names, for the teacher
    check_language(at, language)
    at.button(key="class-pin").click().run()
    check(at)
    assert ClassSettingsStore(root).load().pinned_run == child.id
    assert t("class.result.pinned", language) in [box.value for box in at.success]


# The class's runs on one chart (issue #33)


def table_strings(at: AppTest) -> list[str]:
    """Every heading and cell of the page's static tables (st.table travels as Arrow bytes, like st.dataframe)."""
    return [str(value) for table in at.table for value in [*table.value.columns, *table.value.to_numpy().ravel()]]


def chart_spec(at: AppTest, key: str = "runs-dashboard-chart") -> dict:
    """The Vega-Lite spec of the keyed chart, as the browser gets it."""

    def walk(node):
        if getattr(node, "key", None) == key:
            return node
        for child in getattr(node, "children", {}).values():
            found = walk(child)
            if found is not None:
                return found
        return None

    return json.loads(walk(at._tree).proto.spec)


@pytest.fixture
def own_runs(classroom, tmp_path, monkeypatch) -> Path:
    """A runs folder of this test's own, with the quick model pinned as the class model (its class drawings file is
    beside it, new, unless class_file sets one)."""
    root = tmp_path / "runs"
    root.mkdir()
    shutil.copytree(classroom[0] / classroom[1].id, root / classroom[1].id)
    ClassSettingsStore(root).save(ClassSettings(pinned_run=classroom[1].id))
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(root))
    return root


@pytest.fixture
def class_runs(own_runs) -> dict[str, str]:
    """Stand-in runs of two students and the teacher (no training: a result saved as it would be): name -> run id."""
    store = RunStore(own_runs)

    def save(key: str, accuracy: float, epochs: int, owner: str | None = None, **settings) -> tuple[str, str]:
        result = stand_in_result(TrainingSettings(epochs=epochs, **settings))
        history = {name: values * epochs for name, values in result.history.items()}
        result = dataclasses.replace(result, test_accuracy=accuracy, history=history, fit_seconds=20.0 * epochs)
        return key, store.save(result, owner=owner, teacher=owner is None).id

    return dict(
        [
            save("Min-jun dense", 0.975, 2, "Min-jun"),
            save("Min-jun cnn", 0.991, 3, "Min-jun", model_kind="cnn"),
            save("Seo-yeon", 0.962, 1, "Seo-yeon", optimizer="sgd", learning_rate=0.01),
            save("teacher", 0.989, 4, model_kind="cnn", optimizer="momentum"),
        ]
    )


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_runs_dashboard_has_a_point_per_run_and_no_names_on_the_projector(class_runs, language):
    at = run(class_page, PAGE, language=language)
    block = container(at, "runs-dashboard")
    assert block is not None
    (points, line, label) = chart_spec(at)["layer"]
    assert sorted(point["run"] for point in points["data"]["values"]) == sorted(class_runs.values())  # not the setup's
    assert line["data"]["values"] == [{"accuracy": 0.9804}] and "98.04%" in label["encoding"]["text"]["value"]
    categories = {point["run"]: point["category"] for point in points["data"]["values"]}
    assert categories[class_runs["teacher"]] == f"CNN · {t('optimizer.momentum.short', language)}"
    encoding = points["encoding"]
    assert encoding["color"]["field"] == encoding["shape"]["field"] == "category"  # colour never alone
    shown = "\n".join([*shown_strings(at), *table_strings(at)])
    assert "Min-jun" not in shown and "Seo-yeon" not in shown
    assert t("dashboard.beat.count", language, runs=2, people=2, tutorial="98.04%", best="99.10%",
             category="CNN · adam") in shown  # fmt: skip
    assert t("runs.owner.teacher", language) in shown  # the teacher is no secret
    check_language(at, language)


def test_the_runs_dashboard_names_students_when_the_teacher_shows_names(class_runs, own_runs):
    ClassSettingsStore(own_runs).save(dataclasses.replace(ClassSettingsStore(own_runs).load(), show_names=True))
    at = run(class_page, PAGE, language="en")
    words = " ".join(element.value for element in container(at, "runs-dashboard").markdown)
    assert f"Min-jun (99.10%), {t('runs.owner.teacher')} (98.90%)" in words  # who beat the tutorial, by name
    points = chart_spec(at)["layer"][0]["data"]["values"]
    assert sorted(point["who"] for point in points) == sorted(["Min-jun", "Min-jun", "Seo-yeon", "Teacher ★"])
    assert "Seo-yeon" in table_strings(at)  # every run, as a table


def test_a_clicked_point_shows_the_runs_settings_curves_and_owner(class_runs):
    teacher_run = class_runs["teacher"]
    session = {"runs-dashboard-chart": {"selection": {"pick": [{"run": teacher_run}]}}}
    at = run(class_page, PAGE, language="en", session=session)
    chosen = container(at, "runs-dashboard-chosen")
    assert chosen is not None
    assert "Teacher ★ · CNN · momentum 0.001 · 4 epochs · 98.90% right" in chosen.markdown[0].value
    details = dict(at.table[-1].value.to_numpy().tolist())
    assert details["Whose"] == "Teacher ★" and details["Epochs"] == "4 of 4" and details["Fit time"] == "1:20"
    curves = [element.value for element in chosen.markdown]
    assert f"**{t('chart.loss')}**" in curves and f"**{t('chart.accuracy')}**" in curves


def test_the_runs_dashboard_switches_to_training_time(class_runs):
    at = run(class_page, PAGE, language="en")
    assert chart_spec(at)["layer"][0]["encoding"]["x"]["field"] == "epochs"
    at.radio(key="runs-dashboard-axis").set_value("seconds").run()
    check(at)
    assert chart_spec(at)["layer"][0]["encoding"]["x"]["field"] == "seconds"


# Review first (issue #33)


def teacher_review() -> None:
    """The review switch and list, as the Teacher page places them."""
    import ui
    from ui import class_review

    ui.install()
    class_review.review_section()


@pytest.fixture
def reviewing(own_runs, class_file, reading, classroom) -> ClassDrawings:
    """Review first on, and one approved drawing already in the class set (given before the switch)."""
    class_file.give("Min-jun", 4, reading, "{}", classroom[1].id)
    ClassSettingsStore(own_runs).save(dataclasses.replace(ClassSettingsStore(own_runs).load(), review_first=True))
    return class_file


def class_count() -> str:
    at = run(class_page, PAGE, language="en")
    return container(at, "class-count").metric[0].value


@pytest.mark.parametrize("language", ["en", "ko"])
def test_with_review_first_a_given_drawing_counts_only_once_approved(reviewing, reading, classroom, language):
    student = run(give_widget, reading, classroom[1].id, language=language, session={"student-name": "Ha-eun"})
    student.button(key="give-7").click().run()
    check(student)
    assert student.success[0].value == t("class.give.waiting", language, digit=7)  # the student knows it waits
    assert class_count() == "1"  # not on the projector yet
    (waiting,) = reviewing.pending().ids
    teacher = run(teacher_review, language=language)
    assert teacher.toggle(key="review-first").value
    queue = container(teacher, "review-queue")
    assert queue is not None and "Ha-eun" in " ".join(captions(teacher))
    check_language(teacher, language, hangul_at_least=10)
    teacher.button(key=f"review-approve-{waiting}").click().run()
    check(teacher)
    assert t("class.review.approved", language, count=1) in [box.value for box in teacher.success]
    assert class_count() == "2"


def test_a_rejected_drawing_is_deleted_and_never_reaches_the_projector(reviewing, reading, classroom, own_runs):
    ClassSettingsStore(own_runs).save(dataclasses.replace(ClassSettingsStore(own_runs).load(), show_names=True))
    student = run(give_widget, reading, classroom[1].id, session={"student-name": "Ha-eun"})
    student.button(key="give-7").click().run()
    (waiting,) = reviewing.pending().ids
    teacher = run(teacher_review)
    teacher.button(key=f"review-reject-{waiting}").click().run()
    check(teacher)
    assert t("class.review.rejected", "en", count=1) in [box.value for box in teacher.success]
    assert reviewing.strokes(waiting) is None and reviewing.pending_count() == 0  # gone, pictures and all
    at = run(class_page, PAGE, language="en")
    assert container(at, "class-count").metric[0].value == "1"
    assert "Ha-eun" not in "\n".join([*shown_strings(at), *table_strings(at)])  # names are on, and still not hers
    assert t("class.review.none", "en") in [caption.value for caption in run(teacher_review).caption]


def test_approve_all_shown_and_the_switch_is_saved_with_the_class_settings(reviewing, reading, classroom, own_runs):
    for name in ("Ha-eun", "Ji-ho"):
        reviewing.give(name, 3, reading, "{}", classroom[1].id, approved=False)
    teacher = run(teacher_review)
    teacher.button(key="review-approve-all").click().run()
    check(teacher)
    assert reviewing.pending_count() == 0 and reviewing.version()[1] == 3
    teacher.toggle(key="review-first").set_value(False).run()
    check(teacher)
    assert not ClassSettingsStore(own_runs).load().review_first
    assert container(teacher, "review-queue") is None  # nothing waits and nothing will: no list


# Balance (issue #33)


@pytest.fixture
def lopsided(class_file, reading, classroom) -> ClassDrawings:
    """Ten drawings of every digit but 7, which has one: 7 is below a third of the mean (9.1)."""
    for digit in range(10):
        for number in range(1 if digit == 7 else 10):
            class_file.give(f"student {number}", digit, reading, "{}", classroom[1].id)
    return class_file


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_class_page_names_a_scarce_digit(lopsided, own_runs, language):
    at = run(class_page, PAGE, language=language)
    block = container(at, "class-balance")
    assert t("class.balance.scarce", language, digits="7 (1)", mean="9.1") in [box.value for box in block.warning]
    each = " · ".join(f"{digit}: {1 if digit == 7 else 10}" for digit in range(10))
    assert t("class.balance.counts", language, counts=each) in [caption.value for caption in block.caption]


def test_fine_tuning_a_lopsided_class_set_waits_for_the_teachers_confirmation(lopsided, own_runs):
    at = run(retrain, language="en", session={"student-name": "Min-jun"})
    assert t("class.balance.scarce", "en", digits="7 (1)", mean="9.1") in [box.value for box in at.warning]
    assert at.button(key="class-retrain").disabled
    at.checkbox(key="class-retrain-anyway").check().run()
    check(at)
    assert not at.button(key="class-retrain").disabled


def test_a_balanced_class_set_fine_tunes_without_a_question(class_file, reading, classroom, own_runs):
    for digit in range(10):
        class_file.give("Min-jun", digit, reading, "{}", classroom[1].id)
    at = run(retrain, language="en", session={"student-name": "Min-jun"})
    assert not at.warning and not at.checkbox and not at.button(key="class-retrain").disabled
