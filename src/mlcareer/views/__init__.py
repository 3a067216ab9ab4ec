"""Output: what to show (``blocks``, ``data``) apart from how (``plain``, ``rich_view``, ``markdown``).

Builders turn query results into a small document of blocks; one renderer per format prints
them, so every command gets every format and the content is decided once.
"""
