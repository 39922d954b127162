"""Debian's Chromium, driven by Playwright (never `playwright install`: it downloads, and fails offline)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

CHROMIUM = "/usr/bin/chromium"  # apt-get install chromium (scripts/setup.sh test does it)
CHROMIUM_ARGS = [
    "--no-sandbox",  # root needs it
    "--disable-gpu",
    "--disable-background-networking",  # a closed network refuses its background connections, many at a time
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
