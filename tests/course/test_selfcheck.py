"""The self-check (``pytest --nbval``) and the grader judge a learner against the course, never
against the outputs their own saved file stores.

Each scenario is a real learner notebook, executed in a kernel and saved with its own outputs (as
JupyterLab's Ctrl+S does), then checked in a subprocess the way a learner or a lecturer runs it.
The comparison rules ("equal to a person") are tested first, each in both directions.
"""
import csv
import json

import nbformat
import pytest

from nn_helpers.course import record as rec
from tests.course.natural_answers import NATURAL, WRONG, answered
from tests.course.selfcheck_runs import LEARNER, REPO, learner_copy, save_run, self_check, solved, stored_texts, unsolved
from tools import collect_results

NB07 = "07_backpropagation"
EX07 = ["07.1", "07.2", "07.3"]


def answers(table, prefix):
    return {name: code for name, code in table.items() if name.startswith(prefix)}


# ---------------------------------------------------------------- equal means equal to a person
@pytest.mark.parametrize("got, expected", [
    ("np.float64(0.75)", "0.75"),
    ("np.int64(3)", "3"),
    ("(np.float64(-1.0), np.float64(1.5))", "(-1.0, 1.5)"),
    ("np.True_", "True"),
    ("array([ 0.13849856, -0.03809824])", "array([0.13849856, -0.03809824])"),
    ("array([[1., 0.],\n       [0., 1.]])", "array([[1, 0], [0, 1]])"),
    ("0.7500000000000001", "0.75"),
    ("-0.022602540477475077", "-0.02260254047747507"),
    ("<Figure at 0x7f3a2b1c9d90>", "<Figure at 0x55d1e0a3b2c0>"),
])
def test_what_a_person_reads_as_equal_compares_equal(got, expected):
    assert rec.canonical(got) == rec.canonical(expected)


@pytest.mark.parametrize("got, expected", [
    ("0.76", "0.75"),                            # a wrong digit at the printed precision
    ("np.float64(0.76)", "0.75"),
    ("3", "4"),
    ("1234567891", "1234567890"),                # integers exactly, however long
    ("-0.0226", "0.0226"),
    ("0.123456789", "0.123456780"),              # within 10 significant digits
    ("array([0.1385, 0.0381])", "array([0.1385, -0.0381])"),
    ("✅ Correct: x", "❌ Not quite: x"),
    ("dE_dw7 = 1", "dE_dw8 = 1"),                # digits inside names are text
])
def test_a_different_value_or_text_still_differs(got, expected):
    assert rec.canonical(got) != rec.canonical(expected)


def test_exercise_frame_allows_only_the_answer_to_change():
    course = "def f(x):\n    ...  # YOUR CODE HERE\n\n\nf(3)"
    assert rec.frame_kept(course, "def f(x):\n    y = 2 * x\n    return y\n\n\nf(3)")
    assert not rec.frame_kept(course, "def f(x):\n    return 2 * x\n\n\nf(4)")      # the demo call changed
    assert not rec.frame_kept(course, "def g(x):\n    return 2 * x\n\n\nf(3)")


def test_every_notebook_has_a_current_record_with_its_exercises():
    from tools.course_files import solution_paths
    for path in solution_paths():
        record = rec.load(path.stem)
        assert record is not None, f"no record for {path.stem}: run python -m tools.build_notebooks"
        kinds = [c["kind"] for c in record["cells"]]
        assert kinds.count(rec.EXERCISE) == len(record["exercises"]) >= 1
        for name, exercise in record["exercises"].items():
            assert exercise["cells"] and exercise["checkers"], f"{path.stem} {name}: exercise or checker not found"


# ---------------------------------------------------------------- notebook 07, saved as a learner saves it
@pytest.fixture(scope="module")
def saved07(tmp_path_factory):
    """Notebook 07 saved four ways (each executed in a kernel, its own outputs stored), then checked
    by one self-check run from a folder outside the course: {scenario: (file, result)}."""
    folder = tmp_path_factory.mktemp("learner07")
    nb = learner_copy(NB07)
    scenarios = {
        "wrong": answered(nb, answers(WRONG, "07")),
        "natural": answered(nb, answers(NATURAL, "07")),
        "unsolved": nb,
    }
    edited = answered(nb, answers(NATURAL, "07"))
    checker = next(c for c in edited.cells if c.cell_type == "code" and "check_output_delta(" in c.source)
    checker.source = 'print("✅ Correct: output_delta matches on 3 cases")'
    teaching = next(c for c in edited.cells if c.cell_type == "code" and "- 0.5 * dE_dw10" in c.source)
    teaching.source = teaching.source.replace("- 0.5 * dE_dw10", "- 0.4 * dE_dw10")
    scenarios["edited"] = edited
    paths = {name: save_run(scenario, folder / f"{name}.ipynb") for name, scenario in scenarios.items()}
    code, output, results = self_check(paths.values(), cwd=folder)
    return {name: (nbformat.read(path, as_version=4), results.get(path.name)) for name, path in paths.items()}, output


def test_saved_wrong_answers_fail_at_exactly_those_exercises(saved07):
    (nb, result), output = saved07[0]["wrong"], saved07[1]
    assert "❌ Not quite" in stored_texts(nb)            # the file stores the learner's own run
    assert solved(result) == [] and result["other_failures"] == 0
    assert "07_backpropagation: 0 of 3 exercises solved (07.1 ✗ 07.2 ✗ 07.3 ✗); no other cell differs" in output
    assert "Exercise 07.2: the output delta (BP1) (checker)" in output     # named as the learner reads it
    assert "expected: a line starting ✅ Correct (not shown in full" in output
    assert "-0.022602540" not in output and "0.0226025404" not in output  # the answer to 07.1 is never shown


def test_plain_nbval_is_fooled_by_the_saved_wrong_answers_and_the_course_check_is_not(saved07, tmp_path):
    """Why the plugin exists: nbval alone compares with what the learner's own run stored (with the
    course's sanitize file, so that a figure is compared by its alt text, as images are skipped)."""
    nb, _ = saved07[0]["wrong"]
    nbformat.write(nb, tmp_path / "wrong.ipynb")
    plain, output, _ = self_check([tmp_path / "wrong.ipynb"], cwd=tmp_path,
                                  extra=["-p", "no:nn_course", f"--nbval-sanitize-with={REPO / 'nbval_sanitize.cfg'}"])
    assert plain == 0, output
    course, output, _ = self_check([tmp_path / "wrong.ipynb"], cwd=tmp_path)
    assert course == 1


def test_saved_natural_answers_pass_numpy_scalars_and_all(saved07):
    nb, result = saved07[0]["natural"]
    assert "✅ Correct" in stored_texts(nb)
    assert solved(result) == EX07 and result["other_failures"] == 0 and result["edited"] == []


def test_saved_unsolved_notebook_fails_at_the_exercises_only(saved07):
    nb, result = saved07[0]["unsolved"]
    assert "⏳ Not solved yet" in stored_texts(nb)
    assert unsolved(result) == EX07 and result["other_failures"] == 0
    assert [e["problems"] for e in result["exercises"]] == [["checker output differs"]] * 3   # one failure each


def test_an_edited_checker_never_passes_and_an_edited_cell_is_named(saved07):
    nb, result = saved07[0]["edited"]
    assert solved(result) == ["07.1", "07.3"]
    assert result["edited"][0] == "Exercise 07.2: the output delta (BP1) (checker)"
    assert len(result["edited"]) == 2
    assert result["other_failures"] == 2        # w10's cell, and the table of every number, which reads w10
    assert "differs from the course's" in saved07[1]


# ---------------------------------------------------------------- from any folder, nothing to configure
@pytest.mark.parametrize("where", ["course root", "notebooks/", "elsewhere"])
def test_the_shipped_learner_copy_checks_from_any_folder(where, tmp_path):
    cwd, target = {"course root": (REPO, LEARNER / "00_start_here.ipynb"),
                   "notebooks/": (LEARNER, "00_start_here.ipynb"),
                   "elsewhere": (tmp_path, LEARNER / "00_start_here.ipynb")}[where]
    code, output, results = self_check([target], cwd=cwd)
    assert code == 1, output
    assert "00_start_here: 0 of 1 exercises solved (00.1 ✗); no other cell differs" in output
    assert "FileNotFoundError" not in output and "Cell 7" not in output


def test_moved_cells_and_a_deleted_checker(tmp_path):
    nb = answered(learner_copy("00_start_here"), answers(NATURAL, "00"))
    moved = nbformat.from_dict(json.loads(json.dumps(nb)))
    for cell in moved.cells:
        cell.id = "new-" + cell.id                       # every cell cut and pasted: ids all new
    deleted = nbformat.from_dict(json.loads(json.dumps(nb)))
    deleted.cells = [c for c in deleted.cells if "check_accuracy(accuracy)" not in c.source]
    for name, notebook in {"moved": moved, "deleted": deleted}.items():
        nbformat.write(notebook, tmp_path / f"{name}.ipynb")
    code, output, results = self_check([tmp_path / "moved.ipynb", tmp_path / "deleted.ipynb"], cwd=tmp_path)
    assert solved(results["moved.ipynb"]) == ["00.1"] and results["moved.ipynb"]["other_failures"] == 0
    assert solved(results["deleted.ipynb"]) == []
    assert results["deleted.ipynb"]["missing"] == ["Exercise 00.1: measure accuracy (checker) (missing)"]


def test_a_file_that_is_not_a_notebook_is_told_so(tmp_path):
    broken = tmp_path / "00_start_here.ipynb"
    broken.write_text('{"cells": [', encoding="utf-8")
    code, output, _ = self_check([broken], cwd=tmp_path)
    assert code != 0 and "00_start_here.ipynb is not a readable notebook" in output


# ---------------------------------------------------------------- grading a class
@pytest.fixture(scope="module")
def graded(tmp_path_factory, saved07):
    folder = tmp_path_factory.mktemp("submissions")
    copies = {"ana": "natural", "ben": "wrong", "cleo": "unsolved"}
    for student, scenario in copies.items():
        (folder / student).mkdir()
        nbformat.write(saved07[0][scenario][0], folder / student / f"{NB07}.ipynb")
    # dan replaces every checker by its success line; the file stores the solution's outputs
    solution = nbformat.read(REPO / "notebooks" / "solutions" / f"{NB07}.ipynb", as_version=4)
    stored = {c.id: c.outputs for c in solution.cells if c.cell_type == "code"}
    success = {c["id"]: c["outputs"][0]["text"] for c in rec.load(NB07)["cells"] if c["kind"] == rec.CHECKER}
    dan = answered(learner_copy(NB07), answers(WRONG, "07"))
    for cell in dan.cells:
        if cell.cell_type == "code":
            cell.outputs = stored[cell.id]
            if cell.id in success:
                cell.source = f"print({success[cell.id].strip()!r})"
    (folder / "dan").mkdir()
    nbformat.write(dan, folder / "dan" / f"{NB07}.ipynb")
    (folder / "eve").mkdir()
    (folder / "eve" / f"{NB07}.ipynb").write_text("this is not a notebook", encoding="utf-8")
    loop = answered(learner_copy("00_start_here"), {"00.1": "while True:\n    pass"})
    nbformat.write(loop, folder / "eve" / "00_start_here.ipynb")
    loud = answered(learner_copy("00_start_here"), {"00.1": "print('x' * 3_000_000)\nreturn np.mean(y_true == y_pred)"})
    (folder / "fay").mkdir()
    nbformat.write(loud, folder / "fay" / "00_start_here.ipynb")
    results = collect_results.collect(folder, log=lambda *_: None, timeout=120, cell_timeout=10)
    collect_results.write_csv(results, folder / "grades.csv")
    rows = list(csv.DictReader(open(folder / "grades.csv", encoding="utf-8")))
    return {(r.student, r.notebook): r for r in results}, rows


def test_grading_gives_credit_for_right_answers_only(graded):
    results, _ = graded
    assert results["ana", NB07].exercises == [(e, True) for e in EX07]
    assert results["ben", NB07].exercises == [(e, False) for e in EX07]
    assert results["cleo", NB07].exercises == [(e, False) for e in EX07]
    assert results["ana", NB07].other_failures == results["ben", NB07].other_failures == 0


def test_grading_flags_replaced_checkers_and_gives_them_no_credit(graded):
    results, rows = graded
    dan = results["dan", NB07]
    assert dan.exercises == [(e, False) for e in EX07]
    assert [f for f in dan.flags if "checker edited" in f] == [f"{e}: checker edited or missing, no credit" for e in EX07]
    assert [r["flags"] for r in rows if r["student"] == "dan"] == [f"{e}: checker edited or missing, no credit" for e in EX07]


def test_grading_survives_a_broken_file_an_endless_loop_and_megabytes_of_output(graded):
    results, rows = graded
    assert results["eve", NB07].error.startswith("not a readable notebook")
    eve00 = results["eve", "00_start_here"]
    assert eve00.exercises == [("00.1", False)] and eve00.error == ""    # the cell timed out, the rest ran
    assert results["fay", "00_start_here"].exercises == [("00.1", False)]  # extra output is not the course's
    assert {r["student"] for r in rows} == {"ana", "ben", "cleo", "dan", "eve", "fay"}
    assert list(rows[0]) == ["student", "notebook", "exercise", "solved", "error", "flags"]
