"""Model x model -> the ordered list of typed changes (``changes.Change``).

``diff.diff(current, desired)`` is the entry point; ``order.py`` owns the dependency order.
"""
