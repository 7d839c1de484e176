"""Conflicts: typed disagreements between the outlets of a story (numbers, dates, statuses,
attributions; spelling variants come from the entity stage)."""

from .finder import extend_conflicts, find_conflicts, mark_disputed

__all__ = ["extend_conflicts", "find_conflicts", "mark_disputed"]
