"""Why did it answer that (issue #32) as a page shows it: words, text alternatives and the map's chart.

The heat maps and the fooled drawing are pictures in colour (mnist_core.text.pictures.diverging); these sentences say
what they show for a screen reader and for anyone who cannot tell the colours apart. The map of what a network
learned is a Vega-Lite chart whose points carry their true digit three ways (colour, the digit written at the middle
of each group, the tooltip), and whose misread points are crosses with a dark outline: colour is never the only
sign. Its sentences say which digits sit close and where a drawing landed.

Plain data and numpy: the ui turns the map's columns into a table for Streamlit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from mnist_core.i18n import t
from mnist_core.reading.embedding import EmbeddingMap, Placed
from mnist_core.reading.explain import HeatMap, WhereItLooked
from mnist_core.reading.fooling import Fooled
from mnist_core.text.alt_text import verdict
from mnist_core.text.formats import percent

# Paul Tol's "muted" scheme, made to stay apart for every common colour blindness, and a dark grey for a tenth class.
PALETTE = (
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499", "#555555",
)  # fmt: skip
CLOSE_PAIRS_SHOWN = 3
NEIGHBOURS_COUNTED = 5  # how near two classes sit: how often one's 5 nearest points on the map hold the other
QUERIES = 500  # close_pairs asks this many points for their neighbours
MIXED_FROM = 0.005  # of the neighbours asked: a pair mixing less is no pair (a 99%-right CNN's pairs: 0.2% or less)
NUM_CLASSES = 10
CHART_HEIGHT = 460  # px
POINT_SIZE = 28  # px², a point of the 2,000
WRONG_SIZE = 90  # px², a test image read wrong: a cross with a dark outline
PICKED_FADE = 0.35  # the other points' opacity while one is picked
YOU_SIZE = 420  # px², the student's drawing: a diamond far bigger than any point


# Where it looked


def where_caption(heat: HeatMap, answer: bool) -> str:
    """Under a heat map: "Why 3 (92%)" for the answer, "Why not 8 (5%)" for the runner-up."""
    probability = percent(heat.probability, 0)
    if answer:
        return t("why.where.answer", digit=heat.digit, probability=probability)
    return t("why.where.runner_up", digit=heat.digit, probability=probability)


def where_words(heat: HeatMap, answer: bool) -> str:
    """Both of a map's sentences, where the ink pushes toward the digit and where away from it, as one line."""
    evidence = f"{heat.evidence_for.text()} {heat.evidence_against.text()}"
    if answer:
        return t("why.where.answer_words", digit=heat.digit, evidence=evidence)
    return t("why.where.runner_up_words", digit=heat.digit, evidence=evidence)


def where_alt(heat: HeatMap) -> str:
    """A heat map's text alternative: what its colours mean, then where the evidence is."""
    return t(
        "why.where.alt",
        digit=heat.digit,
        evidence_for=heat.evidence_for.text(),
        evidence_against=heat.evidence_against.text(),
    )


def where_summary(where: WhereItLooked) -> list[str]:
    """The two maps in words, the answer's first: what a screen reader reads beside the pictures."""
    return [where_words(where.answer, answer=True), where_words(where.runner_up, answer=False)]


# Fool it


def fooled_captions(fooled: Fooled, original: int, original_confidence: float) -> list[str]:
    """Under the drawing, the changed drawing and the change."""
    return [
        t("why.fool.original", read=original, confidence=percent(original_confidence, 0)),
        t("why.fool.changed", read=fooled.predicted_label, confidence=percent(_confidence(fooled), 0)),
        t("why.fool.change"),
    ]


def fooled_alts(fooled: Fooled, original: int, original_confidence: float) -> list[str]:
    """The three pictures' text alternatives: the change is said in numbers, not only in colour."""
    return [
        t("why.fool.original_alt", read=original, confidence=percent(original_confidence, 0)),
        t("why.fool.changed_alt", read=fooled.predicted_label, confidence=percent(_confidence(fooled), 0)),
        t("why.fool.change_alt", pixels=fooled.changed_pixels, largest=round(255 * fooled.max_change)),
    ]


def fooled_lesson(fooled: Fooled, original: int) -> str | None:
    """The lesson: a person still reads the digit drawn, the network does not, and why; or that it held this time.
    None when nothing was changed (it read the target already: fooled.message says so)."""
    if fooled.steps == 0:
        return None
    if fooled.succeeded:
        return t("why.fool.lesson", original=original, read=fooled.predicted_label)
    return t("why.fool.lesson_held", original=original, target=fooled.target)


def fool_marker(target: int, strokes: dict | None) -> dict[str, Any]:
    """What a fooled drawing keeps as its strokes in the class set: made by this tool, toward which digit, and the
    strokes of the drawing it started from (None for a picked test image's or an empty canvas's)."""
    return {"made_by": "fool-it", "target": int(target), "from": strokes}


def _confidence(fooled: Fooled) -> float:
    return float(fooled.probabilities[fooled.predicted_label])


# The map of what it learned


def map_columns(embedding: EmbeddingMap, names: Sequence[str]) -> dict[str, list | np.ndarray]:
    """The map's points as columns: place, row, true class and reading by name, and right or wrong in words."""
    right, wrong = t("why.map.right"), t("why.map.wrong")
    return {
        "x": embedding.points[:, 0],
        "y": embedding.points[:, 1],
        "row": np.arange(len(embedding.points), dtype=np.int32),
        "label": [names[label] for label in embedding.labels],
        "read": [names[read] for read in embedding.predicted],
        "verdict": [wrong if miss else right for miss in embedding.misclassified],
    }


def group_middles(embedding: EmbeddingMap, names: Sequence[str]) -> list[dict[str, Any]]:
    """Where each class's name is written on the map: the median place of its points."""
    middles = []
    for label, name in enumerate(names):
        points = embedding.points[embedding.labels == label]
        if len(points):
            x, y = np.median(points, axis=0)
            middles.append({"x": float(x), "y": float(y), "label": name})
    return middles


def map_spec(
    names: Sequence[str], middles: list[dict[str, Any]], you: np.ndarray | None, points: str = "points"
) -> dict[str, Any]:
    """The map as a Vega-Lite spec: the points (the named dataset `points`, clickable: the selection "picked" holds
    the row of the point nearest the click, so a small point needs no aim, on a touch screen too), each group's name
    at its middle, and the student's drawing as a big dark diamond."""
    right, wrong = t("why.map.right"), t("why.map.wrong")
    axis = {
        "x": {"field": "x", "type": "quantitative", "axis": None},
        "y": {"field": "y", "type": "quantitative", "axis": None},
    }
    layers: list[dict[str, Any]] = [
        {
            "data": {"name": points},
            "params": [
                {"name": "picked", "select": {"type": "point", "fields": ["row"], "on": "click", "nearest": True}}
            ],
            "mark": {"type": "point", "filled": True, "strokeWidth": 1.2},
            "encoding": {
                **axis,
                "color": {
                    "field": "label",
                    "type": "nominal",
                    "scale": {"domain": list(names), "range": list(PALETTE)},
                    "legend": {"title": t("why.map.label"), "symbolType": "circle"},
                },
                "shape": {
                    "field": "verdict",
                    "type": "nominal",
                    "scale": {"domain": [right, wrong], "range": ["circle", "cross"]},
                    "legend": {"title": t("why.map.verdict")},
                },
                # The same legend title for shape, outline and size: Vega-Lite draws them as one legend.
                "stroke": {
                    "field": "verdict",
                    "type": "nominal",
                    "scale": {"domain": [right, wrong], "range": ["transparent", "#1c1b1a"]},
                    "legend": {"title": t("why.map.verdict")},
                },
                "size": {  # a mistake is drawn bigger: a cross as small as a point reads as a point
                    "field": "verdict",
                    "type": "nominal",
                    "scale": {"domain": [right, wrong], "range": [POINT_SIZE, WRONG_SIZE]},
                    "legend": {"title": t("why.map.verdict")},
                },
                "opacity": {"condition": {"param": "picked", "value": 0.9, "empty": True}, "value": PICKED_FADE},
                "tooltip": [
                    {"field": "label", "title": t("why.map.label")},
                    {"field": "read", "title": t("why.map.read_as")},
                ],
            },
        },
        {
            "data": {"values": middles},
            "mark": {"type": "text", "fontSize": 22, "fontWeight": "bold", "stroke": "#ffffff", "strokeWidth": 3},
            "encoding": {**axis, "text": {"field": "label"}},
        },
        {
            "data": {"values": middles},
            "mark": {"type": "text", "fontSize": 22, "fontWeight": "bold", "color": "#1c1b1a"},
            "encoding": {**axis, "text": {"field": "label"}},
        },
    ]
    if you is not None:
        spot = [{"x": float(you[0]), "y": float(you[1]), "label": t("why.map.you")}]
        layers += [
            {
                "data": {"values": spot},
                "mark": {
                    "type": "point",
                    "shape": "diamond",
                    "filled": True,
                    "size": YOU_SIZE,
                    "color": "#1c1b1a",
                    "stroke": "#ffffff",
                    "strokeWidth": 2,
                },
                "encoding": {**axis, "tooltip": {"field": "label"}},
            },
            {
                "data": {"values": spot},
                "mark": {
                    "type": "text",
                    "align": "left",
                    "dx": 14,
                    "fontSize": 15,
                    "fontWeight": "bold",
                    "color": "#1c1b1a",
                    "stroke": "#ffffff",
                    "strokeWidth": 0.5,
                },
                "encoding": {**axis, "text": {"field": "label"}},
            },
        ]
    return {"height": CHART_HEIGHT, "layer": layers, "config": {"view": {"stroke": None}}}


def close_pairs(embedding: EmbeddingMap, count: int = CLOSE_PAIRS_SHOWN) -> list[tuple[int, int]]:
    """The pairs of classes that sit closest on the map, most mixed first: how often a point of one class has a
    point of the other among its NEIGHBOURS_COUNTED nearest on the map. Only pairs that mix at all (MIXED_FROM of
    the neighbours asked): a well-trained network's groups stand apart, and its few mixed neighbours are chance.

    Asked of at most QUERIES points spread over the map (every n-th), against all of them: 15-50 ms of a page's
    first showing of the map on a busy 2-core server, where asking all 2,000 took 100-400 ms. On the maps tried
    (dense network and CNN after 1 epoch on 2,000-3,000 images), the closest pair was the same as asking all, and
    the next two were among all's next three.
    """
    points = embedding.points.astype(np.float32)
    labels = embedding.labels.astype(np.int64)
    asked = np.arange(0, len(points), max(1, -(-len(points) // QUERIES)))
    squares = (points**2).sum(axis=1)
    distances = squares[asked, None] + squares[None, :] - 2 * points[asked] @ points.T  # squared
    distances[np.arange(len(asked)), asked] = np.inf  # a point is not its own neighbour
    nearest = np.argpartition(distances, NEIGHBOURS_COUNTED, axis=1)[:, :NEIGHBOURS_COUNTED]
    own, other = np.broadcast_arrays(labels[asked, None], labels[nearest])
    mixed = np.zeros((NUM_CLASSES, NUM_CLASSES), dtype=np.int64)
    np.add.at(mixed, (np.minimum(own, other).ravel(), np.maximum(own, other).ravel()), 1)
    np.fill_diagonal(mixed, 0)  # a point among its own class is no mix
    order = np.argsort(-mixed, axis=None, kind="stable")[:count]
    pairs = zip(*np.unravel_index(order, mixed.shape), strict=True)
    enough = MIXED_FROM * own.size
    return [(int(first), int(second)) for first, second in pairs if mixed[first, second] >= max(enough, 1)]


def map_words(embedding: EmbeddingMap, names: Sequence[str]) -> str:
    """The map in a sentence or two: how many points, how many misread, which classes sit closest."""
    pairs = [t("why.map.pair", first=names[first], second=names[second]) for first, second in close_pairs(embedding)]
    words = t("why.map.words", count=len(embedding.points), wrong=int(embedding.misclassified.sum()))
    return f"{words} {t('why.map.close', pairs='; '.join(pairs)) if pairs else t('why.map.apart')}"


def placed_words(placed: Placed, names: Sequence[str]) -> str:
    """Where the student's drawing landed, by the true classes of its nearest test images."""
    return t(
        "why.map.placed",
        count=len(placed.neighbours),
        labels=", ".join(names[label] for label in placed.neighbour_labels),
    )


def picked_caption(index: int, label: int, read: int, confidence: float, names: Sequence[str]) -> str:
    """Under a test image clicked on the map: its number, label and reading."""
    return t("why.map.picked", index=index, label=names[label], read=names[read], confidence=percent(confidence, 0))


def picked_alt(index: int, label: int, read: int, confidence: float, names: Sequence[str]) -> str:
    return t(
        "why.map.picked_alt",
        index=index,
        label=names[label],
        read=names[read],
        confidence=percent(confidence, 0),
        verdict=verdict(label, read),
    )
