"""The parsed-data cache: hits, invalidation, damage and concurrency never change an answer."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ENV_VARS, ROOT

ROLE = """\
schema: 1
sources:
  - id: notes
    title: My career notes
roles:
  - slug: data-wrangler
    title: Data Wrangler
    aliases: [wrangler]
    source: notes
    overview:
      - text: {overview}
    titles:
      names:
        - name: Data janitor
"""


def write_role(path: Path, overview: str = "Cleans data.") -> Path:
    path.write_text(ROLE.format(overview=overview), encoding="utf-8")
    return path


def entries(cache_dir: Path) -> list[Path]:
    return sorted(p for p in cache_dir.iterdir() if p.suffix == ".cache")


def test_second_run_is_served_from_the_cache(cli, tmp_path, isolated, monkeypatch):
    user = write_role(tmp_path / "mine.yaml")
    assert cli("--data", str(user), "show", "wrangler", "-s", "overview").code == 0
    assert len(entries(isolated)) == 2  # built-in and user file

    import mlcareer.loader

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed again despite a valid cache entry")

    monkeypatch.setattr(mlcareer.loader, "read_document", no_parsing)
    result = cli("--data", str(user), "show", "wrangler", "-s", "overview")
    assert result.code == 0 and "Cleans data." in result.out


def test_an_edited_file_is_read_again(cli, tmp_path):
    user = write_role(tmp_path / "mine.yaml")
    assert "Cleans data." in cli("--data", str(user), "show", "wrangler").out
    write_role(user, "Cleans and tunes data, now with more words.")
    out = cli("--data", str(user), "show", "wrangler").out
    assert "Cleans and tunes data" in out and "Cleans data." not in out


@pytest.mark.parametrize("damage", [b"", b"garbage\n", b"{\"identity\": 1}\n", b"\x00\xff" * 50])
def test_a_corrupt_entry_is_ignored_and_rebuilt(cli, tmp_path, isolated, damage):
    user = write_role(tmp_path / "mine.yaml")
    first = cli("--data", str(user), "titles", "--json").out
    for entry in entries(isolated):
        entry.write_bytes(damage)
    result = cli("--data", str(user), "titles", "--json")
    assert result.code == 0 and result.err == "" and result.out == first
    assert all(entry.stat().st_size > 100 for entry in entries(isolated))  # rewritten


def damage_part(entry: Path, part: str) -> None:
    """Flip one byte inside the title table, or inside the first role's line."""
    import marshal

    data = bytearray(entry.read_bytes())
    first = data.index(b"\n") + 1
    length = int(bytes(data[:first]).split()[1])
    header = marshal.loads(bytes(data[first:first + length]))
    body = first + length
    offset = header["parts"]["titles"][0] if part == "titles" else header["roles"][0][0]
    data[body + offset + 3] ^= 0xFF
    entry.write_bytes(bytes(data))


@pytest.mark.parametrize("part,args", [("titles", ["titles", "--search", "janitor"]),
                                       ("role", ["show", "wrangler", "--json"])])
def test_a_damaged_part_is_read_from_the_file_instead(cli, tmp_path, isolated, part, args):
    user = write_role(tmp_path / "mine.yaml")
    expected = cli("--data", str(user), *args).out
    for entry in entries(isolated):
        damage_part(entry, part)
    result = cli("--data", str(user), *args)
    assert result.code == 0 and result.out == expected and result.err == ""
    assert cli("--data", str(user), *args).out == expected  # and the entry was rewritten whole


def test_an_unwritable_cache_is_never_an_error(cli, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    monkeypatch.setenv("MLCAREER_CACHE_DIR", str(blocker / "cache"))
    result = cli("salary")
    assert result.code == 0 and result.err == "" and "$161,000" in result.out


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root can write to read-only directories")
def test_a_read_only_cache_directory_is_never_an_error(cli, tmp_path, monkeypatch):
    readonly = tmp_path / "ro"
    readonly.mkdir()
    readonly.chmod(0o500)
    monkeypatch.setenv("MLCAREER_CACHE_DIR", str(readonly))
    result = cli("salary")
    assert result.code == 0 and result.err == ""


def test_no_cache_when_disabled(cli, isolated, monkeypatch):
    monkeypatch.setenv("MLCAREER_NO_CACHE", "1")
    assert cli("salary").code == 0
    assert entries(isolated) == []


def test_concurrent_cold_runs_agree(tmp_path, isolated):
    user = write_role(tmp_path / "mine.yaml")
    env = {k: v for k, v in os.environ.items() if k not in ENV_VARS}
    env["MLCAREER_CACHE_DIR"] = str(isolated)
    argv = [sys.executable, "-m", "mlcareer", "--data", str(user), "show", "wrangler", "--json"]

    def run(_):
        proc = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60, check=False)
        return proc.returncode, proc.stdout, proc.stderr

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, range(8)))
    assert {r[0] for r in results} == {0}
    assert len({r[1] for r in results}) == 1 and all(r[2] == "" for r in results)
    assert len(entries(isolated)) == 2
    assert not [p for p in isolated.iterdir() if p.name.startswith(".tmp-")]
    assert run(0)[1] == results[0][1]  # and the entry they left is good


def test_a_users_file_is_never_modified(cli, tmp_path):
    user = write_role(tmp_path / "mine.yaml")
    before = (hashlib.sha256(user.read_bytes()).hexdigest(), user.stat().st_mtime_ns)
    for args in (["show", "wrangler"], ["titles"], ["roles"], ["salary", "wrangler"]):
        cli("--data", str(user), *args)
    assert (hashlib.sha256(user.read_bytes()).hexdigest(), user.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]


def test_a_cache_that_refuses_writes_is_never_an_error(cli, monkeypatch, isolated):
    """The read-only cache directory, exercised even where tests run as root."""
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = cli("salary")
    assert result.code == 0 and result.err == "" and "$161,000" in result.out
    assert entries(isolated) == []


def test_cached_runs_close_every_file(tmp_path, isolated):
    """No ResourceWarning under ``python -X dev``, cold or warm, whatever the command reads."""
    user = write_role(tmp_path / "mine.yaml")
    env = {k: v for k, v in os.environ.items() if k not in ENV_VARS}
    env["MLCAREER_CACHE_DIR"] = str(isolated)
    for args in (["show", "wrangler"], ["show", "wrangler"], ["titles", "--search", "janitor"], ["salary"]):
        proc = subprocess.run([sys.executable, "-X", "dev", "-W", "error::ResourceWarning", "-m", "mlcareer",
                               "--data", str(user), *args], capture_output=True, text=True, env=env, timeout=60,
                              check=False)
        assert proc.returncode == 0 and proc.stderr == "", (args, proc.stderr)


def test_search_choices_from_another_rapidfuzz_are_rebuilt(cli, tmp_path, isolated, monkeypatch):
    """Entries store spellings as rapidfuzz processed them: another version reads the file again."""
    import rapidfuzz

    import mlcareer.loader

    user = write_role(tmp_path / "mine.yaml")
    expected = cli("--data", str(user), "titles", "--search", "janitor", "--json").out
    parsed = []
    real = mlcareer.loader.read_document
    monkeypatch.setattr(mlcareer.loader, "read_document", lambda path: parsed.append(path) or real(path))
    assert cli("--data", str(user), "titles", "--search", "janitor", "--json").out == expected
    assert parsed == []  # same rapidfuzz: served from the cache
    monkeypatch.setattr(rapidfuzz, "__version__", "0.0.0-another")
    result = cli("--data", str(user), "titles", "--search", "janitor", "--json")
    assert result.code == 0 and result.out == expected and result.err == ""
    assert str(user) in parsed
    parsed.clear()
    assert cli("--data", str(user), "titles", "--search", "janitor", "--json").out == expected
    assert parsed == []  # the entry was rewritten for this version


def test_the_cache_reports_a_damaged_part_and_never_parses(tmp_path, isolated, monkeypatch):
    """Reading the file again is the catalog's decision, not the cache's."""
    import mlcareer.loader
    from mlcareer import cache
    from mlcareer.catalog import load_document
    from mlcareer.document import Stale

    user = write_role(tmp_path / "mine.yaml")
    assert load_document(str(user)).role(0)["slug"] == "data-wrangler"
    (entry,) = [e for e in entries(isolated) if e.name.startswith("mine.yaml")]
    damage_part(entry, "role")

    def no_parsing(*args, **kwargs):
        raise AssertionError("the cache parsed the file")

    monkeypatch.setattr(mlcareer.loader, "read_document", no_parsing)
    cached = cache.load(str(user), os.stat(user))
    assert cached is not None and cached.heads[0][0] == "data-wrangler" and cached.path == str(user)
    with pytest.raises(Stale):
        cached.role(0)


# --- the cache stays bounded -----------------------------------------------------------------

def test_the_cache_keeps_at_most_its_bound_of_entries(cli, tmp_path, isolated, monkeypatch):
    from mlcareer import cache

    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    example = (ROOT / "examples" / "my-roles.yaml").read_text(encoding="utf-8")
    stranger = isolated / "notes.cache"  # not an entry of ours: never removed
    stranger.write_text("my own notes", encoding="utf-8")
    for n in range(6):
        path = tmp_path / f"roles{n}.yaml"
        path.write_text(example, encoding="utf-8")
        assert cli("--data", str(path), "roles").code == 0
    entries = [p for p in isolated.iterdir() if p.name.endswith(".cache") and p != stranger]
    assert len(entries) == 3
    assert stranger.read_text(encoding="utf-8") == "my own notes"
    assert cli("--data", str(tmp_path / "roles5.yaml"), "roles").code == 0  # the newest are kept and still serve


def test_ask_reads_an_edited_role_files_new_words_despite_its_cached_lexicon(cli, tmp_path, isolated):
    import json

    user = write_role(tmp_path / "mine.yaml")
    question = ["--data", str(user), "ask", "--role", "wrangler", "--json", "do they brew beer"]
    before = json.loads(cli(*question).out)
    assert before["status"] == "not_covered" and "beer" in before["not_covered"]
    assert any(p.name.startswith("lexicon-") for p in entries(isolated))
    write_role(user, "Cleans data and brews beer.")
    after = json.loads(cli(*question).out)
    assert "beer" not in (after["not_covered"] or "")
