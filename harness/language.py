"""Is a page in the language it should be? Hangul, raw catalog keys, and English sentences left on a Korean page."""

from __future__ import annotations

import re

from mnist_core.locales import en, ko

HANGUL = re.compile("[\uac00-\ud7a3]")
# Something shaped like one of our catalog keys ("home.title", "learn.loss.body"), shown as text.
NAMESPACES = "|".join(sorted({key.split(".")[0] for key in en.MESSAGES}))
KEY_LIKE = re.compile(rf"\b(?:{NAMESPACES})\.[a-z_]+(?:\.[a-z0-9_]+)*\b")
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def english_sentences(rendered: bool) -> list[str]:
    """English phrases of the catalog, cut at their placeholders, that the Korean catalog says otherwise.

    rendered=False: as the page sends them (AppTest sees the markdown source), every phrase of 12 letters or more.
    rendered=True: as a browser shows them (markdown marks gone), the first line's phrases of 20 letters or more.
    """
    pieces = set()
    for key, english in en.MESSAGES.items():
        if english == ko.MESSAGES[key]:
            continue
        text = english.splitlines()[0] if rendered else english
        for part in PLACEHOLDER.split(text):
            # Markdown marks are not on the screen; the source keeps them.
            piece = re.sub(r"[*_`#>]", "", part).strip() if rendered else part.strip(" .,:()·\n")
            if len(piece) >= (20 if rendered else 12) and " " in piece:
                pieces.add(piece)
    return sorted(pieces)


def hangul_share(text: str) -> float:
    """The share of the letters in `text` that are Hangul."""
    return len(HANGUL.findall(text)) / max(1, len(re.findall(r"[^\W\d_]", text)))
