"""A progress bar for a training loop (notebook 09) that reads as a sentence before a notebook runs.

ipywidgets' ``IntProgress`` stores only its repr (``IntProgress(value=0, description='epoch 0')``)
for where the widget cannot be shown: a notebook not run yet, GitHub, nbviewer. ``ProgressBar``
stores a drawn bar and the sentence "Run the notebook to move this" instead, as the explorers do.

    bar = widgets.ProgressBar(100, "epoch")     # shows "epoch 0" and an empty bar
    bar.value = 37                              # shows "epoch 37", the bar 37% full
"""
import html
import io

import ipywidgets as widgets
import PIL.Image
import PIL.ImageDraw

from .. import _checks as val
from ..viz.alt_text import img_tag


class ProgressBar(widgets.IntProgress):
    """An ``ipywidgets.IntProgress`` from 0 to ``total`` whose label follows its value
    ("epoch 37"), and which reads, before the notebook runs, as a drawn empty bar and a sentence.

    total : the number of steps (a whole number >= 1).  label : the word before the count.
    Set ``bar.value`` (0 to total) as the steps are done.
    """

    def __init__(self, total, label="epoch"):
        total = val.positive_int(total, "total")
        if not isinstance(label, str) or not label.strip():
            raise TypeError(f"label must be a word such as 'epoch'; got {label!r:.60}")
        self.label = label.strip()
        super().__init__(value=0, min=0, max=total, description=f"{self.label} 0")
        self.observe(self._relabel, names="value")

    def _relabel(self, change):
        self.description = f"{self.label} {change['new']}"

    def _repr_mimebundle_(self, **kwargs):
        """The widget, and for where it cannot be shown a drawn bar and a sentence, not its repr."""
        data = super()._repr_mimebundle_(**kwargs)
        sentence = (f"Run the notebook to move this: a progress bar that counts the {self.max} "
                    f"{self.label}s of the training as they are done.")
        alt = f"A progress bar at {self.label} {self.value} of {self.max}"
        bar = img_tag(_bar_png(self.value / self.max), alt)
        data["text/plain"] = sentence
        data["text/html"] = (f'<figure class="nn-still" style="margin: 0">{bar}'
                             f"<figcaption><em>{html.escape(sentence)}</em></figcaption></figure>")
        return data


def _bar_png(done, size=(240, 18)):
    """A small picture of a progress bar ``done`` (0 to 1) full, as PNG bytes."""
    image = PIL.Image.new("RGB", size, "white")
    draw = PIL.ImageDraw.Draw(image)
    draw.rectangle([0, 0, size[0] - 1, size[1] - 1], outline="#555555")
    if done > 0:
        draw.rectangle([2, 2, 2 + round((size[0] - 5) * done), size[1] - 3], fill="#555555")
    png = io.BytesIO()
    image.save(png, "png", optimize=True)
    return png.getvalue()
