"""nn_helpers: the small NumPy package behind the "Neural Networks from Scratch" notebooks.

In layers, each importing only the ones below it:

    activations losses network autodiff optimizers gradcheck datasets examples   the maths (the core)
    lessons/   maths one notebook needs beyond the core, written on top of it
    viz/       matplotlib drawings;  widgets/   ipywidgets controls on top of viz
    course/    the exercises' checkers, the quizzes and the self-check plugin

Each module holds one idea. Importing the package is cheap and has no side effects:
matplotlib, ipywidgets and scikit-learn load only in the modules and functions that use them.
"""
from . import activations, datasets, examples, gradcheck, losses
from .network import MLP

__all__ = ["MLP", "activations", "datasets", "examples", "gradcheck", "losses"]
__version__ = "0.1.0"
