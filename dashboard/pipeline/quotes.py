"""Direct quotations and who said them.

Finding quotes (pure text, `find_quote_spans`): curly, straight and guillemet marks; single
marks only where they open at a word start and close at a word end (so "Poland‘s" and
"don’t" are apostrophes); a paragraph whose quote never closes is a quote continued in the
next paragraph (one entry per paragraph); single marks nested in a double quote are kept
inside it and get their own entry only when the outer quote attributes them to someone.

Attributing them (`attribute_quotes`), in the order news English uses:
1. "according to X";
2. a reporting verb outside the marks in the quote's sentences ("X said", "…, she added",
   "writing:", "X has urged …"), preferring the verb that governs the quote; its subject,
   or for a participle ("adding", "writing") the subject of the verb it hangs from;
3. a quote-only paragraph continues the previous paragraph's speaker ("X said:" / the
   previous quote).
Subjects are resolved by `actors`: names, "Ms Truss", roles, institutions, metonyms,
pronouns (the latest speaker of matching gender), bare spokespeople (the latest
institution quoted).
Scare quotes and names (NATO "Quint", so-called "X") are not quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .actors import (
    ArticleActors,
    Registry,
    country_of,
    find_in_phrase,
    is_spokesperson,
    new_actor,
    normalise,
    resolve_name,
    resolve_person,
    resolve_role,
)
from .nlp import entities_in, sentence_at, sentences
from .schema import Actor

CUE_VERBS = {
    "say": "statement", "tell": "statement", "add": "statement", "write": "statement", "state": "statement",
    "note": "statement", "explain": "statement", "comment": "statement", "remark": "statement", "reply": "statement",
    "respond": "statement", "stress": "statement", "insist": "statement", "argue": "statement", "claim": "statement",
    "describe": "statement", "conclude": "statement", "recall": "statement", "suggest": "statement", "believe": "statement",
    "acknowledge": "statement", "admit": "statement", "agree": "statement", "predict": "statement", "underline": "statement",
    "emphasise": "statement", "emphasize": "statement", "tweet": "statement", "post": "statement", "speak": "statement",
    "quote": "statement", "answer": "statement", "continue": "statement", "put": "statement",
    "joke": "statement", "quip": "statement", "muse": "statement", "boast": "statement", "brag": "statement",
    "gush": "statement", "confess": "statement", "concede": "statement", "observe": "statement", "recount": "statement",
    "shout": "statement", "yell": "statement", "scream": "statement", "cry": "statement", "whisper": "statement",
    "assert": "statement", "maintain": "statement", "reiterate": "statement", "read": "statement",
    "fume": "condemnation", "blast": "condemnation", "rage": "condemnation", "rant": "condemnation",
    "thunder": "condemnation", "snap": "condemnation", "sneer": "condemnation", "mock": "condemnation",
    "scoff": "condemnation", "hit": "condemnation", "lash": "condemnation", "attack": "condemnation",
    "beg": "appeal",
    "warn": "warning", "caution": "warning",
    "threaten": "threat", "vow": "threat",
    "accuse": "accusation", "blame": "accusation", "allege": "accusation", "charge": "accusation",
    "deny": "denial", "reject": "denial", "dismiss": "denial", "refute": "denial",
    "urge": "appeal", "call": "appeal", "appeal": "appeal", "ask": "appeal", "demand": "appeal", "implore": "appeal",
    "plead": "appeal", "press": "appeal",
    "announce": "announcement", "declare": "announcement", "confirm": "announcement", "pledge": "announcement",
    "promise": "announcement", "report": "announcement", "reveal": "announcement",
    "condemn": "condemnation", "criticise": "condemnation", "criticize": "condemnation", "denounce": "condemnation",
    "brand": "condemnation", "slam": "condemnation", "label": "condemnation",
}
# Verbs that introduce a quote only in their speech sense; "call" needs "call on/for".
_NEEDS_PARTICLE = {
    "call": ("on", "for"), "put": ("it",), "press": ("for",), "hit": ("back", "out"), "lash": ("out",),
    "read": ("statement",), "attack": (),
}
_NAMING_BEFORE = re.compile(
    r"(?:dubbed|called|so-called|so called|known as|named|nicknamed|code-?named|termed|titled|entitled|labelled|labeled|branded|the word|the term|phrase)\s*$",
    re.I,
)
_PRONOUNS = {
    "he": "male", "him": "male", "she": "female", "her": "female", "they": None, "them": None, "it": None,
    "we": None, "i": None,
}
_HEADLINE_SPEAKER = re.compile(r"^\s*((?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'.-]+)\s*:\s*$")
OPEN_DOUBLE = "“«„"
CLOSE_DOUBLE = "”»“"
_WORD = re.compile(r"\w")


@dataclass
class QuoteSpan:
    """A quotation found in the text: content offsets exclude the marks."""

    start: int
    end: int
    kind: str  # double | single
    is_continued: bool = False  # no closing mark in its paragraph
    nested: list["QuoteSpan"] = field(default_factory=list)
    outer: "QuoteSpan | None" = None


def _is_open_single(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{“\"—–-/:") and not nxt.isspace() and nxt not in "’'"


def _is_close_single(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}”\"—–-") and not (prev.isalpha() and nxt.isalpha())


def _opens_speech(text: str, i: int) -> bool:
    """An opening mark at the start of a paragraph or right after "said:" opens speech."""
    before = text[:i].rstrip()
    return not before or before.endswith((":", ","))


def _paragraph_quotes(text: str, base: int) -> list[QuoteSpan]:
    """Quotes within one paragraph (`text`), offsets shifted by `base`."""
    spans: list[QuoteSpan] = []
    double_open: int | None = None
    single_open: int | None = None
    nested: list[QuoteSpan] = []
    for i, ch in enumerate(text):
        if double_open is None:
            # A straight mark opens unless glued to the word before it; scraped and machine-translated
            # copy often spaces its marks (' " The West … , " Lavrov said').
            if ch in OPEN_DOUBLE[:2] or (ch == '"' and (i == 0 or not text[i - 1].isalnum())) or ch == "„":
                double_open = i
                nested = []
                single_open = None
                continue
        else:
            if ch in "”»" or ch == '"' or (ch == "“" and text[double_open] == "„"):
                q = QuoteSpan(base + double_open + 1, base + i, "double", nested=nested)
                for n in nested:
                    n.outer = q
                spans.append(q)
                double_open = None
                single_open = None
                continue
        if ch in "‘'" and single_open is None and _is_open_single(text, i):
            single_open = i
        elif ch in "’'" and single_open is not None and _is_close_single(text, i) and i > single_open + 1:
            q = QuoteSpan(base + single_open + 1, base + i, "single")
            (nested if double_open is not None else spans).append(q)
            single_open = None
    if single_open is not None and double_open is None and _opens_speech(text, single_open):
        # UK style: single marks as primary quotes, continued in the next paragraph.
        end = len(text.rstrip())
        if len(text[single_open + 1 : end].split()) >= 4:
            spans.append(QuoteSpan(base + single_open + 1, base + end, "single", is_continued=True))
    if double_open is not None:
        end = len(text.rstrip())
        if end > double_open + 1:
            q = QuoteSpan(base + double_open + 1, base + end, "double", is_continued=True, nested=nested)
            for n in nested:
                n.outer = q
            spans.append(q)
    return spans


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in a text, paragraph by paragraph, in order."""
    out: list[QuoteSpan] = []
    pos = 0
    for para in text.split("\n"):
        if _WORD.search(para) and any(c in para for c in "“”\"‘’'«»„"):
            out.extend(_paragraph_quotes(para, pos))
        pos += len(para) + 1
    return [q for q in out if _WORD.search(text[q.start : q.end])]


def is_scare_quote(text: str, span: QuoteSpan) -> bool:
    """Names and scare quotes: NATO "Quint", so-called "X", a capitalised title."""
    content = text[span.start : span.end].strip()
    words = content.split()
    before = text[max(0, span.start - 40) : span.start - 1]
    if len(words) <= 4 and _NAMING_BEFORE.search(before):
        return True
    if len(words) <= 3 and all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        line_start = text.rfind("\n", 0, span.start) + 1
        at_line_start = not text[line_start : span.start - 1].strip()
        return not at_line_start
    return False


# --- attribution -----------------------------------------------------------------------------

@dataclass
class Attribution:
    actor: Actor | None
    surface: str | None
    cue: str | None
    confidence: float


@dataclass
class SpeakerState:
    """Running memory of who spoke last, for pronouns, spokespeople and continuations."""

    last_person: Actor | None = None
    last_mentioned_person: Actor | None = None
    person_before_sentence: Actor | None = None  # latest person named before the current sentence
    last_by_gender: dict[str, Actor] = field(default_factory=dict)
    last_org: Actor | None = None
    recent_org: Actor | None = None  # latest organisation that spoke or was named
    last_quote: Attribution | None = None
    last_quote_para: int = -10


def _in_spans(i: int, spans: list[QuoteSpan]) -> bool:
    return any(q.start - 1 <= i < q.end + 1 for q in spans)


def _cue_ok(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma not in CUE_VERBS or token.pos_ not in ("VERB", "AUX"):
        return False
    need = _NEEDS_PARTICLE.get(lemma)
    if need is not None:
        if lemma == "read":  # "the statement read"
            return any(c.dep_ == "nsubj" and c.lemma_ in ("statement", "message", "letter", "post", "tweet") for c in token.children)
        return any(c.lower_ in need for c in token.children)
    return True


_BARE_SPOKES = re.compile(r"\b(?:spokes(?:man|woman|person)|statement|press (?:service|office|secretary)|communiqu[eé])\b", re.I)
_INTERNATIONAL = {"bloc", "eu", "european union", "alliance", "nato", "un", "united nations", "european", "commission"}
_GOVERNMENT_NOUNS = {"government", "administration", "regime", "cabinet"}
_OBJECT_CONTROL = {"prompt", "lead", "cause", "force", "push", "spur", "provoke", "invite", "encourage", "ask", "get", "move"}


def _own_subject(node: Token) -> Token | None:
    subs = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if subs:
        before = [c for c in subs if c.i < node.i]
        return before[-1] if before else subs[0]  # the subject nearest the verb
    agent = [c for c in node.children if c.dep_ == "agent"]
    pobj = [c for c in agent[0].children if c.dep_ == "pobj"] if agent else []
    return pobj[0] if pobj else None


def _subject(verb: Token) -> Token | None:
    """The subject of a reporting verb.

    A participle or infinitive ("adding", "writing:", "is expected to say") takes the subject
    of the reporting verb it hangs from; "X prompted Y to warn" makes Y the speaker; "X said A
    and added B" (with "added" parsed onto A's verb) makes X the speaker.
    """
    own = _own_subject(verb)
    if own is not None:
        return own
    if verb.lower_ == "saying":
        # "BelTA quoted Lukashenko as saying" — the speaker is who was quoted.
        quoted = next((a for a in list(verb.ancestors)[:3] if a.lemma_.lower() == "quote"), None)
        if quoted is not None:
            objs = [c for c in quoted.children if c.dep_ in ("dobj", "nsubjpass")]
            if objs:
                return objs[0]
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _OBJECT_CONTROL:
        objs = [c for c in verb.head.children if c.dep_ == "dobj"]
        if objs:
            return objs[0]
    ancestors = list(verb.ancestors)[:5]
    for a in ancestors:
        if _cue_ok(a) and _own_subject(a) is not None:
            return _own_subject(a)
    for a in ancestors:
        if _own_subject(a) is not None:
            return _own_subject(a)
    return None


_CLOSERS = {"”", '"', "’", "'", "»"}


def adjacent_speaker(cue: Token) -> Span | None:
    """The speaker phrase next to a reporting verb that follows a quote, read off the words
    rather than the parse: '“…,” the Council, representing …, said' / '“…,” said Mr X'."""
    doc = cue.doc
    sent = sentence_at(doc, cue.idx)
    i = cue.i - 1
    while i >= sent.start and doc[i].text not in _CLOSERS:
        i -= 1
    if i >= sent.start:
        left = doc[i + 1 : cue.i]
        toks = [t for t in left if not (t.is_punct and t.i == left.start)]
        if toks:
            phrase = doc[toks[0].i : toks[-1].i + 1]
            cut = next((t.i for t in phrase if t.text == ","), None)
            if cut is not None:
                phrase = doc[phrase.start : cut]
            phrase = doc[phrase.start : phrase.end]
            while len(phrase) and phrase[-1].pos_ in ("AUX", "ADV", "PART"):
                phrase = doc[phrase.start : phrase.end - 1]
            if 0 < len(phrase) <= 12:
                return phrase
        # Inverted: '“…,” said Mr X.'
        if cue.i - i <= 2:
            right = []
            for t in doc[cue.i + 1 : sent.end]:
                if t.is_punct or t.dep_ == "prep" or t.pos_ in ("ADP", "VERB", "SCONJ"):
                    break
                right.append(t)
            if right:
                return doc[right[0].i : right[-1].i + 1]
    return None


def _outside(token: Token | None, spans) -> bool:
    return token is not None and not _in_spans(token.idx, spans)


def _phrase(token: Token) -> Span:
    """The subject noun phrase without relative clauses and trailing appositive tails."""
    doc = token.doc
    left = min([token.i] + [t.i for t in token.lefts for t in t.subtree])
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "nmod", "appos", "prep", "poss", "amod", "punct", "cc", "conj"):
            if child.dep_ == "punct" and child.text not in ("'s", "’s"):
                continue
            right = max(right, max(t.i for t in child.subtree))
    return doc[left : right + 1]


def resolve_subject(
    reg: Registry, ctx: ArticleActors, state: SpeakerState, subj: Token, phrase: Span | None = None
) -> tuple[Actor | None, str, float]:
    """The actor a subject phrase refers to, with a confidence."""
    if phrase is not None:
        subj = phrase.root
    low = subj.lower_
    if low in _PRONOUNS and subj.pos_ == "PRON":
        gender = _PRONOUNS[low]
        if gender:
            actor = state.last_by_gender.get(gender)
            if actor is None and state.last_person is not None and ctx.gender.get(state.last_person.actor_id) in (None, gender):
                actor = state.last_person  # not a person known to be of the other gender
            return actor, subj.text, 0.75
        if low in ("it", "they", "them"):
            return state.last_org, subj.text, 0.6
        return None, subj.text, 0.3
    if low in ("who", "which", "that") and subj.head.dep_ == "relcl":
        subj = subj.head.head
    if phrase is None:
        phrase = _phrase(subj)
    text = phrase.text
    # A person named in the phrase ("US national security adviser Jake Sullivan").
    persons = [e for e in entities_in(phrase) if e.label_ == "PERSON"]
    if persons and subj.lemma_.lower() in _GOVERNMENT_NOUNS and subj.ent_type_ != "PERSON":
        # "Mr Putin's government" is the government of the person's country.
        person = resolve_person(reg, ctx, persons[0].text)
        country = reg.country(person.country_code)
        if country is not None:
            actor = resolve_name(reg, ctx, reg.government_name(country))
            if actor is not None:
                return actor, text, 0.8
    if persons:
        best = min(persons, key=lambda e: (0 if e.start <= subj.i < e.end else 1, e.start))
        return resolve_person(reg, ctx, best.text), best.text, 0.9
    appos = [
        c for c in subj.children
        if c.dep_ == "appos" and c.pos_ == "PROPN"
        and (c.ent_type_ not in ("ORG", "GPE", "NORP") or _TITLE_WORDS.search(subj.text))
    ]
    if appos:  # "Lithuania's prime minister, Ingrida Šimonytė," — the name the NER missed
        a = appos[0]
        first, last = a.i, a.i
        while first > 0 and a.doc[first - 1].pos_ == "PROPN" and a.doc[first - 1].dep_ in ("compound", "flat"):
            first -= 1
        name = a.doc[first : last + 1].text
        return resolve_person(reg, ctx, name), name, 0.85
    if subj.pos_ == "PROPN" and subj.ent_type_ not in ("ORG", "GPE", "NORP", "LOC", "FAC") and not resolve_name(reg, ctx, text):
        first = subj.i
        while first > phrase.start and phrase.doc[first - 1].pos_ == "PROPN":
            first -= 1
        name = phrase.doc[first : subj.i + 1].text
        key = normalise(name)
        known = (
            reg.alias.get(key) or key in ctx.persons or reg.surname.get(key.split()[-1])
            or any(full.split()[-1] == key for full in ctx.persons)
        )
        if subj.ent_type_ == "PERSON" or (known and (not reg.alias.get(key) or reg.alias[key].actor.actor_type == "person")):
            return resolve_person(reg, ctx, name), text, 0.8
    inst = find_in_phrase(reg, ctx, text)
    if inst is None and is_spokesperson(text):
        orgs = [e for e in entities_in(phrase) if e.label_ == "ORG"]
        if orgs:
            name = re.sub(r"^the\s+", "", orgs[0].text, flags=re.I)
            inst = ctx.remember(new_actor(name, "organisation"))
    if inst is not None and inst.actor_type != "person" and is_spokesperson(text):
        return inst, text, 0.85
    # Roles: "the Foreign Secretary", "Poland's defence minister".
    head_phrase = phrase.doc[phrase.start : max(subj.i + 1, phrase.start + 1)]
    qualifier = None
    for t in head_phrase:
        if t.dep_ == "poss" or t.ent_type_ in ("GPE", "NORP"):
            qualifier = t.text
            break
    role_text = " ".join(t.text for t in head_phrase if t.dep_ not in ("det", "poss", "case") and t.text != qualifier)
    country = country_of(reg, qualifier) if qualifier else None
    international = bool(qualifier) and normalise(qualifier).strip("'s ") in _INTERNATIONAL
    for candidate in (role_text, re.sub(r"^(?:US|UK|EU|UN|former|acting|deputy)\s+", "", role_text, flags=re.I)):
        role_actor = resolve_role(reg, ctx, candidate, country, international)
        if role_actor:
            return role_actor, text, 0.8
    if inst is not None:
        return inst, text, 0.85
    if is_spokesperson(text):
        # "a spokesman for the Polish police": the body the spokesperson speaks for.
        for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from")):
            for owner_token in (c for c in prep.children if c.dep_ == "pobj"):
                owner, _, owner_conf = resolve_subject(reg, ctx, state, owner_token)
                if owner is not None and owner.actor_type != "person" and owner_conf >= 0.5:
                    return owner, text, min(owner_conf, 0.8)
        qualifier = next((t for t in phrase if t.ent_type_ in ("NORP", "GPE")), None)
        country = country_of(reg, qualifier.text) if qualifier is not None else None
        if country is not None:  # "Russian officials", "a senior US official"
            return resolve_name(reg, ctx, reg.government_name(country)), text, 0.7
        if _BARE_SPOKES.search(text):  # "a spokeswoman said": the body last named
            return state.recent_org, text, 0.6
        return None, text, 0.3  # "officials", "a source": no named source
    anaphor = _definite_description(ctx, state, phrase, subj)
    if anaphor is not None:
        return anaphor, text, 0.55
    national = _national_body(reg, ctx, head_phrase, subj)
    if national is not None:
        return national, text, 0.7
    if subj.pos_ == "PROPN" or subj.ent_type_ in ("ORG", "NORP", "GPE"):
        name = " ".join(t.text for t in head_phrase if t.dep_ != "det").strip()
        if name:
            actor = resolve_name(reg, ctx, name) or new_actor(name, "organisation" if subj.ent_type_ == "ORG" else "unknown")
            return ctx.remember(actor), text, 0.6
    return None, text, 0.2


PERSON_NOUNS = {
    "strongman", "dictator", "leader", "president", "premier", "minister", "chancellor", "politician", "veteran",
    "diplomat", "envoy", "ambassador", "general", "commander", "official", "mp", "senator", "congressman",
    "congresswoman", "tycoon", "autocrat", "despot", "monarch", "king", "queen", "pm", "secretary", "chief", "head",
    "opposition leader", "activist", "man", "woman", "politician", "lawmaker", "aide", "adviser", "advisor",
}
ORG_NOUNS = {
    "ministry": ("ministry",), "department": ("department",), "agency": ("agency",), "army": ("army", "armed forces"),
    "military": ("military", "armed forces"), "government": ("government",), "office": ("office",),
    "committee": ("committee",), "alliance": ("nato", "alliance"), "bloc": ("european union",), "commission": ("commission",),
    "council": ("council",), "service": ("service",), "guard": ("guard",), "kremlin": ("kremlin",), "embassy": ("embassy",),
    "union": ("union",), "organisation": ("organisation", "organization"), "group": ("group",), "company": ("company",),
}


def _definite_description(ctx: ArticleActors, state: "SpeakerState", phrase: Span, subj: Token) -> Actor | None:
    """'the strongman', 'the ministry': a definite description pointing back to the latest
    person, or to the latest organisation whose name has that head noun."""
    if not any(t.lower_ == "the" for t in phrase[:1]) or any(t.pos_ == "PROPN" or t.dep_ == "poss" for t in phrase):
        return None
    if any(t.dep_ in ("prep", "relcl", "acl", "appos") for t in phrase):
        return None  # "the head of the agency", "the man who…": not a bare back-reference
    head = subj.lemma_.lower()
    if head in ORG_NOUNS:
        keys = ORG_NOUNS[head]
        for actor in reversed(list(ctx.seen.values())):
            name = normalise(actor.name)
            if actor.actor_type != "person" and any(k in name for k in keys):
                return actor
        return None
    if head in PERSON_NOUNS or re.fullmatch(r"\d+-year-old", subj.lower_):
        return state.person_before_sentence
    return None


def _national_body(reg: Registry, ctx: ArticleActors, head_phrase: Span, subj: Token) -> Actor | None:
    """'the Belarusian border committee', "Poland's border guard": a body the registry lacks,
    kept under the name the text gives, with its country."""
    head = subj.lemma_.lower()
    if head not in ORG_NOUNS and head not in ("police", "embassy", "parliament", "court", "prosecutor", "guard", "force", "forces"):
        return None
    qualifier = next((t for t in head_phrase if t.ent_type_ in ("NORP", "GPE") or t.dep_ == "poss"), None)
    country = country_of(reg, qualifier.text) if qualifier is not None else None
    if country is None:
        return None
    words = [t.text for t in head_phrase if t.dep_ not in ("det", "case") and t.text not in ("’s", "'s")]
    name = " ".join(words)
    if qualifier.dep_ == "poss" or qualifier.ent_type_ == "GPE":
        name = " ".join([country.demonym or country.name] + [w for w in words if w != qualifier.text])
    return resolve_name(reg, ctx, name) or ctx.remember(new_actor(name, "government", country.iso2))


_TITLE_WORDS = re.compile(
    r"\b(?:minister|secretary|president|premier|chancellor|spokes(?:man|woman|person)|adviser|advisor|ambassador|envoy|"
    r"leader|chief|head|commander|general|director|mayor|governor|prosecutor|senator|speaker|official|representative|"
    r"correspondent|editor|analyst|king|queen)\b",
    re.I,
)


def learn_role(ent: Span, actor: Actor, ctx: ArticleActors) -> None:
    """Remember titles the article gives a person ("Defence Minister Mariusz Blaszczak",
    "Mariusz Blaszczak, Poland's defence minister,") so that "the minister" finds them later."""
    doc = ent.doc
    before = []
    i = ent.start - 1
    while i >= max(0, ent.start - 5) and (doc[i].dep_ in ("compound", "amod", "nmod") or doc[i].pos_ in ("PROPN", "NOUN", "ADJ")) and not doc[i].is_punct:
        before.insert(0, doc[i])
        i -= 1
    titles = []
    if before:
        titles.append(" ".join(t.text for t in before))
    after = doc[ent.end : ent.end + 8]
    if len(after) > 1 and after[0].text == ",":
        words = []
        for t in after[1:]:
            if t.is_punct or t.pos_ in ("VERB", "AUX"):
                break
            words.append(t)
        if words and words[-1].head == ent.root or any(t.dep_ == "appos" for t in words):
            titles.append(" ".join(t.text for t in words if t.dep_ not in ("det",) and t.text not in ("’s", "'s")))
    for title in titles:
        if _TITLE_WORDS.search(title):
            ctx.roles[normalise(title)] = actor
            words = normalise(title).split()
            for k in range(1, len(words)):
                ctx.roles.setdefault(" ".join(words[k:]), actor)  # "polish defence minister" → "defence minister"
            ctx.roles[words[-1]] = actor  # "the minister": the latest person given that title


def _remember_speaker(state: SpeakerState, ctx: ArticleActors, actor: Actor | None) -> None:
    if actor is None:
        return
    if actor.actor_type == "person":
        state.last_person = actor
        gender = ctx.gender.get(actor.actor_id)
        if gender:
            state.last_by_gender[gender] = actor
    else:
        state.last_org = actor
        state.recent_org = actor


def _according_to(sent: Span, spans: list[QuoteSpan]) -> Token | None:
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to" and not _in_spans(t.idx, spans):
            objs = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


@dataclass
class FoundQuote:
    span: QuoteSpan
    text: str
    attribution: Attribution
    sentence: Span


def _governs(verb: Token, tokens: list[Token]) -> bool:
    return any(verb in t.ancestors or t == verb for t in tokens)


def _best_cue(window: list[Span], quote_tokens: list[Token], spans: list[QuoteSpan], q: QuoteSpan) -> Token | None:
    cues = [t for s in window for t in s if _cue_ok(t) and not _in_spans(t.idx, spans)]
    if not cues:
        return None
    governing = [t for t in cues if _governs(t, quote_tokens)]
    if governing:
        # The nearest governing verb (deepest in the tree) wins: "X said Y had said 'z'".
        return max(governing, key=lambda t: len(list(t.ancestors)))
    governed = [t for t in cues if any(qt in t.ancestors for qt in quote_tokens)]
    pool = [t for t in cues if t not in governed] or cues
    return min(pool, key=lambda t: min(abs(t.idx - q.start), abs(t.idx - q.end)))


def attribute_quotes(doc: Doc, spans: list[QuoteSpan], reg: Registry, ctx: ArticleActors) -> list[FoundQuote]:
    """Attribute each quote span to a speaker, reading the article in order."""
    text = doc.text
    state = SpeakerState()
    para_of = _paragraph_index(text)
    sents = sentences(doc)
    pending = sorted(spans, key=lambda q: q.end)
    out: list[FoundQuote] = []
    for sent in sents:
        state.person_before_sentence = state.last_mentioned_person
        # Learn names and speakers of this sentence first (pronouns look back).
        for ent in entities_in(sent):
            if ent.label_ == "ORG" and not _in_spans(ent.start_char, spans):
                org = resolve_name(reg, ctx, ent.text)
                if org is not None and org.actor_type != "person":
                    state.recent_org = org
            if ent.label_ == "PERSON" and not _in_spans(ent.start_char, spans):
                actor = resolve_person(reg, ctx, ent.text)
                state.last_mentioned_person = actor
                learn_role(ent, actor, ctx)
                if state.last_person is None or ent.root.dep_ in ("nsubj", "nsubjpass"):
                    _remember_speaker(state, ctx, actor)  # a named subject is what "he"/"she" next refers to
        closing = [q for q in pending if sent.start_char <= q.end < sent.end_char + 1]
        # Speakers of this sentence's reporting verbs, up to the first quote that closes in it
        # ("X said A. “B,” she said." parsed as one sentence: X speaks before the quote opens).
        until = min(q.start for q in closing) - 1 if closing else sent.end_char
        for t in sent:
            if t.idx < until and _cue_ok(t) and not _in_spans(t.idx, spans):
                a = _speaker_of_cue(t, spans, reg, ctx, state)
                if a.confidence >= 0.6:
                    _remember_speaker(state, ctx, a.actor)
        for q in closing:
            pending.remove(q)
            out.append(_attribute_one(doc, text, sents, q, spans, reg, ctx, state, para_of))
    return out


def _paragraph_index(text: str) -> list[int]:
    """Paragraph number of each character (paragraphs are non-blank lines)."""
    idx = []
    n = 0
    for line in text.split("\n"):
        idx.extend([n] * (len(line) + 1))
        if line.strip():
            n += 1
    return idx


def _introduces(text: str, cue: Token, q: QuoteSpan) -> bool:
    """'X hit back: “…”' — the verb introduces the quote with a colon."""
    between = text[cue.idx + len(cue.text) : q.start - 1]
    return bool(re.fullmatch(r"\s*(?:\w+\s+){0,2}\w*\s*:\s*", between))


def _speaker_of_cue(cue: Token, spans, reg, ctx, state) -> Attribution:
    subj = _subject(cue)
    phrase = None
    if not _outside(subj, spans):
        subj, phrase = None, adjacent_speaker(cue)
    if subj is None and phrase is None:
        return Attribution(None, None, cue.lemma_.lower(), 0.2)
    actor, surface, conf = resolve_subject(reg, ctx, state, subj, phrase)
    return Attribution(actor, surface, cue.lemma_.lower(), conf)


def _attribute_one(doc, text: str, sents, q: QuoteSpan, spans, reg, ctx, state: SpeakerState, para_of) -> FoundQuote:
    window = [s for s in sents if s.end_char > q.start - 1 and s.start_char <= q.end + 1]
    para = para_of[min(q.start, len(para_of) - 1)]
    window = [s for s in window if para_of[min(s.start_char, len(para_of) - 1)] == para or s.start_char <= q.start]
    span_tokens = doc.char_span(q.start, q.end, alignment_mode="expand")
    quote_tokens = list(span_tokens) if span_tokens is not None else []
    sentence = window[0] if window else doc[0:1]
    attribution: Attribution | None = None
    for s in window:
        acc = _according_to(s, spans)
        if acc is not None:
            actor, surface, conf = resolve_subject(reg, ctx, state, acc)
            attribution = Attribution(actor, surface, "say", conf)
            break
    if attribution is None:
        cue = _best_cue(window, quote_tokens, spans, q)
        short = len(text[q.start : q.end].split()) <= 3
        if cue is not None and short and not _governs(cue, quote_tokens) and not _introduces(text, cue, q):
            cue = None  # a short phrase not governed by the verb is a scare quote
        if cue is not None:
            attribution = _speaker_of_cue(cue, spans, reg, ctx, state)
    line_start = text.rfind("\n", 0, q.start) + 1
    quote_only_para = not text[line_start : q.start - 1].strip()
    if attribution is None:
        m = _HEADLINE_SPEAKER.match(text[line_start : q.start - 1])
        if m:  # 'Putin: "We will respond"' — the headline convention
            name = m.group(1)
            actor = resolve_name(reg, ctx, name)
            if actor is None and (normalise(name) in ctx.persons or reg.alias.get(normalise(name)) or len(name.split()) >= 2 or reg.surname.get(normalise(name))):
                actor = resolve_person(reg, ctx, name)
            if actor is not None:
                attribution = Attribution(actor, name, "say", 0.7)
    if (attribution is None or attribution.actor is None) and state.last_quote is not None:
        same_para = para == state.last_quote_para
        if (same_para or (quote_only_para and para - state.last_quote_para <= 1)) and state.last_quote.actor is not None:
            prev = state.last_quote
            attribution = Attribution(prev.actor, prev.surface, prev.cue, min(prev.confidence, 0.7))
    if attribution is None:
        attribution = Attribution(None, None, None, 0.1)
    if attribution.actor is not None:
        _remember_speaker(state, ctx, attribution.actor)
        state.last_quote = attribution
        state.last_quote_para = para
    return FoundQuote(q, text[q.start : q.end], attribution, sentence)


def nested_attributions(doc: Doc, found: FoundQuote, reg: Registry, ctx: ArticleActors, state: SpeakerState) -> list[FoundQuote]:
    """Quotes nested in a quote that the quote attributes to someone ("As X said, 'y'")."""
    out = []
    for n in found.span.nested:
        outer_sents = [sentence_at(doc, n.start)]
        if not outer_sents:
            continue
        cues = [t for t in outer_sents[0] if _cue_ok(t) and not (n.start <= t.idx < n.end) and found.span.start <= t.idx < found.span.end]
        for cue in cues:
            subj = _subject(cue)
            if subj is None or subj.lower_ in ("i", "we", "you"):
                continue
            actor, surface, conf = resolve_subject(reg, ctx, state, subj)
            if actor is not None and actor != found.attribution.actor:
                out.append(FoundQuote(n, found.text[n.start - found.span.start : n.end - found.span.start], Attribution(actor, surface, cue.lemma_.lower(), conf * 0.9), outer_sents[0]))
                break
    return out


def extract_quotes(doc: Doc, reg: Registry, ctx: ArticleActors) -> list[FoundQuote]:
    """All quotes of a parsed article with speakers, scare quotes dropped, repeats merged."""
    text = doc.text
    spans = find_quote_spans(text)
    kept = [q for q in spans if not is_scare_quote(text, q)]
    found = attribute_quotes(doc, kept, reg, ctx)
    state = SpeakerState()
    extra = []
    for f in found:
        extra.extend(nested_attributions(doc, f, reg, ctx, state))
    result = []
    seen = set()
    for f in sorted(found + extra, key=lambda f: f.span.start):
        words = len(f.text.split())
        if f.attribution.actor is None and words <= 3:
            continue  # an unattributed short phrase is a scare quote, not a quotation
        key = (f.attribution.actor.actor_id if f.attribution.actor else None, normalise(f.text).strip(" .,"))
        if key in seen:
            continue
        seen.add(key)
        result.append(f)
    return result


def speech_act(cue: str | None) -> str:
    return CUE_VERBS.get(cue or "", "statement")
