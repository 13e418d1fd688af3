"""Bad input anywhere a learner can type gets a clear ValueError or TypeError; edge cases stay finite.

The sweep (rules in tests/quality/sweep.py, cases in tests/quality/sweep_cases.py): every public
callable of nn_helpers, found by walking the package, is first called with good arguments, then
with each parameter in turn replaced by each value of ``BAD``; every call must raise a ValueError
or TypeError that says what was expected, or work where the value is one the parameter may take,
and never change the value it was given. There are no known gaps: every swept parameter passes.
A public callable that is neither in ``CASES`` nor in ``NOT_SWEPT`` (with a reason) fails
``test_every_public_callable_is_swept_or_says_why_not``, wherever in the package it lives.

The checkers of ``nn_helpers.course.exercises`` answer every BAD value, given or returned by the
learner's function, with one "Not quite" line instead of an exception (tests/course/test_exercises.py
adds functions that raise or return NaN).

Then the numerical edge cases of the network: inputs of size 1e4, all-zero inputs, one sample,
one class, and a learning rate large enough to diverge.
"""
import copy
import importlib
import types

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

import nn_helpers
from nn_helpers import MLP, viz
from nn_helpers.course import exercises
from nn_helpers.widgets.playground import playground
from tests.quality.sweep import (BAD, Case, call, close, identity, parameters, problems, public_callables,
                                 public_modules, resolve, signature_parameters, submodules, unswept)
from tests.quality.sweep_cases import CASES, NOT_SWEPT, NOT_SWEPT_MODULES, TITLES, small_config


def package_callables():
    """Every public callable of nn_helpers the sweep is for: {identity: callable}."""
    return public_callables(public_modules(nn_helpers, skip=NOT_SWEPT_MODULES), skip=NOT_SWEPT_MODULES)


def test_every_public_callable_is_swept_or_says_why_not():
    missing = unswept(package_callables(), CASES, NOT_SWEPT)
    assert not missing, f"add these to CASES (or NOT_SWEPT, with a reason): {missing}"


def test_a_new_public_function_is_noticed_until_a_case_calls_it():
    """A module with a new public function fails the check until a case calls it (or NOT_SWEPT says
    why); a function a module imports from another counts once, as what it is; private names,
    private modules and other packages' functions are not the sweep's."""
    def new_function(x):
        return x

    new_function.__module__, new_function.__qualname__ = "nn_helpers.viz.fresh_module", "new_function"
    fresh = types.ModuleType("nn_helpers.viz.fresh_module")
    fresh.new_function, fresh._helper, fresh.mean = new_function, new_function, np.mean
    fresh.plot_points = viz.plot_points                         # imported from where it lives
    fresh.numeric_array = importlib.import_module("nn_helpers._checks").numeric_array
    callables = public_callables([fresh, viz])
    assert "nn_helpers.viz.fresh_module.new_function" in callables
    assert identity(viz.plot_points) in callables and not any("_checks" in name for name in callables)
    cases = {label: case for label, case in CASES.items() if label.startswith("viz.")}
    before = unswept(public_callables([viz]), cases, {})          # [] once every viz function has its case
    assert unswept(callables, cases, {}) == sorted(before + ["nn_helpers.viz.fresh_module.new_function"])
    assert unswept(callables, {**cases, "viz.new_function": Case(new_function, {"x": 1})}, {}) == before


def test_every_not_swept_entry_is_a_public_callable_no_case_calls():
    callables = package_callables()
    covered = {identity(case.callable()) for case in CASES.values()}
    for label in NOT_SWEPT:
        assert identity(resolve(label)) in set(callables) - covered, label


def test_a_label_is_resolved_where_the_learner_imports_it():
    assert resolve("network.MLP.fit") is MLP.fit
    assert resolve("viz.plot_points") is viz.plot_points
    playground_files = [m for m in submodules("nn_helpers.widgets.playground") if hasattr(m, "network_spec")]
    assert playground_files and resolve("widgets.playground.network_spec") is playground_files[0].network_spec
    with pytest.raises(LookupError, match="no_such_function"):
        resolve("viz.no_such_function")


def sweep_items():
    items = []
    for name, case in CASES.items():
        for param in parameters(case):
            items.append(pytest.param(name, param, id=f"{name}({param})"))
    return items


SWEEP = sweep_items()


@pytest.fixture(autouse=True)
def _no_figures_left():
    yield
    plt.close("all")


@pytest.mark.parametrize("name", list(CASES))
def test_the_good_call_works(name):
    close(call(CASES[name]))


@pytest.mark.parametrize("name, param", SWEEP)
def test_bad_input_gets_a_clear_value_or_type_error(name, param):
    found = problems(CASES[name], param)
    assert not found, f"{name}({param}=...):\n  " + "\n  ".join(found)


def test_every_parameter_is_swept_unless_its_case_says_why():
    """Each case sweeps every parameter of its signature but the ones it skips, and skips only
    parameters it has (a stale skip would hide a parameter added later under the same name)."""
    for name, case in CASES.items():
        signature = signature_parameters(case)
        assert set(case.skip) <= set(signature), (name, case.skip)
        assert set(parameters(case)) == set(signature) - set(case.skip) | set(case.args) - set(case.skip), name
        assert set(case.takes) <= set(signature) | set(case.args) | set(TITLES), (name, sorted(case.takes))


def _strict(x, n=3):
    """A well-behaved function: n must be a positive int, x a finite 1-D array."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise TypeError(f"n must be a positive int; got {n!r:.40}")
    try:
        x = None if isinstance(x, (str, dict)) else np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        x = None
    if x is None or x.ndim != 1 or x.size == 0 or not np.all(np.isfinite(x)):
        raise ValueError("x must be a non-empty 1-D array of finite numbers")
    return x[:n]


def _sloppy_index(x, n=3):
    return x[n]                                                     # IndexError, KeyError, TypeError as it comes


def _mute(x, n=3):
    if not isinstance(n, int):
        raise ValueError("bad")                                     # says nothing a learner can use
    return np.asarray([1.0])


def _mutates(x, n=3):
    if isinstance(x, list):
        x.append(n)                                                 # changes the learner's own list
    return 1.0


@pytest.mark.parametrize("fn, param, says", [
    (_sloppy_index, "x", "None: TypeError without saying what was expected"),
    (_sloppy_index, "x", "a dict: KeyError (expected ValueError or TypeError)"),
    (_sloppy_index, "n", "a string: IndexError (expected ValueError or TypeError)"),
    (_mute, "n", "a string: ValueError without saying what was expected: 'bad'"),
    (_mute, "x", "a string: taken silently"),
    (_mutates, "x", "a list of strings: changed the value it was given (to ['a', 'b', 2])"),
])
def test_the_sweep_catches_crashes_mute_errors_silent_strings_and_changed_inputs(fn, param, says):
    found = problems(Case(fn, {"x": np.ones(4), "n": 2}), param)
    assert any(line.startswith(says) for line in found), found


def test_a_function_that_checks_its_arguments_passes_the_sweep():
    case = Case(_strict, {"x": np.ones(4), "n": 2})
    assert [problems(case, p) for p in parameters(case)] == [[], []]


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
    net = _net("tanh", HEADS[0], n_in=2)
    X = np.random.default_rng(0).normal(size=(10, 2))
    net.fit(X, np.zeros(10, dtype=int), epochs=200, lr=0.5)
    ax = viz.plot_decision_boundary(net, X, np.zeros(10, dtype=int), ax=Figure().add_subplot())
    assert len(ax.collections) >= 2                     # the shading and the points, no crash
    net3 = _net("tanh", HEADS[1], n_in=2)
    net3.fit(X, np.zeros(10, dtype=int), epochs=200, lr=0.5)
    viz.plot_decision_boundary(net3, X, np.zeros(10, dtype=int), ax=Figure().add_subplot())


@pytest.mark.parametrize("activation", ["tanh", "relu", "leaky_relu", "sigmoid", "identity"])
def test_the_largest_learning_rate_in_the_playground_never_shows_nan_or_a_blank_plot(activation):
    """lr = 10, the largest in the playground's menu: training succeeds or stops with "diverged";
    either way the picture shows finite numbers and the status line says which."""
    pg = playground(small_config().replace(activation=activation, lr=10.0, epochs=30, frames=4),
                    backend="static")
    try:
        rec = pg.recording
        assert _finite(rec.train_loss, *rec.weights[-1], *rec.biases[-1])
        assert np.all(np.isfinite(pg.replay.panels.image.get_array()))
        if rec.diverged_at is None:
            assert "Trained 30 epochs" in pg.status.value
        else:
            assert f"diverged at epoch {rec.diverged_at}" in pg.status.value
    finally:
        pg.close()


# ---------------------------------------------------------------------- the checkers

CHECKERS = sorted(exercises.checkers())


@pytest.mark.parametrize("name", CHECKERS)
def test_every_checker_answers_every_bad_value_with_one_line(name, capsys):
    """Each BAD value, given as the answer and returned by the learner's function: one line saying
    "Not quite" (or "Not solved yet" for None), never an exception, never "Correct".
    (tests/course/test_exercises.py adds functions that raise, return NaN or take the wrong arguments.)"""
    checker = exercises.checkers()[name]
    for label, value in BAD.items():
        for answer in (copy.deepcopy(value), lambda *args, _value=copy.deepcopy(value): _value):
            checker(answer)
            line = capsys.readouterr().out
            assert line.count("\n") == 1 and line.startswith(("❌ Not quite", "⏳ Not solved yet")), (label, line)
