"""What an epoch of any network costs, before anyone trains it: the network builder's time estimate.

An epoch is reduced to counts of the work it does (`epoch_work`), from the same plan the builder shows
(model/layers.py), so a network nobody trained yet gets an estimate too. Each count has its price in seconds on a
reference machine (`COSTS`, this project's 2-core server):

    dense_mac                Dense multiply-adds: inputs x units per image and pass
    conv_mac                 Conv2D multiply-adds: output values x kernel area x input channels per image and pass
    element                  values the layers write (pooling: reads), per image and pass
    normalized_element       values a BatchNormalization layer writes, again (its statistics), per image and pass
    image                    each image through the input pipeline, training and validation
    training_step            each training batch (a step of the optimizer, the pipeline's batch)
    training_step_layer      each training batch, for each layer that computes (the output layer too)
    training_step_parameter  each training batch, for each parameter (the optimizer's update)
    validation_step_layer    each validation batch (1,000 images), for each layer that computes
    epoch                    each epoch itself (callbacks, a fresh pass over the data)
    epoch_parameter          each epoch, for each parameter (measured: an epoch's fixed cost grows with the
                             weights; a wide network on 1,000 images spends most of its epoch there)
    augmented_image          each training image turned, scaled and shifted (augment)
    noisy_image              each training image given pixel noise

A training image makes three passes (forward, then the backward pass, about twice the forward), a validation
image one. The prices are fitted by `bench/epoch_cost_fit.py`, which trains a set of networks and solves for them;
it prints the COSTS below. The line (serving/training_queue.py) then learns one number, its speed against the
reference machine: a slower or busier server is one factor slower for every network.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from mnist_core import limits
from mnist_core.model.keras_model import IMAGE_SHAPE
from mnist_core.model.layers import LayerSpec, PlannedLayer, named_network_text, parse_layers
from mnist_core.training.fit import EVALUATION_BATCH_SIZE
from mnist_core.training.settings import TrainingSettings

TRAINING_PASSES = 3  # a forward pass and a backward pass of about twice its cost
TEST_IMAGES = 10_000  # both data sets' test sets: the validation data unless a run holds out its own

# Seconds per unit of work on the reference machine. Fitted by bench/epoch_cost_fit.py (see docs/performance.md).
COSTS: dict[str, float] = {
    "dense_mac": 7.3e-12,
    "conv_mac": 4.1e-12,
    "element": 5.7e-10,
    "normalized_element": 4.4e-10,
    "image": 1.6e-06,
    "training_step": 0.0004,
    "training_step_layer": 5.7e-05,
    "training_step_parameter": 6.2e-10,
    "validation_step_layer": 0.00052,
    "epoch": 0,
    "epoch_parameter": 1.5e-07,
    "augmented_image": 2.4e-05,
    "noisy_image": 1.3e-05,
}


def network_spec(settings: TrainingSettings) -> LayerSpec:
    """The layers these settings build; the named networks through the spec that builds the same layers."""
    spec = settings.spec()
    if spec is not None:
        return spec
    return parse_layers(named_network_text(settings.model_kind, settings.hidden_units))


def forward_work(plan: tuple[PlannedLayer, ...]) -> dict[str, int]:
    """One image's forward pass through a network, counted layer by layer; with its layers and parameters."""
    work = {"dense_mac": 0, "conv_mac": 0, "element": 0, "normalized_element": 0, "layers": 0, "parameters": 0}
    shape: tuple[int, ...] = IMAGE_SHAPE
    for planned in plan:
        inputs, outputs = math.prod(shape), math.prod(planned.output_shape)
        if planned.kind == "Dense":
            work["dense_mac"] += inputs * outputs
        elif planned.kind == "Conv2D":
            work["conv_mac"] += outputs * planned.layer.kernel**2 * shape[-1]
        elif planned.kind == "BatchNormalization":
            work["normalized_element"] += outputs
        if planned.kind not in ("Reshape", "Flatten"):
            work["element"] += inputs if planned.kind == "MaxPooling2D" else outputs
            work["layers"] += 1
        work["parameters"] += planned.parameters
        shape = planned.output_shape
    return work


def epoch_work(settings: TrainingSettings) -> dict[str, float]:
    """One epoch of these settings, counted in COSTS's units: training on its images, then validation."""
    network = forward_work(network_spec(settings).plan)
    images = settings.train_limit or limits.TRAIN_IMAGES.high  # all of them
    held_out = settings.held_out(images)
    training, validation = images - held_out, held_out or TEST_IMAGES
    training_steps = math.ceil(training / settings.batch_size)
    validation_steps = math.ceil(validation / EVALUATION_BATCH_SIZE)
    return {
        **_passes(network, TRAINING_PASSES * training + validation),
        "image": training + validation,
        "training_step": training_steps,
        "training_step_layer": training_steps * network["layers"],
        "training_step_parameter": training_steps * network["parameters"],
        "validation_step_layer": validation_steps * network["layers"],
        "epoch": 1,
        "epoch_parameter": network["parameters"],
        "augmented_image": training if settings.augment else 0,
        "noisy_image": training if settings.noise else 0,
    }


def evaluation_work(settings: TrainingSettings, images: int = TEST_IMAGES) -> dict[str, float]:
    """Reading `images` test images once (a held-out run's test score at its end), in COSTS's units."""
    network = forward_work(network_spec(settings).plan)
    steps = math.ceil(images / EVALUATION_BATCH_SIZE)
    return {
        **_passes(network, images),
        "image": images,
        "validation_step_layer": steps * network["layers"],
    }


def _passes(network: dict[str, int], passes: int) -> dict[str, float]:
    """The counts that grow with every image's pass through the network: `passes` of them."""
    return {name: passes * network[name] for name in ("dense_mac", "conv_mac", "element", "normalized_element")}


def priced(work: Mapping[str, float], costs: Mapping[str, float] = COSTS) -> float:
    """Seconds on the reference machine for this work."""
    return sum(costs[name] * count for name, count in work.items())


def epoch_cost_seconds(settings: TrainingSettings) -> float:
    """One epoch of these settings on the reference machine."""
    return priced(epoch_work(settings))


def evaluation_cost_seconds(settings: TrainingSettings, images: int = TEST_IMAGES) -> float:
    """Reading `images` test images once on the reference machine."""
    return priced(evaluation_work(settings, images))
