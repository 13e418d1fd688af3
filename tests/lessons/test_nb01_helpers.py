"""Notebook 01's helpers: the best straight line (the most one neuron can get right), the
staircase network (universal approximation, built by hand), its plots, the approximation
explorer, and the biological / artificial neuron drawings."""
import numpy as np
import pytest

from nn_helpers import MLP
from nn_helpers.viz import diagrams, plotting
from nn_helpers.widgets.explorers import Explorer, approximation_explorer

pytestmark = pytest.mark.filterwarnings("error")


# ---------------------------------------------------------------- staircase_network

def test_staircase_is_a_1_k_1_sigmoid_network_with_the_documented_weights():
    net = plotting.staircase_network(np.sin, 4, interval=(-3, 3), steepness=100)
    assert isinstance(net, MLP) and net.sizes == [1, 4, 1]
    assert (net.hidden.name, net.output.name) == ("sigmoid", "identity")
    # 5 pieces of width d = 6/5 = 1.2; borders m_j = -3 + 1.2 j = -1.8, -0.6, 0.6, 1.8; bias -w m_j
    np.testing.assert_allclose(net.weights[0].ravel(), [100] * 4)
    np.testing.assert_allclose(net.biases[0], [180, 60, -60, -180])
    centres = np.array([-2.4, -1.2, 0.0, 1.2, 2.4])
    np.testing.assert_allclose(net.weights[1].ravel(), np.diff(np.sin(centres)))   # the jumps
    np.testing.assert_allclose(net.biases[1], [np.sin(-2.4)])                      # the start level


def test_on_each_piece_the_output_is_the_target_at_the_piece_centre():
    f = np.cos
    for k in (1, 3, 10):
        d = 4.0 / (k + 1)
        centres = -1 + d * (np.arange(k + 1) + 0.5)
        net = plotting.staircase_network(f, k, interval=(-1, 3))
        np.testing.assert_allclose(net.forward(centres[:, None])[:, 0], f(centres), atol=1e-9)


def test_the_largest_gap_falls_as_units_are_added_and_meets_the_bound():
    gaps = [plotting.approximation_error(plotting.staircase_network(np.sin, k), np.sin) for k in
            (1, 2, 4, 8, 16, 32)]
    assert all(later < earlier for earlier, later in zip(gaps, gaps[1:]))
    for k, gap in zip((1, 2, 4, 8, 16, 32), gaps):
        assert gap <= 3 / (k + 1) + 1e-3            # max |sin'| * (piece width) / 2
    assert gaps[-1] < 0.1


def test_a_jump_always_leaves_a_gap_of_at_least_half_its_height():
    _, jump = plotting.approximation_target("step")
    for k in (1, 5, 20, 40):
        assert plotting.approximation_error(plotting.staircase_network(jump, k), jump) >= 0.5


@pytest.mark.parametrize("kwargs, message", [
    (dict(units=0), "units"),
    (dict(units=3, interval=(2, -2)), "a < b"),
    (dict(units=3, steepness=-1), "steepness"),
])
def test_bad_staircase_arguments_say_what_is_wrong(kwargs, message):
    with pytest.raises(ValueError, match=message):
        plotting.staircase_network(np.sin, **kwargs)


def test_targets_by_name_and_unknown_names():
    assert set(plotting.APPROXIMATION_TARGETS) == {"sin", "abs", "bump", "step"}
    label, f = plotting.approximation_target("ABS")
    assert label == "|x|" and f(np.array([-2.0]))[0] == 2.0
    with pytest.raises(ValueError, match="expected one of"):
        plotting.approximation_target("cosine")


# ---------------------------------------------------------------- best_line (the best a single neuron can do)

def test_best_line_separates_separable_data_and_its_line_scores_what_it_says():
    X = np.array([[0.0, 0.0], [1.0, 0.2], [0.3, 1.0], [3.0, 3.0], [4.0, 2.5], [2.6, 4.0]])
    y = np.array([0, 0, 0, 1, 1, 1])
    w1, w2, b, accuracy = plotting.best_line(X, y)
    assert accuracy == 1.0 == plotting.neuron_accuracy(w1, w2, b, X, y)


def test_best_line_on_the_four_xor_corners_cuts_off_one_corner():
    # no line splits {(0,0), (1,1)} from {(0,1), (1,0)}; cutting off one corner gets 3 of 4 right
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    w1, w2, b, accuracy = plotting.best_line(X, np.array([0, 1, 1, 0]), directions=36)
    assert accuracy == 0.75 == plotting.neuron_accuracy(w1, w2, b, X, np.array([0, 1, 1, 0]))


def test_best_line_on_evenly_spread_xor_gets_two_thirds():
    # a line cutting a right triangle with legs 4/3 off one corner of [-1, 1]^2 gets 2/3 of the
    # area right (area right: L^2/2 + 2 - 2 (L - 1)^2 for legs L, largest at L = 4/3: 8/3 of 4)
    g = (np.arange(60) + 0.5) / 30 - 1                           # 60 x 60 grid, none on an axis
    X = np.array([(p, q) for p in g for q in g])
    y = ((X[:, 0] > 0) != (X[:, 1] > 0)).astype(int)
    assert abs(plotting.best_line(X, y, directions=180)[3] - 2 / 3) < 0.005


def test_best_line_is_never_beaten_by_a_random_line():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(int)
    best = plotting.best_line(X, y, directions=360)[3]
    for w1, w2, b in rng.normal(size=(200, 3)):
        assert plotting.neuron_accuracy(w1, w2, b, X, y) <= best + 1 / 40   # + one point: 360 directions


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(directions=0), ValueError, "directions"),
    (dict(directions=2.5), TypeError, "directions"),
])
def test_bad_best_line_arguments_say_what_is_wrong(kwargs, error, message):
    with pytest.raises(error, match=message):
        plotting.best_line(np.zeros((3, 2)), np.array([0, 1, 0]), **kwargs)


# ---------------------------------------------------------------- plots

def test_plot_approximation_draws_target_and_network_and_reports_the_gap():
    net = plotting.staircase_network(np.sin, 4)
    ax = plotting.plot_approximation(net, np.sin, target_label="target sin(x)")
    assert ax.get_title() == "4 hidden units: largest gap 0.534"
    gids = [line.get_gid() for line in ax.lines]
    assert gids == ["target", "network"]
    np.testing.assert_allclose(ax.lines[1].get_ydata(), net.forward(ax.lines[1].get_xdata()[:, None])[:, 0])
    assert ax.get_xlabel() == "input x" and ax.get_ylabel() == "output"


def test_plot_hidden_contributions_draws_one_line_per_unit_summing_to_the_output():
    net = plotting.staircase_network(np.sin, 6)
    ax = plotting.plot_hidden_contributions(net)
    units = [line for line in ax.lines if line.get_gid() == "unit"]
    assert len(units) == 6
    x = units[0].get_xdata()
    total = sum(line.get_ydata() for line in units) + net.biases[1][0]
    np.testing.assert_allclose(total, net.forward(x[:, None])[:, 0], atol=1e-12)
    with pytest.raises(ValueError, match="1-k-1"):
        plotting.plot_hidden_contributions(MLP([1, 3, 3, 1]))


# ---------------------------------------------------------------- the explorer

def network_line(explorer):
    return next(line for line in explorer.figure.axes[0].lines if line.get_gid() == "network")


def gap_in_title(explorer):
    return float(explorer.figure.axes[0].get_title().rsplit(" ", 1)[1])


def test_explorer_has_its_controls_and_shows_a_png(explorers):
    e = approximation_explorer()
    explorers.append(e)
    assert isinstance(e, Explorer)
    assert set(e.controls) == {"units", "target"}
    assert (e.controls["units"].min, e.controls["units"].max, e.controls["units"].value) == (1, 40, 4)
    assert bytes(e.view.value).startswith(b"\x89PNG")
    assert e.figure.axes[0].get_title() == "4 hidden units: largest gap 0.534"


def test_moving_the_slider_changes_the_picture_and_the_gap_falls(explorers):
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


def test_explorer_rejects_bad_arguments():
    with pytest.raises(ValueError, match="expected one of"):
        approximation_explorer(target="cosine")
    with pytest.raises(ValueError, match="between 1 and 40"):
        approximation_explorer(units=41)


# ---------------------------------------------------------------- the neuron drawings

def texts(ax):
    return " ".join(t.get_text() for t in ax.texts)


def test_biological_neuron_is_labelled_dendrites_soma_axon():
    ax = diagrams.plot_biological_neuron()
    words = texts(ax)
    for part in ("dendrites", "cell body (soma)", "nucleus", "axon", "synapses", "direction of the signal"):
        assert part in words
    assert ax.get_title() and not ax.axison


def test_artificial_neuron_shows_inputs_weights_sum_activation_output():
    ax = diagrams.plot_artificial_neuron(n_inputs=3)
    words = texts(ax)
    for part in ("$x_{1}$", "$x_{3}$", "$w_{2}$", r"$\Sigma$", "$f$", "bias $b$", "output", "activation"):
        assert part in words
    assert "$x_n$" in texts(diagrams.plot_artificial_neuron(n_inputs=5))


# ---------------------------------------------------------------- Explorer plumbing (shared by all explorers)

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
    import ipywidgets as widgets
    from matplotlib.figure import Figure

    def draw(figure, rate):
        if not figure.axes:
            figure.add_subplot().set_title(f"{rate:g}")
            return True
        figure.axes[0].set_title(f"{rate:g}")
        return False

    slider = widgets.FloatLogSlider(value=0.1, base=10, min=-3, max=0)     # 0.001 .. 1
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
