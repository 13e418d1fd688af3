"""The class palette: six colours that people with colour-blindness can tell apart, dark enough for
a white page, and one marker per class, so that colour is never the only cue.

How far apart two colours look is measured as the distance delta E' in CAM02-UCS (Luo, Cui and Li
2006, a colour space built so that equal distances look equally different; about 1 is just
noticeable).  Colour-blind vision is simulated with the model of Machado, Oliveira and Fernandes
(2009) at severity 100, i.e. dichromacy: deuteranopia, protanopia, tritanopia (colorspacious's
"deuteranomaly", "protanomaly", "tritanomaly" at 100).

The minimum, delta E' >= 20 between every pair of the six class colours under normal vision and
each simulation, is the one Petroff used to build accessible six-colour sequences (M. A. Petroff,
"Accessible Color Sequences for Data Visualization", arXiv:2107.02270, 2021; his color-cycles
code: ``gen_color_sets.py --num-colors 6 --min-color-dist 20``, same model, same severity, same
space); matplotlib ships his winner as the "petroff6" style.  Six is the most classes a picture of
the course shows (the playground's largest data set).  The distances are measured twice: as
colorspacious computes them (Petroff's way: simulated colours may fall slightly outside sRGB) and as
a screen can show them (clipped to sRGB), and both must pass.

Contrast: WCAG 2.1, 1.4.11 (non-text contrast, level AA) asks 3:1 between a graphical object needed
to understand a picture and what is next to it.  Every class colour has at least 3:1 against white
by itself, so a point's fill, a bar or a line in it shows on the white page whatever its edge.
"""
import itertools
import re
from pathlib import Path

import numpy as np
import pytest
from colorspacious import cspace_convert
from matplotlib.colors import to_rgb, to_rgba
from matplotlib.figure import Figure
from matplotlib.markers import MarkerStyle

import nn_helpers.viz as viz
from nn_helpers.lessons.one_neuron import decision_grid
from nn_helpers.viz import digits, style
from nn_helpers.viz.points import plot_decision_boundary, plot_neuron, plot_points
from nn_helpers.viz.style import CLASS_CMAP, CLASS_COLORS, CLASS_MARKERS

MOST_CLASSES = 6              # the playground's largest data set, the most classes any picture shows
MIN_DISTANCE = 20             # delta E' in CAM02-UCS, Petroff (2021), for every pair of the six
MIN_REGION_DISTANCE = 10      # the shaded regions of a multi-class boundary, see the test
MIN_CONTRAST = 3.0            # WCAG 2.1, 1.4.11 non-text contrast, against white
VISIONS = {"normal vision": None, "deuteranopia": "deuteranomaly", "protanopia": "protanomaly",
           "tritanopia": "tritanomaly"}
# The palette the course used before issue 16 (kept here to show the check can fail): red and brown
# are 4.3 apart for deuteranopia, blue and purple 4.4 for protanopia.
BEFORE = ["#e8833a", "#3a7dc9", "#4daf4a", "#c44e52", "#8172b3", "#937860"]
PETROFF6 = ["#5790fc", "#f89c20", "#e42536", "#964a8b", "#9c9ca1", "#7a21dd"]   # matplotlib's "petroff6"


def seen(colours, vision, clip):
    """The colours (k,) as someone with ``vision`` sees them, in CAM02-UCS: (k, 3) J'a'b'."""
    rgb = np.array([to_rgb(c) for c in colours])
    cvd = VISIONS[vision]
    if cvd is not None:
        rgb = cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": cvd, "severity": 100}, "sRGB1")
        rgb = np.clip(rgb, 0, 1) if clip else rgb
    return cspace_convert(rgb, "sRGB1", "CAM02-UCS")


def closest_pair(colours, vision, clip=False):
    """(delta E', i, j): the two colours that look most alike to someone with ``vision``."""
    jab = seen(colours, vision, clip)
    return min((float(np.linalg.norm(jab[i] - jab[j])), i, j)
               for i, j in itertools.combinations(range(len(colours)), 2))


def contrast_with_white(colour):
    """WCAG 2.1 contrast ratio (L_white + 0.05) / (L + 0.05), L the relative luminance of sRGB."""
    c = np.array(to_rgb(colour))
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return 1.05 / (linear @ [0.2126, 0.7152, 0.0722] + 0.05)


def marker_path(marker):
    """The vertices matplotlib's scatter draws for ``marker`` (its path, in marker units)."""
    style_ = MarkerStyle(marker)
    return style_.get_path().transformed(style_.get_transform()).vertices


def assert_class_style(collection, k, edge=None):
    """collection (one class's points) is drawn with class k's colour and class k's marker."""
    np.testing.assert_allclose(collection.get_facecolor()[0], to_rgba(CLASS_COLORS[k]),
                               err_msg=f"class {k}'s points are not in CLASS_COLORS[{k}]")
    np.testing.assert_allclose(collection.get_paths()[0].vertices, marker_path(CLASS_MARKERS[k]),
                               err_msg=f"class {k}'s points are not drawn with CLASS_MARKERS[{k}]")
    if edge is not None:
        np.testing.assert_allclose(collection.get_edgecolor()[0], to_rgba(edge))


def six_classes(n=12):
    """n points of each of six classes: six blobs round a circle, labels 0..5."""
    angles = np.repeat(np.arange(6) * np.pi / 3, n)
    rng = np.random.default_rng(0)
    X = np.c_[np.cos(angles), np.sin(angles)] * 2 + rng.normal(0, 0.2, (6 * n, 2))
    return X, np.repeat(np.arange(6), n)


class Sectors:
    """A stand-in network with six outputs: the softmax of how much each point points to class k's
    sector (k * 60 degrees), so every class has a region of the plane."""

    def forward(self, X):
        scores = 3 * (X @ np.c_[np.cos(np.arange(6) * np.pi / 3), np.sin(np.arange(6) * np.pi / 3)].T)
        e = np.exp(scores - scores.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)


class Binary:
    """A stand-in network with one sigmoid output, p(class 1) rising along x1."""

    def forward(self, X):
        return 1 / (1 + np.exp(-3 * X[:, :1]))


# ---------------------------------------------------------------- colour-blindness

@pytest.mark.parametrize("clip", [False, True], ids=["as computed", "as a screen shows it"])
@pytest.mark.parametrize("vision", VISIONS)
def test_every_two_class_colours_stay_apart(vision, clip):
    distance, i, j = closest_pair(CLASS_COLORS[:MOST_CLASSES], vision, clip)
    assert distance >= MIN_DISTANCE, (
        f"{vision}: class {i} ({CLASS_COLORS[i]}) and class {j} ({CLASS_COLORS[j]}) are only "
        f"delta E' = {distance:.1f} apart in CAM02-UCS; every pair needs >= {MIN_DISTANCE}")


def test_the_measure_reproduces_petroff_and_rejects_the_old_palette():
    """The check measures what it should: Petroff's published six colours pass it (as computed, his
    way), and the palette the course had before fails it for deuteranopia and protanopia."""
    for vision in VISIONS:
        assert closest_pair(PETROFF6, vision)[0] >= MIN_DISTANCE, vision
    assert closest_pair(BEFORE, "deuteranopia")[:3] == (pytest.approx(4.3, abs=0.1), 3, 5)   # red, brown
    assert closest_pair(BEFORE, "protanopia")[:3] == (pytest.approx(4.4, abs=0.1), 1, 4)     # blue, purple


@pytest.mark.parametrize("vision", VISIONS)
def test_the_two_sides_of_a_binary_boundary_stay_apart(vision):
    """Classes 0 and 1 (every binary picture) even as pale shading: where the model is 80% sure of
    class 0 and where it is 80% sure of class 1, drawn as plot_decision_boundary draws them (the
    class 0 -> white -> class 1 shading at its alpha over white), are >= 20 apart."""
    X, y = six_classes(4)
    X, y = X[y < 2], y[y < 2]
    ax = plot_decision_boundary(Binary(), X, y, Figure().add_subplot(), resolution=10)
    shading = ax.collections[0]
    assert shading.get_cmap() is CLASS_CMAP
    alpha = shading.get_alpha()
    tints = [1 - alpha * (1 - np.array(CLASS_CMAP(p)[:3])) for p in (0.2, 0.8)]
    jab = seen(tints, vision, clip=True)
    distance = float(np.linalg.norm(jab[0] - jab[1]))
    assert distance >= MIN_DISTANCE, f"{vision}: p = 0.2 and p = 0.8 shade only {distance:.1f} apart"


@pytest.mark.parametrize("vision", VISIONS)
def test_the_regions_of_six_classes_stay_apart(vision):
    """A multi-class boundary paints each region a pale tint of its class colour.  Regions are
    areas, far larger than a point, and the colour difference needed to tell two marks apart falls
    as the marks grow (Szafir 2017, "Modeling Color Difference for Visualization Design"), so the
    regions need half the points' minimum; a black line also separates them.  Each region is
    measured at its strongest tint in the picture drawn."""
    ax = plot_decision_boundary(Sectors(), *six_classes(), Figure().add_subplot(), resolution=60)
    image = ax.images[0].get_array()                                     # (60, 60, 3)
    labels = decision_grid(Sectors(), ax.get_xlim(), ax.get_ylim(), 60)[2].argmax(axis=-1)    # (60, 60)
    strongest = [image[labels == k][image[labels == k].sum(axis=1).argmin()] for k in range(6)]
    distance, i, j = closest_pair(strongest, vision, clip=True)
    assert distance >= MIN_REGION_DISTANCE, f"{vision}: the regions of classes {i} and {j} are {distance:.1f} apart"


# ---------------------------------------------------------------- contrast on a white page

@pytest.mark.parametrize("k", range(MOST_CLASSES))
def test_every_class_colour_shows_on_white(k):
    ratio = contrast_with_white(CLASS_COLORS[k])
    assert ratio >= MIN_CONTRAST, (f"class {k} ({CLASS_COLORS[k]}) has contrast {ratio:.2f}:1 with white; "
                                   f"WCAG 1.4.11 asks >= {MIN_CONTRAST}:1")


def test_the_drawn_points_are_filled_with_the_class_colours():
    """What 1.4.11 is about: the points' fills themselves (not only the palette) have 3:1 on white."""
    ax = plot_points(*six_classes(), Figure().add_subplot())
    for collection in ax.collections:
        assert contrast_with_white(collection.get_facecolor()[0][:3]) >= MIN_CONTRAST


def test_contrast_rejects_the_old_orange():
    assert contrast_with_white("#e8833a") == pytest.approx(2.71, abs=0.01)     # the old class 0: too light


# ---------------------------------------------------------------- class k: colour k and marker k

def test_class_markers_are_six_different_shapes():
    assert len(CLASS_MARKERS) == len(CLASS_COLORS) == MOST_CLASSES
    shapes = {marker_path(m).round(6).tobytes() for m in CLASS_MARKERS}
    assert len(shapes) == MOST_CLASSES


def test_plot_points_draws_class_k_with_colour_k_and_marker_k_of_the_same_area():
    ax = plot_points(*six_classes(), Figure().add_subplot(), size=30)
    assert [c.get_label() for c in ax.collections] == [f"class {k}" for k in range(6)]
    areas = []
    for k, collection in enumerate(ax.collections):
        assert_class_style(collection, k, edge="white")
        areas.append(collection.get_sizes()[0] * style.marker_area(CLASS_MARKERS[k]))
    np.testing.assert_allclose(areas, 30 * style.marker_area("o"))    # a triangle as big as a circle


def test_plot_points_with_one_marker_draws_every_class_with_it():
    """The old call, plot_points(X, y, marker="^"), still works: every class a triangle."""
    ax = plot_points(*six_classes(), Figure().add_subplot(), marker="^", size=30)
    for collection in ax.collections:
        np.testing.assert_allclose(collection.get_paths()[0].vertices, marker_path("^"))
        assert collection.get_sizes()[0] == 30


def test_decision_boundary_draws_train_and_test_points_by_class():
    X, y = six_classes(6)
    ax = plot_decision_boundary(Sectors(), X[::2], y[::2], Figure().add_subplot(), X_test=X[1::2],
                                y_test=y[1::2], resolution=20)
    train = [c for c in ax.collections if c.get_label().startswith("train")]
    test = [c for c in ax.collections if c.get_label().startswith("test")]
    assert len(train) == len(test) == 6
    for k in range(6):
        assert_class_style(train[k], k, edge="white")
        assert_class_style(test[k], k, edge="black")           # test points: a black edge, and larger
        assert test[k].get_sizes()[0] > train[k].get_sizes()[0]


def test_neuron_plot_draws_its_two_classes_by_colour_and_marker():
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    ax = plot_neuron(1.0, 1.0, -1.5, "sigmoid", X, np.array([0, 0, 0, 1]), Figure().add_subplot(), resolution=5)
    points = [c for c in ax.collections if c.get_label().startswith("class")]
    for k, collection in enumerate(points):
        assert_class_style(collection, k)


def test_legends_show_both_colour_and_shape():
    ax = plot_points(*six_classes(), Figure().add_subplot())
    legend = ax.legend()
    for k, handle in enumerate(legend.legend_handles):
        assert_class_style(handle, k)
    for k, line in enumerate(viz.class_handles(range(6))):              # for a figure's own legend
        assert line.get_marker() == CLASS_MARKERS[k] and line.get_markerfacecolor() == CLASS_COLORS[k]
        assert line.get_label() == f"class {k}"


# ---------------------------------------------------------------- one mapping everywhere

def test_one_palette_for_every_category_the_course_colours():
    assert CLASS_CMAP(0.0)[:3] == pytest.approx(to_rgb(CLASS_COLORS[0]))
    assert CLASS_CMAP(1.0)[:3] == pytest.approx(to_rgb(CLASS_COLORS[1]))
    assert (style.NEGATIVE, style.POSITIVE) == tuple(CLASS_COLORS[:2])
    assert (digits.RIGHT, digits.WRONG) == (CLASS_COLORS[2], CLASS_COLORS[3])          # green, red
    assert set(style.RACE_COLORS.values()) <= set(CLASS_COLORS)
    assert set(style.REGIME_COLORS.values()) <= set(CLASS_COLORS)
    assert viz.CLASS_COLORS is CLASS_COLORS and viz.CLASS_MARKERS is CLASS_MARKERS and viz.CLASS_CMAP is CLASS_CMAP


def test_class_points_are_scattered_in_one_place_and_no_class_colour_is_copied():
    """Every picture of nn_helpers.viz scatters classes through plot_points (one ``.scatter(`` in
    viz), and no module of nn_helpers writes a class colour's hex code instead of its name."""
    package = Path(viz.__file__).parents[1]
    scatters = [f"{p.relative_to(package)}:{n}" for p in sorted((package / "viz").glob("*.py"))
                for n, line in enumerate(p.read_text().splitlines(), 1) if ".scatter(" in line]
    assert scatters == [s for s in scatters if s.startswith("viz/points.py:")] and len(scatters) == 1, scatters
    hexes = re.compile("|".join(CLASS_COLORS), re.IGNORECASE)
    copies = [f"{p.relative_to(package)}:{n}" for p in sorted(package.rglob("*.py")) if p.name != "style.py"
              for n, line in enumerate(p.read_text().splitlines(), 1) if hexes.search(line)]
    assert copies == []
