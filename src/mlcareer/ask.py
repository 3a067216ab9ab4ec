"""Reading a question in plain English: which role, which topic, and whether the source covers it.

Offline and deterministic. The question's words are matched against each topic's curated
keywords (stems, plurals and typos tolerated, with rapidfuzz) and phrasings (word order
tolerated), and against the words the role's own facts use in one section only; role names are
recognised and set aside first. A refinement (hourly pay) beats the topic it refines (pay);
where a figure comes from beats the topic of the figure (``over_all``); "worth it" judges what
another topic's strong words name (``judges``). The asker's background, said before the question
("I'm 35 and a teacher, ..."), counts half for topics and is never taken for unknown words; nor
are filler, slang and common words that only qualify the question (``GENERIC``).

Four outcomes, never a guess:
- ``answered``: one topic clearly leads and accounts for the question: no other topic explains
  words it leaves out, and the words the source never uses do not outnumber those it explains;
- ``not_covered``: the question is about a subject the source does not cover: one named in the
  data's ``uncovered:`` vocabulary (a place, a seniority, benefits, hours, ...; its `refiners`
  only in a question on a topic they refine, such as "starting" pay), a capitalised name the
  source never uses ("Zalando"), or mostly words the source never uses;
- ``not_understood``: no topic clearly leads; the closest ones, if any, are kept;
- ``related``: about a title the profile lists but the source does not profile.

Then the example questions may change the outcome (``reconsider``: their naive Bayes model), and
a question of more than ``BRIEF`` words is answered only if the readings together make the answer
likely enough (``gate``: the vocabulary's lead, the examples' model and the example questions
nearest it, ``neighbours.py``). ``questions_in`` finds the questions of a post that asks several;
``answers`` answers each.
"""

from __future__ import annotations

import math
import os
import re
import sys
import weakref
import zlib
from collections import Counter
from collections.abc import Callable, Collection
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from . import cache, wording
from .catalog import BUILTIN, Catalog, builtin_data_path
from .examples import UNCOVERED, Model, Opinion
from .examples import load as load_examples
from .model import Role, Title
from .neighbours import Index, share
from .neighbours import load as load_neighbours
from .queries import DEFAULT_ROLE, MAX_QUERY, resolve_role
from .topics import BY_KEY, TOPICS
from .wording import FUNCTION_WORDS, STOP_WORDS, TYPO_RATIO, stem, words

ANSWERED, NOT_COVERED, NOT_UNDERSTOOD, RELATED, EMPTY = (
    "answered", "not_covered", "not_understood", "related", "empty")
VOCABULARY, EXAMPLES = "vocabulary", "examples"  # what decided an outcome (``Match.basis``)
MIN_PHRASE = 0.72  # phrase similarity that answers a question without any keyword
MIN_LEAD = 0.15  # how far the best topic must lead the next one (and at least 10% of its score)
CONTESTED = 0.7  # when other topics account for words the best does not, how far the next must trail
SURE_PHRASE = 0.85  # phrase similarity that understands a question whatever its other words
MIN_SCORE = MIN_PHRASE  # what the best topic must score to answer: a phrasing, a keyword, two source words
SOURCE_WORD = 0.5  # a word the role's facts use in one section only
SOURCE_PAIR = 1.25  # two words in a row that they use in one section only, as a two-word keyword
# Verbs after "how much ..." that ask how far something counts, not an amount.
MATTERS = frozenset(["matter", "matters", "count", "counts", "weigh", "weighs"])
# Objects after "make" that say it is not about earning ("make my application stronger", "make sure").
MADE = frozenset(["my", "myself", "me", "sure", "it", "this", "that", "them", "yourself", "your", "their", "our", "sense",
                  "friends", "progress", "changes", "decisions", "the"])
BACKGROUND_WEIGHT = 0.5  # a topic's words in the asker's background count this much
# Words that change nothing in a phrasing: "ok so what does an MLE actually do" is "what does an MLE do".
FILLER = frozenset(["a", "an", "the", "ok", "okay", "so", "actually", "really", "just", "basically", "honestly", "pls",
                    "plz", "please", "um", "uh", "hey", "hi", "yo", "even", "exactly", "tbh", "lol", "well", "quick",
                    "quickly", "anyway", "anyways", "kinda", "sorta", "literally"])
# A move into this field ("switch", "pivot", "the route", "get from ... to"), this field, and where the
# move starts (for BACKGROUND's "origin").
_MOVE = r"(?:switch|switching|move|moving|transition|transitioning|pivot|pivoting|jump|jumping|break|breaking|route|path|way|get|getting|go|going)"
_ML = r"(?:ml|mle|mles|machine learning|ai|artificial intelligence|deep learning|mlops)"
_FROM = r"(?:[\w'-]+\s+){0,2}?[\w'-]+"
# The asker's background, said before the question: a clause that opens with one of these
# ("I'm 35 and a teacher, ...", "im a nurse would i ...", "(i teach pilates)") runs to a comma, a
# closing bracket or a question word.
BACKGROUND = re.compile(r"(?:^|[,.;:!?(]|\b(?:and|but|so|also)\b)\s*(?:(?:hi|hey|hello|ok|okay|so|well|um|honestly|ok so)\s+)*"
                        r"(?P<context>(?:i\s*'?\s*m|i am|i was|i work|i worked|i've been|ive been|i have been|i currently|currently|"
                        r"i have|ive got|i got|i studied|i study|i graduated|i teach|i do|i just|i already|my background|"
                        r"my job|my current|my degree|my (?:mom|mum|dad|parents|friend|friends|wife|husband|partner|boss|manager|family)|"
                        r"coming from|as a|as an)\b[^,.;:!?)]*?)"
                        r"(?=[,.;:!?)]|\s(?:what|whats|what's|how|why|when|where|which|who|would|could|should|can|will|is|"
                        r"are|do|does|did|any|anything)\b)"
                        # who is asking, as a label before the question ("Pharmacist: what ...", "Truck
                        # driver here with a diploma.", "Former infantry, now in logistics.")
                        r"|^\W*(?P<label>(?:[\w'-]+\s+){0,4}[\w'-]+)\s*:\s"
                        r"|^\W*(?P<here>(?:[\w'-]+\s+){1,4}here\b[^,.;:!?]*)[,.;:!?]"
                        r"|(?:^|[.;!?])\s*(?P<former>(?:former|ex)\b[^.;:!?]*)[.;:!?]"
                        # the asker in the third person ("advice to a software engineer who wants to learn ML",
                        # "tips for backend engineers that want to switch")
                        r"|\b(?:for|to|a|an)\s+(?P<who>(?:[\w'-]+\s+){0,4}?[\w'-]+)\s+(?:who|that)\s+(?:wants?|wish|wishes|"
                        r"plans?|hopes?|would like|is trying|are trying|is looking|are looking)\b"
                        # ... or, asking advice for them, with what they are doing ("tips for a doctor teaching
                        # themselves ML", "advice for a career changer from finance trying to break into ML"; not
                        # "is it a good career for a woman looking to have kids", which asks about her)
                        r"|\b(?:tips?|advice|suggestions?|recommendations?|guidance|pointers|roadmap|resources|courses?|degrees?)"
                        r"\s+(?:[\w'-]+\s+){0,3}?(?:for|to)\s+(?:a|an|someone)\s+(?P<doing>(?:[\w'-]+\s+){0,4}?[\w'-]+)\s+(?:trying|looking|hoping|"
                        r"wanting|planning|teaching themselves|teaching himself|teaching herself|(?<!machine\s)(?<!deep\s)learning)\b"
                        # where the asker comes from, said with a move into this field ("switch into ML from
                        # marketing", "pivot from SWE to MLE", "the route from academia into an ML role"; not
                        # "from ML research to data engineering")
                        rf"|\b{_MOVE}\b[^,.;:!?]*?\b(?:to|into)\s+(?:an?\s+)?{_ML}\b[^,.;:!?]*?\bfrom\s+(?P<origin>{_FROM})"
                        r"(?=\s*[,.;:!?]|\s*$|\s+(?:and|but|what|how|is|would|could|should)\b)"
                        rf"|\b{_MOVE}\b[^,.;:!?]*?\bfrom\s+(?P<origin2>{_FROM})(?=\s+(?:to|into)\s+(?:an?\s+)?{_ML}\b)"
                        # what the asker is leaving ("for someone getting out of the military")
                        rf"|\b(?:getting out of|got out of|get out of|retiring from|retired from)\s+(?:the\s+)?(?P<leaving>{_FROM})"
                        r"(?=\s*[,.;:!?]|\s*$|\s+(?:and|but|what|how|is|would|could|should|for|in|after)\b)"
                        # a layoff the asker (or the one asked for) went through ("got laid off from a SWE job, what's
                        # the pay", "I was laid off last month", "my laid-off friend"), not layoffs asked about ("are
                        # ML engineers being laid off?", "what do ML engineers earn after being laid off?")
                        r"|(?P<laid>(?:^\W*(?:just\s+|recently\s+)?got\s+|\bi\s*(?:'?ve been|have been|was|got|just got|'?m)\s+"
                        r"(?:just\s+|recently\s+)?|\b(?:my|our)\s+(?:[\w'-]+\s+)?)laid[ -]off\b[^,.;:!?]*?)"
                        r"(?=[,.;:!?]|\s(?:what|whats|what's|how|why|when|where|which|who|would|could|should|can|will|is|"
                        r"are|do|does|did)\b|$)"
                        # the job the asker keeps while learning ("tips for self-teaching ML while working full
                        # time"), not hours asked about ("what's the pay while working part time?")
                        r"|\b(?:learn|learning|teach|teaching|study|studying|self-teach|self-teaching|retrain|retraining|"
                        r"upskill|upskilling|practise|practising|practice|practicing|build|building)\b[^,.;:!?]*?"
                        r"\bwhile\s+(?P<beside>(?:i\s*'?m\s+|i am\s+|still\s+)?(?:working|holding down|keeping)\s+"
                        r"(?:a\s+|my\s+)?(?:full[ -]?time|day job|job)\b[^,.;:!?]*?)"
                        r"(?=[,.;:!?]|\s(?:what|whats|what's|how|why|when|where|which|who|would|could|should|can|will|is|"
                        r"are|do|does|did)\b|$)"
                        # whom an explanation is for ("explain ML engineering like I'm a forklift driver", "to a
                        # 50 yr old animator", "for someone who's only worked retail"; not "the job for a remote ML
                        # engineer", which is asked about): who listens, not what is asked
                        # (not of pay: "the hourly rate for a newbie contractor", "the pay for non-residents" are
                        # pay by level or place)
                        r"|\b(?:explain\w*|describe\w*|defin\w*|eli5)\b"
                        r"(?:(?!\b(?:pay|paid|salar\w*|hourly|hour|rate|wages?|earn\w*|money|income|compensation)\b)"
                        r"(?:[^,.;:!?]|,(?=\s+(?:for|to)\s+(?:someone|somebody|a|an|my)\b)))*?"  # "what it is, for someone who"
                        r"(?:\b(?:like|as if|as though)\s+(?:i\s*'?\s*m|im|i am|you'?re talking to)"
                        r"|\bto(?=\s+(?:a|an|my|someone|somebody)\b(?!\s+(?:phd|degree|master\w*|bachelor\w*|new)\b))"
                        r"|\bfor(?=\s+(?:someone|somebody)\b))"
                        # "someone who ..." runs on, but a listener placed or working so, or a job or a degree,
                        # is what is asked ("explain the hourly rate to someone in Mexico", "for someone
                        # working remotely", "the switch to a data analyst job", "the jump to a management role")
                        r"\s+(?P<listener>(?:(?!\b(?:in|at|from|remote\w*|part|nights?|freelanc\w*|wants?|living|lives?|"
                        r"working|works|jobs?|roles?|careers?|positions?|degrees?|phd|doctorate|masters?|bachelors?|"
                        r"management|manager)\b)[^,.;:!?()])*?)"
                        r"(?=[,.;:!?()]|\s(?:pls|please|plz|what|whats|what's|how|why|when|where|which|would|could|"
                        r"should|can|will|is|are|do|does|did)\b|$)"
                        # whom the asker addresses ("for those of you who work in the ML industry, how much
                        # math do you need"): the people asked, not what is asked about
                        r"|\b(?P<audience>(?:those of you|those|anyone|anybody|people|folks|everyone|you guys|you all)\s+"
                        r"(?:here\s+)?(?:who|that)\s+(?:already\s+)?(?:work|works|are working|have worked|worked)\s+"
                        r"(?:in|at|on|with|around)\b[^,.;:!?\u2013\u2014]*?)"
                        r"(?=[,.;:!?\u2013\u2014]|\s-\s|\s(?:what|whats|what's|how|why|when|where|which|who|would|could|should|"
                        r"can|will|is|are|do|does|did)\b|$)", re.IGNORECASE)
# Common verbs, adjectives, adverbs and nouns of shape that qualify what a question asks but name
# no subject of their own ("messy data", "a realistic path", "in bullet form", "jump straight in"):
# never counted as words the source does not use. (Subjects the source leaves out are nouns such
# as "pizza", "age" or "ethics"; none is here.)
GENERIC = """
jump jumps reach reaches reached count counts counted depend depends depending depended based change changes
changed move moves moved split splits beat beats fix fixes fixed own owns owned pick picks choose chooses run
runs sit sits show shows shown stand stands fit fits suit suits handle handles deal deals cover covers covered
include includes including involve involves involving require requires take takes taking took make makes made
bring brings put puts set sets start starts stop stops end ends finish finishes try tries use uses used using
prefer expect expects happen happens become becomes stay stays leave leaves come comes came find finds found look
looks looking seem seems feel feels learn learns learning remember decide plan plans hope worry worried matter
play read write call explain tell listen watch wait spend spends spent live lives living turn turns turned
break breaks land lands hold holds lead leads pass passes add adds added build builds mix mixes mixed sum sums
offer offers compare get gets develop develops developed grow grows grew
messy random pure realistic realistically straight simple simpler easy easier hard harder difficult tough big
bigger small smaller large huge tiny long longer short shorter high higher low lower good better best bad worse
worst new newer old older young early late fast faster slow quick full whole entire main core key basic
advanced deep deeper surface heavy light strong weak clear exact actual typical normal usual common rare general
specific particular certain sure possible likely necessary needed required useful helpful important relevant
different similar same other extra enough total overall rough solid decent fair okay fine cool nice great awesome
crazy insane wild weird odd strange interesting boring fun cheap expensive serious legit real
outside inside alongside between among within around across beyond behind through during before after since
until while toward towards against despite via per vs versus along along upon onto
thing things stuff way ways part parts kind kinds type types sort sorts bit lot lots form forms list lists bullet
bullets point points sense idea ideas example examples case cases fact facts detail details sequence range
amount side sides end start beginning middle line lines track tracks road roads level levels piece pieces order
aspect aspects area areas angle version overview summary breakdown nutshell gist picture scope
guidance strategy strategies priority priorities effective kick kickstart delve dive avoid avoids avoiding
"""  # split once per catalog, in Lexicon
YEAR = re.compile(r"\b(?:(?:in|for|by|of) )?(?:19|20)\d\d\b")  # "how to be an ML engineer in 2025": the year changes no phrasing
# Before a sentence's first word: nothing, or an end of sentence, a colon, a line break or a list
# marker ("1.", "2)", "-"), then quotes and brackets: a capital there names nothing ("1. Job Reality: ...").
STARTS = re.compile(r"(?:^|[.?!:;\n]|(?:^|\s)(?:\d+[.)]|[-*\u2022\u2013\u2014]))[\s\"'\u201c\u2018(\[]*$")
PLAIN = re.compile(r"[a-z0-9]+")  # a keyword word that words() leaves as it is
TITLED = 0.6  # the share of capitalised words that makes a line Title Case
PER = re.compile(r"/\s*(hr|hour|yr|year|month|week|day)\b", re.IGNORECASE)
PER_OUR = re.compile(r"\bper\s+our\b(?=\s*(?:[?.!,;]|$))", re.IGNORECASE)  # dictated: "how much do they make per our?"
NAMED = re.compile(r"[A-Za-z][A-Za-z0-9+#.\-]*[A-Za-z0-9+#]|[A-Za-z]")
ABOUT_AN_OCCUPATION = {"overview", "education", "salary", "hourly", "duties", "typical_day", "industries", "skills",
                       "pros_cons", "careers"}
AS_A_JOB = frozenset(["work", "working"])  # "work as a ..." ("a job as a ..." is often the asker's own)
ROLE_WORDS = frozenset(["ml", "machine", "learning", "mle"])  # "work as an ML practitioner" is this role by another word
NOT_ANOTHER = frozenset(["engineer", "engineers", "engineering", "degree", "degrees"])  # near a goal: no other occupation
REPLACE = frozenset(["replace", "replaces", "replacing"])  # "will AI replace social workers": the occupation replaced
OTHER_JOBS = "other_jobs"  # the subject of other occupations, when the data has it
APART, ONE = "apart", "one"  # a related title asked of before the role: in a question of its own, or in one sentence
ASKING = frozenset(["what", "whats", "how", "why", "which", "who", "where", "when", "do", "does", "is", "are", "can",
                    "should", "would", "could", "vs", "versus"])  # words that ask, in a post's opening words
GOAL = frozenset(["become", "becoming"])  # a related title after these is the goal asked about, when the role is not named
TOWARD = frozenset(["into", "to", "be", "up"])  # a role after these is where a move goes ("to be", "end up an ML engineer")
SEQUENCE = frozenset(["then", "later", "after", "afterwards", "eventually", "before"])  # a title then the role: a route
ORIGIN = frozenset(["from", "ex", "former", "currently", "now"])  # words before a related title that make it the asker's own
SECTION_TOPICS = ("overview", "duties", "typical_day", "industries", "titles", "path", "skills", "salary",
                  "careers", "pros_cons", "resources")  # topics whose own section the role's words come from


class Match(NamedTuple):
    question: str
    outcome: str  # ANSWERED, NOT_COVERED, NOT_UNDERSTOOD, RELATED or EMPTY
    role: Role | None
    topic: str | None  # answered: the topic; not covered: the one asked about, if clear; else the closest
    confidence: float
    alternatives: tuple[tuple[str, float], ...] = ()  # the closest topics, best first, with scores
    related: Title | None = None
    subjects: tuple[str, ...] = ()  # not covered: keys of subjects in ``uncovered:``, the strongest first
    unmentioned: tuple[str, ...] = ()  # not covered: the question's words the source never uses
    basis: str = VOCABULARY  # what decided: the curated vocabulary, or the example questions (EXAMPLES)
    doubt: str | None = None  # not understood by the examples' doubt: "uncovered", or the other topic they read
    # The topics the example questions find it most like, with their probabilities, best first
    # (whatever the outcome): the guesses a question not understood is shown.
    likeliest: tuple[tuple[str, float], ...] = ()


def _same_word(word: str, keyword: str, fuzzy: bool = True, real: Collection[str] = ()) -> bool:
    """Whether a question word is the keyword: the same, a plural, a misspelling (one edit or one
    swap of neighbours in a stem or a word of five letters or more; typos in the first letter are
    rare, so it must agree). A word in ``real`` (one the source or the vocabulary uses) and a word
    that asks nothing are never misspellings: "bring" is not "boring", "still" is not "skill*"."""
    if keyword.endswith("*"):
        stem_ = keyword[:-1]
        if word.startswith(stem_):
            return True
        if not fuzzy or len(stem_) < 5 or len(word) < len(stem_) - 1 or word[0] != stem_[0] or _real(word, real):
            return False
        from rapidfuzz.distance import OSA

        return any(OSA.distance(word[:n], stem_) <= 1 for n in (len(stem_) - 1, len(stem_), len(stem_) + 1))
    if word == keyword or word.rstrip("s") == keyword.rstrip("s"):
        return True
    if not fuzzy or len(keyword) < 5 or len(word) < 4 or word[0] != keyword[0] or _real(word, real):
        return False
    from rapidfuzz.distance import OSA
    from rapidfuzz.fuzz import ratio

    return ratio(word, keyword) >= TYPO_RATIO or OSA.distance(word, keyword) <= 1


def _real(word: str, real: Collection[str]) -> bool:
    """A word the source or the vocabulary uses, itself or as a plural or singular ("requirement"),
    or a word that asks nothing, itself or as a plural ("what sorts of jobs" is not "sports")."""
    return (word in real or word in STOP_WORDS or word + "s" in real
            or word.endswith("s") and (word[:-1] in real or word[:-1] in STOP_WORDS))


def _find(tokens: list[str], phrase: list[str], fuzzy: bool = True, real: Collection[str] = ()) -> int:
    """Where ``phrase`` (keyword words) starts in ``tokens``, or -1."""
    n = len(phrase)
    # A word is the keyword only if they begin alike (``_same_word``: typos in the first letter
    # are not taken), so most places are passed over on their first letter: a long post compares
    # thousands of keywords with every place.
    first = phrase[0][:1] if n and not phrase[0].startswith("*") else ""
    places = _places(tuple(tokens)).get(first, ()) if first else range(len(tokens))
    for start in places:
        if start > len(tokens) - n:
            break
        if all(_same_word(tokens[start + i], phrase[i], fuzzy, real) for i in range(n)):
            return start
    return -1


class KeywordIndex(NamedTuple):
    """A vocabulary field's keywords by what their first word must meet in a question, as
    ``_same_word`` reads it: the same word bar a plural "s" (``exact``), a word its stem begins
    (``stems``), or, for a word the vocabulary does not use, a misspelling that keeps the first
    letter (``letters``); ``always`` begin with no word to meet. Each holds places in ``keywords``;
    ``phrases`` are the keywords as words, joined by spaces. Plain lists and dicts, so that the lexicon's cache
    entry carries them (building them all takes a few milliseconds of every run)."""

    keywords: list[str]
    phrases: list[str]
    exact: dict[str, list[int]]
    stems: dict[str, list[int]]
    letters: dict[str, list[int]]
    always: list[int]


def _build_index(keywords: tuple[str, ...]) -> KeywordIndex:
    index = KeywordIndex(list(keywords), [" ".join(_keyword_words(k)) for k in keywords], {}, {}, {}, [])
    for i, phrase in enumerate(p.split() for p in index.phrases):
        if not phrase or phrase[0].startswith("*"):
            index.always.append(i)
            continue
        first = phrase[0]
        if first.endswith("*"):
            index.stems.setdefault(first[:-1], []).append(i)
        else:
            index.exact.setdefault(first.rstrip("s"), []).append(i)
        index.letters.setdefault(first[:1], []).append(i)
    return index


_INDEXES: dict[tuple[str, ...], KeywordIndex] = {}  # by keywords; seeded from the lexicon's cache entry


def _index(keywords: tuple[str, ...]) -> KeywordIndex:
    """The index of one vocabulary field's keywords, built once per process (or read from the cache)."""
    found = _INDEXES.get(keywords)
    if found is None:
        found = _INDEXES[keywords] = _build_index(keywords)
    return found


class QuestionKeys(NamedTuple):
    """What a question's words can meet in a ``KeywordIndex``: each word bar a plural "s", every
    beginning of a word, and the first letters of the words the vocabulary does not use."""

    exact: frozenset[str]
    beginnings: frozenset[str]
    letters: frozenset[str]


def _question_keys(tokens: list[str], real: Collection[str]) -> QuestionKeys:
    """The question's keys, computed once for the tokens and the words taken as real (the same
    objects for every vocabulary field a question is looked up in)."""
    key = tuple(tokens)
    last = _KEYS_MEMO.get("last")
    if last is not None and last[0] == key and last[1] is real:
        return last[2]
    unique = set(tokens)
    found = QuestionKeys(frozenset(t.rstrip("s") for t in unique),
                         frozenset(t[:n] for t in unique for n in range(1, len(t) + 1)),
                         frozenset(t[:1] for t in unique if not _real(t, real)))
    _KEYS_MEMO["last"] = (key, real, found)
    return found


_KEYS_MEMO: dict[str, tuple[tuple[str, ...], Collection[str], QuestionKeys]] = {}


def _candidates(index: KeywordIndex, keys: QuestionKeys) -> list[int]:
    """The places of the keywords whose first word some word of the question may be, in order:
    the others cannot be found (``_find``), so they are not looked for."""
    found = set(index.always)
    for places, wanted in ((index.exact, keys.exact), (index.stems, keys.beginnings), (index.letters, keys.letters)):
        for key in places.keys() & wanted:
            found.update(places[key])
    return sorted(found)


@lru_cache(maxsize=64)  # one question's tokens are searched for thousands of keywords
def _places(tokens: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    """The places of the question's words, by their first letter, in order."""
    found: dict[str, list[int]] = {}
    for i, token in enumerate(tokens):
        found.setdefault(token[:1], []).append(i)
    return {letter: tuple(places) for letter, places in found.items()}


def _remove(tokens: list[str], names: list[list[str]]) -> tuple[list[str], bool]:
    """Tokens without any of ``names`` (longest first); whether any was found."""
    found = False
    for name in sorted(names, key=len, reverse=True):
        start = _find(tokens, name)
        while name and start >= 0:
            tokens = tokens[:start] + tokens[start + len(name):]
            found = True
            start = _find(tokens, name)
    return tokens, found


def bears_on(subject: dict) -> list[str]:
    """The topics a subject the source does not cover bears on: its nearest, and those it refines."""
    return [*(subject.get("nearest") or ()), *(subject.get("refines") or ())]


def says_for(subject: dict, question: str) -> str | None:
    """What the article does say on a subject it does not cover, when it bears on the question:
    always, unless ``says_when`` names the words it is about ("how long is a PhD" is not told of
    the article's certification link)."""
    says, wanted = subject.get("says"), subject.get("says_when")
    if not says or not wanted:
        return says
    tokens = words(question)
    return says if any(_find(tokens, keyword_words(k)) >= 0 for k in wanted) else None


def keyword_words(keyword: str) -> list[str]:
    """A keyword as words; a trailing * (a stem) survives the processing."""
    return list(_keyword_words(keyword))


@lru_cache(maxsize=8192)  # every question reads the same few thousand keywords
def _keyword_words(keyword: str) -> tuple[str, ...]:
    out: list[str] = []
    for part in keyword.split():
        # most keyword words are plain lower-case words already: words() would return them as they are
        processed = [part] if PLAIN.fullmatch(part) else words(part)  # "future-proof" is two words
        if processed:
            out += processed
            if part.endswith("*"):
                out[-1] += "*"
    return tuple(out)


class Hit(NamedTuple):
    key: str  # the topic or subject whose keyword this is
    start: int
    end: int
    weight: float
    subject: bool = False  # a subject the source does not cover
    source: bool = False  # the role's own words, not curated vocabulary
    strong: bool = False  # a `strong` keyword
    alone: bool = False  # an ``alone`` keyword of a subject: it names the subject only in a question about no role


def _hits(key: str, tokens: list[str], vocabulary: dict, fields: tuple[tuple[float, str], ...],
          subject: bool = False, real: Collection[str] = ()) -> list[Hit]:
    """Each keyword of ``vocabulary`` found in the question, once, with its place and weight."""
    out = []
    keys = _question_keys(tokens, real)
    for weight, field in fields:
        index = _index(tuple(vocabulary.get(field) or ()))
        for place in _candidates(index, keys):
            phrase = index.phrases[place].split()
            start = _find(tokens, phrase, True, real) if phrase else -1
            end = start + len(phrase)
            if start >= 0 and phrase[-1] == "much" and end < len(tokens) and tokens[end] not in STOP_WORDS:
                continue  # "how much schooling" asks about schooling, not pay
            if start >= 0 and phrase[-1] == "much" and MATTERS & set(tokens[end:end + 4]):
                continue  # "how much does personality matter" asks how far it counts, not a sum
            if start >= 0 and phrase in (["make"], ["makes"], ["made"]) and end < len(tokens) and tokens[end] in MADE:
                continue  # "make my application stronger", "what makes this career attractive": not pay
            if start >= 0:
                out.append(Hit(key, start, start + len(phrase), weight * (1 + 0.25 * (len(phrase) - 1)), subject,
                               strong=field == "strong", alone=field == "alone"))
    # The same words count once, by the heaviest keyword that found them ("project" and
    # "projects" both find "projects").
    best: dict[tuple[int, int], Hit] = {}
    for hit in out:
        if (hit.start, hit.end) not in best or hit.weight > best[hit.start, hit.end].weight:
            best[hit.start, hit.end] = hit
    return list(best.values())


def _longest(hits: list[Hit]) -> list[Hit]:
    """Hits not inside a longer one of another topic: "career growth" is about careers, not
    about growth. The role's own words never hide a curated keyword."""
    return [h for h in hits if not any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start
                                       and (h.source or not o.source) and o.key != h.key for o in hits)]


KEYWORD_FIELDS = ((1.0, "keywords"), (2.0, "strong"))
SUBJECT_FIELDS = (*KEYWORD_FIELDS, (1.0, "phrases"), (1.0, "alone"))
INDEXED_FIELDS = ("keywords", "strong", "phrases", "alone", "unless", "refiners")  # the fields ``_hits`` looks up


def _phrase_score(text: str, phrases: list[str], role_names: list[list[str]]) -> float:
    """Similarity to the closest phrasing, both without role names, word order ignored."""
    from rapidfuzz import fuzz, process

    text = " ".join(w for w in YEAR.sub(" ", text).split() if w not in FILLER)
    if not text or not phrases:
        return 0.0
    stripped = [" ".join(w for w in _remove(words(p), role_names)[0] if w not in FILLER) for p in phrases]
    best = process.extractOne(text, stripped, scorer=fuzz.token_sort_ratio)
    return best[1] / 100 if best else 0.0


def _per(text: str) -> str:
    """The question with its rates spelled out: "$/hr" is "per hr", a dictated "per our" at the
    end of a clause is "per hour"."""
    return PER_OUR.sub("per hour", PER.sub(r" per \1", text))


def match(catalog: Catalog, question: str, role_hint: str | None = None) -> Match:
    """Work out the role, the topic and the outcome of a question: by the curated vocabulary,
    then reconsidered in the light of the example questions."""
    asked = focus(question)
    question = FRAMING.sub(" ", asked)  # "what does it pay, per the article?" asks the pay, not about the article
    tokens = words(_per(question))  # "$/hr" is "per hr", a dictated "per our" per hour
    if not tokens:
        return Match(asked, EMPTY, None, None, 0.0)

    role, tokens, named = _role_in(catalog, _full_time_role(catalog, tokens), role_hint)
    related, tokens = _related_title(catalog, role, tokens)
    found, why, unexplained = _by_vocabulary(catalog, question, role, tokens, named, related,
                                             _before_role(question, related, role) if related is not None else "")
    model = _model(catalog)
    opinion = model.opinion(_why(tokens))
    if why in (SUBJECT, REFINER) and _weighed_uncovered(catalog, model, found, unexplained):
        why = FINAL
    said = words(question)
    if why == UNKNOWN and _goal_unknown(said, found.unmentioned):
        why = FINAL  # "how do I become a clinical informatician?" is like many questions about this path, and is not one
    asks_whence = _asks_whence(said)
    whence = asks_whence or _names_a_source(role, said)  # nor does the gate judge such an answer below
    if (asks_whence and found.outcome in (ANSWERED, NOT_UNDERSTOOD) and AS_DATA & set(said)
            and (found.topic in PAY or found.topic == "sources" and PAY_WORDS & set(said))):
        # "which job sites are the pay estimates based on?", "where did they pull the wage / salary
        # numbers from?": the pay words name the figure asked about, however many they are; and
        # the sources not sure only for the pay words ("is this pay data accurate or nah")
        found = found._replace(outcome=ANSWERED, topic="sources")
    found = reconsider(found, why, opinion, unexplained, whence=whence)
    if (found.outcome in (ANSWERED, NOT_UNDERSTOOD) and OTHER_JOBS in catalog.uncovered and (GOAL | REPLACE) & set(said)
            and _goal_unknown(said, [w for w in unexplained if len(w) > 2 and not _lexicon(catalog, role).knows(w)],
                              answered=True)):
        # "how do I become a counsellor": a goal named by a word neither the source nor the vocabulary
        # uses is another occupation, whatever the examples make of "how do I become" (this role's path)
        found = found._replace(outcome=NOT_COVERED, topic=None, basis=VOCABULARY, doubt=None, subjects=(OTHER_JOBS,),
                               alternatives=(), unmentioned=())
    gated = False
    if found.outcome == ANSWERED and len(said) > BRIEF and not (whence and found.topic == "sources"):
        index = _neighbours(catalog)
        background = _asked_last(question)  # a long post: the question proper may agree where the whole does not
        if not words(question[len(background):]):
            background = ""  # "... do with data once they have collected it.. ?": no question after the last stop
        shares = [index.shares(question, ignore=UNCOVERED)]
        proper, proper_opinion = said, opinion
        if background:
            shares.append(index.shares(question[len(background):], ignore=UNCOVERED))
            proper = words(question[len(background):])
            # read by the examples as the whole post is: without the role's name or a related title
            proper_tokens = _role_in(catalog, words(_per(question[len(background):])), role.slug)[1]
            proper_opinion = model.opinion(_why(_related_title(catalog, role, proper_tokens)[1]))
        gated = any(s is not None for s in shares)  # none: no word any example uses, and the answer stands
        if gated:
            found = gate(found, (opinion, proper_opinion), shares, (len(said), len(proper)))
    if found.outcome != ANSWERED and named and related is None and _asks_what_it_is(question, _names(role)):
        # "ok cut the hype. what IS a machine learning engineer, in one sentence": the story around
        # the plainest question the article answers does not make it another one
        found = Match(question, ANSWERED, role, "overview", round(ABOUT_ROLE / (ABOUT_ROLE + 0.5), 2))
    found = found._replace(question=asked)
    if opinion is None:
        return found
    if (not gated and found.outcome == ANSWERED and found.basis == VOCABULARY
            and sum(t not in STOP_WORDS for t in tokens) >= READ_BOTH):
        found = found._replace(confidence=_both_readings(found, opinion))
    return found._replace(likeliest=tuple((k, round(opinion.probabilities[k], 2)) for k in opinion.ranking()))


# Words that speak of a figure as data that comes from somewhere ("is the salary figure from Indeed?").
AS_DATA = frozenset(["figure", "figures", "number", "numbers", "estimate", "estimates", "data", "stat", "stats",
                     "statistic", "statistics", "based", "from", "source", "sources"])


def _names_a_source(role: Role, said: list[str]) -> bool:
    """Whether the question names a source of the role's pay estimates, speaking of figures as data
    ("is the salary figure from ZipRecruiter or Indeed?", "ziprecruiter or indeed, which one is this
    based on"); not "do ZipRecruiter or Indeed employees make more", "does Indeed say more"."""
    names = {words(e.source)[0] for e in role.salary.estimates} if role.salary else set()
    named = names & (set(said) | {w.removesuffix("s") for w in said})  # "ZipRecruiter's" is a word "ziprecruiters"
    return bool(named) and bool(AS_DATA & set(said))


# Where the question asks where a figure or a claim comes from, or how far to trust it: the
# examples read the figure or the claim it names ("what source is the $62/hr from" is not the pay).
WHENCE = frozenset(["site", "sites", "website", "websites", "provenance", "methodology", "citation"])
SOURCE = frozenset(["source", "sources"])  # ... after "which", or before these: "the source for the hourly figure"
WHICH = frozenset(["which", "what", "whats", "whose"])
WHENCE_NEXT = frozenset(["for", "of", "is", "are", "was", "behind", "back", "backs", "did", "used", "please", "pls"])
TRUSTED = frozenset(["accurate", "accuracy", "reliable", "reliability", "trustworthy"])  # ... said of these:
DATA = frozenset(["figure", "figures", "number", "numbers", "estimate", "estimates", "data", "stats", "statistics",
                  "info", "information", "salary", "pay", "wage", "wages"])  # "is the pay data accurate?"
SAID_OF = 3  # words from a figure to its trust word at most: "the figure is more accurate", "how reliable is the data"
AS_FIGURES = DATA - {"salary", "pay", "wage", "wages"}  # after the trust word ("how reliable is the pay" asks of the pay)
PAY_WORDS = frozenset(["salary", "salaries", "pay", "wage", "wages", "hourly", "rate", "earn", "earnings", "income"])
RATE = frozenset(["rate", "rates", "hourly", "wage", "hour", "hr"])  # ... or these: "where does the hourly rate come from?"
FETCHED = frozenset(["come", "comes", "came", "get", "got", "pull", "pulled", "find", "found", "obtain", "obtained"])
SAID = frozenset(["said", "says", "claims", "claimed", "gave", "estimated", "estimates", "advised", "recommended",
                  "told", "quoted", "calculated", "computed", "produced", "published"])  # after "who": "who gave the $161,000 estimate?"
IS_IT = frozenset(["is", "was", "are", "were", "isnt", "wasnt"])  # a yes-or-no question: "is the salary from ...?"
COMPARED = frozenset(["higher", "lower", "more", "less", "bigger", "smaller", "better", "worse", "than", "same",
                      "different", "differ", "similar", "match", "vs", "versus", "compare", "compared"])
WHOSE = frozenset(["opinion", "advice", "estimate", "estimates", "numbers", "figures", "figure", "data", "words",
                   "claim", "quote"])  # after "whose": "whose estimate is it?"


def _asks_whence(said: list[str]) -> bool:
    """Whether the question asks where a figure or a claim comes from ("whats the source for the
    $62 an hour number", "is the pay data accurate?", "who said it is future proof?"); not "does
    the source list hourly pay", "data sources", "is that an accurate picture of a normal day"."""
    for at, word in enumerate(said):
        after = said[at + 1] if at + 1 < len(said) else ""
        before = said[at - 1] if at else ""
        near_before = set(said[max(at - SAID_OF, 0):at])
        rest = set(said[at:])
        if (word in WHENCE  # "which site", "what's the methodology"
                # "which source", "the source for the hourly figure", not "the source lists", "data sources"
                or word in SOURCE and (before in WHICH or not after or after in WHENCE_NEXT) and before != "data"
                # "is the pay data accurate?", "how reliable is the hourly figure"
                or word in TRUSTED and (bool(DATA & near_before) or after in ("is", "are")
                                        and bool(AS_FIGURES & set(said[at + 2:at + 2 + SAID_OF])))
                # "who gave the $161,000 estimate?", "who came up with the $62 an hour wage estimate?"
                or word == "who" and (after in SAID or said[at + 1:at + 4] == ["came", "up", "with"]
                                      and bool((DATA | RATE) & set(said)))
                or word == "behind" and bool(DATA & near_before)  # "what data is behind the figure?"
                or word == "whose" and after in WHOSE  # "whose estimate is it?"
                or word == "according" and said[at + 1:at + 3] in (["to", "who"], ["to", "whom"])
                # "where does the hourly rate come from?", "where'd u get 62 bucks an hour from"
                or word in ("where", "whered") and bool(FETCHED & rest) and "from" in rest and bool((DATA | RATE) & rest)
                # "ZipRecruiter or Indeed, which one gave the salary?"
                or word == "which" and said[at + 1:at + 2] == ["one"] and said[at + 2:at + 3] in ([w] for w in SAID)
                # "is the salary from glassdoor or what", "was the $161k from a survey?"; not "is the salary
                # from 2023" (a year), "is the salary from indeed higher" (a comparison)
                or word == "from" and said[0] in IS_IT and at <= SAID_OF + 2 and after[:1].isalpha()
                and any(w in DATA | RATE or w[:1].isdigit() for w in said[1:at]) and not COMPARED & rest):
            return True
    return False


def _why(tokens: list[str]) -> list[str]:
    """The words as the examples read them: "how come" asks why, as the example questions put it
    ("how come there are so many job titles?" is why there are, not how the sources came by them)."""
    out: list[str] = []
    for token in tokens:
        if token == "come" and out and out[-1] == "how":
            out[-1] = "why"
        else:
            out.append(token)
    return out


def _both_readings(found: Match, opinion: Opinion) -> float:
    """How sure an answer the vocabulary decided is: the mean of its lead and the examples'
    probability for the answer's family (``FAMILIES``) and the topics its section answers. The
    examples rarely overrule the vocabulary, but where they put the answer far down, it is more
    often wrong: scored so, a threshold on the confidence declines more wrong answers per right
    one (BENCHMARKS.md, round 20)."""
    return round((found.confidence + _probability(opinion, _answer_topics(found.topic or ""))) / 2, 2)


def _answer_topics(topic: str) -> set[str]:
    """The topics an answer stands for, as the examples' probability is read: its family
    (``FAMILIES``) and the topics its section answers."""
    return family_of(topic) | {key for key in BY_KEY if _one_section(key, topic)}


def _probability(opinion: Opinion | None, topics: set[str]) -> float:
    """The examples' probability for any of these topics (0 without an opinion)."""
    return sum((opinion.probabilities.get(k, 0.0) for k in topics), 0.0) if opinion else 0.0


def _goal_unknown(tokens: list[str], unmentioned: Collection[str], answered: bool = False) -> bool:
    """Whether a word the source never uses names what the asker would become ("become a
    clinical informatician", "start working as a cartographer"): the goal is another occupation,
    unless the role's own words name it ("work as an ML practitioner"). What AI would replace is
    another occupation too ("will AI replace social workers?"), not this role's prospects.
    ``answered``: read against an answer (the vocabulary's or the examples'), so more surely:
    only a goal said with "a" or "an" ("become a counsellor", not "become job ready"), and none
    with this role's words or a degree among the six words after it ("become a fully qualified
    ML engineer", "replace a compsci degree")."""
    for i, token in enumerate(tokens):
        if answered and token not in REPLACE and tokens[i + 1:i + 2] not in (["a"], ["an"]):
            continue
        if token in GOAL or token in REPLACE or (token == "as" and i and tokens[i - 1] in AS_A_JOB):
            rest = [t for t in tokens[i + 1:i + 5] if t not in ("a", "an")][:2]
            near = set(tokens[i + 1:i + 7]) if answered else set(rest)
            if any(t in unmentioned for t in rest) and not (ROLE_WORDS | NOT_ANOTHER) & near:
                return True
    return False


def _becoming(tokens: list[str], start: int) -> bool:
    """Whether the words at ``start`` are what the asker would become ("become a lawyer")."""
    before = [t for t in tokens[max(0, start - 2):start] if t not in ("a", "an")]
    return bool(before) and before[-1] in GOAL


def _weighed_uncovered(catalog: Catalog, model: Model, found: Match, unexplained: Collection[str]) -> bool:
    """Whether a decline for a subject marked ``examples: weighed`` (a place, an employer, a level)
    stands: the examples read the words the answer leaves unexplained ("London"), alone, as what
    the source does not cover. Read with the rest, they would answer "how much an hour in London"
    with the hourly pay, the few words of the place outweighed by the many of the pay."""
    if not unexplained or not any(catalog.uncovered[k].get("examples") == "weighed" for k in found.subjects):
        return False
    alone = model.opinion(list(unexplained))
    return alone is not None and alone.label == UNCOVERED


# Words that say where the asker read it, not what they ask: "according to the guide", "per the
# Forage piece", "does the article say"; and whom they say it to ("hey Google, ..."). Not "when
# was the article published" (those words stay).
_READ = r"(?:(?:the|this|that|their|forage's|forages)\s+)?(?:forage\s+)?(?:article|guide|piece|post|page|blog|write-?up|source)"
FRAMING = re.compile(rf"\b(?:according to|as per|per|in|from|by)\s+(?:{_READ}|forage)\b|"
                     rf"\b(?:does|did)\s+(?:{_READ}|forage)\s+(?:say|mention|state|suggest|claim|describe|put|present)s?\b|"
                     rf"\b(?:{_READ}|forage)\s+(?:says|said|claims|mentions|states)\b|"
                     # a voice assistant's wake words: "hey google, how much do they earn" names no employer
                     r"^\W*(?:(?:hey|ok|okay)\s+(?:google|siri|alexa)|alexa|siri)\b", re.IGNORECASE)


SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# Where one sentence asks a second question: "and" (or "also", "plus") before a question word and
# its subject ("what's the pay and what skills do I need", "and do I need a master's").
# (Not "do" that shares the question's subject: "what do they earn and do day to day at Apple?")
SECOND = re.compile(r"[,;]?\s+(?:and|also|plus)\s+(?=(?:what|whats|what's|how|which|where|who|why|when|is|are|can|"
                    r"should|will|would|(?:do|does)(?!\s+(?:at|in|on|for|day|daily|all|with|as|from)\b))\b\s*\w)",
                    re.IGNORECASE)
MIN_PART = 3  # words a part must have to be asked on its own


def questions_in(question: str) -> list[str]:
    """The questions a post asks, in order: each sentence ending in "?" after the background
    (the last one if none ends so), each split again where "and" starts a second question.
    One question gives a list of one."""
    question = focus(question)
    asking = _asking(question) or [question.strip()]
    parts = [p.strip(" ,;") for sentence in asking for p in SECOND.split(sentence)]
    return [p for p in parts if len(words(p)) >= MIN_PART] or [question]


def _asking(question: str) -> list[str]:
    """The sentences of a post that ask (end in "?"), in order; none when no sentence does."""
    return [s.strip() for s in SENTENCE_END.split(question) if s.strip().endswith("?")]


def told_in(question: str) -> str:
    """What a post says without asking: its sentences that do not end in "?" ("I'm in India."),
    when some other sentence does; each of its questions is read with them ("How much would I
    make?" is pay in India, which the source does not cover)."""
    sentences = [s.strip() for s in SENTENCE_END.split(focus(question)) if s.strip()]
    if not any(s.endswith("?") for s in sentences):
        return ""
    return " ".join(s for s in sentences if not s.endswith("?"))


def focus(question: str) -> str:
    """At most ``MAX_QUERY`` characters of a long post, ending with its last question (a sentence
    ending in "?"), with whole sentences of what comes before it: the question and the asker's
    background, not the story's first 500 characters."""
    if len(question) <= MAX_QUERY:
        return question
    end = question.rfind("?") + 1 or len(question)
    sentences = [s for s in SENTENCE_END.split(question[:end]) if s.strip()]
    kept: list[str] = []
    for sentence in reversed(sentences):
        if kept and sum(len(s) + 1 for s in kept) + len(sentence) > MAX_QUERY:
            break
        kept.insert(0, sentence)
    read = " ".join(kept)
    if len(read) <= MAX_QUERY:
        return read
    # one sentence longer than the limit: its end, from a whole word, marked as cut
    start = len(read) - MAX_QUERY + len("... ")
    tail = read[start:]
    if not read[start - 1].isspace():  # the end starts inside a word: not half a word
        tail = tail.split(None, 1)[-1]
    return "... " + tail.lstrip()


# Why the vocabulary declined a question, which decides how sure the examples must be to answer it.
SUBJECT, REFINER, NAME, UNKNOWN = "subject", "refiner", "name", "unknown"
# Declined for a subject named outright that the examples never overrule (``examples: ignored``):
# "how do I become a doctor" is like many questions about this role's path, and is not one.
FINAL = "final"
# Declined for asking why where the article gives no reason (the refiner "why"): the examples hold
# no reason it does not give, so they never overrule this ("why is a PhD required" is not the facts).
REASON = "reason"
# How far the examples' opinion (``examples.py``) may change what the vocabulary decided. Chosen
# by leave-one-set-out on the spent question sets, never on a held-out one (BENCHMARKS.md).
SECOND_UNSURE = 0.8  # not understood: the examples' topic answers from this probability
SECOND_UNKNOWN = 0.9  # declined for words the source never uses: the examples' topic answers from this
SECOND_REFINER = 0.995  # declined for a subject named by a refiner ("starting" pay): only the same topic
SECOND_SUBJECT = 0.995  # declined for a subject named outright: only the same topic
SECOND_OVERRULE = 0.95  # answered: another topic answers instead from this
SECOND_CONTEST = 0.7  # answered: not understood when the examples name another topic this surely
SECOND_DOUBT = 0.7  # answered: not understood after all when the examples are this sure it is uncovered


def reconsider(found: Match, why: str, opinion: Opinion | None, unexplained: Collection[str] = (),
               whence: bool = False) -> Match:
    """The vocabulary's outcome, changed where the example questions disagree strongly enough.
    A capitalised name the source never uses ("Zalando") is never answered; nor is a related
    title. An answer is doubted only for words of the question that the answering topic's
    vocabulary does not account for (``unexplained``): "how much do they get paid" is pay,
    whatever the examples make of its bare frame; nor are the sources where the question asks where
    a figure or a claim comes from (``whence``: the examples read the figure). An outcome the examples decide carries
    their probabilities, as confidence and as the closest topics' scores."""
    if opinion is None or found.outcome not in (ANSWERED, NOT_COVERED, NOT_UNDERSTOOD):
        return found
    label, probability = opinion.label, opinion.probability

    def by_examples(outcome: str, topic: str | None, *keys: str, doubt: str | None = None) -> Match:
        keys = tuple(dict.fromkeys(keys or opinion.ranking()))
        alternatives = tuple(sorted(((k, round(opinion.probabilities.get(k, 0.0), 2)) for k in keys),
                                    key=lambda kv: -kv[1]))
        return found._replace(outcome=outcome, topic=topic, confidence=round(probability, 2),
                              alternatives=alternatives, basis=EXAMPLES, doubt=doubt, subjects=(), unmentioned=())

    if found.outcome == ANSWERED:
        if _refines(label, found.topic):  # "how much do they make" is pay, not hourly pay: a refinement
            return found                  # that outranks its parent needs its own strong words
        if label == UNCOVERED and probability >= SECOND_DOUBT and unexplained:
            return by_examples(NOT_UNDERSTOOD, None, doubt=UNCOVERED)
        if found.topic == "sources" and whence:
            # "is the ML salary figure from ziprecruiter or indeed?", "what source is the $62/hr from":
            # the examples read the figure it names (``_names_a_source``, ``_asks_whence``; rounds 27
            # and 30 in BENCHMARKS.md)
            return found
        if label not in (UNCOVERED, found.topic) and probability >= SECOND_OVERRULE:
            return by_examples(ANSWERED, label)
        if {label, found.topic} == PATH_AND_DEGREES and probability >= SECOND_CONTEST:
            return by_examples(ANSWERED, label)  # one answer family: the examples choose, they do not doubt
        if label not in (UNCOVERED, found.topic) and probability >= SECOND_CONTEST:
            assert found.topic is not None
            return by_examples(NOT_UNDERSTOOD, found.topic, found.topic, label, doubt=label)
        return found
    if label == UNCOVERED:
        return found
    if found.outcome == NOT_UNDERSTOOD:
        needed = SECOND_UNSURE
    elif why == UNKNOWN:
        needed = SECOND_UNKNOWN
    elif why in (SUBJECT, REFINER) and label == found.topic:
        needed = SECOND_SUBJECT if why == SUBJECT else SECOND_REFINER
    else:
        return found
    if probability < needed:
        return found
    return by_examples(ANSWERED, label)


BRIEF = 8  # a question of at most this many words is answered on the vocabulary's word alone: it has no story to mislead it
READ_BOTH = 2  # words beyond the role's name and words that ask nothing: fewer, and the examples' opinion is of the frame
PAY = frozenset(["salary", "hourly"])  # a place, an employer or a level the asker names bears on these
PATH_AND_DEGREES = frozenset(["path", "education"])  # the route in and its degrees: the examples choose between them
FAMILIES = (set(PAY), set(PATH_AND_DEGREES))  # one answer family each, as ASK_LABELS scores

# The gate of a question of more than ``BRIEF`` words. Two readings of the example questions: how
# much of the similarity of the 25 nearest lies with the answer found (``neighbours.py``; round 5),
# and a logistic model of everything the readings say of the answer, fitted on the development
# sets (``benchmarks/gate_fit.py``, which prints these weights; BENCHMARKS.md, round 22). An answer
# the nearest examples back (``AGREE``) stands unless the model finds it unlikely
# (``GATE_AGREED``); one they do not back stands only if the model finds it likely (``GATE_ALONE``).
# Chosen on the development sets with each left out of the fit in turn: fewer wrong answers than
# the nearest examples alone, for as many right ones.
AGREE = 0.35
GATE_AGREED = 0.4
GATE_ALONE = 0.6
GATE_WEIGHTS = {
    "best_share": 1.657,  # the nearest examples' share for the answer's family, the better of the two readings
    "whole_share": 1.759,  # ... for the whole post
    "other_share": -1.093,  # the largest share of another topic, for the whole post
    "examples": 0.413,  # naive Bayes's probability for the answer (its family and its section's topics), the whole post
    "examples_asked": 1.091,  # ... for the question proper
    "lead": 1.526,  # the vocabulary's lead, when it decided (0 when the examples did)
    "log_words": -0.604,  # the natural log of the question's length in words (at most 40: longer posts are few)
    "log_asked": -0.219,  # ... of the question proper's (its last asking sentence on; at most 40 too)
}
GATE_BIAS = -0.540
LONGEST = 40  # words: the development sets hold too few longer posts to say more


def gate_readings(found: Match, opinions: tuple[Opinion | None, Opinion | None], shares: list[dict[str, float] | None],
                  lengths: tuple[int, int]) -> dict[str, float]:
    """What the readings say of an answer (``GATE_WEIGHTS``): ``shares`` are the nearest
    examples' for the whole post, then for its last asking sentence if it tells something first."""
    family = family_of(found.topic or "")
    answer = _answer_topics(found.topic or "")
    read = [s for s in shares if s is not None]
    whole = read[0] if read else {}
    return {
        "best_share": max((share(s, family) for s in read), default=0.0),
        "whole_share": share(whole, family),
        "other_share": max((v for k, v in whole.items() if k not in family), default=0.0),
        "examples": _probability(opinions[0], answer),
        "examples_asked": _probability(opinions[1], answer),
        "lead": found.confidence if found.basis == VOCABULARY else 0.0,
        "log_words": math.log(min(max(lengths[0], 1), LONGEST)),
        "log_asked": math.log(min(max(lengths[1], 1), LONGEST)),
    }


def gate_probability(readings: dict[str, float]) -> float:
    """The model's probability that the answer is right (``GATE_WEIGHTS``)."""
    return 1 / (1 + math.exp(-GATE_BIAS - sum(GATE_WEIGHTS[k] * v for k, v in readings.items())))


def passes_gate(readings: dict[str, float], probability: float) -> bool:
    """Whether an answer stands: likely enough for what the nearest examples say of it."""
    return probability >= (GATE_AGREED if readings["best_share"] >= AGREE else GATE_ALONE)


def gate(found: Match, opinions: tuple[Opinion | None, Opinion | None], shares: list[dict[str, float] | None],
         lengths: tuple[int, int]) -> Match:
    """An answer, its confidence the gate's probability that it is right; or, when it does not pass
    (``passes_gate``), not understood with the topic found as the first guess. Real people's
    questions about their own situation share a word with a topic ("I have a degree in physics,
    am I going to get admitted?"): the example questions nearest them mostly lie elsewhere, where
    naive Bayes may still be sure; weighed together with the vocabulary's lead and the question's
    length, the readings say how far to trust the answer."""
    readings = gate_readings(found, opinions, shares, lengths)
    probability = gate_probability(readings)
    if passes_gate(readings, probability):
        return found._replace(confidence=round(probability, 2))
    family = family_of(found.topic or "")
    closest = max((s for s in shares if s is not None), key=lambda s: share(s, family))  # ``match``: one at least
    ranked = sorted(closest, key=lambda k: (-closest[k], k))
    topic = found.topic or ""
    keys = dict.fromkeys([topic, *ranked[:2]])  # the topic found, and what the examples read instead
    alternatives = tuple(sorted(((k, round(share(closest, family if k == topic else {k}), 2)) for k in keys),
                                key=lambda kv: -kv[1]))
    # decided by the examples, so scored by them (README, "JSON output"): the confidence is their
    # leading topic's share, the alternatives each topic's share, all between 0 and 1
    return found._replace(outcome=NOT_UNDERSTOOD, confidence=round(closest[ranked[0]], 2), basis=EXAMPLES,
                          alternatives=alternatives, doubt=None if ranked[0] in family else ranked[0],
                          subjects=(), unmentioned=())


def family_of(topic: str) -> set[str]:
    """The topics answered as one family with this one (``FAMILIES``), itself included."""
    return next((set(f) for f in FAMILIES if topic in f), {topic})


def _one_section(one: str, other: str) -> bool:
    """Whether two topics are answered by one section: the path, its degrees and the advice beside
    them are one answer ("any tips for becoming one?"). Not a topic that outranks its parent by its
    own words (hourly pay of pay): pay is not the hourly figure."""
    a, b = BY_KEY.get(one), BY_KEY.get(other)
    return a is not None and b is not None and a.section == b.section and not (a.over_parent or b.over_parent)


def _refines(one: str, other: str | None) -> bool:
    """Whether one topic is a refinement of the other that outranks it by its own strong words
    (hourly pay of pay): the vocabulary has looked for those words, so examples cannot weigh it."""
    topic = BY_KEY.get(one)
    return topic is not None and topic.over_parent and topic.parent == other


def _by_vocabulary(catalog: Catalog, question: str, role: Role, tokens: list[str], named: bool,
                   related: Title | None, related_first: str = "") -> tuple[Match, str, tuple[str, ...]]:
    """The outcome by the curated vocabulary; why it declined (SUBJECT, REFINER, REASON, NAME or
    UNKNOWN; empty when it did not); and the question's words that the best topic does not
    account for, beyond the asker's background. ``related_first``: the related title is named
    before the role, as what is asked about (``_before_role``)."""
    role_names = _names(role)
    lexicon = _lexicon(catalog, role)

    hits = _all_hits(catalog, lexicon, tokens)
    background = _background(question)
    if related is not None and set(words(related.name)) <= background.keys() and _own_title(question, related):
        related = None  # "I'm a data analyst now, ...": the asker's job, not the question

    def told(hit: Hit) -> bool:  # words found only in the background (its content words not asked again)
        span = tokens[hit.start:hit.end]
        span = [w for w in span if w not in STOP_WORDS] or span
        return all(tokens.count(w) <= background[w] for w in span)

    # ... unless the question asks the pay, which such a subject refines ("I work at Google. How much would I make?")
    pay_asked = {h.key for h in hits if not h.subject and h.key in PAY and not told(h)}
    hits = [h for h in hits if not (h.subject and catalog.uncovered[h.key].get("background") == "ignored" and told(h)
                                    and not pay_asked & set(catalog.uncovered[h.key].get("refines") or ()))]
    # "Is there a data science job simulation?" asks for the courses, which include one (``yields``).
    asked_strongly = {h.key for h in hits if not h.subject and h.strong and not told(h)}
    hits = [h for h in hits if not (h.subject and asked_strongly & set(catalog.uncovered[h.key].get("yields") or ()))]
    # "Can a teacher become an ML engineer?" asks about the role, not about teaching; nor is "SWE" there a name it asks about.
    # But "I'm an ML engineer. How do I become a lawyer?" asks about the other occupation: what the asker would become.
    beside_role = [h for h in hits if h.subject and named and catalog.uncovered[h.key].get("with_role") == "ignored"
                   and not _becoming(tokens, h.start)]
    starting = {w for h in beside_role for w in tokens[h.start:h.end]}
    hits = [h for h in hits if h not in beside_role]
    # "Do grades matter in data science?" asks about that field; "is a data science degree enough
    # for ML?" and "... to become an ML engineer?" ask about this role (``alone``, ``unless``).
    hits = [h for h in hits if not (h.alone and (named or _names_any(tokens, catalog.uncovered[h.key].get("unless"),
                                                                    lexicon.words)))]
    # What the asker has or is ("I have a bachelor's in biology, what steps ...") is not what they ask.
    hits = [h._replace(weight=h.weight * BACKGROUND_WEIGHT, strong=False) if not h.subject and told(h) else h
            for h in hits]
    # Nor the pay period they set aside: "pay per hour rather than per year" is hourly pay. (Other
    # topics set aside are still asked about: "a bootcamp instead of a degree?" asks about degrees.)
    aside = _set_aside(tokens)
    hits = [h for h in hits if h.subject or h.key not in PAY or h.start not in aside]
    content = [t for t in tokens if t not in STOP_WORDS and not any(c.isdigit() for c in t)]
    unknown_words = [t for t in dict.fromkeys(content)
                     if not lexicon.knows(t) and t not in background and stem(t) not in lexicon.generic]
    proper = [t for t in tokens if t not in background] or tokens  # phrasings compare with the question proper
    topics = _score_topics(catalog, tokens, hits, role_names, proper)
    scores, keywords, phrases, explains = topics.scores, topics.keywords, topics.phrases, topics.explains

    # Only the role's name and words that ask nothing ("what even is an MLE?"): about the role itself.
    about_role = named and related is None and (all(t in FUNCTION_WORDS for t in tokens) or (
        max(scores.values()) < MIN_SCORE and bool({"what", "whats", "who"} & set(tokens))
        and all(t in STOP_WORDS or t in unknown_words or t in background for t in tokens)))
    if about_role:
        scores["overview"] = max(scores["overview"], ABOUT_ROLE)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, top = ranked[0]
    # Topics one section answers are one answer ("any tips for becoming one?": the advice and the
    # path): the lead that counts is over the best topic of another section.
    one = {key for key in scores if _one_section(key, best)} | {best}
    rival = max((score for key, score in scores.items() if key not in one), default=0.0)
    alternatives = tuple((key, round(score, 2)) for key, score in ranked[:3] if score > 0)
    confidence = round(top / (top + rival + 0.5), 2) if top else 0.0
    closest = best if top else None

    unexplained = tuple(w for w in dict.fromkeys(content)
                        if w not in explains[best] and not background[w] and stem(w) not in lexicon.generic)

    def result(outcome: str, topic: str | None = closest, why: str = "", **extra) -> tuple[Match, str, tuple[str, ...]]:
        return Match(question, outcome, role, topic, confidence, alternatives, related, **extra), why, unexplained

    # A subject the asker names only about themselves ("I live in Germany. What skills ...?") is not
    # asked about, unless it bears on what is asked ("I live in Germany. What would I earn?").
    def bears(key: str) -> bool:  # on the topic or its family ("I live in Mexico. What's the hourly rate?")
        return not top or bool(family_of(best) & set(bears_on(catalog.uncovered[key])))

    # (A field named ``alone`` is what the post is about wherever it stands: it names no role to ask about.)
    hits = [h for h in hits if not (h.subject and not h.alone and told(h) and not bears(h.key))]

    # "how do I become a data scientist", "tips for becoming one", "the typical route into a data analyst job"
    becoming = _one_section(best, "path") and (bool(GOAL & set(tokens)) or (related is not None and _toward(question, related)))
    # (A title named before the role is asked about, unless in one sentence as another name for it:
    # "is AI engineer just a fancy name for ML engineer?" asks for the related titles.)
    asked_of = not named or related_first == APART or (related_first == ONE and best != "titles")
    if related is not None and asked_of and (top == 0 or best in ABOUT_AN_OCCUPATION or becoming
                                             or best == "titles" and not topics.strong[best]
                                             # "What exactly is an AI engineer? Seeing that title a lot."
                                             or _asks_what_it_is(question, _title_names(related))):
        return result(RELATED)
    # Not covered: the topic the question asks about, if curated words or a phrasing say which.
    asked = best if top >= MIN_SCORE and (keywords[best] > 0 or phrases[best] >= MIN_PHRASE) else None
    leading = {key for key, score in scores.items()
               if score >= top and (keywords[key] > 0 or phrases[key] >= MIN_PHRASE)}
    subjects, outright = _subjects(catalog, tokens, leading, hits, lexicon.words, told)
    if subjects:
        # "why (how come) most jobs require a master's": a reason the article does not give, not the
        # facts; a subject that "why" refines was named by one of its refiners, "why" or "how come"
        if not outright and any("why" in (catalog.uncovered[k].get("refiners") or ()) for k in subjects):
            return result(NOT_COVERED, asked, REASON, subjects=subjects)
        # Never overruled by the examples: a subject so marked, named outright or (alone) by a refiner
        # ("what do the related titles pay": the examples' titles are the list, not its pay).
        ignored = [catalog.uncovered[k].get("examples") == "ignored" for k in subjects]
        final = any(ignored) if outright else all(ignored)
        return result(NOT_COVERED, asked, FINAL if final else SUBJECT if outright else REFINER, subjects=subjects)
    # A name only in what the post tells, not in what it asks ("Just ETS'd after 8 yrs. What IS that
    # job?"; "What titles should I search for? USAJobs has almost nothing"), is not asked about.
    asking = " ".join(_asking(question)) or question
    unmentioned = tuple(w for w in lexicon.names_unknown(question, role_names)  # "I'm a barista in Lisbon. ...": not asked
                        if not all(background[p] or background[p + "s"] or p in starting for p in words(w))  # "Andrew Ng's course"
                        and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", asking))
    if unmentioned:
        return result(NOT_COVERED, asked, NAME, unmentioned=unmentioned)
    # Understood unless a topic another section answers accounts for words of the question that the
    # best one does not: "any tips for becoming one?" (advice and the path) is one section either way.
    others = set().union(*(found for key, found in explains.items() if key not in one)) & set(content)
    contested = others - set().union(*(explains[key] for key in one))
    understood = (not contested or (explains[best] & set(content) and rival <= CONTESTED * top)
                  or phrases[best] >= SURE_PHRASE)
    # Words the source never uses, more of them than the words the topic accounts for: a question
    # about something else that happens to share a word ("recommend a good pizza place").
    # (A strong keyword speaks louder: it takes twice as many unknown words to outweigh it.)
    unknown = [w for w in unknown_words if w not in explains[best]]
    weight = len(explains[best]) * (2 if topics.strong[best] else 1)
    if top and understood and unknown and len(unknown) >= weight and phrases[best] < SURE_PHRASE and not about_role:
        return result(NOT_COVERED, None, UNKNOWN, unmentioned=tuple(unknown))
    if top >= MIN_SCORE and top - rival >= max(MIN_LEAD, 0.1 * top) and understood:
        return result(ANSWERED, best)
    if top == 0 and content and len(tokens) > 1 and len(content) < len(tokens) and len(unknown) == len(set(content)):
        return result(NOT_COVERED, None, UNKNOWN, unmentioned=tuple(dict.fromkeys(unknown)))
    if top == 0:
        alternatives = lexicon.mentioned_in(content)
        return Match(question, NOT_UNDERSTOOD, role, None, 0.0, alternatives, related), "", unexplained
    return result(NOT_UNDERSTOOD)


# What a question about the role itself scores for the overview: as much as a strong keyword.
ABOUT_ROLE = 2.0
# The words of a clause that asks what the role is and nothing more, besides the role's name:
# "what IS a machine learning engineer", "what actually is an MLE", "what is that job tho".
WHAT_IT_IS = frozenset(["what", "whats", "who", "is", "are", "a", "an", "the", "exactly", "actually", "really",
                        "even", "basically", "just", "so", "ok", "okay", "um", "hey", "hi", "well", "that", "this",
                        "it", "one", "job", "role", "tho", "though", "then", "precisely", "quick", "again", "anyway",
                        # "what kind of job is that?", "what does the title ML engineer mean?", "a one-line
                        # definition of an ML engineer", "in 2 sentences what is an ml engineer"
                        "kind", "sort", "type", "of", "profession", "occupation", "engineer", "does", "title", "term",
                        "mean", "means", "refer", "to", "cover", "definition", "define", "in", "two", "2",
                        "sentence", "sentences", "line", "liner", "words", "simple", "plain", "terms", "short",
                        "version", "brief", "pls", "please", "plz",
                        # "but what is that role actually", "whats the ML engineer role in a nutshell",
                        # "can you tell me what an ML engineer is"
                        "but", "and", "nutshell", "summary", "can", "could", "you", "tell", "me"])
ASKING_WHAT = frozenset(["what", "whats", "who", "definition", "define"])  # a clause of WHAT_IT_IS asks with one of these
POINTING = frozenset(["one", "that", "it", "this"])  # "what actually is one?": the role the post names elsewhere
# "Is it a coding job, a maths job or some mix?": the disciplines the overview says the role sits
# between, asked as which one it is, in a clause of these words besides the role's name.
DISCIPLINES = frozenset(["coding", "code", "coder", "programming", "programmer", "software", "math", "maths",
                         "mathematics", "mathematician", "statistics", "stats", "statistician", "data", "research",
                         "researcher"])
WHICH_OF = frozenset(["is", "are", "it", "this", "that", "a", "an", "the", "job", "role", "more", "mostly", "mainly", "of",
                      "or", "some", "mix", "both", "all", "bit", "something", "in", "between", "person", "guy", "guys",
                      "basically", "so", "just", "kind", "sort", "type", "thing", "work", "field", "like", "really",
                      "actually", "closer", "to", "them", "two", "three", "would", "you", "say", "call"])
# Before the role's name in "can someone explain machine learning engineer like I'm a dog groomer".
EXPLAINING = frozenset(["can", "could", "would", "someone", "you", "pls", "please", "explain", "me", "to", "what",
                        "the", "a", "an", "so", "ok", "okay", "just", "role", "job", "of"])
# After the role's name: to whom it is explained, and how ("to a room of high schoolers", "as if
# I were your grandma", "pls").
EXPLAINED_TO = frozenset(["to", "like", "for", "as", "pls", "please", "plz"])


def _asks_what_it_is(question: str, names: list[list[str]]) -> bool:
    """Whether a clause of a post asks what the role (or the related title) of these names is and
    nothing more ("what even is an MLE?", "what's a big data engineer?"), or asks for it explained
    ("explain ML engineering to me like I'm five"): the post's other clauses tell the asker's
    story. The caller has checked that the post names it, and for the role no related title."""
    for clause in (c for part in CLAUSE.split(question) for c in (part or "").split(":")):  # "one sentence: what is ..."
        said = words(clause)
        at, name = next(((at, name) for name in sorted(names, key=len, reverse=True)
                         if (at := _find(said, name)) >= 0), (-1, []))
        before, after = (said[:at], said[at + len(name):]) if at >= 0 else (said, [])
        rest = (before + after)[1:] if (before + after)[:1] == ["like"] else before + after  # "like what's the role"
        # (asked to be told, of the role by name: "can you tell me what that is?" may point at
        # anything the post names before it)
        if ((at >= 0 or POINTING & set(rest) and "tell" not in rest) and ASKING_WHAT & set(rest)
                and all(w in WHAT_IT_IS for w in rest)):
            return True
        while after[:1] and after[0] in ("role", "job", "is", "explained"):
            explained, after = after[0] == "explained", after[1:]
            if explained and not before:
                before = ["explain"]  # "mle role explained for a marketer pls"
        if (at >= 0 and "explain" in before and set(before) <= EXPLAINING
                and (not after or after[0] in EXPLAINED_TO)):
            return True
    return any(_which_discipline(sentence, names) for sentence in SENTENCE_END.split(question))


def _which_discipline(sentence: str, names: list[list[str]]) -> bool:
    """Whether a sentence asks which of the disciplines the role is ("Is this a software job, a
    statistics job, or something in between?"), of the role by name or as "it" or "this"."""
    said = words(sentence)
    rest, named = _remove(said, names)
    return ((named or bool(POINTING & set(rest))) and "or" in rest and bool({"is", "are"} & set(rest))
            and len(DISCIPLINES & set(rest)) >= 2 and all(w in WHICH_OF or w in DISCIPLINES for w in rest))


NOT_THIS = {("rather", "than"): 2, ("instead", "of"): 2, ("not", "by"): 1, ("not", "per"): 1, ("not", "the"): 1}
ASIDE_SPAN = 3  # words after "rather than", "instead of", "not by" that are set aside


def _set_aside(tokens: list[str]) -> set[int]:
    """The positions of the words a question sets aside ("per hour rather than per year": "per
    year")."""
    aside: set[int] = set()
    for i, pair in enumerate(pairwise(tokens)):
        skip = NOT_THIS.get(pair)
        if skip:
            aside.update(range(i + skip, i + skip + ASIDE_SPAN))
    return aside


def _names_any(tokens: list[str], keywords: list[str] | None, real: Collection[str]) -> bool:
    """Whether the question has any of the keywords."""
    return any(_find(tokens, keyword_words(k), True, real) >= 0 for k in keywords or ())


COMPARING = frozenset(["vs", "versus", "or"])  # "ml engineer vs web developer: which ..." names what is asked, not the asker


OWN_BEFORE = 3  # words before a title in which "I", "my", "am" or "as" make it the asker's own ("I've been a data analyst")
TOLD_AS = frozenset(["is", "was"])  # "a friend who is a research scientist", "my husband is a data scientist": someone's job


def _own_title(question: str, title: Title) -> bool:
    """Whether each mention of a related title is the asker's own job or someone's told of ("I'm
    a data analyst now", "I work as a data engineer", "data analyst here", "Data analyst with 2
    yrs exp. Do I need a master's?", "a friend who is a research scientist told me ..."), not one
    the post tells of and then asks about ("everyone throws around 'data scientist'. What does a
    data scientist actually do?", "my nephew's card says 'applied research scientist'. What is
    that job?") or opens with as a heading ("Big data engineer: what does that job involve?"; not
    "data analyst: are specialists valued in ML?", which asks of machine learning)."""
    said, name = words(question), words(title.name)
    starts = [i for i in range(len(said) - len(name) + 1) if said[i:i + len(name)] == name]
    heading = re.match(r"^\W*" + r"\W+".join(map(re.escape, name)) + r"\s*[:?\u2013\u2014-]", question, re.IGNORECASE)

    def own(at: int) -> bool:
        return (bool((FIRST_PERSON | {"am", "as"}) & set(said[max(at - OWN_BEFORE, 0):at]))
                or (at > 0 and said[at - 1] in ORIGIN) or said[at + len(name):at + len(name) + 1] == ["here"]
                or (at == 0 and (not heading or bool(ROLE_WORDS & set(said[len(name):]))))  # "data analyst: ... in ML?"
                or (at >= 3 and said[at - 1] in ("a", "an") and said[at - 2] in TOLD_AS  # not "what is a data scientist"
                    and said[at - 3] not in ("what", "whats", "how") and not (at == 3 and said[0] == "who")))

    return not starts or all(own(at) for at in starts)


def _background(question: str) -> Counter[str]:
    """The words of the asker's background ("I'm 35 and a teacher, what's the route in"): they
    name no subject the question is about, so they are neither unknown nor, for subjects marked
    ``background: ignored``, a subject ("I work in retail, how do I switch"). Statements before
    the sentence that asks ("I'm a journalist in Nairobi. Who do they work with?") are background too.
    What the asker says they want is not: it is what they ask about ("I want to publish a paper on
    arXiv. What advice do you have?"), so each statement is read up to it."""
    found = Counter(w for match in BACKGROUND.finditer(question)
                    for w in words(_before_wants(next(g for g in match.groupdict().values() if g)))  # the one form that matched
                    if not (match.group("label") and COMPARING & set(words(match.group("label")))))
    said = Counter(w for statement in STATEMENTS.findall(_asked_last(question)) for w in words(_before_wants(statement)))
    clauses = [c for c in CLAUSE.split(question) if c.strip()]
    if any(_asks(c) for c in clauses):  # "what is it exactly? my cousin in Pune keeps talking about it"
        said |= Counter(w for c in clauses if not _asks(c) and FIRST_PERSON & set(words(c)) for w in words(_before_wants(c)))
    return found | said


# Where a post's clauses part: the end of a sentence, a comma, a semicolon, a dash, "but".
CLAUSE = re.compile(r"(?<=[.!?])\s+|\n+|[,;]\s*|\s[-\u2013\u2014]\s|\s(?=but\s)", re.IGNORECASE)
# A clause that asks: it ends with a question mark, opens with a question word or a request, or
# asks in other words ("please shed light on whether ...", "I wonder if ...").
ASKS = re.compile(r"^\W*(?:(?:but|and|so|also|or|ok|okay)\s+)?(?:what|whats|what's|how|which|where|who|why|when|is|are|do|does|did|can|could|should|would|"
                  r"will|any|explain|tell|describe|list|give)\b|\?\W*$|\b(?:whether|please|pls|plz|wonder\w*|curious|"
                  r"want to know|like to know|know if)\b", re.IGNORECASE)
FIRST_PERSON = frozenset(["i", "im", "ive", "id", "ill", "my", "me", "we", "our", "us", "mine"])


def _asks(clause: str) -> bool:
    return bool(ASKS.search(clause.strip()))


# Where the asker says what they want: "I want to", "I'd like to", "my goal is" (not "I'm trying
# to", which as often tells what they are doing: "I'm trying to convince my nephew"; nor "I hope
# to" or "I plan to", as often their plans beside the question: "I hope to move to Canada. How do I ...?").
WANTS = re.compile(r"(?:^|[,;]|\b(?:and|but|so)\b)\s*(?:i\s*(?:really\s+|just\s+)?(?:want|wanna|would like|['\u2019]?d like)\s+to"
                   r"|my goal is)\b", re.IGNORECASE)


def _before_wants(statement: str) -> str:
    """A statement up to what the asker says they want."""
    found = WANTS.search(statement)
    return statement[:found.start()] if found else statement


# A sentence that ends in a full stop or an exclamation mark, before a later one that ends in a question mark.
STATEMENTS = re.compile(r"[^.!?]+[.!](?=\s)")


def _asked_last(question: str) -> str:
    """What comes before the last sentence that asks, when that sentence is not the first."""
    end = question.rstrip().rfind("?")
    if end < 0:
        return ""
    start = max(question.rfind(".", 0, end), question.rfind("!", 0, end))
    return question[:start + 1] + " " if start > 0 else ""


def _all_hits(catalog: Catalog, lexicon: Lexicon, tokens: list[str]) -> list[Hit]:
    """Every keyword of a topic or an uncovered subject found in the question, and the role's own
    words where no curated keyword speaks for the same words; none inside a longer one."""
    curated = [h for topic in TOPICS
               for h in _hits(topic.key, tokens, catalog.topics.get(topic.key, {}), KEYWORD_FIELDS, real=lexicon.words)]
    curated += [h for key, subject in catalog.uncovered.items()
                for h in _hits(key, tokens, subject, SUBJECT_FIELDS, subject=True,
                               real=lexicon.words)]
    source = [h for h in lexicon.source_hits(tokens) if not any(o.start <= h.start and h.end <= o.end for o in curated)]
    return _longest(curated + source)


class TopicScores(NamedTuple):
    scores: dict[str, float]
    keywords: dict[str, float]  # from curated keywords only
    strong: dict[str, bool]  # whether a strong keyword matched
    phrases: dict[str, float]  # similarity to the closest phrasing
    explains: dict[str, set[str]]  # the question's words each topic accounts for


def _score_topics(catalog: Catalog, tokens: list[str], hits: list[Hit], role_names: list[list[str]],
                  asked: list[str]) -> TopicScores:
    text = " ".join(asked)
    scores: dict[str, float] = {}
    keywords: dict[str, float] = {}
    strong: dict[str, bool] = {}
    phrases: dict[str, float] = {}
    # Which words each topic accounts for: a topic that matched only "how much" in "how much of
    # the time is spent cleaning data" has not understood it.
    explains: dict[str, set[str]] = {}
    for topic in TOPICS:
        own = [h for h in hits if h.key == topic.key and not h.subject]
        keyword = keywords[topic.key] = sum(h.weight for h in own if not h.source)
        strong[topic.key] = any(h.strong for h in own)
        explains[topic.key] = {tokens[i] for h in own for i in range(h.start, h.end)}
        phrase = phrases[topic.key] = _phrase_score(text, catalog.topics.get(topic.key, {}).get("phrases", []), role_names)
        scores[topic.key] = keyword + phrase if keyword else (phrase if phrase >= MIN_PHRASE else 0.0)
        scores[topic.key] += sum(h.weight for h in own if h.source)
    for topic in TOPICS:  # a refinement whose strong words appear outranks what it refines
        if topic.parent and strong[topic.key] and (topic.over_parent or not strong[topic.parent]):
            scores[topic.key] += scores[topic.parent]
            explains[topic.key] |= explains[topic.parent]
    for topic in TOPICS:
        others = [t.key for t in TOPICS if t.key != topic.key]
        if topic.judges and not strong[topic.key] and any(strong[key] for key in others):
            scores[topic.key] = sum(h.weight for h in hits if h.key == topic.key and h.source)
            explains[topic.key] = set()
        if topic.over_all and strong[topic.key]:
            scores[topic.key] += max(scores[key] for key in others)
            explains[topic.key] = explains[topic.key].union(*(explains[key] for key in others))
    return TopicScores(scores, keywords, strong, phrases, explains)


def _subjects(catalog: Catalog, tokens: list[str], leading: set[str], hits: list[Hit],
              real: Collection[str], told: Callable[[Hit], bool]) -> tuple[tuple[str, ...], bool]:
    """The uncovered subjects the question names, the strongest first, and whether any is named
    outright (not only by a refiner); a subject's refiners count only when a topic it refines
    leads (by curated words)."""
    scores: dict[str, float] = {}
    for hit in hits:
        if hit.subject:
            scores[hit.key] = scores.get(hit.key, 0.0) + hit.weight
    for key, subject in catalog.uncovered.items():
        if subject.get("refiners") and leading & set(subject.get("refines") or ()) and not _states(subject, tokens, real):
            found = _hits(key, tokens, {"keywords": subject["refiners"]}, KEYWORD_FIELDS, subject=True, real=real)
            found = _longest(found + [h for h in hits if not h.subject])
            # "I'm a senior dev. How do I ...?" is the path; "I'm a senior dev. What would I earn?" is senior pay
            near = leading & set(subject.get("nearest") or ())
            found = [h for h in found if h.subject and (near or not told(h))]
            scores[key] = scores.get(key, 0.0) + sum(h.weight for h in found)
    outright = any(hit.subject for hit in hits)
    return tuple(key for key, score in sorted(scores.items(), key=lambda kv: -kv[1]) if score > 0), outright


def _states(subject: dict, tokens: list[str], real: Collection[str]) -> bool:
    """Whether the question names both sides of a comparison the article itself makes (the
    subject's ``stated`` pairs: "is a side project better than a master's" is Weisgraeber's
    side project vs. master's thesis), so that the subject's refiners ("better than") do not count."""
    return any(all(_find(tokens, keyword_words(side), True, real) >= 0 for side in pair)
               for pair in subject.get("stated") or ())


class Lexicon:
    """What the role's own facts talk about: the stems of their words, and the sections they
    appear in; plus every word of the curated topic vocabulary."""

    def __init__(self, catalog: Catalog, role: Role) -> None:
        self.sections: dict[str, set[str]] = {}
        self.pairs: dict[str, set[str]] = {}
        for key in SECTION_TOPICS:
            texts = [[stem(w) for w in words(text)] for text in _strings(getattr(role, key, None))]
            self.sections[key] = {w for text in texts for w in text}
            self.pairs[key] = {f"{a} {b}" for text in texts for a, b in pairwise(text)}
        self.words: set[str] = set()  # the role's words as they stand, never taken for misspellings
        self.known = set().union(*self.sections.values())
        for field in Role._fields:  # what the source says; not what it leaves out, nor our questions
            if field not in ("not_covered", "fit", "origin", "slug"):
                self.words |= {w for text in _strings(getattr(role, field)) for w in words(text)}
        self.known |= {stem(w) for w in self.words}
        self.spellings = sorted(w for w in self.words if len(w) >= 5)
        self.generic = {stem(w) for w in GENERIC.split()}  # words that name no subject, as stems
        self.stems: list[str] = []
        for vocabulary in catalog.topics.values():
            for field in ("phrases", "keywords", "strong"):
                for keyword in vocabulary.get(field) or ():
                    for word in keyword_words(keyword):
                        if word.endswith("*"):
                            self.stems.append(word[:-1])
                        else:
                            self.known.add(stem(word))
                            self.words.add(word)
        # every vocabulary field's keyword index, so that a warm run reads them with the rest
        self.indexes: list[KeywordIndex] = [
            _index(tuple(keywords)) for vocabulary in [*catalog.topics.values(), *catalog.uncovered.values()]
            for field in INDEXED_FIELDS if (keywords := vocabulary.get(field))]

    def state(self) -> tuple:
        return (self.sections, self.pairs, self.words, self.known, self.spellings, self.generic, self.stems,
                [tuple(index) for index in self.indexes])  # as plain tuples: marshal stores no NamedTuple

    @classmethod
    def restore(cls, state: tuple) -> Lexicon:
        lexicon = cls.__new__(cls)
        (lexicon.sections, lexicon.pairs, lexicon.words, lexicon.known, lexicon.spellings, lexicon.generic,
         lexicon.stems, indexes) = state
        lexicon.indexes = [KeywordIndex(*fields) for fields in indexes]
        for index in lexicon.indexes:
            _INDEXES.setdefault(tuple(index.keywords), index)
        return lexicon

    def knows(self, word: str) -> bool:
        """Whether the source or the vocabulary uses the word, or a close misspelling of it."""
        if word in STOP_WORDS or stem(word) in self.known or any(word.startswith(s) for s in self.stems):
            return True
        if len(word) < 5:  # a short word is known only as itself or with two letters swapped ("waht", "dose")
            return any(f"{word[:i]}{word[i + 1]}{word[i]}{word[i + 2:]}" in STOP_WORDS for i in range(len(word) - 1))
        from rapidfuzz import fuzz, process

        return process.extractOne(word, self.spellings, scorer=fuzz.ratio, score_cutoff=TYPO_RATIO) is not None

    def source_hits(self, tokens: list[str]) -> list[Hit]:
        """The question's words, and pairs of words, that the role's facts use in one section
        only ("wrangling", "business analysis"): evidence for that section's topic."""
        out = []
        for n, weight in ((1, SOURCE_WORD), (2, SOURCE_PAIR)):
            for start in range(len(tokens) - n + 1):
                span = tokens[start:start + n]
                if any(w in STOP_WORDS for w in span) or (n == 1 and len(span[0]) <= 3):
                    continue
                gram = " ".join(stem(w) for w in span)
                where = [key for key, found in (self.sections if n == 1 else self.pairs).items() if gram in found]
                if len(where) == 1:
                    out.append(Hit(where[0], start, start + n, weight, source=True))
        return out

    def mentioned_in(self, content: list[str]) -> tuple[tuple[str, float], ...]:
        """The topics whose facts use any of these words, most first."""
        counts = {key: float(sum(stem(w) in found for w in content if len(w) > 2))
                  for key, found in self.sections.items()}
        ranked = sorted(((k, c) for k, c in counts.items() if c), key=lambda kv: -kv[1])
        return tuple(ranked[:3])

    def names_unknown(self, question: str, role_names: list[list[str]]) -> list[str]:
        """Names in the question the role's facts never use: a capitalised word that does not
        start the question ("PyTorch", "Spotify"), or one with digits or symbols ("H1B", "C++")."""
        names = {w for name in role_names for w in name}
        found = list(NAMED.finditer(question))
        # A Title Case Line ("What Would a Typical Day ... Consist of") capitalises every word: no name by that.
        titled = sum(m.group()[0].isupper() for m in found) >= TITLED * len(found) and len(found) >= 4
        out = []
        for match in found:
            word = match.group()
            plain = words(word)
            if not plain or any(p in names for p in plain):
                continue
            starts = bool(STARTS.search(question[:match.start()]))  # a sentence's, heading's or list item's first word
            inner = any(c.isupper() for c in word[1:]) and not word.isupper()  # "PyTorch", "LinkedIn"
            capital = inner or word[0].isupper() and not (starts or titled or word.isupper()) or len(word) > 2 and word.isupper()
            symbol = any(c.isdigit() or c in "+#" for c in word)
            if (capital or symbol) and not all(self.knows(p) for p in plain):
                out.append(word)
        return list(dict.fromkeys(out))


_LEXICONS: weakref.WeakKeyDictionary[Catalog, dict[str, Lexicon]] = weakref.WeakKeyDictionary()
_MODELS: weakref.WeakKeyDictionary[Catalog, Model] = weakref.WeakKeyDictionary()


def _model(catalog: Catalog) -> Model:
    """The example questions' model, counted once per catalog (the role names it sets aside are
    the catalog's)."""
    if catalog not in _MODELS:
        names = [words(n) for _, title, aliases in catalog.names() for n in (title, *aliases)]
        names += [words(slug.replace("-", " ")) for slug, _, _ in catalog.names()]
        _MODELS[catalog] = load_examples(names)
    return _MODELS[catalog]


_NEIGHBOURS: weakref.WeakKeyDictionary[Catalog, Index] = weakref.WeakKeyDictionary()


def _neighbours(catalog: Catalog) -> Index:
    """The example questions' index, built or read once per catalog (its examples are the package's)."""
    if catalog not in _NEIGHBOURS:
        _NEIGHBOURS[catalog] = load_neighbours()
    return _NEIGHBOURS[catalog]


def _lexicon(catalog: Catalog, role: Role) -> Lexicon:
    """The role's lexicon, built once per catalog (an interactive session asks many questions)."""
    per_role = _LEXICONS.setdefault(catalog, {})
    if role.slug not in per_role:
        per_role[role.slug] = _cached_lexicon(catalog, role)
    return per_role[role.slug]


def _cached_lexicon(catalog: Catalog, role: Role) -> Lexicon:
    """The role's lexicon from the user's cache, when the role's file, the catalog's vocabulary
    and the code that builds it are all as they were (start-up: building it takes longer than
    reading it); else built and stored."""
    try:  # the code's files as they stand (size and time), not read: a warm run reads only the entry
        code = [(st.st_size, st.st_mtime_ns) for st in (os.stat(m.__file__ or "") for m in (sys.modules[__name__], wording))]
    except OSError:
        return Lexicon(catalog, role)
    vocabulary = zlib.crc32(repr((catalog.topics, catalog.uncovered)).encode())
    key = f"lexicon-3|{role.slug}|{vocabulary}|{code}"
    source = catalog.origin(role.slug)
    source = builtin_data_path() if source == BUILTIN else source
    state = cache.load_derived("lexicon", source, key)
    if state is not None:
        try:
            return Lexicon.restore(state)
        except (TypeError, ValueError):  # a damaged entry is built again
            pass
    lexicon = Lexicon(catalog, role)
    cache.store_derived("lexicon", source, key, lexicon.state())
    return lexicon


def _strings(value) -> list[str]:
    """Every string in a record, however nested."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (tuple, list)):
        return [s for item in value for s in _strings(item)]
    return []


def _title_names(title: Title) -> list[list[str]]:
    """The words of each spelling of a related title."""
    return [name for spelling in (title.name, title.shown, *title.aliases) if (name := words(spelling))]


def _names(role: Role) -> list[list[str]]:
    return [words(n) for n in (role.title, *role.aliases, role.slug.replace("-", " "))]


def _role_in(catalog: Catalog, tokens: list[str], hint: str | None) -> tuple[Role, list[str], bool]:
    """The role the question names (else the hint or the default) and the tokens without it."""
    for slug, title, aliases in catalog.names():
        remaining, found = _remove(tokens, [words(n) for n in (title, *aliases, slug.replace("-", " "))])
        if found:
            return catalog.role(slug), remaining, True
    return resolve_role(catalog, hint or (DEFAULT_ROLE if DEFAULT_ROLE in catalog else None)), tokens, False


def _full_time_role(catalog: Catalog, tokens: list[str]) -> list[str]:
    """The tokens without "full time" said of a role ("what skills do full-time ML engineers need"
    asks about the role, not about working hours)."""
    for _, title, aliases in catalog.names():
        for name in (words(n) for n in (title, *aliases)):
            at = _find(tokens, name, False)
            if at >= 2 and tokens[at - 2:at] == ["full", "time"]:
                return tokens[:at - 2] + tokens[at:]
    return tokens


def _toward(question: str, title: Title) -> bool:
    """Whether the question names the title as where a move goes ("the route into a data analyst job")."""
    said = [w for w in words(question) if w not in ("a", "an", "the")]
    for spelling in (title.name, title.shown, *title.aliases):
        name = [w for w in words(spelling) if w not in ("a", "an", "the")]
        start = _find(said, name) if name else -1
        if start > 0 and said[start - 1] in ("into", "to"):
            return True
    return False


def _before_role(question: str, title: Title, role: Role) -> str:
    """Whether the question asks about the title and names the role only after it, as a comparison
    ("do data scientists need a PhD, or is that only for ML engineers?"; "what does a data engineer
    do? similar to an ML engineer?"). Not where the title is the asker's own or a step on the way
    ("starting as a data engineer, a good path to become an ML engineer?", "data analyst here -
    what industries ...?"), what the asker is told ("my dad says AI engineers earn 200k. what do ML
    engineers earn?"), nor one group with the role ("data scientists and ML engineers"). APART: the
    title is asked of in a question of its own, before the role's; ONE: in the same sentence; else ""."""
    spellings = [name for spelling in (title.name, title.shown, *title.aliases) if (name := words(spelling))]
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", question):
        said = words(sentence)
        places = [(at, len(name)) for name in spellings if (at := _find(said, name)) >= 0]
        if not places:
            continue
        at, size = min(places)
        role_at = [p for p in (_find(said, name) for name in _names(role) if name) if p > at]
        rest = words(question[question.find(sentence) + len(sentence):])
        later = any(_find(rest, name) >= 0 for name in _names(role) if name)  # in a later sentence
        if not role_at and not (later and sentence.rstrip().endswith("?")):
            return ""  # the title told of, or in one sentence with no role after it
        before = [w for w in said[:at] if w not in ("a", "an", "the")]
        if before and before[-1] in ORIGIN | {"as", "into", "to"}:
            return ""
        if role_at:
            between = said[at + size:min(role_at)]
            goal = [w for w in between if w not in ("a", "an", "the", "as")]
            if (set(between) <= {"and", "or"} or (goal and goal[-1] in GOAL | TOWARD)
                    or SEQUENCE & set(between) or SEQUENCE & set(said[min(role_at):])):
                return ""  # one group; or the role is the goal, the title a step on the way ("a data analyst and later an ML engineer")
        parts = [words(part) for part in re.split(r"\s[-\u2013\u2014]\s|[:,]", sentence)]
        named = next((i for i, part in enumerate(parts) if any(_find(part, name) >= 0 for name in spellings)), None)
        if named is not None and named < len(parts) - 1 and not ASKING & set(parts[named]):
            return ""  # "(hello,) data analyst at a retailer - what industries ...?": the asker as a label
        if "not" in before[-3:]:
            return ""  # "not asking about data scientists, I mean ...": not asked about
        return ONE if role_at else APART
    return ""


def _related_title(catalog: Catalog, role: Role, tokens: list[str]) -> tuple[Title | None, list[str]]:
    """A listed title without a profile that the question names, and the tokens without it; none
    when a topic's curated keyword names the title with more words, saying what is asked of it
    ("work with data scientists" is the team the overview names, not the data scientist's job)."""
    best: tuple[int, Title, list[str]] | None = None
    for title in role.titles.names:
        if title.role:
            continue
        for name in _title_names(title):
            if _find(tokens, name) >= 0 and (best is None or len(name) > best[0]):
                best = (len(name), title, name)
    if best is None:
        return None, tokens
    start, size = _find(tokens, best[2]), len(best[2])
    if start > 0 and tokens[start - 1] in ORIGIN:
        return None, tokens  # "how do I switch from data analyst": where the asker starts, not what they ask about
    for topic in TOPICS:
        for hit in _hits(topic.key, tokens, catalog.topics.get(topic.key, {}), KEYWORD_FIELDS):
            if hit.start <= start and start + size <= hit.end and hit.end - hit.start > size:
                return None, tokens
    remaining, _ = _remove(tokens, [best[2]])
    return best[1], remaining
