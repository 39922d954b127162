"""A lesson in Chromium: a teacher behind a password, students with names, caps, the line, the class model."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from harness.browser import button, screenshot, server_process, wait_idle
from harness.selectors import DONE, PROGRESS_BAR, keyed
from harness.train_page import set_epochs, start_training, wait_for_batch_trace, wait_until_done
from mnist_core import i18n
from mnist_core.runs.store import RunStore

from .conftest import TEACHER_PASSWORD

WARNING = "[data-testid=stAlertContentWarning]"


def say(key: str, **values: object) -> str:
    return i18n.t(key, "en", **values)


def unlock(page: Page, password: str) -> None:
    field = page.locator(f"{keyed('teacher-password')} input")
    field.fill(password)
    page.locator("[data-testid=stFormSubmitButton] button").click()
    wait_idle(page)


def runs_table_owners(page: Page, expected: str) -> set[str]:
    """Whose runs the saved-runs table lists, once it shows `expected`'s (the table is drawn on a canvas; its
    cells are in the DOM as an accessible grid)."""
    cells = page.locator("[data-testid=stDataFrame]").first.locator("[role=gridcell]")
    expect(cells.filter(has_text=re.compile(rf"^{re.escape(expected)}$")).first).to_be_attached()
    return {name for name in cells.all_inner_texts() if name in ("Min-jun", "Ji-woo")}


@pytest.mark.browser
def test_a_lesson_with_a_teacher_and_two_students(open_app, runs_dir):
    # The teacher: a wrong password is refused, the right one unlocks the page; caps of 3 epochs.
    teacher = open_app("teacher", who="teacher")
    unlock(teacher, "not the password")
    expect(teacher.locator("[data-testid=stMain]")).to_contain_text(say("teacher.wrong"))
    expect(teacher.locator(keyed("teacher-caps"))).to_have_count(0)
    unlock(teacher, TEACHER_PASSWORD)
    caps = teacher.locator(f"{keyed('cap-epochs')} input")
    caps.fill("3")
    caps.press("Enter")
    wait_idle(teacher)
    button(teacher, "cap-save").click()
    expect(teacher.locator("[data-testid=stMain]")).to_contain_text(say("teacher.caps.saved"))

    # Min-jun asks for 10 epochs: refused, with the cap's number. He sits at the other Streamlit process than the
    # teacher, so the caps, the line and the teacher's stop below all cross from one process to the other.
    minjun = open_app("train", who="min-jun", student="Min-jun")
    assert server_process(minjun) != server_process(teacher)
    set_epochs(minjun, 10)
    button(minjun, "train-start").click()
    expect(minjun.locator(WARNING)).to_contain_text("at most 3 epochs")
    expect(minjun.locator(WARNING)).to_contain_text("you asked for 10")

    # The teacher lifts the cap to 200; now his long training starts, and his second tab cannot double it.
    caps.fill("200")
    caps.press("Enter")
    wait_idle(teacher)
    button(teacher, "cap-save").click()
    expect(teacher.locator("[data-testid=stMain]")).to_contain_text(say("teacher.caps.saved"))
    set_epochs(minjun, 200)
    start_training(minjun)
    wait_for_batch_trace(minjun)
    second_tab = open_app("train", who="min-jun-tab-2", student="min-jun")
    expect(second_tab.locator(PROGRESS_BAR)).to_be_visible()  # it shows his training in line ...
    expect(button(second_tab, "train-start")).to_be_disabled()  # ... and cannot start another

    # The teacher sees him in the line and stops his training: his page says so.
    line = teacher.locator(keyed("teacher-queue"))
    expect(line).to_contain_text("Min-jun")
    teacher.locator(f"{keyed('teacher-queue')} button").filter(visible=True).first.click()
    expect(minjun.locator(WARNING)).to_contain_text(say("train.by_teacher.stopped", epochs=1)[:30])
    screenshot(minjun, "stopped-by-teacher")

    # Ji-woo trains one epoch; each student sees their own runs.
    jiwoo = open_app("train", who="ji-woo", student="Ji-woo")
    set_epochs(jiwoo, 1)
    start_training(jiwoo)
    wait_until_done(jiwoo)
    expect(jiwoo.locator(DONE)).to_contain_text("Finished")
    minjun.reload()
    wait_idle(minjun)
    assert runs_table_owners(minjun, "Min-jun") == {"Min-jun"}
    assert runs_table_owners(jiwoo, "Ji-woo") == {"Ji-woo"}

    # The teacher pins Ji-woo's run (the newest): everyone's Draw page starts on it.
    ji_woos = next(record for record in RunStore(runs_dir).list() if record.owner == "Ji-woo")
    teacher.reload()  # a new session: the page is locked again
    wait_idle(teacher)
    unlock(teacher, TEACHER_PASSWORD)
    button(teacher, "pin-run").click()
    expect(teacher.locator(keyed("class-model"))).to_contain_text("Ji-woo")
    for who in ("anyone", "min-jun-draws"):
        student = open_app("draw", who=who, student=None if who == "anyone" else "Min-jun")
        chosen = student.locator(keyed("draw-run")).get_by_role("combobox")
        expect(chosen).to_have_value(re.compile(r"^★ Class model · Ji-woo · "))
    assert ji_woos.status == "finished"
    screenshot(teacher, "pinned")


@pytest.mark.browser
def test_the_teacher_page_in_korean(open_app):
    teacher = open_app("teacher", who="teacher-ko", locale="ko-KR")
    expect(teacher.locator("[data-testid=stMain] h1").first).to_have_text(i18n.t("teacher.title", "ko"))
    unlock(teacher, TEACHER_PASSWORD)
    expect(teacher.locator(keyed("teacher-caps"))).to_contain_text(i18n.t("teacher.caps.title", "ko"))
    expect(teacher.locator(keyed("class-model"))).to_contain_text(i18n.t("teacher.class_model.title", "ko"))
    main = teacher.locator("[data-testid=stMain]").inner_text()
    assert re.search("[\uac00-\ud7a3]", main) and "Caps on students" not in main
    screenshot(teacher, "ko")
