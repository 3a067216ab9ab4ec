"""Reading one role file safely: size, encoding, YAML (safe loader only), depth, schema.

Every failure becomes a ``DataError`` naming the file (and the line and field where known).
"""

from __future__ import annotations

import os
import stat

from .errors import DataError, DataErrors
from .schema import check_document, format_path
from .yamlsafe import YamlProblem, load, too_deep

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_PROBLEMS = 100  # reported per file; a file with more says how many more


def read_text(path: str, kind: str = "a YAML file", limit: int = MAX_FILE_BYTES) -> tuple[str, os.stat_result]:
    """The file's text, after the checks that need no parsing (``kind`` names what was expected,
    ``limit`` is the largest size in bytes)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise DataError(path, "no such file") from None
    except PermissionError:
        raise DataError(path, "permission denied") from None
    except (OSError, ValueError) as exc:
        raise DataError(path, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise DataError(path, f"is a directory, not {kind}")
    if not stat.S_ISREG(st.st_mode):
        raise DataError(path, "is not a regular file")
    if st.st_size > limit:
        raise DataError(path, f"file is too large ({st.st_size / 2**20:.0f} MiB; the limit is {limit // 2**20} MiB)")
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except PermissionError:
        raise DataError(path, "permission denied") from None
    except OSError as exc:
        raise DataError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > limit:
        raise DataError(path, f"file is too large (the limit is {limit // 2**20} MiB)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataError(path, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})", line) from None
    if not text.strip():
        raise DataError(path, "the file is empty")
    return text, st


def parse(path: str, text: str):
    """YAML text to Python data, safely (see ``yamlsafe``); never runs code from the file."""
    import yaml  # start-up: reading the article (``sourcedoc``) uses read_text and needs no YAML

    try:
        return load(text)
    except YamlProblem as exc:
        raise DataError(path, str(exc), exc.line) from None
    except yaml.MarkedYAMLError as exc:
        deep = too_deep(text)
        if deep is not None:
            raise DataError(path, str(deep), deep.line) from None
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        raise DataError(path, f"invalid YAML: {message}", mark.line + 1 if mark else None) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, such as NUL
        line = text.count("\n", 0, exc.position) + 1
        raise DataError(path, f"invalid YAML: {exc.reason} (character {exc.character!r})", line) from None
    except yaml.YAMLError as exc:
        raise DataError(path, f"invalid YAML: {exc}") from None


def read_document(path: str) -> tuple[dict, os.stat_result]:
    """Read, parse and validate one role file: (normalised document, its stat)."""
    text, st = read_text(path)
    data = parse(path, text)
    doc, problems = check_document(data)
    if problems:
        # in the order of the file's lines, as a reader goes through it (the schema finds them
        # field by field); problems without a line last
        located = sorted(locate(path, text, problems), key=lambda problem: (problem.line is None, problem.line or 0))
        shown = located[:MAX_PROBLEMS]
        if len(problems) > MAX_PROBLEMS:
            shown.append(DataError(path, f"and {len(problems) - MAX_PROBLEMS:,} more problems"))
        raise DataErrors(shown)
    return doc, st


def validate_file(path: str) -> tuple[int | None, list[DataError]]:
    """(roles in the file, or None when unreadable; every problem), for ``mlcareer validate``."""
    try:
        doc, _ = read_document(path)
    except DataErrors as exc:
        return None, exc.problems
    except DataError as exc:
        return None, [exc]
    return len(doc["roles"]), []


def locate(path: str, text: str, problems: list) -> list[DataError]:
    """Turn (field path, message) problems into DataErrors with line numbers."""
    try:
        import yaml  # start-up: as in ``parse``

        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except Exception:  # noqa: BLE001 - line numbers are a courtesy; the problems stand anyway
        root = None
    return [DataError(path, message, _line_of(root, field), format_path(field)) for field, message in problems]


def _line_of(node, field: tuple) -> int | None:
    line = node.start_mark.line + 1 if node is not None else None
    for part in field:
        if node is None:
            break
        value = node.value
        if isinstance(part, int) and isinstance(value, list) and part < len(value) and not isinstance(value[part], tuple):
            node = value[part]
        elif isinstance(value, list):
            pairs = [pair for pair in value if isinstance(pair, tuple) and getattr(pair[0], "value", None) == str(part)]
            if not pairs:
                break
            key, node = pairs[0]
            line = key.start_mark.line + 1
            continue
        else:
            break
        line = node.start_mark.line + 1
    return line
