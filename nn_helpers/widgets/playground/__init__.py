"""The playground: a TensorFlow-Playground-like trainer in a notebook.

``config``    the settings (one dataclass, checked once) and their string form
``training``  data, training run recorded frame by frame (NumPy, through ``nn_helpers.network``)
``figure``    the picture of one frame (matplotlib), snapshots and HTML replays
``widget``    the controls (ipywidgets) wired to the three above

    from nn_helpers.widgets.playground import playground
    playground()
"""
from .config import PlaygroundConfig
from .figure import replay_html, snapshot_figure
from .training import make_data, playground, record_training

__all__ = ["PlaygroundConfig", "make_data", "playground", "record_training", "replay_html", "snapshot_figure"]
