"""Input checks shared by the package: they turn bad input into a message that says
what was expected and what came (ValueError for wrong values or shapes, TypeError for
wrong types). Used once at the boundary of each public function, never in hot loops."""
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
