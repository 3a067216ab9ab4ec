"""The topics ``mlcareer ask`` can answer, in one table: key, heading, the section that answers it.

A topic with a ``parent`` refines it (hourly pay refines pay): when its strong words appear,
the refinement wins, unless the parent's strong words appear too (then the scores decide). Their vocabulary (phrasings, keywords) lives in the data files, beside the
vocabulary of subjects the source does not cover (``uncovered:``, such as the job outlook).
"""

from __future__ import annotations

from typing import NamedTuple


class Topic(NamedTuple):
    key: str
    heading: str
    section: str  # the profile section that answers it
    parent: str | None = None
    # Whether it outranks its parent even when the parent's strong words appear too: "hourly
    # wage" is hourly pay; "a bachelor's ... the steps to become one" is the path, not degrees.
    over_parent: bool = False
    # Whether its strong words ask about any other topic's facts and so outrank it: "where do the
    # salary numbers come from" is about sources, not pay.
    over_all: bool = False
    # Whether its plain keywords only judge what the question names: "are certifications worth it"
    # is about certifications; when another topic's strong words appear, only its own strong words count.
    judges: bool = False
    # The part of its section an answer shows first, where the topic asks about that part and the
    # section opens with another: advice is what helps alongside the steps, not the steps.
    leads: str | None = None
    # Parts of its section an answer shows first where the question asks for them in these words:
    # "who is Weisgraeber?" is the people it quotes, before the page's details.
    asks_for: tuple[tuple[str, tuple[str, ...]], ...] = ()


TOPICS: tuple[Topic, ...] = (
    Topic("overview", "What the job is", "overview"),
    Topic("salary", "Pay", "salary"),
    Topic("hourly", "Hourly pay", "salary", parent="salary", over_parent=True),
    Topic("duties", "Duties", "duties"),
    Topic("typical_day", "A typical day", "typical_day"),
    Topic("industries", "Industries", "industries"),
    Topic("titles", "Related job titles", "titles"),
    Topic("path", "How to become one", "path"),
    Topic("education", "Degrees and education", "path", parent="path", asks_for=(
        ("alongside", ("bootcamp", "bootcamps", "certification", "certifications", "certificate", "certificates",
                       "cert", "certs")),)),
    Topic("skills", "Skills", "skills"),
    Topic("pros_cons", "Pros and cons", "pros_cons", judges=True),
    Topic("resources", "Courses and job simulations", "resources"),
    Topic("advice", "Advice: certifications, bootcamps, side projects", "path", parent="path", leads="alongside"),
    Topic("careers", "Kinds of jobs and career paths", "careers"),
    Topic("sources", "Sources", "sources", over_all=True, asks_for=(
        ("people", ("quoted", "quote", "quotes", "quoting", "expert", "experts", "weisgraeber", "robert", "cto",
                    "cofounder", "interviewed", "who said", "who says")),)),
)
TOPIC_KEYS = tuple(t.key for t in TOPICS)
BY_KEY = {t.key: t for t in TOPICS}
