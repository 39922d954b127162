"""Training-time augmentation: small random turns, size changes, shifts and stroke widths.

MNIST's digits were written on paper and scanned; people draw on a screen with a round brush, a little
off-centre, tilted, big or small. Showing the network slightly changed copies of each training image
teaches it that such changes do not change the digit, so it reads real drawings better. Only training
batches are changed; test images and drawings are read as they are.
"""

from __future__ import annotations

import math
from typing import Any

MAX_TURN_DEGREES = 12.0
MAX_ZOOM = 0.12  # up to 12% bigger or smaller
MAX_SHIFT_PIXELS = 2.0
CENTRE = 13.5  # the middle of a 28x28 image, in pixel coordinates


def make_augmenter(seed: int | None = None) -> Any:
    """A function for a tf.data pipeline that changes a batch of (n, 28, 28) float32 images at random."""
    import tensorflow as tf

    generator = (
        tf.random.Generator.from_seed(seed) if seed is not None else tf.random.Generator.from_non_deterministic_state()
    )

    def augment(images: tf.Tensor, labels: tf.Tensor) -> tuple[tf.Tensor, tf.Tensor]:
        count = tf.shape(images)[0]
        images = _random_affine(images[..., tf.newaxis], count, generator)
        images = _random_stroke_width(images, count, generator)
        return tf.clip_by_value(images[..., 0], 0.0, 1.0), labels

    return augment


def _random_affine(images: Any, count: Any, generator: Any) -> Any:
    """One warp per image combining a turn, a zoom and a shift (one pass over the pixels, not three)."""
    import tensorflow as tf

    turn = generator.uniform((count,), -1.0, 1.0) * (MAX_TURN_DEGREES * math.pi / 180)
    scale = 1.0 + generator.uniform((count,), -MAX_ZOOM, MAX_ZOOM)
    shift_x = generator.uniform((count,), -MAX_SHIFT_PIXELS, MAX_SHIFT_PIXELS)
    shift_y = generator.uniform((count,), -MAX_SHIFT_PIXELS, MAX_SHIFT_PIXELS)
    # The transform maps each output pixel back to where it comes from in the input: undo the shift,
    # then the turn and zoom about the centre.
    cos, sin = tf.cos(turn) / scale, tf.sin(turn) / scale
    from_x, from_y = CENTRE + shift_x, CENTRE + shift_y
    transforms = tf.stack(
        [
            cos,
            sin,
            CENTRE - cos * from_x - sin * from_y,
            -sin,
            cos,
            CENTRE + sin * from_x - cos * from_y,
            tf.zeros_like(cos),
            tf.zeros_like(cos),
        ],
        axis=1,
    )
    return tf.raw_ops.ImageProjectiveTransformV3(
        images=images,
        transforms=transforms,
        output_shape=tf.shape(images)[1:3],
        fill_value=0.0,
        interpolation="BILINEAR",
        fill_mode="CONSTANT",
    )


def _random_stroke_width(images: Any, count: Any, generator: Any) -> Any:
    """Per image: thicker strokes (grey dilation), thinner strokes (grey erosion), or unchanged."""
    import tensorflow as tf

    thicker = tf.nn.max_pool2d(images, ksize=2, strides=1, padding="SAME")
    # A full erosion can wipe out MNIST's thinnest strokes; half of one thins them and keeps them visible.
    thinner = (images - tf.nn.max_pool2d(-images, ksize=2, strides=1, padding="SAME")) / 2
    choice = generator.uniform((count, 1, 1, 1), 0, 4, dtype=tf.int32)
    # Half the images keep their strokes; a quarter get thicker, a quarter thinner.
    return tf.where(choice == 0, thicker, tf.where(choice == 1, thinner, images))
