"""viz.approximation: a staircase network against its target, and each hidden unit's share
(notebook 01)."""
import numpy as np
import pytest

from nn_helpers import MLP
from nn_helpers.lessons.approximation import staircase_network
from nn_helpers.viz.approximation import plot_approximation, plot_hidden_contributions

pytestmark = pytest.mark.filterwarnings("error")


def test_plot_approximation_draws_target_and_network_and_reports_the_gap():
    net = staircase_network(np.sin, 4)
    ax = plot_approximation(net, np.sin, target_label="target sin(x)")
    assert ax.get_title() == "4 hidden units: largest gap 0.534"
    gids = [line.get_gid() for line in ax.lines]
    assert gids == ["target", "network"]
    np.testing.assert_allclose(ax.lines[1].get_ydata(), net.forward(ax.lines[1].get_xdata()[:, None])[:, 0])
    assert ax.get_xlabel() == "input x" and ax.get_ylabel() == "output"


def test_plot_hidden_contributions_draws_one_line_per_unit_summing_to_the_output():
    net = staircase_network(np.sin, 6)
    ax = plot_hidden_contributions(net)
    units = [line for line in ax.lines if line.get_gid() == "unit"]
    assert len(units) == 6
    x = units[0].get_xdata()
    total = sum(line.get_ydata() for line in units) + net.biases[1][0]
    np.testing.assert_allclose(total, net.forward(x[:, None])[:, 0], atol=1e-12)
    with pytest.raises(ValueError, match="1-k-1"):
        plot_hidden_contributions(MLP([1, 3, 3, 1]))
