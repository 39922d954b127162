"""The class set: the drawings students give to the class, stored in one SQLite file, and what is made of them.

database.py     ClassDatabase: the SQLite file, its schema, and what happens when it is damaged
drawings.py     ClassDrawings: give, delete, list; the repository the pages use
giving.py       LastGive: one session does not give the same drawing twice in a row
class_set.py    ClassSet: drawings as arrays
split.py        the split by student for fine-tuning
report.py       how a model reads the class set
export.py       the class set as MNIST-format IDX files and a CSV
fine_tuning.py  the recipe for fine-tuning the class model on the class's drawings
"""

from __future__ import annotations

from mnist_core.classset.class_set import ClassSet
from mnist_core.classset.drawings import ClassDrawings
from mnist_core.classset.export import export_zip, read_export
from mnist_core.classset.fine_tuning import fine_tuning_settings
from mnist_core.classset.report import ClassReadings, ClassReport

__all__ = [
    "ClassDrawings",
    "ClassReadings",
    "ClassReport",
    "ClassSet",
    "export_zip",
    "fine_tuning_settings",
    "read_export",
]
