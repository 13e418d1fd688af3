"""Bad input anywhere a learner can type gets a clear ValueError or TypeError; edge cases stay finite.

The sweep: every public callable of nn_helpers (found by ``inspect``; a test fails when one is
neither in ``CASES`` nor in ``NOT_SWEPT`` with a reason) is first called with good arguments,
then with each parameter in turn replaced by each value of ``BAD``. Each such call must either

* raise ValueError or TypeError whose message names the parameter or says what was expected
  and what came (``must``, ``expected``, ``got``), or
* work, when the value is one the parameter may take (None for an optional argument, -7 for
  a weight, a string for a title); a string, an object, a list of strings or a dict is taken
  only by parameters listed as taking it.

Anything else (AttributeError, IndexError, KeyError, ZeroDivisionError, a numpy error, or a
message like "'str' object is not callable") fails, naming the function, the parameter and the
value. There are no known gaps: every swept parameter passes.
The checkers of ``nn_helpers.course.exercises`` answer every BAD value, given or returned by the
learner's function, with one "Not quite" line instead of an exception (tests/test_exercises.py
adds functions that raise or return NaN).

Then the numerical edge cases of the network: inputs of size 1e4, all-zero inputs, one sample,
one class, and a learning rate large enough to diverge.
"""
import copy
import dataclasses
import importlib
import inspect
import math
import re
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from nn_helpers import MLP, examples

MODULES = {"activations": "activations", "losses": "losses", "network": "network", "gradcheck": "gradcheck",
           "datasets": "datasets", "examples": "examples", "plotting": "viz.plotting", "diagrams": "viz.diagrams",
           "widgets": "widgets.explorers", "playground": "widgets.playground.training",
           "playground_config": "widgets.playground.config", "playground_figure": "widgets.playground.figure",
           "playground_widget": "widgets.playground.widget", "autodiff": "autodiff", "optimizers": "optimizers",
           "quiz": "course.quiz", "quizzes": "course.quizzes"}

# Wrong types, names, shapes and ranges. (No huge sizes: n_samples=10**9 is a memory error
# waiting to happen, not a message; the playground's controls cap every size.)
BAD = {
    "None": None,
    "a string": "abc",
    "an object": object(),
    "a list of strings": ["a", "b"],
    "a dict": {"a": 1},
    "NaN": math.nan,
    "-inf": -math.inf,
    "a negative number": -7,
    "a fraction": 2.5,
    "True": True,
    "an empty array": np.zeros(0),
    "a 3-D array": np.zeros((2, 3, 4)),
    "an array with NaN": np.array([[math.nan, 1.0]]),
}
# Values no parameter may take silently, unless it says it takes them (see Case.takes).
NEVER_TAKEN = {"a string", "an object", "a list of strings", "a dict"}
HELPFUL = re.compile(r"\b(must|expected|got|needs?|should|one of|unknown|only)\b", re.IGNORECASE)


class Fresh:
    """An argument made anew for every call (an Axes, a network, a recording)."""

    def __init__(self, make):
        self.make = make


class Method:
    """A method of an object made anew for every call: Method(make_object, cls, "name")."""

    def __init__(self, make, cls, name):
        self.make, self.cls, self.name = make, cls, name

    def __call__(self):
        return getattr(self.make(), self.name)

    def signature(self):
        """The method's signature without self (read from the class: no object is made)."""
        parameters = list(inspect.signature(getattr(self.cls, self.name)).parameters.values())
        return inspect.Signature(parameters[1:])


@dataclasses.dataclass
class Case:
    """How to call one public callable well. ``args``: good values (Fresh for made-per-call ones);
    every parameter of the signature is swept, its good value taken from ``args`` or its default.
    ``takes``: parameter -> labels of BAD it may take (``"any"``: free text or any object).
    ``skip``: parameters not swept, with the reason in a comment where they are listed."""
    target: object
    args: dict = dataclasses.field(default_factory=dict)
    takes: dict = dataclasses.field(default_factory=dict)
    skip: tuple = ()


# ---------------------------------------------------------------------- things to call with

def ax():
    return Figure().add_subplot()


def axes_pair():
    return Figure().subplots(1, 2)


def net_221():
    return examples.mazur_example()[0]


def digits_net():
    return MLP([64, 10], output_activation="softmax", loss="cross_entropy", seed=0)


def small_config():
    from nn_helpers.widgets.playground.config import PlaygroundConfig
    return PlaygroundConfig(n_samples=40, epochs=3, frames=2, hidden=(3,))


_RECORDING = {}


def recording():
    """One small recorded training run (recorded once, shared: nothing here changes it)."""
    if not _RECORDING:
        from nn_helpers.widgets.playground.training import make_data, record_training
        config = small_config()
        X_train, X_test, y_train, y_test = make_data(config)
        _RECORDING["rec"] = record_training(config, X_train, y_train, X_test, y_test)
    return _RECORDING["rec"]


def value_graph():
    from nn_helpers.autodiff import Value
    a, b = Value(2.0, label="a"), Value(-3.0, label="b")
    E = (a * b + 1.0).tanh()
    E.backward()
    return E


def neuron_axes():
    from nn_helpers.viz import plotting
    from nn_helpers.widgets import explorers as widgets
    X, y = widgets.neuron_data("and")
    return plotting.plot_neuron(1.0, 1.0, -1.5, "sigmoid", X, y, ax=ax())


def activation_axes():
    from nn_helpers.viz import diagrams
    return diagrams.plot_activation("sigmoid", ax())


def losses_axes():
    from nn_helpers.viz import plotting
    return plotting.plot_losses_at(1, 0.7, Figure().subplots(1, 3))


def digit_axes():
    from nn_helpers.viz import plotting
    return plotting.plot_digit_prediction(np.zeros(64), np.full(10, 0.1), 3, axes_pair())


def descent_axes():
    from nn_helpers.viz import plotting
    return plotting.plot_descent_run(plotting.descent_run("1d", 0.1, 5), axes_pair())


def race_axes():
    from nn_helpers.viz import plotting
    return plotting.plot_optimizer_race("valley", plotting.race_paths("valley", 0.1, 0.5, 0.1, 5), axes_pair())


def network_axes():
    from nn_helpers.viz import diagrams
    return diagrams.plot_network(net_221(), ax())


def race():
    from nn_helpers.viz import plotting
    return plotting.race_paths("valley", 0.1, 0.5, 0.1, 5)


def explorer():
    from nn_helpers.widgets import explorers as widgets
    return widgets.activation_explorer()


def pg():
    from nn_helpers.widgets.playground.training import playground
    return playground(small_config(), backend="static")


def make_playground_figure():
    from nn_helpers.widgets.playground.figure import PlaygroundFigure, new_figure
    return PlaygroundFigure(new_figure(), recording())


X4 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y4 = np.array([0, 1, 1, 0])
SOFT = np.array([[0.2, 0.8], [0.6, 0.4]])
TARGET = np.array([[0.0, 1.0], [1.0, 0.0]])


def _cases():
    from nn_helpers import activations, autodiff, datasets, gradcheck, losses, optimizers
    from nn_helpers.viz import diagrams, plotting
    from nn_helpers.widgets import explorers as widgets
    from nn_helpers.widgets.playground import config as playground_config, figure as playground_figure
    from nn_helpers.widgets.playground import training as playground, widget as playground_widget
    cases = {}
    # activations: any shape of numbers; softmax along the last axis
    for name in activations.ACTIVATIONS:
        for fn in (getattr(activations, name), getattr(activations, f"{name}_prime")):
            cases[f"activations.{fn.__name__}"] = Case(fn, {"z": np.array([[-1.0, 0.5]])})
    cases["activations.get_activation"] = Case(activations.get_activation, {"name": "tanh"})
    for name in losses.LOSSES:
        for fn in (getattr(losses, name), getattr(losses, f"{name}_grad")):
            cases[f"losses.{fn.__name__}"] = Case(fn, {"y": TARGET, "y_hat": SOFT})
    cases["losses.get_loss"] = Case(losses.get_loss, {"name": "mse"})
    # the network
    cases["network.MLP"] = Case(MLP, {"sizes": [2, 3, 1], "activation": "tanh", "output_activation": "sigmoid",
                                      "loss": "binary_cross_entropy", "seed": 0},
                                takes={"output_activation": {"None"}, "seed": {"None"}, "weights": {"None"},
                                       "biases": {"None"}})
    xor_net = lambda: MLP([2, 3, 1], "tanh", "sigmoid", "binary_cross_entropy", seed=0)  # noqa: E731
    for method in ("forward", "forward_trace", "predict"):
        cases[f"network.MLP.{method}"] = Case(Method(xor_net, MLP, method), {"X": X4})
    for method in ("loss", "gradients"):
        cases[f"network.MLP.{method}"] = Case(Method(xor_net, MLP, method), {"X": X4, "Y": Y4})
    cases["network.MLP.accuracy"] = Case(Method(xor_net, MLP, "accuracy"), {"X": X4, "y": Y4})
    cases["network.MLP.fit"] = Case(Method(xor_net, MLP, "fit"), {"X": X4, "Y": Y4, "epochs": 3, "lr": 0.5},
                                    takes={"batch_size": {"None"}, "seed": {"None"}, "callback": {"None"},
                                           "validation_data": {"None"}})
    cases["network.MLP.copy"] = Case(Method(xor_net, MLP, "copy"))
    # gradcheck
    cases["gradcheck.numerical_gradient"] = Case(gradcheck.numerical_gradient,
                                                 {"f": lambda v: float(np.sum(v ** 2)), "x": np.array([1.0, 2.0])})
    cases["gradcheck.numerical_gradients"] = Case(gradcheck.numerical_gradients,
                                                  {"net": Fresh(xor_net), "X": X4, "Y": Y4})
    cases["gradcheck.gradient_check"] = Case(gradcheck.gradient_check, {"net": Fresh(xor_net), "X": X4, "Y": Y4})
    cases["gradcheck.relative_error"] = Case(gradcheck.relative_error, {"a": np.ones(2), "b": np.ones(2)})
    # datasets
    for name in ("make_moons", "make_circles", "make_xor", "make_spiral", "make_gaussians"):
        cases[f"datasets.{name}"] = Case(getattr(datasets, name), {"n_samples": 20}, takes={"seed": {"None"}})
    cases["datasets.make_dataset"] = Case(datasets.make_dataset, {"name": "moons", "n_samples": 20},
                                          takes={"seed": {"None"}})
    # F(x, y, z) = xy + not z takes Python truth values: anything and / or / not work on, as they do
    cases["datasets.xy_plus_not_z"] = Case(datasets.xy_plus_not_z, {"x": 1, "y": 0, "z": 1}, skip=("x", "y", "z"))
    cases["datasets.truth_table"] = Case(datasets.truth_table, {"n_inputs": 3})
    cases["datasets.one_hot"] = Case(datasets.one_hot, {"y": Y4}, takes={"n_classes": {"None"}})
    cases["datasets.train_test_split"] = Case(datasets.train_test_split, {"X": X4, "y": Y4},
                                              takes={"seed": {"None"}})
    cases["datasets.load_digits"] = Case(datasets.load_digits, {"scale": True})
    cases["examples.mazur_example"] = Case(examples.mazur_example)
    cases["examples.boolean_example"] = Case(examples.boolean_example)
    # plotting
    titles = {"title": "any", "label": "any", "label_prefix": "any", "name": "any", "target_label": "any",
              "dataset_name": "any", "xlabel": "any", "ylabel": "any"}
    cases["plotting.decision_grid"] = Case(plotting.decision_grid, {"model": Fresh(xor_net), "xlim": (-1, 1),
                                                                    "ylim": (-1, 1), "resolution": 5})
    cases["plotting.plot_points"] = Case(plotting.plot_points, {"X": X4, "y": Y4, "ax": Fresh(ax)},
                                         takes={**titles, "ax": {"None"}, "marker": "any", "edgecolor": "any"})
    cases["plotting.plot_decision_boundary"] = Case(
        plotting.plot_decision_boundary, {"model": Fresh(xor_net), "X": X4, "y": Y4, "ax": Fresh(ax),
                                          "resolution": 5},
        takes={**titles, "ax": {"None"}, "X_test": {"None"}, "y_test": {"None"}})
    neuron_args = {"w1": 1.0, "w2": 1.0, "b": -1.5, "activation": "sigmoid"}
    cases["plotting.neuron"] = Case(plotting.neuron, neuron_args)
    cases["plotting.neuron_formula"] = Case(plotting.neuron_formula, neuron_args)
    cases["plotting.neuron_accuracy"] = Case(plotting.neuron_accuracy, {"w1": 1.0, "w2": 1.0, "b": -1.5, "X": X4,
                                                                        "y": Y4})
    cases["plotting.best_line"] = Case(plotting.best_line, {"X": X4, "y": Y4, "directions": 12})
    cases["plotting.plot_neuron"] = Case(plotting.plot_neuron, {**neuron_args, "X": X4, "y": Y4, "ax": Fresh(ax),
                                                                "resolution": 10},
                                         takes={**titles, "ax": {"None"}})
    cases["plotting.update_neuron"] = Case(plotting.update_neuron, {**neuron_args, "X": X4, "y": Y4,
                                                                    "ax": Fresh(neuron_axes)}, takes=titles)
    cases["plotting.plot_loss_curve"] = Case(plotting.plot_loss_curve, {"history": {"loss": [0.7, 0.5]},
                                                                        "ax": Fresh(ax)},
                                             takes={**titles, "ax": {"None"}, "mark_epoch": {"None"}})
    cases["plotting.descent_path"] = Case(plotting.descent_path, {"grad": lambda w: 2 * w, "start": [1.0],
                                                                  "lr": 0.1, "steps": 3})
    cases["plotting.plot_descent_path"] = Case(plotting.plot_descent_path,
                                               {"path": np.array([[1.0, 1.0], [0.5, 0.5]]), "ax": Fresh(ax)},
                                               takes={**titles, "ax": {"None"}, "color": "any"})
    cases["plotting.plot_loss_surface"] = Case(plotting.plot_loss_surface,
                                               {"f": lambda a, b: a ** 2 + b ** 2, "xlim": (-1, 1), "ylim": (-1, 1),
                                                "ax": Fresh(ax), "resolution": 8, "levels": 5},
                                               takes={**titles, "ax": {"None"}, "path": {"None"}})
    cases["plotting.loss_curves"] = Case(plotting.loss_curves, {"t": 1, "o": np.array([0.2, 0.7])})
    cases["plotting.losses_at"] = Case(plotting.losses_at, {"t": 1, "o": 0.7})
    cases["plotting.plot_losses_at"] = Case(plotting.plot_losses_at, {"t": 1, "o": 0.7, "axes": Fresh(axes_pair)},
                                            takes={"axes": {"None"}})
    cases["plotting.update_losses_at"] = Case(plotting.update_losses_at, {"t": 0, "o": 0.3,
                                                                          "axes": Fresh(losses_axes)})
    cases["plotting.approximation_target"] = Case(plotting.approximation_target, {"name": "sin"})
    cases["plotting.staircase_network"] = Case(plotting.staircase_network, {"f": np.sin, "units": 4})
    staircase = lambda: plotting.staircase_network(np.sin, 4)  # noqa: E731
    cases["plotting.approximation_error"] = Case(plotting.approximation_error,
                                                 {"net": Fresh(staircase), "f": np.sin, "n": 11})
    cases["plotting.plot_approximation"] = Case(plotting.plot_approximation,
                                                {"net": Fresh(staircase), "f": np.sin, "ax": Fresh(ax)},
                                                takes={**titles, "ax": {"None"}})
    cases["plotting.plot_hidden_contributions"] = Case(plotting.plot_hidden_contributions,
                                                       {"net": Fresh(staircase), "ax": Fresh(ax)},
                                                       takes={**titles, "ax": {"None"}})
    cases["plotting.digit_title"] = Case(plotting.digit_title, {"probabilities": np.full(10, 0.1), "true_label": 3},
                                         takes={**titles, "true_label": {"None"}})
    cases["plotting.plot_digit_prediction"] = Case(
        plotting.plot_digit_prediction, {"image": np.zeros(64), "probabilities": np.full(10, 0.1), "true_label": 3,
                                         "axes": Fresh(axes_pair)},
        takes={**titles, "axes": {"None"}, "true_label": {"None"}})
    cases["plotting.update_digit_prediction"] = Case(
        plotting.update_digit_prediction, {"image": np.zeros(64), "probabilities": np.full(10, 0.1),
                                           "true_label": 3, "axes": Fresh(digit_axes)},
        takes={**titles, "true_label": {"None"}})
    cases["plotting.classify_descent"] = Case(plotting.classify_descent, {"path": np.array([[1.0], [0.5], [0.25]]),
                                                                         "gaps": np.array([1.0, 0.25, 0.06])})
    cases["plotting.descent_run"] = Case(plotting.descent_run, {"surface": "1d", "lr": 0.1, "steps": 5})
    run = lambda: plotting.descent_run("1d", 0.1, 5)  # noqa: E731
    cases["plotting.plot_descent_run"] = Case(plotting.plot_descent_run, {"run": Fresh(run), "axes": Fresh(axes_pair)})
    cases["plotting.update_descent_run"] = Case(plotting.update_descent_run,
                                                {"run": Fresh(run), "axes": Fresh(descent_axes)})
    cases["plotting.optimizer_surface"] = Case(plotting.optimizer_surface, {"name": "valley"})
    cases["plotting.race_paths"] = Case(plotting.race_paths, {"surface": "valley", "lr": 0.1, "beta": 0.5,
                                                              "adam_lr": 0.1, "steps": 5})
    cases["plotting.race_losses"] = Case(plotting.race_losses, {"surface": "valley", "paths": Fresh(race)})
    cases["plotting.plot_optimizer_race"] = Case(plotting.plot_optimizer_race,
                                                 {"surface": "valley", "paths": Fresh(race), "axes": Fresh(axes_pair)},
                                                 takes={"axes": {"None"}, "settings": {"None"}})
    cases["plotting.update_optimizer_race"] = Case(plotting.update_optimizer_race,
                                                   {"surface": "valley", "paths": Fresh(race), "axes": Fresh(race_axes)},
                                                   takes={"settings": {"None"}})
    # diagrams
    cases["diagrams.plot_network"] = Case(diagrams.plot_network, {"net": Fresh(net_221), "ax": Fresh(ax)},
                                          takes={**titles, "ax": {"None"}, "trace": {"None"}, "gradients": {"None"},
                                                 "node_names": {"None"}})
    cases["diagrams.activation_curves"] = Case(diagrams.activation_curves, {"name": "tanh", "z": np.linspace(-1, 1, 5)})
    cases["diagrams.plot_activation"] = Case(diagrams.plot_activation, {"name": "tanh", "ax": Fresh(ax)},
                                             takes={"ax": {"None"}, "mark": {"None"}})
    cases["diagrams.mark_activation"] = Case(diagrams.mark_activation, {"ax": Fresh(activation_axes),
                                                                        "name": "sigmoid", "z0": 0.5})
    mazur = examples.mazur_example()
    cases["diagrams.chain_rule_factors"] = Case(diagrams.chain_rule_factors, {"net": Fresh(net_221), "x": mazur[1],
                                                                              "t": mazur[2]})
    record = diagrams.chain_rule_factors(*mazur)[0]
    cases["diagrams.factors_text"] = Case(diagrams.factors_text, {"record": record})
    cases["diagrams.mark_edges"] = Case(diagrams.mark_edges, {"ax": Fresh(network_axes), "net": Fresh(net_221),
                                                              "edge": (2, 0, 0), "paths": [(1, 0, 0)]})
    cases["diagrams.plot_slope"] = Case(diagrams.plot_slope, {"f": np.sin, "x": 1.0, "h": 0.5, "ax": Fresh(ax)},
                                        takes={**titles, "ax": {"None"}, "f_prime": {"None"}})
    cases["diagrams.graph_layout"] = Case(diagrams.graph_layout, {"root": Fresh(value_graph)})
    cases["diagrams.plot_graph"] = Case(diagrams.plot_graph, {"root": Fresh(value_graph), "ax": Fresh(ax)},
                                        takes={**titles, "ax": {"None"}, "forward": {"None"}, "backward": {"None"}})
    for name in ("plot_notation", "plot_biological_neuron", "plot_artificial_neuron"):
        cases[f"diagrams.{name}"] = Case(getattr(diagrams, name), {"ax": Fresh(ax)}, takes={**titles, "ax": {"None"}})
    # widgets (under Agg: the PNG path)
    cases["widgets.uses_ipympl"] = Case(widgets.uses_ipympl)
    cases["widgets.figure_view"] = Case(widgets.figure_view, {"figure": Fresh(Figure)})
    cases["widgets.neuron_data"] = Case(widgets.neuron_data, {"name": "xor"})
    cases["widgets.neuron_explorer"] = Case(widgets.neuron_explorer)
    cases["widgets.activation_explorer"] = Case(widgets.activation_explorer)
    cases["widgets.loss_explorer"] = Case(widgets.loss_explorer)
    cases["widgets.backprop_stepper"] = Case(widgets.backprop_stepper, {"net": Fresh(net_221), "x": mazur[1],
                                                                        "t": mazur[2]})
    cases["widgets.slope_explorer"] = Case(widgets.slope_explorer)
    cases["widgets.backprop_steps"] = Case(widgets.backprop_steps, {"root": Fresh(value_graph)})
    cases["widgets.backprop_explorer"] = Case(widgets.backprop_explorer, {"root": Fresh(value_graph)},
                                              takes={"step": {"None"}})
    cases["widgets.forward_explorer"] = Case(widgets.forward_explorer, {"net": Fresh(net_221), "x": mazur[1]},
                                             takes={"x": {"None"}, "boolean": {"None"}, "node_names": {"None"}})
    cases["widgets.approximation_explorer"] = Case(widgets.approximation_explorer)
    cases["widgets.digit_explorer"] = Case(widgets.digit_explorer, {"net": Fresh(digits_net),
                                                                    "X": np.zeros((3, 64))}, takes={"y": {"None"}})
    cases["widgets.learning_rate_explorer"] = Case(widgets.learning_rate_explorer)
    cases["widgets.optimizer_explorer"] = Case(widgets.optimizer_explorer,
                                               takes={"lr": {"None"}, "beta": {"None"}, "adam_lr": {"None"}})
    cases["widgets.Explorer.update"] = Case(Method(explorer, widgets.Explorer, "update"), {"z": 0.5})
    # the playground
    cases["playground_config.PlaygroundConfig"] = Case(playground_config.PlaygroundConfig,
                                                       takes={"batch_size": {"None"}})
    cases["playground_config.PlaygroundConfig.from_string"] = Case(playground_config.PlaygroundConfig.from_string,
                                                                   {"text": "dataset=xor;seed=3"})
    cases["playground_config.PlaygroundConfig.replace"] = Case(
        Method(small_config, playground_config.PlaygroundConfig, "replace"), {"dataset": "xor", "epochs": 4})
    cases["playground_config.check_points"] = Case(playground_config.check_points,
                                                   {"points": [(0.5, 0.5, 1)], "n_classes": 2})
    cases["playground.make_data"] = Case(playground.make_data, {"config": Fresh(small_config)})
    cases["playground.network_spec"] = Case(playground.network_spec, {"config": Fresh(small_config)})
    data = playground.make_data(small_config())
    cases["playground.record_training"] = Case(playground.record_training, {
        "config": Fresh(small_config), "X_train": data[0], "y_train": data[2], "X_test": data[1], "y_test": data[3]},
        takes={"progress": {"None"}})
    cases["playground.hidden_space"] = Case(playground.hidden_space, {"rec": Fresh(recording), "i": 1})
    cases["playground.frame_view"] = Case(playground.frame_view, {"rec": Fresh(recording), "i": 1, "resolution": 5})
    cases["playground.playground"] = Case(playground.playground, {"config": Fresh(small_config), "backend": "static"},
                                          takes={"config": {"None"}})
    cases["playground_widget.Playground"] = Case(playground_widget.Playground,
                                                 {"config": Fresh(small_config), "backend": "static"},
                                                 takes={"config": {"None", "a string"}})
    cases["playground_widget.Playground.load"] = Case(Method(pg, playground_widget.Playground, "load"), {"text": "epochs=2;frames=2"},
                                                      takes={"text": set(BAD)})    # reported in the status line
    cases["playground_widget.Playground.set_points"] = Case(Method(pg, playground_widget.Playground, "set_points"), {"points": [(0.1, 0.2, 1)]})
    cases["playground_widget.Playground.show_frame"] = Case(Method(pg, playground_widget.Playground, "show_frame"), {"i": 1})
    cases["playground_widget.Playground.set_controls"] = Case(Method(pg, playground_widget.Playground, "set_controls"),
                                                              {"config": Fresh(small_config)})
    cases["playground_figure.class_image"] = Case(playground_figure.class_image, {"output": np.full((4, 4, 1), 0.3)})
    cases["playground_figure.boundary_segments"] = Case(playground_figure.boundary_segments, {
        "output": np.linspace(0, 1, 16).reshape(4, 4, 1), "xs": np.linspace(0, 1, 4), "ys": np.linspace(0, 1, 4)})
    cases["playground_figure.neuron_mosaic"] = Case(playground_figure.neuron_mosaic,
                                                    {"hidden": [np.zeros((4, 4, 3))], "activation": "tanh"})
    cases["playground_figure.PlaygroundFigure"] = Case(playground_figure.PlaygroundFigure, {
        "fig": Fresh(playground_figure.new_figure), "recording": Fresh(recording)},
        takes={"blit": "any", "title": "any"})      # switches set by the playground widget itself
    cases["playground_figure.PlaygroundFigure.show"] = Case(Method(make_playground_figure, playground_figure.PlaygroundFigure, "show"), {"i": 1})
    cases["playground_figure.PlaygroundFigure.set_drawn"] = Case(Method(make_playground_figure, playground_figure.PlaygroundFigure, "set_drawn"),
                                                                 {"points": [(0.1, 0.2, 1)]})
    cases["playground_figure.space_limits"] = Case(playground_figure.space_limits, {"rec": Fresh(recording)})
    cases["playground_figure.new_figure"] = Case(playground_figure.new_figure, {"figsize": (3, 2), "dpi": 50})
    cases["playground_figure.snapshot_figure"] = Case(playground_figure.snapshot_figure,
                                                      {"recording": Fresh(recording), "dpi": 30})
    cases["playground_figure.replay_html"] = Case(playground_figure.replay_html,
                                                  {"recording": Fresh(recording), "n_frames": 2, "dpi": 20})
    # autodiff: what a learner writes with Values
    V = autodiff.Value
    cases["autodiff.Value"] = Case(V, {"data": 1.5}, takes={"label": "any"}, skip=("_children", "_op"))
    # u is the Value an operator belongs to (``self``: u + v calls add(u, v)); what a learner types is the other side
    for name in ("add", "mul", "sub", "truediv"):
        cases[f"autodiff.{name}"] = Case(getattr(autodiff, name), {"u": Fresh(lambda: V(2.0)), "v": 3.0}, skip=("u",))
    for name in ("radd", "rmul", "rsub", "rtruediv"):
        cases[f"autodiff.{name}"] = Case(getattr(autodiff, name), {"u": Fresh(lambda: V(2.0)), "number": 3.0},
                                         skip=("u",))
    cases["autodiff.power"] = Case(autodiff.power, {"u": Fresh(lambda: V(2.0)), "k": 2}, skip=("u",))
    for name in ("exp", "log", "value_sigmoid", "relu", "value_tanh", "neg"):
        cases[f"autodiff.{name}"] = Case(getattr(autodiff, name), {"u": Fresh(lambda: V(0.5))}, skip=("u",))
    cases["autodiff.sigmoid"] = Case(autodiff.sigmoid, {"z": 0.5})
    cases["autodiff.topological_order"] = Case(autodiff.topological_order, {"root": Fresh(value_graph)})
    cases["autodiff.backward"] = Case(autodiff.backward, {"root": Fresh(value_graph)})
    # optimizers
    cases["optimizers.SGD"] = Case(optimizers.SGD)
    cases["optimizers.Momentum"] = Case(optimizers.Momentum)
    cases["optimizers.RMSProp"] = Case(optimizers.RMSProp)
    cases["optimizers.Adam"] = Case(optimizers.Adam)
    for name in ("SGD", "Momentum", "RMSProp", "Adam"):
        cases[f"optimizers.{name}.step"] = Case(Method(getattr(optimizers, name), getattr(optimizers, name), "step"),
                                                {"params": Fresh(lambda: [np.ones(2)]), "grads": [np.ones(2)]})
    cases["optimizers.optimize_path"] = Case(optimizers.optimize_path, {
        "optimizer": Fresh(optimizers.SGD), "grad": lambda w: 2 * w, "start": [1.0, 1.0], "steps": 3})
    # quiz
    from nn_helpers.course import quiz
    choice = quiz.Choice("Yes.", "Because.", correct=True)
    other = quiz.Choice("No.", "Because not.")
    question = quiz.Question("Why?", [choice, other])
    cases["quiz.Choice"] = Case(quiz.Choice, {"text": "Yes.", "why": "Because.", "correct": False},
                                takes={"text": {"a string"}, "why": {"a string"}})
    cases["quiz.Question"] = Case(quiz.Question, {"prompt": "Why?", "choices": [choice, other]},
                                  takes={"prompt": {"a string"}})
    cases["quiz.Question.feedback"] = Case(Method(lambda: question, quiz.Question, "feedback"), {"letter": "A"})
    cases["quiz.Question.markdown"] = Case(Method(lambda: question, quiz.Question, "markdown"), {"number": 1},
                                           skip=("number",))   # a label printed as given
    quiz_of_3 = quiz.Quiz("99", [question] * 3)
    cases["quiz.Quiz"] = Case(quiz.Quiz, {"notebook": "99", "questions": [question] * 3},
                              takes={"notebook": {"a string"}})
    cases["quiz.Quiz.question"] = Case(Method(lambda: quiz_of_3, quiz.Quiz, "question"), {"number": 1})
    cases["quiz.Quiz.ask"] = Case(Method(lambda: quiz_of_3, quiz.Quiz, "ask"), {"number": 1})
    from nn_helpers.course import quizzes
    cases["quizzes.load"] = Case(quizzes.load, {"notebook": "05"})
    cases["quizzes.notebooks"] = Case(quizzes.notebooks)
    return cases


CASES = _cases()

# Public callables that are not swept, and why.
NOT_SWEPT = {
    "activations.Activation": "a registry record the package builds (a frozen dataclass), not an input",
    "losses.Loss": "a registry record the package builds (a frozen dataclass), not an input",
    "gradcheck.GradCheck": "a result gradient_check returns (a frozen dataclass)",
    "playground.Recording": "a result record_training returns",
    "playground.HiddenSpace": "a result hidden_space returns",
    "playground.FrameView": "a result frame_view returns",
    "widgets.Explorer": "the building block of the explorers (controls + a draw function), not a learner's call; "
                        "its update() is swept",
    "widgets.refresh": "plumbing between Explorer and its view; called with the explorer's own figure and view",
}



def public_callables():
    names = set()
    for module_name, path in MODULES.items():
        module = importlib.import_module(f"nn_helpers.{path}")
        for name, obj in vars(module).items():
            if not name.startswith("_") and callable(obj) and getattr(obj, "__module__", None) == module.__name__:
                names.add(f"{module_name}.{name}")
    return names


def test_every_public_callable_is_swept_or_says_why_not():
    missing = sorted(public_callables() - {name for name in CASES} - set(NOT_SWEPT))
    assert not missing, f"add these to CASES (or NOT_SWEPT, with a reason): {missing}"


def _resolve(value):
    return value.make() if isinstance(value, Fresh) else value


def _target(case):
    return case.target() if isinstance(case.target, Method) else case.target


def _parameters(case):
    """Names of the parameters to sweep: the signature's, and those its **kwargs take in ``args``."""
    target = case.target
    signature = target.signature() if isinstance(target, Method) else inspect.signature(target)
    names = [p.name for p in signature.parameters.values() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    return [n for n in names + [a for a in case.args if a not in names] if n not in case.skip]


def _call(case, **override):
    kwargs = {name: _resolve(value) for name, value in case.args.items()}
    kwargs.update(override)
    target = _target(case)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")        # a divergence warning is an answer, not a crash
        return target(**kwargs)


def _close(result):
    close = getattr(result, "close", None)
    if callable(close) and not isinstance(result, (np.ndarray, Figure)):
        close()


def _same(a, b):
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
    if type(a) is object:
        return True                                # a fresh object() is never equal to another
    return type(a) is type(b) and (a == b or (isinstance(a, float) and math.isnan(a) and math.isnan(b)))


def sweep_items():
    items = []
    for name, case in CASES.items():
        for param in _parameters(case):
            items.append(pytest.param(name, param, id=f"{name}({param})"))
    return items


SWEEP = sweep_items()
BAD_INPUTS_TRIED = len(SWEEP) * len(BAD)


@pytest.fixture(autouse=True)
def _no_figures_left():
    yield
    plt.close("all")


@pytest.mark.parametrize("name", list(CASES))
def test_the_good_call_works(name):
    _close(_call(CASES[name]))


@pytest.mark.parametrize("name, param", SWEEP)
def test_bad_input_gets_a_clear_value_or_type_error(name, param):
    case = CASES[name]
    takes = case.takes.get(param, set())
    problems = []
    for label, pristine in BAD.items():
        value = copy.deepcopy(pristine)            # a learner's own object, each time
        try:
            result = _call(case, **{param: value})
        except (ValueError, TypeError) as err:
            message = str(err)
            if param not in message and not HELPFUL.search(message):
                problems.append(f"{label}: {type(err).__name__} without saying what was expected: {message[:150]!r}")
        except Exception as err:  # noqa: BLE001 - that is the finding
            problems.append(f"{label}: {type(err).__name__} (expected ValueError or TypeError): {str(err)[:150]!r}")
        else:
            _close(result)
            if label in NEVER_TAKEN and takes != "any" and label not in takes:
                problems.append(f"{label}: taken silently")
        if not _same(value, pristine):
            problems.append(f"{label}: changed the value it was given (to {value!r:.60})")
    assert not problems, f"{name}({param}=...):\n  " + "\n  ".join(problems)


def test_the_sweep_tries_thousands_of_bad_inputs():
    assert len(CASES) >= 150 and BAD_INPUTS_TRIED >= 5000, (len(CASES), BAD_INPUTS_TRIED)


# ---------------------------------------------------------------------- numerical edge cases

HIDDEN = ["identity", "sigmoid", "tanh", "relu", "leaky_relu"]
HEADS = [("sigmoid", "binary_cross_entropy", 1), ("softmax", "cross_entropy", 3), ("identity", "mse", 2),
         ("sigmoid", "squared_error", 2), ("tanh", "mae", 2)]          # output, loss, output units


def _net(hidden, head, n_in=3):
    output, loss, n_out = head
    return MLP([n_in, 4, n_out], hidden, output, loss, seed=0)


def _targets(head, n, label=None):
    """Targets a head takes: labels (one class when label is given) or rows in [0, 1]."""
    output, loss, n_out = head
    rng = np.random.default_rng(1)
    if loss in ("binary_cross_entropy", "cross_entropy"):
        return np.full(n, label) if label is not None else rng.integers(0, max(n_out, 2), n)
    return rng.uniform(0, 1, (n, n_out))


def _finite(*arrays):
    return all(np.all(np.isfinite(a)) for a in arrays)


@pytest.mark.parametrize("head", HEADS, ids=[h[1] for h in HEADS])
@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.filterwarnings("error")
def test_inputs_of_size_1e4_stay_finite_through_every_step(hidden, head):
    """Inputs of size 1e4 saturate sigmoid and tanh and make relu's outputs huge: the forward
    pass, the loss, backprop and a training step stay finite, without a numpy warning."""
    net = _net(hidden, head)
    X = 1e4 * np.random.default_rng(0).normal(size=(6, 3))
    Y = _targets(head, 6)
    with np.errstate(all="raise", under="ignore"):
        assert _finite(net.forward(X), *net.forward_trace(X)["a"])
        loss = net.loss(X, Y)
        dW, db = net.gradients(X, Y)
    assert np.isfinite(loss) and loss >= 0 and _finite(*dW, *db)
    history = net.fit(X, Y, epochs=3, lr=1e-6)
    assert _finite(history["loss"], *net.weights, *net.biases)


@pytest.mark.parametrize("name", ["step", "identity", "sigmoid", "tanh", "relu", "leaky_relu", "softmax"])
@pytest.mark.filterwarnings("error")
def test_every_activation_and_its_slope_is_finite_at_plus_and_minus_1e4(name):
    from nn_helpers.activations import ACTIVATIONS
    z = np.array([[-1e4, -1.0, 0.0, 1.0, 1e4]])
    act = ACTIVATIONS[name]
    with np.errstate(all="raise", under="ignore"):
        assert _finite(act.f(z), act.prime(z))


@pytest.mark.parametrize("head", HEADS, ids=[h[1] for h in HEADS])
@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.filterwarnings("error")
def test_all_zero_inputs_train_without_nans(hidden, head):
    """x = 0 gives z = b: every unit sees only its bias (relu's kink at 0 included)."""
    net = _net(hidden, head)
    X, Y = np.zeros((5, 3)), _targets(head, 5)
    with np.errstate(all="raise", under="ignore"):
        dW, db = net.gradients(X, Y)
        history = net.fit(X, Y, epochs=5, lr=0.1)
    assert _finite(*dW, *db, history["loss"], *net.weights, *net.biases)
    assert all(np.all(g == 0) for g in dW[:1])             # dL/dW1 = delta^T x = 0 for x = 0
    assert net.predict(X).shape == (5,)


@pytest.mark.parametrize("batch_size", [None, 1, 10], ids=["full", "sgd", "batch above n"])
@pytest.mark.parametrize("head", HEADS, ids=[h[1] for h in HEADS])
def test_a_single_sample_trains_as_a_batch_of_one(head, batch_size):
    net = _net("tanh", head)
    X, Y = np.array([[0.5, -1.0, 2.0]]), _targets(head, 1)
    history = net.fit(X, Y, epochs=20, lr=0.1, batch_size=batch_size)
    assert len(history["loss"]) == 20 and history["loss"][-1] < history["loss"][0]
    single = net.forward(X[0])                              # one example (n_in,) -> (n_out,)
    assert single.shape == (head[2],) and np.allclose(single, net.forward(X)[0])
    assert isinstance(net.predict(X[0]), int)
    assert net.gradients(X[0], Y[0])[0][0].shape == net.weights[0].shape


def test_a_single_sample_everywhere_else():
    from nn_helpers import datasets, gradcheck
    net = _net("sigmoid", HEADS[0])
    X, y = np.array([[0.5, -1.0, 2.0]]), np.array([1])
    assert gradcheck.gradient_check(net, X, y).passed
    assert net.accuracy(X, y) in (0.0, 1.0)
    X_train, X_test, y_train, y_test = datasets.train_test_split(np.arange(4.0).reshape(2, 2), [0, 1],
                                                                 test_size=1)
    assert len(X_train) == len(X_test) == 1
    with pytest.raises(ValueError, match="at least one sample on each side"):
        datasets.train_test_split(X, y, test_size=0.5)


@pytest.mark.parametrize("head", [h for h in HEADS if h[1] in ("binary_cross_entropy", "cross_entropy")],
                         ids=["one output, all labels 0", "softmax over 3, all labels 0"])
@pytest.mark.filterwarnings("error")
def test_a_single_class_is_learned_without_nans(head):
    """Labels all 0: the network learns to say 0 everywhere; the loss falls towards 0, never below."""
    from nn_helpers import datasets
    net = _net("tanh", head, n_in=2)
    X, _ = datasets.make_moons(n_samples=40, seed=0)
    y = np.zeros(40, dtype=int)
    history = net.fit(X, y, epochs=200, lr=0.5)
    assert _finite(history["loss"], *net.weights, *net.biases)
    assert 0 <= history["loss"][-1] < history["loss"][0] and history["loss"][-1] < 0.05
    assert np.all(net.predict(X) == 0) and net.accuracy(X, y) == 1.0


def test_a_single_class_draws_without_a_border():
    from nn_helpers.viz import plotting
    net = _net("tanh", HEADS[0], n_in=2)
    X = np.random.default_rng(0).normal(size=(10, 2))
    net.fit(X, np.zeros(10, dtype=int), epochs=200, lr=0.5)
    ax = plotting.plot_decision_boundary(net, X, np.zeros(10, dtype=int), ax=Figure().add_subplot())
    assert len(ax.collections) >= 2                     # the shading and the points, no crash
    net3 = _net("tanh", HEADS[1], n_in=2)
    net3.fit(X, np.zeros(10, dtype=int), epochs=200, lr=0.5)
    plotting.plot_decision_boundary(net3, X, np.zeros(10, dtype=int), ax=Figure().add_subplot())


@pytest.mark.parametrize("activation", ["tanh", "relu", "leaky_relu", "sigmoid", "identity"])
def test_the_largest_learning_rate_in_the_playground_never_shows_nan_or_a_blank_plot(activation):
    """lr = 10, the largest in the playground's menu: training succeeds or stops with "diverged";
    either way the picture shows finite numbers and the status line says which."""
    from nn_helpers.widgets.playground.training import playground
    pg = playground(small_config().replace(activation=activation, lr=10.0, epochs=30, frames=4),
                    backend="static")
    try:
        rec = pg.recording
        assert _finite(rec.train_loss, *rec.weights[-1], *rec.biases[-1])
        assert np.all(np.isfinite(pg._panels.image.get_array()))
        if rec.diverged_at is None:
            assert "Trained 30 epochs" in pg.status.value
        else:
            assert f"diverged at epoch {rec.diverged_at}" in pg.status.value
    finally:
        pg.close()


# ---------------------------------------------------------------------- the checkers

CHECKERS = sorted(name for name in dir(importlib.import_module("nn_helpers.course.exercises")) if name.startswith("check_"))


@pytest.mark.parametrize("name", CHECKERS)
def test_every_checker_answers_every_bad_value_with_one_line(name, capsys):
    """Each BAD value, given as the answer and returned by the learner's function: one line saying
    "Not quite" (or "Not solved yet" for None), never an exception, never "Correct".
    (tests/test_exercises.py adds functions that raise, return NaN or take the wrong arguments.)"""
    checker = getattr(importlib.import_module("nn_helpers.course.exercises"), name)
    for label, value in BAD.items():
        for answer in (copy.deepcopy(value), lambda *args, _value=copy.deepcopy(value): _value):
            checker(answer)
            line = capsys.readouterr().out
            assert line.count("\n") == 1 and line.startswith(("❌ Not quite", "⏳ Not solved yet")), (label, line)


CHECKER_BAD_INPUTS = len(CHECKERS) * len(BAD) * 2
