"""A learner opens the first notebook in JupyterLab, runs all cells, and sees what the course promises."""

import re

import pytest

from .conftest import OUTPUT, error_outputs, open_notebook, run_all, screenshot, stderr_outputs

pytestmark = pytest.mark.browser

START_HERE = "notebooks/00_start_here.ipynb"
START_HERE_SOLVED = "notebooks/solutions/00_start_here.ipynb"


def run_and_check(page, path, expected_verdict):
    notebook = open_notebook(page, path)
    run_all(page)
    name = path.removesuffix(".ipynb").replace("/", "_")
    shot = screenshot(page, name)

    assert error_outputs(page) == [], f"errors in {path} (see {shot})"
    assert stderr_outputs(page) == [], f"warnings or other stderr output in {path} (see {shot})"
    verdict = notebook.locator(OUTPUT, has_text=expected_verdict)
    assert verdict.count() > 0, f"no output matching {expected_verdict.pattern!r} in {path} (see {shot})"
    screenshot(page, f"{name}-verdict", verdict.first)
    assert verdict.first.is_visible()
    figure = notebook.locator(f"{OUTPUT} img")
    assert figure.count() > 0, f"no figure rendered in {path} (see {shot})"
    screenshot(page, f"{name}-figure", figure.first)
    assert figure.first.is_visible()
    assert figure.first.evaluate("img => img.complete && img.naturalWidth > 0"), f"a figure did not load in {path}"


def test_start_here_learner_version_runs_and_says_not_solved(page):
    run_and_check(page, START_HERE, re.compile(r"not solved yet", re.IGNORECASE))


def test_start_here_solution_version_runs_and_says_correct(page):
    run_and_check(page, START_HERE_SOLVED, re.compile(r"\bCorrect\b"))
