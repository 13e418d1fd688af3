"""Every notebook gives the same text on every run, on any machine, for anyone.

Two kinds of checks:

* Fast, on the stored outputs (what nbval compares against): no memory address, machine
  path, date or clock time in any compared text; no warning on stderr; no error in a
  complete notebook; and every cell that shows a live widget is marked NBVAL_IGNORE_OUTPUT.
* Slow: every notebook runs twice more in fresh kernels (``tests/quality/fresh_runs.py``, with
  PYTHONHASHSEED 1 and 2) and each compared text output must be byte-identical to the stored
  one. With the build that stored them and the nbval run of the default ``pytest``, that is
  four runs, three of them checked against the first. The kernels run offline, behind the
  network guard of tests/quality/fresh_runs.py (tested in tests/quality/test_safety.py): none may have tried
  to reach the network.
"""
import re

import nbformat
import pytest

from tests.quality.fresh_runs import HASH_SEEDS, fresh_runs, ignores_output, notebook_paths, text_outputs

NOTEBOOKS = notebook_paths()
IDS = [path.name for path in NOTEBOOKS]

# What must never be in a compared text: it differs between runs, machines or people.
UNSTABLE = {
    "a memory address": re.compile(r"\b0x[0-9a-fA-F]{6,}\b|\bat 0x[0-9a-fA-F]+"),
    "a machine path": re.compile(r"(?<![\w.])(/home/|/root/|/tmp/|/work/|/Users/|/var/folders/|[A-Z]:\\\\)"),
    "a date": re.compile(r"\b(19|20)\d\d-[01]\d-[0-3]\d\b"),
    "a clock time": re.compile(r"\b[0-2]\d:[0-5]\d:[0-5]\d\b"),
    "a duration": re.compile(r"\b\d+\.\d+ ?(s|ms|µs)\b|\b\d+ ?(ms|µs|sec|secs|seconds)\b"),
    "an object repr": re.compile(r"<[\w.]+ object at "),
}


def _read(path):
    return nbformat.read(path, as_version=4)


def test_the_notebooks_are_found():
    names = [path.name for path in NOTEBOOKS]
    assert "00_start_here.ipynb" in names and "playground.ipynb" in names, names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_stored_texts_hold_nothing_that_changes_between_runs(path):
    found = []
    for index, texts in text_outputs(_read(path)):
        for kind, text in texts:
            for what, pattern in UNSTABLE.items():
                match = pattern.search(text)
                if match:
                    found.append(f"cell {index} ({kind}) shows {what}: ...{text[max(0, match.start() - 40):match.end() + 20]!r}...")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_stored_output_writes_a_warning_or_an_error(path):
    found = []
    for index, cell in enumerate(_read(path).cells):
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                found.append(f"cell {index} raised {out.ename}: {out.evalue}")
            elif out.output_type == "stream" and out.name == "stderr":
                found.append(f"cell {index} wrote to stderr: {out.text[:200]!r}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_live_widget_cell_is_not_compared(path):
    """A widget's view is a model id that changes on every run (nbval skips it), and the cell's
    text/plain, a repr of the widget, means nothing: the cell must say NBVAL_IGNORE_OUTPUT."""
    unmarked = [index for index, cell in enumerate(_read(path).cells)
                if cell.cell_type == "code" and not ignores_output(cell)
                and any("application/vnd.jupyter.widget-view+json" in out.get("data", {})
                        for out in cell.get("outputs", []))]
    assert not unmarked, f"cells {unmarked} show a widget without # NBVAL_IGNORE_OUTPUT"


def test_the_unstable_patterns_catch_what_they_should():
    samples = {"a memory address": "<function f at 0x7f3a2c1b9d30>",
               "a machine path": "saved to /home/ana/course/plot.png",
               "a date": "built on 2025-03-14", "a clock time": "started 14:03:59",
               "a duration": "trained in 0.8 s", "an object repr": "<nn_helpers.network.MLP object at 0x1>"}
    for what, text in samples.items():
        assert UNSTABLE[what].search(text), what
    for text in ["loss 0.693147", "accuracy 97.5%", "W = [[0.15, 0.2]]", "0x1f shape (8, 8)",
                 "ratio 3:1", "after 300 epochs", "tanh(2s) at s = 0.5"]:
        assert not any(p.search(text) for p in UNSTABLE.values()), text


def _first_difference(stored, fresh):
    """A readable description of the first compared cell whose text differs, or None."""
    stored, fresh = dict(stored), dict(fresh)
    for index in sorted(set(stored) | set(fresh)):
        a, b = stored.get(index), fresh.get(index)
        if a == b:
            continue
        if a is None or b is None or len(a) != len(b):
            return f"cell {index}: stored outputs {[k for k, _ in a or []]}, fresh {[k for k, _ in b or []]}"
        for (kind_a, text_a), (kind_b, text_b) in zip(a, b):
            if (kind_a, text_a) != (kind_b, text_b):
                at = next((i for i, (x, y) in enumerate(zip(text_a, text_b)) if x != y), min(len(text_a), len(text_b)))
                return (f"cell {index} ({kind_a}) differs at character {at}:\n"
                        f"  stored: {text_a[max(0, at - 60):at + 60]!r}\n"
                        f"  fresh:  {text_b[max(0, at - 60):at + 60]!r}")
    return None


@pytest.mark.slow
@pytest.mark.parametrize("seed", HASH_SEEDS, ids=[f"PYTHONHASHSEED={s}" for s in HASH_SEEDS])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_a_fresh_run_gives_byte_identical_text(path, seed):
    run = fresh_runs()[(path.name, seed)]
    assert run["error"] is None, run["error"]
    difference = _first_difference(text_outputs(_read(path)), run["texts"])
    assert difference is None, f"{path.name}, rerun with PYTHONHASHSEED={seed}: {difference}"


def test_first_difference_names_the_cell_and_the_place():
    stored = [(3, [("stream stdout", "loss 0.500\n")])]
    assert _first_difference(stored, stored) is None
    message = _first_difference(stored, [(3, [("stream stdout", "loss 0.501\n")])])
    assert message.startswith("cell 3 (stream stdout) differs at character 9")
    assert "cell 3: stored outputs ['stream stdout'], fresh []" == _first_difference(stored, [(3, [])])


@pytest.mark.slow
@pytest.mark.parametrize("seed", HASH_SEEDS, ids=[f"PYTHONHASHSEED={s}" for s in HASH_SEEDS])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_a_fresh_run_reaches_no_network(path, seed):
    run = fresh_runs()[(path.name, seed)]
    assert run["guarded"], f"the network guard was not loaded in {path.name}'s kernel"
    assert run["attempts"] == [], f"{path.name} tried to reach the network: {run['attempts']}"
    assert run["error"] is None, f"{path.name} did not run offline: {run['error']}"
