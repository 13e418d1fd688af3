"""Activation functions f(z) and their derivatives f'(z), with a registry by name.

Every function takes an ndarray ``z`` of any shape and returns an ndarray of the
same shape (softmax works along the last axis). Derivatives are written right
under the function they differentiate, as in the notebooks. Nothing here warns or
overflows for inputs as large as 1e4 in size.
"""
from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np

from ._checks import lookup, numeric_array

LEAKY_SLOPE = 0.01  # leaky_relu's slope below zero


def _as_z(z):
    """z as a float ndarray: as it is when it already is one (the training hot path), else
    checked (TypeError for strings, None and other non-numbers)."""
    if type(z) is np.ndarray and z.dtype == np.float64:
        return z
    return numeric_array(z, "z")


def step(z):
    """Heaviside step: 1 where z >= 0, else 0. Forward only (its slope is 0 almost everywhere)."""
    return (_as_z(z) >= 0).astype(float)


def step_prime(z):
    """Derivative of step: 0 everywhere it exists (undefined at z = 0), so nothing can learn through it."""
    return np.zeros_like(_as_z(z))


def identity(z):
    """Identity f(z) = z (a linear neuron)."""
    return _as_z(z).copy()


def identity_prime(z):
    """Derivative of identity: 1 everywhere."""
    return np.ones_like(_as_z(z))


def sigmoid(z):
    """Logistic function sigma(z) = 1 / (1 + exp(-z)), computed without overflow warnings.

    z : ndarray, any shape.  Returns an ndarray of the same shape, values in [0, 1].
    For z < -709, exp(-z) overflows to inf and 1 / (1 + inf) is exactly 0, the right answer,
    so the overflow is silenced rather than avoided (one expression: fast in training).
    """
    z = _as_z(z)
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    """Derivative sigma'(z) = sigma(z) (1 - sigma(z)); at most 0.25 (at z = 0)."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z):
    """Hyperbolic tangent tanh(z) = (e^z - e^-z) / (e^z + e^-z), values in [-1, 1]."""
    return np.tanh(_as_z(z))


def tanh_prime(z):
    """Derivative tanh'(z) = 1 - tanh(z)^2; at most 1 (at z = 0)."""
    return 1.0 - np.tanh(_as_z(z)) ** 2


def relu(z):
    """Rectified linear unit max(0, z)."""
    return np.maximum(_as_z(z), 0.0)


def relu_prime(z):
    """Derivative of relu: 1 where z > 0, else 0 (we take 0 at z = 0)."""
    return (_as_z(z) > 0).astype(float)


def leaky_relu(z):
    """Leaky ReLU: z where z > 0, else 0.01 z."""
    z = _as_z(z)
    return np.where(z > 0, z, LEAKY_SLOPE * z)


def leaky_relu_prime(z):
    """Derivative of leaky_relu: 1 where z > 0, else 0.01."""
    return np.where(_as_z(z) > 0, 1.0, LEAKY_SLOPE)


def softmax(z):
    """Softmax along the last axis: exp(z_k) / sum_j exp(z_j); each row sums to 1.

    z : ndarray (K,) or (n, K).  Shifting by the row maximum first keeps exp from overflowing.
    """
    z = _as_z(z)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_prime(z):
    """Jacobian of softmax: J[..., i, j] = s_i (delta_ij - s_j).

    z : ndarray (K,) or (n, K).  Returns (K, K) or (n, K, K): a softmax output depends on
    every input, so its derivative is a matrix, not an elementwise slope.
    """
    if np.ndim(_as_z(z)) == 0:
        raise ValueError("softmax_prime needs a vector of scores z, shape (K,) or (n, K); got one number")
    s = softmax(z)
    return s[..., :, None] * (np.eye(s.shape[-1]) - s[..., None, :])


@dataclass(frozen=True)
class Activation:
    """An activation in the registry.

    f, prime : functions of z.  prime_from_a : the derivative written with the output
    a = f(z) (cheaper in backprop, which has a already), or None where it needs z.
    elementwise : False only for softmax, whose derivative is a Jacobian.
    trainable : False for step, whose derivative is zero, so gradients cannot flow.
    """

    name: str
    f: Callable
    prime: Callable
    prime_from_a: Optional[Callable] = None
    elementwise: bool = True
    trainable: bool = True


ACTIVATIONS = {
    "step": Activation("step", step, step_prime, trainable=False),
    "identity": Activation("identity", identity, identity_prime, lambda a: np.ones_like(a)),
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_prime, lambda a: a * (1.0 - a)),
    "tanh": Activation("tanh", tanh, tanh_prime, lambda a: 1.0 - a * a),
    "relu": Activation("relu", relu, relu_prime, lambda a: (a > 0).astype(float)),
    "leaky_relu": Activation("leaky_relu", leaky_relu, leaky_relu_prime,
                             lambda a: np.where(a > 0, 1.0, LEAKY_SLOPE)),
    "softmax": Activation("softmax", softmax, softmax_prime, elementwise=False),
}


def get_activation(name):
    """Look up an activation by name; raise ValueError naming the valid choices."""
    return lookup(ACTIVATIONS, name, "activation", Activation)
