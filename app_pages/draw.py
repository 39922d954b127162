"""Draw: a student draws a digit; after every stroke the model reads it and shows what it saw.

The drawing goes through the same steps as the MNIST digits did (crop, scale, pad, centre) before the
model sees it; the page shows each step, so students can see why a drawing is read the way it is.
"""

import numpy as np
import streamlit as st

import ui
from mnist_core import config
from mnist_core.classroom import defaults
from mnist_core.data.datasets import DatasetName
from mnist_core.errors import advice
from mnist_core.i18n import t
from mnist_core.model.keras_model import IMAGE_SHAPE
from mnist_core.reading.canvas_png import UnreadableDrawing
from mnist_core.reading.predict import Predictor, Reading
from mnist_core.reading.preprocess import DrawingStatus
from mnist_core.runs.store import RunError, RunRecord
from mnist_core.serving.jobs import JobState
from mnist_core.text.alt_text import input_alt, step_alt
from mnist_core.text.formats import percent
from mnist_core.text.names import class_names
from mnist_core.text.readings import probability_rows
from mnist_core.text.training import progress_line
from ui import class_views, explain_views, fool_views, image_picker, map_views

CANVAS_KEY = "canvas-number"  # changing the canvas's key gives an empty canvas
RUN_KEY = "draw-run"
SHOW_INSIDE_KEY = "show-inside"  # "Look inside the network", off until a student turns it on
READ_WITH_KEY = "draw-read-with"  # the run this session last read a drawing with
POLL_SECONDS = 1.0
STEP_SIZE = 112  # px for each preprocessing step (28 x 4)
INPUT_SIZE = 168  # px for the 28x28 model input (28 x 6)
STEPS = ("ink", "cropped", "scaled", "padded", "centred")
NO_ANSWER = "–"  # the answer's place before anything is drawn
NOTHING_DRAWN = np.zeros(IMAGE_SHAPE, dtype=np.float32)  # what the model gets from an empty canvas


def clear_canvas() -> None:
    st.session_state[CANVAS_KEY] = st.session_state.get(CANVAS_KEY, 0) + 1
    image_picker.forget()  # Clear empties the page: no test image either


def start_quick_training() -> None:
    ui.training_line().start_quick(defaults.quick_settings(config.train_limit()))


def quick_training_progress(was_active: bool) -> None:
    snapshot = ui.training_line().quick_snapshot()
    if snapshot is None:
        return
    if was_active and not snapshot.active:
        st.rerun()  # the new model is saved: the whole page picks it up
    st.progress(snapshot.progress, text=progress_line(snapshot))


def no_model_yet() -> None:
    st.warning(t("draw.no_model"), icon=":material/info:")
    quick = ui.training_line().quick_snapshot()
    if quick is not None and quick.active:
        st.fragment(quick_training_progress, run_every=POLL_SECONDS)(True)
        return
    if quick is not None and quick.state == JobState.FAILED:
        ui.show_error(t("train.failed_title"), quick.error or "", t("errors.training_failed"))
    st.button(
        t("draw.quick_train", epochs=defaults.QUICK_EPOCHS),
        key="quick-train",
        type="primary",
        icon=":material/bolt:",
        on_click=start_quick_training,
    )
    st.caption(t("draw.quick_train_help"))
    st.page_link("app_pages/train.py", label=t("draw.go_train"), icon=":material/model_training:")


def drawing_side() -> tuple[np.ndarray | None, dict | None]:
    """The Clear button over the canvas (the canvas's own toolbar floats there too); returns the drawing (None when
    nothing is drawn or the canvas sent something that is not a drawing, then it says so) and its strokes."""
    with st.container(width="content", key="draw-canvas"):
        st.button(t("draw.clear"), key="clear-canvas", icon=":material/ink_eraser:", on_click=clear_canvas)
        try:
            return ui.drawing_canvas(key=f"canvas-{st.session_state.get(CANVAS_KEY, 0)}")
        except UnreadableDrawing:  # a crafted or broken message: a few microseconds, and a friendly word
            pass
    st.warning(t("draw.unreadable"), icon=":material/broken_image:")
    return None, None


def loaded_predictor(record: RunRecord) -> Predictor:
    """The run's model, loaded once per run for everybody (loading it with the page answers the first stroke at once).

    "Loading the model" shows the first time this session reads with the run, not on every stroke: st.spinner
    starts a timer thread and sends a message each time.
    """
    if st.session_state.get(READ_WITH_KEY) == record.id:
        return ui.predictor(record.id)
    with st.spinner(t("draw.loading_model")):
        predictor = ui.predictor(record.id)
    st.session_state[READ_WITH_KEY] = record.id
    return predictor


def model_or_error(record: RunRecord) -> Predictor | None:
    """The run's model, or None after saying why it cannot be read."""
    try:
        return loaded_predictor(record)
    except RunError as error:
        ui.show_error(t("draw.model_unreadable"), str(error), advice(error))
        return None


def reading_side(predictor: Predictor, rgba: np.ndarray | None) -> Reading | None:
    """What the model reads in the drawing: the answer, how sure, the ten probabilities; or why it cannot read it.

    With nothing drawn the answer's place is there already, empty (a dash, an empty bar, ten empty bars): the page
    opens with every kind of element a reading shows, so the browser loads their code then, not at the first stroke
    (that made the first answer come about 0.3 s later than the next ones).
    """
    # The inside of the network costs about 10-14 ms more per stroke: only for those who look at it.
    inside = bool(st.session_state.get(SHOW_INSIDE_KEY))
    reading = image_picker.read(predictor, rgba, inside)  # the canvas's, or a picked test image's while it is empty
    status = reading.prepared.status if reading is not None else DrawingStatus.BLANK
    names = class_names(DatasetName.MNIST)
    if status == DrawingStatus.BLANK:
        st.info(t("draw.blank"), icon=":material/draw:")
        answer("no-prediction", NO_ANSWER, 0.0, t("draw.no_answer"), np.zeros(len(names)), names)
    elif status in (DrawingStatus.TOO_SMALL, DrawingStatus.TOO_FULL):
        st.warning(t(f"draw.{status}"), icon=":material/warning:")
    else:
        sure = t("draw.confidence", confidence=percent(reading.confidence, 0))
        answer("prediction", names[reading.predicted_label], reading.confidence, sure, reading.probabilities, names)
    return reading


def answer(key: str, label: str, confidence: float, sure: str, probabilities: np.ndarray, names: list[str]) -> None:
    """The network's answer and how sure it is, in a container with this key, then the ten probabilities."""
    with st.container(key=key):
        st.metric(t("draw.prediction"), label)
        st.progress(confidence, text=sure)
    ui.probability_chart(probability_rows(probabilities, names))


def what_the_model_sees(reading: Reading | None, test_image: bool = False) -> None:
    """The model's 28x28 input, then the steps that made it, each enlarged so its pixels show.

    With nothing drawn (None), the input alone: all black, as the model would get it from an empty canvas. A picked
    test image (`test_image`) had no steps: it is prepared already.
    """
    st.subheader(t("draw.sees.title"))
    st.caption(t("draw.sees.help_test_image") if test_image else t("draw.sees.help"))
    prepared = None if reading is None else reading.prepared
    image = NOTHING_DRAWN if prepared is None else prepared.image
    steps = {} if prepared is None else prepared.steps
    images, sizes, captions, alts = [], [], [], []
    if image is not None:  # else too small or too full: only the steps it got through
        label = None if reading is None or reading.predicted_label is None else str(reading.predicted_label)
        images, sizes, captions = [image], [INPUT_SIZE], [t("draw.sees.input")]
        alts = [input_alt(label, None if reading is None else reading.confidence)]
    for name in STEPS:
        if name in steps:
            height, width = steps[name].shape[:2]
            images.append(steps[name])
            sizes.append(STEP_SIZE)
            captions.append(t(f"draw.step.{name}", height=height, width=width))
            alts.append(step_alt(name, height, width))
    ui.pictures(images, sizes, captions, alts=alts, key="draw-steps")


@st.fragment
def draw_and_read(record: RunRecord) -> None:
    """The canvas and everything read from it: a stroke reruns only this part of the page, not the whole page.

    The canvas and the answer sit side by side when there is room, else the answer comes right under the canvas,
    so a student sees it while drawing.
    """
    if not ui.run_store().exists(record.id):
        st.rerun(scope="app")  # the teacher deleted this run: the whole page says so and moves on
    with st.container(horizontal=True, wrap=True, gap="medium"):
        rgba, strokes = drawing_side()
        with st.container(key="reading"):
            predictor = model_or_error(record)
            reading = reading_side(predictor, rgba) if predictor is not None else None
    strokes = image_picker.strokes(strokes)  # a picked test image is given with its marker as strokes
    class_views.remember_drawing(reading, strokes, record.id)  # for the give buttons, outside this fragment
    if predictor is None:
        return
    image_picker.picker(on_pick=clear_canvas)  # a student who cannot draw reads a test image instead
    drawn = reading is not None and reading.prepared.status != DrawingStatus.BLANK
    what_the_model_sees(reading if drawn else None, test_image=drawn and image_picker.showing_test_image())
    explain_views.where_it_looked(predictor.network, reading if drawn else None)  # the heat maps, about 3 ms
    if st.toggle(t("inside.show"), key=SHOW_INSIDE_KEY, help=t("inside.show_help")):
        ui.inside_network(reading.inside if drawn else None)
    map_views.map_switch(record, predictor.network, reading if drawn else None)


st.title(t("draw.title"))
st.markdown(t("draw.intro"))

if ui.chosen_dataset() != DatasetName.MNIST:
    st.info(t("draw.fashion_note"), icon=":material/checkroom:")
    st.button(t("draw.switch_to_digits"), key="switch-to-digits", on_click=ui.choose_dataset, args=(DatasetName.MNIST,))

records = ui.readable_runs(DatasetName.MNIST)  # the class model, mine, the teacher's and earlier runs
if not records:
    no_model_yet()
    st.stop()

default = defaults.drawing_run(records, ui.class_settings().pinned_run)
record = ui.run_choice(t("draw.model"), records, default, RUN_KEY, help=t("draw.model_help"))
draw_and_read(record)
class_views.give_buttons()
fool_views.fool_it()  # outside the per-stroke fragment, like the give buttons: it fools the latest drawing

ui.lesson(t("learn.prepare.title"), t("learn.prepare.body"))
