"""tools/collect_results.py: a lecturer collects a class's nbval results, one line per exercise."""
import csv

import nbformat

from tools import collect_results
from tools.build_notebooks import LEARNER, SOLUTIONS, has_solution

NAME = "00_start_here.ipynb"


def hand_in(folder, student, edit=None):
    """Write a student's copy of the learner notebook, with edit(exercise cell, solution cell) applied."""
    learner = nbformat.read(LEARNER / NAME, as_version=4)
    solution = nbformat.read(SOLUTIONS / NAME, as_version=4)
    if edit:
        for mine, answer in zip(learner.cells, solution.cells):
            if has_solution(answer):
                edit(mine, answer)
    (folder / student).mkdir(parents=True)
    nbformat.write(learner, folder / student / NAME)


def test_solved_unsolved_and_wrong_answers_are_told_apart(tmp_path):
    hand_in(tmp_path, "alice", lambda mine, answer: setattr(mine, "source", answer.source))
    hand_in(tmp_path, "bob")
    hand_in(tmp_path, "carol", lambda mine, _: setattr(
        mine, "source", mine.source.replace("...  # YOUR CODE HERE", "return 0.5")))
    (tmp_path / "dave").mkdir()
    (tmp_path / "dave" / NAME).write_text("{ not a notebook", encoding="utf-8")

    results = {r.student: r for r in collect_results.collect(tmp_path, log=lambda *_: None)}
    assert results["alice"].exercises == [("00.1", True)] and results["alice"].other_failures == 0
    assert results["bob"].exercises == [("00.1", False)]
    assert results["carol"].exercises == [("00.1", False)]
    assert results["dave"].error.startswith("not a readable notebook")

    table = collect_results.table(list(results.values()))
    assert "alice    00_start_here  1/1" in table and "bob      00_start_here  0/1" in table
    collect_results.write_csv(list(results.values()), tmp_path / "grades.csv")
    rows = list(csv.DictReader(open(tmp_path / "grades.csv", encoding="utf-8")))
    assert [(r["student"], r["exercise"], r["solved"]) for r in rows][:3] == [
        ("alice", "00.1", "1"), ("bob", "00.1", "0"), ("carol", "00.1", "0")]


def test_an_empty_folder_says_what_it_expected(tmp_path, capsys):
    assert collect_results.main([str(tmp_path)]) == 2
    assert "<student>/NN_topic.ipynb" in capsys.readouterr().err
