"""The Train page's network builder: presets, a row of widgets per layer, and beside them the network it makes.

One source of truth: the spec text under LAYERS_KEY ("dense 64 relu; dropout 0.2; dense 32 tanh"), the same text
the command line's --layers and a lesson link's `layers` carry. Every widget is drawn from it and every click
writes a new text through mnist_core/model/builder.py. The layer widgets' keys carry a counter that moves whenever
the layers themselves move (a preset, an added, removed or moved layer, a typed text), so each widget starts again
from the text instead of keeping the value of the layer that used to sit in its place. The text field is given
the text before each drawing, so it always says what the widgets make (and typing in it is one more way to build).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from mnist_core import limits
from mnist_core.classroom.caps import Caps
from mnist_core.errors import Refusal
from mnist_core.i18n import t
from mnist_core.model import builder
from mnist_core.model.layers import (
    ACTIVATIONS,
    KINDS,
    PRESETS,
    BatchNorm,
    Conv,
    Dense,
    Dropout,
    LayerSpec,
    Pool,
    SpecLayer,
)
from mnist_core.text.builder import (
    diagram,
    diagram_sentence,
    estimate_line,
    kind_title,
    parameters_line,
    preset_title,
)
from mnist_core.text.summary import summary_columns, summary_rows
from mnist_core.training.settings import TrainingSettings
from ui.session import localized

LAYERS_KEY = "train-layers"  # the spec text: the builder's one source of truth
STARTING_LAYERS = PRESETS["tutorial"]
STRUCTURE_KEY = "builder-structure"  # moves when the layers move: the layer widgets start again from the text
TEXT_KEY = "builder-text"  # the layers as text, a field that follows the spec text
PRESET_KEY = "builder-preset"
TRAIN_IMAGES_KEY = "train-images"  # the Train page's choice of how many training images (train_settings.py)
L2_KEY = "train-l2"  # a training setting (TrainingSettings.l2) the builder draws
ADD_KIND_KEY = "builder-add-kind"


def spec_text() -> str:
    """The builder's spec text in this session (the tutorial's network until someone changes it)."""
    return st.session_state.setdefault(LAYERS_KEY, STARTING_LAYERS)


def checked() -> builder.Checked:
    """The builder's network, or why it cannot be built."""
    return builder.check(spec_text())


# Callbacks: each one writes a new text, before the page is drawn again.


def _set_text(text: str, moved: bool = True) -> None:
    st.session_state[LAYERS_KEY] = text
    if moved:
        st.session_state[STRUCTURE_KEY] = st.session_state.get(STRUCTURE_KEY, 0) + 1


def _preset_chosen() -> None:
    name = st.session_state.get(PRESET_KEY)
    if name is not None:
        _set_text(PRESETS[name])
        if name in builder.PRESET_TRAIN_IMAGES:  # the overfitting lesson needs few images
            st.session_state[TRAIN_IMAGES_KEY] = builder.PRESET_TRAIN_IMAGES[name]
        st.session_state[PRESET_KEY] = None  # a menu to start from, not a setting that stays


def _add() -> None:
    _set_text(builder.added(spec_text(), st.session_state[ADD_KIND_KEY]))


def _edit(change: Callable[..., str], *args: Any) -> None:
    _set_text(change(spec_text(), *args))


def _value_changed(index: int, field: str, key: str) -> None:
    value = st.session_state.get(key)
    if value is not None:  # an activation not yet chosen
        _set_text(builder.changed(spec_text(), index, **{field: value}), moved=False)


def _text_typed() -> None:
    _set_text(str(st.session_state.get(TEXT_KEY) or "").strip())


# The builder


def network_builder(
    settings: TrainingSettings,
    estimate: Callable[[TrainingSettings], float] | None,
    caps: Caps | None,
) -> None:
    """The builder and, beside it, the network as it stands. `settings`: the training the page would start now,
    for the estimate of an epoch's time (`estimate`: the server's, or None where it cannot estimate) and for the
    caps that apply (`caps`: None for the teacher)."""
    st.markdown(t("builder.intro"))
    edit, shown = st.columns([3, 2], gap="large")
    state = checked()
    with edit:
        _builder_widgets(state)
    with shown:
        _network_view(state, settings, estimate, caps)
    if state.spec is not None:  # under both: the table needs the page's width
        summary_table(state.spec)


def _builder_widgets(state: builder.Checked) -> None:
    st.selectbox(
        t("builder.preset"),
        builder.PRESET_ORDER,
        index=None,
        format_func=localized(preset_title),
        placeholder=t("builder.preset_placeholder"),
        key=PRESET_KEY,
        on_change=_preset_chosen,
    )
    if state.layers is not None:
        for index, layer in enumerate(state.layers):
            _layer_row(index, layer, len(state.layers))
    st.markdown(t("builder.output_row"))
    with st.container(horizontal=True, vertical_alignment="bottom", key="builder-add-row"):
        st.selectbox(t("builder.add_kind"), KINDS, format_func=localized(kind_title), key=ADD_KIND_KEY, width=260)
        st.button(
            t("builder.add"),
            key="builder-add",
            icon=":material/add:",
            on_click=_add,
            disabled=state.layers is None,  # an unreadable text is fixed in the text field first
        )
    st.number_input(
        t("builder.l2"),
        min_value=limits.L2.low,
        max_value=limits.L2.high,
        step=0.0001,
        format="%g",
        key=L2_KEY,
        help=t("builder.l2_help"),
        persist_state="session",
        width=220,
    )
    st.session_state[TEXT_KEY] = spec_text()  # allowed: the field is not drawn yet in this run
    st.text_input(t("builder.text"), key=TEXT_KEY, on_change=_text_typed, help=t("builder.text_help"))


def _layer_row(index: int, layer: SpecLayer, count: int) -> None:
    """One layer: its kind, its values, and buttons to move it or take it out."""
    structure = st.session_state.get(STRUCTURE_KEY, 0)
    kind = builder.kind_of(layer)

    def number(field: str, label: str, low: float, high: float, step: float | None = None) -> None:
        key = f"builder-{structure}-{index}-{field}"
        value = getattr(layer, field)
        as_number = value if isinstance(value, int | float) and not isinstance(value, bool) else low
        st.number_input(
            label,
            min_value=low,
            max_value=high,
            value=min(max(as_number, low), high),  # a typed value out of range: its message says so
            step=step,
            key=key,
            on_change=_value_changed,
            args=(index, field, key),
            width=120,
        )

    def activation() -> None:
        key = f"builder-{structure}-{index}-activation"
        current = layer.activation
        st.selectbox(
            t("builder.activation"),
            ACTIVATIONS,
            index=ACTIVATIONS.index(current) if current in ACTIVATIONS else None,
            key=key,
            on_change=_value_changed,
            args=(index, "activation", key),
            width=120,
        )

    # Two lines a layer: what it is with its buttons, then its values (the row fits half a laptop's page).
    with st.container(key=f"builder-layer-{index}", border=True, gap="small"):
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.markdown(t("builder.row_title", position=index + 1, kind=kind_title(kind)), width="stretch")
            st.button(
                t("builder.up"),
                key=f"builder-up-{index}",
                icon=":material/arrow_upward:",
                type="tertiary",
                on_click=_edit,
                args=(builder.moved, index, -1),
                disabled=index == 0,
                help=t("builder.up_help"),
            )
            st.button(
                t("builder.down"),
                key=f"builder-down-{index}",
                icon=":material/arrow_downward:",
                type="tertiary",
                on_click=_edit,
                args=(builder.moved, index, 1),
                disabled=index == count - 1,
                help=t("builder.down_help"),
            )
            st.button(
                t("builder.remove"),
                key=f"builder-remove-{index}",
                icon=":material/delete:",
                type="tertiary",
                on_click=_edit,
                args=(builder.removed, index),
                help=t("builder.remove_help"),
            )
        if isinstance(layer, BatchNorm):
            return  # nothing to choose
        with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
            if isinstance(layer, Dense):
                number("units", t("builder.units"), *builder.UNITS_RANGE)
                activation()
            elif isinstance(layer, Conv):
                number("filters", t("builder.filters"), *builder.UNITS_RANGE)
                number("kernel", t("builder.kernel"), *builder.KERNEL_RANGE)
                activation()
            elif isinstance(layer, Pool):
                number("size", t("builder.pool_size"), *builder.POOL_RANGE)
            elif isinstance(layer, Dropout):
                low, high = builder.DROPOUT_RANGE
                number("rate", t("builder.rate"), low, high, builder.DROPOUT_STEP)


def _network_view(
    state: builder.Checked,
    settings: TrainingSettings,
    estimate: Callable[[TrainingSettings], float] | None,
    caps: Caps | None,
) -> None:
    """What the layers make, or why they make nothing yet (with a fix when moving layers is one)."""
    if state.spec is None:
        problem(state)
        return
    spec = state.spec
    if caps is not None:
        over_cap(settings, caps)
    with st.container(key="builder-parameters"):
        st.markdown(f"**{parameters_line(spec)}**")
    if estimate is not None:
        seconds = estimate(settings)
        if seconds is not None and seconds > 0:
            with st.container(key="builder-estimate"):
                st.caption(estimate_line(seconds))
    st.markdown(f"**{t('builder.diagram.title')}**")
    st.caption(diagram_sentence(spec))
    st.markdown(diagram_html(spec), unsafe_allow_html=True)


def summary_table(spec: LayerSpec) -> None:
    """The `model.summary()` table of the network the layers build, worked out without TensorFlow."""
    st.markdown(f"**{t('builder.summary.title')}**")
    st.dataframe(
        pd.DataFrame(summary_rows(spec.rows())),
        hide_index=True,
        key="builder-summary",
        alt=parameters_line(spec),
        column_config={summary_columns()["parameters"]: st.column_config.NumberColumn(format="localized")},
    )


def problem(state: builder.Checked) -> None:
    """Why the layers cannot be built, in words (LayerSpecError's message), and the fix when there is one."""
    if state.error is None:
        return
    st.warning(state.error.text(), icon=":material/error:")
    fixed = builder.fixed_order(spec_text())
    if fixed is not None and builder.check(fixed).ready:
        st.button(
            t("builder.fix"),
            key="builder-fix",
            icon=":material/auto_fix_high:",
            on_click=_set_text,
            args=(fixed,),
            help=t("builder.fix_help", layers=fixed),
        )


def over_cap(settings: TrainingSettings, caps: Caps) -> None:
    """The teacher's cap these settings go over, with its number, said before Start (the line refuses them too)."""
    try:
        caps.check(settings)
    except Refusal as refusal:
        st.warning(refusal.text(), icon=":material/block:")


def diagram_html(spec: LayerSpec) -> str:
    """The diagram as boxes one under the other, each with what comes out of it; an ordered list, so a screen
    reader reads the layers in order (the sentence beside it says the same in short)."""
    items = []
    for box in diagram(spec):
        parameters = t("builder.box.parameters", parameters=box.parameters) if box.parameters else ""
        items.append(
            '<li style="border:1px solid rgba(128,128,128,.55);border-radius:.5rem;padding:.3rem .6rem;'
            'margin:0 0 .25rem 0">'
            f"<strong>{html.escape(box.title)}</strong> · {html.escape(box.detail)}<br>"
            f'<span style="opacity:.8">{html.escape(t("builder.box.shape", shape=box.shape))}'
            f"{' · ' + html.escape(parameters) if parameters else ''}</span></li>"
        )
    label = html.escape(t("builder.diagram.title"), quote=True)
    return f'<ol aria-label="{label}" style="list-style:none;padding:0;margin:0">{"".join(items)}</ol>'
