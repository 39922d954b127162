"""The inside view and the live weights under AppTest: their hooks, the pictures, alt text on each, both languages.

The pages call these sections (Draw: ui.inside.inside_network, Train: ui.inside.weights_live); here each runs in a
small script of its own, with views from real models: the quick dense model and a CNN as built (untrained).
"""

import keras
import pytest
from streamlit.testing.v1 import AppTest

from harness.apptest import container, shown_strings
from harness.language import HANGUL, KEY_LIKE, english_sentences
from mnist_core import i18n
from mnist_core.data.pen_digits import render_strokes
from mnist_core.model.keras_model import build_model
from mnist_core.reading.inside import SNAPSHOT_UNITS, UNITS_SHOWN, weight_snapshot
from mnist_core.reading.predict import Predictor

SEVEN = [[(70.0, 50.0), (210.0, 50.0), (120.0, 240.0)]]


def inside_script(view, language):
    from mnist_core import i18n
    from ui.inside import inside_network

    with i18n.in_language(language):
        inside_network(view)


def weights_script(snapshots, live, language):
    from mnist_core import i18n
    from ui.inside import weights_live

    with i18n.in_language(language):
        weights_live(snapshots, key="weights-epoch", live=live)


def run(script, *args) -> AppTest:
    i18n.forget_missing()
    at = AppTest.from_function(script, args=args, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not i18n.missing_keys(), i18n.missing_keys()
    return at


def alts(block) -> list[str]:
    return [picture.alt for image in block.image for picture in image.proto.imgs]


def check_language(at: AppTest, language: str) -> None:
    text = "\n".join(shown_strings(at))
    assert not [match.group(0) for match in KEY_LIKE.finditer(text)]
    if language == "ko":
        assert len(HANGUL.findall(text)) > 100
        assert not [phrase for phrase in english_sentences(rendered=False) if phrase in text]
    else:
        assert not HANGUL.search(text)


@pytest.fixture(scope="module")
def dense_view(quick_result):
    return Predictor(quick_result.model).read_canvas(render_strokes(SEVEN), inside=True).inside


@pytest.fixture(scope="module")
def convolution_view():
    keras.utils.set_random_seed(3)
    return Predictor(build_model("cnn")).read_canvas(render_strokes(SEVEN), inside=True).inside


@pytest.mark.parametrize("language", ["en", "ko"])
def test_dense_inside_view_shows_16_units_and_the_two_pushes_each_with_alt_text(dense_view, language):
    at = run(inside_script, dense_view, language)
    block = container(at, "inside-network")
    assert block is not None
    descriptions = alts(block)
    units = UNITS_SHOWN + 2 * len(dense_view.answer.units)
    assert len(descriptions) == units + 1  # and the legend
    assert all(description.strip() for description in descriptions)
    assert sum(str(dense_view.units[0].index + 1) in description for description in descriptions) >= 1
    captions = [caption for image in block.image for caption in image.captions]
    unit = "유닛" if language == "ko" else "Unit"
    assert sum(caption.startswith(unit) for caption in captions) == units
    assert len(block.expander) == 1  # the lesson on hidden units
    check_language(at, language)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_convolution_inside_view_shows_32_filters_their_maps_and_the_second_layer(convolution_view, language):
    at = run(inside_script, convolution_view, language)
    block = container(at, "inside-network")
    descriptions = alts(block)
    assert len(descriptions) == 1 + 32 + 1  # the legend, each filter above its map, the second layer's grid
    assert all(description.strip() for description in descriptions)
    filter_and_map = "필터 {n}: 3 × 3" if language == "ko" else "Filter {n}: 3 × 3"
    for number, description in enumerate(descriptions[1:33], start=1):
        assert description.startswith(filter_and_map.format(n=number))
        assert "+" in description or "\u2212" in description  # its rows read as signs, without colour
        assert description.count(str(number)) >= 2  # and its map described after it
    captions = [caption for image in block.image for caption in image.captions]
    assert captions.count("필터 1" if language == "ko" else "Filter 1") == 1
    assert len(block.expander) == 2  # a lesson per layer
    check_language(at, language)


@pytest.fixture(scope="module")
def snapshots(quick_result):
    keras.utils.set_random_seed(1)
    before = weight_snapshot(build_model("mlp"))
    return [(0, before), (1, weight_snapshot(quick_result.model)), (2, weight_snapshot(quick_result.model))]


def test_live_weights_show_the_newest_epoch_without_a_slider(snapshots):
    at = run(weights_script, snapshots, True, "en")
    block = container(at, "weights-live")
    assert not at.select_slider
    descriptions = alts(block)
    assert len(descriptions) == SNAPSHOT_UNITS + 1
    assert all(description.startswith("After epoch 2: ") for description in descriptions[1:])
    assert any("After epoch 2" in caption.value for caption in block.caption)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_after_training_a_slider_goes_back_to_the_random_start(snapshots, language):
    at = run(weights_script, snapshots, False, language)
    slider = at.select_slider(key="weights-epoch")
    assert slider.options == ["0", "1", "2"] and slider.value == 2
    slider.set_value(0).run()
    assert not at.exception
    block = container(at, "weights-live")
    before = "훈련 전" if language == "ko" else "Before training"
    assert any(before in caption.value for caption in block.caption)
    assert all(description.startswith(before) for description in alts(block)[1:])
    check_language(at, language)


def test_conv1_filters_as_they_form_and_nothing_before_the_start():
    keras.utils.set_random_seed(2)
    filters = weight_snapshot(build_model("cnn"))
    at = run(weights_script, [(0, filters)], False, "en")
    block = container(at, "weights-live")
    assert not at.select_slider  # one epoch: nothing to slide
    descriptions = alts(block)
    assert len(descriptions) == 32 + 1 and all("rows from the top" in text for text in descriptions[1:])

    at = run(weights_script, [], True, "en")
    assert not container(at, "weights-live").image
