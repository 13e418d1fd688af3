"""Saved learner notebooks and the self-check run on them, as a learner does it (for the tests).

``save_run`` executes a notebook in a kernel and writes it with its own outputs stored, as
JupyterLab's Ctrl+S does; ``self_check`` runs ``pytest --nbval`` on files in a subprocess, from a
working directory of the test's choice, and returns what the learner would read: the exit code,
the terminal output, and the plugin's results (``--nn-results``) by file name.
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from tests import REPO

LEARNER = REPO / "notebooks"


def learner_copy(stem):
    """The learner's notebook as the course ships it (notebooks/NN_topic.ipynb)."""
    return nbformat.read(LEARNER / f"{stem}.ipynb", as_version=4)


def save_run(nb, path, timeout=120):
    """Execute nb in a fresh kernel in path's folder (errors allowed, as in JupyterLab) and save it there."""
    from nbclient import NotebookClient
    path = Path(path)
    NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(nb, path)
    return path


def stored_texts(nb):
    """Every code cell's stored stream and text/plain output, joined (what a saved file says)."""
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            out.append(o.get("text", "") + str(o.get("data", {}).get("text/plain", "")))
    return "\n".join(out)


def self_check(paths, cwd, extra=(), timeout=600):
    """``python -m pytest --nbval PATHS`` from cwd, as a learner types it (inside the course folder
    pyproject.toml's settings apply). Returns (exit code, terminal output, {file name: the plugin's
    result for it}).
    """
    with tempfile.TemporaryDirectory() as tmp:
        results = Path(tmp) / "results.json"
        command = [sys.executable, "-m", "pytest", "--nbval", *map(str, paths), "-p", "no:cacheprovider", *extra]
        if "no:nn_course" not in extra:
            command.append(f"--nn-results={results}")
        proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
        found = json.loads(results.read_text()) if results.exists() else []
    return proc.returncode, proc.stdout + proc.stderr, {Path(r["file"]).name: r for r in found}


def solved(result):
    return [e["name"] for e in result["exercises"] if e["solved"]]


def unsolved(result):
    return [e["name"] for e in result["exercises"] if not e["solved"]]
