"""The two drawn charts of the HTML report, the timeline and the citation graph: the names the
view, the templates and the tests use, gathered from the modules that make them.

* `timeline_geometry`: one row per dated entry on a time axis (`chart_scale`);
* `citation_geometry`: outlets joined to the sources they cite, and copies between outlets;
* `chart_text`: labels cleaned and cut to fit.

Only numbers and plain text are made there, never markup: the macros in
`templates/charts.html.j2` draw the SVG from these records. `parse_date` is the shared
`isodates.iso_start_day` (the day an ISO value at any precision starts on), under the name the
charts have always used for it.
"""

from __future__ import annotations

from ..isodates import iso_start_day as parse_date
from .chart_text import CHAR_WIDTH, WIDTH, clean_text, fit_label
from .citation_geometry import (
    CG_LABEL_MAX,
    CG_LEFT_X,
    CG_RIGHT_X,
    CG_ROW,
    CG_TOP,
    CitationGraph,
    CopyEdge,
    GraphEdge,
    GraphNode,
    citation_graph,
)
from .timeline_geometry import (
    TL_PLOT_LEFT,
    TL_PLOT_RIGHT,
    TL_ROW,
    TL_TOP,
    TimelineChart,
    TimelineMark,
    timeline_chart,
)

__all__ = [
    "CG_LABEL_MAX",
    "CG_LEFT_X",
    "CG_RIGHT_X",
    "CG_ROW",
    "CG_TOP",
    "CHAR_WIDTH",
    "TL_PLOT_LEFT",
    "TL_PLOT_RIGHT",
    "TL_ROW",
    "TL_TOP",
    "WIDTH",
    "CitationGraph",
    "CopyEdge",
    "GraphEdge",
    "GraphNode",
    "TimelineChart",
    "TimelineMark",
    "citation_graph",
    "clean_text",
    "fit_label",
    "parse_date",
    "timeline_chart",
]
