"""The processes that serve the pages read drawings in numpy: they never load TensorFlow, only trainings do.

That keeps each of them about 300 MB smaller, so a class server can run one per core (mnist_core/model/network.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from harness.browser import go_to_page, server_process
from harness.drawing import draw_strokes, predicted_label
from harness.processes import process_tree
from harness.selectors import keyed


def streamlit_processes(server_pid: int) -> list[int]:
    """The class server's Streamlit processes (its own process holds the training line, not a page)."""
    found = []
    for pid in process_tree(server_pid):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if command[1:5] == [b"-m", b"streamlit", b"run", b"app.py"]:  # loopback.streamlit_command
            found.append(pid)
    return found


def loads_tensorflow(pid: int) -> bool:
    return "libtensorflow" in Path(f"/proc/{pid}/maps").read_text(errors="replace")


@pytest.mark.browser
def test_reading_drawings_and_the_test_set_loads_no_tensorflow_in_the_page_processes(open_app, app_server, pen_digits):
    page = open_app("draw")
    draw_strokes(page, pen_digits[30].strokes)
    assert predicted_label(page) == "3"
    go_to_page(page, "mistakes")  # all 10,000 test images read and the mistakes drawn
    expect(page.locator(f"{keyed('gallery')} img").first).to_be_visible()

    processes = streamlit_processes(app_server.pid)
    assert len(processes) == 2 and server_process(page) is not None
    assert [pid for pid in processes if loads_tensorflow(pid)] == []
