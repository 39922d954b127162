"""The class drawings' database, as classset sees it: mnist_core/database holds it now (issue #30), with the same
guarantees on an SQLite file as before and the same code on PostgreSQL.

What it keeps, and where:
- WAL journal, `BEGIN IMMEDIATE` for every write (a second writer waits up to BUSY_TIMEOUT_SECONDS instead of
  failing with "database is locked"), synchronous=FULL, foreign keys: database/engine.py.
- The file made whole in a temporary file and linked into place; a damaged, foreign or newer file reported
  (DamagedClassSet) and never written; the WAL left behind by a file moved while in use; the idle connection that
  keeps the WAL open: database/sqlite_file.py.
- A file of an earlier version brought up to this one in one transaction (MIGRATIONS): database/migrations.py.
  Version 2 (issue #33) added `approved`; version 3 (issue #30) added `class_name`, the class settings and the
  training line's records.
"""

from __future__ import annotations

from mnist_core.database.engine import BUSY_TIMEOUT_SECONDS
from mnist_core.database.migrations import MIGRATIONS
from mnist_core.database.schema import APPLICATION, IMAGE_BYTES, PROBABILITY_BYTES, SCHEMA_VERSION
from mnist_core.database.store import ClassDatabase
from mnist_core.errors import ClassSetError, DamagedClassSet

__all__ = [
    "APPLICATION",
    "BUSY_TIMEOUT_SECONDS",
    "IMAGE_BYTES",
    "MIGRATIONS",
    "PROBABILITY_BYTES",
    "SCHEMA_VERSION",
    "ClassDatabase",
    "ClassSetError",
    "DamagedClassSet",
]
