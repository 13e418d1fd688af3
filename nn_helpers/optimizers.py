"""Optimizers: rules that turn gradients into parameter updates (written in notebook 10).

Each optimizer is a small object with one method, ``step(params, grads)``, that updates a list of
parameter arrays in place from their gradients (same shapes, same order). The state a rule needs
(velocities, moment estimates, the step count) lives in the object, one array per parameter,
made at the first step; nothing is global, and two optimizers never share state. With an MLP:

    opt = Adam(lr=0.01)
    for epoch in range(epochs):
        dW, db = net.gradients(X, Y)
        opt.step(net.weights + net.biases, dW + db)

Notation (notebook 10): w a parameter, g = dL/dw its gradient, eta = ``lr`` the learning rate.
"""
import warnings

import numpy as np

from . import _checks as val


def _pairs(params, grads, n_expected):
    """params and grads as checked lists of matching float arrays (params not copied)."""
    for name, arrays in (("params", params), ("grads", grads)):
        if isinstance(arrays, np.ndarray) or not isinstance(arrays, (list, tuple)):
            raise TypeError(f"{name} must be a list of arrays (e.g. net.weights + net.biases); "
                            f"got {type(arrays).__name__}")
    if len(params) != len(grads):
        raise ValueError(f"params and grads must have the same length; got {len(params)} and {len(grads)}")
    if n_expected is not None and len(params) != n_expected:
        raise ValueError(f"this optimizer was started on {n_expected} arrays; got {len(params)} "
                         f"(use a new optimizer for other parameters)")
    out = []
    for i, (w, g) in enumerate(zip(params, grads)):
        if not isinstance(w, np.ndarray) or w.dtype.kind != "f":
            raise TypeError(f"params[{i}] must be a float ndarray (it is updated in place); "
                            f"got {type(w).__name__}")
        g = val.as_float_array(g, f"grads[{i}]")
        if g.shape != w.shape:
            raise ValueError(f"grads[{i}] must have the shape of params[{i}], {w.shape}; got {g.shape}")
        out.append((w, g))
    return out


class SGD:
    """Plain gradient descent: w <- w - eta g.

    lr : the learning rate eta > 0.  ``step(params, grads)`` updates each array of params
    (a list of float ndarrays) in place; grads has the same shapes.
    """

    @val.checked(lr=val.positive_real)
    def __init__(self, lr=0.1):
        self.lr = lr

    def __repr__(self):
        return f"SGD(lr={self.lr:g})"

    def step(self, params, grads):
        for w, g in _pairs(params, grads, None):
            w -= self.lr * g


class Momentum:
    """Gradient descent with momentum ("heavy ball"), in PyTorch's form:

        v <- beta v + g          (the velocity: a running sum of past gradients, v = 0 at first)
        w <- w - eta v

    lr : eta > 0.  beta : in [0, 1), how much velocity survives a step (0 gives plain SGD).
    The "lr inside" form v <- beta v - eta g, w <- w + v takes the same steps for a fixed eta.
    ``velocity`` holds one array per parameter after the first step.
    """

    @val.checked(lr=val.positive_real, beta=val.decay_rate)
    def __init__(self, lr=0.1, beta=0.9):
        self.lr, self.beta = lr, beta
        self.velocity = None

    def __repr__(self):
        return f"Momentum(lr={self.lr:g}, beta={self.beta:g})"

    def step(self, params, grads):
        pairs = _pairs(params, grads, None if self.velocity is None else len(self.velocity))
        if self.velocity is None:
            self.velocity = [np.zeros_like(w) for w, _ in pairs]
        for (w, g), v in zip(pairs, self.velocity):
            v *= self.beta
            v += g                    # v <- beta v + g
            w -= self.lr * v          # w <- w - eta v


class RMSProp:
    """RMSProp (Hinton, 2012): a step size per parameter, from the size of its recent gradients.

        v <- beta v + (1 - beta) g^2         (running mean of the squared gradients, v = 0 at first)
        w <- w - eta g / (sqrt(v) + eps)

    lr : eta > 0.  beta : decay rate in [0, 1) (PyTorch's ``alpha``).  eps : > 0, keeps the
    division finite.  There is no bias correction: at the first step v = (1 - beta) g^2, so every
    parameter moves by eta / sqrt(1 - beta) (3.16 eta for beta = 0.9); Adam adds the correction
    and a momentum.  ``v`` holds one array per parameter after the first step.
    """

    @val.checked(lr=val.positive_real, beta=val.decay_rate, eps=val.positive_real)
    def __init__(self, lr=0.01, beta=0.9, eps=1e-8):
        self.lr, self.beta, self.eps = lr, beta, eps
        self.v = None

    def __repr__(self):
        return f"RMSProp(lr={self.lr:g}, beta={self.beta:g}, eps={self.eps:g})"

    def step(self, params, grads):
        pairs = _pairs(params, grads, None if self.v is None else len(self.v))
        if self.v is None:
            self.v = [np.zeros_like(w) for w, _ in pairs]
        for (w, g), v in zip(pairs, self.v):
            v *= self.beta
            v += (1 - self.beta) * g * g            # v <- beta v + (1 - beta) g^2
            w -= self.lr * g / (np.sqrt(v) + self.eps)


class Adam:
    """Adam (Kingma and Ba, 2015): momentum + RMSProp + bias correction.

        t <- t + 1
        m <- beta1 m + (1 - beta1) g         (running mean of the gradients)
        v <- beta2 v + (1 - beta2) g^2       (running mean of their squares)
        m_hat = m / (1 - beta1^t),  v_hat = v / (1 - beta2^t)     (bias correction: m, v start at 0)
        w <- w - eta m_hat / (sqrt(v_hat) + eps)

    lr : eta > 0.  beta1, beta2 : decay rates in [0, 1).  eps : > 0, keeps the division finite.
    ``m``, ``v`` hold one array per parameter after the first step; ``t`` counts the steps.
    """

    @val.checked(lr=val.positive_real, beta1=val.decay_rate, beta2=val.decay_rate, eps=val.positive_real)
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = self.v = None
        self.t = 0

    def __repr__(self):
        return f"Adam(lr={self.lr:g}, beta1={self.beta1:g}, beta2={self.beta2:g}, eps={self.eps:g})"

    def step(self, params, grads):
        pairs = _pairs(params, grads, None if self.m is None else len(self.m))
        if self.m is None:
            self.m = [np.zeros_like(w) for w, _ in pairs]
            self.v = [np.zeros_like(w) for w, _ in pairs]
        self.t += 1
        for (w, g), m, v in zip(pairs, self.m, self.v):
            m *= self.beta1
            m += (1 - self.beta1) * g               # m <- beta1 m + (1 - beta1) g
            v *= self.beta2
            v += (1 - self.beta2) * g * g           # v <- beta2 v + (1 - beta2) g^2
            m_hat = m / (1 - self.beta1 ** self.t)
            v_hat = v / (1 - self.beta2 ** self.t)
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


OPTIMIZERS = {"sgd": SGD, "momentum": Momentum, "rmsprop": RMSProp, "adam": Adam}


@val.checked(grad=val.function_of("a function grad(w) giving the gradient at the point w"),
             start=val.as_float_array, steps=val.int_at_least(0))
def optimize_path(optimizer, grad, start, steps):
    """Run ``optimizer`` on a function of one point w (d,) with gradient ``grad(w)``; every point visited.

    optimizer : an SGD, Momentum, RMSProp or Adam (fresh: its state is used and changed).  start : (d,).
    Returns an ndarray (steps + 1, d): row 0 is start, row t the point after t steps.  If the
    points overflow (too large a learning rate), a RuntimeWarning says so and the rest are NaN.
    """
    if not callable(getattr(optimizer, "step", None)):
        raise TypeError(f"optimizer must be an optimizer such as SGD(lr=0.1), Momentum(...), RMSProp(...) "
                        f"or Adam(...); got {type(optimizer).__name__} {optimizer!r:.60}")
    w = start                                          # a copy: as_float_array made it
    if w.ndim != 1:
        raise ValueError(f"start must be one point, shape (d,); got shape {w.shape}")
    path = np.full((steps + 1, w.size), np.nan)
    path[0] = w
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(steps):
            g = np.asarray(grad(w.copy()), dtype=float)
            if g.shape != w.shape:
                raise ValueError(f"grad(w) must return shape {w.shape} like w; got {g.shape}")
            if not np.all(np.isfinite(g)):
                break
            optimizer.step([w], [g])
            if not np.all(np.isfinite(w)):
                break
            path[t + 1] = w
        else:
            return path
    warnings.warn(f"{optimizer!r} diverged at step {t + 1}: the points overflowed; the rest of the "
                  f"path is NaN. Try a smaller lr.", RuntimeWarning, stacklevel=3)   # past @checked
    return path


__all__ = ["Adam", "Momentum", "OPTIMIZERS", "RMSProp", "SGD", "optimize_path"]
