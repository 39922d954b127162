"""Numbers and times as people read them: a percentage, a duration on a clock, a run's local time."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def percent(fraction: float, digits: int = 2) -> str:
    """A fraction as a percentage, e.g. 0.9804 -> 98.04%."""
    return f"{fraction * 100:.{digits}f}%"


def clock(seconds: float) -> str:
    """Seconds as m:ss or h:mm:ss, which reads the same in every language."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def when(created: str, timezone: str | None = None) -> str:
    """A run's ISO time stamp (UTC) as local "YYYY-MM-DD HH:MM" in the viewer's time zone when known."""
    moment = datetime.fromisoformat(created)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        zone = ZoneInfo(timezone) if timezone else None
    except (ZoneInfoNotFoundError, ValueError):
        zone = None
    if zone is None:
        return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"
