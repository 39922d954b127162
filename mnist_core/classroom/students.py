"""Students' names: no accounts and no passwords, just a name a student types once.

A name is plain text, 1 to 24 characters: letters of any script (Hangul too), digits, spaces, "-" and "_".
It is always shown as text, never as Markdown or HTML. The same name on two devices is the same student:
names are compared by their `identity` (Unicode-normalised, spaces collapsed, case folded).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from mnist_core.errors import Refusal

NAME_LENGTH = 24
ALLOWED_MARKS = " -_"


@dataclass(frozen=True)
class Owner:
    """Who asks for a training: a student by name, or the teacher (whose trainings are not capped)."""

    name: str | None = None
    teacher: bool = False

    @property
    def identity(self) -> str | None:
        if self.teacher:
            return TEACHER_IDENTITY
        return identity(self.name) if self.name else None


# "*" is never in a student's name, so no student can be the teacher by typing a name.
TEACHER_IDENTITY = "*teacher"
TEACHER = Owner(teacher=True)


def clean_name(text: str | None) -> str:
    """The name as it will be shown, or Refusal naming what is wrong with it."""
    name = " ".join(unicodedata.normalize("NFC", text or "").split())
    if not name:
        raise Refusal("name.empty")
    if len(name) > NAME_LENGTH:
        raise Refusal("name.too_long", most=NAME_LENGTH, length=len(name))
    bad = sorted({character for character in name if not _allowed(character)})
    if bad:
        raise Refusal("name.bad_characters", characters=" ".join(bad))
    return name


def identity(name: str) -> str:
    """What makes two spellings the same student: "Min-jun " and "min-jun" are one."""
    return clean_name(name).casefold()


def _allowed(character: str) -> bool:
    # Letters (L*: Latin, Hangul, ...) and digits (Nd) of any script, plus the few marks above; Hangul
    # syllables are letters ("Lo"). Nothing that Markdown or HTML gives a meaning to.
    return (
        unicodedata.category(character)[0] == "L"
        or unicodedata.category(character) == "Nd"
        or (character in ALLOWED_MARKS)
    )
