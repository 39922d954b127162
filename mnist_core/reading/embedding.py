"""The map of what a network learned: 2,000 test images placed in 2-D by its last hidden layer (issue #32).

Computed once per run by the training worker (compute_map, save_map), read by the pages with numpy only
(load_map, place): no TensorFlow and no scikit-learn in a page.

How the 2-D places are found: PCA to 50 dimensions, then t-SNE (scikit-learn). Measured here (2 cores) on the
hidden layer of 2,000 MNIST test images, against UMAP (umap-learn 0.5.12):
- cost: t-SNE 4.5-6 s a map on both cores, 8.6-10 s on the one thread the worker gives it (bench/explain_cost.py);
  UMAP 4.3-8.6 s a map once warm, but its first map in a process takes 20-27 s (numba compiles it), and it brings
  numba and llvmlite (about 210 MB) on top of scikit-learn, which it needs too;
- separation (5-NN accuracy in 2-D / silhouette by true class): t-SNE 0.92/0.37 (dense net, 1 epoch on 2,000
  images), 0.84/0.25 (CNN, same), 0.95/0.48 and 0.98/0.65 (2 epochs on 20,000); UMAP 0.91/0.39, 0.83/0.26,
  0.95/0.54, 0.98/0.77: the same neighbours, UMAP's clusters a little tighter.
So t-SNE: as good a map for the lesson, no slow first map in a worker, and a third of the install.
An untrained network's map is less clear, not a blur: silhouette 0.17-0.30 (random features keep MNIST's
neighbours, and t-SNE draws clusters of them), against 0.36-0.45 after 1 epoch on 6,000 images.

A new drawing is placed by its nearest neighbours among the 2,000 in the hidden layer (in the 50 PCA dimensions
the map was made from, which keep the neighbours and make the file small): at the mean of their places,
weighted by closeness. t-SNE itself cannot place a new point without running again.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mnist_core.data.pixels import scale_images
from mnist_core.durable import write_atomically
from mnist_core.model.keras_model import IMAGE_SHAPE
from mnist_core.model.network import BATCH, Network

MAP_FILE = "embedding.npz"  # beside the run's model.keras
MAP_IMAGES = 2000
PCA_DIMENSIONS = 50  # t-SNE's usual first step: less noise, and a smaller file for placing drawings
PERPLEXITY = 30.0
NEIGHBOURS = 5  # a new drawing's place: the weighted mean of this many nearest test images
VERSION = 1  # of the file's layout


@dataclass(frozen=True, eq=False)  # eq=False: arrays have no truth value
class EmbeddingMap:
    """The test images on a 2-D map, as a page shows them."""

    points: np.ndarray  # (n, 2) float32, scaled into 0..1 (the longer side spans 0..1)
    labels: np.ndarray  # (n,) uint8: the true class, the points' colour
    predicted: np.ndarray  # (n,) uint8: what the network read
    indices: np.ndarray  # (n,) int32: each point's image in the data set's test images
    layer: str  # the layer the map was made from
    features: np.ndarray  # (n, d) float32: the images in the PCA dimensions of that layer (for place())
    mean: np.ndarray  # (hidden,) float32: the layer's mean over the images ...
    components: np.ndarray  # (d, hidden) float32: ... and its PCA axes, to bring a new drawing there

    @property
    def misclassified(self) -> np.ndarray:
        """(n,) bool: the points the page outlines."""
        return self.predicted != self.labels


@dataclass(frozen=True, eq=False)
class Placed:
    """A new drawing on the map."""

    point: np.ndarray  # (2,) float32, in the map's 0..1 scale
    neighbours: np.ndarray  # (k,) int: the nearest points (rows of the map), nearest first
    neighbour_labels: np.ndarray  # (k,) uint8: their true classes


def hidden_layer(network: Network) -> str:
    """The last hidden layer: the one whose output the output layer reads (a dropout passes it on unchanged)."""
    if len(network.layers) < 2:
        raise ValueError(f"The network {network.name!r} has no hidden layer.")
    return network.layers[-2].name


def sample_indices(total: int, count: int = MAP_IMAGES, seed: int = 0) -> np.ndarray:
    """`count` of `total` test images, the same ones for every run (a fixed seed), sorted."""
    return np.sort(np.random.default_rng(seed).choice(total, size=min(count, total), replace=False)).astype(np.int32)


def compute_map(
    network: Network,
    images: np.ndarray,
    labels: np.ndarray,
    indices: np.ndarray | None = None,
    seed: int = 0,
) -> EmbeddingMap:
    """The map of `images` (n, 28, 28; uint8 0..255 or float 0..1) by the network's last hidden layer.

    Needs scikit-learn (the training worker has it); seconds for 2,000 images. `indices`: where the images are
    in the data set (default 0..n-1). The same network, images and seed give the same map.
    """
    from sklearn.decomposition import PCA
    from sklearn.manifold import TSNE
    from threadpoolctl import threadpool_limits

    images = np.asarray(images)
    labels = np.asarray(labels)
    if images.ndim != 3 or images.shape[1:] != IMAGE_SHAPE or len(images) != len(labels):
        raise ValueError(f"Expected (n, 28, 28) images with n labels, not {images.shape} and {labels.shape}.")
    if len(images) <= 3 * PERPLEXITY:  # t-SNE needs more points than about 3 x perplexity
        raise ValueError(f"A map needs more than {3 * PERPLEXITY:.0f} images, not {len(images)}.")
    layer = hidden_layer(network)
    hidden, probabilities = _hidden_and_probabilities(network, images, layer)
    dimensions = min(PCA_DIMENSIONS, hidden.shape[1], len(hidden))
    # One thread: the worker shares 2 cores with the page servers, and when they are busy, BLAS's and OpenMP's
    # threads wait on each other (measured under load: PCA 2.4 s -> 0.16 s, t-SNE 40 s -> 12 s with one thread).
    with threadpool_limits(1):
        pca = PCA(dimensions, random_state=seed).fit(hidden)
        features = pca.transform(hidden).astype(np.float32)
        points = TSNE(2, perplexity=PERPLEXITY, init="pca", random_state=seed).fit_transform(features)
    points = points - points.min(axis=0)
    points = (points / max(float(points.max()), 1e-12)).astype(np.float32)
    return EmbeddingMap(
        points=points,
        labels=labels.astype(np.uint8),
        predicted=probabilities.argmax(axis=1).astype(np.uint8),
        indices=np.arange(len(images), dtype=np.int32) if indices is None else np.asarray(indices, dtype=np.int32),
        layer=layer,
        features=features,
        mean=pca.mean_.astype(np.float32),
        components=pca.components_.astype(np.float32),
    )


def map_for_run(network: Network, dataset: str, count: int = MAP_IMAGES, seed: int = 0) -> EmbeddingMap:
    """The map of a run's network on `count` of its data set's test images (the same images for every run)."""
    from mnist_core.data import datasets

    data = datasets.load(dataset)
    indices = sample_indices(len(data.y_test), count, seed)
    return compute_map(network, data.x_test[indices], data.y_test[indices], indices, seed)


def save_map(run_folder: Path, embedding: EmbeddingMap) -> Path:
    """Write the map beside a run's model as MAP_FILE, atomically (a reader sees the old file or the new one)."""
    target = Path(run_folder) / MAP_FILE
    arrays = {
        "version": np.array(VERSION),
        "points": embedding.points,
        "labels": embedding.labels,
        "predicted": embedding.predicted,
        "indices": embedding.indices,
        "layer": np.array(embedding.layer),  # a unicode array: loads without pickle
        "features": embedding.features,
        "mean": embedding.mean,
        "components": embedding.components,
    }
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    write_atomically(target, lambda file: file.write(buffer.getvalue()))
    return target


def load_map(run_folder: Path) -> EmbeddingMap | None:
    """The map saved beside a run, or None when it has none yet (an older run: it is computed on request).

    Numpy only, never pickle. A damaged file or one of another layout raises ValueError (or OSError).
    """
    path = Path(run_folder) / MAP_FILE
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as stored:
            if int(stored["version"]) != VERSION:
                raise ValueError(f"{path} is a map of layout {int(stored['version'])}, not {VERSION}")
            embedding = EmbeddingMap(
                points=stored["points"],
                labels=stored["labels"],
                predicted=stored["predicted"],
                indices=stored["indices"],
                layer=str(stored["layer"]),
                features=stored["features"],
                mean=stored["mean"],
                components=stored["components"],
            )
    except (KeyError, EOFError, zipfile.BadZipFile) as error:  # a missing array; a cut-off or damaged file
        raise ValueError(f"{path} is not a whole map ({error})") from error
    n = len(embedding.points)
    shapes_agree = (
        embedding.points.shape == (n, 2)
        and embedding.labels.shape == embedding.predicted.shape == embedding.indices.shape == (n,)
        and embedding.features.shape[0] == n
        and embedding.components.shape == (embedding.features.shape[1], embedding.mean.shape[0])
    )
    if not shapes_agree:
        raise ValueError(f"{path} is not a whole map (its arrays disagree in size)")
    return embedding


def place(embedding: EmbeddingMap, network: Network, image: np.ndarray, k: int = NEIGHBOURS) -> Placed:
    """Where a drawing (28, 28, 0..1) goes on the map: by its k nearest test images in the hidden layer.

    `network` must be the one the map was made from (the layer is looked up by name).
    """
    hidden = network.outputs(np.asarray(image, dtype=np.float32).reshape(1, *IMAGE_SHAPE), [embedding.layer])[0]
    features = (hidden.reshape(1, -1) - embedding.mean) @ embedding.components.T
    distances = np.sqrt(((embedding.features - features) ** 2).sum(axis=1))
    k = min(k, len(distances))
    nearest = np.argpartition(distances, k - 1)[:k]
    nearest = nearest[np.argsort(distances[nearest], kind="stable")]
    weights = 1 / (distances[nearest] + 1e-6)  # an exact twin of a test image lands on it
    point = (embedding.points[nearest] * weights[:, None]).sum(axis=0) / weights.sum()
    return Placed(point.astype(np.float32), nearest, embedding.labels[nearest])


def _hidden_and_probabilities(network: Network, images: np.ndarray, layer: str) -> tuple[np.ndarray, np.ndarray]:
    """The layer's outputs (n, units) and the probabilities (n, 10), a batch at a time (the CNN's maps are big)."""
    if images.dtype == np.uint8:
        images = scale_images(images)
    hidden, probabilities = [], []
    for start in range(0, len(images), BATCH):
        inner, last = network.outputs(images[start : start + BATCH], [layer])
        hidden.append(inner.reshape(len(inner), -1))
        probabilities.append(last)
    return np.concatenate(hidden).astype(np.float32), np.concatenate(probabilities)
