"""Cluster: which articles make a story, and what the story is called."""

from .identity import article_id, story_id, story_title

__all__ = ["article_id", "story_id", "story_title"]
