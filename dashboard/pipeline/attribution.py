"""Quote → mention: which words of the article name a quote's speaker, as an ordered list of sieves
(the design of Stanford CoreNLP's quote attribution), then mention → actor by `speakers`.

    headline_speaker   a headline "‘…’, says Truss" / "‘…’: Lukashenko warns Poland" / "‘…’ – Duda"
    transcript_turn    a line opening `Name: “…”` (headline and transcript conventions)
    interjected_cue    a reporting clause between dashes inside the marks ("“… – said Borrell – …”")
    governing_cue      the reporting verb whose clause holds the quote, before or after it, inverted
                       ("said X"), participles ("adding"), "X quoted Y as saying"; its subject
    according_to       "according to X" (after the verb: "“…,” he said, according to his office")
    colon_intro        "X said:" closing the paragraph before, or the words just before the mark
    conversation_turn  an answer after an interviewer's question: the other party of the exchange
    continuation       a paragraph that carries on an open quote, or a quote-only paragraph after a
                       quoted one: the speaker of that quote, also across several paragraphs
    previous_cue       a quote-only paragraph after one that reports someone's words ("He also
                       noted that …"): that reporting verb's speaker
    nearest_cue        a reporting verb of the quote's sentences the parse did not link to it
    loose              a long quote in a sentence naming one person and nothing else

The first sieve that finds a mention decides; a mention that names no one ("a source said") leaves
the speaker unknown rather than falling through to a guess. Each quote keeps the names of the two
sieves that attributed it, and its confidence comes from `CONFIDENCE`, one row per sieve.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .actors import Actor, new_actor
from .cues import CUE_VERBS, WRITTEN_NOUNS, adjacent_speaker, is_cue, noun_phrase, own_subject, passive_agent, subject_of
from .memory import PERSON_NOUNS, RELATIVES, ArticleMemory
from .metadata import CRAWLER_HEADER
from .nlp import entities_in, sentences
from .names import OFFICE_WORDS, PAGE_LABELS, PLATFORMS, TITLE_WORDS, names_a_body, normalise
from .quote_spans import QuoteIndex, QuoteSpan, in_a_title_case_line
from .speakers import SPOKES_NOUNS, Phrase, Resolved, resolve_speaker

# How far each sieve is trusted: the quote sieve's row times the speaker sieve's row.
CONFIDENCE = {
    "according_to": 0.9, "transcript_turn": 0.9, "interjected_cue": 0.9, "governing_cue": 0.95, "colon_intro": 0.9, "headline_speaker": 0.8,
    "continuation": 0.85, "conversation_turn": 0.55, "previous_cue": 0.6, "introduced_speaker": 0.5, "opening_quote": 0.5, "following_cue": 0.7, "nearest_cue": 0.6, "loose": 0.35,
    "nested_cue": 0.85, "repeated_words": 0.8,
    # mention -> actor
    "name": 1.0, "title_surname": 0.95, "surname": 0.9, "role": 0.85, "pronoun": 0.8, "spokesperson": 0.85,
    "national_official": 0.75, "metonym": 0.85, "institution": 0.85, "salience": 0.4, "unresolved": 0.2,
    "last_speaker": 0.3,
}
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself)\b")
_HEADLINE_CUES = (r"(?:says|said|warns|tells|insists|claims|admits|vows|urges|declares|slams|hits out|accuses|fumes|argues|stresses|"
                  r"asserts|cautions|responds|replies|reveals|explains|laments|blasts|maintains|pledges|promises|demands|threatens|"
                  r"announces|confirms|denies|condemns|criticises|criticizes|hails|praises|welcomes|rejects|dismisses|defends|blames)")
_NAME = r"(?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'.-]+"
_SPEAKER_COLON = re.compile(rf"^\s*(?P<name>{_NAME})\s*:\s*$")


@dataclass
class Attribution:
    """Who said a quote, how the text says so, and which sieves decided."""

    actor: Actor | None
    surface: str | None
    cue: str | None  # lemma of the reporting verb
    mention_sieve: str
    speaker_sieve: str
    confidence: float

    @property
    def rule(self) -> str:
        return f"{self.mention_sieve}/{self.speaker_sieve}"


@dataclass
class Candidate:
    """A quote sieve's answer: the words naming the speaker, or an earlier quote's attribution."""

    sieve: str
    phrase: Phrase | None = None
    name: str | None = None  # a speaker written as text ("Putin: ‘…’")
    cue: Token | None = None
    inherited: Attribution | None = None


@dataclass
class Attributed:
    span: QuoteSpan
    attribution: Attribution
    paragraph: int


@dataclass
class QuoteContext:
    """What the sieves see of one quote."""

    span: QuoteSpan
    doc: Doc
    memory: ArticleMemory
    index: QuoteIndex
    window: list[Span]  # the quote's sentences, within its paragraph
    tokens: frozenset[int]  # token indices inside the marks
    paragraph: int
    line_start: int
    title_span: tuple[int, int] | None
    history: list[Attributed] = field(default_factory=list)
    text: str = ""  # the doc's text, once (spaCy rebuilds `doc.text` from its tokens on every access)
    _cues: list[Token] | None = field(default=None, repr=False, compare=False)

    @property
    def words(self) -> int:
        return len(self.text[self.span.start : self.span.end].split())

    def outside(self, token: Token | None) -> bool:
        return token is not None and token.idx not in self.index

    def cues(self) -> list[Token]:
        """Reporting verbs outside any quote in the quote's sentences (found once; the sieves ask often)."""
        if self._cues is None:
            self._cues = self._find_cues()
        return self._cues

    def _find_cues(self) -> list[Token]:
        return [t for s in self.window for t in s if is_cue(t, self.tokens) and self.outside(t)
                and t.idx not in self.memory.titles  # '(See “Ukraine War Claims …”)' reports nothing
                and not self.memory.in_section_label(t.idx)]  # "What they're saying: “…,” Blinken said"

    def governs(self, verb: Token) -> bool:
        doc = self.doc
        return any(verb.i in {a.i for a in doc[i].ancestors} or i == verb.i for i in self.tokens)

    def text_before_mark(self) -> str:
        return self.text[self.line_start : max(self.line_start, self.span.start - 1)]


# --- quote -> mention sieves -----------------------------------------------------------------

_DASHES = {"–", "—", "-", "--"}


def interjected_cue(ctx: QuoteContext) -> Candidate | None:
    """A reporting clause set off by dashes inside the marks, as agency copy translated from Italian
    or Spanish writes it: "“Today we will approve … – said Borrell – and we will …”", "“… – he said – …”"."""
    doc, inside = ctx.doc, sorted(ctx.tokens)
    dashes = [i for i in inside if doc[i].text in _DASHES and (doc[i].whitespace_ or doc[i - 1].whitespace_)]  # not "high-tech"
    for a, b in zip(dashes, dashes[1:]):
        clause = doc[a + 1 : b]
        if not 2 <= len(clause) <= 8 or any(t.text in _DASHES for t in clause):
            continue
        verbs = [t for t in clause if t.lemma_.lower() in CUE_VERBS and t.pos_ in ("VERB", "AUX") or t.lower_ in ("said", "says")]
        if not verbs:
            continue
        verb = verbs[0]
        before = [t for t in clause if t.i < verb.i]
        after = [t for t in clause if t.i > verb.i]
        if len(before) == 1 and before[0].lower_ in ("he", "she", "they"):
            return Candidate("interjected_cue", Phrase.of(before[0]), cue=verb)  # "– he said –"
        names = before if before and all(t.pos_ == "PROPN" for t in before) else []
        if not names and after:  # "– said Borrell –", "– said the minister –" (not "– told Makei –": the one told)
            run = []
            for t in after:
                if t.pos_ in ("PROPN", "NOUN", "DET", "ADJ") and t.lower_ not in ("to",):
                    run.append(t)
                else:
                    break
            names = run if verb.lemma_.lower() != "tell" and any(t.pos_ in ("PROPN", "NOUN") for t in run) else []
        if names:
            return Candidate("interjected_cue", Phrase.of(span=doc[names[0].i : names[-1].i + 1]), cue=verb)
    return None


def according_to(ctx: QuoteContext) -> Candidate | None:
    for s in ctx.window:
        for t in s:
            if t.lower_ == "according" and t.i + 1 < len(ctx.doc) and ctx.doc[t.i + 1].lower_ == "to" and ctx.outside(t):
                objs = [c for c in ctx.doc[t.i + 1].children if c.dep_ == "pobj"]
                if objs and not _said_by_someone_before(ctx, t, objs[0]):
                    return Candidate("according_to", Phrase.of(objs[0]), cue=None)
    return None


def _said_by_someone_before(ctx: QuoteContext, according: Token, source: Token) -> bool:
    """'“…”, declared Bullrich, according to Clarin': the paper the words were read in is not who said
    them when a reporting verb and a person just before it already say who did."""
    m = ctx.memory.mention_in(ctx.doc[source.left_edge.i : source.i + 1])
    if m is not None and m.entity.is_person:
        return False
    for cue in ctx.cues():
        if not (ctx.outside(cue) and cue.i < according.i and cue.sent.start == according.sent.start):
            continue
        span = adjacent_speaker(cue)
        if span is not None and len(span) and (who := ctx.memory.mention_in(span)) is not None and who.entity.is_person:
            return True
    return False


def transcript_turn(ctx: QuoteContext) -> Candidate | None:
    """'Andrzej Duda: ‘We will not give in’', 'LAVROV: “…”': the name before a colon opens the line."""
    m = _SPEAKER_COLON.match(ctx.text_before_mark())
    if m is None or _QUOTE_LABEL.match(m.group(0)) or normalise(m.group("name")) in PAGE_LABELS:
        return None  # ("Quote:" is a label: colon_intro reads whose words it labels; "Listening:", an audio player's)
    return _named(ctx, "transcript_turn", m.group("name"), ctx.line_start)


def _reported(ctx: QuoteContext, cue: Token) -> bool:
    """A short quote is the cue's speaker's words only when it sits in what the verb reports, not
    in a clause with a subject of its own that the verb merely modifies ("condemned a call … for
    Putin to recognise the regions as “independent”")."""
    if ctx.words > 3:
        return True
    start = min(ctx.tokens) if ctx.tokens else None
    if start is None:
        return True
    words = [ctx.doc[i] for i in sorted(ctx.tokens) if not ctx.doc[i].is_punct]
    if cue.lemma_.lower() in _CHARACTERISING and any((t.head.i == cue.i or t.head.head.head.i == cue.i and t.head.dep_ == "pobj")
                                                     and (t.dep_ == "oprd" or t.lower_ == "as")
                                                     for t in (ctx.doc[start], *ctx.doc[start].ancestors)):  # (or "as" on "to"'s object)
        return True  # "what he described as a months-long “smear”": the word he chose for it
    if len(words) == 1 and words[0].pos_ == "NOUN" and any(
        c.dep_ in ("poss", "amod") and c.i not in ctx.tokens for c in words[0].children
    ):
        return False  # "Russia's imminent “invasion”": the reporter's scare quotes around one noun
    node = ctx.doc[start]
    if any(t.dep_ in ("ccomp", "xcomp") and t.head.i == cue.i for t in (node, *node.ancestors)):
        return True  # inside what the verb reports ("argued that it was unsafe because it is “patrolled”")
    while node.i != cue.i and node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ in ("advcl", "acl", "relcl") and node.i not in ctx.tokens:
            marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
            # "a call … for Putin to recognise them as “independent”" is someone else's clause;
            # "hope that the meeting “will be a turning point”" is the content of the speaker's words
            subj = own_subject(node)
            relative = node.dep_ == "relcl" and subj is not None and subj.lower_ in ("that", "which", "who")
            # ("spoke of attacks that were “deliberate and targeted”": the clause says what the attacks he spoke of were)
            has_own = "for" in marks or (subj is not None and not relative and not marks & {"that", "whether", "if"})
            if has_own:
                return False
        node = node.head
    return True


_CHARACTERISING = {"describe", "call", "term", "dub", "brand", "label", "characterise", "characterize", "refer"}


def _says_the_quote(ctx: QuoteContext, cue: Token) -> bool:
    """'Parsons said an “overwhelming number of members” had told his organisation …': a verb whose
    subject is inside the quote reports what the quoted words did, not who said them."""
    subj = own_subject(cue)
    return subj is not None and (
        subj.i in ctx.tokens or any(t.i in ctx.tokens for t in subj.subtree if not t.is_punct and t.pos_ != "DET"))


# Nouns of something said that name who said it by their possessor ("the First Minister's comments")
_OWNED_SPEECH = {"comment", "remark", "word", "statement", "speech", "claim", "description", "tweet", "post", "letter",
                 "message", "warning", "pledge", "promise", "vow", "accusation", "assertion", "admission", "suggestion",
                 "characterisation", "characterization", "reference", "insistence", "jibe", "quip", "attack",
                 "argument", "allegation", "denial", "plea", "boast",
                 "call", "demand", "appeal", "request", "threat", "ultimatum", "push", "offer", "proposal"}  # "Trump's push to “take back” Bagram"


def _owner_of_the_words(ctx: QuoteContext) -> Token | None:
    """'The First Minister's comments comparing Plaid and Reform as “different poison, same bottle”':
    the possessor of a noun of speech the quote hangs on, before any reporting verb, said the words."""
    doc = ctx.doc
    heads = sorted((doc[i] for i in ctx.tokens if doc[i].head.i not in ctx.tokens and not doc[i].is_punct), key=lambda t: t.i)
    if not heads:
        return None
    below = heads[0]
    for a in heads[0].ancestors:  # (from the quote's first head: the parse may hang its last words elsewhere)
        if is_cue(a, ctx.tokens) and not (a.dep_ == "acl" and a.head.lemma_.lower() in _OWNED_SPEECH):
            return None  # (a verb of the words themselves goes on up: "the Governor's remarks describing it as “…”")
        if a.pos_ == "NOUN" and a.lemma_.lower() in _OWNED_SPEECH:
            if below.dep_ in ("amod", "compound", "nmod"):
                return None  # "Smith rebukes Eby's “unconstitutional” comments": the reporter's word for them
            if any(t.lower_ == "as" and t.dep_ == "prep" for t in heads[0].ancestors if t.i < ctx.span.start and a in t.ancestors) \
                    and a.dep_ == "dobj" and a.head.pos_ == "VERB":
                return None  # "An official blasted China's claims that … as “entirely baseless”": what the claims are called, by her
            owner = next((c for c in a.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
            return owner if owner is not None and ctx.outside(owner) else None
        if a.dep_ == "ROOT":
            return _owner_of_a_claim_before(ctx, heads[0])
        below = a
    return None


def _owner_of_a_claim_before(ctx: QuoteContext, first: Token) -> Token | None:
    """'… a U-turn on An Garda Síochána's previous claim that gardaí had cleared the court "as
    requested by the judge"', the parse hanging the quote on the main verb: the owner of the claim
    that … just before the quote, with no reporting verb between."""
    sent = ctx.memory.sents[ctx.memory.sentence_index(ctx.span.start)]
    before = [t for t in sent if t.i < first.i]
    for k in range(len(before) - 1, -1, -1):
        t = before[k]
        if t.pos_ in ("VERB", "AUX") and is_cue(t, ctx.tokens):
            return None
        if t.pos_ == "NOUN" and t.lemma_.lower() in _OWNED_SPEECH and k + 1 < len(before) and before[k + 1].lower_ == "that":
            if any(b.lower_ == "as" and b.head.pos_ == "VERB" and b.head in t.ancestors for b in before[k + 2 :]):
                return None  # "An official blasted China's claims that … as “entirely baseless”": the claim is not the words
            owner = next((c for c in t.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
            return owner if owner is not None and ctx.outside(owner) else None
    return None


def governing_cue(ctx: QuoteContext) -> Candidate | None:
    owner = _owner_of_the_words(ctx)
    if owner is not None:
        return Candidate("governing_cue", Phrase.of(owner))
    # "is believed", "was told": a passive verb without its agent reports no one's words
    governing = [t for t in ctx.cues() if ctx.governs(t) and passive_agent(t) is not None and not _says_the_quote(ctx, t)]
    if any(_a_reporters_byline(t) for t in governing):
        others = [t for t in ctx.cues() if not _a_reporters_byline(t) and any(t.sent == g.sent for g in governing)
                  and passive_agent(t) is not None]
        governing = [t for t in governing if not _a_reporters_byline(t)] or others or governing
    if not governing:
        return None
    cue = max(governing, key=lambda t: len(list(t.ancestors)))  # the nearest (deepest) verb: "X said Y had said 'z'"
    cue = _person_speaking_for_a_country(ctx, cue, governing)
    cue = _the_one_told(ctx, cue, governing)
    cue = _the_person_a_paper_quotes(ctx, cue)
    if not _reported(ctx, cue):
        return None
    phrase = _speaker_phrase(ctx, cue)
    if phrase is not None and cue.lemma_.lower() == "report" and (ctx.memory.is_media(phrase.text) or (
            phrase.head.pos_ == "PROPN" and phrase.head.ent_type_ != "PERSON" and _no_known_person(ctx, phrase))):
        phrase = _subject_before_a_medium_reports(ctx) or phrase
    return Candidate("governing_cue", phrase, cue=cue) if phrase is not None else None


def _a_reporters_byline(cue: Token) -> bool:
    """'‘…,’ read a message sent to phones, reports Amanda Coakley on the border': the writer's byline
    ("reports X", "writes X" after the sentence it ends), not who said the words the sentence quotes."""
    if cue.lemma_.lower() not in ("report", "write") or cue.i == 0 or cue.doc[cue.i - 1].text != ",":
        return False
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.i > cue.i and subj.ent_type_ == "PERSON"


def _no_known_person(ctx: QuoteContext, phrase: Phrase) -> bool:
    m = ctx.memory.mention_in(phrase.span)
    return m is None or not m.entity.actor.is_registered


def _subject_before_a_medium_reports(ctx: QuoteContext) -> Phrase | None:
    """'… the premier lashed out at the PTI. "I want to clarify …," DAWN reported.': the paper relays
    the words of the one the sentence before is about."""
    k = ctx.memory.sentence_index(ctx.span.start)
    if k == 0 or ctx.memory.paragraph_of[k - 1] != ctx.paragraph:
        return None
    root = ctx.memory.sents[k - 1].root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or not ctx.outside(subj):
        return None
    person = (subj.lower_ in ("he", "she") or (subj.pos_ == "PROPN" and subj.ent_type_ == "PERSON")
              or (subj.pos_ == "NOUN" and (subj.lemma_.lower() in PERSON_NOUNS or normalise(subj.text) in OFFICE_WORDS)))
    return Phrase.of(subj) if person else None


def _person_speaking_for_a_country(ctx: QuoteContext, cue: Token, governing: list[Token]) -> Token:
    """'New Zealand called on Russia to avoid a “catastrophic … loss”, she said', 'NATO announced …
    “including missile limits,” Stoltenberg said': a country's, a body's or a group's words reported
    by a person who speaks for it are that person's."""
    subj = subject_of(cue)
    if subj is None:
        return cue
    words = ctx.doc[subj.left_edge.i : subj.i + 1]
    mention = ctx.memory.mention_in(words)
    entry = ctx.memory.reg.alias.get(normalise(words.text))
    body = (mention is not None and not mention.entity.is_person) or (entry is not None and entry.actor.actor_type != "person") \
        or ctx.memory.acronym(words.text) is not None  # "NATO announced …, “…,” Stoltenberg said"
    group = subj.tag_ in ("NNS", "NNPS") or subj.lower_ in ("both", "they")  # "with both leaders agreeing “…”, the president said"
    if not (body or group or ctx.memory.is_place_or_nation(words.text)):
        return cue
    for outer in governing:
        # only the reporting clause of the sentence, after the quote ("as Warsaw warns …" under
        # "Lukashenko admits" is Warsaw's)
        if outer is not cue and outer in cue.ancestors and outer.dep_ == "ROOT" and (
                outer.idx > ctx.span.end or (cue.dep_ == "ccomp" and cue.head.i == outer.i)):  # "Sybiha noted that “…,” Kyiv calls …"
            speaker = subject_of(outer)
            if speaker is not None and (_is_a_person(ctx, speaker) or speaker.ent_type_ == "PERSON"
                                        or (group and speaker.lemma_.lower() in PERSON_NOUNS)):  # "the South African president"
                return outer
    return cue


_TELLING = {"tell", "inform", "assure", "reassure", "brief", "promise", "notify", "update"}


def _the_one_told(ctx: QuoteContext, cue: Token, governing: list[Token]) -> Token:
    """'Lukashenko said Putin had informed him about the “development”', 'He said the Russian leader told
    him the “aim” was …': someone's account of what they were told is in their own words."""
    if cue.lemma_.lower() not in _TELLING or not any(c.dep_ in ("dobj", "dative", "iobj") and c.lower_ in ("him", "her", "me", "us")
                                                    for c in cue.children):
        return cue  # (not "… as an opposition leader accused him of “gigantic fraud”")
    for outer in governing:
        if outer is not cue and outer in cue.ancestors:
            speaker = subject_of(outer)
            if speaker is not None and ctx.outside(speaker) and (_is_a_person(ctx, speaker) or speaker.lower_ in ("he", "she", "i")):
                return outer
    return cue


def _the_person_a_paper_quotes(ctx: QuoteContext, cue: Token) -> Token:
    """'… which, he says, “will only take money,” Infostart writes': a paper that relays the words
    is not their speaker when the sentence has a person saying them before the quote."""
    subj = subject_of(cue)
    mention = ctx.memory.mention_in(ctx.doc[subj.i : subj.i + 1]) if subj is not None else None
    paper = ctx.memory.mentions_between(subj.idx, subj.idx + len(subj.text)) if subj is not None else []
    if not any(m.entity.actor.actor_type == "media" for m in paper) or mention is not None:
        return cue
    sent = cue.sent
    for t in reversed(ctx.cues()):
        if t.i == cue.i or t.idx > ctx.span.start or not (sent.start <= t.i < sent.end):
            continue
        speaker = own_subject(t)
        if speaker is not None and _is_a_person(ctx, speaker):
            return t
    return cue


def _is_a_person(ctx: QuoteContext, subj: Token) -> bool:
    """A subject that is "he"/"she" or a person the article names."""
    said_by = ctx.memory.mention_in(ctx.doc[subj.i : subj.i + 1])
    return subj.lower_ in ("he", "she") or (said_by is not None and said_by.entity.is_person)


def _speaker_phrase(ctx: QuoteContext, cue: Token) -> Phrase | None:
    cited = _cited_person(ctx, cue)
    if cited is not None:
        return Phrase.of(span=cited)
    head = cue.head
    if cue.tag_ == "VBG" and cue.dep_ in ("advcl", "xcomp") and head.i != cue.i and is_cue(head) and passive_agent(head) is not False \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return _speaker_phrase(ctx, head)  # "This was stated by X, emphasizing that “…”": X's, not what "this" is
    agent = passive_agent(cue)
    if agent is None:
        agent = _interviewed(ctx, cue)
    if agent is not False:
        return Phrase.of(agent) if agent is not None and ctx.outside(agent) else None
    misread = _the_writing_read(ctx, cue) or _subject_read_as_an_object(ctx, cue) or _subject_of_the_clause_it_was_joined_to(ctx, cue)
    if misread is not None:
        return Phrase.of(misread)
    outer = _reporting_verb_of_the_clause_it_was_joined_to(ctx, cue)
    if outer is not None:  # "In a statement Grossi, director general of the IAEA, said that the strikes represented “…” and underlined “…”"
        return _speaker_phrase(ctx, outer)
    subj = subject_of(cue)
    if subj is not None and (subj.is_punct or subj.pos_ in ("VERB", "AUX") or (normalise(subj.text) in PLATFORMS and subj.i < cue.i)):
        # '”, - said PM Rama': the parse made the dash the subject; '"…" to bring the plan …, Hayashi, … told';
        # 'Chamisa, speaking on social media platform X, formerly Twitter, said': where, not who
        subj = None
    if ctx.outside(subj):
        beside = _name_beside(ctx, subj, cue)
        return Phrase.of(span=beside) if beside is not None else Phrase.of(subj)
    span = adjacent_speaker(cue)
    if span is not None and subj is None and len(span) and span.root.i > cue.i and ctx.outside(span.root):
        beside = _name_beside(ctx, span.root, cue)  # '“…,” added the committee's chair, councillor Natasha Brennan.'
        if beside is not None:
            return Phrase.of(span=beside)
    if span is None and subj is None:
        # "The 49-year-old said": a subject the parse made a modifier of the verb
        lefts = [c for c in cue.lefts if c.dep_ in ("det", "amod", "nmod", "compound", "npadvmod") and ctx.outside(c)]
        if lefts:
            start = min(t.i for c in lefts for t in c.subtree)
            span = ctx.doc[start : cue.i]
    if span is None and subj is None:
        span = _only_person_before(ctx, cue) or _phrase_after_the_opening_clause(ctx, cue)
    return Phrase.of(span=span) if span is not None and len(span) else None


def _phrase_after_the_opening_clause(ctx: QuoteContext, cue: Token) -> Span | None:
    """'Speaking in Canberra, Australia's Minister for Foreign Affairs said …' parsed with the title as an
    apposition of the place: the noun phrase between the opening clause's comma and the verb."""
    sent = cue.sent
    if not sent[0].tag_ == "VBG" or cue.dep_ != "ROOT":
        return None
    commas = [t.i for t in ctx.doc[sent.start : cue.i] if t.text == ","]
    if not commas:
        return None
    span = ctx.doc[commas[-1] + 1 : cue.i]
    if not 1 <= len(span) <= 8 or any(t.pos_ in ("VERB", "AUX") or not ctx.outside(t) for t in span):
        return None
    return span if any(t.pos_ in ("NOUN", "PROPN") for t in span) else None


def _the_writing_read(ctx: QuoteContext, cue: Token) -> Token | None:
    """'“…,” read the leaflet': the inverted subject the parse made an object."""
    if cue.lemma_.lower() != "read" or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    return next((c for c in cue.children if c.dep_ in ("dobj", "obj") and c.i > cue.i and c.lemma_.lower() in WRITTEN_NOUNS
                 and ctx.outside(c)), None)


def _subject_read_as_an_object(ctx: QuoteContext, cue: Token) -> Token | None:
    """'… take their case to court as an opposition leader accused him of “fraud”': the parse read the
    conjunction as a preposition, its clause's subject as the object, and left the verb without one."""
    if cue.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in cue.children):
        return None
    prev = ctx.doc[cue.i - 1]
    if prev.dep_ == "pobj" and prev.head.lower_ in ("as", "while", "after", "when", "because", "since", "before") \
            and prev.pos_ in ("NOUN", "PROPN") and ctx.outside(prev):
        return prev
    return None


def _reported_clause_joined_to(ctx: QuoteContext, cue: Token) -> Token | None:
    """The verb of a "that" clause (no reporting verb itself) a subjectless reporting verb was joined to."""
    if cue.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    inner = cue.head
    if is_cue(inner, ctx.tokens) or not any(c.dep_ == "mark" and c.lower_ == "that" for c in inner.children):
        return None
    return inner


def _subject_of_the_clause_it_was_joined_to(ctx: QuoteContext, cue: Token) -> Token | None:
    """'Lavrov repeated allegations that the United States has developed weapons and accused the West of
    “acting dangerously”': a reporting verb the parse joined to a verb inside what is reported, with no
    subject of its own, is the reporter's second act, not the reported one's."""
    inner = _reported_clause_joined_to(ctx, cue)
    if inner is None:
        return None
    outer = inner.head
    while outer.pos_ not in ("VERB", "AUX") and outer.head.i != outer.i:
        outer = outer.head
    if outer.i == inner.i:
        return None
    if outer.pos_ not in ("VERB", "AUX") and outer.dep_ == "ROOT":
        # the parse made "repeated" an adjective: the root is the name ("Mr Lavrov, …, repeated allegations") or the
        # allegations, with the name the subject of the adjective ("Lavrov repeated claims that …")
        if outer.pos_ == "PROPN":
            return outer if ctx.outside(outer) and outer.i < inner.i else None
        subj = next((t for t in outer.subtree if t.dep_ == "nsubj" and t.i < inner.i and inner not in t.head.subtree), None)
        return subj if subj is not None and ctx.outside(subj) and subj.pos_ == "PROPN" else None
    if outer.pos_ not in ("VERB", "AUX"):
        return None
    subj = subject_of(outer)
    return subj if subj is not None and ctx.outside(subj) and subj.i < inner.i else None


_INTERVIEWS = {"interview", "conversation", "talk", "briefing", "meeting", "address", "speech", "broadcast"}


def _interviewed(ctx: QuoteContext, cue: Token) -> Token | None:
    """'This was stated in an interview on CNN with the Prime Minister of Estonia, Kaja Kallas' (agency copy
    translated from Ukrainian or Russian): a passive report with no agent names its speaker as the one the
    interview was with, unless that is the medium ("in an interview with CNN")."""
    for prep in cue.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "at"):
            continue
        for talk in prep.children:
            if talk.dep_ != "pobj" or talk.lemma_.lower() not in _INTERVIEWS:
                continue
            for w in talk.subtree:  # ("in a conversation with Interfax-Ukraine with the energy minister X")
                if w.dep_ == "prep" and w.lower_ == "with":
                    who = next((o for o in w.children if o.dep_ == "pobj"), None)
                    if who is not None and _names_a_person(ctx, who) and not ctx.memory.is_media(noun_phrase(who).text):
                        return who
    return None


def _names_a_person(ctx: QuoteContext, head: Token) -> bool:
    """A phrase that names a person or a person's office ("the energy minister Herman Halushchenko")."""
    m = ctx.memory.mention_in(noun_phrase(head), prefer=head)
    return (m is not None and m.entity.is_person) or head.lemma_.lower() in PERSON_NOUNS or normalise(head.text) in OFFICE_WORDS


def _reporting_verb_of_the_clause_it_was_joined_to(ctx: QuoteContext, cue: Token) -> Token | None:
    """The same misparse as above where the outer reporting verb has no subject the parse found (the
    speaker is an apposition): that verb, whose speaker is looked for the usual way."""
    inner = _reported_clause_joined_to(ctx, cue)
    if inner is None:
        return None
    outer = inner.head
    if outer.i == inner.i or inner.dep_ != "ccomp" or not is_cue(outer, ctx.tokens) or not ctx.outside(outer):
        return None
    return outer if subject_of(outer) is None else None


def _cited_person(ctx: QuoteContext, cue: Token) -> Span | None:
    """'“…,” the press service of the regional administration said, citing its head Oleh Synehubov':
    the person whose words a body relays."""
    if cue.lemma_.lower() in ("cite", "quote") and _relays(ctx, cue):
        # "The ABC network cited an unnamed source saying …", "Reuters quoted a senior official as saying":
        # the words are the one cited's
        as_saying = any(c.lower_ == "as" for c in cue.children if c.dep_ == "prep")
        # (the object, or the subject the parse hung on the cited words: "cited an official saying … a “deal could come”")
        cited = [o for o in cue.children if o.dep_ in ("dobj", "obj")] + [
            o for c in cue.children if c.dep_ == "ccomp" for o in c.children if o.dep_ == "nsubj" and o.i < ctx.span.start]
        for obj in cited:
            if ctx.outside(obj) and (as_saying or any(c.lower_ == "saying" and c.dep_ == "acl" for c in obj.children)):
                return ctx.doc[obj.left_edge.i : obj.i + 1]
    for c in cue.children:
        if c.lemma_.lower() != "cite" or c.dep_ not in ("advcl", "xcomp", "conj", "dep"):
            continue
        for obj in (o for o in c.children if o.dep_ in ("dobj", "obj")):
            span = ctx.doc[obj.left_edge.i : obj.right_edge.i + 1]
            m = ctx.memory.mention_in(span)
            if m is not None and m.entity.is_person and not m.in_quote:
                return ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    return None


def _relays(ctx: QuoteContext, cue: Token) -> bool:
    """The verb's subject is a paper, a broadcaster or an agency: it relays words, it does not say them."""
    subj = subject_of(cue)
    if subj is None:
        return False
    return any(m.entity.actor.actor_type == "media" for m in ctx.memory.mentions_between(subj.left_edge.idx, subj.idx + len(subj.text))) \
        or ctx.memory.is_media(subj.text) or subj.lemma_.lower() in ("network", "broadcaster", "newspaper", "paper", "agency", "channel", "outlet")


def _only_person_before(ctx: QuoteContext, cue: Token) -> Span | None:
    """'Speaking to the Donegal News, Switlana, who has lived here for 15 years, said …' parsed with
    no subject for "said": the one person named before the verb in its sentence."""
    if cue.dep_ == "conj":
        return None  # "… condemned the decisions taken by Putin, and said": the subject of "condemned"
    sent = cue.sent
    start = sent.start_char
    if sent[0].text == "," and sent.start > 0 and "\n" not in ctx.doc[sent.start - 1].whitespace_:
        start = ctx.doc[sent.start - 1].sent.start_char  # "Grossi | , on his fifth visit to …, said": a subject the segmenter cut off
    people = []
    for m in ctx.memory.mentions_between(start, cue.idx):
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.entity.is_person and not m.in_quote and span is not None and span.root.dep_ not in ("dobj", "poss") and not (
                span.root.dep_ == "pobj" and span.root.head.lower_ in ("of", "for", "to", "with", "by")):
            people.append(span)  # (not "… a special envoy of Prime Minister Fumio Kishida"; "In a statement on Friday Jens Stoltenberg, …, said" is misparsed)
    if people and not ctx.doc[people[-1].end : cue.i].text.strip(" ,–—-"):
        return people[-1]  # "Responding to news that … Putin’s Russia …, Stephen Morgan MP, said:": the name beside the verb
    return people[-1] if len({p.text for p in people}) == 1 else None


def _name_beside(ctx: QuoteContext, subj: Token, cue: Token) -> Span | None:
    """'Chief Executive of the Council, Pat Dowling described …', 'Inna Levien, Ukrainian encampment
    coordinator said, …': the parse took the title for the subject; the person set off beside it."""
    if ctx.memory.mention_in(ctx.doc[subj.i : subj.i + 1]) is not None:
        return None  # the subject is a name already
    phrase = Phrase.of(subj).span
    doc = ctx.doc
    after = doc[phrase.end : cue.i]  # ", Pat Dowling"
    if subj.i > cue.i:  # '“…,” says his father and lead pastor, Kevin Howard.': the name ending the sentence
        end = subj.sent.end
        while end > phrase.end and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        commas = [t.i for t in doc[phrase.end : end] if t.text == ","]
        after = doc[commas[-1] : end] if commas and end - phrase.end <= 8 else doc[phrase.end : phrase.end]
    commas = [t.i for t in phrase if t.text == ","]
    if commas and phrase.end == cue.i and subj.i < commas[-1]:
        # "Additional Director General of Police (ADG), Headquarters, Ravindra Kumar told": the parse hung the
        # name on the title; the person is the last of the words set off by commas, right before the verb
        tail = doc[commas[-1] + 1 : phrase.end]
        m = ctx.memory.mention_in(tail) if len(tail) else None
        if m is not None and m.entity.is_person and not m.in_quote:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.end == phrase.end and span.start == tail.start:
                return span
    k = phrase.start - 1  # the comma before the phrase, then back over the words before it ("Inna Levien,")
    while k > 0 and k > phrase.start - 7 and not (doc[k - 1].is_punct or doc[k - 1].is_space):
        k -= 1
    before = doc[k : phrase.start]
    for side in (after, before):
        words = [t for t in side if not t.is_punct]
        if not words or not any(t.text == "," for t in side):
            continue
        m = ctx.memory.mention_in(doc[words[0].i : words[-1].i + 1])
        if m is not None and m.entity.is_person and not m.in_quote:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.end == words[-1].i + 1 and all(
                    t.i >= span.start or t.lower_ == "the" or normalise(t.text).rstrip(".") in TITLE_WORDS for t in words):
                return span  # (", The Reverend Canon Hilary Barber,": the title words before the name too)
    return None


def _reporting_clause(verb: Token) -> bool:
    """The sentence's own reporting verb with its subject ('…, said one of the organisers', '…,
    Medinsky told reporters'), not a participle or clause the parse hung on it ('…, calling it …')."""
    top = verb.dep_ == "ROOT" or (verb.dep_ in ("conj", "ccomp", "parataxis") and verb.head.dep_ == "ROOT")
    return top and verb.tag_ != "VBG" and own_subject(verb) is not None


# "Read more: ‘They're ready to kill Russians’ says …": a link to another story, not the words of
# the person just quoted (pages that lost their line breaks run it into the paragraph)
_LINK_LABEL = re.compile(r"(?:^|[.!?”\"’']\s+)[ \t]*(?:(?:read|see|watch|listen)(?: also| more| next)?|also (?:read|see)|related(?: stories| articles| news)?|more)\s*:\s*$", re.I | re.M)


def colon_intro(ctx: QuoteContext) -> Candidate | None:
    """'She said:' closing the paragraph before a quote-only paragraph, or the words just before
    the opening mark when the parse split them off ('…, the ministry said in a statement: “…”')."""
    before = ctx.text_before_mark()
    label = _QUOTE_LABEL.match(before)
    if label is not None:
        return _labelled(ctx, label)
    if before.strip() and not before.rstrip().endswith((":", ",")):  # "Rebwar Babkayi, said, “we …”" too
        if len(before.split()) > 3:
            return None
    if not before.strip():
        prev = _previous_paragraph(ctx)
        heading = _statement_heading(prev) if prev is not None else None
        if heading is not None:  # a line "Russian Paralympic Committee statement" above the quoted text
            return _named(ctx, "colon_intro", heading, ctx.text.rfind(prev, 0, ctx.line_start))
        if prev is None or not prev.rstrip().endswith(":"):
            return None
        end = ctx.line_start - 1
        sents = ctx.memory.sentences_between(end - len(prev) - 1, end + 1)
    else:
        sents = [s for s in ctx.memory.sentences_between(ctx.line_start, ctx.span.start) if s.start_char < ctx.span.start - 1]
    if not sents:
        return None
    # the words before the mark, or the sentence's own reporting verb after it ("It was a “horrible
    # experience”, said …"), not a participle the parse hung there ("…, calling it ‘x’")
    cues = [t for t in sents[-1] if is_cue(t) and ctx.outside(t) and (t.idx < ctx.span.start or _reporting_clause(t))]
    cues = _outermost(ctx, cues) if not before.strip() else cues
    words = [t for t in sents[-1] if t.lower_ in ("words", "reply", "answer", "message") and t.idx < ctx.span.start and ctx.outside(t)]
    owner = next((c for w in words[-1:] for c in w.children if c.dep_ == "poss"), None)
    if not cues and owner is not None and before.rstrip().endswith(":"):
        return Candidate("colon_intro", Phrase.of(owner))  # "His words: “…”", "In Mr Ero-Philips' words: “…”"
    if not cues and before.rstrip().endswith(":"):
        person = _person_before_the_colon(ctx, sents[-1])
        if person is not None:
            return Candidate("colon_intro", Phrase.of(person))
    if not cues:
        # "But there are other members of the family left behind: “…”": a colon with no verb hands
        # the words to the person just quoted
        last = ctx.history[-1] if ctx.history else None
        if before.rstrip().endswith(":") and last is not None and last.attribution.actor is not None \
                and ctx.memory.paragraphs_between(last.paragraph, ctx.paragraph) <= 1 and not _LINK_LABEL.search(before):
            return Candidate("colon_intro", inherited=last.attribution)
        return None
    cue = cues[-1]
    phrase = _speaker_phrase(ctx, cue)
    return Candidate("colon_intro", phrase, cue=cue) if phrase is not None else None


def _person_before_the_colon(ctx: QuoteContext, sent: Span) -> Token | None:
    """'Scholz shattered another taboo: “We will provide Ukraine with tanks.”', 'Zelensky was defiant: “…”': a
    sentence of the quote's own, after a colon closing a clause whose subject is a person, is that person's."""
    if not ctx.text[ctx.span.start : ctx.span.start + 1].isupper():
        return None
    clause = [t for t in sent if t.idx < ctx.span.start and ctx.outside(t)]
    ids = {t.i for t in clause}
    tops = [t for t in clause if t.pos_ in ("VERB", "AUX") and (t.head.i not in ids or t.head.i == t.i)]
    # (the parse may hang the clause before the colon on the quote's own verb)
    subj = next((c for t in tops[-1:] for c in t.children if c.dep_ == "nsubj" and c.i in ids), None)
    if subj is None:
        return None
    m = ctx.memory.mention_in(noun_phrase(subj), prefer=subj)
    return subj if m is not None and m.entity.is_person and subj.pos_ == "PROPN" else None


# "Quote from Czosnek: “…”", "Quote: “…”": a news site's label for the words of a source it has named
_QUOTE_LABEL = re.compile(r"^\s*(?:quote|quotation|direct speech)(?:\s+(?:from|by|of)\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}))?"
                          r"\s*:\s*$", re.I)
_SOURCE_LABEL = re.compile(r"^\s*source\s*:\s*(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})", re.I)


def _labelled(ctx: QuoteContext, label: re.Match) -> Candidate | None:
    """The words after a "Quote from X:" label are X's; after a bare "Quote:", those of the source
    the "Source: X on social media" line above names, else of the person quoted last."""
    if label.group("name"):
        return _named(ctx, "colon_intro", label.group("name"), ctx.line_start)
    bounds = _previous_line(ctx)
    for _ in range(3):  # ("Source: …" may stand a line or two above, with a subhead between)
        if bounds is None:
            break
        source = _SOURCE_LABEL.match(ctx.text[bounds[0] : bounds[1]])
        if source is not None and not _CREDIT.search(source.group("name")):
            return _named(ctx, "colon_intro", source.group("name"), bounds[0])
        bounds = _line_before(ctx.text, bounds[0])
    last = ctx.history[-1] if ctx.history else None
    if last is not None and last.attribution.actor is not None:
        return Candidate("colon_intro", inherited=last.attribution)
    return None


_HEADING = re.compile(r"^\s*(?:(?:full\s+)?(?:text of (?:the\s+)?)?(?P<a>[A-Z][\w’'.-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'.-]*)){0,6})\s+"
                      r"(?:statement|message|letter|address)|(?:statement|message|letter|address) (?:by|from) (?:the\s+)?"
                      r"(?P<b>[A-Z][\w’'.-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'.-]*)){0,6}))\s*:?\s*$", re.I)


def _statement_heading(line: str) -> str | None:
    """'Russian Paralympic Committee statement', 'Statement by the Kremlin': a heading line
    naming whose statement the quoted paragraphs below are; the name, or None."""
    if len(line.split()) > 9 or line.rstrip().endswith((".", "?", "!", ",")):
        return None
    source = _SOURCE_LINE.match(line)
    if source is not None:  # an aggregator's "Source: Fox News" above the excerpt it quotes (not a photo credit)
        return source.group("name") if not _CREDIT.search(source.group("name")) else None
    m = _HEADING.match(line.replace("’s statement", " statement").replace("'s statement", " statement"))
    name = (m.group("a") or m.group("b")) if m else None
    if name is None or name.lower() in _NOT_AUTHORS:
        return None  # "The statement", "Joint statement": no one named
    if any(w[:1].islower() and w not in ("of", "the", "for", "and", "on", "de", "von") for w in name.split()):
        return None  # "Gov. Evers released the following statement:": a sentence introducing it (colon_intro reads its verb)
    return name


_SOURCE_LINE = re.compile(r"^\s*(?:source|via|from|excerpt from)\s*:\s*(?P<name>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,4})\s*$", re.I)
_NOT_AUTHORS = {"the", "a", "joint", "full", "official", "new", "latest", "final", "this", "that", "his", "her", "their",
                "our", "its", "read", "in", "opening", "closing"}


def _previous_line(ctx: QuoteContext) -> tuple[int, int] | None:
    """Where the last non-blank line before the quote's line starts and ends."""
    return _line_before(ctx.text, ctx.line_start)


def _line_before(text: str, line_start: int) -> tuple[int, int] | None:
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            return start, end
        end = start - 1
    return None


def _previous_paragraph(ctx: QuoteContext) -> str | None:
    bounds = _previous_line(ctx)
    return ctx.text[bounds[0] : bounds[1]] if bounds is not None else None


_CREDIT = re.compile(r"\||\b(?:photo|picture|image|getty|pool|via|credit|afp|reuters|ap photo)\b", re.I)


def _headline_like(ctx: QuoteContext) -> bool:
    """The quote's line is the headline, or reads like one (short, no full stop at its end)."""
    if ctx.title_span is not None and ctx.title_span[0] <= ctx.span.start < ctx.title_span[1]:
        return True
    line_end = ctx.text.find("\n", ctx.span.end)
    line = ctx.text[ctx.line_start : line_end if line_end >= 0 else len(ctx.text)].strip()
    line = CRAWLER_HEADER.sub("", line).strip()  # a crawler's date header glued to the headline
    return len(line.split()) <= 24 and not line.endswith((".", "?", "!", ".”", '."', "…"))


_HEADLINE_TAIL = re.compile(rf"^\s+[^,:;\"“”‘’«»]{{1,50}}?,(?=\s*{_HEADLINE_CUES}\b)")  # "‘…’ on sanctions, says …"


# "Stoltenberg: …", "DFA to Filipinos in Ukraine: …": a name (and whom it addresses) before a colon
_CLAIMANT = re.compile(rf"^\s*(?P<name>{_NAME})(?:\s+to\s+[^:“”\"‘’]{{1,60}}?)?\s*:(?:\s*$|\s+\S)")


def _headline_claimant(ctx: QuoteContext) -> Candidate | None:
    """'Stoltenberg: Russian build-up “unprecedented”', 'DFA to Filipinos: ‘Do not panic’': a headline
    that opens with a person's or a body's name and a colon claims what follows for them."""
    m = _CLAIMANT.match(ctx.text_before_mark())
    if m is None:
        return None
    before = [t for t in ctx.cues() if t.idx < ctx.span.start]
    if before and not all(_a_country_says(ctx, t) for t in before):
        return None
    name = m.group("name")
    if ctx.memory.acronym(name) is None and not _names_a_known_speaker(ctx, name, ctx.span.start):
        return None  # "Ukraine crisis: …", "LIVE: …": a topic or a label, not a speaker
    if before and (ctx.memory.person_named(name, ctx.line_start) is None):
        return None
    return _named(ctx, "headline_speaker", name, ctx.line_start)


def _a_country_says(ctx: QuoteContext, cue: Token) -> bool:
    """'Sullivan: US believes Ukrainians ‘will meet with success’': the country a person speaks for."""
    subj = subject_of(cue)
    return subj is not None and ctx.memory.reg.country_by_name.get(normalise(subj.text)) is not None


def _names_a_known_speaker(ctx: QuoteContext, name: str, pos: int) -> bool:
    """A headline's words name a person the article knows by more than a lone word, or a body."""
    from .speakers import organisation_named

    entity = ctx.memory.person_named(name, pos)
    return (entity is not None and not entity.is_lone_name) or organisation_named(ctx.memory, name) is not None \
        or names_a_body(name)  # "Hostages Families Forum", a body the NER missed


def _headline_opener(ctx: QuoteContext) -> Candidate | None:
    """'Connolly launches Áras bid, hopes to ‘empower people …’', 'Tusk vows ‘no retreat’ on border':
    a headline whose clause opens with a person's or body's name and its verb, the quote later in that
    clause with no reporting verb of its own, quotes the one it opens with — unless someone else's
    name comes between ("Zelensky rejects Putin's ‘peace plan’")."""
    words = ctx.text_before_mark().split()
    subject = _headline_subject(words)
    if any(t.idx < ctx.span.start for t in ctx.cues()) and not (subject and _conjoined_cue(words[len(subject) :])):
        return None
    set_apart = bool(words) and words[-1] in ("–", "—", "-", ":")  # "X frowns on calls to quit – ‘…’": no one's object
    if not subject or (not set_apart and _someone_else_named(ctx, words[len(subject) :])):
        return None
    name = " ".join(subject)
    owner = next((re.sub(r"['’]s?$", "", w) for w in subject if re.search(r"['’]s?$", w)), None)
    if not _names_a_known_speaker(ctx, owner if owner and subject[-1][:1].islower() else name, ctx.line_start):
        return None
    return _named(ctx, "headline_speaker", name, ctx.line_start)


def _headline_predicate(ctx: QuoteContext) -> Candidate | None:
    """'Germany’s Merz ‘extremely satisfied’ with Trump talks', 'EU ‘deeply concerned’ over …': headlinese
    drops the verb; the name the line opens with, and nothing else before the quote, is whose words they are."""
    words = ctx.text_before_mark().split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or re.search(r"['’]s?$", words[-1]):
        return None  # ("Putin’s ‘special operation’": his term, named by someone else)
    while len(words) > 1 and re.search(r"['’]s$", words[0]):
        words = words[1:]  # "Germany’s Merz": whose he is
    name = " ".join(words)
    at = ctx.text.rfind(words[-1], ctx.line_start, ctx.span.start)
    last = ctx.doc.char_span(at, at + len(words[-1])) if at >= 0 else None
    if last is None or last[0].tag_ in ("NNS", "NNPS") or ctx.cues() or not _names_a_known_speaker(ctx, name, ctx.line_start):
        return None  # ("Kyiv Residents ‘exhausted’": a crowd, no one named)
    return _named(ctx, "headline_speaker", name, ctx.line_start)


def _conjoined_cue(words: list[str]) -> bool:
    """'… demands explanation, says comments ‘…’', '… rejects talks, warns ‘…’': headlinese joins a
    second verb of the subject's after a comma, its reporting verb the only one, in one clause."""
    cues = [j for j, w in enumerate(words) if re.fullmatch(_HEADLINE_CUES, w.lower())]
    return (len(cues) >= 1 and cues[-1] >= 2 and words[cues[-1] - 1].endswith(",")
            and not any(w.endswith((";", ":")) or w in ("–", "—", "-") for w in words)
            and all(j in (0, cues[-1]) for j in cues))


def _someone_else_named(ctx: QuoteContext, words: list[str]) -> bool:
    """'… rejects Putin's', '… tells Tusk': an owner's or a person's name among the words (a place or
    a thing, "Áras bid", "in Kyiv", is nobody)."""
    def a_person(word: str) -> bool:
        entity = ctx.memory.person_named(word, ctx.line_start)
        return entity is not None and not entity.is_lone_name

    return any(w[:1].isupper() and (re.search(r"['’]s?$", w) is not None or a_person(w.strip(",.;:"))) for w in words)


def _speaker_after_cue(words: list[str]) -> list[str]:
    """'…, said President Zelensky shortly before …' -> President Zelensky; '…, says Ukraine’s leader'
    -> Ukraine’s leader: capitalised words and the office words of a title, up to the first other word."""
    name: list[str] = []
    for w in words:
        if not (w[:1].isupper() or normalise(w.strip(",.;:")) in OFFICE_WORDS | TITLE_WORDS):
            break
        name.append(w)
    while name and not name[-1][:1].isupper() and normalise(name[-1].strip(",.;:")) not in OFFICE_WORDS:
        name.pop()  # "says EU top" is no title
    # "‘…,’ says foreign minister": a title in lower case, ending in an office, is a role too
    return name if any(w[:1].isupper() for w in name) or (name and normalise(name[-1].strip(",.;:")) in OFFICE_WORDS) else []


def headline_speaker(ctx: QuoteContext) -> Candidate | None:
    """A headline quote and its speaker: '‘…’, says Truss', '‘…’, said President Zelensky before…',
    '‘…’: Lukashenko warns Poland', '“…” – Duda', '“…”: EU foreign policy chief Borrell',
    '‘…’ on sanctions, says EU chief', 'Kuleba: attack not ‘imminent’'."""
    if not _headline_like(ctx):
        return None
    claimant = _headline_claimant(ctx) or _headline_opener(ctx) or _headline_predicate(ctx)
    if claimant is not None:
        return claimant
    line_end = ctx.text.find("\n", ctx.span.end)
    after = ctx.text[ctx.span.end + 1 : line_end if line_end >= 0 else len(ctx.text)]
    tail = _HEADLINE_TAIL.match(after)
    if tail is not None:
        after = after[tail.end() - 1 :]
    quoted = ctx.text[ctx.span.start : ctx.span.end].rstrip()
    trailing_cue = quoted.endswith(",") and re.match(rf"^\s+(?:[\w.'’-]+\s+){{0,3}}{_HEADLINE_CUES}\s*$", after)  # "…,' minister says"
    if not trailing_cue and any(t.idx < ctx.span.start for t in ctx.cues()):
        return None  # "Morawiecki said Lukashenko “launched …”": the speaker is before the quote
    cue_first = quoted.endswith(",") and re.match(rf"^\s+{_HEADLINE_CUES}\b", after, re.I)  # "‘…,’ says foreign minister"
    if not (re.match(r"^\s*[,:;–—-]", after) or trailing_cue or cue_first) or _CREDIT.search(after):
        return None
    words = after.strip(" ,:;–—-").split()[:12]
    cue = next((i for i, w in enumerate(words) if re.fullmatch(_HEADLINE_CUES, w.lower())), None)
    name: list[str] = []
    if trailing_cue and cue is not None and not any(w[:1].isupper() for w in words[:cue]):
        name = words[:cue]  # a role written in lower case: "minister says"
    elif cue == 0:  # "…’, said President Zelensky shortly before …": the name follows the verb
        name = _speaker_after_cue(words[1:])
    elif cue is None and _group_subject(ctx, words):
        return None  # "‘…’: Plaid Cymru supporters celebrate win": none of them is named
    elif cue is None and _headline_subject(words):
        name = _headline_subject(words)  # "“…”: Orbán makes another statement on …": who makes it
    elif cue is not None and cue >= 2 and re.search(r"['’]s$", words[0]) and words[1][:1].islower():
        name = words[:cue]  # "‘…’: Beijing’s top man on Hong Kong affairs slams …": a description, read whole
    elif cue is None and 1 <= _capitalised_run(words) <= 3 and len(words) > _capitalised_run(words) \
            and words[_capitalised_run(words)] in _TOPIC_PREPOSITIONS:
        name = words[: _capitalised_run(words)]  # "“…” — Zelenskyy on the incursion of drones into Poland": whose words, on what
    else:
        for w in reversed(words[: cue if cue is not None else len(words)]):
            if w[:1].isupper():
                name.insert(0, w)
            elif name:
                break
    if not name:
        return None
    name_text = " ".join(name).strip(" ,.;:")
    if re.match(r"^\s*[–—|-]", after) and after.strip(" –—|-") == name_text and _site_name(ctx, name_text):
        return None  # "‘…’ – Global Issues": the page title's site name, named nowhere in the story
    if in_a_title_case_line(ctx.text, ctx.span) and not any(normalise(w) in OFFICE_WORDS | TITLE_WORDS for w in name) \
            and not _names_a_known_speaker(ctx, name_text, ctx.span.end):
        return None  # "“RSF”: We Have Not Received Any Proposal and Will Not Commit to One": every word is capitalised
    return _named(ctx, "headline_speaker", name_text, ctx.span.end)


def _site_name(ctx: QuoteContext, name: str) -> bool:
    """A headline's last words after a dash that the story never mentions again, nor the registry knows: the
    site's name a page title ends with."""
    line_end = ctx.text.find("\n", ctx.span.end)
    rest = ctx.text[line_end:] if line_end >= 0 else ""
    last = name.split()[-1]
    return not re.search(rf"\b{re.escape(last)}\b", rest) and ctx.memory.reg.alias.get(normalise(name)) is None


_TOPIC_PREPOSITIONS = {"on", "about", "over", "regarding", "after", "at", "to", "in"}


def _capitalised_run(words: list[str]) -> int:
    """How many capitalised words open the list."""
    return next((i for i, w in enumerate(words) if not w[:1].isupper()), len(words))


def _headline_subject(words: list[str]) -> list[str]:
    """The capitalised words that open a headline's clause when a verb in the present follows them
    ("Orbán makes another statement …", "Tusk vows to …"); [] otherwise."""
    k = _capitalised_run(words)
    if 1 <= k <= 3 and re.search(r"['’]s?$", words[k - 1]):
        # "Ramaphosa’s spokesperson frowns on …", "Ukraine's foreign minister says": an owner's office
        while k < len(words) and normalise(words[k]) in OFFICE_WORDS | TITLE_WORDS:
            k += 1
    if not 1 <= k <= 5 or k == len(words) or not re.fullmatch(r"[a-z]+(?:s|ed)", words[k]) or words[k] in ("is", "has", "was"):
        return []
    return words[:k]


def _group_subject(ctx: QuoteContext, words: list[str]) -> bool:
    """The headline's clause after the quote opens with a plural noun of people, its capitalised words
    only a modifier ("Plaid Cymru supporters celebrate …", "Dublin residents fear …"), as the tagger reads it."""
    if len(words) > 1:
        at = ctx.text.find(words[0], ctx.span.end)
        first = ctx.doc.char_span(at, at + len(words[0])) if at >= 0 else None
        if first is not None and first[0].tag_ == "NNS" and first[0].nbor(1).tag_ in ("VBP", "VBD", "MD"):
            return True  # "‘Arrest Yoon Suk Yeol’: Citizens refuse to leave National Assembly": a crowd, not the body named after it
    k = _capitalised_run(words)
    if not 1 <= k <= 3 or k == len(words):
        return False
    at = ctx.text.find(words[k], ctx.span.end)
    word = ctx.doc.char_span(at, at + len(words[k])) if at >= 0 else None
    return word is not None and word[0].tag_ == "NNS" and k + 1 < len(words) and word[0].nbor(1).tag_ in ("VBP", "VBD", "MD")


def _named(ctx: QuoteContext, sieve: str, name: str, search_from: int) -> Candidate:
    """A speaker written as words near the quote: as a phrase of the parse where it lines up (so
    "Polish PM" is read as a role), else as a name."""
    start = ctx.text.find(name, search_from)
    span = ctx.doc.char_span(start, start + len(name)) if start >= 0 else None
    if span is not None and len(span) and (not any(t.ent_type_ == "PERSON" for t in span)
                                           or span[-1].ent_type_ != "PERSON" and span[-1].pos_ == "NOUN"):  # "Ramaphosa’s spokesperson"
        return Candidate(sieve, Phrase.of(span=span))
    return Candidate(sieve, name=name)


_QUESTIONER = re.compile(r"\b(?:journalist|reporter|correspondent|interviewer|presenter|host|anchor|editor)\b", re.I)


def conversation_turn(ctx: QuoteContext) -> Candidate | None:
    """An interview: a quote-only paragraph right after an interviewer's quoted question is the
    answer of the other party (the interviewee the article is about)."""
    if not ctx.history or ctx.text_before_mark().strip() or ctx.cues():
        return None
    last = ctx.history[-1]
    asker = last.attribution.actor
    if asker is None or ctx.paragraph - last.paragraph != 1 or not ctx.text[last.span.start : last.span.end].rstrip().endswith("?"):
        return None
    surface = last.attribution.surface or ""
    asker_titles = " ".join(ctx.memory.entity_for(asker).titles)
    if not (_QUESTIONER.search(surface) or _QUESTIONER.search(asker_titles) or asker.actor_type == "media"):
        return None  # a politician's rhetorical question is followed by more of his own words
    for earlier in reversed(ctx.history[:-1]):
        if earlier.attribution.actor not in (None, asker):
            return Candidate("conversation_turn", inherited=earlier.attribution)
    other = ctx.memory.salient_person(ctx.span.start, exclude=ctx.memory.entity_for(asker), same_sentence_subjects_only=False)
    if other is None:
        return None
    return Candidate("conversation_turn", inherited=Attribution(other.actor, other.actor.name, None, "conversation_turn", "name", CONFIDENCE["conversation_turn"]))


def continuation(ctx: QuoteContext) -> Candidate | None:
    """The quote carries on one already attributed: the next paragraph of a quote left open, a
    quote-only paragraph after a quoted one, or the second half of a quote split by "she said"."""
    if not ctx.history:
        return None
    last = ctx.history[-1]
    if last.attribution.actor is None:
        return None
    before = ctx.text_before_mark()
    if last.paragraph == ctx.paragraph:
        between = ctx.text[last.span.end + 1 : max(last.span.end + 1, ctx.span.start - 1)]
        # ("“…,” X said. “… invasion of Ukraine.” Western officials say …": another report; not after a term in marks)
        ends = _sentence_after_a_whole_sentence(ctx) if ctx.text[last.span.start : last.span.start + 1].isupper() else None
        own_cue_after = any(t.idx > ctx.span.end and (ends is None or t.idx < ends) for t in ctx.cues())
        cue_between = any(last.span.end < t.idx < ctx.span.start for t in ctx.cues())
        if len(between.split()) <= 15 and not own_cue_after and (ctx.words > 3 or cue_between or _a_sentence_of_its_own(ctx, last.span.end + 1)) \
                and not _LINK_LABEL.search(between):
            return Candidate("continuation", inherited=last.attribution)  # a short one only when split by "she said"
        return None
    if ctx.paragraph - last.paragraph == 2 and not before.strip() and not ctx.cues() and not _names_someone_after(ctx) \
            and _a_subheading_between(ctx, last):
        return Candidate("continuation", inherited=last.attribution)  # "“…”\n\nOn the budget\n\n“…”": a Q&A's next answer
    if ctx.paragraph - last.paragraph != 1:
        return None
    if last.span.is_continued and len(before.split()) <= 3:
        return Candidate("continuation", inherited=last.attribution)  # even after stray words ("Disregard “…")
    if not before.strip() and not ctx.cues() and not _names_someone_after(ctx):
        return Candidate("continuation", inherited=last.attribution)
    return None


def _sentence_after_a_whole_sentence(ctx: QuoteContext) -> int | None:
    """Where the next sentence starts when the quote is a whole sentence ending in its marks and a
    capital follows on the line."""
    if not ctx.text[ctx.span.start : ctx.span.end].rstrip().endswith((".", "!", "?")):
        return None
    nxt = _NON_SPACE.search(ctx.text, ctx.span.end + 1)
    if nxt is None or not ctx.text[nxt.start()].isupper() or "\n" in ctx.text[ctx.span.end : nxt.start()]:
        return None
    return nxt.start()


def _a_subheading_between(ctx: QuoteContext, last: Attributed) -> bool:
    """One short line with no sentence's end and no marks between two quote-only paragraphs: a sub-heading of an
    interview or a list of remarks ("On the budget that his government tabled in April"), not a paragraph of story."""
    close = ctx.text.find("\n", last.span.end)
    if close < 0 or ctx.text[last.span.end : close].strip(" \"”’'».,!?"):
        return False  # (the quote before must end its paragraph)
    lines = [l.strip() for l in ctx.text[close : ctx.line_start].split("\n") if l.strip()]
    return len(lines) == 1 and _subheading(lines[0]) and not _ANY_MARK.search(lines[0])


def _subheading(line: str) -> bool:
    """A short line that ends no sentence: a sub-heading ("On the budget", "His message to …")."""
    return len(line.split()) <= 14 and not re.search(r"[.!?:;\"“”‘’«»]$", line)


def _a_sentence_of_its_own(ctx: QuoteContext, after: int) -> bool:
    """'“No,” he said. “Not now.”': a short quote that is a whole sentence, after the reporting
    sentence of the quote before, is more of the same words (a term in marks is no sentence)."""
    words = ctx.text[ctx.span.start : ctx.span.end].strip()
    if not (words[:1].isupper() and words.endswith((".", "!", "?"))):
        return False
    between = ctx.doc.char_span(after, max(after, ctx.span.start - 1), alignment_mode="expand")
    return between is not None and any(is_cue(t) for t in between)


def _names_someone_after(ctx: QuoteContext) -> bool:
    """'“…,” the distant response of the EU Commissioner, Paolo Gentiloni.': a paragraph that names
    a person after its quote is no bare continuation of the quote before."""
    after = [m for s in ctx.window for m in ctx.memory.mentions
             if s.start_char <= m.start < s.end_char and m.start > ctx.span.end and not m.in_quote and m.entity.is_person]
    return bool(after)


def _said_by_relative(cue: Token) -> bool:
    """'… the mayor, Remigijus Simasius, who said that …': a relative clause's reporting verb."""
    return cue.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in cue.children)


def _outermost(ctx: QuoteContext, cues: list[Token]) -> list[Token]:
    """"Haavisto said that Finland and the EU condemned …", "Hagerty released the following
    statement after Putin declared war:": the verb that reports, not one inside what it governs;
    but not a news outlet's ("Axar.az reports that … Grigory Karasin said these words")."""
    relaying = [t for t in cues if any(ctx.memory.is_media(c.text) for c in t.children if c.dep_ in ("nsubj", "nsubjpass"))]
    cues = [t for t in cues if t not in relaying] or cues
    return [t for t in cues if not any(a in cues for a in _conj_top(t).ancestors)] or cues


def _conj_top(verb: Token) -> Token:
    """The first of coordinated verbs: "Officials said …, but Grandi said …" reports twice, neither
    inside the other."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def previous_cue(ctx: QuoteContext) -> Candidate | None:
    """'He also noted that he would like to discuss sanctions.' then a paragraph that is only a
    quote: the speaker of the last reporting verb of the paragraph just before."""
    if ctx.text_before_mark().strip() or ctx.cues() or _names_someone_after(ctx):
        return None
    prev_end = ctx.text.rfind("\n", 0, ctx.line_start - 1)
    prev_start = ctx.text.rfind("\n", 0, max(0, prev_end)) + 1 if prev_end > 0 else 0
    prev = [s for s in ctx.memory.sentences_between(prev_start, ctx.line_start)
            if ctx.memory.paragraph_at(s.start_char) == ctx.paragraph - 1]
    if not prev:
        return None
    cues = [t for t in prev[-1] if is_cue(t) and ctx.outside(t) and (
        t.dep_ in ("ROOT", "conj", "advcl", "ccomp") or _said_by_relative(t))]
    reported = cues
    cues = _outermost(ctx, cues)
    # "According to the ministry, 60 people crossed today." then the ministry's words; "According to Zelensky, the
    # number … may be higher than previously reported.": what the sentence reports is his, verbs inside it too
    source = next((c for t in prev[-1] if t.lower_ == "according" and ctx.outside(t)
                   for to in t.children if to.lower_ == "to" for c in to.children if c.dep_ == "pobj"), None)
    if source is not None and not ctx.memory.is_media(source.text) and (not cues or all(c.head.i != c.i for c in cues)):
        return Candidate("previous_cue", Phrase.of(source))
    if not cues:
        return None  # ("According to Reuters, …": the agency reports the words, it does not say them)
    # the outer verb has no subject the parse can find ("Kyivpost.com reports that …, X, said"): the verb inside it
    for cue in [cues[-1]] + [t for t in reversed(reported) if t not in cues]:
        phrase = _speaker_phrase(ctx, cue)
        if phrase is not None:
            return Candidate("previous_cue", phrase, cue=cue)
    return None


def _without_relatives(ctx: QuoteContext, people: list) -> list:
    """'Olha Viazenko came to New Zealand … along with her husband Oleksii Ikonnikov': the one person
    the paragraph is about, and the relatives it names beside them (who are not the subject)."""
    subjects = {id(m.entity) for m in people if m.is_subject}
    if len(subjects) != 1:
        return people
    def relative(m) -> bool:
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        root = span.root if span is not None else None
        return root is not None and root.dep_ in ("appos", "compound") and root.head.lemma_.lower() in RELATIVES
    # (nor a lone word the NER took for a name, neither subject nor of known gender: "Dunedin events advisor")
    return [m for m in people if id(m.entity) in subjects or not (relative(m) or (m.entity.is_lone_name and m.entity.gender is None))]


def _first_of_a_pair(ctx: QuoteContext, people: list) -> list:
    """'Prime Minister Edi Rama and the Minister …, Olta Xhaçka, in a press conference spoke about …':
    two people who act together; the words that follow go to the first named (as a joint quote does)."""
    if len({id(m.entity) for m in people}) != 2:
        return people
    first = people[0]
    span = ctx.doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None or not first.is_subject:
        return people
    if not any(c.dep_ == "conj" for c in span.root.children):
        return people
    # the second in the coordination, or set beside it (the parse hangs "…, Olta Xhaçka," on the first name)
    partners = {t.i for c in span.root.children if c.dep_ in ("conj", "appos") for t in c.subtree}
    second = [m for m in people if m.entity is not first.entity]
    if all(any(t.i in partners for t in ctx.doc.char_span(m.start, m.end, alignment_mode="expand") or []) for m in second):
        return [m for m in people if m.entity is first.entity]
    return people


def _unmarked_first_person(ctx: QuoteContext, start: int, end: int) -> bool:
    """A paragraph in the first person with no quotation marks and no one named: someone's words
    whose marks the copy lost."""
    if _ANY_MARK.search(ctx.text[start:end]):
        return False
    return any(t.lower_ in ("i", "we") and t.dep_ in ("nsubj", "nsubjpass") for s in ctx.memory.sentences_between(start, end) for t in s)


def introduced_speaker(ctx: QuoteContext) -> Candidate | None:
    """'Janeth Ababio is one of many African students …' then a paragraph that is only a quote:
    the one person the paragraph before is about, when no one else is named there."""
    if ctx.words < 4 or ctx.text_before_mark().strip() or ctx.cues() or _names_someone_after(ctx):
        return None
    bounds = _previous_line(ctx)
    if bounds is None:
        return None
    prev_start, prev_end = bounds
    first = ctx.doc.char_span(prev_start, prev_end, alignment_mode="expand")
    if first is not None and len(first) and first[0].lower_ in ("his", "her") and _subheading(ctx.text[prev_start:prev_end].strip()):
        # "His message to Andrea Horwath and Steven Del Duca" heading a quote in a list of someone's remarks: his
        return Candidate("introduced_speaker", Phrase.of(first[0]))
    people = _people_between(ctx, prev_start, prev_end)
    if not people and _unmarked_first_person(ctx, prev_start, prev_end):
        # "We have our loved ones at the centre of the war." (her words, their marks lost): the paragraph before it
        bounds = _line_before(ctx.text, prev_start)
        if bounds is None:
            return None
        prev_start, prev_end = bounds
        people = _people_between(ctx, prev_start, prev_end)
    people = _not_spoken_of(ctx, _first_of_a_pair(ctx, _without_relatives(ctx, people)))
    if not people or not any(m.is_subject for m in people):
        # "She was pleased to see so many turned out.", "This comes as he briefs his party on talks
        # with the DA's John Steenhuisen.": the paragraph's subject pronoun, over a name it only mentions
        return _subject_pronoun_of(ctx, prev_start, prev_end, not_of=people) or _the_one_named(ctx, people, prev_end)
    return _the_one_named(ctx, people, prev_end)


def _subject_pronoun_of(ctx: QuoteContext, start: int, end: int, not_of: list) -> Candidate | None:
    """The first subject 'he' or 'she' of a paragraph, where it is someone other than the people it names."""
    subject = next((t for s in ctx.memory.sentences_between(start, end) for t in s
                    if t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass") and not ctx.memory.in_quote(t.idx)), None)
    entity = ctx.memory.resolve_pronoun(subject) if subject is not None else None
    if entity is None or entity.is_lone_name or any(m.entity is entity for m in not_of):
        return None
    return Candidate("introduced_speaker", Phrase.of(subject))


def _the_one_named(ctx: QuoteContext, people: list, prev_end: int) -> Candidate | None:
    """The one person a paragraph names, when it is about them."""
    if len({id(m.entity) for m in people}) != 1 or (people[0].entity.is_lone_name and people[0].entity.gender is None):
        return None
    m = people[0]
    # the paragraph is about them: they act in it, or acted in the paragraphs just before
    # ("Taoiseach Micheál Martin has said …" … "with Micheál Martin expecting many more arrivals.")
    earlier = ctx.memory.line_start_of(max(0, ctx.paragraph - 3))
    if not any(o.is_subject and o.entity is m.entity for o in ctx.memory.mentions_between(earlier, prev_end)):
        return None
    return Candidate("introduced_speaker", Phrase.of(span=ctx.doc.char_span(m.start, m.end, alignment_mode="expand")))


def _not_spoken_of(ctx: QuoteContext, people: list) -> list:
    """'Basil has also worked with businessman Don Bryden … Don worked with the team' then '“… Basil
    spoke to me and we've worked with the team …”': of two people, the one the quote speaks of in
    the third person is not its speaker."""
    ids = {id(m.entity) for m in people}
    if len(ids) != 2:
        return people
    words = set(re.findall(r"[^\W\d_][\w'’-]*", ctx.text[ctx.span.start : ctx.span.end]))
    spoken_of = {id(m.entity) for m in people if words & {w for w in m.entity.actor.name.split() if w[:1].isupper()}}
    return [m for m in people if id(m.entity) not in spoken_of] if len(spoken_of) == 1 else people


def opening_quote(ctx: QuoteContext) -> Candidate | None:
    """'“We have had 180,000 refugees in 10 days.”' opening a feature before anyone is named, then
    'In the packed station, mayor Wojciech Bakun is both proud …': the words of the one person the
    next paragraph's first sentence has as its subject."""
    if ctx.text_before_mark().strip() or ctx.cues():
        return None
    signed = _name_line_after(ctx)
    if signed is not None:
        return signed
    if ctx.words < 4 or _people_between(ctx, 0, ctx.span.start):
        return None
    start = _next_paragraph_after(ctx)
    if start is None:
        return None
    sent = ctx.memory.sents[ctx.memory.sentence_index(start)]
    people = _people_between(ctx, sent.start_char, sent.end_char)
    if len({id(m.entity) for m in people}) != 1 or people[0].entity.is_lone_name or not any(m.is_subject for m in people):
        return None
    m = people[0]
    return Candidate("opening_quote", Phrase.of(span=ctx.doc.char_span(m.start, m.end, alignment_mode="expand")))


_NAME_LINE = re.compile(r"\s*(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+\s*")


def _name_line_after(ctx: QuoteContext) -> Candidate | None:
    """A pull quote alone on its line, then a line that is only the name of someone the article
    names: '“It's a deeply emotional moment.”' / 'Nazarii Lialiuk' — the words are signed."""
    start = _next_paragraph_after(ctx)
    if start is None or ctx.text[ctx.span.end + 1 : ctx.text.find("\n", ctx.span.end)].strip():
        return None  # (only the closing mark after the words: the quote is the whole line)
    end = ctx.text.find("\n", start)
    line = ctx.text[start : end if end >= 0 else len(ctx.text)]
    if not _NAME_LINE.fullmatch(line):
        return None
    entity = ctx.memory.person_named(line.strip(), start)
    if entity is None or not entity.is_person or entity.is_lone_name:
        return None
    return _named(ctx, "opening_quote", line.strip(), start)


def _people_between(ctx: QuoteContext, start: int, end: int) -> list:
    """The mentions of people between two offsets, outside quotations."""
    return [m for m in ctx.memory.mentions_between(start, end) if m.entity.is_person and not m.in_quote]


def _next_paragraph_after(ctx: QuoteContext) -> int | None:
    """Where the next paragraph starts, when nothing but closing marks and punctuation follows the
    quote on its line (a quote-only paragraph)."""
    line_end = ctx.text.find("\n", ctx.span.end)
    if line_end < 0 or ctx.text[ctx.span.end : line_end].strip(" \"”’'».,!?"):
        return None
    nxt = _NON_SPACE.search(ctx.text, line_end)  # (no copy of the rest of the text)
    if nxt is None or ctx.memory.paragraph_at(nxt.start()) != ctx.paragraph + 1:
        return None
    return nxt.start()


_NON_SPACE = re.compile(r"\S")
_ANY_MARK = re.compile(r"[“”\"‘’«»„]")
_THIS_WORDS = {"this", "that", "so", "these", "those", "words", "remarks", "statement"}


def following_cue(ctx: QuoteContext) -> Candidate | None:
    """A quote-only paragraph, then 'He stated this on state television' opening the next one: the
    speaker of the reporting verb whose object points back at the quote."""
    start = _next_paragraph_after(ctx) if not ctx.cues() and _nothing_before(ctx, ctx.line_start) else None
    if start is None and _nothing_before(ctx, max(ctx.line_start, ctx.memory.sents[ctx.memory.sentence_index(ctx.span.start)].start_char)):
        start = _next_sentence_after(ctx)
    if start is None and not ctx.cues():
        return _announced_next(ctx)
    if start is None:
        return None
    sent = ctx.memory.sents[ctx.memory.sentence_index(start)]
    if sent.start_char != start and ctx.memory.paragraph_at(start) != ctx.paragraph:
        return None
    opening = ctx.doc.char_span(start, sent.end_char, alignment_mode="expand")  # (the parse may not split "…”. This was …")
    if opening is None:
        return None
    for t in list(opening)[:8]:
        if is_cue(t) and ctx.outside(t) and any(c.dep_ in ("dobj", "obj", "ccomp", "advmod", "nsubjpass") and c.lower_ in _THIS_WORDS
                                                for c in t.children):  # ("Those words were spoken by Vitalii Tarasiuk, …")
            phrase = _speaker_phrase(ctx, t)
            return Candidate("following_cue", phrase, cue=t) if phrase is not None else None
    words_of = _WORDS_OF.match(ctx.text, start)
    if words_of is not None:  # "These are the words of Belarusian President Alexander Lukashenko on the day …"
        first = ctx.doc.char_span(words_of.end(), words_of.end() + 1, alignment_mode="expand")
        owner = _pobj_head(first.root) if first is not None else None
        if owner is not None and owner.head.lower_ == "of":
            return Candidate("following_cue", Phrase.of(owner))
    return None


# "(ANSA) – BRUSSELS, FEBRUARY 04 –": a dateline in capitals the text layer left in place
_CAPITALS_DATELINE = re.compile(r"^[A-Z0-9()/.,'’ ]+\s[–—:-]$|^(?:\([A-Z]+\)\s*[–—-]\s*)?[A-Z0-9()/.,'’ ]+[–—:-]$")
_WORDS_OF = re.compile(r"(?:These|Those|Such|This|That|It)\s+(?:are|were|is|was)\s+the\s+(?:words|remarks|message|"
                       r"assessment|view|verdict|warning|position)\s+of\s+")


def _pobj_head(token: Token) -> Token:
    """The head noun of the phrase `token` begins: the object of "of"."""
    while token.dep_ in ("compound", "amod", "det", "nmod", "poss") and token.head.i > token.i:
        token = token.head
    return token


_THIS_WAS = re.compile(r"(?:This|That|These|Those|It)\s+(?:was|were|has been|had been)\s+(?:\w+ly\s+)?(?P<verb>[a-z]+ed|said|told|written)\s+by\b")


def _announced_next(ctx: QuoteContext) -> Candidate | None:
    """'The settlements of the Kherson region … "are on the verge of destruction." …' then a paragraph opening
    'This was announced by the head of the Kherson regional military administration X': a paragraph with no
    reporting verb of its own, reported by the next one's passive ("translated" agency style)."""
    line_end = ctx.text.find("\n", ctx.span.end)
    if line_end < 0:
        return None
    para = ctx.memory.paragraph_at(ctx.span.start)
    if any(is_cue(t) and ctx.outside(t) for s in ctx.memory.sentences_between(ctx.line_start, line_end) for t in s):
        return None
    nxt = _NON_SPACE.search(ctx.text, line_end)
    if nxt is None or ctx.memory.paragraph_at(nxt.start()) != para + 1:
        return None
    m = _THIS_WAS.match(ctx.text, nxt.start())
    if m is None:
        return None
    verb = ctx.doc.char_span(m.start("verb"), m.end("verb"), alignment_mode="expand")
    if verb is None or not is_cue(verb.root):
        return None
    phrase = _speaker_phrase(ctx, verb.root)
    return Candidate("following_cue", phrase, cue=verb.root) if phrase is not None else None


def _nothing_before(ctx: QuoteContext, start: int) -> bool:
    """Nothing but the opening mark, a crawler's date or a dateline between `start` and the quote."""
    before = CRAWLER_HEADER.sub("", ctx.text[start : max(start, ctx.span.start - 1)]).strip()
    return not before or _CAPITALS_DATELINE.match(before) is not None


def _next_sentence_after(ctx: QuoteContext) -> int | None:
    """Where the next sentence of the paragraph starts, when the quote is a sentence of its own
    ("“…, this is very clear”. This was stated by …")."""
    memory = ctx.memory  # (the caller has checked that nothing but a dateline comes before the quote in its sentence)
    nxt = _NON_SPACE.search(ctx.text, ctx.span.end)
    while nxt is not None and ctx.text[nxt.start()] in "\"”’'».,!?“":
        nxt = _NON_SPACE.search(ctx.text, nxt.start() + 1)
    if nxt is None or memory.paragraph_at(nxt.start()) != ctx.paragraph or not ctx.text[nxt.start()].isupper() \
            or any(t.idx < nxt.start() for t in ctx.cues()):
        return None
    return nxt.start()


def nearest_cue(ctx: QuoteContext) -> Candidate | None:
    """A reporting verb of the quote's sentences that the parse did not link to the quote; where
    they have none, the one reporting verb of the quote's paragraph ("If Lavrov is ready, they will
    speak “from diplomat to diplomat.” But …, Kuleba asserted")."""
    if ctx.words <= 3:
        # a short phrase not governed by the verb is a scare quote, unless the sentence ends in the
        # clause that reports it: 'the fish were in a "very poor" state, biologist Jonathan Anticamara told the press.'
        cue = _trailing_reporting_clause(ctx)
        phrase = _speaker_phrase(ctx, cue) if cue is not None else None
        return Candidate("nearest_cue", phrase, cue=cue) if phrase is not None else None
    cues = [t for t in ctx.cues() if not any(q in ctx.tokens for q in [t.i])]
    if not cues:
        line_end = ctx.text.find("\n", ctx.span.end)
        paragraph = ctx.memory.sentences_between(ctx.line_start, line_end if line_end >= 0 else len(ctx.text))
        cues = [t for s in paragraph for t in s if is_cue(t) and ctx.outside(t) and t.dep_ in ("ROOT", "conj", "ccomp")]
        cues = _outermost(ctx, cues) if cues else cues  # "he said they believe in balanced relations. “…”": who said it
        earlier = [t for t in cues if t.idx < ctx.span.start]
        if earlier:  # "She said NATO was no threat. “So it is Russia who must de-escalate.”": the verb just before
            cues = earlier[-1:]
        speakers = {(_speaker_phrase(ctx, t).text if _speaker_phrase(ctx, t) else None) for t in cues}
        if len(speakers) != 1:
            return None
    governed = [t for t in cues if any(ctx.doc[i] in t.ancestors for i in ctx.tokens)]
    pool = [t for t in cues if t not in governed] or cues
    if not pool:
        return None
    cue = min(pool, key=lambda t: min(abs(t.idx - ctx.span.start), abs(t.idx - ctx.span.end)))
    phrase = _speaker_phrase(ctx, cue)
    return Candidate("nearest_cue", phrase, cue=cue) if phrase is not None else None


def _trailing_reporting_clause(ctx: QuoteContext) -> Token | None:
    """', <title> <name> said/told …' closing the quote's sentence after the quote, however the parse read it:
    its reporting verb, when a person's name ends just before it and no other verb comes after."""
    sent = ctx.memory.sents[ctx.memory.sentence_index(ctx.span.start)]
    doc = ctx.doc
    for t in ctx.cues():
        if not ctx.outside(t) or t.idx < ctx.span.end:
            continue
        commas = [w.i for w in doc[sent.start : t.i] if w.text == "," and w.idx > ctx.span.end]
        if not commas:
            continue
        between = doc[commas[-1] + 1 : t.i]
        tail = [w for w in doc[t.i + 1 : sent.end] if not w.is_punct]
        m = ctx.memory.mention_in(between) if len(between) else None
        if m is None or not m.entity.is_person or doc.char_span(m.start, m.end, alignment_mode="expand").end != t.i:
            continue
        if any(w.pos_ in ("VERB", "AUX") for w in list(between) + tail) or len(tail) > 6:
            continue
        return t
    return None


def loose(ctx: QuoteContext) -> Candidate | None:
    """A long quote in a sentence that names one person outside the marks and no one else."""
    if ctx.words < 6:
        return None
    people = [e for s in ctx.window for e in entities_in(s) if e.label_ == "PERSON" and ctx.outside(e.root)]
    if len({e.text for e in people}) != 1:
        return None
    return Candidate("loose", Phrase.of(people[0].root))


def last_speaker(ctx: QuoteContext) -> Candidate | None:
    """The last resort: a quote of some length no sieve could place, in a paragraph that names no
    one else, goes to the person quoted last, in this paragraph or the two before."""
    if ctx.words < 4 or _names_someone_after(ctx) or not ctx.history:
        return None
    for earlier in reversed(ctx.history):
        if ctx.memory.paragraphs_between(earlier.paragraph, ctx.paragraph) > 2:
            break
        if earlier.attribution.actor is None:
            continue
        # not across a paragraph about someone else ("Meanwhile, Poland closed a crossing.")
        lo, hi = ctx.memory.line_start_of(earlier.paragraph + 1), ctx.line_start
        speaker = earlier.attribution.actor.actor_id
        between = [m for m in ctx.memory.mentions_between(lo, hi)
                   if m.is_subject and not m.in_quote and m.entity.actor.actor_id != speaker]
        if any(m.entity.is_person for m in between):
            return None  # someone else spoke or acted since (a body acting between does not stop it:
            # on real articles the words after such a paragraph were still the last speaker's)
        return Candidate("last_speaker", inherited=earlier.attribution)
    return None


QUOTE_SIEVES = (
    headline_speaker, transcript_turn, interjected_cue, governing_cue, according_to, colon_intro, conversation_turn,
    continuation, previous_cue, following_cue, introduced_speaker, opening_quote, nearest_cue, loose, last_speaker,
)
ALL_SIEVES = tuple(s.__name__ for s in QUOTE_SIEVES)


# --- attributing ------------------------------------------------------------------------------

def _resolve(ctx: QuoteContext, cand: Candidate, disabled: frozenset[str]) -> Attribution:
    cue = cand.cue.lemma_.lower() if cand.cue is not None else None
    if cand.inherited is not None:
        prev = cand.inherited
        conf = min(prev.confidence, CONFIDENCE[cand.sieve])
        return Attribution(prev.actor, prev.surface, prev.cue, cand.sieve, prev.speaker_sieve, conf)
    if cand.name is not None:
        body = ctx.memory.acronym(cand.name)  # "DFA: ‘Do not panic’" after "the Department of Foreign Affairs (DFA)"
        entity = ctx.memory.person_named(cand.name, ctx.span.start) if body is None else None
        found = Resolved(entity.actor, cand.name, "name") if entity is not None and not entity.is_lone_name else None
        found = Resolved(body, cand.name, "institution") if body is not None else found
        if found is None:
            from .speakers import organisation_named

            org = organisation_named(ctx.memory, cand.name)
            found = Resolved(org, cand.name, "institution") if org is not None else found
        if found is None and names_a_body(cand.name):  # "Hostages Families Forum demands …": a body no one registered
            found = Resolved(ctx.memory.entity_for(new_actor(cand.name, "organisation")).actor, cand.name, "institution")
        if found is None:
            found = Resolved(None, cand.name, "unresolved")
        return Attribution(found.actor, found.surface, "say", cand.sieve, found.sieve,
                           CONFIDENCE[cand.sieve] * CONFIDENCE.get(found.sieve, 0.5))
    found = resolve_speaker(ctx.memory, cand.phrase, disabled) if cand.phrase is not None else Resolved(None, None, "unresolved")
    found = _the_same_statement(ctx, cand, found)
    found = _first_person_is_a_person(ctx, cand, found)
    found = _the_surname_of_the_last_speaker(ctx, found)
    if found.sieve == "salience" and found.actor is not None and found.actor.actor_type == "person" and re.search(
            rf"\b{re.escape(found.actor.name.split()[-1])}\b", ctx.text[ctx.span.start : ctx.span.end]):
        # "“The death of Hadisur Rahman has left us …,” the state minister said": a guess is never
        # someone the quote itself speaks of
        found = Resolved(None, found.surface, "unresolved")
    conf = CONFIDENCE[cand.sieve] * CONFIDENCE.get(found.sieve, 0.5)
    return Attribution(found.actor, found.surface, cue or ("say" if cand.sieve == "according_to" else None), cand.sieve, found.sieve, conf)


def _the_surname_of_the_last_speaker(ctx: QuoteContext, found: Resolved) -> Resolved:
    """'“…,” Ravindra Kumar told reporters. The media was briefed by Chief Minister Nitish Kumar … “…,” Kumar
    said': a surname two people of the article share is the one of them who was speaking."""
    if found.sieve != "surname" or found.actor is None or not ctx.history:
        return found
    surname = normalise(found.actor.name.split()[-1])
    last = next((a.attribution.actor for a in reversed(ctx.history) if a.attribution.actor is not None), None)
    if last is None or last is found.actor or last.actor_type != "person" or normalise(last.name.split()[-1]) != surname:
        return found
    return Resolved(last, found.surface, found.sieve)


def _the_same_statement(ctx: QuoteContext, cand: Candidate, found: Resolved) -> Resolved:
    """'…, the statement said' again and again: the statement the article already quoted, whose
    speaker the first 'the statement' found, not whichever body was named last."""
    if cand.phrase is None or normalise(cand.phrase.text) not in ("the statement", "the communique", "the readout"):
        return found
    last = ctx.history[-1] if ctx.history else None
    if last is not None and last.span.is_continued and ctx.paragraph - last.paragraph == 1 and last.attribution.actor is not None:
        # a statement quoted over paragraphs ("The head of state announced this: “… ¶ … ,” the statement said"): whoever its
        # first paragraph was found to be by
        return Resolved(last.attribution.actor, found.surface, last.attribution.speaker_sieve)
    for earlier in reversed(ctx.history):
        a = earlier.attribution
        if a.actor is not None and a.surface is not None and normalise(a.surface) == normalise(cand.phrase.text):
            return Resolved(a.actor, found.surface, a.speaker_sieve)
    return found


def _first_person_is_a_person(ctx: QuoteContext, cand: Candidate, found: Resolved) -> Resolved:
    """'No decisions were made by me': words in the first person singular are a person's. When the
    phrase resolved to a body, the person of that body's country the article is about speaks."""
    if found.actor is None or found.actor.actor_type == "person" or cand.phrase is None:
        return found
    if found.sieve == "spokesperson" and cand.phrase.head.lemma_.lower() in SPOKES_NOUNS:
        return found  # "his press secretary told reporters: “I think …”": a spokesperson's I speaks for the office
    quote = ctx.text[ctx.span.start : ctx.span.end]
    if not _FIRST_PERSON.search(quote) or found.actor.country_code is None:
        return found
    person = ctx.memory.salient_person(cand.phrase.head.idx, country=found.actor.country_code, same_sentence_subjects_only=False)
    if person is None:
        return found
    return Resolved(person.actor, found.surface, "role")


def _acts_on_its_own_object(sent: Span) -> bool:
    """'“… going to have any effect.” Father Simon Ckuj thanked attendees for their support': after a
    quote its full stop ended, a sentence whose thanks, praise or welcome has an object of its own
    is about that object, not the words before it."""
    return any(CUE_VERBS.get(t.lemma_.lower()) == "support" and any(c.dep_ in ("dobj", "obj") for c in t.children)
               for t in sent if t.dep_ == "ROOT")


def _window(text: str, sents: list[Span], q: QuoteSpan, memory: ArticleMemory, para: int) -> list[Span]:
    """The sentences a quote's attribution can come from: those it overlaps in its paragraph, and
    the one right after its closing mark ('“…?” Rosenberg asked.' split off by the question mark)."""
    near = memory.sentences_between(q.start - 1, q.end + 2)
    window = [s for s in near if memory.paragraph_at(s.start_char) == para]
    if not window:
        return near
    first = memory.sentence_index(window[0].start_char)
    if first > 0 and text[window[0].start_char : window[0].start_char + 1].islower():
        window.insert(0, sents[first - 1])  # print copy broken mid-sentence: "…the greatest act of\n\nhostility “…”"
    after = memory.sentence_index(window[-1].start_char) + 1
    if after < len(sents):
        nxt = sents[after]
        gap = text[q.end : nxt.start_char]
        if (len(gap) <= 4 and not gap.strip(" \"”’'»,") and memory.paragraph_at(nxt.start_char) == para
                and not (text[q.end - 1 : q.end] == "." and _acts_on_its_own_object(nxt))):
            window.append(nxt)
        elif not gap.strip(" \"”’'»,.!?\n") and text[nxt.start_char : nxt.start_char + 1] in "-–—" and len(nxt.text.split()) <= 8:
            window.append(nxt)  # the interview style's "- Lukashenka said." on a line of its own
    return window


def attribute_quotes(doc: Doc, spans: list[QuoteSpan], memory: ArticleMemory,
                     title_span: tuple[int, int] | None = None,
                     disabled: frozenset[str] = frozenset()) -> list[Attributed]:
    """Attribute every quote span, in reading order, by the first sieve that finds its speaker."""
    index = memory.quotes
    sents = sentences(doc)
    text = memory.text
    out: list[Attributed] = []
    for q in sorted(spans, key=lambda s: s.start):
        para = memory.paragraph_at(q.start)
        window = _window(text, sents, q, memory, para)
        span_tokens = doc.char_span(q.start, q.end, alignment_mode="expand")
        tokens = frozenset(t.i for t in span_tokens) if span_tokens is not None else frozenset()
        line_start = text.rfind("\n", 0, q.start) + 1
        ctx = QuoteContext(q, doc, memory, index, window, tokens, para, line_start, title_span, out, text)
        attribution, cand = None, None
        # "Read more: ‘They're ready to kill Russians’ says …": another story's headline, no one's words here
        linked = _LINK_LABEL.search(text, max(line_start, q.start - 30), max(line_start, q.start - 1)) is not None
        for sieve in () if linked else QUOTE_SIEVES:
            if sieve.__name__ in disabled:
                continue
            cand = sieve(ctx)
            if cand is None:
                continue
            attribution = _resolve(ctx, cand, disabled)
            break
        if attribution is not None and attribution.actor is None and attribution.speaker_sieve == "pronoun" \
                and "continuation" not in disabled and (carried := continuation(ctx)) is not None:
            # '“… local charitable projects,” they said.' closing a quote over paragraphs, "they" out of
            # the memory's reach: the speaker of the quote it carries on
            cand, attribution = carried, _resolve(ctx, carried, disabled)
        if attribution is None:
            attribution = Attribution(None, None, None, "none", "unresolved", 0.1)
        if attribution.actor is not None and cand is not None and cand.phrase is not None:
            entity = memory.entity_for(attribution.actor)
            memory.note(entity, cand.phrase.span.start_char, cand.phrase.span.end_char, "speaker")
        out.append(Attributed(q, attribution, para))
    return _speaker_at_the_close(out, text)


# Sieves that take a speaker from outside the quote's paragraph: the attribution where a quote
# carried over paragraphs closes is better evidence.
_GUESSES = frozenset({"previous_cue", "last_speaker", "loose"})


def _speaker_at_the_close(out: list[Attributed], text: str) -> list[Attributed]:
    """'„There is an increase …' (no closing mark) then '… division,“ Mr Liubajevas said', or
    '“I would like to thank Kenya …' then '“Most of you heard …,” the Ambassador remarked.': a
    quote carried over paragraphs and attributed where it closes is that speaker's from its first."""
    def goes_on(k: int) -> bool:  # quote k is the next paragraph of the quote before it
        q = out[k].span
        opens_line = not text[text.rfind("\n", 0, q.start) + 1 : max(0, q.start - 1)].strip()
        return out[k - 1].span.is_continued and out[k].paragraph == out[k - 1].paragraph + 1 and (q.kind == "carried" or opens_line)

    def guessed(a: Attribution) -> bool:  # no speaker, or one guessed from outside the quote's own paragraphs
        return a.actor is None or a.mention_sieve in _GUESSES

    for i, first in enumerate(out):
        if not guessed(first.attribution) or not first.span.is_continued:
            continue
        j = i + 1
        while j < len(out) and goes_on(j) and out[j].span.is_continued:
            j += 1  # the paragraphs between
        if j >= len(out) or not goes_on(j) or out[j].attribution.actor is None or \
                out[j].attribution.mention_sieve not in ("governing_cue", "nearest_cue", "according_to"):
            continue
        close = out[j].attribution
        for k in range(i, j):
            a = out[k].attribution
            if (guessed(a) or a.mention_sieve == "continuation") and a.actor != close.actor:
                out[k] = Attributed(out[k].span, dataclasses.replace(close, mention_sieve="continuation",
                                                                     confidence=min(close.confidence, CONFIDENCE["continuation"])),
                                    out[k].paragraph)
    return out
