"""A cache of validated role files, in the user's cache directory.

One entry per data file, keyed by the file's identity (device, inode, size, times) and by this
program's version, so any edit is a miss. An entry is a text line ``mlcareer-cache LENGTH CRC``
and a header, then its parts: the title table, the title lookup, the search choices, and one
part per role, so that a warm run decodes only what it needs. The header and every part are
plain lists, dicts, strings and numbers in ``marshal`` form (several times faster to read than
JSON, and completion needs no JSON module at all), each checked against its CRC-32 before it is
read.

Reading an entry reads its header and closes the file; a part is read (and the file closed
again) on first use. A damaged part raises ``document.Stale``, and so do search choices processed by another rapidfuzz
version (checked when a search reads them, since only a search imports rapidfuzz): the
catalog then reads the file again. Entries are written atomically (temp file and rename); one
that is missing, corrupt, stale or unwritable is simply not used: the cache never causes an
error.
"""

from __future__ import annotations

import marshal
import os
import zlib

from . import SCHEMA_VERSION, __version__
from .document import Document, Stale

MAGIC = b"mlcareer-cache"
FORMAT = 2  # of entries; with the program version in every identity, so an older layout is a miss
PARTS = ("titles", "title_lookup", "search")
MAX_ENTRIES = 40  # entries kept (each one file's, some 350 KB for the built-in data): about 14 MB at most
STALE_TEMP_SECONDS = 3600  # a temp file this old was left by a run that died mid-write


def cache_dir() -> str:
    explicit = os.environ.get("MLCAREER_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "mlcareer")


def enabled() -> bool:
    return os.environ.get("MLCAREER_NO_CACHE", "") in ("", "0")


def _identity(path: str, st: os.stat_result) -> str:
    return "|".join(map(str, (FORMAT, __version__, SCHEMA_VERSION, os.path.abspath(path), st.st_dev, st.st_ino,
                              st.st_size, st.st_mtime_ns, st.st_ctime_ns)))


def entry_path(path: str) -> str:
    # The name only spreads entries out; the identity stored inside is what is checked.
    full = os.path.abspath(path)
    stem = "".join(c if c.isalnum() or c in "-_." else "_" for c in os.path.basename(full))[:80]
    return os.path.join(cache_dir(), f"{stem}-{zlib.crc32(full.encode('utf-8', 'surrogateescape')):08x}.cache")


class CachedDocument(Document):
    """A document whose title tables and roles are decoded from a cache entry on first use.

    Each part is read when first needed, opening the entry and closing it again: an entry of a
    big file is mostly roles that a command never reads. A part read from a different file
    than the header (the entry was rewritten meanwhile) is caught by the file's identity, and a
    damaged one by its CRC: either raises ``Stale``.
    """

    def __init__(self, path: str, header: dict, entry: str, version: tuple, body: int, index: dict) -> None:
        super().__init__(path, header)
        self._entry = entry
        self._version = version  # (inode, size, mtime) of the entry the header came from
        self._body = body  # where the parts start
        self._index = index  # part name or role number -> [offset, length, crc]
        self._decoded: dict[str | int, object] = {}

    def _part(self, key: str | int):
        if key not in self._decoded:
            try:
                offset, length, crc = self._index[key]
                with open(self._entry, "rb") as handle:
                    if _version(os.fstat(handle.fileno())) != self._version:
                        raise ValueError("rewritten")
                    handle.seek(self._body + offset)
                    blob = handle.read(length)
                if len(blob) != length or zlib.crc32(blob) != crc:
                    raise ValueError("checksum")
                self._decoded[key] = marshal.loads(blob)
            except Exception as exc:  # whatever is wrong, the part cannot be used
                raise Stale(f"damaged cache entry for {self.path}") from exc
        return self._decoded[key]

    def role(self, index: int) -> dict:
        return self._part(index)

    def roles(self) -> list[dict]:
        return [self._part(i) for i in range(len(self.heads))]

    def title_table(self) -> dict:
        return self._part("titles")

    def title_lookup(self) -> dict[str, int]:
        return self._part("title_lookup")

    def search_choices(self) -> dict:
        import rapidfuzz

        search = self._part("search")
        if search.get("rapidfuzz") != rapidfuzz.__version__:
            raise Stale(f"search choices for {self.path} were built by another rapidfuzz")
        return search


def _version(st: os.stat_result) -> tuple:
    return st.st_ino, st.st_size, st.st_mtime_ns


def load(path: str, st: os.stat_result) -> Document | None:
    """The cached document for this exact file version, or None."""
    if not enabled():
        return None
    entry = entry_path(path)
    try:
        with open(entry, "rb") as handle:
            version = _version(os.fstat(handle.fileno()))
            first = handle.readline(100)
            blob = b""
            magic, length, crc = first.split()
            blob = handle.read(int(length))
    except (OSError, ValueError):
        return None
    try:
        if magic != MAGIC or len(blob) != int(length) or zlib.crc32(blob) != int(crc):
            return None
        header = marshal.loads(blob)
        if header.get("identity") != _identity(path, st) or len(header["roles"]) != len(header["header"]["heads"]):
            return None
        index = {**header["parts"], **dict(enumerate(header["roles"]))}
        return CachedDocument(path, header["header"], entry, version, len(first) + len(blob), index)
    except Exception:  # noqa: BLE001 - any unreadable entry is a miss
        return None


def store(st: os.stat_result, document: Document) -> None:
    """Write the document's entry atomically; failures are ignored."""
    if not enabled():
        return
    target = entry_path(document.path)
    try:
        blobs: list[bytes] = []
        position = 0

        def add(value) -> list[int]:
            nonlocal position
            blob = marshal.dumps(value)
            blobs.append(blob)
            position += len(blob)
            return [position - len(blob), len(blob), zlib.crc32(blob)]

        parts = {name: add(value) for name, value in zip(PARTS, (
            document.title_table(), document.title_lookup(), document.search_choices()))}
        roles = [add(role) for role in document.roles()]
        header = marshal.dumps({"identity": _identity(document.path, st), "header": document.header,
                                "parts": parts, "roles": roles})
    except Exception:  # noqa: BLE001 - a document that cannot be written is just not cached
        return
    _write(target, header, blobs)


def _write(target: str, header: bytes, blobs: list[bytes]) -> None:
    """An entry: its first line, the header and the parts, written atomically (temp file and
    rename); failures are ignored."""
    tmp = None
    try:
        import tempfile

        os.makedirs(os.path.dirname(target), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".cache", dir=os.path.dirname(target))
        with os.fdopen(fd, "wb") as handle:
            handle.write(b"%s %d %d\n" % (MAGIC, len(header), zlib.crc32(header)))
            handle.write(header)
            handle.writelines(blobs)
        os.replace(tmp, target)
        tmp = None
        prune(os.path.dirname(target))
    except Exception:  # noqa: BLE001, S110 - a cache that cannot be written is just not used
        pass
    finally:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def prune(directory: str, limit: int | None = None) -> None:
    """Keep the cache bounded, as after each write: beyond ``limit`` entries the least recently
    written go (an entry only makes reading its file faster; a run that needs it again rebuilds
    it), and so do temp files of runs that died mid-write. Only files that are this program's
    entries (they start with ``MAGIC``) are touched, whatever MLCAREER_CACHE_DIR points at."""
    import time

    limit = MAX_ENTRIES if limit is None else limit
    try:
        with os.scandir(directory) as found:
            files = [(entry.stat().st_mtime, entry.path, entry.name) for entry in found
                     if entry.name.endswith(".cache") and entry.is_file(follow_symlinks=False)]
    except OSError:
        return
    now = time.time()
    temps = [path for mtime, path, name in files if name.startswith(".tmp-") and now - mtime > STALE_TEMP_SECONDS]
    entries = sorted(((mtime, path) for mtime, path, name in files if not name.startswith(".tmp-")), reverse=True)
    for path in temps + [path for _, path in entries[limit:]]:
        try:
            with open(path, "rb") as handle:
                ours = handle.read(len(MAGIC)) == MAGIC
            if ours:
                os.unlink(path)
        except OSError:
            pass


def _derived_entry(name: str, source: str, key: str) -> str:
    # The name only spreads entries out (one per source file and key); the identity inside is what is checked.
    spread = f"{os.path.abspath(source)}\n{key}".encode("utf-8", "surrogateescape")
    return os.path.join(cache_dir(), f"{name}-{zlib.crc32(spread):08x}.cache")


def _derived_identity(source: str, key: str) -> str | None:
    try:
        st = os.stat(source)
    except OSError:
        return None
    return f"{_identity(source, st)}|{key}"


def load_derived(name: str, source: str, key: str):
    """A value computed from ``source`` (and ``key``) and stored by ``store_derived``, or None
    when there is none for this exact version of the file."""
    identity = _derived_identity(source, key) if enabled() else None
    if identity is None:
        return None
    try:
        with open(_derived_entry(name, source, key), "rb") as handle:
            magic, length, crc = handle.readline(100).split()
            blob = handle.read(int(length))
        if magic != MAGIC or len(blob) != int(length) or zlib.crc32(blob) != int(crc):
            return None
        stored = marshal.loads(blob)
        return stored["value"] if stored.get("identity") == identity else None
    except Exception:  # noqa: BLE001 - any unreadable entry is a miss
        return None


def store_derived(name: str, source: str, key: str, value) -> None:
    """Store a value computed from ``source`` atomically; failures are ignored."""
    identity = _derived_identity(source, key) if enabled() else None
    if identity is None:
        return
    try:
        blob = marshal.dumps({"identity": identity, "value": value})
    except Exception:  # noqa: BLE001 - a value marshal cannot write is just not cached
        return
    _write(_derived_entry(name, source, key), blob, [])
