"""Package metadata kept in one place (read by pyproject and the CLI)."""

__title__ = "consilience"
__version__ = "0.1.0"
__summary__ = "One news story from many outlets: what is known, how well, and who said it."
