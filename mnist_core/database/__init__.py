"""The class's shared state in a database, through SQLAlchemy 2 Core: an SQLite file by default, or PostgreSQL.

engine.py        one Engine per URL and process, SQLite's safeties (WAL, BEGIN IMMEDIATE) and errors in words
schema.py        the tables: schema_version, drawings, pictures, class_settings, line_jobs
migrations.py    a database of an earlier version brought up to this one; why a version table and not Alembic
sqlite_file.py   an SQLite file made whole before it is there, and checked before it is written
store.py         ClassDatabase: one database, checked on first use, then one transaction at a time
line_records.py  LineRecords: the training line's jobs, so a restarted line takes up the waiting ones
"""

from __future__ import annotations

from mnist_core.database.engine import shown_url
from mnist_core.database.line_records import LineRecord, LineRecords
from mnist_core.database.schema import SCHEMA_VERSION
from mnist_core.database.store import ClassDatabase

__all__ = ["SCHEMA_VERSION", "ClassDatabase", "LineRecord", "LineRecords", "shown_url"]
