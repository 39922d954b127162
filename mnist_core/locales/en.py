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
    "nav.teacher": "Teacher",
    "nav.mistakes": "Mistakes",
    "sidebar.dataset": "Data set",
    "sidebar.dataset_help": "Every page follows this choice.",
    "sidebar.name": "Your name",
    "sidebar.name_placeholder": "e.g. Min-jun",
    "sidebar.name_help": (
        "Give a name once to train and to find your own runs. No password: just a name (letters, "
        "digits, spaces, - and _)."
    ),
    "sidebar.name_same_student": "The same name on another device is the same student: your runs follow the name.",
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
    "errors.page_unavailable": "This page cannot be shown right now: a part the class shares does not answer.",
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
    "train.settings.images": "Training images",
    "train.settings.images_all": "All {count}",
    "train.settings.images_help": (
        "Train on the first images only. Fewer images train faster; with very few, a big network learns them by "
        "heart and reads new ones worse (overfitting). The two wide presets use 1,000."
    ),
    "chart.words.curve": "{metric}, training: {first} after epoch 1, {last} after epoch {epochs}.",
    "chart.words.curve_empty": "{metric}: no epoch has ended yet.",
    "chart.words.validation": "Validation: {first} after epoch 1, {last} after the last.",
    "chart.words.batch": "The running loss was {first} at the start and is {last} now, at epoch {epochs}.",
    "chart.words.batch_empty": "No batch has ended yet.",
    "chart.words.probabilities": "Most likely {first}, then {others}.",
    "chart.words.probabilities_empty": "Nothing is read yet.",
    # Saved runs (Train, Draw and Mistakes pages)
    "runs.status.finished": "✓ finished",
    "runs.status.diverged": "✗ diverged (the loss blew up)",
    "runs.status.stopped": "■ stopped early",
    "runs.label": "{owner} · {dataset} · {model} · {epochs:epoch|epochs} · {accuracy} right · {when} · {status}",
    "runs.short_label": "{dataset} · {model} · {epochs:epoch|epochs} · {when}",
    "runs.epochs_of": "{done} of {asked}",
    "runs.reference": "tutorial, {dataset}, {epochs:epoch|epochs}: {accuracy}",
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
    "runs.col.who": "Whose",
    "runs.col.learning": "Optimizer, rate",
    "runs.owner.teacher": "Teacher ★",
    "runs.owner.earlier": "earlier run",
    "runs.owner.nobody": "(no name)",
    "runs.pinned": "★ Class model · {label}",
    "runs.gone": ("The run you were using is no longer there (the teacher may have removed it). Now using: {run}."),
    "optimizer.adam": "Adam (the tutorial's)",
    "optimizer.sgd": "SGD (plain gradient descent)",
    "optimizer.momentum": "SGD with momentum",
    "optimizer.adam.short": "adam",
    "optimizer.sgd.short": "sgd",
    "optimizer.momentum.short": "momentum",
    "runs.col.source": "Trained by",
    # Students' names, the teacher's caps and the training line
    "name.empty": "Type a name first.",
    "name.too_long": "A name has at most {most:character|characters}; this one has {length}.",
    "name.bad_characters": "A name has only letters, digits, spaces, - and _ (not: {characters}).",
    "caps.epochs": "The teacher allows at most {cap:epoch|epochs} per training in this class; you asked for {asked}.",
    "caps.model": "The teacher does not allow this model in this class ({model}).",
    "caps.augment": "The teacher does not allow training on changed copies (augmentation) in this class.",
    "caps.images": "The teacher allows at most {cap} training images in this class.",
    "line.one_each": (
        "You already have a training waiting or running (perhaps from another tab or device). "
        "Each student has one at a time: wait for it to end, or stop it."
    ),
    "line.full": "The line is full ({length:training|trainings} wait already). Try again when some have started.",
    # Home page
    "teacher.title": "Teacher",
    "teacher.intro": (
        "The teacher's page: caps on students' trainings, the line of trainings, the class model "
        "and the runs. Give the password to unlock it."
    ),
    "teacher.no_password": (
        "No teacher's password is set on this server, so this page stays locked. Whoever runs the "
        "server sets one when starting it, e.g. `MNIST_APP_TEACHER_PASSWORD='your password' bash "
        'scripts/start.sh`, or with `teacher_password = "..."` in `.streamlit/secrets.toml`.'
    ),
    "teacher.password": "Teacher's password",
    "teacher.unlock": "Unlock",
    "teacher.wrong": "That password is not right.",
    "teacher.wait": "Too many wrong tries: wait {seconds:second|seconds}, then try again.",
    "teacher.lock": "Lock this page",
    "teacher.unlocked": (
        "Unlocked in this browser tab. Your own trainings (on the Train page) are not capped and "
        "are marked as the teacher's."
    ),
    "teacher.not_saved": "The settings could not be saved.",
    "teacher.caps.title": "Caps on students' trainings",
    "teacher.caps.help": (
        "They apply when a student asks for a training; trainings already in line keep their settings."
    ),
    "teacher.caps.epochs": "Most epochs",
    "teacher.caps.images": "Training images (0: all 60,000)",
    "teacher.caps.images_help": "Fewer images make every epoch quicker, so the line moves faster.",
    "teacher.caps.models": "Models students may train",
    "teacher.caps.augment": "Allow augmentation",
    "teacher.caps.save": "Save the caps",
    "teacher.caps.saved": "Caps saved. They apply from the next training a student asks for.",
    "teacher.line.title": "The line of trainings",
    "teacher.line.empty": "Nothing is training or waiting.",
    "teacher.line.stop": "Stop",
    "teacher.line.remove": "Take out of line",
    "teacher.line.what": "{dataset}, {model}, {epochs:epoch|epochs}, {learning}",
    "teacher.class_model.title": "Class model",
    "teacher.class_model.none": "None pinned: Draw starts on the digits run that reads drawings best.",
    "teacher.class_model.choose": "Pin a run as the class model",
    "teacher.class_model.pin": "Pin for everyone",
    "teacher.class_model.pinned": "Pinned. Draw and Mistakes now start on it for everyone.",
    "teacher.class_model.unpin": "Unpin",
    "teacher.class_model.unpinned": "Unpinned.",
    "teacher.runs.title": "Every saved run",
    "teacher.runs.choose": "Run to delete",
    "teacher.runs.delete": "Delete…",
    "teacher.runs.confirm": "Delete this run for good? {run}",
    "teacher.runs.delete_for_good": "Yes, delete it",
    "teacher.runs.keep": "No, keep it",
    "teacher.runs.deleted": "Deleted. Anyone drawing with it is moved to the class model.",
    "teacher.runs.not_deleted": "The run could not be deleted.",
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
        "The 28 × 28 pixels are laid out in one long row of 784 numbers; a hidden layer of {hidden:unit|units} "
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
    "home.ready.yes": (
        "Yes: a model trained for {epochs:epoch|epochs} ({when}) reads {accuracy} of the test digits right."
    ),
    "home.ready.no": (
        "Not yet. Train one on the Train page (about 1.5 minutes with the tutorial's 10 epochs), or "
        "start a quick one from the Draw page."
    ),
    "home.ready.other_model": (
        "A digits model can read drawings now ({model}, {epochs:epoch|epochs}). The model made for drawing, the small "
        "CNN trained on changed copies, reads handwriting better: `bash scripts/start.sh` trains it once."
    ),
    "home.ready.go_draw": "Draw a digit",
    "home.ready.go_train": "Go to Train",
    "home.ready.other": "Latest {dataset} model: {epochs:epoch|epochs}, {accuracy} right on the test images.",
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
    "train.settings.optimizer": "Optimizer",
    "train.settings.optimizer_help": (
        "How each small correction is made. The tutorial uses Adam; SGD takes plain steps down the "
        "slope, momentum adds speed from the steps before."
    ),
    "train.settings.learning_rate": "Learning rate",
    "train.settings.learning_rate_help": (
        "How big each correction is. The tutorial's Adam uses 0.001. Too small and the model "
        "crawls; too big and it blows up."
    ),
    "train.rate.crawl": "At this rate the model will crawl: each correction is tiny, so the loss barely moves.",
    "train.rate.too_high": (
        "At this rate the model may blow up: the loss can jump to huge numbers and the training stops itself."
    ),
    "train.name_first": "Give your name in the sidebar first: each training belongs to a student.",
    "caps.text": "This class's caps (set by the teacher): {caps}.",
    "caps.text.epochs": "up to {epochs:epoch|epochs}",
    "caps.text.models": "models: {models}",
    "caps.text.augment_yes": "augmentation allowed",
    "caps.text.augment_no": "no augmentation",
    "caps.text.images": "{images} training images",
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
    "train.queued_wait": "Waiting in line: you are number {position}. It starts by itself in about {time}.",
    "train.queued": "Waiting for a free place on the server: you are number {position} in line. It starts by itself.",
    "train.requeued": (
        "The computer training this stopped answering, so it starts again on another one (attempt {attempt}). "
        "What it showed so far is gone."
    ),
    "train.interrupted": "The training line restarted while this trained, so it was not saved. Start it again.",
    "train.getting_ready": "Getting ready: loading the images and building the network…",
    "train.epoch_of": "Epoch {epoch} of {epochs}",
    "train.elapsed": "{time} elapsed",
    "train.left": "about {time} left",
    "train.left_unknown": "working out the time left",
    "train.first_epoch": "The first epoch is under way; its results appear here when it ends.",
    "train.done.finished": "✓ Finished: {epochs:epoch|epochs}.",
    "train.done.diverged": "✗ Stopped by itself after {epochs:epoch|epochs}: the loss blew up. Saved as diverged.",
    "train.diverged_why": (
        "**Why:** the learning rate ({rate}) is too high. Each correction overshoots so far that "
        "the weights grow without bound, and the loss is no longer a useful number. Try a rate 10 "
        "or 100 times smaller."
    ),
    "train.by_teacher.stopped": (
        "■ The teacher stopped this training after {epochs:epoch|epochs}. The model so far is saved."
    ),
    "train.by_teacher.cancelled": "The teacher took this training out of the line before it started.",
    "train.optimizer_restarted": (
        "The saved model did not carry its optimizer's state, so the optimizer started afresh: "
        "Adam's running averages begin again from zero, which can make the loss jump for a few "
        "batches."
    ),
    "train.done.stopped": "■ Stopped after {epochs:epoch|epochs}. The model so far is saved.",
    "train.failed": "✗ Training failed: {error}",
    "train.failed_title": "✗ The training failed.",
    "train.not_saved": "The model was trained but could not be saved.",
    "train.cancelled": "You left the line before the training started.",
    "train.result.test_loss": "Test loss",
    "train.result.test_accuracy": "Test accuracy",
    "train.result.fit_time": "Fit time",
    "train.result.tutorial": "Tutorial, {epochs:epoch|epochs}",
    "train.runs.title": "Saved runs",
    "train.runs.none": "No saved runs yet. Start a training above.",
    "train.runs.tick": "Tick runs in the table to compare them.",
    "train.runs.overlay": "Validation accuracy after each epoch",
    "train.runs.compare": "Test accuracy: the tutorial and this app",
    "train.runs.whole_class": "Show the whole class's runs",
    "train.continue.title": "Go on training this run",
    "train.continue.epochs": "More epochs",
    "train.continue.start": "Train {epochs} more epochs (after its {done})",
    "train.continue.help": (
        "A new run that starts from this one's weights and optimizer; its curves go on from this run's last epoch."
    ),
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
    "learn.learning_rate.title": "The learning rate: crawl, learn, or blow up",
    "learn.learning_rate.body": (
        "Every batch, the optimizer moves each weight a small step against its gradient. **The "
        "learning rate is the size of that step.**\n\nPut three runs side by side that differ only in"
        " it, with plain SGD, 2 epochs of 6,000 digits each (measured here):\n\n| learning rate | "
        "what happens | test accuracy |\n|---|---|---|\n| 1.0 | big steps: it learns at once | about "
        "92% |\n| 0.001 | tiny steps: it crawls | about 23% |\n| 0.000001 | it does not move at all |"
        " about 9% (a guess) |\n\nAnd at 10 the steps overshoot so far that the loss blows up: the "
        "training stops itself and is saved as *diverged*. Adam adapts its steps per weight, which "
        "is why the tutorial's 0.001 works well for it. Train one each, then tick the runs in the "
        "table below to see their curves together."
    ),
    "learn.learning_rate.start": "Queue the three SGD runs (1.0, 0.001, 0.000001)",
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
        "**val_accuracy**). Like the tutorial, this app uses the test images for validation, unless you set a "
        "validation share.\n\n"
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
    "draw.quick_train": "Train a quick digits model ({epochs:epoch|epochs})",
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
    "draw.unreadable": "This drawing could not be read. Press Clear and draw again.",
    "inside.show": "Look inside the network",
    "inside.show_help": (
        "What each layer makes of this drawing: the hidden units that fire, or the convolution's "
        "filters and feature maps. It updates with every stroke."
    ),
    "draw.blank": "Nothing drawn yet. Draw a digit in the black square.",
    "draw.too_small": "That is very small. Draw the digit bigger, filling most of the square.",
    "draw.too_full": "The square is mostly white. Press Clear and draw one digit with thinner strokes.",
    "draw.prediction": "The network reads",
    "draw.confidence": "{confidence} sure",
    "draw.no_answer": "No answer yet",
    "draw.chart.class": "Digit",
    "draw.chart.probability": "Probability",
    "draw.sees.title": "What the model sees",
    "draw.sees.help": (
        "Your drawing is prepared like the MNIST digits were: cropped to the ink, shrunk so its longer side "
        "is 20 pixels, placed in a 28 × 28 square, and moved so its centre of mass is in the middle."
    ),
    "draw.sees.help_test_image": (
        "A test image is already prepared the way the MNIST digits were: the digit in the middle of a 28 × 28 "
        "square, so the model reads it as it is. Draw on the canvas to see the steps a drawing goes through."
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
    "mistakes.showing": "Showing {shown} of {matching:mistake|mistakes}.",
    "mistakes.showing_filtered": (
        "Showing {shown} of {matching:mistake|mistakes} with label {label}, read as {predict}."
    ),
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
    # Exports: a run as a notebook, its downloads, and a link that sets the Train page
    "notebook.title": "# {dataset}: run `{run_id}` as a notebook",
    "notebook.intro": (
        "This notebook repeats the training that made run `{run_id}` in the classroom app, step by step as the "
        "tutorial does: {model}, {epochs:epoch|epochs} in batches of {batch}, {optimizer} with learning rate "
        "{learning_rate}."
    ),
    "notebook.result": (
        "That run reached a **test accuracy of {accuracy}** (test loss {loss}) in {seconds} s of training."
    ),
    "notebook.result_stopped": (
        "It was stopped after {done} of its {asked:epoch|epochs}, so this notebook trains for {done}."
    ),
    "notebook.result_continued": (
        "It went on from run `{parent}`; this notebook trains one new model for all {epochs:epoch|epochs} at once."
    ),
    "notebook.needs": (
        "It needs only TensorFlow (with Keras), NumPy and matplotlib. Expect an accuracy close to the run's, not "
        "equal to the last digit: the app hands the images to Keras in its own, faster way, so the random "
        "choices fall differently even with the same seed."
    ),
    "notebook.settings": (
        "## Settings\n"
        "The run's settings, in one place. Make `TRAIN_IMAGES` smaller for a quick try (fewer images train "
        "faster). If the notebook cannot find the data files, put the folder that holds them in `DATA_DIR`."
    ),
    "notebook.imports": (
        "## 1. The libraries\n"
        "Keras builds and trains the network (on TensorFlow), NumPy holds the images as arrays of numbers, and "
        "matplotlib draws the charts."
    ),
    "notebook.data": (
        "## 2. The data\n"
        "{about}\n\n"
        "The notebook reads the same files the app uses. They are in the IDX format: a short header with the "
        "sizes, then one byte per pixel or label. When it finds none, `keras.datasets` downloads the data set "
        "(that needs the internet)."
    ),
    "notebook.data.mnist": (
        "MNIST: 70,000 handwritten digits from 0 to 9, each 28 × 28 grey pixels; 60,000 for training and "
        "10,000 for testing."
    ),
    "notebook.data.fashion_mnist": (
        "Fashion-MNIST: 70,000 pictures of clothes, shoes and bags in ten classes, each 28 × 28 grey pixels; "
        "60,000 for training and 10,000 for testing."
    ),
    "notebook.scale": (
        "## 3. Scale the pixels\n"
        "A pixel is a whole number from 0 to 255. Divided by 255 it becomes a number from 0 to 1, the small, "
        "even scale a network learns best on. Like the app, the notebook keeps them as float32: half the memory "
        "of the tutorial's float64, and the same result."
    ),
    "notebook.model.mlp": (
        "## 4. The model\n"
        "The tutorial's network: `Flatten` lays the 28 × 28 pixels out as one row of 784 numbers, "
        "`Dense({hidden}, relu)` combines them, and `Dense(10, softmax)` gives ten probabilities, one per "
        "class, that add up to 1."
    ),
    "notebook.model.cnn": (
        "## 4. The model\n"
        "The app's small convolutional network: two rounds of `Conv2D` and `MaxPooling2D` find strokes and "
        "their parts, `Dropout` leaves out 30% of what they found at random while training, `Dense({hidden}, "
        "relu)` combines the rest, and `Dense(10, softmax)` gives ten probabilities that add up to 1."
    ),
    "notebook.augment": (
        "**Augmentation.** In the app, every epoch showed each training image changed at random: turned by up "
        "to {degrees}°, made up to {zoom}% bigger or smaller, shifted by up to {shift:pixel|pixels}, and given "
        "thicker or thinner strokes. Here Keras's `RandomRotation`, `RandomZoom` and `RandomTranslation` "
        "layers make the first three changes, inside the model. They act only while the model trains, so "
        "`evaluate` and `predict` see the test images as they are. Keras has no layer that changes the "
        "thickness of strokes, so that change is left out; everything else is as in the app."
    ),
    "notebook.compile": (
        "## 5. Compile\n"
        "The optimizer is {optimizer} with learning rate {learning_rate}. The loss is sparse categorical "
        "cross-entropy: the labels stay plain class numbers such as 7. The metric is accuracy."
    ),
    "notebook.optimizer.adam": "Adam",
    "notebook.optimizer.sgd": "plain stochastic gradient descent (SGD)",
    "notebook.optimizer.momentum": "stochastic gradient descent with momentum {momentum} (SGD + momentum)",
    "notebook.fit": (
        "## 6. Train\n"
        "{epochs:epoch|epochs} in batches of {batch}. After every epoch Keras also scores the test images "
        "(`validation_data`), as the tutorial does: those are the val_ numbers."
    ),
    "notebook.curves": (
        "## 7. The four curves\n"
        "Loss and accuracy on the training images (loss, accuracy) and on the test images (val_loss, "
        "val_accuracy) after every epoch."
    ),
    "notebook.evaluate": (
        "## 8. The test score\n"
        "`evaluate` scores the trained model on the 10,000 test images. The run in the app reached {accuracy}."
    ),
    "notebook.mistakes": (
        "## 9. The mistakes\n"
        "The network's answer for an image is the class with the highest probability (`np.argmax` along axis "
        "1). Below, {shown} of the test images it got wrong, picked at random, with their label and its "
        "prediction."
    ),
    "notebook.code.settings": "The settings of run {run_id}",
    "notebook.code.seed": "the same seed: the same starting weights and order of images",
    "notebook.code.no_seed": "the run set no seed, so every training starts a little differently",
    "notebook.code.train_images": "how many training images to use; fewer train faster",
    "notebook.code.data_dir": "a folder with the four data files; None looks for the project's data folder",
    "notebook.code.quiet": "set before Keras starts TensorFlow: fewer start-up messages",
    "notebook.code.read_idx": "An IDX file, raw or gzipped, as a NumPy array.",
    "notebook.code.gzip": "a gzipped file starts with these two bytes",
    "notebook.code.dims": "the header's fourth byte: 3 for images, 1 for labels",
    "notebook.code.find_file": "The file itself or its .gz copy in the folder, or None.",
    "notebook.code.search": "Look in DATA_DIR, then in data/ here and in every folder above",
    "notebook.code.debian": "Debian's dataset-fashion-mnist package",
    "notebook.code.download": "no files found: Keras downloads them",
    "notebook.code.first_images": "The first {setting} training images",
    "notebook.code.scale": "Pixels from 0..255 to 0..1",
    "notebook.code.seed_apply": "A seed makes the starting weights (and the order of the images) the same every time",
    "notebook.code.augment": "random changes, only while training",
    "notebook.code.argmax": "Each image's answer: the class with the highest probability",
    "notebook.code.pick": "{shown} of the mistakes at random, none twice",
    "downloads.title": "Take this run with you",
    "downloads.notebook": "Notebook (.ipynb)",
    "downloads.notebook_help": (
        "The code that made this run, step by step, as a Jupyter notebook in this language. It needs only "
        "TensorFlow, NumPy and matplotlib."
    ),
    "downloads.model": "Model (.keras)",
    "downloads.model_help": "The trained network. Any Keras 3 opens it: keras.saving.load_model(file).",
    "downloads.record": "Record (JSON)",
    "downloads.record_help": "The settings, every epoch's loss and accuracy, the fit time and the test score.",
    "downloads.curves": "Chart (PNG)",
    "downloads.curves_help": "The four curves: loss, val_loss, accuracy and val_accuracy after each epoch.",
    "link.title": "Copy a link to these settings",
    "link.help": (
        "Whoever opens this link finds the Train page set like this. The button at the right of the box copies it."
    ),
    "link.ignored_range": "The link's {name}={value} was left out: it must be between {low} and {high}.",
    "link.ignored_choice": "The link's {name}={value} was left out: it must be one of {choices}.",
    "link.ignored_cap": "The link's {name}={value} was left out: the teacher does not allow it in this class.",
    "link.capped": "The link asks for {asked:epoch|epochs}; this class allows at most {cap}, so it is set to {cap}.",
    # Inside the network (Draw) and the weights as they form (Train)
    "inside.title": "Inside the network",
    "inside.dense_help": (
        "Each hidden unit looks at all 784 pixels, each through its own weight. Its picture shows those weights "
        "where the pixels are: orange where ink makes the unit fire more, purple (dotted) where ink holds it back. "
        "Under each picture: how strongly the unit fires for your drawing."
    ),
    "inside.legend": "Purple, dotted: negative · white: zero · orange: positive. Each picture has its own scale.",
    "inside.legend_alt": (
        "Colour scale from left to right: dark purple with a dot for strongly negative weights, paler purple, "
        "white for zero, pale orange, dark orange for strongly positive weights."
    ),
    "inside.units_title": "The {count} hidden units that fire most for your drawing",
    "inside.unit": "Unit {unit}: {activation:.2f}",
    "inside.unit_alt": "Weights of hidden unit {unit}, which fires at {activation:.2f} for your drawing. {where}",
    "inside.where": "Strongest positive weights: {positive}. Strongest negative weights: {negative}.",
    "inside.nowhere": "none",
    "inside.region.top_left": "top left",
    "inside.region.top": "top",
    "inside.region.top_right": "top right",
    "inside.region.left": "left",
    "inside.region.middle": "middle",
    "inside.region.right": "right",
    "inside.region.bottom_left": "bottom left",
    "inside.region.bottom": "bottom",
    "inside.region.bottom_right": "bottom right",
    "inside.toward_answer": "The units pushing hardest toward the answer, {label} ({probability})",
    "inside.toward_runner_up": "The units pushing hardest toward the runner-up, {label} ({probability})",
    "inside.push": "Unit {unit}: {amount:+.2f}",
    "inside.push_alt": "Weights of hidden unit {unit}, which adds {amount:+.2f} to the score of {label}. {where}",
    "inside.push_help": (
        "Each hidden unit adds its activation × its weight to a digit's score. All the units' pushes plus a bias "
        "make the score, and softmax turns the ten scores into the probabilities."
    ),
    "inside.cnn_help": (
        "A convolution slides small filters over the picture. Each filter looks for one pattern everywhere and "
        "writes where it found it into a feature map."
    ),
    "inside.first_title": "First convolution: {count:filter|filters} and what each found in your drawing",
    "inside.first_help": (
        "Above: a filter's 3 × 3 weights (orange positive, purple dotted negative). Below: its feature map, white "
        "where your drawing has that pattern. All maps share one scale."
    ),
    "inside.filter": "Filter {number}",
    "inside.filter_alt": "Filter {number}: 3 × 3 weights, rows from the top: {rows}.",
    "inside.map_alt": "Feature map of filter {number} on your drawing. Strongest response: {where}.",
    "inside.map_silent_alt": "Feature map of filter {number}: it found nothing in your drawing (all black).",
    "inside.second_title": "Second convolution: {count} feature maps",
    "inside.second_help": (
        "Each filter of the second layer looks at all the first layer's maps at once, so it finds patterns of "
        "patterns. Each square is one 11 × 11 map, white where it responds."
    ),
    "inside.second_alt": (
        "{count} feature maps of the second convolution in a grid, {columns} to a row; {active} of them respond "
        "somewhere in your drawing."
    ),
    "learn.hidden.title": "What does a hidden unit look for?",
    "learn.hidden.body": (
        "A hidden unit multiplies every pixel by its weight, adds them all up with a bias, and passes the sum on "
        "if it is above zero, else 0 (relu). So it fires when your ink lands on its orange weights and stays off "
        "its purple ones: its picture is the pattern it looks for.\n\n"
        "Nobody told the units what to look for. During training, after every batch, each weight moved a little "
        "in the direction that made fewer mistakes. That is why many units look like blurry pieces of strokes "
        "rather than whole digits. The output layer weighs them all together: a digit's score is the sum of every "
        "unit's activation times its weight to that digit.\n\n"
        "The weights near the border stay speckled, as they started: MNIST digits almost never have ink there, "
        "so those weights hardly changed."
    ),
    "learn.first_layer.title": "What does the first convolution detect?",
    "learn.first_layer.body": (
        "A filter is 3 × 3 weights. It slides over every spot of the 28 × 28 picture; at each spot it multiplies "
        "the 9 pixels under it by its 9 weights and adds them up. Where the pixels match its pattern, the sum is "
        "large and the map is white.\n\n"
        "First-layer filters tend to become detectors of edges and stroke directions: ink above and none below, "
        "a vertical or a slanted stroke, the end of a stroke. Read a filter's rows: + + + over − − − finds the "
        "lower edge of a horizontal stroke (ink above, none below). A map is 26 × 26 because a 3 × 3 filter fits "
        "26 times across 28 pixels."
    ),
    "learn.second_layer.title": "What does the second convolution detect?",
    "learn.second_layer.body": (
        "Between the two convolutions, pooling keeps the largest value of every 2 × 2 block, so the 26 × 26 maps "
        "shrink to 13 × 13, and a stroke may shift a little without changing much.\n\n"
        "Each of the second layer's 64 filters looks at all 32 maps of the first layer at once, 3 × 3 at a time, "
        "so it responds to patterns of patterns: corners, curves, crossings, loops, stroke ends. Its 11 × 11 "
        "maps are coarser and harder to name. That is normal: the deeper the layer, the more its features serve "
        "the task rather than match our words."
    ),
    "weights.title": "Watch the weights form",
    "weights.waiting": "The weights appear here when the training starts.",
    "weights.units_help": (
        "The 784 incoming weights of hidden units 1 to {count}, as 28 × 28 pictures. Before training they are "
        "random speckles; epoch by epoch, shapes of strokes appear."
    ),
    "weights.filters_help": (
        "The first convolution's {count:filter|filters}, 3 × 3 weights each. They start random and turn into detectors "
        "of edges and stroke directions."
    ),
    "weights.epoch": "Epoch",
    "weights.before": "Before training (epoch 0)",
    "weights.after": "After epoch {epoch}",
    "weights.unit": "Unit {unit}",
    "weights.unit_alt": "{when}: the weights of hidden unit {unit}. {where}",
    "weights.filter_alt": "{when}: filter {number}, 3 × 3 weights, rows from the top: {rows}.",
    # Class page and the class set (issue #16)
    "nav.class": "Class",
    "class.title": "Our class's handwriting",
    "class.intro": (
        "MNIST's digits were written in the United States in the 1990s, by census workers and students. Here are "
        "the digits **this class** gave from the Draw page, and how well the class model reads them: your data "
        "decides what a model can do."
    ),
    "class.model": "Class model: {run}",
    "class.no_model": "There is no digits model yet: train one on the Train page, or ask the teacher to pin one.",
    "class.count": "Drawings given",
    "class.accuracy": "Class model on our drawings",
    "class.mnist_accuracy": "Class model on MNIST's test set",
    "class.none_yet": (
        'No drawings yet. On the Draw page, draw a digit, then press the digit you meant under "Give it to the class".'
    ),
    "class.per_digit": "Drawings of each digit",
    "class.digit": "Digit",
    "class.drawings": "Drawings",
    "class.matrix.title": "What the class model reads in our drawings",
    "class.matrix.help": (
        "Rows: the digit meant. Columns: what the class model read. Choose a cell to see its drawings."
    ),
    "class.cell": "Meant {meant}, read as {read}: **{count}** drawings",
    "class.cell_more": "The newest {shown} of {count}.",
    "class.fooled.title": "Fooled the model",
    "class.fooled.help": "Read wrong while the model was surest: the most confident mistakes first.",
    "class.fooled.none": "No drawing fools the class model yet. Can you write a digit it misreads?",
    "class.caption": "{meant} → {read} ({confidence})",
    "class.caption_named": "{caption} · {student}",
    "class.unavailable": "The class set cannot be used right now.",
    "class.unavailable_advice": (
        "Drawing goes on as usual, without the class features. The file is left exactly as it is; the details "
        "say what to do with it."
    ),
    "class.give.title": "Give it to the class",
    "class.give.help": "Press the digit you meant: your drawing joins the class set, exactly as the model saw it.",
    "class.give.name_first": "Type your name in the sidebar to give your drawings to the class.",
    "class.give.given": "Thank you! Given as a {digit}. The class now has {count:drawing|drawings} of {digit}.",
    "class.give.already": "This drawing is in the class set already. Draw the next one!",
    "class.give.blank": "There is nothing to give yet: draw a digit first.",
    "class.give.unreadable": "Only a drawing the model could read can be given: draw one digit, not too small.",
    "class.give.too_many": (
        "That's {most:drawing|drawings} in {minutes:minute|minutes}: thank you! You can give more in about "
        "{wait:minute|minutes}."
    ),
    "class.give.unavailable": (
        "The class set cannot take drawings right now (the teacher sees why on the Class page). Drawing goes on "
        "as usual."
    ),
    "class.col.student": "Student",
    "class.col.meant": "Meant",
    "class.col.read": "Read as",
    "class.col.when": "Given",
    "class.teacher.title": "The class set",
    "class.teacher.show_names": "Show names on the Class page",
    "class.teacher.drawings": "Every drawing, newest first. Choose one to see it and to delete it.",
    "class.teacher.delete_drawing": "Delete this drawing",
    "class.teacher.drawing_deleted": "The drawing is deleted.",
    "class.teacher.student": "Student",
    "class.teacher.delete_student": "Delete all of this student's drawings…",
    "class.teacher.confirm_student": "Delete all {count:drawing|drawings} by {student} for good?",
    "class.teacher.yes_delete": "Yes, delete them",
    "class.teacher.keep": "No, keep them",
    "class.teacher.deleted": "Deleted {count:drawing|drawings} by {student}.",
    "class.export.names": "With students' names",
    "class.export.button": "Download the class set",
    "class.export.help": (
        "One zip: the drawings and their digits as MNIST-format files, which this app's loader reads, and a table "
        "of the rest. A later class can test a model on it."
    ),
    "class.retrain.title": "Retrain the class model on our drawings",
    "class.retrain.help": (
        "Fine-tunes the class model on MNIST plus the drawings of about three students in four. The other "
        "students' drawings are held out, to test it fairly on handwriting it never learned from."
    ),
    "class.retrain.split": (
        "{train_drawings:drawing|drawings} by {train_students:student|students} to learn from; "
        "{held_drawings:drawing|drawings} by "
        "{held_students:student|students} held out."
    ),
    "class.retrain.no_drawings": "No drawings to retrain on yet (or no class model).",
    "class.retrain.epochs": "Epochs",
    "class.retrain.start": "Retrain on the class",
    "class.result.title": "The latest retraining on the class: before → after",
    "class.result.computing": "Reading the held-out drawings with both models…",
    "class.result.parent_gone": "The run it started from is gone, so there is nothing to compare it with.",
    "class.result.held_metric": "Held-out class drawings",
    "class.result.mnist_metric": "MNIST's test set",
    "class.result.points": "{points:point|points}",
    "class.result.trained_on": (
        "It learned from {drawings:class drawing|class drawings} by {students:student|students}, together with "
        "MNIST's training images."
    ),
    "class.result.held": (
        "Drawings by {students:student|students} it never learned from ({drawings:drawing|drawings}): "
        "{before} → {after}."
    ),
    "class.result.no_held_out": (
        "No student was held out (all the drawings are by one student), so there is no fair test on the class."
    ),
    "class.result.mnist": "MNIST's test set: {before} → {after}.",
    "class.result.better": (
        "It now reads classmates it never saw better: it learned how this class writes, not just these drawings."
    ),
    "class.result.worse": (
        "It reads the held-out classmates worse: from a few drawings a model can learn habits of the students it "
        "saw that other students do not share. More drawings, by more students, help."
    ),
    "class.result.same": (
        "Little changed on the held-out drawings (a drawing or two either way is chance): our drawings are few "
        "next to MNIST's 60,000 images, or the model already read this class well."
    ),
    "class.result.why_held_out": (
        "With drawings by two students or more, some are held out: that shows whether what the model learned "
        "carries over to new writers."
    ),
    "class.result.forgetting": (
        "Its MNIST accuracy fell: the model is starting to forget how MNIST's writers write. Training on MNIST "
        "together with our drawings keeps that small."
    ),
    "class.result.remembered": (
        "Its MNIST accuracy held: training on MNIST together with our drawings kept what the model knew."
    ),
    "class.result.pin": "Pin it as the class model",
    "class.result.pinned": "Pinned: Draw, Mistakes and the Class page now start on it.",
    "learn.class_data.title": "Why our own drawings?",
    "learn.class_data.body": (
        "A model learns only from the examples it is shown. MNIST's digits were written in the United States in "
        "the 1990s: there a 1 is often a single stroke, a 7 seldom has a bar across, a 9 has a straight tail. If "
        "this class writes some digits differently, the model reads us less well. Not because it is a bad model: "
        "it has never seen writing like ours.\n\n"
        "The fix is data. Give the model our drawings, and test it on drawings by classmates it never learned "
        "from: if it now reads them better, it learned how this class writes."
    ),
    # Build your own network (mnist_core/model/layers.py): a spec that cannot be built, and the short form
    "layers.error.unknown_kind": (
        'Layer {position} ("{part}"): there is no layer called "{word}". Use dense, conv, pool, dropout or batchnorm.'
    ),
    "layers.error.arguments.dense": (
        'Layer {position} ("{part}"): a dense layer takes a number of units and an activation, e.g. "dense 128 relu".'
    ),
    "layers.error.arguments.conv": (
        'Layer {position} ("{part}"): a convolution takes a number of filters, a kernel size and an activation, '
        'e.g. "conv 16 3 relu".'
    ),
    "layers.error.arguments.pool": 'Layer {position} ("{part}"): pooling takes one size, e.g. "pool 2".',
    "layers.error.arguments.dropout": 'Layer {position} ("{part}"): dropout takes one rate, e.g. "dropout 0.2".',
    "layers.error.arguments.batchnorm": (
        'Layer {position} ("{part}"): batchnorm takes nothing after it; write just "batchnorm".'
    ),
    "layers.error.whole_number": 'Layer {position} ("{part}"): "{value}" should be a whole number.',
    "layers.error.units": 'Layer {position} ("{part}"): a dense layer has from 1 to {most:,} units, not {units}.',
    "layers.error.filters": (
        'Layer {position} ("{part}"): a convolution has from 1 to {most:,} filters, not {filters}.'
    ),
    "layers.error.activation": (
        'Layer {position} ("{part}"): there is no activation called "{activation}". Use relu, tanh, sigmoid or linear.'
    ),
    "layers.error.kernel_size": 'Layer {position} ("{part}"): a kernel is at least 1 pixel wide, not {kernel}.',
    "layers.error.kernel_too_big": (
        'Layer {position} ("{part}"): a {kernel} × {kernel} kernel is larger than the {height} × {width} image '
        "that reaches this layer."
    ),
    "layers.error.pool_size": 'Layer {position} ("{part}"): a pooling square is at least 1 pixel wide, not {size}.',
    "layers.error.pool_too_big": (
        'Layer {position} ("{part}"): pooling {size} × {size} squares would shrink the {height} × {width} image '
        "that reaches this layer below 1 pixel."
    ),
    "layers.error.rate": (
        'Layer {position} ("{part}"): a dropout rate is a number from 0 up to, but not including, 1 (0.2 sets a '
        "fifth of the values to 0 while training), not {rate}."
    ),
    "layers.error.conv_after_dense": (
        'Layer {position} ("{part}"): a convolution needs an image, but layer {dense_position} ("{dense_part}") '
        "is a dense layer: its output is a list of numbers, not an image. Put convolutions and pooling before "
        "the first dense layer."
    ),
    "layers.error.pool_after_dense": (
        'Layer {position} ("{part}"): pooling needs an image, but layer {dense_position} ("{dense_part}") '
        "is a dense layer: its output is a list of numbers, not an image. Put convolutions and pooling before "
        "the first dense layer."
    ),
    "layers.display.none": "no hidden layers",
    # Issue #32, why did it answer that (mnist_core/reading/explain.py and fooling.py): where the ink pushed, and
    # fooling it.
    "explain.for.top": "The ink pushing toward {digit} is mostly at the top of the drawing ({share}% of the push).",
    "explain.for.bottom": (
        "The ink pushing toward {digit} is mostly at the bottom of the drawing ({share}% of the push)."
    ),
    "explain.for.left": "The ink pushing toward {digit} is mostly on the left, halfway down ({share}% of the push).",
    "explain.for.right": "The ink pushing toward {digit} is mostly on the right, halfway down ({share}% of the push).",
    "explain.for.middle": (
        "The ink pushing toward {digit} is mostly in the middle of the drawing ({share}% of the push)."
    ),
    "explain.for.spread": "The ink pushing toward {digit} is spread over the whole drawing.",
    "explain.for.none": "No ink pushes toward {digit}.",
    "explain.against.top": (
        "The ink pushing away from {digit} is mostly at the top of the drawing ({share}% of the push)."
    ),
    "explain.against.bottom": (
        "The ink pushing away from {digit} is mostly at the bottom of the drawing ({share}% of the push)."
    ),
    "explain.against.left": (
        "The ink pushing away from {digit} is mostly on the left, halfway down ({share}% of the push)."
    ),
    "explain.against.right": (
        "The ink pushing away from {digit} is mostly on the right, halfway down ({share}% of the push)."
    ),
    "explain.against.middle": (
        "The ink pushing away from {digit} is mostly in the middle of the drawing ({share}% of the push)."
    ),
    "explain.against.spread": "The ink pushing away from {digit} is spread over the whole drawing.",
    "explain.against.none": "No ink pushes away from {digit}.",
    "explain.fool.done": (
        "The network now reads {target}. The change: {pixels:pixel|pixels}, by at most {largest} and on average "
        "{mean} of 255 grey levels. You still read the digit you drew; the network does not."
    ),
    "explain.fool.gave_up": (
        "Gave up after {steps:step|steps}: within the change allowed, the network still reads {reading}, not {target}."
    ),
    "explain.fool.already": "The network already reads this drawing as {target}. Choose another digit.",
    # Issue #33, accessibility (mnist_core/text/alt_text.py): what each picture shows, for a screen reader.
    "alt.sample.digit": "Training image: a handwritten {name}, 28 × 28 grey pixels.",
    "alt.sample.fashion": "Training image of the class {name}: a photo of clothing, 28 × 28 grey pixels.",
    "alt.input.blank": "The network's input, 28 × 28 pixels: all black, since nothing is drawn yet.",
    "alt.input.read": (
        "The network's input: your drawing as 28 × 28 grey pixels. The network reads {answer}, {confidence} sure."
    ),
    "alt.step.ink": "Step 1 of 5: your drawing, white ink on black, {height} × {width} pixels.",
    "alt.step.cropped": "Step 2 of 5: your drawing cropped to its ink, {height} × {width} pixels.",
    "alt.step.scaled": "Step 3 of 5: the ink shrunk so its longer side is 20 pixels, {height} × {width} pixels.",
    "alt.step.padded": "Step 4 of 5: the ink placed in a black square of {height} × {width} pixels.",
    "alt.step.centred": (
        "Step 5 of 5: the ink moved so its centre of mass is in the middle of the {height} × {width} square."
    ),
    "alt.right": "Right.",
    "alt.wrong": "Wrong.",
    "alt.test_image": "Test image labelled {label}: the network read {read}, {confidence} sure. {verdict}",
    "alt.drawing.read": "A drawing meant as {meant}: the class model reads {read}, {confidence} sure. {verdict}",
    "alt.drawing.given": "A drawing meant as {meant}, read as {read} when it was given. {verdict}",
    "alt.drawing.by": "{drawing} Drawn by {student}.",
    # Issue #33, pick a test image on the Draw page (mnist_core/reading/picked.py, ui/image_picker.py).
    "pick.title": "Cannot draw? Read a test image",
    "pick.help": (
        "Pick one of MNIST's {count:,} test images by its number, or a random one of a digit. The network reads it "
        "as it reads a drawing, with everything the page shows for one, and you can give it to the class."
    ),
    "pick.how": "Which test image",
    "pick.how_help": (
        "By its number, or a random test image of the digit you choose. Type to search the list, or use the arrow "
        "keys and Enter."
    ),
    "pick.by_number": "By its number",
    "pick.random": "A random {digit}",
    "pick.number": "Test image number (0 to {last:,})",
    "pick.number_help": "Every test image has a number: type one, then press “Read this test image”.",
    "pick.read": "Read this test image",
    "pick.caption": "Test image {index}: {label}",
    "pick.alt": "Test image {index}: a handwritten {label}, 28 × 28 grey pixels.",
    "pick.reading": (
        "The network now reads test image {index}, labelled {label}, as it reads a drawing. Draw in the square to "
        "read your own drawing again."
    ),
    "pick.unavailable": "The test images are not available on this server.",
    # Issue #33, the class's runs on one chart (mnist_core/classroom/dashboard.py, mnist_core/text/dashboard.py).
    "dashboard.title": "Every run of the class",
    "dashboard.help": (
        "One point for each digits model a student or the teacher trained: its test accuracy against its epochs or "
        "its training time. Colour and shape both show the model and the optimizer; the dashed line is the "
        "tutorial's score. Click a point to see that run."
    ),
    "dashboard.none": "No run of the class yet: a digits model trained on the Train page appears here by itself.",
    "dashboard.axis": "Along the bottom",
    "dashboard.axis.epochs": "Epochs",
    "dashboard.axis.seconds": "Training time (seconds)",
    "dashboard.legend": "Model · optimizer",
    "dashboard.category": "{model} · {optimizer}",
    "dashboard.custom": "custom",
    "dashboard.custom_layers": "custom: {layers}",
    "dashboard.a_student": "a student",
    "dashboard.point": "{who} · {model} · {learning} · {epochs:epoch|epochs} · {accuracy} right",
    "dashboard.summary": "{runs:run|runs} by {people:person|people}; the dashed line is the tutorial's {tutorial}.",
    "dashboard.beat.title": "Who beat the tutorial?",
    "dashboard.beat.none": "No run beats the tutorial's {tutorial} yet: the best so far scores {best}.",
    "dashboard.beat.named": "Above the tutorial's {tutorial}: {names}.",
    "dashboard.beat.count": (
        "{runs:run|runs} by {people:person|people} beat the tutorial's {tutorial}. The best scores {best} ({category})."
    ),
    "dashboard.best.title": "The best run of each model",
    "dashboard.every": "Every run on the chart, as a table",
    "dashboard.col.tutorial": "Against the tutorial",
    "dashboard.above": "▲ above",
    "dashboard.below": "not above",
    "dashboard.alt": (
        "Chart: each run of the class is a point, its test accuracy against {axis}, with the tutorial's {tutorial} "
        "as a dashed line. {beat}"
    ),
    "dashboard.tutorial_line": "Tutorial: {accuracy}",
    "dashboard.click": "Click a point to see that run's settings and curves.",
    "dashboard.chosen": "The run you clicked:",
    "dashboard.images": "Training images",
    "dashboard.fine_tuned": "Fine-tuned on the class's drawings",
    "dashboard.yes": "yes",
    "dashboard.col.what": "What",
    "dashboard.col.value": "Value",
    # Issue #33, review first (mnist_core/classset/drawings.py, ui/class_review.py) and balance (classset/balance.py).
    "class.review.switch": "Review drawings before the class sees them",
    "class.review.switch_help": (
        "When on, a given drawing waits below until you approve it. Only approved drawings count: on the Class "
        "page, its board, fine-tuning and the download. A rejected drawing is deleted; the class never sees it."
    ),
    "class.review.title": "Drawings waiting for your review",
    "class.review.none": "No drawing waits for review.",
    "class.review.count": "Waiting: {count:drawing|drawings}, the oldest first.",
    "class.review.more": "The oldest {shown} are shown: approve or reject them to see the next.",
    "class.review.caption": "{student} · meant {meant} · read {read}",
    "class.review.approve": "Approve",
    "class.review.reject": "Reject",
    "class.review.approve_all": "Approve all shown ({count})",
    "class.review.approved": "Approved {count:drawing|drawings}: the class sees them now.",
    "class.review.rejected": "Rejected and deleted {count:drawing|drawings}.",
    "class.give.waiting": "Thank you! Given as a {digit}. It waits for your teacher's review before the class sees it.",
    "class.balance.counts": "Drawings of each digit: {counts}.",
    "class.balance.scarce": (
        "Few drawings of {digits}: less than a third of the {mean} a digit has on average. Fine-tuned on this class "
        "set, the model sees too few of them to learn how this class writes them and leans toward the digits it sees "
        "most; the class's accuracy on them rests on a handful of drawings. Ask the class to draw more of them."
    ),
    "class.retrain.anyway": "Fine-tune anyway: I know the class set is lopsided",
    # Issue #31, build your own network, the backend: names, caps, lesson links and notebooks of written networks.
    "model.custom": "Your own network",
    "model.custom.short": "own network",
    "model.weight_decay": "{model}, weight decay {rate}",
    "caps.parameters": (
        "The teacher allows networks of at most {cap:,} parameters in this class; this one has {asked:,}."
    ),
    "caps.layers": (
        "The teacher allows networks of at most {cap:layer|layers} in this class (the output layer counts); this "
        "one has {asked}."
    ),
    "caps.text.network": "networks up to {parameters} parameters and {layers:layer|layers}",
    "teacher.caps.parameters": "Most parameters in a network",
    "teacher.caps.parameters_help": "For every network, named or built. The tutorial's has 795,010.",
    "teacher.caps.layers": "Most layers in a built network",
    "teacher.caps.layers_help": "The layers a student writes, and the output layer.",
    "link.ignored_layers": "The link's layers were left out: {reason}",
    "link.unreadable_layers": (
        'The link\'s layers={value} were left out: a network is written with letters, digits, spaces, dots and ";".'
    ),
    "notebook.model.custom": (
        "## 4. The model\n"
        "The network written in the app as `{spec}`. It has what the app added around it: a `Reshape` to an "
        "image with one channel before a first convolution or pooling, a `Flatten` before the first `Dense` "
        "layer, and the output layer, `Dense(10, softmax)`, which gives ten probabilities that add up to 1. "
        "It has {parameters:,} parameters."
    ),
    "notebook.l2": (
        "**Weight decay.** Every `Dense` and `Conv2D` kernel has an L2 penalty of rate `L2` = {rate}: the loss "
        "grows with the squares of the weights, so training also keeps them small."
    ),
    "notebook.init_seed": (
        "**Starting weights.** Each kernel starts from weights drawn with a seed of its own, mixed from "
        "`INIT_SEED` and the layer's place as the app mixes it: this network starts from the run's very first "
        "weights, whatever `SEED` is. Change one setting and keep `INIT_SEED` to see that setting's effect alone."
    ),
    "notebook.noise": (
        "**Pixel noise.** In the app every training batch got noise: a number from a normal distribution with "
        "standard deviation {noise} added to each pixel, drawn anew for every batch of every epoch, then the "
        "pixels clipped back to 0..1. The `tf.data` pipeline below does the same. The test images stay clean."
    ),
    "notebook.validation": (
        "**A validation split.** The tutorial's `validation_data=(x_test, y_test)` shows the test images to the "
        "training loop after every epoch. The network does not learn from them, but whoever chooses the epochs, "
        "the learning rate or the layers by watching val_accuracy tunes the network to the test set, and the "
        "test score is then no longer a fair exam. This run held out the last {share}% of its training images "
        "instead: they are scored after every epoch, and the test images wait for `evaluate` at the end."
    ),
    "notebook.fit_validation": (
        "## 6. Train\n"
        "{epochs:epoch|epochs} in batches of {batch}. After every epoch Keras also scores the held-out images "
        "(`validation_data=(x_val, y_val)`): those are the val_ numbers. The test images stay unseen until step 8."
    ),
    "notebook.curves_validation": (
        "## 7. The four curves\n"
        "Loss and accuracy on the training images (loss, accuracy) and on the held-out images (val_loss, "
        "val_accuracy) after every epoch."
    ),
    "notebook.code.l2": "weight decay: the rate of the L2 penalty on every kernel",
    "notebook.code.init_seed": "the starting weights' own seed (None: they come from SEED)",
    "notebook.code.noise": "the spread of the noise added to the training pixels",
    "notebook.code.validation": "the share of the training images held out to validate with",
    "notebook.code.weights": "A kernel's starting weights and weight decay, as the app set them.",
    "notebook.code.held_out": "The last VALIDATION_SPLIT of the training images, held out to validate with",
    "notebook.code.noise_pipeline": "Fresh noise on every batch of every epoch, clipped back to 0..1",
    # Issue #32 on the pages (ui/explain_views.py, map_views.py, fool_views.py; mnist_core/text/explain_words.py):
    # where it looked, the map of what it learned, and fooling it.
    "why.where.title": "Where it looked",
    "why.where.help": (
        "Each square is one pixel of the network's input. Orange: this ink pushed the network toward the digit. "
        "Purple with a dot: it pushed away from it. White: no ink, or no push either way. Both maps share one scale."
    ),
    "why.where.input": "The input",
    "why.where.answer": "Why {digit} ({probability})",
    "why.where.runner_up": "Why not {digit} ({probability})",
    "why.where.answer_words": "**Why {digit}:** {evidence}",
    "why.where.runner_up_words": "**Why not {digit}:** {evidence}",
    "why.where.alt": (
        "Heat map of the 28 × 28 input for {digit}: orange where the ink pushes toward {digit}, purple with dots "
        "where it pushes away. {evidence_for} {evidence_against}"
    ),
    "why.where.legend": "Purple, dotted: pushes away · white: no push · orange: pushes toward.",
    "why.where.legend_alt": (
        "Colour scale from left to right: dark purple with a dot for ink that pushes strongly away from the digit, "
        "paler purple, white for no push, pale orange, dark orange for ink that pushes strongly toward it."
    ),
    "why.where.unsupported": "This network has a layer the heat map cannot look through yet.",
    "learn.where.title": "How does the heat map know where it looked?",
    "learn.where.body": (
        "For every pixel the app asks: if this pixel were a little brighter, how much would the network's score for "
        "the digit go up or down? That is the **gradient**. Multiplied by the pixel's ink (**gradient × input**), it "
        "says how much that ink added to the score, compared with an empty pixel.\n\n"
        "- Orange ink speaks for the digit, purple ink against it.\n"
        '- The second map answers "why not the runner-up?": the ink that speaks against it is often what makes '
        "the difference between two digits that look alike.\n\n"
        "Blanking the pixels the map marks strongest lowers the network's confidence far more than blanking as many "
        "other ink pixels: the map points at what the network really uses."
    ),
    "why.map.show": "Show the map of what it learned",
    "why.map.show_help": (
        "2,000 test images placed by what the network's last hidden layer makes of them, and your drawing among them."
    ),
    "why.map.title": "The map of what it learned",
    "why.map.help": (
        "{count:,} test images, placed so that images the network's last hidden layer sees alike sit close together. "
        "A point's colour and the digit written at the middle of each group say its true label; a cross with a dark "
        "outline is a test image the network reads wrong. Click a point to see its image."
    ),
    "why.map.alt": (
        "Map of {count:,} test images, each a point coloured by its true label; the sentences below say what it shows."
    ),
    "why.map.label": "True label",
    "why.map.verdict": "Read",
    "why.map.read_as": "The network reads",
    "why.map.right": "right",
    "why.map.wrong": "wrong",
    "why.map.you": "your drawing",
    "why.map.words": "{count:,} test images on the map; the network reads {wrong} of them wrong.",
    "why.map.close": "The labels that sit closest together: {pairs}.",
    "why.map.apart": "No two labels mix much: each group stands apart.",
    "why.map.pair": "{first} and {second}",
    "why.map.placed": (
        "Your drawing is the dark diamond. It sits where its {count} nearest test images are, by the network's last "
        "hidden layer: their labels are {labels}."
    ),
    "why.map.pick_hint": "Click a point on the map to see its test image here.",
    "why.map.picked": "Test image {index} · label {label} · read {read} ({confidence})",
    "why.map.picked_alt": (
        "Test image {index} from the map: its label is {label}; the network reads {read}, {confidence} sure. {verdict}"
    ),
    "why.map.being_made": (
        "The map of this run is being made: about {seconds:second|seconds}. It appears here by itself when it is ready."
    ),
    "why.map.failed": "The map of this run could not be made.",
    "why.map.failed_advice": (
        "It is tried again when the page asks in a minute. If it fails again, tell the person who runs the server: "
        "the reason is below."
    ),
    "why.map.damaged": "The map saved with this run cannot be read.",
    "why.map.damaged_advice": (
        "Delete embedding.npz in the run's folder (the model stays): the map is made again the next time a page asks."
    ),
    "why.map.no_data": "The test images are not available on this server.",
    "learn.map.title": "What does the map show?",
    "learn.map.body": (
        "Just before it answers, the network turns each image into a long list of numbers: its last hidden layer. "
        "The map squeezes those lists into two dimensions (PCA, then **t-SNE**), keeping together the images whose "
        "lists are alike.\n\n"
        "- Digits that look alike to the network sit close: 4 and 9, 3 and 5, 7 and 9 often touch.\n"
        "- The crosses are its mistakes: most sit at the edge of a group, or inside the group of the digit it "
        "read.\n"
        "- A network that learned little draws a less clear map: an untrained network's groups overlap more, though "
        "t-SNE still finds some, since images of the same digit already share many pixels.\n\n"
        "Your drawing is placed by the test images nearest to it in the hidden layer."
    ),
    "why.fool.title": "Fool it",
    "why.fool.help": (
        "Change your drawing in small steps until the network reads another digit: you choose which. No pixel may "
        "change by more than {most} of 255 grey levels."
    ),
    "why.fool.target": "Make it read",
    "why.fool.button": "Fool it",
    "why.fool.none": "Draw a digit, choose another one, and press Fool it.",
    "why.fool.under_way": "Changing your drawing until the network reads {target} (at most {seconds:second|seconds}) …",
    "why.fool.failed": "This network cannot be fooled here: it has a layer the change cannot look through yet.",
    "why.fool.original": "Your drawing: read {read} ({confidence})",
    "why.fool.changed": "Changed: read {read} ({confidence})",
    "why.fool.change": "The change, enlarged",
    "why.fool.original_alt": "Your drawing as the network read it: {read}, {confidence} sure.",
    "why.fool.changed_alt": (
        "Your drawing after the change. To a person it looks the same; the network now reads {read}, {confidence} sure."
    ),
    "why.fool.change_alt": (
        "The change itself, enlarged: {pixels:pixel|pixels} changed; orange where ink was added, purple with dots "
        "where it was taken away. The largest change is {largest} of 255 grey levels."
    ),
    "why.fool.lesson": (
        "Why a person still sees {original} and the network sees {read}: the network does not look at strokes as we "
        "do. It weighs every one of the 784 pixels and adds up their small pushes, so many tiny changes in the right "
        "places change its answer."
    ),
    "why.fool.lesson_held": (
        "This time the network held: within the change allowed, it did not read {target}. Try another digit, or a "
        "drawing it is less sure about. A person would still read {original} either way."
    ),
    "why.fool.meant": "The digit you drew",
    "why.fool.give": 'Give it to the class\'s "fooled the model" board',
    "why.fool.given": "Given: your {meant} that the network reads as {read} is on the class's board.",
    "learn.fool.title": "How can so small a change fool it?",
    "learn.fool.body": (
        "The app asks the network which way each pixel should move to make the chosen digit more likely (its "
        "gradient), moves every pixel one small step that way, and asks again, until the network reads that digit. "
        "This is the **fast gradient sign method**, repeated.\n\n"
        "The changes are small and spread out, so a person hardly sees them; but the network adds up every pixel's "
        "small push. Such **adversarial examples** are why a network's answer is not proof that it sees what we see."
    ),
    # Issue #31, build your own network (ui/network_builder.py, mnist_core/text/builder.py), the data settings
    # (ui/train_settings.py) and two runs compared image by image (ui/runs_views.py, mnist_core/text/comparison.py).
    "builder.title": "Build your own network",
    "builder.model_option": "Your own (build it below)",
    "builder.intro": (
        "Start from a preset, then add, remove and move layers. Each dense or convolution layer has its own "
        "activation. The output layer, 10 units with softmax, is always last. The diagram, the table and the "
        "parameter count follow every change."
    ),
    "builder.preset": "Start from a preset",
    "builder.preset_placeholder": "Choose one: it replaces the layers below",
    "builder.preset.tutorial": "The tutorial's network: one dense layer of 1,000 units",
    "builder.preset.deep_sigmoid": "Deep and narrow with sigmoid, 6 × 32 (vanishing gradients)",
    "builder.preset.deep_relu": "Deep and narrow with relu, 6 × 32 (the same with relu)",
    "builder.preset.wide": "Wide without dropout, 2 × 1,000 (overfitting on few images)",
    "builder.preset.wide_dropout": "Wide with dropout 0.5, 2 × 1,000 (the same with dropout)",
    "builder.preset.cnn": "The CNN: two convolutions with pooling, then dense 128",
    "builder.kind.dense": "Dense",
    "builder.kind.conv": "Conv2D (convolution)",
    "builder.kind.pool": "MaxPool (pooling)",
    "builder.kind.dropout": "Dropout",
    "builder.kind.batchnorm": "BatchNormalization",
    "builder.row_title": "**{position}.** {kind}",
    "builder.units": "Units",
    "builder.filters": "Filters",
    "builder.kernel": "Kernel size",
    "builder.pool_size": "Square size",
    "builder.rate": "Rate",
    "builder.activation": "Activation",
    "builder.up": "Up",
    "builder.up_help": "Move this layer one place toward the input.",
    "builder.down": "Down",
    "builder.down_help": "Move this layer one place toward the output.",
    "builder.remove": "Remove",
    "builder.remove_help": "Take this layer out of the network.",
    "builder.output_row": "**Output:** Dense, 10 units, softmax. Always last: one probability per class.",
    "builder.add_kind": "New layer",
    "builder.add": "Add layer",
    "builder.l2": "Weight decay (L2 rate)",
    "builder.l2_help": (
        "For the whole network: the loss also counts this rate times the sum of every squared weight, so large "
        "weights cost something. 0: none (the tutorial's). Try 0.0001 to 0.001; from about 0.1 the network learns "
        "little but small weights."
    ),
    "builder.text": "The layers as text",
    "builder.text_help": (
        'The same layers as the command line\'s --layers takes them, separated by ";": "dense UNITS ACTIVATION", '
        '"conv FILTERS KERNEL ACTIVATION", "pool SIZE", "dropout RATE", "batchnorm". Type and press Enter.'
    ),
    "builder.fix": "Fix the order",
    "builder.fix_help": "Moves the convolutions and pooling in front of the first dense layer: {layers}",
    "builder.fix_first": "Start waits until the layers can be built: the message in the builder says what to change.",
    "builder.parameters": "{parameters:parameter|parameters} in {layers:layer|layers}",
    "builder.estimate": (
        "About {time} per epoch on this server (estimated from the network's size and the pace of its trainings "
        "so far)."
    ),
    "builder.diagram.title": "The network, layer by layer",
    "builder.diagram.sentence": (
        "A {height} × {width} image goes in at the top, passes {layers:layer|layers} and comes out as {classes} "
        "probabilities, one per class; {parameters:parameter|parameters} in all. Each box says what comes out of it "
        "for one image."
    ),
    "builder.summary.title": "The summary table, as Keras prints it",
    "builder.box.input": "Input",
    "builder.box.input_detail": "the picture, grey pixels from 0 to 1",
    "builder.box.output": "Output",
    "builder.box.output_detail": "Dense, {classes} units, softmax: one probability per class",
    "builder.box.dense_detail": "{units:unit|units}, {activation}",
    "builder.box.conv_detail": "{filters:filter|filters} of {kernel} × {kernel} pixels, {activation}",
    "builder.box.pool_detail": "the largest value of each {size} × {size} square",
    "builder.box.dropout_detail": "while training, a share of {rate} of the values set to 0",
    "builder.box.batchnorm_detail": "each channel rescaled to a mean and spread it learns",
    "builder.box.flatten_detail": "the image laid out as one list of numbers",
    "builder.box.reshape_detail": "one channel added: convolutions take images with channels",
    "builder.box.shape": "out: {shape}",
    "builder.box.parameters": "{parameters:parameter|parameters}",
    "train.settings.noise": "Pixel noise",
    "train.settings.noise_help": (
        "Random grey added to every pixel of every training batch, drawn anew each time: the spread of the noise, "
        "with pixels from 0 (black) to 1 (white). 0: none (the tutorial's). Validation and test images stay clean."
    ),
    "train.settings.validation": "Validation share",
    "train.settings.validation_help": (
        "The share of the training images held back to check the training after each epoch. 0: the tutorial's way, "
        "which checks on the test set (see the lesson below)."
    ),
    "train.settings.init_seed": "Same starting weights: seed",
    "train.settings.init_seed_placeholder": "random",
    "train.settings.init_seed_help": (
        "Leave it empty for new random starting weights each time. Two trainings with the same number and the same "
        "layers start from exactly the same weights, so comparing them shows only what the other settings changed."
    ),
    "learn.validation.title": "Validation data: why not the test set?",
    "learn.validation.body": (
        "The tutorial trains with `validation_data=(x_test, y_test)`: after every epoch the training loop scores "
        "the network on the **test set**, and we watch val_loss to choose how many epochs to train. Choosing by the "
        "test score makes that score a little too good: the test set helped choose the network, so it no longer "
        "measures how well the network reads images it has never met.\n\n"
        "A **validation share** holds back some training images instead (the last ones, as Keras's "
        "`validation_split` does). The network never learns from them, the curves show how it does on them, and "
        "the test set is kept for one honest score at the end."
    ),
    "compare.disagree.title": "Where the two runs disagree",
    "compare.disagree.runs": "A: {a}. B: {b}.",
    "compare.disagree.direction": "Test images **{right}** gets right and **{wrong}** gets wrong: {count:image|images}",
    "compare.disagree.caption": "{label} · {run}: {read}",
    "compare.disagree.alt": "Test image labelled {label}: run {right} reads it right, run {wrong} reads {read}.",
    "compare.disagree.none": "None.",
    "compare.disagree.other_datasets": (
        "The two runs learned different data sets, so they have no test images in common."
    ),
    "compare.disagree.computing": "Reading the test set with both runs…",
    "compare.disagree.unreadable": "The test images cannot be compared: {reason}",
}
