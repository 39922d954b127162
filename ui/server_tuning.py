"""Two things a classroom server needs that Streamlit 1.67 does not do: answer without waiting, and no spinning.

Both are found by measuring (bench/stroke_cost.py, bench/class_load.py) and both are explicit: install() calls
`tune_server()` once per server process.

Waiting: Streamlit binds its listening socket as `socket.socket(family)`, whose protocol number is 0, and asyncio
turns Nagle's algorithm off (TCP_NODELAY) only on sockets that say IPPROTO_TCP. So every websocket kept Nagle on:
of the twenty-odd small messages a stroke's run sends, all but the first waited for the browser's delayed
acknowledgement, 40 ms on Linux (up to 200 ms on Windows), on every stroke. A new connection takes TCP_NODELAY over
from its listening socket, so setting it there, and on the connections already open, covers them all.

Spinning: numpy's BLAS (OpenBLAS) keeps a thread per core, and after each matrix product its threads spin a while
waiting for more work. The pages read drawings in numpy (mnist_core/network.py): their products are small, and the
spinning threads took a core from the other students, doubling a stroke's server CPU (8.6-11.7 -> 17.7-22.7 ms in
bench/stroke_cost.py). One BLAS thread per page process; a class server runs one process per core instead.

(Until 2026-12-02 it also froze TensorFlow's 375,000 objects out of the garbage collector's sight: its full
collections paused every student for 60-260 ms. The page processes no longer import TensorFlow: network.py.)
"""

from __future__ import annotations

import functools
import os
import socket
import stat

from threadpoolctl import threadpool_limits

TCP_FAMILIES = (socket.AF_INET, socket.AF_INET6)


@functools.cache
def tune_server() -> None:
    """Once per process: no Nagle on this server's TCP sockets, and one BLAS thread."""
    send_without_delay()
    threadpool_limits(1, user_api="blas")  # for the rest of the process, not only a `with` block


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
