"""A request refused for a reason a person can act on: a catalog key and its values, so each reader gets it
in their own language (the English text is the exception's message, for logs and the command line)."""

from __future__ import annotations

from mnist_core.i18n import t


class Refusal(ValueError):
    """Why something a person asked for cannot be done, e.g. Refusal("caps.epochs", cap=3, asked=10)."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(t(key, "en", **values))

    def __reduce__(self) -> tuple:
        # Rebuilt from its key and values when it crosses to another process (training_line.py), not its text.
        return (_refusal, (self.key, self.values))

    def text(self) -> str:
        """The reason in the current language."""
        return t(self.key, **self.values)


def _refusal(key: str, values: dict) -> Refusal:
    return Refusal(key, **values)
