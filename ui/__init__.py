"""The Streamlit glue the pages share; the logic itself lives in mnist_core.

    shared    one of each object per server: runs, the training line, loaded models, data sets
    session   what a session chose: language, data set, random picks
    widgets   an error box, a choice of runs, a folded lesson, a big answer
    pictures  small grey images with sharp pixels, in rows that wrap
    layout    the app's one stylesheet: sharp pictures, the big answer, rows that wrap
    charts    training curves, probabilities, matplotlib figures
    tables    the confusion matrix and its cells
    install   the one explicit call app.py makes before any page runs
    server_tuning  no Nagle delay on the websockets, one BLAS thread, startup's objects out of the collector's way

Importing it changes nothing in Streamlit or mnist_core: app.py calls `ui.install()`.
"""

from ui.canvas import drawing_canvas
from ui.charts import batch_trace, live_charts, probability_chart, pyplot
from ui.inside import inside_network, weights_live
from ui.install import install
from ui.layout import app_style
from ui.pictures import image_grid, pictures
from ui.session import (
    choose_dataset,
    chosen_dataset,
    dataset_choice,
    language_switch,
    localized,
    new_seed,
    seed,
    set_session_language,
    timezone,
)
from ui.shared import class_settings, evaluation, predictor, run_store, training_line
from ui.tables import cell_classes, confusion_table
from ui.widgets import dataset_or_stop, lesson, readable_runs, run_choice, show_error

__all__ = [
    "app_style",
    "batch_trace",
    "cell_classes",
    "choose_dataset",
    "class_settings",
    "chosen_dataset",
    "confusion_table",
    "dataset_choice",
    "dataset_or_stop",
    "drawing_canvas",
    "evaluation",
    "image_grid",
    "inside_network",
    "install",
    "language_switch",
    "lesson",
    "live_charts",
    "localized",
    "new_seed",
    "pictures",
    "predictor",
    "probability_chart",
    "pyplot",
    "readable_runs",
    "run_choice",
    "run_store",
    "seed",
    "set_session_language",
    "show_error",
    "timezone",
    "training_line",
    "weights_live",
]
