"""Quote → mention: one table per sieve of `attribution.QUOTE_SIEVES`.

Each row is a rule of news English written in a style of its own (wire copy, tabloid, transcript,
broadsheet, machine-translated repost, interview), not copied from the article that showed the
failure: expected (words, speaker, the sieve that found the speaker's mention).
"""

import pytest

from dashboard.pipeline.attribution import ALL_SIEVES, QUOTE_SIEVES
from tests.support import attributions_of, records


def found(text, date="2021-11-14", headline="Headline for a test article here"):
    return [(words, speaker, sieve) for words, speaker, sieve, _ in attributions_of(text, date, headline)]


ACCORDING_TO = [
    pytest.param('According to the Polish Border Guard, the group was "very aggressive" on Monday night.',
                 [("very aggressive", "Polish Border Guard", "according_to")], id="according to a body"),
    pytest.param("Jens Stoltenberg met allies in Riga.\n\nAccording to him, the build-up is 'unusual and large'.",
                 [("unusual and large", "Jens Stoltenberg", "according_to")], id="according to a pronoun"),
]
TRANSCRIPT_TURN = [
    pytest.param('LAVROV: "We have no intention of attacking anyone."',
                 [("We have no intention of attacking anyone.", "Sergei Lavrov", "transcript_turn")], id="transcript capitals"),
    pytest.param('Jens Stoltenberg: "Nato will defend every inch of allied territory."',
                 [("Nato will defend every inch of allied territory.", "Jens Stoltenberg", "transcript_turn")], id="name colon"),
    pytest.param('Q: "Will the crossing reopen before winter comes?"', [("Will the crossing reopen before winter comes?", None, "none")],
                 id="a letter is no speaker"),
]
GOVERNING_CUE = [
    pytest.param('"We are watching this very closely," said Ned Price, the State Department spokesman.',
                 [("We are watching this very closely,", "Ned Price", "governing_cue")], id="inverted said with apposition"),
    pytest.param('Mateusz Morawiecki visited the fence, adding that the barrier was "a necessity, not a choice".',
                 [("a necessity, not a choice", "Mateusz Morawiecki", "governing_cue")], id="participle adding"),
    pytest.param('Interfax quoted Dmitry Peskov as saying: "Russia threatens nobody at all."',
                 [("Russia threatens nobody at all.", "Dmitry Peskov", "governing_cue")], id="quoted as saying"),
    pytest.param('Antony Blinken called the meeting "candid and useful" on Friday.',
                 [("candid and useful", "Antony Blinken", "governing_cue")], id="call characterises"),
    pytest.param('Andrzej Duda condemned a plan for Minsk to turn the camp into "a tourist site".', [],
                 id="short quote in a clause with its own subject is not the speaker's"),
    pytest.param('Kaja Kallas argued that the plan failed because it was drafted by "armchair generals".',
                 [("armchair generals", "Kaja Kallas", "governing_cue")], id="short quote in a clause inside what the verb reports"),
    pytest.param('Alexander Lukashenko railed against the sanctions as "economic war" in Minsk.',
                 [("economic war", "Alexander Lukashenko", "governing_cue")], id="rail against"),
    pytest.param('Gabrielius Landsbergis dubbed the charter flights a "hybrid weapon".',
                 [("hybrid weapon", "Gabrielius Landsbergis", "governing_cue")], id="dub"),
    pytest.param('"The sanctions will bite," Ursula von der Leyen told the European Parliament, "and they will bite hard."',
                 [("The sanctions will bite,", "Ursula von der Leyen", "governing_cue"),
                  ("and they will bite hard.", "Ursula von der Leyen", "governing_cue")], id="quote split by the cue"),
]
COLON_INTRO = [
    pytest.param("Tunde Bakare, who led the group, reached Medyka on Sunday.\n\nHis words: “We walked for eleven hours in the snow.”",
                 [("We walked for eleven hours in the snow.", "Tunde Bakare", "colon_intro")], id="'His words:' before the quote"),
    pytest.param('In a statement on Friday evening, the Kremlin said:\n\n"Russia poses no threat to anyone in Europe."',
                 [("Russia poses no threat to anyone in Europe.", "Kremlin", "colon_intro")], id="paragraph ending with said colon"),
    pytest.param("Boris Johnson visited troops in Estonia.\n\nThe Prime Minister told reporters:\n\n'We will not be found wanting.'",
                 [("We will not be found wanting.", "Boris Johnson", "colon_intro")], id="tabloid colon then a single-quoted paragraph"),
]
HEADLINE_SPEAKER = [
    pytest.param("Andrzej Duda visited the border on Friday.", [("We will not be blackmailed", "Andrzej Duda", "headline_speaker")],
                 id="quote then dash and speaker", marks=pytest.mark.headline("‘We will not be blackmailed’ – Duda")),
    pytest.param("Josep Borrell spoke in Brussels.", [("This is a hybrid attack on Europe", "Josep Borrell", "headline_speaker")],
                 id="quote colon speaker", marks=pytest.mark.headline('"This is a hybrid attack on Europe": EU foreign policy chief Borrell')),
    pytest.param("Sergei Lavrov spoke to reporters in Moscow on Thursday.", [("a road to nowhere", "Sergei Lavrov", "headline_speaker")],
                 id="a name and a colon claim the headline's words", marks=pytest.mark.headline("Lavrov: Western offer 'a road to nowhere'")),
    pytest.param("The National Refugee Agency (NRA) opened two centres on Friday. The NRA said more would follow.",
                 [("Stay where you are", "National Refugee Agency", "headline_speaker")],
                 id="a body's acronym, whom it addresses, a colon", marks=pytest.mark.headline("NRA to families at the border: 'Stay where you are'")),
    pytest.param("Lithuania reported 300 crossings on Sunday.", [],
                 id="a topic before the colon claims nothing", marks=pytest.mark.headline("Border crisis: Minsk's 'hybrid attack' goes on")),
    pytest.param("President Volodymyr Zelensky visited troops near Donetsk.", [("Not one step back", "Volodymyr Zelensky", "headline_speaker")],
                 id="words after the quote, then says and a role", marks=pytest.mark.headline("'Not one step back' in Donbas, says Ukraine's president")),
]
CONVERSATION_TURN = [
    pytest.param('The BBC\'s Steve Rosenberg interviewed Alexander Lukashenko in Minsk.\n\n'
                 '"Did your officials help the migrants to the border?" Rosenberg asked.\n\n'
                 '"Maybe someone helped them. I will not look into this."',
                 [("Did your officials help the migrants to the border?", "Steve Rosenberg", "nearest_cue"),
                  ("Maybe someone helped them. I will not look into this.", "Alexander Lukashenko", "conversation_turn")],
                 id="an interviewee answers the interviewer"),
    pytest.param('Andrzej Duda spoke in Warsaw.\n\n"Who pays for this?" Duda asked.\n\n"Poland will not pay for this crisis."',
                 [("Who pays for this?", "Andrzej Duda", "nearest_cue"), ("Poland will not pay for this crisis.", "Andrzej Duda", "continuation")],
                 id="a rhetorical question is followed by the same speaker"),
]
CONTINUATION = [
    pytest.param("Kaja Kallas said: 'Russia is testing us.\n\n'We must answer with one voice and we must answer now.'",
                 [("Russia is testing us.", "Kaja Kallas", "governing_cue"),
                  ("We must answer with one voice and we must answer now.", "Kaja Kallas", "continuation")], id="open single quote continues"),
    pytest.param('Gabrielius Landsbergis said the camps were "full.\n\n12:05 "The situation is escalating by the hour and we are ready."',
                 [("full.", "Gabrielius Landsbergis", "governing_cue"),
                  ("The situation is escalating by the hour and we are ready.", "Gabrielius Landsbergis", "continuation")],
                 id="open quote continues after a liveblog time stamp"),
    pytest.param('"We are ready," Gabrielius Landsbergis said.\n\n"And we will not be intimidated by anyone."',
                 [("We are ready,", "Gabrielius Landsbergis", "governing_cue"),
                  ("And we will not be intimidated by anyone.", "Gabrielius Landsbergis", "continuation")], id="quote-only paragraph after a quote"),
    pytest.param('Protesters marched on the ministry on Saturday, police said.\n\n“We will not be moved from this square by anyone.\n\n'
                 '“We will stay until the law is withdrawn,” said Maria Costa, one of the organisers.',
                 [("We will not be moved from this square by anyone.", "Maria Costa", "continuation"),
                  ("We will stay until the law is withdrawn,", "Maria Costa", "governing_cue")],
                 id="a quote left open is the words of whoever says it where it closes, not of the paragraph before"),
]
PREVIOUS_CUE = [
    pytest.param('Agne Bilotaite said on Monday that the border would be reinforced.\n\n'
                 '"We are sending more than a thousand officers to the frontier tonight."',
                 [("We are sending more than a thousand officers to the frontier tonight.", "Agne Bilotaite", "previous_cue")],
                 id="a quote-only paragraph after reported speech"),
    pytest.param('Agne Bilotaite visited the camps on Monday.\n\n"We are sending more than a thousand officers tonight."',
                 [("We are sending more than a thousand officers tonight.", "Agne Bilotaite", "introduced_speaker")],
                 id="not after a paragraph without a reporting verb (the next sieve's case)"),
    pytest.param("A man was arrested after two travellers were hurt at the station.\n\n"
                 "According to the Polish Border Guard, the suspect had waited near the platforms for hours.\n\n"
                 '"He was carrying a knife and shouting at people. Officers held him within minutes."',
                 [("He was carrying a knife and shouting at people. Officers held him within minutes.", "Polish Border Guard",
                   "previous_cue")], id="a quote-only paragraph after 'According to X, …'"),
    pytest.param("Hackers took down the ministry's website overnight.\n\n"
                 "According to Reuters, the attack began shortly after midnight.\n\n"
                 '"All of the data on our servers has been erased and there is no way to restore it."',
                 [("All of the data on our servers has been erased and there is no way to restore it.", None, "none")],
                 id="not after 'According to' a news agency, which reports and does not speak"),
    pytest.param("Kyivpost.com reports that the head of the Rada's foreign affairs committee, Oleksandr Merezhko, "
                 "said these words on Tuesday.\n\n"
                 '"Any ceasefire now would only give Moscow time to regroup its forces."',
                 [("Any ceasefire now would only give Moscow time to regroup its forces.", "Oleksandr Merezhko", "previous_cue")],
                 id="the person whose words a website reports, not the website"),
    pytest.param("Speaking to the Galway Advertiser, Oksana, who has lived in Ireland for ten years, said she has family in Lviv.\n\n"
                 '"They are safe for now, but nobody knows what will happen tomorrow."',
                 [("They are safe for now, but nobody knows what will happen tomorrow.", "Oksana", "previous_cue")],
                 id="a name the NER took for a place, with 'who', before a verb the parse gave no subject"),
]
OPENING_QUOTE = [
    pytest.param('"We have taken in 9,000 people in a week. If it goes on like this we will need tents."\n\n'
                 "In the school gym, headteacher Marek Nowicki is counting camp beds.",
                 [("We have taken in 9,000 people in a week. If it goes on like this we will need tents.", "Marek Nowicki",
                   "opening_quote")], id="a feature opens with a quote, the next paragraph introduces its speaker"),
    pytest.param('"We have taken in 9,000 people in a week. If it goes on like this we will need tents."\n\n'
                 "Headteacher Marek Nowicki and his deputy Anna Lis are counting camp beds.",
                 [("We have taken in 9,000 people in a week. If it goes on like this we will need tents.", None, "none")],
                 id="not when the next paragraph introduces two people"),
    pytest.param("Anna Lis runs the shelter.\n\nThe gym was full by Friday.\n\n"
                 '"We have taken in 9,000 people in a week. If it goes on like this we will need tents."\n\n'
                 "Headteacher Marek Nowicki is counting camp beds.",
                 [("We have taken in 9,000 people in a week. If it goes on like this we will need tents.", None, "none")],
                 id="not once someone has been named"),
]
INTRODUCED_SPEAKER = [
    pytest.param("Oksana Hrytsenko is one of 40 students who reached Beirut on Wednesday.\n\n"
                 '"We slept in the metro for six nights and ate what the volunteers brought."',
                 [("We slept in the metro for six nights and ate what the volunteers brought.", "Oksana Hrytsenko",
                   "introduced_speaker")], id="a feature introduces a person, then their words"),
    pytest.param("Oksana Hrytsenko and Ahmad Saleh reached Beirut on Wednesday.\n\n"
                 '"We slept in the metro for six nights and ate what the volunteers brought."',
                 [("We slept in the metro for six nights and ate what the volunteers brought.", "Oksana Hrytsenko",
                   "introduced_speaker")], id="two people who act together: the first named, as for a joint quote"),
    pytest.param("Oksana Hrytsenko reached Beirut on Wednesday, where Ahmad Saleh met her.\n\n"
                 '"We slept in the metro for six nights and ate what the volunteers brought."',
                 [("We slept in the metro for six nights and ate what the volunteers brought.", None, "none")],
                 id="not when the paragraph before is about two people apart"),
    pytest.param("Prime Minister Petr Fiala said the country would take refugees.\n\n"
                 "More than 300,000 people have fled, with Fiala expecting more to come.\n\n"
                 '"We have places for everyone who needs them, and we will find more."',
                 [("We have places for everyone who needs them, and we will find more.", "Petr Fiala", "introduced_speaker")],
                 id="the one person of the paragraph before, who spoke just before it"),
    pytest.param("Marta Kovalenko came to the rally with her son Ivan.\n\nShe was pleased to see so many people there.\n\n"
                 '"It is good to be together with everyone today."',
                 [("It is good to be together with everyone today.", "Marta Kovalenko", "introduced_speaker")],
                 id="the paragraph before is about her by its subject pronoun"),
    pytest.param("Nurse Iryna Bondar moved to Cork in 2019 with her husband Taras Bondar.\n\n"
                 '"My parents are still in Kharkiv and I call them every night before I sleep."',
                 [("My parents are still in Kharkiv and I call them every night before I sleep.", "Iryna Bondar",
                   "introduced_speaker")], id="the person the paragraph is about, not the husband named beside her"),
    pytest.param("Nurse Iryna Bondar moved to Cork in 2019.\n\nWe are all watching the news from home every hour.\n\n"
                 '"My parents are still in Kharkiv and I call them every night before I sleep."',
                 [("My parents are still in Kharkiv and I call them every night before I sleep.", "Iryna Bondar",
                   "introduced_speaker")], id="past a paragraph of her words that lost its marks"),
]
FOLLOWING_CUE = [
    pytest.param('Maia Sandu visited the crossing at Palanca.\n\n"We will take care of every person who comes to us."\n\n'
                 "She said this to reporters at the crossing on Sunday.",
                 [("We will take care of every person who comes to us.", "Maia Sandu", "following_cue")],
                 id="'she said this' opening the next paragraph"),
    pytest.param('Maia Sandu and Natalia Gavrilita visited the crossing at Palanca on Sunday.\n\n'
                 '"We will take care of every person who comes to us."\n\n'
                 "The border guards said the crossing would stay open.",
                 [("We will take care of every person who comes to us.", "Maia Sandu", "introduced_speaker")],
                 id="a next paragraph reporting something else is not about the quote (the pair before it is)"),
    pytest.param('Pedro Sánchez spoke in Madrid on Monday. “Spain will not pay for gas in roubles.” Those were the words of the '
                 'Spanish prime minister after a cabinet meeting.',
                 [("Spain will not pay for gas in roubles.", "Pedro Sánchez", "following_cue")],
                 id="'Those were the words of X' after a quote-only sentence"),
    pytest.param('MADRID, MAY 3 – “Spain will not pay for gas in roubles, that is final “. This was stated by Spanish Prime '
                 'Minister Pedro Sánchez in an interview with El País.',
                 [("Spain will not pay for gas in roubles, that is final ", "Pedro Sánchez", "following_cue")],
                 id="'This was stated by X' after a dateline and a quote closed by a turned mark"),
    pytest.param('Pedro Sánchez spoke in Madrid on Monday. “Spain will not pay for gas in roubles.” Those were the days of '
                 'cheap energy, the minister added.',
                 [("Spain will not pay for gas in roubles.", "Pedro Sánchez", "nearest_cue")],
                 id="'Those were the days of' names no owner of the words"),
]
INTERJECTED_CUE = [
    pytest.param('Pedro Sánchez spoke in Madrid on Monday. “Europe must stay united —added Sánchez— because the war is not over '
                 'and the winter will be hard.”',
                 [("Europe must stay united —added Sánchez— because the war is not over and the winter will be hard.",
                   "Pedro Sánchez", "interjected_cue")],
                 id="'—added X—' inside the marks, Spanish typesetting"),
    pytest.param('Olaf Scholz and Emmanuel Macron met in Berlin. “We cannot accept this – Macron told Scholz – and we will say so '
                 'in Brussels tomorrow.”',
                 [("We cannot accept this – Macron told Scholz – and we will say so in Brussels tomorrow.", "Emmanuel Macron",
                   "interjected_cue")],
                 id="'– X told Y –': the teller, not the one told"),
    pytest.param('Olaf Scholz spoke in Berlin. “The high-tech sector – and its energy-hungry plants – will need cheap power.”',
                 [("The high-tech sector – and its energy-hungry plants – will need cheap power.", "Olaf Scholz", "nearest_cue")],
                 id="a dash-set aside without a reporting verb is no reporting clause"),
]
NEAREST_CUE = [
    pytest.param('Belarus has long denied it. "The West invented this crisis to distract its own citizens from prices," '
                 'Lukashenko\'s spokeswoman Natalya Eismont, speaking on state television late on Sunday, said.',
                 [("The West invented this crisis to distract its own citizens from prices,", "Natalya Eismont", None)],
                 id="a long interruption between the quote and its verb"),
]
LAST_SPEAKER = [
    pytest.param('"We have no intention of invading anyone," Sergei Lavrov said on Friday.\n\n'
                 'The message to Washington, delivered in Geneva, was that "our demands remain the same"',
                 [("We have no intention of invading anyone,", "Sergei Lavrov"), ("our demands remain the same", "Sergei Lavrov")],
                 id="no sieve places it: the person quoted last"),
]
LOOSE = [
    pytest.param('Alexander Lukashenko, in a televised address on Tuesday evening: "We will never kneel before anyone in the West."',
                 [("We will never kneel before anyone in the West.", "Alexander Lukashenko", None)], id="a speaker and no verb"),
]


def _headline(request):
    mark = request.node.get_closest_marker("headline")
    return mark.args[0] if mark else "Headline for a test article here"


@pytest.mark.parametrize("text,expected", ACCORDING_TO + TRANSCRIPT_TURN + INTERJECTED_CUE + GOVERNING_CUE + COLON_INTRO + HEADLINE_SPEAKER
                         + CONVERSATION_TURN + CONTINUATION + PREVIOUS_CUE + INTRODUCED_SPEAKER + FOLLOWING_CUE + OPENING_QUOTE)
def test_quote_sieves(text, expected, request):
    assert found(text, headline=_headline(request)) == expected


@pytest.mark.parametrize("text,expected", NEAREST_CUE + LOOSE)
def test_last_resort_sieves_find_the_speaker(text, expected):
    """Whichever late sieve catches these (the parse decides), the speaker is right."""
    assert [(w, s) for w, s, _ in found(text)] == [(w, s) for w, s, _ in expected]


@pytest.mark.parametrize("text,expected", LAST_SPEAKER)
def test_the_last_resort_is_the_last_speaker(text, expected):
    assert [(w, s) for w, s, _ in found(text)] == expected


def test_every_sieve_has_a_table_and_can_be_switched_off(monkeypatch):
    tables = {"according_to", "transcript_turn", "interjected_cue", "governing_cue", "colon_intro", "headline_speaker",
              "conversation_turn", "continuation", "previous_cue", "following_cue", "introduced_speaker", "opening_quote", "nearest_cue",
              "loose", "last_speaker"}
    assert set(ALL_SIEVES) == tables == {s.__name__ for s in QUOTE_SIEVES}
    text = '"We are ready," Gabrielius Landsbergis said.\n\n"And we will not be intimidated by anyone."'
    monkeypatch.setenv("DASHBOARD_DISABLED_SIEVES", "continuation,previous_cue,introduced_speaker,last_speaker")
    assert found(text)[1] == ("And we will not be intimidated by anyone.", None, "none")


def test_a_mention_that_names_no_one_stops_the_search():
    """'a source said' is final: the speaker stays unknown instead of going to a nearby name."""
    assert found('Jens Stoltenberg met Antony Blinken.\n\n"We see no sign of de-escalation so far," a source said.') == [
        ("We see no sign of de-escalation so far,", None, "governing_cue")]


MORE_SIEVE_CASES = [
    pytest.param('If Minsk agrees, they would speak "as neighbours and not as enemies." But talks cannot wait, Agne Bilotaite insisted.',
                 [("as neighbours and not as enemies.", "Agne Bilotaite", "nearest_cue")], id="a hypothesis reports nothing; the paragraph's verb does"),
    pytest.param('Sviatlana Tsikhanouskaya spoke on Sunday. The aim, Tsikhanouskaya makes known, "is to defend the country from the regime."',
                 [("is to defend the country from the regime.", "Sviatlana Tsikhanouskaya", "colon_intro")], id="makes known"),
    pytest.param('Expressing hope that the talks "will be a turning point", Mevlut Cavusoglu said Ankara would help.',
                 [("will be a turning point", "Mevlut Cavusoglu", "governing_cue")], id="hope that: the speaker's own words"),
    pytest.param('"We walked for nine hours," Olena Marchuk says.\n\nOthers stayed behind: "My father and my brother."',
                 [("We walked for nine hours,", "Olena Marchuk", "governing_cue"), ("My father and my brother.", "Olena Marchuk", "colon_intro")],
                 id="a colon with no verb continues the last speaker"),
    pytest.param('Alexander Lukashenko spoke to state television.\n\n"We are not going to attack anyone.\n\nWe never were.\n\n'
                 'Provocations are possible, "he said.',
                 [("We are not going to attack anyone.", "Alexander Lukashenko", "previous_cue"),
                  ("We never were.", "Alexander Lukashenko", "continuation"),
                  ("Provocations are possible, ", "Alexander Lukashenko", "governing_cue")],  # (its own "he said" closes it)
                 id="a quote carried over paragraphs without reopening marks"),
    pytest.param('Alexander Lukashenko answered questions in Minsk.\n\n"Nobody will drag us into a war."\n\n- Lukashenko said.',
                 [("Nobody will drag us into a war.", "Alexander Lukashenko", "nearest_cue")], id="the dash line of interview copy"),
]


@pytest.mark.parametrize("text,expected", MORE_SIEVE_CASES)
def test_more_sieve_cases(text, expected):
    assert found(text) == expected


THIRD_SET_CASES = [
    pytest.param('"Russia will pay a heavy price," Ursula von der Leyen said.\n\n'
                 '"We are ready to act at once," the distant reply of the Kremlin spokesman, Dmitry Peskov.',
                 [("Russia will pay a heavy price,", "Ursula von der Leyen", "governing_cue"),
                  ("We are ready to act at once,", "Dmitry Peskov", "loose")], id="a paragraph naming someone after its quote is no continuation"),
]


@pytest.mark.parametrize("text,expected", THIRD_SET_CASES)
def test_third_set_cases(text, expected):
    assert found(text) == expected


def test_a_headline_quote_takes_the_speaker_the_body_gives_the_same_words():
    text = "Defence Secretary Ben Wallace said Moscow had gone \u201cfull tonto\u201d over Ukraine."
    got = found(text, headline="Boris Johnson blasts Russia as \u2018full tonto\u2019 Putin is warned")
    assert got == [("full tonto", "Ben Wallace", "repeated_words")]


def test_a_headline_quote_keeps_its_own_speaker_when_the_body_gives_them_the_same_words():
    text = 'Dmytro Kuleba said in January the threat was "imminent".\n\nOn Monday, Jen Psaki said the attack was "imminent".'
    got = found(text, headline="Psaki: invasion still 'imminent'")
    assert got[0] == ("imminent", "Jen Psaki", "headline_speaker")


def test_a_headline_role_is_the_person_the_body_names_next():
    text = "Belarus shut the crossing.\n\nAlexander Lukashenko told state television that the migrants would stay."
    got = found(text, date=None, headline="'We will not kneel' to Warsaw, says Belarus's leader")
    assert got == [("We will not kneel", "Alexander Lukashenko", "headline_speaker")]


def test_a_sub_heading_that_repeats_words_of_a_quote_below_takes_its_speaker():
    text = ("Piotr Nowak volunteers at the station.\n\n‘We slept on the floor’\n\n"
            "“For three nights we slept on the floor of the gym,” said Olena Marchuk.")
    assert [(w, s) for w, s, _ in found(text)][0] == ("We slept on the floor", "Olena Marchuk")


def test_a_sub_heading_joins_two_quotes_of_one_line():
    text = ("Piotr Nowak volunteers at the station.\n\n‘Mum, I am scared…we hear the sirens’\n\n"
            "When the shelling began, her mother got a text. “Mum, I am scared,” Marta Bilyk wrote. "
            "“All night we hear the sirens.”")
    assert [(w, s) for w, s, _ in found(text)][0] == ("Mum, I am scared…we hear the sirens", "Marta Bilyk")


def test_a_title_in_quotation_marks_reports_no_ones_words():
    text = ("Olena Kovalenko said she had fled Kharkiv in March.\n\n“We hid for a week in the metro with the children.” "
            "(Read also: “Mayor Says Metro of Kharkiv Is Full”.)")
    assert found(text) == [("We hid for a week in the metro with the children.", "Olena Kovalenko", "previous_cue")]


def test_a_countrys_words_reported_by_the_person_speaking_for_it_are_theirs():
    text = ("Gabrielius Landsbergis spoke in Vilnius.\n\n"
            "Lithuania asked Minsk to stop the flights and avoid “a humanitarian disaster”, he said.")
    assert found(text) == [("a humanitarian disaster", "Gabrielius Landsbergis", "governing_cue")]


def test_a_countrys_words_in_a_clause_of_someone_elses_sentence_stay_the_countrys():
    text = "Alexander Lukashenko admitted helping migrants, as Warsaw warned that they were more “aggressive” every night."
    assert [(w, s) for w, s, _ in found(text)] == [("aggressive", "Polish government")]


def test_a_first_name_alone_is_a_pronouns_antecedent():
    text = "The volunteer coordinator, Piotr Nowak, waited for the train with his niece, Zofia.\n\n“I have never seen so many people,” she said."
    assert found(text) == [("I have never seen so many people,", "Zofia", "governing_cue")]


def test_a_headline_ending_with_who_says_it():
    text = "Latvian Defence Minister Artis Pabriks spoke at the Adazi base on Friday."
    got = found(text, headline="US troops tell Putin 'back off now,' minister says")
    assert got == [("back off now,", "Artis Pabriks", "headline_speaker")]


FOURTH_SET_CASES = [
    pytest.param('Rimvydas Kubilius, a member of parliament, said, "we will not accept this threat from Minsk."',
                 [("we will not accept this threat from Minsk.", "Rimvydas Kubilius", "governing_cue")], id="said with a comma before the quote"),
    pytest.param('Kaja Kallas spoke to reporters. She said Nato was a defensive alliance. "So it is Moscow that must pull back now."',
                 [("So it is Moscow that must pull back now.", "Kaja Kallas", "nearest_cue")], id="the paragraph's verb just before the quote"),
    pytest.param('Boris Johnson spoke in Warsaw.\n\nHe also mentioned, "Our mission is precise and we will not stop."',
                 [("Our mission is precise and we will not stop.", "Boris Johnson", "governing_cue")], id="mentioned"),
]


@pytest.mark.parametrize("text,expected", FOURTH_SET_CASES)
def test_fourth_set_cases(text, expected):
    assert [(w, s) for w, s, _ in found(text)] == [(w, s) for w, s, _ in expected]


FIFTH_SET_CASES = [
    pytest.param("Pupils lined the road to greet Mark Rutte, who said the alliance would not be divided.\n\n"
                 '"Every ally will be defended, every inch, every day of the year."',
                 [("Every ally will be defended, every inch, every day of the year.", "Mark Rutte", "previous_cue")],
                 id="a quote paragraph after 'who said' in a relative clause"),
    pytest.param('The exercise is thought to be the largest in decades, with "thousands of troops moving west at night," '
                 "Ben Wallace told MPs.",
                 [("thousands of troops moving west at night,", "Ben Wallace", "governing_cue")],
                 id="a passive verb of opinion governs nothing: the speaker's verb after the quote does"),
    pytest.param('Kremlin spokesman Dmitry Peskow told reporters: "There is no reason to worry about the drills at all."',
                 [("There is no reason to worry about the drills at all.", "Dmitry Peskov", "governing_cue")],
                 id="a German transliteration of a registered name"),
    pytest.param('The OSCE chairman warned on Tuesday that "the monitors cannot stay in danger for long."\n\n'
                 "OSCE Parliamentary Assembly President Margareta Cederfelt flew to Vienna.",
                 [("the monitors cannot stay in danger for long.", None, "governing_cue")],
                 id="a chairman is not the president named later"),
    pytest.param('"We regret that no agreement was reached tonight," said the Council chairman-in-office and Irish '
                 'Foreign Minister Simon Coveney.',
                 [("We regret that no agreement was reached tonight,", "Simon Coveney", "governing_cue")],
                 id="two titles joined by 'and' before one name are one person"),
    pytest.param('Reporters pressed the Kremlin on the talks. "Why would we attack anyone?" Asked the Russian president.',
                 [("Why would we attack anyone?", "Vladimir Putin", "nearest_cue")],
                 id="an inverted cue the question mark split into a sentence of its own"),
    pytest.param("“The line has held for a week,’’ Jens Stoltenberg told reporters in Brussels.",
                 [("The line has held for a week,", "Jens Stoltenberg", "governing_cue")], id="a quote closed by two single marks"),
]


@pytest.mark.parametrize("text,expected", FIFTH_SET_CASES)
def test_fifth_set_cases(text, expected):
    assert found(text) == expected


SIXTH_SET_CASES = [
    pytest.param("Mikhail Mishustin chaired a cabinet session. Dmitry Medvedev, once a president himself, warned Kyiv.\n\n"
                 '"The budget will carry the burden of the sanctions," the prime minister told the ministers.',
                 [("The budget will carry the burden of the sanctions,", "Mikhail Mishustin", "governing_cue")],
                 id="no date: a former holder of the role (Medvedev, prime minister until 2020) gives way", marks=pytest.mark.undated),
    pytest.param("Mateusz Morawiecki met Boris Johnson in London on the crisis.\n\n"
                 '"We stand shoulder to shoulder," the prime minister said.',
                 [("We stand shoulder to shoulder,", "Boris Johnson", "governing_cue")],
                 id="no date: two prime ministers in office at once, the one the reader met last", marks=pytest.mark.undated),
    pytest.param("Ukraine's chief negotiator Mykhailo Podolyak spoke after the round in Belarus.\n\n"
                 '"There is no result yet that we could call a breakthrough," the Ukrainian negotiator said.',
                 [("There is no result yet that we could call a breakthrough,", "Mykhailo Podolyak", "governing_cue")],
                 id="a negotiator's title learnt before the name"),
    pytest.param('Jens Stoltenberg was in Vilnius on Monday. According to Stoltenberg\'s post on Twitter, allies are '
                 '"united and ready to defend every inch".',
                 [("united and ready to defend every inch", "Jens Stoltenberg", "according_to")], id="someone's post is that person speaking"),
]


SIXTH_SET_CASES += [
    pytest.param("Ursula von der Leyen announced the measures in Brussels. MSF, which runs clinics near the border, said it had "
                 'treated dozens of people.\n\n"Our teams are seeing hypothermia every night," it said in a statement.',
                 [("Our teams are seeing hypothermia every night,", "MSF", "governing_cue")],
                 id="an acronym subject is a body that 'it' refers to, not a person called Msf"),
    pytest.param('Emmanuel Macron spoke after the call. He said France will demand "a full and verifiable withdrawal of troops".',
                 [("a full and verifiable withdrawal of troops", "Emmanuel Macron", "governing_cue")],
                 id="a future inside reported speech is no cue: the reporting verb is"),
    pytest.param('A Pentagon official, speaking on condition of anonymity, said the brigade had "moved west overnight".\n\n'
                 'The deployment was not announced. "We are watching it hour by hour," the official said.',
                 [("moved west overnight", "US Department of Defense", "governing_cue"),
                  ("We are watching it hour by hour,", "US Department of Defense", "governing_cue")],
                 id="'the official' is the one the article introduced with their body"),
    pytest.param('A senior official was in the room.\n\n"We are watching it hour by hour," the official said.',
                 [("We are watching it hour by hour,", None, "governing_cue")], id="an official introduced with no body stays unknown"),
    pytest.param("Kaja Kallas spoke in Tallinn.\n\nShe made clear that the army will stay, adding \"Estonia will not be "
                 'left alone, not for a single day."',
                 [("Estonia will not be left alone, not for a single day.", "Kaja Kallas", "governing_cue")],
                 id="a participle after a that-clause speaks with the main clause's subject, not the clause's"),
]


@pytest.mark.parametrize("text,expected", SIXTH_SET_CASES)
def test_sixth_set_cases(text, expected, request):
    date = None if request.node.get_closest_marker("undated") else "2021-11-14"
    assert found(text, date=date) == expected


SEVENTH_SET_CASES = [
    pytest.param("Saudi Arabia on Tuesday called for restraint. The kingdom's ambassador Abdallah al-Mouallimi spoke later.\n\n"
                 '"The humanitarian situation is worsening by the day," he said.',
                 [("The humanitarian situation is worsening by the day,", "Abdallah al-Mouallimi", "governing_cue")],
                 id="a two-word country is no person called by its second word"),
    pytest.param('Later, Hungary\'s deputy foreign minister warned that the convoys could become "legitimate targets" of strikes.',
                 [("legitimate targets", "Hungarian Ministry of Foreign Affairs", "governing_cue")],
                 id="an unnamed deputy minister speaks for the ministry"),
    pytest.param("Antonio Guterres flew to Moldova.\n\nThe secretary-general wanted to calm the region, telling the crowd in a short "
                 'speech: "Nobody here is alone and nobody will be forgotten."',
                 [("Nobody here is alone and nobody will be forgotten.", "Antonio Guterres", None)],
                 id="a participle's colon introduction"),
    pytest.param('Imran Khan met Vladimir Putin on Thursday. "The leaders discussed the main aspects of bilateral cooperation," '
                 "said the brief statement from the Russian presidency.",
                 [("The leaders discussed the main aspects of bilateral cooperation,", "Kremlin", "governing_cue")],
                 id="a country's presidency is its president's office"),
    pytest.param('"The delegation will meet the Russians without preconditions," Ukraine\'s presidential office said on Telegram.',
                 [("The delegation will meet the Russians without preconditions,", "Office of the President of Ukraine", "governing_cue")],
                 id="the presidential office of a country"),
    pytest.param("In remarks to the agency, the chairman of the Kurdish Diaspora Committee in the Region's Parliament, Karwan "
                 'Gaznayi, said the camps were full.\n\n"Many more families wish to come back before the winter," he said.',
                 [("Many more families wish to come back before the winter,", "Karwan Gaznayi", "governing_cue")],
                 id="a name set off by commas after a person's title is a person, whatever the NER called it"),
    pytest.param("Radu Popescu, the mayor of the town, met Dilnoza Karimova from the aid agency on Monday. She visited "
                 'the camp later.\n\n"Nobody was prepared for this many people," she said.',
                 [("Nobody was prepared for this many people,", "Dilnoza Karimova", "governing_cue")],
                 id="'she' finds the woman by her first name's usual gender"),
    pytest.param("Kazakhstan's Deputy Minister of Foreign Affairs Aigerim Tulegenova met the ambassador, Marat Seitov, on Monday.\n\n"
                 '"We are ready to help every citizen who wants to leave," she said.',
                 [("We are ready to help every citizen who wants to leave,", "Aigerim Tulegenova", "governing_cue")],
                 id="a first name the dictionary knows, at the end of a title, starts a name"),
]


@pytest.mark.parametrize("text,expected", SEVENTH_SET_CASES)
def test_seventh_set_cases(text, expected):
    got = found(text)
    assert [(w, s) for w, s, _ in got] == [(w, s) for w, s, _ in expected]
    assert all(e is None or g[2] == e for g, (_, _, e) in zip(got, expected))


EIGHTH_SET_CASES = [
    pytest.param('Governor Ann Reed wrote to state agencies on Tuesday. In the memo, the governor cited Moscow\'s "unprovoked and '
                 'brutal assault on a free country" and the new sanctions.',
                 [("unprovoked and brutal assault on a free country", "Ann Reed", "governing_cue")], id="'cited' reports words"),
    pytest.param('The federation\'s head, Lena Sorensen, said an "overwhelming majority of members" had told her they would boycott.',
                 [("overwhelming majority of members", "Lena Sorensen", "governing_cue")],
                 id="a verb whose subject is the quote reports no speaker: the verb around it does"),
    pytest.param('Archbishop Sviatoslav Shevchuk led the prayers. "We have lived through everything in three days," '
                 "Archbishop Shevchuk said.",
                 [("We have lived through everything in three days,", "Sviatoslav Shevchuk", "governing_cue")],
                 id="a church title before the surname"),
    pytest.param('"We ask every club to stand by the players," Dynamo CEO Oleksandr Kovalenko wrote.',
                 [("We ask every club to stand by the players,", "Oleksandr Kovalenko", "governing_cue")],
                 id="a club's chief executive before the name"),
    pytest.param("The Estonian Olympic Committee met on Sunday. The boycott, the EOC says, \"is the only answer left to us\".",
                 [("is the only answer left to us", "Estonian Olympic Committee", None)], id="an acronym of a body the article names"),
    pytest.param("The National Agency for Refugees (Narefa) opened two centres.\n\n"
                 '"Every family will have a bed tonight," Narefa said.',
                 [("Every family will have a bed tonight,", "National Agency for Refugees", "governing_cue")],
                 id="an acronym given in brackets, written as a word"),
]


@pytest.mark.parametrize("text,expected", EIGHTH_SET_CASES)
def test_eighth_set_cases(text, expected):
    got = found(text)
    assert [(w, s) for w, s, _ in got] == [(w, s) for w, s, _ in expected]
    assert all(e is None or g[2] == e for g, (_, _, e) in zip(got, expected))


LATER_SET_CASES = [
    pytest.param("Jean Asselborn spoke after the meeting.\n\nAsselborn said that Luxembourg and its partners rejected the "
                 "Russian demands.\n\n\"We will not bargain over the sovereignty of a neighbour.\"",
                 [("We will not bargain over the sovereignty of a neighbour.", "Jean Asselborn", "previous_cue")],
                 id="the paragraph before: the verb that reports, not the one it reports"),
    pytest.param('Dmytro Kuleba spoke in Kyiv. Kuleba said Ukraine maintains "close and friendly ties with Warsaw".',
                 [("close and friendly ties with Warsaw", "Dmytro Kuleba", "governing_cue")],
                 id="maintain with a noun object reports nothing"),
    pytest.param('"The grain must move before winter," Interfax reported Sergei Lavrov as saying.',
                 [("The grain must move before winter,", "Sergei Lavrov", "governing_cue")], id="reported X as saying"),
    pytest.param("NATO announced it was ready for further meetings on arms control, “including missile limits and nuclear "
                 "doctrine,” Jens Stoltenberg said.",
                 [("including missile limits and nuclear doctrine,", "Jens Stoltenberg", "governing_cue")],
                 id="a body's words reported by the person speaking for it"),
    pytest.param("It is important to note that “Latvia has taken in more refugees per head than any other state,” according to "
                 "Latvian Interior Minister Marija Golubeva.",
                 [("Latvia has taken in more refugees per head than any other state,", "Marija Golubeva", "according_to")],
                 id="'it is important to note' reports no one's words"),
    pytest.param('"We will take in every family that comes," the Taoiseach said.',
                 [("We will take in every family that comes,", "Micheál Martin", "governing_cue")],
                 id="an office the NER calls an organisation is a role"),
    pytest.param('"The vote shows who stands where," Ukraine\'s ambassador to the UN said.',
                 [("The vote shows who stands where,", "Sergiy Kyslytsya", "governing_cue")],
                 id="a country's ambassador to an international body"),
    pytest.param('"We expect more from our friends," Ukraine\'s ambassador to Israel said.',
                 [("We expect more from our friends,", "Yevgen Korniychuk", "governing_cue")],
                 id="an ambassador to a country keeps the destination in the title"),
    pytest.param('Lithuania will build a "physical barrier" on the border, ministers said on Tuesday.',
                 [("physical barrier", "Lithuanian government", "governing_cue")], id="bare ministers: the government of the sentence's country"),
    pytest.param('Council leader Cllr Mary Jones met officials.\n\n"We have forty homes ready," she said.',
                 [("We have forty homes ready,", "Mary Jones", "governing_cue")], id="a councillor's abbreviated title"),
]


@pytest.mark.parametrize("text,expected", LATER_SET_CASES)
def test_later_set_cases(text, expected):
    assert found(text) == expected


LOCAL_AND_PARISH_CASES = [
    pytest.param('"We left with two bags and the cat," Olga Petrenko told the paper. "The house, the garden, the dog: all of it '
                 'stayed behind. "Now we wait for news every night." Her son Marko is eleven.',
                 [("We left with two bags and the cat,", "Olga Petrenko", "governing_cue"),
                  ("The house, the garden, the dog: all of it stayed behind.", "Olga Petrenko", "continuation"),
                  ("Now we wait for news every night.", "Olga Petrenko", "continuation")],
                 id="a page that lost its line breaks: the paragraphs of one quote run together"),
    pytest.param('Taras Hrytsenko spoke at the rally. "We need more than prayers," he said. Read more: "Bombs fall on Odesa '
                 'again" warns mayor',
                 [("We need more than prayers,", "Taras Hrytsenko", "governing_cue"), ("Bombs fall on Odesa again", None, "none")],
                 id="a link to another story is no one's words here"),
    pytest.param('"I cannot sleep at night," Olena Bondar said. "Every call could be the last one." Mayor Jan Kowalski praised '
                 'the volunteers for their work.',
                 [("I cannot sleep at night,", "Olena Bondar", "governing_cue"),
                  ("Every call could be the last one.", "Olena Bondar", "continuation")],
                 id="praise with an object of its own after a finished quote is not its verb"),
    pytest.param("Reacting to news that Vladimir Putin’s government had banned him from Russia, Mark Field MP, said:\n\n"
                 "“I take it as a compliment.”",
                 [("I take it as a compliment.", "Mark Field", "colon_intro")],
                 id="a verb the parse left without a subject: the name set beside it, not one named earlier"),
    pytest.param("Bishops Kenneth Nowakowski and Borys Gudziak said the response had been overwhelming.\n\n“Every parish has given "
                 "something.\n\n“Families in Lviv have written to thank the people of Winnipeg,” they said.",
                 [("Every parish has given something.", "Kenneth Nowakowski", "previous_cue"),
                  ("Families in Lviv have written to thank the people of Winnipeg,", "Kenneth Nowakowski", "governing_cue")],
                 id="'they said' closing a quote over paragraphs: the pair named together, the first of them"),
    pytest.param("“Freedom is never free.”\n\nThose words were spoken by Maria Kowalczyk, a nurse from Lublin, at a vigil in "
                 "the town square on Sunday.",
                 [("Freedom is never free.", "Maria Kowalczyk", "following_cue")], id="'those words were spoken by'"),
    pytest.param("The Mayor of Gdansk Aleksandra Dulkiewicz visited the station. “We have beds for everyone,” she said.",
                 [("We have beds for everyone,", "Aleksandra Dulkiewicz", "governing_cue")],
                 id="the place of an office is not part of the holder's name"),
    pytest.param("“This bill keeps our promise to Ukraine,” Councilwoman Elena Ortiz said. “We will not look away,” "
                 "Councilwoman Ortiz added.",
                 [("This bill keeps our promise to Ukraine,", "Elena Ortiz", "governing_cue"),
                  ("We will not look away,", "Elena Ortiz", "governing_cue")], id="a US council member's title"),
    pytest.param("“The situation in Kherson is getting worse,” said Sgt. Mykola Hrytsiuk, 41, a medic with the brigade.",
                 [("The situation in Kherson is getting worse,", "Mykola Hrytsiuk", "governing_cue")],
                 id="an abbreviated rank does not end the sentence"),
    pytest.param("“We need generators more than anything,” said Cllr. Janet Hughes, 52, who chairs the twinning committee.",
                 [("We need generators more than anything,", "Janet Hughes", "governing_cue")],
                 id="nor does a councillor's, with its full stop"),
    pytest.param("Vicar of Bury, The Reverend Canon Mark Taylor, told the congregation: “We hold them in our prayers tonight.”",
                 [("We hold them in our prayers tonight.", "Mark Taylor", "governing_cue")],
                 id="a cleric's office and titles before the name"),
    pytest.param("The Leader of the Opposition Hon. Peter Kenilorea has called on the government to act. Hon Kenilorea said: "
                 "“Our silence is not neutrality.”",
                 [("Our silence is not neutrality.", "Peter Kenilorea", "governing_cue")], id="the Commonwealth's 'Honourable'"),
    pytest.param("The town has not forgotten them, according to St Nicholas’ Parish Priest Father Bohdan Lysykanych.\n\n"
                 "Fr Bohdan said the church had never been so full. “We pray for them every evening,” he said.",
                 [("We pray for them every evening,", "Bohdan Lysykanych", "governing_cue")],
                 id="a priest called by his title and given name"),
    pytest.param("Ukraine’s new ambassador, Yurii Klymenko, presented his credentials on Friday.\n\nAsked about sanctions, the EU "
                 "ambassador to Peru, Gaspar Frontini, said: “The measures are working.”\n\nHe described them as “tools of peace "
                 "that we can use”.",
                 [("The measures are working.", "Gaspar Frontini", "governing_cue"),
                  ("tools of peace that we can use", "Gaspar Frontini", "governing_cue")],
                 id="a description with a name beside it is that name's, not the last holder of the title"),
    pytest.param('UN High Commissioner for Human Rights Volker Türk spoke in Geneva on Monday. The U.N. official called for '
                 '"an immediate ceasefire" in the region.',
                 [("an immediate ceasefire", "Volker Turk", "governing_cue")],
                 id="'the U.N. official' after a U.N. office holder is that person, not the body"),
    pytest.param('We stand ready to take more families from Lviv," said Mayor Jacek Sutryk on Tuesday.',
                 [("We stand ready to take more families from Lviv,", "Jacek Sutryk", "governing_cue")],
                 id="a paragraph that lost its opening mark"),
    pytest.param("Volunteer Marta Nowak has teamed up with retired engineer Piotr Zielinski, who drove the first van to Przemysl. "
                 "Piotr later found a second driver.\n\n“Marta rang me one evening and I said yes at once. It was the easiest "
                 "decision I ever made.”",
                 [("Marta rang me one evening and I said yes at once. It was the easiest decision I ever made.", "Piotr Zielinski",
                   "introduced_speaker")], id="of two people introduced, not the one the quote speaks of"),
    pytest.param("Oleh Kovalenko, 19, volunteers at the shelter every weekend.\n\n“The beds are full every night,” says his "
                 "mother and shelter manager, Halyna Kovalenko.",
                 [("The beds are full every night,", "Halyna Kovalenko", "governing_cue")],
                 id="a relative and a title after the verb, then the name ending the sentence"),
    pytest.param("Bangladesh has criticised Western sanctions on Moscow, saying they hurt poorer nations such as Bangladesh.\n\n"
                 "Fuel prices in Bangladesh have doubled since March, while neighbouring Myanmar remains under sanctions of its "
                 "own.\n\nA foreign ministry spokesman said on Thursday that sanctions “must go through the United Nations”.",
                 [("must go through the United Nations", "Bangladeshi Ministry of Foreign Affairs", "governing_cue")],
                 id="a ministry without its country: the government the story is about, not one named in passing"),
    pytest.param('Anze Logar arrived in Chisinau on Tuesday.\n\n"Moldova can count on us," Logar was quoted as saying by his '
                 'ministry on Facebook.',
                 [("Moldova can count on us,", "Anze Logar", "governing_cue")],
                 id="'was quoted as saying by': the subject of a passive 'quoted' is the speaker"),
    pytest.param("Mayor Andriy Sadovyi posted a video from the station. He also shared: “Lviv has taken in more than 200,000 "
                 "people and we are not done.”",
                 [("Lviv has taken in more than 200,000 people and we are not done.", "Andriy Sadovyi", "governing_cue")],
                 id="'shared:' on social media reports words (not 'shared a video')"),
    pytest.param('Greta Lindqvist, a nurse from Malmo, has spent three weeks at the border.\n\n"We sleep four hours a night," '
                 "the tired 52-year-old said, standing by the tents.",
                 [("We sleep four hours a night,", "Greta Lindqvist", "governing_cue")],
                 id="'the tired 52-year-old said', its 'said' tagged as a noun"),
    pytest.param("The children were met at the airport by their grandparents Halyna and Bohdan Tkachenko, who moved to Perth in "
                 "2015.\n\nHalyna said: “We did not sleep for three nights before they came.”",
                 [("We did not sleep for three nights before they came.", "Halyna Tkachenko", "governing_cue")],
                 id="a couple sharing the surname, the first given name alone later"),
    pytest.param("Sinn Féin TD Mairéad Farrell has visited the border.\n\nTeachta Farrell said: “What is happening here is a "
                 "disgrace to Europe.”",
                 [("What is happening here is a disgrace to Europe.", "Mairéad Farrell", "governing_cue")],
                 id="an Irish deputy's title in Irish"),
    pytest.param("Olena Marchuk fled from near Kyiv – Irpin is a town of 60,000 where she ran a bakery. “Everything was "
                 "burning,” she said.",
                 [("Everything was burning,", "Olena Marchuk", "governing_cue")],
                 id="'X is a town of 60,000': a place the gazetteer lacks is no person"),
    pytest.param("“I am sorry, I cannot talk about my family without crying,” apologised Oleksandr Kovalenko, the consul in Perth.",
                 [("I am sorry, I cannot talk about my family without crying,", "Oleksandr Kovalenko", "governing_cue")],
                 id="'apologised' reports words"),
    pytest.param('"The corridor works every day," Minister of Defence Oleksii Reznikov marks.',
                 [("The corridor works every day,", "Oleksii Reznikov", "governing_cue")],
                 id="a machine translation's 'marks' for 'notes'"),
    pytest.param("Opposition leader Svetlana Tikhanovskaya visited Cork on Friday. Her husband, Sergei Tikhanovskaya, is in "
                 "prison in Belarus.\n\n“I will go home one day,” Ms Tikhanovskaya said.",
                 [("I will go home one day,", "Sviatlana Tsikhanouskaya", "governing_cue")],
                 id="'Ms' and a surname spelled as the article spells it: her, not the man the article gives her surname"),
    pytest.param("Latvia welcomed the deal.\n\nThe Foreign Ministry praised the talks as “a step towards peace”.\n\nThe Turkish "
                 "Foreign Ministry later announced the next round. “The delegations will meet in Istanbul,” the ministry said.",
                 [("a step towards peace", "Latvian Ministry of Foreign Affairs", "governing_cue"),
                  ("The delegations will meet in Istanbul,", "Turkish Ministry of Foreign Affairs", "governing_cue")],
                 id="'the ministry' after a second country's ministry is that one"),
    pytest.param("The Ukrainian Embassy in Nairobi issued a statement on Monday.\n\n“Our citizens in Kenya are safe and accounted "
                 "for,” the Embassy said.",
                 [("Our citizens in Kenya are safe and accounted for,", "Ukrainian Embassy in Kenya", "governing_cue")],
                 id="an embassy named by its host's capital is the embassy in that country"),
    pytest.param('The Embassy of India in Poland said it was ready to help.\n\n"Students should go to the Medyka crossing," the '
                 "embassy said.",
                 [("Students should go to the Medyka crossing,", "Indian Embassy in Poland", "governing_cue")],
                 id="'the Embassy of X in Y' is the same body as 'the X-ian Embassy in Y'"),
    pytest.param("“The sanctions must bite,” said Labour Senator Mark Wall on Tuesday.",
                 [("The sanctions must bite,", "Mark Wall", "governing_cue")], id="a party and a title before the name"),
]


@pytest.mark.parametrize("text,expected", LOCAL_AND_PARISH_CASES)
def test_local_and_parish_cases(text, expected):
    """Council press releases, parish newsletters and local papers: their titles and layouts."""
    assert found(text) == expected


# Kinds first met in news of 2024-25 (held-out sets 52-55), each written here in another style.
BINDING_AND_OFFICE_CASES = [
    pytest.param("Prime Minister Lars Lind met President Jonas Berg in Oslo on Friday.\n\n“We call for a ceasefire now,” Lind "
                 "said.\n\nBerg “assured me that Finland stands ready to help,” he added.\n\nHe welcomed a “clear commitment” "
                 "from Berg.",
                 [("We call for a ceasefire now,", "Lars Lind", "governing_cue"),
                  ("assured me that Finland stands ready to help,", "Lars Lind", "governing_cue"),
                  ("clear commitment", "Lars Lind", "governing_cue")],
                 id="a pronoun is not the person named in its own clause or in the words it reports"),
    pytest.param('Jonas Berg flew to Oslo on Friday. When Berg arrived in the city, he said "we are here to help."',
                 [("we are here to help.", "Jonas Berg", "governing_cue")],
                 id="a clause set before the pronoun does not bind it"),
    pytest.param('Marta Nowak met her neighbour Ana Silva at the station. Ana told us what it was like, she said: "We had '
                 'nothing left."',
                 [("We had nothing left.", "Ana Silva", "governing_cue")],
                 id="a name before the pronoun that the quote does not go on from still can be it"),
    pytest.param('Parishioners welcomed the Bishop of Down and Connor Noel Treanor on Sunday. "We must keep praying for peace," '
                 'the bishop said. Bishop Treanor added: "No family should be left alone."',
                 [("We must keep praying for peace,", "Noel Treanor", "governing_cue"),
                  ("No family should be left alone.", "Noel Treanor", "governing_cue")],
                 id="an office of two places: the second place is not the bishop's given name"),
    pytest.param('Archbishop of Cardiff and Menevia Mark O\'Toole wrote to parishes. "Our doors are open to every family," '
                 "the archbishop wrote.",
                 [("Our doors are open to every family,", "Mark O'Toole", "governing_cue")],
                 id="'the archbishop' is the person the article gives that office"),
    pytest.param("Defence Minister Pal Jonson visited the Gotland garrison on Tuesday.\n\nQuote from Jonson: “We are "
                 "strengthening the island's defences every week.”\n\nDetails: He said the works would take years, but “the "
                 "plan is on schedule”.",
                 [("We are strengthening the island's defences every week.", "Pal Jonson", "colon_intro"),
                  ("the plan is on schedule", "Pal Jonson", "governing_cue")],
                 id="a 'Quote from X:' label gives the words to X; 'Quote' is no one's name"),
    pytest.param("Mayor Vitali Klitschko reported damage in three districts overnight.\n\nSource: Klitschko on Telegram\n\n"
                 "Quote: “Rescuers are working at all the sites. Stay in the shelters.”",
                 [("Rescuers are working at all the sites. Stay in the shelters.", "Vitali Klitschko", "colon_intro")],
                 id="a bare 'Quote:' label: the source line above names whose words they are"),
    pytest.param("Interior Minister Nancy Faeser spoke after the meeting. According to her, the border controls work and, she "
                 "says, “will stay as long as they are needed,” Tagesspiegel writes.",
                 [("will stay as long as they are needed,", "Nancy Faeser", "governing_cue")],
                 id="a paper that relays the words is not their speaker when a person says them in the sentence"),
    pytest.param("“We will not be blackmailed”: Sánchez rejects the demands of Spain’s farmers\n\nThe prime minister "
                 "spoke in Madrid.",
                 [("We will not be blackmailed", "Pedro Sánchez", "headline_speaker")],
                 id="a headline quote before a colon belongs to the subject of the clause after it"),
    pytest.param("The Finnish Foreign Ministry responded to the incident on Friday. Border guard chief Kari Lehto described "
                 "the breach as serious.\n\n“We will demand an explanation and the return of the equipment,” the message reads.",
                 [("We will demand an explanation and the return of the equipment,", "Finnish Ministry of Foreign Affairs",
                   "governing_cue")],
                 id="'the message reads': the body whose message it is, not the person named last"),
    pytest.param("The Belarusian Foreign Ministry published its report on the talks on Tuesday. Eight of the delegates were "
                 "women.\n\n“The sides agreed to meet again in Minsk,” the report said.",
                 [("The sides agreed to meet again in Minsk,", "Belarusian Ministry of Foreign Affairs", "governing_cue")],
                 id="'the report said': the body that issued it"),
    pytest.param("Families gathered at the cathedral on Sunday.\n\n“We still wake up to the news from home.”\n\nOksana "
                 "Melnyk\n\n42-year-old Oksana Melnyk left Lviv with her two sons in 2022. She now works at a bakery in Leeds.",
                 [("We still wake up to the news from home.", "Oksana Melnyk", "opening_quote")],
                 id="a pull quote signed by a line that is only a name"),
    pytest.param("19-year-old Taras Hnatyuk came to Galway with his mother.\n\nHe said: “The people here gave us a home.”"
                 "\n\nTaras now studies engineering. “I want to build bridges back home,” he added.",
                 [("The people here gave us a home.", "Taras Hnatyuk", "governing_cue"),
                  ("I want to build bridges back home,", "Taras Hnatyuk", "governing_cue")],
                 id="an age before a name describes a person, and the given name alone is that person"),
    pytest.param("“We stand with the people of Ukraine, the ‘heroic defenders,’“ said Bishop Anne Dale. “We will keep "
                 "praying.”",
                 [("We stand with the people of Ukraine, the ‘heroic defenders,’", "Anne Dale", "governing_cue"),
                  ("We will keep praying.", "Anne Dale", "continuation")],
                 id="a closing mark typed the wrong way round after a nested quote, before an inverted 'said'"),
    pytest.param("The president of the European Youth Forum urged leaders to act. President Vladimir Putin was not invited."
                 "\n\n“Young people want a voice at the table,” the president of the forum said.",
                 [("Young people want a voice at the table,", None, "governing_cue")],
                 id="the president of a body is no head of state the article names"),
    pytest.param("The talks brought together Russian President Vladimir Putin and Ukrainian President Volodymyr Zelensky."
                 "\n\n“We will not give up our land,” the Ukrainian president said.",
                 [("We will not give up our land,", "Volodymyr Zelensky", "governing_cue")],
                 id="one president's title and name are not the next president's titles"),
    pytest.param("President Samia Suluhu Hassan met the visiting delegation in Dodoma on Monday, and then with "
                 "Kenyan President William Ruto.\n\n“Our region wants this war to end,” the Tanzanian president said.",
                 [("Our region wants this war to end,", "Samia Suluhu Hassan", "governing_cue")],
                 id="a two-word nationality in a description ('the Tanzanian president', 'the South African president')"),
    pytest.param("Representatives Ann Kuster (D-N.H.) and Don Bacon (R-Neb.) wrote to the Secretary of State on Monday.\n\n"
                 "“Every prisoner in Belarus must be freed,” wrote the lawmakers.",
                 [("Every prisoner in Belarus must be freed,", "Ann Kuster", "governing_cue")],
                 id="'the lawmakers' who wrote: the first of the group named together"),
    pytest.param("Prime Minister Ulf Kristersson spoke with President Alexander Stubb on Friday, and they agreed “that Nato "
                 "must stay ready”, the Swedish prime minister said.",
                 [("that Nato must stay ready", "Ulf Kristersson", "governing_cue")],
                 id="what a group agreed, reported by one of them, is that person's"),
    pytest.param("Talking to the BBC's Sarah Rainsford, the Polish president warned of “a new iron curtain”.\n\nPresident "
                 "Andrzej Duda was in Warsaw.",
                 [("a new iron curtain", "Andrzej Duda", "governing_cue")],
                 id="the subject after a phrase that ends with a journalist's name is not that journalist"),
    pytest.param("Foreign ministers Margus Tsahkna and Baiba Braže met in Tallinn on Monday.\n\n“We will not let Russia "
                 "divide us,” the two ministers said.",
                 [("We will not let Russia divide us,", "Margus Tsahkna", "governing_cue")],
                 id="'the two ministers said': the first of the people named together"),
    pytest.param("Norway's foreign ministry welcomed the agreement saying: “This is a day of hope for the whole region.”",
                 [("This is a day of hope for the whole region.", "Norwegian Ministry of Foreign Affairs", "governing_cue")],
                 id="a participle right after the head verb's object speaks for that verb's subject"),
    pytest.param("Senators Amy Klobuchar and Chuck Grassley wrote to the Pentagon on Friday.\n\nThe letter followed a "
                 "hearing.\n\n“Ukraine needs these systems now,” they said.",
                 [("Ukraine needs these systems now,", "Amy Klobuchar", "governing_cue")],
                 id="'they said' of a pair named together paragraphs before: the first of them"),
    pytest.param("Senators Amy Klobuchar and Chuck Grassley wrote to the Pentagon on Friday.\n\nThe Defense Department "
                 "confirmed the request.\n\n“The systems will be delivered in March,” they said.",
                 [("The systems will be delivered in March,", "US Department of Defense", "governing_cue")],
                 id="'they said' after a body acted since the pair: the body"),
    pytest.param("Forty writers signed the appeal. Among them are Olga Tokarczuk, Serhiy Zhadan and others.\n\nThe "
                 "signatories note that the prisoners are ill.\n\nThey call on Minsk “to free every one of them”.",
                 [("to free every one of them", None, "governing_cue")],
                 id="'they' after a list 'and others' and a plural subject is not the list's first name"),
    pytest.param("Yuliia Koval and Maryana Bilyk run the shelter in Lviv.\n\n“We have room for twenty more families,” they "
                 "said.",
                 [("We have room for twenty more families,", "Yuliia Koval", "governing_cue")],
                 id="Ukrainian given names in today's transliteration are people's"),
]


@pytest.mark.parametrize("text,expected", BINDING_AND_OFFICE_CASES)
def test_binding_and_office_cases(text, expected):
    assert found(text) == expected


def test_words_no_sieve_placed_take_the_speaker_of_a_quote_that_contains_them():
    text = ('Wellington sent its "deepest sympathy" on Monday.\n\n'
            '"We send our deepest sympathy to the families in Kyiv," Jacinda Ardern said.')
    assert [(w, s) for w, s, _ in found(text)][0] == ("deepest sympathy", "Jacinda Ardern")


def test_a_participle_after_the_quote_is_not_the_speaker_of_the_words_before_it():
    text = ('The embassy thanks donors for the "warm welcome", while the envoy, Olga Kovalenko, wants more, '
            'calling the offer "too little, too late".')
    assert [(w, s) for w, s, _ in found(text)] == [("too little, too late", "Olga Kovalenko")]


def test_the_statement_of_a_head_of_states_office_is_the_office_each_time_it_speaks():
    text = ("Gitanas Nauseda spoke to Andrzej Duda on Monday, Nauseda’s office said in a statement.\n\n"
            "“The two presidents agreed to keep the border closed,” the statement read.\n\n"
            "Lithuania will also build a fence. By doing so, Lithuania “protects the whole of the European Union”, the statement said.")
    assert [(w, s) for w, s, _ in found(text, date=None)] == [
        ("The two presidents agreed to keep the border closed,", "Office of the President of Lithuania"),
        ("protects the whole of the European Union", "Office of the President of Lithuania")]


def test_a_guess_is_never_a_person_the_quote_speaks_of():
    text = ("Olena Petrenko, a nurse from Sumy, was killed on Monday.\n\n"
            "“The death of Olena Petrenko has left the hospital without its best nurse,” the state minister said.")
    assert [(w, s) for w, s, _ in found(text, date=None)] == [
        ("The death of Olena Petrenko has left the hospital without its best nurse,", None)]


def test_a_headline_description_is_the_person_the_body_gives_that_title():
    text = "The German Ambassador to Poland Thomas Bagger spoke in Warsaw on Monday."
    assert found(text, date=None, headline='German ambassador hails "a historic step"') == [
        ("a historic step", "Thomas Bagger", "governing_cue")]


@pytest.mark.parametrize("line,expected", [
    pytest.param("Russian Paralympic Committee statement", "Russian Paralympic Committee", id="a body's statement"),
    pytest.param("Statement by the Kremlin", "Kremlin", id="statement by"),
    pytest.param("Zelensky's statement", "Zelensky", id="a person's statement"),
    pytest.param("Full text of the Nato statement", "Nato", id="full text of"),
    pytest.param("The statement", None, id="no one named"),
    pytest.param("Joint statement", None, id="a joint statement names no one"),
    pytest.param("Kremlin spokesman Dmitry Peskov said.", None, id="a sentence is no heading"),
    pytest.param("Source: Kyiv Independent", "Kyiv Independent", id="an aggregator's source line"),
    pytest.param("Source: Getty Images", None, id="a photo credit is no source"),
])
def test_a_statement_heading_names_its_author(line, expected):
    from dashboard.pipeline.attribution import _statement_heading

    assert _statement_heading(line) == expected


def test_the_paragraphs_under_a_statement_heading_are_its_authors():
    text = ('The Lithuanian Athletics Federation met on Monday.\n\nLithuanian Athletics Federation statement\n\n'
            '"The federation has studied every argument and will not send its athletes."\n\n'
            '"None of them stand up to scrutiny."')
    assert [(w, s) for w, s, _ in found(text)] == [
        ("The federation has studied every argument and will not send its athletes.", "Lithuanian Athletics Federation"),
        ("None of them stand up to scrutiny.", "Lithuanian Athletics Federation")]


def test_a_title_the_parse_hung_on_a_place_still_names_its_holder():
    text = ("Vladimir Putin was the target of the speeches. The rally was also attended by the mayor of Gdansk, Aleksandra "
            "Dulkiewicz, who said that the city would help.\n\n"
            '"Gdansk will take in everyone who needs shelter this winter," said the mayor of Gdansk.')
    assert [(w, s) for w, s, _ in found(text)] == [("Gdansk will take in everyone who needs shelter this winter,", "Aleksandra Dulkiewicz")]


def test_the_opposition_leader_is_not_the_countrys_authoritarian_leader():
    text = ("Exiled opposition leader Sviatlana Tsikhanouskaya spoke in Vilnius. Alexander Lukashenko gave an interview.\n\n"
            "Belarus's authoritarian leader said it was \"absolutely possible\" that his troops had helped them.")
    assert [(w, s) for w, s, _ in found(text)] == [("absolutely possible", "Alexander Lukashenko")]


# Headlines, parties, police forces and bodies of a kind (cases written for held-out sets 64-71's failure kinds).
HEADLINE_AND_BODY_CASES = [
    pytest.param("Tenants met at the community hall on Monday.\n\n“The landlord just never really listened to us at all,” said "
                 "Maria Lopes, 44, who has lived on the estate since 2009.",
                 "‘The landlord never listened to us’: Leith tenants vow rent strike",
                 [("The landlord never listened to us", "Maria Lopes", "repeated_words"),
                  ("The landlord just never really listened to us at all,", "Maria Lopes", "governing_cue")],
                 id="a headline's group of people names no one: its words are the body's quote's"),
    pytest.param("Senator Mary Walsh launched her campaign in Sligo on Tuesday.\n\nWalsh said she would travel to every county.",
                 "Walsh opens Seanad bid, hopes to ‘listen before I lead’",
                 [("listen before I lead", "Mary Walsh", "headline_speaker")],
                 id="a headline's quote in the clause its named subject opens is the subject's"),
    pytest.param("Fianna Fáil leader Micheál Martin answered questions in the Dáil.\n\nHe was asked about housing.",
                 "Martin doubts Sinn Féin’s ‘we will build 300,000 homes’ pledge",
                 [("we will build 300,000 homes", None, "none")],
                 id="an owner named between the headline's subject and the quote: not the subject's words"),
    pytest.param("The candidate, whose sister, Aoife, is a nurse in Cork, said she backed the strike.\n\n“Nurses deserve better "
                 "than this,” she said.",
                 "Headline for a test article here",
                 [("Nurses deserve better than this,", None, "governing_cue")],
                 id="a name inside a relative clause's phrase is no description's holder"),
    pytest.param("Labour’s Peter Grant won the seat with 52 per cent.\n\n“This is a night for the whole town,” Grant said.",
                 "Headline for a test article here",
                 [("This is a night for the whole town,", "Peter Grant", "governing_cue")],
                 id="a party's possessive before a name is no part of the name"),
    pytest.param("Officers were attacked with bricks in Larne overnight, the PSNI said.\n\nPolice said they had faced "
                 "“a sustained and violent attack”.",
                 "Headline for a test article here",
                 [("a sustained and violent attack", "Police Service of Northern Ireland", "governing_cue")],
                 id="'police said' is the police force the article names"),
    pytest.param("The Retail Federation for Northern Ireland said the new levy was “too little, too late”.",
                 "Headline for a test article here",
                 [("too little, too late", "Retail Federation for Northern Ireland", "governing_cue")],
                 id="a place inside a body's name stands for no government"),
    pytest.param("Bord Gáis Energy and Uisce Éireann both reported faults on Friday.\n\nA Bord Gáis Energy spokeswoman said "
                 "crews were out. “We hope to have everyone reconnected by Sunday,” she said.",
                 "Headline for a test article here",
                 [("We hope to have everyone reconnected by Sunday,", "Bord Gáis Energy", "governing_cue")],
                 id="a spokeswoman of a body the article named is that body's, not the last body named"),
    pytest.param("Irish Rail confirmed the signal fault on Monday.\n\nThe rail operator said engineers would fix it “as fast as we "
                 "safely can”.",
                 "Headline for a test article here",
                 [("as fast as we safely can", "Irish Rail", "governing_cue")],
                 id="'the water firm' is the body of that kind the article is about"),
    pytest.param("Mayor Jane Byrne opened the new bridge in Athlone on Monday.\n\nCouncillor Aoife Healy cuts the ribbon at the "
                 "opening Picture: Sasko Lazarov\n\n“This bridge links two communities,” she said.",
                 "Headline for a test article here",
                 [("This bridge links two communities,", "Jane Byrne", "governing_cue")],
                 id="a photo's caption between is not whom the reader has in mind"),
    pytest.param("Kristen Michal\nKristen Michal Source: Siim Lõvi /ERR\n\nPrime Minister Kristen Michal spoke in Tallinn.\n\n"
                 "“We will build the wall,” he said.",
                 "Headline for a test article here",
                 [("We will build the wall,", "Kristen Michal", "governing_cue")],
                 id="a credit's label after a name is no part of it"),
    pytest.param("The minister of foreign affairs, Maria Lindqvist, said on Monday the talks had failed.\n\n“We will not sign "
                 "this text,” the official wrote on X.",
                 "Headline for a test article here",
                 [("We will not sign this text,", "Maria Lindqvist", "governing_cue")],
                 id="'the official' is the office holder just named"),
    pytest.param("Maria Lindqvist spoke in Stockholm.\n\nLindqvist stressed that “in these hard times,” Sweden again asks its "
                 "partners for help.",
                 "Headline for a test article here",
                 [("in these hard times,", "Maria Lindqvist", "governing_cue")],
                 id="a country's words in the clause a person's cue reports are the person's"),
    pytest.param("Responding to the result, Scottish Labour leader Anas Sarwar said the party had won.\n\nHe went on: “We "
                 "listened to people.”",
                 "Headline for a test article here",
                 [("We listened to people.", "Anas Sarwar", "colon_intro")],
                 id="a party's name is nobody's, and no pronoun's antecedent"),
    pytest.param("Plaid Cymru leader Rhun ap Iorwerth spoke in the Senedd.\n\nMr ap Iorwerth said: “Wales deserves better.”",
                 "Headline for a test article here",
                 [("Wales deserves better.", "Rhun ap Iorwerth", "governing_cue")],
                 id="a Welsh 'ap' is a particle of the surname"),
    pytest.param("Baroness Helen Price met farmers in Brecon.\n\n“Farming is the heart of Wales,” Baroness Price said.",
                 "Headline for a test article here",
                 [("Farming is the heart of Wales,", "Helen Price", "governing_cue")],
                 id="'Baroness' is an honorific, not a name"),
    pytest.param("Councillors voted 30 to 9 for the plan.\n\n“It is a great day for the city,” said the housing committee's "
                 "chair, councillor Ruth Okafor.",
                 "Headline for a test article here",
                 [("It is a great day for the city,", "Ruth Okafor", "governing_cue")],
                 id="the name set off after an inverted cue's title is the speaker"),
    pytest.param("A spokesman for Save Our Libraries (SOL), the group behind the petition, said: “Closing branches is a false "
                 "economy.”",
                 "Headline for a test article here",
                 [("Closing branches is a false economy.", "Save Our Libraries", "governing_cue")],
                 id="a spokesman of a body the article spells out by its acronym"),
    pytest.param("Governor Ann Holt signed the budget on Monday.\n\nMayor Tom Reyes spoke at the rally.\n\nHolt's remarks "
                 "describing the budget as “a gift to working families” were simply wrong, Reyes said.",
                 "Headline for a test article here",
                 [("a gift to working families", "Ann Holt", "governing_cue")],
                 id="the owner of the remarks a quote hangs on said it, not the reporter of the sentence"),
    pytest.param("Sheila Grant's statement came an hour before the Ortiz administration confirmed the cuts.\n\n“We were "
                 "never consulted,” she said.",
                 "Headline for a test article here",
                 [("We were never consulted,", "Sheila Grant", "governing_cue")],
                 id="the owner of a subject's statement acts; a name modifying a body does not"),
    pytest.param("President Alar Karis met President Karol Nawrocki in Warsaw.\n\nNawrocki said the talks went well. “We "
                 "agree on the border,” the president said.",
                 "Headline for a test article here",
                 [("We agree on the border,", "Karol Nawrocki", "governing_cue")],
                 id="'the president' of two the article names: the one the reader has in mind"),
    pytest.param("Kenya's main opposition party, Umoja, has rejected the count. The party says the tally “cannot be trusted”.",
                 "Headline for a test article here",
                 [("cannot be trusted", "Umoja", "governing_cue")],
                 id="a name set beside a party's noun is the party's; 'the party' is it"),
    pytest.param("Premier Lucy Tran met Premier Omar Haddad in Regina.\n\nTran rejected Haddad's claim that the new line is "
                 "“a fantasy”, calling it “a shameful thing to say”.",
                 "Headline for a test article here",
                 [("a fantasy", "Omar Haddad", "governing_cue"), ("a shameful thing to say", "Lucy Tran", "governing_cue")],
                 id="the content of someone's claim is theirs, within the sentence of whoever dismisses it"),
    pytest.param("Premier Lucy Tran met Premier Omar Haddad in Regina.\n\nTran criticised Haddad's “reckless” comments on "
                 "the line.",
                 "Headline for a test article here",
                 [("reckless", "Lucy Tran", "governing_cue")],
                 id="a word that qualifies someone's comments is the critic's"),
    pytest.param("Chancellor Rosa Hale presented the budget on Wednesday. Hale made it plain that the plan would “protect "
                 "working people”.",
                 "Headline for a test article here",
                 [("protect working people", "Rosa Hale", "governing_cue")],
                 id="'made it plain/clear that' reports words"),
    pytest.param("Voters backed Marco Ruiz on Sunday.\n\n“We will win the second round,” said the father of three and former "
                 "mayor.",
                 "Headline for a test article here",
                 [("We will win the second round,", "Marco Ruiz", "governing_cue")],
                 id="'the father of three' is the person the reader has in mind"),
    pytest.param("Japan's Ministry of Foreign Affairs said the talks were “frank and useful”.",
                 "Headline for a test article here",
                 [("frank and useful", "Japanese Ministry of Foreign Affairs", "governing_cue")],
                 id="a country's possessive before 'Ministry of X' is its nationality"),
    pytest.param("A nurse who works on the ward told Channel 4 News about the night.\n\n“I have never seen anything like it,” "
                 "they said.",
                 "Headline for a test article here",
                 [("I have never seen anything like it,", None, "governing_cue")],
                 id="an outlet told the words is not what 'they' said"),
    pytest.param("The club's owner, Ruth Kelly, released a statement to fans on Friday.\n\nThe statement read: “Our manager "
                 "leaves with our thanks.”",
                 "Headline for a test article here",
                 [("Our manager leaves with our thanks.", "Ruth Kelly", "governing_cue")],
                 id="'the statement' is the one someone was just said to have released"),
    pytest.param("Kim Min-ji runs a bakery in Busan.\n\n“Business is slow this winter,” Ms Kim said.",
                 "Headline for a test article here",
                 [("Business is slow this winter,", "Kim Min-ji", "governing_cue")],
                 id="a Korean name's family name comes first"),
    pytest.param("Reporters asked about the tariffs.\n\n“We will answer calmly,” President Lee said.",
                 "Headline for a test article here",
                 [("We will answer calmly,", "Lee Jae-myung", "governing_cue")],
                 id="'President Lee' is the registry's Lee Jae-myung"),
    pytest.param("SEOUL: The presidential office said on Monday the summit had been “productive and warm”.",
                 "Headline for a test article here",
                 [("productive and warm", "Office of the President of South Korea", "governing_cue")],
                 id="'the presidential office' is the office of the dateline country's president"),
    pytest.param("Councilor Anderson chairs the finance committee in Utica.\n\n“The budget is tight,” Anderson said.",
                 "Headline for a test article here",
                 [("The budget is tight,", "Anderson", "governing_cue")],
                 id="a surname that only resembles a registry person's (Andersson) is not theirs where their country is not named"),
    pytest.param("Challenging Trump\n\nThe president said he would not back down. “We will not be bullied,” Lula said.",
                 "Headline for a test article here",
                 [("We will not be bullied,", "Luiz Inácio Lula da Silva", "governing_cue")],
                 id="a heading's -ing verb before a surname is no given name"),
]


@pytest.mark.parametrize("text,headline,expected", HEADLINE_AND_BODY_CASES)
def test_headline_and_body_cases(text, headline, expected):
    assert found(text, headline=headline) == expected


def test_the_prime_minister_of_the_datelines_country_on_the_articles_date():
    text = ("KINGSTON, Jamaica - The Prime Minister thanked the crews who restored power overnight.\n\n"
            "“Every parish will have light by Sunday,” he said.")
    assert found(text, date="2025-07-01") == [("Every parish will have light by Sunday,", "Andrew Holness", "governing_cue")]


# Held-out sets 88-91 (Africa, South and Southeast Asia, Ireland/Oceania/Canada, Eastern Europe):
# the kinds of failure they showed, each written here in another style.
HELD_OUT_88_91_CASES = [
    pytest.param('The Ministry of Defence of Lithuania spoke on Friday.\n\nThe ministry said the drills near the border were '
                 '"purely defensive and planned long ago".',
                 "Headline for a test article here",
                 [("purely defensive and planned long ago", "Lithuanian Ministry of Defence", "governing_cue")],
                 id="a body the NER cut before its country ('the Ministry of Defence of' + 'Lithuania') is one body"),
    pytest.param("Officers stood at the crossing in Kuznica on Sunday.", "“PiS”: We Will Not Accept The Deal And Will Not Vote For It",
                 [], id="capitalised words of a title-case headline are nobody's name"),
    pytest.param("The ruling marks a reversal of Mariusz Blaszczak's earlier claim that the fence was \"only a temporary measure\".",
                 "Headline for a test article here",
                 [("only a temporary measure", "Mariusz Blaszczak", "governing_cue")], id="the owner of the claim the quote is part of"),
    pytest.param("That was a U-turn on the Polish Border Guard's previous statement that the camps would be \"closed by spring\".",
                 "Headline for a test article here",
                 [("closed by spring", "Polish Border Guard", "governing_cue")], id="a body's statement that …, the parse astray"),
    pytest.param('The mayor of Vilnius, Remigijus Simasius, spoke on Monday.\n\n'
                 '"We are ready for any scenario at the border," the LRT portal quotes the head of the city.',
                 "Headline for a test article here",
                 [("We are ready for any scenario at the border,", "Remigijus Simasius", "governing_cue")],
                 id="an outlet that quotes someone relays their words; 'the head of the city' is its mayor"),
    pytest.param('Alexander Lukashenko spoke to officials in Minsk on Friday.\n\n- Putin says gas deal with Europe can wait\n\n'
                 'He said the migrants were "welcome to stay as long as they wish".',
                 "Headline for a test article here",
                 [("welcome to stay as long as they wish", "Alexander Lukashenko", "governing_cue")],
                 id="a bulleted link to another story is no antecedent"),
    pytest.param("Ursula von der Leyen met ministers in Brussels on Monday.\n\nThis comes as she briefs allies on her talks "
                 'with Olaf Scholz.\n\n"We will not be blackmailed. Europe stands together on this, now and later."',
                 "Headline for a test article here",
                 [("We will not be blackmailed. Europe stands together on this, now and later.", "Ursula von der Leyen",
                   "introduced_speaker")],
                 id="the paragraph's subject pronoun over a name it only mentions"),
    pytest.param("The president's spokesman, Serhiy Nykyforov, spoke to journalists in Kyiv on Friday about the talks.",
                 "Zelensky’s spokesman brushes off talk of a rift – ‘The team is united’",
                 [("The team is united", "Serhiy Nykyforov", "headline_speaker")],
                 id="a headline opened by an owner's office, the quote set apart by a dash"),
    pytest.param("Foreign Minister Zbigniew Rau spoke in Warsaw on Friday about the crisis at the border.",
                 "‘Poland Will Never Accept Blackmail From Minsk’ – Foreign Minister Fumes",
                 [("Poland Will Never Accept Blackmail From Minsk", "Zbigniew Rau", "headline_speaker")],
                 id="a quote in a title-case headline is a quote, not a title"),
    pytest.param('Kaja Kallas spoke in Tallinn on Monday.\n\nAsked about talks, she said they believe in dialogue. '
                 '"Nobody should doubt our resolve. We will defend every inch."',
                 "Headline for a test article here",
                 [("Nobody should doubt our resolve. We will defend every inch.", "Kaja Kallas", "nearest_cue")],
                 id="the verb that reports, not one inside what it reports"),
    pytest.param('Kyiv accused the units led by Ramzan Kadyrov of shelling the town, describing it as "a war crime against civilians".',
                 "Headline for a test article here",
                 [("a war crime against civilians", "Ukrainian government", "governing_cue")],
                 id="the leader of the units someone accuses says nothing"),
    pytest.param("Officers stood at the crossing in Kuznica on Sunday.",
                 "Inspector says ‘we did everything by the book’",
                 [("we did everything by the book", None, "governing_cue")],
                 id="a rank is no one's name"),
    pytest.param("Judge Marek Nowak called journalists Anna Kowalska and Ewa Lis to a hearing in Warsaw on Monday.\n\n"
                 'The judge apologised to Ms Kowalska and Ms Lis.\n\n"Had I known, I would never have allowed it to happen," he told the journalists.',
                 "Headline for a test article here",
                 [("Had I known, I would never have allowed it to happen,", "Marek Nowak", "governing_cue")],
                 id="the subject of a sentence that lists others is still its subject"),
    pytest.param('Officials repeated that the crossing was closed "for reasons of security".\n\nZbigniew Rau said: "The crossing is '
                 'closed for now, and for reasons we have stated many times, of security and order."',
                 "Headline for a test article here",
                 [("for reasons of security", None, "none"),
                  ("The crossing is closed for now, and for reasons we have stated many times, of security and order.", "Zbigniew Rau",
                   "governing_cue")],
                 id="words no one says are someone's only as a phrase they say, not as a bag of common words"),
]


@pytest.mark.parametrize("text,headline,expected", HELD_OUT_88_91_CASES)
def test_held_out_88_91_cases(text, headline, expected):
    assert found(text, headline=headline) == expected


# Failure kinds of held-out sets 93 and 95 (Middle East; East Asia and EU copy), each written here in another
# region's or outlet's style.
HELD_OUT_93_95_CASES = [
    pytest.param("Judges in Warsaw sentenced the activist to three years on Monday.",
                 "Amnesty International condemns verdict, says trial ‘deeply flawed’",
                 [("deeply flawed", "Amnesty International", "headline_speaker")],
                 id="a headline's second verb after a comma is its subject's ('X condemns …, says …')"),
    pytest.param("Zelensky spoke in Kyiv on Monday after talks in Istanbul.",
                 "Zelensky rejects ceasefire offer, says Kremlin ‘not serious about peace’",
                 [("not serious about peace", "Volodymyr Zelensky", "headline_speaker")],
                 id="and the name after that verb is what the subject speaks of"),
    pytest.param("Tusk spoke in Warsaw on Monday.", "Tusk meets Scholz; Duda says deal ‘a betrayal’",
                 [("a betrayal", "Andrzej Duda", "governing_cue")],
                 id="not across a semicolon: the later clause has its own subject"),
    pytest.param("Boris Gryzlov, Russia's ambassador to Belarus, said on Friday that the drills were “utterly reckless and provocative”.",
                 "‘Utterly reckless’: Moscow’s man in Minsk condemns Nato drills",
                 [("Utterly reckless", "Boris Gryzlov", "repeated_words"),
                  ("utterly reckless and provocative", "Boris Gryzlov", "governing_cue")],
                 id="an owner's description before a headline's verb is read whole, not its last capitalised words"),
    pytest.param("General Oleksandr Syrskyi visited the front near Kupiansk on Sunday.\n\n'We will not retreat from these positions. "
                 "Our troops hold the line,\" the commander-in-chief said on Monday.",
                 "Headline for a test article here",
                 [("We will not retreat from these positions. Our troops hold the line,", "Oleksandr Syrskyi", "governing_cue")],
                 id="a quote opened with the wrong mark is still the words of who says them"),
    pytest.param('A senior Russian diplomat has warned that Moscow could deploy "new and unexpected" weapons in Belarus.\n\n'
                 'Sergei Ryabkov, the deputy foreign minister, told the Izvestia daily that talks had reached "a dead end".',
                 "Headline for a test article here",
                 [("new and unexpected", "Sergei Ryabkov", "governing_cue"), ("a dead end", "Sergei Ryabkov", "governing_cue")],
                 id="a lede's official is the person the next paragraph names and describes (delayed identification)"),
    pytest.param('A senior Russian diplomat has warned that Moscow could deploy "new and unexpected" weapons in Belarus.\n\n'
                 'Antony Blinken, the US secretary of state, replied that Washington "will not be intimidated".',
                 "Headline for a test article here",
                 [("new and unexpected", "Russian government", "governing_cue"),
                  ("will not be intimidated", "Antony Blinken", "governing_cue")],
                 id="but not a person of another country"),
    pytest.param('A Polish official said on Monday that the border would stay "closed until further notice".\n\n'
                 'Anna Michalska, a border guard spokeswoman, said the night had been "calm".',
                 "Headline for a test article here",
                 [("closed until further notice", "Polish government", "governing_cue"), ("calm", "Anna Michalska", "governing_cue")],
                 id="nor after a plain 'said': the next paragraph's named person may be anyone"),
    pytest.param("Maria Zakharova, spokeswoman for the Russian Foreign Ministry, spoke to reporters on Monday.\n\n"
                 "On Tuesday the Belarusian Foreign Ministry issued a spokesperson's statement claiming, "
                 '"The sanctions are illegal and absurd," and asserted, "We will respond to every hostile step."',
                 "Headline for a test article here",
                 [("The sanctions are illegal and absurd,", "Belarusian Ministry of Foreign Affairs", "governing_cue"),
                  ("We will respond to every hostile step.", "Belarusian Ministry of Foreign Affairs", "governing_cue")],
                 id="'a spokesperson's statement' is no spokesperson met before"),
    pytest.param("Taoiseach Micheál Martin met the Northern Ireland parties at Stormont on Monday.",
                 "Martin ‘deeply concerned’ over Stormont deadlock",
                 [("deeply concerned", "Micheál Martin", "headline_speaker")],
                 id="headlinese without its verb: the name before the quote, and nothing else, says it"),
    pytest.param("The European Union said on Monday it was watching the border closely.", "EU ‘deeply concerned’ by Belarus border moves",
                 [("deeply concerned", "European Union", "headline_speaker")], id="a body too"),
    pytest.param("Vladimir Putin ordered troops into Ukraine in February 2022.", "Putin’s ‘special military operation’ enters fourth year",
                 [], id="not an owner's term named by someone else"),
    pytest.param("Residents gathered in the square on Sunday.", "Kyiv Residents ‘exhausted’ after night of drone attacks",
                 [], id="nor a crowd"),
    pytest.param("The Warsaw branch of Amnesty International said on Monday the arrests were “a grave breach of the law”.",
                 "Headline for a test article here",
                 [("a grave breach of the law", "Amnesty International", "governing_cue")],
                 id="a branch of a body speaks as the body"),
    pytest.param("The Warsaw City Council met on Monday to discuss the arrests.\n\nMeanwhile, the Polish branch of Amnesty International "
                 "said Tuesday it’s calling for a “full and independent inquiry,” including the release of any video.",
                 "Headline for a test article here",
                 [("full and independent inquiry,", "Amnesty International", "governing_cue")],
                 id="and 'it' after it is that body, not the one the paragraph before named"),
    pytest.param("SNP councillor for Leith Morgan Reid said: “The consultation was ignored from start to finish.”",
                 "Headline for a test article here",
                 [("The consultation was ignored from start to finish.", "Morgan Reid", "governing_cue")],
                 id="a councillor for a ward, the ward's name run into hers by the NER"),
    pytest.param("Judge Thomas Cullen lamented what he described as a months-long “smear” of the judiciary.",
                 "Headline for a test article here", [("smear", "Thomas Cullen", "governing_cue")],
                 id="one noun a speaker 'described as' is the word they chose, not the reporter's scare quote"),
    pytest.param("Emmanuel Macron met Olaf Scholz in Paris on Monday.\n\n“Europe is united, and I expect Chancellor Scholz to say, "
                 "‘No more delays,’” Macron said.",
                 "Headline for a test article here",
                 [("Europe is united, and I expect Chancellor Scholz to say, ‘No more delays,’", "Emmanuel Macron", "governing_cue")],
                 id="what someone is expected to say is no one's words yet"),
]


@pytest.mark.parametrize("text,headline,expected", HELD_OUT_93_95_CASES)
def test_held_out_93_95_cases(text, headline, expected):
    assert found(text, headline=headline) == expected


# Kinds from held-out sets 99-105 (South Asia, Southeast Asia, Poland/Belarus, business, international bodies,
# broadcasters and tabloids), each written here in another style than the article that showed it.
HELD_OUT_99_105_CASES = [
    pytest.param("Chief Minister Revanth Reddy inaugurated the flyover in Hyderabad on Monday.\n\n“The city will not wait for anyone,” the CM said.",
                 "Headline for a test article here", [("The city will not wait for anyone,", "Revanth Reddy", "governing_cue")],
                 id="'the CM' is the chief minister named, no body called CM"),
    pytest.param("Former diplomat T. S. Tirumurti told reporters: “The council failed to act.”", "Headline for a test article here",
                 [("The council failed to act.", "T. S. Tirumurti", "governing_cue")], id="initials that are the given names are kept"),
    pytest.param("Yulia Kowalska and her husband Piotr attended the hearing in Lublin on Monday.\n\n“We will appeal the verdict,” Kowalski said.",
                 "Headline for a test article here", [("We will appeal the verdict,", "Kowalski", "governing_cue")],
                 id="the masculine form of her family name is her husband, no typo of hers"),
    pytest.param("The mayor of Lviv, Andriy Sadovyi, posted the update on Telegram on Sunday evening.\n\n“Two districts are without power "
                 "tonight.\n\nRepair crews are working through the night,” the statement said.", "Headline for a test article here",
                 [("Two districts are without power tonight.", "Andriy Sadovyi", "previous_cue"),
                  ("Repair crews are working through the night,", "Andriy Sadovyi", "governing_cue")],
                 id="'the statement' closing a quote carried over paragraphs is the statement its first paragraph was"),
    pytest.param("Oleh Syniehubov and Ihor Terekhov visited the site on Monday.\n\nAccording to Terekhov, the number of victims may be "
                 "higher than first reported by Syniehubov.\n\n“Rescuers are still working at the site.”", "Headline for a test article here",
                 [("Rescuers are still working at the site.", "Ihor Terekhov", "previous_cue")],
                 id="after 'According to X, … reported', the words are X's, not the subject's of the verb inside"),
    pytest.param("Donald Tusk spoke in the Sejm on Tuesday.", "“We will not be intimidated” — Tusk on the attack blamed on Russia",
                 [("We will not be intimidated", "Donald Tusk", "headline_speaker")],
                 id="'“…” — Name on a topic': the name after the dash, not the last one of the topic"),
    pytest.param("Senator Ana Lima has endorsed the governor’s re-election bid.\n\n“He kept every promise he made,” the former Health Minister said.",
                 "Headline for a test article here", [("He kept every promise he made,", "Ana Lima", "governing_cue")],
                 id="a former office no one here holds is the writer's other name for the person in mind"),
    pytest.param("The IAEA posted an update on its website on Friday.\n\nThe website said inspectors had found “no evidence of damage” at the plant.",
                 "Headline for a test article here", [("no evidence of damage", "International Atomic Energy Agency", "governing_cue")],
                 id="'the website said' is the body's whose website it is"),
    pytest.param("Critics in Kabul rejected Donald Trump’s push to “take back” the air base.", "Headline for a test article here",
                 [("take back", "Donald Trump", "governing_cue")], id="the owner of a push or call said the words it quotes"),
    pytest.param("Last week Senator Maria Cantwell referred to the proposal as a “giveaway”.", "Headline for a test article here",
                 [("giveaway", "Maria Cantwell", "governing_cue")], id="what someone 'referred to as' is their word"),
    pytest.param("Genting Group announced record profits on Tuesday.\n\nGenting said the results were “a testament to our staff”.",
                 "Headline for a test article here", [("a testament to our staff", "Genting Group", "governing_cue")],
                 id="a body called by the first word of its name"),
    pytest.param("Chennai, Jan 12 (PTI) Finance Minister Thangam Thennarasu on Monday said the state would “not cut welfare”.",
                 "Headline for a test article here", [("not cut welfare", "Thangam Thennarasu", "governing_cue")],
                 id="a PTI dateline without its dash is no part of the name"),
    pytest.param("Datuk Seri Fadillah Yusof said the subsidy would stay.\n\n“We will not abandon the poor,” he said.",
                 "Headline for a test article here", [("We will not abandon the poor,", "Fadillah Yusof", "governing_cue")],
                 id="Malaysian styles are no part of the name"),
    pytest.param("Kemi Badenoch rose in the Commons on Wednesday.\n\nLater the Leader of the Opposition said the budget was “a betrayal of "
                 "working people”.", "Headline for a test article here",
                 [("a betrayal of working people", "Kemi Badenoch", "governing_cue")], id="'the Leader of the Opposition' is an office"),
    pytest.param("The Taliban administration has banned the sale of the books.\n\nThe ministry of higher education said the books were "
                 "“against the principles of Sharia”.", "Headline for a test article here",
                 [("against the principles of Sharia", "Afghan Ministry of Higher Education", "governing_cue")],
                 id="the Taliban's ministry is Afghanistan's"),
    pytest.param("The minister met families on Monday.", "Bereaved Families Forum rejects deal, says it is ‘a betrayal’",
                 [("a betrayal", "Bereaved Families Forum", "headline_speaker")], id="a name ending in a body's word is a body"),
]


@pytest.mark.parametrize("text,headline,expected", HELD_OUT_99_105_CASES)
def test_held_out_99_105_cases(text, headline, expected):
    assert found(text, date="2025-03-05", headline=headline) == expected


def test_a_quote_nested_in_a_question_is_asked_for_not_said():
    text = ("Ed Davey clashed with Keir Starmer on Wednesday.\n\nMr Davey used a slogan from an old poster when he asked: “Isn’t it "
            "time that the Prime Minister admits that ‘Britain isn’t working’?”")
    assert [(w, s) for w, s, _ in found(text, date="2025-03-05")] == [
        ("Isn’t it time that the Prime Minister admits that ‘Britain isn’t working’?", "Ed Davey")]


def test_a_sites_name_the_tokenizer_cut_at_its_dot_is_one_medium():
    actors = {(a.name, a.actor_type) for a in records(
        "Ukraine’s air force said 40 drones were downed overnight, according to Censor.NET.", "2025-03-05")["actors"]}
    assert ("Censor.NET", "media") in actors and not any(name == "NET" for name, _ in actors)


# Kinds from held-out sets 106-110 (war wires, US politics, the Middle East and North Africa, Western Europe,
# science and health), scored on arrival with 6ca2a17; each written here in another style.
HELD_OUT_106_110_CASES = [
    pytest.param("Finance Minister Jan Nowak presented the budget on Monday.\n\nListening: “The budget is balanced and fair”",
                 "Headline for a test article here", "2025-03-05", [("The budget is balanced and fair", None, "none")],
                 id="an audio player's 'Listening:' label is no speaker"),
    pytest.param("Mayor Jane Lee issued the following statement:\n\n“We will reopen the bridge before the winter.”",
                 "Headline for a test article here", "2025-03-05",
                 [("We will reopen the bridge before the winter.", "Jane Lee", "colon_intro")],
                 id="a sentence introducing a statement is no heading naming its author"),
    pytest.param("Confirmation came from Health Minister Olena Kovalenko in a Telegram post that said: “Three hospitals were hit overnight.”",
                 "Headline for a test article here", "2025-03-05",
                 [("Three hospitals were hit overnight.", "Olena Kovalenko", "governing_cue")],
                 id="a post someone wrote in is theirs, and the platform is no owner"),
    pytest.param("The Biden administration said on Monday the sanctions were “long overdue”.", "Headline for a test article here",
                 "2023-03-05", [("long overdue", "US government", "governing_cue")],
                 id="'the Biden administration' is the government he heads"),
    pytest.param("Prime Minister Christopher Luxon spoke in Auckland on Monday.", "New Zealand PM vows to ‘stand firm’ on tariffs",
                 "2025-03-05", [("stand firm", "Christopher Luxon", "governing_cue")], id="'New Zealand PM' is an office, no name"),
    pytest.param("The talks ended late on Sunday. Defence Minister Rustem Umerov said more rounds would follow.",
                 "‘We are ready for a long negotiation,’ says defence minister", "2025-03-05",
                 [("We are ready for a long negotiation,", "Rustem Umerov", "headline_speaker")],
                 id="a headline's comma inside the marks, then 'says' and a title in lower case: read on the line itself"),
    pytest.param("“These rules would stifle innovation,” the Commerce Department said in a statement.", "Headline for a test article here",
                 "2025-03-05", [("These rules would stifle innovation,", "US Department of Commerce", "governing_cue")],
                 id="the US executive departments by the names US copy gives them (registry)"),
    pytest.param("“The layoffs have begun,” Russ Vought wrote on X.", "Headline for a test article here", "2025-10-10",
                 [("The layoffs have begun,", "Russell Vought", "governing_cue")], id="a registered short given name (registry)"),
]


@pytest.mark.parametrize("text,headline,date,expected", HELD_OUT_106_110_CASES)
def test_held_out_106_110_cases(text, headline, date, expected):
    assert found(text, date=date, headline=headline) == expected


# Kinds from held-out sets 114-122 (a fourth session's sets: war wires, UK politics, the Middle East, EU and
# NATO, Asia-Pacific, Africa and Latin America, and the Belarus/Ukraine/NATO news of 2021-22), each written here in another style than the article that
# showed it.
HELD_OUT_114_122_CASES = [
    pytest.param("“We will not comment on leaks,” the Japanese Prime Minister’s Office said on Friday.", "2025-03-05",
                 [("We will not comment on leaks,", "Japanese Prime Minister's Office", "governing_cue")],
                 id="'the <nationality> Prime Minister's Office' speaks as news names it"),
    pytest.param("Poland’s President’s Office said the veto was “final and will not be revisited”.", "2025-03-05",
                 [("final and will not be revisited", "Office of the President of Poland", "governing_cue")],
                 id="'<country>'s President's Office' is the presidential office"),
    pytest.param("“Talks are closer than ever,” the Iranian foreign minister told state television.", "2022-05-01",
                 [("Talks are closer than ever,", "Hossein Amir-Abdollahian", "governing_cue")],
                 id="Iran's foreign minister in 2022 (registry)"),
    pytest.param("The American CBS network cited a senior Japanese official saying Monday that progress had been made and a "
                 "“deal could come within days.”", "2025-03-05",
                 [("deal could come within days.", "Japanese government", "governing_cue")],
                 id="a network that cites an official saying the words relays them: the official's"),
    pytest.param("“We will not give up on this club,” the coach, Mark Ellis, told reporters. “Not today.”", "2025-03-05",
                 [("We will not give up on this club,", "Mark Ellis", "governing_cue"), ("Not today.", "Mark Ellis", "continuation")],
                 id="a short quote that is a whole sentence after the reporting sentence carries the quote on"),
    pytest.param("Ana Costa, the mayor of Lisbon, called the plan “a disgrace to the city”.", "2025-03-05",
                 [("a disgrace to the city", "Ana Costa", "governing_cue")],
                 id="a given and family name beside 'the mayor' is a person's, whatever tag the NER gave it"),
    pytest.param("President Joe Biden spoke to Vladimir Putin on Saturday.\n\nThe call was described by a senior administration official "
                 "as “frank and businesslike.”", "2022-02-12", [("frank and businesslike.", "US government", "governing_cue")],
                 id="'a senior administration official' speaks for the American administration, not the last government named"),
    pytest.param("President Joe Biden spoke to Vladimir Putin on Saturday. The administration said the offer had been “accepted” by Moscow.",
                 "2022-02-12", [("accepted", "US government", "governing_cue")], id="'the administration said': the US government"),
    pytest.param("“We will respond in kind,” said the National Security Adviser.", "2022-02-12",
                 [("We will respond in kind,", "Jake Sullivan", "governing_cue")],
                 id="a capitalised office the NER calls an organisation is still a role (registry)"),
    pytest.param("Mr Scholz opened the meeting. He said, \"Welcome, Mr. Chancellor!\" and smiled.", "2022-02-12",
                 [("Welcome, Mr. Chancellor!", "Olaf Scholz", "governing_cue")],
                 id="a short capitalised exclamation after 'he said,' is words said, not a title"),
    pytest.param("Dmytro Kuleba spoke in Kyiv. “Nothing has changed,” the head of the Ukrainian Foreign Ministry said.", "2022-02-12",
                 [("Nothing has changed,", "Dmytro Kuleba", "governing_cue")], id="'the head of the foreign ministry' is the minister"),
    pytest.param("After the talks, Zelensky said Scholz had assured him about the “timing” of the deliveries.", "2022-02-12",
                 [("timing", "Volodymyr Zelensky", "governing_cue")],
                 id="someone's account of what they were told is in their own words ('X said Y assured him …')"),
    pytest.param("Boris Johnson chaired Cobra. The foreign secretary, Liz Truss, flew to Kyiv. The prime minister said: “We stand with Ukraine.”",
                 None, [("We stand with Ukraine.", "Boris Johnson", "governing_cue")],
                 id="undated: 'the foreign secretary, Liz Truss' dates the article, so the prime minister is not her"),
    pytest.param("The foreign secretary, Liz Truss, flew to Kyiv. The prime minister said: “We stand with Ukraine.”", "2022-02-24",
                 [("We stand with Ukraine.", "Boris Johnson", "governing_cue")],
                 id="dated: an office's holder in the country of the article's registered people, though the article names no country"),
    pytest.param("Mexican President Claudia Sheinbaum spoke on Monday.\n\n“We did not come here to negotiate”, stated Sheinbaum, according to Milenio.",
                 "2025-03-05", [("We did not come here to negotiate", "Claudia Sheinbaum", "nearest_cue")],
                 id="'…”, stated X, according to <paper>': the paper relays, X said it"),
    pytest.param("The White House said Mr Trump was making a “wider point” about trade.\n\nAsked about the remarks, his press secretary told "
                 "reporters: “I think the president has been very clear on tariffs.”", "2025-03-05",
                 [("wider point", "White House", "governing_cue"), ("I think the president has been very clear on tariffs.", "White House", "governing_cue")],
                 id="a press secretary's 'I think' speaks for the office, not for the president"),
    pytest.param("Ken Griffey Jr threw the first pitch. “It felt like coming home,” Griffey said.", "2025-03-05",
                 [("It felt like coming home,", "Ken Griffey Jr", "governing_cue")], id="a generational suffix is no family name"),
    pytest.param("“The water came up to our knees,” said a farmer from Larissa, Thessaly, who lost his crop.", "2025-03-05",
                 [("The water came up to our knees,", None, "governing_cue")], id="'from <town>, <region>, who': the region is no one's name"),
    pytest.param("A Polish official dismissed Moscow’s claims that Warsaw had provoked the crisis as “complete nonsense,” calling for calm.",
                 "2025-03-05", [("complete nonsense,", "Polish government", "governing_cue")],
                 id="what someone calls another's claims is theirs, not the claims' owner's"),
    pytest.param("President Lula opened the summit on Monday.\n\nFarmers were chanting, \"No deal without us, no deal without us\" at the gates.",
                 "2025-03-05", [("No deal without us, no deal without us", None, "governing_cue")],
                 id="a chant is reported speech: the crowd's, named by no one, not the last person met"),
    pytest.param("Home Secretary Yvette Cooper defended the plan. Downing Street said Mr Starmer was making a “broader point” on migration.\n\n"
                 "Asked about it, his press secretary told reporters: “I think the prime minister has been very clear on this.”", "2025-03-05",
                 [("broader point", "Downing Street", "governing_cue"),
                  ("I think the prime minister has been very clear on this.", "Downing Street", "governing_cue")],
                 id="'his press secretary' is his office's voice, not someone else with 'secretary' in her title"),
    pytest.param("Speaking in Cape Town, Western Cape MEC for Mobility Isaac Sileku said, “The trains will run again by March.”", "2025-03-05",
                 [("The trains will run again by March.", "Isaac Sileku", "governing_cue")],
                 id="an office and a portfolio of several words before a given name and a surname: the name alone"),
    pytest.param("Police fired tear gas in the capital as a union leader accused them of “brutal repression of workers”.\n\n"
                 "The protest was called by the union leader Maria Santos, who said 40 people had been hurt.", "2025-03-05",
                 [("brutal repression of workers", "Maria Santos", "governing_cue")],
                 id="'as a union leader accused them': the clause's own subject, named with that title in the next sentence"),
    pytest.param("Sergei Lavrov met Dmytro Kuleba in Turkey.\n\nLavrov repeated claims that Kyiv had shelled civilians and accused Washington "
                 "of “fuelling the war” with arms deliveries.", "2022-03-10",
                 [("fuelling the war", "Sergei Lavrov", "governing_cue")],
                 id="a reporting verb joined to a verb inside the reported claim is the reporter's act"),
    pytest.param("A source close to the negotiations told public radio that the sides were “very close” to a deal.", "2025-03-05",
                 [("very close", None, "governing_cue")], id="an anonymous source's short words are a quote, kept with no speaker"),
    pytest.param("An early survey of Scarborough Shoal and a third reef near Pag-asa showed that the seagrass and clams were in a "
                 "\"very poor\" state, University of Manila oceanographer Maria Santos told the press conference.", "2025-03-05",
                 [("very poor", "Maria Santos", "nearest_cue")],
                 id="', <title> <name> told …' ending the sentence reports a short quote in it, however the parse read it"),
]


@pytest.mark.parametrize("text,date,expected", HELD_OUT_114_122_CASES)
def test_held_out_114_122_cases(text, date, expected):
    assert found(text, date=date) == expected


def test_a_headline_quote_then_a_crowd_doing_something_is_no_body_named_after_it():
    got = found("Thousands gathered in Strasbourg on Sunday.",
                headline="‘We will not go home tonight’: Farmers refuse to leave European Parliament")
    assert got == [("We will not go home tonight", None, "none")]


# Kinds found in held-out sets 126–137 (2026-12-04), each written here in another style than the article that showed it.
HELD_OUT_126_137_CASES = [
    pytest.param("Annalena Baerbock flew to Kyiv on Monday. “The minister will meet Dmytro Kuleba tomorrow,” her spokeswoman said.",
                 "2022-05-09", [("The minister will meet Dmytro Kuleba tomorrow,", "Annalena Baerbock", "governing_cue")],
                 id="'her spokeswoman said', no spokeswoman named: given out for her"),
    pytest.param("Boris Johnson spoke to Vladimir Putin on Monday. “The prime minister was clear about the costs,” his spokesman "
                 "told reporters.", "2022-02-14",
                 [("The prime minister was clear about the costs,", "Downing Street", "governing_cue")],
                 id="a head of government's spokesman speaks for the office"),
    pytest.param("“We are ready to talk about energy,” said the president of the European Commission Ursula von der Leyen on arrival.",
                 "2022-05-09", [("We are ready to talk about energy,", "Ursula von der Leyen", "governing_cue")],
                 id="'the president of <body> <Name with particles>': the name beside the body is the speaker"),
    pytest.param("Doctors at the clinic said the wards were full, but the director Amina Yusuf said more beds would arrive this "
                 "week.\n\n“We will open a second ward on Friday. Nobody will be turned away.”", "2022-05-09",
                 [("We will open a second ward on Friday. Nobody will be turned away.", "Amina Yusuf", "previous_cue")],
                 id="'A said …, but B said …' then a quote-only paragraph: B's, the later of two coordinated reports"),
    pytest.param("In a statement on Friday Jens Stoltenberg, head of the alliance, said that the drills represented “a pattern "
                 "of escalation” and underlined “the need for restraint on all sides”.", "2022-05-09",
                 [("a pattern of escalation", "Jens Stoltenberg", "governing_cue"),
                  ("the need for restraint on all sides", "Jens Stoltenberg", "governing_cue")],
                 id="'In a statement X, <title>, said that … and underlined “…”': a subjectless report joined to the claim"),
    pytest.param("Olaf Scholz flew to Washington on Monday. The visit came amid alarm over Vladimir Putin’s troop build-up. "
                 "“We are united with our allies,” he told reporters.", "2022-02-07",
                 [("We are united with our allies,", "Olaf Scholz", "governing_cue")],
                 id="a speaking 'he' is the subject before, not a possessor named in passing since"),
    pytest.param("Olaf Scholz flew to Washington on Monday. Reporters asked Vladimir Putin about the troops. "
                 "“We are not planning anything,” he told them.", "2022-02-07",
                 [("We are not planning anything,", "Vladimir Putin", "governing_cue")],
                 id="(an object named since is still whom 'he' means)"),
    pytest.param("“We have received the first launchers,” Alexey Reznikov wrote on Twitter on Thursday.", "2022-06-23",
                 [("We have received the first launchers,", "Oleksii Reznikov", "governing_cue")],
                 id="a Ukrainian minister romanised the Russian way is the registry's"),
    pytest.param("Boris Johnson resigned on Thursday. “It was a brave decision and the right one,” Johnson ally Nadine Dorries "
                 "said in a radio interview.", "2022-07-07",
                 [("It was a brave decision and the right one,", "Nadine Dorries", "governing_cue")],
                 id="'<Name> ally <Name>': the one set beside the description speaks, not the one inside it"),
    pytest.param("Alexei Navalny was sentenced on Tuesday. “The whole world knows that this trial has nothing to do with the law,” "
                 "Navalny ally Ruslan Shaveddinov said in a live commentary.", "2022-03-22",
                 [("The whole world knows that this trial has nothing to do with the law,", "Ruslan Shaveddinov", "governing_cue")],
                 id="(the same where the parse makes 'ally' the head and the name its apposition)"),
    pytest.param("“The grid will hold this winter.” This was stated in a conversation with Interfax-Ukraine with the energy "
                 "minister Herman Halushchenko, noting that “repairs go on around the clock”.", "2022-11-20",
                 [("The grid will hold this winter.", "Herman Halushchenko", "following_cue"),
                  ("repairs go on around the clock", "Herman Halushchenko", "governing_cue")],
                 id="'This was stated in a conversation with X, noting that “…”' (translated agency copy)"),
    pytest.param("“We will not pay in roubles.” This was stated in an interview with Interfax-Ukraine.", "2022-11-20",
                 [("We will not pay in roubles.", None, "none")],
                 id="(an interview with a medium names no speaker)"),
    pytest.param("Oleh Synehubov, head of the Kharkiv regional administration, spoke on local television. “The metro will reopen "
                 "on Monday,” said the head of the region.", "2022-05-20",
                 [("The metro will reopen on Monday,", "Oleh Syniehubov", "governing_cue")],
                 id="'the head of the region' after 'X, head of the Kharkiv regional administration' (a generic place word adds nothing)"),
    pytest.param("Vitaliy Kim visited the port on Monday. “Mykolaiv stands,” the governor told reporters there. “Nobody is "
                 "leaving the city.” Residents say they are tired of the sirens.", "2022-05-20",
                 [("Mykolaiv stands,", "Vitaliy Kim", "governing_cue"), ("Nobody is leaving the city.", "Vitaliy Kim", "continuation")],
                 id="a whole-sentence quote after the speaker's one carries on, whatever the next sentence reports"),
    pytest.param("Sergei Lavrov also discussed Antony Blinken’s claim that Moscow is “escalating the crisis”. “Washington has been "
                 "pouring weapons into Ukraine for years.” He said the West must stop.", "2022-02-01",
                 [("escalating the crisis", "Antony Blinken", "governing_cue"),
                  ("Washington has been pouring weapons into Ukraine for years.", "Sergei Lavrov", "nearest_cue")],
                 id="(not after a term in marks from someone else's claim)"),
    pytest.param("Speaking in parliament, the prime minister attacked the opposition leader. \"I will not take orders from "
                 "anyone,\" Geo News reported.", "2022-05-26",
                 [("I will not take orders from anyone,", None, "governing_cue")],
                 id="'“…,” <paper> reported': the paper relays the words of the one the sentence before is about"),
    pytest.param("Poland's refugee plenipotentiary, Pawel Szafernaker, said on Sunday that “queues are forming at every crossing”.",
                 "2022-03-06", [("queues are forming at every crossing", "Pawel Szefernaker", "governing_cue")],
                 id="a misspelt Polish deputy minister (registry)"),
    pytest.param("“Exports of these goods to Belarus are banned from Friday,” reads a European Commission memo seen by reporters.",
                 "2022-03-09", [("Exports of these goods to Belarus are banned from Friday,", "European Commission", "governing_cue")],
                 id="'“…,” reads a <body> memo': the body's written words"),
    pytest.param("Ben Wallace visited Estonia on Monday.\n\nThe Secretary of State for Defence told troops in Tapa:\n\n"
                 "“Nobody will be left alone on this border.”", "2022-03-07",
                 [("Nobody will be left alone on this border.", "Ben Wallace", "colon_intro")],
                 id="'the Secretary of State for Defence' is the defence secretary"),
    pytest.param("Speaking in Canberra, Australia’s Minister for Foreign Affairs said the country would “stand with Ukraine”.", "2022-03-07",
                 [("stand with Ukraine", "Marise Payne", "governing_cue")],
                 id="'the Minister for Foreign Affairs' is the foreign minister"),
    pytest.param("Residents of the border villages “have nowhere left to go” and the shelling does not stop at night.\n\n"
                 "This was reported by the Sumy regional governor Dmytro Zhyvytskyi on Telegram.", "2022-09-01",
                 [("have nowhere left to go", "Dmytro Zhyvytskyi", "following_cue")],
                 id="a paragraph with no reporting verb, then 'This was reported by X' opening the next"),
    pytest.param("“The talks are closer than ever,” the industry minister NISHIMURA Yasutoshi told reporters in Tokyo.", "2023-08-25",
                 [("The talks are closer than ever,", "Yasutoshi Nishimura", "governing_cue")],
                 id="a Japanese name written family name first in capitals"),
    pytest.param("Residents fled the city. “Nothing works any more,” said Olena, 63.\n\nAdvertisement\n\nRelated Articles\n\n"
                 "“We sleep in the basement,” she said.", "2022-09-01",
                 [("Nothing works any more,", "Olena", "governing_cue"), ("We sleep in the basement,", "Olena", "governing_cue")],
                 id="'Related Articles' between paragraphs is no one 'she' could be"),
    pytest.param("Ukrainian refugees arrive ‘in a state of distress and fear’ – Global Issues\n\nThe UN refugee agency spokeswoman "
                 "Olga Sarrado told reporters in Geneva that most arrivals were women and children.", "2022-05-20",
                 [("in a state of distress and fear", None, "none")],
                 id="a site's name after the headline's dash is no speaker"),
    pytest.param("The head of the army's press service has told a court that no order was given.\n\nColonel Anna Kowalska was "
                 "giving evidence at the trial of two officers.\n\nUnder questioning by Jan Nowak, a defence lawyer, the court "
                 "heard that the unit had left.\n\nThe head of the army's press service said the drills were “routine and planned”.",
                 "2022-05-20", [("routine and planned", "Anna Kowalska", "governing_cue")],
                 id="a lead's description, named in the next sentence, repeated paragraphs later"),
    pytest.param("“The roads are closed until Monday,” Deputy Inspector General of Police (DIG), Crime Branch, Suresh Babu told reporters.",
                 "2022-05-20", [("The roads are closed until Monday,", "Suresh Babu", "governing_cue")],
                 id="the name set off last before the verb, after a title with its acronym and its post"),
    pytest.param("“We have no report of casualties,” Interior Minister Ravi Kumar told reporters. The rally was addressed by "
                 "Chief Minister Nitish Kumar on Sunday.\n\n“The investigation goes on,” Kumar said.", "2022-05-20",
                 [("We have no report of casualties,", "Ravi Kumar", "governing_cue"), ("The investigation goes on,", "Ravi Kumar", "governing_cue")],
                 id="a surname two people share is the one who was speaking"),
    pytest.param("A WHO statement warned of “a serious risk of cholera” in the camps.\n\nThe UN agency said that “clean water is "
                 "the first need”.", "2022-05-20",
                 [("a serious risk of cholera", "World Health Organization", "governing_cue"),
                  ("clean water is the first need", "World Health Organization", "governing_cue")],
                 id="'the UN agency' after a UN agency named: that agency, not the UN"),
    pytest.param("Reuters and the Polish Press Agency reported the fire. The UN agency said that “clean water is the first need”.",
                 "2022-05-20", [("clean water is the first need", "United Nations", "governing_cue")],
                 id="(nor a news agency named before)"),
    pytest.param("US Defense Secretary Lloyd Austin visited Kyiv with Pentagon spokesman John Kirby. “We want to see Russia "
                 "weakened,” said the Pentagon chief.", "2022-04-25",
                 [("We want to see Russia weakened,", "Lloyd Austin", "governing_cue")],
                 id="'the Pentagon chief' is the defense secretary, not the Pentagon's spokesman"),
    pytest.param("Police said no minister had been fined.\n\nMicheál Martin’s spokesman said on Tuesday that the Tánaiste Leo Varadkar "
                 "had not been contacted by gardaí.\n\n“We have nothing further to add at this stage,” he said.",
                 "2022-05-10", [("We have nothing further to add at this stage,", "Department of the Taoiseach", "governing_cue")],
                 id="'he said' after an unnamed spokesman was the subject: the spokesman's, not a person his sentence named"),
    pytest.param("Moscow said Kyiv had attacked the Kursk region overnight. The Ministry of Defence said two drones were shot down.\n\n"
                 "“Air defences destroyed both over the border districts,” the ministry posted on Telegram.", "2023-05-10",
                 [("Air defences destroyed both over the border districts,", "Russian Ministry of Defence", "governing_cue")],
                 id="'the Ministry of Defence' in a story that never names Britain: of the government acting there"),
    pytest.param("Belarusian President Alexander Lukashenko denied any part in the diversion. The talks ended on Monday, with the "
                 "European Commission’s president warning that Minsk would face “severe consequences”. Ursula von der Leyen "
                 "spoke in Brussels.", None,
                 [("severe consequences", "Ursula von der Leyen", "governing_cue")],
                 id="an undated 'the European Commission's president' is no president of a country the article names"),
    pytest.param("“People are leaving their homes with nothing,” British Columbia Premier David Eby said.\n\nStory continues below "
                 "advertisement\n\n“This is a frightening time for every family in the valley.” Tweet This Click to share quote on "
                 "Twitter: \"This is a frightening time for every family in the valley.\"", "2023-08-21",
                 [("People are leaving their homes with nothing,", "David Eby", "governing_cue"),
                  ("This is a frightening time for every family in the valley.", "David Eby", "continuation")],
                 id="an advertisement's label and a share widget part no quote from the one before"),
    pytest.param("Sergei Lavrov met Antonio Guterres in Moscow.\n\n“We paid the main attention to the security of the continent,” "
                 "quotes Lavrov RIA Novosti.", "2022-04-26",
                 [("We paid the main attention to the security of the continent,", "Sergei Lavrov", "governing_cue")],
                 id="a medium's name glued after the person's ('Lavrov RIA Novosti') is no part of the name"),
    pytest.param("Jacinda Ardern spoke to reporters in Wellington on Friday. Here is what she said.\n\nHer view of the result\n\n"
                 "“We did not expect a margin like this, and we will not waste it.”\n\nOn the coalition talks\n\n"
                 "“There will be no deal before the special votes are counted.”", "2020-10-23",
                 [("We did not expect a margin like this, and we will not waste it.", "Jacinda Ardern", "introduced_speaker"),
                  ("There will be no deal before the special votes are counted.", "Jacinda Ardern", "continuation")],
                 id="a list of someone's remarks under sub-headings: 'Her view of …' is hers, the next heading carries her on"),
    pytest.param("“We will not waste it,” Jacinda Ardern said.\n\nThe opposition leader Judith Collins conceded on Saturday.\n\n"
                 "“There will be no deal before the special votes are counted.”", "2020-10-23",
                 [("We will not waste it,", "Jacinda Ardern", "governing_cue"),
                  ("There will be no deal before the special votes are counted.", "Judith Collins", "previous_cue")],
                 id="(a sentence of story between is no sub-heading)"),
]


@pytest.mark.parametrize("text,date,expected", HELD_OUT_126_137_CASES)
def test_held_out_126_137_cases(text, date, expected):
    assert found(text, date=date) == expected


# Kinds of failure that held-out sets 160–167 showed (texts messaged to phones, governments named by their
# capital, "the head of European diplomacy", a quote after a colon closing a person's clause); each case
# is written in another style than the article that showed it.
HELD_OUT_160_167_CASES = [
    pytest.param("Residents of Rotterdam received texts from the Dutch government on Tuesday.\n\n“Stay indoors and close "
                 "your windows,” the message reads. “The smoke is not safe to breathe,” it says.", "2022-05-09",
                 [("Stay indoors and close your windows,", "Dutch government", "governing_cue"),
                  ("The smoke is not safe to breathe,", "Dutch government", "governing_cue")],
                 id="the texts someone sent, then the message, then 'it': the sender's words"),
    pytest.param("‘Keep calm and stay at home tonight,’ read a leaflet sent by the Lithuanian Interior Ministry to border villages.",
                 "2021-08-02", [("Keep calm and stay at home tonight,", "Lithuanian Ministry of Interior", "nearest_cue")],
                 id="'read a leaflet sent by X', inverted after the words"),
    pytest.param("‘Stay away from the river tonight,’ read a warning sent by the Environment Agency to residents, writes Jane Doe "
                 "in Carlisle.", "2022-01-20", [("Stay away from the river tonight,", "Environment Agency", "governing_cue")],
                 id="a reporter's byline ('…, writes Jane Doe') is not who said the words the sentence quotes"),
    pytest.param("Ryanair said in a statement it had cancelled all flights to Vilnius.\n\n“The safety of our passengers is our "
                 "priority,” the statement said. “We apologise for the disruption,” it added.", "2021-05-24",
                 [("The safety of our passengers is our priority,", "Ryanair", "governing_cue"),
                  ("We apologise for the disruption,", "Ryanair", "governing_cue")],
                 id="'X said in a statement' then 'the statement said', 'it added': X's (not a place named since)"),
    pytest.param("Antonio Guterres issued an appeal on Sunday for a ceasefire.\n\n“Silence the guns and let the aid trucks in,” "
                 "the text of his appeal reads.", "2022-03-06",
                 [("Silence the guns and let the aid trucks in,", "Antonio Guterres", "governing_cue")],
                 id="'the text of his appeal': the appeal's author"),
    pytest.param("“We will not be blackmailed by anyone,” the government in Vilnius said on Friday.", "2021-08-02",
                 [("We will not be blackmailed by anyone,", "Lithuanian government", "governing_cue")],
                 id="'the government in <capital>'"),
    pytest.param("“We will not be blackmailed by anyone,” the Tbilisi authorities said on Friday.", "2023-03-10",
                 [("We will not be blackmailed by anyone,", "Georgian government", "governing_cue")],
                 id="'the <capital> authorities', a capital the registry gives no metonym"),
    pytest.param("“The EU stands with Moldova and its people,” the head of EU diplomacy told reporters in Chisinau.", "2023-06-01",
                 [("The EU stands with Moldova and its people,", "Josep Borrell", "governing_cue")],
                 id="'the head of EU diplomacy' is the EU's top diplomat, not a foreign minister"),
    pytest.param("Ardern did not hesitate: “New Zealand will not be cowed by this attack.”", "2019-03-16",
                 [("New Zealand will not be cowed by this attack.", "Jacinda Ardern", "colon_intro")],
                 id="a sentence quoted after a colon closing a person's clause"),
    pytest.param("The choice is stark: “We either build the dam or we lose the valley.”", "2019-03-16",
                 [("We either build the dam or we lose the valley.", None, "none")],
                 id="(after a colon closing a clause about no one: no speaker)"),
    pytest.param("Kaja Kallas spoke to reporters in Tallinn on Sunday.", "2023-06-04",
                 [("will not stop at Ukraine", "Kaja Kallas", "headline_speaker")],
                 id="headline 'Name: <country> believes … ‘…’': the person speaking for the country",
                 marks=pytest.mark.headline("Kallas: Estonia believes Russia ‘will not stop at Ukraine’")),
    pytest.param("Kaja Kallas spoke to reporters in Tallinn on Sunday.", "2023-06-04",
                 [("will not stop at Ukraine", "Vladimir Putin", "governing_cue")],
                 id="(headline 'Name: <person> says ‘…’': that person's)",
                 marks=pytest.mark.headline("Kallas: Putin says Russia ‘will not stop at Ukraine’")),
    pytest.param("Foreign Minister Dmytro Kuleba gave an interview to a German paper on Sunday.\n\nThe Ukrainian top diplomat "
                 "regretted that Chancellor Olaf Scholz had little time for him. “I appreciate gestures, but we need tanks,” he said.",
                 "2022-05-15", [("I appreciate gestures, but we need tanks,", "Dmytro Kuleba", "governing_cue")],
                 id="'the <nationality> top diplomat' is that country's foreign minister, not the EU's"),
    pytest.param("Ombudsman Aurel Grigoriu visited the prison on Monday.\n\n“The cells are overcrowded,” Grigoriu said.\n\n"
                 "“We were given no list of the prisoners,” the Ombudsman said.\n\n“I asked to see every cell myself,” the "
                 "Ombudsman said.", "2023-06-04",
                 [("The cells are overcrowded,", "Aurel Grigoriu", "governing_cue"),
                  ("We were given no list of the prisoners,", "Aurel Grigoriu", "governing_cue"),
                  ("I asked to see every cell myself,", "Aurel Grigoriu", "governing_cue")],
                 id="'the Ombudsman' with a capital is an office, not a person called Ombudsman"),
    pytest.param("“The risk of a wider war is growing,” the top US military officer told senators.", "2022-04-06",
                 [("The risk of a wider war is growing,", "Mark Milley", "governing_cue")],
                 id="'the top US military officer' on the date: the registry's holder"),
]


@pytest.mark.parametrize("text,date,expected", HELD_OUT_160_167_CASES)
def test_held_out_160_167_cases(text, date, expected, request):
    marker = request.node.get_closest_marker("headline")
    headline = marker.args[0] if marker else "Headline for a test article here"
    assert found(text, date=date, headline=headline) == expected


# Kinds of failure that held-out sets 168–175 showed on arrival (a body's members speaking, "they" after
# them, a declaration's author, a head of government's press secretary, a dateline read as a person, a
# law read as a body, stance verbs); every case is written in another style than the article that showed it.
HELD_OUT_168_175_CASES = [
    pytest.param("“We will keep up the pressure on Moscow,” EU leaders said after the summit.", "2023-12-15",
                 [("We will keep up the pressure on Moscow,", "European Union", "governing_cue")],
                 id="'<body> leaders said': the body"),
    pytest.param("Leaders of the Group of Seven repeated a pledge on Saturday to keep “imposing severe costs on Russia”.\n\n"
                 "In a statement marking the day the Kremlin launched its war, they said they would keep other “effective measures”.",
                 "2024-11-16", [("imposing severe costs on Russia", "G7", "governing_cue"), ("effective measures", "G7", "governing_cue")],
                 id="'leaders of <body> repeated a pledge to …', then 'they': the body (not one named in passing since)"),
    pytest.param("Volodymyr Zelensky arrived in Vilnius on Tuesday.\n\nIn its declaration, NATO also dropped the requirement for "
                 "a Membership Action Plan.\n\n“Ukraine’s future is in NATO,” the declaration said.", "2023-07-11",
                 [("Ukraine’s future is in NATO,", "NATO", "governing_cue")],
                 id="'in its declaration, <body> …' then 'the declaration said'"),
    pytest.param("The European Council adopted a declaration on Thursday.\n\n“The EU will support Ukraine for as long as it takes,” "
                 "the declaration said.", "2023-07-11",
                 [("The EU will support Ukraine for as long as it takes,", "European Council", "governing_cue")],
                 id="'<body> adopted a declaration' then 'the declaration said'"),
    pytest.param("Boris Johnson spoke to Vladimir Putin on Monday.\n\nThe PM’s press secretary said of the call: ‘It was frank and "
                 "at times difficult.’", "2022-02-14",
                 [("It was frank and at times difficult.", "Downing Street", "governing_cue")],
                 id="'the PM's press secretary': the office of the prime minister on the date"),
    pytest.param("“The talks were frank and useful,” the French president’s spokesman said.", "2022-02-20",
                 [("The talks were frank and useful,", "Office of the President of France", "governing_cue")],
                 id="'the French president's spokesman': the office of the holder"),
    pytest.param("Rishi Sunak will not rest until the plan works.\n\n“He will be content only once flights take off,” Mr Sunak’s "
                 "spokesman said.", "2023-12-14",
                 [("He will be content only once flights take off,", "Downing Street", "governing_cue")],
                 id="'Mr <Surname>'s spokesman', a surname the NER left untagged"),
    pytest.param("Lahore: Punjab Chief Minister Maryam Nawaz, who toured the flooded districts, said relief camps would open.\n\n"
                 "“No family will be left without shelter,” she added.", "2023-11-30",
                 [("No family will be left without shelter,", "Maryam Nawaz", "governing_cue")],
                 id="a dateline 'City:' opening the story is a place, not the 'she' of the quote"),
    pytest.param("Jens Stoltenberg spoke in Brussels.\n\nThe NATO chief expects that allies agree a package to “bring Ukraine "
                 "closer to NATO.”", "2023-07-07",
                 [("bring Ukraine closer to NATO.", "Jens Stoltenberg", "governing_cue")],
                 id="'<X> expects that … “…”': a stance verb with a 'that' clause quotes X"),
    pytest.param("Director of the National Disaster Management Authority Ahmed Bashir said rescuers had reached the valley.\n\n"
                 "“Eleven people were pulled from the rubble,” the head of the disaster management authority said.", "2024-05-01",
                 [("Eleven people were pulled from the rubble,", "Ahmed Bashir", "governing_cue")],
                 id="'the head of the <…> authority' after 'Director of the <…> Authority <Name>': the one titled so"),
    pytest.param("Zaporizhzhia regional governor Ivan Fedorov said on Telegram that two people were injured.\n\n“Rescuers are "
                 "working at the site,” the head of the regional military administration said.", "2024-05-01",
                 [("Rescuers are working at the site,", "Ivan Fedorov", "governing_cue")],
                 id="a Ukrainian governor is 'the head of the regional (military) administration'"),
    pytest.param("Pro-war bloggers took the news badly.\n\n“We will lose the bridgehead, however painful it is to write,” said "
                 "the Rybar blog, which has a million readers. “The river cannot be held,” it said.", "2022-11-10",
                 [("We will lose the bridgehead, however painful it is to write,", "Rybar", "governing_cue"),
                  ("The river cannot be held,", "Rybar", "governing_cue")],
                 id="'the <Name> blog' speaks as its name, and 'it' after it is the blog"),
    pytest.param("“The founder died a hero,” a post in the Vostok Battalion channel said.", "2023-08-23",
                 [("The founder died a hero,", "Vostok Battalion", "governing_cue")],
                 id="'a post in the <Name> channel'"),
    pytest.param("Putin Lukashenko\n\nThe security agency raided the homes of journalists on Friday.\n\n“Nine people broke into our "
                 "apartment and took the computers,” she said.", "2023-02-10",
                 [("Nine people broke into our apartment and took the computers,", None, "governing_cue")],
                 id="(two people's surnames on one caption line are no woman the 'she' could be)"),
    pytest.param("Fighting went on near Bakhmut and Marinka, where the Bakhmut and Marinka front is under pressure.\n\nThe general "
                 "staff issued its update. “The enemy continues to suffer heavy losses,” it said.", "2023-02-10",
                 [("The enemy continues to suffer heavy losses,", None, "governing_cue")],
                 id="(two places joined by 'and' are no body that speaks)"),
    pytest.param("Foreign Minister Jeyhun Bayramov told journalists on Monday that talks with Armenia would continue, Report "
                 "informs.\n\n“Our position on the peace treaty has not changed,” he said.", "2024-05-06",
                 [("Our position on the peace treaty has not changed,", "Jeyhun Bayramov", "governing_cue")],
                 id="'…, <Outlet> informs.' is an outlet relaying, not the 'he' who speaks"),
    pytest.param("Governor Vyacheslav Gladkov wrote on Telegram that the village was shelled.\n\nAs reported by Censor.NET, this "
                 "was stated on his channel.\n\nThe report says: “Two houses were damaged in the village.”", "2023-08-09",
                 [("Two houses were damaged in the village.", None, "governing_cue")],
                 id="(the end of a site's name, 'Censor.NET', is no body called NET)"),
    pytest.param("The Economic Community of West African States (ECOWAS) met in Abuja on Sunday.\n\n“We condemn the attempted "
                 "overthrow in the strongest terms,” the bloc said.", "2023-07-30",
                 [("We condemn the attempted overthrow in the strongest terms,", "ECOWAS", "governing_cue")],
                 id="a body known by its acronym is displayed so (ECOWAS, as NATO)"),
]


@pytest.mark.parametrize("text,date,expected", HELD_OUT_168_175_CASES)
def test_held_out_168_175_cases(text, date, expected):
    assert found(text, date=date) == expected
