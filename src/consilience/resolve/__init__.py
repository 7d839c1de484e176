"""Resolve: entities across the articles of a story."""

from .surface import entities_by_surface, entity_id, surface_key

__all__ = ["entities_by_surface", "entity_id", "surface_key"]
