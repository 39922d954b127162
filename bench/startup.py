"""Start-up time: from `streamlit run app.py` to a server that answers, and to the home page drawn in a browser.

Each round starts a fresh server on a free port (headless, as a classroom server runs) and measures, from the
moment the process is started:
  1. health: until `/_stcore/health` answers `ok`;
  2. home page: until Chromium shows the home page finished (the app has stopped running its script and a
     heading is visible). Chromium is started and waiting before the clock starts: a student's browser is
     already open.

Needs Chromium at /usr/bin/chromium and the Python `playwright` package (never `playwright install`).

    .venv/bin/python bench/startup.py
    .venv/bin/python bench/startup.py --rounds 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from harness.chromium import launch
from harness.selectors import IDLE_APP
from harness.server import PROJECT_ROOT, free_port, start_app_server

TIMEOUT_SECONDS = 120
HEALTH_POLL_SECONDS = 0.02  # the wait for the health check is what is measured: asked often


def one_round(browser, log_path: Path) -> tuple[float, float]:
    """Start a server, time health and the rendered home page, stop the server."""
    port = free_port()  # chosen before the clock starts
    page = browser.new_page()
    try:
        started = time.perf_counter()
        server = start_app_server(
            {}, log_path, port=port, health_timeout=TIMEOUT_SECONDS, poll_seconds=HEALTH_POLL_SECONDS
        )
        try:
            health = time.perf_counter() - started
            page.goto(server.url + "/", timeout=TIMEOUT_SECONDS * 1000)
            page.wait_for_selector(IDLE_APP, timeout=TIMEOUT_SECONDS * 1000)
            page.locator("h1, h2").first.wait_for(state="visible", timeout=TIMEOUT_SECONDS * 1000)
            rendered = time.perf_counter() - started
        finally:
            server.stop()
    finally:
        page.close()
    return health, rendered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="fresh server starts to time")
    args = parser.parse_args()
    if not (PROJECT_ROOT / "app.py").is_file():
        sys.exit(f"No app.py in {PROJECT_ROOT}.")

    from playwright.sync_api import sync_playwright

    print(f"Start-up of `streamlit run app.py`, {args.rounds} rounds; load average {os.getloadavg()[0]:.2f} (1 min)")
    healths, renders = [], []
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as scratch, sync_playwright() as playwright:
        log_path = Path(scratch) / "streamlit.log"  # every round's server output, one after another
        browser = launch(playwright)
        try:
            for round_number in range(1, args.rounds + 1):
                try:
                    health, rendered = one_round(browser, log_path)
                except Exception:
                    output = log_path.read_text(errors="replace") if log_path.is_file() else ""
                    print(f"Round {round_number} failed; server output:\n{output[-3000:]}")
                    raise
                healths.append(health)
                renders.append(rendered)
                print(f"  round {round_number}: health ok after {health:.2f} s, home page after {rendered:.2f} s")
        finally:
            browser.close()
    print(
        f"Median: health {statistics.median(healths):.2f} s (target <= 3 s), "
        f"home page {statistics.median(renders):.2f} s (target <= 6 s); load average {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
