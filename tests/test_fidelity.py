"""The fidelity checks themselves: each catches its kind of mistake and passes a faithful text."""

from __future__ import annotations

from mlcareer.fidelity import (
    HEDGES,
    dropped_hedges,
    merged_ranges,
    role_warnings,
    speaker_problems,
    unattributed_speech,
)

ESTIMATES = [{"measure": "national average salary", "annual": 129000, "hourly": 62},
             {"measure": "average base salary", "annual": 161000, "hourly": None}]


def test_the_article_hedges_are_listed():
    for hedge in ("most", "some", "many", "may", "might", "likely", "often", "generally", "can", "could", "very"):
        assert hedge in HEDGES


def test_a_dropped_hedge_is_named_and_a_kept_one_is_not():
    quote = "Most machine learning jobs require at least a master’s degree, and some even require a Ph.D."
    assert dropped_hedges("At least a master's degree; some jobs even require a Ph.D.", quote) == ["most"]
    assert dropped_hedges("Most jobs require at least a master's degree; some a Ph.D.", quote) == []
    assert dropped_hedges("Data often isn't in an ideal format", "your data may not be in an ideal format") == ["may"]
    assert dropped_hedges("It might not be in an ideal format", "your data may not be in an ideal format") == []


def test_a_hedge_used_twice_must_be_kept_twice():
    quote = "very flexible career paths where specialist careers are very valued"
    assert dropped_hedges("very flexible: specialist careers are valued", quote) == ["very"]
    assert dropped_hedges("very flexible: specialist careers are very valued", quote) == []


SOURCE = ("According to Robert Weisgraeber, engineers must understand their models. This requires you to "
          "think logically. Weisgraeber explains:\n“Even if you have data, it may not be clean.\n"
          "[Business analysis is] reading.” Most people earn a degree. “I’d recommend tinkering,” he continues.")


def test_a_sentence_outside_quotation_marks_that_does_not_name_him_is_not_his():
    speaker = "Robert Weisgraeber, CTO of AX Semantics"
    assert speaker_problems("This requires you to think logically.", speaker, SOURCE)
    assert not speaker_problems("According to Robert Weisgraeber, engineers must understand their models.",
                                speaker, SOURCE)
    assert not speaker_problems("[Business analysis is] reading.", speaker, SOURCE)
    assert not speaker_problems("“I’d recommend tinkering,” he continues.", speaker, SOURCE)
    assert speaker_problems("not in the source at all", speaker, SOURCE)


def test_quoted_speech_needs_a_speaker():
    assert unattributed_speech("Even if you have data, it may not be clean.", SOURCE)
    assert not unattributed_speech("Most people earn a degree.", SOURCE, ["Robert Weisgraeber"])


def test_two_measures_joined_into_one_range_are_caught():
    assert merged_ranges("Range across sources: just under $129,000 to approximately $161,000", ESTIMATES)
    assert merged_ranges("$161k-$129k a year", ESTIMATES)
    assert merged_ranges("between 129,000 and 161,000 dollars", ESTIMATES)
    assert not merged_ranges("just under $129,000 a year (ZipRecruiter, national average salary); "
                             "approximately $161,000 a year (Indeed, average base salary)", ESTIMATES)
    same = [dict(e, measure="average") for e in ESTIMATES]
    assert not merged_ranges("$129,000 to $161,000", same)


def test_role_warnings_name_the_field_path():
    role = {"path": {"steps": [{"text": "A degree.", "quote": ["Most people earn a degree."], "speaker": None}]},
            "salary": {"estimates": ESTIMATES, "note": {"text": "Between $129,000 and $161,000.", "quote": ["x"]}}}
    warnings = role_warnings(role, index=2)
    assert ("roles[2].path.steps[0].text", "drops the hedge(s) its quote has: most") in warnings
    assert any(path == "roles[2].salary.note.text" and "one range" in msg for path, msg in warnings)
