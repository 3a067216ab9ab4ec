"""The words of a question, shared by both readers of ``mlcareer ask`` (the curated vocabulary in
``ask`` and the example questions in ``examples``): tokens, a crude stem, the words that name no
subject, and how close a misspelling must be. Below both, so neither imports the other for them.
"""

from __future__ import annotations

from functools import lru_cache

TYPO_RATIO = 84  # rapidfuzz ratio at which a word counts as a misspelt keyword
# Words that ask nothing by themselves: a question of only these and a role's name ("what is
# an MLE?", "tell me about ML engineers") is about the role itself.
FUNCTION_WORDS = frozenset(["a", "an", "the", "is", "are", "what", "whats", "who", "which", "tell", "me", "about", "please", "explain", "describe", "mean", "means", "of", "this", "that", "it", "its", "job", "role", "career", "can", "could", "would", "you", "i", "give", "quick", "short", "exactly", "so", "basically", "actually", "really", "just", "even", "hey", "hi", "ok", "okay", "well", "um"])
# Words that name no subject. A question whose other words the source never uses is about
# something the source does not mention.
STOP_WORDS = FUNCTION_WORDS | frozenset("""
i im id ive ill my mine myself you youre your yours we our us they theyre them their he she his her
him one ones someone anyone people person be been being am was were do does did doing done dont
doesnt didnt have has had having get gets got getting go goes going gonna wanna can could cant
should shouldnt would wouldnt will wont shall may might must need needs to of in on at by for from
with without into onto over under up down out off as than then so too very really actually just
also only even still much many more most less least lot lots some any all every each few no not
and or but if when where why how whether there here these those such what whats which who whom
whose like likely usually typically generally normally ever always often sometimes kind sort type
thing things stuff way ways bit well ok okay yes yeah yep nope hey hi hello thanks thank pls lol
hmm um uh think want wants say says said see let lets give gives tell able other another else
roughly approximately basically honestly exactly probably possibly maybe perhaps currently right now
today anyway though yet already quite pretty rather somewhat especially particularly mostly mainly
truly seriously definitely certainly guys folks someone somebody anybody everyone everybody
important importance necessary needed essential useful helpful help helps matter matters relevant
common possible true right wrong real actual specific general different same usual enough
talk talking talked speak speaking mean meant heard hear wonder wondering curious interested
thinking considering planning trying hoping asking ask keep keeps told wat wut wht whta wich whic hw hwo u ur r
plz thx abt bc cuz tho im ive id dont cant wont isnt arent youd youll youve theyd theyll theyve weve itd itll
anything something nothing everything somewhere anywhere everywhere guy guys gal dude man bro
honest honestly frankly realistically really truthfully tbh ngl imo imho idk btw fyi tldr tl dr
lol lmao haha omg nah naw gonna gotta wanna kinda sorta ya yall yo super totally literally
fine cool nice great sure true fact facts care question questions answer know knowing wondered
looking look find figure understand explained simple simply plain quick quickly briefly short
gig gigs field thing things area line way whole overall exact main
""".split())  # noqa: SIM905 - a list of 200 words reads better as one string


# Common words of other languages that English does not use, as ``words`` leaves them (accents
# kept, apostrophes closed up: "c'est" is "cest"), romanised where the language is not written in
# Latin letters: Spanish, French, Portuguese, German, Polish, Tagalog, Hindi and Urdu, Indonesian,
# Arabic and Nigerian Pidgin. A question with ``OTHER_LANGUAGE_WORDS`` of them is written, at least
# in part, in another language, which ask does not read. (Words English shares are left out:
# "la", "no", "con", "was", "die", "fit", "co"; and Tagalog's "ng", which is Andrew Ng.) Of the
# 18,000 distinct questions in the sets and examples, the 77 with two are all written partly in
# another language.
OTHER_LANGUAGES = frozenset("""
que qué cuánto cuanto cuánta cómo cuál dónde donde para pero porque también tambien hay puedo necesito
quiero sueldo salario gana ganan trabajo ingeniero ingenieros dime los las una del mucho muy tengo soy
años estudiar carrera
cest quoi combien estce les des une pour avec je suis ingénieur salaire gagnent gagne ils vous sont fiables
chiffres ces mais très carrière carriere
quanto ganha ganham você voce não nao engenheiro preciso faculdade salário isso pra quero
ano ba ang mga ako paano magkano po kailangan ko talaga yung anong klaseng saan sweldo maging naman
lang kasi ito siya hindi pwede puwede gusto
kya hai hain kaise kitna kitni zaroori zaruri matlab nahi nahin mujhe karna kaun yaar acha accha aur
jak czy ile jest się sie nie zarabia inżynier inzynier potrzebuję potrzebuje dla ale jaki jakie gdzie
pracy praca
wie viel verdient ist ein eine und ich brauche nicht welche kann muss gehalt ingenieur studium
apa berapa bagaimana saya yang untuk gaji bisa kerja itu ini tidak harus
ya3ni wallah inshallah habibi
wetin dey sef wey dem abi una oga wahala
""".split())  # noqa: SIM905 - a long list reads better as one string
OTHER_LANGUAGE_WORDS = 2


def other_language(text: str) -> list[str]:
    """The words of another language in a question (``OTHER_LANGUAGES``), when it has enough of
    them to be written in one, at least in part; else none."""
    found = list(dict.fromkeys(w for w in words(text) if w in OTHER_LANGUAGES))
    return found if len(found) >= OTHER_LANGUAGE_WORDS else []


def words(text: str) -> list[str]:
    """A question's words: lower case, punctuation dropped, apostrophes closed up ("what's" is "whats")."""
    from rapidfuzz.utils import default_process  # start-up: rapidfuzz loads only when a question is read

    return default_process(text.replace("'", "").replace("\u2019", "")).split()


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A crude English stem, for comparing a question's words with the source's: "estimates",
    "estimated" and "estimate" are one word."""
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + repl
            break
    return word[:-1] if len(word) > 3 and word.endswith("e") else word  # "make" and "making" are one word
