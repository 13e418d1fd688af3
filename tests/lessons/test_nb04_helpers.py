"""Notebook 04's helpers: the notation diagram and the forward-pass explorer.

The explorer is driven the way a learner drives it (``control.value = ...`` or
``explorer.update(...)``); the tests read the diagram's text artists: the z and a notes
under the nodes (gid "trace") and the title, which names the input and the output.
"""
import ipywidgets
import matplotlib.pyplot as plt
import pytest

from nn_helpers import examples
from nn_helpers.viz.diagrams import plot_notation
from nn_helpers.widgets.explorers import Explorer, forward_explorer

pytestmark = pytest.mark.filterwarnings("error")



def notes(explorer):
    """The z/a notes under the nodes, in drawing order (inputs, hidden, output)."""
    return [t.get_text() for t in explorer.figure.axes[0].texts if t.get_gid() == "trace"]


def title(explorer):
    return explorer.figure.axes[0].get_title()


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


def test_bad_values_and_shapes_raise_clear_errors(explorers):
    net, _, _ = examples.boolean_example()
    e = forward_explorer(net, x=[1, 0, 1])
    explorers.append(e)
    with pytest.raises(ValueError, match="x2 must be one of"):
        e.update(x2=0.5)
    with pytest.raises(ValueError, match="unknown control"):
        e.update(y=1)
    with pytest.raises(ValueError, match=r"shape \(3,\)"):
        forward_explorer(net, x=[1, 0])


def test_explorer_makes_no_pyplot_figures(explorers):
    net, _, _ = examples.boolean_example()
    before = plt.get_fignums()
    explorers.append(forward_explorer(net, x=None, boolean=True))
    assert plt.get_fignums() == before


def test_notation_diagram_names_layers_from_zero_and_the_weight_to_j_from_k():
    ax = plot_notation()
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "layer 0 (input)" in texts and "layer 2 (output)" in texts
    assert "$w^{(1)}_{21}$: the weight TO neuron 2 of layer 1 FROM neuron 1 of layer 0" in texts
    assert len([p for p in ax.patches if p.get_gid() == "node"]) == 7
    plt.close("all")
