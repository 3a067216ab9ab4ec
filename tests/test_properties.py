"""Property-based tests: whatever the input, the loader and the query paths either answer or
raise the project's own errors, never anything else."""

from __future__ import annotations

import os
import tempfile

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mlcareer.errors import DataError, NotFoundError, UsageError
from mlcareer.text import normalise

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
                    st.dates())
keys = st.one_of(st.sampled_from(["roles", "sources", "slug", "title", "source", "id", "salary", "estimates",
                                  "annual", "quote", "titles", "names", "name", "topics", "overview", "text",
                                  "schema", "aliases", "path", "steps", "skills", "fit", "question"]),
                 st.text(max_size=10))
documents = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=5), st.dictionaries(keys, children, max_size=6)), max_leaves=40)


def load_bytes(content: bytes):
    from mlcareer.loader import read_document

    fd, path = tempfile.mkstemp(suffix=".yaml")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        try:
            doc, _ = read_document(path)
        except DataError as exc:
            assert str(exc).startswith(path) and "\n" not in str(exc)
            return None
        assert isinstance(doc, dict) and isinstance(doc["roles"], list)
        return doc
    finally:
        os.unlink(path)


@SETTINGS
@given(st.text(max_size=400))
def test_any_text_loads_or_is_a_data_error(text):
    load_bytes(text.encode("utf-8"))


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_load_or_are_a_data_error(data):
    load_bytes(data)


@SETTINGS
@given(documents)
@example({"a\nb": None})  # a field whose name breaks the line: the error is still one line
def test_any_yaml_shaped_data_loads_or_is_a_data_error(data):
    load_bytes(yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))


@SETTINGS
@given(st.lists(st.fixed_dictionaries({
    "slug": st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True),
    "title": st.text(min_size=1, max_size=20).filter(str.strip),
    "source": st.just("s"),
    # a title listed twice in one role is a problem since 870ca12: a valid document names each once
    "titles": st.fixed_dictionaries({"names": st.lists(st.fixed_dictionaries({
        "name": st.text(min_size=1, max_size=20).filter(str.strip)}), max_size=4,
        unique_by=lambda title: " ".join(title["name"].casefold().split()))}),
}), max_size=4))
def test_valid_documents_always_load(roles):
    doc = load_bytes(yaml.safe_dump({"sources": [{"id": "s", "title": "S"}], "roles": roles},
                                    allow_unicode=True).encode("utf-8"))
    slugs = [r["slug"] for r in roles]
    assert (doc is None) == (len(set(slugs)) != len(slugs))


@SETTINGS
@given(st.text(max_size=200))
def test_title_search_always_answers(catalog, query):
    from mlcareer.queries import search_titles

    matches, total = search_titles(catalog, query)
    assert total >= len(matches)
    assert all(0 <= m.score <= 100 for m in matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


@SETTINGS
@given(st.text(max_size=200))
def test_role_resolution_answers_or_is_not_found(catalog, query):
    from mlcareer.queries import resolve_role

    try:
        role = resolve_role(catalog, query)
    except NotFoundError as exc:
        assert "\n" not in str(exc)
    except UsageError as exc:  # a name with nothing in it once cleaned: "", "  ", control characters
        assert "\n" not in str(exc) and not normalise(query)
    else:
        assert role.slug in catalog


@SETTINGS
@given(st.text(max_size=300))
def test_ask_always_classifies(catalog, question):
    from mlcareer.ask import match
    from mlcareer.topics import TOPIC_KEYS

    result = match(catalog, question)
    assert result.outcome in ("answered", "not_covered", "not_understood", "related", "empty")
    assert result.topic is None or result.topic in TOPIC_KEYS
    assert 0 <= result.confidence <= 1
    if result.outcome == "answered":
        assert result.topic is not None
