"""Events: one record per event-bearing clause, typed by its verb (or its nouns).

A clause bears an event when its main verb (or a verb conjoined to it) is a reporting verb
(a speech act: statement, warning, accusation, …) or an action verb of the domain
(deploy, meet, sanction, invade, …). One sentence gives at most one event: its first
event-bearing clause, main clauses before subordinate ones. Who acts is the verb's subject and
who is targeted are actors among its objects, both resolved over the article's memory — the
same resolution that names the quotes' speakers; places are those with an event or speech
role in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .cues import is_cue, noun_phrase, speech_act, subject_of
from .memory import ArticleMemory
from .speakers import Phrase, find_in_phrase, resolve_speaker

ACTION_VERBS = {
    "deploy": "deployment", "send": "deployment", "dispatch": "deployment", "station": "deployment",
    "reinforce": "deployment", "mobilise": "deployment", "mobilize": "deployment", "arrive": "deployment",
    "parachute": "military exercise", "drill": "military exercise", "practise": "military exercise",
    "practice": "military exercise", "rehearse": "military exercise",
    "meet": "meeting", "visit": "meeting", "host": "meeting", "hold": "meeting", "join": "meeting",
    "sanction": "sanction", "impose": "sanction", "freeze": "sanction", "ban": "sanction", "expel": "sanction",
    "invade": "attack", "attack": "attack", "strike": "attack", "shell": "attack", "bomb": "attack",
    "fire": "attack", "kill": "attack", "shoot": "attack", "launch": "attack", "seize": "attack",
    "support": "support", "supply": "support", "provide": "support", "back": "support", "offer": "support",
    "cross": "migration incident", "breach": "migration incident", "storm": "migration incident",
    "gather": "migration incident", "push": "migration incident", "detain": "migration incident",
    "fly": "deployment", "patrol": "deployment", "move": "deployment", "build": "deployment",
}
_EXERCISE_NOUNS = re.compile(r"\b(?:drills?|exercises?|war games|manoeuvres|maneuvers)\b", re.I)
_MIGRATION_NOUNS = re.compile(r"\b(?:migrants?|refugees?|asylum seekers?|border crossings?)\b", re.I)
_MEETING_NOUNS = re.compile(r"\b(?:talks|summit|meeting|phone call|call)\b", re.I)
_SANCTION_NOUNS = re.compile(r"\bsanctions?\b", re.I)
_TARGET_DEPS = ("dobj", "dative", "obj", "pobj", "attr")


@dataclass
class FoundEvent:
    verb: Token
    event_type: str
    actors: list
    targets: list
    sentence: Span
    tense: str


def tense_of(verb: Token) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall", "'ll") for a in auxes) or (verb.dep_ == "xcomp" and verb.head.lower_ in ("going", "plan", "plans", "due")):
        return "future"
    if verb.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" or a.lower_ in ("has", "have", "had") for a in auxes):
        return "past"
    return "present"


def _event_type(verb: Token, sentence_text: str) -> str | None:
    lemma = verb.lemma_.lower()
    if is_cue(verb):
        return speech_act(lemma)
    kind = ACTION_VERBS.get(lemma)
    if kind == "migration incident" and not _MIGRATION_NOUNS.search(sentence_text):
        return None
    if kind == "meeting" and lemma in ("hold", "join") and not _MEETING_NOUNS.search(sentence_text):
        return "military exercise" if _EXERCISE_NOUNS.search(sentence_text) else None
    if kind == "sanction" and lemma in ("impose", "freeze", "ban") and not _SANCTION_NOUNS.search(sentence_text):
        return None
    if kind:
        if _EXERCISE_NOUNS.search(sentence_text) and kind in ("deployment", "meeting"):
            return "military exercise"
        return kind
    if _EXERCISE_NOUNS.search(sentence_text) and lemma in ("stage", "conduct", "begin", "start", "take", "involve", "test"):
        return "military exercise"
    return None


def _targets(verb: Token, memory: ArticleMemory) -> list:
    out = []
    for child in verb.children:
        nodes = [child]
        if child.dep_ == "prep":
            nodes = [c for c in child.children if c.dep_ == "pobj"]
        for node in nodes:
            if node.dep_ not in _TARGET_DEPS:
                continue
            phrase = noun_phrase(node)
            m = memory.mention_in(phrase, prefer=node)
            actor = m.entity.actor if m is not None else find_in_phrase(memory, phrase.text)
            if actor is not None and actor not in out:
                out.append(actor)
    return out


def _hypothetical(verb: Token) -> bool:
    """'if he invades', 'would constitute': conditions and hypotheses are not events."""
    return any(
        (c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")) or (c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may", "should"))
        for c in verb.children
    )


def _subjects(verb: Token, memory: ArticleMemory) -> list:
    subj = subject_of(verb)
    if subj is None or memory.in_quote(subj.idx):
        return []
    out = []
    for token in [subj, *subj.conjuncts]:
        found = resolve_speaker(memory, Phrase.of(token))
        if found.actor is not None and found.actor not in out:
            out.append(found.actor)
    return out


def find_event(sentence: Span, memory: ArticleMemory) -> FoundEvent | None:
    """The event of one sentence, if it bears one.

    Reporting verbs count where they head the sentence (or are conjoined to its head); action
    verbs count in any main, conjoined, reported or adverbial clause. Words inside quotation
    marks are the statement itself, not new events.
    """
    root = sentence.root
    main = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    in_main = {t.i for t in main}
    clauses = main + [t for t in sentence if t.dep_ in ("ccomp", "advcl", "xcomp", "relcl", "conj") and t.i not in in_main]
    text = memory.text[sentence.start_char : sentence.end_char]  # (a span's .text is rebuilt from its tokens on each call)
    for verb in clauses:
        if verb.pos_ not in ("VERB", "AUX") or memory.in_quote(verb.idx) or _hypothetical(verb):
            continue
        kind = _event_type(verb, text)
        if kind is None:
            continue
        if verb.i not in in_main and is_cue(verb):
            continue  # a reporting verb in a subordinate clause reports no new event
        actors = _subjects(verb, memory)
        return FoundEvent(verb, kind, actors, [t for t in _targets(verb, memory) if t not in actors], sentence, tense_of(verb))
    return None
