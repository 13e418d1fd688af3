"""Shared fixtures for the in-process tests (the browser tests have their own conftest)."""
import pytest


@pytest.fixture
def explorers():
    """Make explorers (widgets) through this list; they are closed after the test, with pyplot's figures."""
    import matplotlib.pyplot as plt
    made = []
    yield made
    for explorer in made:
        explorer.close()
    plt.close("all")
