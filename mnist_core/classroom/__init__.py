"""The class: students by name, the teacher's password, the caps on students' trainings, the class's settings,
lesson links, and which model each page starts on.

    students.py     Owner, clean_name(): who trained a run or gave a drawing
    teacher.py      the teacher's password and the guard against guessing it
    caps.py         Caps: the teacher's limits on students' trainings, checked in one place
    settings.py     ClassSettings (caps, the pinned run, the names switch, review first), kept in a JSON file
    lesson_link.py  a link that sets the Train page for a lesson
    defaults.py     the default models and the run each page starts on
    dashboard.py    the class's runs on one chart: which runs, each point's category, the best, who beat the tutorial
"""

from __future__ import annotations

from mnist_core.classroom.caps import Caps
from mnist_core.classroom.lesson_link import LessonLink, link_for, read_link
from mnist_core.classroom.settings import ClassSettings, ClassSettingsStore
from mnist_core.classroom.students import Owner, clean_name

__all__ = ["Caps", "ClassSettings", "ClassSettingsStore", "LessonLink", "Owner", "clean_name", "link_for", "read_link"]
