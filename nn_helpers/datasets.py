"""Seeded data sets: 2-D toy problems, Boolean truth tables, a split, and the digits.

Every generator takes a ``seed`` and uses only ``np.random.default_rng(seed)``: the same
seed gives the same numbers on every machine. X has shape (n_samples, n_features), one
example a row; y holds int labels 0..k-1, shape (n_samples,). Nothing is downloaded.
"""
import itertools

import numpy as np

from . import _checks as val


# the makers' shared table of argument constraints (each maker adds its own)
_MAKER = dict(n_samples=val.int_at_least(2), noise=val.nonnegative_real, seed=val.seed_value)


def _split_counts(n, k):
    """n samples into k classes as evenly as possible: [n//k + 1, ..., n//k]."""
    return [n // k + (1 if c < n % k else 0) for c in range(k)]


@val.checked(**_MAKER)
def make_moons(n_samples=200, noise=0.1, seed=0):
    """Two interleaving half circles (class 0 on top, class 1 below). X (n, 2), y (n,)."""
    n, rng = n_samples, np.random.default_rng(seed)
    n0, n1 = _split_counts(n, 2)
    t0, t1 = np.linspace(0, np.pi, n0), np.linspace(0, np.pi, n1)
    X = np.vstack([np.c_[np.cos(t0), np.sin(t0)],
                   np.c_[1 - np.cos(t1), 0.5 - np.sin(t1)]])
    y = np.r_[np.zeros(n0, int), np.ones(n1, int)]
    X += rng.normal(0, noise, X.shape)
    order = rng.permutation(n)
    return X[order], y[order]


@val.checked(**_MAKER, factor=val.positive_real)
def make_circles(n_samples=200, noise=0.05, factor=0.5, seed=0):
    """A small circle (class 1, radius ``factor``) inside a large one (class 0, radius 1). X (n, 2), y (n,)."""
    n, rng = n_samples, np.random.default_rng(seed)
    if factor >= 1:
        raise ValueError(f"factor (inner radius / outer radius) must be < 1; got {factor}")
    n0, n1 = _split_counts(n, 2)
    t0 = np.linspace(0, 2 * np.pi, n0, endpoint=False)
    t1 = np.linspace(0, 2 * np.pi, n1, endpoint=False)
    X = np.vstack([np.c_[np.cos(t0), np.sin(t0)], factor * np.c_[np.cos(t1), np.sin(t1)]])
    y = np.r_[np.zeros(n0, int), np.ones(n1, int)]
    X += rng.normal(0, noise, X.shape)
    order = rng.permutation(n)
    return X[order], y[order]


@val.checked(**_MAKER)
def make_xor(n_samples=200, noise=0.1, seed=0):
    """Points in the square [-1, 1]^2, class 1 where x1 and x2 have different signs (the XOR
    pattern); ``noise`` is the std of Gaussian jitter added after labelling. X (n, 2), y (n,)."""
    n, rng = n_samples, np.random.default_rng(seed)
    X = rng.uniform(-1, 1, size=(n, 2))
    y = ((X[:, 0] > 0) != (X[:, 1] > 0)).astype(int)
    return X + rng.normal(0, noise, X.shape), y


@val.checked(**_MAKER, n_classes=val.int_at_least(2))
def make_spiral(n_samples=200, noise=0.1, n_classes=2, seed=0):
    """k interleaved spiral arms, one per class, each turning once around the origin. X (n, 2), y (n,)."""
    n, k, rng = n_samples, n_classes, np.random.default_rng(seed)
    if n < k:
        raise ValueError(f"n_samples must be at least n_classes ({k}); got {n}")
    parts, labels = [], []
    for c, m in enumerate(_split_counts(n, k)):
        r = np.linspace(0.05, 1.0, m)
        t = 1.75 * np.pi * r + 2 * np.pi * c / k
        parts.append(np.c_[r * np.sin(t), r * np.cos(t)])
        labels.append(np.full(m, c))
    X, y = np.vstack(parts), np.concatenate(labels)
    X += rng.normal(0, noise * 0.5, X.shape)
    order = rng.permutation(n)
    return X[order], y[order]


@val.checked(**_MAKER, n_classes=val.int_at_least(2))
def make_gaussians(n_samples=200, noise=0.5, n_classes=2, seed=0):
    """k round Gaussian blobs with std ``noise``, centres evenly spaced on a circle of radius 1.5.
    X (n, 2), y (n,)."""
    n, k, rng = n_samples, n_classes, np.random.default_rng(seed)
    if n < k:
        raise ValueError(f"n_samples must be at least n_classes ({k}); got {n}")
    angles = 2 * np.pi * np.arange(k) / k + np.pi / 4
    centres = 1.5 * np.c_[np.cos(angles), np.sin(angles)]
    y = np.concatenate([np.full(m, c) for c, m in enumerate(_split_counts(n, k))])
    X = centres[y] + rng.normal(0, noise, (n, 2))
    order = rng.permutation(n)
    return X[order], y[order]


TOY_DATASETS = {"moons": make_moons, "circles": make_circles, "xor": make_xor,
                "spiral": make_spiral, "gaussians": make_gaussians}


def make_dataset(name, n_samples=200, noise=0.1, seed=0, **kwargs):
    """Any toy set by name (see TOY_DATASETS), e.g. make_dataset("spiral", n_classes=3)."""
    if not isinstance(name, str) or name not in TOY_DATASETS:
        raise ValueError(f"unknown data set {name!r:.60}; expected one of {sorted(TOY_DATASETS)}")
    return TOY_DATASETS[name](n_samples=n_samples, noise=noise, seed=seed, **kwargs)


def xy_plus_not_z(x, y, z):
    """The tutorials' Boolean function F(x, y, z) = xy + not z (x AND y, OR NOT z)."""
    return int((x and y) or not z)


@val.checked(n_inputs=val.positive_int)
def truth_table(func=xy_plus_not_z, n_inputs=3):
    """All 2^n input rows in counting order (000, 001, ..., 111) and func's value on each.

    Returns X (2^n, n) of 0/1 floats and y (2^n,) of 0/1 ints.
    """
    if not callable(func):
        raise TypeError(f"func must be a function of {n_inputs} bits; got {func!r}")
    rows = list(itertools.product([0, 1], repeat=n_inputs))
    return np.array(rows, dtype=float), np.array([int(func(*r)) for r in rows])


@val.checked(y=val.as_float_array, n_classes=val.optional(val.positive_int))
def one_hot(y, n_classes=None):
    """Int labels (n,) -> one-hot rows (n, n_classes)."""
    if y.ndim != 1 or not np.all(y == np.round(y)) or (y.size and y.min() < 0):
        raise ValueError(f"y must be a 1-D array of non-negative integer labels; got shape {y.shape}"
                         + (f", values from {y.min():g} to {y.max():g}" if y.size else ""))
    if n_classes is None and y.size == 0:
        raise ValueError("one_hot of no labels needs n_classes (it cannot be read from y)")
    k = int(y.max()) + 1 if n_classes is None else n_classes
    if y.size and y.max() >= k:
        raise ValueError(f"labels go up to {int(y.max())} but n_classes is {k}")
    return np.eye(k)[y.astype(int)]


@val.checked(seed=val.seed_value)
def train_test_split(X, y, test_size=0.25, seed=0):
    """Shuffle (with ``seed``) and split; returns X_train, X_test, y_train, y_test.

    test_size : fraction in (0, 1) or a number of samples. The inputs are not modified.
    """
    for name, given in (("X", X), ("y", y)):
        if np.ndim(given) == 0:
            raise TypeError(f"{name} must be an array of numbers, one sample a row; got "
                            f"{type(given).__name__} {given!r:.60}")
        val.numeric_array(given, name)
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y):
        raise ValueError(f"X and y must have the same length; got {len(X)} and {len(y)}")
    n = len(X)
    if isinstance(test_size, float):
        if not 0 < test_size < 1:
            raise ValueError(f"test_size as a fraction must be in (0, 1); got {test_size}")
        n_test = int(round(test_size * n))
    else:
        n_test = val.positive_int(test_size, "test_size (a fraction in (0, 1) or a count)")
    if not 0 < n_test < n:
        raise ValueError(f"test_size leaves {n_test} of {n} samples for testing; need at least "
                         f"one sample on each side")
    order = np.random.default_rng(seed).permutation(n)
    test, train = order[:n_test], order[n_test:]
    return X[train], X[test], y[train], y[test]


@val.checked(scale=val.flag)
def load_digits(scale=True):
    """scikit-learn's bundled 8x8 handwritten digits (1,797 images; no download).

    Returns X (1797, 64), pixel values scaled to [0, 1] (raw 0..16 when scale=False),
    and y (1797,) ints 0..9. Reshape a row to (8, 8) to see the image.
    """
    from sklearn.datasets import load_digits as _sk_load_digits   # heavy: imported only here
    data = _sk_load_digits()
    X = data.data.astype(float)
    return (X / 16.0 if scale else X), data.target.astype(int)
