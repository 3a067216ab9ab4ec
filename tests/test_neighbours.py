"""The nearest example questions, the third reading of `ask` (``mlcareer.neighbours``)."""

from __future__ import annotations

import marshal

from mlcareer.neighbours import Index, terms

EXAMPLES = {
    "salary": ["how much do they make", "what is the average salary", "how much money do they earn a year"],
    "skills": ["what skills do i need", "which programming skills matter", "do i need to be good at math"],
    "uncovered": ["how much do they make in germany", "what is the dress code", "do they work remotely"],
}


def test_words_and_pairs_of_words_accents_and_case_aside():
    assert terms("Café PAY, a b") == ["cafe", "pay", "cafe pay"]


def test_a_question_is_nearest_the_examples_it_shares_words_with():
    shares = Index.build(EXAMPLES).shares("how much do engineers make per year")
    assert shares is not None and max(shares, key=lambda k: shares[k]) in ("salary", "uncovered")
    assert abs(sum(shares.values()) - 1.0) < 1e-6


def test_a_label_left_out_does_not_vote():
    index = Index.build(EXAMPLES)
    assert index.shares("how much do they make in germany")["uncovered"] > 0.3
    shares = index.shares("how much do they make in germany", ignore="uncovered")
    assert shares is not None and "uncovered" not in shares and shares["salary"] > 0.9


def test_no_word_any_example_uses_is_no_opinion():
    assert Index.build(EXAMPLES).shares("zzz qqq") is None


def test_the_cached_state_reads_back_to_the_same_answers():
    index = Index.build(EXAMPLES)
    again = Index(*marshal.loads(marshal.dumps(index.state())))
    for question in ("what skills do i need for math", "how much do they earn", "remote work?"):
        assert again.shares(question) == index.shares(question)
