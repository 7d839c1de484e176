"""The OpenAPI document of the JSON API: FastAPI's, with the story schema v1 as the shape of a
story document and without the 422 answers FastAPI declares (this API answers 400)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

STORY_SCHEMA = "StoryDocument"
"""The component name of the story document (its definitions become StoryDocument_<name>)."""
STORY_REF = f"#/components/schemas/{STORY_SCHEMA}"


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: (f"#/components/schemas/{STORY_SCHEMA}_{value[len('#/$defs/'):]}"
                      if key == "$ref" and isinstance(value, str)
                      and value.startswith("#/$defs/") else _rewrite_refs(value))
                for key, value in node.items()}
    if isinstance(node, list):
        return [_rewrite_refs(item) for item in node]
    return node


@cache
def story_components() -> dict[str, Any]:
    """The story schema v1 as OpenAPI components: the document and its definitions."""
    text = resources.files("consilience.render").joinpath("story.schema.json").read_text(
        encoding="utf-8")
    schema = json.loads(text)
    definitions = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    components = {STORY_SCHEMA: _rewrite_refs(schema)}
    for name, definition in definitions.items():
        components[f"{STORY_SCHEMA}_{name}"] = _rewrite_refs(definition)
    return components


def build_openapi(app: FastAPI) -> dict[str, Any]:
    """The document (made once per app)."""
    if app.openapi_schema:
        return app.openapi_schema
    document = get_openapi(title=app.title, version=app.version, description=app.description,
                           routes=app.routes)
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            operation.get("responses", {}).pop("422", None)
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    schemas.update(story_components())
    app.openapi_schema = document
    return document
