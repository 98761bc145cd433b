"""One article's memory of who is who (a discourse model), built once per article.

Every mention of a person or body — full name, surname, first name, title + name, a title the
article gives ("Defence Minister X", "X, Poland's defence minister"), a role description ("the
Foreign Secretary", "Belarus' dictator"), a pronoun — is linked to one in-article `Entity` whose
actor is the registry's canonical one where the registry knows it. Quotes, nested quotes and
events read this one memory, so a quote's speaker and an event's actor are the same actor.

Built in passes over the parsed article: full names first (so a surname in the headline finds
the full name in the body), then single names, then titles, organisations and the subjects of
clauses that are role descriptions. Pronouns are resolved on demand, looking back sentence by
sentence for the nearest compatible subject (Hobbs' preference, gender-checked), and memoised.
"""

from __future__ import annotations

import bisect
import csv
import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from .actors import Actor, Registry, country_of, country_of_misspelt_demonym, new_actor
from .config import load_settings
from .names import BODY_LAST_WORDS, FAMILY_NAME_FIRST, HONORIFICS, NAME_PARTICLES, OFFICE_WORDS, PAGE_LABELS, PLATFORMS, TITLE_WORDS, CleanName, clean_person_name, institution_parts, gendered_forms, is_web_address, name_key, normalise, names_a_body, without_bracketed_acronym
from .cues import is_cue
from .metadata import CRAWLER_HEADER
from .nlp import entities, sentences
from .places import gazetteer
from .quote_spans import QuoteIndex, find_quote_spans, is_scare_quote

PRONOUN_GENDER = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}
ORG_PRONOUNS = {"it", "its", "they", "them", "their"}
# The people a body is made of, who speak as the body when it is named with them ("G7 leaders said").
MEMBER_NOUNS = {"leader", "minister", "member", "ally", "head", "envoy", "delegate", "representative", "diplomat", "official"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Head nouns of descriptions that refer to a person ("the strongman", "Belarus' dictator").
PERSON_NOUNS = {
    "strongman", "dictator", "leader", "president", "premier", "minister", "chancellor", "politician", "veteran",
    "diplomat", "envoy", "ambassador", "general", "commander", "mp", "senator", "congressman", "congresswoman",
    "tycoon", "autocrat", "despot", "monarch", "king", "queen", "pm", "cm", "secretary", "chief", "head", "activist", "man",
    "woman", "lawmaker", "aide", "adviser", "advisor", "ally", "father", "mother", "resident", "mayor", "governor",
    "spokesman", "spokeswoman", "spokesperson", "counterpart", "chairman", "chairwoman", "boss", "leader",
    "prosecutor", "ruler", "incumbent", "candidate", "opposition", "official",
}
# Head nouns of descriptions that refer back to an organisation, with the words its name contains.
ORG_NOUNS = {
    "ministry": ("ministry",), "department": ("department",), "agency": ("agency",), "army": ("army", "armed forces"),
    "military": ("military", "armed forces"), "government": ("government",), "office": ("office",),
    "committee": ("committee",), "alliance": ("nato", "alliance"), "bloc": ("european union",), "commission": ("commission",),
    "council": ("council",), "service": ("service",), "guard": ("guard",), "kremlin": ("kremlin",), "embassy": ("embassy",),
    "union": ("union",), "organisation": ("organisation", "organization"), "group": ("group",), "company": ("company",),
    "parliament": ("parliament", "duma", "sejm", "seimas"), "police": ("police",),
    "movement": ("movement",), "network": ("network",), "collective": ("collective",),
    "country": (), "nation": (),
    **dict.fromkeys(("firm", "operator", "utility", "provider", "supplier", "charity", "club", "broadcaster", "airline", "party"), ()),
}
# Nouns of a kind of body ("the power firm", "the network operator", "the charity"): whichever body of
# the article acted last, whatever else the description says of it.
_KIND_NOUNS = {"group", "organisation", "organization", "movement", "network", "collective", "firm", "operator", "utility",
               "provider", "supplier", "charity", "club", "broadcaster", "airline", "party", "company"}
_PARENT_OF = re.compile(r"(?:married |proud |single )?(?:father|mother|grandfather|grandmother|mum|mom|dad) of "
                        r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\b")
# Epithets that refer back to the person the reader has in mind ("the strongman", "the Moscow ally").
EPITHETS = {
    "strongman", "dictator", "leader", "president", "premier", "chancellor", "ally", "autocrat", "despot", "monarch",
    "ruler", "veteran", "politician", "diplomat", "incumbent", "tycoon", "boss", "minister", "prime minister",
    "head of state", "head of government", "head of the state", "president", "officer",
}
# Relatives who share a surname ("Anna Starostka and her daughter Kinga"), and those named beside a
# person who need not ("… along with her partner Oleksii Ikonnikov").
FAMILY = {"daughter", "son", "wife", "husband", "mother", "father", "brother", "sister", "mum", "dad", "granddaughter",
          "grandson", "grandmother", "grandfather"}
RELATIVES = FAMILY | {"partner", "child", "children", "boyfriend", "girlfriend", "fiance", "fiancee"}
# Offices held for a place ("councillor for Kinson", "MP for Bath"), whose place the NER runs into the holder's name
# (not "a spokesman for Save Our Libraries": a body's).
_OFFICES_OF_PLACES = {"councillor", "councilor", "mp", "msp", "mla", "td", "member", "senator", "representative", "alderman",
                      "assemblyman", "assemblywoman", "congressman", "congresswoman", "mayor", "bishop", "deputy", "candidate"}
# Parts of a body that speak as the body ("the Warsaw branch of Amnesty International said").
PART_NOUNS = {"branch", "chapter", "wing", "arm", "affiliate", "section", "division"}
_NEWSPAPER_WORDS = {"times", "post", "herald", "tribune", "gazette", "journal", "telegraph", "chronicle", "observer",
                    "express", "mirror", "courier", "bulletin", "dispatch", "inquirer", "daily", "news", "guardian"}
_OPENING_MARKS = {"“", '"', "‘", "'", "«", "„"}
_CLOSING_MARKS = {"”", '"', "’", "'", "»", "“"}
# How a source who gives only a name is introduced: "who gave her name as Victoria", "who asked to be
# identified only as Oleksandr", "identifying himself only as Ahmed".
_NAME_GIVEN = r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
_GIVEN_AS = (
    re.compile(r"\b(?:gave|giving|gives|give|offered|provided)\s+(?P<whose>his|her|their)\s+(?:first\s+|full\s+)?names?\s+"
               r"(?:only\s+)?as\s+" + _NAME_GIVEN),
    re.compile(r"\b(?:asked|wanted|agreed|chose)\s+to\s+be\s+(?:identified|named|called|known)\s+(?:only\s+)?"
               r"(?:by\s+(?P<whose>his|her)\s+first\s+name,?\s+)?(?:as\s+)?" + _NAME_GIVEN),
    re.compile(r"\bidentif(?:ying|ied)\s+(?P<whose>himself|herself)\s+(?:only\s+)?as\s+" + _NAME_GIVEN),
)
_NAMING_BEFORE_MARKS = re.compile(r"\b(?:(?:called|named|dubbed|nicknamed|code-?named)(?:\s+[\w'’-]+){0,3}|operation|dog|cat|ship|film|book|song|album)\s*$", re.I)
# Section labels of newsletter-style copy (Axios and its imitators) that open a line.
_SECTION_LABEL = re.compile(
    r"(?m)^[ \t-]*(?:what (?:they|he|she|we|others|people|officials|critics)(?:'re|’re|'s|’s| are| is) saying|why it matters|"
    r"the big picture|driving the news|between the lines|the other side|zoom (?:in|out)|state of play|"
    r"what's next|what’s next|what to watch|by the numbers|go deeper|catch up quick|flashback|the bottom line|yes, but)\s*:", re.I)
# A dateline: a city in capitals (with its country, a date, the agency) before a colon or dash, or a
# city and country in title case before a dash.
_DATELINE = re.compile(
    r"^\s*(?:(?P<city>[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+){0,2})(?:,\s*(?P<country>[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?))?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)\n]{1,20}\))?\s*(?:[:—–]|\s-\s)"
    r"|(?P<city2>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?),\s*(?P<country2>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*[—–])"
)
# Other words for a title that news English uses for the same person later in the article.
_TITLE_SYNONYMS = {"ambassador": ("envoy", "diplomat"), "foreign minister": ("head of diplomacy", "diplomacy chief"), "prime minister": ("head of government", "head of executive", "premier"),
                   "mayor": ("head of city", "city head", "head of town", "town head"),  # (translated news: "the head of the city")
                   # a Ukrainian governor heads the regional (military) administration, as Ukrainian copy calls them
                   "governor": ("head of regional administration", "head of regional military administration",
                                "head of regional state administration", "head of oblast administration",
                                "head of oblast military administration"),
                   **dict.fromkeys(("defense secretary", "secretary of defense"), ("pentagon chief", "pentagon head")),
                   # a British secretary of state is a (cabinet) minister: "The senior cabinet minister said"
                   **dict.fromkeys(("foreign secretary", "home secretary", "defence secretary", "health secretary",
                                    "chancellor of the exchequer"), ("minister", "cabinet minister"))}
# ("top diplomat" is not here: "the bloc's top diplomat" is the EU's, whatever foreign minister the article names)
_OFFICE_QUALIFIERS = {"deputy", "vice", "foreign", "defence", "defense", "interior", "finance", "economy", "health",
                      "justice", "culture", "education", "energy", "trade", "home", "assistant", "junior", "agriculture",
                      "transport", "environment", "labour", "emergencies", "emergency", "digital", "state", "shipping",
                      "information", "social", "youth", "sports", "science", "industry"}
# Title words that come right before a name ("Foreign Minister X", "spokesman X").
_TITLE_NOUNS = {"minister", "president", "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy",
                "chancellor", "premier", "commissioner", "governor", "mayor", "general", "commander", "chief", "director",
                "adviser", "advisor", "leader", "senator", "deputy", "official", "aide", "lawmaker", "mp", "activist"}
# Qualifiers that make a title another office ("opposition leader" is not "the leader").
_CONTRASTING = {"opposition", "former", "ex", "exiled", "deputy", "vice", "acting", "assistant"}
_STORY_PEOPLE = {"student", "mother", "father", "resident", "volunteer", "refugee", "teacher", "doctor", "nurse", "soldier",
                 "driver", "farmer", "worker", "pensioner", "migrant", "witness", "woman", "man", "protester", "protestor",
                 "demonstrator", "blogger", "journalist"}
_BODY_ALIASES = {"un": ("united nations",), "united nations": ("un",), "eu": ("european union",),
                 "european union": ("eu",), "us": ("united states", "u.s."), "nato": ("alliance",)}
_HEAD_WORDS = {"chief", "head", "boss", "leader", "director", "chairman", "chairwoman", "chair"}
# Head words that name one office: "the OSCE chairman" is not the OSCE assembly's president.
_OFFICE_HEADS = {"director": ("director",), **dict.fromkeys(("chairman", "chairwoman", "chair"),
                                                             ("chairman", "chairwoman", "chair", "chairperson", "chair-in-office"))}
_AGED = re.compile(r"\b\d{1,3}[- ]year[- ]old\s+$", re.I)
_TITLE_HINT = re.compile(
    r"\b(?:minister|secretary|president|premier|chancellor|spokes(?:man|woman|person)|adviser|advisor|aide|assistant|negotiator|ambassador|envoy|"
    r"leader|chief|head|commander|general|director|mayor|governor|prosecutor|senator|speaker|official|representative|"
    r"correspondent|editor|analyst|king|queen|diplomat|chairman|chairwoman|commissioner|secretary-general|journalist|"
    r"reporter|presenter|interviewer|host|anchor|"
    # people in the story described by what they are: "Reyham Khan, a medical student," -> "the student said"
    r"student|mother|father|resident|volunteer|refugee|teacher|doctor|nurse|soldier|driver|farmer|worker|priest|"
    r"bishop|archbishop|cardinal|rabbi|imam|pastor|vicar|chaplain|patriarch|"
    r"pensioner|migrant|businessman|businesswoman|activist|witness|lawyer|economist|expert|professor|researcher|"
    r"officer|engineer|owner|manager|founder|coordinator|member|rapporteur|chair|deputy|lawmaker|legislator|mp|"
    r"protester|protestor|demonstrator|hacker|blogger|commentator)\b",
    re.I,
)
_ROLE_ABBREVIATIONS = {"pm": "prime minister", "fm": "foreign minister", "sec gen": "secretary general",
                       "dp": "deputy president", "vp": "vice president", "cs": "cabinet secretary", "cm": "chief minister"}
_INTERNATIONAL = {"bloc", "eu", "european union", "alliance", "nato", "un", "united nations", "european", "commission", "organisation"}


_NOT_ORGS = {"gmt", "bst", "utc", "cet", "est", "edt", "msk", "am", "pm", "cm", "tv", "pdf", "covid", "covid-19"}


# Words that make a name a body's ("Grupa Granica" is not among them; the comma test decides).
_BODY_WORDS = {"ministry", "committee", "council", "agency", "party", "group", "union", "bank", "guard", "guards", "forces",
               "army", "office", "service", "news", "parliament", "government", "commission", "organisation", "organization",
               "association", "institute", "university", "company", "corporation", "airlines", "railways", "international",
               "watch", "foundation", "fund", "network", "centre", "center", "court", "police", "embassy", "mission", "tv",
               "radio", "times", "post", "press", "media", "club", "league", "federation", "assembly", "region", "republic"}


_BRACKETED_ACRONYM = re.compile(r"((?:[A-Z][\w'’-]+|of|and|for|the|on)(?:[ \t]+(?:[A-Z][\w'’-]+|of|and|for|the|on))+)[ \t]*\(([A-Z]{2,6}|[A-Z][a-z]{2,5})\)")


def _initials(name: str) -> str:
    """'Russian Paralympic Committee' -> 'RPC' (small words skipped)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _is_acronym(word: str) -> bool:
    """'SWIFT', 'OSCE', 'UNHCR': capitals only, two to six letters."""
    return word.isalpha() and word.isupper() and 2 <= len(word) <= 6


def _plausible_org(text: str) -> bool:
    """An unregistered ORG entity worth keeping: several words, or an acronym that is no time zone."""
    t = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    if t.lower() in _NOT_ORGS or any(ch.isdigit() for ch in t) or "@" in t:
        return False  # ("@POTUS": an account's handle, whoever posts from it)
    if _A_LAW.search(t):
        return False  # "the Safety of Rwanda Bill", "the Inflation Reduction Act": a text, no one who speaks
    return len(t.split()) >= 2 or (t.isupper() and 2 <= len(t) <= 6)


_A_LAW = re.compile(r"\b(?:Bill|Act|Treaty|Accords?|Agreements?|Convention|Protocol|Framework|Amendment|Directive|Regulation)$")


_CREDIT_BEFORE = re.compile(r"(?:\b(?:photo|photograph|picture|image|pic|credit|copyright|video)s?\s*(?:by|:|/)?|©|\|)\s*$", re.I)
_CREDIT_INSIDE = re.compile(r"\b(?:photo|pool|getty|reuters|ap|afp|pa|epa|nurphoto|shutterstock|images?)\b", re.I)


# A bulleted line with no sentence's end, of headline length: a link to another story.
# Given names written abbreviated before the name a person goes by ("Md Touhid Hossain" is Touhid).
_ABBREVIATED_GIVEN = {"md", "mohd", "muhd", "mohd.", "md."}
_LINK_LINE = re.compile(r"^\s*[-•▪►*]\s+(?=\S)(?:\S+\s+){1,20}\S*[^\s.!?:;”\"'’)]\s*$")
_CAPTION_END = re.compile(r"\b(?:Credit|Photo|Picture|Image|Photograph)s?\s*:\s*[^\n:]{1,60}$|\((?:Photo|Image|Picture)s?:[^\n)]{1,60}\)\s*$")


def is_credit(text: str, start: int, end: int) -> bool:
    """A photo credit names a photographer, not someone in the story: "Photo: Mark Condren",
    "(Photo by Celestino Arce/NurPhoto via Getty Images)", "Emilio Morenatti/AP"."""
    line_start = text.rfind("\n", 0, start) + 1
    if _CREDIT_BEFORE.search(text[max(line_start, start - 40) : start]):
        return True
    open_paren = text.rfind("(", max(line_start, start - 80), start)
    close_paren = text.find(")", end, end + 80)
    if open_paren >= 0 and close_paren >= 0 and "\n" not in text[open_paren:close_paren]:
        inside = text[open_paren:close_paren]
        if "/" in inside or _CREDIT_INSIDE.search(inside):
            return True
    return "/" in text[start:end] or text[end : end + 1] == "/"


@functools.lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    path = load_settings().first_names_file
    with open(path, newline="", encoding="utf-8") as fh:
        return {row["name"]: row["gender"] for row in csv.DictReader(fh)}


def first_name_gender(word: str) -> str | None:
    """'female' for "Hanna", 'male' for "Kostyantyn", None for names used for both or unknown."""
    return _first_names().get(normalise(word))


@functools.lru_cache(maxsize=1)
def _gender_detector():
    import gender_guesser.detector  # a 4 MB dictionary, read once per process (~0.2 s)

    return gender_guesser.detector.Detector(case_sensitive=False)


def usual_gender(word: str) -> str | None:
    """The gender a first name usually has: this project's list first, then gender-guesser's
    dictionary, whose plain answers only ('mostly_female', 'andy' for both: None)."""
    known = first_name_gender(word)
    if known is not None or not word[:1].isalpha():
        return known
    answer = _gender_detector().get_gender(word)
    return answer if answer in ("female", "male") else None


def looks_proper(tok: Token, at_sentence_start: bool = False) -> bool:
    """A proper noun, or a capitalised word the tagger called a noun mid-sentence ("Zelenskyy said");
    at a sentence start too when asked (the caller then checks it names someone known)."""
    return tok.pos_ == "PROPN" or (
        tok.pos_ == "NOUN" and tok.text[:1].isupper() and (at_sentence_start or not tok.is_sent_start) and not tok.text.isupper()
    )


def proper_run(tok: Token, floor: int = 0) -> Span:
    """The proper nouns that end at `tok` and modify it ("Mevlüt" + "Çavuşoğlu"), not before `floor`."""
    first = tok.i
    while first > floor and tok.doc[first - 1].pos_ == "PROPN" and tok.doc[first - 1].dep_ in ("compound", "flat"):
        first -= 1
    return tok.doc[first : tok.i + 1]


def names_an_office(title: str) -> bool:
    """'finance minister', 'deputy foreign minister': a title that names one office, whose holder is
    known or not, never whoever the reader has in mind."""
    return bool(set(title.split()) & _OFFICE_QUALIFIERS) and title not in EPITHETS


_PARTICIPLE_NEXT = {"for", "to", "on", "with", "against", "at", "in", "up", "down", "back", "out", "off", "the", "a", "an", "his", "her", "its", "their"}


def _opens_with_a_participle(ent: Span) -> bool:
    """'Batting for the party's schemes, he added': a sentence's opening participle the NER took for a
    name (a surname in -ing is followed by its verb: "Dowling said")."""
    doc = ent.doc
    return (len(ent) == 1 and ent[0].is_sent_start and re.fullmatch(r"[A-Z][a-z]{2,}ing", ent.text) is not None
            and ent.end < len(doc) and doc[ent.end].lower_ in _PARTICIPLE_NEXT)


def _bodies_with_their_country(ents: list[Span]) -> list[Span]:
    """'the Ministry of Foreign Affairs of' + 'Poland': the NER's body cut before its country is
    one body with it (the country stays a place of its own)."""
    out = list(ents)
    for k, ent in enumerate(ents[:-1]):
        nxt = ents[k + 1]
        if ent.label_ == "ORG" and ent[-1].lower_ in ("of", "for") and nxt.start == ent.end and nxt.label_ in ("GPE", "LOC"):
            out.append(Span(ent.doc, ent.start, nxt.end, label="ORG"))
            out.remove(ent)
    return sorted(out, key=lambda e: (e.start, -e.end))


def _without_clauses(token: Token) -> list[Token]:
    """The token's subtree without the clauses and appositions hung on it: "of the city, which has
    a large population" is "of the city"."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "appos") and not (c.is_punct and c.i > t.i))
    return sorted(out, key=lambda t: t.i)


@functools.lru_cache(maxsize=1 << 16)  # pure, and asked for the same titles over and over
def title_key(text: str) -> str:
    """A title as a lookup key: folded, determiners and possessives dropped, abbreviations spelled out."""
    key = re.sub(r"(?<=\b[a-z])\.", "", normalise(text))  # "u.n. chief" -> "un chief"
    key = re.sub(r"^(?:the|a|an|its|his|her|their|our)\s+", "", key)
    key = re.sub(r"\s*'s?$", "", key).strip(" ,.")
    key = re.sub(r"\bspokes(?:man|woman|people)\b", "spokesperson", key)  # "the spokesperson" = the spokeswoman named
    key = re.sub(r"\s*-\s*", "-", key)  # "Secretary - General" as tokens
    key = re.sub(r"\badvisor\b", "adviser", key)
    key = re.sub(r"\bforeign affairs (?=adviser|minister|secretary|spokesperson|chief)", "foreign ", key)  # = "the foreign adviser"
    # "Minister of Foreign Affairs" is the foreign minister: one key for both word orders
    key = re.sub(r"\bminister (?:of|for) (?:the )?(foreign affairs|defen[cs]e|the interior|interior|internal affairs|justice|finance)\b",
                 lambda m: f"{MINISTRY_FIELDS[m.group(1).replace('the ', '')]} minister", key)
    # a British cabinet title in full: "the Secretary of State for Defence" is the defence secretary
    key = re.sub(r"^secretary of state for (?:the )?(defen[cs]e|foreign affairs|foreign, commonwealth and development affairs|"
                 r"health(?: and social care)?|the home department|home affairs|education|transport|justice|business|"
                 r"work and pensions|scotland|wales|northern ireland|levelling up|culture|environment|energy)\b",
                 lambda m: f"{_CABINET_FIELDS.get(m.group(1), m.group(1).split()[0])} secretary", key)
    return _ROLE_ABBREVIATIONS.get(key, key)


_CABINET_FIELDS = {"defense": "defence", "foreign affairs": "foreign", "foreign, commonwealth and development affairs": "foreign",
                   "the home department": "home", "home affairs": "home", "health and social care": "health"}
MINISTRY_FIELDS = {"foreign affairs": "foreign", "defence": "defence", "defense": "defence", "interior": "interior",
                    "internal affairs": "interior", "justice": "justice", "finance": "finance"}


_GENERATIONAL = {name_key(w) for w in ("Jr", "Jnr", "Sr", "Snr", "II", "III", "IV")}  # not a family name
_HEAD_OF_MINISTRY = re.compile(r"^(?:head|chief) of (?:the )?(?:(?P<field>[a-z]+(?: affairs)?) ministry|ministry of (?:the )?(?P<field2>[a-z]+(?: affairs)?)"
                               r"|(?P<diplomacy>diplomacy|diplomatic (?:department|service)))$")


def _minister_heading(d: "Description") -> "Description | None":
    """'the head of the Russian Foreign Ministry', 'the chief of Ukraine's defence ministry', TASS's 'the head of
    the Russian diplomatic department': the minister of that field."""
    if d.title in ("top diplomat", "chief diplomat") and d.country is not None and not d.international:
        return dataclasses.replace(d, title="foreign minister", head="minister")  # "Ukraine's top diplomat"
    m = _HEAD_OF_MINISTRY.match(d.title)
    if m is None:
        return None
    if m.group("diplomacy") and d.international:
        return dataclasses.replace(d, title="top diplomat", head="diplomat")  # "the head of European diplomacy": the EU's
    field = "foreign" if m.group("diplomacy") else (m.group("field") or m.group("field2"))
    field = MINISTRY_FIELDS.get(field, field)
    return dataclasses.replace(d, title=f"{field} minister", head="minister")


def _same_head(a: re.Match, b: re.Match) -> bool:
    """Two 'head of the … <kind>' titles of one kind of body ("chief" and "director" = "head")."""
    heads = {"chief": "head", "director": "head", "chairwoman": "chairman", "chair": "chairman"}
    return heads.get(a.group("head"), a.group("head")) == heads.get(b.group("head"), b.group("head")) and a.group("kind") == b.group("kind")


_HEAD_OF = (r"(?P<head>head|chief|director|chairman|chairwoman|chair) of (?:the )?(?:[\w'-]+ ){0,4}"
            r"(?P<kind>administration|committee|service|agency|council|commission|department|office|directorate|inspectorate|authority)$")
_HEAD_OF_A_BODY = re.compile("^" + _HEAD_OF)  # a description's whole title
_TITLE_BEFORE_A_NAME = re.compile(r"\b" + _HEAD_OF)  # the words just before a name


# Head nouns of a country's epithets ("the Gulf state", "the island nation", "the oil-rich kingdom"), and
# the words that make one of them something else ("member state", "the welfare state", "the state of emergency").
_COUNTRY_HEADS = {"country", "nation", "state", "kingdom", "republic", "emirate", "monarchy", "sultanate"}
_NOT_A_COUNTRY = {"member", "city", "federal", "home", "host", "third", "police", "welfare", "deep", "nanny", "head",
                  "one-party", "surveillance", "client", "buffer", "rogue", "failed", "transit", "candidate", "partner", "donor",
                  "western", "other", "first", "second", "last", "next", "same", "secretary", "affairs", "department", "union", "us", "u.s."}


def _describes_a_country(d: "Description") -> bool:
    """'the country', 'the Gulf state', 'the Baltic nation', 'the oil-rich kingdom', 'the Jewish state': the
    country the reader has in mind, speaking through its government. (Bare 'the state' is a US state's, or
    no one's; 'the member state', 'a third country' and a nation's qualifier are other things.)"""
    if d.head not in _COUNTRY_HEADS or not d.definite or d.country is not None or d.international:
        return False
    if d.title == d.head:
        return d.head in ("country", "nation")
    words = d.title.split()
    return words[-1] == d.head and len(words) <= 3 and not set(words[:-1]) & (_NOT_A_COUNTRY | _COUNTRY_HEADS)


def _acts(root: Token) -> bool:
    """The body named is the subject, or the body of the part that is ("the Warsaw branch of Amnesty International said")."""
    return root.dep_ in SUBJECT_DEPS or (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PART_NOUNS
                                         and root.head.head.dep_ in SUBJECT_DEPS)


def _names_a_paper_or_body(name: str) -> bool:
    """'Friday Times', 'Kyiv Post': a newspaper's name (no given name before its last word); 'Russell
    Group', 'Nuffield Foundation': a body's, whatever word comes first."""
    words = name.split()
    return names_a_body(name) or (len(words) > 1 and normalise(words[-1]) in _NEWSPAPER_WORDS and usual_gender(words[0]) is None)


def _outlet_like(name: str) -> bool:
    """'STV News', 'Sky News', 'Newstalk FM': a name that ends as a news outlet's does."""
    words = name.split()
    return len(words) >= 2 and normalise(words[-1]) in _NEWSPAPER_WORDS | {"tv", "radio", "fm"}


# What a person said or did, whose possessor acts when it is a clause's subject ("Petro's statement came …")
_ACTS_OF_SPEECH = {"statement", "comment", "remark", "speech", "announcement", "decision", "response", "message", "post",
                   "letter", "interview", "address", "tweet", "appeal", "warning", "call", "visit", "reply"}


def _is_source(tok: Token) -> bool:
    """The X of "according to X"."""
    to = tok.head
    return tok.dep_ == "pobj" and to.lower_ == "to" and to.i > 0 and to.doc[to.i - 1].lower_ == "according"


def _acts_in_relative_clause(tok: Token) -> bool:
    """"One of those who spoke was Kostya, who issued a plea": the subject of its own relative clause."""
    return any(c.dep_ == "relcl" and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ == "who" for g in c.children)
               for c in tok.children)


def _owned(tok: Token) -> bool:
    """'Her Rhodesian Ridgeback', 'his Land Cruiser': a thing someone has, not a person's name."""
    return any(c.dep_ == "poss" and c.lower_ in ("her", "his", "their", "my", "our", "its", "your") for c in tok.children)


_PLACE_KINDS = {"city", "town", "village", "region", "port", "suburb", "settlement", "district", "province", "county",
                "oblast", "country", "island", "municipality", "hamlet", "resort"}


def _no_verb_between(tok: Token, ancestor: Token) -> bool:
    """No verb on the way up from `tok` to `ancestor` ("the Chief Executive, accompanied by the
    Minister …, José Luis Escrivá,": the name is inside a clause about someone else)."""
    t = tok.head
    while t.i != ancestor.i and t.head.i != t.i:
        if t.pos_ in ("VERB", "AUX") or t.dep_ not in ("prep", "pobj", "compound", "nmod"):
            return False  # (nor a name coordinated with it: "…, and the Minister for Inclusion, José Luis Escrivá")
        t = t.head
    return t.i == ancestor.i


def _relative_phrase(span: Span) -> bool:
    """'one of whom, Colette,', 'whose son, Tom,': a phrase of a relative clause names someone else
    than the noun it hangs on."""
    return any(t.tag_ in ("WP", "WP$", "WDT") for t in span)


def _is_person_title(tok: Token) -> bool:
    """A noun that heads a person's title ("director", "Minister", "rapporteur")."""
    return tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower() in PERSON_NOUNS or _TITLE_HINT.search(tok.lower_) is not None)


@dataclass(eq=False)
class Entity:
    """One person or body of the article, however often and however it is referred to."""

    actor: Actor
    gender: str | None = None
    country: str | None = None
    titles: set[str] = field(default_factory=set)  # title keys the article gives it
    is_lone_name: bool = False  # an unregistered single name: more often a mislabelled word than a person
    gender_guessed: bool = False  # the gender is the first name's usual one, which the text's pronouns may overrule
    first_start: int = 1 << 62  # where the article first mentions it

    @property
    def is_person(self) -> bool:
        return self.actor.actor_type == "person"


@dataclass(frozen=True)
class Mention:
    start: int  # view offsets
    end: int
    entity: Entity
    kind: str  # name | surname | first_name | title_surname | description | pronoun | organisation
    sentence: int
    is_subject: bool
    in_quote: bool


# Kinds of firm news writes before the firm's name ("airline Ryanair", "operator Energoatom").
_FIRM_NOUNS = {"airline", "carrier", "company", "firm", "operator", "giant", "broadcaster", "watchdog", "manufacturer", "maker",
               "bank", "lender", "insurer", "retailer", "conglomerate", "startup", "utility", "producer", "supplier", "exporter",
               "developer", "agency", "group", "party", "union", "charity", "organisation", "organization", "network", "channel"}
# Police and military ranks: a title that tells no office ("Superintendent Liam Geraghty" heads the press office).
_RANKS = {"superintendent", "supt", "chief", "inspector", "sergeant", "sgt", "detective", "constable", "officer", "colonel", "col",
          "lieutenant", "lt", "major", "maj", "captain", "capt", "general", "gen", "brigadier", "commander", "garda"}
_GENERIC_PLACES = {"region", "oblast", "province", "district", "county"}  # ("the head of the city" is its mayor: _TITLE_SYNONYMS)


class ArticleMemory:
    """Who is who in one article. Build once with the parsed article; query by position."""

    def __init__(self, doc: Doc, reg: Registry, published: dt.date | None, quotes: QuoteIndex, opening: str = ""):
        """`opening`: the body's first lines as written, with the agency dateline the parsed text blanks."""
        self.doc, self.reg, self.published, self.quotes = doc, reg, published, quotes
        self.opening = opening
        self.text = doc.text  # once: spaCy rebuilds it from the tokens on every access
        # marks around names and titles ('(See “Ukraine War Claims …”)'): no quotation, and no one's words
        self.titles = QuoteIndex([q for q in find_quote_spans(self.text) if is_scare_quote(self.text, q)])
        self.sents = sentences(doc)
        self.sent_starts = [s.start_char for s in self.sents]
        self.paragraph_of = self._paragraphs()
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self._acronyms: dict[str, Actor] | None = None  # acronym -> the body it stands for, read when first asked
        self._by_start: dict[int, Mention] = {}
        self._full_names: dict[tuple[str, str], list[Mention]] = {}  # ("surname"|"first", key) -> full-name mentions
        self._person_keys: dict[str, Entity] = {}  # name key of a full name -> entity
        self._pronouns: dict[int, Entity | None] = {}
        self._resolving: set[int] = set()
        self._qualifiers: dict[str, bool] = {}
        self._nicknames: dict[int, str] = {}  # start of a name written with a nickname -> the nickname's key
        self._surname_given: set[int] = set()  # starts of first names the memory gave a relative's surname
        self._short_names: list[tuple[Span, str]] = []  # one-word names of bodies named in full before ("Berjaya"), noted with the bodies
        self._build()

    # --- positions ---------------------------------------------------------------------------

    def _paragraphs(self) -> list[int]:
        """Paragraph number of each sentence (a paragraph is a non-blank line)."""
        text = self.text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        numbers, n = [], -1
        for k, start in enumerate(self.line_starts):
            end = self.line_starts[k + 1] - 1 if k + 1 < len(self.line_starts) else len(text)
            if text[start:end].strip():
                n += 1
            numbers.append(max(n, 0))
        self._line_paragraph = numbers
        # Distance back is counted in paragraphs of narrative: a quote running over several
        # paragraphs does not push its speaker out of reach.
        narrative: dict[int, bool] = {}
        spans = [(q.start - 1, q.end + 1) for q in self.quotes.spans]  # quotations, marks included
        first = 0
        for k, start in enumerate(self.line_starts):
            end = self.line_starts[k + 1] - 1 if k + 1 < len(self.line_starts) else len(text)
            while first < len(spans) and spans[first][1] <= start:
                first += 1
            pieces, pos = [], start  # the line without its quotations
            for lo, hi in spans[first:]:
                if lo >= end:
                    break
                pieces.append(text[pos : max(pos, lo)])
                pos = max(pos, hi)
            pieces.append(text[pos:end] if pos < end else "")
            outside = "".join(pieces)
            narrative[numbers[k]] = narrative.get(numbers[k], False) or len(re.findall(r"\w+", outside)) > 1
        rank, self._narrative_rank = 0, {}
        for para in sorted(narrative):
            rank += narrative[para]
            self._narrative_rank[para] = rank
        return [self._paragraph_of_char(s.start_char) for s in self.sents]

    def paragraphs_between(self, earlier: int, later: int) -> int:
        """Narrative paragraphs from paragraph `earlier` to `later` (0 within one paragraph)."""
        return self._narrative_rank.get(later, 0) - self._narrative_rank.get(earlier, 0)

    def _paragraph_of_char(self, char: int) -> int:
        return self._line_paragraph[max(0, bisect.bisect_right(self.line_starts, char) - 1)]

    def sentence_index(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.mentions, start, key=lambda x: x.start)
        hi = bisect.bisect_left(self.mentions, end, key=lambda x: x.start)
        return self.mentions[lo:hi]

    def line_start_of(self, paragraph: int) -> int:
        """Where paragraph number `paragraph` begins (the end of the text when there is none)."""
        k = bisect.bisect_left(self._line_paragraph, paragraph)  # numbers only grow, at each non-blank line
        return self.line_starts[k] if k < len(self.line_starts) else len(self.text)

    def subjects_before(self, pos: int, sentences: int, deps: tuple[str, ...] = ("nsubj",)) -> Iterator[Token]:
        """The subjects outside quotes before `pos`, nearest first: its own sentence and the ones before it,
        `sentences` in all, not further back than the paragraph before."""
        k0 = self.sentence_index(pos)
        for k in range(k0, max(-1, k0 - sentences), -1):
            if self.paragraphs_between(self.paragraph_of[k], self.paragraph_of[k0]) > 1:
                return
            for t in reversed(self.sents[k]):
                if t.idx < pos and t.dep_ in deps and not self.in_quote(t.idx):
                    yield t

    def sentences_between(self, start: int, end: int) -> list[Span]:
        """The sentences overlapping [start, end), found by bisection."""
        lo = self.sentence_index(start)
        out = []
        for s in self.sents[lo:]:
            if s.start_char >= end:
                break
            if s.end_char > start:
                out.append(s)
        return out

    def paragraph_at(self, char: int) -> int:
        return self._paragraph_of_char(char)

    def in_quote(self, char: int) -> bool:
        return char in self.quotes

    # --- entities ----------------------------------------------------------------------------

    def entity_for(self, actor: Actor, gender: str | None = None) -> Entity:
        entity = self.entities.get(actor.actor_id)
        if entity is None:
            entry = self.reg.by_id.get(actor.actor_id)
            gender = gender or (entry.gender if entry else None)
            guessed = False
            if gender is None and actor.actor_type == "person" and " " in actor.name:
                gender = usual_gender(actor.name.split()[0])
                guessed = gender is not None
            entity = Entity(actor, gender, actor.country_code, gender_guessed=guessed)
            self.entities[actor.actor_id] = entity
        elif gender and entity.gender is None:
            entity.gender = gender
        return entity

    def note(self, entity: Entity, start: int, end: int, kind: str, is_subject: bool = True) -> Mention:
        """Record a mention (names at build time; descriptions and pronouns as they are resolved)."""
        existing = self._by_start.get(start)
        if existing is not None and existing.end == end:
            return existing
        m = Mention(start, end, entity, kind, self.sentence_index(start), is_subject, self.in_quote(start))
        entity.first_start = min(entity.first_start, start)
        bisect.insort(self.mentions, m, key=lambda x: x.start)
        self._by_start[start] = m
        if kind in ("name", "title_surname") and entity.is_person:
            canonical = name_key(entity.actor.name)
            written = clean_person_name(self.text[start:end]) if " " in canonical else None  # (not for a lone name: "Iran Deal" is "Deal")
            # the registry's spelling and the article's ("Svetlana Tikhanovskaya" for Sviatlana Tsikhanouskaya)
            for parts in (k.split() for k in {canonical} | ({name_key(written.name)} if written is not None else set())):
                while len(parts) > 2 and parts[-1] in _GENERATIONAL:
                    parts = parts[:-1]  # "Ferdinand Marcos Jnr" … "Marcos said"
                if len(parts) < 2:
                    continue
                if start not in self._surname_given:  # (not "Lola" of "Barry Haughian and his wife Lola": "Haughian" is his)
                    self._full_names.setdefault(("surname", parts[-1]), []).append(m)
                    if len(parts) == 2 and FAMILY_NAME_FIRST.fullmatch(entity.actor.name):
                        self._full_names.setdefault(("surname", parts[0]), []).append(m)  # "Kim Min-ji … Ms Kim"
                self._full_names.setdefault(("first", parts[0]), []).append(m)
                if len(parts) > 2 and parts[0] in _ABBREVIATED_GIVEN:  # "Md Touhid Hossain" … "Touhid told the press"
                    self._full_names.setdefault(("first", parts[1]), []).append(m)
            self._person_keys.setdefault(name_key(entity.actor.name), entity)
        return m

    def body_noted_at(self, char: int) -> Actor | None:
        """The organisation a mention at this character names, if the memory has one there."""
        k = bisect.bisect_right(self.mentions, char, key=lambda x: x.start) - 1
        m = self.mentions[k] if k >= 0 else None
        return m.entity.actor if m is not None and m.start <= char < m.end and not m.entity.is_person else None

    def mention_in(self, span: Span, prefer: Token | None = None) -> Mention | None:
        """The person mention inside a phrase: the one containing `prefer`, else the first."""
        lo = bisect.bisect_left(self.mentions, span.start_char, key=lambda x: x.start)
        found = []
        for m in self.mentions[lo:]:
            if m.start >= span.end_char:
                break
            if m.end <= span.end_char and m.kind in ("name", "surname", "first_name", "title_surname") and m.entity.is_person:
                found.append(m)
        if not found:
            return None
        if prefer is not None:
            for m in found:
                if m.start <= prefer.idx < m.end:
                    return m
        return found[0]

    # --- building ----------------------------------------------------------------------------

    def _is_qualifier(self, word: str) -> bool:
        """A country or nationality word, misspelt ones too ("said Ukranian Tatiana")."""
        known = self._qualifiers.get(word)
        if known is None:
            known = country_of(self.reg, word) is not None or (
                word[:1].isupper() and country_of_misspelt_demonym(self.reg, word) is not None)
            self._qualifiers[word] = known
        return known

    def _build(self) -> None:
        persons = [self._with_honorific(self._without_office_place(self._with_given_name(self._whole_name(e)))) for e in entities(self.doc)
                   if e.label_ == "PERSON" and not is_credit(self.text, e.start_char, e.end_char)
                   and self.acronym(e.text.strip()) is None  # "Narefa said", after "… Refugees (Narefa)": a body
                   and not _owned(e.root)  # "Her Rhodesian Ridgeback": someone's dog
                   and not _opens_with_a_participle(e)]
        persons = self._with_nicknames(persons)
        cleaned = [(e, clean_person_name(e.text, self._is_qualifier)) for e in persons]
        cleaned = [(e, c) for e, c in cleaned if c is not None]
        cleaned = self._couples_share_the_surname(cleaned)
        full = [(e, c) for e, c in cleaned if len(c.name.split()) > 1]
        single = [(e, c) for e, c in cleaned if len(c.name.split()) == 1]
        for ent, c in full:
            if names_a_body(c.name):  # "Hostages Families Forum" tagged PERSON: a body
                self.note(self.entity_for(new_actor(c.name, "organisation")), ent.start_char, ent.end_char, "organisation", _acts(ent.root))
                continue
            if _names_a_paper_or_body(c.name) or self.is_place_or_nation(c.name) or self._a_dateline(ent, c.name) \
                    or self._two_people_run_together(c.name):
                continue  # "Friday Times spoke to 52 students", "Kyiv Post": a newspaper; "Sri Lanka": a country
            if self._registered_body_named(ent, c.name):  # "Wisma Putra said": a ministry
                continue
            entity = self._person_from_full_name(c.name, c.gender)
            m = self._note_ent(ent, entity, "title_surname" if c.honorific else "name")
            if ent.start_char in self._nicknames:  # "said Kolya" after "Mykola “Kolya” Petrenko"
                self._full_names.setdefault(("first", self._nicknames[ent.start_char]), []).append(m)
        self._learn_titled_names()  # full names the NER missed, before single names look for them
        self._learn_given_names()
        for ent, c in single:
            if ent.start > 0 and self._registered_body(f"{self.doc[ent.start - 1].text} {ent.text}"):
                continue  # "European Pravda reported": the NER cut a registered outlet's name in two
            if self._registered_body_named(ent, c.name):  # "Scottish Labour leader …", "Plaid said": a party
                continue
            if not c.honorific and len(ent) == 1 and self._begins_a_body_named_before(ent.root):
                self._short_names.append((ent, c.name))  # "Berjaya said", after "Berjaya Corporation filed …": read with the bodies
                continue
            if not c.honorific and self._set_beside_a_bodys_noun(ent.root):  # "the main opposition party, Chadema,"
                self.note(self.entity_for(new_actor(c.name, "organisation")), ent.start_char, ent.end_char, "organisation",
                          ent.root.dep_ in SUBJECT_DEPS or ent.root.head.dep_ in SUBJECT_DEPS)
                continue
            if not c.honorific and self._writes_as_a_paper(ent.root, ent):
                self.note(self.entity_for(new_actor(ent.text.strip(), "media")), ent.start_char, ent.end_char, "organisation", True)
                continue
            entity, kind = self._person_from_single_name(c.name, ent.start_char, c.honorific)
            if entity is not None and entity.is_lone_name and self._in_title_case_line(ent.start_char):
                continue  # "UN Chief: Russian Invasion 'Not Irreversible'": the NER reads capitals as names
            if entity is not None:
                self._note_ent(ent, entity, "title_surname" if c.honorific and kind == "surname" else kind)
        self._learn_registered_names()
        self._learn_names_given_as()
        self._learn_names_in_marks()
        self._learn_proper_subjects()
        self._learn_later_surnames()
        for m in list(self.mentions):
            if m.kind in ("name", "title_surname"):
                self._learn_titles(m)
        self._learn_appositive_names()
        self._learn_embassies()
        self._learn_organisations()
        self._learn_short_names()
        self._merge_lone_names()
        self._learn_offices()
        self._learn_registered_bodies()
        self._resolve_pronouns()  # first without descriptions: an epithet's salience needs the pronouns before it
        self._learn_subject_descriptions()
        self._pronouns.clear()
        self._resolve_pronouns()  # again, now that "the Foreign Secretary visited …" is a subject too

    @staticmethod
    def _set_beside_a_bodys_noun(tok: Token) -> bool:
        """A name in apposition to a body's noun, or with one in apposition to it ("Tanzania's main
        opposition party, Chadema,", "Chadema, the main opposition party,"): a body's name."""
        nouns = [tok.head] if tok.dep_ in ("appos", "npadvmod") else [c for c in tok.children if c.dep_ == "appos"]
        if any(c.dep_ == "compound" and c.i == tok.i - 1 and c.pos_ == "NOUN" and c.lemma_.lower() in _FIRM_NOUNS for c in tok.children):
            return True  # "Irish airline Ryanair", "state energy company Naftogaz": a firm's name after its kind
        return any(n.pos_ == "NOUN" and n.lemma_.lower() in ORG_NOUNS and n.lemma_.lower() not in PERSON_NOUNS
                   and n.lemma_.lower() not in ("country", "nation") for n in nouns)

    def _registered_body_named(self, ent: Span, name: str) -> bool:
        """The NER's person is a registered body ("Wisma Putra", "Scottish Labour", "Labour"): noted as
        that body, and True."""
        for text in (ent.text.strip(), name):
            body = self.reg.alias.get(normalise(text))
            if body is not None and body.actor.actor_type not in ("person", "media"):
                self.note(self.entity_for(body.actor), ent.start_char, ent.end_char, "organisation", ent.root.dep_ in SUBJECT_DEPS)
                return True
        return False

    def _learn_registered_names(self) -> None:
        """Registered people written as proper nouns the NER did not call a person
        ("Ursula von der Leyen" at a paragraph start, "Alyaksandr Lukashenka" tagged ORG)."""
        doc, i = self.doc, 0
        while i < len(doc):
            if doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
                i += 1
                continue
            j = i
            while j + 1 < len(doc) and (doc[j + 1].pos_ == "PROPN" or doc[j + 1].lower_ in NAME_PARTICLES) and doc[j + 1].text[:1].isalpha():
                j += 1
            run = doc[i : j + 1]
            i = j + 1
            if len(run) < 2 or self._overlaps_person(run.start_char, run.end_char):
                continue
            c = clean_person_name(run.text, self._is_qualifier)
            entry = self.reg.person_matcher.match(c.name) if c is not None and " " in c.name else None
            if entry is not None:
                offset = run.text.rfind(c.name)
                start = run.start_char + max(0, offset)
                head = run.root
                self.note(self.entity_for(entry.actor, entry.gender or c.gender), start, start + len(c.name), "name",
                          head.dep_ in SUBJECT_DEPS or head.dep_ == "ROOT")

    def _learn_names_given_as(self) -> None:
        """'A Nigerian student, who gave her name as Victoria, told Punch': the name a source gave,
        for the name and for the words that describe them (whatever the NER made of "Victoria")."""
        doc = self.doc
        for match in (m for pattern in _GIVEN_AS for m in pattern.finditer(self.text)):
            name = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
            verb = doc.char_span(match.start(), match.start() + 1, alignment_mode="expand")
            if name is None or verb is None or self.in_quote(match.start()):
                continue
            gender = {"her": "female", "his": "male", "herself": "female", "himself": "male"}.get(
                (match.group("whose") or "").lower())
            c = clean_person_name(name.text, self._is_qualifier)
            if c is None:
                continue
            if " " in c.name:
                entity = self._person_from_full_name(c.name, gender)
            else:
                entity, _ = self._person_from_single_name(c.name, name.start_char, None)
                if entity is None or not entity.is_person:  # "Victoria" is a place too, but not here
                    entity = self.entity_for(new_actor(c.name, "person"), gender)
                    entity.is_lone_name = True
            if gender and (entity.gender is None or entity.gender_guessed):
                entity.gender, entity.gender_guessed = gender, False
            self.note(entity, name.start_char, name.end_char, "name" if " " in c.name else "surname", False)
            described = next((t.head for t in verb.root.ancestors if t.dep_ in ("relcl", "acl")), None) \
                if verb.root.dep_ not in ("relcl", "acl") else verb.root.head
            if described is not None and described.pos_ in ("NOUN", "PROPN") and described.idx < name.start_char:
                start = doc[described.left_edge.i].idx
                if not self._overlaps_person(start, described.idx + len(described.text)):
                    self.note(entity, start, described.idx + len(described.text), "surname", described.dep_ in SUBJECT_DEPS)

    def _learn_names_in_marks(self) -> None:
        """'As for “Rafik”, he was among the lucky ones': a given name in quotation marks is the
        name a source goes by (a pseudonym, in refugee stories), and a person."""
        for q in self.titles.spans:
            words = self.text[q.start : q.end].split()
            if not 1 <= len(words) <= 2 or not all(w[:1].isupper() and w.isalpha() for w in words):
                continue
            if usual_gender(words[0]) is None or self.reg.alias.get(normalise(" ".join(words))) or self.is_place_or_nation(words[0]):
                continue
            if _NAMING_BEFORE_MARKS.search(self.text[max(0, q.start - 40) : max(0, q.start - 1)]):
                continue  # 'a dog called “Max”', 'operation “Ivan”'
            span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None or self._overlaps_person(q.start, q.end):
                continue
            entity = self.entity_for(new_actor(" ".join(words), "person"), usual_gender(words[0]))
            entity.is_lone_name, entity.gender_guessed = len(words) == 1, True
            self.note(entity, q.start, q.end, "surname", span.root.dep_ in SUBJECT_DEPS)

    def _learn_registered_bodies(self) -> None:
        """Registered bodies written in capitals the NER did not tag ("The G7 leaders met")."""
        for tok in self.doc:
            if not (tok.text[:1].isupper() or tok.text[:1].isdigit()) or tok.is_punct or self.in_quote(tok.idx):
                continue
            if tok.idx in self._by_start or is_credit(self.text, tok.idx, tok.idx + len(tok.text)):
                continue
            entry = self.reg.alias.get(normalise(tok.text))
            if entry is None or entry.actor.actor_type in ("person", "media") or len(tok.text) < 2:
                continue
            if any(m.start <= tok.idx < m.end for m in self.mentions_between(tok.idx - 80, tok.idx + 1)):
                continue
            subject = tok.dep_ in SUBJECT_DEPS or (tok.dep_ in ("compound", "nmod") and tok.head.dep_ in SUBJECT_DEPS)
            self.note(self.entity_for(entry.actor), tok.idx, tok.idx + len(tok.text), "organisation", subject)

    def _learn_proper_subjects(self) -> None:
        """Proper nouns that are the subject of a verb and name a person the NER missed
        ("Tirumurti said", "Psaki also said"): a surname of the article, a registry person, or a
        lone name that is at least a speaker (not a body, a place or a metonym)."""
        for tok in self.doc:
            if tok.dep_ not in SUBJECT_DEPS or tok.ent_type_ in ("LOC", "FAC", "DATE", "TIME", "LAW"):
                continue
            if not looks_proper(tok) and not (looks_proper(tok, at_sentence_start=True) and ("surname", name_key(tok.text)) in self._full_names):
                continue  # (a paragraph's first word the tagger called a noun: "Zelenskyy tweeted", after "Volodymyr Zelenskyy")
            if self._in_title_case_line(tok.idx):
                continue  # headlines capitalise every word
            if tok.tag_ == "NNPS" and not self.is_place_or_nation(tok.text) and not self.in_quote(tok.idx):
                self._learn_named_body(tok)  # "The Belarusian Cyber Partisans claimed …": a named group
                continue
            if self.is_place_or_nation(tok.text) or (tok.ent_type_ == "NORP" and tok.text.endswith("s")):
                continue  # "Kurds", "Poles": a people, not a person
            if self.in_quote(tok.idx) or tok.idx in self.titles or self._overlaps_person(tok.idx, tok.idx + len(tok.text)):
                continue
            if tok.lower_ in ORG_NOUNS and not tok.ent_type_ and not self.mentions_between(tok.idx, tok.idx + len(tok.text)):
                self._learn_named_body(tok, unless_institution=True)  # "The Independent High Electoral Commission announced"
                continue
            if tok.lower_ in ORG_NOUNS or any(c.dep_ == "det" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children):
                continue  # "The Ministry of Defence said": a body, not a person
            if _owned(tok):
                continue  # "Her Rhodesian Ridgeback is muzzled": someone's dog or car, not a person's name
            if normalise(tok.text) in PAGE_LABELS and ("surname", name_key(tok.text)) not in self._full_names:
                continue  # "Quote from Czosnek: …", "Photos show …": the page's labels
            if tok.head.lemma_ == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in _PLACE_KINDS for c in tok.head.children):
                continue  # "Boyarka is a city of 34,000": a place the gazetteer does not know
            first = tok.i
            while first > 0 and self.doc[first - 1].pos_ == "PROPN" and (
                self.doc[first - 1].dep_ in ("compound", "flat")
                or (not self.doc[first - 1].whitespace_ == "" and self._could_be_first_name(self.doc[first - 1]))
            ):
                first -= 1
            words = self.doc[first : tok.i + 1]
            if tok.ent_type_ == "ORG" and len(words) > 1 and self.reg.person_matcher.match(words.text) is None:
                continue
            if first > 0 and self._registered_body(f"{self.doc[first - 1].text} {words.text}"):
                continue  # "European Pravda reported": a registered outlet, its first word not a proper noun
            if len(words) > 1 and self.is_place_or_nation(words.text):
                continue  # "Saudi Arabia said": a country, not a person called Arabia
            if len(words) == 1 and self.acronym(tok.text) is not None:
                self._learn_acronym_body(tok)  # "Dirco says", after "The Department of … (Dirco)"
                continue
            if len(words) == 1 and _is_acronym(tok.text) and self.doc[tok.i + 1 : tok.i + 2].text != ":" \
                    and normalise(tok.text).strip(".") not in TITLE_WORDS:  # ("reports PM actually said": a title)
                self._learn_acronym_body(tok)  # "SWIFT, which is based in Belgium, said": a body ("LAVROV:" is a transcript)
                continue
            c = clean_person_name(words.text, self._is_qualifier)
            if c is None or self._a_dateline(words, c.name):
                continue
            key = normalise(c.name)
            if self.reg.alias.get(key) and self.reg.alias[key].actor.actor_type != "person":
                continue
            if self._writes_as_a_paper(tok, words):
                self.note(self.entity_for(new_actor(words.text, "media")), words.start_char, words.end_char, "organisation", True)
                continue
            if len(words) == 1 and self._begins_a_body_named_before(tok):
                self._short_names.append((words, c.name))  # "Berjaya said", after "Berjaya Corporation filed …": read with the bodies
                continue
            entity = self.person_named(words.text, words.start_char)
            if entity is not None and entity.is_person:
                offset = words.text.rfind(c.name)
                start = words.start_char + max(0, offset)
                self.note(entity, start, start + len(c.name), "surname" if " " not in c.name else "name", True)

    def _begins_a_body_named_before(self, tok: Token) -> bool:
        """'Berjaya' after 'Berjaya Corporation', 'Genting' after 'Genting Group': the first word of a
        body's name the NER found before, when no person of the article goes by it."""
        key = name_key(tok.text)
        if ("surname", key) in self._full_names or ("first", key) in self._full_names or first_name_gender(tok.text) is not None:
            return False
        return any(e.label_ == "ORG" and e.end <= tok.i and len(e) >= 2 and name_key(e[0].text) == key
                   for e in entities(self.doc) if e.start_char < tok.idx)

    def _learn_short_names(self) -> None:
        """The words `_begins_a_body_named_before` set aside: each names the one body of the article whose
        name begins with it."""
        for span, name in self._short_names:
            tok = span.root
            if self.mentions_between(tok.idx, tok.idx + len(tok.text)):
                continue
            key = name_key(tok.text)
            bodies = {id(e): e for e in self.entities.values() if not e.is_person and e.first_start < tok.idx
                      and len(e.actor.name.split()) >= 2 and name_key(e.actor.name.split()[0]) == key}
            if len(bodies) == 1:
                self.note(next(iter(bodies.values())), tok.idx, tok.idx + len(tok.text), "organisation", _acts(tok))
                continue
            entity, kind = self._person_from_single_name(name, tok.idx, None)  # the "body" was a person after all ("Nirmal Dutta")
            if entity is not None and entity.is_person and not (entity.is_lone_name and self._in_title_case_line(tok.idx)):
                self._note_ent(span, entity, kind)

    def _writes_as_a_paper(self, tok: Token, words: Span) -> bool:
        """'as Infostart writes', '…,” Novinky reported': one unknown name that writes or reports is a
        publication relaying the words, not a person (someone the article names in full is a person)."""
        verb = tok.head
        if len(words) != 1 or tok.dep_ not in SUBJECT_DEPS or verb.lemma_.lower() not in ("write", "report", "publish", "inform"):
            return False
        # (a person writes "on Telegram" or "in a post", mostly in the past: "Syniehubov wrote on Telegram")
        as_a_paper = verb.tag_ == "VBZ" or any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        on_a_platform = any(c.dep_ == "prep" and c.lower_ in ("on", "in") for c in verb.children)
        return (as_a_paper and not on_a_platform
                and ("surname", name_key(tok.text)) not in self._full_names and ("first", name_key(tok.text)) not in self._full_names
                and self.reg.person_matcher.match(tok.text) is None)

    def _learn_offices(self) -> None:
        """'Niinistö's office said in a statement': the office of a head of state or government is
        a body of the article, so that "the statement read" after it finds it."""
        from .speakers import office_of  # one resolver of offices

        for tok in self.doc:
            if tok.lemma_.lower() != "office" or self.in_quote(tok.idx):
                continue
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            m = self.mention_in(self.doc[owner.left_edge.i : owner.i + 1], prefer=owner) if owner is not None else None
            office = office_of(self, m.entity) if m is not None and m.entity.is_person else None
            if office is not None:
                start = self.doc[owner.left_edge.i].idx
                self.note(self.entity_for(office), start, tok.idx + len(tok.text), "organisation", tok.dep_ in SUBJECT_DEPS)

    def _merge_lone_names(self) -> None:
        """'Retno said' read before 'Minister of Foreign Affairs, Retno Marsudi,' was known as a name
        (the NER called it an organisation): a lone name that is the first name or surname of one
        person the article names in full is that person."""
        for lone in [e for e in self.entities.values() if e.is_lone_name]:
            key = name_key(lone.actor.name)
            full = {id(m.entity): m.entity for kind in ("surname", "first") for m in self._full_names.get((kind, key), [])
                    if m.entity is not lone}
            if len(full) != 1:
                continue
            target = next(iter(full.values()))
            for i, m in enumerate(self.mentions):
                if m.entity is lone:
                    self.mentions[i] = self._by_start[m.start] = dataclasses.replace(m, entity=target)
                    target.first_start = min(target.first_start, m.start)
            self.entities.pop(lone.actor.actor_id, None)

    def _learn_later_surnames(self) -> None:
        """'…, according to Balakrishnan.': the surname of a person the article has named in full,
        wherever it stands (the NER misses many a foreign surname that is no subject)."""
        firsts: dict[str, Mention] = {}
        for m in self.mentions:
            parts = name_key(m.entity.actor.name).split() if m.kind in ("name", "title_surname") and m.entity.is_person else []
            if len(parts) > 1 and not m.entity.is_lone_name:
                other = firsts.get(parts[-1])
                firsts[parts[-1]] = m if other is None or other.entity is m.entity else None  # two Rahmans: neither
        for tok in self.doc:
            if not looks_proper(tok) or not tok.text.isalpha() or tok.idx in self._by_start:
                continue
            first = firsts.get(name_key(tok.text))
            if first is None or tok.idx <= first.start or self.in_quote(tok.idx) or self._in_title_case_line(tok.idx):
                continue
            if self._overlaps_person(tok.idx, tok.idx + len(tok.text)) or (tok.i > 0 and self.doc[tok.i - 1].pos_ == "PROPN"):
                continue  # part of another name ("Mujibur Rahman" is not Hadisur Rahman)
            self.note(first.entity, tok.idx, tok.idx + len(tok.text), "surname", tok.dep_ in SUBJECT_DEPS)

    def _in_title_case_line(self, char: int) -> bool:
        text = self.text
        start = text.rfind("\n", 0, char) + 1
        end = text.find("\n", char)
        words = [w for w in text[start : end if end >= 0 else len(text)].split() if w[:1].isalpha()]
        return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)

    def _names_no_one(self, word: str) -> bool:
        """A title, a body's noun, a place or a nation: a capitalised word that is nobody's name."""
        key = normalise(word)
        return key in TITLE_WORDS or key in ORG_NOUNS or self.is_place_or_nation(word)

    def is_place_or_nation(self, word: str) -> bool:
        key = normalise(word)
        plural = key[:-1] if key.endswith("s") else key  # "Belarusians", "Poles"
        return bool(country_of(self.reg, word) or country_of(self.reg, plural) or self.reg.metonym.get(key)
                    or key in gazetteer().unambiguous)

    def _could_be_first_name(self, tok: Token) -> bool:
        """A capitalised word glued before a surname the parse split off ("Vitali" | "Klitschko")."""
        word = tok.text
        return (word[:1].isupper() and word.isalpha() and not word.isupper() and normalise(word) not in TITLE_WORDS
                and not self.is_place_or_nation(word) and "\n" not in tok.text_with_ws)

    def _names_the_titled(self, ent: Span) -> bool:
        """An ORG entity that is a person's name: two or three name words with no word of a body,
        set off by commas after a description headed by a person's title ("the rapporteur of …,")."""
        words = ent.text.split()
        doc = self.doc
        if not 2 <= len(words) <= 3 or any(normalise(w) in _BODY_WORDS for w in words) or clean_person_name(ent.text) is None:
            return False
        if doc[ent.end : ent.end + 1].text == "," and any(
                c.dep_ == "appos" and c.i >= ent.end and _is_person_title(c) for c in ent.root.children):
            return True  # "Pijush Dutta, executive director of the … Corporation, told AFP"
        if ent.start < 2 or doc[ent.start - 1].text != "," or doc[ent.end : ent.end + 1].text not in (",", "said", "says", "told"):
            return False
        if ent.root.dep_ == "appos":
            head = ent.root.head
            for _ in range(3):  # "Indonesian Minister of Foreign Affairs, Retno Marsudi, said": Affairs <- of <- Minister
                if head.i < ent.start and _is_person_title(head):
                    return True
                head = head.head
        for t in reversed(doc[max(0, ent.start - 16) : ent.start - 1]):
            if t.text in (".", ";", ":") or t.is_sent_start:
                break
            head = t.head
            if t.dep_ == "det" and t.lower_ in ("the", "a", "an") and head.pos_ == "NOUN" and (
                    head.lemma_.lower() in PERSON_NOUNS or _TITLE_HINT.search(head.lower_)
                    or head.lower_.endswith(("eur", "man", "woman", "person"))):
                return True
        return False

    def acronym(self, text: str) -> Actor | None:
        """The body an acronym stands for in this article: one written out with it in brackets
        ("Department of International Relations and Cooperation (DIRCO)"), or the one named body
        whose initials it is ("RPC": the Russian Paralympic Committee)."""
        if self._acronyms is None:
            self._acronyms = {}  # (organisation_named asks again while the table is being read)
            self._acronyms = self._spelled_out_acronyms()
        return self._acronyms.get(text) or (self._acronyms.get(text.upper()) if _is_acronym(text) else None)

    def _spelled_out_acronyms(self) -> dict[str, Actor]:
        from .speakers import organisation_named

        found: dict[str, Actor] = {}
        for m in self._bracketed_acronyms():
            # (not the words that join it to the phrase before: "The government and the People’s … (PNCR)")
            name, short = re.sub(r"^(?:(?:The|the|and|of|for|on)\s+)+", "", m.group(1)), m.group(2)
            if _initials(name).startswith(short[:1].upper()):
                actor = organisation_named(self, name) or new_actor(name, "organisation")
                found.setdefault(short, actor)  # "(Dirco)" as written, and as capitals
                found.setdefault(short.upper(), actor)
        by_initials: dict[str, set[str]] = {}
        for ent in entities(self.doc):
            if ent.label_ == "ORG" and len(ent.text.split()) >= 2 and "(" not in ent.text:
                name = re.sub(r"^the\s+", "", ent.text.strip(), flags=re.I)
                if not any(normalise(w) in _BODY_WORDS for w in name.split()):
                    continue  # initials stand for a body's name ("Russian Paralympic Committee"), not a person's
                by_initials.setdefault(_initials(name), set()).add(name)
        for short, group in by_initials.items():
            if len(short) >= 2 and len(group) == 1 and short not in found:
                name = next(iter(group))
                found[short] = organisation_named(self, name) or new_actor(name, "organisation")
        return found

    def _bracketed_acronyms(self):
        """'Name Of The Body (NOTB)' matches, read only in the 120 characters before each bracket
        (linear in the text: a long run of capitalised words costs nothing)."""
        text = self.text
        for open_at in (m.start() for m in re.finditer(r"\((?=[A-Za-z]{2,6}\))", text)):
            lo = max(0, open_at - 120)
            m = _BRACKETED_ACRONYM.search(text[lo : open_at + 9])
            if m is not None and lo + m.end() > open_at:
                yield m

    def _learn_acronym_body(self, tok: Token) -> None:
        from .speakers import organisation_named

        if any(m.start == tok.idx for m in self.mentions) or self._ends_a_site_name(tok.idx):
            return
        actor = organisation_named(self, tok.text) or new_actor(tok.text, "organisation")
        if actor.actor_type != "person":
            self.note(self.entity_for(actor), tok.idx, tok.idx + len(tok.text), "organisation", True)

    def _learn_named_body(self, head: Token, unless_institution: bool = False) -> None:
        """A plural proper-noun subject of two words or more, or one headed by a body's noun, names a
        group the NER missed. `unless_institution`: not a ministry, government or military, whose
        country the institution rules find."""
        left = min([head.i] + [t.i for c in head.lefts if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree])
        words = self.doc[left : head.i + 1]
        if len(words) < 2 or not all(t.text[:1].isupper() for t in words):
            return
        if unless_institution and institution_parts(words.text) is not None:
            return
        from .speakers import organisation_named

        actor = organisation_named(self, words.text) or new_actor(words.text, "organisation")
        if actor.actor_type != "person":
            self.note(self.entity_for(actor), words.start_char, words.end_char, "organisation", True)

    def _learn_titled_names(self) -> None:
        """Names right after a title the NER missed ("Turkish Foreign Minister Mevlüt Çavuşoğlu"):
        two or three capitalised words after a title word are a person."""
        doc, i = self.doc, 0
        while i < len(doc) - 2:
            tok = doc[i]
            i += 1
            if normalise(tok.text).rstrip(".") not in _TITLE_NOUNS or self.in_quote(tok.idx):
                continue
            j = i
            while j < len(doc) and j - i < 4 and looks_proper(doc[j]) and doc[j].text[:1].isupper() and doc[j].text.isalpha() is not False:
                j += 1
            run = doc[i:j]
            if not 2 <= len(run) <= 3 or self._overlaps_person(run.start_char, run.end_char):
                continue
            if any(self._names_no_one(t.text) for t in run):
                continue
            entity = self.person_named(run.text, run.start_char)
            if entity is not None and entity.is_person:
                self.note(entity, run.start_char, run.end_char, "name", run.root.dep_ in SUBJECT_DEPS)

    def _learn_given_names(self) -> None:
        """'Refugee Olena Marchuk at the crossing': a known given name followed by a capitalised
        word is a person, whatever the NER saw (photo credits aside)."""
        doc = self.doc
        for i in range(len(doc) - 1):
            first, last = doc[i], doc[i + 1]
            # A name the project's list knows; one only the dictionary knows when it ends a run of
            # capitalised title words ("Deputy Minister of Foreign Affairs Emine Dzheppar said").
            titled = i > 0 and doc[i - 1].text[:1].isupper() and not doc[i - 1].is_sent_start and (
                normalise(doc[i - 1].text) in TITLE_WORDS or normalise(doc[i - 1].text) in ORG_NOUNS
                or doc[i - 1].lower_ in ("affairs", "defence", "defense", "interior", "office", "ministry"))
            known = first_name_gender(first.text) if not titled else usual_gender(first.text)
            if known is None and last.dep_ in SUBJECT_DEPS and i + 2 < len(doc) and doc[i + 2].pos_ in ("VERB", "AUX"):
                known = usual_gender(first.text)  # "Nikol Bilous came from Kyiv and said": a subject, whatever the NER said
            if known is None or not first.text[:1].isupper() or first.is_sent_start and first.pos_ != "PROPN":
                continue
            if not (last.text[:1].isupper() and last.text.isalpha() and first.whitespace_):
                continue
            if self._names_no_one(last.text):
                continue
            start, end = first.idx, last.idx + len(last.text)
            if self._overlaps_person(start, end) or is_credit(self.text, start, end) or self.in_quote(start):
                continue
            entity = self.person_named(f"{first.text} {last.text}", start)
            if entity is not None and entity.is_person:
                self.note(entity, start, end, "name", last.dep_ in SUBJECT_DEPS or first.dep_ in SUBJECT_DEPS)

    def _registered_body(self, text: str) -> bool:
        entry = self.reg.alias.get(normalise(text))
        return entry is not None and entry.actor.actor_type != "person"

    def _with_nicknames(self, persons: list[Span]) -> list[Span]:
        """'Mykola “Kolya” Petrenko': the NER's two halves around a nickname in quotation marks are
        one name (the nickname is left out of it by clean_person_name)."""
        doc, joined = self.doc, []
        for i in range(len(doc) - 4):
            if not (doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and doc[i + 1].text in _OPENING_MARKS):
                continue
            k = next((k for k in range(i + 2, min(i + 6, len(doc) - 1)) if doc[k].text in _CLOSING_MARKS), None)
            if k is None or k == i + 2 or not all(t.text[:1].isupper() for t in doc[i + 2 : k]):
                continue
            if doc[k + 1].pos_ == "PROPN" and doc[k + 1].text[:1].isupper():
                joined.append((i, k + 2))
        if not joined:
            return persons
        out = list(persons)
        for a, b in joined:
            inside = [e for e in out if e.start < b and e.end > a]
            if not inside:
                if usual_gender(doc[a].text) is None:
                    continue  # no person: "the “Azov” Regiment"
                while b < len(doc) and doc[b].pos_ == "PROPN" and doc[b].text[:1].isupper():
                    b += 1  # 'Ferdinand "Bongbong" Marcos Jr.', which the NER did not see as a person
                inside = [doc[a:b]]
            whole = doc[min(a, *(e.start for e in inside)) : max(b, *(e.end for e in inside))]
            out = [e for e in out if e not in inside] + [whole]
            self._nicknames[whole.start_char] = name_key(doc[a + 2 : b - 2].text)
        return sorted(out, key=lambda e: e.start)

    def _couples_share_the_surname(self, cleaned: list[tuple[Span, CleanName]]) -> list[tuple[Span, CleanName]]:
        """'Peter and Louise Donnachie', 'John and Mary Whitfield': a first name alone before "and"
        and a full name shares its surname (not 'Biden and Vladimir Putin': a surname is no first name)."""
        doc, out = self.doc, []
        by_start = {e.start: c for e, c in cleaned}
        for e, c in cleaned:
            partner = by_start.get(e.end + 1) if e.end < len(doc) and doc[e.end].lower_ in ("and", "&") else None
            if partner is None and e.end < len(doc) and doc[e.end].lower_ in ("and", "&"):
                partner = self._untagged_full_name(e.end + 1)  # "grandparents Larysa and Oleksiy Mishchenko", the NER missing him
            if (partner is not None and " " not in c.name and len(partner.name.split()) >= 2
                    and usual_gender(c.name) is not None and usual_gender(partner.name.split()[0]) is not None):
                c = dataclasses.replace(c, name=f"{c.name} {' '.join(partner.name.split()[1:])}")
                self._surname_given.add(e.start_char)
            out.append((e, c))
        by_root = {e.root.i: c for e, c in cleaned if len(c.name.split()) >= 2}
        for k, (e, c) in enumerate(out):  # "Anna Starostka and her daughter Kinga": the family's surname
            rel = e.root.head
            if (" " not in c.name and e.root.dep_ == "appos" and rel.lemma_.lower() in FAMILY
                    and any(g.dep_ == "poss" and g.lower_ in ("her", "his", "their") for g in rel.children)
                    and rel.dep_ == "conj" and rel.head.i in by_root):
                out[k] = (e, dataclasses.replace(c, name=f"{c.name} {by_root[rel.head.i].name.split()[-1]}"))
                self._surname_given.add(e.start_char)
        taken = {t.i for e, _ in cleaned for t in e}
        for e, c in cleaned:  # "Pavlo and Natalia Lebedev", the first name tagged as a nationality
            i = e.start - 2
            if (len(c.name.split()) >= 2 and i >= 0 and doc[e.start - 1].lower_ in ("and", "&") and i not in taken
                    and doc[i].pos_ == "PROPN" and doc[i].text.isalpha() and doc[i].text[:1].isupper()
                    and usual_gender(doc[i].text) is not None and usual_gender(c.name.split()[0]) is not None
                    and not self.is_place_or_nation(doc[i].text)
                    and not (i > 0 and doc[i - 1].pos_ == "PROPN" and usual_gender(doc[i - 1].text) is not None)):
                # (not "Archbishops Eamon Martin and Dermot Farrell": a given name before it makes it a surname)
                out.append((doc[i : i + 1], CleanName(f"{doc[i].text} {' '.join(c.name.split()[1:])}", None)))
                self._surname_given.add(doc[i].idx)
        return sorted(out, key=lambda ec: ec[0].start)

    def _without_office_place(self, ent: Span) -> Span:
        """'Bishop of Wollongong Brian Mascord', 'Member for Whitlam Stephen Jones', 'Bishop of Down and
        Connor Noel Treanor': the NER ran the office's place into the name; the last place of the
        title's "of"/"for" phrase, before a given name."""
        doc = self.doc
        if len(ent) < 3 or ent.start < 2 or usual_gender(doc[ent.start + 1].text) is None:
            return ent
        if doc[ent.start - 1].lower_ not in ("of", "for", "and", "&", "the"):  # ("Secretary of the Treasury Scott Bessent")
            return ent
        return doc[ent.start + 1 : ent.end] if self._office_title_before(ent.start) is not None else ent

    def _office_place_then_name(self, ent: Span) -> Span:
        """'councillor for Kinson Cameron Adams', tagged ORG: an office's one-word place, then two
        capitalised words that are no body's (the NER's body is the place and the person run together)."""
        doc = self.doc
        lead = 1 if len(ent) == 4 and ent[0].lower_ == "the" else 0  # "Secretary of the Treasury Scott Bessent"
        words = list(ent)[lead:]
        if not 3 <= len(words) <= 5 or ent.start < 2 or doc[ent.start - 1].lower_ not in ("for", "of") or not all(t.is_title and t.is_alpha for t in words) \
                or normalise(words[-1].text) in ORG_NOUNS or normalise(words[-1].text) in BODY_LAST_WORDS:
            return ent
        title = self._office_title_before(ent.start)
        if title is not None and len(words) > 3:
            # "MEC for Community Safety Faith Mazibuko": a portfolio of several words, then a given name and a surname
            return doc[ent.end - 2 : ent.end] if normalise(title.text) in OFFICE_WORDS and usual_gender(words[-2].text) is not None else ent
        office = title is not None and (normalise(title.text) in _OFFICES_OF_PLACES
                                        or normalise(title.text) in OFFICE_WORDS and usual_gender(words[1].text) is not None)
        return doc[ent.start + lead + 1 : ent.end] if office else ent

    def _office_title_before(self, start: int) -> Token | None:
        """The title word of an office named by its places just before token `start`: "Bishop" of
        "Bishop of Down and Connor", "of the Dioceses of Elphin and Achonry", "Member for Whitlam"."""
        doc, i = self.doc, start - 1
        while i > 0 and start - i <= 9:
            low = doc[i].lower_
            if low in ("of", "for"):
                title = normalise(doc[i - 1].text)
                if title in TITLE_WORDS or title in OFFICE_WORDS or title == "member":
                    return doc[i - 1]
            elif not (low in ("and", "&", "the") or (doc[i].text[:1].isupper() and doc[i].is_alpha)):
                return None
            i -= 1
        return None

    def _with_given_name(self, ent: Span) -> Span:
        """'Father Wolodymyr' + 'Kalinecki': a one-word PERSON entity the NER cut from the given name
        before it, when a title precedes that name or the name is a given name modifying the surname."""
        doc, i = self.doc, ent.start - 1
        if len(ent) > 2 or i < 1:
            return ent  # (two words too: "Amador" + "Sánchez Rico")
        given = doc[i]
        if not (given.text.isalpha() and given.text[:1].isupper() and given.whitespace_ and not given.is_sent_start):
            return ent
        if self._names_no_one(given.text) or given.ent_type_ not in ("", "PERSON"):
            return ent
        titled = len(ent) == 1 and normalise(doc[i - 1].text).rstrip(".") in HONORIFICS
        modifies = given.head.i == ent.root.i and given.dep_ in ("compound", "flat") and usual_gender(given.text) is not None
        return doc[i : ent.end] if titled or modifies else ent

    def _untagged_full_name(self, i: int) -> CleanName | None:
        """A given name and a capitalised surname at token `i` that the NER left untagged."""
        doc = self.doc
        if i + 1 >= len(doc) or (i + 2 < len(doc) and doc[i + 2].pos_ == "PROPN" and doc[i + 2].text[:1].isupper()):
            return None
        first, last = doc[i], doc[i + 1]
        if not (first.pos_ == "PROPN" and last.pos_ == "PROPN" and first.text.isalpha() and last.text.isalpha()
                and first.text[:1].isupper() and last.text[:1].isupper() and usual_gender(first.text) is not None):
            return None
        return None if self._names_no_one(last.text) else CleanName(f"{first.text} {last.text}", None)

    def _with_honorific(self, ent: Span) -> Span:
        """"Mr" / "Ms" / "Sir" just before a name the NER left out: kept, for gender and "Sir Keir"."""
        if ent.start > 0 and normalise(self.doc[ent.start - 1].text).rstrip(".") in HONORIFICS - {"president", "minister", "secretary"}:
            return self.doc[ent.start - 1 : ent.end]
        return ent

    def _whole_name(self, ent: Span) -> Span:
        """A PERSON entity with the rest of the name the NER cut off ("Ursula von der" + "Leyen"):
        proper nouns right after it that its last word modifies."""
        doc, end = self.doc, ent.end
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end - 1].head.i == end and doc[end - 1].dep_ in ("compound", "flat"):
            end += 1
        if end + 1 < len(doc) and doc[end].text in ("-", "‑") and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
                and doc[end + 1].text.isalpha() and doc[end + 1].ent_type_ in ("", "PERSON"):
            end += 2  # "Kim Min" + "-seok": a hyphenated given name the NER cut at its hyphen
        return doc[ent.start : end] if end != ent.end else ent

    def _note_ent(self, ent: Span, entity: Entity, kind: str) -> Mention:
        start = ent.start_char + len(ent.text) - len(ent.text.lstrip())
        root = ent.root
        is_subject = _acts(root) or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)
        return self.note(entity, start, start + len(ent.text.strip()), kind, is_subject)

    def _person_from_full_name(self, name: str, gender: str | None) -> Entity:
        """A full name: the registry's person (any spelling), an earlier spelling in the article, or new."""
        if name.split()[0].lower() in NAME_PARTICLES:  # "De Croo", "von der Leyen": a surname with its particle
            key = " " + name_key(name)
            known = [e for e in self.entities.values() if e.is_person and (" " + name_key(e.actor.name)).endswith(key)]
            if len(known) == 1:
                return known[0]
            registered = [e for e in self.reg.entries if e.actor.actor_type == "person" and (" " + name_key(e.actor.name)).endswith(key)]
            if not known and len(registered) == 1:
                return self.entity_for(registered[0].actor, gender or registered[0].gender)
        entry = self.reg.alias.get(normalise(name))
        if entry is None or entry.actor.actor_type != "person":
            entry = self.reg.person_matcher.match(name)
        if entry is not None:
            return self.entity_for(entry.actor, gender)
        key = name_key(name)
        same = self._person_keys.get(key)
        if same is None:  # the same person spelled two ways in one article: same surname, agreeing first name
            parts = key.split()
            for m in self._full_names.get(("surname", parts[-1]), []):
                if name_key(m.entity.actor.name).split()[0][:1] == parts[0][:1]:
                    same = m.entity
                    break
        if same is not None:
            if gender and same.gender is None:
                same.gender = gender
            return same
        return self.entity_for(new_actor(name, "person"), gender)

    def _person_from_single_name(self, word: str, pos: int, honorific: str | None) -> tuple[Entity | None, str]:
        """A surname or first name: a full name of the article (nearest before, else after), the
        registry's one person of that surname, or a new lone name."""
        if normalise(word) in PLATFORMS and honorific is None:
            return None, "surname"  # "X, formerly Twitter" the NER took for a person
        key = name_key(word)
        gender = "female" if honorific in ("mrs", "ms", "miss", "dame", "lady") else "male" if honorific in ("mr", "sir", "lord") else None
        first_name_first = honorific in ("sir", "dame")  # "Sir Keir" is a first name
        for want_first in ((True, False) if first_name_first else (False, True)):
            best = None
            named = self._full_names.get(("first" if want_first else "surname", key), [])
            for m in named:
                if gender and m.entity.gender not in (None, gender):
                    continue  # "Ms Tikhanovskaya" is not her husband, whatever the article calls him
                if m.start <= pos or best is None:
                    best = m
            if best is not None:  # (a first word too: "Wang", "Kim" of names written family name first)
                best = self._already_called([m for m in named if not gender or m.entity.gender in (None, gender)], key, pos) or best
            if best is not None:
                if gender and best.entity.gender is None:
                    best.entity.gender = gender
                return best.entity, "first_name" if want_first else "surname"
        close = self._close_in_article_surname(key) if first_name_gender(word) is None else None
        if close is not None:  # a typo of a surname the article spells out ("added Abloth" for Anna Alboth)
            return close, "surname"
        entry = self.reg.alias.get(normalise(word))
        if entry is not None and entry.actor.actor_type == "person":
            return self.entity_for(entry.actor, gender), "surname"
        entry = self.reg.person_matcher.match_surname(word) if first_name_gender(word) is None else None
        if entry is not None and not self._far_spelling(word, entry.actor):  # (a given name alone — "Michael" — is no misspelt surname: "Michel")
            return self.entity_for(entry.actor, gender), "surname"
        key = normalise(word)
        singular = re.sub(r"(?<=[a-z]{3})s$", "", key)  # "Ministers still mulling …": a plural of a title is no one
        if self.reg.alias.get(key) or self.is_place_or_nation(word) or key in ORG_NOUNS or key in TITLE_WORDS \
                or (singular != key and singular in TITLE_WORDS | OFFICE_WORDS | PERSON_NOUNS):
            return None, ""  # a body, a metonym, a place or a title the NER took for a person ("Kyiv said")
        entity = self.entity_for(new_actor(word, "person"), gender)
        entity.is_lone_name = True
        if entity.gender is None:  # "his daughter, Alisa": a first name of the region's list tells its gender
            entity.gender = first_name_gender(word)
            entity.gender_guessed = entity.gender is not None
        return entity, "surname"

    def _already_called(self, named: list[Mention], key: str, pos: int) -> Mention | None:
        """Of two people of one surname named before ("Prime Minister Kim Min-seok … Kim made the remarks
        as leader Kim Jong-un …"), the one the article already calls by the surname alone: the writer
        set up that reference, and would write the other's full name for them."""
        if len({id(m.entity) for m in named if m.start <= pos}) < 2:
            return None
        called = {id(m.entity): m for m in self.mentions if m.start < pos and m.kind in ("surname", "first_name") and m.end - m.start < 40
                  and name_key(self.text[m.start : m.end]) == key and any(m.entity is n.entity for n in named if n.start <= pos)}
        return next(iter(called.values())) if len(called) == 1 else None

    def _far_spelling(self, word: str, actor: Actor) -> bool:
        """'Councilor Anderson' in a story that never names Sweden is not Magdalena Andersson: a surname
        that only resembles a registry person's counts as theirs when the article names their country."""
        exact = normalise(word) in {w for n in (actor.name, *actor.aliases) for w in normalise(n).split()}  # ("Lee" of Lee Jae-myung)
        return not exact and actor.country_code is not None and not self.names_country(actor.country_code)

    def _close_in_article_surname(self, key: str) -> Entity | None:
        if len(key) < 5:
            return None
        found = {id(m.entity): m.entity for (kind, surname), ms in self._full_names.items()
                 if kind == "surname" and len(surname) >= 5 and fuzz.ratio(surname, key) >= 80 and not gendered_forms(surname, key)
                 for m in ms}  # ("Tsikhanouski" is Ms Tsikhanouskaya's husband, no typo of her name)
        return next(iter(found.values())) if len(found) == 1 else None

    def person_named(self, text: str, pos: int) -> Entity | None:
        """A person written as text outside the NER's entities ("LAVROV:", an appositive name)."""
        c = clean_person_name(text, self._is_qualifier)
        if c is not None and len(c.name.split()) > 2:
            words = c.name.split()
            for k in (2, 1):  # "Lavrov RIA Novosti": a medium's name glued after the person's
                entry = self.reg.alias.get(normalise(" ".join(words[-k:])))
                if entry is not None and entry.actor.actor_type == "media":
                    c = clean_person_name(" ".join(words[:-k]), self._is_qualifier)
                    break
        if c is None or (text.strip().isupper() and self.acronym(text.strip()) is not None) or _names_a_paper_or_body(c.name):
            return None  # "DFA", after "the Department of Foreign Affairs (DFA)": a body
        if len(c.name.split()) > 1:
            return self._person_from_full_name(c.name, c.gender)
        entity, _ = self._person_from_single_name(c.name, pos, c.honorific)
        return entity

    def _learn_titles(self, m: Mention) -> None:
        """Titles the article gives a person: "Defence Minister Mariusz Blaszczak", "Mariusz
        Blaszczak, Poland's defence minister,", "Poland's defence minister, Mariusz Blaszczak,"."""
        doc = self.doc
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return
        found: list[tuple[str, str | None]] = []
        i = span.start - 1
        before = []
        # Titles before the name, coordinated ones too: "VGTRK journalist, radio and TV presenter Vladimir Soloviev".
        while i >= max(0, span.start - 14):
            segment = []
            while i >= 0 and doc[i].pos_ != "CCONJ" and (
                (not doc[i].is_punct and (doc[i].dep_ in ("compound", "amod", "nmod", "poss", "case")
                                          or doc[i].pos_ in ("PROPN", "NOUN", "ADJ", "PART")))
                # "Ambassador to Israel", "Minister for Europe": a preposition inside a capitalised title
                or (doc[i].lower_ in ("to", "for", "of") and 0 < i < span.start - 1 and doc[i - 1].text[:1].isupper()
                    and doc[i + 1].text[:1].isupper() and _TITLE_HINT.search(doc[i - 1].lower_) is not None)
                or (doc[i].text == "-" and not doc[i].whitespace_ and i > 0 and not doc[i - 1].whitespace_)  # "Secretary-General"
            ):
                segment.insert(0, doc[i])
                i -= 1
            if not segment:
                break
            before = segment + before
            found.append(self._title_and_country(segment))
            if i >= 1 and (doc[i].text == "," or doc[i].pos_ == "CCONJ") and doc[i - 1].pos_ in ("NOUN", "PROPN", "ADJ") \
                    and not self._overlaps_person(doc[i - 1].idx, doc[i - 1].idx + len(doc[i - 1].text)):
                i -= 1  # (not "Russian President Vladimir Putin or" before "Ukrainian President Volodymyr Zelensky")
                continue
            break
        office = self._office_title_before(span.start)
        if office is not None:  # "Bishop of Down and Connor Noel Treanor": a bishop
            found.append((normalise(office.text), None))
        if before and any(self.is_media(t.text) for t in before):  # "the BBC's Steve Rosenberg": a journalist
            found.append(("journalist", None))
        inner = [t for t in span if normalise(t.text).rstrip(".") in TITLE_WORDS or self._is_qualifier(t.text)]
        if inner and inner[0].i == span.start:  # the NER took the title into the name: "Prime Minister Boris Johnson"
            lead = []
            for t in span:
                if normalise(t.text).rstrip(".") in TITLE_WORDS or self._is_qualifier(t.text):
                    lead.append(t)
                else:
                    break
            found.append(self._title_and_country(before + lead))  # "UN Secretary-" + "General Antonio Guterres"
        after = doc[span.end : span.end + 10]
        if len(after) > 1 and after[0].text == ",":
            words = []
            for t in after[1:]:
                glued_hyphen = t.text == "-" and not t.whitespace_ and not doc[t.i - 1].whitespace_  # "first-year"
                if (t.is_punct and t.text not in ("'s", "’s", "’", "'") and not glued_hyphen) or t.pos_ in ("VERB", "AUX"):
                    break
                words.append(t)
            # Only an apposition of this name: in "with presenter Vladimir Soloviev, the President of
            # Belarus, Aleksandr Lukashenko, said", the title after the comma is the next person's.
            nxt = words[-1].i + 1 if words else None
            names_next = nxt is not None and nxt + 1 < len(doc) and doc[nxt].text == "," and (
                doc[nxt + 1].ent_type_ == "PERSON" or (doc[nxt + 1].pos_ == "PROPN" and doc[nxt + 2 : nxt + 3].text[:1].isupper())
            )
            described_as = words and words[0].lower_ in ("a", "an", "the") and words[-1].pos_ == "NOUN"  # "X, a medical student said"
            if described_as and span.root.dep_ in ("pobj", "dobj") and nxt is not None and doc[nxt].pos_ in ("VERB", "AUX"):
                # "Speaking to Sky's Stuart Ramsay, the Ukrainian president described …": the main clause's
                # subject after a phrase that ends with the name, not a description of that name
                described_as = False
            if words and not names_next and (described_as or any(t.dep_ == "appos" and t.head.i in range(span.start, span.end) for t in words)):
                found.append(self._title_and_country(words))
        root = span.root
        head = root.head if root.dep_ == "appos" else None
        while head is not None and head.pos_ == "PROPN" and head.dep_ == "pobj" and head.head.dep_ == "prep" \
                and head.head.head.pos_ == "NOUN":
            head = head.head.head  # "the mayor of Vilnius, Remigijus Šimašius,": the parse hung the name on "Vilnius"
        if head is not None and (head.pos_ == "NOUN" or (head.pos_ == "PROPN" and _TITLE_HINT.search(head.lower_))):
            # "Lithuania's prime minister, Ingrida Šimonytė,", "Brazil’s Minister of Foreign Affairs, Carlos França,"
            words = [t for t in head.subtree if t.i < span.start and not t.is_punct and t.i >= head.left_edge.i]
            found.append(self._title_and_country(words))
        for title, country in found:
            if title and _TITLE_HINT.search(title):
                self._add_title(m.entity, title, country)

    @functools.cached_property
    def _section_labels(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _SECTION_LABEL.finditer(self.text)]

    def in_section_label(self, char: int) -> bool:
        """Inside a newsletter's section label opening a line ("What they're saying:", "Why it
        matters:"), which reports no one's words and names no one."""
        return any(a <= char < b for a, b in self._section_labels)

    @functools.cached_property
    def dateline_country(self) -> str | None:
        """The country of the dateline opening the body ("ISLAMABAD: Foreign Office on Friday …",
        "Mexico City, Mexico — …"): where the story is told from, or None."""
        lines = [ln for ln in self.text.split("\n") if ln.strip()][:8] + [ln for ln in self.opening.split("\n") if ln.strip()][:3]
        for line in lines:
            m = _DATELINE.match(CRAWLER_HEADER.sub("", line))  # (" date 2025-09-06 ISLAMABAD: …": after the crawler's date)
            if m is None:
                continue
            country, city = m.group("country") or m.group("country2"), m.group("city") or m.group("city2")
            capital = self.reg.country_by_capital.get(normalise(city))
            if capital is not None:  # a capital first: "ISLAMABAD" is not the Bangladeshi town of that name
                return capital.iso2
            for name in (country, city):
                place = gazetteer().lookup(name) if name else None
                if place is not None and place.country_code:
                    return place.country_code
        return None

    @functools.cached_property
    def _countries_named(self) -> list[tuple[int, str]]:
        """(position, ISO code) of each country, people or capital the text names outside quotes,
        two-word names ("Sri Lanka", "New Zealand") read whole; once per article."""
        found: list[tuple[int, str]] = []
        doc, skip = self.doc, -1
        for t in doc:
            if t.i <= skip or not t.text[:1].isupper() or self.in_quote(t.idx):
                continue
            pair = doc[t.i : t.i + 2].text if t.i + 1 < len(doc) else ""
            c = country_of(self.reg, pair) if pair else None
            if c is not None:
                skip = t.i + 1
            else:
                c = country_of(self.reg, t.text)
            if c is not None:
                found.append((t.idx, c.iso2))
        return found

    def country_most_named(self, pos: int, lead: int = 2) -> str | None:
        """The country whose name, people or capital the text before `pos` names most often outside
        quotes, when one clearly leads (by `lead` or more); else None."""
        counts: dict[str, int] = {}
        for at, iso2 in self._countries_named:
            if at >= pos:
                break
            counts[iso2] = counts.get(iso2, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or (len(ranked) > 1 and ranked[0][1] - ranked[1][1] < lead):
            return None
        return ranked[0][0]

    def names_country(self, iso2: str) -> bool:
        """Does the article name this country, its people or its capital anywhere outside quotes?"""
        return any(not self.in_quote(t.idx) and (c := country_of(self.reg, t.text)) is not None and c.iso2 == iso2
                   for t in self.doc if t.text[:1].isupper())

    def is_media(self, word: str) -> bool:
        """A news outlet: a registered one, or a website's name ("Axar.az reports that …")."""
        entry = self.reg.alias.get(normalise(word))
        return (entry is not None and entry.actor.actor_type == "media") or is_web_address(word.strip())

    def _title_and_country(self, tokens: list[Token]) -> tuple[str, str | None]:
        """('defence minister', 'PL') from "Poland's defence minister", "Polish Defence Minister" or
        "the defence minister of Poland"."""
        country = None
        words: list[str] = []
        for t in tokens:
            if t.text in ("’s", "'s", "’", "'") or t.lower_ in ("the", "a", "an"):
                continue
            c = country_of(self.reg, t.text) if (t.pos_ in ("PROPN", "ADJ") or t.ent_type_ in ("GPE", "NORP")) else None
            if c is not None and country is None and (not words or (words[-1].lower() == "of" and t is tokens[-1])):
                country = c.iso2
                if words and words[-1].lower() == "of":
                    words.pop()
                continue
            words.append(t.text)
        return re.sub(r"(?:\s+of)+$", "", title_key(" ".join(words))), country

    def _add_title(self, entity: Entity, title: str, country: str | None) -> None:
        words = title.split()
        former = words[:1] in (["former"], ["ex"], ["ex-"])  # a former Labor premier is not "the Premier"
        for k in range(len(words)):
            if words[k] not in ("of", "to", "for") and (k == 0 or words[k - 1] not in ("of", "to", "for")):
                entity.titles.add(" ".join((["former"] if former and k else []) + words[k:]))  # "polish defence minister" -> "defence minister" -> "minister"
        for prep in (" of ", " to ", " for "):
            if prep in title:  # "spokesperson of the minister-coordinator" is a spokesperson, "ambassador to Israel" an ambassador
                head = title.split(prep)[0].split()
                for k in range(len(head)):
                    entity.titles.add(" ".join(head[k:]))
        for title_word, others in _TITLE_SYNONYMS.items():
            if title_word in entity.titles:  # "Russian Ambassador Marat Pavlov" … "the envoy told reporters"
                entity.titles.update(others)
        if country and entity.country is None:
            entity.country = country

    def _learn_appositive_names(self) -> None:
        """'Lithuania's prime minister, Ingrida Simonyte,': proper-noun appositions the NER missed."""
        for tok in self.doc:
            if tok.dep_ != "appos" or tok.pos_ != "PROPN" or tok.ent_type_ in ("LOC", "FAC", "PERSON"):
                continue
            if not _TITLE_HINT.search(tok.head.text) or self.in_quote(tok.idx) or tok.idx in self._by_start:
                continue
            span = proper_run(tok)
            first = span.start
            entity = self.person_named(span.text, span.start_char)
            if entity is not None and entity.is_person:
                m = self.note(entity, span.start_char, span.end_char, "name", tok.head.dep_ in SUBJECT_DEPS)
                words = [t for t in tok.head.subtree if t.i < first and not t.is_punct]
                title, country = self._title_and_country(words)
                if title:
                    self._add_title(m.entity, title, country)

    def _overlaps_person(self, start: int, end: int) -> bool:
        lo = bisect.bisect_left(self.mentions, start - 200, key=lambda x: x.start)
        return any(m.entity.is_person and m.start < end and start < m.end for m in self.mentions[lo:] if m.start < end)

    def _national_body(self, head: Token) -> Entity | None:
        """The body a subject phrase with a nationality names ("The Saudi Foreign Ministry"), by the
        one resolver of organisation names."""
        from .speakers import organisation_named

        words = [t for t in head.subtree if t.i <= head.i]
        actor = organisation_named(self, self.doc[words[0].i : head.i + 1].text) if words else None
        return self.entity_for(actor) if actor is not None and actor.actor_type != "person" else None

    def _learn_embassies(self) -> None:
        """'Russian Embassy in Addis Ababa issued a statement', which the NER did not call a body:
        an embassy named by its country and host, so that "the Embassy said" finds it."""
        from .speakers import embassy_named

        doc = self.doc
        for tok in doc:
            if tok.text != "Embassy" or self.in_quote(tok.idx) or self._by_start.get(tok.idx) is not None:
                continue
            spans = (doc[left:right] for left in (tok.i - 1, tok.i - 2, tok.i) if left >= 0
                     for right in range(min(tok.i + 8, len(doc)), tok.i + 1, -1))  # the longest host first ("in Addis Ababa")
            found = next(((span, actor) for span in spans for actor in [embassy_named(self, span.text)] if actor is not None), None)
            if found is not None:
                span, actor = found
                self.note(self.entity_for(actor), span.start_char, span.end_char, "organisation",
                          any(t.dep_ in SUBJECT_DEPS for t in span))

    def _web_name_around(self, ent: Span) -> tuple[int, int] | None:
        """The characters of a site's name the tokenizer cut at its dot ("Censor.NET", "Onet.PL") and
        the entity lies in; None when the entity is all of its word."""
        text = self.text
        start, end = ent.start_char, ent.end_char
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        while end > ent.end_char and text[end - 1] in ".,;:!?)”’\"'":
            end -= 1
        return (start, end) if (start, end) != (ent.start_char, ent.end_char) and is_web_address(text[start:end]) else None

    def _learn_organisations(self) -> None:
        """Bodies named in the article (for "it"/"they", "the ministry" and bare spokespeople)."""
        from .speakers import ministry_of_the_article, organisation_named  # one resolver of organisation names

        for ent in _bodies_with_their_country(entities(self.doc)):
            if ent.label_ == "PERSON" and len(ent) <= 2 and country_of(self.reg, ent.text) is not None:
                ent = Span(ent.doc, ent.start, ent.end, label="GPE")  # "Malta refused entry …" tagged PERSON: the country
            if ent.label_ not in ("ORG", "GPE", "NORP") or self.in_quote(ent.start_char) or is_credit(self.text, ent.start_char, ent.end_char):
                continue
            if self._overlaps_person(ent.start_char, ent.end_char):
                continue  # "Ingrida Šimonytė" tagged ORG but read as the prime minister's name
            if any(" Embassy in " in m.entity.actor.name for m in self.mentions_between(ent.start_char - 4, ent.end_char)):
                continue  # "The Ukrainian Embassy" of "The Ukrainian Embassy in Nairobi", read whole already
            web = self._web_name_around(ent)
            if web is not None:  # "according to Censor.NET", the NER's two bodies: one site, a medium
                if not self.mentions_between(web[0], web[1]):
                    self.note(self.entity_for(new_actor(self.text[web[0] : web[1]], "media")), web[0], web[1], "organisation", False)
                continue
            trimmed = self._office_place_then_name(ent) if ent.label_ == "ORG" else ent
            named = clean_person_name(trimmed.text, self._is_qualifier) if trimmed is not ent else None
            if named is not None and len(named.name.split()) >= 2:
                # "councillor for Kinson Cameron Adams" tagged ORG: the office's place, then a person
                self._note_ent(trimmed, self._person_from_full_name(named.name, None), "name")
                continue
            entry = self.reg.person_matcher.match(ent.text) if ent.label_ == "ORG" and " " in ent.text.strip() else None
            if entry is not None:  # a registered person the NER took for an organisation
                self._note_ent(ent, self.entity_for(entry.actor, entry.gender), "name")
                continue
            words = ent.text.split()
            # "a woman from Goyang, Gyeonggi, who …": a place after a place and a comma is the town's region
            after_a_place = ent.start >= 2 and self.doc[ent.start - 1].text == "," and self.doc[ent.start - 2].ent_type_ in ("GPE", "LOC")
            if ent.label_ == "ORG" and len(words) == 1 and not words[0].isupper() and self.reg.alias.get(normalise(words[0])) is None:
                known = self._full_names.get(("first", name_key(words[0]))) or self._full_names.get(("surname", name_key(words[0])))
                if known and len({id(m.entity) for m in known}) == 1:  # "According to Elena", after "Elena Yoshino"
                    self._note_ent(ent, known[0].entity, "first_name" if ("first", name_key(words[0])) in self._full_names else "surname")
                    continue
            if len(words) == 1 and self.doc[ent.end : ent.end + 2].text.lower() in (", who", ", whose") and words[0].isalpha() \
                    and not self.is_place_or_nation(words[0]) and not (ent.label_ == "GPE" and after_a_place) and self.reg.alias.get(normalise(words[0])) is None:
                entity, kind = self._person_from_single_name(words[0], ent.start_char, None)
                if entity is not None:  # "Switlana, who has been living in Letterkenny for 15 years,": a person
                    self._note_ent(ent, entity, kind)
                    continue
            titled = len(words) >= 3 and normalise(words[0]).rstrip(".") in HONORIFICS  # "Taoiseach Micheál Martin" tagged ORG
            if len(words) == 2 and normalise(words[0]).rstrip(".") in {"fr", "father", "mr", "mrs", "ms", "dr", "sir"}:
                entity, kind = self._person_from_single_name(words[1], ent.start_char, normalise(words[0]).rstrip("."))
                if entity is not None:  # "Fr Wolodymyr", "Ms Kallas" tagged ORG: a person by title and one name
                    self._note_ent(ent, entity, "title_surname" if kind == "surname" else kind)
                    continue
            if len(words) == 2 and normalise(words[0]).rstrip(".") in TITLE_WORDS:
                known = self._full_names.get(("surname", name_key(words[1])))
                if known and len({id(m.entity) for m in known}) == 1 and known[0].entity.is_person:
                    # "Bishop Doran", "Senator Kaine" tagged ORG after the full name: that person
                    self._note_ent(ent, known[0].entity, "title_surname")
                    continue
            # "Anastasyia Petukh, whose parents stayed behind,": bodies take "which", people "who";
            # "18-year-old Nazarii Lialiuk": an age describes a person
            titled = titled or (2 <= len(words) <= 3 and (self.doc[ent.end : ent.end + 2].text.lower() in (", who", ", whose")
                                                          or _AGED.search(self.text[max(0, ent.start_char - 14) : ent.start_char])))
            c = clean_person_name(ent.text, self._is_qualifier) if ent.label_ == "ORG" else None
            # a given name first ("Hanna Vilichenkovai"); any dictionary's given name after a country
            # or title the NER ran into it ("the Philippines Marat Pavlov")
            given = c is not None and not _names_a_paper_or_body(c.name) and (first_name_gender(c.name.split()[0]) is not None or (
                c.name != ent.text.strip() and usual_gender(c.name.split()[0]) is not None))
            if c is not None and (2 <= len(c.name.split()) <= 3 and given or titled) and len(c.name.split()) in (2, 3):
                # "Hanna Vilichenkovai" tagged ORG: a given name first makes it a person
                self._note_ent(ent, self._person_from_full_name(c.name, None), "name")
                continue
            if ent.label_ in ("ORG", "GPE") and not self.is_place_or_nation(ent.text) and not (ent.label_ == "GPE" and after_a_place) \
                    and self._names_the_titled(ent):  # (not "a woman from Leeds, West Yorkshire,")
                # "the rapporteur of the … Committee, Rebwar Babkayi, said": a name set beside a person's title
                self._note_ent(ent, self._person_from_full_name(clean_person_name(ent.text).name, None), "name")
                continue
            if ent.label_ != "ORG" and ent.root.dep_ not in SUBJECT_DEPS:
                continue  # a country named as a place; as a subject it stands for its government
            actor = organisation_named(self, ent.text, ent.start_char)
            if actor is None and ent.label_ == "ORG":
                known = self.organisation_by_short_name(ent.text, ent.start_char)  # "the State Committee"
                actor = known.actor if known is not None else None
            if actor is None and ent.label_ == "ORG":  # "the Foreign Affairs Ministry" in a story about Ghanaians
                actor = ministry_of_the_article(self, ent.text, ent.start_char)
            if actor is None and ent.label_ == "ORG" and _plausible_org(ent.text) and not self._places_joined(ent.text) \
                    and not self._ends_a_site_name(ent.start_char):
                name = without_bracketed_acronym(re.sub(r"^the\s+", "", ent.text.strip(), flags=re.I))
                actor = self.acronym(name) or new_actor(name, "organisation")
            if actor is not None and actor.actor_type != "person":
                self.note(self.entity_for(actor), ent.start_char, ent.end_char, "organisation", _acts(ent.root))

    def _resolve_pronouns(self) -> None:
        """Every subject pronoun in reading order, so that each finds the earlier ones already
        resolved (the look-back never recurses deeper than one step, whatever the article's length)."""
        for tok in self.doc:
            if tok.lower_ in PRONOUN_GENDER and tok.dep_ in SUBJECT_DEPS and not self.in_quote(tok.idx):
                self.resolve_pronoun(tok)

    def _learn_subject_descriptions(self) -> None:
        """Subjects that are role descriptions ("the Foreign Secretary visited…") join their entity,
        so that a later "she" finds them as the subject they are."""
        for tok in self.doc:
            if tok.dep_ not in SUBJECT_DEPS or tok.pos_ not in ("NOUN", "PROPN") or self.in_quote(tok.idx):
                continue
            if tok.ent_type_ == "PERSON" or tok.idx in self._by_start:
                continue
            if not any(c.lower_ in ("the",) or c.dep_ == "poss" for c in tok.lefts) and tok.pos_ != "PROPN":
                continue
            named = next((m for c in tok.subtree if c.dep_ == "appos" and c.head.ent_type_ != "PERSON" and _no_verb_between(c, tok)
                          and not _relative_phrase(self.doc[c.left_edge.i : c.right_edge.i + 1])
                          for m in [self.mention_in(self.doc[c.left_edge.i : c.right_edge.i + 1])]
                          if m is not None and m.entity.is_person and not m.in_quote), None)
            # "the EU ambassador to Argentina, Amador Sánchez Rico, said": the description is of the name beside it
            d = self.description_of(tok)
            if named is not None and d.title and d.head in PERSON_NOUNS and not set(d.title.split()) & _CONTRASTING:
                # "The spokesman for the Joint Force, Colonel Ahmed Mustafa, …": a title of his, so that
                # "The spokesman confirmed" two paragraphs on is him too
                self._add_title(named.entity, d.title, d.country)
            entity = named.entity if named is not None else self.described(d, tok.idx, allow_salience=self._rank(tok) == 0)
            if entity is None and d.country is not None and d.head in ORG_NOUNS and d.head not in PERSON_NOUNS and any(
                    m.start < tok.idx and not m.entity.is_person and m.entity.country not in (None, d.country)
                    and d.head in normalise(m.entity.actor.name) for m in self.mentions):
                # "The Saudi Foreign Ministry yesterday announced", after Bahrain's: a body of its own, so
                # that "the ministry" after it is this one
                entity = self._national_body(tok)
            if entity is not None:
                left = min([tok.i] + [t.i for c in tok.lefts for t in c.subtree])
                self.note(entity, self.doc[left].idx, tok.idx + len(tok.text), "description", True)

    # --- descriptions ------------------------------------------------------------------------

    def description_of(self, head: Token) -> "Description":
        """The title, national qualifier and head of a description headed by `head`:
        "the President of Belarus" -> ('president', BY), "Belarus' dictator" -> ('dictator', BY),
        "the bloc's top diplomat" -> ('top diplomat', international)."""
        doc = head.doc
        left = [t for c in head.lefts for t in c.subtree]
        right = [t for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" for t in _without_clauses(c)]
        # "ambassador to Israel" keeps its destination in the title; "ambassador to the UN" names a body
        to = [t for c in head.rights if c.dep_ == "prep" and c.lower_ == "to" and _TITLE_HINT.search(head.lower_) for t in _without_clauses(c)]
        # "the Minister for Foreign Affairs", "the Secretary of State for Defence": the portfolio is the title's
        to += [t for c in head.rights if c.dep_ == "prep" and c.lower_ == "for" and head.lemma_.lower() in ("minister", "secretary")
               and any(o.dep_ == "pobj" and o.text[:1].isupper() for o in c.children) for t in _without_clauses(c)]
        to_ids = {t.i for t in to}
        tokens = sorted(left + [head] + right + to, key=lambda t: t.i)
        country, international, words = None, False, []
        definite = False
        body = None
        paired: set[int] = set()  # the second word of a two-word country or nationality ("South African")
        for k, t in enumerate(tokens):
            if t.i in paired or t.is_punct or t.dep_ == "case" or t.text in ("’s", "'s"):
                continue
            if t is not head and k + 1 < len(tokens) and tokens[k + 1].i == t.i + 1 and tokens[k + 1].i != head.i \
                    and t.text[:1].isupper() and tokens[k + 1].text[:1].isupper() and country_of(self.reg, t.text) is None:
                pair = country_of(self.reg, f"{t.text} {tokens[k + 1].text}")
                if pair is not None:  # "the South African president", "New Zealand's foreign minister"
                    country = country or pair.iso2
                    paired.add(tokens[k + 1].i)
                    continue
            low = normalise(t.text)
            if t.dep_ == "det" or low in ("the", "a", "an"):
                definite = definite or low in ("the", "this", "that")
                continue
            if t.i in to_ids and normalise(t.text) not in _INTERNATIONAL:
                words.append(t.text)
                continue
            if t is not head:
                if (t.dep_ == "poss" or (t.i + 1 < len(doc) and doc[t.i + 1].text in ("’", "'", "’s", "'s"))) \
                        and not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children):
                    definite = True  # "Poland's president", "Belarus' dictator" (not "a spokesperson's statement")
                if low in _INTERNATIONAL:
                    international = True
                    body = body or re.sub(r"[.']", "", low)
                    continue
                if low in ("its", "their", "his", "her", "country", "nation") or (low == "state" and t.dep_ == "poss"):
                    continue
                if low in _GENERIC_PLACES and t.pos_ == "NOUN" and t.dep_ == "pobj":
                    continue  # "the head of the region" after "the head of the Luhansk regional administration": as "the head"
                c = country_of(self.reg, t.text) if t.pos_ in ("PROPN", "ADJ", "NOUN") or t.ent_type_ else None
                if c is not None:
                    country = country or c.iso2
                    continue
            words.append(t.text)
        first = min(t.i for t in tokens)
        while first > 1 and doc[first - 1].pos_ == "ADJ" and doc[first - 1].head.i == head.head.i:
            first -= 1  # ("the bulky 46-year-old said": an adjective between, hung on the verb too)
        if first > 0 and doc[first - 1].lower_ == "the":
            definite = True  # "The 49-year-old said", its article parsed onto the verb
        title = re.sub(r"(?:\s+(?:of|to))+$", "", title_key(" ".join(words)))
        title = re.sub(r"\bof of\b", "of", title)
        return Description(title, country, international, head.lemma_.lower(), definite, head.idx, body)

    def described(self, d: "Description", pos: int, allow_salience: bool = True) -> Entity | None:
        """The entity a description refers to: a title the article gives someone, a registry role
        held on the article's date (or held by someone the article names, when it has no date),
        and, for epithets ("the strongman", "Belarus' dictator"), the most salient person before it."""
        if not d.title:
            return None
        if _describes_a_country(d):
            return self.salient_organisation(pos, max_paragraphs=4, government=True)  # "the country said": its government
        if d.head in ORG_NOUNS and d.head not in PERSON_NOUNS:
            if d.title != d.head and d.head in ("guard", "police", "service", "ministry", "council", "committee"):
                # "the border guard" after "Polish Border Guard": a body whose name holds every word
                words = d.title.split()
                for m in reversed(self.mentions):
                    if m.start < pos and not m.entity.is_person and all(w in normalise(m.entity.actor.name) for w in words) \
                            and (d.country is None or m.entity.country in (None, d.country)):  # (not Bahrain's for "the Saudi Foreign Ministry")
                        return m.entity
            return self._org_described(d, pos) if d.title == d.head or d.head in _KIND_NOUNS and not d.country else None
        holders = [e for e in self.entities.values() if e.is_person and d.title in e.titles and (d.country is None or e.country in (None, d.country))
                   and not (d.international and e.country is not None)]  # ("the Commission's president" is no head of state)
        if not holders and d.definite and len(d.title.split()) > 1 and d.head in PERSON_NOUNS | _STORY_PEOPLE \
                and d.title.endswith(d.head) and not set(d.title.split()[:-1]) & (_OFFICE_QUALIFIERS | _CONTRASTING | {"prime"}):
            # ("the prime minister" is an office; "the president of the Bishops' Conference" is no other president)
            # "the anxious mother" after "Aanchal Sharma, a mother of two": the head noun alone
            holders = [e for e in self.entities.values() if e.is_person and d.head in e.titles and (d.country is None or e.country in (None, d.country))
                       and not self._other_kind_of(e, d)]
            qualifier = d.title[: -len(d.head)].strip() if d.title.endswith(d.head) else ""
            if qualifier and any(qualifier in normalise(e.actor.name) for e in self.entities.values() if not e.is_person):
                # "the Frente de Todos leader": a leader of a body the article names, not any leader
                holders = [e for e in holders if any(qualifier in t for t in e.titles)]
        if not holders and d.definite:
            holders = self._head_of_the_same_kind_of_body(d)
        if holders:
            holders += [e for e in self._registered_holders(d) if e not in holders]  # (Nawrocki beside Zelensky for "the president")
            known = [e for e in holders if d.country is not None and e.country == d.country]
            holders = known or holders  # "the Danish prime minister": the one known to be Danish, not "its" prime minister
        if len(holders) > 1:  # two ambassadors, "…,” added the Frente de Todos leader": the one the reader has
            # in mind (the one acting), not the last one named
            return self.salient_person(pos, same_sentence_subjects_only=False, max_sentences=6, among=holders) \
                or self._nearest(holders, pos)
        if holders:
            return holders[0]
        role = self._former_holder(d) or self._registry_role(d, pos)
        if role is not None:
            return role
        head_of = self._head_of_body(d, pos)
        if head_of is not None:
            return head_of
        minister = _minister_heading(d)
        if minister is not None:
            return self.described(minister, pos, allow_salience)
        if allow_salience and d.definite and d.title.split()[0] in ("former", "ex", "ex-") and " of " not in f" {d.title} " \
                and d.head in PERSON_NOUNS and not any(e.is_person and d.title.split(maxsplit=1)[-1] in e.titles for e in self.entities.values()):
            # "Dr Harsha de Silva has congratulated … the former Deputy Minister said": a past office no one here holds, the
            # writer's other name for the person in mind
            return self.salient_person(pos, country=d.country)
        office = set(d.title.split()) & _OFFICE_QUALIFIERS  # "deputy foreign minister" names an office, not whom we have in mind
        parent = _PARENT_OF.match(d.title) is not None  # "the father of nine", "the mother of two": the person in mind
        if " of " in f" {d.title} " and d.title not in EPITHETS and not parent:
            return None  # "the president of the forum": of a body, not whoever is salient ("the head of state" is)
        if allow_salience and d.definite and (not office or d.title in EPITHETS) and (
                d.head in EPITHETS or d.title in EPITHETS or re.fullmatch(r"\d+[- ]year[- ]old", d.title) or parent):
            if d.country is not None:  # "the Belarusian leader": someone known to be Belarusian first
                strict = self.salient_person(pos, country=d.country, strict_country=True, max_sentences=20)
                if strict is None and (self.paragraph_at(pos) <= 2 or not any(m.start < pos and m.entity.is_person for m in self.mentions)):
                    strict = self._named_later(pos, d.country)  # a headline's "Ukraine's leader": the body names him
                if strict is not None:
                    return strict
            return self.salient_person(pos, country=d.country)
        return None

    @staticmethod
    def _other_kind_of(entity: Entity, d: "Description") -> bool:
        """The opposition leader is not 'Belarus's authoritarian leader', nor a deputy minister 'the
        minister': a title of the entity's with a contrasting qualifier the description lacks."""
        words = set(d.title.split())
        return any(t.endswith(" " + d.head) and t.split()[0] in _CONTRASTING and t.split()[0] not in words
                   for t in entity.titles)

    def _head_of_body(self, d: "Description", pos: int) -> Entity | None:
        """'the U.N. chief', 'the Nato boss': whoever the article or the registry gives a title
        naming that body ("UN Secretary-General Antonio Guterres")."""
        words = d.title.split()
        if not words or words[-1] not in _HEAD_WORDS or (len(words) < 2 and d.body is None):
            return None
        body = " ".join(words[:-1]) or d.body
        bodies = {body, *_BODY_ALIASES.get(body, ())}
        has_body = lambda title: any(re.search(rf"\b{re.escape(b)}\b", title) for b in bodies)  # noqa: E731
        office = _OFFICE_HEADS.get(words[-1])
        holds = lambda title: has_body(title) and (office is None or re.search(  # noqa: E731
            r"\b(?:" + "|".join(map(re.escape, office)) + r")\b", title))
        holders = [e for e in self.entities.values() if e.is_person and any(holds(t) for t in e.titles)]
        if holders:
            return self._nearest(holders, pos)
        roles = [(r, e) for key, rs in self.reg.roles.items() if has_body(key) for r, e in rs
                 if self.published is None and e.actor.actor_id in self.entities or self.published and r.holds_on(self.published)]
        in_article = {e.actor.actor_id: e for _, e in roles if e.actor.actor_id in self.entities}
        people = in_article or {e.actor.actor_id: e for _, e in roles}
        if len(people) != 1:
            return None
        entry = next(iter(people.values()))
        return self.entity_for(entry.actor, entry.gender)

    def _org_described(self, d: "Description", pos: int) -> Entity | None:
        if d.head in _KIND_NOUNS:
            # "the group said": the body the article is about that is neither a government nor the press
            bodies = [m for m in self.mentions if m.start < pos and not m.in_quote and not m.entity.is_person
                      and m.entity.actor.actor_type == "organisation"]
            named = [m for m in bodies if d.head in normalise(m.entity.actor.name).split()]  # "the Russell Group"
            acting = [m for m in bodies if m.is_subject]  # a body that did something, before one merely named
            return (named or acting or bodies)[-1].entity if bodies else None
        keys = ORG_NOUNS[d.head]
        def fits(m: Mention) -> bool:
            name = normalise(m.entity.actor.name)
            # whole words: "the commission" is no "Board of Commissioners"
            return not m.in_quote and not m.entity.is_person and any(re.search(rf"(?<!\w){k}(?!\w)", name) for k in keys) and (
                d.country is None or m.entity.country in (None, d.country)) and (
                m.entity.actor.actor_type != "media" or "news" in d.title)  # ("the UN agency" is no "Polish Press Agency")
        for m in reversed(self.mentions):
            if m.start < pos and fits(m):
                return m.entity
        # "the council issued a statement" opening an excerpt, "Banbury Town Council" named after it
        # (a body of its own kind only: "the government" is the dateline's, not the next one named)
        if d.head not in ("council", "committee", "commission", "agency", "association", "union", "party", "institute"):
            return None
        later = [m for m in self.mentions if m.start > pos and fits(m)
                 and self.paragraphs_between(self.paragraph_at(pos), self.paragraph_at(m.start)) <= 4]
        return later[0].entity if later and len({id(m.entity) for m in later}) == 1 else None

    def _registered_holders(self, d: "Description") -> list[Entity]:
        """People the article names whom the registry gives this office, held on the article's date
        (or still held, with no date)."""
        return [self.entities[e.actor.actor_id] for r, e in self.reg.roles.get(d.title, [])
                if e.actor.actor_id in self.entities and (d.country is None or r.country in (None, d.country))
                and (r.holds_on(self.published) if self.published is not None else r.end is None)]

    def _former_holder(self, d: "Description") -> Entity | None:
        """'the former President': the one person the article names whose registry term of that
        office ended before the article's date (with no date: who held it and is not called its
        holder here), never whoever holds it now."""
        words = d.title.split()
        if len(words) < 2 or words[0] not in ("former", "ex", "ex-"):
            return None
        office = " ".join(words[1:])
        terms = [(r, e) for r, e in self.reg.roles.get(office, []) if e.actor.actor_id in self.entities
                 and (d.country is None or r.country in (None, d.country))]
        holding_now = {e.actor.actor_id for r, e in terms if self.published is not None and r.holds_on(self.published)}
        people = {e.actor.actor_id for r, e in terms if r.end is not None and (self.published is None or r.end <= self.published)
                  and e.actor.actor_id not in holding_now
                  and (self.published is not None or office not in self.entities[e.actor.actor_id].titles)}
        return self.entities[next(iter(people))] if len(people) == 1 else None

    def _registry_role(self, d: "Description", pos: int) -> Entity | None:
        candidates = [
            (r, e) for r, e in self.reg.roles.get(d.title, [])
            if (d.country is None or r.country == d.country or (r.country is None and (d.international or e.actor.country_code == d.country)))
            and (not d.international or r.country is None)  # ("Ukraine's top diplomat" is not the EU's, whose office has no country)
        ]
        if not candidates and d.international and d.body and d.country is not None:
            # "Ukraine's UN ambassador": a country's office at an international body
            candidates = [(r, e) for r, e in self.reg.roles.get(f"{d.body} {d.title}", []) if r.country == d.country]
        # Someone the article names whose office ends with these words ("the secretary-general" after
        # "Antonio Guterres", the UN Secretary-General) before anyone else who holds the bare title.
        if not any(e.actor.actor_id in self.entities for _, e in candidates):  # (the registry is read only then)
            named = [(r, e) for key, rs in self.reg.roles.items() if key.endswith(" " + d.title) for r, e in rs
                     if e.actor.actor_id in self.entities and (d.country is None or r.country in (None, d.country))
                     and (not d.international or r.country is None)  # ("the European Commission's president" is no head of state)
                     and (self.published is None or r.holds_on(self.published))]
            candidates = named or candidates
        if not candidates:
            return None
        in_article = [(r, e) for r, e in candidates if e.actor.actor_id in self.entities]
        if self.published is None:
            pool = in_article  # with no date, who held a role is known only for someone the article names
        else:
            pool = [(r, e) for r, e in candidates if r.holds_on(self.published)]
            if d.country is not None and any(r.country == d.country for r, _ in pool):
                pool = [(r, e) for r, e in pool if r.country == d.country]
            if d.country is None and not any(e.actor.actor_id in self.entities for _, e in pool) \
                    and len({r.country for r, _ in candidates}) > 1:
                # "The Finance Minister" in a story from Wellington is not Sweden's: with no country said, the
                # holder of an office many countries have is theirs only where the article names their country
                # (a title one country has, "the Taoiseach", "the Foreign Secretary", needs none)
                people = {e.country or e.actor.country_code for e in self.entities.values() if e.is_person and e.actor.is_registered}
                pool = [(r, e) for r, e in pool if r.country is None or r.country == self.dateline_country
                        or self.names_country(r.country) or r.country in people]  # (or a country its registered people are of)
            if d.country is None and len({r.country for r, _ in pool}) > 1:
                here = self.dateline_country or self.country_most_named(pos)  # "SLOVENIA, June 26 - … the Prime Minister"
                pool = ([(r, e) for r, e in pool if e.actor.actor_id in self.entities]
                        or [(r, e) for r, e in pool if here is not None and r.country == here] or pool)
        if self.published is None and len({e.actor.actor_id for _, e in pool}) > 1:
            period = self._period_of_the_titles()
            if period is not None:
                # "The foreign secretary, Liz Truss," says when the article was written: the prime minister
                # is who held that office then (Johnson), not her
                lo, hi = period
                dated = [(r, e) for r, e in pool if (r.start is None or r.start < hi) and (r.end is None or lo < r.end)]  # (a handover day is neither's)
                pool = dated or pool
        if self.published is None and len({e.actor.actor_id for _, e in pool}) > 1:
            # No date, several people the article names have held it: a term that was over before
            # another began is a former one (Putin a prime minister in 2008–12, Johnson in 2019–22);
            # terms that overlap stay, and the nearest person decides.
            starts = [r.start for r, _ in pool if r.start is not None]
            latest = max(starts) if starts else None
            current = [(r, e) for r, e in pool if latest is None or r.end is None or r.end > latest]
            pool = current or pool
        people = {e.actor.actor_id: e for _, e in pool}
        if len(people) > 1 and all(i in self.entities for i in people):
            # Several people the article names have held the role (Putin was a prime minister too):
            # the one the reader last met.
            return self._nearest([self.entities[i] for i in people], pos)
        if len(people) != 1:
            return None
        entry = next(iter(people.values()))
        return self.entity_for(entry.actor, entry.gender)

    def _period_of_the_titles(self) -> tuple[dt.date, dt.date] | None:
        """An undated article's time, as the offices it gives registered people tell it: the days on
        which each of them held the office the article gives them (None when they say nothing or disagree)."""
        lo, hi = dt.date.min, dt.date.max
        told = False
        for e in self.entities.values():
            entry = self.reg.by_id.get(e.actor.actor_id) if e.is_person else None
            if entry is None or not e.titles:
                continue
            held = [r for r in entry.roles if title_key(r.title) in e.titles]
            if not held:
                continue
            starts = [r.start or dt.date.min for r in held]
            ends = [r.end or dt.date.max for r in held]
            lo, hi, told = max(lo, min(starts)), min(hi, max(ends)), True
        return (lo, hi) if told and lo <= hi else None

    def _named_later(self, pos: int, country: str, max_paragraphs: int = 6) -> Entity | None:
        """The first person of `country` the article names after `pos`, within a few paragraphs."""
        para0 = self.paragraph_at(pos)
        for m in self.mentions:
            if m.start <= pos or m.in_quote or not m.entity.is_person:
                continue
            if self.paragraphs_between(para0, self.paragraph_at(m.start)) > max_paragraphs:
                return None
            if m.entity.country == country:
                return m.entity
        return None

    def _nearest(self, entities_: list[Entity], pos: int) -> Entity:
        """Of several entities, the one mentioned last before `pos` (else the first mentioned after)."""
        best, best_after = None, None
        for m in self.mentions:
            if m.entity in entities_:
                if m.start < pos:
                    best = m.entity
                elif best_after is None:
                    best_after = m.entity
        return best or best_after or entities_[0]

    # --- salience and pronouns ---------------------------------------------------------------

    def _candidates(self, sentence: int, before: int | None, subjects_only: bool) -> list[tuple[Mention | None, Entity]]:
        """Person mentions of one sentence in the order a reader looks for an antecedent (Hobbs):
        the main clause's subject (or its possessor, "His news conference"), other subjects, then
        the rest, left to right; pronouns among them resolved. A sentence that only lists people
        ("Also taking part were Macron, Scholz and Stoltenberg") offers none of them."""
        s = self.sents[sentence]
        lo = bisect.bisect_left(self.mentions, s.start_char - 60, key=lambda x: x.start)
        found: list[tuple[int, int, Entity]] = []  # (rank, position, entity)
        roots: dict[int, int] = {}  # root token of each person mention -> its start
        listed: set[int] = set()  # starts of the mentions coordinated in a list
        coordinated = 0
        for m in self.mentions[lo:]:
            if m.start >= s.end_char or (before is not None and m.start >= before):
                break
            if m.end <= s.start_char:
                continue  # (a name that straddles a sentence split counts where it ends)
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            acts = span is not None and _acts_in_relative_clause(span.root)  # "… was Kostya, who issued a plea"
            if m.entity.is_person and not m.in_quote and (m.is_subject or acts or not m.entity.is_lone_name or m.entity.gender is not None):
                rank = self._rank(span.root) if span is not None else 2
                if span is not None and _is_source(span.root):  # "According to Elena, her mother …": Elena speaks
                    rank = 0
                elif span is not None and span.root.dep_ == "poss" and span.root.head.lemma_.lower() in _ACTS_OF_SPEECH \
                        and span.root.head.dep_ in SUBJECT_DEPS:
                    rank = self._rank(span.root.head)  # "Petro's statement … came minutes before …": Petro acts
                elif span is not None and span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN":
                    rank = 2  # "the Trump administration confirmed": the administration acts, not the man
                elif acts and rank == 2:
                    rank = 1
                found.append((rank if m.is_subject or rank < 2 else 2, m.start, m.entity))
                if span is not None:
                    if span.root.dep_ == "conj" and span.root.head.i in roots:
                        coordinated += 1
                        listed.update((m.start, roots[span.root.head.i]))
                    roots[span.root.i] = m.start
        if found and not any(rank == 0 for rank, _, _ in found):
            # "Prior to the liturgy, celebrant and pastor Bishop Andriy Rabiy – whose … — admitted he …":
            # a main verb the parse left without a subject has the person named last before it
            root = s.root
            if root.pos_ in ("VERB", "AUX") and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in root.children):
                before_root = [x for x in found if x[1] < root.idx and x[2].is_person]
                if before_root:
                    last = max(before_root, key=lambda x: x[1])
                    found = [(0, last[1], last[2]) if x is last else x for x in found]
        for tok in s:
            if before is not None and tok.idx >= before:
                break
            if tok.lower_ not in PRONOUN_GENDER or tok.idx in self._by_start or self.in_quote(tok.idx):
                continue
            if tok.dep_ in SUBJECT_DEPS or (tok.dep_ == "poss" and tok.head.dep_ in SUBJECT_DEPS and self._rank(tok.head) == 0):
                entity = self.resolve_pronoun(tok)
                if entity is not None:
                    found.append((self._rank(tok if tok.dep_ in SUBJECT_DEPS else tok.head), tok.idx, entity))
        if len({id(e) for _, _, e in found}) >= 3 and (not any(rank == 0 for rank, _, _ in found) or coordinated):
            # a list of people offers none of them; the subject of a clause that lists others is still its subject
            # ("Judge O'Shea called journalists Marie O'Halloran and Allison Bray …": the judge)
            subjects = [x for x in found if x[0] == 0 and x[1] not in listed]
            if not subjects or not coordinated:
                return []
            found = subjects
        found.sort(key=lambda x: (x[0], x[1]))
        return [(None, e) for rank, _, e in found if rank < 2 or not subjects_only]

    @staticmethod
    def _rank(subject: Token) -> int:
        """0 for the subject of the sentence's main clause, 1 for another clause's subject."""
        tok = subject
        while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "appos" and any(c.dep_ == "appos" and c.i > tok.i and c.pos_ == "PROPN" for c in tok.head.children):
            return 2  # "its outgoing prime minister, Múte B Egede, Mette Frederiksen switched": the name before the verb acts
        if tok.dep_ != "appos" and sum(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children) >= 2:
            return 2  # (and not the description the parse made the subject, nor the first name set beside it)
        while tok.dep_ in ("compound", "flat", "appos") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ not in SUBJECT_DEPS:
            return 2
        verb = tok.head
        return 0 if verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT") else 1

    def resolve_pronoun(self, tok: Token) -> Entity | None:
        """He/she: the nearest earlier person of that gender, the subjects of each sentence first,
        looking back up to two paragraphs. It/they: the latest body named or speaking."""
        if tok.i in self._pronouns:
            return self._pronouns[tok.i]
        low = tok.lower_
        if low == "they" and tok.dep_ in ("nsubj", "nsubjpass"):
            pair = self._coordinated_people(tok)
            if pair is None and is_cue(tok.head):
                # "Tillis and Shaheen accused Putin …" … "“…,” they said": a pair named together, with no
                # body acting since, speaks as the first of them
                group = self._latest_group(tok.idx, max_paragraphs=3)
                if group is not None and group.is_subject and self._pair_acts_last(group, tok):
                    pair = group.entity
            if pair is not None:  # "Niinistö and Sanna Marin revealed they believe …": the first named speaks for both
                return pair
        if low == "they" and tok.dep_ in ("nsubj", "nsubjpass"):
            body = self._body_whose_members_were_the_subject(tok)
            if body is not None:
                self._pronouns[tok.i] = body
                return body
        if low in ORG_PRONOUNS:
            return self.salient_organisation(tok.idx)
        gender = PRONOUN_GENDER.get(low)
        if gender is None or tok.i in self._resolving:
            return None
        self._resolving.add(tok.i)
        bound = self._named_in_its_clause(tok)
        try:
            found = self.salient_person(tok.idx, gender=gender, same_sentence_subjects_only=True, bound=bound)
            if found is None:
                found = self._named_next(tok.idx, gender, bound)
            if found is None:
                # "Vivian Balakrishnan … he said": the text's pronoun over a first name's usual gender
                found = self.salient_person(tok.idx, gender=gender, same_sentence_subjects_only=True, overrule_guesses=True, bound=bound)
            if found is None and not any(e.is_person and e.gender in (gender, None) and e.first_start < tok.idx
                                         for e in self.entities.values()):
                # "Nanaia Mahuta … “It will tragically affect many civilians,” he said" in a machine
                # translation: no one of that gender is named before, so the pronoun's gender is wrong
                found = self.salient_person(tok.idx, same_sentence_subjects_only=True, bound=bound)
                if found is not None and found.gender not in (None, gender):
                    self._pronouns[tok.i] = found
                    return found  # (its gender stays the one the names tell)
            if found is not None and tok.dep_ == "nsubj" and is_cue(tok.head):
                found = self._subject_over_a_possessor(tok, found, gender, bound)
        finally:
            self._resolving.discard(tok.i)
        if found is not None and (found.gender is None or found.gender_guessed):
            found.gender, found.gender_guessed = gender, False  # the text has told us
        self._pronouns[tok.i] = found
        return found

    def _head_of_the_same_kind_of_body(self, d: "Description") -> list[Entity]:
        """'the head of the Regional State Administration' after 'Head of the regional military-civilian
        administration Oleh Syniehubov': the one person the article titles head of a body of that kind."""
        m = _HEAD_OF_A_BODY.match(d.title)
        if m is None:
            return []
        people = {id(e): e for e in self.entities.values() if e.is_person and any(
            (t := _HEAD_OF_A_BODY.match(title)) is not None and _same_head(t, m) for title in e.titles)}
        for mention in self.mentions:  # the title written before the name ("Head of the … administration Oleh Syniehubov")
            if mention.entity.is_person and mention.start < d.start:
                before = normalise(self.text[max(0, mention.start - 90) : mention.start]).rstrip(" ,")
                t = _TITLE_BEFORE_A_NAME.search(before)
                if t is not None and _same_head(t, m):
                    people[id(mention.entity)] = mention.entity
        return list(people.values()) if len(people) == 1 else []

    def _ends_a_site_name(self, start: int) -> bool:
        """'Censor.NET': a word glued after a dot is the end of a site's name, not a body called NET."""
        return start > 1 and self.text[start - 1] == "." and self.text[start - 2].isalnum()

    def _places_joined(self, text: str) -> bool:
        """'Bakhmut and Marinka' tagged as one body: two places."""
        parts = re.split(r"\s+(?:and|&)\s+", re.sub(r"^the\s+", "", text.strip(), flags=re.I))
        return len(parts) == 2 and all(self.is_place_or_nation(p) for p in parts)

    def _two_people_run_together(self, name: str) -> bool:
        """'Putin Lukashenko' (a caption's two names on one line), 'Bakhmut and Marinka': no one person's name."""
        words = name.split()
        if "and" in words:
            return True
        if len(words) != 2 or self.reg.person_matcher.match(name) is not None:
            return False
        a, b = (self.reg.person_matcher.match_surname(w) for w in words)
        return a is not None and b is not None and a != b

    def _a_dateline(self, ent: Span, name: str) -> bool:
        """'Tel Aviv: US Secretary of State Antony Blinken, who is on a visit to Israel, …': a place opening the
        first lines of a story before a colon and a sentence of narrative (not "Name: “…”", a speaker's turn),
        its first word no one's given name."""
        line_start = self.text.rfind("\n", 0, ent.start_char) + 1
        if self.text[line_start : ent.start_char].strip() or ent.start_char > 1500:
            return False
        after = self.text[ent.end_char : ent.end_char + 3]
        return after.startswith(":") and after[1:].strip()[:1].isupper() and usual_gender(name.split()[0]) is None

    def _body_whose_members_were_the_subject(self, tok: Token) -> Entity | None:
        """'Leaders of the Group of Seven repeated a pledge … . In a statement marking the day the Kremlin
        launched its assault, they said …': "they" is the last plural subject before (up to a paragraph back),
        and members of a body are that body (not a body named in passing since)."""
        for t in self.subjects_before(tok.idx, 3, SUBJECT_DEPS):
            if t.lower_ == "they" or t.tag_ not in ("NNS", "NNPS"):
                continue  # (a "they" before: the same plural further back)
            return self.body_of_its_members(t)  # the nearest plural subject decides
        return None

    def body_of_its_members(self, head: Token) -> Entity | None:
        """'G7 leaders', 'leaders of the Group of Seven', 'the bloc's foreign ministers': the body, named as
        a registered or noted organisation, that these members speak for."""
        if head.lemma_.lower() not in MEMBER_NOUNS or head.tag_ not in ("NNS", "NNPS"):
            return None
        owners = [c for c in head.children if c.dep_ in ("compound", "poss", "nmod") and c.pos_ in ("PROPN", "NOUN")]
        owners += [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        from .speakers import organisation_named  # one resolver of organisation names

        for owner in owners:
            sub = list(owner.subtree)
            start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            m = next((m for m in self.mentions_between(start, end) if not m.entity.is_person), None)
            if m is not None and m.entity.actor.actor_type not in ("government", "media"):
                return m.entity
            ent = next((e for e in head.doc.ents if e.start <= owner.i < e.end), None)
            phrase = ent.text if ent is not None else self.text[start:end]
            actor = organisation_named(self, phrase, owner.idx) or organisation_named(self, owner.text, owner.idx)
            if actor is not None and actor.actor_type not in ("person", "government", "media"):
                return self.entity_for(actor)
        return None

    def _subject_over_a_possessor(self, tok: Token, found: Entity, gender: str, bound: frozenset[int]) -> Entity:
        """'Morawiecki attended a press conference … . Since August, Belarus has been embattled in the turmoil
        of Lukashenko’s electoral victory. “…,” he told a news conference': a speaking "he" goes to the
        subject of the sentences before, not to a possessor named in passing since."""
        k0 = self.sentence_index(tok.idx)
        if any(e is found for _, e in self._candidates(k0, tok.idx, subjects_only=True)):
            return found  # (named in the pronoun's own sentence)
        possessed = False  # seen since only as a possessor
        for k in range(k0 - 1, max(-1, k0 - 4), -1):
            if self.paragraphs_between(self.paragraph_of[k], self.paragraph_of[k0]) > 1:
                break
            sent = self.sents[k]
            mentions = [m for m in self.mentions_between(sent.start_char, sent.end_char) if m.entity is found and not m.in_quote]
            if mentions and not all(self._possessor(m) for m in mentions):
                return found
            possessed = possessed or bool(mentions)
            subjects = [e for _, e in self._candidates(k, None, subjects_only=True)
                        if e.is_person and e.gender in (None, gender) and id(e) not in bound]
            if subjects:
                return subjects[0] if possessed else found
        return found

    def _possessor(self, m: Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and span.root.dep_ == "poss" and span.root.head.dep_ not in SUBJECT_DEPS

    def _coordinated_people(self, tok: Token) -> Entity | None:
        """'X and Y revealed they believe …', 'X and Y … . “…,” they said': the first of two people
        who are together the subject of this sentence or the one before."""
        k = self.sentence_index(tok.idx)
        for sent in (self.sents[k], self.sents[k - 1] if k > 0 else None):
            if sent is None:
                continue
            for m in self.mentions_between(sent.start_char, min(sent.end_char, tok.idx)):
                if not (m.entity.is_person and m.is_subject and not m.in_quote):
                    continue
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                partners = [c for c in span.root.children if c.dep_ == "conj"] if span is not None else []
                if any(self.mention_in(self.doc[c.left_edge.i : c.i + 1]) is not None or c.pos_ == "PROPN" for c in partners):
                    return m.entity
            if self.paragraph_at(sent.start_char) != self.paragraph_at(tok.idx):
                break
        return None

    def first_of_a_group(self, pos: int, max_paragraphs: int = 3) -> Entity | None:
        """'Senators Peter Welch and John Curtis called on …' then '“…,” wrote the lawmakers': the first
        person of the latest group of people named together (whose office writes it)."""
        m = self._latest_group(pos, max_paragraphs)
        return m.entity if m is not None else None

    def _pair_acts_last(self, group: Mention, tok: Token) -> bool:
        """Two people named together are still whom 'they' means at `tok`: no third of the list ("and
        others"), and no body or plural subject ("the signatories note") acting in between."""
        span = self.doc.char_span(group.start, group.end, alignment_mode="expand")
        partners = [c for c in span.root.children if c.dep_ == "conj"] if span is not None else []
        if len(partners) != 1 or any(c.lower_ in ("others", "other") for c in partners[0].subtree):
            return False
        if any(not m.entity.is_person and m.is_subject and not m.in_quote for m in self.mentions_between(group.end, tok.idx)):
            return False
        between = self.doc.char_span(group.end, tok.idx, alignment_mode="contract")
        return between is None or not any(t.dep_ == "nsubj" and t.tag_ in ("NNS", "NNPS") and not self.in_quote(t.idx)
                                          for t in between)

    def _latest_group(self, pos: int, max_paragraphs: int) -> Mention | None:
        k0 = self.sentence_index(pos)
        for k in range(k0, -1, -1):
            if self.paragraphs_between(self.paragraph_of[k], self.paragraph_of[k0]) > max_paragraphs:
                break
            sent = self.sents[k]
            for m in self.mentions_between(sent.start_char, min(sent.end_char, pos)):
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                # (any role: a dateline or "(D-Vt.)" after each name often leaves the parse without the verb)
                if not m.entity.is_person or m.in_quote or span is None:
                    continue
                partners = [c for c in span.root.children if c.dep_ == "conj"]
                if any(self.mention_in(self.doc[c.left_edge.i : c.i + 1]) is not None for c in partners):
                    return m
        return None

    def titled_next(self, pos: int, head: str, sentences: int = 2) -> Entity | None:
        """The one person first named in the next sentences with a title ending in `head`."""
        k0 = self.sentence_index(pos)
        lo = bisect.bisect_right(self.mentions, pos, key=lambda x: x.start)
        found = {}
        for m in self.mentions[lo:]:
            if m.sentence > k0 + sentences:
                break
            e = m.entity
            if m.sentence > k0 and e.is_person and not m.in_quote and e.first_start > pos and any(t == head or t.endswith(" " + head) for t in e.titles):
                found[id(e)] = e
        return next(iter(found.values())) if len(found) == 1 else None

    def introduced_after(self, pos: int, title: str) -> Entity | None:
        """'The chief executive of the Disasters Emergency Committee (DEC) has urged …' then 'Saleh
        Saeed's comments were …': an office holder the article names only in the next sentence
        (a full name given no other title)."""
        if not _TITLE_HINT.search(title):
            return None
        k0 = self.sentence_index(pos)
        lo = bisect.bisect_right(self.mentions, pos, key=lambda x: x.start)
        for m in self.mentions[lo:]:
            if m.sentence > k0 + 1:
                return None
            if m.entity.is_person and not m.in_quote and not m.entity.is_lone_name and m.sentence == k0 + 1:
                # (not someone with a title or a registered office of their own: "… Putin then said"; but a person
                # the next sentence introduces as its subject is who the lead described: "Superintendent Liam Geraghty was …")
                introduced = m.is_subject and m.entity.first_start == m.start and not m.entity.actor.is_registered \
                    and all(set(t.split()) <= _RANKS for t in m.entity.titles)  # (a rank, not another office: "President X")
                return m.entity if introduced or not m.entity.titles and not m.entity.actor.is_registered else None
        return None

    def _named_in_its_clause(self, tok: Token) -> frozenset[int]:
        """People a subject pronoun cannot be (binding's Principle C): those named after it in its
        own clause ("He described a signal from Zelenskyy") or inside what it says, before it
        ("Zelenskyy “told me …,” he added"). A clause set before it ("When Tusk arrived, he said")
        does not bind."""
        verb = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or verb.i == tok.i:
            return frozenset()
        sent = self.sents[self.sentence_index(tok.idx)]
        bound = set()
        for m in self.mentions_between(sent.start_char, sent.end_char):
            if not m.entity.is_person or m.in_quote or m.kind not in ("name", "surname", "first_name", "title_surname"):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            node = span.root
            while node.head.i != node.i and node.head.i != verb.i:
                node = node.head
            # (before it, only a name the quoted words go on from: "Ana told us …, she said:" is Ana)
            gap = self.text[m.end : m.end + 3]
            goes_on_quoted = self.in_quote(m.end + len(gap) - len(gap.lstrip()) + 1)  # (the character after the mark)
            if node.head.i == verb.i and node.i != tok.i and (
                    m.start > tok.idx or node.dep_ in ("ccomp", "xcomp", "dobj", "parataxis") and goes_on_quoted):
                bound.add(id(m.entity))
        return frozenset(bound)

    def _named_next(self, pos: int, gender: str, bound: frozenset[int] = frozenset()) -> Entity | None:
        """A pronoun no one comes before ('“…,” he told reporters. Lithuanian Foreign Minister
        Gabrielius Landsbergis said …'): the person the next two sentences name."""
        k0 = self.sentence_index(pos)
        lo = bisect.bisect_right(self.mentions, pos, key=lambda x: x.start)
        for m in self.mentions[lo:]:
            if m.sentence > k0 + 2:
                break
            if m.entity.is_person and not m.in_quote and not m.entity.is_lone_name and m.entity.gender in (None, gender) \
                    and id(m.entity) not in bound:
                return m.entity
        return None

    def salient_person(self, pos: int, gender: str | None = None, country: str | None = None,
                       same_sentence_subjects_only: bool = True, max_sentences: int = 10,
                       exclude: Entity | None = None, strict_country: bool = False,
                       overrule_guesses: bool = False, among: list[Entity] | None = None,
                       bound: frozenset[int] = frozenset()) -> Entity | None:
        """The person a reader has in mind at `pos`: the current sentence's earlier subjects, then
        each earlier sentence's subjects and other mentions, up to two paragraphs back (only one of
        `among`, when given: "the leader" the reader has in mind of several leaders)."""
        if not self.sents:
            return None
        k0 = self.sentence_index(pos)
        para0 = self.paragraph_of[k0]
        # the story's sentences first ("Minister X and Minister Y will announce … Credit: AFP" is a photo's
        # caption between), then the captions too (a caption may be all that names someone)
        for skip_captions in (True, False):
            for k in range(k0, max(-1, k0 - max_sentences), -1):
                if self.paragraphs_between(self.paragraph_of[k], para0) > 4:
                    break
                current = k == k0
                if skip_captions and not current and k in self._caption_sentences:
                    continue
                for _, entity in self._candidates(k, pos if current else None, subjects_only=current and same_sentence_subjects_only):
                    if gender and entity.gender not in (None, gender) and not (overrule_guesses and entity.gender_guessed):
                        continue
                    if country and entity.country not in ((country,) if strict_country else (None, country)):
                        continue
                    if entity is exclude or id(entity) in bound or (among is not None and entity not in among):
                        continue
                    return entity
            if not any(k in self._caption_sentences for k in range(max(0, k0 - max_sentences + 1), k0)):
                break  # no caption was skipped: the second pass would find nothing more
        return None

    @functools.cached_property
    def _caption_sentences(self) -> frozenset[int]:
        """Sentences on a line that ends with a photo credit ("… next month Credit: AFP", "… Picture:
        Niall Carson/PA"): a photo's caption; and on a bulleted headline ("- ANC's Mbalula says VAT
        can be reduced"): a link to another story."""
        out = set()
        for k, sent in enumerate(self.sents):
            end = self.text.find("\n", sent.start_char)
            line = self.text[self.text.rfind("\n", 0, sent.start_char) + 1 : end if end >= 0 else len(self.text)]
            if _CAPTION_END.search(line) is not None or _LINK_LINE.match(line) is not None:
                out.add(k)
        return frozenset(out)

    def salient_organisation(self, pos: int, max_paragraphs: int = 2, government: bool = False) -> Entity | None:
        """The latest body named or quoted before `pos`, not too far back (a government one if asked)."""
        para0 = self.paragraph_at(pos)
        lo = bisect.bisect_left(self.mentions, pos, key=lambda x: x.start)
        fallback = None
        for m in reversed(self.mentions[:lo]):
            if self.paragraphs_between(self.paragraph_of[m.sentence], para0) > max_paragraphs:
                break
            if m.entity.is_person or m.in_quote or (government and m.entity.actor.actor_type != "government"):
                continue
            if m.entity.actor.actor_type == "media" or _outlet_like(m.entity.actor.name):
                continue  # the agency whose copy this is ("BNS", "Interfax reported", "told STV News") is not what "it" says
            if m.is_subject:
                return m.entity  # a body that did or said something, before one merely named
            fallback = fallback or m.entity
        return fallback

    def organisation_by_short_name(self, text: str, pos: int) -> Entity | None:
        """A body the article named in full, referred to by some of its words in order
        ("the State Committee" after "the State Border Committee of Belarus")."""
        words = [w for w in normalise(text).split() if w not in ("the", "a", "an", "of")]
        if len(words) == 1 and words[0] in ORG_NOUNS and ORG_NOUNS[words[0]]:
            # "the Department concluded" after "the Department of International Relations and
            # Cooperation": the one body named before whose name begins or ends with that word
            heads = {id(e): e for e in self.entities.values() if not e.is_person and e.first_start < pos
                     and words[0] in (normalise(e.actor.name).split()[:1] + normalise(e.actor.name).split()[-1:])}
            return next(iter(heads.values())) if len(heads) == 1 else None
        if len(words) < 2:
            return None
        found = {}
        for entity in self.entities.values():  # bodies, not their mentions: linear in the article's distinct actors
            if entity.is_person or entity.first_start >= pos:
                continue
            name = [w for w in normalise(entity.actor.name).split() if w not in ("the", "of")]
            it = iter(name)
            if all(w in it for w in words):
                found[id(entity)] = entity
        return next(iter(found.values())) if len(found) == 1 else None

    def titles_of(self, entity: Entity) -> str:
        """Every title the article or the registry gives a person (the registry's held on the
        article's date, or ever when it has none), as one searchable string."""
        entry = self.reg.by_id.get(entity.actor.actor_id)
        registry_titles = [title_key(r.title) for r in entry.roles if r.holds_on(self.published) or self.published is None] if entry else []
        return " | ".join(sorted(entity.titles | set(registry_titles)))

    def recent_people(self, pos: int, n: int) -> list[Entity]:
        """The last `n` different people named before `pos`, the latest first."""
        lo = bisect.bisect_left(self.mentions, pos, key=lambda x: x.start)
        out: list[Entity] = []
        for m in reversed(self.mentions[:lo]):
            if m.entity.is_person and not m.in_quote and m.entity not in out:
                out.append(m.entity)
                if len(out) == n:
                    break
        return out

    def person_mentions(self) -> list[Mention]:
        return [m for m in self.mentions if m.entity.is_person]


@dataclass(frozen=True)
class Description:
    """A description of someone: 'the Foreign Secretary', "Belarus' dictator", 'the bloc's top diplomat'."""

    title: str  # title key ("foreign secretary", "dictator", "president")
    country: str | None  # ISO2 of a national qualifier ("Belarus'", "Polish", "of Belarus")
    international: bool  # qualified by an international body ("the bloc's", "the alliance's")
    head: str  # lemma of the head noun
    definite: bool  # "the …" or a possessive: it refers back; "a …" introduces someone new
    start: int
    body: str | None = None  # the international body qualifying it ("un" in "the UN chief")
