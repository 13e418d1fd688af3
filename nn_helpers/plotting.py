"""Plots for the notebooks: plain functions that draw on a matplotlib ``ax`` and return it.

The numbers behind each picture come from small functions (``decision_grid``) that
tests call without drawing anything.
"""
import numpy as np

# Colour-blind-safe class colours (class 0 orange, class 1 blue, as in TensorFlow Playground).
CLASS_COLORS = ["#e8833a", "#3a7dc9", "#4daf4a", "#c44e52", "#8172b3", "#937860"]


def _axes(ax):
    if ax is None:
        import matplotlib.pyplot as plt
        _, ax = plt.subplots(figsize=(5, 4.5))
    return ax


def decision_grid(model, xlim, ylim, resolution=100):
    """The model's output on a resolution x resolution grid over the rectangle xlim x ylim.

    model : anything with ``forward(X)`` mapping (n, 2) to (n, k).
    Returns xx, yy (resolution, resolution) and out (resolution, resolution, k).
    """
    xx, yy = np.meshgrid(np.linspace(*xlim, resolution), np.linspace(*ylim, resolution))
    out = model.forward(np.c_[xx.ravel(), yy.ravel()])
    return xx, yy, out.reshape(resolution, resolution, -1)


def _limits(*arrays, margin=0.5):
    pts = np.vstack([a for a in arrays if a is not None])
    lo, hi = pts.min(axis=0) - margin, pts.max(axis=0) + margin
    return (lo[0], hi[0]), (lo[1], hi[1])


def plot_points(X, y, ax=None, marker="o", label_prefix="", edgecolor="white", size=28):
    """Scatter 2-D points coloured by their int label; one legend entry per class."""
    ax = _axes(ax)
    for c in np.unique(y):
        pts = X[y == c]
        ax.scatter(pts[:, 0], pts[:, 1], s=size, marker=marker, color=CLASS_COLORS[int(c) % 6],
                   edgecolor=edgecolor, linewidth=0.8, label=f"{label_prefix}class {int(c)}", zorder=3)
    return ax


def plot_decision_boundary(model, X, y, ax=None, X_test=None, y_test=None, resolution=100,
                           title=None):
    """Shade the plane by the model's prediction and draw the border between classes.

    One output unit: shading is the probability of class 1, the border is the 0.5 contour.
    k > 1 outputs: each region takes its class colour, paler where the model is less sure.
    Train points are circles, test points (optional) are triangles with a black edge.
    X : (n, 2), y : (n,) int labels.  Returns ax.
    """
    from matplotlib.colors import LinearSegmentedColormap, to_rgb
    ax = _axes(ax)
    xlim, ylim = _limits(X, X_test)
    xx, yy, out = decision_grid(model, xlim, ylim, resolution)
    if out.shape[-1] == 1:
        cmap = LinearSegmentedColormap.from_list("p", [CLASS_COLORS[0], "#ffffff", CLASS_COLORS[1]])
        ax.contourf(xx, yy, out[..., 0], levels=np.linspace(0, 1, 11), cmap=cmap, alpha=0.55)
        ax.contour(xx, yy, out[..., 0], levels=[0.5], colors="k", linewidths=1.5)
    else:
        labels, conf = out.argmax(axis=-1), out.max(axis=-1)
        rgb = np.array([to_rgb(CLASS_COLORS[k % 6]) for k in range(out.shape[-1])])[labels]
        strength = 0.25 + 0.45 * (conf - conf.min()) / max(np.ptp(conf), 1e-12)
        image = 1 - strength[..., None] * (1 - rgb)          # blend with white
        ax.imshow(image, origin="lower", extent=(*xlim, *ylim), aspect="auto", interpolation="bilinear")
        ax.contour(xx, yy, labels, levels=np.arange(out.shape[-1]) + 0.5, colors="k", linewidths=1)
    plot_points(X, y, ax, label_prefix="train ")
    if X_test is not None:
        plot_points(X_test, y_test, ax, marker="^", label_prefix="test ", edgecolor="black", size=36)
    ax.set(xlim=xlim, ylim=ylim, xlabel="$x_1$", ylabel="$x_2$")
    if title:
        ax.set_title(title)
    return ax


def plot_loss_curve(history, ax=None, label="train loss", title="Loss during training"):
    """Loss per epoch from ``MLP.fit``'s history (and val_loss if present). Returns ax."""
    ax = _axes(ax)
    ax.plot(history["loss"], label=label)
    if history.get("val_loss"):
        ax.plot(history["val_loss"], label="validation loss")
    ax.set(xlabel="epoch", ylabel="loss", title=title)
    ax.legend()
    return ax
