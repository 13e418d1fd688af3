"""The playground widget: ipywidgets controls wired to training's functions and figure's panels.

    playground(config)      # a Playground; display it in a notebook

Thin on purpose: the data, the training and each frame's picture come from plain functions
(``make_data``, ``record_training``, ``PlaygroundFigure.show``); this module only turns
control values into a PlaygroundConfig and back, and lays out the controls and the pictures.
Imports: replay, figure, training and config (nothing imports this but the package's face).

The picture: every frame of a training is drawn once, to a JPEG, and sent to the browser; the
replay picker switches between them there (see ``replay``), so replaying is instant. The
picture fills the width it is given, up to its natural size.

Every control is a native form field with a label (a number box, a menu, a button), so the
keyboard reaches it and a screen reader names it; ipywidgets' sliders are not (their handle has
no accessible name), so the playground has none.

Drawing points by clicking needs a live matplotlib canvas, ipympl's:
- backend "ipympl" (after ``%matplotlib widget``): a small pad beside "your points" shows the
  plane of the last frame; a click on it adds a point of the chosen class.
- backend "static" (any other backend, e.g. nbval/nbclient runs or Voila without ipympl): no pad.
"""
import base64
import html

import ipywidgets as w
import matplotlib
import numpy as np

from ... import _checks as val
from .config import ACTIVATIONS, DATASETS, MULTICLASS_DATASETS, RANGES, PlaygroundConfig
from .figure import FIGSIZE, LAYOUTS, PlaygroundFigure, new_figure
from .replay import Replay
from .training import frame_view, make_data, record_training

LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
BATCH_SIZES = [("full batch", None), 1, 5, 10, 20, 50, 100]
L2_VALUES = [0.0, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1]
COLUMNS = {"Data": ("dataset", "n_classes", "noise", "n_samples", "test_ratio", "seed"),
           "Network": ("hidden", "activation"),
           "Training": ("lr", "batch_size", "l2", "epochs")}
DROPDOWNS = {"lr": LEARNING_RATES, "batch_size": BATCH_SIZES, "l2": L2_VALUES}
HIDEABLE = tuple(name for names in COLUMNS.values() for name in names) + ("draw", "config")
STYLE = {"description_width": "92px"}
DPI = 120                 # the pictures are 1260 x 672 pixels, shown at most that wide
PAD_DPI = 90              # the drawing pad is 306 x 306 pixels
STILL_SENTENCE = ("Training playground: an interactive widget. Run the notebook to train networks and "
                  "replay their training here; below, the last frame of its first training.")


def _with(options, value):
    """Dropdown options with ``value`` added if a config string brought an unusual one."""
    values = [o[1] if isinstance(o, tuple) else o for o in options]
    return options if value in values else options + [value]


def _make_controls(config):
    """One widget per config field that has a control, set to the config's values."""
    def box():                                      # a Layout each: hiding one hides only it
        return {"style": STYLE, "layout": w.Layout(width="290px")}

    return {
        "dataset": w.Dropdown(options=DATASETS, value=config.dataset, description="data set", **box()),
        "n_classes": w.BoundedIntText(value=config.n_classes, min=2, max=6, description="classes", **box()),
        "noise": w.BoundedFloatText(value=config.noise, min=0, max=1, step=0.05, description="noise", **box()),
        "n_samples": w.BoundedIntText(value=config.n_samples, min=20, max=1000, step=10, description="points",
                                      **box()),
        "test_ratio": w.BoundedFloatText(value=config.test_ratio, min=0.1, max=0.9, step=0.05,
                                         description="test share", **box()),
        "seed": w.BoundedIntText(value=config.seed, min=0, max=RANGES["seed"][1], description="seed",
                                 **box()),
        "hidden": w.Text(",".join(map(str, config.hidden)), description="hidden layers",
                         placeholder="units per layer, e.g. 8,8", **box()),
        "activation": w.Dropdown(options=ACTIVATIONS, value=config.activation,
                                 description="activation", **box()),
        "lr": w.Dropdown(options=_with(LEARNING_RATES, config.lr), value=config.lr,
                         description="learning rate", **box()),
        "batch_size": w.Dropdown(options=_with(BATCH_SIZES, config.batch_size),
                                 value=config.batch_size, description="batch size", **box()),
        "l2": w.Dropdown(options=_with(L2_VALUES, config.l2), value=config.l2,
                         description="L2 penalty", **box()),
        "epochs": w.BoundedIntText(value=config.epochs, min=1, max=5000, description="epochs", **box()),
    }


class Playground:
    """The training playground; ``playground(config)`` makes one. Display it in a notebook.

    config : PlaygroundConfig, a config string, or None (the defaults).
    classroom : names of controls to hide, from HIDEABLE (e.g. ("noise", "seed", "config")).
    backend : "ipympl", "static", or None (ipympl when matplotlib's backend is ipympl).
    Attributes for scripts and tests: ``config`` (the controls' settings), ``recording``,
    ``figure`` (where frames are drawn), ``replay`` (the pictures), ``view`` (the picture on show),
    ``picker`` (the replay box: its value is the frame on show), ``frame_label`` (its caption),
    ``controls`` (name -> widget), ``widget`` (the container).
    """

    def __init__(self, config=None, classroom=(), backend=None):
        if isinstance(config, str):
            config = PlaygroundConfig.from_string(config)
        self.config = PlaygroundConfig() if config is None else config
        if not isinstance(self.config, PlaygroundConfig):
            raise TypeError(f"config must be a PlaygroundConfig or a config string; got "
                            f"{type(config).__name__}")
        if isinstance(classroom, str) or not isinstance(classroom, (tuple, list, set, frozenset)):
            raise TypeError(f"classroom must be a tuple of control names to hide, from {', '.join(HIDEABLE)}; "
                            f"got {type(classroom).__name__} {classroom!r:.60}")
        unknown = sorted(map(str, set(classroom) - set(HIDEABLE)))
        if unknown:
            raise ValueError(f"classroom must name controls to hide, from {', '.join(HIDEABLE)}; "
                             f"got {unknown or classroom!r}")
        if backend is None:
            name = matplotlib.get_backend().lower()
            backend = "ipympl" if "ipympl" in name or name == "widget" else "static"
        if not isinstance(backend, str) or backend not in ("ipympl", "static"):
            raise ValueError(f"backend must be 'ipympl', 'static' or None; got {backend!r}")
        self.backend, self.recording, self._pad_panels, self._quiet = backend, None, None, False
        self.controls = _make_controls(self.config)
        self.figure = new_figure(FIGSIZE, dpi=DPI)
        # a number box, not a slider: ipywidgets' slider handle has no name a screen reader can read,
        # and JupyterLab takes the arrow keys of a menu (Dropdown) for its own; a number box keeps them
        self.picker = w.BoundedIntText(value=0, min=0, max=0, description="replay", continuous_update=True,
                                       style=STYLE, layout=w.Layout(width="180px"))
        self.replay = Replay(self.figure, self.picker)
        self.picker.observe(lambda change: None if self._quiet else self.replay.on_pick(change["new"]),
                            "value")
        self._build_pad()
        self._build_layout(classroom)
        for control in self.controls.values():
            control.observe(self._on_control, "value")
        self._on_control()
        self.train()

    # ------------------------------------------------------------------ building
    def _build_pad(self):
        """ipympl only: a small live canvas where a click adds a point (None otherwise)."""
        self.pad = None
        if self.backend != "ipympl":
            return
        from ipympl.backend_nbagg import Canvas, FigureManager
        from matplotlib.figure import Figure
        self.pad_figure = Figure(figsize=LAYOUTS["pad"]["figsize"], dpi=PAD_DPI)
        self.pad = Canvas(self.pad_figure)              # not in pyplot's list of figures
        FigureManager(self.pad, 0)
        self.pad.header_visible = self.pad.footer_visible = False
        self.pad.toolbar_visible = self.pad.resizable = False
        self.pad.mpl_connect("button_press_event", self.on_click)

    def _build_layout(self, classroom):
        c = self.controls
        self.train_button = w.Button(description="Train", button_style="primary", icon="play",
                                     tooltip="train the network with these settings and record it")
        self.train_button.on_click(lambda _: self.train())
        self.progress = w.IntProgress(value=0, min=0, max=1, description="recording", style=STYLE)
        self.status = w.HTML(layout=w.Layout(margin="0 0 0 12px"))
        # ▶ is a labelled toggle button; the Play widget (its buttons carry no text a screen reader
        # could read) only keeps time for it, hidden, in the browser
        self.play = w.Play(interval=80, layout=w.Layout(display="none"))
        self.play_button = w.ToggleButton(description="Play", icon="play", tooltip="replay the training")
        self._links = [w.jslink((self.play_button, "value"), (self.play, "playing")),
                       w.jslink((self.play, "value"), (self.picker, "value"))]
        self.play_button.observe(self._on_play, "value")
        self.point_class = w.ToggleButtons(description="your points", style={"button_width": "72px",
                                                                             "description_width": "80px"})
        clear = w.Button(description="Clear my points", icon="eraser")
        clear.on_click(lambda _: self.set_points(()))
        hint = ("choose a class, then click the plane at the right: a large point of that class "
                "appears; press <b>Train</b> to learn it" if self.pad is not None else
                "to draw points by clicking, run <code>%matplotlib widget</code> before the playground")
        self.draw_row = w.HBox([w.VBox([self.point_class, w.HBox([clear]), w.HTML(f"<i>{hint}</i>")],
                                       layout=w.Layout(flex="1 1 300px"))]
                               + ([self.pad] if self.pad is not None else []),
                               layout=w.Layout(flex_flow="row wrap", align_items="flex-start"))
        self.config_text = w.Textarea(description="setup", rows=2, style={"description_width": "50px"},
                                      layout=w.Layout(flex="1 1 300px", width="auto"))
        load = w.Button(description="Load", icon="upload", tooltip="use the setup string in the box")
        load.on_click(lambda _: self.load(self.config_text.value))
        self.load_message = w.HTML(layout=w.Layout(margin="0 0 0 56px"))
        self.config_row = w.VBox([w.HBox([self.config_text, load], layout=w.Layout(align_items="flex-start")),
                                  self.load_message, w.HTML(
            "<i>copy this line to share the exact setup (seed and drawn points included); "
            "paste one and press Load to reproduce it</i>", layout=w.Layout(margin="0 0 0 56px"))])
        columns = []
        for title, names in COLUMNS.items():
            for name in names:
                if name in classroom:
                    c[name].layout.display = "none"
            shown = [n for n in names if n not in classroom]
            columns.append(w.VBox([w.HTML(f"<b>{title}</b>")] + [c[n] for n in names],
                                  layout=w.Layout(display=None if shown else "none",
                                                  margin="0 12px 0 0")))
        for name, row in (("draw", self.draw_row), ("config", self.config_row)):
            if name in classroom:
                row.layout.display = "none"
        wrap = {"flex_flow": "row wrap", "align_items": "center"}
        self.widget = w.VBox([w.HBox(columns, layout=w.Layout(flex_flow="row wrap")),
                              w.HBox([self.train_button, self.progress, self.status], layout=w.Layout(**wrap)),
                              self.replay.pictures,
                              w.HBox([self.play_button, self.picker, self.replay.captions, self.play],
                                     layout=w.Layout(**wrap)),
                              self.draw_row, self.config_row],
                             layout=w.Layout(width="100%", max_width="1280px"))
        self.widget.add_class("nn-playground")

    def _repr_mimebundle_(self, **kwargs):
        """The widget, and for a page without its kernel (JupyterLab before the notebook runs, a
        viewer) a sentence and the picture on show: JupyterLab shows the first type it can draw."""
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = "Training playground (an interactive widget: run the notebook to use it)"
        if self.recording is not None:                 # (a PDF export takes the JPEG)
            bundle["image/jpeg"] = base64.b64encode(self.replay.still).decode("ascii")
            bundle["text/html"] = (f"<p><i>{STILL_SENTENCE}</i></p><img src=\"data:image/jpeg;base64,"
                                   f"{bundle['image/jpeg']}\" alt=\"{html.escape(self.view.tooltip)}\">")
        return bundle

    @property
    def view(self):
        """The Image widget of the frame on show."""
        return self.replay.pictures.children[self.replay.pictures.selected_index]

    @property
    def frame_label(self):
        """The caption of the frame on show: its epoch and accuracies (text)."""
        return self.replay.caption

    # ------------------------------------------------------------------ settings
    def read_controls(self):
        """The controls' values as a PlaygroundConfig (TypeError/ValueError if one is invalid)."""
        v = {name: control.value for name, control in self.controls.items()}
        text = v["hidden"].replace(" ", "")
        try:
            v["hidden"] = tuple(int(u) for u in text.split(",")) if text else ()
        except ValueError:
            raise ValueError(f"hidden layers: write units per layer separated by commas, "
                             f"like 8,8 (empty: no hidden layer); got {v['hidden']!r}") from None
        if v["dataset"] not in MULTICLASS_DATASETS:
            v["n_classes"] = 2
        points = tuple(p for p in self.config.points if p[2] < v["n_classes"])
        return self.config.replace(**v, points=points)

    def _on_control(self, change=None):
        if self._quiet:
            return
        c = self.controls
        c["n_classes"].disabled = c["dataset"].value not in MULTICLASS_DATASETS
        try:
            self.config = self.read_controls()
        except (TypeError, ValueError) as err:
            self._say(str(err), error=True)
            return
        self.config_text.value = self.config.to_string()
        classes = [(f"class {k}", k) for k in range(self.config.n_classes)]
        if self.point_class.options != tuple(classes):
            self.point_class.options = classes
        if change is not None and self.recording is not None and self.config != self.recording.config:
            self._say("Settings changed: press <b>Train</b> to see them at work.")

    def set_controls(self, config):
        """Show ``config`` in the controls (and keep its frames and drawn points)."""
        val.instance(config, PlaygroundConfig, "config", "a PlaygroundConfig")
        self._quiet = True
        try:
            for name, control in self.controls.items():
                value = getattr(config, name)
                if name == "hidden":
                    value = ",".join(map(str, value))
                elif name in DROPDOWNS:
                    control.options = _with(DROPDOWNS[name], value)
                control.value = value
        finally:
            self._quiet = False
        self.config = config
        self._on_control()

    def load(self, text):
        """Read a config string, show it in the controls and train; a bad string is reported
        under the Load button."""
        try:
            config = PlaygroundConfig.from_string(text)
        except (TypeError, ValueError) as err:
            self.load_message.value = _error(f"Could not load that setup: {err}")
            return None
        self.load_message.value = ""
        self.set_controls(config)
        return self.train()

    def set_points(self, points):
        """Replace the drawn points ((x1, x2, label) triples) and show them on the pad at once."""
        self.config = self.config.replace(points=points)      # checked: TypeError/ValueError
        self.config_text.value = self.config.to_string()
        if self._pad_panels is not None:
            self._pad_panels.set_drawn(self.config.points)
            self.pad.draw_idle()
        n = len(self.config.points)
        self._say(f"{n} point{'s' if n != 1 else ''} drawn by you: press <b>Train</b> to learn "
                  f"{'them' if n != 1 else 'it'}." if n else "No drawn points.")

    def on_click(self, event):
        """Matplotlib button_press_event handler: a click on the pad's plane adds a point."""
        if self._pad_panels is None or event.inaxes is not self._pad_panels.ax or event.xdata is None:
            return
        lo, hi = RANGES["coordinate"]
        x1, x2 = (round(float(np.clip(v, lo, hi)), 3) for v in (event.xdata, event.ydata))
        self.set_points(self.config.points + ((x1, x2, int(self.point_class.value or 0)),))

    # ------------------------------------------------------------------ training and replay
    def train(self):
        """Train with the controls' settings, record the frames, show the last one. Returns the
        Recording (None if a setting is invalid: the message shows in the status line)."""
        try:
            config = self.read_controls()
        except (TypeError, ValueError) as err:
            self._say(str(err), error=True)
            return None
        self.config = config
        self.train_button.disabled, self.train_button.description = True, "Training…"
        self.progress.value, self.progress.max = 0, config.frames
        try:
            X_train, X_test, y_train, y_test = make_data(config)
            rec = record_training(config, X_train, y_train, X_test, y_test,
                                  progress=lambda done, total: setattr(self.progress, "value", done))
        except KeyboardInterrupt:                   # the kernel was interrupted (Kernel > Interrupt)
            self.progress.value = 0
            self._say("Training interrupted: the picture shows the last finished training. "
                      "Press <b>Train</b> to start again.", error=True)
            raise
        finally:
            self.train_button.disabled, self.train_button.description = False, "Train"
        self.progress.value = self.progress.max
        self.recording = rec
        self.play_button.value = False
        self._quiet = True
        try:
            self.picker.max = self.play.max = rec.n_frames - 1
            self.picker.value = self.play.value = rec.n_frames - 1   # linked in the browser
        finally:
            self._quiet = False
        view = self.replay.start(rec, rec.n_frames - 1)
        if self.pad is not None:
            self._pad_panels = PlaygroundFigure(self.pad_figure, rec, resolution=60, title=False, layout="pad")
            self._pad_panels.show(-1)
            self.pad.draw_idle()
        if rec.diverged_at is not None:
            self._say(f"⚠ Training diverged at epoch {rec.diverged_at}: the loss overflowed. "
                      f"Try a smaller learning rate than {config.lr:g}.", error=True)
        else:
            self._say(f"Trained {config.epochs} epochs in {rec.seconds:.1f} s: test accuracy "
                      f"{view.test_accuracy:.0%}. Press <b>Play</b>, or pick an epoch to <i>replay</i>.")
        return rec

    def show_frame(self, i):
        """Show recorded frame i (negative counts from the end) and move the replay picker there;
        returns its FrameView (None before the first training)."""
        if self.recording is None:
            return None
        i = val.index(i, self.recording.n_frames, "the frame i")
        self._quiet = True
        try:
            self.picker.value = self.play.value = i
        finally:
            self._quiet = False
        return self.replay.show(i) or frame_view(self.recording, i, self.replay.panels.resolution)

    def _on_play(self, change):
        self.play_button.description, self.play_button.icon = ("Pause", "pause") if change["new"] else ("Play", "play")

    def _say(self, html, error=False):
        self.status.value = _error(html) if error else html

    def close(self):
        """Close every widget and free the figures (nothing is left open)."""
        self.replay.close()
        self.figure.clear()
        stack = [self.widget, *self._links]
        if self.pad is not None:
            self.pad_figure.clear()
            stack.append(self.pad.toolbar)
        while stack:
            widget = stack.pop()
            stack.extend(getattr(widget, "children", ()))
            widget.close()


def _error(html):
    return f'<span style="color:#b2182b">{html}</span>'


def playground(config=None, classroom=(), backend=None):
    """The interactive training playground (a Playground: see it for the arguments)."""
    return Playground(config, classroom=classroom, backend=backend)
