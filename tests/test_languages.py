"""The pages in Korean and English: the browser's locale, the sidebar's switch, and every page in both languages
(pages under AppTest; every string the page sends is checked, not only what a test looks for)."""

from __future__ import annotations

import re

import pytest

from harness.apptest import DRAW, HOME, MISTAKES, TRAIN, captions, check_language, container, draw, open_app, texts
from mnist_core import i18n
from mnist_core.data.pen_digits import render_strokes
from mnist_core.locales import en, ko

SEVEN = [[(80, 70), (200, 70), (130, 220)]]


@pytest.fixture(autouse=True)
def no_missing_keys_yet():
    i18n.forget_missing()


# Languages (issue 7): the browser's locale, the sidebar switch, and every page in both languages


@pytest.mark.parametrize("page", [HOME, TRAIN, DRAW, MISTAKES])
@pytest.mark.parametrize(("locale", "language"), [("ko-KR", "ko"), ("en-US", "en"), (None, "en")])
def test_every_page_speaks_the_browsers_language(empty_runs, page, locale, language):
    at = open_app(page, locale=locale)
    check_language(at, language)
    assert at.segmented_control(key="language-switch").value == language


@pytest.mark.parametrize("locale", ["ko", "ko-KR", "ko_KR"])
def test_any_korean_locale_gives_korean(empty_runs, locale):
    at = open_app(locale=locale)
    assert at.title[0].value == ko.MESSAGES["home.title"]


def test_fashion_in_korean_has_korean_class_names(empty_runs):
    at = open_app(dataset="fashion_mnist", locale="ko-KR")
    check_language(at, "ko")
    korean_names = {ko.MESSAGES[f"classes.fashion_mnist.{index}"] for index in range(10)}
    assert len(captions(at)) == 20 and set(captions(at)) <= korean_names
    assert "손글씨 숫자 (MNIST)" in at.sidebar.radio[0].options


def test_the_switch_overrides_the_browser_for_the_session(empty_runs):
    at = open_app(locale="ko-KR")
    assert at.title[0].value == ko.MESSAGES["home.title"]
    at.segmented_control(key="language-switch").set_value("en").run()
    check_language(at, "en")
    assert at.title[0].value == en.MESSAGES["home.title"]
    at.switch_page(TRAIN).run()  # the choice holds on every page
    check_language(at, "en")
    assert at.button(key="train-start").label == "Start training"
    at.segmented_control(key="language-switch").set_value("ko").run()
    check_language(at, "ko")
    assert at.button(key="train-start").label == "학습 시작"


def test_an_english_browser_can_switch_to_korean(empty_runs):
    at = open_app(DRAW, locale="en-GB")
    at.segmented_control(key="language-switch").set_value("ko").run()
    check_language(at, "ko")
    assert "아직 숫자 모델이 없어서" in texts(at.warning)


def test_a_missing_data_set_is_explained_in_korean(empty_runs, missing_dataset):
    at = open_app(locale="ko-KR")
    error = texts(at.error)
    assert "데이터셋을 쓸 수 없어요" in error and "이미지 파일이 없어요" in error
    assert "Could not find the MNIST data set." in error  # the details, for whoever runs the server


@pytest.mark.slow
@pytest.mark.parametrize("page", [HOME, TRAIN, DRAW, MISTAKES])
@pytest.mark.parametrize("dataset", ["mnist", "fashion_mnist"])
@pytest.mark.parametrize(("locale", "language"), [("ko-KR", "ko"), ("en-US", "en")])
def test_every_page_with_models_in_both_languages(trained_runs, page, dataset, locale, language):
    at = open_app(page, dataset=dataset, locale=locale)
    check_language(at, language)


@pytest.mark.slow
def test_draw_and_mistakes_in_korean(trained_runs):
    at = open_app(DRAW, locale="ko-KR")
    draw(at, render_strokes(SEVEN))
    check_language(at, "ko")
    (metric,) = container(at, "prediction").metric
    assert metric.label == "신경망이 읽은 숫자"
    assert re.fullmatch(r"확신도 \d+%", at.get("progress")[0].proto.text)
    assert "2. 잉크 부분만 자르기" in captions(at)

    at = open_app(MISTAKES, dataset="fashion_mnist", locale="ko-KR")
    korean_names = {ko.MESSAGES[f"classes.fashion_mnist.{index}"] for index in range(10)}
    shown = [caption for image in container(at, "gallery").image for caption in image.captions]
    assert len(shown) == 20
    for caption in shown:
        label, predict = re.fullmatch(r"✗ 레이블: (.+) · 예측: (.+) · \d+%", caption).groups()
        assert {label, predict} <= korean_names
    assert re.fullmatch(r"테스트 이미지 10,000장 중 [\d,]+장 틀림 \(정확도 \d+\.\d\d%\)", at.subheader[0].value)
