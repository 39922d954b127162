"""Two users at once: while one trains, another draws and gets each answer within seconds."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harness.browser import screenshot
from harness.drawing import clear_canvas, draw_strokes, predicted_label
from harness.selectors import PROGRESS_BAR
from harness.train_page import (
    progress_percent,
    set_epochs,
    start_training,
    stop_training,
    wait_for_batch_trace,
    wait_until_done,
)

from .conftest import SAMPLES_PER_DIGIT

TRAINING_EPOCHS = 200  # far more than the drawing takes: stopped once the student is done
MAX_SECONDS_TO_ANSWER = 5.0


@pytest.mark.browser
def test_a_student_draws_while_another_trains(open_app, pen_digits, long_trainings_allowed):
    # The student is already drawing: the model's one-time warm-up (its first reading) is not what we measure.
    student = open_app("draw", who="student")
    one_per_digit = pen_digits[::SAMPLES_PER_DIGIT]  # the first sample of each digit, 0 to 9
    first_reading = draw_strokes(student, one_per_digit[0].strokes)
    clear_canvas(student)

    trainer = open_app("train", who="trainer", student="Trainer")
    set_epochs(trainer, TRAINING_EPOCHS)
    start_training(trainer)
    wait_for_batch_trace(trainer)  # the data is loaded and batches are running
    progress_before = progress_percent(trainer)

    seconds, answers = [], []
    for digit in one_per_digit:
        seconds.append(draw_strokes(student, digit.strokes))
        answers.append(f"{digit.label}->{predicted_label(student)}")
        clear_canvas(student)

    print(
        f"\nTwo students: read {', '.join(answers)} while the other one's training ran"
        f"\n  seconds from the last stroke to the answer: {', '.join(f'{s:.2f}' for s in seconds)} "
        f"(max {max(seconds):.2f}); the student's very first reading, before the training: {first_reading:.2f}"
    )

    # The training was running all along, and kept going.
    expect(trainer.locator(PROGRESS_BAR)).to_be_visible()
    progress_after = progress_percent(trainer)
    print(f"  the training went from {progress_before}% to {progress_after}% meanwhile")
    screenshot(trainer, "trainer")
    stop_training(trainer)
    wait_until_done(trainer)
    assert max(seconds) < MAX_SECONDS_TO_ANSWER
