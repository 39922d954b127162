"""Three things a classroom server needs that Streamlit 1.67 does not do: answer without waiting, no spinning, and
no long pauses.

All three are found by measuring (bench/stroke_cost.py, bench/class_load.py) and all are explicit: install() calls
`tune_server()` once per server process.

Waiting: Streamlit binds its listening socket as `socket.socket(family)`, whose protocol number is 0, and asyncio
turns Nagle's algorithm off (TCP_NODELAY) only on sockets that say IPPROTO_TCP. So every websocket kept Nagle on:
of the twenty-odd small messages a stroke's run sends, all but the first waited for the browser's delayed
acknowledgement, 40 ms on Linux (up to 200 ms on Windows), on every stroke. A new connection takes TCP_NODELAY over
from its listening socket, so setting it there, and on the connections already open, covers them all.

Spinning: numpy's BLAS (OpenBLAS) keeps a thread per core, and after each matrix product its threads spin a while
waiting for more work. The pages read drawings in numpy (mnist_core/model/network.py): their products are small, and the
spinning threads took a core from the other students, doubling a stroke's server CPU (8.6-11.7 -> 17.7-22.7 ms in
bench/stroke_cost.py). One BLAS thread per page process; a class server runs one process per core instead.

Pauses: every script run leaves a Streamlit ScriptRunner in a reference cycle (about 150 objects: its locks,
cursors, closures), which only Python's cycle collector frees. With 30 students drawing in a process, a full
collection came every 4 s and walked all of the process's 120,000-170,000 objects (Streamlit's, numpy's, the app's,
made once at startup), 60-300 ms in which no student of that process got an answer, and the collector took
1.3-1.9 s of CPU per process in 40 s of 60 students drawing flat out. So once the app is loaded its objects are
frozen out of the collector's sight (gc.freeze, about 110,000), and young objects are collected after 10,000 new
ones instead of 700: 0.2-0.4 s per process, the cycles still freed within seconds. (Until 2026-12-02 the freezing
waited for TensorFlow's 375,000 objects; the page processes no longer import TensorFlow.)
"""

from __future__ import annotations

import functools
import gc
import os
import socket
import stat

from threadpoolctl import threadpool_limits

TCP_FAMILIES = (socket.AF_INET, socket.AF_INET6)
YOUNG_OBJECTS_PER_COLLECTION = 10_000  # Python's default is 700: a busy server then collected every few ms


@functools.cache
def tune_server() -> None:
    """Once per process: no Nagle on this server's TCP sockets, one BLAS thread, and fewer, shorter collections."""
    send_without_delay()
    threadpool_limits(1, user_api="blas")  # for the rest of the process, not only a `with` block
    collect_less()


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


def collect_less() -> None:
    """Freeze every object there is now (the app and its libraries, loaded), and collect young objects less often.

    Objects made later are still collected; a server's own modules and settings never become garbage.
    """
    gc.collect()  # what is garbage now is freed, not frozen
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS_PER_COLLECTION, middle, old)
