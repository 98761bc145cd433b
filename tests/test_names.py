"""How names are spelled and matched: pure string rules, one table each."""

import pytest

from dashboard.pipeline.names import PersonMatcher, clean_person_name, gendered_forms, institution_parts, is_web_address, name_key, names_a_body

NATIONS = {"ukraine", "ukrainian", "belarusian", "belarus", "polish", "poland", "russia", "russian", "russian federation", "lithuania", "israel", "israeli",
           "irish", "canadian"}


@pytest.mark.parametrize("text,name,honorific", [
    pytest.param("2021 - 11 - 08 Muller", "Muller", None, id="crawler date glued to a surname"),
    pytest.param("Photo: Dmytro Kuleba", "Dmytro Kuleba", None, id="page furniture before a name"),
    pytest.param("Prime Minister Boris Johnson's", "Boris Johnson", "minister", id="title and possessive"),
    pytest.param("Ukraine President Volodymyr Zelensky", "Volodymyr Zelensky", "president", id="country and title"),
    pytest.param("Ms Truss", "Truss", "ms", id="honorific kept for gender"),
    pytest.param("LAVROV", "Lavrov", None, id="transcript capitals"),
    pytest.param("Ursula von der Leyen", "Ursula von der Leyen", None, id="lower-case particles"),
    pytest.param("Ahmed al-Sahaf", "Ahmed al-Sahaf", None, id="Arabic article"),
    pytest.param("Dmitry Peskov PHOTO", "Dmitry Peskov", None, id="a caption label after the name"),
    pytest.param("Sarah McLeanUpdated", "Sarah McLean", None, id="a byline's label glued to the surname"),
    pytest.param("Schoolgirl Daryna", "Daryna", None, id="what a person is, capitalised before the name"),
    pytest.param("John McPhoto", "John McPhoto", None, id="a surname that only ends like a label"),
    pytest.param("Mevlüt Çavuşoğlu", "Mevlüt Çavuşoğlu", None, id="a capital outside ASCII"),
    pytest.param("John Major", "John Major", None, id="a surname that is also a rank"),
    pytest.param("Erik Prince", "Erik Prince", None, id="a surname that is also a title"),
    pytest.param("Spencer J. Cox", "Spencer Cox", None, id="a middle initial is dropped"),
    pytest.param("T.S. Tirumurti", "T.S. Tirumurti", None, id="initials as the first name stay"),
    pytest.param("George W Bush", "George Bush", None, id="a middle initial without its dot"),
    pytest.param("Koryoin Ukrainian Anastasia", "Anastasia", None, id="a nationality inside the run ends the description"),
    pytest.param("Ms King", "King", "ms", id="after Ms a title word is a surname"),
    pytest.param("President Sandu Calls", "Sandu", "president", id="a title-case headline's verb after the name"),
    pytest.param("Park", "Park", None, id="a surname that is also a place noun"),
    pytest.param("Noel Israel Khokhar", "Noel Israel Khokhar", None, id="a country's name as a middle name stays"),
    pytest.param("Joko “Jokowi” Widodo", "Joko Widodo", None, id="a nickname in quotation marks is left out"),
    pytest.param('Dwayne "The Rock" Johnson', "Dwayne Johnson", None, id="a nickname of two words in straight marks"),
    pytest.param("Ukrainian Citizen Liudmyla", "Liudmyla", None, id="what the person is, capitalised before the name"),
    pytest.param("Refugee Olena Marchuk", "Olena Marchuk", None, id="a status noun as if a title"),
    pytest.param("Pensioner Hanna", "Hanna", None, id="a status noun before a first name"),
    pytest.param("Irishman Barry Haughian", "Barry Haughian", None, id="a nationality noun before the name"),
    pytest.param("Says Zelensky", "Zelensky", None, id="a title-case headline's verb before the name"),
    pytest.param("Insists Wallace", "Wallace", None, id="another headline verb before the name"),
    pytest.param("Lord Provost Campbell", "Campbell", "lord", id="a civic title after an honorific"),
    pytest.param("Congresswoman Dean", "Dean", "congresswoman", id="a US representative's title"),
    pytest.param("Father Wolodymyr Kalinecki", "Wolodymyr Kalinecki", "father", id="a priest's title"),
    pytest.param("Councilwoman Ortiz", "Ortiz", "councilwoman", id="a US city council member's title"),
    pytest.param("Hon. Peter Shanel Agovaka", "Peter Shanel Agovaka", "hon", id="the Commonwealth's 'Honourable'"),
    pytest.param("Rt Hon Penny Mordaunt", "Penny Mordaunt", "rt", id="'Right Honourable'"),
    pytest.param("Jim Shannon MP", "Jim Shannon", None, id="the letters of a seat after the name"),
    pytest.param("Mary Lou McDonald TD", "Mary Lou McDonald", None, id="an Irish deputy's letters"),
    pytest.param("Senators Amy Klobuchar", "Amy Klobuchar", None, id="a title in the plural before coordinated names"),
    pytest.param("Greg Abbot", "Greg Abbot", None, id="a surname that is also a cleric's office"),
    pytest.param("Steven Ms", "Steven Ms", None, id="letters after a name count only in capitals"),
    pytest.param("Museveni Missing", "Museveni", None, id="a title-case headline's word after the name"),
    pytest.param("Teachta Brady", "Brady", "teachta", id="the Irish 'Teachta' (deputy)"),
    pytest.param("Spencer J. Cox", "Spencer Cox", None, id="a middle initial after a given name is dropped"),
    pytest.param("M K Stalin", "M K Stalin", None, id="initials that stand for the given names are the name"),
    pytest.param("the Rekha Gupta-led", "Rekha Gupta", None, id="whose cabinet: '-led' is no part of the name"),
    pytest.param("Tan Sri Tengku Muhammad Taufik", "Tengku Muhammad Taufik", None, id="a two-word Malaysian style"),
    pytest.param("Datuk Fadillah Yusof", "Fadillah Yusof", "datuk", id="a one-word Malaysian style"),
    pytest.param("KISHIDA Fumio", "Fumio Kishida", None, id="Japanese copy's family name first, in capitals"),
    pytest.param("NATO Stoltenberg", "Stoltenberg", None, id="(not an acronym before a surname)"),
    pytest.param("State Secy Rubio", "Rubio", None, id="an abbreviated office before the name ('Secy')"),
    pytest.param("Amb. Bridget Brink", "Bridget Brink", None, id="an abbreviated 'Ambassador'"),
    pytest.param("Sandu Telegram", "Sandu", None, id="the platform after the name ('the Sandu Telegram channel')"),
    pytest.param("Malcolm X", "Malcolm X", None, id="(a one-letter name is no platform)"),
    pytest.param("Premier Danielle Smith", "Danielle Smith", None, id="a Canadian premier's title"),
    pytest.param("GOP Sens. Susan Collins", "Susan Collins", None, id="a party and an abbreviated plural title"),
])
def test_clean_person_name(text, name, honorific):
    got = clean_person_name(text, lambda w: w.lower() in NATIONS)
    assert (got.name, got.honorific) == (name, honorific)


@pytest.mark.parametrize("text", ["Ben Gurion Airport", "George Square", "the", "Foreign Secretary", "von", "Q1 2022", "Photo/Reuters", "a b c d e f", "",
                                  "@ZelenskyyUa", "Kyiv Desk",  # an account's handle, a newsroom's desk
                                  "SMS", "the GPS",  # an acronym alone
                                  "OSCE Chairman", "National Security Adviser", "Chairman-in-Office", "IMF Managing Director",
                                  "Air Corridor Coordinator", "City", "Oblast", "Axar.az", "Ukrinform.net",
                                  "Sinn Féin Ballyarnett Councillor", "St Volodymyr", "Saint Michael", "Parish", "Vicar",
                                  "Parish Chaplain", "Fine Gael Senator", "Ata Declaration", "Good Friday Agreement", "Normandy Format",
                                  "New France PM", "Delhi CM", "Kurdistan Region", "Kherson Oblast"])
def test_nothing_name_like_is_no_name(text):
    assert clean_person_name(text) is None


@pytest.mark.parametrize("a,b", [
    pytest.param("Volodymyr Zelenskyy", "Volodymyr Zelensky", id="doubled y"),
    pytest.param("Zelenskiy", "Zelensky", id="-iy"),
    pytest.param("Dmitro Kuleba", "Dmytro Kuleba", id="y for i"),
    pytest.param("Mikhail Mishustin", "Mihail Mishustin", id="kh for h"),
    pytest.param("Lech Wałęsa", "Lech Walesa", id="diacritics and l-stroke"),
    pytest.param("Shaheen Rasheed", "Shahin Rashid", id="ee for i (Arabic and Urdu names)"),
    pytest.param("Olexiy Danilov", "Oleksiy Danilov", id="x for ks"),
])
def test_spelling_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


MATCHER = PersonMatcher([("Volodymyr Zelensky", "VZ"), ("Olena Zelenska", "OZ"), ("Dmytro Kuleba", "DK"),
                         ("Ahmed al-Sahaf", "AS"), ("Andrzej Duda", "AD"), ("Alexander Lukashenko", "AL"),
                         ("Aliaksandr Lukashenka", "AL"), ("Olaf Scholz", "OS"), ("Dmitry Peskov", "DP"),
                         ("Mariusz Błaszczak", "MB"), ("Aleksandar Vučić", "AV"), ("Fumio Kishida", "FK"),
                         ("Oleksii Reznikov", "OR"), ("Siarhei Tsikhanouski", "ST")])


@pytest.mark.parametrize("written,expected", [
    pytest.param("Voldymyr Zelensky", "VZ", id="misspelt first name"),
    pytest.param("Ahmed al-Shhaf", "AS", id="misspelt surname"),
    pytest.param("A. Lukashenka", "AL", id="initial and a variant"),
    pytest.param("Olena Zelenska", "OZ", id="his wife is not him"),
    pytest.param("Andrzej Dera", None, id="another surname"),
    pytest.param("Jan Kowalski", None, id="someone unknown"),
    pytest.param("Olaf Schulz", "OS", id="one wrong vowel, first name exact"),
    pytest.param("Dmitry Peskow", "DP", id="a German transliteration, first name exact"),
    pytest.param("Dima Peskow", None, id="a nickname and a misspelt surname are too many"),
    pytest.param("Olaf Scheel", None, id="same first name, another surname"),
    pytest.param("Mariusz Blaszczak", "MB", id="diacritics folded"),
    pytest.param("Aleksandar Vui", "AV", id="a copy that dropped the letters with diacritics"),
    pytest.param("Kishida Fumio", "FK", id="family name first"),
    pytest.param("Alexey Reznikov", "OR", id="a Russian romanisation of a Ukrainian given name"),
    pytest.param("Sergei Tsikhanouski", "ST", id="a Russian romanisation of a Belarusian given name"),
    pytest.param("Vitaly Zelensky", None, id="another given name, however romanised"),
])
def test_person_matcher(written, expected):
    assert MATCHER.match(written) == expected


@pytest.mark.parametrize("word,expected", [
    pytest.param("Zelenskiy", "VZ", id="a variant of one surname"),
    pytest.param("Lukashenka", "AL", id="an alias's surname"),
    pytest.param("Duda", "AD", id="exact"),
    pytest.param("Dada", None, id="short surnames must be exact"),
])
def test_surname_matcher(word, expected):
    assert MATCHER.match_surname(word) == expected


@pytest.mark.parametrize("phrase,expected", [
    pytest.param("Ukraine's internal affairs ministry", ("ministry", "ukraine", "Internal Affairs"), id="possessive and topic"),
    pytest.param("the Ministry of Internal Affairs of Ukraine", ("ministry", "ukraine", "Internal Affairs"), id="of topic of country"),
    pytest.param("the Belarusian defence ministry", ("ministry", "belarusian", "Defence"), id="demonym"),
    pytest.param("Russian Federation's foreign ministry", ("ministry", "russian federation", "Foreign Affairs"), id="two-word country"),
    pytest.param("the internal affairs ministry", ("ministry", None, "Internal Affairs"), id="no country"),
    pytest.param("the Polish authorities", ("government", "polish", None), id="authorities"),
    pytest.param("government of Lithuania", ("government", "lithuania", None), id="government of"),
    pytest.param("Russian troops", ("military", "russian", None), id="troops"),
    pytest.param("the Irish Ministry for Health", ("ministry", "irish", "Health"), id="demonym before 'Ministry for'"),
    pytest.param("Canadian Ministry of Finance", ("ministry", "canadian", "Finance"), id="demonym before 'Ministry of'"),
    pytest.param("the Health Ministry’s", ("ministry", None, "Health"), id="a ministry's (its website)"),
])
def test_institution_parts(phrase, expected):
    got = institution_parts(phrase, lambda q: q in NATIONS)
    assert (got.kind, got.nationality, got.topic) == expected


@pytest.mark.parametrize("phrase", ["a statement from the defence ministry", "the government", "the ministry"])
def test_not_an_institution_name(phrase):
    assert institution_parts(phrase, lambda q: q in NATIONS) is None


@pytest.mark.parametrize("a,b,one_family", [
    pytest.param("Tsikhanouski", "Tsikhanouskaya", True, id="Belarusian -ski / -skaya"),
    pytest.param("Navalny", "Navalnaya", True, id="Russian -y / -aya"),
    pytest.param("Kowalski", "Kowalska", True, id="Polish -ski / -ska"),
    pytest.param("Ivanov", "Ivanova", True, id="-ov / -ova"),
    pytest.param("Novák", "Nováková", True, id="Czech -ová after the whole name"),
    pytest.param("Grybauskas", "Grybauskaitė", True, id="Lithuanian -as / -aitė"),
    pytest.param("Alboth", "Abloth", False, id="a typo is no gendered form"),
    pytest.param("Smith", "Smyth", False, id="two spellings of one name"),
    pytest.param("Ivanov", "Ivanovich", False, id="a patronymic is no feminine form"),
])
def test_a_family_names_masculine_and_feminine_forms(a, b, one_family):
    assert gendered_forms(name_key(a), name_key(b)) is one_family


@pytest.mark.parametrize("word,site", [
    ("Ukrinform.net", True), ("Axar.az", True), ("Censor.NET", True), ("Gazeta.COM", True),
    ("T.S.", False), ("U.S.", False), ("St.Petersburg", False), ("NET", False),
])
def test_a_sites_name(word, site):
    assert is_web_address(word) is site


@pytest.mark.parametrize("name,body", [
    ("Hostages Families Forum", True), ("Russell Group", True), ("Nuffield Foundation", True), ("Bereaved Families Trust", True),
    ("Forum", False), ("John Bank", False), ("Maria Court", False),
])
def test_a_name_ending_in_a_bodys_word_is_a_body(name, body):
    assert names_a_body(name) is body
