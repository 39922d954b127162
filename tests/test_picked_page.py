"""The Draw page's "pick a test image" (issue #33, ui/image_picker.py) under AppTest: a picked test image is read
with every view a drawing gets, can be given to the class set like a drawing, and gives way to a drawing."""

from __future__ import annotations

import json
import re

import pytest

from harness.apptest import DRAW, captions, check_language, container, draw, open_app, texts
from mnist_core import i18n
from mnist_core.classset.drawings import ClassDrawings
from mnist_core.data import datasets
from mnist_core.data.pen_digits import render_strokes
from mnist_core.reading.predict import Predictor
from mnist_core.runs.store import RunStore
from ui.image_picker import BY_NUMBER, HOW_KEY, NUMBER_KEY, PICK_KEY, READ_KEY

STUDENT = "Ji-woo"
INDEX = 42  # any test image


@pytest.fixture(autouse=True)
def no_missing_keys_yet():
    i18n.forget_missing()


@pytest.fixture
def class_db(tmp_path, monkeypatch):
    """This test's own class set (the trained runs' folder is shared by the session's page tests)."""
    path = tmp_path / "class.sqlite3"
    monkeypatch.setenv("MNIST_APP_CLASS_DB", str(path))
    return path


def pick(at, how: int = BY_NUMBER, number: int | None = None):
    at.selectbox(key=HOW_KEY).set_value(how).run()
    if number is not None:
        at.number_input(key=NUMBER_KEY).set_value(number).run()
    at.button(key=READ_KEY).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown_test_image(at) -> tuple[int, int] | None:
    """The number and label of the test image the page reads, from its picture's caption (None: no test image)."""
    for caption in captions(at):
        match = re.fullmatch(r"Test image (\d+): (\d)", caption)
        if match:
            return int(match.group(1)), int(match.group(2))
    return None


@pytest.mark.slow
def test_a_picked_test_image_is_read_like_a_drawing_and_given_to_the_class(trained_runs, class_db):
    at = open_app(DRAW, student=STUDENT)
    assert container(at, PICK_KEY) is not None and shown_test_image(at) is None
    pick(at, number=INDEX)

    data = datasets.load("mnist")
    label = int(data.y_test[INDEX])
    assert shown_test_image(at) == (INDEX, label)
    (picture,) = [image for image in at.image if any(c.startswith("Test image") for c in image.captions)]
    assert [item.alt for item in picture.proto.imgs] == [
        f"Test image {INDEX}: a handwritten {label}, 28 × 28 grey pixels."
    ]
    # The reading is the model's reading of that very image, shown as a drawing's is.
    record = next(record for record in RunStore(trained_runs).list() if record.dataset == "mnist")
    expected = Predictor(RunStore(trained_runs).load_network(record.id)).probabilities(data.x_test[INDEX] / 255)
    (metric,) = container(at, "prediction").metric
    assert metric.value == str(int(expected.argmax()))
    assert re.fullmatch(r"\d+% sure", at.get("progress")[0].proto.text)
    assert "The model's input: 28 × 28" in captions(at)  # what the model sees: the image, no preparing steps
    assert not any(caption.startswith("2. Cropped") for caption in captions(at))
    assert i18n.t("draw.sees.help_test_image", "en") in texts(at.caption)  # not "your drawing"
    assert i18n.t("draw.sees.help", "en") not in texts(at.caption)
    at.toggle(key="show-inside").set_value(True).run()
    assert container(at, "inside-network") is not None and not at.exception

    at.button(key=f"give-{label}").click().run()
    assert f"Given as a {label}" in texts(at.success)
    store = ClassDrawings(class_db)
    assert int(store.counts().sum()) == 1 and int(store.counts()[label]) == 1
    (drawing_id,) = store.ids()
    assert json.loads(store.strokes(drawing_id)) == {"test_image": INDEX}


@pytest.mark.slow
def test_a_random_test_image_of_a_digit_then_a_drawing_takes_its_place(trained_runs, class_db):
    at = open_app(DRAW)
    pick(at, how=3)
    index, label = shown_test_image(at)
    assert label == 3 and int(datasets.load("mnist").y_test[index]) == 3
    assert container(at, "prediction") is not None

    draw(at, render_strokes([[(80, 70), (200, 70), (130, 220)]]))  # ink on the canvas wins
    assert shown_test_image(at) is None and container(at, "prediction") is not None
    assert i18n.t("draw.sees.help", "en") in texts(at.caption)  # the drawing's own steps again

    pick(at, how=3)
    assert shown_test_image(at) is not None
    at.button(key="clear-canvas").click().run()  # Clear empties the page: no test image either
    assert shown_test_image(at) is None and "Nothing drawn yet" in texts(at.info)


@pytest.mark.slow
def test_picking_a_test_image_in_korean(trained_runs, class_db):
    at = open_app(DRAW, locale="ko-KR")
    pick(at, number=INDEX)
    assert any(caption.startswith(f"테스트 이미지 {INDEX}:") for caption in captions(at))
    assert i18n.t("draw.sees.help_test_image", "ko") in texts(at.caption)
    check_language(at, "ko")
