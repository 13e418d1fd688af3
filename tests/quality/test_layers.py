"""The package's layers hold (``python -m tools.layers`` prints them): imports point down only
(widgets -> viz -> lessons -> core; course -> core), no circle, no private name imported from another
module, no module over 450 lines. And the reader of the imports sees each kind of breach."""
import shutil

import pytest

from tests import REPO
from tools import layers


def test_the_package_keeps_its_layers():
    assert layers.breaches() == []


def test_every_layer_is_where_the_design_puts_it():
    assert {layers.layer(m) for m in layers.modules()} == {"core", "lessons", "viz", "widgets", "course"}
    assert layers.layer("nn_helpers.network") == "core"
    assert layers.layer("nn_helpers.viz.points") == "viz"
    assert layers.layer("nn_helpers.widgets.playground.figure") == "widgets"


def test_the_reader_sees_the_imports_it_must_judge():
    edges = {(a, b) for a, b, _ in layers.imports()}
    assert ("nn_helpers.network", "nn_helpers.activations") in edges          # from .activations import ...
    assert ("nn_helpers.viz.points", "nn_helpers._checks") in edges           # from .. import _checks as val
    assert ("nn_helpers.course.quizzes.nb05", "nn_helpers.course.quiz") in edges


@pytest.fixture
def package(tmp_path):
    """A copy of nn_helpers to break on purpose."""
    shutil.copytree(REPO / "nn_helpers", tmp_path / "nn_helpers",
                    ignore=shutil.ignore_patterns("__pycache__", "records"))
    return tmp_path


def _append(root, module, text):
    path = root / "nn_helpers" / module
    path.write_text(path.read_text() + "\n" + text + "\n")


@pytest.mark.parametrize("module, line, expected", [
    ("lessons/descent.py", "from ..viz import style", "arrow up: nn_helpers.lessons.descent (lessons) imports "
                                                       "nn_helpers.viz.style (viz)"),
    ("network.py", "    from .lessons import descent", "arrow up: nn_helpers.network (core) imports"),
    ("course/record.py", "from ..widgets import base", "arrow up: nn_helpers.course.record (course) imports"),
    ("viz/points.py", "from .style import _secret", "private name: nn_helpers.viz.points imports _secret"),
    ("losses.py", "from . import network", "circle: nn_helpers.losses -> nn_helpers.network -> nn_helpers.losses"),
])
def test_each_kind_of_breach_is_reported(package, module, line, expected):
    _append(package, module, line)
    found = layers.breaches(package)
    assert any(f.startswith(expected) for f in found), found


def test_a_module_too_long_to_read_in_one_sitting_is_reported(package):
    _append(package, "losses.py", "\n" * layers.MAX_LINES)
    assert any(f.startswith("too long: nn_helpers.losses has") for f in layers.breaches(package))


def test_the_check_command_fails_on_a_breach(package, monkeypatch, capsys):
    _append(package, "lessons/descent.py", "from ..widgets import base")
    monkeypatch.setattr(layers, "ROOT", package)
    monkeypatch.setattr(layers.breaches, "__defaults__", (package,))
    monkeypatch.setattr(layers.sheet, "__defaults__", (package,))
    assert layers.main(["--check"]) == 1
    assert "arrow up" in capsys.readouterr().out
