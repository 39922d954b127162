"""A click in the confusion matrix, as Streamlit reports it, means a true class and a predicted class."""

from mnist_core.text.names import class_names
from ui.tables import cell_classes

FASHION = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def test_cell_classes():
    names = class_names("mnist")
    assert cell_classes((3, "5"), names) == (3, 5)
    assert cell_classes([2, "Bag"], FASHION) == (2, 8)
    assert cell_classes((3, "nope"), names) is None
    assert cell_classes((12, "5"), names) is None
    assert cell_classes((), names) is None
