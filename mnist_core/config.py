"""Where things live on disk, and the environment settings that move them.

MNIST_APP_DATA_DIR     a data folder the user names; searched first for the data set files.
MNIST_APP_RUNS_DIR     where saved runs go (default: runs/ beside the code).
MNIST_APP_RUNS_URL     runs shared between machines (s3://bucket/prefix, file:///mnt/nfs/runs, any fsspec URL); the
                       runs folder is then this machine's cache (runs/remote.py). Unset: the runs folder alone.
MNIST_APP_MAX_TRAININGS  trainings the server runs at once (default: one per two CPU cores, at least 1).
MNIST_APP_TRAIN_LIMIT  use only the first N training images (tests and demos; default: all 60,000).
MNIST_APP_PEN_DIGITS   real pen-written digits for tests and benchmarks (default: samples/ in the project).
MNIST_APP_TRAINING_IN  "process" (default: each training in a worker process of its own) or "thread" (in the
                       server's process; for tests that replace training with a stand-in).
MNIST_APP_TEACHER_PASSWORD  the Teacher page's password (or teacher_password in .streamlit/secrets.toml).
MNIST_APP_CLASS_DB     the class's drawings, an SQLite file (default: class-drawings.sqlite3 beside the runs).
MNIST_APP_DATABASE_URL the class's shared state (drawings, settings, line records) in a database named by an
                       SQLAlchemy URL, e.g. postgresql+psycopg://user:password@host/db (default: the SQLite file).
MNIST_APP_CLASS_NAME   the class this server serves, keying its drawings and settings in a shared database
                       (default: "class").
MNIST_APP_CLUSTER      a Ray cluster's address (e.g. 127.0.0.1:6379): trainings run there, on the line every class of
                       the cluster shares (serving/cluster.py). Unset: in worker processes of this server.
MNIST_APP_TRAINING_CPUS  CPUs each training asks of the cluster (default: 1).
MNIST_APP_PROCESSES    Streamlit processes a class server runs behind its front door (default: one per core, up to 4).
MNIST_APP_MAP_IMAGES   test images on a run's map of what it learned (default: 2,000; tests use fewer).
MNIST_APP_LINE, MNIST_APP_LINE_KEY  set by the class server for its Streamlit processes: where the shared
                       training line listens (a Unix socket) and its key (hex). Unset: each process has its own.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# The project's own data folder, filled by `python -m mnist_core fetch-data`.
PROJECT_DATA_DIR = PROJECT_ROOT / "data"


def user_data_dir() -> Path | None:
    """The data folder named by MNIST_APP_DATA_DIR, or None when it is not set."""
    value = os.environ.get("MNIST_APP_DATA_DIR", "").strip()
    return Path(value).expanduser() if value else None


def runs_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The folder that holds saved runs (under `environ`, default this process's environment)."""
    value = (os.environ if environ is None else environ).get("MNIST_APP_RUNS_DIR", "").strip()
    return Path(value).expanduser() if value else PROJECT_ROOT / "runs"


def runs_url(environ: Mapping[str, str] | None = None) -> str | None:
    """Where the runs every machine shares live (MNIST_APP_RUNS_URL, any fsspec URL), or None: this machine's runs
    folder alone. S3's credentials and endpoint come from the standard AWS variables, read by botocore itself."""
    value = (os.environ if environ is None else environ).get("MNIST_APP_RUNS_URL", "").strip()
    return value.rstrip("/") or None


CLASS_DB_FILE = "class-drawings.sqlite3"


def class_db_path(environ: Mapping[str, str] | None = None) -> Path:
    """The SQLite file of the drawings students gave to the class: MNIST_APP_CLASS_DB, else beside the runs.

    `environ` (default this process's environment) as for runs_dir: a training worker finds the same file.
    """
    environ = os.environ if environ is None else environ
    value = environ.get("MNIST_APP_CLASS_DB", "").strip()
    return Path(value).expanduser() if value else runs_dir(environ) / CLASS_DB_FILE


DATABASE_URL_VARIABLE = "MNIST_APP_DATABASE_URL"


def database_url(environ: Mapping[str, str] | None = None) -> str:
    """The database of the class's shared state, as an SQLAlchemy URL: MNIST_APP_DATABASE_URL, else the SQLite file
    of class_db_path() (so MNIST_APP_CLASS_DB keeps working). It may hold a password: show it only through
    mnist_core.database.engine.shown_url."""
    environ = os.environ if environ is None else environ
    return shared_database_url(environ) or f"sqlite:///{class_db_path(environ).absolute()}"


def shared_database_url(environ: Mapping[str, str] | None = None) -> str | None:
    """MNIST_APP_DATABASE_URL when it is set, else None: the class settings then stay in their JSON file beside the
    runs (classroom/settings.py), as on one machine before."""
    value = (os.environ if environ is None else environ).get(DATABASE_URL_VARIABLE, "").strip()
    return value or None


DEFAULT_CLASS_NAME = "class"
# A class name keys rows in a shared database and appears in commands and URLs: plain lowercase, never a surprise.
CLASS_NAME_PATTERN = re.compile(r"[a-z0-9_-]{1,40}")


def check_class_name(name: str) -> str:
    """`name` when it is a valid class name; ValueError that says what one looks like otherwise."""
    if not isinstance(name, str) or not CLASS_NAME_PATTERN.fullmatch(name):
        raise ValueError(
            f"A class name is 1 to 40 lowercase letters (a-z), digits, '-' or '_', like 'class' or '5b-2026', "
            f"not {name!r}."
        )
    return name


def class_name(environ: Mapping[str, str] | None = None) -> str:
    """The class this server serves: MNIST_APP_CLASS_NAME, default "class" (ValueError for a malformed name)."""
    value = (os.environ if environ is None else environ).get("MNIST_APP_CLASS_NAME", "").strip()
    return check_class_name(value) if value else DEFAULT_CLASS_NAME


def max_concurrent_trainings(environ: Mapping[str, str] | None = None) -> int:
    """How many trainings may run at once: TensorFlow already uses every core for one.

    `environ` (default this process's environment) lets a load test read another process's setting.
    """
    value = (os.environ if environ is None else environ).get("MNIST_APP_MAX_TRAININGS", "").strip()
    if value:
        return max(1, int(value))
    return max(1, (os.cpu_count() or 2) // 2)


MOST_PROCESSES_BY_DEFAULT = 4  # each holds the loaded runs and its sessions' pictures; four cores serve 60 students


def server_processes() -> int:
    """How many Streamlit processes a class server runs: one per core (Python runs one thread at a time in each),
    at most four unless MNIST_APP_PROCESSES says otherwise."""
    value = os.environ.get("MNIST_APP_PROCESSES", "").strip()
    return max(1, int(value) if value else min(os.cpu_count() or 1, MOST_PROCESSES_BY_DEFAULT))


def line_address() -> tuple[str, bytes] | None:
    """Where the class server's shared training line listens and its key, or None: this process keeps its own."""
    value = os.environ.get("MNIST_APP_LINE", "").strip()
    if not value:
        return None
    return value, bytes.fromhex(os.environ.get("MNIST_APP_LINE_KEY", ""))


def cluster_address(environ: Mapping[str, str] | None = None) -> str | None:
    """The Ray cluster that runs the trainings (MNIST_APP_CLUSTER, e.g. 127.0.0.1:6379), or None: this server's own
    worker processes run them."""
    value = (os.environ if environ is None else environ).get("MNIST_APP_CLUSTER", "").strip()
    return value or None


def training_cpus() -> float:
    """The CPUs each training asks of the cluster (MNIST_APP_TRAINING_CPUS, default 1); the line runs as many at
    once as the cluster's CPUs allow."""
    value = os.environ.get("MNIST_APP_TRAINING_CPUS", "").strip()
    cpus = float(value) if value else 1.0
    if cpus <= 0:
        raise ValueError(f"MNIST_APP_TRAINING_CPUS must be more than 0, not {value!r}.")
    return cpus


def training_place() -> str:
    """Where the server runs a training: "process" (a worker process, see worker.py) or "thread"."""
    value = os.environ.get("MNIST_APP_TRAINING_IN", "").strip().lower()
    return "thread" if value == "thread" else "process"


def train_limit() -> int | None:
    """Train on only the first N images when MNIST_APP_TRAIN_LIMIT is set (tests, slow machines)."""
    value = os.environ.get("MNIST_APP_TRAIN_LIMIT", "").strip()
    return int(value) if value else None


def map_images() -> int | None:
    """How many test images a run's map of what it learned holds, when MNIST_APP_MAP_IMAGES says (tests: a smaller
    map is made in a fraction of the time); None: the map's own default (reading/embedding.py)."""
    value = os.environ.get("MNIST_APP_MAP_IMAGES", "").strip()
    return int(value) if value else None


def pen_digits_path() -> Path:
    """Real handwriting as pen strokes (UNIPEN, samples/README.md), or the file MNIST_APP_PEN_DIGITS names."""
    value = os.environ.get("MNIST_APP_PEN_DIGITS", "").strip()
    return Path(value).expanduser() if value else PROJECT_ROOT / "samples" / "unipen-digits-dev.json"


TEACHER_PASSWORD_VARIABLE = "MNIST_APP_TEACHER_PASSWORD"


def teacher_password_setting() -> str:
    """The Teacher page's password as the environment sets it ("" when unset); classroom/teacher.py decides what
    counts as set and where else to look."""
    return os.environ.get(TEACHER_PASSWORD_VARIABLE, "")
