"""How a process of the app is set up before it starts work: TensorFlow kept quiet, malloc held to a few arenas.

The one place that sets TF_CPP_MIN_LOG_LEVEL for Python code: the app, the command line, the training worker, the
benchmarks and the tests call quiet_tensorflow(), and a child process gets the setting in the environment that
quiet_tensorflow_env() builds. (The notebook a student downloads sets it in its own code: it runs without us.)
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Mapping

TF_LOG_LEVEL = "TF_CPP_MIN_LOG_LEVEL"
QUIET_TF_LOG_LEVEL = "2"  # errors only: no INFO or WARNING lines from TensorFlow's C++ side


def quiet_tensorflow() -> None:
    """Keep TensorFlow's start-up chatter (CUDA, oneDNN lines) out of terminals and test logs.

    Must run before TensorFlow is imported. A level set already (someone debugging) is kept.
    """
    os.environ.setdefault(TF_LOG_LEVEL, QUIET_TF_LOG_LEVEL)


def quiet_tensorflow_env(environment: Mapping[str, str]) -> dict[str, str]:
    """A copy of `environment` for a child process, with TensorFlow kept quiet unless it names a level itself."""
    return {TF_LOG_LEVEL: QUIET_TF_LOG_LEVEL, **environment}


# glibc's mallopt() option for the number of memory arenas (M_ARENA_MAX in malloc.h).
_M_ARENA_MAX = -8
MEMORY_ARENAS = 2


def limit_memory_arenas(arenas: int = MEMORY_ARENAS) -> None:
    """Let this process's threads share a few malloc arenas, as MALLOC_ARENA_MAX=2 would.

    glibc gives busy threads arenas of their own; on a server whose threads train one after another each
    training then leaves memory behind in a different arena (bench/memory.py here: +88 MB over 12 trainings;
    with two arenas no growth over 12). Call it early, before threads start. Does nothing off glibc.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    libc.mallopt(_M_ARENA_MAX, arenas)
