"""How many examples each property runs: a short, reproducible "ci" profile by default, a longer
one with HYPOTHESIS_PROFILE=long.

The profiles are registered globally but only applied through `examples()` on each fuzz test,
so hypothesis tests elsewhere (schemathesis in tests/web) keep their own settings.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Even without a database, hypothesis keeps caches (Unicode tables, constants it collects
# from the code) in ./.hypothesis; keep them out of the repository, unless told where.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY",
                      str(Path(tempfile.gettempdir()) / "consilience-hypothesis"))

from hypothesis import HealthCheck, settings  # reads the variable on first use, not import

# Inputs are large (nested pages, 200k-character lines) and slow to build by design.
_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
                 HealthCheck.filter_too_much]

settings.register_profile("ci", max_examples=10, deadline=None, derandomize=True, database=None,
                          suppress_health_check=_SLOW_IS_FINE, print_blob=True)
settings.register_profile("long", max_examples=500, deadline=None, derandomize=False,
                          database=None, suppress_health_check=_SLOW_IS_FINE, print_blob=True)

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if PROFILE not in ("ci", "long"):
    PROFILE = "ci"
LONG_FACTOR = 20


def examples(ci: int) -> settings:
    """The fuzz settings with `ci` examples, or LONG_FACTOR times as many under the long
    profile."""
    count = ci * LONG_FACTOR if PROFILE == "long" else ci
    return settings(settings.get_profile(PROFILE), max_examples=count)
