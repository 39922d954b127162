"""The one family of errors mnist_core raises for things a person can fix, and the advice the pages give for each.

    MnistAppError                 anything below; str() is a complete message for whoever runs the server
    ├── DatasetError              a data set could not be loaded (data/datasets.py)
    │   ├── DatasetNotFoundError  no copy anywhere load() looks
    │   ├── DatasetCorruptError   a copy with a missing, damaged or unofficial file
    │   └── FetchError            fetching the files failed (data/fetch.py)
    ├── RunError                  a run could not be saved or loaded (runs/store.py)
    │   ├── RunsUnreachable       the shared runs store (MNIST_APP_RUNS_URL) did not answer (runs/remote.py)
    │   └── UnsupportedNetwork    a model file with a layer the numpy reader does not run (model/network.py)
    ├── ClassSetError             the class database cannot be used now (database/, classset/drawings.py)
    │   └── DamagedClassSet       its file is there but not a whole class set of this version
    ├── UnreadableDrawing         the canvas sent something that is not a drawing (reading/canvas_png.py)
    └── Refusal                   a request refused for a reason a person can act on (caps, one job each, limits)

Callers catch by family: `except MnistAppError` for anything a page shows in words, a branch for a kind when
it needs its own action. UnreadableDrawing, UnsupportedNetwork and Refusal are also ValueErrors, as a bad value
is what they are. A Refusal carries a catalog key and its values, so each reader gets it in their own language.
"""

from __future__ import annotations

from pathlib import Path

from mnist_core.i18n import t

# The command that fetches the data sets again, named in the advice.
FETCH_COMMAND = "python -m mnist_core fetch-data"


class MnistAppError(Exception):
    """Something a person can fix; str() says what and how, for whoever runs the server."""


class DatasetError(MnistAppError):
    """A data set could not be loaded; str(error) is a complete message for a person."""


class DatasetNotFoundError(DatasetError):
    """No copy of the data set was found anywhere load() looks."""


class DatasetCorruptError(DatasetError):
    """A copy was found, but a file is missing, damaged or not the official one."""


class FetchError(DatasetError):
    """The data set files could not be fetched; str() says what to do."""


class RunError(MnistAppError):
    """A run could not be saved or loaded; str() is a message for a person."""


class RunsUnreachable(RunError):
    """The shared runs store did not answer or refused; str() names its URL (never its secrets) and the reason."""


class UnsupportedNetwork(RunError, ValueError):
    """The model has a layer, a setting or weights the numpy reader does not run; str() names it."""


class ClassSetError(MnistAppError):
    """The class set cannot be used now; str() is a message for whoever runs the server."""


class DamagedClassSet(ClassSetError):
    """The file is there but is not a whole class set of this version. It is left as it is."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The class drawings file {path} cannot be used: {reason}. It is left exactly as it is; drawing goes on "
            "without the class features. To start a new class set, move the file away (or point MNIST_APP_CLASS_DB "
            "at a new file). To rescue its drawings, try SQLite's `.recover` command on a copy."
        )
        self.path = path


class UnreadableDrawing(MnistAppError, ValueError):
    """The canvas sent something that is not a drawing this app can read; str() says what, for the log."""


class Refusal(MnistAppError, ValueError):
    """Why something a person asked for cannot be done, e.g. Refusal("caps.epochs", cap=3, asked=10)."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(t(key, "en", **values))

    def __reduce__(self) -> tuple:
        # Rebuilt from its key and values when it crosses to another process (serving/line.py), not its text.
        return (_refusal, (self.key, self.values))

    def text(self) -> str:
        """The reason in the current language."""
        return t(self.key, **self.values)


def _refusal(key: str, values: dict) -> Refusal:
    return Refusal(key, **values)


# What a person can do about each kind of error: the pages show it above the error's own message. The most
# specific kind listed wins; a ValueError outside the family is a setting out of range (TrainingSettings.validate).
ADVICE: dict[type[BaseException], str] = {
    DatasetNotFoundError: "errors.data_not_found",
    DatasetCorruptError: "errors.data_damaged",
    DatasetError: "errors.data_unreadable",
    RunError: "errors.model_unreadable",
    ClassSetError: "class.unavailable_advice",
    UnreadableDrawing: "draw.unreadable",
    ValueError: "errors.bad_settings",
}
FALLBACK_ADVICE = "errors.training_failed"


def advice(error: BaseException) -> str:
    """What a person can do about `error`, in their language (the first kind in its class's order that has advice)."""
    if isinstance(error, Refusal):
        return error.text()
    key = next((ADVICE[kind] for kind in type(error).__mro__ if kind in ADVICE), FALLBACK_ADVICE)
    return t(key, command=FETCH_COMMAND)
