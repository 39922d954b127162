"""Two things a classroom server needs that Streamlit 1.67 does not do: answer without waiting, and no long pauses.

Both are found by measuring (bench/stroke_cost.py, bench/class_load.py) and both are explicit: install() calls
`tune_server()` once per server process.

Waiting: Streamlit binds its listening socket as `socket.socket(family)`, whose protocol number is 0, and asyncio
turns Nagle's algorithm off (TCP_NODELAY) only on sockets that say IPPROTO_TCP. So every websocket kept Nagle on:
of the twenty-odd small messages a stroke's run sends, all but the first waited for the browser's delayed
acknowledgement, 40 ms on Linux (up to 200 ms on Windows), on every stroke. A new connection takes TCP_NODELAY over
from its listening socket, so setting it there, and on the connections already open, covers them all.

Pauses: importing TensorFlow and Keras leaves about 375,000 Python objects that live as long as the server. Each
of Python's full garbage collections walked them all, 60-260 ms during which no student got an answer, several
times a minute in a busy class. `gc.freeze()` moves them out of the collector's sight once a page has imported
Keras; what a model or a session makes later is still collected as before.
"""

from __future__ import annotations

import functools
import gc
import os
import socket
import stat
import sys
import threading
import time

TCP_FAMILIES = (socket.AF_INET, socket.AF_INET6)
KERAS_CHECK_SECONDS = 1.0  # how often the freezing thread looks whether a page has imported Keras yet


@functools.cache
def tune_server() -> None:
    """Once per process: no Nagle on this server's TCP sockets, and TensorFlow's objects frozen once imported."""
    send_without_delay()
    threading.Thread(target=freeze_once_keras_is_imported, name="freeze-tensorflow", daemon=True).start()


def send_without_delay() -> int:
    """Turn Nagle's algorithm off on every TCP socket this process holds; returns how many (0 where the open
    files cannot be listed, as on Windows)."""
    try:
        descriptors = [int(name) for name in os.listdir("/dev/fd")]
    except OSError:
        return 0
    tuned = 0
    for descriptor in descriptors:
        try:
            if not stat.S_ISSOCK(os.fstat(descriptor).st_mode):
                continue
            # A duplicate, so that closing our socket object leaves the server's own descriptor open.
            with socket.socket(fileno=os.dup(descriptor)) as sock:
                if sock.family in TCP_FAMILIES and sock.type == socket.SOCK_STREAM:
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    tuned += 1
        except OSError:  # closed meanwhile, or not a socket we may change
            continue
    return tuned


def freeze_once_keras_is_imported() -> None:
    """Wait until a page has imported Keras (and with it TensorFlow), then freeze every object there is.

    It waits rather than importing: Home opens without TensorFlow, and a server nobody draws or trains on never
    loads it. Run it in a thread of its own.
    """
    while "keras" not in sys.modules:
        time.sleep(KERAS_CHECK_SECONDS)
    import keras  # noqa: F401  (returns once the page's import of it is complete)

    gc.collect()  # what is garbage now is freed, not frozen
    gc.freeze()
