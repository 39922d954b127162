"""Every page, in English and in Korean, passes the axe-core engine's WCAG 2.1 A and AA rules: no serious or critical
violation. Each page is shown with its full content first: a trained model, drawings given to the class, a drawing
read with the network's inside shown, the teacher's page unlocked, every expander open. And the keyboard's focus
always shows.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from harness.axe import AXE_VERSION, AxeReport, run_axe
from harness.browser import SCREENSHOT_DIR, button, screenshot, wait_for_pictures, wait_idle
from harness.drawing import clear_canvas, draw_strokes, predicted_label
from harness.selectors import PAGE_LANDMARKS, PAGE_PROBLEMS, keyed
from mnist_core.data.pen_digits import PenDigit
from mnist_core.locales import en, ko

from .conftest import TEACHER_PASSWORD

STUDENT = "Ha-eun"
CATALOGS = {"en": en.MESSAGES, "ko": ko.MESSAGES}
PAGES = ["", "train", "draw", "mistakes", "class_page", "teacher"]  # app.py's, by their URL's slug ("" is Home)
# Something each page draws once it shows all it has: the Class page its board, the Teacher page its unlocked view.
LANDMARKS = {
    **PAGE_LANDMARKS,
    "class_page": keyed("class-fooled"),
    "teacher": keyed("teacher-lock"),
}
REPORTS_DIR = SCREENSHOT_DIR.parent / "accessibility"
CHARTS = "[data-testid=stMain] [data-testid=stVegaLiteChart]"
MAX_EXPANDERS = 60  # a page has about a dozen; a bound in case one will not stay open


@pytest.mark.browser
@pytest.mark.parametrize("locale", ["en-US", "ko-KR"], ids=["en", "ko"])
def test_every_page_passes_axe(open_app, pen_digits: list[PenDigit], locale: str) -> None:
    language = locale[:2]
    page = open_app(locale=locale, student=STUDENT)
    # The app speaks the browser's language: make sure this one is the language under test.
    expect(page.locator("[data-testid=stMain] h1").first).to_have_text(CATALOGS[language]["home.title"])

    reports: dict[str, AxeReport] = {}
    for slug in PAGES:
        show_page(page, slug, pen_digits)
        reports[slug or "home"] = run_axe(page)
        screenshot(page)
    save_reports(language, reports)

    blocking = {name: report.blocking for name, report in reports.items() if report.blocking}
    print(f"\naxe-core {AXE_VERSION}, WCAG 2.1 A and AA, {language}: serious or critical violations per page")
    for name, report in reports.items():
        print(f"  {name}: {len(report.blocking)} {rule_counts(report)}; {len(report.checked)} rules checked")
    checked = sorted({rule for report in reports.values() for rule in report.checked})
    print(f"rules checked ({len(checked)}): {', '.join(checked)}")
    assert checked, "axe checked no rule at all"
    assert all(report.checked for report in reports.values()), "a page where axe checked nothing"
    assert not blocking, "\n".join(
        f"{name}:\n" + "\n".join(f"  {finding}" for finding in findings) for name, findings in blocking.items()
    )


# The element that has the keyboard's focus, and whether it, or the box or label that wears its ring (ui/layout.py),
# shows a focus ring of 2 px or more.
FOCUS_JS = """() => {
  const focused = document.activeElement;
  const ringed = element => element && getComputedStyle(element).outlineStyle !== 'none' &&
    parseFloat(getComputedStyle(element).outlineWidth) >= 2 && getComputedStyle(element).opacity > 0.5;
  const wearer = [focused, focused.parentElement, focused.closest('label')].find(ringed);
  const box = (wearer || focused).getBoundingClientRect();
  return {
    what: `${focused.tagName} ${(focused.getAttribute('aria-label') || focused.innerText || '').slice(0, 40)}`,
    body: focused === document.body,
    ring: Boolean(wearer) && box.width > 2 && box.height > 2,
  };
}"""
FOCUS_STOPS = 40  # Tab presses: the sidebar and the Train page's fields, buttons, options and lessons
FADE_MS = 500  # longer than Streamlit's fades


@pytest.mark.browser
def test_keyboard_focus_is_always_visible(open_app) -> None:
    """Tabbing through the sidebar and the Train page (text and number fields, options, a switch, buttons, lessons):
    every element that takes the focus shows a ring (WCAG 2.4.7), also where Streamlit's own was missing or hidden."""
    page = open_app("train", student=STUDENT)
    page.locator(LANDMARKS["train"]).first.wait_for()
    stops = []
    for _ in range(FOCUS_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_JS)
        if not stop["ring"]:  # a heading's link fades in (a CSS transition): look again once it is over
            page.wait_for_timeout(FADE_MS)
            stop = page.evaluate(FOCUS_JS)
        stops.append(stop)
    reached = [stop for stop in stops if not stop["body"]]
    print(f"\n{len(reached)} focus stops, {sum(stop['ring'] for stop in reached)} with a visible ring")
    assert len(reached) > FOCUS_STOPS // 2, stops
    assert all(stop["ring"] for stop in reached), [stop["what"] for stop in reached if not stop["ring"]]


def show_page(page: Page, slug: str, pen_digits: list[PenDigit]) -> None:
    """Switch to the page by its sidebar link and bring out everything it can show."""
    if slug:
        links = "[data-testid=stSidebarNav] a"
        page.locator(f"{links}[href$='/{slug}'], {links}[href*='/{slug}?']").click()
        page.wait_for_url(re.compile(rf"/{slug}(\?.*)?$"))
    if slug == "draw":
        page.locator(LANDMARKS["draw"]).first.wait_for()
        give_two_drawings(page, pen_digits)
    elif slug == "teacher":
        field = page.locator(f"{keyed('teacher-password')} input")
        field.fill(TEACHER_PASSWORD)
        page.locator("[data-testid=stFormSubmitButton] button").click()
    page.locator(LANDMARKS[slug]).first.wait_for()
    wait_idle(page)
    # A page that broke off shows less than it should: axe would pass what it never saw.
    expect(page.locator(PAGE_PROBLEMS)).to_have_count(0)
    open_expanders(page)
    wait_for_charts(page)
    assert not wait_for_pictures(page), "pictures that did not load"


def give_two_drawings(page: Page, pen_digits: list[PenDigit]) -> None:
    """Two real handwritten digits given to the class set: one as the digit the network read, one as another (so the
    Class page's board of drawings that fooled the model has one); then the second is read with the inside shown."""
    for number, digit in enumerate(pen_digits[:2]):
        if number:
            clear_canvas(page)
        draw_strokes(page, digit.strokes)
        read = int(predicted_label(page))
        button(page, f"give-{read if number == 0 else (read + 1) % 10}").click()
        expect(page.locator(f"{keyed('give-drawing')} [data-testid=stAlertContentSuccess]")).to_be_visible()
        wait_idle(page)
    page.locator(f"{keyed('show-inside')} label").click()
    page.locator(".st-key-inside-network img").first.wait_for()
    wait_idle(page)


def open_expanders(page: Page) -> None:
    """Open every closed expander of the main area (what they hold is checked too), one click each, as a user does."""
    closed = page.locator("[data-testid=stMain] [data-testid=stExpander] details:not([open]) > summary")
    for _ in range(MAX_EXPANDERS):
        if not closed.count():
            return
        closed.first.click()
    wait_idle(page)


def wait_for_charts(page: Page) -> None:
    """Wait until Vega has drawn every chart (a chart's element is there a moment before what it draws)."""
    page.wait_for_function(
        f"() => [...document.querySelectorAll('{CHARTS}')].every(chart => chart.querySelector('canvas, svg'))"
    )


def rule_counts(report: AxeReport) -> dict[str, int]:
    """Serious or critical violations by rule, e.g. {"image-alt": 40, "color-contrast": 6}."""
    return dict(Counter(finding.rule for finding in report.blocking))


def save_reports(language: str, reports: dict[str, AxeReport]) -> Path:
    """Keep what axe found on every page in test-artifacts/accessibility/<language>.json, to compare runs."""
    path = REPORTS_DIR / f"{language}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    summary = {
        name: {
            "blocking": rule_counts(report),
            "checked": list(report.checked),
            "incomplete": list(report.incomplete),
            "findings": [vars(finding) for finding in report.findings],
        }
        for name, report in reports.items()
    }
    path.write_text(json.dumps({"axe-core": AXE_VERSION, "pages": summary}, ensure_ascii=False, indent=1))
    return path
