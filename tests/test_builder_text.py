"""The network builder's words (mnist_core/text/builder.py): the diagram's boxes with each layer's output shape, the
sentence beside it for a screen reader, the parameter count and the estimate, in English and Korean."""

from __future__ import annotations

from mnist_core.i18n import in_language, t
from mnist_core.model.layers import parse_layers
from mnist_core.text.builder import diagram, diagram_sentence, estimate_line, kind_title, parameters_line, preset_title


def test_the_diagram_follows_the_shapes_and_speaks_korean():
    spec = parse_layers("conv 16 3 relu; pool 2; dense 32 tanh")
    boxes = diagram(spec)
    assert [box.title for box in boxes][1:] == ["Reshape", "Conv2D", "MaxPooling2D", "Flatten", "Dense", "Output"]
    assert [box.shape for box in boxes] == ["28 × 28", "28 × 28 × 1", "26 × 26 × 16", "13 × 13 × 16", "2,704",
                                            "32", "10"]  # fmt: skip
    assert sum(box.parameters for box in boxes) == spec.parameters
    assert "tanh" in boxes[5].detail and "3" in boxes[2].detail
    sentence = diagram_sentence(spec)
    assert "4 layers" in sentence and f"{spec.parameters:,}" in sentence
    assert f"{spec.parameters:,}" in parameters_line(spec)
    with in_language("ko"):
        assert "층" in diagram_sentence(spec) and kind_title("dense") != "Dense"
        assert preset_title("cnn") != t("builder.preset.cnn", "en")


def test_the_estimate_reads_as_seconds_or_a_clock():
    assert "2.5 s" in estimate_line(2.5)
    assert "0.1 s" in estimate_line(0.01)
    assert "1:05" in estimate_line(65)
