"""mlcareer: a career advisor for machine learning, over curated, sourced role data.

Library use needs no CLI: ``from mlcareer import load_catalog``.
"""

__version__ = "0.1.0"
SCHEMA_VERSION = 1  # of role files; here so that reading the cache needs no schema module

__all__ = ["__version__", "load_catalog"]


def __getattr__(name: str):
    # Lazy, so that ``import mlcareer`` (done by every CLI run) stays cheap.
    if name == "load_catalog":
        # start-up: lazy, so that ``import mlcareer`` (every run) loads no catalog
        from .catalog import load_catalog

        return load_catalog
    raise AttributeError(name)
