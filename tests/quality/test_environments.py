"""The Binder environment, built the way repo2docker builds it, runs every solution notebook.

repo2docker's Python buildpack (with a ``binder/`` directory, which hides the root files) does:

1. a base environment with JupyterLab 4, Notebook 7 and ipywidgets 8 (from conda there; pip here),
2. ``pip install -r binder/requirements.txt`` from the repository root, after copying the whole
   repository in (a ``-r`` line counts as a local reference, so it cannot preassemble),
3. ``binder/postBuild``, run from the repository root with that environment first on PATH.

This test repeats those steps in a fresh venv over a copy of the repository's files (``-e .``
writes ``nn_helpers.egg-info`` next to the package, and that must not land in the real checkout),
then runs nbval over ``notebooks/solutions`` and the playground with that venv's Python, from
the copy, so the pytest and nbval settings in pyproject.toml apply. The plain ``requirements.txt`` route
(``python3 -m venv .venv && .venv/bin/pip install -r requirements.txt``) is what .ci/run does on
every CI run, so it is not repeated here.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests import REPO

BINDER_BASE = ["jupyterlab>=4,<5", "notebook>=7,<8", "ipywidgets>=8,<9"]
PIP_TIMEOUT = 900  # seconds; from a warm wheel cache this takes well under a minute


def _venv_available():
    python3 = shutil.which("python3")
    if python3 is None:
        return False
    probe = subprocess.run([python3, "-c", "import venv, ensurepip"], capture_output=True)
    return probe.returncode == 0


def _repository_files():
    """Tracked and untracked-but-not-ignored files: what a commit of this work tree would hold.

    Outside a git checkout (an unpacked archive), every file but the usual build and tool output.
    """
    if shutil.which("git") is None or not (REPO / ".git").exists():
        skip = {".git", "artifacts", "build", "__pycache__", ".ipynb_checkpoints", ".pytest_cache", ".hypothesis"}
        return [
            str(path.relative_to(REPO)) for path in REPO.rglob("*")
            if path.is_file()
            and not any(part in skip or part.startswith(".venv") or part.endswith(".egg-info")
                        for part in path.relative_to(REPO).parts)
        ]
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO, capture_output=True, check=True,
    ).stdout.decode()
    return [name for name in listing.split("\0") if name and (REPO / name).is_file()]


def copy_repository(copy):
    """Copy what a commit of this work tree would hold into the folder ``copy``; returns it."""
    for name in _repository_files():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, copy / name)
    return copy


def _clean_env(venv):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["VIRTUAL_ENV"] = str(venv)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.pop("MPLBACKEND", None)
    return env


def _run(command, cwd, env, timeout):
    result = subprocess.run(
        command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout,
    )
    assert result.returncode == 0, (
        f"{' '.join(map(str, command))} exited {result.returncode}\n"
        f"--- stdout (end) ---\n{result.stdout[-4000:]}\n--- stderr (end) ---\n{result.stderr[-4000:]}"
    )
    return result


def test_binder_runs_the_python_that_is_tested():
    """binder/runtime.txt pins the Python these tests run with (and build their venvs with)."""
    runtime = (REPO / "binder" / "runtime.txt").read_text().strip()
    tested = subprocess.run([shutil.which("python3") or sys.executable, "-c",
                             "import sys; print(f'python-{sys.version_info[0]}.{sys.version_info[1]}')"],
                            capture_output=True, text=True, check=True).stdout.strip()
    assert runtime == tested == f"python-{sys.version_info[0]}.{sys.version_info[1]}", (runtime, tested)


@pytest.mark.slow
@pytest.mark.skipif(not _venv_available(), reason="python3 -m venv is not available")
def test_binder_environment_runs_every_solution_notebook(tmp_path):
    copy = copy_repository(tmp_path / "repo")
    assert (copy / "binder" / "requirements.txt").is_file(), "binder/ is not in the repository"

    venv = tmp_path / "venv"
    python = venv / "bin" / "python"
    subprocess.run([shutil.which("python3"), "-m", "venv", str(venv)], check=True)
    env = _clean_env(venv)

    # 1. repo2docker's base environment; 2. the repository's binder/requirements.txt; 3. postBuild.
    _run([python, "-m", "pip", "install", "--quiet", *BINDER_BASE], copy, env, PIP_TIMEOUT)
    _run([python, "-m", "pip", "install", "--quiet", "-r", "binder/requirements.txt"], copy, env, PIP_TIMEOUT)
    _run(["bash", "binder/postBuild"], copy, env, 120)

    # nn_helpers comes from the copy (an editable install), not from this checkout or a wheel.
    where = _run([python, "-c", "import nn_helpers; print(nn_helpers.__file__)"], tmp_path, env, 60)
    assert Path(where.stdout.strip()).resolve() == (copy / "nn_helpers" / "__init__.py").resolve()

    # postBuild's JupyterLab settings are valid overrides of settings that exist.
    overrides_file = venv / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    schemas = venv / "share" / "jupyter" / "lab" / "schemas"
    for plugin, values in json.loads(overrides_file.read_text()).items():
        package, name = plugin.split(":")
        schema = json.loads((schemas / package / f"{name}.json").read_text())
        assert set(values) <= set(schema["properties"]), (plugin, values)

    # Every solution notebook and the playground pass nbval in that environment, with the
    # repository's settings.
    solutions = sorted((copy / "notebooks" / "solutions").glob("*.ipynb"))
    assert solutions, "no solution notebooks to run"
    result = _run(
        [python, "-m", "pytest", "notebooks/solutions", "notebooks/playground.ipynb", "-q", "-p", "no:cacheprovider"],
        copy, env, 900,
    )
    summary = result.stdout.strip().splitlines()[-1]
    assert " passed" in summary and "failed" not in summary and "error" not in summary, summary
