"""Quotes and speakers: each row is one rule of news English, written as input → expected."""

import pytest

from dashboard.pipeline.build import process
from dashboard.pipeline.config import load_settings
from dashboard.pipeline.quotes import find_quote_spans


def quotes_of(text: str, date: str = "2021-11-14"):
    body = f" date {date}\nHeadline for a test article here\n\n{text}\n"
    [result] = process([("t.txt", body.encode())], load_settings(), use_cache=False)
    assert result.error is None, result.error
    return [(q.text, q.speaker) for q in result.tables["quotes"]]


RULES = [
    pytest.param("Prime Minister Edi Rama met the press.\n\n“We have received the final confirmation”, -said PM Rama at the press conference.",
                 [("We have received the final confirmation", "Edi Rama")], id="a dash glued to the verb after the quote"),
    pytest.param("Lord Provost Jane Reid visited the centre.\n\nLord Provost Reid said:“We stand with Ukraine today.”",
                 [("We stand with Ukraine today.", "Jane Reid")], id="'said:“' typed without a space, and a civic title"),
    pytest.param("Vladimir Putin spoke for an hour about what he called “barbaric” shelling in Donetsk.",
                 [("barbaric", "Vladimir Putin")], id="'what he called “x”' is his word"),
    pytest.param("Volunteers run a shelter the locals have dubbed “Noah’s Ark” near the border.", [],
                 id="a name someone gave a place is no one's words"),
    pytest.param('Liz Truss said: “Russia must stop.”', [("Russia must stop.", "Liz Truss")], id="name said colon"),
    pytest.param('“We will not look away,” she said. Liz Truss spoke in London.',
                 [("We will not look away,", "Liz Truss")], id="a pronoun before any name finds the person named next"),
    pytest.param('Liz Truss spoke in London.\n\n“We will not look away,” she said.',
                 [("We will not look away,", "Liz Truss")], id="pronoun resolves to latest person"),
    pytest.param('Ms Truss added the stand-off “marks a new low.', [("marks a new low.", "Liz Truss")],
                 id="honorific surname and unclosed quote"),
    pytest.param('The Foreign Secretary said Russia had a “clear responsibility” to act.',
                 [("clear responsibility", "Liz Truss")], id="dated role resolves via registry"),
    pytest.param('“We are ready,” the Belarusian defence ministry said in a statement.',
                 [("We are ready,", "Belarusian Ministry of Defence")], id="national ministry normalised"),
    pytest.param('A Ministry of Defence spokesperson said: “A small team has deployed.”',
                 [("A small team has deployed.", "UK Ministry of Defence")], id="spokesperson of an institution"),
    pytest.param('According to Downing Street, the leaders “agreed to stay in close contact”.',
                 [("agreed to stay in close contact", "Downing Street")], id="according to"),
    pytest.param('It was the second call of the five leaders – dubbed the Nato “Quint” – this week.', [],
                 id="a name in quotes is no quote"),
    pytest.param('Critics called the plan a “fantasy”.', [], id="unattributed scare quote"),
    pytest.param('Joe Biden said: "We stand with Ukraine."', [("We stand with Ukraine.", "Joe Biden")],
                 id="straight double marks"),
    pytest.param("Boris Johnson said: 'We stand with Poland.'", [("We stand with Poland.", "Boris Johnson")],
                 id="single marks as primary quotes"),
    pytest.param('“Peace is possible,” said Joe Biden.', [("Peace is possible,", "Joe Biden")], id="inverted said"),
    pytest.param('Brussels said the move was “unacceptable”.', [("unacceptable", "European Union")], id="metonym"),
    pytest.param("It was Poland‘s decision, and Russia’s too.", [], id="apostrophes are not marks"),
    pytest.param('Joe Biden said: “We will act.\n\n“And we will act fast.”',
                 [("We will act.", "Joe Biden"), ("And we will act fast.", "Joe Biden")], id="quote continued over paragraphs"),
    pytest.param('Andrzej Duda: ‘We will not give in to blackmail’', [("We will not give in to blackmail", "Andrzej Duda")],
                 id="headline speaker before a colon"),
    pytest.param('Polish Defence Minister Mariusz Blaszczak visited the border.\n\n“The fence will be built,” the minister said.',
                 [("The fence will be built,", "Mariusz Blaszczak")], id="role introduced in the article"),
    pytest.param('Mariusz Blaszczak, Poland’s defence minister, visited troops.\n\nThe defence minister said the army was “ready for anything”.',
                 [("ready for anything", "Mariusz Blaszczak")], id="appositive role"),
    pytest.param('Joe Biden spoke on Tuesday.\n\nAccording to him, the talks were “frank and useful”.',
                 [("frank and useful", "Joe Biden")], id="according to a pronoun"),
    pytest.param('Dmitry Peskov said Russia had “no plans” to attack.\n\nAntony Blinken met Sergei Lavrov. “We have deep concerns,” he said.',
                 [("no plans", "Dmitry Peskov"), ("We have deep concerns,", "Antony Blinken")], id="pronoun refers to the last named subject"),

    pytest.param('“We have no plans to invade,” a source said.', [("We have no plans to invade,", None)],
                 id="unnamed source stays unknown"),
    pytest.param('Joe Biden spoke.\n\n“We will not,” he said, “allow this.”',
                 [("We will not,", "Joe Biden"), ("allow this.", "Joe Biden")], id="split quote around he said"),
]


@pytest.mark.parametrize("text,expected", RULES)
def test_quote_rules(text, expected):
    assert quotes_of(text) == expected


def test_a_quote_carried_over_paragraphs_is_the_speakers_where_it_closes():
    text = ("„The queues at the crossing have doubled since Monday and they keep growing.\n\n"
            "We have asked for more officers from the capital,“ Mr Tamm said on Friday.")
    assert quotes_of(text) == [
        ("The queues at the crossing have doubled since Monday and they keep growing.", "Tamm"),
        ("We have asked for more officers from the capital,", "Tamm"),
    ]


def test_a_quote_over_paragraphs_attributed_at_its_last_is_that_speakers_from_its_first():
    text = ("Ambassador Anna Lis visited Nairobi on Tuesday.\n\n“We are grateful to Kenya for being so supportive at the UN.\n\n"
            "“Most of you heard the statement our friends delivered in New York,” the ambassador remarked.")
    assert quotes_of(text) == [
        ("We are grateful to Kenya for being so supportive at the UN.", "Anna Lis"),
        ("Most of you heard the statement our friends delivered in New York,", "Anna Lis"),
    ]


def test_a_nested_speaker_goes_on_in_the_next_nested_quote():
    got = quotes_of("Reuters reported: “‘The situation is of great concern,’ Joe Biden told reporters. "
                    "‘We have passed our concern to Moscow and to Minsk.’ The talks will go on.”")
    assert ("We have passed our concern to Moscow and to Minsk.", "Joe Biden") in got


def test_nested_quote_gets_its_own_speaker():
    got = quotes_of('Liz Truss said: “As President Biden said, there would be ‘very real costs’ to pay.”')
    assert ("very real costs", "Joe Biden") in got
    assert any(s == "Liz Truss" and "‘very real costs’" in t for t, s in got)


@pytest.mark.parametrize(
    "text,expected",
    [
        pytest.param("He said “yes” and ‘no’.", ["yes", "no"], id="curly double and single"),
        pytest.param("«Non», il a dit.", ["Non"], id="guillemets"),
        pytest.param("Rock ’n’ roll’s", [], id="apostrophes only"),
        pytest.param("“Open to the end of the paragraph\nnext", ["Open to the end of the paragraph"], id="unclosed runs to paragraph end"),
        pytest.param("“We are ready,’’ the minister said. “Are you?’’", ["We are ready,", "Are you?"],
                     id="doubled closing single marks close a double quote"),
        pytest.param("‘‘Nobody wants a war,’’ Mr Smith told reporters.", ["Nobody wants a war,"], id="doubled single marks on both sides"),
        pytest.param("''Stay home,'' she said, ''and wait.''", ["Stay home,", "and wait."], id="doubled straight apostrophes"),
        pytest.param("“The ‘red lines’ are ours,’’ he said.", ["The ‘red lines’ are ours,"], id="a nested single quote before a doubled close"),
        pytest.param("The farmers’ union said the ministers’ plan was late.", [], id="plural possessives are not marks"),
        pytest.param("“The talks are over. The treaty will be enforced “the foreign minister said on television.",
                     ["The talks are over. The treaty will be enforced "], id="a closing mark typed the wrong way round"),
        pytest.param("“Friends deter bullies . . . “Our best deterrent is the allied flag,” she said.",
                     ["Friends deter bullies . . . “Our best deterrent is the allied flag,"],
                     id="a second opening mark before the closing one goes on to it"),
        pytest.param("“Grain costs doubled last spring, “ Mr Kowalski said. “Now it is worse.”",
                     ["Grain costs doubled last spring, ", "Now it is worse."],
                     id="a turned mark before the speaker and verb closes, with a quote still to come"),
        pytest.param("”Sweden keeps its options open,” Andersson said. ”We decide that ourselves.”",
                     ["Sweden keeps its options open,", "We decide that ourselves."], id="Nordic marks: ” opens and closes"),
        pytest.param("They stayed in Hrubieszow for a week, ”he said.", [],
                     id="a lone ” at a word start with none to close it opens nothing"),
        pytest.param("“Wheat prices are falling.” Farmers cannot plan ahead, “said the union leader.",
                     ["Wheat prices are falling."],
                     id="a turned “ glued to 'said' after a quote that lost its opening mark opens nothing"),
        pytest.param("«Neutrality is no excuse,« the president declared. «We act now.»", ["Neutrality is no excuse,", "We act now."],
                     id="a guillemet typed the wrong way round closes, like “"),
        pytest.param("“We had no room but I didn’t care, we will make it work,’ she told AAP. “It is fine.”",
                     ["We had no room but I didn’t care, we will make it work,", "It is fine."],
                     id="a single mark before 'she told' closes a double quote"),
        pytest.param("“He said ‘no,’ and we left,” she recalled.", ["He said ‘no,’ and we left,"],
                     id="but not a nested single quote's close"),
        pytest.param("»The checkpoint was attacked by men from Belarus,» the Border Guard said.",
                     ["The checkpoint was attacked by men from Belarus,"], id="» opens and closes (Danish, Polish copy)"),
        pytest.param("She said: »We are staying here.« Then she left.", ["We are staying here."], id="» opens, « closes"),
        pytest.param("The president said: “”Combat aircraft for Ukraine, wings for freedom.”",
                     ["Combat aircraft for Ukraine, wings for freedom."], id="a doubled opening mark"),
        pytest.param("“We crossed at Palanca last night.\nWe didn’t know where to stop.\nNow we wait here. ”\nShe left.",
                     ["We crossed at Palanca last night.", "We didn’t know where to stop.", "Now we wait here. "],
                     id="a quote carried over lines with an apostrophe in one of them"),
        pytest.param("„We are ready. The situation is serious.\n\nWe help where we can,“ she said.",
                     ["We are ready. The situation is serious.", "We help where we can,"],
                     id="„ opens, and a glued “ closes the quote paragraphs later"),
        pytest.param('"We left with two bags and the cat. "Now we wait for news every night." She went inside.',
                     ["We left with two bags and the cat.", "Now we wait for news every night."],
                     id="a page that lost its line breaks: a mark after a sentence's end reopens"),
        pytest.param('"The road to the "Bruzgi" checkpoint is closed again," he said.',
                     ['The road to the "Bruzgi" checkpoint is closed again,'], id="but not a nested name in straight marks"),
        pytest.param('We will keep the border open for as long as it’s needed," said the governor. "Nobody is turned away."',
                     ["We will keep the border open for as long as it’s needed,", "Nobody is turned away."],
                     id="a paragraph whose opening mark was lost: the close before 'said' tells"),
        pytest.param('The mayor, who said "never", left.', ["never"], id="a mark after a word opens as before"),
        pytest.param("'We will not retreat from these positions. Our troops hold the line,\" the commander-in-chief said.",
                     ["We will not retreat from these positions. Our troops hold the line,"],
                     id="a single mark opening what a double mark closes before 'the general said': one quote, marks left out"),
        pytest.param("”I am the one who will beat them,“ he said in an interview.", ["I am the one who will beat them,"],
                     id="both marks typed the wrong way round"),
        pytest.param("He replied that ”what we do is right“ because it ends well. ”Nobody can deny it, but inflation is dead.”",
                     ["what we do is right", "Nobody can deny it, but inflation is dead."],
                     id="a turned pair, then a Nordic pair, in one paragraph"),
        pytest.param('The mayor posted an update.\n\n"Power is back in two districts.\n\nCrews replaced three \'old\' '
                     'transformers. More work is planned," he said.',
                     ["Power is back in two districts.", "Crews replaced three 'old' transformers. More work is planned,"],
                     id="a term quoted inside a carried paragraph does not open a new quote"),
        pytest.param('"We are checking the data.\n\nMore will follow," he said. "Stay in the shelters."',
                     ["We are checking the data.", "More will follow,", "Stay in the shelters."],
                     id="a quote after the carried quote's close is read afresh"),
        pytest.param("She wrote on X:\n\n“The result is clear. I congratulate the winner.\n\nThe country now needs calm and unity "
                     "from every party in parliament.",
                     ["The result is clear. I congratulate the winner.", "The country now needs calm and unity from every party in parliament."],
                     id="a text that ends inside a quote carried over paragraphs (an excerpt cut before its close)"),
        pytest.param("“The result is clear, the minister said.\n\nLeave a Reply\n\nYour email address will not be published.",
                     ["The result is clear, the minister said."], id="but not page furniture after a quote left open"),
        pytest.param("The ministry said:” Flights resume on Monday. Check with your airline.”", [" Flights resume on Monday. Check with your airline."],
                     id="a closing mark typed for the opening one right after 'said:'"),
        pytest.param("“We pay in euros, as agreed “. The minister called it “a fair deal”.", ["We pay in euros, as agreed ", "a fair deal"],
                     id="an opening mark spaced before a full stop closes the quote open"),
    ],
)
def test_find_quote_spans(text, expected):
    assert [text[q.start:q.end] for q in find_quote_spans(text)] == expected


TABLOID_AND_STATEMENTS = [
    pytest.param("Boris Johnson spoke.\n\n“It is a disgrace,” he fumed.", [("It is a disgrace,", "Boris Johnson")], id="tabloid cue verb"),
    pytest.param("Keir Starmer hit back: “This is nonsense.”", [("This is nonsense.", "Keir Starmer")], id="phrasal cue hit back"),
    pytest.param("The Kremlin issued a statement.\n\n“Russia threatens no one,” the statement said.",
                 [("Russia threatens no one,", "Kremlin")], id="the statement said"),
]


@pytest.mark.parametrize("text,expected", TABLOID_AND_STATEMENTS)
def test_tabloid_and_statement_cues(text, expected):
    assert quotes_of(text) == expected


SOURCES = [
    pytest.param("“We see no de-escalation,” a senior US official said.", [("We see no de-escalation,", "US government")],
                 id="national officials speak for their government"),
    pytest.param("Downing Street said it was watching.\n\n“We see no de-escalation,” Western officials said.",
                 [("We see no de-escalation,", None)], id="unnamed officials stay unknown"),
]


@pytest.mark.parametrize("text,expected", SOURCES)
def test_officials_and_sources(text, expected):
    assert quotes_of(text) == expected


def test_titles_inside_a_name_entity_are_not_part_of_the_name():
    got = quotes_of("Prime Minister Boris Johnson said: “We will not be cowed.”\n\nForeign Secretary Liz Truss added: “Nor will we.”")
    assert got == [("We will not be cowed.", "Boris Johnson"), ("Nor will we.", "Liz Truss")]


@pytest.mark.parametrize(
    "text,expected",
    [
        pytest.param('The forum "Security and Sovereignty of the Union State: Common Priorities" opened on Friday.', [],
                     id="a title case event name is no quote"),
        pytest.param('Kyiv proposed "Warsaw, Vilnius, Riga, Baku" as venues, Dmytro Kuleba said.', [("Warsaw, Vilnius, Riga, Baku", "Dmytro Kuleba")],
                     id="a list of names is someone's words"),
    ],
)
def test_titles_of_works_and_events(text, expected):
    assert quotes_of(text) == expected


def test_a_quote_only_paragraph_continues_only_the_paragraph_just_before_it():
    """Two paragraphs on, it is no continuation: only the last resort guesses, and says so."""
    from tests.support import records

    text = ('Joe Biden said: “We will act.”\n\nMeanwhile, Poland closed a crossing near the border.\n\n'
            '“The border stays shut for now and for the foreseeable future.”')
    guess = records(text)["quotes"][1]
    assert (guess.speaker, guess.mention_sieve) == ("Joe Biden", "last_speaker") and guess.confidence < 0.5
