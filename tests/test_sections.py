"""One registry of sections (``sections.SECTIONS``: key, name, heading, summary); the schema, the
model, the JSON, the source headings and the rendering each hold a table of their part by key,
in the registry's order, and the headings and ``--section`` names reach the user."""

from __future__ import annotations

import json
import subprocess
import sys

from mlcareer.sections import SECTIONS


def test_every_section_has_a_renderer_and_every_renderer_a_section():
    from mlcareer.views.blocks import BUILDERS

    assert list(BUILDERS) == [s.key for s in SECTIONS]


def test_the_schema_and_the_model_hold_a_field_per_section_that_role_files_hold():
    from mlcareer.model import FROM_FIELD, Role
    from mlcareer.schema import ROLE, SECTION_SPECS

    head = ["slug", "title", "aliases", "source"]
    stored = [s.key for s in SECTIONS if s.key in SECTION_SPECS]
    assert set(SECTION_SPECS) <= {s.key for s in SECTIONS} and set(FROM_FIELD) == set(SECTION_SPECS)
    assert list(ROLE.fields) == [*head, *stored, "fit"]
    assert list(Role._fields) == [*head, "origin", *stored, "fit"]


def test_the_fact_lists_are_the_role_fields_that_hold_facts():
    from typing import get_type_hints

    from mlcareer.model import FACT_LISTS, Fact, Role

    assert list(FACT_LISTS) == [k for k, kind in get_type_hints(Role).items() if kind == tuple[Fact, ...]]


def test_every_section_has_a_json_form():
    from mlcareer.export import SECTION_JSON

    assert sorted(SECTION_JSON) == sorted(s.key for s in SECTIONS)


def test_show_json_has_a_key_per_section_in_order(cli):
    data = json.loads(cli("show", "--json").out)
    assert data["sections"] == [s.key for s in SECTIONS]
    assert [k for k in data if k in data["sections"]] == data["sections"]


def test_every_heading_and_section_name_reaches_the_user(cli):
    for section in SECTIONS:
        result = cli("show", "--section", section.name)
        assert result.code == 0 and section.heading.upper() in result.out, section.key
        data = json.loads(cli("show", "-s", section.name, "--json").out)
        assert data["sections"] == [section.key] and section.key in data


def test_sources_lists_the_source_headings_of_sections_that_cite_them(cli):
    from mlcareer.model import CITED

    data = json.loads(cli("sources", "--json").out)["sources"]["sections"]
    assert list(data) == [s.key for s in SECTIONS if s.key in CITED]
    assert data["salary"] and all(isinstance(h, str) for heads in data.values() for h in heads)


def test_a_title_profile_has_one_json_name_everywhere(cli):
    shown = json.loads(cli("show", "-s", "titles", "--json").out)["titles"]["names"]
    listed = json.loads(cli("titles", "--json").out)["titles"]
    assert {"name", "display", "aliases", "role"} <= set(shown[0]) and "profile" not in shown[0]
    assert {"name", "display", "aliases", "role", "listed_by"} <= set(listed[0]) and "profile" not in listed[0]
    assert {t["name"]: t["role"] for t in shown} == {t["name"]: t["role"] for t in listed}


def test_the_core_works_without_the_views():
    """catalog, queries, sections and the JSON of every section, with no view imported."""
    code = (
        "import sys, json\n"
        "from mlcareer import load_catalog\n"
        "from mlcareer.queries import resolve_role, search_titles\n"
        "from mlcareer.export import SECTION_JSON\n"
        "from mlcareer.sections import SECTIONS\n"
        "role = resolve_role(load_catalog(), None)\n"
        "json.dumps({s.key: SECTION_JSON[s.key](role) for s in SECTIONS})\n"
        "assert search_titles(load_catalog(), 'data')[0]\n"
        "print(sorted(m for m in sys.modules if m.startswith(('mlcareer.views', 'typer', 'rich'))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
