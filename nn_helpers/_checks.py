"""Input checks shared by the package: they turn bad input into a message that says
what was expected and what came (ValueError for wrong values or shapes, TypeError for
wrong types). Used once at the boundary of each public function, never in hot loops.

A public function declares its arguments' constraints in one table on top of it,
``@checked(epochs=positive_int, lr=positive_real, ...)`` (see ``checked``, at the end), so
its body, the algorithm, receives checked values and never checks them again. The
functions here are the constraints and the checks other modules call directly."""
import functools
import inspect
import numbers

import numpy as np


def as_float_array(x, name):
    """x as a float64 ndarray; TypeError if not numeric, ValueError if it holds NaN or inf."""
    if isinstance(x, (str, bytes)) or x is None:
        raise TypeError(f"{name} must be numeric (a number, list or ndarray of numbers); "
                        f"got {type(x).__name__} {x!r:.60}")
    try:
        arr = np.asarray(x)
    except ValueError as err:   # ragged lists
        raise ValueError(f"{name} must be a rectangular array of numbers; got {err}") from None
    if arr.dtype == object or arr.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold numbers; got an array of dtype {arr.dtype}")
    arr = arr.astype(float)
    if not np.all(np.isfinite(arr)):
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(f"{name} must be finite; got {bad} NaN or inf value(s)")
    return arr


def positive_int(value, name, minimum=1):
    """value as an int >= minimum (bools rejected)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer >= {minimum}; got {type(value).__name__} {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}; got {value}")
    return int(value)


def real_number(value, name, *, positive=False, nonnegative=False):
    """value as a finite float, optionally > 0 or >= 0."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number; got {type(value).__name__} {value!r}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite; got {value}")
    if positive and value <= 0:
        raise ValueError(f"{name} must be > 0; got {value}")
    if nonnegative and value < 0:
        raise ValueError(f"{name} must be >= 0; got {value}")
    return value


def seed_value(seed, name="seed"):
    """seed as None or a non-negative int, the kinds np.random.default_rng accepts here."""
    if seed is None:
        return None
    return positive_int(seed, name, minimum=0)


def lookup(registry, name, kind, entry_type):
    """registry[name], or the entry itself if already an entry_type; clear errors otherwise."""
    if isinstance(name, entry_type):
        return name
    if not isinstance(name, str):
        raise TypeError(f"{kind} must be a name (str), one of {sorted(registry)}; "
                        f"got {type(name).__name__} {name!r}")
    try:
        return registry[name]
    except KeyError:
        raise ValueError(f"unknown {kind} {name!r}; expected one of {sorted(registry)}") from None


def numeric_array(x, name):
    """x as a float ndarray, NaN and inf allowed (a diverging network's numbers still flow);
    TypeError for strings, None and other non-numbers."""
    try:
        arr = np.asarray(x) if not isinstance(x, (str, bytes)) else np.asarray(x, dtype=object)
    except ValueError as err:   # ragged lists
        raise ValueError(f"{name} must be a rectangular array of numbers; got {err}") from None
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be numeric (a number or an array of numbers); "
                        f"got {type(x).__name__} {x!r:.60}")
    return arr.astype(float)


def flag(value, name):
    """value as a bool: True or False only (not "no", not 0)."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False; got {type(value).__name__} {value!r:.60}")
    return bool(value)


def choice(value, options, name):
    """value if it is one of the str options, else a ValueError listing them (any value: no hashing)."""
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, options))}; got {value!r:.60}")
    return value


def instance(value, kind, name, what):
    """value if isinstance(value, kind), else a TypeError saying what was expected (``what``)."""
    if not isinstance(value, kind):
        raise TypeError(f"{name} must be {what}; got {type(value).__name__} {value!r:.60}")
    return value


def function(value, name, what="a function"):
    """value if it is callable, else a TypeError saying what was expected."""
    if not callable(value):
        raise TypeError(f"{name} must be {what}; got {type(value).__name__} {value!r:.60}")
    return value


class IndexOutOfRange(IndexError, ValueError):
    """An index outside its sequence: an IndexError, and a ValueError like every other bad input."""


def index(i, n, name):
    """i as an int in -n..n-1 (negative counts from the end), the way a list takes it."""
    if isinstance(i, bool) or not isinstance(i, numbers.Integral):
        raise TypeError(f"{name} must be a whole number from {-n} to {n - 1}; got {type(i).__name__} {i!r:.60}")
    if not -n <= i < n:
        raise IndexOutOfRange(f"{name} must be a whole number from {-n} to {n - 1}; got {i}")
    return int(i) % n


def interval(value, name):
    """value as (low, high): two finite numbers with low < high (an axis range, an interval)."""
    try:
        low, high = value if not isinstance(value, (str, bytes, dict)) else ()
    except (TypeError, ValueError):     # not a pair: None, a number, three numbers, ...
        raise TypeError(f"{name} must be (low, high), two numbers; "
                        f"got {type(value).__name__} {value!r:.60}") from None
    low, high = real_number(low, name), real_number(high, name)
    if not low < high:
        raise ValueError(f"{name} must be (low, high) with low < high; got ({low:g}, {high:g})")
    return low, high


def in_range(value, name, low, high, integer=False):
    """value as an int (integer=True; bools rejected) or a finite float, from low to high inclusive."""
    kind = numbers.Integral if integer else numbers.Real
    what = f"an integer from {low} to {high}" if integer else f"a number from {low:g} to {high:g}"
    if isinstance(value, bool) or not isinstance(value, kind):
        raise TypeError(f"{name} must be {what}; got {type(value).__name__} {value!r:.60}")
    if not low <= value <= high or not np.isfinite(float(value)):   # NaN fails the comparison too
        raise ValueError(f"{name} must be {what}; got {value}")
    return int(value) if integer else float(value)


# ---------------------------------------------------------------- constraint tables: @checked
# A constraint is a function (value, name) -> value: it returns the value (converted: 3 -> 3.0,
# "tanh" -> its Activation) or raises a ValueError or TypeError that says what was expected and
# what came. The checks above that take only (value, name) are constraints as they are
# (as_float_array, numeric_array, positive_int, seed_value, flag); these make the others.

def positive_real(value, name):
    """value as a finite float > 0 (a learning rate, an eps)."""
    return real_number(value, name, positive=True)


def nonnegative_real(value, name):
    """value as a finite float >= 0 (a noise level, a penalty)."""
    return real_number(value, name, nonnegative=True)


def decay_rate(value, name):
    """value as a float in [0, 1) (a decay rate such as beta)."""
    value = real_number(value, name)
    if not 0 <= value < 1:
        raise ValueError(f"{name} must be in [0, 1) (a decay rate, e.g. 0.9); got {value:g}")
    return value


def int_at_least(minimum):
    """Constraint: an int >= minimum (``positive_int`` with that minimum)."""
    return lambda value, name: positive_int(value, name, minimum)


def optional(constraint):
    """Constraint: None, or a value that ``constraint`` takes."""
    return lambda value, name: None if value is None else constraint(value, name)


def function_of(what):
    """Constraint: a callable; ``what`` says which, e.g. "a function callback(epoch, net)"."""
    return lambda value, name: function(value, name, what)


def instance_of(kind, what):
    """Constraint: an instance of ``kind``; ``what`` says which, e.g. "a network (an MLP)"."""
    return lambda value, name: instance(value, kind, name, what)


def registered(registry, kind, entry_type):
    """Constraint: a name in ``registry`` (or an entry itself), converted to its entry (``lookup``)."""
    return lambda value, name: lookup(registry, value, kind, entry_type)


def layer_sizes(sizes, name):
    """sizes as a list of ints >= 1, at least two (input and output layer), e.g. [2, 3, 1]."""
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
        raise TypeError(f"{name} must be a list of layer sizes like [2, 3, 1]; got {sizes!r}")
    if len(sizes) < 2:
        raise ValueError(f"{name} needs at least an input and an output layer; got {list(sizes)}")
    return [positive_int(s, f"{name}[{i}]") for i, s in enumerate(sizes)]


def xy_pair(value, name):
    """value as (X, Y), a pair of finite float arrays (checked as "X" and "Y"): validation data."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        length = f" of length {len(value)}" if isinstance(value, (tuple, list)) else ""
        raise TypeError(f"{name} must be a pair (X_val, Y_val); got {type(value).__name__}{length}")
    return as_float_array(value[0], "X"), as_float_array(value[1], "Y")


def checked(**constraints):
    """Decorator: a public function's table of argument constraints, applied once per call.

    Like scikit-learn's ``_parameter_constraints`` with ``validate_params``: the table sits on
    top of the function, each argument (its default too) goes through its constraint in the
    order of the signature, and the function's body receives checked, converted values and never
    checks them again. The table stays readable as ``func.constraints``.

        @checked(epochs=positive_int, lr=positive_real, seed=seed_value)
        def fit(self, X, Y, epochs=100, lr=0.5, seed=0): ...
    """
    def decorate(func):
        signature = inspect.signature(func)
        unknown = set(constraints) - set(signature.parameters)
        if unknown:
            raise TypeError(f"checked: {func.__qualname__} has no parameter {sorted(unknown)}")
        table = {name: constraints[name] for name in signature.parameters if name in constraints}
        for name, constraint in table.items():        # a default must pass its own constraint
            if signature.parameters[name].default is not inspect.Parameter.empty:
                constraint(signature.parameters[name].default, name)

        @functools.wraps(func)
        def with_checks(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            for name, constraint in table.items():
                bound.arguments[name] = constraint(bound.arguments[name], name)
            return func(*bound.args, **bound.kwargs)

        with_checks.constraints = table
        return with_checks
    return decorate


# ------------------------------------------------------------------ the course's own kinds of argument
# 2-D points and their class labels, a pair of axis limits, a grid resolution, a neuron's weights, a
# target and a prediction, a name picked from a menu, a network: used by lessons/, viz/ and widgets/.

def key(name, options, kind):
    """name in lower case if it is one of options (any case), else ValueError "unknown {kind} ...".

    options : the allowed names, lower case (a dict's keys or a tuple), listed in the message.
    """
    lowered = name.lower() if isinstance(name, str) else None
    if lowered not in options:
        raise ValueError(f"unknown {kind} {name!r:.60}; expected one of {list(options)}")
    return lowered


def network(net, name="net"):
    """net, if it is an MLP (a network whose sizes, weights, biases and activations can be read).

    (Checked by what it has, not by class: this module sits below nn_helpers.network.)"""
    if not all(hasattr(net, a) for a in ("sizes", "weights", "biases", "forward_trace")):
        raise TypeError(f"{name} must be an MLP (nn_helpers.MLP); got {type(net).__name__} {net!r:.60}")
    return net


def model(value, name="model"):
    """value if it has a forward(X) method (an MLP, or a learner's own network)."""
    if not callable(getattr(value, "forward", None)):
        raise TypeError(f"{name} must be a network with a forward(X) method, e.g. an MLP; "
                        f"got {type(value).__name__} {value!r:.60}")
    return value


def pair(value, name, increasing=False):
    """value as (a, b), two finite floats with a != b (a < b if ``increasing``): axis limits, an inter"""
    what = "(a, b) with a < b" if increasing else "a pair (low, high) of two different numbers"
    numbers = as_float_array(value, name)
    if numbers.shape != (2,):
        raise ValueError(f"{name} must be {what}; got {value!r:.60}")
    a, b = float(numbers[0]), float(numbers[1])
    if (a >= b) if increasing else (a == b):
        raise ValueError(f"{name} must be {what}; got {(a, b)}")
    return a, b


def resolution(value):
    """value as the number of grid points along each axis: an int >= 2."""
    return positive_int(value, "resolution", minimum=2)


def neuron_weights(w1, w2, b):
    """A neuron's w1, w2 and b as floats."""
    return real_number(w1, "w1"), real_number(w2, "w2"), real_number(b, "b")


def points(X, name="X"):
    """X as a float array (n, 2), n >= 1: one 2-D point a row."""
    X = as_float_array(X, name)
    if X.ndim != 2 or X.shape[1] != 2 or len(X) == 0:
        raise ValueError(f"{name} must be 2-D points, shape (n, 2), one point a row; got shape {X.shape}")
    return X


def labels(y, n, name="y", binary=False):
    """y as an int array (n,) of class labels, whole numbers (0 or 1 if ``binary``)."""
    y = as_float_array(y, name)
    if y.shape != (n,):
        raise ValueError(f"{name} must be one label per point, shape ({n},); got shape {y.shape}")
    if np.any(y != np.round(y)) or (binary and not np.isin(y, (0, 1)).all()):
        expected = "0 or 1" if binary else "whole numbers such as 0, 1, 2"
        raise ValueError(f"{name} must hold class labels {expected}; got {np.unique(y)[:6]}")
    return y.astype(int)


def labelled_points(X, y, binary=False):
    """X (n, 2) and its labels y (n,), checked by ``points`` and ``labels``."""
    X = points(X)
    return X, labels(y, len(X), binary=binary)


def target(t):
    """t as a float, 0 or 1: the target of one prediction."""
    t = real_number(t, "t")
    if t not in (0.0, 1.0):
        raise ValueError(f"the target t must be 0 or 1; got {t:g}")
    return t


def prediction(o):
    """o as a float strictly between 0 and 1: one predicted probability."""
    o = real_number(o, "o")
    if not 0 < o < 1:
        raise ValueError(f"the prediction o must be between 0 and 1 (a probability); got {o:g}")
    return o


def named_paths(paths):
    """paths as a dict name -> float array (k, 2) (the points of one descent each; NaN rows allowed:
    a diverged run), e.g. from ``lessons.race_paths``."""
    instance(paths, dict, "paths", "a dict name -> path (k, 2), e.g. from race_paths(...)")
    if not paths:
        raise ValueError("paths must hold at least one path (a dict name -> path (k, 2)); got {}")
    checked = {}
    for name, path in paths.items():
        checked[name] = points = numeric_array(path, f"paths[{name!r}]")
        if points.ndim != 2 or points.shape[1] != 2 or len(points) == 0:
            raise ValueError(f"paths[{name!r}] must have shape (k, 2), one point a row; got shape {points.shape}")
    return checked
