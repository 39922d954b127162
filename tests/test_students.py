"""Students' names: plain text of 1-24 letters (Hangul too), digits, spaces, - and _; one name is one student."""

import pytest

from mnist_core.classroom.students import TEACHER, Owner, clean_name, identity
from mnist_core.errors import Refusal


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("Min-jun", "Min-jun"), ("  김 민준  ", "김 민준"), ("a_b 3", "a_b 3"), ("Ana  Lu", "Ana Lu"), ("é", "é")],
)
def test_good_names_are_kept_as_typed_with_spaces_tidied(typed, shown):
    assert clean_name(typed) == shown


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("", "name.empty"),
        ("   ", "name.empty"),
        (None, "name.empty"),
        ("x" * 25, "name.too_long"),
        ("<b>bold</b>", "name.bad_characters"),
        ("**me**", "name.bad_characters"),
        ("[link](http://x)", "name.bad_characters"),
        ("semi;colon", "name.bad_characters"),
    ],
)
def test_bad_names_are_refused_with_a_reason(typed, key):
    with pytest.raises(Refusal) as refused:
        clean_name(typed)
    assert refused.value.key == key


def test_the_reason_names_the_limit_and_the_characters():
    with pytest.raises(Refusal, match="24"):
        clean_name("x" * 30)
    with pytest.raises(Refusal, match="<"):
        clean_name("a<b")


def test_the_same_name_on_two_devices_is_one_student():
    assert identity("Min-jun") == identity(" min-jun ") == identity("MIN-JUN")
    assert identity("민준") != identity("민지")
    assert Owner("Min-jun").identity == Owner("min-jun").identity


def test_the_teacher_is_nobody_a_student_can_be():
    assert TEACHER.identity not in {Owner(name).identity for name in ("teacher", "Teacher", "TEACHER")}
    assert Owner().identity is None
