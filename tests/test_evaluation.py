import numpy as np
import pytest

from mnist_core.data import datasets
from mnist_core.training.evaluation import (
    cell_filters,
    confusion_matrix,
    evaluate,
    evaluation_from_probabilities,
    gallery_indices,
    misclassified_indices,
    sample_indices,
)


def one_hot_probabilities(predicted: list[int]) -> np.ndarray:
    probabilities = np.full((len(predicted), 10), 0.01, dtype=np.float32)
    probabilities[np.arange(len(predicted)), predicted] = 0.91
    return probabilities


def test_mistakes_and_the_confusion_matrix_on_a_hand_made_example():
    labels = np.array([7, 2, 1, 0, 4, 1, 4, 9])
    predicted = [7, 2, 1, 6, 4, 7, 9, 9]
    evaluation = evaluation_from_probabilities(one_hot_probabilities(predicted), labels)
    assert evaluation.misclassified_indices.tolist() == [3, 5, 6]
    assert evaluation.wrong_count == 3 and evaluation.total == 8
    assert evaluation.accuracy == pytest.approx(5 / 8)
    assert evaluation.confusion[0, 6] == 1 and evaluation.confusion[1, 7] == 1 and evaluation.confusion[4, 9] == 1
    assert evaluation.confusion[1, 1] == 1 and evaluation.confusion.sum() == 8
    assert evaluation.confidence(3) == pytest.approx(0.91)
    assert evaluation.mistakes(true_class=1).tolist() == [5]
    assert evaluation.mistakes(predicted_class=9).tolist() == [6]
    assert evaluation.mistakes(true_class=4, predicted_class=7).tolist() == []


def test_confusion_rows_are_true_classes():
    counts = confusion_matrix(np.array([3, 3, 5]), np.array([5, 3, 3]), num_classes=10)
    assert counts[3, 5] == 1 and counts[3, 3] == 1 and counts[5, 3] == 1
    assert misclassified_indices(np.array([3, 3, 5]), np.array([5, 3, 3])).tolist() == [0, 2]


def test_a_random_sample_of_mistakes_never_repeats_and_is_seedable():
    indices = np.arange(100, 300)
    sample = sample_indices(indices, 20, seed=5)
    assert len(sample) == 20 and len(set(sample.tolist())) == 20
    assert set(sample.tolist()) <= set(indices.tolist())
    assert sample.tolist() == sample_indices(indices, 20, seed=5).tolist()
    assert sample.tolist() != sample_indices(indices, 20, seed=6).tolist()
    assert sorted(sample_indices(np.array([4, 8]), 20, seed=1).tolist()) == [4, 8]  # fewer than k: all of them


def test_evaluating_a_trained_model_on_the_test_set(quick_result):
    data = datasets.load("mnist")
    evaluation = evaluate(quick_result.model, data.x_test, data.y_test)
    assert evaluation.probabilities.shape == (10_000, 10)
    np.testing.assert_allclose(evaluation.probabilities.sum(axis=1), 1.0, atol=1e-4)
    assert evaluation.accuracy == pytest.approx(quick_result.test_accuracy, abs=1e-4)
    assert evaluation.confusion.sum() == 10_000
    assert evaluation.wrong_count == 10_000 - np.trace(evaluation.confusion)
    assert (
        evaluation.true_labels[evaluation.misclassified_indices]
        != evaluation.predicted_labels[evaluation.misclassified_indices]
    ).all()


def made_up_answers(n_wrong: int, total: int = 10_000):
    """The first n_wrong of `total` images read as the next class."""
    labels = np.arange(total) % 10
    predicted = labels.copy()
    predicted[:n_wrong] = (labels[:n_wrong] + 1) % 10
    return evaluation_from_probabilities(one_hot_probabilities(predicted.tolist()), labels)


def test_gallery_indices_are_random_mistakes_without_repeats():
    answers = made_up_answers(196)
    picks, matching = gallery_indices(answers, seed=1)
    assert matching == 196 and len(picks) == 20 and len(set(picks.tolist())) == 20
    assert all(answers.true_labels[i] != answers.predicted_labels[i] for i in picks)
    again, _ = gallery_indices(answers, seed=1)
    assert again.tolist() == picks.tolist()
    other, _ = gallery_indices(answers, seed=2)
    assert other.tolist() != picks.tolist()


def test_gallery_filters():
    answers = made_up_answers(196)
    picks, matching = gallery_indices(answers, true_class=4, seed=0)
    assert matching == 20 and all(answers.true_labels[i] == 4 for i in picks)
    picks, matching = gallery_indices(answers, true_class=4, predicted_class=5, seed=0)
    assert matching == 20
    picks, matching = gallery_indices(answers, true_class=4, predicted_class=7, seed=0)
    assert matching == 0 and len(picks) == 0


def test_a_confusion_matrix_cell_filters_the_gallery():
    assert cell_filters(4, 9) == (4, 9)  # label 4 read as 9
    assert cell_filters(4, 4) == (4, None)  # right answers: the gallery shows 4's mistakes, read as anything
    answers = made_up_answers(196)
    true_class, predicted = cell_filters(4, 4)
    picks, matching = gallery_indices(answers, true_class, predicted, seed=0)
    assert matching == 20 and all(answers.true_labels[i] == 4 != answers.predicted_labels[i] for i in picks)
