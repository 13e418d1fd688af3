"""The lowest versions requirements.txt allows really work: each lower bound installed exactly.

requirements.txt (the learner's install) says ``numpy>=2.0``, ``matplotlib>=3.11.0`` and so on;
a learner whose environment already has those versions should get a working course. This test
reads every ``name>=version`` line, installs ``name==version`` for all of them at once in a fresh
venv (with the Python running the tests: the one binder/runtime.txt pins), together with the
other lines of requirements-dev.txt as they stand (the tests need them; pip must find versions of
them that agree with the pinned ones), then runs the unit tests and nbval over a few notebooks
there (through the course's self-check plugin), from a copy of the repository. The sweep of bad
inputs (tests/quality/test_reliability.py) and the slow tests are left out: they test our code, not
the libraries' versions, and take minutes. (The newest versions are what .ci/run installs.)
"""
import re
import subprocess
import sys

import pytest
from packaging.version import Version

from tests.quality.test_environments import PIP_TIMEOUT, REPO, _clean_env, _run, _venv_available, copy_repository

BOUND = re.compile(r"^(?P<name>[A-Za-z0-9_.\[\]-]+)\s*>=\s*(?P<version>[0-9][0-9A-Za-z.]*)\s*(#.*)?$")
NOTEBOOKS = ["notebooks/solutions/00_start_here.ipynb", "notebooks/solutions/03_activation_functions.ipynb",
             "notebooks/solutions/08_gradient_descent_and_training.ipynb", "notebooks/playground.ipynb"]


def lower_bounds(text):
    """{name: lowest version} from a requirements file; ValueError for a requirement without one."""
    bounds = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("-e ") or line.startswith("-r "):
            continue
        match = BOUND.match(line)
        if not match:
            raise ValueError(f"requirements.txt: {line!r} does not state a lower bound as name>=version")
        bounds[match["name"]] = match["version"]
    return bounds


def test_every_requirement_states_a_lower_bound():
    bounds = lower_bounds((REPO / "requirements.txt").read_text())
    assert {"numpy", "matplotlib", "ipywidgets", "scikit-learn", "jupyterlab", "nbval"} <= set(bounds), bounds
    assert lower_bounds("numpy>=2.0\n# a comment\n-e .\nvoila>=0.5.7   # why\n") == {"numpy": "2.0", "voila": "0.5.7"}
    with pytest.raises(ValueError, match="does not state a lower bound"):
        lower_bounds("numpy\n")


@pytest.mark.slow
@pytest.mark.skipif(not _venv_available(), reason="python3 -m venv is not available")
def test_the_lowest_allowed_versions_run_the_tests_and_notebooks(tmp_path):
    copy = copy_repository(tmp_path / "repo")
    bounds = lower_bounds((copy / "requirements.txt").read_text())
    pins = tmp_path / "lowest.txt"
    dev = [line for line in (copy / "requirements-dev.txt").read_text().splitlines()
           if line.strip() and not line.startswith(("#", "-r", "-e"))]
    pins.write_text("".join(f"{name}=={version}\n" for name, version in bounds.items())
                    + "".join(f"{line}\n" for line in dev) + f"-e {copy}\n")

    venv = tmp_path / "venv"
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = _clean_env(venv)
    _run([python, "-m", "pip", "install", "--quiet", "-r", str(pins)], copy, env, PIP_TIMEOUT)
    _run([python, "-m", "pip", "check"], copy, env, 120)
    listed = _run([python, "-m", "pip", "list", "--format=freeze"], copy, env, 120).stdout
    installed = {re.sub(r"[-_.]+", "-", n).lower(): v for n, _, v in
                 (line.partition("==") for line in listed.splitlines()) if v}
    for name, version in bounds.items():
        got = installed.get(re.sub(r"[-_.]+", "-", name).lower())
        assert got is not None and Version(got) == Version(version), (name, version, got)

    result = _run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not slow and not browser and not hub",
                   "-k", "not bad_input_gets", "--deselect", "tests/unit/test_torch_bridge.py", "tests", *NOTEBOOKS],
                  copy, env, 1800)
    summary = result.stdout.strip().splitlines()[-1]
    assert " passed" in summary and "failed" not in summary and "error" not in summary, summary
