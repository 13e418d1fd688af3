"""The playground's settings as one frozen value, and its short shareable string.

A ``PlaygroundConfig`` holds everything that decides what the playground shows: the
data, the network, the training, the seed and the points a learner drew. Its
``to_string()`` gives a line like ``dataset=spiral;n_classes=3;hidden=8,8;lr=0.1;seed=4``
that a lecturer can paste into a slide; ``PlaygroundConfig.from_string`` reads it back.
The string is parsed field by field with ``int``/``float``/a fixed list of names, never
evaluated: a malformed one raises ValueError saying which part is wrong and what was
expected. Keys left out take their defaults, so a hand-written ``dataset=xor`` works.

Every value is checked once, on creation, by ``nn_helpers._checks`` against the table of
allowed ranges ``RANGES`` and the lists of names below.
Imports: the core only (``datasets``, ``_checks``); training, figure and widget import this.
"""
import dataclasses
from typing import Optional, Tuple

from ... import _checks as val
from ...datasets import TOY_DATASETS

DATASETS = tuple(TOY_DATASETS)                     # moons, circles, xor, spiral, gaussians
MULTICLASS_DATASETS = ("spiral", "gaussians")      # the ones that take n_classes > 2
ACTIVATIONS = ("tanh", "relu", "leaky_relu", "sigmoid", "identity")
MAX_POINTS = 300          # points a learner may draw
MAX_STRING = 8000         # characters in a config string (room for MAX_POINTS points)

# Allowed ranges, inclusive: (low, high).
RANGES = {"n_classes": (2, 6), "noise": (0.0, 1.0), "n_samples": (20, 1000),
          "test_ratio": (0.1, 0.9), "layers": (0, 4), "units": (1, 16), "lr": (1e-5, 100.0),
          "batch_size": (1, 1000), "l2": (0.0, 1.0), "epochs": (1, 5000), "frames": (2, 200),
          "seed": (0, 2**32 - 1), "coordinate": (-5.0, 5.0)}


def _ranged(value, name, key=None):
    """value checked against RANGES[key or name]: an int range takes ints, a float range numbers."""
    low, high = RANGES[key or name]
    return val.in_range(value, name, low, high, integer=isinstance(low, int))


def _sequence(name, value, what):
    """value as a tuple, if it is a sequence (not a str); TypeError saying what was expected."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__"):
        raise TypeError(f"{name} must be a sequence of {what}; got {type(value).__name__} {value!r:.60}")
    return tuple(value)


def check_points(points, n_classes):
    """Drawn points as a tuple of (x1, x2, label) with label in 0..n_classes-1 (TypeError or
    ValueError if not); at most MAX_POINTS, coordinates within RANGES["coordinate"]."""
    n_classes = _ranged(n_classes, "n_classes")
    points = _sequence("points", points, "(x1, x2, label) triples")
    if len(points) > MAX_POINTS:
        raise ValueError(f"points: at most {MAX_POINTS} drawn points; got {len(points)}")
    out = []
    for i, p in enumerate(points):
        p = _sequence(f"points[{i}]", p, "numbers")
        if len(p) != 3:
            raise ValueError(f"points[{i}] must be (x1, x2, label); got {p!r:.60}")
        x1, x2 = (_ranged(v, f"points[{i}] coordinate", "coordinate") for v in p[:2])
        label = val.in_range(p[2], f"points[{i}] label (its class)", 0, n_classes - 1, integer=True)
        out.append((x1, x2, label))
    return tuple(out)


@dataclasses.dataclass(frozen=True)
class PlaygroundConfig:
    """Everything that decides a playground run; checked on creation (TypeError/ValueError).

    dataset : one of DATASETS; n_classes : 2..6 (more than 2 only for spiral and gaussians).
    noise : 0..1; n_samples : 20..1000 points before drawn ones; test_ratio : 0.1..0.9 held out
        (noise and test_ratio are kept to 2 decimals, like the values their boxes show).
    hidden : units per hidden layer, e.g. (8, 8); up to 4 layers of 1..16 units; () is none.
    activation : hidden layers' activation, one of ACTIVATIONS.
    lr : learning rate; batch_size : mini-batch size or None (full batch); l2 : L2 penalty.
    epochs : passes over the training set; frames : snapshots recorded for the replay.
    seed : seeds the data, the split, the initial weights and the shuffling.
    points : points a learner drew, (x1, x2, label) triples, added to the training set.
    """
    dataset: str = "moons"
    n_classes: int = 2
    noise: float = 0.2
    n_samples: int = 200
    test_ratio: float = 0.3
    hidden: Tuple[int, ...] = (8, 8)
    activation: str = "tanh"
    lr: float = 0.03
    batch_size: Optional[int] = 10
    l2: float = 0.0
    epochs: int = 300
    frames: int = 60
    seed: int = 0
    points: Tuple[Tuple[float, float, int], ...] = ()

    def __post_init__(self):
        hidden = _sequence("hidden", self.hidden, "layer sizes, e.g. (8, 8)")
        _ranged(len(hidden), "hidden: the number of layers", "layers")
        values = {
            "dataset": val.choice(self.dataset, DATASETS, "dataset"),
            "n_classes": _ranged(self.n_classes, "n_classes"),
            "noise": round(_ranged(self.noise, "noise"), 2),
            "n_samples": _ranged(self.n_samples, "n_samples"),
            "test_ratio": round(_ranged(self.test_ratio, "test_ratio"), 2),
            "hidden": tuple(_ranged(u, f"hidden[{i}] (units)", "units") for i, u in enumerate(hidden)),
            "activation": val.choice(self.activation, ACTIVATIONS, "activation"),
            "lr": _ranged(self.lr, "lr"),
            "batch_size": None if self.batch_size is None else _ranged(self.batch_size, "batch_size"),
            "l2": _ranged(self.l2, "l2"),
            "epochs": _ranged(self.epochs, "epochs"),
            "frames": _ranged(self.frames, "frames"),
            "seed": _ranged(self.seed, "seed"),
        }
        if values["n_classes"] != 2 and values["dataset"] not in MULTICLASS_DATASETS:
            raise ValueError(f"n_classes: {values['dataset']} has 2 classes; more work for "
                             f"{' and '.join(MULTICLASS_DATASETS)}; got {values['n_classes']}")
        values["points"] = check_points(self.points, values["n_classes"])
        for name, value in values.items():          # normalized: ints, floats, tuples
            object.__setattr__(self, name, value)

    def replace(self, **changes):
        """A copy with some fields changed (checked like a new config)."""
        return dataclasses.replace(self, **changes)

    def to_string(self):
        """The config as ``key=value;key=value`` (every field, floats exactly)."""
        parts = []
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if field.name == "points":
                if value:
                    parts.append("points=" + ",".join(f"{x!r}:{y!r}:{c}" for x, y, c in value))
                continue
            if field.name == "hidden":
                value = ",".join(map(str, value))
            elif value is None:
                value = "full"
            parts.append(f"{field.name}={value!r}" if isinstance(value, float) else f"{field.name}={value}")
        return ";".join(parts)

    @classmethod
    def from_string(cls, text):
        """Parse a ``to_string()`` line (keys may be left out: defaults). ValueError if malformed."""
        if not isinstance(text, str):
            raise TypeError(f"a config string must be a str; got {type(text).__name__}")
        if len(text) > MAX_STRING:
            raise ValueError(f"config string too long: at most {MAX_STRING} characters; got {len(text)}")
        fields = {f.name for f in dataclasses.fields(cls)}
        values = {}
        for part in filter(None, (p.strip() for p in text.strip().split(";"))):
            key, sep, raw = (s.strip() for s in part.partition("="))
            if not sep:
                raise ValueError(f"config string: expected key=value parts separated by ';', like "
                                 f"'dataset=moons;seed=0'; got {part!r:.60}")
            if key not in fields:
                raise ValueError(f"config string: unknown key {key!r:.40}; expected one of "
                                 f"{', '.join(sorted(fields))}")
            if key in values:
                raise ValueError(f"config string: {key} is given twice")
            values[key] = _parse_value(key, raw)
        return cls(**values)


def _parse_value(key, raw):
    """One value of a config string, by the field's kind; ValueError saying what was expected."""
    def number(kind, s, what):
        try:
            return kind(s)
        except ValueError:
            raise ValueError(f"config string: {what} must be {'an integer' if kind is int else 'a number'}; "
                             f"got {s!r:.40}") from None

    if key in ("dataset", "activation"):
        return raw
    if key == "hidden":
        return tuple(number(int, u.strip(), "hidden (units per layer, like 8,8)")
                     for u in raw.split(",")) if raw else ()
    if key == "batch_size" and raw == "full":
        return None
    if key == "points":
        points = []
        for p in filter(None, raw.split(",")):
            x1_x2_label = p.split(":")
            if len(x1_x2_label) != 3:
                raise ValueError(f"config string: points are x1:x2:label separated by ','; got {p!r:.40}")
            x1, x2, label = x1_x2_label
            points.append((number(float, x1, "a point's x1"), number(float, x2, "a point's x2"),
                           number(int, label, "a point's label")))
        return tuple(points)
    if key in ("noise", "test_ratio", "lr", "l2"):
        return number(float, raw, key)
    return number(int, raw, key)
