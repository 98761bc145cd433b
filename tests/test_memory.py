"""The article memory: every way an article refers to someone ends at one in-article entity."""

import pytest

from dashboard.pipeline.actors import registry
from dashboard.pipeline.memory import ArticleMemory, _plausible_org
from dashboard.pipeline.nlp import load_nlp
from dashboard.pipeline.quote_spans import QuoteIndex
from dashboard.pipeline.quotes import quote_spans_of


def memory_of(text, published=None):
    doc = load_nlp()(text)
    return ArticleMemory(doc, registry(), published, QuoteIndex(quote_spans_of(text)))


def entity_at(memory, text, surface, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    m = next(m for m in memory.mentions if m.start <= start < m.end)
    return m.entity


def test_name_title_and_pronoun_are_one_entity_without_a_date():
    text = "Liz Truss flew to Kyiv on Thursday. The Foreign Secretary met soldiers there. She then left for Warsaw."
    mem = memory_of(text)
    truss = entity_at(mem, text, "Liz Truss")
    assert entity_at(mem, text, "The Foreign Secretary") is truss
    she = next(t for t in mem.doc if t.text == "She")
    assert mem.resolve_pronoun(she) is truss and truss.gender == "female"


@pytest.mark.parametrize("text,first,later", [
    pytest.param("Mateusz Morawiecki spoke first. Later Morawiecki left.", "Mateusz Morawiecki", "Morawiecki", id="surname"),
    pytest.param("Keir Starmer arrived. Sir Keir then spoke.", "Keir Starmer", "Sir Keir", id="Sir and a first name"),
    pytest.param("Anna Alboth, an activist, spoke. Later Abloth added more.", "Anna Alboth", "Abloth", id="a typo of the surname"),
    pytest.param("Kostiantyn Petrenko runs a shop. Kostyantyn Petrenko opened at six.", "Kostiantyn Petrenko", "Kostyantyn Petrenko",
                 id="one person spelled two ways in one article"),
    pytest.param("Italian Labour Minister Andrea Orlando visited Przemysl on Monday. The camp is full and needs staff, "
                 "according to Orlando.\n\n“We need more help,” he said.", "Andrea Orlando", "Orlando",
                 id="a surname the NER missed after the full name"),
    pytest.param("Local volunteer coordinator Mykola “Kolya” Petrenko has run convoys since March. “We go on,” said Kolya.",
                 "Mykola “Kolya” Petrenko", "Kolya", id="the nickname a name was written with"),
    pytest.param("Retired teachers John and Mary Whitfield took in a family from Kharkiv.\n\n“We had the room,” said John.",
                 "John", "John", id="a couple's names share the surname"),
    pytest.param("Belgian Prime Minister Alexander De Croo arrived in Madrid.\n\n“It matters,” De Croo said of the summit.",
                 "Alexander De Croo", "De Croo", id="a surname with its particle"),
    pytest.param("Sophie Brandt, 52, waited at the airport for her father.\n\nAccording to Sophie, the journey took four days.",
                 "Sophie Brandt", "Sophie", id="a first name the NER may take for a body after 'according to'"),
])
def test_other_ways_of_naming_find_the_full_name(text, first, later):
    mem = memory_of(text)
    assert entity_at(mem, text, later, nth=1 if later in first else 0) is entity_at(mem, text, first)


@pytest.mark.parametrize("text,name,later", [
    pytest.param("Nirmal Dutta, managing director of the Chittagong Dry Dock Company, told AFP the ship was hit. "
                 "Later he said the crew was safe.", "Nirmal Dutta", "he", id="a title set off after the name"),
    pytest.param("Anastasyia Petukh, whose parents stayed behind, showed the reporter her tent.",
                 "Anastasyia Petukh", "her", id="'who' or 'whose' after the name"),
    pytest.param("Bangladeshi Minister of Shipping, Nirmal Dutta, said the crew was safe.\n\nNirmal said more help was coming.",
                 "Nirmal Dutta", "Nirmal", id="a title set off before the name, then the first name alone"),
])
def test_a_name_the_ner_took_for_a_body_is_a_person_when_a_title_or_who_stands_beside_it(text, name, later):
    mem = memory_of(text)
    person = entity_at(mem, text, name)
    assert person.is_person and person.actor.name == name
    if later == "he":
        assert mem.resolve_pronoun(next(t for t in mem.doc if t.text == "he")) is person
    elif later == "her":
        assert entity_at(mem, text, name).is_person  # a person, so "her" has someone to refer to
    else:
        assert entity_at(mem, text, later, nth=1) is person


def test_a_leader_of_a_body_the_article_names_is_not_any_leader():
    text = ("Russian leader Vladimir Putin ordered the attack. President Alberto Fernández of Argentina called for dialogue, "
            "and the Frente de Todos party backed him.\n\n"
            "“Dialogue is the only way,” added the Frente de Todos leader.")
    mem = memory_of(text)
    leader = next(t for t in mem.doc if t.text == "leader" and t.nbor(-1).text == "Todos")
    found = mem.described(mem.description_of(leader), leader.idx)
    assert found is None or found.actor.name != "Vladimir Putin"


def test_a_pronoun_prefers_the_subject_of_the_main_clause():
    text = ("Ben Wallace met Sergei Shoigu in Moscow. His news conference took place as Boris Johnson joined a call. "
            "Also taking part were Emmanuel Macron, Olaf Scholz and Jens Stoltenberg. While he said that he was hopeful, he was wary.")
    mem = memory_of(text)
    he = [t for t in mem.doc if t.text == "he"][0]
    assert mem.resolve_pronoun(he).actor.name == "Ben Wallace"


def test_titles_are_learned_from_how_the_article_introduces_people():
    text = "Poland's defence minister, Mariusz Blaszczak, visited the fence. VGTRK journalist, radio and TV presenter Vladimir Soloviev asked."
    mem = memory_of(text)
    assert "defence minister" in entity_at(mem, text, "Mariusz Blaszczak").titles
    assert entity_at(mem, text, "Mariusz Blaszczak").country == "PL"
    assert {"journalist", "tv presenter"} <= entity_at(mem, text, "Vladimir Soloviev").titles


def test_a_place_the_parser_calls_a_person_makes_no_person():
    text = 'Kyiv said on Monday that talks were possible. Kyiv has "no illusions".'
    mem = memory_of(text)
    assert not any(e.is_person for e in mem.entities.values())


@pytest.mark.parametrize("platform", ["Twitter", "Telegram", "Bluesky"])
def test_a_platform_is_no_one_whatever_the_ner_calls_it(platform):
    mem = memory_of(f"Nelson Chamisa spoke on Sunday. He posted on {platform}.")
    assert mem.person_named(platform, 40) is None


def test_a_name_right_after_a_title_is_a_person_even_unseen_by_the_ner():
    text = "Moldovan Foreign Minister Nicu Popescu met refugees. The minister said aid was coming."
    mem = memory_of(text)
    entity = entity_at(mem, text, "Nicu Popescu")
    assert entity.is_person and "foreign minister" in entity.titles


@pytest.mark.parametrize("text,pronoun,person", [
    pytest.param("Hanna Kovalenko and her son Mark crossed at dawn. She carried a cat.", "She", "Hanna Kovalenko",
                 id="a given name tells the gender"),
    pytest.param("Italian Labour Minister Andrea Orlando visited Przemysl on Monday.\n\n“We need more help,” he said.",
                 "he", "Andrea Orlando", id="the text's pronoun overrules a first name's usual gender"),
    pytest.param("Andrea Orlando met Piotr Nowak in Przemysl.\n\n“We need more help,” she said.", "she", "Andrea Orlando",
                 id="a first name's usual gender still picks between two people"),
    pytest.param("Hundreds gathered in the square on Saturday.\n\nThe last to speak was Sasha, who asked the crowd "
                 "to stand up to Vladimir Putin.\n\nHe said: “We need your help now.”", "He", "Sasha",
                 id="the person who acts in a relative clause, not the one the clause names"),
    pytest.param("Latvian Prime Minister Krisjanis Karins flew to Brussels.\n\nHe said this before the summit, European Pravda "
                 "reported.\n\n“Europe must stick together,” he said.", "he", "Krisjanis Karins",
                 id="not a registered outlet the NER cut in two"),
    pytest.param("Foreign Minister Anna Lindqvist visited Kyiv on Friday.\n\n“It will affect many civilians,” he said.", "he",
                 "Anna Lindqvist", id="a machine translation's wrong pronoun when no one of its gender is named"),
])
def test_a_pronoun_finds_the_person_of_its_gender(text, pronoun, person):
    mem = memory_of(text)
    tok = next(t for t in mem.doc if t.text == pronoun)
    assert mem.resolve_pronoun(tok).actor.name == person


def test_a_thing_someone_has_is_no_person():
    text = "The woman wore a pink parka. Her Rhodesian Ridgeback Rhodesian Ridgeback was muzzled. She said she had fled Kharkiv."
    mem = memory_of(text)
    assert not any(m.entity.is_person and "Ridgeback" in m.entity.actor.name for m in mem.mentions)


def test_a_given_name_alone_is_no_misspelt_surname():
    text = "Michael waited at the station. Charles Michel spoke in Brussels."
    mem = memory_of(text)
    assert entity_at(mem, text, "Michael") is not entity_at(mem, text, "Charles Michel")


def test_photo_credits_name_no_one():
    text = "A woman waits at the border. (Photo by Wojtek Radwanski/AFP via Getty Images)\n\nShe said nothing."
    mem = memory_of(text)
    assert not any(m.entity.is_person for m in mem.mentions)


@pytest.mark.parametrize("label", ["ORG", "GPE"])
def test_a_name_set_off_after_a_persons_title_is_a_person_whatever_the_ner_says(label):
    """The NER calls unfamiliar names bodies or places ("Rebwar Babkayi" ORG): after "the
    chairman of …," and before "said" the words are the chairman's name."""
    from spacy.tokens import Span

    text = ("In remarks to the agency, the secretary of the Relations and Diaspora Committee in the Kurdistan Region's Parliament, "
            "Karwan Gaznayi, said the camps were full.")
    doc = load_nlp()(text)
    start = next(t.i for t in doc if t.text == "Karwan")
    doc.ents = [e for e in doc.ents if e.end <= start or e.start >= start + 2] + [Span(doc, start, start + 2, label=label)]
    memory = ArticleMemory(doc, registry(), None, QuoteIndex(quote_spans_of(text)))
    entity = entity_at(memory, text, "Karwan Gaznayi")
    assert entity is not None and entity.is_person and entity.actor.name == "Karwan Gaznayi"


def test_a_body_set_off_after_a_bodys_description_stays_a_body():
    from spacy.tokens import Span

    text = "In remarks to the agency, the network of aid groups on the border, Grupa Granica, said the camps were full."
    doc = load_nlp()(text)
    start = next(t.i for t in doc if t.text == "Grupa")
    doc.ents = [e for e in doc.ents if e.end <= start or e.start >= start + 2] + [Span(doc, start, start + 2, label="ORG")]
    memory = ArticleMemory(doc, registry(), None, QuoteIndex(quote_spans_of(text)))
    entity = entity_at(memory, text, "Grupa Granica")
    assert entity is None or not entity.is_person


@pytest.mark.parametrize("word,expected", [
    pytest.param("Oksana", "female", id="the project's own list"),
    pytest.param("Cinzia", "female", id="the dictionary: an Italian name"),
    pytest.param("Dilnoza", "female", id="the dictionary: an Uzbek name"),
    pytest.param("Bogdan", "male", id="the project list again"),
    pytest.param("Radu", "male", id="the dictionary: a Romanian name"),
    pytest.param("Sasha", None, id="mostly one gender is not enough"),
    pytest.param("Rebwar", None, id="a name neither knows"),
])
def test_the_usual_gender_of_a_first_name(word, expected):
    from dashboard.pipeline.memory import usual_gender

    assert usual_gender(word) == expected


@pytest.mark.parametrize("text,surface,name", [
    pytest.param("Local volunteer coordinator Mykola “Kolya” Petrenko has run convoys since March.",
                 "Mykola", "Mykola Petrenko", id="a nickname in marks joins the two halves of a name"),
    pytest.param("Retired teachers John and Mary Whitfield took in a family from Kharkiv.", "John", "John Whitfield",
                 id="a first name before 'and' and a full name takes its surname"),
    pytest.param("Among the crowd was Pavlo and Natalia Lebedev, waiting for his mother. “She is safe,” said Pavlo.", "Pavlo",
                 "Pavlo Lebedev", id="a first name before 'and' and a full name, whatever the NER made of it"),
    pytest.param("At the moment, they come and just pray for their friends, Fr Wolodymyr said.", "Wolodymyr", "Wolodymyr",
                 id="a priest by his title and first name, which the NER tags as a body"),
    pytest.param("Anna Starostka and her daughter Kinga have put out a call for help. “We can’t sit here,” Kinga said.", "Kinga",
                 "Kinga Starostka", id="'and her daughter X' after a full name: the family's surname"),
    pytest.param("Refugees on the ship\n\nNikol Bilous came from Kyiv and said she was grateful.", "Nikol Bilous", "Nikol Bilous",
                 id="a given name and surname as a verb's subject, whatever the NER called them"),
    pytest.param("The talks between Biden and Vladimir Putin lasted two hours.", "Biden", "Joe Biden",
                 id="not a surname before 'and' and a full name"),
    pytest.param("Hundreds rallied on Sunday. “We will win,” said Ukranian Tatiana.", "Tatiana", "Tatiana",
                 id="a misspelt nationality before a first name is no part of it"),
])
def test_the_name_a_person_is_given(text, surface, name):
    assert entity_at(memory_of(text), text, surface).actor.name == name


def test_the_source_of_according_to_is_who_a_pronoun_after_it_means():
    text = ("Elena Yoshino waited at Narita for her mother, Valentyna Bobokalo.\n\nValentyna fled Kyiv on May 1.\n\n"
            "According to Elena, her mother lived alone. “It is hard for her,” she told the paper.")
    mem = memory_of(text)
    she = [t for t in mem.doc if t.text == "she"][-1]
    assert mem.resolve_pronoun(she).actor.name == "Elena Yoshino"


@pytest.mark.parametrize("text,described,name", [
    pytest.param("A Nigerian student, who gave her name as Victoria, told the paper she was sent back.", "A Nigerian student",
                 "Victoria", id="a name that is also a place, given by the source"),
    pytest.param("A farmer who asked to be identified only as Mykola said the shelling went on all night.", "A farmer",
                 "Mykola", id="asked to be identified only as"),
])
def test_the_name_a_source_gave_is_theirs_and_their_descriptions(text, described, name):
    mem = memory_of(text)
    person = entity_at(mem, text, described)
    assert person.is_person and person.actor.name == name


def test_a_registered_body_the_ner_took_for_a_person_stays_a_body():
    text = "Wisma Putra said on Twitter that the convoy had crossed into Poland."
    body = entity_at(memory_of(text), text, "Wisma Putra")
    assert not body.is_person and body.actor.name == "Malaysian Ministry of Foreign Affairs"


@pytest.mark.parametrize("text,short,body", [
    pytest.param("The National Refugee Agency (NRA) opened two centres. The NRA said more would follow.", "NRA",
                 "National Refugee Agency", id="a body spelled out before its bracketed initials"),
    pytest.param("The government and the People’s National Congress Reform (PNCR) condemned the invasion. The PNCR said more.",
                 "PNCR", "People’s National Congress Reform", id="not the words joining it to the phrase before"),
])
def test_initials_stand_for_the_body_spelled_out_before_them(text, short, body):
    assert memory_of(text).acronym(short).name == body


@pytest.mark.parametrize("text,later,person", [
    pytest.param("Todd spoke with Brazil’s Minister of Foreign Affairs, Carlos França, on Thursday. Brazil’s foreign minister "
                 "then tweeted about it.", "Brazil’s foreign minister", "Carlos França",
                 id="'Minister of Foreign Affairs' is the foreign minister"),
    pytest.param("Russian Ambassador Pavel Kuznetsov met the mayor. The envoy told reporters the talks went well.",
                 "The envoy", "Pavel Kuznetsov", id="an ambassador is the envoy"),
    pytest.param("British Home Secretary Anna Clarke warned of delays. Sergei Lavrov, Russia's foreign minister, denied it. "
                 "Ms Clarke then spoke again. The senior cabinet minister said the queues would grow.",
                 "The senior cabinet minister", "Anna Clarke", id="a British secretary of state is a cabinet minister"),
])
def test_a_title_said_another_way_is_the_same_person(text, later, person):
    assert entity_at(memory_of(text), text, later).actor.name == person


@pytest.mark.parametrize("text,country", [
    pytest.param("ISLAMABAD: The Foreign Office on Friday expressed concern.", "PK", id="a capital in capitals and a colon"),
    pytest.param("NEW DELHI, March 3 (Reuters) - India abstained again.", "IN", id="a wire dateline with date and agency"),
    pytest.param("BREAKING: Sirens in Kyiv", None, id="a label in capitals is no city"),
    pytest.param("KYIV, Ukraine — Air raid sirens sounded overnight.", "UA", id="city and country before a dash"),
    pytest.param("Mexico City, Mexico — The Secretary of Foreign Affairs says the embassy stays open.", "MX",
                 id="city and country in title case"),
    pytest.param("The Foreign Office said on Friday that talks would go on.", None, id="no dateline"),
])
def test_the_dateline_tells_where_the_story_is_told_from(text, country):
    assert memory_of(text).dateline_country == country


def test_a_given_name_in_quotation_marks_is_the_name_a_source_goes_by():
    text = "As for “Karim”, he was among the lucky ones who reached Germany.\n\n“The risk was worth it,” he says."
    mem = memory_of(text)
    he = [t for t in mem.doc if t.text == "he"][-1]
    assert mem.resolve_pronoun(he).actor.name == "Karim"


@pytest.mark.parametrize("text", [
    "Locals nicknamed the bridge “Olena” after a volunteer.",
    "The “Azov” regiment held the plant.",
])
def test_other_capitalised_words_in_marks_are_no_one(text):
    assert not any(m.entity.is_person for m in memory_of(text).mentions)


@pytest.mark.parametrize("text", ["Friday Times spoke to 52 students over four days.", "Kyiv Post reported the shelling first.",
                                  "The island nation is in crisis. Sri Lanka, which imports its fuel, said it would not take sides."])
def test_a_newspaper_or_country_the_ner_took_for_a_person_is_no_one(text):
    assert not any(m.entity.is_person for m in memory_of(text).mentions)


@pytest.mark.parametrize("text,person", [
    pytest.param("Sauli Niinistö and Sanna Marin said on Thursday they believe Finland must join.", "Sauli Niinisto",
                 id="two people and 'they' in one sentence: the first named"),
    pytest.param("On Friday, students Olena Shevchuk and Ivan Bondar reached Warsaw.\n\n“We hope the others get home soon,” they said.",
                 "Olena Shevchuk", id="two people, then 'they said' after their words"),
])
def test_they_after_two_people_is_the_first_named(text, person):
    mem = memory_of(text)
    they = next(t for t in mem.doc if t.text == "they")
    assert mem.resolve_pronoun(they).actor.name == person


@pytest.mark.parametrize("text,label", [
    pytest.param("What they're saying: \"Today's actions show our resolve,\" Blinken said.", True, id="Axios's label"),
    pytest.param("Why it matters: the sanctions are the first since the border crisis.", True, id="another label"),
    pytest.param("What they are saying is that the border stays shut.", False, id="the same words in a sentence"),
])
def test_a_newsletters_section_label_is_known(text, label):
    assert memory_of(text).in_section_label(text.index("a") if label else 5) is label


def test_of_two_people_with_one_title_the_description_is_the_one_acting():
    text = ("On Tuesday, the Ukrainian Ambassador to Kenya, Andriy Pravednyk, thanked Nairobi.\n\n"
            "Pravednyk praised a speech by Ambassador Martin Kimani at the UN.\n\n“We are grateful,” the Ambassador remarked.")
    mem = memory_of(text)
    assert entity_at(mem, text, "the Ambassador remarked").actor.name == "Andriy Pravednyk"


def test_the_group_is_the_body_whose_name_says_group():
    text = ("The Russell Group said its members had offered places to Ukrainian students. The Nuffield Foundation gave £500,000.\n\n"
            "“Our members have responded quickly,” said the group in a statement.")
    mem = memory_of(text)
    assert entity_at(mem, text, "the group in a statement").actor.name == "Russell Group"


def test_the_prime_minister_is_not_any_minister_the_article_names():
    import datetime as dt
    text = ("Liz Truss, the foreign secretary, flew to Kyiv. Boris Johnson said an incursion would be a disaster.\n\n"
            "The prime minister added that the UK stood behind Ukraine.")
    mem = memory_of(text, dt.date(2022, 1, 20))
    assert entity_at(mem, text, "The prime minister").actor.name == "Boris Johnson"


def test_the_council_opening_an_excerpt_is_the_council_named_after_it():
    text = ("At a special meeting on Tuesday the council issued a statement.\n\n"
            "Banbury Town Council is urging local people to welcome refugees.")
    mem = memory_of(text)
    d = mem.description_of(next(t for t in mem.doc if t.text == "council"))
    assert mem.described(d, text.index("council")).actor.name == "Banbury Town Council"


def test_of_two_names_set_beside_a_parsed_subject_the_one_before_the_verb_acts():
    """The parse of "…, and its outgoing mayor, Jan Nowak, Anna Kowalska switched to English": the
    description made the subject and both names its appositions. Anna Kowalska switched."""
    from spacy.tokens import Doc

    from dashboard.pipeline.memory import ArticleMemory
    from dashboard.pipeline.nlp import load_nlp

    words = ["its", "outgoing", "mayor", ",", "Jan", "Nowak", ",", "Anna", "Kowalska", "switched", "to", "English"]
    heads = [2, 2, 9, 2, 5, 2, 2, 8, 2, 9, 9, 10]
    deps = ["poss", "amod", "nsubj", "punct", "compound", "appos", "punct", "compound", "appos", "ROOT", "prep", "pobj"]
    pos = ["PRON", "ADJ", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "ADP", "PROPN"]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos)
    rank = {t.text: ArticleMemory._rank(t) for t in doc if t.text in ("mayor", "Nowak", "Kowalska")}
    assert rank == {"mayor": 2, "Nowak": 2, "Kowalska": 0}


@pytest.mark.parametrize("text,person", [
    pytest.param("Batting for the party's schemes, he added that the plan would work.", False,
                 id="a sentence's opening participle the NER may take for a name"),
    pytest.param("Hitting back at critics, she said the budget was fair.", False, id="another opening participle"),
    pytest.param("Dowling said the budget was fair.", True, id="a surname in -ing, followed by its verb"),
])
def test_an_opening_participle_is_no_name(text, person):
    from spacy.tokens import Span

    from dashboard.pipeline.memory import _opens_with_a_participle

    doc = load_nlp()(text)
    assert _opens_with_a_participle(Span(doc, 0, 1, label="PERSON")) is not person  # (as the NER tags it on some pages)


def test_a_body_called_by_the_first_word_of_its_name_is_that_body():
    text = "Berjaya Corporation filed a police report on Friday.\n\nBerjaya said in a statement that the article was false."
    memory = memory_of(text)
    assert entity_at(memory, text, "Berjaya", nth=1).actor.name == "Berjaya Corporation"


@pytest.mark.parametrize("text,name", [
    pytest.param("Nuclear operator Energoatom said the plant was shelled again overnight.", "Energoatom", id="'operator <Name>'"),
    pytest.param("Irish airline Ryanair said on Monday it would resume flights to Vilnius.", "Ryanair", id="'airline <Name>'"),
])
def test_a_name_after_the_kind_of_firm_it_is_is_a_body(text, name):
    mem = memory_of(text)
    entity = entity_at(mem, text, name)
    assert not entity.is_person


@pytest.mark.parametrize("name,plausible", [
    pytest.param("the Safety of Rwanda Bill", False, id="a bill"),
    pytest.param("the Inflation Reduction Act", False, id="an act"),
    pytest.param("the Minsk Agreements", False, id="agreements"),
    pytest.param("the Windsor Framework", False, id="a framework"),
    pytest.param("the Bar Council", True, id="(a council is a body)"),
    pytest.param("Save Our Libraries", True, id="(a campaign group of several words)"),
])
def test_a_law_is_no_body(name, plausible):
    assert _plausible_org(name) is plausible
