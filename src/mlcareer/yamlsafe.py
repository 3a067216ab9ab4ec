"""YAML to Python data straight from libyaml's event stream, safely and without recursion.

PyYAML's loaders first compose a node graph (an object and two marks per value, resolved by a
Python call per scalar), then construct data from it: for a 10 MB role file that is two seconds
and 230 MB. Building plain data from the events with a stack does the same job in a fraction of
both, and has no recursion for deeply nested input to exhaust. Scalars are resolved by PyYAML's
own ``Resolver`` (YAML 1.1) and built by its ``SafeConstructor``, through their public methods;
only the standard scalar, sequence and mapping tags are accepted, so no tag can construct
anything else.
"""

from __future__ import annotations

from typing import Any

MAX_DEPTH = 64
SAFE_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp"))
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
MERGE_TAG = "tag:yaml.org,2002:merge"


def too_deep(text: str, limit: int = MAX_DEPTH) -> YamlProblem | None:
    """Our message for flow nesting (``[[[...``) deeper than ``limit``, wherever it is found.

    libyaml's scanner may reject very deep flow nesting itself, before any event reaches the
    depth check in ``load``; the loader asks this on that error path only, so the user reads
    one wording for one problem whichever layer caught it. Brackets inside quotes are counted
    too: this runs only on text that libyaml already refused.
    """
    import re

    depth = 0
    for match in re.finditer(r"[\[\]{}]", text):
        depth += 1 if match.group() in "[{" else -1
        if depth > limit:
            return YamlProblem(_too_deep_message(limit), text.count("\n", 0, match.start()) + 1)
    return None


def _too_deep_message(limit: int) -> str:
    return f"nested too deeply (more than {limit} levels)"


class YamlProblem(Exception):
    """Input that is valid YAML but not accepted here; ``line`` is 1-based."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


_NO_KEY = object()


def load(text: str) -> Any:
    """One YAML document as dicts, lists and scalars. Raises yaml.YAMLError or YamlProblem.

    Only PyYAML's public API: its safe loader (libyaml's, when PyYAML has it) is a parser, a
    resolver and a safe constructor in one; its ``get_event`` gives the events, its ``resolve``
    the tag of each plain scalar and its ``construct_object`` the value of a tag other than
    ``str``, exactly as ``yaml.safe_load`` would resolve and build them.
    """
    import yaml
    from yaml import events as ev
    from yaml.nodes import ScalarNode

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    anchors: dict[str, Any] = {}
    stack: list[Any] = []  # open containers
    keys: list[Any] = []  # for each open mapping: the key waiting for its value
    root: Any = None
    documents = 0

    def line(event) -> int | None:
        return event.start_mark.line + 1 if event.start_mark else None

    def resolve(event) -> Any:
        tag = event.tag
        if tag in (None, "!"):
            if not event.implicit[0]:  # quoted: always a string
                return event.value
            tag = loader.resolve(ScalarNode, event.value, event.implicit)
        if tag == MERGE_TAG:
            raise YamlProblem("merge keys (<<) are not supported; repeat the fields instead", line(event))
        if tag not in SAFE_SCALAR_TAGS:
            raise YamlProblem(f"the tag {tag!r} is not allowed", line(event))
        if tag == "tag:yaml.org,2002:str":
            return event.value
        try:
            return loader.construct_object(ScalarNode(tag, event.value, event.start_mark, event.end_mark))
        except (ValueError, TypeError, OverflowError, yaml.YAMLError) as exc:  # e.g. a date 2023-02-30
            value = event.value
            raise YamlProblem(f"{value[:40]!r} is not a valid {tag.rsplit(':', 1)[-1]} ({exc})", line(event)) from None

    def add(value: Any, event) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        top = stack[-1]
        if isinstance(top, list):
            top.append(value)
        elif keys[-1] is _NO_KEY:
            if isinstance(value, (dict, list)):
                raise YamlProblem("a mapping or list cannot be a key", line(event))
            keys[-1] = value
        else:
            top[keys[-1]] = value
            keys[-1] = _NO_KEY

    try:
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is ev.ScalarEvent:
                value = resolve(event)
                if event.anchor:
                    anchors[event.anchor] = value
                add(value, event)
            elif kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
                is_map = kind is ev.MappingStartEvent
                if event.tag not in (None, "!", MAP_TAG if is_map else SEQ_TAG):
                    raise YamlProblem(f"the tag {event.tag!r} is not allowed", line(event))
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(_too_deep_message(MAX_DEPTH), line(event))
                container: Any = {} if is_map else []
                if event.anchor:
                    anchors[event.anchor] = container
                add(container, event)
                stack.append(container)
                keys.append(_NO_KEY)
            elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                stack.pop()
                keys.pop()
            elif kind is ev.AliasEvent:
                if event.anchor not in anchors:
                    raise YamlProblem(f"found undefined alias {event.anchor!r}", line(event))
                add(anchors[event.anchor], event)
            elif kind is ev.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlProblem("expected a single document, found more", line(event))
            elif kind is ev.StreamEndEvent:
                return root
    finally:
        loader.dispose()
