"""A lesson in Chromium on the school on one machine: the teacher at one app server, students at the other.

Everything a class shares crosses from one app server to the other here, through the shared parts and nothing
else: the caps and the class model (PostgreSQL), the line (the Ray actor), the runs (the S3 stand-in), the class set
(PostgreSQL). Each page is opened at one app server's own address, so which server serves it is known.

Runs inside the school's network namespace (scripts/test.sh: `school.sh run pytest tests/cluster`).
"""

from __future__ import annotations

import os
import re
import subprocess
import urllib.parse
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Page, expect

from harness.browser import DEFAULT_TIMEOUT_MS, VIEWPORT, ConsoleErrors, button, screenshot, wait_for_app, wait_idle
from harness.drawing import draw_strokes
from harness.selectors import PROGRESS_BAR, keyed
from harness.train_page import set_epochs, start_training, wait_for_batch_trace, wait_until_done
from mnist_core import config, i18n
from mnist_core.data.pen_digits import load_pen_digits
from mnist_core.runs.store import RunStore
from mnist_core.training.fit import train
from mnist_core.training.settings import TrainingSettings

APPS = os.environ.get("MNIST_SCHOOL_APPS", "").split()
TEACHER_PASSWORD = os.environ.get("MNIST_APP_TEACHER_PASSWORD", "")
WARNING = "[data-testid=stAlertContentWarning]"

pytestmark = [
    pytest.mark.cluster,
    pytest.mark.browser,
    pytest.mark.skipif(len(APPS) < 2, reason="needs the school on one machine (scripts/school.sh up, then run)"),
]


def say(key: str, **values: object) -> str:
    return i18n.t(key, "en", **values)


def school(*command: str) -> None:
    """One of scripts/school.sh's commands (stop-db, start-db ...)."""
    subprocess.run(["bash", str(config.PROJECT_ROOT / "scripts" / "school.sh"), *command], check=True)


@pytest.fixture(scope="module")
def shared_model(tmp_path_factory) -> str:
    """A digits model in the school's shared runs (MNIST_APP_RUNS_URL), saved from a cache of this test's own as a
    training task saves one: any model reads drawings."""
    store = RunStore(tmp_path_factory.mktemp("runs"))
    return store.save(train(TrainingSettings(epochs=1, train_limit=6000, seed=1)), teacher=True).id


@pytest.fixture
def open_at(browser, shared_model) -> Iterator[Callable[..., Page]]:
    """open_at(server, path, who, student=None): a page of a new browser at app server `server` (1 or 2)."""
    errors, contexts, opened = ConsoleErrors(), [], []

    def open_page(server: int, path: str = "", who: str = "", student: str | None = None) -> Page:
        if student is not None:
            path += ("&" if "?" in path else "?") + urllib.parse.urlencode({"student": student})
        context = browser.new_context(locale="en-US", viewport=VIEWPORT)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        errors.watch(page, who)
        opened.append((who, page))
        page.goto(f"{APPS[server - 1]}/{path}")
        wait_for_app(page)
        return page

    yield open_page
    for who, page in opened:
        if not page.is_closed():
            screenshot(page, f"school-{who}")
    for context in contexts:
        context.close()
    if errors.errors:
        pytest.fail("\n".join(["browser console errors:", *errors.errors]))


def unlock(page: Page) -> None:
    page.locator(f"{keyed('teacher-password')} input").fill(TEACHER_PASSWORD)
    page.locator("[data-testid=stFormSubmitButton] button").click()
    wait_idle(page)


def save_epochs_cap(teacher: Page, epochs: int) -> None:
    caps = teacher.locator(f"{keyed('cap-epochs')} input")
    caps.fill(str(epochs))
    caps.press("Enter")
    wait_idle(teacher)
    button(teacher, "cap-save").click()
    expect(teacher.locator("[data-testid=stMain]")).to_contain_text(say("teacher.caps.saved"))


def test_caps_the_line_and_the_teachers_stop_cross_app_servers(open_at):
    teacher = open_at(1, "teacher", who="teacher")
    unlock(teacher)
    save_epochs_cap(teacher, 3)

    # Min-jun, at the other app server, asks for 10 epochs: refused with the cap the teacher saved at server 1.
    minjun = open_at(2, "train", who="min-jun", student="Min-jun")
    set_epochs(minjun, 10)
    button(minjun, "train-start").click()
    expect(minjun.locator(WARNING)).to_contain_text("at most 3 epochs")

    # The cap lifted: his long training starts on the cluster; his tab at server 1 shows it and cannot double it.
    save_epochs_cap(teacher, 200)
    set_epochs(minjun, 200)
    start_training(minjun)
    wait_for_batch_trace(minjun)
    second_tab = open_at(1, "train", who="min-jun-tab-2", student="min-jun")
    expect(second_tab.locator(PROGRESS_BAR)).to_be_visible()
    expect(button(second_tab, "train-start")).to_be_disabled()

    # The teacher, at server 1, stops it: the cluster saves it as stopped, and his page at server 2 says so.
    teacher.reload()
    wait_idle(teacher)
    unlock(teacher)
    line = teacher.locator(keyed("teacher-queue"))
    expect(line).to_contain_text("Min-jun")
    teacher.locator(f"{keyed('teacher-queue')} button").filter(visible=True).first.click()
    expect(minjun.locator(WARNING)).to_contain_text(say("train.by_teacher.stopped", epochs=1)[:30])
    save_epochs_cap(teacher, 20)


def test_a_run_trained_through_one_server_is_the_class_model_at_the_other(open_at):
    jiwoo = open_at(1, "train", who="ji-woo", student="Ji-woo")
    set_epochs(jiwoo, 1)
    start_training(jiwoo)
    wait_until_done(jiwoo)

    # Pinned at server 2, where the run arrives through the shared runs (S3), never through server 1's disk.
    teacher = open_at(2, "teacher", who="teacher-2")
    unlock(teacher)
    button(teacher, "pin-run").click()
    expect(teacher.locator(keyed("class-model"))).to_contain_text("Ji-woo")
    student = open_at(1, "draw", who="anyone-at-1")
    chosen = student.locator(keyed("draw-run")).get_by_role("combobox")
    expect(chosen).to_have_value(re.compile(r"^★ Class model · Ji-woo · "))


def test_a_drawing_given_at_one_server_is_in_the_class_set_at_the_other(open_at):
    class_page = open_at(2, "class_page", who="class-page")
    before = count_shown(class_page)
    student = open_at(1, "draw", who="seo-yeon", student="Seo-yeon")
    digit = load_pen_digits(config.pen_digits_path())[0]
    draw_strokes(student, digit.strokes)
    button(student, f"give-{digit.label}").click()
    expect(student.locator(f"{keyed('give-drawing')} [data-testid=stAlertContentSuccess]")).to_be_visible()
    class_page.reload()
    wait_idle(class_page)
    assert count_shown(class_page) == before + 1


def count_shown(page: Page) -> int:
    """The number of drawings the Class page's count says the class gave."""
    count = page.locator(keyed("class-count"))
    expect(count).to_contain_text(re.compile(r"\d"))
    text = count.inner_text()
    numbers = [int(number.replace(",", "")) for number in re.findall(r"\d[\d,]*", text)]
    assert numbers, text
    return numbers[0]


def test_postgresql_stopped_for_a_moment_a_clear_message_and_nothing_lost(open_at):
    class_page = open_at(2, "class_page", who="class-page-outage")
    before = count_shown(class_page)
    teacher = open_at(1, "teacher", who="teacher-outage")
    unlock(teacher)
    school("stop-db")
    try:
        class_page.reload()
        teacher.reload()  # a new session: locked again, and the unlocked page reads the class settings
        wait_idle(teacher)
        unlock(teacher)
        for page in (class_page, teacher):
            wait_idle(page)
            expect(page.locator("[data-testid=stMain]")).to_contain_text("cannot be reached")
            expect(page.locator("[data-testid=stException]")).to_have_count(0)  # said, never a traceback
    finally:
        school("start-db")
    class_page.reload()
    wait_idle(class_page)
    assert count_shown(class_page) == before  # every drawing still there
    teacher.reload()
    wait_idle(teacher)
    unlock(teacher)
    expect(teacher.locator(keyed("teacher-caps"))).to_be_visible()


def test_the_students_of_a_killed_app_server_are_served_by_the_other(browser, shared_model):
    door = os.environ["MNIST_SCHOOL_DOOR"]
    context = browser.new_context(locale="en-US", viewport=VIEWPORT)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto(f"{door}/draw?student=Ha-eun")
        wait_for_app(page)
        seated = seat_of(context)
        killed = 1 if seated == "app1" else 2
        school("kill-app", str(killed))
        try:
            page.reload()  # what a browser does when its server is gone: HAProxy seats it at the other one
            wait_for_app(page)
            expect(page.locator(keyed("draw-run")).get_by_role("combobox")).to_be_visible()
            expect(page.locator("[data-testid=stException]")).to_have_count(0)
            assert seat_of(context) not in (None, seated)
            screenshot(page, "school-rejoined")
        finally:
            school("start-app", str(killed))
    finally:
        context.close()


def seat_of(context) -> str | None:
    """The app server HAProxy seated this browser at: its cookie (deploy/haproxy.cfg)."""
    return next((cookie["value"] for cookie in context.cookies() if cookie["name"] == "MNIST_APP_SERVER"), None)
