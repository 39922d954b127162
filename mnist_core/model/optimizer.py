"""Adam, as the tutorial compiles it, with each weight's update done in one TensorFlow operation.

Keras's own Adam updates a weight with about a dozen separate operations (subtract, multiply, square,
square root, divide, three assignments...), and each of them reads and writes the whole weight. For the
tutorial's hidden layer (784 x 1000 weights) that memory traffic cost about 0.4 s of a 2.8 s epoch here,
more than the loss, the metrics and the data pipeline together. TensorFlow's `ResourceApplyAdam` does the
same arithmetic in a single pass:

    m <- m + (g - m) * (1 - beta_1)
    v <- v + (g * g - v) * (1 - beta_2)
    w <- w - lr * sqrt(1 - beta_2^t) / (1 - beta_1^t) * m / (sqrt(v) + epsilon)

so what the network learns is Keras's Adam, to float rounding (tests/test_optimizer.py compares them).
"""

from __future__ import annotations

import keras
import tensorflow as tf


class FusedAdam(keras.optimizers.Adam):
    """keras.optimizers.Adam with the settings the tutorial uses; every weight updated in one fused step."""

    def update_step(self, gradient, variable, learning_rate):
        if self.amsgrad or isinstance(gradient, tf.IndexedSlices):
            return super().update_step(gradient, variable, learning_rate)  # not fused; our models need neither
        index = self._get_variable_index(variable)
        dtype = variable.dtype
        step = tf.cast(self.iterations + 1, dtype)
        beta_1, beta_2 = tf.cast(self.beta_1, dtype), tf.cast(self.beta_2, dtype)
        tf.raw_ops.ResourceApplyAdam(
            var=_handle(variable),
            m=_handle(self._momentums[index]),
            v=_handle(self._velocities[index]),
            beta1_power=tf.pow(beta_1, step),
            beta2_power=tf.pow(beta_2, step),
            lr=tf.cast(learning_rate, dtype),
            beta1=beta_1,
            beta2=beta_2,
            epsilon=tf.cast(self.epsilon, dtype),
            grad=tf.cast(gradient, dtype),
        )


def _handle(variable: keras.Variable | tf.Variable) -> tf.Tensor:
    """The TensorFlow resource behind a Keras variable (Keras hands update_step the tf.Variable itself)."""
    if isinstance(variable, keras.Variable):
        variable = variable.value
    return variable.handle
