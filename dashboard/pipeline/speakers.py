"""Mention → actor: who a speaker phrase refers to, as an ordered list of small sieves.

Each sieve reads one way news English refers to a speaker and returns a `Resolved` (possibly
with no actor: "a source said" names no one, and that is final) or None to pass the phrase on:

    pronoun            "he", "she", "they"            the article memory's antecedent
    name               "Antony Blinken", "Blinken", "Ms Truss", "Sir Keir"
    role               "the Foreign Secretary", "Belarus' dictator", "the bloc's top diplomat"
    spokesperson       "a Kremlin spokesman", "Zelensky's office", "the ministry's press service"
    national_official  "a senior US official", "Kyiv officials"; "officials" alone stays unknown
    metonym            "Brussels", "Downing Street", "Kyiv said", a country for its government
    institution        "Ukraine's internal affairs ministry", "the Polish Border Guard", an ORG
    unregistered_name  a proper name the NER missed

The sieve that resolved a quote is kept with it (`Quote.speaker_sieve`); `SPEAKER_SIEVES` can be
narrowed by the `disabled_sieves` setting to measure what each is worth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .actors import Actor, Country, country_of, new_actor
from .cues import WRITTEN_NOUNS, is_cue, noun_phrase
from .memory import EPITHETS, MINISTRY_FIELDS, ORG_NOUNS, PART_NOUNS, ORG_PRONOUNS, PERSON_NOUNS, PRONOUN_GENDER, ArticleMemory, Entity, looks_proper, names_an_office, proper_run, title_key, usual_gender
from .names import HONORIFICS, PLATFORMS, OFFICE_WORDS, TITLE_WORDS, institution_parts, names_a_body, normalise, without_bracketed_acronym

_SPOKES = re.compile(
    r"\b(?:spokes(?:man|woman|person|people)|press (?:secretary|office|officer|service)|statement|communiqu[eé]|"
    r"press release|message|tweet|post|(?<!-)office(?!-)|representative|mouthpiece|readout|read-out|report|website|fact sheet|memo|"
    r"letter|leaflet|flyer|notice|e-?mail|text|sms|announcement|appeal|greeting|decree|warning|alert|declaration)s?\b",
    re.I,
)
# "the statement said", "the message reads", "the report said": the body that last issued words speaks
_BARE_SPOKES = re.compile(r"\b(?:spokes(?:man|woman|person)|statement|press (?:service|office|secretary|release)|communiqu[eé]|"
                          r"message|report|readout|read-out|website)\b", re.I)  # ("The website said": a body's, not a person's)
_OFFICIAL_HEADS = {"official", "source", "diplomat", "officer", "insider", "aide", "authority"}
_GOVERNMENT_HEADS = {"government", "administration", "regime", "cabinet", "office"}
_GOVERNING_WORDS = {"administration", "government", "presidential", "cabinet", "ministry", "kremlin"}
# Bodies a nationality qualifies, kept under "<Nationality> <Body>" when the registry lacks them.
_NATIONAL_BODIES = {
    "parliament", "border guard", "border service", "border guards", "border force", "police", "embassy", "prosecutor's office",
    "prosecutor general's office", "investigative committee", "security service", "foreign intelligence service",
    "state border committee", "emergency service", "emergencies service", "central election commission", "senate",
    "supreme court", "constitutional court", "national bank", "central bank", "general staff", "navy", "air force",
    "national guard", "border committee", "customs service", "state border guard service", "foreign office",
}
# Heads of phrases that name a news source by its kind: "TASS news agency", "the daily Kommersant".
_SOURCE_HEADS = {"agency", "outlet", "newspaper", "paper", "daily", "channel", "broadcaster", "network", "website",
                 "portal", "magazine", "television", "tv", "radio", "station", "wire", "service"}
# What someone speaks through: "Krasnoselski's office", "Żaryn's tweet", "the minister's statement".
# The nouns of a person who speaks for someone ("his spokesman", "her press secretary"), as lemmas.
_SPOKES_HEADS = ("spokesman", "spokeswoman", "spokesperson")
SPOKES_NOUNS = frozenset({*_SPOKES_HEADS, "secretary", "spokesmen"})
_OWN_CHANNELS = {"office", "press service", "service", "statement", "team", "camp", "website", "tweet", "post", "message",
                 "letter", "remark", "comment", "speech", "address", "account", "blog", "readout", "communique", "note",
                 "appeal", "greeting", "decree"}
_ACCOUNTS = {"account", "page", "channel", "feed", "profile", "handle", "website", "blog"}
_LEADING = re.compile(r"^(?:the|a|an|its|his|her|their|our)\s+", re.I)
# Words sent to people; the first group are one thing under three names ("the texts … the message").
_TEXTS = {"message", "text", "sms", "alert", "greeting", "congratulation", "condolence"}  # ("sent greetings … the message reads")
_SENT_WORDS = {"statement", "letter", "email", "e-mail", "leaflet", "flyer", "notice", "announcement", "warning", "declaration", *_TEXTS}
_WRITINGS = _SENT_WORDS | WRITTEN_NOUNS | {"website", "page"}  # what "it says" can stand for


@dataclass(frozen=True)
class Resolved:
    """What a speaker phrase resolved to, and by which sieve."""

    actor: Actor | None
    surface: str
    sieve: str


@dataclass(frozen=True)
class Phrase:
    """A speaker phrase in the text: its head token and its words."""

    head: Token
    span: Span

    @classmethod
    def of(cls, token: Token | None = None, span: Span | None = None) -> "Phrase":
        if span is not None:
            root = span.root
            if root.pos_ in ("DET", "PUNCT"):  # "The 49-year-old" with its article hung on the verb
                root = next((t for t in reversed(span) if t.pos_ not in ("DET", "PUNCT")), root)
            if root.dep_ == "poss" and root.i < span.end - 1:  # "Ramaphosa’s spokesperson" parsed flat: the owner is no head
                root = next((t for t in reversed(span) if t.pos_ in ("NOUN", "PROPN") and t.i > root.i), root)
            return cls(root, span)
        if token.lower_ in ("who", "which", "that") and token.head.dep_ == "relcl":
            token = token.head.head  # "Lukashenko, who said …"
        return cls(token, noun_phrase(token))

    @property
    def text(self) -> str:
        return self.span.text.strip(" «»“”„\"")  # (a mark the parse hung on the phrase: "« Swiss President …")


def _strip(text: str) -> str:
    text = without_bracketed_acronym(text)
    text = text.strip(" ,;:-–—\"'“”‘’()")
    while True:
        new = _LEADING.sub("", text)
        if new == text:
            return text
        text = new


# --- organisations -----------------------------------------------------------------------

def organisation_named(memory: ArticleMemory, text: str, pos: int | None = None) -> Actor | None:
    """An organisation, government, metonym or registered alias named by a phrase, in one
    canonical form: "Ukraine's internal affairs ministry" = "Ministry of Internal Affairs of
    Ukraine" = "Ukrainian Ministry of Internal Affairs"; "Poland" as a speaker = "Polish government"."""
    reg = memory.reg
    t = _strip(text)
    key = normalise(t)
    if not key or len(key) > 160:
        return None  # no body's name is that long (and a run-on phrase must not cost its length squared)
    entry = reg.alias.get(key) or reg.metonym.get(key)
    if entry is not None and key in _GENERIC_OFFICES:
        local = _the_local_office(memory, entry.actor, key, pos)
        if local is not None:
            return local
    if entry is not None:
        return entry.actor if entry.actor.actor_type != "person" else None
    spelled_out = memory.acronym(t)
    if spelled_out is not None:  # "the RPC" in an article that names the Russian Paralympic Committee
        return spelled_out
    parts = institution_parts(t, lambda q: country_of(reg, q) is not None)
    if parts is not None:
        country = country_of(reg, parts.nationality) if parts.nationality else None
        if parts.kind == "ministry":
            if country is None:  # "Ministry of Defence" alone is the UK department's own name
                entry = reg.alias.get(normalise(f"ministry of {parts.topic}"))
                return entry.actor if entry else None
            return _ministry_of(memory, country, parts.topic)
        if parts.kind == "government" and country is not None:
            return _registered_or_new(memory, reg.government_name(country), "government", country.iso2)
        if parts.kind == "military" and country is not None:
            return _registered_or_new(memory, f"{country.demonym or country.name} Armed Forces", "military", country.iso2)
    country = reg.country_by_name.get(key)
    if country is not None:
        return _registered_or_new(memory, reg.government_name(country), "government", country.iso2)
    return embassy_named(memory, t) or _national_body(memory, t)


_EMBASSY = (re.compile(r"^(?:the\s+)?(?P<nat>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+Embassy\s+(?:in|to)\s+(?P<host>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})$"),
            re.compile(r"^(?:the\s+)?Embassy\s+of\s+(?:the\s+)?(?P<nat>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})\s+(?:in|to)\s+(?P<host>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})$"))


def embassy_named(memory: ArticleMemory, text: str) -> Actor | None:
    """'Russian Embassy in Addis Ababa', 'the Embassy of Russia in Ethiopia': one body, named
    '<Demonym> Embassy in <host country>' (a capital read as its country)."""
    reg = memory.reg
    for pattern in _EMBASSY:
        m = pattern.match(_strip(text))
        if m is None:
            continue
        nat = country_of(reg, m["nat"])
        host = country_of(reg, m["host"]) or reg.country_by_capital.get(normalise(m["host"]))
        if nat is None or host is None or nat.iso2 == host.iso2:
            return None
        return _registered_or_new(memory, f"{nat.demonym or nat.name} Embassy in {host.name}", "government", nat.iso2)
    return None


# Office names one country's government owns in the registry that other countries' news uses for
# their own: "Foreign Office" in Pakistan, "Ministry of Defence" in India.
_GENERIC_OFFICES = {"foreign office": "Foreign Affairs", "ministry of defence": "Defence", "defence ministry": "Defence",
                    "ministry of defense": "Defence", "defense ministry": "Defence"}


def _plausible_body_name(text: str) -> bool:
    """A capitalised name of two words or more ("the University of Worcester"), not a lone word."""
    words = [w for w in _strip(text).split() if w[:1].isupper()]
    return len(words) >= 2 and len(_strip(text)) <= 80


def _the_local_office(memory: ArticleMemory, registered: Actor, key: str, pos: int | None = None) -> Actor | None:
    """'ISLAMABAD: Foreign Office on Friday expressed concern …': the office of the dateline's
    country, when that is not the registered office's country and the article never names it; or
    of the country whose minister of that field the article names ("Kenya's Defence Minister …
    the Ministry of Defence said")."""
    holder = _portfolio_holders_country(memory, _GENERIC_OFFICES[key], 1 << 62)
    here = holder or memory.dateline_country
    registered_named = holder is None and memory.names_country(registered.country_code or "")  # (a scan of the text: once)
    if here is None and not registered_named:
        # "Russia claimed to have shot down two drones … The Ministry of Defence said": in a story that never
        # names Britain, the ministry of the country it is about
        acting = memory.salient_organisation(pos, max_paragraphs=2, government=True) if pos is not None else None
        here = acting.actor.country_code if acting is not None else memory.country_most_named(1 << 62, lead=1)
    if here is None or here == registered.country_code or registered_named:
        return None
    country = memory.reg.country(here)
    return _ministry_of(memory, country, _GENERIC_OFFICES[key]) if country is not None else None


def _ministry_of(memory: ArticleMemory, country: Country, topic: str) -> Actor:
    """'Ukrainian Ministry of Internal Affairs': a country's ministry by its one canonical name."""
    return _registered_or_new(memory, f"{country.demonym or country.name} Ministry of {topic}", "government", country.iso2)


def ministry_of_the_article(memory: ArticleMemory, text: str, pos: int) -> Actor | None:
    """'The Guyana government … condemned' then 'the Foreign Ministry said': a ministry named without
    its country is one of the government the article last named (within six paragraphs), else of the
    dateline's country, else of the country the article names most ('Ghanaian students … the
    Foreign Affairs Ministry said')."""
    parts = institution_parts(_strip(text), lambda q: country_of(memory.reg, q) is not None)
    if parts is None or parts.kind != "ministry" or parts.nationality or country_of(memory.reg, parts.topic) is not None:
        return None  # ("the Russian Ministry": a nationality, not what the ministry is for)
    holder = _portfolio_holders_country(memory, parts.topic, pos)
    if holder is not None:  # "Egypt's Foreign Minister … after Israel and Hamas agreed … the Ministry of Foreign Affairs"
        return _ministry_of(memory, memory.reg.country(holder), parts.topic)
    government = memory.salient_organisation(pos, max_paragraphs=6, government=True)
    code = government.actor.country_code if government is not None else _government_described_before(memory, pos)
    most = memory.country_most_named(pos)
    if code is not None and most is not None and code != most and any(
            e.actor.actor_type == "government" and e.actor.country_code == most and e.first_start < pos for e in memory.entities.values()):
        # "Pakistan has questioned … as Iran remains under sanctions. A ministry of foreign affairs
        # spokesperson said": of the governments acting, the one the story is about, not one named in passing
        code = most
    country = memory.reg.country(code or memory.dateline_country or most)
    return _ministry_of(memory, country, parts.topic) if country is not None else None


def _portfolio_holders_country(memory: ArticleMemory, topic: str | None, pos: int) -> str | None:
    """The country of the one minister of this ministry's field the article named before `pos`
    ("Egypt's Foreign Minister" for "the Ministry of Foreign Affairs"), else None (none, or two
    countries' ministers met)."""
    field = MINISTRY_FIELDS.get((topic or "").lower())
    if field is None:
        return None
    countries = {e.country for e in memory.entities.values()
                 if e.is_person and e.country and e.first_start < pos and f"{field} minister" in e.titles}
    code = countries.pop() if len(countries) == 1 else None
    return code if code is not None and memory.reg.country(code) is not None else None


def _government_described_before(memory: ArticleMemory, pos: int) -> str | None:
    """The country of 'The Moldovan government condemned …' (a subject the NER tags no body), in the
    sentences just before `pos`."""
    k = memory.sentence_index(pos)
    for sent in reversed(memory.sents[max(0, k - 6) : k + 1]):
        for t in sent:
            if t.idx < pos and t.lemma_.lower() == "government" and t.dep_ in ("nsubj", "nsubjpass") and not memory.in_quote(t.idx):
                actor = organisation_named(memory, noun_phrase(t).text)
                if actor is not None and actor.actor_type == "government" and actor.country_code:
                    return actor.country_code
    return None


def _registered_or_new(memory: ArticleMemory, name: str, actor_type: str, country: str | None) -> Actor:
    entry = memory.reg.alias.get(normalise(name))
    return entry.actor if entry else new_actor(name, actor_type, country)


def _national_body(memory: ArticleMemory, text: str) -> Actor | None:
    """"Lithuania's parliament", "the Polish border guard": '<Nationality> <Body>' with its country."""
    words = normalise(text).split()
    for k in range(1, len(words)):
        body = " ".join(words[k:])
        if body not in _NATIONAL_BODIES:
            continue
        country = country_of(memory.reg, " ".join(words[:k]))
        if country is None:
            return None
        name = f"{country.demonym or country.name} " + " ".join(w.capitalize() if w not in ("of", "and") else w for w in body.split())
        return _registered_or_new(memory, name, "government", country.iso2)
    return None


def find_in_phrase(memory: ArticleMemory, phrase: str) -> Actor | None:
    """The longest registered alias, metonym or institution inside a phrase
    ("A Ministry of Defence spokesperson" → UK Ministry of Defence)."""
    words = _strip(phrase).split()
    for size in range(min(len(words), 8), 0, -1):
        for start in range(0, len(words) - size + 1):
            chunk = " ".join(words[start : start + size])
            if size == 1 and not chunk[:1].isupper():
                continue
            if _place_in_a_name(memory, words, start, size):
                continue
            found = organisation_named(memory, chunk)
            if found is not None:
                return found
    return None


def _whole_body_name(ent: Span) -> Span:
    """'The Police Service of' + 'Northern Ireland': a body's name the NER cut before the place it is of."""
    doc, end = ent.doc, ent.end
    if ent[-1].lower_ in ("of", "for"):
        while end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN":
            end += 1
    return doc[ent.start : end]


def _place_in_a_name(memory: ArticleMemory, words: list[str], start: int, size: int) -> bool:
    """'Police Federation for Northern Ireland', 'Bank of England': a country's name that is part of a
    longer name (of a place, or of a body "of" or "for" it) stands for no government there."""
    if memory.reg.country_by_name.get(normalise(" ".join(words[start : start + size]))) is None:
        return False
    before = words[start - 1] if start > 0 else ""
    return before[:1].isupper() or (before in ("of", "for") and start > 1 and words[start - 2][:1].isupper())


_PRESIDENTIAL_OFFICE = re.compile(r"^(?:the\s+)?(?:(?P<nat>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+)?presidential\s+(?:office|administration)$")
_LEADERS_OFFICE = re.compile(r"^(?:the\s+)?(?:(?P<nat>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:['’]s?)?\s+)?"
                             r"(?P<office>[Pp]rime\s+[Mm]inister|[Pp]resident)['’]s\s+[Oo]ffice$")


def presidential_office(memory: ArticleMemory, text: str, pos: int) -> Actor | None:
    """'the presidential office', 'the South Korean presidential office', 'the Israeli Prime Minister’s
    Office': the office of the president (or prime minister) of the country named, else of the
    country the article is told from or names most."""
    bare = re.sub(r"^[Tt]he\s+", "", _strip(text) if not text.lower().startswith("the ") else text.strip())
    m = _PRESIDENTIAL_OFFICE.match(bare) or _LEADERS_OFFICE.match(bare)
    if m is None:
        return None
    iso = None
    if m.group("nat"):
        c = country_of(memory.reg, m.group("nat"))
        if c is None:
            return None  # ("the Senate President's Office": someone else's)
        iso = c.iso2
    iso = iso or memory.dateline_country or memory.country_most_named(pos)
    country = memory.reg.country(iso) if iso else None
    if country is None:
        return None
    if "office" in m.groupdict() and normalise(m.group("office")) == "prime minister":
        return _prime_ministers_office(memory, country)
    return _registered_or_new(memory, f"Office of the President of {country.name}", "government", country.iso2)


def _prime_ministers_office(memory: ArticleMemory, country: Country) -> Actor:
    """As news names it ("the Israeli Prime Minister's Office"), by the country's demonym."""
    return _registered_or_new(memory, f"{country.demonym or country.name} Prime Minister's Office", "government", country.iso2)


def office_of(memory: ArticleMemory, person: Entity) -> Actor | None:
    """"Zelensky's office": the office of the head of state or government the person is."""
    entry = memory.reg.by_id.get(person.actor.actor_id)
    if entry is None:
        return None
    heads = [r for r in entry.roles if r.country and normalise(r.title) in ("president", "prime minister")]
    if memory.published is None and len({(normalise(r.title), r.country) for r in heads}) == 1:
        heads = heads[:1]  # no date, one such office ever held ("Niinistö's office"): that one
    else:
        heads = [r for r in heads if r.holds_on(memory.published)]
    for role in heads:
        country = memory.reg.country(role.country)
        if country is None:
            continue
        if normalise(role.title) == "president":
            return _registered_or_new(memory, f"Office of the President of {country.name}", "government", country.iso2)
        return _prime_ministers_office(memory, country)
    return None


# --- the sieves ----------------------------------------------------------------------------

def pronoun(memory: ArticleMemory, p: Phrase) -> Resolved | None:
    head = p.head
    low = head.lower_
    if low in ("latter", "former") and any(c.lower_ == "the" for c in head.children) and len(p.span) <= 2:
        # "the latter": the later of the last two people named; "the former": the earlier one
        people = memory.recent_people(head.idx, 2)
        if len(people) == 2:
            entity = people[0] if low == "latter" else people[1]
            return Resolved(entity.actor, p.text, "pronoun")
        return None
    if head.pos_ != "PRON" or low not in PRONOUN_GENDER and low not in ORG_PRONOUNS and low not in ("i", "we", "you"):
        return None
    spoke = _unnamed_spokesperson_before(memory, head) or _the_writing_it_stands_for(memory, head)
    if spoke is not None:
        return spoke
    entity = memory.resolve_pronoun(head) if low not in ("i", "we", "you") else None
    return Resolved(entity.actor if entity else None, head.text, "pronoun")


def _unnamed_spokesperson_before(memory: ArticleMemory, head: Token) -> Resolved | None:
    """'Mr Johnson's official spokesman confirmed that neither the PM nor Simon Case were fined.' then '“…,” he
    said': "he" is the spokesman the sentence before was about (who speaks for the office), not a person it named."""
    if head.lower_ not in ("he", "she") or head.dep_ != "nsubj":
        return None
    k = memory.sentence_index(head.idx)
    if k == 0 or memory.paragraphs_between(memory.paragraph_of[k - 1], memory.paragraph_of[k]) > 1:
        return None
    root = memory.sents[k - 1].root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in _SPOKES_HEADS or memory.in_quote(subj.idx):
        return None
    if subj.lemma_.lower() == ("spokeswoman" if head.lower_ == "he" else "spokesman"):
        return None
    if any(c.dep_ in ("appos", "compound", "flat") and c.pos_ == "PROPN" for c in subj.children):
        return None  # a named spokesman ("spokesman Max Blain") is a person of the memory already
    found = spokesperson(memory, Phrase.of(subj))
    return Resolved(found.actor, head.text, "pronoun") if found is not None and found.actor is not None else None


def _the_writing_it_stands_for(memory: ArticleMemory, head: Token) -> Resolved | None:
    """'“…,” the message reads. “…,” it says.', 'The statement said … It added': "it" speaking is the
    writing that spoke last (up to a paragraph back), and speaks for whoever that writing spoke for."""
    if head.lower_ != "it" or head.dep_ != "nsubj" or not is_cue(head.head):
        return None
    for t in memory.subjects_before(head.idx, 4):
        if not is_cue(t.head) or t.lower_ == "it":
            continue  # (an "it" before: the writing is further back)
        if t.lemma_.lower() not in _WRITINGS | _CHANNELS:
            return None  # the last to speak was no writing: "it" is left to the memory
        found = resolve_speaker(memory, Phrase.of(t))
        return Resolved(found.actor, head.text, "pronoun") if found is not None and found.actor is not None else None
    return None


def _registered_person_at(memory: ArticleMemory, head: Token) -> Entity | None:
    """A registry person written as the phrase's proper nouns, whatever the NER called them
    ("authoritarian ruler Alyaksandr Lukashenka" tagged as an organisation)."""
    if head.pos_ != "PROPN":
        return None
    words = proper_run(head).text
    entry = memory.reg.person_matcher.match(words) if " " in words else None
    return memory.entity_for(entry.actor, entry.gender) if entry is not None else None


def _proper_run_person(memory: ArticleMemory, head: Token) -> Entity | None:
    words = proper_run(head)
    entity = memory.person_named(words.text, words.start_char)
    return entity if entity is not None and entity.is_person else None


def _is_office(token: Token) -> bool:
    return normalise(token.text).split("-")[0] in OFFICE_WORDS


def name(memory: ArticleMemory, p: Phrase) -> Resolved | None:
    m = memory.mention_in(p.span, prefer=p.head)
    beside = next((c for c in p.head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None) if p.head.pos_ == "NOUN" else None
    if m is not None and beside is not None and not (m.start <= beside.idx < m.end):
        # "Navalny ally, Ruslan Shaveddinov": the name set beside the description, not the one inside it
        own = memory.mention_in(p.span, prefer=beside)
        if own is not None and own.start <= beside.idx < own.end:
            return Resolved(own.entity.actor, p.text, "name")
    if m is not None and not (m.start <= p.head.idx < m.end) and p.head.pos_ == "PROPN":
        # The head is a name of its own ("Marta Symanderska from NGO group Grupa Granica"): read it first.
        own = _proper_run_person(memory, p.head)
        if own is not None:
            return Resolved(own.actor, p.text, "name")
    if m is None:
        seen = {id(e) for e in memory.entities.values()}  # people known before this phrase
        entity = _registered_person_at(memory, p.head)
        given = p.span[0].pos_ == "PROPN" and p.span[0].i != p.head.i and usual_gender(p.span[0].text) is not None
        if entity is None and given and len(p.span) == 2 and p.head.text[:1].isupper():
            # "Nikol Bilous came from Kyiv and said": a given name and a surname, whatever the NER called them
            known = memory.person_named(p.span.text, p.head.idx)
            entity = known if known is not None and known.is_person and not known.is_lone_name else None
        if entity is None and looks_proper(p.head, at_sentence_start=True) and p.head.ent_type_ not in ("LOC", "FAC"):
            # "Zakharova remarked": a surname of someone the article names, whatever the NER called it
            known = memory.person_named(p.head.text, p.head.idx)
            entity = known if known is not None and (not known.is_lone_name or id(known) in seen) else None
        if entity is None and len(p.span) > 3:
            # a phrase the parse ran together ("claims about a buildup on the border Peskov"): a known
            # person named at its end
            last = p.span[-1]
            if looks_proper(last) and last.i != p.head.i and last.tag_ != "NNPS" and last.ent_type_ != "NORP":
                # (not "… Conference of Catholic Bishops", nor "the father of nine and devout Catholic")
                known = memory.person_named(last.text, last.idx)
                entity = known if known is not None and id(known) in seen and known.is_person else None
        return Resolved(entity.actor, p.text, "name") if entity is not None else None
    head = p.head
    inside = m.start <= head.idx < m.end
    mention_root = next((t for t in p.span if m.start <= t.idx < m.end and not (m.start <= t.head.idx < m.end)), None)
    # "Kremlin spokesman Dmitry Peskov", "the official representative of the ministry Maria Zakharova":
    # a name set beside a description is the speaker; "Putin's spokesman", "a spokesman for Putin",
    # "Zelensky's office" are someone else, or a body.
    attached = mention_root is not None and mention_root.dep_ in ("appos", "compound", "flat", "nsubj") and (
        mention_root.head == head or (mention_root.head.i in range(p.span.start, p.span.end) and not _inside_a_modifier(mention_root, head))
    )
    if mention_root is not None and mention_root.dep_ == "pobj" and (head.pos_ == "NOUN" or normalise(head.text) in OFFICE_WORDS):
        # "… of the Russian Foreign Ministry Maria Zakharova": the body's words glued before the name.
        # (not a title of the name: "a spokesman for President Vladimir Putin" is someone else)
        attached = attached or (any(
            c.dep_ in ("compound", "nmod") and not (m.start <= c.idx < m.end) and normalise(c.text).rstrip(".") not in HONORIFICS | OFFICE_WORDS
            for c in mention_root.subtree if c.i < mention_root.i))  # ("of the European Commission Ursula von der Leyen")
    if mention_root is not None and mention_root.dep_ == "conj" and mention_root.head == head and _is_office(head) \
            and not any(c.dep_ == "acl" and c.i < mention_root.i for c in head.children):  # (not "…, accompanied by … Albares")
        attached = True  # "OSCE Chairman-in-Office and Polish Foreign Minister Zbigniew Rau": two titles, one person
    if not inside and not attached:
        return None
    if not inside and mention_root is not None and mention_root.dep_ == "compound" and head.lemma_.lower() in ("administration", "government") \
            and m.entity.is_person and (m.entity.country or m.entity.actor.country_code):
        # "The Trump administration says …": the government a leader heads, not the leader
        country = memory.reg.country(m.entity.country or m.entity.actor.country_code)
        if country is not None:
            return Resolved(_registered_or_new(memory, memory.reg.government_name(country), "government", country.iso2), p.text, "institution")
    kind = {"first_name": "surname"}.get(m.kind, m.kind)
    return Resolved(m.entity.actor, p.text, kind)


def _inside_a_modifier(tok: Token, head: Token) -> bool:
    """'The Chief Executive, accompanied by the Minister …, José Manuel Albares,': a name inside a
    clause that modifies the speaker's phrase is someone with them, not them."""
    t = tok.head
    while t != head and t.head != t:
        if t.dep_ in ("acl", "relcl", "agent", "advcl"):
            return True
        t = t.head
    return False


def role(memory: ArticleMemory, p: Phrase) -> Resolved | None:
    head = p.head
    nominal_adjective = head.pos_ == "ADJ" and (head.dep_ in ("nsubj", "nsubjpass") or head.head.pos_ == "VERB"
                                                or head.head.lower_ in ("said", "says"))  # "The 49-year-old said" (tagged as a noun too)
    if (head.pos_ not in ("NOUN", "PROPN") and not nominal_adjective) or (
            head.ent_type_ in ("GPE", "ORG", "NORP") and title_key(head.text) not in memory.reg.roles
            and title_key(memory.description_of(head).title) not in memory.reg.roles):
        return None  # ("the Taoiseach", "the National Security Adviser": an office the NER calls an organisation, is a role)
    d = memory.description_of(head)
    if _SPOKES.search(d.title) and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
        return None  # "his press secretary" speaks for him: not him, nor anyone titled so (the spokesperson sieve)
    bare_title = not any(c.dep_ == "det" for c in head.children) and head.tag_ == "NN" and (
        len(d.title.split()) > 1 or head.lemma_.lower() in PERSON_NOUNS)  # "UN chief said", "…,' minister says"
    if not d.definite and head.pos_ != "PROPN" and not bare_title:
        # "a minister said" introduces someone new; "UN chief said" is a title; "as an opposition leader accused him
        # of …" then "the opposition leader Nelson Chamisa got 44%": the one the next sentences name with that title
        named = memory.titled_next(head.idx, d.head)
        return Resolved(named.actor, p.text, "role") if named is not None else None
    entity = memory.described(d, head.idx)
    if entity is None:
        ministry = _unnamed_minister(memory, d)
        if ministry is not None:
            return Resolved(ministry, p.text, "role")
        entity = memory.introduced_after(_first_use(memory, p), d.title) if d.definite else None
        if entity is None:
            return None
    memory.note(entity, p.span.start_char, p.span.end_char, "description")
    return Resolved(entity.actor, p.text, "role")


def _first_use(memory: ArticleMemory, p: Phrase) -> int:
    """Where the article first describes someone so ("The head of the Garda press office has told a jury …",
    named in the next sentence, then "The head of the Garda press office said" paragraphs later)."""
    words = _LEADING.sub("", p.span.text).strip()
    first = re.search(rf"\b{re.escape(words)}\b", memory.text, re.I) if len(words.split()) >= 3 else None
    return first.start() if first is not None and first.start() < p.head.idx else p.head.idx


_MINISTRY_TOPICS = ("foreign", "defence", "defense", "interior", "finance", "economy", "health", "justice", "energy",
                    "emergencies", "emergency situations", "internal affairs")


def _unnamed_minister(memory: ArticleMemory, d) -> Actor | None:
    """'Russia's deputy foreign minister', whom the article does not name: the ministry speaks
    ("Russian Ministry of Foreign Affairs"), as an unnamed official speaks for their government."""
    words = d.title.split()
    if d.country is None or not words or words[-1] != "minister" or words[0] not in ("deputy", "vice"):
        return None
    topic = " ".join(w for w in words[1:-1] if w not in ("first", "senior", "junior"))
    country = memory.reg.country(d.country)
    if topic not in _MINISTRY_TOPICS or country is None:
        return None
    return organisation_named(memory, f"{country.demonym or country.name} {topic} ministry")


def _titled_person(memory: ArticleMemory, p: Phrase, kinds: tuple[str, ...]) -> Entity | None:
    """The one person of the article whose titles hold a word of `kinds` and every other
    qualifying word of the phrase ("a Kremlin spokesman" -> "Kremlin spokesman Dmitry Peskov";
    "a presidential spokesman" -> the article's only spokesman)."""
    quals = [normalise(t.text) for t in p.span if t.i != p.head.i and t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("compound", "nmod", "poss")]
    people = [(e, memory.titles_of(e)) for e in memory.entities.values() if e.is_person]
    titled = [(e, titles) for e, titles in people if any(k in titles for k in kinds)]
    exact = [e for e, titles in titled if all(q in titles for q in quals)]
    if len(exact) == 1:
        return exact[0]
    return titled[0][0] if not exact and len(titled) == 1 else None  # the article's only spokesperson




def _owner_pronoun(memory: ArticleMemory, owner: Token) -> Entity | None:
    """The one "his"/"her"/"their" stands for in "his spokesman", "their statement"."""
    if owner.pos_ != "PRON" or owner.dep_ != "poss" or owner.lower_ not in ("his", "her", "their", "its"):
        return None
    return memory.resolve_pronoun(owner)


def spokesperson(memory: ArticleMemory, p: Phrase) -> Resolved | None:
    if not _SPOKES.search(p.text):
        return None
    head = p.head
    lemma = head.lemma_.lower()
    inner = _the_writing_it_is_the_text_of(head)
    if inner is not None:  # "the text of his appeal says": the appeal's
        found = spokesperson(memory, Phrase.of(inner))
        if found is not None and found.actor is not None:
            return found
    if lemma in _SPOKES_HEADS and not any(
        c.dep_ == "prep" for c in head.children
    ):
        person = _titled_person(memory, p, ("spokesperson", "press secretary"))
        if person is not None:
            return Resolved(person.actor, p.text, "spokesperson")
    owners = [c for c in head.children if c.dep_ in ("poss", "compound", "nmod")]
    owners += [o for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from", "with") for o in c.children if o.dep_ == "pobj"]
    # "A message on Mr Zelensky’s Telegram account": whose account the words were posted on
    owners += [x for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "in", "via")
               for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in _ACCOUNTS for x in o.children if x.dep_ == "poss"]
    owners = [o for o in owners if normalise(o.text) not in PLATFORMS]  # "a Telegram post": where, not whose
    channel = next((a for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "in")
                    for o in c.children if o.dep_ == "pobj" for a in [_named_channel(memory, o)] if a is not None), None)
    if channel is not None:  # "a post in the Grey Zone channel said"
        return Resolved(channel, p.text, "spokesperson")
    for owner in owners:
        phrase = noun_phrase(owner)
        m = memory.mention_in(phrase, prefer=owner)
        entity = m.entity if m is not None else _owner_pronoun(memory, owner)
        if m is None and entity is None and owner.pos_ == "PROPN" and (lemma in _OWN_CHANNELS | SPOKES_NOUNS):
            known = memory.person_named(owner.text, owner.idx)  # a surname the NER left untagged: "Stoltenberg's tweet", "Mr Sunak's spokesman"
            entity = known if known is not None and known.is_person and not known.is_lone_name else None
        owner_described = memory.description_of(owner) if m is None and entity is None and (
            (owner.pos_ == "NOUN" and lemma in _OWN_CHANNELS | SPOKES_NOUNS)
            or (normalise(owner.text) in OFFICE_WORDS and lemma in SPOKES_NOUNS)) else None  # ("The PM’s press secretary")
        the_owners = owner.i > 0 and owner.doc[owner.i - 1].lower_ == "the"  # "The PM’s press secretary", the article parsed onto the head
        if owner_described is not None and (owner_described.definite or the_owners):  # ("a spokesperson's statement" is no one met before)
            holder = memory.described(owner_described, owner.idx, allow_salience=False)
            if holder is not None and holder.is_person:  # "the Polish president's tweet", "a post on the minister's page"
                office = office_of(memory, holder) if lemma in SPOKES_NOUNS else None
                return Resolved(office or holder.actor, p.text, "spokesperson" if office else "role")
        if entity is not None:
            spokes = entity.is_person and lemma in SPOKES_NOUNS
            office = office_of(memory, entity) if lemma in ("office", "administration") or spokes else None
            if office is not None:
                # noted, so that "the statement said" after it finds the office it came from
                memory.note(memory.entity_for(office), p.span.start_char, p.span.end_char, "organisation", True)
                return Resolved(office, p.text, "spokesperson")
            if lemma in _OWN_CHANNELS or spokes:
                # "Krasnoselski's office", "Żaryn's tweet": they speak through it; "her spokesman said", the article
                # naming no spokesman: given out for her (for a head of state or government, by the office, above)
                return Resolved(entity.actor, p.text, "spokesperson")
            continue
        actor = (presidential_office(memory, phrase.text, owner.idx) or organisation_named(memory, phrase.text) or find_in_phrase(memory, phrase.text)
                 or ministry_of_the_article(memory, phrase.text, owner.idx))  # "A ministry of foreign affairs (MOFA) spokesperson"
        if actor is None:
            actor = memory.body_noted_at(owner.idx)  # "An ESB spokesman" after "The ESB and NIE Networks said"
        if actor is None:  # "a spokesperson for Defend Our Juries (DOJ)": the body its acronym spells out
            actor = next((a for t in owner.subtree if t.text.isupper() and len(t.text) > 1 for a in [memory.acronym(t.text)] if a), None)
        if actor is None and owner.ent_type_ == "ORG" and owner.pos_ == "PROPN":
            ent = next((e for e in p.span.doc.ents if e.start <= owner.i < e.end and e.label_ == "ORG"), None)
            if ent is not None and _plausible_body_name(ent.text):  # "a spokesperson for the University of Worcester"
                actor = new_actor(_strip(ent.text), "organisation")
        if actor is not None:
            return Resolved(actor, p.text, "spokesperson")
    actor = find_in_phrase(memory, p.text)
    if actor is not None:
        return Resolved(actor, p.text, "spokesperson")
    issuer = _issuer_of_the_statement(memory, p)
    if issuer is not None:
        return Resolved(issuer, p.text, "spokesperson")
    author = _author_of_the_post(memory, p)
    if author is not None:
        return Resolved(author, p.text, "spokesperson")
    if _BARE_SPOKES.search(p.text) and not any(c.ent_type_ in ("NORP", "GPE") for c in p.span):
        org = memory.salient_organisation(head.idx)  # "a spokeswoman said": the body last named
        return Resolved(org.actor if org else None, p.text, "spokesperson")
    return None


_OF_WRITINGS = {"appeal", "address", "speech", "statement", "letter", "message", "greeting", "decree", "post", "tweet"}


def _the_writing_it_is_the_text_of(head: Token) -> Token | None:
    """'the text of his appeal', 'the full text of the statement': the writing whose words these are."""
    if head.lemma_.lower() not in ("text", "content", "wording"):
        return None
    return next((o for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in _OF_WRITINGS), None)


_CHANNELS = {"blog", "channel", "account", "page", "feed", "vlog", "podcast"}


def _named_channel(memory: ArticleMemory, noun: Token) -> Actor | None:
    """'the War Gonzo blog', 'the Grey Zone Telegram channel', 'the Rybar channel': a channel known by its own
    name, which speaks as that name (not the platform it is on, nor someone named before)."""
    if noun.lemma_.lower() not in _CHANNELS:
        return None
    words = [c for c in noun.lefts if c.dep_ in ("compound", "nmod", "npadvmod") and c.pos_ == "PROPN"]
    words = [t for c in words for t in c.subtree if t.pos_ == "PROPN" and normalise(t.text) not in PLATFORMS]
    mentions = [memory.mention_in(noun.doc[t.i : t.i + 1]) for t in words]
    if not words or any(m is not None and m.entity.is_person for m in mentions):
        return None  # ("the Zelensky Telegram channel" is his)
    name = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    return organisation_named(memory, name) or new_actor(name, "media")


def _author_of_the_post(memory: ArticleMemory, p: Phrase) -> Actor | None:
    """'Word came from OMB Director Russell Vought in a social media post on X that said, “…”', 'Vought
    wrote in a post that said …': the post someone wrote in is theirs — the person it hangs on, or whom
    the verb it hangs on has it come from (or has as its subject)."""
    head = p.head
    if head.dep_ != "pobj" or head.head.lower_ not in ("in", "on", "via") or head.lemma_.lower() not in _OWN_CHANNELS | _ACCOUNTS:
        return None
    anchor = head.head.head
    near = [anchor] * (anchor.pos_ in ("NOUN", "PROPN")) + [o for c in anchor.children if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")
                       for o in c.children if o.dep_ == "pobj"] + [c for c in anchor.children if c.dep_ == "nsubj"]
    for t in near:
        m = memory.mention_in(noun_phrase(t), prefer=t)
        if m is not None and m.entity.is_person and not m.in_quote:
            return m.entity.actor
    return None


_ISSUING = {"release", "issue", "publish", "post", "make", "put", "send", "adopt", "sign"}


def _same_writing(a: Token, b: Token) -> bool:
    la, lb = a.lemma_.lower(), b.lemma_.lower()
    return la == lb or (la in _TEXTS and lb in _TEXTS)


def _sender_named_with(memory: ArticleMemory, noun: Token) -> Actor | None:
    """'a message sent from the Warsaw government', 'texts from the Polish government', 'a letter, which was
    sent by the ministry', 'the announcement on the Interior Ministry’s website': who the words came from,
    as the noun phrase itself says."""
    verbs = [noun] + [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    if noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in ("receive", "get"):
        verbs.append(noun.head)  # "residents received texts from the Dutch government", the parse hanging "from" on the verb
    for v in verbs:
        for c in v.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by"):
                for o in c.children:
                    if o.dep_ == "pobj" and not memory.in_quote(o.idx):
                        found = resolve_speaker(memory, Phrase.of(o))
                        if found.actor is not None:
                            return found.actor
    for c in noun.children:  # "In its declaration, NATO dropped …": the clause's subject, whose "its" it is
        if c.dep_ == "poss" and c.lower_ in ("its", "their") and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "via", "through"):
            verb = noun.head.head
            subj = next((x for x in verb.children if x.dep_ == "nsubj" and x.pos_ in ("PROPN", "NOUN")), None)
            found = resolve_speaker(memory, Phrase.of(subj)) if subj is not None and not memory.in_quote(subj.idx) else None
            if found is not None and found.actor is not None:
                return found.actor
    for c in noun.children:  # "the announcement in the website": whose website it is
        if c.dep_ == "prep" and c.lower_ in ("in", "on"):
            for o in c.children:
                if o.dep_ == "pobj" and o.lemma_.lower() in _ACCOUNTS:
                    owner = _owner_of_the_channel(memory, o)
                    if owner is not None:
                        return owner
    return None


def _owner_of_the_channel(memory: ArticleMemory, channel: Token) -> Actor | None:
    """'the website' after 'a link to the Interior Ministry’s website': whose it is, here or where it was named."""
    for t in [channel] + [t for t in reversed(memory.doc[: channel.i]) if t.lemma_.lower() == channel.lemma_.lower()]:
        for c in t.children:
            if c.dep_ == "poss" and not memory.in_quote(c.idx):
                found = resolve_speaker(memory, Phrase.of(c))
                if found.actor is not None:
                    return found.actor
    return None


def _issuer_of_the_statement(memory: ArticleMemory, p: Phrase) -> Actor | None:
    """'The shareholder released a statement to supporters. … The full statement reads: “…”': the
    statement is the one someone was just said to have issued, and theirs; 'The texts from the Polish
    government … “…,” the message reads': the texts are the government's. The phrase itself may say whose
    it is ('read a message sent from the Warsaw government')."""
    head = p.head
    if head.lemma_.lower() not in _SENT_WORDS:
        return None
    own = _sender_named_with(memory, head)
    if own is not None or not any(c.lower_ in ("the", "this", "that") for c in head.children):
        return own  # ("a message said": no message met before)
    # statements go two paragraphs back (a later one is another's); texts sent to people, the whole story
    lo = 0 if head.lemma_.lower() in _TEXTS else memory.line_start_of(max(0, memory.paragraph_at(head.idx) - 2))
    for sent in reversed(memory.sentences_between(lo, head.idx)):
        for t in reversed(sent):
            if t.idx >= head.idx or not _same_writing(t, head) or memory.in_quote(t.idx):
                continue
            sender = _sender_named_with(memory, t)
            if sender is not None:
                return sender
            verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("in", "via", "through") else t.head
            if t.dep_ == "pobj" and verb is not t.head and is_cue(verb):  # "Ryanair said in a statement …"
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                found = resolve_speaker(memory, Phrase.of(subj)) if subj is not None and not memory.in_quote(subj.idx) else None
                if found is not None and found.actor is not None:
                    return found.actor
                continue
            if t.dep_ not in ("dobj", "obj"):
                continue
            subj = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
            if verb.lemma_.lower() in _ISSUING and subj is not None and not memory.in_quote(subj.idx):
                found = resolve_speaker(memory, Phrase.of(subj))
                if found.actor is not None:
                    return found.actor
    return None


def _introduced_official(memory: ArticleMemory, p: Phrase) -> Resolved | None:
    """'the official said' after 'A senior State Department official told reporters': the body
    the article gave that official when it introduced them, up to three paragraphs back."""
    head = p.head
    if not any(c.lower_ == "the" for c in head.children) or len([t for t in p.span if not t.is_punct]) > 2:
        return None  # only the bare definite: "the official", "the diplomat"
    para = memory.paragraph_at(head.idx)
    lo = memory.line_start_of(max(0, para - 3))
    for sent in reversed(memory.sentences_between(lo, head.idx)):
        for t in reversed(list(sent)):
            if t.idx >= head.idx or t.lemma_.lower() != head.lemma_.lower() or memory.in_quote(t.idx):
                continue
            if not any(c.dep_ in ("compound", "nmod", "amod", "poss") for c in t.children):
                continue  # the introduction qualifies the official ("A senior State Department official"); "the official" does not
            found = national_official(memory, Phrase.of(t))
            if found is not None and found.actor is not None:
                return Resolved(found.actor, p.text, "national_official")
    return None


def _identified_in_the_next_paragraph(memory: ArticleMemory, p: Phrase) -> Resolved | None:
    """'Beijing's top official overseeing Hong Kong affairs has slammed …' / 'A senior Russian diplomat
    has warned …', and the next paragraph opens with the person named and described ("Xia Baolong,
    director of the Hong Kong and Macau Affairs Office, also …"): the wire's delayed identification
    names the official of the paragraph before. Not when that paragraph names a person of its own."""
    head = p.head
    if head.dep_ not in ("nsubj", "nsubjpass") or head.tag_ in ("NNS", "NNPS") or memory.in_quote(head.idx) \
            or any(t.lower_ in ("another", "other", "second", "third", "former", "retired") for t in p.span):
        return None
    para = memory.paragraph_at(head.idx)
    here, there = memory.line_start_of(para), memory.line_start_of(para + 1)
    if memory.paragraph_at(there) != para + 1 or any(m.entity.is_person and not p.span.start_char <= m.start < p.span.end_char
                                                     for m in memory.mentions_between(here, there)):  # (itself, once resolved)
        return None
    first = next(iter(memory.sentences_between(there, there + 1)), None)
    if first is None:
        return None
    subject = next((t for t in first if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
    if subject is None or subject.ent_type_ != "PERSON" or not any(c.dep_ == "appos" for c in subject.children):
        return None
    lede_perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in head.head.children)  # "… has warned"
    also = any(c.dep_ == "advmod" and c.lower_ == "also" for c in subject.head.children)  # "Xia …, also sought"
    if not (lede_perfect or also):
        return None  # "A Polish official said …": the next paragraph's named person may be anyone
    named = [m for m in memory.mentions_between(first.start_char, subject.idx + len(subject.text)) if m.entity.is_person]
    if len(named) != 1 or named[0].start > subject.idx:
        return None
    entity = named[0].entity
    country = memory.description_of(head).country or next(
        (c.iso2 for t in p.span if t.i != head.i for c in [country_of(memory.reg, t.text)] if c is not None), None)
    theirs = entity.country or entity.actor.country_code
    if country is not None and theirs is not None and theirs != country:
        return None  # "A senior Russian diplomat has warned …" and then "Antony Blinken, the US secretary of state"
    return Resolved(entity.actor, p.text, "national_official")


def _ministers_of_the_sentence(memory: ArticleMemory, p: Phrase) -> Resolved | None:
    """'Scotland stands ready to offer “refuge”, ministers have said': bare plural ministers are the
    government of the country their sentence is about."""
    if p.head.tag_ != "NNS" or p.head.lemma_.lower() != "minister" or len([t for t in p.span if not t.is_punct]) != 1:
        return None
    for t in p.head.sent:
        country = country_of(memory.reg, t.text) if t.ent_type_ in ("GPE", "NORP") and t.dep_ in ("nsubj", "nsubjpass", "poss") else None
        if country is not None:
            return Resolved(_registered_or_new(memory, memory.reg.government_name(country), "government", country.iso2), p.text,
                            "national_official")
    return None


def _official_of_the_body_just_named(memory: ArticleMemory, p: Phrase) -> Entity | None:
    """'U.N. High Commissioner for Refugees Filippo Grandi said … The U.N. official warned': "the X
    official" is the person the reader has in mind when that person's title names X."""
    words = [normalise(t.text).replace(".", "") for t in p.span if t.i != p.head.i and t.lower_ != "the"]
    if not words:
        return None
    person = memory.salient_person(p.head.idx, max_sentences=4)
    if person is None:
        return None
    titles = f" {memory.titles_of(person).replace('.', '')} "
    return person if all(f" {w} " in titles for w in words) else None


def _office_holder_just_named(memory: ArticleMemory, p: Phrase) -> Entity | None:
    """'…, reported minister of Foreign Affairs Andriy Sybiha. “…,” the official wrote': the bare
    "the official" is the holder of an office the reader has just met."""
    if len([t for t in p.span if not t.is_punct]) != 2:
        return None
    person = memory.salient_person(p.head.idx, max_sentences=3)
    if person is None:
        return None
    return person if set(memory.titles_of(person).split()) & OFFICE_WORDS else None


def national_official(memory: ArticleMemory, p: Phrase) -> Resolved | None:
    head = p.head
    body = memory.body_of_its_members(head)
    if body is not None:  # "G7 leaders said", "EU foreign ministers said": the body they meet as
        return Resolved(body.actor, p.text, "institution")
    ministers = _ministers_of_the_sentence(memory, p)
    if ministers is not None:
        return ministers
    if head.lemma_.lower() not in _OFFICIAL_HEADS:
        return None
    placed = metonym(memory, p) if _place_of_a_government(p) else None
    if placed is not None:  # "the Tbilisi authorities"
        return placed
    identified = _identified_in_the_next_paragraph(memory, p)
    if identified is not None:
        return identified
    introduced = _introduced_official(memory, p)
    if introduced is not None:
        return introduced
    if any(t.lower_ in ("former", "ex", "retired") or t.lower_.startswith("ex-") for t in p.span):
        return Resolved(None, p.text, "national_official")  # a former official speaks for no government
    if any(c.lower_ == "the" for c in head.children) and head.lemma_.lower() == "official":
        person = _titled_person(memory, p, ("spokesperson", "official", "press secretary", "representative", "aide"))
        if person is not None:  # "the Kremlin official" after "Kremlin spokesman Dmitry Peskov"
            return Resolved(person.actor, p.text, "national_official")
        person = _official_of_the_body_just_named(memory, p) or _office_holder_just_named(memory, p)
        if person is not None:
            return Resolved(person.actor, p.text, "national_official")
    for t in p.span:
        if t.i == head.i or t.ent_type_ not in ("NORP", "GPE", "ORG", ""):
            continue
        country = country_of(memory.reg, t.text)
        if country is not None:
            return Resolved(_registered_or_new(memory, memory.reg.government_name(country), "government", country.iso2), p.text, "national_official")
        entry = memory.reg.metonym.get(normalise(t.text))
        if entry is not None:  # "Kyiv officials"
            return Resolved(entry.actor, p.text, "national_official")
    body = find_in_phrase(memory, p.text)
    if body is not None:  # "a Kremlin official", "an EU official"
        return Resolved(body, p.text, "national_official")
    if any(t.lemma_.lower() == "administration" for t in p.span if t.i != head.i):
        us = _the_administration(memory)  # "a senior administration official"
        if us is not None:
            return Resolved(us, p.text, "national_official")
    if any(t.lemma_.lower() in _GOVERNING_WORDS for t in p.span if t.i != head.i):
        # "an administration official", "a government source": the government the article last quoted or named
        org = memory.salient_organisation(head.idx, max_paragraphs=6, government=True)
        if org is not None:
            return Resolved(org.actor, p.text, "national_official")
    return Resolved(None, p.text, "national_official")  # "officials", "a source": no named source


def metonym(memory: ArticleMemory, p: Phrase) -> Resolved | None:
    actor = _government_of_the_place(memory, normalise(_strip(p.text)))
    if actor is None:
        actor = next((_government_in(memory, normalise(t.text)) for t in _place_of_a_government(p)), None)
    return Resolved(actor, p.text, "metonym") if actor is not None else None


def _government_of_the_place(memory: ArticleMemory, key: str) -> Actor | None:
    entry = memory.reg.metonym.get(key)
    if entry is not None:
        return entry.actor
    country = memory.reg.country_by_name.get(key)
    if country is not None:  # "Poland said": the country speaks through its government
        return _registered_or_new(memory, memory.reg.government_name(country), "government", country.iso2)
    return None


def _government_in(memory: ArticleMemory, key: str) -> Actor | None:
    """The government a place names: a country's or a capital's ("the government in Tbilisi")."""
    actor = _government_of_the_place(memory, key)
    country = memory.reg.country_by_capital.get(key) if actor is None else None
    if country is not None:
        return _registered_or_new(memory, memory.reg.government_name(country), "government", country.iso2)
    return actor


_RULERS = {"government", "administration", "regime", "authorities", "leadership", "cabinet"}


def _place_of_a_government(p: Phrase) -> list[Token]:
    """'the Warsaw government', 'the government in Minsk', 'the Kyiv authorities': the place a government
    is named by (a capital or a country), which names it as the bare place would."""
    head = p.head
    if head.lemma_.lower() not in _RULERS and head.lower_ not in _RULERS:
        return []
    places = [c for c in head.children if c.dep_ == "compound" and (c.ent_type_ == "GPE" or c.pos_ == "PROPN")]
    places += [o for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children
               if o.dep_ == "pobj" and (o.ent_type_ == "GPE" or o.pos_ == "PROPN") and not any(x.dep_ == "compound" for x in o.children)]
    return places if len(places) == 1 else []


_LOCAL_BODIES = {"police": "Police", "city council": "City Council", "regional council": "Regional Council"}
_AREA_WORDS = {"region", "province", "voivodeship", "oblast", "county", "district", "city"}


def _local_body(memory: ArticleMemory, p: Phrase) -> Actor | None:
    """'police for the Podlasie region', 'Kharkiv police', 'the Mariupol city council': a body of a
    place below a country, named '<Place> Police' ('Polish police' stays the national body)."""
    head = p.head
    words = " ".join(t.lower_ for t in p.span if t.i <= head.i)
    body = next((b for b in _LOCAL_BODIES if words.endswith(b)), None)  # "the Mariupol city council", "Kharkiv police"
    if body is None and head.lower_ == "police":
        body = "police"  # "police for the Podlasie region"
    if body is None:
        return None
    places = []
    for t in p.span:
        if t.pos_ != "PROPN" or t.i == head.i or country_of(memory.reg, t.text) is not None:
            continue
        if t.dep_ == "compound" and t.head.i == head.i or t.dep_ in ("compound", "pobj") and (
                t.head.lemma_.lower() in _AREA_WORDS or t.head.lower_ in ("for", "of", "in")):
            places.append(t)
    if len(places) != 1:
        return None
    name = f"{places[0].text} {_LOCAL_BODIES[body]}"
    return organisation_named(memory, name) or new_actor(name, "organisation")


def _part_of_a_body(memory: ArticleMemory, p: Phrase) -> Resolved | None:
    """'the Chattanooga Hamilton County branch of the NAACP said': the body it is a part of."""
    head = p.head
    if head.lemma_.lower() not in PART_NOUNS:  # a part of a body speaks as the body
        return None
    of = [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    if not of:
        return None
    found = institution(memory, Phrase.of(of[0]))
    return Resolved(found.actor, p.text, "institution") if found is not None and found.actor is not None else None


def _the_administration(memory: ArticleMemory) -> Actor | None:
    """'The administration said', 'a senior administration official': in English news the
    administration unqualified is the American president's, in an article with anyone or anything
    American in it (elsewhere a government is "the government")."""
    us = memory.reg.country("US")
    if us is None or not any(e.actor.country_code == "US" or e.country == "US" for e in memory.entities.values()):
        return None
    return _registered_or_new(memory, memory.reg.government_name(us), "government", us.iso2)


_FAMILY_KINDS = {"agency", "body", "organisation", "organization", "watchdog", "office", "court", "fund", "mission"}


def _member_of_the_family(memory: ArticleMemory, p: Phrase) -> Actor | None:
    """'A UNHCR statement …' then 'The UN agency noted': the agency of that family the article named before (its
    registry name holds the words: "UN refugee agency"), not the family itself."""
    if p.head.lemma_.lower() not in _FAMILY_KINDS:
        return None
    words = [normalise(t.text) for t in p.span if not t.is_punct and t.dep_ != "det"]
    if len(words) != 2:
        return None
    for m in reversed(memory.mentions):
        if m.start >= p.span.start_char or m.entity.is_person or m.in_quote:
            continue
        names = [normalise(n) for n in (m.entity.actor.name, *m.entity.actor.aliases)]
        if any(n.split()[:1] == words[:1] and words[1] in n.split()[1:] for n in names):
            return m.entity.actor
    return None


def institution(memory: ArticleMemory, p: Phrase) -> Resolved | None:
    head = p.head
    if head.lemma_.lower() == "administration" and [t.lower_ for t in p.span if not t.is_punct] == ["the", head.lower_]:
        us = _the_administration(memory)
        if us is not None:
            return Resolved(us, p.text, "institution")
    part = _part_of_a_body(memory, p)
    if part is not None:
        return part
    member = _member_of_the_family(memory, p)
    if member is not None:
        return Resolved(member, p.text, "institution")
    channel = _named_channel(memory, head)
    if channel is not None:  # "said the War Gonzo blog"
        memory.note(memory.entity_for(channel), p.span.start_char, p.span.end_char, "organisation", True)
        return Resolved(channel, p.text, "institution")
    local = _local_body(memory, p)
    if local is not None:
        memory.note(memory.entity_for(local), p.span.start_char, p.span.end_char, "organisation")
        return Resolved(local, p.text, "institution")
    words = [t for t in p.span if t.i <= head.i or t.dep_ in ("prep", "pobj", "compound") and t.head.i >= head.i]
    text = p.span.doc[p.span.start : head.i + 1].text if words else p.text  # (as written: "Thailand's Ministry", not "Thailand 's")
    actor = (presidential_office(memory, p.text, head.idx) or organisation_named(memory, text, head.idx) or organisation_named(memory, p.text, head.idx)
             or ministry_of_the_article(memory, p.text, head.idx))
    if actor is None and head.pos_ == "PROPN":
        actor = memory.body_noted_at(head.idx)  # "Berjaya said": the body the memory read the name as
    if actor is None and (head.pos_ == "PROPN" or head.text[:1].isupper()):
        entity = memory.organisation_by_short_name(p.text, head.idx)  # "the State Committee" for the State Border Committee
        actor = entity.actor if entity is not None else None
    if actor is None and head.lower_ in ORG_NOUNS and len([t for t in p.span if not t.is_punct]) <= 2:
        body = memory.described(memory.description_of(head), head.idx)  # "the Embassy said", capitalised: the one named
        actor = body.actor if body is not None and not body.is_person else None
    if actor is None and (head.ent_type_ == "ORG" or head.pos_ == "PROPN" and head.ent_type_ in ("NORP", "GPE")
                          or head.lemma_.lower() in _SOURCE_HEADS):
        actor = find_in_phrase(memory, p.text)
        if actor is None and head.ent_type_ == "ORG" and head.lemma_.lower() not in PERSON_NOUNS:
            ent = next((e for e in p.span.doc.ents if e.start <= head.i < e.end), None)
            if ent is not None and len(ent.text) > 2:  # (not "the National Security Adviser": a title, not a body)
                actor = new_actor(_strip(_whole_body_name(ent).text), "organisation")
    if actor is None:
        return None
    entity = memory.entity_for(actor)
    memory.note(entity, p.span.start_char, p.span.end_char, "organisation")
    return Resolved(actor, p.text, "institution")


def _described_as_a_person(head: Token) -> bool:
    """'Ana Costa, the mayor, said': a name set beside a person's noun is a person's, whatever tag
    the NER gave it."""
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and (c.lemma_.lower() in PERSON_NOUNS or normalise(c.text) in OFFICE_WORDS)
               for c in head.children)


def unregistered_name(memory: ArticleMemory, p: Phrase) -> Resolved | None:
    head = p.head
    if head.pos_ != "PROPN" or head.ent_type_ in ("DATE", "TIME", "CARDINAL") or head.ent_type_ in ("ORG", "GPE", "NORP", "LOC", "FAC") and not (
            head.i > p.span.start and p.span.doc[head.i - 1].pos_ == "PROPN" and _described_as_a_person(head)):
        return None  # (a given and a family name the NER took for a body or a place: "Ana Costa, the mayor,")
    first = head.i
    while first > p.span.start and p.span.doc[first - 1].pos_ == "PROPN":
        first -= 1
    words = p.span.doc[first : head.i + 1]
    if len(words) == 1 and normalise(head.text) in OFFICE_WORDS | TITLE_WORDS:
        return None  # "the Ombudsman said": an office written with a capital, no one's name
    if names_a_body(words.text):  # "Hostages Families Forum", a body the NER did not tag
        entity = memory.entity_for(new_actor(words.text, "organisation"))
        memory.note(entity, words.start_char, words.end_char, "organisation")
        return Resolved(entity.actor, p.text, "institution")
    entity = memory.person_named(words.text, words.start_char)
    if entity is None or (entity.is_lone_name and head.ent_type_ != "PERSON"):
        return None
    memory.note(entity, words.start_char, words.end_char, "name")
    return Resolved(entity.actor, p.text, "name")


# People named together, then spoken of as a group ("wrote the lawmakers", "the two spy chiefs said")
_GROUP_NOUNS = {"lawmaker", "senator", "legislator", "congressman", "congresswoman", "congressmen", "congresswomen", "mp", "mep",
                "councillor", "councilor", "leader", "chief", "head", "minister", "president", "premier", "envoy"}


def salience(memory: ArticleMemory, p: Phrase) -> Resolved | None:
    """The last resort for a definite description nothing else knew ("the leaders", "the embassy"):
    whom the reader has in mind there — a body for plurals and bodies' nouns, else a person."""
    head = p.head
    if head.pos_ not in ("NOUN", "PROPN") or not any(c.lower_ == "the" for c in head.children):
        return None
    if head.tag_ in ("NNS", "NNPS") and head.lemma_.lower() in _GROUP_NOUNS:
        entity = memory.first_of_a_group(head.idx)  # "wrote the lawmakers": the first of those named together
        if entity is not None:
            return Resolved(entity.actor, p.text, "salience")
    if head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() in ORG_NOUNS:
        entity = memory.salient_organisation(head.idx, max_paragraphs=3)
    elif any(o.dep_ == "pobj" and not memory.is_place_or_nation(o.text) for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
             for o in c.children) and memory.description_of(head).title not in EPITHETS:
        entity = None  # "the president of the forum" is that body's, not whoever the reader last met
    elif names_an_office(memory.description_of(head).title):
        entity = None  # "The Finance Minister is doubling down": that office's holder, whom nothing here names
    else:
        entity = memory.salient_person(head.idx, same_sentence_subjects_only=False)
    return Resolved(entity.actor, p.text, "salience") if entity is not None else None


SPEAKER_SIEVES = (pronoun, name, role, spokesperson, national_official, metonym, institution, unregistered_name, salience)
SPEAKER_SIEVE_NAMES = ("pronoun", "name", "title_surname", "surname", "role", "spokesperson", "national_official",
                       "metonym", "institution")


def resolve_speaker(memory: ArticleMemory, p: Phrase, disabled: frozenset[str] = frozenset()) -> Resolved:
    """The actor a speaker phrase refers to, by the first sieve that knows."""
    for sieve in SPEAKER_SIEVES:
        if sieve.__name__ in disabled:
            continue
        found = sieve(memory, p)
        if found is not None:
            return found
    return Resolved(None, p.text, "unresolved")
