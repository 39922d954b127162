"""A server process measured from outside, through Linux's /proc: its children, memory, CPU time and settings.

A server started elsewhere (`--url` in a benchmark) can be measured too: it is found by the port it listens on.
"""

from __future__ import annotations

import os
from pathlib import Path


def process_tree(pid: int) -> list[int]:
    """`pid` and all its descendants that are alive now."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as stat:
                # The name in parentheses may hold spaces: the parent pid is the 2nd field after its ")".
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def rss_bytes(pid: int) -> int:
    """Resident memory of one process (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024  # the kernel reports kB
    except OSError:
        pass
    return 0


def pss_bytes(pid: int) -> int:
    """Proportional memory of one process: each page it shares (libraries: Python's, numpy's, and TensorFlow's
    350 MB in a training worker) divided among the processes that map it, so a tree's sum counts it once
    (0 when it is gone). Costly: the kernel walks the process's page tables to tell."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as rollup:
            return next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0) * 1024
    except OSError:
        return 0


def tree_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by a process and its descendants, reaped ones included."""
    return sum(cpu_seconds(member, reaped_children=True) for member in process_tree(pid))


def cpu_seconds(pid: int, reaped_children: bool = False) -> float:
    """CPU time (user + system) used so far by one process (and its reaped children, if asked); 0 when gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = fields[11:15] if reaped_children else fields[11:13]  # utime, stime (, cutime, cstime)
    return sum(int(value) for value in ticks) / os.sysconf("SC_CLK_TCK")


def listening_pid(port: int) -> int | None:
    """The process listening on this TCP port, found through its socket in /proc (None when not visible)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:  # 0A: LISTEN
                inodes.add(f"socket:[{inode}]")
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            for descriptor in os.scandir(f"/proc/{entry.name}/fd"):
                if os.readlink(descriptor.path) in inodes:
                    return int(entry.name)
        except OSError:
            continue
    return None


def process_environment(pid: int) -> dict[str, str]:
    """The environment a process was started with (empty when it cannot be read)."""
    try:
        raw = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return {}
    pairs = (item.decode(errors="replace").split("=", 1) for item in raw.split(b"\0") if b"=" in item)
    return dict(pairs)


def process_cwd(pid: int) -> Path | None:
    try:
        return Path(os.readlink(f"/proc/{pid}/cwd"))
    except OSError:
        return None
