"""The replay: every recorded frame as a picture in the browser, switched there by the picker.

After Train the playground draws each frame once (``PlaygroundFigure.show`` and ``render``, the
same drawing as everywhere) to a JPEG in an ``ipywidgets.Image``. The images sit in a ``Stack``
(one shown at a time), their captions ("epoch 120 of 300 · accuracy: ...") in another, and the
replay picker, a number box of the frame, switches both in the browser (``jsdlink`` of its
value): a key press on the picker costs no message to the kernel and no drawing, the browser
shows a picture it already has.

Until every frame is drawn the kernel serves the picker: it draws the frame asked for (if it is
not drawn yet) and shows it. The other frames are drawn in the background, one at a time on the
kernel's event loop, once a browser shows the playground (a browser answers a link that only a
browser applies, so a notebook run by nbclient or nbval draws no frame it will never show);
``render_all()`` draws them at once (scripts and tests).
Imports: figure and training; the widget imports this.
"""
import asyncio
import io

import ipywidgets as w
import numpy as np
from ipywidgets.widgets.widget_string import HTMLStyle
from matplotlib.figure import Figure
from traitlets import Unicode

from ... import _checks as val
from .figure import PlaygroundFigure
from .training import Recording

READY = "nn-replay-ready"      # the pictures' CSS class once the browser has every frame
STILL_WIDTH = 630              # the still picture's width (``Replay.still``), in pixels


def _jpeg(fig, quality=85):
    """The figure's canvas as it was last drawn, as JPEG bytes (about 3x faster to encode than PNG)."""
    from PIL import Image
    rgb = np.asarray(fig.canvas.buffer_rgba())[..., :3]
    out = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb)).save(out, format="jpeg", quality=quality)
    return out.getvalue()


def _captions(rec):
    """One line per frame, shown beside the replay picker: its epoch and accuracies."""
    return [f"epoch {epoch} of {rec.config.epochs} · accuracy: train {train:.0%}, test {test:.0%}"
            for epoch, train, test in zip(rec.epochs, rec.train_accuracy, rec.test_accuracy)]


def _alt_text(rec, i):
    """What frame i's picture shows, in words, for a screen reader (the image's title)."""
    return (f"The network at epoch {rec.epochs[i]} of {rec.config.epochs}: its decision boundary over "
            f"the plane with the data, the data as its last hidden layer sees it, the loss curves and "
            f"each hidden neuron's output; accuracy on the training points {rec.train_accuracy[i]:.0%}, "
            f"on the test points {rec.test_accuracy[i]:.0%}.")


class Picture(w.Image):
    """An ipywidgets Image whose ``tooltip`` is its text alternative (the ``<img>``'s title, what a
    screen reader reads). ipywidgets 8's image view reads a ``description`` when a tooltip is set,
    and an Image has none: this empty one keeps that view from failing."""
    description = Unicode("").tag(sync=True)


class Replay:
    """The pictures of a recording's frames and their captions, switched by ``picker`` (a number
    box whose value is the frame).

    figure : the Agg Figure the frames are drawn on; its pixel size is the pictures' natural size.
    picker : an ipywidgets IntText (or BoundedIntText): its ``value`` is the frame on show.
    Attributes: ``pictures`` and ``captions`` (ipywidgets Stacks, to display), ``images``,
    ``drawn`` (which frames have their picture), ``linked`` (the browser switches them now),
    ``caption`` and ``still`` (the frame on show: its line, and its picture 630 px wide).
    """

    def __init__(self, figure, picker):
        self.figure = val.instance(figure, Figure, "figure", "a matplotlib Figure")
        self.picker = val.instance(picker, (w.IntText, w.BoundedIntText), "picker",
                                   "an ipywidgets IntText or BoundedIntText (the frame on show)")
        width, height = (str(round(v)) for v in figure.canvas.get_width_height())
        self._size = {"width": width, "height": height}      # the <img>'s box before it has decoded
        self._layout = w.Layout(width="100%", height="auto", margin="0")     # one for all the images
        self.pictures = w.Stack(layout=w.Layout(width="100%", max_width=f"{width}px", overflow="hidden"))
        self.captions = w.Stack()
        self._caption_look = {"layout": w.Layout(margin="0 0 0 12px"), "style": HTMLStyle()}   # shared
        self.images, self.texts, self.drawn = [], [], []
        self.recording, self.panels, self.linked = None, None, False
        self._links, self._task, self._browser_seen = [], None, False
        # A browser that shows the playground copies 1 into `seen` (the link's rule) and sends it
        # back; nothing else does. Frames are drawn in the background only from then on.
        self._seen, beacon = w.IntText(0), w.IntText(1)
        self._beacon = [beacon, w.jsdlink((beacon, "value"), (self._seen, "value"))]
        self._seen.observe(self._on_browser, "value")

    # ------------------------------------------------------------------ a new recording
    def start(self, recording, frame=-1):
        """Show ``recording``: draw ``frame`` now (returns its FrameView), the others later."""
        val.instance(recording, Recording, "recording", "a Recording (from record_training)")
        frame = val.index(frame, recording.n_frames, "frame")
        self._stop()
        if self.panels is not None:
            self.panels.disconnect()
        self.recording = recording
        self.panels = PlaygroundFigure(self.figure, recording, blit=True, title=False)
        n = recording.n_frames
        for extra in self.images[n:] + self.texts[n:]:
            extra.close()
        self.images = self.images[:n] + [Picture(format="jpeg", **self._size, layout=self._layout)
                                         for _ in range(n - len(self.images))]
        self.texts = self.texts[:n] + [w.HTML(**self._caption_look) for _ in range(n - len(self.texts))]
        for text, line in zip(self.texts, _captions(recording)):
            text.value = f'<span style="white-space: nowrap">{line}</span>'
        self.pictures.children, self.captions.children = self.images, self.texts
        self.drawn = [False] * n
        view = self.show(frame)
        if self._browser_seen:
            self._schedule()
        return view

    def show(self, i):
        """Show frame i (negative counts from the end), drawing it first if need be; returns its
        FrameView if it was drawn now, else None."""
        if self.recording is None:
            raise ValueError("show(i) needs a recording: call start(recording) first")
        i = val.index(i, len(self.drawn), "the frame i")
        view = None if self.drawn[i] else self._draw(i)
        self.pictures.selected_index = self.captions.selected_index = i
        return view

    def render_all(self):
        """Draw every frame not drawn yet, then let the browser switch the pictures."""
        for i, done in enumerate(self.drawn):
            if not done:
                self._draw(i)
        self._link()

    def on_pick(self, i):
        """The picker moved to frame i: the kernel shows it (once linked, the browser has)."""
        if self.recording is not None and not self.linked:
            self.show(i)

    @property
    def caption(self):
        """The line of the frame on show: its epoch and accuracies."""
        return _captions(self.recording)[self.captions.selected_index]

    @property
    def still(self):
        """The picture on show, scaled to STILL_WIDTH pixels wide: JPEG bytes."""
        from PIL import Image
        image = Image.open(io.BytesIO(bytes(self.images[self.pictures.selected_index].value)))
        image = image.resize((STILL_WIDTH, round(image.height * STILL_WIDTH / image.width)), Image.LANCZOS)
        out = io.BytesIO()
        image.save(out, format="jpeg", quality=80)
        return out.getvalue()

    # ------------------------------------------------------------------ drawing
    def _draw(self, i):
        view = self.panels.show(i)
        self.panels.render()
        image = self.images[i]
        image.value, image.tooltip = _jpeg(self.figure), _alt_text(self.recording, i)
        self.drawn[i] = True
        return view

    def _on_browser(self, change):
        if change["new"] and not self._browser_seen:
            self._browser_seen = True
            self._schedule()

    def _schedule(self):
        """Draw the remaining frames on the kernel's event loop (none outside a kernel)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        if self._task is None and not all(self.drawn):
            self._task = loop.create_task(self._draw_in_background(self.recording))

    async def _draw_in_background(self, recording):
        for i in range(len(self.drawn)):                # from frame 0, where ▶ starts
            await asyncio.sleep(0.001)                 # let the kernel answer the picker first
            if self.recording is not recording:
                return
            if not self.drawn[i]:
                self._draw(i)
        self._task = None
        self._link()

    def _link(self):
        if not self.linked and self.recording is not None:
            self._links = [w.jsdlink((self.picker, "value"), (stack, "selected_index"))
                           for stack in (self.pictures, self.captions)]
            self.linked = True
            self.pictures.add_class(READY)

    def _stop(self):
        """Forget the recording on show: no background drawing, the kernel switches pictures."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        for link in self._links:
            link.close()
        self._links, self.linked = [], False
        self.pictures.remove_class(READY)

    def close(self):
        """Close every widget and stop drawing."""
        self._stop()
        if self.panels is not None:
            self.panels.disconnect()
        for widget in self.images + self.texts + self._beacon + [self._seen, self.pictures, self.captions,
                                                               self._layout, *self._caption_look.values()]:
            widget.close()
