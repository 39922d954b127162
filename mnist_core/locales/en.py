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
    "sidebar.language": "Language · 언어",
    # Shared words
    "dataset.mnist": "Digits (MNIST)",
    "dataset.fashion_mnist": "Fashion (Fashion-MNIST)",
    "dataset.mnist.short": "Digits",
    "dataset.fashion_mnist.short": "Fashion",
    "model.mlp": "Dense (the tutorial's)",
    "model.cnn": "Convolutional",
    "model.mlp.short": "dense",
    "model.cnn.short": "CNN",
    "model.with_augmentation": "{model} + augmentation",
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
    # Errors: what a person can do (the error's own message, with paths and commands, follows in English)
    "errors.details": "Details:",
    "errors.data_not_found": (
        "The image files are not on this server yet. Whoever runs the server can get them by running "
        "`{command}` once in the project folder."
    ),
    "errors.data_damaged": (
        "A copy of the data was found, but it is damaged or incomplete. Delete it, then run `{command}` "
        "to get a fresh copy."
    ),
    "errors.data_unreadable": "The data files could not be read. Check the folder's permissions.",
    "errors.model_unreadable": "The saved model is missing or damaged. Train a new one on the Train page.",
    "errors.not_saved": "Check that the server has free disk space and may write to its runs folder, then train again.",
    "errors.training_failed": "Try again. If it fails again, show the details below to whoever runs the server.",
    "errors.bad_settings": "Each setting must be a whole number within its limits.",
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
    "home.model.layer.flatten": "flatten",
    "home.model.layer.hidden": "hidden",
    "home.model.layer.output": "output",
    "home.model.total": "Total parameters: **{total}**. Training adjusts every one of them.",
    "home.ready.title": "Is a digits model ready?",
    "home.ready.yes": "Yes: a model trained for {epochs} epochs ({when}) reads {accuracy} of the test digits right.",
    "home.ready.no": (
        "Not yet. Train one on the Train page (about 1.5 minutes with the tutorial's 10 epochs), or "
        "start a quick one from the Draw page."
    ),
    "home.ready.other_model": (
        "A digits model can read drawings now ({model}, {epochs} epochs). The model made for drawing, the small "
        "CNN trained on changed copies, reads handwriting better: `bash scripts/start.sh` trains it once."
    ),
    "home.ready.go_draw": "Draw a digit",
    "home.ready.go_train": "Go to Train",
    "home.ready.other": "Latest {dataset} model: {epochs} epochs, {accuracy} right on the test images.",
    "learn.data.title": "What are MNIST and Fashion-MNIST?",
    "learn.data.body": (
        "**MNIST** (Modified National Institute of Standards and Technology) is a collection of 70,000 "
        "handwritten digits, 0 to 9, written by American high-school students and Census Bureau staff and "
        "then scanned. Each one is a 28 × 28 grey picture with a **label**: the digit it shows. 60,000 are "
        "for training; 10,000 are kept apart as a test, so we can check the network on pictures it has "
        "never seen.\n\n"
        "**Fashion-MNIST** has exactly the same shape (70,000 grey 28 × 28 pictures, ten classes, the same "
        "split), but shows clothes, shoes and bags from the online shop Zalando. Its labels are numbers "
        "0–9 too, each standing for a kind of item. It was made to be harder than the digits: a shirt and a "
        "coat look far more alike than a 1 and a 0."
    ),
    "learn.scaling.title": "Why is every pixel divided by 255?",
    "learn.scaling.body": (
        "A pixel is stored as a whole number from 0 (no ink) to 255 (full ink). Dividing by 255, the "
        "largest possible value, turns every pixel into a number between 0 and 1 and leaves the picture "
        "exactly as it was: 255 becomes 1.0, 128 about 0.5.\n\n"
        "The network starts by multiplying its inputs by small random weights and adding them up. With "
        "inputs as big as 255 those sums start out huge, the softmax at the end jumps to extremes and the "
        "first corrections overshoot. Small inputs on one common scale keep the sums moderate, so learning "
        "is steadier and quicker. It is the same idea as scaling the features before other "
        "machine-learning methods."
    ),
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
    "train.settings.augment": "Augment",
    "train.settings.augment_help": (
        "Every epoch shows each training image slightly turned, scaled, shifted, with thicker or thinner "
        "strokes. Training takes longer, but the network reads people's own drawings better."
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
    "learn.layers.title": "The layers and softmax",
    "learn.layers.body": (
        "The tutorial's network has three layers:\n\n"
        "1. **Flatten** lays the 28 × 28 picture out as one row of 784 numbers. It learns nothing; it only "
        "changes the shape.\n"
        "2. **Dense, 1000 units, ReLU**: every unit multiplies all 784 pixels by weights of its own, adds "
        "them up with a bias, and passes the result on if it is positive (ReLU turns negatives into 0). "
        "That is 784,000 weights and 1,000 biases.\n"
        "3. **Dense, 10 units, softmax**: one score per class. **Softmax** turns the ten scores into "
        "probabilities: each between 0 and 1, all ten adding up to 1, and a higher score always giving a "
        "higher probability. The class with the highest probability is the network's answer."
    ),
    "learn.loss.title": "Loss: sparse categorical cross-entropy",
    "learn.loss.body": (
        "The **loss** is one number saying how wrong the network is. Cross-entropy looks only at the "
        "probability given to the *right* class and takes minus its logarithm: 0.9 on the right class "
        "costs about 0.11, 0.5 costs 0.69, 0.01 costs 4.6. Being sure and wrong is expensive.\n\n"
        '**Sparse** means the labels stay plain class numbers, such as 7. The version without "sparse" '
        "wants every label written as ten numbers with a single 1 (one-hot: 0,0,0,0,0,0,0,1,0,0). Both "
        "give exactly the same loss; the sparse one simply saves converting the labels.\n\n"
        "**Accuracy**, the metric shown beside it, is simpler: the share of images whose highest "
        "probability is on the right class."
    ),
    "learn.optimizer.title": "Optimizer: adam",
    "learn.optimizer.body": (
        "After each batch the network works out, for every one of its parameters, which way a small "
        "change would lower the loss (the **gradient**). The **optimizer** decides how far to move. Plain "
        "gradient descent moves every parameter with the same step size. **Adam** keeps a running average "
        "of each parameter's recent gradients and adapts: a parameter whose gradient keeps pointing the "
        "same way moves steadily, one whose gradient jumps about moves carefully. It works well without "
        "tuning, which is why the tutorial uses it."
    ),
    "learn.batches.title": "Epochs and batch size",
    "learn.batches.body": (
        "An **epoch** is one pass over all 60,000 training images. The **batch size** is how many images "
        "the network looks at before it corrects itself once: with the tutorial's 100, one epoch is 600 "
        "corrections.\n\n"
        "- **Full batch** (batch size 60,000; gradient descent): one correction per epoch, worked out from "
        "every image. Each step points the right way, but there are very few steps.\n"
        "- **Mini-batch** (e.g. 100; stochastic gradient descent): many small corrections, each from a "
        "small sample. Each is a little noisy, but together they get somewhere much sooner.\n\n"
        "Try it: train 1 epoch with batch size 100, then 1 epoch with 60,000, and compare the accuracy."
    ),
    "learn.curves.title": "Reading the curves",
    "learn.curves.body": (
        "After every epoch the network is scored twice: on the training images it learns from (**loss**, "
        "**accuracy**) and on the 10,000 test images it never learns from (**val_loss**, "
        "**val_accuracy**). Like the tutorial, this app uses the test images for validation.\n\n"
        "- Loss going down, accuracy going up: it is learning.\n"
        "- Training and validation close together: what it learned works on new pictures too.\n"
        "- Training still improving while validation stands still: it has learned what it can about new "
        "pictures; more epochs mostly teach it the training images by heart."
    ),
    "learn.overfitting.title": "Overfitting: when val_loss goes up",
    "learn.overfitting.body": (
        "**Overfitting** means the network fits its training images ever more closely, down to their "
        "accidents, while it gets no better, or worse, on new ones. The clearest sign: **val_loss rises "
        "while loss keeps falling**.\n\n"
        "The tutorial ran into it. After 10 epochs the test loss was 0.0741 (accuracy 0.9804). After 200 "
        "epochs the accuracy was a little higher, 0.9855, but the test loss had doubled to 0.1486, and "
        "training took over nine minutes. Accuracy only asks whether the top answer is right; the loss "
        "also counts how sure the network was. After 200 epochs it is extremely sure of everything, "
        "including its wrong answers, and those cost a lot.\n\n"
        "To see it yourself, train for 50 epochs or more and watch the val_loss line."
    ),
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
    "draw.model_help": (
        "Starts on the digits run best for drawing: one trained with augmentation if there is one, "
        "then the highest test accuracy. Choose any other run to compare."
    ),
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
    "learn.prepare.title": "Why is the drawing cropped and centred?",
    "learn.prepare.body": (
        "The MNIST digits were all prepared the same way: each scanned digit was shrunk, keeping its "
        "shape, until its longer side fitted in 20 pixels (which leaves soft grey edges), put in a 28 × 28 "
        "square, and shifted so that the centre of mass of its ink sits in the middle. So every training "
        "digit has about the same size and place, with a margin of about 4 pixels.\n\n"
        'The dense network has no idea of "the same shape somewhere else": each of its 784 inputs is one '
        "fixed pixel position. A digit drawn small, or in a corner, lights up pixels that were nearly "
        "always empty in training, and the network guesses badly. Preparing your drawing exactly like "
        "MNIST shows the network the kind of picture it learned from."
    ),
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
    "learn.argmax.title": "How the answer is picked: argmax over axis 1",
    "learn.argmax.body": (
        "For the 10,000 test images the network returns a table of probabilities: 10,000 rows (one per "
        "image) and 10 columns (one per class). `np.argmax(predictions, axis=1)` looks along each **row** "
        "and gives the column number of its largest value: the class the network finds most likely for "
        "that image. A row with 0.90 in column 7 and small numbers elsewhere gives 7.\n\n"
        "`axis=0` would look down each **column** instead and say, for each class, which image scored "
        "highest: a different question. Comparing the 10,000 answers with the labels gives the mistakes "
        "on this page."
    ),
    "learn.ambiguous.title": "Why some images are hard even for people",
    "learn.ambiguous.body": (
        "Look at a few mistakes before blaming the network. Many digits are written in a hurry: a 4 "
        "closed at the top looks like a 9, a 7 without its bar like a 1, and a 3 and a 5 differ by one "
        "stroke. A few labels are arguably wrong. Clothes are harder still in 28 × 28 grey pixels: a "
        "shirt, a T-shirt, a pullover and a coat can have nearly the same outline.\n\n"
        "The tutorial's network got 196 of 10,000 digits wrong (98.04% right) and 1,104 of 10,000 "
        "clothes (88.96% right). Ask the class: how many of these would you have read right?"
    ),
    "learn.matrix.title": "Reading the confusion matrix",
    "learn.matrix.body": (
        "Each **row** is a true label, each **column** an answer the network gave; where they meet is the "
        "number of test images with that label that got that answer. The diagonal, marked ✓, holds the "
        "right answers; every other number is one kind of mistake. Look for big numbers off the diagonal: "
        "row 4, column 9 counts the 4s read as 9s. A row adds up to the number of test images with that "
        "label (about 1,000). Choose a cell to see its images below."
    ),
}
