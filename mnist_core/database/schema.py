"""The class's shared state as SQLAlchemy tables: one schema for SQLite and PostgreSQL.

    schema_version  one row: whose database this is (APPLICATION) and its version (SCHEMA_VERSION)
    drawings        the drawings students gave, one row each, by class (class_name)
    pictures        each drawing's picture and strokes, in a table of their own
    class_settings  each class's settings (the caps, the pinned run, the switches) as JSON text
    line_jobs       the training line's jobs, so a restarted line takes up the waiting ones (line_records.py)

Version 3 added class_name to drawings (the classes sharing one database never see each other's drawings), and the
class_settings and line_jobs tables. Column order matters to SQLite files: a migrated file adds its new columns
last (ALTER TABLE … ADD COLUMN), so a new file lists them last too, and both have the same table.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Double,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    text,
)

from mnist_core.config import DEFAULT_CLASS_NAME

SCHEMA_VERSION = 3
APPLICATION = "mnist-classroom class drawings"  # the schema_version row that says a database is ours
IMAGE_BYTES = 28 * 28 * 4  # float32
PROBABILITY_BYTES = 10 * 4

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("application", Text, nullable=False),
    Column("version", Integer, nullable=False),
)

drawings = Table(
    "drawings",
    metadata,
    # AUTOINCREMENT on SQLite (a sequence on PostgreSQL): an id is never used twice, even after deletions, so "the
    # drawings up to id N" always means the same drawings (less any deleted): a training in another process re-reads
    # its class set by that id.
    Column("id", Integer, primary_key=True),
    Column("student", Text, nullable=False),  # the name as shown
    Column("student_key", Text, nullable=False),  # students.identity(name): the same student on every device
    Column("label", Integer, CheckConstraint("label BETWEEN 0 AND 9"), nullable=False),  # the digit meant
    Column("reading", Integer, CheckConstraint("reading BETWEEN 0 AND 9"), nullable=False),  # what the model read
    Column(  # its ten probabilities, float32
        "probabilities",
        LargeBinary,
        CheckConstraint(f"length(probabilities) = {PROBABILITY_BYTES}"),
        nullable=False,
    ),
    Column("run_id", Text, nullable=False),  # the run that read it
    Column("created", Double, nullable=False),  # when it was given: seconds since 1970 (UTC)
    # 1: counts everywhere; 0: waits for the teacher's review (a rejected drawing is deleted). Version 2.
    Column("approved", Integer, CheckConstraint("approved IN (0, 1)"), nullable=False, server_default=text("1")),
    Column("class_name", Text, nullable=False, server_default=DEFAULT_CLASS_NAME),  # version 3
    Index("drawings_by_class_student", "class_name", "student_key", "created"),
    sqlite_autoincrement=True,
)

# The pictures in a table of their own: the drawings' rows stay small (a hundred bytes, not three kilobytes), so
# counting, listing and splitting the class set read a few pages rather than every picture.
pictures = Table(
    "pictures",
    metadata,
    Column("id", Integer, ForeignKey("drawings.id", ondelete="CASCADE"), primary_key=True, autoincrement=False),
    Column("image", LargeBinary, CheckConstraint(f"length(image) = {IMAGE_BYTES}"), nullable=False),  # 28x28 <f4
    Column("strokes", Text, nullable=False),  # the canvas's JSON
)

class_settings = Table(
    "class_settings",
    metadata,
    Column("class_name", Text, primary_key=True),
    Column("settings", Text, nullable=False),  # JSON: classroom/settings.py reads and checks it
    Column("updated", Double, nullable=False),  # seconds since 1970 (UTC)
)

line_jobs = Table(
    "line_jobs",
    metadata,
    Column("id", Integer, primary_key=True),  # never used twice, across restarts too (as drawings.id)
    Column("class_name", Text, nullable=False),
    Column("owner_name", Text, nullable=False),
    Column("teacher", Boolean, nullable=False),
    Column("settings", Text, nullable=False),  # JSON of TrainingSettings.to_dict()
    Column("state", Text, nullable=False),  # "queued", "running", "requeued", then a finished state
    Column("attempt", Integer, nullable=False, server_default=text("0")),
    Column("run_id", Text),
    Column("error", Text),
    Column("created", Double, nullable=False),
    Column("updated", Double, nullable=False),
    Index("line_jobs_by_state", "state", "class_name"),
    sqlite_autoincrement=True,
)
