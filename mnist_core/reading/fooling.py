"""How little it takes to fool the network (issue #32).

Iterated FGSM (the basic iterative method): small signed steps down the gradient of the target's cross-entropy
(gradient.py), each image clipped to 0..1 and to a bounded change from the drawing, until the network reads the
target, or until the step bound or the time bound is reached.

What happened comes back in words as a Said (explain.py), in each reader's own language: mnist_core/locales.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from mnist_core.model.keras_model import NUM_CLASSES
from mnist_core.model.network import Network
from mnist_core.reading.explain import Said, drawing_image
from mnist_core.reading.gradient import Trace, checked_digit
from mnist_core.reading.predict import Reading
from mnist_core.reading.preprocess import DrawingStatus, Prepared

FOOL_OUTCOMES: tuple[str, ...] = ("done", "gave_up", "already")  # catalog keys explain.fool.<outcome>
# Every catalog key this module gives out (in Said, built from the outcome, not t("...")).
MESSAGE_KEYS: tuple[str, ...] = tuple(f"explain.fool.{outcome}" for outcome in FOOL_OUTCOMES)

# Fool it. Steps of two grey levels; at most 0.4 from the drawing at any pixel; at most 200 steps and 1.5 s,
# whichever comes first, whatever the drawing (a step of the CNN takes about 1 ms). Measured on 50 pen digits with
# random targets: the usual MNIST bound of 0.3 fooled the CNN 41-48 times in 50, 0.4 48-50 times; a change that
# succeeds is as small either way (it stops at the first success: median largest change 50-56 of 255).
FOOL_STEP = 2 / 255
FOOL_MAX_CHANGE = 0.4
FOOL_MAX_STEPS = 200
FOOL_SECONDS = 1.5
VISIBLE = 1 / 255  # a change smaller than one grey level of an 8-bit picture is no change to the eye


@dataclass(frozen=True, eq=False)
class Fooled:
    """The result of fool(): the changed drawing, the change, and what the network reads now."""

    original: np.ndarray  # (28, 28) float32
    image: np.ndarray  # (28, 28) float32 in 0..1: the changed drawing
    change: np.ndarray  # (28, 28) float32: image - original
    target: int
    succeeded: bool  # the network reads `target` in `image`
    reading: Reading  # the changed drawing as a Reading (it can be given to the class like a drawn one)
    steps: int  # gradient steps taken
    seconds: float
    changed_pixels: int  # pixels changed by at least one grey level (1/255)
    max_change: float  # the largest change of one pixel, 0..1
    mean_change: float  # the mean change of the changed pixels, 0..1
    message: Said  # what happened, in words: explain.fool.<one of FOOL_OUTCOMES>

    @property
    def probabilities(self) -> np.ndarray:
        return self.reading.probabilities

    @property
    def predicted_label(self) -> int:
        return int(np.argmax(self.reading.probabilities))


# Fool it


def fool(
    network: Network,
    image: np.ndarray | Prepared | Reading,
    target: int,
    step: float = FOOL_STEP,
    max_change: float = FOOL_MAX_CHANGE,
    max_steps: int = FOOL_MAX_STEPS,
    seconds: float = FOOL_SECONDS,
) -> Fooled:
    """Change the drawing in small signed gradient steps (iterated FGSM) until the network reads `target`.

    Each step lowers the target's cross-entropy: every pixel moves by `step` against the sign of its gradient,
    then the image is clipped to 0..1 and to at most `max_change` from the drawing at any pixel. Stops when the
    network reads the target, or gives up after `max_steps` steps or `seconds` of work (Fooled.succeeded False,
    and the message says so). Raises Refusal for a blank, too small or too full drawing; ValueError for a target
    that is not a class.
    """
    target = checked_digit(target)
    original = drawing_image(image)
    started = time.perf_counter()
    low, high = np.clip(original - max_change, 0, 1), np.clip(original + max_change, 0, 1)
    seed = np.zeros((1, NUM_CLASSES), dtype=np.float32)
    changed = original.copy()
    steps = 0
    while True:
        trace = Trace(network, changed)
        probabilities = trace.probabilities[0]
        # Success is the network's own reading (network.py's forward pass, as the page reads it), not this trace's.
        if np.argmax(probabilities) == target and network.probabilities(changed[None])[0].argmax() == target:
            break
        if steps >= max_steps or time.perf_counter() - started >= seconds:
            break
        # d(cross-entropy of target)/d logits = probabilities - one_hot(target): pushes the target up, the rest down.
        seed[0] = probabilities
        seed[0, target] -= 1
        gradient = trace.gradient(seed)[0]
        changed = np.clip(changed - step * np.sign(gradient), low, high).astype(np.float32)
        steps += 1
    final = network.probabilities(changed[None])[0]
    succeeded = int(np.argmax(final)) == target
    change = changed - original
    moved = np.abs(change) >= VISIBLE * 0.999  # float rounding of a one-grey-level step
    result = {
        "changed_pixels": int(moved.sum()),
        "max_change": float(np.abs(change).max()),
        "mean_change": float(np.abs(change)[moved].mean()) if moved.any() else 0.0,
    }
    if succeeded and steps == 0:
        message = Said("explain.fool.already", {"target": target})
    elif succeeded:
        message = Said(
            "explain.fool.done",
            {
                "target": target,
                "pixels": result["changed_pixels"],
                "largest": round(255 * result["max_change"]),
                "mean": round(255 * result["mean_change"]),
            },
        )
    else:
        message = Said("explain.fool.gave_up", {"target": target, "steps": steps, "reading": int(np.argmax(final))})
    return Fooled(
        original=original,
        image=changed,
        change=change.astype(np.float32),
        target=target,
        succeeded=succeeded,
        reading=Reading(Prepared(DrawingStatus.OK, changed), final),
        steps=steps,
        seconds=time.perf_counter() - started,
        message=message,
        **result,
    )
