"""viz.schematics: the biological and the artificial neuron (notebook 01), the notation of a layer
(notebook 04)."""
import matplotlib.pyplot as plt
import pytest
from matplotlib.figure import Figure

from nn_helpers.viz.schematics import plot_artificial_neuron, plot_biological_neuron, plot_notation

pytestmark = pytest.mark.filterwarnings("error")


def ax():
    return Figure().add_subplot()


def texts(ax):
    return " ".join(t.get_text() for t in ax.texts)


def test_biological_neuron_is_labelled_dendrites_soma_axon():
    ax = plot_biological_neuron()
    words = texts(ax)
    for part in ("dendrites", "cell body (soma)", "nucleus", "axon", "synapses", "direction of the signal"):
        assert part in words
    assert ax.get_title() and not ax.axison


def test_artificial_neuron_shows_inputs_weights_sum_activation_output():
    ax = plot_artificial_neuron(n_inputs=3)
    words = texts(ax)
    for part in ("$x_{1}$", "$x_{3}$", "$w_{2}$", r"$\Sigma$", "$f$", "bias $b$", "output", "activation"):
        assert part in words
    assert "$x_n$" in texts(plot_artificial_neuron(n_inputs=5))


def test_notation_diagram_names_layers_from_zero_and_the_weight_to_j_from_k():
    ax = plot_notation()
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "layer 0 (input)" in texts and "layer 2 (output)" in texts
    assert "$w^{(1)}_{21}$: the weight TO neuron 2 of layer 1 FROM neuron 1 of layer 0" in texts
    assert len([p for p in ax.patches if p.get_gid() == "node"]) == 7
    plt.close("all")


def test_artificial_neuron_inputs():
    with pytest.raises(TypeError, match="n_inputs must be an integer >= 1; got float 2.5"):
        plot_artificial_neuron(ax(), n_inputs=2.5)
    with pytest.raises(ValueError, match="n_inputs must be from 1 to 5"):
        plot_artificial_neuron(ax(), n_inputs=6)
    assert not plt.get_fignums()
