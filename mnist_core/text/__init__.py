"""What people read and take home, made without Streamlit: texts in the session's language, tables, charts,
pictures and downloads. The pages only lay these out.

formats.py    percentages, durations on a clock, a run's local time
names.py      data sets, their ten classes, models and optimizers by name
runs.py       a saved run's label and table row, and the tutorial's figures beside it
dashboard.py  the Class page's runs dashboard in words: points, who beat the tutorial, the best of each model
training.py   a note on a learning rate, the class's caps, where a training is, the teacher's line rows
readings.py   what a model read: the ten probabilities; the Mistakes page's headline, captions and matrix
summary.py    the Home page's layer table: its column headings and layer names
builder.py    the network builder's words: layer kinds, presets, the diagram's boxes and sentence, the estimate
comparison.py  two runs compared image by image: titles, captions and alt texts of what one gets right
chart_words.py  each chart's content in one sentence, for screen readers
inside_words.py  where a weight picture or a feature map is strongest, in words
figures.py    the tutorial's matplotlib charts: four curves, several runs side by side
pictures.py   PNG pictures from arrays, grey images and signed weights
exports.py    a run's downloads as bytes: model, record, chart
notebook.py   a run as a Jupyter notebook that trains it again
notebook_cells.py  that notebook's code cells, as templates for a run's settings
"""

from __future__ import annotations

from mnist_core.text.figures import four_curves, overlay
from mnist_core.text.formats import percent, when
from mnist_core.text.names import class_names, dataset_title
from mnist_core.text.notebook import notebook_bytes
from mnist_core.text.readings import headline
from mnist_core.text.runs import run_label, runs_table
from mnist_core.text.training import progress_line

__all__ = [
    "class_names",
    "dataset_title",
    "four_curves",
    "headline",
    "notebook_bytes",
    "overlay",
    "percent",
    "progress_line",
    "run_label",
    "runs_table",
    "when",
]
