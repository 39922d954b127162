"""The app's one stylesheet: what Streamlit's own layout does not do, for every page, set once per page run.

Styles sent inside the Draw page's per-stroke fragment would be sent again with every stroke: they live here,
drawn by app.py before any page, and address elements by the keys the pages give them.
"""

from __future__ import annotations

import streamlit as st

# Narrower than this, the Draw page's answer goes under the canvas: the big digit and a chart of ten bars need the
# room. (Streamlit wraps an element of a horizontal container onto its own row only below 128 px.)
READING_MIN_WIDTH = 240
PICTURE_GAP = 16  # px between the pictures of one st.image list (Streamlit's row of them has none)

APP_STYLE = f"""<style>
/* Pictures made to show their pixels stay sharp squares when a screen of 2 or 3 device pixels per CSS pixel, or
   the page itself, enlarges them. */
[class*="st-key-pictures-"] img, .st-key-inside-network img, .st-key-weights-live img {{
  image-rendering: pixelated;
}}
[class*="st-key-pictures-"] [data-testid=stImage], .st-key-inside-network [data-testid=stImage],
.st-key-weights-live [data-testid=stImage] {{
  column-gap: {PICTURE_GAP}px;
}}
/* In a list, Streamlit stretches each picture to the width of its caption: at its own width it stays sharp. */
[class*="st-key-pictures-"] img {{ width: auto !important; align-self: center; }}
/* The Draw page's answer reads from the back of a classroom. */
.st-key-prediction [data-testid=stMetricValue] {{ font-size: 5rem; line-height: 1.1; }}
/* Each element of a horizontal container sits in a flex item (stLayoutWrapper): its basis decides when it wraps. */
[data-testid=stLayoutWrapper]:has(> .st-key-reading) {{ flex-basis: {READING_MIN_WIDTH}px; }}
</style>"""


def app_style() -> None:
    st.html(APP_STYLE)
