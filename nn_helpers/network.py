"""MLP: a fully connected feed-forward network of any depth, in NumPy.

Conventions (DESIGN.md): a batch X has shape (n, n_in), one example a row. Layer l
(counted from 1; layer 0 is the input) has weights W[l] of shape (n_l, n_{l-1}) ("to j
from k", the notation w_jk) and biases b[l] of shape (n_l,). One example goes
z = W @ a + b; a batch goes Z = A @ W.T + b. In the Python lists ``weights`` and
``biases`` the first hidden layer is index 0, so ``weights[l - 1]`` is W^(l).

Backprop, in the notebooks' notation (delta^(l) = dL/dz^(l), rows = samples):
    delta^(L) = dL/da^(L) * f'(z^(L))                (BP1; exact shortcuts for the
                                                      sigmoid+BCE and softmax+CE pairs)
    delta^(l) = (delta^(l+1) @ W^(l+1)) * f'(z^(l))  (BP2)
    dL/dW^(l) = delta^(l).T @ a^(l-1)                (BP3)
    dL/db^(l) = sum over samples of delta^(l)        (BP4)
"""
import warnings

import numpy as np

from . import _checks as val
from .activations import get_activation
from .losses import get_loss


def _logsumexp(z):
    """log sum_k exp(z_k) along the last axis, without overflow; shape (n, 1)."""
    m = z.max(axis=-1, keepdims=True)
    return m + np.log(np.exp(z - m).sum(axis=-1, keepdims=True))


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

    def __init__(self, sizes, activation="sigmoid", output_activation=None,
                 loss="squared_error", seed=0, weights=None, biases=None, bias=True):
        if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
            raise TypeError(f"sizes must be a list of layer sizes like [2, 3, 1]; got {sizes!r}")
        if len(sizes) < 2:
            raise ValueError(f"sizes needs at least an input and an output layer; got {list(sizes)}")
        self.sizes = [val.positive_int(s, f"sizes[{i}]") for i, s in enumerate(sizes)]
        self.loss_name = get_loss(loss).name
        if output_activation is None:
            output_activation = "softmax" if self.loss_name == "cross_entropy" else "sigmoid"
        self.hidden = get_activation(activation)
        self.output = get_activation(output_activation)
        if not self.hidden.elementwise:
            raise ValueError("softmax is for the output layer only (output_activation='softmax'); "
                             f"got activation={activation!r}")
        if self.output.name == "softmax" and self.sizes[-1] < 2:
            raise ValueError("softmax needs at least 2 output units; got 1 (use sigmoid for one output)")
        needs = {"binary_cross_entropy": ("sigmoid", "softmax"), "cross_entropy": ("softmax", "sigmoid")}
        if self.loss_name in needs and self.output.name not in needs[self.loss_name]:
            raise ValueError(f"{self.loss_name} takes the log of the outputs, so they must be "
                             f"probabilities in (0, 1): use output_activation="
                             f"{needs[self.loss_name][0]!r}; got {self.output.name!r}")
        self.bias = val.flag(bias, "bias")
        seed = val.seed_value(seed)
        shapes = list(zip(self.sizes[1:], self.sizes[:-1]))
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
        """X as (n, n_in) float, and whether it was a single example (n_in,)."""
        X = val.as_float_array(X, "X")
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
        """Y as an (n, n_out) float target matrix; int labels 0..n_out-1 become one-hot rows."""
        Y = val.as_float_array(Y, "Y")
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

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        """Lists zs (per layer 1..L) and activations (layer 0..L) for a 2-D batch X."""
        activations, zs = [X], []
        a = X
        last = len(self.weights) - 1
        for l, (W, b) in enumerate(zip(self.weights, self.biases)):
            # (n, n_in) @ (n_in, n_out) -> (n, n_out)
            z = a @ W.T + b
            a = (self.output if l == last else self.hidden).f(z)
            zs.append(z)
            activations.append(a)
        return zs, activations

    def forward(self, X):
        """The network's output. X : (n, n_in) -> (n, n_out); a single (n_in,) -> (n_out,)."""
        X2, single = self._inputs(X)
        with np.errstate(over="ignore", invalid="ignore"):
            out = self._forward(X2)[1][-1]
        return out[0] if single else out

    def forward_trace(self, X):
        """Every layer's weighted input and activation, for teaching.

        Returns a dict with lists indexed by layer number l = 0..L:
        ``trace["a"][l]`` is a^(l) (``trace["a"][0]`` is the input) and ``trace["z"][l]``
        is z^(l) (``trace["z"][0]`` is None: the input layer computes nothing).
        Shapes are (n, n_l), or (n_l,) when X is a single example.
        """
        X2, single = self._inputs(X)
        zs, activations = self._forward(X2)
        pick = (lambda m: m[0]) if single else (lambda m: m)
        return {"z": [None] + [pick(z) for z in zs], "a": [pick(a) for a in activations]}

    def predict(self, X):
        """Class labels: output >= 0.5 for one output unit, the argmax otherwise. (n,) ints or one int."""
        out = self.forward(X)
        if self.sizes[-1] == 1:
            labels = (out[..., 0] >= 0.5).astype(int)
        else:
            labels = np.argmax(out, axis=-1)
        return int(labels) if np.ndim(labels) == 0 else labels

    def accuracy(self, X, y):
        """Fraction of samples whose predicted label equals y (int labels, shape (n,))."""
        y = val.as_float_array(y, "y")
        pred = self.predict(X)
        if np.shape(pred) != y.shape:
            raise ValueError(f"y must hold one label per sample, shape {np.shape(pred)}; got {y.shape}")
        return float(np.mean(pred == y))

    # ------------------------------------------------------------------ loss and backprop
    def _loss_from(self, z_out, a_out, Y):
        """Mean loss; from the logits for sigmoid+BCE and softmax+CE (exact, no log(0))."""
        n = Y.shape[0]
        if self.loss_name == "binary_cross_entropy" and self.output.name == "sigmoid":
            # -[t log s(z) + (1 - t) log(1 - s(z))] = log(1 + e^z) - t z
            return float(np.sum(np.logaddexp(0.0, z_out) - Y * z_out) / Y.size)
        if self.loss_name == "cross_entropy" and self.output.name == "softmax":
            # -sum_k t_k log softmax(z)_k = -sum_k t_k (z_k - logsumexp(z))
            return float(-np.sum(Y * (z_out - _logsumexp(z_out))) / n)
        return get_loss(self.loss_name).value(Y, a_out)

    def _output_and_loss(self, z_out, Y):
        """The output layer's activation and the mean loss, sharing work where they can."""
        if self.loss_name == "cross_entropy" and self.output.name == "softmax":
            shifted = z_out - z_out.max(axis=1, keepdims=True)
            e = np.exp(shifted)
            s = e.sum(axis=1, keepdims=True)
            # log softmax(z) = shifted - log s, so the loss needs no second exp
            return e / s, float(-np.sum(Y * (shifted - np.log(s))) / Y.shape[0])
        a_out = self.output.f(z_out)
        return a_out, self._loss_from(z_out, a_out, Y)

    def _output_delta(self, z_out, a_out, Y):
        """delta^(L) = dL/dz^(L), shape (n, n_out), carrying the 1/n of the mean."""
        n = Y.shape[0]
        if self.loss_name == "binary_cross_entropy" and self.output.name == "sigmoid":
            return (a_out - Y) / Y.size                       # the sigma' cancels
        if self.loss_name == "cross_entropy" and self.output.name == "softmax":
            return (a_out * Y.sum(axis=1, keepdims=True) - Y) / n   # = (y_hat - y) / n for one-hot y
        dL_da = get_loss(self.loss_name).grad(Y, a_out)
        if self.output.name == "softmax":                     # J^T g, without forming J
            return a_out * (dL_da - np.sum(a_out * dL_da, axis=1, keepdims=True))
        return dL_da * self._prime(self.output, z_out, a_out)

    @staticmethod
    def _prime(act, z, a):
        return act.prime_from_a(a) if act.prime_from_a is not None else act.prime(z)

    def _check_trainable(self):
        if not self.hidden.trainable or not self.output.trainable:
            raise ValueError("a network with step activations cannot be trained by gradients: the "
                             "step's slope is 0 everywhere; use 'sigmoid' (its smooth cousin)")

    def _backward(self, X, Y):
        """Loss and gradients (dW, db) for a validated 2-D batch (the training hot path)."""
        W, B = self.weights, self.biases
        f, act = self.hidden.f, self.hidden
        activations, zs = [X], []
        a = X
        for W_l, b_l in zip(W[:-1], B[:-1]):
            # (n, n_in) @ (n_in, n_out) -> (n, n_out)
            z = a @ W_l.T + b_l
            a = f(z)
            zs.append(z)
            activations.append(a)
        z = a @ W[-1].T + B[-1]
        a, loss = self._output_and_loss(z, Y)
        zs.append(z)
        L = len(W)
        dW, db = [None] * L, [None] * L
        delta = self._output_delta(z, a, Y)                               # BP1
        for l in range(L - 1, -1, -1):
            # (n_out, n) @ (n, n_in) -> (n_out, n_in)
            dW[l] = delta.T @ activations[l]                              # BP3
            db[l] = delta.sum(axis=0) if self.bias else np.zeros_like(B[l])  # BP4
            if l > 0:
                # (n, n_out) @ (n_out, n_in) -> (n, n_in), times f'(z) of the layer below
                delta = (delta @ W[l]) * self._prime(act, zs[l - 1], activations[l])  # BP2
        return loss, dW, db

    def loss(self, X, Y):
        """Mean over samples of the per-sample loss (see losses); X (n, n_in), Y (n, n_out) or labels (n,)."""
        X2, single = self._inputs(X)
        Y2 = self._targets(Y, X2.shape[0], single)
        with np.errstate(over="ignore", invalid="ignore"):
            zs, activations = self._forward(X2)
            return self._loss_from(zs[-1], activations[-1], Y2)

    def gradients(self, X, Y):
        """Gradients of ``loss(X, Y)`` by backpropagation: lists dW, db shaped like weights, biases."""
        X2, single = self._inputs(X)
        Y2 = self._targets(Y, X2.shape[0], single)
        self._check_trainable()
        with np.errstate(over="ignore", invalid="ignore"):
            return self._backward(X2, Y2)[1:]

    # ------------------------------------------------------------------ training
    def fit(self, X, Y, epochs=100, lr=0.5, batch_size=None, seed=0, l2=0.0,
            callback=None, callback_every=1, validation_data=None, train_biases=True):
        """Train by gradient descent; return the history.

        Each epoch shuffles the samples (with ``np.random.default_rng(seed)``) into
        mini-batches of ``batch_size`` (None: the full batch, in order; 1: stochastic)
        and, for each, updates W <- W - lr (dL/dW + l2 W) and b <- b - lr dL/db, all
        layers' gradients computed first (a simultaneous update).

        Returns a dict: ``history["loss"][e]`` is the mean of the epoch's mini-batch
        losses, each measured just before its update (for the full batch, the loss at the
        start of epoch e); ``history["val_loss"]`` when ``validation_data=(X_val, Y_val)``
        is given (measured after the epoch). If the loss becomes NaN or inf, training
        stops with a RuntimeWarning, the weights go back to their last finite values (the
        start of the epoch before), and ``history["diverged_at"]`` is that epoch's index.
        ``callback(epoch, net)`` runs after every ``callback_every``-th epoch and after
        the last; returning False stops training. ``train_biases=False`` keeps the
        biases fixed (Mazur's tutorial updates only the weights).
        """
        X2, single = self._inputs(X)
        Y2 = self._targets(Y, X2.shape[0], single)
        epochs = val.positive_int(epochs, "epochs")
        lr = val.real_number(lr, "lr", positive=True)
        l2 = val.real_number(l2, "l2", nonnegative=True)
        callback_every = val.positive_int(callback_every, "callback_every")
        train_biases = val.flag(train_biases, "train_biases")
        if callback is not None and not callable(callback):
            raise TypeError(f"callback must be a function callback(epoch, net); got {callback!r}")
        n = X2.shape[0]
        batch = n if batch_size is None else min(val.positive_int(batch_size, "batch_size"), n)
        rng = np.random.default_rng(val.seed_value(seed))
        history = {"loss": [], "diverged_at": None}
        if validation_data is not None:
            if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
                what = type(validation_data).__name__
                raise TypeError(f"validation_data must be a pair (X_val, Y_val); got {what}"
                                + (f" of length {len(validation_data)}"
                                   if isinstance(validation_data, (tuple, list)) else ""))
            Xv, single_v = self._inputs(validation_data[0])
            Yv = self._targets(validation_data[1], Xv.shape[0], single_v)
            history["val_loss"] = []
        self._check_trainable()
        W, B = self.weights, self.biases
        # the weights at the start of the previous and of this epoch, to restore on divergence
        saved = [[w.copy() for w in W] + [b.copy() for b in B] for _ in range(2)]
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            for epoch in range(epochs):
                keep = saved[epoch % 2]
                for buffer, current in zip(keep, W + B):
                    np.copyto(buffer, current)
                order = None if batch == n else rng.permutation(n)
                total = 0.0
                for start in range(0, n, batch):
                    if order is None:
                        Xb, Yb = X2, Y2
                    else:
                        idx = order[start:start + batch]
                        Xb, Yb = X2[idx], Y2[idx]
                    loss, dW, db = self._backward(Xb, Yb)
                    total += loss * Xb.shape[0]
                    for l in range(len(W)):
                        if l2:
                            dW[l] += l2 * W[l]
                        W[l] -= lr * dW[l]
                        if train_biases:
                            B[l] -= lr * db[l]
                epoch_loss = total / n
                history["loss"].append(epoch_loss)
                last = epoch == epochs - 1
                # a non-finite loss means this epoch started from bad weights (made by the last
                # epoch's updates): go back two starts. After the last update, check the weights.
                if not np.isfinite(epoch_loss) or (last and not all(np.isfinite(w).all() for w in W + B)):
                    good = saved[(epoch - 1) % 2] if not np.isfinite(epoch_loss) and epoch > 0 else keep
                    for current, buffer in zip(W + B, good):
                        np.copyto(current, buffer)
                    history["diverged_at"] = epoch
                    warnings.warn(f"training diverged in epoch {epoch}: the loss became {epoch_loss}. "
                                  f"Weights are restored to their last finite values; try a smaller "
                                  f"learning rate than lr={lr:g}.", RuntimeWarning, stacklevel=2)
                    break
                if validation_data is not None:
                    zs, acts = self._forward(Xv)
                    history["val_loss"].append(self._loss_from(zs[-1], acts[-1], Yv))
                if callback is not None and ((epoch + 1) % callback_every == 0 or last):
                    if callback(epoch, self) is False:
                        break
        return history
