import pytest

from mnist_core import config
from mnist_core.data.pen_digits import load_pen_digits, pick_per_label
from mnist_core.reading.handwriting import read_pen_digits
from mnist_core.reading.predict import Predictor


@pytest.fixture(scope="module")
def pen_digits():
    path = config.pen_digits_path()
    if not path.is_file():
        pytest.fail(f"The real handwriting file is missing: {path} (the repository carries it in samples/)")
    return pick_per_label(load_pen_digits(path), 2)


def test_real_handwriting_is_scored_like_the_draw_page_reads_it(quick_result, pen_digits):
    score = read_pen_digits(Predictor(quick_result.model), pen_digits)
    assert score.total == 20
    assert score.correct == score.total - len(score.misses)
    assert score.accuracy > 0.5  # even a 2-epoch model on 3,000 images reads most real digits
    assert all(label != answer for _, label, answer in score.misses)
