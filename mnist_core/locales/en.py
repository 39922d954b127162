"""English: the reference catalog. Every other language has exactly these keys.

Keys are grouped by where they show: app and sidebar, shared words, then one group per page.
Placeholders in {braces} are filled by str.format; keep them in every translation.
"""

MESSAGES: dict[str, str] = {
    # App, navigation and sidebar
    "app.title": "How a neural network learns to read",
    "nav.home": "Home",
    "nav.train": "Train",
    "nav.draw": "Draw",
    "nav.mistakes": "Mistakes",
    "sidebar.dataset": "Data set",
    "sidebar.dataset_help": "Every page follows this choice.",
    # Shared words
    "dataset.mnist": "Digits (MNIST)",
    "dataset.fashion_mnist": "Fashion (Fashion-MNIST)",
    "dataset.mnist.short": "Digits",
    "dataset.fashion_mnist.short": "Fashion",
    "model.mlp": "Dense (the tutorial's)",
    "model.cnn": "Convolutional",
    "model.mlp.short": "dense",
    "model.cnn.short": "CNN",
    "classes.fashion_mnist.0": "T-shirt/top",
    "classes.fashion_mnist.1": "Trouser",
    "classes.fashion_mnist.2": "Pullover",
    "classes.fashion_mnist.3": "Dress",
    "classes.fashion_mnist.4": "Coat",
    "classes.fashion_mnist.5": "Sandal",
    "classes.fashion_mnist.6": "Shirt",
    "classes.fashion_mnist.7": "Sneaker",
    "classes.fashion_mnist.8": "Bag",
    "classes.fashion_mnist.9": "Ankle boot",
    "common.right_mark": "✓",
    "common.wrong_mark": "✗",
    "common.data_missing": "The {dataset} data set is not available on this server.",
    "units.seconds": "{seconds:.1f} s",
    # Charts
    "chart.epoch": "Epoch",
    "chart.loss": "Loss",
    "chart.accuracy": "Accuracy",
    "chart.value": "Loss / accuracy",
    "chart.train": "Training",
    "chart.validation": "Validation (test images)",
    "chart.batch_loss": "Loss while the batches go by",
    "chart.batch_loss_help": (
        "Each point is the average loss of the epoch so far, so the line starts again, lower, with every new epoch."
    ),
    "chart.curve.loss": "loss",
    "chart.curve.val_loss": "val_loss",
    "chart.curve.accuracy": "accuracy",
    "chart.curve.val_accuracy": "val_accuracy",
    "chart.four_curves_alt": "Loss, validation loss, accuracy and validation accuracy after each epoch.",
    "chart.overlay_alt": "Validation accuracy after each epoch for the ticked runs, with the tutorial's results.",
    # Saved runs (Train, Draw and Mistakes pages)
    "runs.status.finished": "✓ finished",
    "runs.status.stopped": "■ stopped early",
    "runs.label": "{dataset} · {model} · {epochs} epochs · {accuracy} right · {when} · {status}",
    "runs.short_label": "{dataset} · {model} · {epochs} epochs · {when}",
    "runs.epochs_of": "{done} of {asked}",
    "runs.reference": "tutorial, {dataset}, {epochs} epochs: {accuracy}",
    "runs.source.tutorial": "Tutorial",
    "runs.source.ours": "This app ({when})",
    "runs.col.dataset": "Data set",
    "runs.col.model": "Model",
    "runs.col.epochs": "Epochs",
    "runs.col.batch": "Batch size",
    "runs.col.accuracy": "Test accuracy",
    "runs.col.fit": "Fit time",
    "runs.col.when": "When",
    "runs.col.status": "Status",
    "runs.col.source": "Trained by",
    # Home page
    "home.title": "How a neural network learns to read",
    "home.intro": (
        "A computer sees a picture as a grid of numbers. Here a small neural network learns, from 60,000 "
        "examples, which grids are which digit (or which piece of clothing).\n\n"
        "- **Train**: choose how long it learns and watch it get better, epoch by epoch.\n"
        "- **Draw**: draw a digit and see what the network thinks it is, and what it actually sees.\n"
        "- **Mistakes**: look at the test images it got wrong. Would you have read them right?"
    ),
    "home.data.title": "The data: {dataset}",
    "home.data.train": "Training images",
    "home.data.test": "Test images",
    "home.data.size": "Image size",
    "home.data.size_value": "{height} × {width} px",
    "home.data.classes": "Classes",
    "home.data.scaling": (
        "Each pixel is a number from 0 (black) to 255 (white). Before training, every number is divided by "
        "255, so the network sees values from 0 to 1."
    ),
    "home.samples.title": "20 random training images",
    "home.samples.new": "New samples",
    "home.samples.fashion_classes": "The ten classes: {names}.",
    "home.model.title": "The model",
    "home.model.intro": (
        "The 28 × 28 pixels are laid out in one long row of 784 numbers; a hidden layer of {hidden} units "
        "combines them; the output layer gives ten probabilities, one per class, that add up to 1."
    ),
    "home.model.layer": "Layer",
    "home.model.kind": "Type",
    "home.model.output_shape": "Output shape",
    "home.model.parameters": "Parameters",
    "home.model.total": "Total parameters: **{total}**. Training adjusts every one of them.",
    "home.ready.title": "Is a digits model ready?",
    "home.ready.yes": "Yes: a model trained for {epochs} epochs ({when}) reads {accuracy} of the test digits right.",
    "home.ready.no": (
        "Not yet. Train one on the Train page (about 1.5 minutes with the tutorial's 10 epochs), or "
        "start a quick one from the Draw page."
    ),
    "home.ready.go_draw": "Draw a digit",
    "home.ready.go_train": "Go to Train",
    "home.ready.other": "Latest {dataset} model: {epochs} epochs, {accuracy} right on the test images.",
    # Train page
    "train.title": "Train the network",
    "train.intro": (
        "Training shows the network all training images again and again (each round is an **epoch**), a "
        "**batch** at a time, and nudges its parameters to make fewer mistakes. It keeps going if you "
        "switch pages."
    ),
    "train.settings.title": "Settings",
    "train.settings.dataset": "Data set: **{dataset}** (change it in the sidebar).",
    "train.settings.epochs": "Epochs",
    "train.settings.epochs_help": "How many times the network sees every training image. The tutorial uses 10.",
    "train.settings.batch": "Batch size",
    "train.settings.batch_help": "How many images it looks at before each small correction. The tutorial uses 100.",
    "train.settings.hidden": "Hidden units",
    "train.settings.hidden_help": "The size of the hidden layer. The tutorial uses 1000.",
    "train.settings.model": "Model",
    "train.settings.model_help": (
        "Dense is the tutorial's network. Convolutional looks at small patches of the image first "
        "(its hidden layer has at most 128 units)."
    ),
    "train.start": "Start training",
    "train.start_busy": "Your training is still running: stop it first, or wait for it to finish.",
    "train.stop": "Stop",
    "train.stop_help": "Stops after the current batches. What it learned so far is kept as a run.",
    "train.stopping": "Stopping…",
    "train.leave_queue": "Leave the line",
    "train.bad_settings": "These settings cannot be used.",
    "train.progress.title": "Your training ({dataset})",
    "train.queued": "Waiting for a free place on the server: you are number {position} in line. It starts by itself.",
    "train.getting_ready": "Getting ready: loading the images and building the network…",
    "train.epoch_of": "Epoch {epoch} of {epochs}",
    "train.elapsed": "{time} elapsed",
    "train.left": "about {time} left",
    "train.left_unknown": "working out the time left",
    "train.first_epoch": "The first epoch is under way; its results appear here when it ends.",
    "train.done.finished": "✓ Finished: {epochs} epochs.",
    "train.done.stopped": "■ Stopped after {epochs} epochs. The model so far is saved.",
    "train.failed": "✗ Training failed: {error}",
    "train.failed_title": "✗ The training failed.",
    "train.not_saved": "The model was trained but could not be saved.",
    "train.cancelled": "You left the line before the training started.",
    "train.result.test_loss": "Test loss",
    "train.result.test_accuracy": "Test accuracy",
    "train.result.fit_time": "Fit time",
    "train.result.tutorial": "Tutorial, {epochs} epochs",
    "train.runs.title": "Saved runs",
    "train.runs.none": "No saved runs yet. Start a training above.",
    "train.runs.tick": "Tick runs in the table to compare them.",
    "train.runs.overlay": "Validation accuracy after each epoch",
    "train.runs.compare": "Test accuracy: the tutorial and this app",
    "train.runs.compare_note": "Results vary a little from run to run: every training starts from random weights.",
    # Draw page
    "draw.title": "Draw a digit",
    "draw.intro": "Draw one digit, large, in the middle of the black square. The network reads it after every stroke.",
    "draw.fashion_note": (
        "Drawing is for digits: the Fashion data set has photos of clothes, which are hard to draw. "
        "This page uses a digits model."
    ),
    "draw.switch_to_digits": "Switch the app to digits",
    "draw.no_model": "There is no digits model yet, so nothing can read your drawing.",
    "draw.quick_train": "Train a quick digits model ({epochs} epochs)",
    "draw.quick_train_help": "Takes a minute or two. Everyone on this server can use it when it is done.",
    "draw.go_train": "Or train with your own settings",
    "draw.model": "Model",
    "draw.clear": "Clear",
    "draw.loading_model": "Loading the model…",
    "draw.model_unreadable": "This model cannot be used.",
    "draw.blank": "Nothing drawn yet. Draw a digit in the black square.",
    "draw.too_small": "That is very small. Draw the digit bigger, filling most of the square.",
    "draw.too_full": "The square is mostly white. Press Clear and draw one digit with thinner strokes.",
    "draw.prediction": "The network reads",
    "draw.confidence": "{confidence} sure",
    "draw.chart.class": "Digit",
    "draw.chart.probability": "Probability",
    "draw.sees.title": "What the model sees",
    "draw.sees.help": (
        "Your drawing is prepared like the MNIST digits were: cropped to the ink, shrunk so its longer side "
        "is 20 pixels, placed in a 28 × 28 square, and moved so its centre of mass is in the middle."
    ),
    "draw.sees.input": "The model's input: 28 × 28",
    "draw.step.ink": "1. Your drawing",
    "draw.step.cropped": "2. Cropped to the ink",
    "draw.step.scaled": "3. Longer side 20 px ({height} × {width})",
    "draw.step.padded": "4. Placed in 28 × 28",
    "draw.step.centred": "5. Centre of mass moved to the middle",
    # Mistakes page
    "mistakes.title": "What the network got wrong",
    "mistakes.intro": (
        "The network answers with the class it gives the highest probability. These are test images where "
        "that answer was not the label."
    ),
    "mistakes.no_runs": "There is no trained {dataset} model yet, so there are no mistakes to show.",
    "mistakes.go_train": "Train a model",
    "mistakes.run": "Model",
    "mistakes.computing": "Reading all the test images with this model (once per model)…",
    "mistakes.cannot_read": "This model's mistakes cannot be shown.",
    "mistakes.headline": "{wrong:,} of {total:,} test images wrong ({right} right)",
    "mistakes.filter.true": "Label (the right answer)",
    "mistakes.filter.predicted": "Prediction (the network's answer)",
    "mistakes.any": "any",
    "mistakes.shuffle": "Shuffle",
    "mistakes.showing": "Showing {shown} of {matching:,} mistakes.",
    "mistakes.showing_filtered": "Showing {shown} of {matching:,} mistakes with label {label}, read as {predict}.",
    "mistakes.none_match": "No mistakes of this kind.",
    "mistakes.caption": "{mark} Label: {label} · Predict: {predict} · {confidence}",
    "mistakes.matrix.title": "Confusion matrix",
    "mistakes.matrix.help": (
        "Rows: the label. Columns: the network's answer. ✓ marks right answers; every other number counts "
        "mistakes. Choose a cell to see those images."
    ),
    "mistakes.matrix.axes": "label ↓ · answer →",
}
