"""Where a picture of the inside of the network is strongest, in words, in both languages."""

from __future__ import annotations

from mnist_core import i18n
from mnist_core.text.inside_words import REGION_KEYS, region_name, where_words


def test_the_nine_regions_are_named_in_order_and_no_region_is_none():
    with i18n.in_language("en"):
        assert [region_name(region) for region in (0, 4, 8)] == [
            i18n.t("inside.region.top_left"),
            i18n.t("inside.region.middle"),
            i18n.t("inside.region.bottom_right"),
        ]
        assert region_name(None) is None
    assert len(REGION_KEYS) == 9


def test_where_a_weight_picture_is_positive_and_negative_is_said_in_both_languages():
    for language in ("en", "ko"):
        with i18n.in_language(language):
            words = where_words(1, None)
            assert i18n.t("inside.region.top") in words and i18n.t("inside.nowhere") in words
