"""A cache of validated role files, in the user's cache directory.

One entry per data file, keyed by the file's identity (device, inode, size, times) and by this
program's version, so any edit is a miss. An entry is a text line ``mlcareer-cache LENGTH CRC``,
the header (identity, role index, byte offsets), the title-search table and the title lookup,
then one JSON line per role, so that a warm run parses only what it needs. The header and the
title parts are plain lists, dicts, strings and ints in ``marshal`` form, several times faster to
read than JSON (and completion needs no JSON module at all); each is checked against a CRC-32
before it is read, so a damaged entry is a miss, never an error. Entries are written atomically (temp file and rename); one
that is missing, corrupt, stale or unwritable is simply not used: the cache never causes an
error.
"""

from __future__ import annotations

import marshal
import os
import zlib

from . import SCHEMA_VERSION, __version__
from .document import Document

MAGIC = b"mlcareer-cache"


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


def entry_path(path: str) -> str:
    # The name only spreads entries out; the identity stored inside is what is checked.
    full = os.path.abspath(path)
    stem = "".join(c if c.isalnum() or c in "-_." else "_" for c in os.path.basename(full))[:80]
    return os.path.join(cache_dir(), f"{stem}-{zlib.crc32(full.encode('utf-8', 'surrogateescape')):08x}.cache")


class CachedDocument(Document):
    """A document read lazily from a cache entry: roles and titles are read on first use.

    A part found damaged on reading is not an error: the file is parsed again (and the entry
    rewritten), and the fresh document answers from then on.
    """

    def __init__(self, handle, header: dict, body_start: int, path: str) -> None:
        self._handle = handle
        self.header = header
        self._body = body_start
        self._path = path
        self._fresh: Document | None = None
        self._parts: dict[str, dict] = {}
        self._roles: dict[int, dict] = {}

    def _reparse(self) -> Document:
        if self._fresh is None:
            from .errors import DataError
            from .loader import read_document

            doc, st = read_document(self._path)
            self._fresh = store(self._path, st, doc)
            if self._fresh.heads != self.header["heads"]:
                raise DataError(self._path, "the file changed while it was being read; run the command again")
        return self._fresh

    def _line(self, offset: int) -> dict:
        import json

        self._handle.seek(self._body + offset)
        return json.loads(self._handle.readline())

    def _segment(self, name: str):
        offset, length, crc = self.header["segments"][name]
        self._handle.seek(self._body + offset)
        blob = self._handle.read(length)
        if len(blob) != length or zlib.crc32(blob) != crc:
            raise ValueError("damaged cache entry")
        return marshal.loads(blob)

    def role(self, index: int) -> dict:
        role = self._roles.get(index)
        if role is None:
            try:
                role = self._line(self.header["offsets"][index])
                if role.get("slug") != self.header["heads"][index][0]:
                    raise ValueError("cache entry does not match its index")
            except Exception:  # noqa: BLE001 - damaged entry: read the file instead
                role = self._reparse().role(index)
            self._roles[index] = role
        return role

    def _part(self, segment: str, accessor: str) -> dict:
        part = self._parts.get(segment)
        if part is None:
            try:
                part = self._segment(segment)
            except Exception:  # noqa: BLE001 - damaged entry: read the file instead
                part = getattr(self._reparse(), accessor)()
            self._parts[segment] = part
        return part

    def title_table(self) -> dict:
        return self._part("titles", "title_table")

    def title_lookup(self) -> dict[str, int]:
        return self._part("title_lookup", "title_lookup")


def load(path: str, st: os.stat_result) -> Document | None:
    """The cached document for this exact file version, or None."""
    if not enabled():
        return None
    try:
        handle = open(entry_path(path), "rb")  # noqa: SIM115 - kept open for lazy reads
    except OSError:
        return None
    try:
        first = handle.readline(100)
        magic, length, crc = first.split()
        blob = handle.read(int(length))
        if magic != MAGIC or len(blob) != int(length) or zlib.crc32(blob) != int(crc):
            handle.close()
            return None
        header = marshal.loads(blob)
        if header.get("identity") != _identity(path, st) or len(header["offsets"]) != len(header["heads"]):
            handle.close()
            return None
        return CachedDocument(handle, header, len(first) + len(blob), path)
    except Exception:  # noqa: BLE001 - any unreadable entry is a miss
        handle.close()
        return None


def store(path: str, st: os.stat_result, doc: dict) -> Document:
    """Write the entry atomically; failures are ignored. Returns the in-memory document."""
    document = Document(doc)
    if not enabled():
        return document
    target = entry_path(path)
    tmp = None
    try:
        import json
        import tempfile

        parts: list[bytes] = []
        segments = {}
        position = 0
        for name, value in (("titles", document.title_table()), ("title_lookup", document.title_lookup())):
            blob = marshal.dumps(value)
            segments[name] = [position, len(blob), zlib.crc32(blob)]
            parts.append(blob)
            position += len(blob)
        offsets = []
        for role in doc["roles"]:
            line = json.dumps(role, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
            offsets.append(position)
            parts.append(line)
            position += len(line)
        header = {"identity": _identity(path, st), **document.header, "offsets": offsets, "segments": segments}
        os.makedirs(os.path.dirname(target), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".cache", dir=os.path.dirname(target))
        blob = marshal.dumps(header)
        with os.fdopen(fd, "wb") as handle:
            handle.write(b"%s %d %d\n" % (MAGIC, len(blob), zlib.crc32(blob)))
            handle.write(blob)
            handle.writelines(parts)
        os.replace(tmp, target)
        tmp = None
    except Exception:  # noqa: BLE001, S110 - a cache that cannot be written is just not used
        pass
    finally:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return document


