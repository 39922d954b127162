"""The names of data sets, classes and models, in English."""

from mnist_core.text.names import class_names, dataset_short, dataset_title, model_title

FASHION = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def test_names():
    assert dataset_title("mnist") == "Digits (MNIST)"
    assert dataset_short("fashion_mnist") == "Fashion"
    assert class_names("mnist") == [str(digit) for digit in range(10)]
    assert class_names("fashion_mnist") == FASHION
    assert model_title("mlp") == "Dense (the tutorial's)"
