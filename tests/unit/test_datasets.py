"""Data sets: seeded and deterministic, the right shapes and labels, the truth table, the split, digits."""
import numpy as np
import pytest

from nn_helpers import datasets

pytestmark = pytest.mark.filterwarnings("error")

# name -> (keyword arguments, number of classes)
TOY = {
    "moons": ({}, 2),
    "circles": ({}, 2),
    "xor": ({}, 2),
    "spiral": ({"n_classes": 3}, 3),
    "gaussians": ({"n_classes": 4}, 4),
}


@pytest.mark.parametrize("name", sorted(TOY))
def test_toy_set_shapes_and_labels(name):
    kwargs, k = TOY[name]
    X, y = datasets.make_dataset(name, n_samples=101, seed=0, **kwargs)
    assert X.shape == (101, 2) and X.dtype == np.float64
    assert y.shape == (101,) and y.dtype.kind == "i"
    assert set(np.unique(y)) == set(range(k))
    assert np.all(np.isfinite(X))


@pytest.mark.parametrize("name", sorted(TOY))
def test_toy_set_is_deterministic_per_seed(name):
    kwargs, _ = TOY[name]
    make = datasets.TOY_DATASETS[name]
    X1, y1 = make(n_samples=60, seed=5, **kwargs)
    X2, y2 = make(n_samples=60, seed=5, **kwargs)
    X3, _ = make(n_samples=60, seed=6, **kwargs)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.allclose(X1, X3)


@pytest.mark.parametrize("name", sorted(TOY))
def test_toy_set_ignores_the_global_random_state(name):
    kwargs, _ = TOY[name]
    make = datasets.TOY_DATASETS[name]
    np.random.seed(1)
    X1, y1 = make(n_samples=40, seed=0, **kwargs)
    state = np.random.get_state()[1].copy()
    np.random.seed(2)
    X2, y2 = make(n_samples=40, seed=0, **kwargs)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    np.random.seed(1)
    np.testing.assert_array_equal(np.random.get_state()[1], state)   # and does not advance it


@pytest.mark.parametrize("name", ["moons", "circles", "spiral", "gaussians"])
def test_classes_are_balanced(name):
    """n samples in k classes: every class gets n // k or n // k + 1 points."""
    kwargs, k = TOY[name]
    _, y = datasets.make_dataset(name, n_samples=103, seed=0, **kwargs)
    counts = np.bincount(y)
    assert counts.sum() == 103 and counts.max() - counts.min() <= 1


def test_xor_labels_follow_the_quadrants_and_are_roughly_balanced():
    X, y = datasets.make_xor(n_samples=400, noise=0.0, seed=0)
    np.testing.assert_array_equal(y, (X[:, 0] > 0) != (X[:, 1] > 0))   # different signs -> 1
    assert 0.4 < y.mean() < 0.6


def test_zero_noise_puts_points_on_the_ideal_curves():
    X, y = datasets.make_circles(n_samples=50, noise=0.0, factor=0.5, seed=0)
    np.testing.assert_allclose(np.hypot(X[:, 0], X[:, 1]), np.where(y == 0, 1.0, 0.5), rtol=1e-12)
    X, y = datasets.make_moons(n_samples=50, noise=0.0, seed=0)
    top = X[y == 0]                                      # the upper half circle of radius 1
    np.testing.assert_allclose(np.hypot(top[:, 0], top[:, 1]), 1.0, rtol=1e-12)


def test_make_dataset_passes_arguments_through():
    X1, y1 = datasets.make_dataset("spiral", n_samples=30, noise=0.2, seed=3, n_classes=3)
    X2, y2 = datasets.make_spiral(n_samples=30, noise=0.2, n_classes=3, seed=3)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)


@pytest.mark.parametrize("call, error, message", [
    (lambda: datasets.make_moons(n_samples=1), ValueError, r"n_samples must be an integer >= 2; got 1"),
    (lambda: datasets.make_moons(n_samples=10.0), TypeError, r"n_samples must be an integer >= 2; got float"),
    (lambda: datasets.make_circles(n_samples="10"), TypeError, r"n_samples must be an integer >= 2; got str"),
    (lambda: datasets.make_xor(noise=-0.1), ValueError, r"noise must be >= 0; got -0.1"),
    (lambda: datasets.make_moons(noise=np.nan), ValueError, r"noise must be finite; got nan"),
    (lambda: datasets.make_gaussians(seed=-1), ValueError, r"seed must be an integer >= 0; got -1"),
    (lambda: datasets.make_moons(seed=0.5), TypeError, r"seed must be an integer >= 0; got float 0.5"),
    (lambda: datasets.make_circles(factor=1.0), ValueError, r"factor .* must be < 1; got 1.0"),
    (lambda: datasets.make_circles(factor=0), ValueError, r"factor must be > 0; got 0.0"),
    (lambda: datasets.make_spiral(n_classes=1), ValueError, r"n_classes must be an integer >= 2; got 1"),
    (lambda: datasets.make_gaussians(n_samples=3, n_classes=4), ValueError,
     r"n_samples must be at least n_classes \(4\); got 3"),
    (lambda: datasets.make_dataset("moon"), ValueError,
     r"unknown data set 'moon'; expected one of \['circles', 'gaussians', 'moons', 'spiral', 'xor'\]"),
])
def test_generators_reject_bad_arguments(call, error, message):
    with pytest.raises(error, match=message):
        call()


# --------------------------------------------------------------------------- Boolean truth table

def test_truth_table_counts_in_binary_and_computes_xy_plus_not_z():
    X, y = datasets.truth_table()
    # rows 000, 001, 010, ..., 111: row i is i written in binary, x the most significant bit
    np.testing.assert_array_equal(X, [[i >> 2 & 1, i >> 1 & 1, i & 1] for i in range(8)])
    assert X.dtype == np.float64 and y.dtype.kind == "i"
    # F = xy + not z: 1 wherever z = 0 (rows 0, 2, 4, 6) and where x = y = 1 (rows 6, 7)
    np.testing.assert_array_equal(y, [1, 0, 1, 0, 1, 0, 1, 1])
    assert [datasets.xy_plus_not_z(*row) for row in X.astype(int)] == list(y)


def test_truth_table_of_any_function():
    X, y = datasets.truth_table(lambda a, b: a ^ b, n_inputs=2)      # XOR
    np.testing.assert_array_equal(X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(y, [0, 1, 1, 0])


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(func=3), TypeError, r"func must be a function of 3 bits; got 3"),
    (dict(n_inputs=0), ValueError, r"n_inputs must be an integer >= 1; got 0"),
])
def test_truth_table_rejects_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        datasets.truth_table(**kwargs)


# --------------------------------------------------------------------------- one_hot

def test_one_hot():
    np.testing.assert_array_equal(datasets.one_hot([2, 0, 1]), [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
    np.testing.assert_array_equal(datasets.one_hot([1], n_classes=3), [[0, 1, 0]])
    assert datasets.one_hot([], n_classes=2).shape == (0, 2)


@pytest.mark.parametrize("y, n_classes, message", [
    ([0, 1.5], None, r"1-D array of non-negative integer labels; got shape \(2,\), values from 0 to 1.5"),
    ([-1, 0], None, r"non-negative integer labels; got shape \(2,\), values from -1 to 0"),
    ([[0, 1]], None, r"1-D array of non-negative integer labels; got shape \(1, 2\)"),
    ([0, 3], 2, r"labels go up to 3 but n_classes is 2"),
    ([], None, r"one_hot of no labels needs n_classes"),
])
def test_one_hot_rejects_bad_labels(y, n_classes, message):
    with pytest.raises(ValueError, match=message):
        datasets.one_hot(y, n_classes)


# --------------------------------------------------------------------------- train_test_split

@pytest.mark.parametrize("test_size, n_test", [(0.25, 5), (0.5, 10), (3, 3), (19, 19)])
def test_train_test_split_sizes_and_no_overlap(test_size, n_test):
    X = np.arange(40.0).reshape(20, 2)                   # row i is (2i, 2i + 1): rows identify themselves
    y = np.arange(20)
    X_before, y_before = X.copy(), y.copy()
    X_train, X_test, y_train, y_test = datasets.train_test_split(X, y, test_size=test_size, seed=0)
    assert (len(X_test), len(y_test), len(X_train), len(y_train)) == (n_test, n_test, 20 - n_test,
                                                                       20 - n_test)
    assert set(y_train).isdisjoint(y_test) and set(y_train) | set(y_test) == set(range(20))
    np.testing.assert_array_equal(X_train[:, 0], 2 * y_train)   # rows stay paired with their labels
    np.testing.assert_array_equal(X_test[:, 0], 2 * y_test)
    np.testing.assert_array_equal(X, X_before)           # the inputs are untouched
    np.testing.assert_array_equal(y, y_before)


def test_train_test_split_is_seeded():
    X, y = np.arange(20.0)[:, None], np.arange(20)
    first = datasets.train_test_split(X, y, seed=1)
    again = datasets.train_test_split(X, y, seed=1)
    other = datasets.train_test_split(X, y, seed=2)
    for a, b in zip(first, again):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(first[3], other[3])
    assert not np.array_equal(first[3], np.arange(15, 20))     # it shuffles


@pytest.mark.parametrize("test_size, error, message", [
    (0, ValueError, r"test_size \(a fraction in \(0, 1\) or a count\) must be an integer >= 1; got 0"),
    (10, ValueError, r"test_size leaves 10 of 10 samples for testing; need at least one sample on each"),
    (0.01, ValueError, r"test_size leaves 0 of 10 samples"),
    (1.5, ValueError, r"test_size as a fraction must be in \(0, 1\); got 1.5"),
    (-0.5, ValueError, r"test_size as a fraction must be in \(0, 1\); got -0.5"),
    ("0.2", TypeError, r"test_size .* must be an integer >= 1; got str"),
])
def test_train_test_split_rejects_bad_sizes(test_size, error, message):
    with pytest.raises(error, match=message):
        datasets.train_test_split(np.zeros((10, 2)), np.zeros(10), test_size=test_size)


def test_train_test_split_needs_matching_lengths():
    with pytest.raises(ValueError, match=r"X and y must have the same length; got 10 and 9"):
        datasets.train_test_split(np.zeros((10, 2)), np.zeros(9))


# --------------------------------------------------------------------------- digits

def test_load_digits():
    X, y = datasets.load_digits()
    assert X.shape == (1797, 64) and y.shape == (1797,)
    assert X.min() == 0.0 and X.max() == 1.0
    np.testing.assert_array_equal(np.unique(y), np.arange(10))
    X_raw, y_raw = datasets.load_digits(scale=False)
    np.testing.assert_array_equal(X_raw, 16 * X)         # raw pixels 0..16
    np.testing.assert_array_equal(y_raw, y)
