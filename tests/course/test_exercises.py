"""Every checker accepts a right answer, names what is wrong in typical wrong answers,
says "not solved yet" for the stub, and never crashes on garbage."""
import importlib
import inspect
import re
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from nn_helpers.course import exercises
from nn_helpers.course.exercises import CORRECT, UNSOLVED, WRONG
from tests.course.exercise_cases import merged


def stub(*args):
    ...  # YOUR CODE HERE  (what a learner's unsolved exercise looks like)


CASES = merged("CASES")        # of every tests/course/exercise_cases/nbNN.py
CHECKERS = sorted(name for name, f in inspect.getmembers(exercises, callable)
                  if name.startswith("check_"))


def test_every_checker_is_exported_from_its_notebook_module():
    modules = {getattr(exercises, n).__module__ for n in CHECKERS}
    assert all(m.startswith("nn_helpers.course.exercises.nb") for m in modules), modules


def test_every_checker_written_in_a_notebook_module_is_found_by_name():
    """Nothing lists the checkers: every ``@checker def check_x`` of an nbNN.py is a name of the package."""
    written = set()
    for path in Path(exercises.__file__).parent.glob("nb[0-9][0-9].py"):
        written |= set(re.findall(r"^@checker\ndef (check_\w+)\(", path.read_text(), flags=re.MULTILINE))
    assert len(written) >= 30 and set(CHECKERS) == written == set(exercises.checkers())


CHECKER_SOURCE = ("from ._core import CORRECT, Verdict, checker\n\n\n@checker\ndef {name}(answer):\n"
                  "    return Verdict(CORRECT, 'the answer is fine.')\n")


def fake_exercises(tmp_path, monkeypatch, package, modules):
    """A copy of the exercises package (its __init__ and _core) named ``package``, holding ``modules``
    (stem -> source) as its notebook modules."""
    folder = tmp_path / package
    folder.mkdir()
    for name in ("__init__.py", "_core.py"):
        shutil.copy(Path(exercises.__file__).parent / name, folder / name)
    for stem, source in modules.items():
        (folder / f"{stem}.py").write_text(source)
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        monkeypatch.delitem(sys.modules, name)
    return importlib.import_module(package)


def test_a_new_notebooks_checker_is_found_without_being_listed(tmp_path, monkeypatch):
    fake = fake_exercises(tmp_path, monkeypatch, "fake_exercises_new",
                          {"nb11": CHECKER_SOURCE.format(name="check_new"), "helpers": "X = 1\n"})
    assert "fake_exercises_new.nb11" not in sys.modules            # nothing imported at import
    from fake_exercises_new import check_new
    assert check_new.verdict(42).passed and "check_new" in dir(fake)
    assert fake.notebook_modules() == ["nb11"]                      # helpers.py is no notebook
    with pytest.raises(ImportError, match="check_old"):
        from fake_exercises_new import check_old  # noqa: F401


def test_two_notebooks_defining_one_checker_is_an_error(tmp_path, monkeypatch):
    fake = fake_exercises(tmp_path, monkeypatch, "fake_exercises_twice",
                          {"nb11": CHECKER_SOURCE.format(name="check_same"),
                           "nb12": CHECKER_SOURCE.format(name="check_same")})
    with pytest.raises(ImportError, match="check_same is defined twice"):
        fake.check_same


def test_every_checker_has_cases_with_at_least_two_wrong_answers():
    assert CHECKERS, "no checkers found"
    assert set(CHECKERS) == set(CASES)
    for name in CHECKERS:
        assert len(CASES[name]["wrong"]) >= 2, name


@pytest.mark.parametrize("name", CHECKERS)
def test_right_answers_pass(name):
    for answer in CASES[name]["right"]:
        verdict = getattr(exercises, name).verdict(answer)
        assert verdict.status == CORRECT, verdict.message


@pytest.mark.parametrize("name, answer, hint",
                         [(n, a, h) for n in CASES for a, h in CASES[n]["wrong"]])
def test_wrong_answers_are_rejected_with_a_hint(name, answer, hint):
    verdict = getattr(exercises, name).verdict(answer)
    assert verdict.status == WRONG
    assert hint in verdict.message


FUNCTION_CHECKERS = [n for n in CHECKERS if CASES.get(n, {}).get("kind") == "function"]
VALUE_CHECKERS = [n for n in CHECKERS if CASES.get(n, {}).get("kind") == "value"]


def test_every_checker_says_what_it_takes():
    assert sorted(FUNCTION_CHECKERS + VALUE_CHECKERS) == CHECKERS


@pytest.mark.parametrize("name", FUNCTION_CHECKERS)
def test_the_stub_function_is_not_solved_yet(name):
    verdict = getattr(exercises, name).verdict(stub)
    assert verdict.status == UNSOLVED
    assert "Replace the `...`" in verdict.message


@pytest.mark.parametrize("name", VALUE_CHECKERS)
def test_the_stub_value_is_not_solved_yet(name):
    verdict = getattr(exercises, name).verdict(None)
    assert verdict.status == UNSOLVED
    assert "Replace the `...`" in verdict.message


def _reports_one_wrong_line(name, garbage, capsys):
    getattr(exercises, name)(garbage)              # must not raise
    line = capsys.readouterr().out
    assert line.startswith("❌ Not quite"), line
    assert line.count("\n") == 1, "a checker prints exactly one line"
    return line


@pytest.mark.parametrize("name", FUNCTION_CHECKERS)
@pytest.mark.parametrize("garbage, says", [
    (lambda *a: 1 / 0, "raised ZeroDivisionError"),
    (lambda *a: "seventy", "seventy"),
    (lambda *a: float("nan"), "nan"),
    (lambda: 1, "raised TypeError"),           # wrong number of parameters
    (42, "expected a function"),
])
def test_garbage_functions_are_reported_not_raised(name, garbage, says, capsys):
    assert says in _reports_one_wrong_line(name, garbage, capsys)


@pytest.mark.parametrize("name", VALUE_CHECKERS)
@pytest.mark.parametrize("garbage", ["seventy", float("nan"), [[1.0, 2.0], [3.0, 4.0]], object(), print])
def test_garbage_values_are_reported_not_raised(name, garbage, capsys):
    _reports_one_wrong_line(name, garbage, capsys)


# A success line names what was checked and the value, never the method (how to compute it): the
# learner who passed by luck or by copying must not be handed the formula, and the line is stored as
# the course's expected output, so every right answer must print the very same text.
_DERIVATIVE = re.compile(r"\bd\w+/d\w+")          # dE/dw7 names a value; it is no way to compute one
_METHOD = [   # (pattern, what it catches)
    (r"[\w)\]]\s*(?:\*\*?|/|@)\s*[A-Za-z_(]", "a product or quotient of names: W @ a, -w1/w2, beta * v"),
    (r"[\w)\]]\s+[-+]\s+[A-Za-z_(]|[A-Za-z_)]\+[A-Za-z_(]", "a sum or difference of names: a - t, x+h"),
    (r"\d\s+[-+*/]\s+\d+\s*[A-Za-z_(]", "arithmetic on a name: 1 - 8 eta"),
    (r"\d\s*/\s*\d", "a fraction: 1/2, 1/8"),
    (r"[×·−]", "typeset arithmetic: a × b, 2·a1"),
    (r"\^T|\.T\b|\^\d", "a transpose or a power: W^T, W.T, (t - o)^2"),
    (r"\b(?:sigmoid|exp|sqrt|sign)\(|\blog\b|\bnp\.\w+|\bargmax\b", "a function applied: sigmoid(...), -log p"),
    (r"diagonal over|row sums|bias correction|forward through|times itself", "the method in words"),
]


def _method_in(line):
    """The description of the first method-giving pattern found in ``line``, or None."""
    line = _DERIVATIVE.sub("DERIVATIVE", line)
    return next((what for pattern, what in _METHOD if re.search(pattern, line)), None)


# Success lines as they were before issue 13: each gives the method away, so the check must catch it.
_OLD_SUCCESS_LINES = [
    "y_hat = 1.584576: the hidden units give [0.731059, 0.377541], then 2·a1 − 1·a2 + 0.5.",
    "bump gives height · (sigmoid(s(x − left)) − sigmoid(s(x − right))) on 3 cases, a negative height included.",
    "neuron gives sigmoid(w . x + b) on 4 test cases (for example 0.645656 for z = 0.6).",
    "line_of_neuron gives slope -w1/w2 and intercept -b/w2 on 4 test cases (for example (-1, 1.5) for w = (1, 1), "
    "b = -1.5).",
    "tanh_from_sigmoid equals np.tanh on 6 values of z (e.g. 0.761594 at z = 1).",
    "a^(1)_2 = sigmoid(0.3·1 + 0.5·1 + 0.6·0) = sigmoid(0.8) = 0.689974.",
    "layer_forward gives sigmoid(W @ a + b) on 3 cases, Mazur's hidden layer included (0.593270, 0.596884).",
    "forward_batch gives sigmoid(A @ W.T + b), one example a row, on 2 batches.",
    "E = 1/2 (1 - 0.700567)^2 = 0.044830.",
    "binary_cross_entropy gives the cross-entropy on 5 cases (for example 0.105361 = -log 0.9 for t = 1, p = 0.9).",
    "central_difference gives (f(x+h) - f(x-h)) / 2h on 3 functions (12.01 for x**3 at x = 2, h = 0.1).",
    "dE/db = (a - t) * sigma'(z) * 1 = -0.052877.",
    "value_tanh computes tanh and its backward rule u.grad += (1 - y^2) * out.grad (checked at u = 0.5 and "
    "u = -1.2).",
    "dE/dw7 = (0.772928 - 0.99) × 0.175510 × 0.593270 = -0.022602540.",
    "output_delta gives (a - t) a (1 - a) on 3 cases (Mazur's: [0.138498562, -0.038098237]).",
    "hidden_delta gives (W_next^T delta_next) a (1 - a) on 2 cases (Mazur's hidden deltas: 0.008771355, "
    "0.009954255).",
    "eta_one_step = 1/8 = 0.125: the factor 1 - 8 eta is 0, so from any w one step lands on w = 3 exactly.",
    "per_class_accuracy gives the diagonal over the row sums: the share of each true class predicted right "
    "(2 cases).",
    "predict goes forward through every layer with its activation and takes the argmax of each row: the same "
    "labels as net.predict on 2 networks.",
    "momentum_step gives v_new = beta v + grad, w_new = w - lr v_new on 3 cases.",
    "adam_step matches Adam with bias correction on 3 cases (at t = 1, from m = v = 0, every weight moves by "
    "exactly lr: the first step is lr * sign(grad)).",
    "dW_total = dW_data + lam W = [[ 0.15, 0.1 ], [-0.1 , 0.05]]: every weight is pulled towards 0 by lam times "
    "itself.",
]


@pytest.mark.parametrize("line", _OLD_SUCCESS_LINES, ids=lambda line: line.split()[0])
def test_the_method_check_catches_the_old_success_lines(line):
    assert _method_in(line), line


@pytest.mark.parametrize("line", ["dE/dw7 = -0.022602540 (Mazur's 2-2-2 network, before the first update).",
                                  "gradient_descent matches in 1-D and 2-D: from w = -1 with lr = 0.3 on "
                                  "(w - 3)² + 1 it visits -1, 1.4, 2.36, 2.744, ...",
                                  "a^(1)_2 = 0.689974, hidden node 2's activation for the input (1, 1, 0)."])
def test_the_method_check_lets_names_and_values_through(line):
    assert _method_in(line) is None


@pytest.mark.parametrize("name", CHECKERS)
def test_success_lines_name_the_value_not_the_method_and_are_stable(name):
    messages = {getattr(exercises, name).verdict(answer).message for answer in CASES[name]["right"]}
    assert len(messages) == 1, f"right answers print different success lines: {sorted(messages)}"
    (message,) = messages
    assert not _method_in(message), f"{_method_in(message)} in the success line: {message}"
    assert len(message) <= 160, f"keep the success line short ({len(message)} characters): {message}"


def test_checker_prints_one_stable_line_on_success(capsys):
    exercises.check_accuracy(CASES["check_accuracy"]["right"][0])
    exercises.check_accuracy(CASES["check_accuracy"]["right"][0])
    first, second = capsys.readouterr().out.splitlines()
    assert first == second and first.startswith("✅ Correct")


def test_a_checker_whose_own_code_fails_reports_instead_of_raising(capsys):
    @exercises.checker
    def check_broken(answer):
        raise RuntimeError("bug in the checker")
    check_broken(stub)
    assert "checking your answer failed with RuntimeError" in capsys.readouterr().out


def test_checkers_do_not_modify_the_learners_inputs():
    seen = []

    def spy(t, p):
        seen.append((t.copy(), p.copy()))
        t[:] = 0                                   # a learner's function that scribbles on its input
        return np.mean(t == p)

    exercises.check_accuracy.verdict(spy)
    again = []
    exercises.check_accuracy.verdict(lambda t, p: again.append((t.copy(), p.copy())) or 0.5)
    assert all(np.array_equal(a[0], b[0]) for a, b in zip(seen, again))


VALUE_CHECKERS = [n for n in CHECKERS if CASES[n]["kind"] == "value"]


@pytest.mark.parametrize("name", VALUE_CHECKERS)
def test_a_wrong_value_is_not_told_the_right_value(name):
    """For a value exercise the expected value is the answer: a wrong try must not print it."""
    right = np.asarray(CASES[name]["right"][0], dtype=float).ravel()
    shown = {f"{v:.6f}" for v in right} | {f"{v:.4f}" for v in right}
    for wrong, _ in CASES[name]["wrong"]:
        try:
            if np.allclose(np.asarray(wrong, dtype=float).ravel(), right):
                continue                 # the right value in the wrong form (an array, a string): echoing it is fine
        except (TypeError, ValueError):
            pass
        message = getattr(exercises, name).verdict(wrong).message
        leaked = [s for s in shown if abs(float(s)) > 1e-3 and re.search(rf"(?<![\d.-]){re.escape(s)}", message)]
        assert leaked == [], f"{name}({wrong!r}) prints the answer {leaked}: {message}"
