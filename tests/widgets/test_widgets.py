"""Explorers: moving a control from Python changes the picture, and nothing leaks.

Controls are set the way a learner's slider sets them (``control.value = ...``) or through
``explorer.update(...)``; the tests read the figure's artists (image array, title, legend)
and the PNG the Image widget holds. Under Agg the explorers take their PNG path; the ipympl
path runs in a subprocess, since importing ipympl switches matplotlib's backend.
The numbers and pictures behind each explorer are tested in tests/lessons and tests/viz.
"""
import base64
import html
import io
import os
import re
import subprocess
import sys
import textwrap
import warnings

import ipywidgets
import matplotlib.pyplot as plt
import numpy as np
import PIL.Image
import pytest
from matplotlib.axis import Axis
from matplotlib.figure import Figure

from nn_helpers import MLP, datasets, examples
from nn_helpers.lessons.descent import descent_run
from nn_helpers.lessons.one_neuron import neuron_accuracy
from nn_helpers.lessons.one_prediction import losses_at
from nn_helpers.widgets import (Explorer, activation_explorer, approximation_explorer, backprop_explorer,
                                backprop_stepper, digit_explorer, forward_explorer, learning_rate_explorer,
                                loss_explorer, neuron_data, neuron_explorer, optimizer_explorer, slope_explorer)
from nn_helpers.widgets import frames
from nn_helpers.widgets.base import set_control
from nn_helpers.widgets.frames import frame_png
from tests import REPO
from tests.lessons.examples import neuron_graph

pytestmark = pytest.mark.filterwarnings("error")


def made(explorers, explorer, **kwargs):
    """explorer(**kwargs), closed after the test (the ``explorers`` fixture)."""
    explorers.append(explorer(**kwargs))
    return explorers[-1]


def neuron(explorers, **kwargs):
    return made(explorers, neuron_explorer, **kwargs)


def title(explorer):
    return explorer.figure.axes[0].get_title()


# ---------------------------------------------------------------- the Explorer: controls, picture, snapshot, close

def test_explorers_leave_no_pyplot_figures_even_after_many_moves(explorers):
    # More than 20 open pyplot figures would warn; with warnings as errors, 21 moves each prove none is made.
    before = plt.get_fignums()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        e = neuron(explorers)
        for i in range(21):
            e.controls["w1"].value = -3 + 0.2 * i
        a = activation_explorer()
        explorers.append(a)
        for i in range(21):
            a.update(z=-3 + 0.2 * i)
    assert plt.get_fignums() == before
    assert len(e.figure.axes) == 2                                  # the plot and its colour bar, still


def test_snapshot_is_a_static_png_of_the_current_picture(explorers):
    e = neuron(explorers)
    first = e.snapshot()
    e.update(w2=-1.0)
    second = e.snapshot()
    assert first.data.startswith(b"\x89PNG") and second.data != first.data
    assert plt.get_fignums() == []


def test_close_closes_the_widgets_and_can_be_repeated():
    e = neuron_explorer()
    e.close()
    e.close()
    assert e.comm is None and e.view.comm is None and all(c.comm is None for c in e.controls.values())


def test_under_ipympl_the_canvas_is_the_view_and_updates_in_place():
    script = textwrap.dedent("""
        import matplotlib.pyplot as plt
        from ipympl.backend_nbagg import Canvas
        from nn_helpers.widgets import neuron_explorer, uses_ipympl
        assert uses_ipympl()
        e = neuron_explorer()
        assert isinstance(e.view, Canvas) and e.view is e.figure.canvas and e.view in e.children
        before = e.figure.axes[0].images[0].get_array().copy()
        e.update(w1=-2.0)
        assert (e.figure.axes[0].images[0].get_array() != before).any()
        assert "−2.0·x1" in e.figure.axes[0].get_title()
        assert plt.get_fignums() == []
        e.close()
        print("ok")
    """)
    env = {**os.environ, "MPLBACKEND": "module://ipympl.backend_nbagg"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                            cwd=REPO, timeout=60)
    assert result.stdout.strip() == "ok", result.stderr


def test_importing_nn_helpers_loads_neither_widgets_nor_matplotlib():
    heavy = ("nn_helpers.widgets.explorers", "nn_helpers.widgets.base", "nn_helpers.viz", "matplotlib",
             "ipywidgets")
    code = f"import sys, nn_helpers; print(sorted(m for m in {heavy} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            cwd=REPO)
    assert result.stdout.strip() == "[]", result.stderr


def test_update_rejects_an_int_slider_value_out_of_range_instead_of_clamping_it(explorers):
    e = approximation_explorer(units=4)
    explorers.append(e)
    for bad in (0, 41, -3):
        with pytest.raises(ValueError, match="whole number from 1 to 40"):
            e.update(units=bad)
    for bad in (4.5, "4", True):
        with pytest.raises(ValueError, match="whole number from 1 to 40"):
            e.update(units=bad)
    assert e.controls["units"].value == 4                 # nothing was changed by the bad values
    e.update(units=np.int64(40))
    assert e.controls["units"].value == 40


def test_a_float_log_slider_is_range_checked_in_its_values_not_its_exponents():
    def draw(figure, rate):
        if not figure.axes:
            figure.add_subplot().set_title(f"{rate:g}")
            return True
        figure.axes[0].set_title(f"{rate:g}")
        return False

    slider = ipywidgets.FloatLogSlider(value=0.1, base=10, min=-3, max=0)     # 0.001 .. 1
    e = Explorer(Figure(figsize=(3, 2)), {"rate": slider}, draw, columns=[["rate"]])
    try:
        e.update(rate=0.5)
        assert slider.value == pytest.approx(0.5)
        for bad in (2.0, 0.0001, -1.0):
            with pytest.raises(ValueError, match="between 0.001 and 1"):
                e.update(rate=bad)
        assert slider.value == pytest.approx(0.5)
    finally:
        e.close()


def test_close_survives_a_figure_that_cannot_be_cleared(explorers, monkeypatch):
    # At interpreter shutdown Widget.__del__ calls close(), and figure.clear() can then raise
    # (ImportError: sys.meta_path is None). close() must still close the widgets and not raise.
    e = approximation_explorer()

    def broken_clear(*args, **kwargs):
        raise ImportError("sys.meta_path is None, Python is likely shutting down")

    monkeypatch.setattr(e.figure, "clear", broken_clear)
    e.close()
    assert e.comm is None and e.view.comm is None
    assert all(control.comm is None for control in e.controls.values())
    e.close()                                             # a second close is still harmless


def test_updating_is_true_only_while_update_sets_the_controls(explorers):
    seen = []
    e = neuron(explorers)
    e.controls["w1"].observe(lambda change: seen.append(e.updating), names="value")
    e.update(w1=2.0, w2=0.5)                               # several controls, one redraw
    e.controls["w1"].value = -1.0                          # a slider moved by hand
    assert seen == [True, False] and not e.updating


def test_set_control_refuses_what_a_control_cannot_take():
    slider = ipywidgets.FloatSlider(value=0.0, min=-1, max=1)
    menu = ipywidgets.Dropdown(options=[("AND", "and"), ("OR", "or")], value="and")
    set_control(slider, "w1", 0.5)
    set_control(menu, "dataset", "or")
    assert (slider.value, menu.value) == (0.5, "or")
    with pytest.raises(ValueError, match="w1 must be between -1 and 1; got 2"):
        set_control(slider, "w1", 2)
    with pytest.raises(ValueError, match=r"dataset must be one of \['and', 'or'\]; got 'nand'"):
        set_control(menu, "dataset", "nand")


def test_explorers_built_on_a_network_a_graph_or_a_figure_check_it_first():
    from nn_helpers import examples
    from nn_helpers import widgets
    net, x, t = examples.mazur_example()
    with pytest.raises(TypeError, match="figure must be a matplotlib Figure .*; got str 'abc'"):
        widgets.figure_view("abc")
    with pytest.raises(TypeError, match=r"net must be an MLP \(nn_helpers.MLP\); got dict"):
        widgets.forward_explorer({"sizes": [2, 2, 2]})
    with pytest.raises(TypeError, match="boolean must be True or False; got str 'yes'"):
        widgets.forward_explorer(net, x, boolean="yes")
    with pytest.raises(TypeError, match="node_names must be a list of name lists, one per layer; got float"):
        widgets.forward_explorer(net, x, node_names=2.5)
    with pytest.raises(TypeError, match="net must be a trained MLP with 64 inputs; got NoneType"):
        widgets.digit_explorer(None, np.zeros((3, 64)))
    with pytest.raises(TypeError, match=r"interval must be \(low, high\), two numbers; got float 3.0"):
        widgets.approximation_explorer(interval=3.0)
    with pytest.raises(ValueError, match=r"interval must be \(low, high\) with low < high; got \(3, -3\)"):
        widgets.approximation_explorer(interval=(3, -3))
    with pytest.raises(TypeError, match="root must be a Value; got 'E'"):
        widgets.backprop_explorer("E")
    with pytest.raises(TypeError, match="root must be a Value; got nan"):
        widgets.backprop_steps(float("nan"))
    with pytest.raises(ValueError, match="lr must be finite; got nan"):
        widgets.backprop_stepper(net, x, t, lr=float("nan"))
    with pytest.raises(TypeError, match="x must be numeric"):
        widgets.backprop_stepper(net, "abc", t)
    assert not plt.get_fignums()                         # refused before anything was drawn


# ---------------------------------------------------------------- universal approximation (notebook 01)

def network_line(explorer):
    return next(line for line in explorer.figure.axes[0].lines if line.get_gid() == "network")


def gap_in_title(explorer):
    return float(explorer.figure.axes[0].get_title().rsplit(" ", 1)[1])


def test_approximation_explorer_has_its_controls_and_shows_a_png(explorers):
    e = approximation_explorer()
    explorers.append(e)
    assert isinstance(e, Explorer)
    assert set(e.controls) == {"units", "target"}
    assert (e.controls["units"].min, e.controls["units"].max, e.controls["units"].value) == (1, 40, 4)
    assert bytes(e.view.value).startswith(b"\x89PNG")
    assert e.figure.axes[0].get_title() == "4 hidden units: largest gap 0.534"


def test_moving_the_units_slider_changes_the_picture_and_the_gap_falls(explorers):
    e = approximation_explorer(units=1)
    explorers.append(e)
    before, png, gaps = network_line(e).get_ydata().copy(), e.view.value, [gap_in_title(e)]
    for k in (2, 4, 8, 16, 32):
        e.controls["units"].value = k                  # what dragging the slider does
        gaps.append(gap_in_title(e))
        assert len([l for l in e.figure.axes[1].lines if l.get_gid() == "unit"]) == k
    assert not np.allclose(network_line(e).get_ydata(), before)
    assert e.view.value != png
    assert all(later < earlier for earlier, later in zip(gaps, gaps[1:]))


def test_choosing_a_target_redraws_it_and_the_jump_keeps_its_gap(explorers):
    e = approximation_explorer(target="sin", units=10)
    explorers.append(e)
    e.update(target="step", units=40)
    target = next(line for line in e.figure.axes[0].lines if line.get_gid() == "target")
    assert set(np.unique(target.get_ydata())) == {0.0, 1.0}
    assert gap_in_title(e) >= 0.5
    assert "jump" in e.figure.axes[0].get_legend().get_texts()[0].get_text()


def test_approximation_explorer_rejects_bad_arguments():
    with pytest.raises(ValueError, match="expected one of"):
        approximation_explorer(target="cosine")
    with pytest.raises(ValueError, match="between 1 and 40"):
        approximation_explorer(units=41)


# ---------------------------------------------------------------- one neuron (notebook 02)

def test_neuron_explorer_is_a_widget_with_its_controls_and_picture(explorers):
    e = neuron(explorers)
    assert isinstance(e, (Explorer, ipywidgets.VBox))
    assert set(e.controls) == {"w1", "w2", "b", "activation", "dataset"}
    assert (e.controls["w1"].min, e.controls["w1"].max, e.controls["w1"].step) == (-5, 5, 0.1)
    assert list(e.controls["activation"].options) == ["step", "sigmoid", "tanh", "relu", "identity"]
    assert bytes(e.view.value).startswith(b"\x89PNG")                     # shown once, as a PNG
    assert title(e) == "a = sigmoid(1.0·x1 + 1.0·x2 − 1.5)\nAND: accuracy 100% (4 of 4 right)"


def test_moving_a_slider_redraws_image_line_title_and_png(explorers):
    e = neuron(explorers, activation="sigmoid")
    image = e.figure.axes[0].images[0]
    before = (image.get_array().copy(), e.view.value, title(e))
    e.controls["b"].value = -0.5                                    # as a learner's slider does
    assert not np.allclose(image.get_array(), before[0])
    assert e.view.value != before[1]
    assert title(e) == "a = sigmoid(1.0·x1 + 1.0·x2 − 0.5)\nAND: accuracy 50% (2 of 4 right)"
    assert e.figure.axes[0].images[0] is image                     # updated in place, not redrawn


def test_and_is_solved_by_a_step_neuron(explorers):
    e = neuron(explorers, dataset="AND", activation="step", w1=1, w2=1, b=-1.5)
    assert "accuracy 100%" in title(e)
    a = e.figure.axes[0].images[0].get_array()
    assert set(np.unique(a)) == {0.0, 1.0}                          # a step's output is 0 or 1


@pytest.mark.parametrize("w1, w2, b", [(1, 1, -0.5), (-1, 1, 0), (-3, -3, 4.5)])     # OR, "x2 > x1", NAND
def test_xor_stays_below_100_percent_for_any_single_neuron(explorers, w1, w2, b):
    e = neuron(explorers, dataset="xor", activation="step", w1=w1, w2=w2, b=b)
    assert "100%" not in title(e) and "XOR" in title(e)
    X, y = neuron_data("xor")
    assert neuron_accuracy(w1, w2, b, X, y) <= 0.75


def test_update_sets_several_controls_and_switches_data_set(explorers):
    e = neuron(explorers)
    e.update(dataset="moons", activation="tanh", w1=0.0, w2=-2.0, b=0.5)
    assert e.values == {"w1": 0.0, "w2": -2.0, "b": 0.5, "activation": "tanh", "dataset": "moons"}
    assert title(e).startswith("a = tanh(0.0·x1 − 2.0·x2 + 0.5)\nmoons: accuracy")
    points = sum(len(c.get_offsets()) for c in e.figure.axes[0].collections)
    assert points == 200


def test_bad_inputs_get_clear_messages(explorers):
    with pytest.raises(ValueError, match=r"unknown activation 'softplus'; expected one of \['step', 'sig"):
        neuron_explorer(activation="softplus")
    with pytest.raises(ValueError, match=r"unknown dataset 'nand'; expected one of \['and', 'or', 'xor'"):
        neuron_explorer(dataset="nand")
    with pytest.raises(ValueError, match="w1 must be between -5 and 5; got 7"):
        neuron_explorer(w1=7)
    with pytest.raises(ValueError, match="unknown activation"):
        activation_explorer("swish")
    e = neuron(explorers)
    with pytest.raises(ValueError, match=r"unknown control\(s\) \['w3'\]"):
        e.update(w3=1.0)
    with pytest.raises(ValueError, match="activation must be one of"):
        e.update(activation="softmax")
    with pytest.raises(ValueError, match="b must be between"):
        e.update(b=-9)


# ---------------------------------------------------------------- activation functions (notebook 03)

def test_activation_explorer_marks_z_and_switches_function(explorers):
    explorers.append(activation_explorer("sigmoid", z=0.0))
    e = explorers[-1]
    legend = lambda: [t.get_text() for t in e.figure.axes[0].get_legend().get_texts()]  # noqa: E731
    assert "f(0.00) = 0.500" in legend() and "f'(0.00) = 0.250" in legend()
    png = e.view.value
    e.controls["z"].value = 2.0
    assert "f(2.00) = 0.881" in legend() and e.view.value != png    # sigmoid(2) = 0.8808
    e.update(name="relu")
    assert e.figure.axes[0].get_title() == "relu: f(z) and its slope f'(z)"
    assert "f'(2.00) = 1.000" in legend()


# ---------------------------------------------------------------- the forward pass (notebook 04)

def notes(explorer):
    """The z/a notes under the nodes, in drawing order (inputs, hidden, output)."""
    return [t.get_text() for t in explorer.figure.axes[0].texts if t.get_gid() == "trace"]


def test_boolean_inputs_get_toggle_buttons_and_the_published_numbers(explorers):
    net, _, _ = examples.boolean_example()
    e = forward_explorer(net, x=[1, 0, 1])
    explorers.append(e)
    assert isinstance(e, (Explorer, ipywidgets.VBox))
    assert set(e.controls) == {"x1", "x2", "x3"}
    assert all(isinstance(c, ipywidgets.ToggleButtons) for c in e.controls.values())
    assert [e.controls[n].value for n in ("x1", "x2", "x3")] == [1, 0, 1]
    # hidden z = 1.0, 0.9, 0.9 -> a = 0.7311, 0.7109, 0.7109; output z = 1.2146, a = 0.77112
    assert notes(e) == ["a = 1", "a = 0", "a = 1", "z = 1.0000\na = 0.7311", "z = 0.9000\na = 0.7109",
                        "z = 0.9000\na = 0.7109", "z = 1.2146\na = 0.7711"]
    assert title(e) == "Forward pass for input (1, 0, 1): output 0.7711"
    assert bytes(e.view.value).startswith(b"\x89PNG")


def test_setting_an_input_from_python_changes_the_diagrams_numbers(explorers):
    net, _, _ = examples.boolean_example()
    e = forward_explorer(net, x=[1, 0, 1])
    explorers.append(e)
    png, ax = e.view.value, e.figure.axes[0]
    e.controls["x2"].value = 1                       # as a learner's click does
    # y = 1 adds column 2 of W^(1), (0.8, 0.5, 0.4), to the hidden z: 1.8, 1.4, 1.3
    assert notes(e)[3:6] == ["z = 1.8000\na = 0.8581", "z = 1.4000\na = 0.8022", "z = 1.3000\na = 0.7858"]
    assert title(e) == f"Forward pass for input (1, 1, 1): output {net.forward([1, 1, 1])[0]:.4f}"
    assert e.view.value != png
    assert e.figure.axes[0] is ax                   # numbers updated in place, not redrawn
    e.update(x1=0, x2=0, x3=0)
    assert notes(e)[3:] == ["z = 0.0000\na = 0.5000"] * 3 + [f"z = 0.8500\na = {net.forward([0, 0, 0])[0]:.4f}"]


def test_real_inputs_get_sliders_mazur(explorers):
    net, x, _ = examples.mazur_example()
    e = forward_explorer(net, x)
    explorers.append(e)
    assert all(isinstance(c, ipywidgets.FloatSlider) for c in e.controls.values())
    assert title(e) == "Forward pass for input (0.05, 0.1): output 0.7514, 0.7729"
    assert "z = 0.3775\na = 0.5933" in notes(e)     # net_h1 = 0.3775, out_h1 = 0.593269992
    e.update(x1=0.5)
    assert "z = 0.4450\na = 0.6094" in notes(e)     # 0.15 * 0.5 + 0.20 * 0.1 + 0.35 = 0.445


def test_forward_explorer_refuses_bad_values_and_shapes(explorers):
    net, _, _ = examples.boolean_example()
    e = forward_explorer(net, x=[1, 0, 1])
    explorers.append(e)
    with pytest.raises(ValueError, match="x2 must be one of"):
        e.update(x2=0.5)
    with pytest.raises(ValueError, match="unknown control"):
        e.update(y=1)
    with pytest.raises(ValueError, match=r"shape \(3,\)"):
        forward_explorer(net, x=[1, 0])


def test_forward_explorer_makes_no_pyplot_figures(explorers):
    net, _, _ = examples.boolean_example()
    before = plt.get_fignums()
    explorers.append(forward_explorer(net, x=None, boolean=True))
    assert plt.get_fignums() == before


# ---------------------------------------------------------------- losses of one prediction (notebook 05)

def marker(e, name, panel=0):
    key = ("point " if panel == 0 else "slope point ") + name
    artist = next(a for a in e.figure.axes[panel].get_children() if a.get_gid() == key)
    return float(artist.get_xdata()[0]), float(artist.get_ydata()[0])


def table(e):
    return e.figure.axes[2].texts[0].get_text()


def test_loss_explorer_has_its_controls_and_shows_a_png(explorers):
    e = made(explorers, loss_explorer, o=0.7, t=1)
    assert isinstance(e, Explorer)
    assert set(e.controls) == {"o", "t"}
    assert (e.controls["o"].min, e.controls["o"].max) == (0.01, 0.99)
    assert bytes(e.view.value).startswith(b"\x89PNG")
    assert "prediction o = 0.70" in table(e) and "target t = 1" in table(e)
    assert marker(e, "squared error") == pytest.approx((0.7, 0.045))


def test_moving_the_o_slider_moves_the_marks_and_the_numbers(explorers):
    e = made(explorers, loss_explorer, o=0.7, t=1)
    before = (table(e), e.view.value, marker(e, "cross-entropy"))
    e.controls["o"].value = 0.2                      # as a learner's slider does
    assert table(e) != before[0] and e.view.value != before[1]
    assert marker(e, "cross-entropy") == pytest.approx((0.2, -np.log(0.2)))
    assert marker(e, "cross-entropy", panel=1) == pytest.approx((0.2, -5.0))   # -1/0.2 = -5
    for name, (L, g) in losses_at(1, 0.2).items():
        assert f"{L:10.4f}{g:14.4f}" in table(e)     # the table prints nn_helpers.losses' numbers


def test_the_slope_panel_shows_cross_entropys_steep_slopes_at_their_true_values(explorers):
    # t = 1: dL/do = (o - t) / (o (1 - o)) = -1/o: -20 at o = 0.05, -100 at o = 0.01 (no plateau)
    e = made(explorers, loss_explorer, o=0.05, t=1)
    slope_ax = e.figure.axes[1]
    assert slope_ax.get_yscale() == "symlog"
    for o in (0.05, 0.01):
        e.update(o=o)
        dot = marker(e, "cross-entropy", panel=1)
        assert dot == pytest.approx((o, -1 / o))
        low, high = slope_ax.get_ylim()
        assert low < dot[1] < high
        assert "clipped" not in slope_ax.get_title()
    assert slope_ax.get_ylim()[1] < 5          # t = 1: every slope is <= 0, the panel shows that side
    e.update(t=0, o=0.99)                       # t = 0: dL/do = 1 / (1 - o) = 100
    assert marker(e, "cross-entropy", panel=1) == pytest.approx((0.99, 100.0))
    assert slope_ax.get_ylim()[0] > -5 and slope_ax.get_ylim()[1] > 100


def test_toggling_the_target_redraws_the_curves_in_place(explorers):
    e = made(explorers, loss_explorer, o=0.3, t=1)
    curve = next(a for a in e.figure.axes[0].lines if a.get_gid() == "curve cross-entropy")
    top_right = curve.get_ydata()[-1]
    e.update(t=0)
    assert curve in e.figure.axes[0].lines          # the same artist, new data
    assert curve.get_ydata()[-1] > top_right        # t = 0: -log(1 - o) rises at o -> 1
    assert marker(e, "absolute error") == pytest.approx((0.3, 0.3))
    assert "target t = 0" in table(e) and "(target $t$ = 0)" in e.figure.axes[0].get_title()


def test_loss_explorer_refuses_values_outside_its_controls(explorers):
    e = made(explorers, loss_explorer)
    with pytest.raises(ValueError, match="between 0.01 and 0.99"):
        e.update(o=1.2)
    with pytest.raises(ValueError, match="one of"):
        e.update(t=2)


# ---------------------------------------------------------------- slopes and the backward pass (notebook 06)

def texts(ax, gid):
    return [t.get_text() for t in ax.texts if t.get_gid() == gid]


def test_slope_explorer_updates_its_picture():
    e = slope_explorer()
    try:
        assert set(e.controls) == {"function", "x", "h", "method"}
        assert "x = 3, h = 1" in e.figure.axes[0].get_title()
        png = e.view.value
        e.update(h=0.01, method="central", function="sin x", x=1.0)
        ax = e.figure.axes[0]
        assert "f(x) = sin x at x = 1, h = 0.01 (central" in ax.get_title()
        assert "tangent, slope f'(x) = 0.5403" in ax.get_legend_handles_labels()[1]      # cos(1)
        assert e.view.value != png
        with pytest.raises(ValueError, match="between -3 and 3"):
            e.update(x=7.0)
    finally:
        e.close()
    with pytest.raises(ValueError, match="unknown function"):
        slope_explorer(function="cos")
    with pytest.raises(ValueError, match="h must be between"):
        slope_explorer(h=5.0)


def test_backprop_explorer_steps_through_the_graph():
    E, _ = neuron_graph()
    e = backprop_explorer(E)
    try:
        assert e.controls["step"].max == 26 and e.controls["step"].value == 26
        e.update(step=14)
        ax = e.figure.axes[0]
        assert ax.get_title() == "backward step 1: dE/dE = 1.0000"
        assert texts(ax, "grad") == ["grad 1.0000"]
        e.update(step=0)
        assert texts(e.figure.axes[0], "value") == []
        assert bytes(e.snapshot().data).startswith(b"\x89PNG")
    finally:
        e.close()
    with pytest.raises(ValueError, match="step must be a whole number from 0 to 26"):
        backprop_explorer(E, step=27)


# ---------------------------------------------------------------- backprop, edge by edge (notebook 07)

def highlighted(ax, gid="highlight"):
    return [np.c_[line.get_xdata(), line.get_ydata()] for line in ax.lines if line.get_gid() == gid]


def test_stepper_step_changes_highlight_and_text():
    net, x, t = examples.mazur_example()
    e = backprop_stepper(net, x, t)
    try:
        diagram, panel = e.figure.axes
        assert (e.controls["step"].min, e.controls["step"].max) == (1, 8)
        text = panel.texts[0].get_text()
        assert text.startswith("step 1 of 8") and "w5: the weight from h1 to o1" in text
        edge, png = highlighted(diagram)[0], e.view.value
        e.update(step=5)
        text = panel.texts[0].get_text()
        assert "w1: the weight from x1 to h1" in text and "0.000438568" in text
        assert not np.allclose(edge, highlighted(diagram)[0])
        assert len(highlighted(diagram, "highlight path")) == 2
        assert e.view.value != png
        e.controls["step"].value = 3                      # as a learner's slider does
        assert "w7" in panel.texts[0].get_text() and not highlighted(diagram, "highlight path")
    finally:
        e.close()
        plt.close("all")


# ---------------------------------------------------------------- learning rates (notebook 08)

def test_learning_rate_explorer_moves_the_path_when_the_slider_moves(explorers):
    e = made(explorers, learning_rate_explorer, lr=0.3)
    assert isinstance(e, Explorer)
    line = next(a for a in e.figure.axes[0].lines if a.get_gid() == "path")
    before = np.array(line.get_xdata(), dtype=float)
    e.update(lr=0.01)
    after = np.array(line.get_xdata(), dtype=float)
    assert not np.allclose(before, after)
    assert after == pytest.approx(descent_run("1d", 0.01, 20)["path"][:, 0])
    assert e.current["run"]["lr"] == pytest.approx(0.01)


def test_a_divergent_rate_is_labelled_divergent(explorers):
    e = made(explorers, learning_rate_explorer)
    e.update(lr=1.5)
    assert e.current["run"]["regime"] == "diverges"
    assert "diverges" in e.figure.axes[0].get_title()
    e.update(surface="2d", lr=0.2, steps=60)
    assert e.current["run"]["regime"] == "diverges"
    assert "diverges" in e.figure.axes[0].get_title()


def test_switching_surface_draws_afresh_and_steps_set_the_length(explorers):
    e = made(explorers, learning_rate_explorer, surface="2d", steps=7)
    assert len(e.current["run"]["path"]) == 8 and e.current["run"]["path"].shape[1] == 2
    e.update(surface="1d", steps=3)
    assert e.current["run"]["path"].shape == (4, 1)
    assert e.snapshot().data[:4] == b"\x89PNG"


@pytest.mark.parametrize("kwargs, message", [
    ({"lr": 5.0}, "lr must be between"), ({"lr": -1.0}, "lr"), ({"steps": 100}, "steps must be"),
    ({"surface": "3d"}, "unknown surface"),
])
def test_learning_rate_explorer_refuses_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        learning_rate_explorer(**kwargs)


# ---------------------------------------------------------------- handwritten digits (notebook 09)

@pytest.fixture(scope="module")
def digits():
    X, y = datasets.load_digits()
    net = MLP([64, 16, 10], activation="tanh", loss="cross_entropy", seed=0)
    net.fit(X[:300], y[:300], epochs=20, lr=0.2, batch_size=32, seed=0)
    return net, X[300:340], y[300:340]


def test_digit_explorer_slides_over_the_digits(digits, explorers):
    net, X, y = digits
    explorer = digit_explorer(net, X, y, index=2)
    explorers.append(explorer)
    assert isinstance(explorer.controls["index"], ipywidgets.IntSlider)
    assert explorer.controls["index"].max == len(X) - 1
    assert explorer.view.value[:4] == b"\x89PNG"
    for i in (2, 7, 0):
        explorer.controls["index"].value = i
        ax_img, ax_bar = explorer.figure.axes
        assert np.array_equal(ax_img.images[0].get_array(), X[i].reshape(8, 8))
        assert [bar.get_height() for bar in ax_bar.patches] == pytest.approx(net.forward(X[i]))
        assert ax_img.get_title() == f"image {i}"
        assert ax_bar.get_title().startswith(f"true {y[i]}, predicted {net.predict(X[i])}")


def test_digit_explorer_without_labels_and_bad_arguments(digits, explorers):
    net, X, y = digits
    explorer = digit_explorer(net, X)
    explorers.append(explorer)
    assert explorer.figure.axes[1].get_title().startswith("predicted ")
    with pytest.raises(ValueError, match="shape"):
        digit_explorer(net, X[:, :10])
    with pytest.raises(ValueError, match="one label per digit"):
        digit_explorer(net, X, y[:3])
    with pytest.raises(ValueError, match="index"):
        digit_explorer(net, X, y, index=len(X))
    with pytest.raises(ValueError):
        explorer.update(index=-1)


# ---------------------------------------------------------------- optimizers race (notebook 10)

def test_optimizer_explorer_moves_like_its_sliders_and_a_new_surface_brings_its_settings():
    explorer = optimizer_explorer()
    assert explorer.values == {"lr": 0.8, "beta": 0.5, "adam_lr": 0.3, "steps": 40, "surface": "valley"}
    assert len(explorer.view.value) > 1000                     # a PNG was rendered
    explorer.update(steps=10, beta=0.9)
    line = next(a for a in explorer.figure.axes[0].get_lines() if a.get_gid() == "path momentum")
    assert len(line.get_xdata()) == 11
    explorer.controls["surface"].value = "rosenbrock"           # as if chosen by hand
    assert explorer.values["lr"] == pytest.approx(0.001) and explorer.values["adam_lr"] == pytest.approx(0.1)
    assert "Rosenbrock" in explorer.figure.axes[0].get_title()
    explorer.close()


@pytest.mark.parametrize("kwargs, message", [
    ({"surface": "bowl"}, "unknown surface"), ({"lr": 5.0}, "lr must be one of"),
    ({"adam_lr": 0.25}, "adam_lr must be one of"),
    ({"beta": 1.5}, "beta must be between"), ({"steps": 0}, "steps"), ({"steps": 500}, "steps must be"),
])
def test_optimizer_explorer_rejects_bad_settings(kwargs, message):
    with pytest.raises((ValueError, TypeError), match=message):
        optimizer_explorer(**kwargs)


# ---------------------------------------------------------------- frames: only what changed is redrawn

def mazur_stepper():
    return backprop_stepper(*examples.mazur_example())


def small_digits():
    net = MLP([64, 10], output_activation="softmax", loss="cross_entropy", seed=0)
    return digit_explorer(net, np.random.default_rng(0).uniform(0, 16, (5, 64)), y=np.arange(5))


# explorer -> the moves made one after another: in place, with new limits, new menus, extremes
IN_PLACE = {
    "neuron": (neuron_explorer, [("w1", 1.1), ("w1", -3.0), ("b", 4.9), ("activation", "relu"), ("w2", -2.0),
                                 ("activation", "tanh"), ("w1", 0.3), ("activation", "step"), ("b", -5.0)]),
    "activation": (activation_explorer, [("z", 1.1), ("z", -5.9), ("z", 0.0), ("z", 6.0)]),
    "loss": (loss_explorer, [("o", 0.5), ("o", 0.01), ("o", 0.99), ("t", 0), ("o", 0.3)]),
    "learning rate, 1-D": (learning_rate_explorer, [("lr", 0.5), ("lr", 1.0), ("lr", 1.5), ("lr", 0.01),
                                                    ("steps", 5), ("steps", 60)]),
    "learning rate, 2-D": (lambda: learning_rate_explorer(surface="2d"),
                           [("lr", 0.01), ("lr", 0.09), ("lr", 0.11)]),
    "optimizer race": (optimizer_explorer, [("beta", 0.6), ("beta", 0.9), ("lr", 0.1), ("adam_lr", 0.5),
                                            ("steps", 300), ("steps", 3)]),
    "backprop stepper": (mazur_stepper, [("step", 2), ("step", 5), ("step", 8), ("step", 1)]),
    "forward pass": (lambda: forward_explorer(*examples.mazur_example()[:2]),
                     [("x1", 0.2), ("x2", -1.0), ("x1", 1.0)]),
    "digits": (small_digits, [("index", 1), ("index", 4), ("index", 0)]),
}


def frame_and_full_draw(explorer):
    """(the pixels the explorer's last frame drew, the pixels of a full draw of the same figure)."""
    frame = np.array(explorer.figure.canvas.buffer_rgba())
    explorer.figure.canvas.draw()
    return frame, np.asarray(explorer.figure.canvas.buffer_rgba())


@pytest.mark.parametrize("name", IN_PLACE)
def test_a_frame_has_exactly_the_pixels_of_a_full_draw(name, explorers):
    make, moves = IN_PLACE[name]
    explorers.append(make())
    e = explorers[-1]
    for control, value in moves:
        e.controls[control].value = value
        frame, full = frame_and_full_draw(e)
        differ = int((frame != full).any(axis=-1).sum())
        assert differ == 0, f"{name}, after {control} = {value}: {differ} pixels differ from a full draw"


def test_the_pixel_check_sees_an_artist_left_out_of_a_frame(explorers, monkeypatch):
    """The check above can fail: without the overlap rule, the neuron's points (drawn above the
    shaded output) are not redrawn over the new shading, and the frame differs from a full draw."""
    monkeypatch.setattr(frames, "_overlap", lambda a, b: False)
    e = neuron(explorers, w1=1.0)
    e.controls["w1"].value = 1.1                          # the first frame after a full one: its background
    e.controls["w1"].value = 3.0
    frame, full = frame_and_full_draw(e)
    assert (frame != full).any(axis=-1).sum() > 100


def test_a_move_redraws_only_what_changed(explorers, monkeypatch):
    """A w1 move redraws the shading, the line, the points and the title, not the axes' ticks and
    labels or the colour bar (whose limits stay 0 to 1 for the sigmoid); a full draw draws them all."""
    drawn = []
    axis_draw = Axis.draw
    monkeypatch.setattr(Axis, "draw", lambda self, renderer: drawn.append(self) or axis_draw(self, renderer))
    e = neuron(explorers, w1=1.0)
    e.controls["w1"].value = 1.1                           # builds the background: a full draw
    drawn.clear()
    for value in (1.2, 1.3, 1.4):
        e.controls["w1"].value = value
    assert drawn == []
    e.figure.canvas.draw()
    assert len(drawn) == 4                                 # x and y of the plot and of the colour bar


def test_frame_png_is_a_lossless_png_of_the_canvas():
    for alpha in (1.0, 0.5):
        figure = Figure(figsize=(2, 1), dpi=50)
        figure.patch.set_alpha(alpha)
        figure.add_subplot().plot([0, 1], [1, 0])
        canvas = frames.FrameCanvas(figure)
        canvas.draw()
        png = frame_png(canvas)
        pixels = np.asarray(PIL.Image.open(io.BytesIO(png)))
        buffer = np.asarray(canvas.buffer_rgba())
        assert np.array_equal(pixels, buffer[..., :pixels.shape[-1]])
        assert pixels.shape[-1] == (3 if alpha == 1 else 4)


# ---------------------------------------------------------------- where widgets do not run: a still and a sentence

def still_in(html):
    """(the PNG an HTML fallback embeds, decoded to pixels; its alt text)."""
    source, alt = re.search(r'<img src="data:image/png;base64,([^"]+)" alt="([^"]*)"', html).groups()
    return np.asarray(PIL.Image.open(io.BytesIO(base64.b64decode(source))).convert("RGB")), alt


def test_an_explorer_not_yet_run_shows_a_still_and_says_run_the_notebook(explorers):
    e = neuron(explorers, w1=2.0)
    data = e._repr_mimebundle_()
    assert set(data) == {"application/vnd.jupyter.widget-view+json", "text/html", "text/plain"}
    assert data["text/plain"].startswith("Run the notebook to move this") and "Explorer(" not in data["text/plain"]
    assert "Run the notebook to move this" in data["text/html"]
    pixels, alt = still_in(data["text/html"])
    width, height = e.figure.canvas.get_width_height()
    assert pixels.shape == (height, width, 3)
    assert alt.startswith("Still of the neuron explorer: a = sigmoid(2.0·x1") and "accuracy" in alt
    full = np.asarray(e.figure.canvas.buffer_rgba())[..., :3].astype(int)
    assert np.abs(pixels - full).mean() < 2                # 256 colours: close to the full picture


def test_a_snapshot_carries_its_alternative_text(explorers):
    e = made(explorers, activation_explorer, name="relu", z=1.0)
    data = e.snapshot()._repr_mimebundle_()
    source, alt = re.search(r'<img class="nn-figure" src="data:image/png;base64,([^"]+)" alt="([^"]*)"',
                            data["text/html"]).groups()
    assert base64.b64decode(source) == e.snapshot().data
    assert html.unescape(alt) == e.describe() == data["text/plain"]
    assert e.describe().startswith("Still of the activation explorer: ")


def test_every_control_has_a_name_a_screen_reader_can_announce(explorers, digits):
    net, X, y = digits
    made_all = [neuron_explorer(), activation_explorer(), loss_explorer(), slope_explorer(),
                learning_rate_explorer(), optimizer_explorer(), approximation_explorer(), mazur_stepper(), digit_explorer(net, X, y),
                forward_explorer(*examples.mazur_example()[:2]),
                backprop_explorer(neuron_graph()[0])]
    explorers.extend(made_all)
    for e in made_all:
        for name, control in e.controls.items():
            assert control.description.strip(), f"{e.name}: control {name} has no description"


def test_an_explorer_carries_the_script_that_names_its_sliders_and_picture(explorers):
    """(The browser tests check that the names arrive: tests/browser/test_lab_a11y.py.)"""
    e = neuron(explorers)
    assert e.namer in e.children and "nn-explorer" in e._dom_classes
    (output,) = e.namer.outputs
    script = output["data"]["application/javascript"]
    assert "PICTURE_ALT" not in script
    assert "picture.alt = \"The neuron explorer's picture for the settings above\"" in script
    assert "setAttribute('aria-label', text)" in script and ".noUi-handle" in script
    data = e._repr_mimebundle_()
    assert "application/javascript" not in data                # nothing of it in the notebook's outputs


def test_the_learning_rate_slider_moves_visibly_at_each_key_press(explorers):
    """A key press moves a slider by its step; the log slider's readout (3 digits) must change at
    each press from 0.3, on both sides (it showed 0.300, 0.301, ... with a step of 0.001)."""
    e = made(explorers, learning_rate_explorer, lr=0.3)
    slider = e.controls["lr"]
    exponents = np.log10(0.3) + slider.step * np.arange(-5, 6)
    readouts = [f"{slider.base ** x:.3g}" for x in exponents]
    assert len(set(readouts)) == len(readouts), readouts


def test_the_optimizer_race_sliders_share_one_track(explorers):
    e = made(explorers, optimizer_explorer)
    widths = {(c.style.description_width, c.layout.width, c.layout.margin) for n, c in e.controls.items()
              if n != "surface"}
    assert len(widths) == 1 and None not in next(iter(widths)), widths
