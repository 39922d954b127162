"""Layouts that fit the screen: rows that wrap onto more rows when the page is narrow.

Streamlit's wrapping horizontal containers put an element on a row of its own only when it would get narrower
than 128 px; some things (a chart of ten bars, a big answer) need more than that to be read.
"""

from __future__ import annotations

import streamlit as st


def wrap_below(key: str, min_width: int) -> None:
    """In a wrapping horizontal container, the element keyed `key` moves under its neighbours rather than get
    narrower than `min_width` px (on a row of its own it takes the whole width)."""
    # Streamlit wraps each element of a horizontal container in a flex item (stLayoutWrapper): its basis decides.
    st.html(f"<style>[data-testid=stLayoutWrapper]:has(> .st-key-{key}) {{ flex-basis: {min_width}px; }}</style>")
