"""The playground's maths: data, a recorded training run, and what each frame shows.

Plain functions on NumPy and the core (``MLP``, the data sets, the activations): no drawing
and no widgets, so tests and notebooks call them directly:

    config = PlaygroundConfig(dataset="spiral", n_classes=3, hidden=(16, 16), seed=1)
    X_train, X_test, y_train, y_test = make_data(config)
    rec = record_training(config, X_train, y_train, X_test, y_test)   # rec.n_frames snapshots
    view = frame_view(rec, -1)     # the last frame: grid outputs, hidden neurons, hidden space
    decision_margins(view.output)  # where the network's decision changes (zero on the boundary)

``network_spec`` is the one place that decides the network (output activation and loss by
the number of classes); everything else asks it. ``hidden_space`` projects the last hidden
layer to a plane where the output layer's decision stays exact, and ``HiddenSpace.output``
evaluates that decision over the plane.
Imports: config and the core. The figure (matplotlib) and the widget (ipywidgets) import this.
"""
import dataclasses
import time
import warnings
from typing import Optional

import numpy as np

from ... import _checks as val
from ...activations import get_activation
from ...datasets import make_dataset, train_test_split
from ...network import MLP
from .config import MULTICLASS_DATASETS, PlaygroundConfig, check_points


GRID_BLOCK = 2500      # grid points per forward pass in frame_view


def make_data(config, extra_points=()):
    """The config's data set, split into train and test; drawn points join the training set.

    extra_points : (x1, x2, label) triples added after ``config.points``.
    Returns X_train (n_train, 2), X_test (n_test, 2), y_train (n_train,), y_test (n_test,);
    the drawn points are the last rows of X_train and y_train.
    """
    config = _config(config)
    kwargs = {"n_classes": config.n_classes} if config.dataset in MULTICLASS_DATASETS else {}
    X, y = make_dataset(config.dataset, config.n_samples, config.noise, config.seed, **kwargs)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=config.test_ratio,
                                                        seed=config.seed)
    drawn = config.points + check_points(extra_points, config.n_classes)
    if drawn:
        X_train = np.vstack([X_train, [p[:2] for p in drawn]])
        y_train = np.concatenate([y_train, [p[2] for p in drawn]])
    return X_train, X_test, y_train, y_test


def _config(config):
    return val.instance(config, PlaygroundConfig, "config", "a PlaygroundConfig")


def network_spec(config):
    """MLP arguments for a config: sigmoid + binary cross-entropy for 2 classes, else softmax + CE."""
    binary = _config(config).n_classes == 2
    return {"sizes": [2, *config.hidden, 1 if binary else config.n_classes],
            "activation": config.activation,
            "output_activation": "sigmoid" if binary else "softmax",
            "loss": "binary_cross_entropy" if binary else "cross_entropy"}


@dataclasses.dataclass
class Recording:
    """A recorded training run: the data, the network's parameters at each frame, the losses.

    epochs : (n_frames,) ints, epochs completed at each frame (frame 0 is the untrained net).
    weights[i], biases[i] : the network's parameter lists at frame i.
    train_loss, test_loss : (last_epoch + 1,) losses after each epoch (index 0: before training),
        without the L2 penalty.
    train_accuracy, test_accuracy : (n_frames,) the share of points each frame classifies right.
    diverged_at : the epoch in which the loss became NaN or inf, or None.
    seconds : how long training took.
    xlim, ylim : the plane's extent around all points, for the grid and the plots.
    """
    config: PlaygroundConfig
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    epochs: np.ndarray
    weights: list
    biases: list
    train_loss: np.ndarray
    test_loss: np.ndarray
    diverged_at: Optional[int]
    seconds: float
    xlim: tuple
    ylim: tuple
    train_accuracy: np.ndarray = None
    test_accuracy: np.ndarray = None
    _space_basis: tuple = dataclasses.field(default=None, repr=False, compare=False)  # hidden_space cache

    @property
    def n_frames(self):
        return len(self.epochs)

    def network(self, i):
        """An MLP with the parameters of frame i (negative i counts from the end)."""
        i = val.index(i, self.n_frames, "the frame i")             # an IndexError (and ValueError) if not there
        return MLP(**network_spec(self.config), weights=self.weights[i], biases=self.biases[i])


def record_training(config, X_train, y_train, X_test, y_test, progress=None):
    """Train the config's network and keep ``config.frames`` evenly spaced snapshots (one per
    epoch at most), the first of the untrained network and the last of the trained one.

    X_train (n, 2), y_train (n,), X_test (m, 2), y_test (m,) : e.g. from ``make_data``.
    progress : optional function progress(done, total) called as frames are recorded.
    A learning rate so large that the loss overflows stops training early: fit's
    RuntimeWarning is caught, ``diverged_at`` says when, and the last frame holds the last
    finite weights. Returns a Recording.
    """
    if progress is not None:
        val.function(progress, "progress", "a function progress(done, total), or None")
    net = MLP(**network_spec(config), seed=config.seed)
    wanted = set(np.round(np.linspace(0, config.epochs, config.frames)).astype(int).tolist())
    epochs, weights, biases, train_loss, test_loss, accuracy = [], [], [], [], [], []

    def snapshot(done):
        epochs.append(done)
        weights.append([W.copy() for W in net.weights])
        biases.append([b.copy() for b in net.biases])
        accuracy.append((net.accuracy(X_train, y_train), net.accuracy(X_test, y_test)))
        if progress is not None:
            progress(len(epochs), len(wanted))

    def keep(done, net):
        train_loss.append(net.loss(X_train, y_train))
        test_loss.append(net.loss(X_test, y_test))
        if done in wanted:
            snapshot(done)

    start = time.perf_counter()
    keep(0, net)
    with warnings.catch_warnings(record=True) as caught:
        warnings.filterwarnings("always", "training diverged", RuntimeWarning)
        history = net.fit(X_train, y_train, epochs=config.epochs, lr=config.lr,
                          batch_size=config.batch_size, seed=config.seed, l2=config.l2,
                          callback=lambda epoch, net: keep(epoch + 1, net))
    for w in caught:                                # pass on anything but the divergence
        if not str(w.message).startswith("training diverged"):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    diverged_at = history["diverged_at"]
    if diverged_at is not None and epochs[-1] != diverged_at:
        snapshot(diverged_at)                       # fit restored the last finite weights
    train_accuracy, test_accuracy = np.array(accuracy).reshape(-1, 2).T
    pts = np.vstack([X_train, X_test])
    lo, hi = pts.min(axis=0) - 0.5, pts.max(axis=0) + 0.5
    return Recording(config, X_train, y_train, X_test, y_test, np.array(epochs), weights, biases,
                     np.array(train_loss), np.array(test_loss), diverged_at,
                     time.perf_counter() - start, (lo[0], hi[0]), (lo[1], hi[1]),
                     train_accuracy=train_accuracy, test_accuracy=test_accuracy)


@dataclasses.dataclass
class HiddenSpace:
    """The points as the last hidden layer sees them, in 2-D.

    train (n_train, 2), test (n_test, 2) : coordinates of each point.
    logits : (A, c) with A (k, 2) and c (k,) such that the output layer's weighted inputs at
        coordinates p are exactly A @ p + c (for softmax, up to a shift shared by all classes,
        which changes nothing); so the network's decision can be drawn in this plane. None
        when no 2-D view is exact (more than 3 classes and more than 2 units).
    xlabel, ylabel : what each axis is.
    output_activation : the output layer's activation, as ``network_spec`` decides it.
    """
    train: np.ndarray
    test: np.ndarray
    logits: Optional[tuple]
    xlabel: str
    ylabel: str
    output_activation: str

    def output(self, points):
        """The network's output at points of this plane: (..., 2) coordinates -> (..., k)
        (k = 1: the probability of class 1), the output activation of A @ p + c. None when
        ``logits`` is None."""
        points = val.numeric_array(points, "points")
        if points.ndim < 1 or points.shape[-1] != 2:
            raise ValueError(f"points must be coordinates in this plane, shape (..., 2); "
                             f"got shape {points.shape}")
        if self.logits is None:
            return None
        A, c = self.logits
        z = points @ A.T + c                               # the output layer's weighted inputs
        return get_activation(self.output_activation).f(z)


def _orthonormal(candidates, n=2):
    """Up to n orthonormal rows from the candidate vectors, in order (Gram-Schmidt)."""
    basis = []
    for d in candidates:
        d = d - sum((d @ q) * q for q in basis)
        if np.linalg.norm(d) > 1e-9 and len(basis) < n:
            basis.append(d / np.linalg.norm(d))
    return np.array(basis).reshape(-1, len(candidates[0]))


def hidden_space(rec, i):
    """Where frame i's last hidden layer puts the train and test points (HiddenSpace), or None
    for a network without hidden layers.

    Two units are plotted as they are. With more, the view is chosen so the decision stays
    exact: for two classes the x axis runs along the output unit's weights w (the decision is
    the line w . h + b = 0, vertical here); for three classes the axes span the two weight
    differences w1 - w0 and w2 - w0 that decide between them. The remaining axis follows the
    last frame's main spread of the points, a fixed reference so frames compare. For more
    classes, the last frame's two principal directions (not exact: no decision drawn).
    """
    if not _recording(rec).config.hidden:
        return None
    i = val.index(i, rec.n_frames, "the frame i")
    net = rec.network(i)
    output_activation = network_spec(rec.config)["output_activation"]
    h_train, h_test = (net.forward_trace(X)["a"][-2] for X in (rec.X_train, rec.X_test))
    units, last = h_train.shape[1], len(net.sizes) - 2
    W, b = net.weights[-1], net.biases[-1]                 # (k, units), (k,)
    if units <= 2:
        P = np.eye(2)[:, :units]                           # coordinates: the units themselves
        labels = (f"unit 1 of hidden layer {last}",
                  f"unit 2 of hidden layer {last}" if units == 2 else "(one unit only)")
        return HiddenSpace(h_train @ P.T, h_test @ P.T, (W @ P.T, b), *labels, output_activation)
    if rec._space_basis is None:                           # from the last frame, computed once
        h_end = rec.network(-1).forward_trace(rec.X_train)["a"][-2]
        mean = h_end.mean(axis=0)
        rec._space_basis = (mean, np.linalg.svd(h_end - mean, full_matrices=False)[2][:2])
    mean, pcs = rec._space_basis
    if W.shape[0] > 3:                                     # a fixed principal-component view
        P = _orthonormal(list(pcs) + list(np.eye(units)))
        coords = [(h - mean) @ P.T for h in (h_train, h_test)]
        return HiddenSpace(*coords, None, "1st principal direction", "2nd principal direction",
                           output_activation)
    deciding = list(W) if W.shape[0] == 1 else [W[1] - W[0], W[2] - W[0]]
    P = _orthonormal(deciding + list(pcs) + list(np.eye(units)))
    labels = (("along the output weights w", "across w (main spread)") if W.shape[0] == 1 else
              ("along w1 - w0 (class 1 vs 0)", "toward w2 - w0 (class 2 vs 0)"))
    return HiddenSpace(h_train @ P.T, h_test @ P.T, (W @ P.T, b), *labels, output_activation)


@dataclasses.dataclass
class FrameView:
    """What frame i shows. output : (res, res, k) network output on the grid (k = 1: the
    probability of class 1); hidden : one (res, res, units) array per hidden layer."""
    index: int
    epoch: int
    output: np.ndarray
    hidden: list
    space: Optional[HiddenSpace]
    train_loss: float
    test_loss: float
    train_accuracy: float
    test_accuracy: float


def _recording(rec):
    return val.instance(rec, Recording, "rec", "a Recording (from record_training)")


def frame_view(rec, i, resolution=100):
    """Everything frame i draws, computed from its weights (about a millisecond for 2-8-8-1)."""
    i = val.index(i, _recording(rec).n_frames, "the frame i")   # an IndexError (and ValueError) if not there
    resolution = val.positive_int(resolution, "resolution", minimum=2)
    net = rec.network(i)
    xx, yy = np.meshgrid(np.linspace(*rec.xlim, resolution), np.linspace(*rec.ylim, resolution))
    grid = np.c_[xx.ravel(), yy.ravel()]
    # in blocks of GRID_BLOCK rows: small products stay on one BLAS thread, several times
    # faster than one big product spread over busy cores
    blocks = [net.forward_trace(part)["a"][1:]
              for part in np.array_split(grid, max(1, len(grid) // GRID_BLOCK))]
    maps = [np.concatenate(layer).reshape(resolution, resolution, -1) for layer in zip(*blocks)]
    epoch = int(rec.epochs[i])
    return FrameView(i, epoch, maps[-1], maps[:-1], hidden_space(rec, i),
                     float(rec.train_loss[epoch]), float(rec.test_loss[epoch]),
                     net.accuracy(rec.X_train, rec.y_train), net.accuracy(rec.X_test, rec.y_test))


def decision_margins(output):
    """Where the network's decision changes: margins that are zero on the decision boundary.

    output : (..., k) network outputs, e.g. FrameView.output (res, res, k).
    Returns a list of (...) arrays: for one output unit [p - 0.5], the threshold of
    ``MLP.predict``; for k units, one per class: its probability minus the largest other
    class's, positive where the class wins and zero where it ties the runner-up.
    """
    output = val.numeric_array(output, "output")
    if output.ndim < 1 or output.shape[-1] == 0:
        raise ValueError(f"output must have shape (..., k), k >= 1 outputs; got shape {output.shape}")
    if output.shape[-1] == 1:
        return [output[..., 0] - 0.5]
    top2 = np.sort(output, axis=-1)[..., -2:]
    others = np.where(output >= top2[..., 1:], top2[..., :1], top2[..., 1:])
    return list(np.moveaxis(output - others, -1, 0))
