"""Through the class server's front door in Chromium: each browser sits at one Streamlit process, and a file it
downloads comes from that process, whose memory holds it (what the door's cookie is for)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.browser import button, server_process


@pytest.mark.browser
def test_each_browser_downloads_from_the_process_it_sits_at(open_app, reference_run):
    pages = [open_app("train", who=f"downloader-{number}") for number in range(2)]
    assert {server_process(page) for page in pages} == {"0", "1"}  # one browser at each process
    for page in pages:
        download_button = button(page, f"download-record-{reference_run.id}")  # the newest run, ticked
        for _ in range(2):  # made when clicked, in that process, then fetched by the browser through the door
            with page.expect_download() as download:
                download_button.click()
            record = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
            assert record["id"] == reference_run.id
