"""How names are written and matched: one canonical form per person or body, whatever the spelling.

Pure string rules, no parse:
- `normalise`: the lookup key (case, diacritics, apostrophes and spacing folded);
- `name_key`: a looser key for people that also folds transliteration variants
  (Zelenskyy/Zelenskiy/Zelensky, Dmitro/Dmytro, al-Shhaf/al-Sahaf, doubled letters);
- `clean_person_name`: what of an entity's text is the person's name (honorifics, titles,
  nationalities, crawler dates and page furniture removed; None when nothing name-like is left);
- `PersonMatcher`: registry people found from any spelling, with rapidfuzz, where the surname
  agrees closely and the first name or initial agrees too;
- `institution_parts`: "Ukraine's internal affairs ministry" / "Ministry of Internal Affairs of
  Ukraine" read as (kind, nationality, topic), so both become "Ukrainian Ministry of Internal Affairs".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

_SPACE = re.compile(r"\s+")

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
    "gen", "general", "col", "colonel", "lt", "maj", "major", "capt", "captain", "adm", "admiral",
    "rev", "president", "pm", "minister", "secretary", "senator", "sen", "rep", "gov", "governor",
    "chancellor", "king", "queen", "prince", "princess", "pope", "sheikh", "mayor", "judge", "ambassador",
    "bishop", "archbishop", "cardinal", "metropolitan", "patriarch", "reverend", "pastor", "rabbi", "imam", "fr",
    "cllr", "councillor", "councilor", "alderman", "supt", "insp", "sgt", "cpl", "det", "taoiseach", "tanaiste", "tánaiste",
    "provost", "sheriff", "constable", "detective", "inspector", "magistrate", "congressman", "congresswoman", "assemblyman", "assemblywoman", "father",
    "councilman", "councilwoman", "councilmember", "hon", "honourable", "honorable", "rt", "msgr", "monsignor", "deacon",
    "canon", "teachta", "cmdr", "lt-col", "lt-gen", "maj-gen", "brig", "brigadier", "baroness", "baron", "viscount", "earl",
    "datuk", "dato", "dato'", "datin", "tun",  # Malaysian styles ("Datuk Fadillah Yusof")
}
FEMALE_HONORIFICS = {"mrs", "ms", "miss", "dame", "lady", "baroness", "queen", "princess", "congresswoman", "assemblywoman", "councilwoman"}
MALE_HONORIFICS = {"mr", "sir", "lord", "king", "prince", "congressman", "assemblyman", "father", "councilman", "monsignor", "msgr"}
# Words of a title written before a name ("Foreign Secretary Liz Truss", "Ukraine President Zelensky").
TITLE_WORDS = HONORIFICS | {
    "prime", "foreign", "defence", "defense", "interior", "home", "deputy", "vice", "chief", "state", "labour",
    "opposition", "leader", "spokesman", "spokeswoman", "spokesperson", "mp", "us", "u.s.", "uk", "eu", "un", "nato",
    "former", "acting", "tory", "conservative", "democratic", "republican", "envoy", "commissioner", "commander",
    "first", "lady", "head", "director", "ex", "self-proclaimed", "exiled", "strongman", "dictator", "authoritarian",
    "top", "diplomat", "officer", "official", "aide", "adviser", "advisor", "press", "secretary-general",
    "secretary general", "speaker", "mep", "senior", "lieutenant", "sergeant", "colonel-general", "fm",
    "pm", "dp", "vp", "cs", "cm",  # abbreviated offices before a name: "PM Modi", "DP Ruto", "VP Harris", "CS Murkomen" (Kenya),
    # "CM Stalin" (an Indian state's chief minister)
    "secy", "secy.", "sec", "sec.", "amb", "pres", "asst", "dy",  # "US State Secy Blinken", "Amb. Brink", "Pres. Biden"
    "premier", "sens", "reps", "gop",  # "Premier Doug Ford", "GOP Sens. Collins and Murkowski"
}
# Words of an office that never end a person's name ("OSCE Chairman", "National Security Adviser"
# are titles whatever the NER says); surnames that are also titles (King, Major, Prince) are not here.
OFFICE_WORDS = {"chairman", "chairwoman", "chairperson", "chair", "adviser", "advisor", "minister", "secretary", "president",
                   "spokesman", "spokeswoman", "spokesperson", "commissioner", "ambassador", "premier", "envoy",
                   "director", "official", "diplomat", "officer", "aide", "leader", "chief", "commander",
                   "secretary-general", "chairman-in-office", "chairwoman-in-office", "representative", "ceo",
                   "executive", "coach", "manager", "founder", "governor", "mayor", "coordinator", "co-ordinator",
                   "councillor", "councilor", "cllr", "mec", "alderman", "vicar", "rector", "chaplain", "priest", "curate",
                   "archdeacon", "superintendent", "headteacher", "headmaster", "headmistress",
                   "detective", "inspector", "judge", "magistrate", "prosecutor", "constable", "sergeant",
                   "principal", "chancellor", "provost", "registrar", "treasurer", "trustee", "chairwoman",
                   "senator", "congressman", "congresswoman", "assemblyman", "assemblywoman", "councilman", "councilwoman",
                   "ombudsman", "ombudswoman", "ombudsperson",
                   "pm", "fm", "cm"}  # ("New France PM vows …": abbreviated offices end no one's name)
# A news page's labels ("Quote from Czosnek:", "Photos show …", "Source: …"): capitalised words that
# are no one's name when they stand alone.
# Last words of a body's name that no person's name ends with ("Hostages Families Forum", "Russell Group",
# "Nuffield Foundation"; not "Court", "Bank", "Front": surnames too).
BODY_LAST_WORDS = {"forum", "council", "committee", "union", "party", "ministry", "agency", "association", "coalition",
                   "movement", "league", "federation", "institute", "foundation", "network", "alliance", "commission",
                   "authority", "department", "organisation", "organization", "society", "group", "government",
                   "parliament", "university", "company", "corporation", "embassy", "trust", "charity", "administration", "service",
                   "directorate", "inspectorate", "office", "bureau",
                   "news", "tv", "television", "times", "gazette", "tribune", "telegraph"}  # ("Geo News", "Dawn News TV")


# Where words are posted, never who posts them ("a Telegram post", "speaking on X, formerly Twitter").
PLATFORMS = {"telegram", "x", "twitter", "facebook", "instagram", "youtube", "tiktok", "linkedin", "threads", "bluesky", "truth social",
              "weibo", "wechat", "vk", "whatsapp", "social media"}


def names_a_body(name: str) -> bool:
    """'Hostages Families Forum', 'Russell Group': words of a name whose last is a body's."""
    words = name.split()
    return len(words) > 1 and normalise(words[-1]) in BODY_LAST_WORDS
PAGE_LABELS = {"quote", "quotes", "quotation", "source", "sources", "details", "background", "photo", "photos",
               "picture", "pictures", "image", "images", "video", "videos", "watch", "listen", "listening", "update", "updates",
               "context", "advertisement"}
# Letters written after a name: a seat in a parliament, an honour, a rank at the bar (in capitals only).
POST_NOMINALS = {"mp", "msp", "ms", "mla", "td", "mep", "am", "mhk", "mpp", "mna", "qc", "kc", "sc", "obe", "mbe",
                 "cbe", "kbe", "dbe", "frs", "phd", "md"}
# Lower-case particles inside names: "Ursula von der Leyen", "Ahmed al-Sahaf".
NAME_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "al", "el", "bin", "ibn", "ben", "dos", "del", "ap"}
_NAME_TOKEN = re.compile(r"^(?:[^\W\d_][\w'’.-]*|(?:al|el)-[^\W\d_][\w'’-]*)$")
_FURNITURE_WORDS = {"photo", "photos", "video", "file", "pictured", "picture", "image", "getty", "afp", "ap", "reuters",
                    "epa", "pa", "tass", "ria", "sputnik", "update", "watch", "live", "breaking", "exclusive"}
_FURNITURE = re.compile(r"[\d|/\\@#:;()\[\]{}<>=+*_~^]|^-+$|^[–—]+$")


@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Lower-case, ASCII-folded, single-spaced, straight apostrophes: the key for lookups (cached: the
    same words are looked up tens of thousands of times an article)."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("đ", "d")
    return _SPACE.sub(" ", text).strip().lower()


@functools.lru_cache(maxsize=1 << 16)  # pure, and asked for the same names over and over
def name_key(name: str) -> str:
    """A person's name folded for spelling variants: case, diacritics, punctuation, doubled letters,
    and the transliterations of Slavic and Arabic names news English mixes (-iy/-yy/-y, y/i, kh/h, w/v, ee/i, x/ks)."""
    key = normalise(name)
    key = re.sub(r"[.'`]", "", key).replace("-", "")
    key = re.sub(r"(?:iy|yy|ij|yi|ii)\b", "y", key)
    key = key.replace("kh", "h").replace("w", "v").replace("y", "i").replace("j", "i")
    key = key.replace("ee", "i").replace("oo", "u").replace("x", "ks")  # "Rasheed"/"Rashid", "Olexandr"/"Oleksandr"
    key = re.sub(r"(\w)\1+", r"\1", key)
    return _SPACE.sub(" ", key).strip()


# A family name's masculine and feminine endings, as name_key folds them (Slavic, Czech, Lithuanian).
_GENDERED_ENDINGS = (("ski", "ska"), ("ski", "skaia"), ("i", "aia"), ("ov", "ova"), ("ev", "eva"), ("in", "ina"), ("", "ova"),
                     ("as", "iene"), ("as", "aite"), ("is", "iene"), ("is", "ite"), ("us", "iene"))


def gendered_forms(a: str, b: str) -> bool:
    """'Tsikhanouski' and 'Tsikhanouskaya', 'Ivanov' and 'Ivanova', 'Novak' and 'Novakova': one family's
    name in its masculine and feminine forms (name keys), so a husband and his wife, not one person."""
    for masc, fem in _GENDERED_ENDINGS:
        for m, f in ((a, b), (b, a)):
            if m.endswith(masc) and f.endswith(fem) and len(m) - len(masc) >= 3 and m[: len(m) - len(masc)] == f[: len(f) - len(fem)]:
                return True
    return False


@dataclass(frozen=True)
class CleanName:
    name: str  # the name as the text writes it, titles and furniture removed
    honorific: str | None  # "ms", "sir", … (folded), for gender and "Sir Keir"

    @property
    def gender(self) -> str | None:
        if self.honorific in FEMALE_HONORIFICS:
            return "female"
        if self.honorific in MALE_HONORIFICS:
            return "male"
        return None


# Last words of documents and meetings named after people or places ("the 1991 Alma-Ata Declaration", "the Minsk Agreement").
_DOCUMENT_NOUNS = {"declaration", "agreement", "agreements", "treaty", "accord", "accords", "convention", "charter", "protocol",
                   "memorandum", "resolution", "doctrine", "pact", "initiative", "strategy", "summit", "communique", "regulation",
                   "directive", "framework", "roadmap", "plan", "format", "process"}
_PLACE_NOUNS = {"airport", "square", "street", "avenue", "road", "bridge", "station", "hospital", "university", "college",
                "school", "stadium", "arena", "park", "hall", "centre", "center", "palace", "cathedral", "church", "museum",
                "port", "harbour", "harbor", "terminal", "crossing", "boulevard", "prospekt",
                "region", "oblast", "province", "governorate", "prefecture", "voivodeship", "krai", "raion"}  # ("Kurdistan Region")
# Words of a place's name that are nobody's name alone ("Mexico City" split by the NER: "City" is no one).
_PLACE_WORDS_ALONE = {"city", "town", "village", "region", "oblast", "district", "province", "county", "island", "islands",
                      "river", "square", "street", "airport", "station", "border", "capital", "parish", "church",
                      "cathedral", "diocese", "embassy", "council"}
_HEADLINE_VERBS = {"calls", "says", "urges", "warns", "vows", "tells", "slams", "asks", "claims", "admits", "denies",
                   "rejects", "hails", "blasts", "insists", "pledges", "accuses", "threatens", "demands", "visits", "meets",
                   "condemns", "backs", "joins", "arrives", "reacts", "responds", "speaks", "resigns", "defends", "reveals",
                   "confirms", "announces", "welcomes", "praises", "thanks", "signs", "missing", "absent", "skips", "snubs"}
# A nickname in quotation marks between the parts of a name: Joko “Jokowi” Widodo, Dwayne "The Rock" Johnson.
_NICKNAME = re.compile(r"(?<=\w)\s+[“\"‘'«][^\s“”\"‘’'«»][^“”\"‘’'«»]{0,28}[”\"’'»](?=\s+\w)")
# What a person is, capitalised before the name as if a title ("Ukrainian Citizen Liudmyla"): never a name.
_STATUS_NOUNS = {"citizen", "resident", "refugee", "volunteer", "student", "pensioner", "evacuee", "activist",
                 "survivor", "villager", "local", "eyewitness", "grandmother", "grandfather", "housewife", "retiree",
                 "irishman", "irishwoman", "scotsman", "scotswoman", "englishman", "englishwoman", "welshman", "welshwoman",
                 "frenchman", "frenchwoman", "dutchman", "dutchwoman", "countryman", "countrywoman",
                 "teenager", "schoolgirl", "schoolboy", "pupil", "youngster", "mum", "dad", "founder", "co-founder"}
_DEMONYM_ENDINGS = ("an", "ish", "ese", "ic", "i", "ch")  # Ukrainian, Polish, Chinese, Baltic, Israeli, French


_WEB_ADDRESS = re.compile(r"^(?:www\.)?[\w-]+(?:\.[a-z]{2,6})+$", re.I)


def is_web_address(word: str) -> bool:
    """'Axar.az', 'Ukrinform.net', 'Censor.NET': a website's name (lower-case letters after a dot, or a
    common domain written in capitals after a word: no "T.S.")."""
    return bool(_WEB_ADDRESS.match(word)) and bool(re.search(r"\.[a-z]{2,6}$|\w{3}\.(?:NET|COM|ORG|INFO|TV|FM)$", word))


def _plural_title(word: str) -> bool:
    """'Archbishops', 'Senators', 'Ministers' before coordinated names: a title in the plural."""
    w = normalise(word)
    return len(w) > 4 and w.endswith("s") and w[:-1] in TITLE_WORDS


_GERUND = re.compile(r"[A-Z][a-z]{3,}ing")
_GIVEN_NAMES_IN_ING = {"Sterling", "Irving", "Channing", "Manning", "Fleming", "Browning", "Harding", "Gehring", "Darling"}
_CREDIT_LABELS = {"Source", "Photo", "Photograph", "Credit", "Credits", "Foto", "Picture", "Image", "Video"}
_GLUED_LABEL = re.compile(r"(?<=[a-z]{2})(?:Published|Updated|Posted|Modified|Photo|Image)$")


_TWO_WORD_HONORIFICS = {"tan sri", "puan sri", "datuk seri", "dato' seri", "dato' sri", "dato sri", "toh puan"}


_NEWSROOM_WORDS = {"desk", "bureau", "newsroom", "newsdesk"}


def clean_person_name(text: str, is_qualifier=lambda word: False) -> CleanName | None:
    """The person's name inside an entity's text, or None when nothing name-like is left.

    `is_qualifier` says whether a word is a nationality or country ("Ukraine President Zelensky").
    "2021 - 11 - 08 Muller" → "Muller"; "Prime Minister Boris Johnson's" → "Boris Johnson".
    """
    tokens = [t for t in _SPACE.split(_NICKNAME.sub(" ", text.strip())) if t]
    # Crawler dates, bylines and page furniture glued before a name: keep what follows the last of them.
    cut = max((i for i, t in enumerate(tokens) if _FURNITURE.search(t)), default=-1)
    tokens = tokens[cut + 1 :]
    # "Koryoin Ukrainian Anastasia": a nationality inside the run ends what describes the person
    inner = max((i for i, t in enumerate(tokens[1:-1], start=1) if is_qualifier(t) and t.lower().endswith(_DEMONYM_ENDINGS)),
                default=-1)  # (a nationality word, not a country: "Noel Israel Khokhar" keeps his middle name)
    tokens = tokens[inner + 1 :] if inner > 0 else tokens
    owner = max((i for i, t in enumerate(tokens[:-1]) if re.search(r"\w['’]s?$", t) and t[:1].isupper()), default=-1)
    tokens = tokens[owner + 1 :]  # "Fine Gael’s Heather Humphreys", "Labour's Richard Tunnicliffe": whose she is, then her name
    honorific = None
    if len(tokens) > 2 and " ".join(tokens[:2]).lower().replace("’", "'") in _TWO_WORD_HONORIFICS:
        tokens = tokens[2:]  # "Tan Sri Tengku Muhammad Taufik", "Datuk Seri Anwar Ibrahim": Malaysian styles
    while len(tokens) > 1 and (
        normalise(tokens[0]).rstrip(".") in TITLE_WORDS or is_qualifier(tokens[0]) or not tokens[0][:1].isalpha()
        or _plural_title(tokens[0])  # "Archbishops Eamon Martin and Dermot Farrell"
        or normalise(tokens[0]) in _STATUS_NOUNS
        or normalise(tokens[0]) in _HEADLINE_VERBS  # "… Insists Ukraine Needs More Arms": a title-case headline
        or (_GERUND.fullmatch(tokens[0]) is not None and tokens[0] not in _GIVEN_NAMES_IN_ING)  # "Challenging Trump": a heading's verb
        or tokens[0].lower() == "the"  # "the Philippines Marat Pavlov", the NER's run from a title's end
    ):
        word = normalise(tokens.pop(0)).rstrip(".")
        if word in HONORIFICS and honorific is None:
            honorific = word
    if tokens:  # "Author: Donald ErskinePublished 24th Feb": a byline's label glued to the surname
        tokens[-1] = _GLUED_LABEL.sub("", tokens[-1])
    while len(tokens) > 1 and (tokens[-1].isupper() and normalise(tokens[-1]) in _FURNITURE_WORDS or tokens[-1] in _CREDIT_LABELS):
        tokens.pop()  # "Dmitry Peskov PHOTO", "Kristen Michal Source: …": a caption's label after the name
    while len(tokens) > 1 and tokens[-1].rstrip(",.;:").isupper() and normalise(tokens[-1]).rstrip(",.;:") in POST_NOMINALS:
        tokens.pop()  # "Stephen Morgan MP", "Mary Lou McDonald TD": letters after a name are no part of it
    while len(tokens) > 1 and normalise(tokens[-1]) in _HEADLINE_VERBS:
        tokens.pop()  # "President Jokowi Calls for End of War": a title-case headline's verb after the name
    while len(tokens) > 1 and normalise(tokens[-1]) in PLATFORMS and len(tokens[-1]) > 1:  # (not "Malcolm X")
        tokens.pop()  # "the Zelensky Telegram channel": where he posts, no part of his name
    if tokens:
        tokens[-1] = re.sub(r"['’]s?$", "", tokens[-1]).rstrip(",.;:")
        tokens[-1] = re.sub(r"(?<=[a-z])-(?:led|backed|run|owned|linked|allied|aligned|appointed|era)$", "", tokens[-1])  # "the Rekha Gupta-led cabinet"
    tokens = [t for t in tokens if t]
    if any(t.startswith("@") for t in tokens) or (len(tokens) > 1 and normalise(tokens[-1]) in _NEWSROOM_WORDS):
        return None  # "@POTUS": a handle, not a name; "Bangkok Desk": a newsroom's byline
    if len(tokens) == 1 and 2 <= len(tokens[0]) <= 4 and tokens[0].isupper():
        return None  # "the SMS reads", "BTS": an acronym alone is no one's name
    if tokens and normalise(tokens[0]).rstrip(".") in ("st", "saint", "ste"):
        return None  # "St Volodymyr's Parish", "St Michael's": a saint, a church, a place
    if not tokens or len(tokens) > 5 or normalise(tokens[-1]) in OFFICE_WORDS or any(is_web_address(t) for t in tokens) or (
            len(tokens) > 1 and normalise(tokens[-1]) in _PLACE_NOUNS | _DOCUMENT_NOUNS):
        return None  # ("Ben Gurion Airport", "George Square", "Ata Declaration": named after people; "Park said" is Mr Park)
    if len(tokens) >= 3 and not re.fullmatch(r"[A-Z]\.?", tokens[0]):  # the common form drops a middle initial: "Spencer J.
        # Cox" is Spencer Cox; but initials that stand for the given names are the name ("M K Stalin", "T. S. Tirumurti")
        tokens = [tokens[0]] + [t for t in tokens[1:-1] if not re.fullmatch(r"[A-Z]\.?", t)] + [tokens[-1]]
    if all(t.isupper() and len(t) > 2 for t in tokens):  # transcripts: "LAVROV:"
        tokens = [t.capitalize() for t in tokens]
    if len(tokens) == 2 and len(tokens[0]) > 2 and tokens[0].isupper() and tokens[0].isalpha() and tokens[1][:1].isupper() \
            and tokens[1][1:].islower():
        tokens = [tokens[1], tokens[0].capitalize()]  # "NISHIMURA Yasutoshi": Japanese copy's family name first, in capitals
    def capitalised(t: str) -> bool:  # "Çavuşoğlu", "Żaryn" as much as "Smith"; "al-Sahaf" by its second part
        return t[:1].isupper() or (t[:3] in ("al-", "el-") and t[3:4].isupper())

    if not all((_NAME_TOKEN.match(t) and capitalised(t)) or t.lower() in NAME_PARTICLES for t in tokens):
        return None
    personal = honorific in FEMALE_HONORIFICS | MALE_HONORIFICS | {"dr", "mx"}  # "Ms King", "Mr Major": a surname
    if len(tokens) == 1 and (tokens[0].lower() in NAME_PARTICLES or normalise(tokens[0]) in _PLACE_WORDS_ALONE or (normalise(tokens[0]).rstrip(".") in TITLE_WORDS and not personal)):
        return None  # "Secretary" left of "Foreign Secretary" is a title, not a name
    return CleanName(" ".join(tokens), honorific)


_BRACKETED_TAIL = re.compile(r"\s*\([A-Za-z]{2,8}\)?\s*$")


def without_bracketed_acronym(name: str) -> str:
    """'Department of International Relations and Cooperation (DIRCO)' (or '(Dirco', as the NER
    cuts it) -> the name alone; the acronym is an alias the article memory keeps."""
    return _BRACKETED_TAIL.sub("", name.strip())


# One given name as Russian, Ukrainian and Belarusian romanisations write it: English news spells a
# Ukrainian minister the Russian way in Russian wire copy ("Alexey Reznikov" for Oleksii Reznikov).
_EAST_SLAVIC_GIVEN_NAMES = (
    "alexey aleksei alexei aleksey oleksii oleksiy oleksij", "sergei sergey serhii serhiy serghiy sergiy siarhei",
    "vladimir volodymyr uladzimir", "dmitry dmitri dmitriy dmytro dzmitry", "alexander aleksandr oleksandr alyaksandr aliaksandr",
    "andrei andrey andrii andriy", "yuri yury yurii yuriy", "mikhail mykhailo mikhail", "nikolai nikolay mykola mikalai",
    "anatoly anatolii anatoliy", "vitaly vitali vitalii vitaliy", "grigory hryhorii hryhoriy", "pavel pavlo paval",
    "oleg oleh aleh", "igor ihor", "yevgeny yevgeniy evgeny yevhen yauhen", "vasily vasiliy vasyl", "valery valeriy valerii",
    "svetlana sviatlana svyatlana", "tatiana tatyana tetiana tatsiana", "olga olha volha", "ekaterina yekaterina kateryna",
    "natalia natalya nataliya", "yulia yuliya iulia", "irina iryna", "elena yelena olena alena", "maria mariya",
)
_GIVEN_NAME_GROUP = {name_key(n): i for i, group in enumerate(_EAST_SLAVIC_GIVEN_NAMES) for n in group.split()}  # (as matched: keys)


def first_names_agree(a: str, b: str) -> bool:
    """First names (name keys) agree when one is the other's initial, they are close spellings, or two
    romanisations of one East Slavic name."""
    if len(a) <= 2 or len(b) <= 2:
        return a[0] == b[0]
    group = _GIVEN_NAME_GROUP.get(a)
    return fuzz.ratio(a, b) >= 75 or (group is not None and group == _GIVEN_NAME_GROUP.get(b))


SPELLED_FIRST_NAME_CUTOFF = 80  # surname similarity enough when the first name is exactly the registry's


_LETTERS_DROPPED = re.compile(r"[^\x00-\x7f]")


# A Korean name as English news writes it, family name first: "Lee Jae-myung", "Kim Jong-un"
FAMILY_NAME_FIRST = re.compile(r"[A-Z][a-z]{1,3} [A-Z][a-z]+-[a-z]+")


class PersonMatcher:
    """Registry people by any reasonable spelling of their name."""

    def __init__(self, names: list[tuple[str, object]]):
        """`names`: (name or alias, value) pairs; the value is returned on a match."""
        self.by_key: dict[str, object] = {}
        self.by_surname: dict[str, list[tuple[str, object]]] = {}  # surname key -> (first-name key, value)
        for name, value in names:
            for key in {name_key(name), name_key(_LETTERS_DROPPED.sub("", name))}:
                # "Aleksandar Vui": copy that lost its non-ASCII letters on the way ("Vučić")
                self.by_key.setdefault(key, value)
                parts = key.split()
                if len(parts) > 1:
                    self.by_surname.setdefault(parts[-1], []).append((parts[0], value))
                if len(parts) == 2 and FAMILY_NAME_FIRST.fullmatch(name):  # "President Lee" is Lee Jae-myung
                    self.by_surname.setdefault(parts[0], []).append((parts[1], value))
        self.surnames = list(self.by_surname)

    def _close_surnames(self, surname: str, cutoff: int = 85) -> list[str]:
        if surname in self.by_surname:
            return [surname]
        if len(surname) < 5:
            return []
        return [c for c, _, _ in process.extract(surname, self.surnames, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
                if not gendered_forms(c, surname)]  # ("Zelenska" is his wife's name, no misspelling of Zelensky's)

    @staticmethod
    def _one(values: list[object]):
        unique = {id(v): v for v in values}
        return next(iter(unique.values())) if len(unique) == 1 else None

    def match(self, name: str):
        """The one registry person this full name (two words or more) is a spelling of, or None.
        The surname must agree closely (exactly for short ones) and the first name or initial too."""
        key = name_key(name)
        if key in self.by_key:
            return self.by_key[key]
        parts = key.split()
        if len(parts) < 2:
            return None
        if len(parts) == 2 and f"{parts[1]} {parts[0]}" in self.by_key:
            return self.by_key[f"{parts[1]} {parts[0]}"]  # "Kishida Fumio": family name first, as Japanese and Korean write it
        found = [
            value
            for surname in self._close_surnames(parts[-1])
            for first, value in self.by_surname[surname]
            if first_names_agree(parts[0], first)
        ]
        if not found and len(parts[0]) >= 3:
            # One wrong vowel in a short surname ("Olaf Schulz") is below the cutoff; the whole
            # first name spelled as the registry does vouches for it.
            found = [
                value
                for surname in self._close_surnames(parts[-1], cutoff=SPELLED_FIRST_NAME_CUTOFF)
                for first, value in self.by_surname[surname]
                if first == parts[0]
            ]
        return self._one(found)

    def match_surname(self, word: str):
        """The one registry person with this surname (exactly, or a close spelling of a long one)."""
        key = name_key(word)
        if not key or " " in key:
            return None
        return self._one([value for surname in self._close_surnames(key) for _, value in self.by_surname[surname]])


# --- institutions ------------------------------------------------------------------------

_TOPIC_SYNONYMS = {"defense": "defence", "foreign": "foreign affairs", "emergencies": "emergency situations"}
# Words that never belong to a ministry's topic: the phrase is something else ("a statement from the … ministry").
_NOT_TOPIC_WORDS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "same", "from", "by", "with", "to",
                    "said", "says", "statement", "spokesman", "spokeswoman", "spokesperson", "official", "officials"}
_GOVERNMENT_NOUNS = ("government", "authorities", "administration", "cabinet", "leadership")
_MILITARY_NOUNS = ("military", "army", "armed forces", "troops", "forces")


@dataclass(frozen=True)
class InstitutionParts:
    kind: str  # ministry | government | military
    nationality: str | None  # the qualifier as written ("ukraine", "belarusian"), folded, possessive removed
    topic: str | None  # "Internal Affairs", "Defence" (ministries only)


def _topic(words: list[str]) -> str | None:
    if not words or any(w in _NOT_TOPIC_WORDS for w in words) or words[0] in ("and", "of", "for"):
        return None
    text = _TOPIC_SYNONYMS.get(" ".join(words), " ".join(words))
    return " ".join(w if w in ("and", "of", "for") else w.capitalize() for w in text.split())


def _qualifier(words: list[str]) -> str:
    return re.sub(r"'s?$", "", " ".join(words)).strip()


def institution_parts(phrase: str, is_nationality=lambda q: False) -> InstitutionParts | None:
    """A ministry, government or military named by a phrase, read into its parts.

    `is_nationality` says whether a qualifier names a country ("ukraine", "belarusian"): it decides
    where the qualifier ends and the topic begins ("the internal affairs ministry" has none)."""
    t = re.sub(r"^(?:the|a|an)\s+", "", normalise(phrase)).replace(",", " ")
    t = re.sub(r"(?<=ministry)'s?$", "", t)  # "the Interior Ministry’s website": the ministry's
    owner = re.match(r"^(.+?)(?:['’]s?)? (ministry (?:of|for) .+)$", t)
    if owner and is_nationality(owner.group(1)):  # "Thailand's Ministry of Foreign Affairs", "the Polish Ministry for Agriculture"
        inner = institution_parts(owner.group(2))
        return InstitutionParts("ministry", owner.group(1), inner.topic) if inner is not None and inner.nationality is None else inner
    words = t.split()
    if len(words) >= 2 and words[-1] == "ministry":
        for k in range(len(words) - 2, -1, -1):  # the longest qualifier that names a country
            nat = _qualifier(words[:k])
            if k == 0 or is_nationality(nat):
                topic = _topic(words[k:-1])
                return InstitutionParts("ministry", nat or None, topic) if topic else None
    if len(words) >= 3 and words[0] == "ministry" and words[1] in ("of", "for"):
        rest = words[2:]
        if rest and rest[0] == "the":
            rest = rest[1:]
        nat = None
        if "of" in rest:  # "ministry of internal affairs of ukraine"
            cut = len(rest) - 1 - rest[::-1].index("of")
            tail = [w for w in rest[cut + 1 :] if w != "the"]
            if tail and is_nationality(_qualifier(tail)):
                nat, rest = _qualifier(tail), rest[:cut]
        topic = _topic(rest)
        return InstitutionParts("ministry", nat, topic) if topic else None
    for noun in _GOVERNMENT_NOUNS:
        if t.endswith(" " + noun) and is_nationality(_qualifier(t[: -len(noun)].split())):
            return InstitutionParts("government", _qualifier(t[: -len(noun)].split()), None)
        m = re.match(rf"^{noun} (?:of|in) (?:the )?(.+)$", t)
        if m and is_nationality(m.group(1)):
            return InstitutionParts("government", m.group(1), None)
    for noun in _MILITARY_NOUNS:
        if t.endswith(" " + noun) and is_nationality(_qualifier(t[: -len(noun)].split())):
            return InstitutionParts("military", _qualifier(t[: -len(noun)].split()), None)
    return None
