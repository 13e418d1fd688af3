"""tools/collect_results.py: what the command says when there is nothing to grade.

Grading itself (right, wrong, unsolved, tampered, broken, endless and loud submissions) is tested
in tests/course/test_selfcheck.py, on notebooks executed and saved as JupyterLab saves them.
"""
from tools import collect_results


def test_an_empty_folder_says_what_it_expected(tmp_path, capsys):
    assert collect_results.main([str(tmp_path)]) == 2
    assert "<student>/NN_topic.ipynb" in capsys.readouterr().err


def test_a_notebook_the_course_does_not_have_is_reported(tmp_path):
    (tmp_path / "ann").mkdir()
    (tmp_path / "ann" / "42_unknown.ipynb").write_text('{"cells": [], "metadata": {}, "nbformat": 4, '
                                                       '"nbformat_minor": 5}', encoding="utf-8")
    [result] = collect_results.collect(tmp_path, log=lambda *_: None)
    assert result.error.startswith("not a notebook of this course") and result.exercises == []
