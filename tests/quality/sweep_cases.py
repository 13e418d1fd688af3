"""The reliability sweep's cases: how to call every public callable of nn_helpers well, and what is not swept.

Add a case for a new public function, class or method (``add("viz.plot_x", {good arguments})``,
``method("network.MLP.x", make_the_object, {...})``), named as a learner imports it; or add it to
``NOT_SWEPT`` with the reason. tests/quality/test_reliability.py fails until one of the two says
what it takes (tests/quality/sweep.py has the rules).
"""
import numpy as np
from matplotlib.figure import Figure

from nn_helpers import MLP, examples, viz, widgets
from nn_helpers.widgets.playground import PlaygroundConfig, make_data, playground, record_training
from tests.quality.sweep import BAD, Case, Fresh, Method, resolve

# Modules whose callables no learner calls, and why (they are not imported by the walk).
NOT_SWEPT_MODULES = {
    "nn_helpers.course.selfcheck": "the pytest plugin: pytest calls its hooks with pytest's own objects "
                                   "(tests/course/test_selfcheck.py runs it on learner notebooks)",
    "nn_helpers.course.record": "the course's record of a notebook: the plugin and the tools read it from the "
                                "files the build writes; no learner calls it",
    "nn_helpers.viz.style": "the pictures' plumbing (new_axes, find, drawn) and the checks of a colour and a marker, "
                            "applied by every drawing function to the ax, color and marker it is given (swept there); "
                            "the rest is constants (CLASS_COLORS, ...)",
}



# ---------------------------------------------------------------------- things to call with

def ax():
    return Figure().add_subplot()


def axes_pair():
    return Figure().subplots(1, 2)


def net_221():
    return examples.mazur_example()[0]


def xor_net():
    return MLP([2, 3, 1], "tanh", "sigmoid", "binary_cross_entropy", seed=0)


def digits_net():
    return MLP([64, 10], output_activation="softmax", loss="cross_entropy", seed=0)


def small_config():
    return PlaygroundConfig(n_samples=40, epochs=3, frames=2, hidden=(3,))


_RECORDING = {}


def recording():
    """One small recorded training run (recorded once, shared: nothing here changes it)."""
    if not _RECORDING:
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
    X, y = widgets.neuron_data("and")
    return viz.plot_neuron(1.0, 1.0, -1.5, "sigmoid", X, y, ax=ax())


def activation_axes():
    return viz.plot_activation("sigmoid", ax())


def losses_axes():
    return viz.plot_losses_at(1, 0.7, Figure().subplots(1, 3))


def digit_axes():
    return viz.plot_digit_prediction(np.zeros(64), np.full(10, 0.1), 3, axes_pair())


def descent_run():
    return resolve("lessons.descent_run")("1d", 0.1, 5)


def descent_axes():
    return viz.plot_descent_run(descent_run(), axes_pair())


def race():
    return resolve("lessons.race_paths")("valley", 0.1, 0.5, 0.1, 5)


def race_axes():
    return viz.plot_optimizer_race("valley", race(), axes_pair())


def network_axes():
    return viz.plot_network(net_221(), ax())


def traced_network_axes():
    net, x, _ = examples.mazur_example()
    return viz.plot_network(net, ax(), trace=net.forward_trace(x))


def staircase():
    return resolve("lessons.staircase_network")(np.sin, 4)


def explorer():
    return widgets.activation_explorer()


def pg():
    return playground(small_config(), backend="static")


def make_playground_figure():
    return resolve("widgets.playground.PlaygroundFigure")(resolve("widgets.playground.new_figure")(), recording())


X4 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y4 = np.array([0, 1, 1, 0])
SOFT = np.array([[0.2, 0.8], [0.6, 0.4]])
TARGET = np.array([[0.0, 1.0], [1.0, 0.0]])
TITLES = {"title": "any", "label": "any", "label_prefix": "any", "name": "any", "target_label": "any",
          "dataset_name": "any", "xlabel": "any", "ylabel": "any"}


def _cases():
    from nn_helpers import activations, autodiff, losses
    from nn_helpers.course import quiz
    cases = {}

    def add(label, args=None, **how):
        cases[label] = Case(resolve(label), args or {}, **how)

    def method(label, make, args=None, **how):
        owner, name = label.rsplit(".", 1)
        cases[label] = Case(Method(make, resolve(owner), name), args or {}, **how)

    # activations: any shape of numbers; softmax along the last axis
    for name in activations.ACTIVATIONS:
        for label in (f"activations.{name}", f"activations.{name}_prime"):
            add(label, {"z": np.array([[-1.0, 0.5]])})
    add("activations.get_activation", {"name": "tanh"})
    for name in losses.LOSSES:
        for label in (f"losses.{name}", f"losses.{name}_grad"):
            add(label, {"y": TARGET, "y_hat": SOFT})
    add("losses.get_loss", {"name": "mse"})
    # the network
    add("network.MLP", {"sizes": [2, 3, 1], "activation": "tanh", "output_activation": "sigmoid",
                        "loss": "binary_cross_entropy", "seed": 0},
        takes={"output_activation": {"None"}, "seed": {"None"}, "weights": {"None"}, "biases": {"None"}})
    for name in ("forward", "forward_trace", "predict"):
        method(f"network.MLP.{name}", xor_net, {"X": X4})
    for name in ("loss", "gradients"):
        method(f"network.MLP.{name}", xor_net, {"X": X4, "Y": Y4})
    method("network.MLP.accuracy", xor_net, {"X": X4, "y": Y4})
    method("network.MLP.fit", xor_net, {"X": X4, "Y": Y4, "epochs": 3, "lr": 0.5},
           takes={"batch_size": {"None"}, "seed": {"None"}, "callback": {"None"}, "validation_data": {"None"}})
    method("network.MLP.copy", xor_net)
    # gradcheck
    add("gradcheck.numerical_gradient", {"f": lambda v: float(np.sum(v ** 2)), "x": np.array([1.0, 2.0])})
    add("gradcheck.numerical_gradients", {"net": Fresh(xor_net), "X": X4, "Y": Y4})
    add("gradcheck.gradient_check", {"net": Fresh(xor_net), "X": X4, "Y": Y4})
    add("gradcheck.relative_error", {"a": np.ones(2), "b": np.ones(2)})
    # datasets
    for name in ("make_moons", "make_circles", "make_xor", "make_spiral", "make_gaussians"):
        add(f"datasets.{name}", {"n_samples": 20}, takes={"seed": {"None"}})
    add("datasets.make_dataset", {"name": "moons", "n_samples": 20}, takes={"seed": {"None"}})
    # F(x, y, z) = xy + not z takes Python truth values: anything and / or / not work on, as they do
    add("datasets.xy_plus_not_z", {"x": 1, "y": 0, "z": 1}, skip=("x", "y", "z"))
    add("datasets.truth_table", {"n_inputs": 3})
    add("datasets.one_hot", {"y": Y4}, takes={"n_classes": {"None"}})
    add("datasets.train_test_split", {"X": X4, "y": Y4}, takes={"seed": {"None"}})
    add("datasets.load_digits", {"scale": True})
    add("examples.mazur_example")
    add("examples.boolean_example")
    # lessons: the maths one notebook needs beyond the core
    neuron_args = {"w1": 1.0, "w2": 1.0, "b": -1.5, "activation": "sigmoid"}
    add("lessons.decision_grid", {"model": Fresh(xor_net), "xlim": (-1, 1), "ylim": (-1, 1), "resolution": 5})
    add("lessons.neuron", neuron_args)
    add("lessons.neuron_formula", neuron_args)
    add("lessons.neuron_accuracy", {"w1": 1.0, "w2": 1.0, "b": -1.5, "X": X4, "y": Y4})
    add("lessons.best_line", {"X": X4, "y": Y4, "directions": 12})
    add("lessons.decision_line", {"w1": 1.0, "w2": 1.0, "b": -1.5, "xlim": (-1, 2), "ylim": (-1, 2)})
    add("lessons.secant", {"f": np.sin, "x": 1.0, "h": 0.5})
    add("lessons.saturated_intervals", {"z": np.linspace(-8, 8, 33), "slope": np.exp(-np.linspace(-8, 8, 33) ** 2)})
    add("lessons.descent_path", {"grad": lambda w: 2 * w, "start": [1.0], "lr": 0.1, "steps": 3})
    add("lessons.loss_curves", {"t": 1, "o": np.array([0.2, 0.7])})
    add("lessons.losses_at", {"t": 1, "o": 0.7})
    add("lessons.approximation_target", {"name": "sin"})
    add("lessons.staircase_network", {"f": np.sin, "units": 4})
    add("lessons.approximation_error", {"net": Fresh(staircase), "f": np.sin, "n": 11})
    add("lessons.classify_descent", {"path": np.array([[1.0], [0.5], [0.25]]), "gaps": np.array([1.0, 0.25, 0.06])})
    add("lessons.descent_run", {"surface": "1d", "lr": 0.1, "steps": 5})
    add("lessons.optimizer_surface", {"name": "valley"})
    add("lessons.race_paths", {"surface": "valley", "lr": 0.1, "beta": 0.5, "adam_lr": 0.1, "steps": 5})
    add("lessons.race_losses", {"surface": "valley", "paths": Fresh(race)})
    mazur = examples.mazur_example()
    add("lessons.chain_rule_factors", {"net": Fresh(net_221), "x": mazur[1], "t": mazur[2]})
    add("lessons.factors_text", {"record": resolve("lessons.chain_rule_factors")(*mazur)[0]})
    # viz: plots
    add("viz.plot_points", {"X": X4, "y": Y4, "ax": Fresh(ax)},
        takes={**TITLES, "ax": {"None"}, "marker": "any", "edgecolor": "any"})
    add("viz.plot_decision_boundary", {"model": Fresh(xor_net), "X": X4, "y": Y4, "ax": Fresh(ax), "resolution": 5},
        takes={**TITLES, "ax": {"None"}, "X_test": {"None"}, "y_test": {"None"}})
    add("viz.plot_neuron", {**neuron_args, "X": X4, "y": Y4, "ax": Fresh(ax), "resolution": 10},
        takes={**TITLES, "ax": {"None"}})
    add("viz.update_neuron", {**neuron_args, "X": X4, "y": Y4, "ax": Fresh(neuron_axes)}, takes=TITLES)
    add("viz.plot_loss_curve", {"history": {"loss": [0.7, 0.5]}, "ax": Fresh(ax)},
        takes={**TITLES, "ax": {"None"}, "mark_epoch": {"None"}})
    add("viz.plot_descent_path", {"path": np.array([[1.0, 1.0], [0.5, 0.5]]), "ax": Fresh(ax)},
        takes={**TITLES, "ax": {"None"}, "color": "any"})
    add("viz.plot_loss_surface", {"f": lambda a, b: a ** 2 + b ** 2, "xlim": (-1, 1), "ylim": (-1, 1),
                                  "ax": Fresh(ax), "resolution": 8, "levels": 5},
        takes={**TITLES, "ax": {"None"}, "path": {"None"}})
    add("viz.plot_losses_at", {"t": 1, "o": 0.7, "axes": Fresh(axes_pair)}, takes={"axes": {"None"}})
    add("viz.update_losses_at", {"t": 0, "o": 0.3, "axes": Fresh(losses_axes)})
    add("viz.plot_approximation", {"net": Fresh(staircase), "f": np.sin, "ax": Fresh(ax)},
        takes={**TITLES, "ax": {"None"}})
    add("viz.plot_hidden_contributions", {"net": Fresh(staircase), "ax": Fresh(ax)}, takes={**TITLES, "ax": {"None"}})
    add("viz.digit_title", {"probabilities": np.full(10, 0.1), "true_label": 3},
        takes={**TITLES, "true_label": {"None"}})
    add("viz.plot_digit_prediction", {"image": np.zeros(64), "probabilities": np.full(10, 0.1), "true_label": 3,
                                      "axes": Fresh(axes_pair)},
        takes={**TITLES, "axes": {"None"}, "true_label": {"None"}})
    add("viz.update_digit_prediction", {"image": np.zeros(64), "probabilities": np.full(10, 0.1), "true_label": 3,
                                        "axes": Fresh(digit_axes)},
        takes={**TITLES, "true_label": {"None"}})
    add("viz.plot_descent_run", {"run": Fresh(descent_run), "axes": Fresh(axes_pair)})
    add("viz.update_descent_run", {"run": Fresh(descent_run), "axes": Fresh(descent_axes)})
    add("viz.plot_optimizer_race", {"surface": "valley", "paths": Fresh(race), "axes": Fresh(axes_pair)},
        takes={"axes": {"None"}, "settings": {"None"}})
    add("viz.update_optimizer_race", {"surface": "valley", "paths": Fresh(race), "axes": Fresh(race_axes)},
        takes={"settings": {"None"}})
    # viz: diagrams
    add("viz.plot_network", {"net": Fresh(net_221), "ax": Fresh(ax)},
        takes={**TITLES, "ax": {"None"}, "trace": {"None"}, "gradients": {"None"}, "node_names": {"None"}})
    add("viz.node_labels", {"net": Fresh(net_221)}, takes={"node_names": {"None"}})
    add("viz.inches_per_unit", {"net": Fresh(net_221)})
    add("viz.update_network_trace", {"ax": Fresh(traced_network_axes), "net": Fresh(net_221),
                                     "trace": net_221().forward_trace(examples.mazur_example()[1])})
    add("viz.activation_curves", {"name": "tanh", "z": np.linspace(-1, 1, 5)})
    add("viz.plot_activation", {"name": "tanh", "ax": Fresh(ax)}, takes={"ax": {"None"}, "mark": {"None"}})
    add("viz.mark_activation", {"ax": Fresh(activation_axes), "name": "sigmoid", "z0": 0.5})
    add("viz.mark_edges", {"ax": Fresh(network_axes), "net": Fresh(net_221), "edge": (2, 0, 0),
                           "paths": [(1, 0, 0)]})
    add("viz.plot_slope", {"f": np.sin, "x": 1.0, "h": 0.5, "ax": Fresh(ax)},
        takes={**TITLES, "ax": {"None"}, "f_prime": {"None"}})
    add("viz.graph_layout", {"root": Fresh(value_graph)})
    add("viz.plot_graph", {"root": Fresh(value_graph), "ax": Fresh(ax)},
        takes={**TITLES, "ax": {"None"}, "forward": {"None"}, "backward": {"None"}})
    for name in ("plot_notation", "plot_biological_neuron", "plot_artificial_neuron"):
        add(f"viz.{name}", {"ax": Fresh(ax)}, takes={**TITLES, "ax": {"None"}})
    # widgets (under Agg: the PNG path)
    add("widgets.uses_ipympl")
    add("widgets.figure_view", {"figure": Fresh(Figure)})
    add("widgets.neuron_data", {"name": "xor"})
    for name in ("neuron_explorer", "activation_explorer", "loss_explorer", "slope_explorer",
                 "approximation_explorer", "learning_rate_explorer"):
        add(f"widgets.{name}")
    add("widgets.backprop_stepper", {"net": Fresh(net_221), "x": mazur[1], "t": mazur[2]})
    add("widgets.backprop_steps", {"root": Fresh(value_graph)})
    add("widgets.backprop_explorer", {"root": Fresh(value_graph)}, takes={"step": {"None"}})
    add("widgets.forward_explorer", {"net": Fresh(net_221), "x": mazur[1]},
        takes={"x": {"None"}, "boolean": {"None"}, "node_names": {"None"}})
    add("widgets.digit_explorer", {"net": Fresh(digits_net), "X": np.zeros((3, 64))}, takes={"y": {"None"}})
    add("widgets.optimizer_explorer", takes={"lr": {"None"}, "beta": {"None"}, "adam_lr": {"None"}})
    add("widgets.training_replay", {"snapshots": {0: MLP([2, 2, 1], seed=0), 5: MLP([2, 2, 1], seed=1)},
                                    "X": X4, "y": np.array([0, 1, 1, 0])},
        takes={"X_test": {"None"}, "y_test": {"None"}})
    add("widgets.ProgressBar", {"total": 10, "label": "epoch"}, takes={"label": {"a string"}})   # any word
    add("viz.describe", {"figure": Fresh(Figure)})
    add("viz.figure_html", {"figure": Fresh(Figure)})
    method("widgets.Explorer.update", explorer, {"z": 0.5})
    for name in ("redraw", "snapshot", "close"):
        method(f"widgets.Explorer.{name}", explorer)
    # the playground
    add("widgets.playground.PlaygroundConfig", takes={"batch_size": {"None"}})
    add("widgets.playground.PlaygroundConfig.from_string", {"text": "dataset=xor;seed=3"})
    method("widgets.playground.PlaygroundConfig.replace", small_config, {"dataset": "xor", "epochs": 4})
    method("widgets.playground.PlaygroundConfig.to_string", small_config)
    add("widgets.playground.check_points", {"points": [(0.5, 0.5, 1)], "n_classes": 2})
    add("widgets.playground.make_data", {"config": Fresh(small_config)})
    add("widgets.playground.network_spec", {"config": Fresh(small_config)})
    data = make_data(small_config())
    add("widgets.playground.record_training", {"config": Fresh(small_config), "X_train": data[0], "y_train": data[2],
                                               "X_test": data[1], "y_test": data[3]},
        takes={"progress": {"None"}})
    method("widgets.playground.Recording.network", recording, {"i": 1})
    add("widgets.playground.hidden_space", {"rec": Fresh(recording), "i": 1})
    method("widgets.playground.HiddenSpace.output", lambda: resolve("widgets.playground.hidden_space")(recording(), 1),
           {"points": X4})
    add("widgets.playground.frame_view", {"rec": Fresh(recording), "i": 1, "resolution": 5})
    add("widgets.playground.playground", {"config": Fresh(small_config), "backend": "static"},
        takes={"config": {"None"}})
    add("widgets.playground.Playground", {"config": Fresh(small_config), "backend": "static"},
        takes={"config": {"None", "a string"}})
    method("widgets.playground.Playground.load", pg, {"text": "epochs=2;frames=2"},
           takes={"text": set(BAD)})                        # reported in the status line
    method("widgets.playground.Playground.set_points", pg, {"points": [(0.1, 0.2, 1)]})
    method("widgets.playground.Playground.show_frame", pg, {"i": 1})
    method("widgets.playground.Playground.set_controls", pg, {"config": Fresh(small_config)})
    for name in ("read_controls", "train", "close"):
        method(f"widgets.playground.Playground.{name}", pg)
    add("widgets.playground.class_image", {"output": np.full((4, 4, 1), 0.3)})
    add("widgets.playground.decision_margins", {"output": np.linspace(0, 1, 16).reshape(4, 4, 1)})
    add("widgets.playground.boundary_segments", {"output": np.linspace(0, 1, 16).reshape(4, 4, 1),
                                                 "xs": np.linspace(0, 1, 4), "ys": np.linspace(0, 1, 4)})
    add("widgets.playground.neuron_mosaic", {"hidden": [np.zeros((4, 4, 3))], "activation": "tanh"})
    add("widgets.playground.PlaygroundFigure", {"fig": Fresh(resolve("widgets.playground.new_figure")),
                                                "recording": Fresh(recording)},
        takes={"blit": "any", "title": "any"})      # switches set by the playground widget itself
    method("widgets.playground.PlaygroundFigure.show", make_playground_figure, {"i": 1})
    method("widgets.playground.PlaygroundFigure.set_drawn", make_playground_figure, {"points": [(0.1, 0.2, 1)]})
    method("widgets.playground.PlaygroundFigure.render", make_playground_figure,
           skip=("full",))                          # a switch the widget sets to True or False, read as `if full:`
    method("widgets.playground.PlaygroundFigure.disconnect", make_playground_figure)
    add("widgets.playground.space_limits", {"rec": Fresh(recording)})
    add("widgets.playground.new_figure", {"figsize": (3, 2), "dpi": 50})
    add("widgets.playground.snapshot_figure", {"recording": Fresh(recording), "dpi": 30})
    add("widgets.playground.replay_html", {"recording": Fresh(recording), "n_frames": 2, "dpi": 20})
    # autodiff: what a learner writes with Values
    V = autodiff.Value
    add("autodiff.Value", {"data": 1.5}, takes={"label": "any"}, skip=("_children", "_op"))
    # u is the Value an operator belongs to (``self``: u + v calls add(u, v)); what a learner types is the other side
    for name in ("add", "mul", "sub", "truediv"):
        add(f"autodiff.{name}", {"u": Fresh(lambda: V(2.0)), "v": 3.0}, skip=("u",))
    for name in ("radd", "rmul", "rsub", "rtruediv"):
        add(f"autodiff.{name}", {"u": Fresh(lambda: V(2.0)), "number": 3.0}, skip=("u",))
    add("autodiff.power", {"u": Fresh(lambda: V(2.0)), "k": 2}, skip=("u",))
    for name in ("exp", "log", "value_sigmoid", "relu", "value_tanh", "neg"):
        add(f"autodiff.{name}", {"u": Fresh(lambda: V(0.5))}, skip=("u",))
    add("autodiff.sigmoid", {"z": 0.5})
    add("autodiff.topological_order", {"root": Fresh(value_graph)})
    add("autodiff.backward", {"root": Fresh(value_graph)})
    # optimizers
    for name in ("SGD", "Momentum", "RMSProp", "Adam"):
        add(f"optimizers.{name}")
        method(f"optimizers.{name}.step", resolve(f"optimizers.{name}"),
               {"params": Fresh(lambda: [np.ones(2)]), "grads": [np.ones(2)]})
    add("optimizers.optimize_path", {"optimizer": Fresh(resolve("optimizers.SGD")), "grad": lambda w: 2 * w,
                                     "start": [1.0, 1.0], "steps": 3})
    # the course: quizzes and the exercises' discovery
    choice = quiz.Choice("Yes.", "Because.", correct=True)
    other = quiz.Choice("No.", "Because not.")
    question = quiz.Question("Why?", [choice, other])
    quiz_of_3 = quiz.Quiz("99", [question] * 3)
    add("course.quiz.Choice", {"text": "Yes.", "why": "Because.", "correct": False},
        takes={"text": {"a string"}, "why": {"a string"}})
    add("course.quiz.Question", {"prompt": "Why?", "choices": [choice, other]}, takes={"prompt": {"a string"}})
    method("course.quiz.Question.feedback", lambda: question, {"letter": "A"})
    method("course.quiz.Question.markdown", lambda: question, {"number": 1},
           skip=("number",))                        # a label printed as given
    add("course.quiz.Quiz", {"notebook": "99", "questions": [question] * 3}, takes={"notebook": {"a string"}})
    method("course.quiz.Quiz.question", lambda: quiz_of_3, {"number": 1})
    method("course.quiz.Quiz.ask", lambda: quiz_of_3, {"number": 1})
    for name in ("intro", "markdown_cells", "as_text"):
        method(f"course.quiz.Quiz.{name}", lambda: quiz_of_3)
    add("course.quizzes.load", {"notebook": "05"})
    add("course.quizzes.notebooks")
    add("course.exercises.checkers")
    add("course.exercises.notebook_modules")
    add("course.exercises.is_checker", {"obj": print}, takes={"obj": "any"})   # a question about any object
    return cases


CASES = _cases()

# Public callables that are not swept, and why.
NOT_SWEPT = {
    "activations.Activation": "a registry record the package builds (a frozen dataclass), not an input",
    "losses.Loss": "a registry record the package builds (a frozen dataclass), not an input",
    "gradcheck.GradCheck": "a result gradient_check returns (a frozen dataclass)",
    "widgets.playground.Recording": "a result record_training returns; its network(i) is swept",
    "widgets.playground.HiddenSpace": "a result hidden_space returns; its output(points) is swept",
    "widgets.playground.FrameView": "a result frame_view returns",
    "widgets.playground.replay.Replay": "the playground's replay (made by Playground with its own figure and "
                                        "picker, both checked); Playground.show_frame, the way in, is swept",
    "widgets.playground.replay.Replay.show": "called by Playground.show_frame (swept) with a checked frame",
    "widgets.playground.replay.Replay.start": "called by Playground.train with the recording it just made",
    "widgets.playground.replay.Replay.render_all": "no arguments: draws the frames not drawn yet",
    "widgets.playground.replay.Replay.on_pick": "the picker's observer: the picker is a bounded box",
    "widgets.playground.replay.Replay.close": "no arguments",
    "widgets.frames.FrameCanvas": "the explorers' drawing surface (made by Explorer with its own Figure, checked "
                                  "by figure_view); every explorer's update() is swept",
    "widgets.frames.FrameCanvas.draw_frame": "called by Explorer.redraw with the explorer's own figure",
    "widgets.frames.FrameCanvas.forget": "no arguments: drops the kept background",
    "widgets.frames.frame_png": "called with the canvas's own RGBA buffer (an array the Agg canvas makes)",
    "widgets.base.Explorer.describe": "called by Explorer with its own controls' names and sentences",
    "course.quiz.QuestionPad": "the widget Quiz.ask(n) makes (n is swept through Quiz.ask)",
    "widgets.playground.replay.Picture": "an ipywidgets Image with a text alternative (its traits are ipywidgets')",
    "widgets.Explorer": "the building block of the explorers (controls + a draw function), not a learner's call; "
                        "its methods are swept",
    "widgets.refresh": "plumbing between Explorer and its view; called with the explorer's own figure and view",
    "widgets.playground.Playground.on_click": "matplotlib calls it with its own mouse event (a click on the plot)",
    "viz.show_alt_text": "registers a formatter on an IPython shell (IPython's own object, or the running one); "
                         "tests/viz/test_alt_text.py checks it on IPython's own DisplayFormatter",
    "viz.alt_text.img_tag": "plumbing of the figures and the widgets' stills: called with a PNG the package drew and its "
                            "own alt text (escaped); no learner calls it",
    "widgets.base.Still": "a picture and its alt text that Explorer.snapshot (swept) returns",
    "widgets.set_control": "sets one control for Explorer.update, which is swept with every BAD value",
}

