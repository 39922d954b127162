"""A class, not a crowd: named students with their own runs, and a teacher in charge (pages under AppTest).

Trainings are stand-ins here (the line and the pages are under test, not TensorFlow); the browser tests and
tests/test_jobs.py train for real.
"""

from __future__ import annotations

import re
import time

import pytest
from stand_ins import wait_until

from harness.apptest import DRAW, MISTAKES, TRAIN, container, open_app, texts
from mnist_core import i18n
from mnist_core.classroom.caps import Caps
from mnist_core.classroom.settings import ClassSettings, ClassSettingsStore
from mnist_core.runs.store import RunStore
from mnist_core.serving.jobs import JobState
from mnist_core.training.settings import TrainingSettings

TEACHER_PAGE = "app_pages/teacher.py"
PASSWORD = "사과나무-7"


def say(key: str, **values: object) -> str:
    return i18n.t(key, "en", **values)


@pytest.fixture
def classroom(tmp_path, monkeypatch):
    root = tmp_path / "runs"
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(root))
    monkeypatch.setenv("MNIST_APP_TEACHER_PASSWORD", PASSWORD)
    monkeypatch.setenv("MNIST_APP_MAX_TRAININGS", "1")
    return root


def job_of(at):
    import ui

    return ui.training_line().queue.get(at.session_state["train-job"])


def runs_table(at):
    (table,) = [frame for frame in at.dataframe if frame.key and frame.key.startswith("runs-table")]
    return table.value


def unlock(at):
    """Type the password and press Unlock (the form's submit button)."""
    at.text_input(key="teacher-password").input(PASSWORD)
    submit = next(button for button in at.button if button.proto.is_form_submitter)
    submit.click().run()
    assert not at.exception
    return at


# Students' names


def test_training_asks_for_a_name_but_drawing_does_not(classroom, held):
    at = open_app(TRAIN)
    assert at.button(key="train-start").disabled and say("train.name_first") in texts(at.info)
    assert not open_app(DRAW).exception  # drawing works without a name


@pytest.mark.parametrize(
    ("typed", "key"),
    [("x" * 30, "name.too_long"), ("<b>Min</b>", "name.bad_characters"), ("**Min**", "name.bad_characters")],
)
def test_a_bad_name_gets_a_friendly_reason_and_is_never_used(classroom, typed, key):
    at = open_app(TRAIN)
    at.text_input(key="student-name").input(typed).run()
    assert not at.exception
    assert say(key).split("(")[0].split("{")[0][:20] in texts(at.sidebar.warning)
    assert at.button(key="train-start").disabled
    assert "student" not in at.query_params


def test_a_name_is_kept_in_the_link_and_shown_as_plain_text(classroom):
    at = open_app(TRAIN)
    at.text_input(key="student-name").input("  김 민준_2 ").run()
    assert at.query_params["student"] == "김 민준_2"
    assert not at.button(key="train-start").disabled
    again = open_app(TRAIN, student="김 민준_2")  # a refresh or a bookmark: the link keeps the name
    assert again.text_input(key="student-name").value == "김 민준_2"


def test_two_named_students_each_see_their_own_runs(classroom, held):
    held.release.set()
    for name in ("Min-jun", "Ji-woo"):
        at = open_app(TRAIN, student=name)
        at.number_input(key="train-epochs").set_value(1).run()
        at.button(key="train-start").click().run()
        wait_until(lambda at=at: not job_of(at).snapshot().active)
    minjun, jiwoo = open_app(TRAIN, student="min-jun"), open_app(TRAIN, student="Ji-woo")
    assert list(runs_table(minjun)["who"]) == ["Min-jun"]
    assert list(runs_table(jiwoo)["who"]) == ["Ji-woo"]
    jiwoo.toggle(key="runs-whole-class").set_value(True).run()
    assert list(runs_table(jiwoo)["who"]) == ["Ji-woo", "Min-jun"]  # mine first, then the class's


# The teacher's caps and the fair line


def test_a_cap_of_3_epochs_refuses_a_10_epoch_request_with_the_cap_in_the_message(classroom, held):
    ClassSettingsStore(classroom).save(ClassSettings(Caps(epochs=3)))
    at = open_app(TRAIN, student="Min-jun")
    assert "up to 3 epochs" in texts(at.caption)  # the student sees the caps before asking
    at.number_input(key="train-epochs").set_value(10).run()
    at.button(key="train-start").click().run()
    assert "at most 3 epochs" in texts(at.warning) and "you asked for 10" in texts(at.warning)
    assert "train-job" not in at.session_state


def test_a_second_tab_of_the_same_student_cannot_queue_a_second_job(classroom, held):
    first_tab = open_app(TRAIN, student="Min-jun")
    first_tab.number_input(key="train-epochs").set_value(1).run()
    first_tab.button(key="train-start").click().run()
    second_tab = open_app(TRAIN, student="MIN-JUN")  # another tab, or another device
    assert second_tab.button(key="train-start").disabled  # it shows the job already in line
    assert second_tab.button(key="train-stop")
    import ui

    with pytest.raises(ValueError, match="already have a training"):  # and the line refuses it anyway
        ui.training_line().queue.submit(TrainingSettings(epochs=1), owner=ui.people.Owner("min-jun"))


def test_the_teacher_stops_a_students_training_and_the_students_page_says_so(classroom, held):
    student = open_app(TRAIN, student="Min-jun")
    student.number_input(key="train-epochs").set_value(1).run()
    student.button(key="train-start").click().run()
    wait_until(lambda: job_of(student).snapshot().batch > 0)

    teacher = unlock(open_app(TEACHER_PAGE))
    line = container(teacher, "teacher-queue")
    assert line is not None and "Min-jun" in texts(teacher.text)
    teacher.button(key=f"line-stop-{job_of(student).id}").click().run()
    wait_until(lambda: not job_of(student).snapshot().active)

    student.run()
    assert say("train.by_teacher.stopped", epochs=1) in texts(student.warning)
    record = RunStore(classroom).list()[0]
    assert (record.status, record.owner) == ("stopped", "Min-jun")


def test_the_teacher_takes_a_waiting_job_out_of_the_line(classroom, held):
    first = open_app(TRAIN, student="A")
    first.button(key="train-start").click().run()
    second = open_app(TRAIN, student="B")
    second.button(key="train-start").click().run()
    assert job_of(second).snapshot().state == JobState.QUEUED
    teacher = unlock(open_app(TEACHER_PAGE))
    teacher.button(key=f"line-stop-{job_of(second).id}").click().run()
    second.run()
    assert say("train.by_teacher.cancelled") in texts(second.info)


# The Teacher page


def test_without_a_password_set_the_page_stays_locked_and_says_how_to_set_one(classroom, monkeypatch):
    monkeypatch.delenv("MNIST_APP_TEACHER_PASSWORD")
    at = open_app(TEACHER_PAGE)
    assert "MNIST_APP_TEACHER_PASSWORD" in texts(at.info)
    assert container(at, "teacher-caps") is None


def test_a_wrong_password_is_refused_and_many_make_the_session_wait(classroom):
    at = open_app(TEACHER_PAGE)
    for _ in range(5):
        at.text_input(key="teacher-password").input("guess")
        next(button for button in at.button if button.proto.is_form_submitter).click().run()
        assert not at.exception and container(at, "teacher-caps") is None
    assert say("teacher.wrong") in texts(at.error)
    assert "close" not in texts(at.error).lower()  # never how close a guess was
    unlock(at)  # the right password, but within the minute: still locked
    assert container(at, "teacher-caps") is None
    assert re.search(r"wait \d+ seconds", texts(at.warning))


def test_caps_are_saved_and_survive_a_restart(classroom):
    at = unlock(open_app(TEACHER_PAGE))
    caps = container(at, "teacher-caps")
    assert caps is not None
    at.number_input(key="cap-epochs").set_value(3).run()
    at.checkbox(key="cap-augment").uncheck().run()
    at.button(key="cap-save").click().run()
    assert say("teacher.caps.saved") in texts(at.success)
    saved = ClassSettingsStore(classroom).load().caps  # read from disk, as a restarted server would
    assert (saved.epochs, saved.augment) == (3, False)


def test_the_network_caps_are_saved_from_the_teacher_s_form(classroom):
    at = unlock(open_app(TEACHER_PAGE))
    assert at.number_input(key="cap-parameters").value == 2_000_000 and at.number_input(key="cap-layers").value == 12
    assert "custom" in at.multiselect(key="cap-models").value  # written networks are allowed until the teacher says
    at.number_input(key="cap-parameters").set_value(300_000).run()
    at.number_input(key="cap-layers").set_value(5).run()
    at.multiselect(key="cap-models").unselect("custom").run()
    at.button(key="cap-save").click().run()
    saved = ClassSettingsStore(classroom).load().caps
    assert (saved.parameters, saved.layers, saved.models) == (300_000, 5, ("mlp", "cnn"))


def test_a_pinned_run_becomes_everyones_draw_default_and_a_deleted_one_moves_them_to_it(classroom, quick_result):
    store = RunStore(classroom)
    pinned = store.save(quick_result, teacher=True)
    time.sleep(1.05)
    newer = store.save(quick_result, owner="Min-jun")  # newer and as good: without a pin, Draw would start on it
    student = open_app(DRAW, student="Min-jun")
    assert student.session_state["draw-run"] == newer.id

    teacher = unlock(open_app(TEACHER_PAGE))
    teacher.selectbox(key="pin-choice").set_value(pinned.id).run()
    teacher.button(key="pin-run").click().run()
    assert pinned.created[:10] in texts(container(teacher, "class-model").text)  # it shows the pinned run
    for who in ("Ji-woo", None):  # everyone starts on it
        assert open_app(DRAW, student=who).session_state["draw-run"] == pinned.id
        assert open_app(MISTAKES, student=who).session_state["mistakes-run"] == pinned.id

    student.run()  # Min-jun keeps reading with his own run, which he chose ...
    teacher.selectbox(key="delete-choice").set_value(newer.id).run()
    teacher.button(key="delete-run").click().run()
    teacher.button(key="delete-confirm").click().run()
    assert say("teacher.runs.deleted") in texts(teacher.success)
    student.run()  # ... until the teacher deletes it: his page says so and moves to the class model
    assert not student.exception
    assert "no longer there" in texts(student.info)
    assert student.session_state["draw-run"] == pinned.id


def test_the_teacher_page_works_in_korean(classroom):
    at = open_app(TEACHER_PAGE, locale="ko-KR")
    assert at.title[0].value == "선생님"
    unlock(at)
    assert container(at, "teacher-caps") is not None
    assert at.number_input(key="cap-epochs").label == i18n.t("teacher.caps.epochs", "ko")
    assert i18n.t("teacher.class_model.title", "ko") in " ".join(md.value for md in at.markdown)
