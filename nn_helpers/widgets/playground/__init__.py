"""The playground: a TensorFlow-Playground-like trainer in a notebook.

``widget``    the controls (ipywidgets) wired to the ones below, and ``playground()``
``replay``    every frame of a training as a picture in the browser, switched there
``figure``    the picture of one frame (matplotlib), snapshots and HTML replays
``training``  data, a training run recorded frame by frame, what each frame shows
              (NumPy and the core: ``MLP``, the data sets, the activations)
``config``    the settings (one dataclass, checked once) and their string form

Each imports only the ones below it: widget -> replay -> figure -> training -> config.

    from nn_helpers.widgets.playground import playground
    playground()
"""
from .config import PlaygroundConfig
from .figure import replay_html, snapshot_figure
from .training import make_data, record_training
from .widget import playground

__all__ = ["PlaygroundConfig", "make_data", "playground", "record_training", "replay_html", "snapshot_figure"]
