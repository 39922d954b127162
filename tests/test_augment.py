import numpy as np
import tensorflow as tf

from mnist_core.data import datasets
from mnist_core.data.augment import make_augmenter
from mnist_core.data.pixels import scale_images
from mnist_core.training.fit import train
from mnist_core.training.settings import TrainingSettings


def centre_of_mass(image: np.ndarray) -> np.ndarray:
    rows, cols = np.indices(image.shape)
    return np.array([(rows * image).sum(), (cols * image).sum()]) / image.sum()


def test_augmented_images_are_changed_a_little_not_beyond_recognition():
    images = scale_images(datasets.load("mnist").x_train[:200])
    changed, labels = make_augmenter(seed=3)(tf.constant(images), tf.constant(np.arange(200)))
    changed = changed.numpy()
    assert changed.shape == images.shape and changed.dtype == np.float32
    assert changed.min() >= 0 and changed.max() <= 1
    assert labels.numpy().tolist() == list(range(200))  # labels pass through untouched
    differences = np.abs(changed - images).mean(axis=(1, 2))
    assert (differences > 0).mean() > 0.9  # nearly every image is changed ...
    moves = [np.linalg.norm(centre_of_mass(a) - centre_of_mass(b)) for a, b in zip(changed, images, strict=True)]
    assert max(moves) < 4.5  # ... but its ink stays near where it was (shift of at most 2 px, a small turn)
    ink_ratio = changed.sum(axis=(1, 2)) / images.sum(axis=(1, 2))
    assert ink_ratio.min() > 0.4 and ink_ratio.max() < 2.5  # thinner or thicker strokes, never erased


def test_a_seeded_augmenter_repeats_itself():
    images = tf.constant(scale_images(datasets.load("mnist").x_train[:10]))
    labels = tf.constant(np.zeros(10))
    first, _ = make_augmenter(seed=8)(images, labels)
    second, _ = make_augmenter(seed=8)(images, labels)
    np.testing.assert_allclose(first.numpy(), second.numpy())


def test_training_with_augmentation_learns_and_is_recorded():
    result = train(TrainingSettings(epochs=2, train_limit=3000, seed=2, augment=True))
    assert result.settings.to_dict()["augment"] is True
    assert result.history["loss"][1] < result.history["loss"][0]
    assert result.test_accuracy > 0.8
