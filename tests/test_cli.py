import dataclasses
import subprocess
import sys

import pytest

from mnist_core import cli
from mnist_core.classroom import defaults
from mnist_core.runs.store import RunStore


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mnist_core", *args], capture_output=True, text=True, timeout=600, env=env
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--epochs", "0"], "argument --epochs: must be between 1 and 1000, not 0"),
        (["--epochs", "-1"], "argument --epochs: must be between 1 and 1000, not -1"),
        (["--epochs", "1001"], "argument --epochs: must be between 1 and 1000, not 1001"),
        (["--epochs", "abc"], "argument --epochs: must be a whole number, not 'abc'"),
        (["--batch-size", "0"], "argument --batch-size: must be between 1 and 60000, not 0"),
        (["--dataset", "cifar10"], "argument --dataset: invalid choice: 'cifar10'"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_code_2(args, message):
    finished = run_cli("train", *args)
    assert finished.returncode == 2
    assert finished.stdout == ""
    lines = finished.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("dense 0 relu", 'Layer 1 ("dense 0 relu"): a dense layer has from 1 to 10,000 units, not 0.'),
        ("conv 8 30 relu", 'Layer 1 ("conv 8 30 relu"): a 30 × 30 kernel is larger than the 28 × 28 image'),
        ("dense 64 relu; dropout 1.5", 'Layer 2 ("dropout 1.5"): a dropout rate is a number from 0 up to'),
        ("dense 64 relu; wobble 3", 'Layer 2 ("wobble 3"): there is no layer called "wobble"'),
        ("dense 64 relu; conv 8 3 relu", 'Layer 2 ("conv 8 3 relu"): a convolution needs an image, but layer 1'),
    ],
    ids=["0 units", "kernel larger than the image", "dropout 1.5", "unknown layer", "conv after dense"],
)
def test_a_bad_network_spec_exits_with_code_2_and_names_the_bad_part(spec, message):
    finished = run_cli("train", "--layers", spec)
    assert finished.returncode == 2
    assert finished.stdout == ""
    lines = finished.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("python -m mnist_core train: error: argument --layers: ")
    assert message in lines[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--l2", "2"], "argument --l2: must be between 0 and 1, not 2"),
        (["--noise", "lots"], "argument --noise: must be a number, not 'lots'"),
        (["--validation-split", "0.95"], "argument --validation-split: must be between 0 and 0.9, not 0.95"),
        (["--init-seed", "-4"], "argument --init-seed: must be between 0 and 4294967295, not -4"),
        (["--validation-split", "0.5", "--train-limit", "1"], "holds out 0 of 1 training images"),
    ],
)
def test_bad_network_and_data_settings_exit_with_code_2(args, message, capsys):
    try:
        code = cli.main(["train", *args])  # settings that fail together: main returns the code
    except SystemExit as exited:  # one bad argument: argparse exits
        code = exited.code
    assert code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


def test_training_a_written_network_saves_its_layers_and_settings(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(tmp_path))
    spec = " Dense 32 RELU;dropout .2 ; dense 16 tanh;"
    arguments = ["--layers", spec, "--l2", "0.001", "--init-seed", "9", "--noise", "0.1", "--validation-split", "0.1"]
    assert cli.main(["train", "--epochs", "1", "--train-limit", "1000", *arguments]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("Epoch 1/1  loss ")
    (record,) = RunStore(tmp_path).list()
    assert record.model_kind == "custom"
    assert record.settings["layers"] == "dense 32 relu; dropout 0.2; dense 16 tanh"  # the canonical form
    chosen = {name: record.settings[name] for name in ("l2", "init_seed", "noise", "validation_split")}
    assert chosen == {"l2": 0.001, "init_seed": 9, "noise": 0.1, "validation_split": 0.1}


def test_training_prints_a_line_per_epoch_and_the_tutorials_closing_lines(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(tmp_path))
    assert cli.main(["train", "--dataset", "fashion_mnist", "--epochs", "2", "--train-limit", "1000"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Epoch 1/2  loss ") and "val_accuracy" in lines[0] and lines[0].endswith(" s")
    assert lines[1].startswith("Epoch 2/2  loss ")
    assert lines[2].startswith("Fit time : ")
    assert lines[3].startswith("Test loss : ")
    assert lines[4].startswith("Test accuracy : ") and 0.5 < float(lines[4].split(":")[1]) <= 1
    (record,) = RunStore(tmp_path).list()
    assert lines[5] == f"Saved run {record.id} (finished) in {tmp_path}"
    assert record.dataset == "fashion_mnist" and record.settings["train_limit"] == 1000


def test_a_missing_data_set_is_one_clear_line_not_a_traceback(tmp_path, monkeypatch, capsys):
    from mnist_core.data import datasets

    def nothing_found(name):
        raise datasets.DatasetNotFoundError("No MNIST files found. Run: python -m mnist_core fetch-data")

    monkeypatch.setattr(datasets, "load", nothing_found)
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(tmp_path))
    assert cli.main(["train", "--epochs", "1"]) == 1
    assert capsys.readouterr().err == "error: No MNIST files found. Run: python -m mnist_core fetch-data\n"


def test_setup_trains_the_default_drawing_model_unless_one_is_there(quick_result, tmp_path, monkeypatch, capsys):
    trained = []
    monkeypatch.setattr("mnist_core.data.fetch.fetch_all", lambda: None)
    monkeypatch.setattr(cli, "run_training", lambda settings, store: trained.append(settings))
    store = RunStore(tmp_path / "runs")
    store.save(quick_result)  # a digits run, but the tutorial's dense network: not the one for drawing

    cli.setup(store)
    assert trained == [defaults.drawing_settings()]

    store.save(dataclasses.replace(quick_result, settings=defaults.drawing_settings()))
    cli.setup(store)
    assert len(trained) == 1
    assert "The default digits model is ready" in capsys.readouterr().out
