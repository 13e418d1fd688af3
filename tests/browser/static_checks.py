"""What a person gets from the static site and the slide decks, measured in the browser.

Each function takes a Playwright tab that shows a page (opened from disk) and returns what it
found, so that a test can assert on it and its negative twin can show that it finds a fault:

* ``raw_tex``: visible text that is still TeX once MathJax has typeset the page (``$z$``, ``\\frac``);
* ``figures``: every image's alternative text;
* ``contrast``: the contrast ratio of an element's text against what is behind it (WCAG 2.1);
* ``slide_fit``: every slide of a deck, visited at the tab's size, and those cut off: taller (or
  wider) than the slide, and not scrolled into view to their end by the keyboard (Space);
* ``axe``: axe-core's WCAG 2.1 A/AA violations, from the copy ``axe-playwright-python`` bundles
  (nothing is fetched).
"""
import json
import math
import re
from pathlib import Path

LAPTOP = {"width": 1366, "height": 768}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
GENERIC_ALT = re.compile(r"^\s*(|image|img|png|jpe?g|figure|picture|graph|plot|chart|"
                         r"no description has been provided for this image)\s*$", re.IGNORECASE)

RAW_TEX_JS = r"""() => {
  const RAW = new RegExp(String.raw`\$[^$\s][^$]*\$|\$\$|\\[()\[\]]|\\(` +          // $z$, $$, \( \) \[ \]
    "d?frac|sum|prod|int|sigma|partial|cdot|mathbf|mathrm|text|left|right|begin|end|alpha|beta|gamma|" +
    "eta|delta|Delta|nabla|times|quad|hat|sqrt|theta|lambda|epsilon|infty|leq|geq|approx|ldots|cdots|" +
    "leftarrow|rightarrow)(?![a-zA-Z])");
  const SKIP = "script, style, pre, code, textarea, .MathJax, .MathJax_Display, .MathJax_Preview, " +
               ".MathJax_CHTML, .MathJax_SVG, .MJX_Assistive_MathML, mjx-container, .jp-InputArea";
  const found = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    const parent = node.parentElement;
    if (parent && !parent.closest(SKIP) && RAW.test(node.data)) { found.push(node.data.trim().slice(0, 120)); }
  }
  return found;
}"""

TYPESET_JS = """() => new Promise(done => {
  if (!(window.MathJax && MathJax.Hub)) { return done(false); }
  MathJax.Hub.Queue(() => done(true));
})"""

FIGURES_JS = """() => [...document.images].map(img => ({
  alt: img.getAttribute("alt"),
  cell: (img.closest(".jp-Cell") || {}).id || null,
  src: (img.getAttribute("src") || "").slice(0, 40),
}))"""

COLOURS_JS = """(selector) => {
  const element = document.querySelector(selector);
  if (!element) { return null; }
  const parse = s => { const m = s.match(/[\\d.]+/g) || [0, 0, 0, 0];
                      return [+m[0], +m[1], +m[2], m.length > 3 ? +m[3] : 1]; };
  const over = (top, below) => [0, 1, 2].map(i => top[i] * top[3] + below[i] * (1 - top[3])).concat([1]);
  const layers = [];
  let opacity = 1;
  for (let e = element; e; e = e.parentElement) {
    const style = getComputedStyle(e);
    layers.push(parse(style.backgroundColor));
    opacity *= +style.opacity;
  }
  let background = [255, 255, 255, 1];
  for (const layer of layers.reverse()) { background = over(layer, background); }
  const text = parse(getComputedStyle(element).color);
  const seen = over([text[0], text[1], text[2], text[3] * opacity], background);
  return {text: seen.slice(0, 3), background: background.slice(0, 3), content: element.textContent.trim().slice(0, 40)};
}"""

SLIDES_JS = """() => {
  const height = Reveal.getConfig().height, width = Reveal.getConfig().width, out = [];
  const leaves = [...document.querySelectorAll(".reveal .slides section")].filter(s => !s.querySelector("section"));
  for (const slide of leaves) {
    const at = Reveal.getIndices(slide);
    Reveal.slide(at.h, at.v || 0);
    out.push({h: at.h, v: at.v || 0, content: slide.scrollHeight, box: slide.clientHeight,
              contentWidth: slide.scrollWidth, boxWidth: slide.clientWidth, height: height, width: width,
              overflow: getComputedStyle(slide).overflowY});
  }
  Reveal.slide(0, 0);
  return out;
}"""

SCROLL_STATE_JS = """() => { const s = Reveal.getCurrentSlide(), at = Reveal.getIndices();
  return {h: at.h, v: at.v || 0, top: s.scrollTop, box: s.clientHeight, content: s.scrollHeight}; }"""


def typeset(tab):
    """Wait until MathJax (if the page loads it) has typeset everything; True if it did."""
    return tab.evaluate(TYPESET_JS)


def settle(tab):
    """Wait for reveal.js (in a deck) and MathJax (if the page loads it); return MathJax's presence."""
    if tab.evaluate("() => !!document.querySelector('.reveal .slides')"):
        tab.wait_for_function("() => window.Reveal && Reveal.isReady()")
    return typeset(tab)


def open_page(tab, path, fragment=""):
    """Open a page from disk and ``settle`` it; return MathJax's presence."""
    tab.goto(Path(path).as_uri() + fragment)
    return settle(tab)


def raw_tex(tab):
    """Text outside MathJax's output and outside code that still reads as TeX."""
    return tab.evaluate(RAW_TEX_JS)


def figures(tab):
    """[{alt, cell, src}] of every <img> on the page (alt is None when the attribute is missing)."""
    return tab.evaluate(FIGURES_JS)


def bad_alts(found):
    """The images whose alt text is missing, empty or generic ("image", nbconvert's placeholder)."""
    return [f for f in found if f["alt"] is None or GENERIC_ALT.match(f["alt"])]


def _luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(one, two):
    """WCAG 2.1 contrast ratio of two sRGB colours (0-255 triples): 1 to 21."""
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def contrast(tab, selector):
    """(ratio, detail) for the first element matching ``selector``: its text colour, with the
    opacity of it and its ancestors, against the backgrounds behind it (white at the bottom)."""
    colours = tab.evaluate(COLOURS_JS, selector)
    assert colours is not None, f"nothing matches {selector!r}"
    return round(contrast_ratio(colours["text"], colours["background"]), 2), colours


def _reaches_end(tab, h, v, most_presses):
    """Show slide (h, v) from its top and press Space until its end is in view (True) or the deck
    moves on to another slide first (False)."""
    tab.evaluate(f"Reveal.slide({h}, {v})")
    tab.evaluate("Reveal.getCurrentSlide().scrollTop = 0")
    for _ in range(most_presses):
        state = tab.evaluate(SCROLL_STATE_JS)
        if (state["h"], state["v"]) != (h, v):
            return False
        if state["top"] + state["box"] >= state["content"] - 1:
            return True
        tab.keyboard.press("Space")
    return False


def slide_fit(tab):
    """(every slide of the deck shown in ``tab``, the slides cut off), each a dict with the slide's
    address h/v, its content height and width, and the slide's height and width (reveal.js units).

    A slide is cut off if its content is wider than the slide, or taller and the keyboard (Space,
    a presenter's key) does not bring its end into view before the deck moves to the next slide.
    (Slide transitions are off meanwhile: they animate, and change no size.)
    """
    transition = tab.evaluate("() => { const was = Reveal.getConfig().transition; "
                              "Reveal.configure({transition: 'none'}); return was; }")   # no animations
    slides = tab.evaluate(SLIDES_JS)
    cut = []
    for slide in slides:
        wide = slide["contentWidth"] > slide["width"] + 1
        tall = slide["content"] > slide["height"] + 1
        presses = math.ceil(slide["content"] / (0.3 * slide["height"])) + 2
        if wide or tall and not (slide["box"] <= slide["height"] + 1
                                 and _reaches_end(tab, slide["h"], slide["v"], presses)):
            cut.append(slide)
    tab.evaluate("(was) => { Reveal.slide(0, 0); Reveal.configure({transition: was}); }", transition)
    return slides, cut


def start_axe(tab):
    """Start axe-core's WCAG 2.1 A/AA rules on the page as it is now, and return at once (the
    page's renderer works while the test does something else); ``finish_axe`` collects."""
    from axe_playwright_python.sync_playwright import Axe

    if not tab.evaluate("() => !!window.axe"):
        tab.evaluate(Axe().axe_script)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    tab.evaluate("""(options) => { window.__axe = undefined;
        axe.run(document, options).then(r => { window.__axe = r; }, e => { window.__axe = {error: String(e)}; }); }""",
                 options)


def finish_axe(tab, save_to=None):
    """axe-core's violations, once ``start_axe`` is done: {impact: [(rule id, number of nodes)]}.
    The full results go to ``save_to`` (JSON) if given."""
    tab.wait_for_function("() => window.__axe !== undefined", polling=100, timeout=120_000)
    results = tab.evaluate("() => window.__axe")
    assert "error" not in results, results
    if save_to is not None:
        Path(save_to).parent.mkdir(parents=True, exist_ok=True)
        Path(save_to).write_text(json.dumps(results, indent=1), encoding="utf-8")
    by_impact = {}
    for violation in results["violations"]:
        by_impact.setdefault(violation["impact"], []).append((violation["id"], len(violation["nodes"])))
    return by_impact


def axe(tab, save_to=None):
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now (see ``finish_axe``)."""
    start_axe(tab)
    return finish_axe(tab, save_to)


def blocking(by_impact):
    """The serious and critical part of ``axe``'s answer."""
    return {impact: rules for impact, rules in by_impact.items() if impact in BLOCKING}
