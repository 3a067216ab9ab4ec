"""A cache of validated role files as JSON, in the user's cache directory.

One entry per data file, keyed by the file's identity (device, inode, size, times) and by this
program's version, so any edit is a miss. Entries are written atomically; an entry that is
missing, corrupt, stale or unwritable is simply not used: the cache never causes an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile

from . import __version__
from .schema import SCHEMA_VERSION


def cache_dir() -> str:
    explicit = os.environ.get("MLCAREER_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "mlcareer")


def enabled() -> bool:
    return os.environ.get("MLCAREER_NO_CACHE", "") in ("", "0")


def _identity(path: str, st: os.stat_result) -> str:
    return "|".join(map(str, (__version__, SCHEMA_VERSION, os.path.abspath(path), st.st_dev, st.st_ino,
                              st.st_size, st.st_mtime_ns, st.st_ctime_ns)))


def _entry_path(path: str) -> str:
    digest = hashlib.blake2b(os.path.abspath(path).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return os.path.join(cache_dir(), f"{digest}.json")


def load(path: str, st: os.stat_result) -> dict | None:
    """The cached document for this exact file version, or None."""
    if not enabled():
        return None
    try:
        with open(_entry_path(path), "rb") as handle:
            entry = json.loads(handle.read())
        if entry["identity"] == _identity(path, st) and isinstance(entry["doc"], dict):
            return entry["doc"]
    except Exception:  # noqa: BLE001 - any unreadable entry is a miss
        return None
    return None


def store(path: str, st: os.stat_result, doc: dict) -> None:
    """Write the entry atomically (temp file + rename); failures are ignored."""
    if not enabled():
        return
    target = _entry_path(path)
    tmp = None
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=os.path.dirname(target))
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"identity": _identity(path, st), "doc": doc}, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, target)
        tmp = None
    except Exception:  # noqa: BLE001 - a cache that cannot be written is just not used
        pass
    finally:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
