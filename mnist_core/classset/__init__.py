"""The class set: the drawings students give to the class, stored in one SQLite file, and what is made of them.

database.py     ClassDatabase: the SQLite file, its schema, and what happens when it is damaged
drawings.py     ClassDrawings: give, review, delete, list; the repository the pages use
giving.py       LastGive: one session does not give the same drawing twice in a row
class_set.py    ClassSet: drawings as arrays
split.py        the split by student for fine-tuning
report.py       how a model reads the class set
export.py       the class set as MNIST-format IDX files and a CSV
fine_tuning.py  the recipe for fine-tuning the class model on the class's drawings
balance.py      which digits the class gave too few of, and the warning that names them
"""

from __future__ import annotations

from mnist_core.classset.balance import balance_warning, scarce_digits
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
    "balance_warning",
    "export_zip",
    "fine_tuning_settings",
    "read_export",
    "scarce_digits",
]
