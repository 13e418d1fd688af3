"""The layers: lessons import only the core (NumPy, no matplotlib); viz imports no ipywidgets."""
import subprocess
import sys

import pytest

from tests import REPO


@pytest.mark.parametrize("package, never", [
    ("nn_helpers.lessons", ("matplotlib", "ipywidgets", "nn_helpers.viz", "nn_helpers.widgets")),
    ("nn_helpers.viz", ("ipywidgets", "nn_helpers.widgets")),
])
def test_a_layer_loads_nothing_above_it(package, never):
    code = f"import sys, {package}; print(sorted(m for m in {never} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert result.stdout.strip() == "[]", result.stderr
