"""The server's tunings (ui/server_tuning.py): no Nagle delay on its sockets, one BLAS thread, fewer collections."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from ui.server_tuning import send_without_delay


def nodelay(sock: socket.socket) -> int:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


@contextmanager
def connection(listener: socket.socket) -> Iterator[socket.socket]:
    """A connection to `listener`: yields the server's end, as the server accepted it."""
    with socket.create_connection(listener.getsockname()):  # the client end, open while the test runs
        accepted, _ = listener.accept()
        with accepted:
            yield accepted


def run_python(code: str) -> None:
    """Run `code` in a fresh interpreter (nothing of this test process in it); its asserts must hold."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_listening_socket_and_open_connections_lose_nagle():
    # Bound the way Streamlit 1.67 binds it: socket.socket(family), protocol number 0, which asyncio leaves alone.
    with socket.socket(family=socket.AF_INET) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with connection(listener) as early:
            assert nodelay(early) == 0  # the cause: every websocket waited for the browser's delayed ACK

            assert send_without_delay() >= 2  # at least the listener and the connection open before

            assert nodelay(early) == 1
            with connection(listener) as later:  # taken over from the listener
                assert nodelay(later) == 1
                later.sendall(b"still open")  # our duplicates were closed, the server's own sockets were not


def test_install_tunes_the_server_and_importing_ui_does_not():
    code = """
import socket
listener = socket.socket(family=socket.AF_INET); listener.bind(("127.0.0.1", 0)); listener.listen()
def accepted_nodelay():
    client = socket.create_connection(listener.getsockname()); accepted, _ = listener.accept()
    value = accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY); client.close(); accepted.close()
    return value
import ui
assert accepted_nodelay() == 0, "importing ui changed a socket"
ui.install()
assert accepted_nodelay() == 1, "install() left Nagle on"
"""
    run_python(code)


def test_install_leaves_numpy_one_blas_thread():
    code = """
from threadpoolctl import threadpool_info
def blas_threads():
    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
import numpy
assert blas_threads(), "numpy's BLAS was not found"
import ui
ui.install()
assert blas_threads() == [1], blas_threads()
"""
    run_python(code)


def test_install_freezes_what_is_loaded_frees_what_is_garbage_and_collects_young_objects_less_often():
    code = """
import gc, weakref
from ui.server_tuning import YOUNG_OBJECTS_PER_COLLECTION
import ui
assert gc.get_freeze_count() == 0 and gc.get_threshold()[0] == 700, "importing ui changed the collector"
class Node:
    pass
garbage = Node(); garbage.itself = garbage  # a cycle nobody refers to: the collector's work
gone = weakref.ref(garbage); del garbage
ui.install()
assert gone() is None, "garbage was frozen instead of freed"
assert gc.get_freeze_count() > 50_000, gc.get_freeze_count()  # Streamlit's, numpy's and the app's objects
assert gc.get_threshold() == (YOUNG_OBJECTS_PER_COLLECTION, 10, 10), gc.get_threshold()
later = Node(); later.itself = later  # made once the server runs: still collected
made_later = weakref.ref(later); del later
gc.collect()
assert made_later() is None, "a cycle made after install() was never freed"
"""
    run_python(code)
