"""A link that sets the lesson: the Train page's settings carried in the address.

    https://school:8501/train?dataset=fashion_mnist&epochs=5&batch=100&model=cnn&augment=1&lr=0.001&optimizer=adam

A link may also carry a network a student would build (issue #31) and the lesson's data settings, each only when
it is not the default: `layers=dense 256 relu; dropout 0.2` (a spec, model/layers.py; it makes the network a
custom one), `l2=0.001`, `init=7` (the initial weights' seed), `noise=0.3` and `val=0.1` (the validation split).
Weight decay is set in the network builder: `l2` without `layers` opens the builder on the named network's layers.

`read_link` turns such a query into TrainingSettings values plus short notices for the values it left out
(unknown, out of range, or over the teacher's caps); it never raises on what a link says. `link_for` writes
the link for a set of settings. Plain functions, no Streamlit: the page passes st.query_params in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from mnist_core import limits
from mnist_core.data.datasets import DATASET_NAMES
from mnist_core.i18n import t
from mnist_core.model.keras_model import MODEL_KINDS, OPTIMIZERS, ModelKind
from mnist_core.model.layers import LayerSpecError, named_network_text, parse_layers
from mnist_core.text.names import model_title

if TYPE_CHECKING:
    from mnist_core.classroom.caps import Caps
    from mnist_core.training.settings import TrainingSettings

# Query parameter -> TrainingSettings field, in the order a link lists them.
PARAMETERS: dict[str, str] = {
    "dataset": "dataset",
    "epochs": "epochs",
    "batch": "batch_size",
    "model": "model_kind",
    "augment": "augment",
    "lr": "learning_rate",
    "optimizer": "optimizer",
}
# Query parameter -> TrainingSettings field, written only when the setting is not its default (issue #31).
OPTIONAL_PARAMETERS: dict[str, str] = {
    "layers": "layers",
    "l2": "l2",
    "init": "init_seed",
    "noise": "noise",
    "val": "validation_split",
}
_PARAMETER_OF = {setting: name for name, setting in (PARAMETERS | OPTIONAL_PARAMETERS).items()}
FLAGS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}
WHOLE_NUMBER = re.compile(r"[0-9]{1,10}")  # no sign, no point, no "1e3", no digits of other scripts
# A network's spec: the words, numbers and separators it is written with, and a length no lesson needs more of.
# Anything else is left out before it is read, so a notice never repeats a crafted part of it.
LAYERS_TEXT = re.compile(r"[A-Za-z0-9 .;]{0,1000}")
SHOWN_VALUE_LENGTH = 20
# A notice repeats what the link said; only these characters, so a crafted link cannot put markdown on the page.
UNSAFE_CHARACTERS = re.compile(r"[^A-Za-z0-9._+-]")


@dataclass(frozen=True)
class LessonLink:
    """What a link asked for that can be used, by TrainingSettings field, and why the rest was left out."""

    values: dict[str, Any] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


class _LeftOut(Exception):
    """A link's value that cannot be used; str() is the notice that says so."""


def read_link(query: Mapping[str, str], caps: Caps | None = None) -> LessonLink:
    """The Train page's settings a link's query asks for; `caps`: the teacher's caps on a student (None: none)."""
    link = LessonLink()
    readers = _readers()
    for name, setting in (PARAMETERS | OPTIONAL_PARAMETERS).items():
        if name not in query:
            continue
        text = str(query[name]).strip()
        try:
            link.values[setting] = readers[name](name, text)
        except _LeftOut as left_out:
            link.notices.append(str(left_out))
    _weight_decay_on_layers(link)
    if caps is not None:
        _apply_caps(link, caps)
    return link


def _weight_decay_on_layers(link: LessonLink) -> None:
    """Weight decay is a setting of the network builder, so a link's `l2` without `layers` opens the builder on the
    named network's own layers (mlp: the tutorial's, cnn: the small CNN), rather than leaving the decay unused."""
    if link.values.get("l2") and link.values.get("layers") is None:
        model_kind = link.values.pop("model_kind", ModelKind.MLP)
        link.values["layers"] = named_network_text(model_kind, limits.HIDDEN_UNITS.default)


def link_for(settings: TrainingSettings, base_url: str | None = None) -> str:
    """The link that opens the Train page with these settings; `base_url`: the page's address (else a relative link)."""
    values = {name: getattr(settings, setting) for name, setting in PARAMETERS.items()}
    if settings.layers is not None:
        values.pop("model")  # a written network is its layers; `model` names only mlp or cnn
    defaults = {"layers": None, "l2": limits.L2.default, "init_seed": None, "noise": limits.NOISE.default}
    defaults["validation_split"] = limits.VALIDATION_SPLIT.default
    for name, setting in OPTIONAL_PARAMETERS.items():
        if getattr(settings, setting) != defaults[setting]:
            values[name] = getattr(settings, setting)
    query = urlencode({name: _as_text(value) for name, value in values.items()})
    base = urlsplit(base_url or "")._replace(query="", fragment="").geturl()
    return f"{base}?{query}"


def _readers() -> dict[str, Callable[[str, str], Any]]:
    """Parameter -> a reader of its text, given the parameter's name for its notice."""
    return {
        "dataset": lambda name, text: _choice(name, text, DATASET_NAMES),
        "epochs": lambda name, text: _whole_number(name, text, limits.EPOCHS.low, limits.PAGE_EPOCHS_HIGH),
        "batch": lambda name, text: _whole_number(name, text, limits.BATCH_SIZE.low, limits.BATCH_SIZE.high),
        "model": lambda name, text: _choice(name, text, MODEL_KINDS),
        "augment": _flag,
        "lr": lambda name, text: _real(name, text, limits.LEARNING_RATE),
        "optimizer": lambda name, text: _choice(name, text, OPTIMIZERS),
        "layers": _layers,
        "l2": lambda name, text: _real(name, text, limits.L2),
        "init": lambda name, text: _whole_number(name, text, limits.INIT_SEED.low, limits.INIT_SEED.high),
        "noise": lambda name, text: _real(name, text, limits.NOISE),
        "val": lambda name, text: _real(name, text, limits.VALIDATION_SPLIT),
    }


def _choice(name: str, text: str, choices: tuple[str, ...], shown_choices: str | None = None) -> str:
    if text.lower() not in choices:
        shown_choices = shown_choices or ", ".join(choices)
        raise _LeftOut(t("link.ignored_choice", name=name, value=_shown(text), choices=shown_choices))
    return text.lower()


def _flag(name: str, text: str) -> bool:
    return FLAGS[_choice(name, text, tuple(FLAGS), shown_choices="1, 0")]


def _whole_number(name: str, text: str, low: int, high: int) -> int:
    if not WHOLE_NUMBER.fullmatch(text) or not low <= int(text) <= high:
        raise _LeftOut(t("link.ignored_range", name=name, value=_shown(text), low=low, high=f"{high:,}"))
    return int(text)


def _real(name: str, text: str, limit: limits.RealLimit) -> float:
    try:
        return limit.check(float(text))  # "nan" and "inf" are floats, but out of range
    except ValueError:
        low, high = f"{limit.low:g}", f"{limit.high:g}"
        raise _LeftOut(t("link.ignored_range", name=name, value=_shown(text), low=low, high=high)) from None


def _layers(name: str, text: str) -> str:
    """A network's spec in its canonical form; a spec that cannot be built is left out with its own message."""
    if not LAYERS_TEXT.fullmatch(text):
        raise _LeftOut(t("link.unreadable_layers", value=_shown(text)))
    try:
        return parse_layers(text).text()
    except LayerSpecError as error:
        raise _LeftOut(t("link.ignored_layers", reason=error.text())) from None


def _apply_caps(link: LessonLink, caps: Caps) -> None:
    """Lower a value to its cap where it has one (the epochs); leave out what the teacher does not allow."""
    for over in caps.over(link.values):
        if over.setting not in link.values:
            continue  # a network over two caps is left out once
        if over.setting == "layers":  # the cap's own message says what is too big, or that it is not allowed
            values = {"model": model_title(ModelKind.CUSTOM)} if over.key == "caps.model" else over.values
            link.values.pop(over.setting)
            link.values.pop("l2", None)  # weight decay is the builder's: without the layers it would go unused
            link.notices.append(t("link.ignored_layers", reason=t(over.key, **values)))
        elif over.within is not None:
            link.notices.append(t("link.capped", asked=link.values[over.setting], cap=over.within))
            link.values[over.setting] = over.within
        else:
            shown = "1" if over.setting == "augment" else link.values[over.setting]
            link.values.pop(over.setting)
            link.notices.append(t("link.ignored_cap", name=_PARAMETER_OF[over.setting], value=shown))


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return repr(value)  # the shortest text that reads back as the same number (0.001, 1e-05)
    return str(value)


def _shown(text: str) -> str:
    """The link's value as a notice repeats it: short, and plain characters only."""
    shown = UNSAFE_CHARACTERS.sub("", text)[:SHOWN_VALUE_LENGTH]
    return shown if shown == text else f"{shown}…"
