"""The teacher's password: no default, constant-time checks, and a minute's wait after five wrong tries."""

from mnist_core.classroom import teacher
from mnist_core.classroom.teacher import PasswordGuard, password_matches, teacher_password


def test_there_is_no_default_password(monkeypatch):
    monkeypatch.delenv(teacher.PASSWORD_VARIABLE, raising=False)
    assert teacher_password() is None
    monkeypatch.setenv(teacher.PASSWORD_VARIABLE, "   ")
    assert teacher_password() is None


def test_the_environment_wins_over_the_secrets_file(monkeypatch):
    monkeypatch.setenv(teacher.PASSWORD_VARIABLE, "from-env")
    assert teacher_password(lambda name: "from-secrets") == "from-env"
    monkeypatch.delenv(teacher.PASSWORD_VARIABLE)
    assert teacher_password(lambda name: "from-secrets" if name == "teacher_password" else None) == "from-secrets"


def test_passwords_match_exactly():
    assert password_matches("사과나무 7", "사과나무 7")
    assert not password_matches("사과나무", "사과나무 7")
    assert not password_matches("", "x")


def test_five_wrong_tries_make_the_session_wait_a_minute_even_for_the_right_password():
    now = [1000.0]
    guard = PasswordGuard(clock=lambda: now[0])
    for _ in range(4):
        assert not guard.check("guess", "secret")
    assert guard.seconds_to_wait() == 0
    assert not guard.check("guess", "secret")  # the fifth
    assert guard.seconds_to_wait() == teacher.WAIT_SECONDS
    assert not guard.check("secret", "secret")  # locked: not even checked
    now[0] += teacher.WAIT_SECONDS
    assert guard.check("secret", "secret")
