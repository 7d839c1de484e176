"""The house rules, read off the imports: a stage imports only itself and the shared layer, and
the shared layer imports no stage. The wiring (`pipeline`, `stream`, `batch`) and the
applications (`cli`, `web`) may import stages."""

from __future__ import annotations

import ast
from pathlib import Path

import consilience

PACKAGE = Path(consilience.__file__).resolve().parent
STAGES = frozenset({"ingest", "clean", "annotate", "cluster", "resolve", "timeline", "claims",
                    "conflicts", "provenance", "brief", "render", "store"})
SHARED = frozenset({"models", "errors", "config", "lang", "syntax", "text", "isodates", "ids",
                    "dates",
                    "vectors", "about"})


def imported_parts(path: Path) -> set[str]:
    """The top-level part of `consilience` (stage or shared module) each import in `path`
    names, relative imports resolved."""
    module = path.relative_to(PACKAGE).with_suffix("").parts
    package = module[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)]
                target = (*base, *(node.module.split(".") if node.module else ()))
                names = [alias.name for alias in node.names] if not target else [""]
                for name in names:
                    parts = target or (name,)
                    if parts:
                        found.add(parts[0])
            elif node.module and node.module.split(".")[0] == "consilience":
                parts = node.module.split(".")[1:]
                if parts:
                    found.add(parts[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "consilience" and len(parts) > 1:
                    found.add(parts[1])
    return found


def offences(allowed_for: dict[str, frozenset[str]]) -> list[str]:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        owner = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if owner not in allowed_for:
            continue
        for part in sorted(imported_parts(path) - allowed_for[owner] - {owner}):
            wrong.append(f"{path.relative_to(PACKAGE)} imports {part}")
    return wrong


def test_no_stage_imports_another_stage():
    assert offences({stage: SHARED for stage in STAGES}) == []


def test_the_shared_layer_imports_no_stage():
    assert offences({module: SHARED for module in SHARED}) == []


def test_every_top_level_module_is_a_stage_shared_wiring_or_an_application():
    known = STAGES | SHARED | {"pipeline", "stream", "batch", "cli", "web", "__init__",
                               "__main__"}
    present = {path.name.removesuffix(".py") for path in PACKAGE.iterdir()
               if path.suffix == ".py" or (path.is_dir() and (path / "__init__.py").exists())}
    assert present <= known, present - known
