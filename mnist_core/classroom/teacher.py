"""The teacher's password: where it comes from, how it is checked, and how guessing is slowed down.

There is no default password: without one the Teacher page stays locked and says how to set one. Passwords
are compared in constant time (as digests, so not even the length leaks), and after a few wrong tries a
session waits a minute. A wrong guess is only ever "wrong": never how close it was.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass

from mnist_core import config

PASSWORD_VARIABLE = config.TEACHER_PASSWORD_VARIABLE
SECRET_NAME = "teacher_password"  # in .streamlit/secrets.toml
TRIES = 5
WAIT_SECONDS = 60.0


def teacher_password(secret: Callable[[str], str | None] = lambda name: None) -> str | None:
    """The environment's password, else the secret's (`secret` reads st.secrets); None when neither is set."""
    value = config.teacher_password_setting()
    if not value.strip():
        value = secret(SECRET_NAME) or ""
    return value if value.strip() else None


def password_matches(given: str, expected: str) -> bool:
    digest = lambda text: hashlib.sha256(text.encode("utf-8")).digest()  # noqa: E731
    return hmac.compare_digest(digest(given), digest(expected))


@dataclass
class PasswordGuard:
    """One session's tries: after TRIES wrong ones in a row, no check at all until WAIT_SECONDS have passed."""

    clock: Callable[[], float] = time.monotonic
    wrong: int = 0
    locked_until: float = 0.0

    def seconds_to_wait(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    def check(self, given: str, expected: str) -> bool:
        """True for the right password; False for a wrong one or while the session must wait."""
        if self.seconds_to_wait() > 0:
            return False
        if password_matches(given, expected):
            self.wrong = 0
            return True
        self.wrong += 1
        if self.wrong >= TRIES:
            self.wrong = 0
            self.locked_until = self.clock() + WAIT_SECONDS
        return False
