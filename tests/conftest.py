"""Shared fixtures for the in-process tests (the browser tests have their own conftest)."""
import sys

import pytest


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
