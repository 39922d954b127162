"""Mistakes page: 20 different misclassified test images, a working class filter, and the right wrong-count."""

from __future__ import annotations

import base64
import io
import re

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from harness.browser import screenshot, wait_idle
from harness.selectors import keyed
from mnist_core.data import datasets
from mnist_core.runs.store import RunStore
from mnist_core.training.evaluation import GALLERY_SIZE, Evaluation, evaluate

GALLERY_IMAGES = f"{keyed('gallery')} [data-testid=stImageContainer]"  # one per picture of the list
GALLERY_CAPTIONS = f"{keyed('gallery')} [data-testid=stImageCaption]"
CAPTION = re.compile(r"Label: (\S+) · Predict: (\S+)")
# A shown picture is the test image enlarged (whole-pixel blocks), as PNG: averaged back to 28x28 it equals its
# source (the margin is for any rounding), and differs from any other MNIST digit by tens of grey levels.
SAME_IMAGE_MAX_DIFFERENCE = 8.0


@pytest.fixture(scope="module")
def mnist():
    return datasets.load("mnist")


@pytest.fixture(scope="module")
def reference_evaluation(runs_dir, reference_run, mnist) -> Evaluation:
    """mnist_core's own reading of the test set with the run the page shows."""
    model = RunStore(runs_dir).load_model(reference_run.id)
    return evaluate(model, mnist.x_test, mnist.y_test)


def headline_wrong_count(page: Page) -> int:
    """The number that starts the headline, e.g. 229 in "229 of 10,000 test images wrong (97.71% right)"."""
    for text in page.locator("[data-testid=stMain] h3").all_inner_texts():
        number = re.match(r"\s*(\d[\d,.\s]*)", text)
        if number:
            return int(re.sub(r"\D", "", number.group(1)))
    raise AssertionError("no headline that starts with a number")


def gallery(page: Page, expected_count: int) -> list[tuple[bytes, str]]:
    """Each gallery picture (its image file) with its caption, once all `expected_count` are drawn."""
    expect(page.locator(GALLERY_IMAGES)).to_have_count(expected_count)
    shown = []
    for item in page.locator(GALLERY_IMAGES).all():
        source = item.locator("img").get_attribute("src")
        assert source.startswith("data:image/png;base64,"), source[:60]  # inside the page: it cannot go missing
        picture = base64.b64decode(source.split(",", 1)[1])
        shown.append((picture, item.locator("[data-testid=stImageCaption]").inner_text()))
    return shown


def identify(picture: bytes, images: np.ndarray, candidates: np.ndarray) -> int:
    """Which of the candidate test images a picture shows (its index into the test set)."""
    pixels = np.asarray(Image.open(io.BytesIO(picture)).convert("L").resize((28, 28), Image.Resampling.BOX), float)
    differences = np.abs(images[candidates].astype(float) - pixels).mean(axis=(1, 2))
    best = int(np.argmin(differences))
    assert differences[best] < SAME_IMAGE_MAX_DIFFERENCE, f"a picture matches no candidate ({differences[best]:.1f})"
    return int(candidates[best])


def check_gallery(page: Page, evaluation: Evaluation, x_test: np.ndarray, candidates: np.ndarray) -> list[int]:
    """The gallery shows 20 of `candidates` (or all, if fewer), each captioned with its true and predicted label.

    Returns the pictures' indices into the test set.
    """
    indices = []
    for picture, caption in gallery(page, min(GALLERY_SIZE, len(candidates))):
        index = identify(picture, x_test, candidates)
        match = CAPTION.search(caption)
        assert match, f"caption {caption!r} has no 'Label: x · Predict: y'"
        assert (match[1], match[2]) == (str(evaluation.true_labels[index]), str(evaluation.predicted_labels[index]))
        indices.append(index)
    return indices


def choose_true_class(page: Page, label: str) -> None:
    """Pick a class in the "Label" filter; wait until every caption in the gallery has that label."""
    page.locator(f"{keyed('mistakes-true')} input").click()
    page.get_by_role("option", name=label, exact=True).click()
    page.wait_for_function(
        """([selector, wanted]) => {
            const captions = [...document.querySelectorAll(selector)];
            return captions.length > 0 && captions.every(caption => caption.textContent.includes(wanted));
        }""",
        arg=[GALLERY_CAPTIONS, f"Label: {label} ·"],
    )
    wait_idle(page)


@pytest.mark.browser
def test_mistakes_gallery_filter_and_count(open_app, reference_evaluation, mnist):
    evaluation = reference_evaluation
    page = open_app("mistakes")

    assert headline_wrong_count(page) == evaluation.wrong_count

    indices = check_gallery(page, evaluation, mnist.x_test, evaluation.misclassified_indices)
    print(f"\nMistakes page: {evaluation.wrong_count} wrong; gallery shows test images {sorted(indices)}")
    assert len(set(indices)) == GALLERY_SIZE, "an image is shown twice"
    screenshot(page, "all")

    # Filter by the true class with the most mistakes: every picture is a mistake of that class.
    true_class = int(np.bincount(evaluation.true_labels[evaluation.misclassified_indices], minlength=10).argmax())
    choose_true_class(page, str(true_class))
    candidates = evaluation.mistakes(true_class=true_class)
    filtered = check_gallery(page, evaluation, mnist.x_test, candidates)
    print(f"label {true_class}: {len(candidates)} mistakes, gallery shows {sorted(filtered)}")
    assert len(set(filtered)) == len(filtered), "an image is shown twice"
