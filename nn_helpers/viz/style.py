"""The course's one style, and the axes every picture is drawn on.

Classes: class k is drawn in ``CLASS_COLORS[k]`` with the marker ``CLASS_MARKERS[k]`` in every
plot, diagram, playground frame and notebook (a notebook that numbers classes 1, 2, 3 uses
CLASS_COLORS[1], [2], [3]), so colour is never the only thing that tells two classes apart; signs
shade like classes 0 and 1 (``NEGATIVE`` orange, ``POSITIVE`` blue).  The six colours stay apart
for people with colour-blindness: any two are at least 20 apart in CAM02-UCS (delta E') for normal
vision and for simulated deuteranopia, protanopia and tritanopia (Machado et al. 2009, severity 100),
the criterion of Petroff, "Accessible Color Sequences for Data Visualization" (2021), and each
has a contrast of at least 3:1 with white (WCAG 2.1, 1.4.11), so a point, a bar or a line in any
of them shows on a white page (tests/viz/test_palette.py measures both).

Axes: each drawing function takes ``ax=None`` (``new_axes`` then makes a figure) and tags the
artists a later update moves with a ``gid``; ``find`` and ``drawn`` get them back, and say
clearly when an Axes was not drawn by the function that should have drawn it.
"""
import numpy as np
from matplotlib.colors import LinearSegmentedColormap, to_rgba_array
from matplotlib.markers import MarkerStyle

# Class k's colour and marker (class 0 orange, class 1 blue, as in TensorFlow Playground).
CLASS_COLORS = ["#e36900", "#004acb", "#12a586", "#a30000", "#9988ca", "#74395d"]
#                orange     blue       green      red        purple     plum
CLASS_MARKERS = ["o", "s", "^", "D", "v", "p"]   # circle, square, triangle up, diamond, triangle down, pentagon
# Class 0 -> white -> class 1: probabilities, neuron outputs, and signs (negative orange, positive blue).
CLASS_CMAP = LinearSegmentedColormap.from_list("class01", [CLASS_COLORS[0], "#ffffff", CLASS_COLORS[1]])
POSITIVE, NEGATIVE = CLASS_COLORS[1], CLASS_COLORS[0]    # weights and gradients by sign: blue +, orange -
# a network's nodes, by layer: the same faces in every diagram
NODE_FACES = {"input": "#eeeeee", "hidden": "#dde8f5", "output": "#e3f1df"}
NODE_RADIUS = 0.27          # a node's radius in a network diagram (data units: layers 3 apart)
# gradient descent's three fates (notebook 08)
REGIME_COLORS = {"converges": CLASS_COLORS[2], "oscillates": CLASS_COLORS[0], "diverges": CLASS_COLORS[3]}
# the optimizer race (notebook 10): one colour per optimizer
RACE_COLORS = {"SGD": CLASS_COLORS[3], "momentum": CLASS_COLORS[1], "RMSProp": CLASS_COLORS[2],
               "Adam": CLASS_COLORS[0]}


def class_color(k):
    """Class k's colour, ``CLASS_COLORS[k]`` (k counted round: class 6 looks like class 0)."""
    return CLASS_COLORS[int(k) % len(CLASS_COLORS)]


def class_marker(k):
    """Class k's marker, ``CLASS_MARKERS[k]`` (k counted round, like ``class_color``)."""
    return CLASS_MARKERS[int(k) % len(CLASS_MARKERS)]


def marker_area(marker):
    """The area a matplotlib marker covers at size 1 (a circle: pi / 4, a square: 1, a triangle: 1/2)."""
    style = MarkerStyle(marker)
    polygons = style.get_path().transformed(style.get_transform()).to_polygons()
    if not polygons:                                   # a line marker ('+', 'x', '|'): no area
        return np.pi / 4
    x, y = polygons[0][:, 0], polygons[0][:, 1]
    return float(abs(x @ np.roll(y, 1) - y @ np.roll(x, 1)) / 2) or np.pi / 4     # the shoelace formula


def class_size_scale(k):
    """The factor on a scatter size (points^2) that draws class k's marker with the area of a circle of
    that size: every class's points look equally big, a triangle as big as a circle."""
    return marker_area("o") / marker_area(class_marker(k))


def class_handles(classes, label_prefix="", edgecolor="white", markersize=7):
    """Legend entries for a figure's own legend, one per class in ``classes``: class k's marker in
    class k's colour, labelled "class k" (a legend, like the plot, shows colour and shape)."""
    from matplotlib.lines import Line2D                 # here: importing the style stays light
    return [Line2D([], [], linestyle="", marker=class_marker(k), markerfacecolor=class_color(k),
                   markeredgecolor=edgecolor, markersize=markersize * np.sqrt(class_size_scale(k)),
                   label=f"{label_prefix}class {int(k)}") for k in classes]


def is_axes(value):
    """True if value is a matplotlib Axes."""
    from matplotlib.axes import Axes        # here, not at the top: importing the style stays light
    return isinstance(value, Axes)


def new_axes(ax, figsize=(5, 4.5)):
    """ax if it is a matplotlib Axes; for None, the Axes of a new pyplot figure of ``figsize`` inches."""
    if ax is not None and not is_axes(ax):
        raise TypeError(f"ax must be a matplotlib Axes (e.g. from plt.subplots()) or None; "
                        f"got {type(ax).__name__} {ax!r:.60}")
    if ax is None:
        import matplotlib.pyplot as plt
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def axes_list(axes, name, counts=(2,)):
    """axes as a list of matplotlib Axes, as many as one of ``counts`` (a pair from plt.subplots(1, 2))."""
    what = f"a list of {' or '.join(map(str, counts))} matplotlib Axes (e.g. from plt.subplots(1, {counts[0]}))"
    if (not isinstance(axes, (list, tuple, np.ndarray)) or np.ndim(axes) != 1
            or not all(is_axes(a) for a in axes)):
        raise TypeError(f"{name} must be {what}; got {type(axes).__name__} {axes!r:.60}")
    if len(axes) not in counts:
        raise ValueError(f"{name} must be {what}; got {len(axes)}")
    return list(axes)


def find(ax, gid):
    """The artist that a drawing function tagged with ``gid`` on ax, or None."""
    return next((a for a in ax.get_children() if a.get_gid() == gid), None)


def drawn(ax, name, by, *gids):
    """The artists tagged ``gids`` on ax, which must be an Axes that the function ``by`` drew."""
    if not is_axes(ax):
        raise TypeError(f"{name} must be a matplotlib Axes drawn by {by}; got {type(ax).__name__} {ax!r:.60}")
    artists = [find(ax, gid) for gid in gids]
    missing = [gid for gid, artist in zip(gids, artists) if artist is None]
    if missing:
        raise ValueError(f"{name} must be an Axes drawn by {by}; got one without its {missing[0]!r}")
    return artists


def drawn_list(axes, name, by, gids, counts=(2,)):
    """axes (a list, as ``axes_list``) that ``by`` drew: axes[i] carries gids[i]."""
    axes = axes_list(axes, name, counts)
    for ax, gid in zip(axes, gids):
        drawn(ax, name, by, gid)
    return axes


def title_or(title, default):
    """The title given, or the default for no title: None or "" (any other value is shown as its text)."""
    return default if title is None or (isinstance(title, str) and not title) else title


def check_marker(value, name="marker"):
    """value if matplotlib takes it as a marker ('o', '^', 's', ...), else a ValueError."""
    return _style(value, name, MarkerStyle, "marker such as 'o', '^' or 's'")


def check_colour(value, name="color"):
    """value if matplotlib takes it as a colour ('white', '#3a7dc9', ...), else a ValueError."""
    return _style(value, name, to_rgba_array, "colour such as 'white', 'black' or '#3a7dc9'")


def _style(value, name, check, example):
    """value if matplotlib takes it (``check(value)`` raises nothing), else a ValueError with an example."""
    try:
        check(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a matplotlib {example}; got {value!r:.60}") from None
    return value


__all__ = ["CLASS_CMAP", "CLASS_COLORS", "CLASS_MARKERS", "NEGATIVE", "NODE_FACES", "NODE_RADIUS", "POSITIVE",
           "RACE_COLORS", "REGIME_COLORS", "axes_list", "check_colour", "check_marker", "class_color",
           "class_handles", "class_marker", "class_size_scale", "drawn", "drawn_list", "find", "is_axes",
           "marker_area", "new_axes", "title_or"]
