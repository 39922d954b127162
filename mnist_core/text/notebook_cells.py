"""The code a run's Jupyter notebook holds, cell by cell, with slots for a run's settings (notebook.py fills them).

Code cells are written here as `string.Template`s: `$name` slots take a setting or a comment in the
notebook's language, and the code's own braces need no escaping. The cells are the tutorial's steps: settings,
imports, reading the data, scaling it, the model, compiling and fitting it, its curves, the test and its mistakes.
A few cells appear only in a run that used them (the weights() helper, holding images out, pixel noise).
"""

from __future__ import annotations

from string import Template

# What the settings cell names the knob a test or a student turns down for a quick try.
TRAIN_IMAGES_SETTING = "TRAIN_IMAGES"
MISTAKES_SHOWN = 20  # the mistakes cell's 4 x 5 grid, as the tutorial draws them

SETTINGS_CELL = Template(
    """\
# $settings_comment
EPOCHS = $epochs
BATCH_SIZE = $batch_size
LEARNING_RATE = $learning_rate
SEED = $seed  # $seed_comment
$train_images_setting = $train_images  # $train_images_comment
DATA_DIR = None  # $data_dir_comment$more_settings"""
)

# The student's notebook runs without mnist_core, so it quiets TensorFlow in its own code (not mnist_core.tuning).
IMPORTS_CELL = Template(
    """\
import gzip
import os
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # $quiet_comment
import keras
import matplotlib.pyplot as plt
import numpy as np

print("Keras", keras.__version__)"""
)

READ_IDX_CELL = Template(
    r'''DATASET = "$dataset"
CLASS_NAMES = $class_names
FILES = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]


def read_idx(path):
    """$read_idx_doc"""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":  # $gzip_comment
        data = gzip.decompress(data)
    dims = data[3]  # $dims_comment
    shape = np.frombuffer(data, dtype=">u4", count=dims, offset=4)
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find_file(folder, name):
    """$find_file_doc"""
    for path in (folder / name, folder / (name + ".gz")):
        if path.is_file():
            return path
    return None'''
)

LOAD_CELL = Template(
    """\
# $search_comment
here = Path.cwd()
folders = [Path(DATA_DIR)] if DATA_DIR else []
folders += [folder / "data" / DATASET for folder in (here, *here.parents)]$debian_folder
folder = next(
    (candidate for candidate in folders if all(find_file(candidate, name) for name in FILES)), None
)

if folder is not None:
    x_train, y_train, x_test, y_test = (read_idx(find_file(folder, name)) for name in FILES)
    print("Files from", folder)
else:  # $download_comment
    (x_train, y_train), (x_test, y_test) = keras.datasets.$dataset.load_data()
    print("Downloaded by keras.datasets")
print(x_train.shape, x_test.shape)"""
)

SCALE_CELL = Template(
    """\
# $first_images_comment
x_train, y_train = x_train[:$train_images_setting], y_train[:$train_images_setting]
# $scale_comment
x_train = x_train.astype("float32") / 255.0
x_test = x_test.astype("float32") / 255.0
print(x_train.shape, x_train.min(), x_train.max())"""
)

MODEL_CELL = Template(
    """\
# $seed_comment
if SEED is not None:
    keras.utils.set_random_seed(SEED)
$weights_helper
model = keras.Sequential([
    keras.Input((28, 28)),
$layers
])
model.summary()"""
)

COMPILE_CELL = Template(
    """\
model.compile(
    optimizer=$optimizer,
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)"""
)

# Only in a run with weight decay or an initial weights' seed: each kernel's initializer and regularizer.
WEIGHTS_HELPER = Template(
    '''

def weights(place):
    """$weights_doc"""
    seed = None
    if INIT_SEED is not None:
        seed = int(np.random.SeedSequence([INIT_SEED, place]).generate_state(1)[0] >> 1)
    return {
        "kernel_initializer": keras.initializers.GlorotUniform(seed=seed),
        "kernel_regularizer": keras.regularizers.L2(L2) if L2 else None,
    }
'''
)

# Only in a run with a validation split: the last images held out, as the app held them out.
HOLD_OUT_CELL = Template(
    """\
# $held_out_comment
held_out = round(len(x_train) * VALIDATION_SPLIT)
x_train, x_val = x_train[:-held_out], x_train[-held_out:]
y_train, y_val = y_train[:-held_out], y_train[-held_out:]
print(len(x_train), "/", len(x_val))"""
)

# Only in a run with pixel noise: a tf.data pipeline that adds fresh noise to every batch.
NOISE_CELL = Template(
    """\
import tensorflow as tf

# $noise_comment
if SEED is not None:
    noise = tf.random.Generator.from_seed(SEED)
else:
    noise = tf.random.Generator.from_non_deterministic_state()


def add_noise(images, labels):
    noisy = images + noise.normal(tf.shape(images), stddev=NOISE)
    return tf.clip_by_value(noisy, 0.0, 1.0), labels


train_data = (
    tf.data.Dataset.from_tensor_slices((x_train, y_train))
    .shuffle(len(x_train), seed=SEED, reshuffle_each_iteration=True)
    .batch(BATCH_SIZE)
    .map(add_noise)
)"""
)

FIT_CELL = Template(
    """\
start = time.time()
history = model.fit(
    $training_data
    validation_data=$validation_data,
    epochs=EPOCHS,$batch_size
    verbose=2,
)
print("Fit time:", round(time.time() - start, 1), "s")"""
)

CURVES_CELL = """\
plt.figure(figsize=(10, 6))
for name in ["loss", "val_loss", "accuracy", "val_accuracy"]:
    values = history.history[name]
    plt.plot(range(1, len(values) + 1), values, marker="o", label=name)
plt.xlabel("epoch")
plt.legend()
plt.grid(True)
plt.show()"""

EVALUATE_CELL = """\
test_loss, test_accuracy = model.evaluate(x_test, y_test, verbose=0)
print("Test loss:", round(test_loss, 4))
print("Test accuracy:", round(test_accuracy, 4))"""

PREDICT_CELL = Template(
    """\
# $argmax_comment
predicted_labels = np.argmax(model.predict(x_test, verbose=0), axis=1)
wrong = np.flatnonzero(predicted_labels != y_test)
print(len(wrong), "/", len(y_test))"""
)

MISTAKES_CELL = Template(
    """\
# $pick_comment
samples = np.random.default_rng(SEED).choice(wrong, size=min(20, len(wrong)), replace=False)

plt.figure(figsize=(12, 11))
for place, index in enumerate(samples, start=1):
    plt.subplot(4, 5, place)
    plt.imshow(x_test[index], cmap="Greys")
    label, predict = CLASS_NAMES[y_test[index]], CLASS_NAMES[predicted_labels[index]]
    plt.title(f"Label: {label}\\nPredict: {predict}", fontsize=10)
    plt.axis("off")
plt.tight_layout()
plt.show()"""
)
