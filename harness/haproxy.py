"""HAProxy from deploy/haproxy.cfg (the school's door) on a free loopback port, for benchmarks and tests.

scripts/school.sh fills the same template with envsubst; here the two app servers can be any HTTP servers.
Needs Debian's `haproxy`. Run by root it drops to Debian's `haproxy` user, as the template says; run by anyone else
it stays that user (only root may change user, and a free high port needs no root).
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from harness.server import free_port
from mnist_core import config
from mnist_core.serving.loopback import health_ok

TEMPLATE = config.PROJECT_ROOT / "deploy" / "haproxy.cfg"
USER_LINE, GROUP_LINE = ["user", "haproxy"], ["group", "haproxy"]


def start_haproxy(scratch: Path, backends: list[str]) -> tuple[subprocess.Popen, str]:
    """HAProxy in front of two `backends` ("http://127.0.0.1:PORT"), its log in `scratch`; it and its URL."""
    port = free_port()
    filled = TEMPLATE.read_text().replace("${DOOR_ADDRESS}", f"127.0.0.1:{port}")
    for number, backend in enumerate(backends, start=1):
        filled = filled.replace(f"${{APP_SERVER_{number}}}", backend.removeprefix("http://"))
    if os.geteuid() != 0:
        kept = [line for line in filled.splitlines() if line.split() not in (USER_LINE, GROUP_LINE)]
        filled = "\n".join(kept) + "\n"  # HAProxy refuses a last line without its newline
    config_path = scratch / "haproxy.cfg"
    config_path.write_text(filled)
    log = open(scratch / "haproxy.log", "ab")  # noqa: SIM115 (open for the process's life)
    command = ["haproxy", "-db", "-f", str(config_path)]
    process = subprocess.Popen(command, stdout=log, stderr=log, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while not health_ok(url):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"HAProxy did not start: {(scratch / 'haproxy.log').read_text()[-2000:]}")
        time.sleep(0.2)
    return process, url
