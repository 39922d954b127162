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
CAPTION_OPACITY = 0.75  # of the text's colour (Streamlit's own 0.6 is below WCAG's contrast for small text)
FOCUS_RING = 2  # px: each of the focus ring's two bands

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
/* Captions: Streamlit fades them to 60% of the text's colour, 3.8:1 on white. 75% gives 5.7:1 or more, light theme
   or dark (WCAG 1.4.3 asks 4.5:1). */
[data-testid=stCaptionContainer] {{ opacity: {CAPTION_OPACITY}; }}
/* The chosen option of a segmented control (the language switch): its label in the theme's accent colour on the
   accent's tint was 4.2:1. The text's own colour reads; bold marks the choice without colour. */
[data-variant=segmented_control][aria-checked=true], [data-variant=segmented_control][aria-checked=true] * {{
  color: inherit !important; font-weight: 600;  /* !important: Streamlit's own rule for the chosen one is stronger */
}}
/* Keyboard focus always shows (WCAG 2.4.7): a dark ring outside a light one, seen on light and dark themes alike.
   A text field's box clips its own ring, and a checkbox's, radio button's or switch's input is a hidden pixel: the
   box around the field, or the option's label, wears it. A heading's link, invisible until hovered, shows while
   it has the focus. */
[data-testid=stApp] :focus-visible, [data-testid=stApp] :has(> input:focus-visible, > textarea:focus-visible),
[data-testid=stApp] label:has(input:focus-visible) {{
  outline: {FOCUS_RING}px solid #1c1b1a !important;
  outline-offset: {FOCUS_RING}px;
  box-shadow: 0 0 0 {FOCUS_RING}px #ffffff !important;
}}
[data-testid=stApp] a:focus-visible {{ opacity: 1 !important; }}
</style>"""


def app_style() -> None:
    st.html(APP_STYLE)
