"""MLP: a fully connected feed-forward network of any depth, in NumPy.

Shapes (one convention for the whole package): a batch X has shape (n, n_in), one example
a row. Layer l (counted from 1; layer 0 is the input) has weights W^(l) of shape
(n_l, n_{l-1}) ("to j from k", the notation w_jk) and biases b^(l) of shape (n_l,). One
example goes z = W @ a + b; a batch goes Z = A @ W.T + b, shape (n, n_l). In the Python lists
``weights`` and ``biases`` the first hidden layer is index 0, so ``weights[l - 1]`` is W^(l).
(Nielsen's network.py stores W the same way, but takes one example as a column, z = W a + b;
our examples are rows, hence A @ W.T.)

Backprop, in the notebooks' notation (delta^(l) = dL/dz^(l), one row per sample):
    delta^(L) = dL/da^(L) * f'(z^(L))                (BP1; delta = (a - t) / n for the
                                                      sigmoid+BCE and softmax+CE pairs)
    delta^(l) = (delta^(l+1) @ W^(l+1)) * f'(z^(l))  (BP2)
    dL/dW^(l) = delta^(l).T @ a^(l-1)                (BP3)
    dL/db^(l) = sum over samples of delta^(l)        (BP4)
The public methods check their arguments once (``_checks.checked``); the methods below them
(``_forward``, ``_backward``, ``_update_mini_batch``) take checked 2-D batches.
"""
import warnings
from typing import Callable, NamedTuple

import numpy as np

from . import _checks as val
from .activations import ACTIVATIONS, Activation
from .losses import LOSSES, Loss, get_loss

_activation = val.registered(ACTIVATIONS, "activation", Activation)


# ------------------------------------------------------------------ the two paired output layers
# A sigmoid output with binary cross-entropy, or a softmax output with cross-entropy: the output's
# f' cancels the loss's 1 / (o (1 - o)) or 1 / o, so BP1 is delta = (a - t) / n, and the loss is
# computed from the logits z, exactly (no log 0). z, a, Y : (n, n_out).

def _sigmoid_bce_loss(z, Y):
    """Mean of -[t log sigma(z) + (1 - t) log(1 - sigma(z))] = log(1 + e^z) - t z over n K entries."""
    return float(np.sum(np.logaddexp(0.0, z) - Y * z) / Y.size)


def _sigmoid_bce_delta(a_out, Y):
    """delta^(L) = (a - t) / (n K): sigma'(z) = a (1 - a) cancels."""
    return (a_out - Y) / Y.size


def _softmax_ce_loss(z, Y):
    """Mean over rows of -sum_k t_k log softmax(z)_k = -sum_k t_k (z_k - logsumexp(z))."""
    m = z.max(axis=-1, keepdims=True)
    logsumexp = m + np.log(np.exp(z - m).sum(axis=-1, keepdims=True))     # (n, 1), no overflow
    return float(-np.sum(Y * (z - logsumexp)) / Y.shape[0])


def _softmax_ce_delta(a_out, Y):
    """delta^(L) = (y_hat - y) / n for one-hot rows y (the softmax Jacobian cancels)."""
    n = Y.shape[0]
    return (a_out * Y.sum(axis=1, keepdims=True) - Y) / n


class _Pair(NamedTuple):
    """The loss from the logits, loss(z, Y), and the output delta, delta(a, Y), of a paired output."""
    loss: Callable
    delta: Callable


_PAIRED = {("sigmoid", "binary_cross_entropy"): _Pair(_sigmoid_bce_loss, _sigmoid_bce_delta),
           ("softmax", "cross_entropy"): _Pair(_softmax_ce_loss, _softmax_ce_delta)}


# ------------------------------------------------------------------ training's small parts
def _mini_batches(X, Y, batch_size, rng):
    """(X_batch, Y_batch) pairs covering X (n, n_in) and Y (n, n_out) once: the whole batch in
    order when batch_size is None or >= n, else shuffled by rng into batches of batch_size."""
    n = X.shape[0]
    if batch_size is None or batch_size >= n:
        yield X, Y
        return
    order = rng.permutation(n)
    for start in range(0, n, batch_size):
        rows = order[start:start + batch_size]
        yield X[rows], Y[rows]


class _DivergenceGuard:
    """The parameters at the start of this epoch and of the one before (two buffers, reused), to
    put back, with a warning, when the loss stops being finite."""

    def __init__(self, params, lr):
        self.params, self.lr = params, lr               # the network's own arrays: restored in place
        self.starts = [[p.copy() for p in params] for _ in range(2)]

    def save(self, epoch):
        for buffer, p in zip(self.starts[epoch % 2], self.params):
            np.copyto(buffer, p)

    def diverged(self, epoch, loss, last):
        """True, after putting the last finite parameters back and warning, if the epoch's loss
        (or, after the last epoch's updates, a parameter) is NaN or inf."""
        bad_loss = not np.isfinite(loss)
        bad_params = last and not all(np.isfinite(p).all() for p in self.params)
        if not (bad_loss or bad_params):
            return False
        # a bad loss was measured on weights the epoch before made: back to that epoch's start
        # (its loss was finite). Parameters that went bad in the last update: to this epoch's start.
        back = epoch - 1 if bad_loss and epoch > 0 else epoch
        for p, buffer in zip(self.params, self.starts[back % 2]):
            np.copyto(p, buffer)
        warnings.warn(f"training diverged in epoch {epoch}: the loss became {loss}. Weights are "
                      f"restored to their last finite values; try a smaller learning rate than "
                      f"lr={self.lr:g}.", RuntimeWarning, stacklevel=4)    # the caller of fit
        return True


class MLP:
    """A multilayer perceptron.

    Parameters
    ----------
    sizes : sequence of int, e.g. [2, 2, 2]: units per layer, input first, at least two.
    activation : str, hidden layers' activation (see activations.ACTIVATIONS).
    output_activation : str or None; None means "softmax" when loss is "cross_entropy",
        else "sigmoid".
    loss : str, see losses.LOSSES.
    seed : int, seeds the initial weights: normal with std sqrt(1 / n_in) (sqrt(2 / n_in)
        for relu and leaky_relu); biases start at 0.
    weights, biases : optional lists of arrays with shapes (n_l, n_{l-1}) and (n_l,),
        copied in instead of the random start (e.g. a tutorial's published weights).
    bias : bool; False keeps every bias at 0 and never trains it (the 3-3-1 tutorial net).
    """

    @val.checked(sizes=val.layer_sizes, activation=_activation, output_activation=val.optional(_activation),
                 loss=val.registered(LOSSES, "loss", Loss), seed=val.seed_value, bias=val.flag)
    def __init__(self, sizes, activation="sigmoid", output_activation=None,
                 loss="squared_error", seed=0, weights=None, biases=None, bias=True):
        self.sizes, self.hidden, self.loss_name, self.bias = sizes, activation, loss.name, bias
        if output_activation is None:
            output_activation = ACTIVATIONS["softmax" if loss.name == "cross_entropy" else "sigmoid"]
        self.output = output_activation
        if not self.hidden.elementwise:
            raise ValueError("softmax is for the output layer only (output_activation='softmax'); "
                             f"got activation={self.hidden.name!r}")
        if self.output.name == "softmax" and self.sizes[-1] < 2:
            raise ValueError("softmax needs at least 2 output units; got 1 (use sigmoid for one output)")
        needs = {"binary_cross_entropy": ("sigmoid", "softmax"), "cross_entropy": ("softmax", "sigmoid")}
        if self.loss_name in needs and self.output.name not in needs[self.loss_name]:
            raise ValueError(f"{self.loss_name} takes the log of the outputs, so they must be "
                             f"probabilities in (0, 1): use output_activation="
                             f"{needs[self.loss_name][0]!r}; got {self.output.name!r}")
        shapes = list(zip(self.sizes[1:], self.sizes[:-1]))                  # (n_l, n_{l-1})
        if weights is None:
            rng = np.random.default_rng(seed)
            gain = 2.0 if self.hidden.name in ("relu", "leaky_relu") else 1.0
            self.weights = [rng.normal(0.0, np.sqrt(gain / n_in), size=(n_out, n_in))
                            for n_out, n_in in shapes]
        else:
            self.weights = self._check_params(weights, shapes, "weights")
        if biases is None:
            self.biases = [np.zeros(n_out) for n_out, _ in shapes]
        else:
            self.biases = self._check_params(biases, [(s,) for s, _ in shapes], "biases")
            if not self.bias and any(np.any(b != 0) for b in self.biases):
                raise ValueError("bias=False needs biases of zero (or biases=None)")

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _check_params(params, shapes, name):
        if isinstance(params, np.ndarray) or not hasattr(params, "__len__"):
            raise TypeError(f"{name} must be a list with one array per layer; got {type(params).__name__}")
        if len(params) != len(shapes):
            raise ValueError(f"{name} needs {len(shapes)} arrays (one per layer); got {len(params)}")
        out = []
        for l, (p, shape) in enumerate(zip(params, shapes), start=1):
            p = val.as_float_array(p, f"{name}[{l - 1}] (layer {l})")
            if p.shape != shape:
                raise ValueError(f"{name}[{l - 1}] (layer {l}) must have shape {shape}; got {p.shape}")
            out.append(p.copy())
        return out

    def __repr__(self):
        hidden = f"activation={self.hidden.name!r}, " if len(self.sizes) > 2 else ""   # no hidden layer, no hidden activation
        return f"MLP({self.sizes}, {hidden}output_activation={self.output.name!r}, loss={self.loss_name!r})"

    @property
    def n_params(self):
        """Number of trainable numbers: all weights, plus biases when bias=True."""
        return sum(W.size for W in self.weights) + (sum(self.sizes[1:]) if self.bias else 0)

    def copy(self):
        """An independent copy (same sizes, activations, loss and parameters)."""
        return MLP(self.sizes, self.hidden.name, self.output.name, self.loss_name,
                   weights=self.weights, biases=self.biases, bias=self.bias)

    def _inputs(self, X):
        """X (a float array) as (n, n_in), and whether it was a single example (n_in,)."""
        n_in = self.sizes[0]
        if X.ndim == 1 and X.shape[0] == n_in:
            return X[None, :], True
        if X.ndim == 2 and X.shape[1] == n_in:
            if X.shape[0] == 0:
                raise ValueError("X has no samples (shape (0, n_in))")
            return X, False
        raise ValueError(f"X must have shape (n_samples, {n_in}) or ({n_in},) for this network; "
                         f"got {X.shape}")

    def _targets(self, Y, n, single):
        """Y (a float array) as an (n, n_out) target matrix; int labels 0..n_out-1 become one-hot rows."""
        n_out = self.sizes[-1]
        if single and Y.ndim == 1 and Y.shape == (n_out,):
            Y = Y[None, :]
        elif single and Y.ndim == 0:
            Y = Y.reshape(1)
        if Y.ndim == 1 and n_out == 1:
            Y = Y[:, None]
        elif Y.ndim == 1:
            if Y.size == 0:
                raise ValueError(f"X and Y must have the same number of samples; got {n} and 0")
            if not np.all(Y == np.round(Y)) or Y.min() < 0 or Y.max() > n_out - 1:
                raise ValueError(f"labels must be integers 0..{n_out - 1} to fit the {n_out} output "
                                 f"units; got values from {Y.min():g} to {Y.max():g}")
            Y = np.eye(n_out)[Y.astype(int)]
        if Y.ndim != 2 or Y.shape[1] != n_out:
            raise ValueError(f"Y must be targets of shape (n_samples, {n_out}) or labels of shape "
                             f"(n_samples,); got {Y.shape}")
        if Y.shape[0] != n:
            raise ValueError(f"X and Y must have the same number of samples; got {n} and {Y.shape[0]}")
        if self.loss_name in ("binary_cross_entropy", "cross_entropy") and (Y.min() < 0 or Y.max() > 1):
            labels = ("labels 0 or 1 for one output" if n_out == 1
                      else f"labels 0..{n_out - 1} for {n_out} outputs")
            raise ValueError(f"{self.loss_name} needs targets in [0, 1] ({labels}); "
                             f"got values from {Y.min():g} to {Y.max():g}")
        return Y

    def _batch(self, X, Y):
        """X, Y (float arrays) as a batch: X (n, n_in) and targets Y (n, n_out)."""
        X, single = self._inputs(X)
        return X, self._targets(Y, X.shape[0], single)

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        """zs = [z^(1), ..., z^(L)] and activations = [a^(0) = X, a^(1), ..., a^(L)] for a batch X."""
        zs, activations = [], [X]
        for l, (W, b) in enumerate(zip(self.weights, self.biases), start=1):
            f = self.output.f if l == len(self.weights) else self.hidden.f
            # (n, n_{l-1}) @ (n_{l-1}, n_l) -> (n, n_l)
            z = activations[-1] @ W.T + b
            zs.append(z)
            activations.append(f(z))
        return zs, activations

    def _output(self, X):
        """y_hat = a^(L) for a float array X (n, n_in) -> (n, n_out), or (n_in,) -> (n_out,)."""
        X, single = self._inputs(X)
        with np.errstate(over="ignore", invalid="ignore"):
            y_hat = self._forward(X)[1][-1]
        return y_hat[0] if single else y_hat

    @val.checked(X=val.as_float_array)
    def forward(self, X):
        """The network's output y_hat = a^(L). X : (n, n_in) -> (n, n_out); a single (n_in,) -> (n_out,)."""
        return self._output(X)

    @val.checked(X=val.as_float_array)
    def forward_trace(self, X):
        """Every layer's weighted input and activation, for teaching.

        Returns a dict with lists indexed by layer number l = 0..L:
        ``trace["a"][l]`` is a^(l) (``trace["a"][0]`` is the input) and ``trace["z"][l]``
        is z^(l) (``trace["z"][0]`` is None: the input layer computes nothing).
        Shapes are (n, n_l), or (n_l,) when X is a single example.
        """
        X, single = self._inputs(X)
        zs, activations = self._forward(X)
        pick = (lambda m: m[0]) if single else (lambda m: m)
        return {"z": [None] + [pick(z) for z in zs], "a": [pick(a) for a in activations]}

    @val.checked(X=val.as_float_array)
    def predict(self, X):
        """Class labels: output >= 0.5 for one output unit, the argmax otherwise. (n,) ints or one int."""
        y_hat = self._output(X)
        if self.sizes[-1] == 1:
            labels = (y_hat[..., 0] >= 0.5).astype(int)
        else:
            labels = np.argmax(y_hat, axis=-1)
        return int(labels) if np.ndim(labels) == 0 else labels

    @val.checked(y=val.as_float_array)
    def accuracy(self, X, y):
        """Fraction of samples whose predicted label equals y (int labels, shape (n,))."""
        pred = self.predict(X)
        if np.shape(pred) != y.shape:
            raise ValueError(f"y must hold one label per sample, shape {np.shape(pred)}; got {y.shape}")
        return float(np.mean(pred == y))

    # ------------------------------------------------------------------ loss and backprop
    @property
    def _pair(self):
        """The paired output's rules (the loss from z; delta = a - t), or None for any other output."""
        return _PAIRED.get((self.output.name, self.loss_name))

    def _loss(self, zs, activations, Y):
        """Mean loss of a batch from its forward pass; from the logits z^(L) for a paired output."""
        pair = self._pair
        return pair.loss(zs[-1], Y) if pair else get_loss(self.loss_name).value(Y, activations[-1])

    def _output_delta(self, z_out, a_out, Y):
        """delta^(L) = dL/dz^(L) (BP1), shape (n, n_out), carrying the 1/n of the mean."""
        pair = self._pair
        if pair:
            return pair.delta(a_out, Y)                       # the f' cancels: (a - t) / n
        dL_da = get_loss(self.loss_name).grad(Y, a_out)
        if self.output.name == "softmax":                     # J^T g, without forming J
            return a_out * (dL_da - np.sum(a_out * dL_da, axis=1, keepdims=True))
        return dL_da * self._prime(self.output, z_out, a_out)

    @staticmethod
    def _prime(act, z, a):
        """f'(z), from the output a = f(z) where the activation knows how (sigma' = a (1 - a))."""
        return act.prime_from_a(a) if act.prime_from_a is not None else act.prime(z)

    def _check_trainable(self):
        if not self.hidden.trainable or not self.output.trainable:
            raise ValueError("a network with step activations cannot be trained by gradients: the "
                             "step's slope is 0 everywhere; use 'sigmoid' (its smooth cousin)")

    def _backward(self, X, Y):
        """The loss of a batch X (n, n_in), Y (n, n_out) and its gradients dW, db (BP1 to BP4)."""
        zs, activations = self._forward(X)                        # z^(1..L), a^(0..L)
        loss = self._loss(zs, activations, Y)
        L = len(self.weights)
        dW, db = [None] * L, [None] * L
        delta = self._output_delta(zs[-1], activations[-1], Y)                      # BP1
        for l in range(L - 1, -1, -1):                            # weights[l] is W^(l+1)
            # (n_out, n) @ (n, n_in) -> (n_out, n_in)
            dW[l] = delta.T @ activations[l]                                        # BP3
            db[l] = delta.sum(axis=0) if self.bias else np.zeros_like(self.biases[l])   # BP4
            if l > 0:
                f_prime = self._prime(self.hidden, zs[l - 1], activations[l])    # f'(z) of the layer below
                # (n, n_out) @ (n_out, n_in) -> (n, n_in)
                delta = (delta @ self.weights[l]) * f_prime                         # BP2
        return loss, dW, db

    @val.checked(X=val.as_float_array, Y=val.as_float_array)
    def loss(self, X, Y):
        """Mean over samples of the per-sample loss (see losses); X (n, n_in), Y (n, n_out) or labels (n,)."""
        X, Y = self._batch(X, Y)
        with np.errstate(over="ignore", invalid="ignore"):
            return self._loss(*self._forward(X), Y)

    @val.checked(X=val.as_float_array, Y=val.as_float_array)
    def gradients(self, X, Y):
        """Gradients of ``loss(X, Y)`` by backpropagation: lists dW, db shaped like weights, biases."""
        X, Y = self._batch(X, Y)
        self._check_trainable()
        with np.errstate(over="ignore", invalid="ignore"):
            return self._backward(X, Y)[1:]

    # ------------------------------------------------------------------ training
    def _update_mini_batch(self, X, Y, lr, l2, train_biases):
        """One step W <- W - lr (dL/dW + l2 W), b <- b - lr dL/db on a batch; its loss before the step."""
        loss, dW, db = self._backward(X, Y)
        for W, b, dW_l, db_l in zip(self.weights, self.biases, dW, db):
            if l2:
                dW_l += l2 * W                                 # the gradient of (l2 / 2) ||W||^2
            W -= lr * dW_l
            if train_biases:
                b -= lr * db_l
        return loss

    @val.checked(X=val.as_float_array, Y=val.as_float_array, epochs=val.positive_int, lr=val.positive_real,
                 batch_size=val.optional(val.positive_int), seed=val.seed_value, l2=val.nonnegative_real,
                 callback=val.optional(val.function_of("a function callback(epoch, net)")),
                 callback_every=val.positive_int, validation_data=val.optional(val.xy_pair),
                 train_biases=val.flag)
    def fit(self, X, Y, epochs=100, lr=0.5, batch_size=None, seed=0, l2=0.0,
            callback=None, callback_every=1, validation_data=None, train_biases=True):
        """Train by gradient descent, W <- W - lr (dL/dW + l2 W), b <- b - lr dL/db; return the history.

        Each epoch shuffles the samples (``np.random.default_rng(seed)``) into mini-batches of
        ``batch_size`` (None: the full batch, in order; 1: stochastic); a batch's gradients are all
        taken before any weight moves (a simultaneous update). ``train_biases=False`` keeps the
        biases fixed (Mazur's tutorial). ``callback(epoch, net)`` runs after every
        ``callback_every``-th epoch and after the last; returning False stops training.
        ``history["loss"][e]`` is the mean of epoch e's mini-batch losses, each taken just before
        its update (for the full batch, the loss at the start of epoch e); ``history["val_loss"]``,
        with ``validation_data=(X_val, Y_val)``, is taken after each epoch. If the loss becomes NaN
        or inf, training stops with a RuntimeWarning, the weights go back to their last finite
        values (the start of the epoch before), and ``history["diverged_at"]`` is that epoch.
        """
        X, Y = self._batch(X, Y)
        X_val, Y_val = self._batch(*validation_data) if validation_data is not None else (None, None)
        self._check_trainable()
        rng = np.random.default_rng(seed)
        history = {"loss": [], "diverged_at": None} | ({} if X_val is None else {"val_loss": []})
        guard = _DivergenceGuard(self.weights + self.biases, lr)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            for epoch in range(epochs):
                guard.save(epoch)
                losses = [self._update_mini_batch(X_b, Y_b, lr, l2, train_biases) * len(X_b)
                          for X_b, Y_b in _mini_batches(X, Y, batch_size, rng)]
                history["loss"].append(sum(losses) / len(X))
                if guard.diverged(epoch, history["loss"][-1], last=epoch == epochs - 1):
                    history["diverged_at"] = epoch
                    break
                if X_val is not None:
                    history["val_loss"].append(self._loss(*self._forward(X_val), Y_val))
                if callback is not None and ((epoch + 1) % callback_every == 0 or epoch == epochs - 1):
                    if callback(epoch, self) is False:
                        break
        return history
