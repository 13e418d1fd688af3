"""The playground for a person who uses the keyboard or a screen reader, on its Voila page.

With the keyboard alone: Tab reaches Train, Space trains, the arrow keys on the replay picker move
the picture. Every control has a name a screen reader reads (asked the way assistive technology
asks: by role and accessible name). axe-core's WCAG 2.1 A/AA rules find no serious or critical
violation on the page (the full results: artifacts/axe/voila-playground.json), and they do find
the two faults the playground was built to avoid, put back into the page: a picture without a
text alternative and an ipywidgets slider (its handle has no accessible name).
"""
import json
import re

import pytest

from .conftest import ARTIFACTS, screenshot
from .test_playground import PLAYGROUND, epoch_shown, open_voila, pixels, voila_url, wait_for_epoch  # noqa: F401

pytestmark = pytest.mark.browser
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
# (role, accessible name) of every control of the first playground, as a screen reader names them
CONTROLS = [("combobox", "data set"), ("spinbutton", "classes"), ("spinbutton", "noise"),
            ("spinbutton", "points"), ("spinbutton", "test share"), ("spinbutton", "seed"),
            ("textbox", "hidden layers"), ("combobox", "activation"), ("combobox", "learning rate"),
            ("combobox", "batch size"), ("combobox", "L2 penalty"), ("spinbutton", "epochs"),
            ("button", "Train"), ("button", "Play"), ("spinbutton", "replay"), ("button", "class 0"),
            ("button", "class 1"), ("button", "Clear my points"), ("textbox", "setup"), ("button", "Load")]


@pytest.fixture(scope="module")
def voila(browser_context, voila_url):  # noqa: F811  (the fixture imported above)
    page = open_voila(browser_context, voila_url)
    yield page
    page.close()


def focused(page):
    """What has the keyboard focus: (tag, its text or label)."""
    return page.evaluate("""() => { const e = document.activeElement;
        const label = e.labels && e.labels[0] ? e.labels[0].innerText : '';
        return [e.tagName, (e.innerText || label || '').trim()]; }""")


def tab_to(page, tag, text, presses=60):
    """Press Tab until the focus is on a ``tag`` element whose text (or label) is ``text``."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if focused(page) == [tag, text]:
            return
    raise AssertionError(f"Tab never reached the {tag} {text!r} (last: {focused(page)})")


def test_keyboard_alone_trains_and_replays(voila):
    page = voila
    page.mouse.click(5, 5)                                 # the focus starts at the top of the page
    tab_to(page, "INPUT", "seed")
    page.keyboard.press("Control+A")
    page.keyboard.type("7")                                # another training: another picture
    trained = pixels(page)
    tab_to(page, "BUTTON", "Train")
    page.keyboard.press("Space")
    page.locator(PLAYGROUND).first.locator(".widget-html", has_text="Trained").wait_for(timeout=60_000)
    deadline = 0
    while pixels(page) == trained and deadline < 100:      # the new picture arrives
        page.wait_for_timeout(200)
        deadline += 1
    assert pixels(page) != trained, "Space on Train did not train anew"
    assert "seed=7" in page.locator(PLAYGROUND).first.get_by_role("textbox", name="setup").input_value()
    tab_to(page, "INPUT", "replay")
    last = epoch_shown(page)
    page.keyboard.press("ArrowDown")                       # one frame back
    assert 0 < wait_for_epoch(page, f"epoch < {last}") < last
    page.keyboard.press("ArrowUp")                         # and forward again
    assert wait_for_epoch(page, f"epoch === {last}") == last
    screenshot(page, "playground-keyboard")


def test_every_control_has_a_name_a_screen_reader_reads(voila):
    playground = voila.locator(PLAYGROUND).first
    for role, name in CONTROLS:
        assert playground.get_by_role(role, name=name, exact=False).count() >= 1, (role, name)
    assert playground.get_by_role("img", name=re.compile(r"^The network at epoch \d+ of \d+: its decision")).count() == 1
    assert playground.get_by_role("slider").count() == 0   # ipywidgets' sliders have no name


def axe(page, save_to=None):
    """axe-core's WCAG 2.1 A/AA violations on the page: [(impact, rule, nodes)]; all results to save_to."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                       "resultTypes": ["violations"]}).response
    if save_to is not None:
        save_to.parent.mkdir(parents=True, exist_ok=True)
        save_to.write_text(json.dumps(results, indent=1))
    return [(v["impact"], v["id"], len(v["nodes"])) for v in results["violations"]]


def test_axe_finds_no_serious_or_critical_violation(voila):
    found = axe(voila, ARTIFACTS / "axe" / "voila-playground.json")
    assert [v for v in found if v[0] in BLOCKING] == [], found


def test_axe_finds_a_picture_without_text_and_a_nameless_slider(voila):
    """The check can fail: the page with the playground's two guards taken away."""
    voila.evaluate("""(selector) => {
        const root = document.querySelector(selector);
        root.querySelector('.widget-image').removeAttribute('title');     // no text alternative
        const handle = document.createElement('div');                    // what an IntSlider draws
        Object.assign(handle, {tabIndex: 0, className: 'noUi-handle'});
        handle.setAttribute('role', 'slider');
        handle.setAttribute('aria-valuenow', '3');
        root.appendChild(handle);
    }""", PLAYGROUND)
    found = {(impact, rule) for impact, rule, _ in axe(voila)}
    assert ("critical", "image-alt") in found and ("serious", "aria-input-field-name") in found, found
