"""Title search over several files: what is counted, what is shown, in which order."""

from __future__ import annotations

import json

HEAD = """\
sources:
  - id: notes
    title: Notes
roles:
"""


def role(slug: str, titles: list[str], aliases: dict[str, list[str]] | None = None) -> str:
    names = "\n".join(
        f"        - name: {t}" + (f"\n          aliases: [{', '.join(aliases[t])}]" if aliases and t in aliases else "")
        for t in titles)
    return f"  - slug: {slug}\n    title: {slug.title()}\n    source: notes\n    titles:\n      names:\n{names}\n"


def search(cli, *args: str) -> dict:
    result = cli(*args, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_every_match_is_counted_and_the_best_are_shown_in_file_order(cli, tmp_path):
    many = tmp_path / "many.yaml"
    slugs = [f"wrangler-{n:02d}" for n in range(60)]
    many.write_text(HEAD + "".join(role(slug, ["Data wrangler"]) for slug in slugs), encoding="utf-8")
    data = search(cli, "--data", str(many), "titles", "--search", "data wrangler")
    assert data["total"] == 60 and data["count"] == 20
    # The same spelling scores the same: ties are shown in the file's order.
    assert [t["listed_by"] for t in data["titles"]] == slugs[:20]
    assert "40 more" in cli("--data", str(many), "titles", "--search", "data wrangler").out


def test_a_title_with_several_spellings_counts_once_at_its_best(cli, tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text(HEAD + role("wrangler", ["Data janitor", "Data wizard"], {"Data wizard": ["data mage", "mage"]}),
                    encoding="utf-8")
    data = search(cli, "--data", str(mine), "titles", "wrangler", "--search", "mage")
    assert [t["name"] for t in data["titles"]] == ["Data wizard"] and data["total"] == 1


def test_an_overridden_role_s_titles_are_neither_shown_nor_counted(cli, tmp_path):
    builtin = search(cli, "titles", "--search", "data", "-n", "1000")
    assert any(t["name"] == "Data scientist" for t in builtin["titles"])
    mine = tmp_path / "mine.yaml"
    mine.write_text(HEAD + role("machine-learning-engineer", ["Data herder"]), encoding="utf-8")
    data = search(cli, "--data", str(mine), "titles", "--search", "data", "-n", "1000")
    assert [(t["name"], t["listed_by"]) for t in data["titles"]] == [("Data herder", "machine-learning-engineer")]
    assert data["total"] == 1


def test_later_files_rank_after_earlier_ones_on_equal_scores(cli, tmp_path):
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_text(HEAD + role("alpha", ["Data herder"]), encoding="utf-8")
    second.write_text(HEAD + role("beta", ["Data herder"]), encoding="utf-8")
    data = search(cli, "--data", str(first), "--data", str(second), "titles", "--search", "data herder", "-n", "1000")
    herders = [t["listed_by"] for t in data["titles"] if t["name"] == "Data herder"]
    assert herders == ["alpha", "beta"]
    assert data["total"] == len(data["titles"])


def test_a_search_word_no_title_holds_is_no_match(cli):
    # The article lists no software, cloud or MLOps engineer: sharing "engineer" is not a match.
    for query in ("software engineer", "cloud engineer", "mlops engineer"):
        result = cli("titles", "--search", query, "--json")
        assert result.code == 1 and json.loads(result.out)["titles"] == [], query
        assert "No related title matches" in result.err
    # Every word must be there, typos allowed; filler words need not be.
    names = {q: [t["name"] for t in search(cli, "titles", "--search", q)["titles"]]
             for q in ("data sci", "big data", "the data engineer", "enginer data")}
    assert names["data sci"] == ["Data scientist"]
    assert names["big data"] == ["Big data engineer"]
    assert names["the data engineer"][0] == "Data engineer"
    assert set(names["enginer data"]) == {"Data engineer", "Big data engineer"}
