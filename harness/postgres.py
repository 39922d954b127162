"""A throwaway PostgreSQL server for the tests and for a school on one machine (scripts/school.sh).

`initdb` makes a cluster in a folder of its own (FOLDER/data); the server listens on 127.0.0.1:PORT and on a Unix
socket in FOLDER, nowhere else. Loopback connections need a password generated at `initdb` (scram-sha-256), kept in
FOLDER/password (mode 600): the URL holds it, so the tests can check that no error message shows it. PostgreSQL
refuses to run as root: as root, the folder is given to the `postgres` user and every command runs as that user
through `runuser -u postgres --`.

    python -m harness.postgres up --folder DIR --port N [--fast]   make the cluster if needed, start it, print the URL
    python -m harness.postgres down --folder DIR                   stop it (fast shutdown)

`--fast` (the tests) turns off fsync: a crash of the machine may lose the database, which a test does not mind.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

SERVER_USER = "postgres"  # the system user the server runs as when started by root
DATABASE = "postgres"  # the database every new cluster has
START_TIMEOUT_SECONDS = 60


def bin_folder() -> Path:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's newest /usr/lib/postgresql/N/bin."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda path: int(path.parent.name))
    if not versions:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql).")
    return versions[-1]


class Postgres:
    """One server in `folder`, listening on 127.0.0.1:`port`."""

    def __init__(self, folder: Path, port: int, fast: bool = False) -> None:
        self.folder = Path(folder).absolute()
        self.port = int(port)
        self.fast = fast
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self._password_file = self.folder / "password"

    @property
    def url(self) -> str:
        """postgresql+psycopg://postgres:PASSWORD@127.0.0.1:PORT/postgres (the password made at initdb)."""
        password = quote(self._password_file.read_text(encoding="ascii").strip(), safe="")
        return f"postgresql+psycopg://{SERVER_USER}:{password}@127.0.0.1:{self.port}/{DATABASE}"

    def start(self) -> None:
        """Make the cluster the first time, then start the server; returns when it takes connections."""
        if not (self.data / "PG_VERSION").exists():
            self._initdb()
        if self.running():
            return
        options = [
            "-c listen_addresses=127.0.0.1",
            f"-c port={self.port}",
            f"-c unix_socket_directories={self.folder}",
            "-c max_connections=200",  # thirty writers in the tests, each app process with its pool
        ]
        if self.fast:
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", str(START_TIMEOUT_SECONDS),
            "-o", " ".join(options), "start",
        )  # fmt: skip

    def stop(self) -> None:
        """Stop the server (fast shutdown: open connections are closed, committed work is kept)."""
        if self.running():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def running(self) -> bool:
        if not (self.data / "PG_VERSION").exists():
            return False
        status = subprocess.run(
            self._command("pg_ctl", "-D", str(self.data), "status"), capture_output=True, text=True, check=False
        )
        return status.returncode == 0

    def _initdb(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if _as_root():
            reach = subprocess.run(
                ["runuser", "-u", SERVER_USER, "--", "test", "-x", str(self.folder.parent)], check=False
            )
            if reach.returncode != 0:
                raise RuntimeError(
                    f"The {SERVER_USER} user cannot reach {self.folder.parent}: choose a folder every user may pass "
                    "through (mode 711 or more on each folder above it), e.g. one made by tempfile.mkdtemp, chmod 711."
                )
        self._password_file.write_text(secrets.token_urlsafe(18) + "\n", encoding="ascii")
        self._password_file.chmod(0o600)
        if _as_root():
            shutil.chown(self.folder, SERVER_USER, SERVER_USER)
            shutil.chown(self._password_file, SERVER_USER, SERVER_USER)
        self._run(
            "initdb", "-D", str(self.data), "-U", SERVER_USER, "--auth-local=trust", "--auth-host=scram-sha-256",
            f"--pwfile={self._password_file}", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip

    def _command(self, program: str, *arguments: str) -> list[str]:
        command = [str(bin_folder() / program), *arguments]
        return ["runuser", "-u", SERVER_USER, "--", *command] if _as_root() else command

    def _run(self, program: str, *arguments: str) -> None:
        done = subprocess.run(self._command(program, *arguments), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{program} failed ({done.returncode}): {done.stderr.strip()}\n{log}")


def _as_root() -> bool:
    return os.geteuid() == 0


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m harness.postgres", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    up = commands.add_parser("up", help="make the cluster if needed, start it and print its URL")
    up.add_argument("--folder", type=Path, required=True)
    up.add_argument("--port", type=int, required=True)
    up.add_argument("--fast", action="store_true", help="no fsync: for tests")
    down = commands.add_parser("down", help="stop the server")
    down.add_argument("--folder", type=Path, required=True)
    options = parser.parse_args(arguments)
    if options.command == "up":
        server = Postgres(options.folder, options.port, fast=options.fast)
        server.start()
        print(server.url, flush=True)
    else:
        Postgres(options.folder, 0).stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
