"""Draw the playground's frames: four panels on one figure, updated in place.

``PlaygroundFigure(fig, recording)`` lays out the panels once; ``.show(i)`` then only
swaps data in existing artists (image arrays, point offsets, line data), so moving to another
frame costs one redraw and no new artists. The panels:

1. the decision boundary over the plane, with the points: each class its colour and shape (as
   ``viz.plot_points`` draws them), train points edged white, test points black, drawn points big;
2. the data as the last hidden layer sees it, with the line where the output decides;
3. train and test loss per epoch, with a marker at the current epoch;
4. one small heatmap per hidden neuron: its output over the same plane.

``snapshot_figure`` and ``replay_html`` give the static versions for pages where widgets
do not run (GitHub, nbviewer, HTML exports). Figures here are made without pyplot, so they
never count towards pyplot's open figures.

Drawing only: every number drawn (the outputs over the plane, the hidden space, where the
decision changes) comes from ``training``; the colours and the point markers from ``viz``.
Imports: training, config, viz and matplotlib; the widget imports this.
"""
import re

import numpy as np
from contourpy import contour_generator
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ... import _checks as val
from ...viz import CLASS_CMAP, CLASS_COLORS, CLASS_MARKERS, class_handles, plot_points
from .config import ACTIVATIONS, check_points
from .training import Recording, decision_margins, frame_view, hidden_space, network_spec

CMAP = CLASS_CMAP                      # class 0 -> white -> class 1: the course's one class shading
# the same, 60% strength: a background that points stand out on (no alpha: faster to draw)
CMAP_LIGHT = LinearSegmentedColormap.from_list(
    "class0_white_class1_light", [1 - 0.6 * (1 - np.array(to_rgb(c))) for c in
                                  (CLASS_COLORS[0], "#ffffff", CLASS_COLORS[1])])
NEURON_CMAP = CMAP.with_extremes(bad=(1, 1, 1, 0))      # gaps between tiles: transparent
# Where things go, in figure fractions: (left, bottom, width, height) for the panels, y for the
# header line, (x, y) for the legend's bottom centre and the setup line's right end; None leaves
# a part out. "compact" leaves out the neurons (for replays); "pad" is the decision boundary alone
# (the playground's drawing pad, where a click adds a point).
LAYOUTS = {
    "full": {"figsize": (10.5, 5.6), "header": 0.965, "boundary": (0.06, 0.17, 0.4, 0.71),
             "space": (0.545, 0.5, 0.19, 0.36), "loss": (0.8, 0.5, 0.185, 0.36),
             "neurons": (0.545, 0.03, 0.44, 0.34), "legend": (0.26, 0.005), "info": (0.985, 0.965),
             "titles": ("Decision boundary: the network's prediction over the plane",
                        "The data as the last\nhidden layer sees it")},
    "compact": {"figsize": (9.0, 3.3), "header": 0.945, "boundary": (0.06, 0.22, 0.22, 0.6),
                "space": (0.4, 0.22, 0.22, 0.6), "loss": (0.73, 0.22, 0.25, 0.6),
                "neurons": None, "legend": (0.3, 0.0), "info": (0.985, 0.045),
                "titles": ("Decision boundary", "As the last hidden layer sees it")},
    "pad": {"figsize": (3.4, 3.4), "header": 0.96, "boundary": (0.17, 0.12, 0.8, 0.79), "space": None,
            "loss": None, "neurons": None, "legend": None, "info": None,
            "titles": ("Click to add a point here", None)},
}
FIGSIZE = LAYOUTS["full"]["figsize"]
SMALLEST_TEXT_PT = 7        # tick labels: the smallest text any layout draws, in points
STATIC_DPI = 104            # so that text is >= 10 px in replays and snapshots (7 pt * 104 / 72 = 10.1)


# Checks of the public drawing helpers: types and shapes only, never a pass over the grid's
# values, so show() calls the helpers every frame at no measurable cost.

def _grid(values, name):
    """values, if an ndarray of numbers shaped (rows, columns, units), none of them 0 (NaN allowed)."""
    if not isinstance(values, np.ndarray) or values.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be an ndarray of numbers, shape (rows, columns, units); "
                        f"got {type(values).__name__} {values!r:.60}")
    if values.ndim != 3 or 0 in values.shape:
        raise ValueError(f"{name} must have shape (rows, columns, units), none of them 0; got {values.shape}")
    return values


def _coordinates(values, n, name):
    """values as n grid coordinates, a float array of shape (n,)."""
    values = val.numeric_array(values, name)
    if values.shape != (n,):
        raise ValueError(f"{name} must hold the grid's {n} coordinates, shape ({n},); got shape {values.shape}")
    return values


def class_image(output):
    """RGB (res, res, 3) for k-class outputs (res, res, k): each pixel takes its predicted class's
    colour, paler where the network is less sure (max probability near 1/k)."""
    k = _grid(output, "output").shape[-1]
    rgb = np.array([to_rgb(CLASS_COLORS[c % len(CLASS_COLORS)]) for c in range(k)])
    strength = 0.6 * (output.max(axis=-1) - 1 / k) / (1 - 1 / k)     # as strong as CMAP_LIGHT
    return 1 - strength[..., None] * (1 - rgb[output.argmax(axis=-1)])


def boundary_segments(output, xs, ys):
    """The decision boundary as a list of (m, 2) polylines: the zero lines of
    ``training.decision_margins`` (p = 0.5 for one output unit; for k outputs, where each
    class's probability ties the largest other one). output : (rows, columns, k); xs (columns,),
    ys (rows,) : the grid's coordinates."""
    rows, columns, _ = _grid(output, "output").shape
    xs, ys = _coordinates(xs, columns, "xs"), _coordinates(ys, rows, "ys")
    return [line for m in decision_margins(output)
            for line in contour_generator(xs, ys, m, line_type="Separate").lines(0.0)]


def neuron_mosaic(hidden, activation, step=1, gap=0.15):
    """All hidden neurons' maps as one image: a row of square tiles per layer.

    hidden : list of (res, res, units) arrays, one per layer (FrameView.hidden).
    Each tile is scaled to [-1, 1]: tanh as it is, sigmoid as 2a - 1, others divided by the
    neuron's largest |a|. Tiles have side res // step pixels, gap * side between them (NaN).
    Returns the mosaic (rows, cols) with y up in each tile, and the tiles' frames as polylines
    in image coordinates.
    """
    if not isinstance(hidden, (list, tuple)) or not hidden:
        raise TypeError(f"hidden must be a list of (res, res, units) arrays, one per hidden layer; "
                        f"got {type(hidden).__name__} {hidden!r:.60}")
    sizes = {_grid(h, f"hidden[{i}]").shape[:2] for i, h in enumerate(hidden)}
    if sizes != {(hidden[0].shape[0],) * 2}:
        raise ValueError(f"hidden's maps must all be (res, res, units), one res for all; got {sorted(sizes)}")
    val.choice(activation, ACTIVATIONS, "activation")
    step, gap = val.positive_int(step, "step"), val.real_number(gap, "gap")
    if not 0 <= gap <= 1:
        raise ValueError(f"gap must be from 0 to 1 (a fraction of a tile's side); got {gap:g}")
    side = hidden[0][::step, ::step].shape[0]
    pitch = side + max(1, round(gap * side))
    n_cols = max(h.shape[-1] for h in hidden)
    mosaic = np.full((len(hidden) * pitch - pitch + side, n_cols * pitch - pitch + side), np.nan)
    frames = []
    for layer, maps in enumerate(hidden):
        a = maps[::-step, ::step]                   # flipped: the image's rows run downwards
        if activation == "sigmoid":
            a = 2 * a - 1
        elif activation != "tanh":
            a = a / np.maximum(np.abs(a).max(axis=(0, 1)), 1e-12)
        for j in range(a.shape[-1]):
            y, x = layer * pitch, j * pitch
            mosaic[y:y + side, x:x + side] = a[..., j]
            x0, y0, x1, y1 = x - 0.5, y - 0.5, x + side - 0.5, y + side - 0.5
            frames.append([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)])
    return mosaic, frames


class PlaygroundFigure:
    """The four panels of a Recording on ``fig`` (cleared first), updated in place by ``show(i)``.

    blit=True (for live widgets) marks the artists that change from frame to frame as
    animated: a full draw paints everything else once and keeps it as a background, and
    ``render()`` then repaints only the changing artists over it (matplotlib's blitting).
    Call ``disconnect()`` before reusing the figure for another recording.
    title=False leaves out the epoch and accuracy line (the widget lists it in its replay picker).
    layout : a key of LAYOUTS, the panels' places (made for a figure of its "figsize").
    """

    def __init__(self, fig, recording, resolution=100, blit=False, title=True, layout="full"):
        val.instance(fig, Figure, "fig", "a matplotlib Figure")
        val.instance(recording, Recording, "recording", "a Recording (from record_training)")
        resolution = val.positive_int(resolution, "resolution", minimum=2)
        val.choice(layout, tuple(LAYOUTS), "layout")
        blit, title = val.flag(blit, "blit"), val.flag(title, "title")
        fig.clear()
        self.fig, self.rec, self.resolution = fig, recording, resolution
        self.layout = place = LAYOUTS[layout]
        self.dynamic = []                   # artists that change per frame, in drawing order
        self._tile_step = max(1, resolution // 50)      # 50 x 50 is plenty for a small tile
        self.xs = np.linspace(*recording.xlim, resolution)
        self.ys = np.linspace(*recording.ylim, resolution)
        cfg = recording.config
        self.title = fig.text(0.015, place["header"], "", fontsize=11, weight="bold", va="center")
        batch = "full batch" if cfg.batch_size is None else f"batch {cfg.batch_size}"
        if place["info"]:
            fig.text(*place["info"], f"{cfg.dataset} · {'-'.join(map(str, network_spec(cfg)['sizes']))} "
                     f"{cfg.activation} · learning rate "
                     f"{cfg.lr:g} · {batch} · L2 {cfg.l2:g} · seed {cfg.seed}",
                     fontsize=8, color="0.35", ha="right", va="center")
        self._boundary(fig.add_axes(place["boundary"]))
        self.space_ax = self.space_points = self.loss_ax = self.neurons = None
        if place["space"]:
            self._space(fig.add_axes(place["space"]))
        if place["loss"]:
            self._loss(fig.add_axes(place["loss"]))
        if place["neurons"]:
            self._neurons(place["neurons"])
        if title:
            self.dynamic.append(self.title)
        else:
            self.title.set_visible(False)
        self.blit, self._background, self._cid = blit, None, None
        if blit:
            for artist in self.dynamic:
                artist.set_animated(True)
            self._cid = fig.canvas.mpl_connect("draw_event", self._on_draw)

    # ------------------------------------------------------------------ panels, built once
    def _boundary(self, ax):
        rec = self.rec
        self.ax = ax
        blank = np.zeros((self.resolution, self.resolution))
        self.image = ax.imshow(blank, origin="lower", extent=(*rec.xlim, *rec.ylim), aspect="auto",
                               cmap=CMAP_LIGHT, vmin=0, vmax=1, interpolation="bilinear")
        self.border = ax.add_collection(LineCollection([], colors="k", linewidths=1.5))
        plot_points(rec.X_train, rec.y_train, ax, size=22)
        plot_points(rec.X_test, rec.y_test, ax, edgecolor="black", size=30)
        self.drawn = [ax.scatter([], [], s=110, marker=CLASS_MARKERS[c % len(CLASS_MARKERS)], zorder=4,
                                 color=CLASS_COLORS[c % len(CLASS_COLORS)], edgecolor="black", linewidth=1.8)
                      for c in range(rec.config.n_classes)]
        self.set_drawn(rec.config.points)
        ax.set(xlim=rec.xlim, ylim=rec.ylim)
        ax.set_xlabel("$x_1$", labelpad=1)
        ax.set_ylabel("$x_2$", labelpad=1)
        ax.set_title(self.layout["titles"][0], fontsize=10)
        if rec.diverged_at is not None:
            ax.text(0.5, 0.97, f"Training diverged at epoch {rec.diverged_at}: the loss overflowed.\n"
                    f"Try a learning rate smaller than {rec.config.lr:g}.", transform=ax.transAxes,
                    ha="center", va="top", fontsize=10, color="#b2182b", weight="bold", zorder=5,
                    bbox={"facecolor": "white", "edgecolor": "#b2182b", "alpha": 0.9})
        self.dynamic += [self.image, *ax.collections, *ax.texts, *ax.spines.values()]   # border too
        if not self.layout["legend"]:
            return
        # the legend sits below the axes, so repainting the plane never covers it
        classes = class_handles(range(rec.config.n_classes), markersize=6)
        shapes = [Line2D([], [], marker="o", color="0.6", markeredgecolor=e, linestyle="", markersize=z,
                         markeredgewidth=w, label=label)
                  for e, z, w, label in [("white", 6, 1, "train"), ("black", 6, 1, "test"),
                                         ("black", 9, 1.8, "drawn by you")]]
        self.fig.legend(handles=classes + shapes, loc="lower center", fontsize=8,
                        bbox_to_anchor=self.layout["legend"], ncols=len(classes) + 3, frameon=False,
                        handletextpad=0.3, columnspacing=1.2, handlelength=1.2)

    def _space(self, ax):
        self.space_ax = ax
        ax.set_title(self.layout["titles"][1], fontsize=9.5)
        ax.tick_params(labelsize=7)
        space = hidden_space(self.rec, -1)
        if space is None:
            ax.text(0.5, 0.5, "no hidden layer:\nthe network is one\nneuron, its boundary\na straight line",
                    ha="center", va="center", fontsize=8.5, transform=ax.transAxes)
            ax.set(xticks=[], yticks=[])
            return
        ax.set_xlabel(space.xlabel, fontsize=7.5, labelpad=1)
        ax.set_ylabel(space.ylabel, fontsize=7.5, labelpad=1)
        (x0, x1), (y0, y1) = self.space_limits = space_limits(self.rec)
        self.space_xs, self.space_ys = np.linspace(x0, x1, 60), np.linspace(y0, y1, 60)
        self.space_grid = np.stack(np.meshgrid(self.space_xs, self.space_ys), axis=-1)   # (60, 60, 2)
        self.space_shade = ax.imshow(np.zeros((60, 60)), origin="lower", cmap=CMAP_LIGHT, vmin=0,
                                     vmax=1, aspect="auto", interpolation="bilinear",
                                     extent=(x0, x1, y0, y1), visible=space.logits is not None)
        self.space_border = ax.add_collection(LineCollection([], colors="k", linewidths=1.5))
        self.space_points = []                         # (points of one class, which rows), train then test
        for which, y, edge, size in [(0, self.rec.y_train, "white", 12), (1, self.rec.y_test, "black", 16)]:
            before = len(ax.collections)
            plot_points((space.train, space.test)[which], y, ax, edgecolor=edge, size=size)
            self.space_points += [(points, which, y == c)
                                  for points, c in zip(ax.collections[before:], np.unique(y))]
        ax.set(xlim=(x0, x1), ylim=(y0, y1))
        self.dynamic += [self.space_shade, self.space_border, *(p for p, _, _ in self.space_points)]

    def _loss(self, ax):
        rec = self.rec
        self.loss_ax = ax
        epochs = np.arange(len(rec.train_loss))
        ax.plot(epochs, rec.train_loss, color="#333333", linewidth=1.3, label="train")
        ax.plot(epochs, rec.test_loss, color="#d95f02", linewidth=1.3, linestyle="--", label="test")
        self.loss_marks, = ax.plot([], [], "o", color="k", markersize=4, zorder=4)
        self.loss_now = ax.axvline(0, color="0.5", linewidth=0.8)
        self.dynamic += [self.loss_now, self.loss_marks]
        top = max(np.max(rec.train_loss), np.max(rec.test_loss))
        if rec.diverged_at is not None:
            ax.axvline(rec.diverged_at, color="#b2182b", linewidth=1, linestyle=":")
            ax.text(rec.diverged_at, 0.5, " diverged", color="#b2182b", fontsize=7,
                    transform=ax.get_xaxis_transform())
        ax.set_xlim(0, rec.config.epochs)
        ax.set_ylim(0, 1.05 * top if np.isfinite(top) and top > 0 else 1)
        ax.set_title("Loss per epoch", fontsize=9.5)
        ax.set_xlabel("epoch", fontsize=7.5, labelpad=1)
        ax.tick_params(labelsize=7)
        ax.legend(fontsize=7, loc="best", handlelength=1.5)        # placed once: it is static

    def _neurons(self, box):
        left, bottom, width, height = box
        self.fig.text(left, bottom + height + 0.025, "Each hidden neuron's output over the plane "
                      "(orange low, blue high)", fontsize=9, va="center")
        if not self.rec.config.hidden:
            self.fig.text(left + width / 2, bottom + height / 2, "no hidden neurons", fontsize=8.5,
                          ha="center", va="center")
            return
        # all neurons in one image (one draw, however many neurons), tiles framed by lines
        ax = self.fig.add_axes((left + 0.05, bottom, width - 0.05, height), anchor="NW")
        ax.set_axis_off()
        blank = [np.zeros((self.resolution, self.resolution, u)) for u in self.rec.config.hidden]
        mosaic, frames = neuron_mosaic(blank, self.rec.config.activation, self._tile_step)
        self.neurons = ax.imshow(mosaic, cmap=NEURON_CMAP, vmin=-1, vmax=1, interpolation="nearest")
        self.neuron_frames = ax.add_collection(LineCollection(frames, colors="0.3", linewidths=0.8))
        tile = self.resolution // self._tile_step
        for layer in range(len(blank)):
            ax.text(-tile / 6, (layer + 0.5) * tile * 1.15, f"layer {layer + 1}", fontsize=7.5,
                    ha="right", va="center")
        self.dynamic += [self.neurons, self.neuron_frames]

    # ------------------------------------------------------------------ per frame, in place
    def set_drawn(self, points):
        """Show the learner's drawn points, (x1, x2, label) triples: big, edged black."""
        points = check_points(points, self.rec.config.n_classes)
        for c, drawn in enumerate(self.drawn):
            drawn.set_offsets(np.array([p[:2] for p in points if p[2] == c]).reshape(-1, 2))

    def show(self, i):
        """Show frame i (negative counts from the end); returns its FrameView."""
        view = frame_view(self.rec, i, self.resolution)
        out = view.output
        self.image.set_data(out[..., 0] if out.shape[-1] == 1 else class_image(out))
        self.border.set_segments(boundary_segments(out, self.xs, self.ys))
        self.title.set_text(f"Epoch {view.epoch} of {self.rec.config.epochs}   ·   accuracy: "
                            f"train {view.train_accuracy:.0%}, test {view.test_accuracy:.0%}")
        if self.loss_ax is not None:
            self.loss_marks.set_data([view.epoch, view.epoch], [view.train_loss, view.test_loss])
            self.loss_now.set_xdata([view.epoch, view.epoch])
        if view.space is not None and self.space_points is not None:
            self._show_space(view.space)
        if self.neurons is not None:
            self.neurons.set_data(neuron_mosaic(view.hidden, self.rec.config.activation,
                                                self._tile_step)[0])
        return view

    def _show_space(self, space):
        for points, which, rows in self.space_points:
            points.set_offsets((space.train, space.test)[which][rows])
        out = space.output(self.space_grid)                # None: no exact decision to draw
        if out is None:
            return
        self.space_shade.set_data(out[..., 0] if out.shape[-1] == 1 else class_image(out))
        self.space_border.set_segments(boundary_segments(out, self.space_xs, self.space_ys))

    # ------------------------------------------------------------------ drawing
    def _on_draw(self, event):
        """After a full draw (ours or the browser's): keep the background, paint the rest."""
        if self.fig.canvas.is_saving():             # savefig draws everything by itself
            return
        self._background = self.fig.canvas.copy_from_bbox(self.fig.bbox)
        for artist in self.dynamic:
            self.fig.draw_artist(artist)

    def render(self, full=False):
        """Put the current frame on the canvas: with blit, repaint only what changes.

        A full draw is asked for with ``draw_idle`` (immediate on Agg; on ipympl the browser
        asks for it once it is ready, and drawing earlier would leave its canvas blank).
        """
        canvas = self.fig.canvas
        if full or not self.blit or self._background is None:
            canvas.draw_idle()
            return
        canvas.restore_region(self._background)
        for artist in self.dynamic:
            self.fig.draw_artist(artist)
        canvas.blit(self.fig.bbox)

    def disconnect(self):
        """Stop listening to the canvas (before the figure shows another recording)."""
        if self._cid is not None:
            self.fig.canvas.mpl_disconnect(self._cid)
            self._cid = None


def space_limits(rec, pad=0.08):
    """Fixed axis limits ((x0, x1), (y0, y1)) for the hidden-space panel over all frames."""
    val.instance(rec, Recording, "rec", "a Recording (from record_training)")
    pad = val.real_number(pad, "pad", nonnegative=True)
    pts = np.vstack([np.vstack([s.train, s.test]) for s in
                     (hidden_space(rec, i) for i in range(rec.n_frames))])
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    margin = np.maximum(pad * (hi - lo), 0.1)
    return (lo[0] - margin[0], hi[0] + margin[0]), (lo[1] - margin[1], hi[1] + margin[1])


def new_figure(figsize=FIGSIZE, dpi=100):
    """A Figure with an Agg canvas, not registered with pyplot (so never a stray open figure)."""
    if isinstance(figsize, (str, bytes)) or np.shape(figsize) != (2,):
        raise TypeError(f"figsize must be (width, height) in inches; got {figsize!r:.60}")
    figsize = tuple(val.real_number(v, "figsize", positive=True) for v in figsize)
    dpi = val.real_number(dpi, "dpi", positive=True)
    if dpi < 10:                                    # fonts cannot be drawn that small
        raise ValueError(f"dpi must be at least 10 (pixels per inch); got {dpi:g}")
    fig = Figure(figsize=figsize, dpi=dpi)
    FigureCanvasAgg(fig)
    return fig


def snapshot_figure(recording, frame=-1, layout="full", dpi=STATIC_DPI):
    """A plain figure of one frame (default: the last), for pages where widgets do not run.
    At the default dpi the smallest text is 10 px (SMALLEST_TEXT_PT * dpi / 72)."""
    fig = new_figure(LAYOUTS[val.choice(layout, tuple(LAYOUTS), "layout")]["figsize"], dpi)
    PlaygroundFigure(fig, recording, layout=layout).show(frame)
    return fig


PLAYER_ICONS = {"fa-minus": "\u2212", "fa-fast-backward": "|\u25c0\u25c0", "fa-step-backward": "|\u25c0",
                "fa-play": "\u25b6", "fa-play fa-flip-horizontal": "\u25c0", "fa-pause": "\u275a\u275a", "fa-step-forward": "\u25b6|",
                "fa-fast-forward": "\u25b6\u25b6|", "fa-plus": "+"}


def replay_html(recording, n_frames=10, layout="compact", dpi=STATIC_DPI, interval=300):
    """The training as a self-contained HTML/JavaScript player (matplotlib's, as
    ``Animation.to_jshtml`` writes it).

    About ``n_frames`` frames evenly picked from the recording, drawn in the compact layout
    (no neurons) and stored as JPEG, so the notebook stays light (about 50 kB a frame).
    dpi : pixels per inch of the compact 9 x 3.3 inch figure; at the default the smallest text
    is 10 px. Returns the HTML string; show it with ``IPython.display.HTML``.
    """
    import tempfile
    from matplotlib import rc_context
    from matplotlib.animation import HTMLWriter
    n_frames = val.positive_int(n_frames, "n_frames")
    interval = val.real_number(interval, "interval", positive=True)
    val.instance(recording, Recording, "recording", "a Recording (from record_training)")
    figsize = LAYOUTS[val.choice(layout, tuple(LAYOUTS), "layout")]["figsize"]
    fig = new_figure(figsize, dpi)
    panels = PlaygroundFigure(fig, recording, resolution=60, layout=layout, blit=True)
    picks = np.unique(np.linspace(0, recording.n_frames - 1, min(n_frames, recording.n_frames))
                      .round().astype(int))
    frames = []                                       # each frame blitted: one full draw in all
    for i in picks:
        panels.show(int(i))
        panels.render()
        frames.append(np.asarray(fig.canvas.buffer_rgba()).copy())
    # matplotlib's player, as Animation.to_jshtml writes it, of a figure that is one image the
    # size of the figure: saving a frame draws only that image
    still = new_figure(figsize, dpi)
    image = still.figimage(frames[0], origin="upper")
    with tempfile.TemporaryDirectory() as folder, rc_context({"animation.frame_format": "jpeg",
                                                              "savefig.bbox": None}):
        path = f"{folder}/replay.html"
        writer = HTMLWriter(fps=1000 / interval, embed_frames=True, default_mode="once")
        with writer.saving(still, path, dpi):
            for frame in frames:
                image.set_data(frame)
                writer.grab_frame()
        with open(path, encoding="utf-8") as file:
            html = file.read()
    # matplotlib draws its player's buttons with Font Awesome icons linked from a CDN. Offline (the
    # static course site, a lecture hall without internet) the buttons would be blank: link
    # nothing, and draw each icon as a plain character instead.
    html = re.sub(r'<link rel="stylesheet"\s*href="https?://[^"]*font-awesome[^"]*">\n?', "", html, count=1)
    return _plain_player_icons(html)


def _plain_player_icons(html):
    """matplotlib's player HTML with each Font Awesome icon (``<i class="fa ...">``) as a character."""
    return re.sub(r'<i class="fa ([\w -]+)"></i>', lambda m: PLAYER_ICONS.get(m.group(1), m.group(0)), html)
