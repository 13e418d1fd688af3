"""Shared settings and fixtures for the in-process tests (browser and hub tests add their own).

matplotlib draws with Agg here, once for every test (no test module sets a backend). Only this
pytest process: the notebooks' kernels (nbval) keep their own inline backend.
"""
import sys

import matplotlib
import pytest

matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def close_figures():
    """Close pyplot's figures after every test that drew some (pyplot is not imported for the rest)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


@pytest.fixture
def explorers():
    """Make explorers (widgets) through this list; they are closed after the test, with pyplot's figures."""
    import matplotlib.pyplot as plt
    made = []
    yield made
    for explorer in made:
        explorer.close()
    plt.close("all")
