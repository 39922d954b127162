"""The canvas's picture is checked before it is decoded: oversized, truncated, garbage, non-PNG and odd-mode
pictures are refused at once, and a real drawing reads as before."""

from __future__ import annotations

import io
import struct
import time
import zlib

import numpy as np
import pytest
from PIL import Image

from mnist_core.data.pen_digits import render_strokes
from mnist_core.reading.canvas_png import MAX_SIDE, UnreadableDrawing, decode_canvas_png

SEVEN = [[(80.0, 70.0), (200.0, 70.0), (130.0, 220.0)]]


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def with_size(data: bytes, width: int, height: int) -> bytes:
    """The same PNG with other dimensions written in its header (and the header's checksum mended)."""
    header = data[12:16] + struct.pack(">II", width, height) + data[24:29]
    return data[:12] + header + struct.pack(">I", zlib.crc32(header)) + data[33:]


def test_a_real_drawing_reads_as_its_pixels():
    drawing = render_strokes(SEVEN)
    assert np.array_equal(decode_canvas_png(png(Image.fromarray(drawing))), drawing)


def test_a_tablets_canvas_at_twice_the_pixels_reads_too():
    drawing = render_strokes(SEVEN, size=560, stroke_width=40, scale=2)
    assert decode_canvas_png(png(Image.fromarray(drawing))).shape == (560, 560, 4)


@pytest.mark.parametrize("side", [5000, 12_000])
def test_a_huge_picture_is_refused_from_its_header_in_no_time(side):
    small = png(Image.new("RGBA", (280, 280)))
    crafted = with_size(small, side, side)
    started = time.perf_counter()
    with pytest.raises(UnreadableDrawing, match="larger than any canvas"):
        decode_canvas_png(crafted)
    assert time.perf_counter() - started < 0.05


def test_a_real_5000_px_png_is_refused_before_decoding():
    data = png(Image.new("L", (5000, 5000)))  # a real one, a few KB: decoding it would take seconds
    with pytest.raises(UnreadableDrawing, match="5000 x 5000"):
        decode_canvas_png(data)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not a PNG"),
        (b"hello, server" * 10, "not a PNG"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "header"),
        (png(Image.new("RGB", (280, 280))).replace(b"PNG", b"JPG", 1), "not a PNG"),
        (b"x" * (9 * 2**20), "more than any canvas sends"),
    ],
    ids=["empty", "garbage", "no-header", "not-png", "too-many-bytes"],
)
def test_garbage_is_refused(data, reason):
    with pytest.raises(UnreadableDrawing, match=reason):
        decode_canvas_png(data)


def test_a_jpeg_is_refused():
    buffer = io.BytesIO()
    Image.new("RGB", (280, 280)).save(buffer, format="JPEG")
    with pytest.raises(UnreadableDrawing, match="not a PNG"):
        decode_canvas_png(buffer.getvalue())


def test_a_truncated_png_is_refused():
    data = png(Image.fromarray(render_strokes(SEVEN)))
    with pytest.raises(UnreadableDrawing, match="not a readable PNG"):
        decode_canvas_png(data[: len(data) // 2])


def test_a_header_that_lies_about_the_size_is_refused():
    data = with_size(png(Image.new("RGBA", (280, 280))), 300, 300)
    with pytest.raises(UnreadableDrawing):
        decode_canvas_png(data)


@pytest.mark.parametrize(
    ("image", "readable"),
    [
        (Image.new("L", (280, 280)), True),  # grey
        (Image.new("LA", (280, 280)), True),  # grey with alpha
        (Image.new("P", (280, 280)), True),  # palette, 8 bits
        (Image.new("1", (280, 280)), True),  # 1 bit grey
        (Image.new("I;16", (280, 280)), False),  # 16 bits
    ],
    ids=["grey", "grey-alpha", "palette", "one-bit", "sixteen-bit"],
)
def test_odd_modes_are_read_as_rgba_or_refused(image, readable):
    data = png(image)
    if readable:
        assert decode_canvas_png(data).shape == (280, 280, 4)
    else:
        with pytest.raises(UnreadableDrawing, match="colour type"):
            decode_canvas_png(data)


def test_the_largest_side_a_canvas_may_send():
    assert decode_canvas_png(png(Image.new("RGBA", (MAX_SIDE, MAX_SIDE)))).shape == (MAX_SIDE, MAX_SIDE, 4)
    with pytest.raises(UnreadableDrawing):
        decode_canvas_png(with_size(png(Image.new("RGBA", (MAX_SIDE, MAX_SIDE))), MAX_SIDE + 1, MAX_SIDE))
