"""The Train page's network builder under AppTest: presets fill it, layers are added, changed, moved and removed
with the diagram, summary and parameter count following, an impossible order is explained (and fixed) before
Start, the data settings reach the training, and all of it speaks Korean."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from harness.apptest import TRAIN, check_language, container, open_app, texts
from mnist_core.i18n import t
from mnist_core.model.layers import PRESETS, parse_layers

LAYERS = "train-layers"


def builder_page(locale: str | None = None, query: dict[str, str] | None = None) -> AppTest:
    """The Train page as a named student, with "your own network" chosen."""
    at = open_app(TRAIN, student="Min-jun", locale=locale, query=query)
    at.radio(key="train-model").set_value("custom").run()
    assert not at.exception, [error.value for error in at.exception]
    assert container(at, "network-builder") is not None
    return at


def rows(at: AppTest) -> int:
    """How many layer rows the builder shows (the output layer's is not one: it cannot be changed)."""
    return sum(1 for block in at.container if block.key and re.fullmatch(r"builder-layer-\d+", block.key))


def parameters_shown(at: AppTest) -> int:
    """The parameter count the builder shows."""
    line = texts(container(at, "builder-parameters").markdown)
    return int(re.search(r"([\d,]+)", line).group(1).replace(",", ""))


def summary_table(at: AppTest):
    """The builder's `model.summary()` table."""
    return container(at, "network-builder").dataframe[0].value


def layer_widget(at: AppTest, kind: str, index: int, field: str):
    """The widget of one layer's value (its key moves with the layers: see ui/network_builder.py)."""
    key = f"builder-{at.session_state.get('builder-structure', 0)}"
    return getattr(at, kind)(key=f"{key}-{index}-{field}")


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click()
    return run(at)


def text_field(at: AppTest):
    """The builder's text field: the layers as text."""
    return at.text_input(key="builder-text")


def type_layers(at: AppTest, text: str) -> AppTest:
    text_field(at).input(text)
    return run(at)


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [error.value for error in at.exception]
    return at


def test_the_builder_starts_from_the_tutorials_network_and_the_presets_fill_it(empty_runs):
    at = builder_page()
    assert at.session_state[LAYERS] == PRESETS["tutorial"]
    assert rows(at) == 1 and parameters_shown(at) == 795_010  # the tutorial's model.summary() total
    estimate = texts(container(at, "builder-estimate").caption)
    assert re.search(r"About [\d.:]+( s)? per epoch on this server", estimate), estimate
    for name in ("deep_sigmoid", "wide_dropout", "cnn"):
        at.selectbox(key="builder-preset").set_value(name)
        run(at)
        spec = parse_layers(PRESETS[name])
        assert at.session_state[LAYERS] == spec.text()
        assert rows(at) == len(spec.layers) and parameters_shown(at) == spec.parameters
        assert at.selectbox(key="builder-preset").value is None  # a menu to start from, not a setting
        table = summary_table(at)
        assert len(table) == len(spec.plan) and table.iloc[:, -1].sum() == spec.parameters
    assert layer_widget(at, "number_input", 0, "filters").value == 32
    assert not at.button(key="train-start").disabled


def test_a_lesson_link_with_layers_fills_the_builder(empty_runs):
    at = open_app(TRAIN, student="Min-jun", query={"layers": "Dense 64 relu; dropout 0.2", "l2": "0.001", "init": "7"})
    assert at.radio(key="train-model").value == "custom"
    assert container(at, "network-builder") is not None
    assert at.session_state[LAYERS] == "dense 64 relu; dropout 0.2" and rows(at) == 2
    assert at.number_input(key="train-l2").value == pytest.approx(0.001)
    assert at.number_input(key="train-init-seed").value == 7
    assert parameters_shown(at) == parse_layers("dense 64 relu; dropout 0.2").parameters


def test_a_lesson_link_with_weight_decay_alone_opens_the_builder_on_the_named_network(empty_runs):
    at = open_app(TRAIN, student="Min-jun", query={"model": "cnn", "l2": "0.001"})
    assert at.radio(key="train-model").value == "custom"
    assert at.session_state[LAYERS] == PRESETS["cnn"]
    assert at.number_input(key="train-l2").value == pytest.approx(0.001)
    assert "link" not in texts(at.info)  # nothing of the link was left out, so no notice says so


def test_layers_added_changed_moved_and_removed_change_the_summary_and_the_count(empty_runs):
    at = builder_page()
    at.selectbox(key="builder-add-kind").set_value("dropout")
    click(at, "builder-add")
    at.selectbox(key="builder-add-kind").set_value("dense")
    click(at, "builder-add")
    assert at.session_state[LAYERS] == "dense 1000 relu; dropout 0.2; dense 64 relu"
    assert rows(at) == 3 and parameters_shown(at) == parse_layers(at.session_state[LAYERS]).parameters

    layer_widget(at, "number_input", 0, "units").set_value(64)
    run(at)
    layer_widget(at, "selectbox", 2, "activation").set_value("tanh")
    run(at)
    layer_widget(at, "number_input", 2, "units").set_value(32)
    run(at)
    assert at.session_state[LAYERS] == "dense 64 relu; dropout 0.2; dense 32 tanh"
    expected = parse_layers("dense 64 relu; dropout 0.2; dense 32 tanh")
    assert parameters_shown(at) == expected.parameters == 52_650
    summary = summary_table(at)
    assert list(summary.iloc[:, 2]) == [row.output_shape for row in expected.rows()]
    diagram = " ".join(markdown.value for markdown in at.markdown if "<ol" in markdown.value)
    assert "32 units, tanh" in diagram and "out: 64" in diagram

    click(at, "builder-up-2")  # dense 32 tanh above the dropout
    assert at.session_state[LAYERS] == "dense 64 relu; dense 32 tanh; dropout 0.2"
    assert layer_widget(at, "number_input", 1, "units").value == 32  # the widgets follow the layers they show
    click(at, "builder-remove-0")
    assert at.session_state[LAYERS] == "dense 32 tanh; dropout 0.2"
    assert rows(at) == 2 and parameters_shown(at) == parse_layers("dense 32 tanh; dropout 0.2").parameters
    # The text field says the same, and typing in it is one more way to build.
    assert text_field(at).value == "dense 32 tanh; dropout 0.2"
    type_layers(at, "conv 8 3 relu; pool 2; batchnorm; dense 16 sigmoid")
    assert rows(at) == 4 and layer_widget(at, "number_input", 0, "kernel").value == 3


def test_an_impossible_order_is_explained_before_start_and_can_be_fixed(empty_runs):
    at = builder_page()
    type_layers(at, "dense 64 relu; conv 8 3 relu")
    message = texts(at.warning)
    assert 'Layer 2 ("conv 8 3 relu")' in message and "Traceback" not in message
    assert not at.error and not at.exception
    assert at.button(key="train-start").disabled
    assert t("builder.fix_first", "en") in texts(at.caption)
    assert container(at, "builder-parameters") is None  # no count for a network that cannot be built

    click(at, "builder-fix")
    assert at.session_state[LAYERS] == "conv 8 3 relu; dense 64 relu"
    assert not at.warning and not at.button(key="train-start").disabled

    # A layer that cannot be read at all: its message, and the text field to mend it.
    type_layers(at, "dense 64 relu; wobble 3")
    assert "wobble" in texts(at.warning) and rows(at) == 0 and at.button(key="train-start").disabled
    # A kernel bigger than what is left of the image: said with the sizes.
    type_layers(at, "pool 4; conv 8 9 relu")
    assert "9" in texts(at.warning) and "7" in texts(at.warning)


def test_a_network_over_the_class_cap_is_said_before_start(empty_runs):
    at = builder_page()
    at.selectbox(key="builder-preset").set_value("wide")
    run(at)
    at.selectbox(key="builder-add-kind").set_value("dense")
    click(at, "builder-add")
    layer_widget(at, "number_input", 2, "units").set_value(2000)
    run(at)
    assert parameters_shown(at) > 2_000_000
    assert "2,000,000" in texts(at.warning)  # the teacher's cap, by its number


def test_the_data_settings_and_the_starting_weights_seed_are_widgets(empty_runs):
    at = builder_page()
    at.number_input(key="train-noise").set_value(0.2)
    at.number_input(key="train-validation-split").set_value(0.1)
    at.number_input(key="train-init-seed").set_value(7)
    at.number_input(key="train-l2").set_value(0.001)
    run(at)
    assert at.number_input(key="train-init-seed").value == 7
    expanders = " ".join(expander.label for expander in at.expander)
    assert t("learn.validation.title", "en") in expanders
    assert "validation_data=(x_test, y_test)" in " ".join(markdown.value for markdown in at.markdown)


@pytest.mark.parametrize("locale", ["ko-KR"])
def test_the_builder_speaks_korean(empty_runs, locale):
    at = builder_page(locale=locale)
    at.selectbox(key="builder-preset").set_value("cnn")
    run(at)
    check_language(at, "ko")
    builder_text = " ".join(
        [texts(container(at, "network-builder").markdown), texts(container(at, "network-builder").caption)]
    )
    assert "층" in builder_text and "파라미터" in builder_text
    type_layers(at, "dense 64 relu; conv 8 3 relu")
    assert re.search("[\uac00-\ud7a3]", texts(at.warning))  # the order's message in Korean too


def compare_script(first_id: str, second_id: str) -> None:
    """The Train page's comparison of two runs, image by image, on its own."""
    from ui import runs_views
    from ui.shared import run_store

    store = run_store()
    runs_views.disagreement_grids(store.get(first_id), store.get(second_id))


@pytest.mark.slow
def test_two_runs_compared_show_the_test_images_one_gets_right_and_the_other_wrong(empty_runs):
    from mnist_core.runs.store import RunStore
    from mnist_core.training.evaluation import disagreements
    from mnist_core.training.fit import train
    from mnist_core.training.settings import TrainingSettings
    from ui.shared import evaluation

    store = RunStore(empty_runs)
    runs = [
        store.save(train(TrainingSettings(layers=layers, epochs=1, train_limit=1000, init_seed=1)), owner="Min-jun")
        for layers in ("dense 32 relu", "dense 32 sigmoid")  # the same starting weights: only the activation differs
    ]
    at = AppTest.from_function(compare_script, args=tuple(run.id for run in runs), default_timeout=180).run()
    assert not at.exception, [error.value for error in at.exception]
    first_only, second_only = disagreements(*(evaluation(run.id) for run in runs))
    assert len(first_only) and len(second_only)
    shown = [min(20, len(first_only)), min(20, len(second_only))]
    grids = [container(at, f"pictures-disagree-{side}") for side in ("a", "b")]
    assert [len(grid.image[0].value) for grid in grids] == shown
    alts = [picture.alt for grid in grids for picture in grid.image[0].proto.imgs]
    assert len(alts) == sum(shown) and all("right" in alt and "Test image labelled" in alt for alt in alts)
    words = texts(at.markdown)
    assert f"{len(first_only):,} images" in words and f"{len(second_only):,} images" in words
    caption = grids[0].image[0].captions[0]
    index = int(first_only[0])
    assert caption.startswith(str(evaluation(runs[0].id).true_labels[index])) and "B:" in caption


def test_the_wide_presets_train_on_1000_images_and_the_choice_reaches_the_settings(empty_runs):
    at = builder_page()
    assert at.selectbox(key="train-images").value is None  # all images, as the tutorial
    at.selectbox(key="builder-preset").set_value("wide")
    run(at)
    assert at.selectbox(key="train-images").value == 1_000
    assert at.session_state[LAYERS] == PRESETS["wide"]
    assert at.selectbox(key="train-images").options[-1] == "1,000"  # shown with its thousands
