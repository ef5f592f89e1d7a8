"""Changes -> SQL; the only place that quotes identifiers (``quote.py``)."""

from alembic_lockplane.render.render import RenderedChange, render

__all__ = ["RenderedChange", "render"]
