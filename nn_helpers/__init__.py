"""nn_helpers: the small NumPy package behind the "Neural Networks from Scratch" notebooks.

Each module holds one idea (activations, losses, network, gradcheck, datasets, examples,
plotting, widgets, exercises). Importing the package is cheap and has no side effects:
matplotlib, ipywidgets and scikit-learn load only in the modules and functions that use them.
"""
from . import activations, datasets, examples, gradcheck, losses
from .network import MLP

__all__ = ["MLP", "activations", "datasets", "examples", "gradcheck", "losses"]
__version__ = "0.1.0"
