"""Reporting verbs ("cues") and the syntax around them: which verbs report speech, what speech
act each is, and who the verb's speaker phrase is in the parse.

These are facts of English, shared by the quote sieves (`attribution`) and the events (`events`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .nlp import sentence_at

# Lemma -> the speech act (an event type) it performs.
CUE_VERBS = {
    **dict.fromkeys((
        "say", "tell", "add", "write", "state", "note", "explain", "comment", "remark", "reply", "respond", "stress",
        "insist", "argue", "claim", "describe", "conclude", "recall", "suggest", "believe", "acknowledge", "admit",
        "agree", "predict", "underline", "emphasise", "emphasize", "tweet", "post", "speak", "quote", "answer",
        "continue", "put", "joke", "quip", "muse", "boast", "brag", "gush", "confess", "concede", "observe",
        "recount", "cite", "shout", "chant", "yell", "scream", "cry", "whisper", "assert", "maintain", "reiterate", "read", "assure",
        "reassure", "inform", "retort", "counter", "contend", "testify", "express", "voice", "characterise",
        "characterize", "forecast", "clarify", "elaborate", "affirm", "reaffirm", "highlight", "point", "go",
        "sum", "interject", "chime", "call", "underscore", "exclaim", "remind", "hint", "proclaim", "signal", "indicate", "mention",
        "dub", "term", "share", "apologise", "apologize", "mark", "refer",
    ), "statement"),
    **dict.fromkeys(("fume", "blast", "rage", "rant", "thunder", "snap", "sneer", "mock", "scoff", "hit", "lash",
                     "attack", "condemn", "criticise", "criticize", "denounce", "brand", "slam", "label", "lament",
                     "complain", "decry", "deplore", "rail", "bemoan", "fulminate"), "condemnation"),
    **dict.fromkeys(("warn", "caution"), "warning"),
    **dict.fromkeys(("threaten", "vow"), "threat"),
    **dict.fromkeys(("accuse", "blame", "allege", "charge"), "accusation"),
    **dict.fromkeys(("deny", "reject", "dismiss", "refute"), "denial"),
    **dict.fromkeys(("urge", "appeal", "ask", "demand", "implore", "plead", "press", "beg", "instruct", "order"), "appeal"),
    **dict.fromkeys(("announce", "declare", "confirm", "pledge", "promise", "report", "reveal"), "announcement"),
    **dict.fromkeys(("hail", "praise", "welcome", "thank"), "support"),
}
CUE_VERBS["call"] = "appeal"  # "called on/for"; "called the talks 'frank'" is checked by `is_cue`
# Verbs of a stance that report a view in a clause of its own: "The NATO chief expects that allies agree a
# package to “bring Ukraine closer”" quotes the subject's words (only with a finite "that" clause: "expects
# him to say" is words not yet said).
_STANCE = {"expect", "hope", "think", "trust"}  # (not "fear": "Lithuania fears that … “little green men”" is the writer's)

# Verbs that report speech only with one of these particles or objects ("call on", "point out").
_NEEDS_PARTICLE = {
    "call": ("on", "for"), "put": ("it",), "press": ("for",), "hit": ("back", "out"), "lash": ("out",),
    "read": ("statement",), "attack": (), "rail": ("against", "at"), "point": ("out",), "go": ("on",), "sum": ("up",), "chime": ("in",),
    "refer": ("as",),  # "referred to the report as a “lie”" (not "referred the case to a court")
}
_QUOTING = ("quote", "report", "cite")  # "X quoted / reported / cited Y as saying"
# Verbs that report speech with a clause or a quote, and mean something else with a noun object.
_NO_NOUN_OBJECT = {"maintain", "continue", "hold", "share", "mark"}  # ("He also shared: “…”", not "shared the news")
# Verbs whose infinitive complement says what is not (yet) said: "expects him to say", "refused to comment".
_UNSAID_YET = {"expect", "want", "hope", "wish", "intend", "plan", "refuse", "decline", "need", "like", "prefer"}
_LIGHT_VERBS = {"make", "issue", "release", "deliver", "give", "publish", "send", "put", "repeat", "renew"}
_SPEECH_NOUNS = {"statement", "remark", "comment", "speech", "address", "announcement", "declaration", "appeal",
                 "warning", "message", "tweet", "post", "communique", "pledge", "promise", "vow"}  # ("repeated a pledge to …")
# Nouns that can be the subject of "the statement read: …".
WRITTEN_NOUNS = {"statement", "message", "letter", "post", "tweet", "note", "text", "communique", "release", "sheet", "document", "memo",
                 "leaflet", "flyer", "sms", "email", "appeal", "greeting", "telegram", "warning", "alert",
                 "report", "readout", "resolution", "declaration", "notice", "order", "decree", "caption", "banner", "sign"}
# "X prompted Y to warn": the speaker is the object of these verbs.
_OBJECT_CONTROL = {"prompt", "lead", "cause", "force", "push", "spur", "provoke", "invite", "encourage", "ask", "get", "move"}
_CLOSERS = {"”", '"', "’", "'", "»"}


def speech_act(lemma: str | None) -> str:
    """The event type a reporting verb performs ('warn' -> warning); plain 'statement' otherwise."""
    return CUE_VERBS.get(lemma or "", "statement")


def _mistagged_after_a_quote(token: Token) -> bool:
    """'said' a few words after a closing quotation mark, not 'the said agreement'."""
    doc = token.doc
    before = doc[max(0, token.i - 8) : token.i]
    return (any(t.text in _CLOSERS for t in before) and doc[token.i - 1].lower_ not in ("the", "a", "this", "that")
            and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("NOUN", "PROPN") and doc[token.i + 1].text[:1].islower()))


def _after_the_words(token: Token) -> bool:
    """The verb comes straight after a quote's closing mark (and its comma): '“…,” read the leaflet'."""
    doc = token.doc
    before = [t for t in doc[max(0, token.i - 3) : token.i] if not t.is_space]
    return any(t.text in _CLOSERS for t in before[-2:])


def is_cue(token: Token, quote_tokens: frozenset[int] | set[int] = frozenset()) -> bool:
    """Does this verb report speech? `quote_tokens` (token indices of a quote) lets "call" count when
    it characterises with the quote ("called the talks “frank”") rather than only as "call on/for"."""
    lemma = token.lemma_.lower()
    if lemma in _STANCE:
        return token.pos_ == "VERB" and any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                                            for c in token.children)
    if lemma not in CUE_VERBS and lemma not in _LIGHT_VERBS and token.lower_ not in ("said", "says"):
        return False  # most tokens: every rule below needs one of these words (and this runs on every token)
    if token.lower_ in ("said", "says") and token.pos_ in ("NOUN", "ADJ", "PROPN") and _mistagged_after_a_quote(token):
        return True  # '“…,” the bulky 46-year-old said, surrounded by crowds': the tagger's noun is the verb
    if any((c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "will", "shall", "'ll", "’ll", "wo"))
           or (c.dep_ == "mark" and c.lower_ in ("if", "unless")) for c in token.children):
        # "they would speak 'from diplomat to diplomat'", "if Minsk agrees": a hypothesis reports no
        # words; nor does a future ("he said Russia will insist on 'concrete agreements'")
        return False
    head = token.head
    if token.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in _UNSAID_YET and (
            token.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)):
        return False  # "I expect the president to say ‘…’", "he refused to say": words no one has said
    if (token.dep_ == "xcomp" or token.tag_ == "VBG") and head.lemma_ == "be" and any(
            c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in head.children):
        return False  # "It is important to note that …", "It is worth noting": no one reports anything
    if lemma == "make" and any(c.lower_ in ("known", "clear", "plain") for c in token.children):
        return True  # "Tijanovskaya makes known, “…”", "Takaichi made it clear that she would “…”"
    if lemma in _LIGHT_VERBS and token.pos_ in ("VERB", "AUX"):
        # "made the following statement:", "issued a statement", "gave a speech"
        return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _SPEECH_NOUNS for c in token.children)
    if lemma not in CUE_VERBS or token.pos_ not in ("VERB", "AUX"):
        return False
    need = _NEEDS_PARTICLE.get(lemma)
    if lemma in _NO_NOUN_OBJECT and any(c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN") for c in token.children):
        return False  # "Israel maintains “deep … relations”", "Russia continued its offensive": no speech
    if need is None:
        return True
    if lemma == "read":  # "the statement read"; inverted after the words, "“…,” read the statement"
        return any((c.dep_ == "nsubj" or (c.dep_ in ("dobj", "obj") and c.i > token.i and _after_the_words(token)))
                   and c.lemma_.lower() in WRITTEN_NOUNS for c in token.children)
    if any(c.lower_ in need for c in token.children):
        return True
    if lemma == "refer":  # "referred to the proposal as a “giveaway”", the parse hanging "as" on the object
        return any(o.dep_ == "pobj" and any(a.lower_ == "as" for a in o.children) for c in token.children if c.lower_ == "to" for o in c.children)
    if lemma == "call" and quote_tokens:
        return any(c.dep_ in ("dobj", "oprd", "ccomp", "xcomp") for c in token.children) and any(
            t.i in quote_tokens for t in token.subtree if t.i != token.i
        )
    return False


def passive_agent(verb: Token) -> Token | None | bool:
    """For a passive verb ("was told by X", "is believed"), the agent X or None; False when the
    verb is not passive. The subject of a passive reporting verb is what was said or whom it was
    said to, never the speaker — except of "quoted" and "cited", whose subject is the person quoted
    ("Fajon was quoted as saying by the Foreign Ministry", "Kotin was cited by Interfax")."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    if verb.lemma_.lower() in ("quote", "cite"):
        quoted = [c for c in verb.children if c.dep_ == "nsubjpass"]
        return quoted[0] if quoted else None
    agent = [c for c in verb.children if c.dep_ == "agent"]
    pobj = [c for c in agent[0].children if c.dep_ == "pobj"] if agent else []
    return pobj[0] if pobj else None


def own_subject(node: Token) -> Token | None:
    """The verb's own subject (the one nearest before it), or the agent of a passive."""
    subs = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if subs:
        before = [c for c in subs if c.i < node.i]
        return before[-1] if before else subs[0]
    agent = [c for c in node.children if c.dep_ == "agent"]
    pobj = [c for c in agent[0].children if c.dep_ == "pobj"] if agent else []
    return pobj[0] if pobj else None


def subject_of(verb: Token) -> Token | None:
    """The speaker token of a reporting verb.

    A participle or infinitive ("adding", "writing:", "is expected to say") takes the subject
    of the reporting verb it hangs from; "X prompted Y to warn" makes Y the speaker; "X quoted Y
    as saying" makes Y the speaker; "X said A and added B" makes X the speaker.
    """
    lemma = verb.lemma_.lower()
    if lemma in _QUOTING and (lemma == "quote" or any(c.lower_ == "as" and any(g.lower_ == "saying" for g in c.children)
                                                      for c in verb.children)):
        objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        if objs:  # "“…,” the agency quotes him as saying", "KAN News reported Zelensky as saying", "“…,” the portal quotes the mayor"
            return objs[0]
    own = own_subject(verb)
    if own is not None and not _object_taken_for_subject(verb, own):
        return own
    if verb.lower_ == "saying":
        quoted = next((a for a in list(verb.ancestors)[:3] if a.lemma_.lower() in _QUOTING), None)
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
        if is_cue(a) and own_subject(a) is not None:
            return own_subject(a)
    # A participle (", calling it …", ", adding …") speaks with the subject of the clause it
    # hangs from, not with a passive agent or a noun's modifier on the way ("the decision, first
    # made by the U.S., …, calling it").
    for a in ancestors:
        if a.dep_ in ("acl", "relcl", "amod") or a.pos_ not in ("VERB", "AUX"):
            continue
        if a.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in a.children):
            continue  # nor the subject of what was reported: "He vowed that the country will not give in, saying …"
        subs = [c for c in a.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subs:
            before = [c for c in subs if c.i < a.i]
            return before[-1] if before else subs[0]
    for a in ancestors:
        if a.dep_ in ("acl", "relcl") and own_subject(a) is not None and not any(c.dep_ == "nsubj" for c in a.children):
            continue  # "the forces led by X": X leads the forces, and says nothing
        if own_subject(a) is not None:
            return own_subject(a)
    return None


def _object_taken_for_subject(verb: Token, subj: Token) -> bool:
    """'The ministry acknowledged the swap saying: “…”': the parse made the head verb's object the
    participle's subject; a participle right after that object speaks for the head verb's subject."""
    head = verb.head
    return (verb.tag_ == "VBG" and verb.dep_ in ("ccomp", "xcomp", "advcl") and head.i != verb.i
            and subj.pos_ == "NOUN" and subj.i < verb.i and head.i < subj.i
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i for c in head.children))


def noun_phrase(token: Token) -> Span:
    """The noun phrase a token heads, without relative clauses and trailing verbs."""
    doc = token.doc
    left = token.left_edge.i  # (the subtree's edges, which spaCy keeps: no walk over the subtrees)
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "nmod", "appos", "prep", "poss", "amod", "punct", "cc", "conj", "case"):
            if child.dep_ == "punct" and child.text not in ("'s", "’s"):
                continue
            right = max(right, child.right_edge.i)
    return doc[left : right + 1]


def adjacent_speaker(cue: Token) -> Span | None:
    """The speaker phrase next to a reporting verb that follows a quote, read off the words
    rather than the parse: '“…,” the Council, representing …, said' / '“…,” said Mr X'."""
    doc = cue.doc
    sent = sentence_at(doc, cue.idx)
    i = cue.i - 1
    while i >= sent.start and doc[i].text not in _CLOSERS:
        i -= 1
    if i < sent.start:
        if not (cue.i == sent.start and cue.i > 0 and doc[cue.i - 1].text in _CLOSERS):
            return None
        i = cue.i - 1  # '“… with that?” Asked the Kremlin chief.': the question mark split the sentence
    left = doc[i + 1 : cue.i]
    toks = list(left)
    while toks and toks[0].is_punct:
        toks.pop(0)  # '”, - said PM Rama': the comma and a dash before the verb
    if toks:
        phrase = doc[toks[0].i : toks[-1].i + 1]
        cut = next((t.i for t in phrase if t.text == ","), None)
        if cut is not None:
            phrase = doc[phrase.start : cut]
        while len(phrase) and phrase[-1].pos_ in ("AUX", "ADV", "PART"):
            phrase = doc[phrase.start : phrase.end - 1]
        if 0 < len(phrase) <= 12 and not (phrase[0].lower_ == "to" or phrase.root.pos_ in ("VERB", "AUX")):
            return phrase  # (not '"…" to bring the plan into reality, Hayashi, … told': a clause, no speaker)
    if cue.i - i <= 2 or all(t.is_punct for t in left):  # inverted: '“…,” said Mr X.', '“…”, - said PM Rama'
        right = []
        for t in doc[cue.i + 1 : sent.end]:
            if t.is_punct or t.dep_ == "prep" or t.pos_ in ("ADP", "VERB", "SCONJ"):
                break
            right.append(t)
        if right:
            return doc[right[0].i : right[-1].i + 1]
    return None
