"""Explorers: moving a control from Python changes the picture, and nothing leaks.

Controls are set the way a learner's slider sets them (``control.value = ...``) or through
``explorer.update(...)``; the tests read the figure's artists (image array, title, legend)
and the PNG the Image widget holds. Under Agg the explorers take their PNG path; the ipympl
path runs in a subprocess, since importing ipympl switches matplotlib's backend.
"""
import os
import subprocess
import sys
import textwrap
import warnings

import ipywidgets
import matplotlib.pyplot as plt
import numpy as np
import pytest

from nn_helpers.viz import plotting
from nn_helpers.widgets.explorers import Explorer, activation_explorer, neuron_data, neuron_explorer
from tests import REPO

pytestmark = pytest.mark.filterwarnings("error")



def neuron(explorers, **kwargs):
    explorers.append(neuron_explorer(**kwargs))
    return explorers[-1]


def title(explorer):
    return explorer.figure.axes[0].get_title()


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
    assert plotting.neuron_accuracy(w1, w2, b, X, y) <= 0.75


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


def test_explorers_built_on_a_network_a_graph_or_a_figure_check_it_first():
    from nn_helpers import examples
    from nn_helpers.widgets import explorers as widgets
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
        from nn_helpers.widgets.explorers import neuron_explorer, uses_ipympl
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
    heavy = ("nn_helpers.widgets.explorers", "matplotlib", "ipywidgets")
    code = f"import sys, nn_helpers; print(sorted(m for m in {heavy} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            cwd=REPO)
    assert result.stdout.strip() == "[]", result.stderr
