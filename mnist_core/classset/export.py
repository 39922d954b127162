"""The class set as one download: MNIST-format IDX files (gzipped) and a CSV of the rest, in a zip.

    class-images-idx3-ubyte.gz   the drawings, uint8 28x28, as MNIST's images (read with mnist_core.data.idx.read_idx)
    class-labels-idx1-ubyte.gz   the digit each student meant
    class-drawings.csv           per drawing, in the same order: the reading, its probabilities, the run, the time
                                 (and the student's name only when asked for)
    SHA256SUMS                   SHA-256 of the uncompressed IDX bytes, as the project checks its data sets

A later class can test a model on it: `read_export(zip bytes)` gives the images and labels back, checked.
The strokes stay in the database: replaying them needs the app, and they would make the download heavy.
"""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from datetime import UTC, datetime

import numpy as np

from mnist_core.classset.class_set import ClassSet
from mnist_core.classset.split import as_uint8
from mnist_core.data import idx

IMAGES_FILE = "class-images-idx3-ubyte.gz"
LABELS_FILE = "class-labels-idx1-ubyte.gz"
CSV_FILE = "class-drawings.csv"
SUMS_FILE = "SHA256SUMS"


def export_zip(drawings: ClassSet, with_names: bool = False) -> bytes:
    """The class set as a zip file's bytes (made in memory: a class's drawings are a few megabytes)."""
    images, labels = as_uint8(drawings.images), drawings.labels.astype(np.uint8)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in ((IMAGES_FILE, images), (LABELS_FILE, labels)):
            # mtime=0: the same class set gives the same bytes, whenever it is downloaded.
            archive.writestr(name, gzip.compress(idx.encode_idx(array), mtime=0), compress_type=zipfile.ZIP_STORED)
        archive.writestr(CSV_FILE, _csv_text(drawings, with_names))
        sums = f"{idx.array_sha256(images)}  {IMAGES_FILE[:-3]}\n{idx.array_sha256(labels)}  {LABELS_FILE[:-3]}\n"
        archive.writestr(SUMS_FILE, sums)
    return buffer.getvalue()


def read_export(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    """The images and labels of an exported class set, read with the project's IDX reader and checked by SHA-256.

    Raises idx.IdxError (a ChecksumError when a file is not the one exported), or zipfile.BadZipFile / KeyError
    when it is not such a zip file.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sums = dict(line.split()[::-1] for line in archive.read(SUMS_FILE).decode("ascii").splitlines())
        images = idx.read_idx(archive.read(IMAGES_FILE), sums[IMAGES_FILE[:-3]])
        labels = idx.read_idx(archive.read(LABELS_FILE), sums[LABELS_FILE[:-3]])
    if images.ndim != 3 or labels.shape != images.shape[:1]:
        raise idx.IdxError(f"{len(images)} images but labels of shape {labels.shape}")
    return images, labels


def _csv_text(drawings: ClassSet, with_names: bool) -> str:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(
        ["index", "id", "label", "reading", "confidence", *(f"p{digit}" for digit in range(10)), "run", "given_at"]
        + (["student"] if with_names else [])
    )
    for index in range(len(drawings)):
        probabilities = drawings.probabilities[index]
        given_at = datetime.fromtimestamp(drawings.created[index], UTC).isoformat(timespec="seconds")
        writer.writerow(
            [index, int(drawings.ids[index]), int(drawings.labels[index]), int(drawings.readings[index])]
            + [f"{probabilities.max():.4f}", *(f"{value:.4f}" for value in probabilities)]
            + [drawings.run_ids[index], given_at]
            + ([drawings.students[index]] if with_names else [])
        )
    return text.getvalue()
