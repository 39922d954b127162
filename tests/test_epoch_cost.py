"""What an epoch costs before anyone trains it (training/epoch_cost.py): the counts of its work, by hand."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mnist_core.model.layers import PRESETS
from mnist_core.training.epoch_cost import (
    COSTS,
    epoch_cost_seconds,
    epoch_work,
    evaluation_cost_seconds,
    evaluation_work,
    priced,
)
from mnist_core.training.settings import TrainingSettings

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MEASURED = PROJECT_ROOT / "bench" / "epoch_costs_measured.json"  # bench/epoch_cost_fit.py --save, on this machine


def test_the_tutorial_s_epoch_counts_its_multiply_adds_batches_and_calls():
    work = epoch_work(TrainingSettings(layers=PRESETS["tutorial"]))
    passes = 3 * 60_000 + 10_000  # every training image three passes, the 10,000 test images one
    assert work["dense_mac"] == passes * (784 * 1000 + 1000 * 10)
    assert work["conv_mac"] == 0
    assert work["element"] == passes * (1000 + 10)
    assert work["image"] == 70_000
    assert work["training_step"] == 600  # batches of 100
    assert work["training_step_layer"] == 600 * 2  # two Dense layers compute
    assert work["training_step_parameter"] == 600 * (785 * 1000 + 1001 * 10)
    assert work["validation_step_layer"] == 10 * 2  # the test set in batches of 1,000
    assert work["epoch"] == 1
    assert work["epoch_parameter"] == 785 * 1000 + 1001 * 10
    assert work["augmented_image"] == work["noisy_image"] == 0


def test_a_convolution_counts_its_kernel_and_channels_and_pooling_what_it_reads():
    work = epoch_work(TrainingSettings(layers="conv 8 3 relu; batchnorm; pool 2; dense 32 relu", train_limit=1000))
    passes = 3 * 1000 + 10_000
    assert work["conv_mac"] == passes * 26 * 26 * 8 * 9  # 26x26x8 outputs, a 3x3 kernel over one channel
    assert work["dense_mac"] == passes * (13 * 13 * 8 * 32 + 32 * 10)
    # conv and batchnorm write 26x26x8 values each, pooling reads as many
    assert work["element"] == passes * (3 * 26 * 26 * 8 + 32 + 10)
    assert work["normalized_element"] == passes * 26 * 26 * 8
    assert work["training_step_layer"] == 10 * 5  # conv, batchnorm, pool, two Dense; not the reshape or flatten


def test_a_held_out_split_augmentation_and_noise_change_the_work_they_do():
    plain = epoch_work(TrainingSettings(layers=PRESETS["tutorial"], train_limit=30_000))
    held = epoch_work(TrainingSettings(layers=PRESETS["tutorial"], train_limit=30_000, validation_split=0.2))
    assert held["image"] == 24_000 + 6_000 and plain["image"] == 30_000 + 10_000
    assert held["validation_step_layer"] == 6 * 2
    noisy = epoch_work(TrainingSettings(layers=PRESETS["tutorial"], train_limit=30_000, noise=0.1, augment=True))
    assert noisy["noisy_image"] == noisy["augmented_image"] == 30_000


def test_the_named_networks_cost_what_their_layers_cost():
    assert epoch_work(TrainingSettings()) == epoch_work(TrainingSettings(layers=PRESETS["tutorial"]))
    assert epoch_work(TrainingSettings(hidden_units=64)) == epoch_work(TrainingSettings(layers="dense 64 relu"))
    cnn = epoch_work(TrainingSettings(model_kind="cnn", hidden_units=1000))  # the CNN caps its dense layer at 128
    assert cnn == epoch_work(TrainingSettings(layers=PRESETS["cnn"]))


def test_seconds_are_the_counts_at_their_prices():
    settings = TrainingSettings(layers=PRESETS["wide"], train_limit=1000)
    work = epoch_work(settings)
    assert epoch_cost_seconds(settings) == pytest.approx(sum(COSTS[name] * work[name] for name in work))
    assert set(work) == set(COSTS)
    assert priced(work, {name: 1.0 for name in COSTS}) == pytest.approx(sum(work.values()))
    assert evaluation_cost_seconds(settings) == pytest.approx(priced(evaluation_work(settings)))
    assert evaluation_work(settings)["image"] == 10_000


def run_fit_check(measurements: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "bench/epoch_cost_fit.py", "--load", str(measurements), "--check"]
    return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)


def test_the_prices_are_the_fit_of_the_committed_measurements(tmp_path):
    fitted = run_fit_check(MEASURED)
    assert fitted.returncode == 0, fitted.stdout + fitted.stderr
    assert "COSTS are these prices" in fitted.stdout

    # The check can fail: a machine twice as slow fits prices twice as high.
    slower = json.loads(MEASURED.read_text())
    for measured in slower:
        measured["seconds"] *= 2
    (tmp_path / "slower.json").write_text(json.dumps(slower))
    refitted = run_fit_check(tmp_path / "slower.json")
    assert refitted.returncode == 1
    assert "are not these measurements' fit" in refitted.stderr
