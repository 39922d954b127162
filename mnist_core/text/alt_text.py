"""Text alternatives for the app's pictures: what each one shows, in words, for a screen reader (WCAG 2.1, 1.1.1).

A caption under a picture is short ("5", "1 → 0 (100%)"); the alternative says the whole of it, and says right or
wrong in a word, never by a colour or a mark alone. The Draw page's look inside the network writes its own
(ui/inside.py, "inside.*_alt").
"""

from __future__ import annotations

from collections.abc import Sequence

from mnist_core.data.datasets import DatasetName
from mnist_core.i18n import t
from mnist_core.text.formats import percent
from mnist_core.training.evaluation import Evaluation


def sample_alt(name: str, dataset: str) -> str:
    """A training image on the Home page, e.g. "Training image: a handwritten 5, 28 × 28 grey pixels."."""
    if dataset == DatasetName.FASHION_MNIST:
        return t("alt.sample.fashion", name=name)
    return t("alt.sample.digit", name=name)


def input_alt(answer: str | None, confidence: float | None) -> str:
    """The network's 28 × 28 input on the Draw page, with what it reads in it (None: nothing drawn yet)."""
    if answer is None or confidence is None:
        return t("alt.input.blank")
    return t("alt.input.read", answer=answer, confidence=percent(confidence, 0))


def step_alt(step: str, height: int, width: int) -> str:
    """One of the Draw page's preparation steps (mnist_core.reading.preprocess), with its size in pixels."""
    texts = {
        "ink": lambda: t("alt.step.ink", height=height, width=width),
        "cropped": lambda: t("alt.step.cropped", height=height, width=width),
        "scaled": lambda: t("alt.step.scaled", height=height, width=width),
        "padded": lambda: t("alt.step.padded", height=height, width=width),
        "centred": lambda: t("alt.step.centred", height=height, width=width),
    }
    return texts[step]()


def verdict(meant: int, read: int) -> str:
    """Right or wrong, in a word."""
    return t("alt.right") if meant == read else t("alt.wrong")


def mistake_alt(evaluation: Evaluation, index: int, names: Sequence[str]) -> str:
    """A test image on the Mistakes page: its label, the network's answer, how sure, right or wrong."""
    label, read = int(evaluation.true_labels[index]), int(evaluation.predicted_labels[index])
    return t(
        "alt.test_image",
        label=names[label],
        read=names[read],
        confidence=percent(evaluation.confidence(index), 0),
        verdict=verdict(label, read),
    )


def drawing_alt(meant: int, read: int, confidence: float | None = None, student: str | None = None) -> str:
    """A drawing of the class set: the digit meant, the model's reading (and how sure, when known), right or wrong,
    and who drew it only when names may be shown."""
    if confidence is None:  # the reading kept from when it was given
        text = t("alt.drawing.given", meant=meant, read=read, verdict=verdict(meant, read))
    else:
        text = t(
            "alt.drawing.read", meant=meant, read=read, confidence=percent(confidence, 0), verdict=verdict(meant, read)
        )
    return t("alt.drawing.by", drawing=text, student=student) if student else text
