"""The app under Streamlit's AppTest (no browser, no server): open a page, draw on the canvas, read what it shows.

The drawing canvas is a custom component AppTest cannot draw on: `draw` puts a drawing in the session state,
exactly where the component's answer lands (a PNG data URL, as the browser sends it).
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import numpy as np
from PIL import Image
from streamlit.testing.v1 import AppTest

from harness.language import HANGUL, KEY_LIKE, english_sentences
from mnist_core import i18n

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 180  # a cold TensorFlow import and a model load, on a busy 2-core machine
HOME, TRAIN, DRAW, MISTAKES = (f"app_pages/{name}.py" for name in ("home", "train", "draw", "mistakes"))
CANVAS_KEY = re.compile(r"canvas-\d+")  # the Draw page's canvas key; a new number is an empty canvas


def open_app(
    page: str | None = None,
    dataset: str | None = None,
    locale: str | None = None,
    student: str | None = None,
    query: dict[str, str] | None = None,
) -> AppTest:
    """The app as a browser with this locale (e.g. "ko-KR") opens it, on `page`, as the named student (a link
    with ?student=...) and with the link's other `query` parameters; fails on any page exception."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if locale is not None:
        at.context = {"locale": locale}  # AppTest sends no locale by default
    if dataset is not None:
        at.session_state["dataset"] = dataset
    if student is not None:
        at.query_params["student"] = student
    for name, value in (query or {}).items():
        at.query_params[name] = value
    at.run()
    if page is not None:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def canvas_value(rgba: np.ndarray) -> dict:
    """What the canvas component sends after a stroke: its objects and the picture as a PNG data URL."""
    buffer = io.BytesIO()
    Image.fromarray(rgba).save(buffer, format="PNG")
    return canvas_value_of(buffer.getvalue())


def canvas_value_of(png: bytes) -> dict:
    """The canvas component's value carrying these bytes as its picture (for crafted, broken pictures too)."""
    data = "data:image/png;base64," + base64.b64encode(png).decode()
    return {
        "drawing": {"raw": {"objects": [{"type": "Path"}], "background": "#000000"}, "data": data},
        "backgroundFit": None,
    }


def draw(at: AppTest, rgba: np.ndarray) -> AppTest:
    """Put a drawing where the canvas component's answer lands, and rerun."""
    return send_canvas(at, canvas_value(rgba))


def send_canvas(at: AppTest, value: dict) -> AppTest:
    key = next(key for key in at.session_state if CANVAS_KEY.fullmatch(key))
    at.session_state[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(elements) -> str:
    return " ".join(str(element.value) for element in elements)


def container(at: AppTest, key: str):
    """The st.container(key=...) block, or None."""
    return next((block for block in at.container if block.key == key), None)


def captions(at: AppTest) -> list[str]:
    return [caption for image in at.image for caption in image.captions]


def image_urls(at: AppTest) -> list[str]:
    return [url for image in at.image for url in image.value]


def shown_strings(at: AppTest) -> list[str]:
    """Every string the page sends to the browser: text, labels, options, captions, chart specs, table headers."""
    from google.protobuf.json_format import MessageToDict

    strings: list[str] = []

    def collect(value) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            collect(MessageToDict(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    for frame in at.dataframe:  # table cells travel as Arrow bytes: read them back
        table = frame.value
        strings += [str(name) for name in [*table.columns, table.index.name] if name is not None]
        strings += [value for value in table.to_numpy().ravel() if isinstance(value, str)]
    return strings


def check_language(at: AppTest, language: str) -> None:
    """No missing or raw key anywhere, and Korean pages in Korean (no English sentence of ours left)."""
    assert not at.exception, [e.value for e in at.exception]
    assert not i18n.missing_keys(), i18n.missing_keys()
    text = "\n".join(shown_strings(at))
    raw_keys = [match.group(0) for match in KEY_LIKE.finditer(text)]
    assert not raw_keys, raw_keys
    title = at.title[0].value
    if language == "ko":
        assert HANGUL.search(title), title
        assert len(HANGUL.findall(text)) > 50
        leaked = [phrase for phrase in english_sentences(rendered=False) if phrase in text]
        assert not leaked, leaked
    else:
        assert not HANGUL.search(text.replace("한국어", "").replace("언어", ""))
