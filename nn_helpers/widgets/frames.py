"""Frames: an Agg canvas that redraws only what changed since the last frame (blitting), and a
fast PNG encoder for the frames.  The picture is exactly what a full draw gives.

``FrameCanvas``  the canvas the ``Explorer`` draws on (``figure_view`` makes it): ``draw_frame()``
                 redraws the artists that an update changed, and those above them that they overlap,
                 over a background it keeps
``frame_png``    the canvas as PNG bytes in a few milliseconds
"""
import struct
import zlib

import numpy as np
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text
from matplotlib.transforms import Bbox


def frame_png(canvas):
    """The Agg canvas's pixels as PNG bytes, quickly: RGB when the figure is opaque, no PNG row
    filter and zlib level 1 (about 4 ms for 540 x 470 pixels where Pillow's adaptive filters take
    12, and smaller for pictures of flat colours); lossless, so exactly what Agg drew."""
    rgba = np.asarray(canvas.buffer_rgba())
    pixels = rgba[..., :3] if rgba[..., 3].min() == 255 else rgba
    height, width, channels = pixels.shape
    rows = np.empty((height, width * channels + 1), np.uint8)      # each row: filter 0, then pixels
    rows[:, 0] = 0
    rows[:, 1:] = pixels.reshape(height, -1)
    header = struct.pack(">IIBBBBB", width, height, 8, 2 if channels == 3 else 6, 0, 0, 0)
    return b"".join([b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", header),
                     _chunk(b"IDAT", zlib.compress(rows.tobytes(), 1)), _chunk(b"IEND", b"")])


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


# ---------------------------------------------------------------- frames: redraw only what changed

PAD = 2        # pixels around an artist's box (antialiased edges reach past it)


class FrameCanvas(FigureCanvasAgg):
    """An Agg canvas that draws a frame by redrawing only what changed since the last one
    (blitting), with the pixels a full draw would give.

    After a full draw it remembers, per Axes, its limits, scales and position, and marks every
    artist drawn (matplotlib's ``stale`` flag off). For the next frame, the artists that an update
    marked stale (new data, new text, a new legend) are the changed ones; an Axes whose limits,
    scales or axis changed counts as changed as a whole. Every artist drawn after a changed one
    and overlapping it (by its bounding box, ``PAD`` pixels wider) is redrawn too, so the stacking
    order is the full draw's. The rest is the background: drawn once (with the changed artists
    left out), copied, and restored for each frame while the same artists stay in it.
    """

    def __init__(self, figure):
        super().__init__(figure)
        self.forget()

    def forget(self):
        """Drop the background: the next frame is a full draw (after the figure was drawn afresh)."""
        self._background = None       # (what it holds: a key, its pixels)
        self._views = None            # id(Axes) -> (limits, scales, position) at the last frame
        self._boxes = {}              # id(Axes) or None (the figure) -> {id(artist): its boxes}

    def draw_frame(self):
        """Draw the figure's current state into the canvas, redrawing only what changed."""
        axes = [id(ax) for ax in self.figure.axes]
        if self._views is None or sorted(self._views) != sorted(axes):
            self.draw()                                       # the first frame, or new Axes: all of it
            self._background = None
        else:
            renderer = self.get_renderer()
            key, redraw = self._plan(renderer)
            if self._background is not None and self._background[0] == key:
                self.restore_region(self._background[1])
            else:                                             # a new background: all but `redraw`
                for artist in redraw:
                    artist.set_animated(True)
                try:
                    self.draw()
                finally:
                    for artist in redraw:
                        artist.set_animated(False)
                self._background = (key, self.copy_from_bbox(self.figure.bbox))
            renderer = self.get_renderer()
            for artist in redraw:
                artist.draw(renderer)
        self._settle()

    def _plan(self, renderer):
        """(key of the background this frame needs, artists to redraw in drawing order)."""
        redraw, key, boxes = [], [], {}                     # boxes: id -> where a redrawn artist draws
        for top in _drawing_order(self.figure):
            if not _is_axes(top):
                self._place(top, None, renderer, redraw, key, boxes)
            elif self._views.get(id(top)) != _view(top) or _axis_changed(top):
                redraw.append(top)                            # new limits or ticks: the whole Axes
                self._boxes.pop(id(top), None)                # its artists have moved
            else:
                for child in _drawing_order(top):
                    self._place(child, top, renderer, redraw, key, boxes)
        return tuple(key), redraw

    def _place(self, artist, ax, renderer, redraw, key, boxes):
        """Put ``artist`` (drawn by ``ax``, or by the figure: None) in the background (``key``) or
        among the artists redrawn over it: it changed (matplotlib marked it stale), or it
        overlaps one redrawn before it. Boxes are computed only when needed (an Axes' tight box
        costs milliseconds)."""
        if _changed(artist):
            redraw.append(artist)
            return
        if redraw:
            known = self._boxes.setdefault(id(ax) if ax is not None else None, {})
            if id(artist) not in known:
                known[id(artist)] = _boxes(artist, renderer)
            mine = known[id(artist)]
            for other in (redraw if mine else ()):
                if id(other) not in boxes:
                    boxes[id(other)] = _boxes(other, renderer)
                if any(_overlap(b, r) for b in mine for r in boxes[id(other)]):
                    redraw.append(artist)
                    boxes[id(artist)] = mine
                    return
        key.append(id(artist))

    def _settle(self):
        """After a frame: every artist counts as drawn; remember each Axes' limits and position."""
        for top in _drawing_order(self.figure):
            if _is_axes(top):
                top.stale = top.patch.stale = top.xaxis.stale = top.yaxis.stale = False
                artists = _drawing_order(top)
            else:
                artists = [top]
            for artist in artists:
                for part in _parts(artist):
                    part.stale = False
        self._views = {id(ax): _view(ax) for ax in self.figure.axes}
        self.figure.stale = False


def _overlap(a, b):
    """True when boxes a and b share some area (boxes that only touch do not)."""
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _is_axes(artist):
    return isinstance(artist, Axes)


def _drawing_order(container):
    """The artists a Figure or an Axes draws, in the order it draws them (as their ``draw`` does)."""
    children = [c for c in container.get_children() if c is not container.patch]
    if _is_axes(container):
        if not (container.axison and container.get_frame_on()):
            children = [c for c in children if c not in container.spines.values()]
        if not container.axison:
            children = [c for c in children if not isinstance(c, Axis)]
    return sorted(children, key=lambda c: c.get_zorder())


def _parts(artist):
    """The artists whose ``stale`` flag says ``artist`` changed: an Axis's own flag and its label
    (its ticks are redone at every draw), otherwise the artist and everything in it."""
    if isinstance(artist, Axis):
        return [artist, artist.label, artist.offsetText]
    return artist.findobj() if artist.get_children() else [artist]


def _changed(artist):
    return any(part.stale for part in _parts(artist))


def _axis_changed(ax):
    return ax.patch.stale or (ax.axison and (ax.xaxis.stale or ax.yaxis.stale))


def _view(ax):
    return (tuple(ax.get_xlim()), tuple(ax.get_ylim()), ax.get_xscale(), ax.get_yscale(),
            tuple(ax.get_position().bounds))


def _boxes(artist, renderer):
    """Where ``artist`` draws, as display-space boxes: its extent ``PAD`` pixels (and half its line
    width) wider, cut to its clip box; an Axis: see ``_axis_boxes``; an Axes: its tight box."""
    if not artist.get_visible() or (isinstance(artist, Text) and not artist.get_text()):
        return []
    if isinstance(artist, Axis):
        return _axis_boxes(artist, renderer)
    if _is_axes(artist):
        box = artist.get_tightbbox(renderer) or artist.bbox
    else:
        box = artist.get_window_extent(renderer)
        frame = artist.get_bbox_patch() if isinstance(artist, Text) else None
        if frame is not None:
            box = Bbox.union([box, frame.get_window_extent(renderer).padded(_half_width(frame, renderer))])
    box = box.padded(PAD + _half_width(artist, renderer))
    clip = _clip_region(artist)
    if clip is not None:
        clip = clip.padded(1)                                   # Agg rounds clip boxes to pixels
    if not np.all(np.isfinite(box.extents)):
        box = clip if clip is not None else artist.get_figure(root=True).bbox   # unknown: everywhere
    elif clip is not None:
        box = Bbox.intersection(box, clip)
    return [] if box is None else [box]


def _axis_boxes(axis, renderer):
    """Where an Axis draws: its tick labels and label, and a band along each edge of its Axes for
    the tick marks; the whole Axes if it has grid lines.  Tick marks pointing out of the Axes
    start under the spine (snapped to the same pixel row as the edge of a clip box); when that
    spine is there, opaque and at least a pixel wide, it is drawn over that row last in either
    order, so the band stops a pixel outside the Axes and a picture inside it does not overlap."""
    ax, dpi = axis.axes, axis.get_figure(root=True).dpi
    tight = axis.get_tightbbox(renderer)
    boxes = [] if tight is None else [tight.padded(PAD)]
    ticks = axis.get_major_ticks()[:1] + axis.get_minor_ticks()[:1]
    if any(tick.gridline.get_visible() for tick in ticks):
        return boxes + [ax.bbox.padded(1)]
    outward = all(tick.get_tickdir() == "out" for tick in ticks)
    reach = PAD + 12 * dpi / 72                                 # tick marks are at most ~10 points
    x0, y0, x1, y1 = ax.bbox.extents
    for side in (("bottom", "top") if axis.axis_name == "x" else ("left", "right")):
        spine = ax.spines.get(side)
        covered = (outward and spine is not None and spine.get_visible()
                   and spine.get_position() == ("outward", 0.0) and spine.get_alpha() in (None, 1)
                   and spine.get_linewidth() * dpi / 72 >= 1)
        inside = -1 if covered else reach                       # how far the band reaches in
        if side == "bottom":
            boxes.append(Bbox([[x0 - reach, y0 - reach], [x1 + reach, y0 + inside]]))
        elif side == "top":
            boxes.append(Bbox([[x0 - reach, y1 - inside], [x1 + reach, y1 + reach]]))
        elif side == "left":
            boxes.append(Bbox([[x0 - reach, y0 - reach], [x0 + inside, y1 + reach]]))
        else:
            boxes.append(Bbox([[x1 - inside, y0 - reach], [x1 + reach, y1 + reach]]))
    return boxes


def _half_width(artist, renderer):
    """Half an artist's line width in pixels (what a stroke adds around its path), 0 without one."""
    width = artist.get_linewidth() if hasattr(artist, "get_linewidth") else 0
    width = float(np.max(width)) if np.size(width) else 0.0
    return renderer.points_to_pixels(width) / 2


def _clip_region(artist):
    """The display box an artist is clipped to (its clip box and clip path), or None."""
    if not artist.get_clip_on():
        return None
    boxes = [artist.get_clip_box()]
    path = artist.get_clip_path()
    if path is not None:
        boxes.append(path.get_fully_transformed_path().get_extents())
    boxes = [b for b in boxes if b is not None]
    return Bbox.intersection(*boxes) if len(boxes) == 2 else (boxes[0] if boxes else None)


__all__ = ["FrameCanvas", "PAD", "frame_png", "unchanged"]
