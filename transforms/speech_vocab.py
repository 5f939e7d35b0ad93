"""Vocabularies for people and quote extraction, kept as documented data.

Everything here is general English news vocabulary (no article's people, places
or sentences).  ``transforms.people`` and ``transforms.quotes`` only read these
sets; change behaviour by editing data here rather than regexes there.

Conventions: every word set is lower-case; lookups lower-case the token and
drop a trailing full stop ("Sen." -> "sen").
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --------------------------------------------------------------------------- cue verbs
# Reporting verbs: lemma -> irregular forms (3rd person, past, past participle, -ing are
# generated for regular verbs by ``_inflect``).  Chosen from the reporting verbs in
# news quote corpora (said/says/told/added/wrote/... cover >90% of attributions);
# extended with speech-act verbs that introduce partial quotes ("called it", "described as").
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "think": ("thinks", "thought", "thinking"),
    "sing": ("sings", "sang", "sung", "singing"),
    "read": ("reads", "reading"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "put": ("puts", "putting"),
    "forecast": ("forecasts", "forecasting"),
    "foresee": ("foresees", "foresaw", "foreseen", "foreseeing"),
}

_REGULAR = """
add admit acknowledge advise affirm agree allege announce answer argue ask assert assure
aver bark blast boast brag call caution charge chant cheer claim comment complain concede
conclude confide confirm contend continue counter cry declare decry demand deny describe
dismiss dub echo email emphasise emphasize estimate exclaim explain fume gush hail hint
indicate inform insist joke label lament laugh list maintain marvel mention mock muse
mutter note object observe offer opine plead pledge point post praise predict proclaim
promise protest quip quote rail rant recall recount refer reiterate remark remind reply
report respond retort reveal scoff scream shout signal slam snap state stress suggest
summarise summarize tease term testify text threaten tout tweet urge vow warn whisper
wonder yell accuse brand criticise criticize denounce recommend question cite compare
believe elaborate confess press surmise retaliate interrupt demur concur recite
""".split()

# Lemmas that are more often nouns in their bare form ("the report", "a call", "his claim"):
# the bare form is not a cue, inflected forms are.
NOUNISH_LEMMAS = _words("""
report claim call quote tweet post comment promise pledge vow answer reply charge text
email list note point state offer signal label term brand estimate forecast question
object counter hail cry laugh joke snap echo protest praise demand text estimate
""")


# Lemmas whose final consonant doubles before -ed / -ing ("admitted", "referring", "demurred").
_DOUBLING = frozenset("snap quip fret scan admit refer rebut demur concur commit".split())


def _inflect(lemma: str) -> tuple[str, ...]:
    if lemma.endswith("e"):
        ing = lemma[:-1] + "ing"
        past = lemma + "d"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        ing = lemma + "ing"
        past = lemma[:-1] + "ied"
    elif lemma in _DOUBLING:
        ing = lemma + lemma[-1] + "ing"
        past = lemma + lemma[-1] + "ed"
    else:
        ing = lemma + "ing"
        past = lemma + "ed"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return third, past, ing


def _build_cues() -> dict[str, str]:
    forms: dict[str, str] = {}
    for lemma, irregular in _IRREGULAR.items():
        forms[lemma] = lemma
        for form in irregular:
            forms[form] = lemma
    for lemma in _REGULAR:
        if lemma not in NOUNISH_LEMMAS:
            forms[lemma] = lemma
        for form in _inflect(lemma):
            forms.setdefault(form, lemma)
    return forms


CUE_FORMS: dict[str, str] = _build_cues()
"""Every inflected cue form -> its lemma ("told" -> "tell")."""

# Cue forms strong enough to attribute a full quote standing next to them.
STRONG_CUE_LEMMAS = _words("""
say tell add write ask reply respond answer explain continue insist argue tweet post state
declare note warn exclaim shout yell scream whisper recall conclude announce admit concede
acknowledge claim email text joke quip laugh muse retort counter observe remark comment
complain predict promise vow urge testify read sing chant cry boast brag plead caution
reiterate confirm mutter wonder recount stress emphasise emphasize suggest assert
maintain contend summarise summarize advise
""")

# Verbs of memory and perception that take the speaker as their object: in "she recalls his
# saying", "I remember Ana Ruiz telling me", "they heard him say" the object speaks, not the subject.
PERCEPTION_VERBS = _words("""
recall recalls recalled recalling remember remembers remembered remembering hear hears heard hearing
overhear overheard recollect recollects recollected
""")
# The speech verbs whose subject such an object is (participle or bare infinitive).
PERCEIVED_SPEECH = _words("saying say telling tell asking ask warning warn shouting shout")

# Particles that make a verb of speech of a common verb: "shot back", "went on", "cut in".
SPEECH_PARTICLES = _words("back on in up out")

# Participles that, followed by "by <agent>", make the agent the speaker ("touted by X as").
PASSIVE_AUX = _words("was were is are been being be")

# Verb-like words allowed between a subject and its cue ("Kim also said", "she has told").
AUX_ADVERBS = _words("""
has have had was were is are be been being will would could can may might should must
do does did also later then previously once further again earlier recently repeatedly
reportedly publicly privately simply quickly flatly just often always never now
not still even only initially subsequently separately last yesterday today tonight first
finally already quietly angrily bluntly candidly plainly openly proudly sharply
""")

# --------------------------------------------------------------------------- honorifics and titles
# Honorifics with the gender they imply ("" = none); matched with or without a full stop.
HONORIFICS: dict[str, str] = {
    "mr": "m",
    "mister": "m",
    "sir": "m",
    "lord": "m",
    "messrs": "",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "madam": "f",
    "madame": "f",
    "dame": "f",
    "lady": "f",
    "mme": "f",
    "mx": "",
    "dr": "",
    "prof": "",
    "professor": "",
    "rev": "",
    "reverend": "",
}

# Capitalised titles written before a name ("President Putin", "Admiral Kim X", "Sen. Warren").
TITLES: dict[str, str] = {
    t: ""
    for t in """
    president vice prime minister chancellor premier senator sen rep representative congressman
    congresswoman gov governor mayor secretary ambassador envoy speaker chairman chairwoman chair
    general gen admiral adm colonel col lieutenant lt major maj captain capt sergeant sgt corporal
    cpl commander marshal brigadier officer detective sheriff chief deputy judge justice attorney
    prosecutor commissioner director inspector superintendent pope cardinal bishop archbishop rabbi
    imam pastor father sister brother coach agent private supreme leader emperor del delegate
    empress tsar czar sultan emir sheikh ayatollah crown
    cmdr comdr brig supt insp det atty amb pres sec alderman alderwoman councilman councilwoman
    councillor councilor assemblyman assemblywoman
    """.split()
}
TITLES.update(
    {
        "king": "m",
        "queen": "f",
        "prince": "m",
        "princess": "f",
        "duke": "m",
        "duchess": "f",
        "count": "m",
        "countess": "f",
        "baron": "m",
        "baroness": "f",
        "congressman": "m",
        "congresswoman": "f",
        "chairman": "m",
        "chairwoman": "f",
        "father": "m",
        "sister": "f",
        "brother": "m",
        "emperor": "m",
        "empress": "f",
    }
)

# Titles that are part of a one-word name: "Prince Andrew", "Queen Elizabeth", "Pope Francis" are
# not "Andrew", "Elizabeth", "Francis" (who may be anyone else).
ROYAL_TITLES = frozenset(
    "king queen prince princess pope duke duchess emperor empress tsar czar sultan emir sheikh".split()
)

# Titles that are also common surnames: after an honorific they are the name ("Mr. King",
# "Ms. Bishop"), unlike "Mr. President" or "Madam Secretary".
SURNAME_TITLES = _words("king bishop marshal major baron cardinal chancellor pope duke count knight")

# Lower-case role nouns that describe a person ("the president", "Kremlin spokesman X",
# "the Republican nominee"), with the gender they imply where they imply one.
ROLE_NOUNS: dict[str, str] = {
    r: ""
    for r in """
    president leader spokesperson official minister chancellor premier senator governor mayor
    secretary ambassador envoy diplomat speaker chair director chief head boss executive ceo cfo
    founder owner manager adviser advisor aide analyst expert economist strategist pollster
    consultant lawyer attorney prosecutor judge justice lawmaker legislator politician candidate
    nominee contender challenger incumbent representative delegate commander general admiral
    officer colonel captain lieutenant sergeant soldier commissioner inspector detective sheriff
    investigator researcher scientist professor teacher student doctor physician surgeon nurse
    psychologist psychiatrist author writer journalist reporter correspondent editor columnist
    commentator host anchor presenter producer activist campaigner organiser organizer
    protester resident voter supporter critic member worker employee driver pilot witness
    victim survivor owner farmer dictator strongman ruler monarch regent tycoon billionaire
    businessman businesswoman entrepreneur investor banker negotiator mediator coach player
    star actor actress singer artist musician rapper director filmmaker narrator announcer
    chairman chairwoman congressman congresswoman spokesman spokeswoman
    father mother son daughter husband wife brother sister uncle aunt grandfather grandmother
    boyfriend girlfriend widow widower friend neighbor neighbour colleague partner
    niece nephew cousin grandson granddaughter stepfather stepmother fiance fiancee
    respondent participant customer patient person
    commenter user reader viewer listener caller blogger attendee fan insider observer demonstrator
    veteran mom dad parent retiree immigrant refugee citizen tourist visitor shopper onlooker bystander
    questioner interviewer moderator panelist narrator investigator
    man woman boy girl guy
    priest pastor rabbi imam bishop cardinal pope
    fellow scholar biologist chemist physicist astronomer neurologist engineer designer architect
    photographer painter poet novelist composer choreographer comedian chef blogger influencer
    pianist guitarist drummer vocalist dancer contestant champion finalist rookie veteran teammate
    skipper jockey rider cyclist golfer boxer fighter wrestler swimmer sprinter skater gymnast
    goalkeeper keeper striker defender midfielder winger quarterback linebacker cornerback
    receiver rusher lineman center pitcher catcher shortstop outfielder infielder batsman bowler
    """.split()
}
ROLE_NOUNS.update(
    {
        "spokesman": "m",
        "spokeswoman": "f",
        "chairman": "m",
        "chairwoman": "f",
        "congressman": "m",
        "congresswoman": "f",
        "businessman": "m",
        "businesswoman": "f",
        "actor": "m",
        "actress": "f",
        "father": "m",
        "mother": "f",
        "son": "m",
        "daughter": "f",
        "husband": "m",
        "wife": "f",
        "brother": "m",
        "sister": "f",
        "uncle": "m",
        "aunt": "f",
        "grandfather": "m",
        "grandmother": "f",
        "boyfriend": "m",
        "girlfriend": "f",
        "widow": "f",
        "widower": "m",
        "niece": "f",
        "nephew": "m",
        "grandson": "m",
        "granddaughter": "f",
        "stepfather": "m",
        "stepmother": "f",
        "fiance": "m",
        "fiancee": "f",
        "man": "m",
        "woman": "f",
        "boy": "m",
        "girl": "f",
        "guy": "m",
        "mom": "f",
        "dad": "m",
        "priest": "m",
        "king": "m",
        "queen": "f",
        "prince": "m",
        "princess": "f",
    }
)

# Role nouns that stand for a person the article names ("the Republican lawmaker", "the nominee"),
# besides the titles: a definite description with one of these (or a title, or a gendered noun)
# falls back on the nearest person; other roles ("the announcer", "the investigator") are parts
# played by someone unnamed.
STANDING_ROLES = _words("""
nominee lawmaker legislator politician candidate incumbent challenger contender billionaire tycoon
mogul strongman dictator ruler monarch businessman businesswoman entrepreneur founder owner
""")

# Plural role nouns: a group of people speaks, never one person.
ROLE_PLURALS = frozenset(r + "s" for r in ROLE_NOUNS) | _words("""
officials experts analysts people women men residents critics lawmakers democrats republicans
""")

# --------------------------------------------------------------------------- organisations, places
# Head words that make a capitalised sequence an organisation, place, event or work, not a person.
ORG_PLACE_HEADS = _words("""
square palace cosmodrome spaceport ministry agency news university college school academy
institute institution center centre committee commission council party department office
house senate congress parliament assembly court tribunal bank group company corp corporation
inc ltd llc plc co foundation association union federation league alliance coalition republic
kingdom empire state states street st avenue ave road rd boulevard lane drive highway way
square plaza river lake sea ocean gulf bay strait canal island islands mountain mountains
mount valley desert peninsula coast beach park garden gardens bridge tunnel airport station
port harbor harbour base camp prison jail hotel hospital clinic church cathedral mosque temple
shrine chapel museum gallery library stadium arena hall tower building theater theatre cinema
mall market exchange index reserve treasury pentagon kremlin times post journal herald tribune
gazette press network television tv radio channel review magazine daily weekly monthly
army navy force forces guard guards police service services board bureau authority
administration organization organisation fund trust society club team media airlines airline
airways motors industries holdings partners capital securities systems technologies labs
cabinet government region oblast province county city town village district territory
war act bill law treaty accord agreement pact summit prize award awards cup games olympics
day week month festival program programme show podcast series project initiative plan movement revolution
airport railway railroad metro express fc amendment caucus debates legislature legislatures
cable polls hall international productions laboratory laboratories studios field nations circuit
""")

# Head words that are also common surnames: after a title ("Senator Joan Park") or a first name
# of definite gender ("Anita Hall") the run is a person.
SURNAME_HEADS = _words("park hall church house lane street field banks bridge young king post law")

# Single capitalised words that are not names even when capitalised mid-sentence.
NON_NAME_WORDS = _words("""
a an the this that these those there here it its he she they we i you his her their our my
your him them us me who whom whose which what when where why how if but and or nor so yet
for of in on at to by with from as into about after before during since until while
although though because however meanwhile moreover also not no yes all some many most
more much any each every other another such both either neither one two three four five
six seven eight nine ten first second third last next new old mr mrs ms dr
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
god lord christmas easter ramadan universe
according asked speaking referring following despite under over against between among
later earlier now then still instead indeed perhaps maybe finally eventually recently currently
previously separately together overall thus hence therefore nevertheless nonetheless otherwise
besides furthermore additionally similarly likewise unlike like just only even once again today
yesterday tonight tomorrow last next please thanks thank sorry well oh yes okay ok
without within upon via per amid beyond across around behind below above inside outside near
toward towards throughout
breaking update updated exclusive watch read related video photo photos live opinion
analysis editorial comment comments share tweet email print subscribe advertisement
republican republicans democrat democrats democratic conservative liberal labour tory
communist socialist libertarian independent green greens
american americans british russian russians chinese korean koreans japanese german french
ukrainian european african asian israeli palestinian iranian syrian iraqi afghan indian
pakistani mexican canadian australian italian spanish polish turkish arab muslim christian
latino latina latinos latinas hispanic hispanics
jewish catholic western eastern northern southern soviet dprk un us uk eu usa ussr nato
north south east west central far middle upper lower greater great little saint st san santa los las
internet web online
im am zum zur vom beim und oder mit für bei dem die ein eine les et ou avec pour sur dans con por para
""")

# Well-known organisations, agencies, outlets and companies written as one capitalised word (never
# part of a person's name, so also NON_NAME_WORDS): "Reuters said", "it" after "Google announced".
ORG_NAMES = _words("""
fbi cia nsa gop ap afp reuters ria tass kcna bbc cnn nbc abc cbs fox msnbc npr pbs
twitter facebook instagram youtube google apple microsoft amazon
""")
NON_NAME_WORDS = NON_NAME_WORDS | ORG_NAMES

# Country, region and capital names that are never part of a person's name, anywhere in a
# capitalised run ("Saudi Arabia", "South Korea"); only names that are not also given names.
PLACE_NAMES = _words("""
arabia korea russia america israel ukraine china japan india france germany britain england
scotland wales ireland mexico canada europe africa asia australia brazil iran iraq syria egypt
turkey pakistan afghanistan vietnam taiwan cuba venezuela nigeria kenya ethiopia poland spain
italy greece sweden norway finland denmark belgium switzerland austria netherlands portugal
moscow beijing pyongyang seoul kyiv kiev london paris berlin tokyo washington brussels tehran
baghdad damascus cairo jerusalem gaza ankara delhi islamabad kabul havana caracas ottawa
""")

# Words that open place names: the capitalised words after them name a place ("San Diego",
# "St. Louis", "Fort Worth"), not a person.
PLACE_PREFIXES = frozenset("san santa los las st saint fort port mount".split())

# Place names of several words whose words are also names ("Hong Kong": a surname and a syllable).
PLACE_PHRASES = frozenset({"hong kong", "sri lanka", "costa rica", "el salvador", "puerto rico", "new zealand"})

# Tokens that may sit inside a name ("Ludwig van Beethoven", "Osama bin Laden").
NAME_PARTICLES = _words("van von der den de del della di da du la le bin ibn al el y dos das")

# Particles that sit inside names and hardly ever inside names of places or things: "Botic van de
# Zandschulp", "Ursula von der Leyen" (Romance "de", "la", "da" also build places: "Rio de Janeiro").
INNER_PARTICLES = frozenset({"van", "von", "der", "den", "ter", "ten", "bin", "ibn"})

# Generational suffixes kept as part of the name.
NAME_SUFFIXES = _words("jr jr. sr sr. ii iii iv")

# --------------------------------------------------------------------------- pronouns
PRONOUN_GENDER: dict[str, str] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
    "they": "p",
    "them": "p",
    "it": "n",
    "i": "1",
    "we": "1",
}
SUBJECT_PRONOUNS = _words("he she they it i we")
# Subject pronouns that stand for people (not "it").
PERSON_PRONOUNS = SUBJECT_PRONOUNS - {"it"}

# --------------------------------------------------------------------------- non-person speakers
# Head nouns of non-person speakers ("state media said", "the company said", "the letter reads").
NONPERSON_NOUNS = _words("""
media agency agencies ministry government kremlin company firm campaign statement report
letter email tweet post ad advert advertisement video website site blog paper newspaper
network channel station party committee commission council court ruling document documents
poll survey study group organization organisation department office administration military
army police authorities authority bank union white house embassy spokesperson's sources source
outlet outlets publication account memo message note filing lawsuit complaint release
percent parent subsidiary majority minority plurality half
""")
# ("percent", "majority", "half": a share of respondents speaks, not a person, as in "31 percent
# call them …"; "parent" as in "the bank's corporate parent" -- an unnamed parent who speaks is
# an unnamed speaker either way.)

# Non-person heads that are bodies of people acting as one: a person named before them in the
# phrase ("Maria Lopez's campaign said", "the Lopez campaign said") does not make that person the
# speaker -- the organisation speaks.  Documents ("Lopez's statement said") are left out: there
# the person named does speak.
ORGANISATION_NOUNS = _words("""
media agency agencies ministry government company firm campaign network channel station party
committee commission council court department office administration military army police
authorities authority bank union embassy outlet outlets publication group organization organisation
""")

# What kind of body an organisation word names, so that "the company said" resolves to a company
# the article names ("Acme Holdings", "the Royal Bank of Scotland Group", a bare brand "NatWest") and
# not to the commission or court named after it.  A nominal head (left) of one kind never takes a
# name holding a word of another kind; a name holding no such word (a brand) fits any kind.
ORG_KINDS: dict[str, str] = {
    **dict.fromkeys(
        """company firm corporation corp inc ltd llc plc co business bank lender insurer retailer
        carrier automaker airline airlines chain conglomerate holdings industries group network
        broadcaster outlet publication newspaper paper channel station magazine studio studios
        organization organisation nonprofit charity foundation fund association coalition alliance
        union federation league society institute center centre""".split(),
        "body",
    ),
    **dict.fromkeys(
        """agency agencies ministry department government administration commission committee council
        office bureau board authority service embassy military army navy police""".split(),
        "state",
    ),
    **dict.fromkeys("court tribunal panel".split(), "court"),
    **dict.fromkeys("campaign party caucus".split(), "party"),
}
# Documents whose author is an organisation of a kind when no person wrote them: "the ruling said"
# speaks for the court that ruled.
DOCUMENT_ORG_KIND = {"ruling": "court", "opinion": "court", "verdict": "court"}
# Words after an organisation's name that show it acting (a clause subject): "WikiLeaks said",
# "Acme has …"; with CUE_FORMS.
ORG_ACTION_WORDS = _words("""
has have had is was are were will would did does said says announced released issued posted
tweeted wrote confirmed denied declined added noted reported called urged warned
""")

# Time words: a phrase ending in one of these is a time adverbial ("early Friday", "last
# week"), never the subject that speaks.
TIME_WORDS = _words("""
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
today yesterday tonight tomorrow morning afternoon evening night week weekend month year
decade century ago earlier later
""")

# Determiners that introduce a new, indefinite referent: "a spokeswoman said" is someone not
# named before, so the description is never resolved to a person already in the article
# (unless a name follows in apposition: "a spokeswoman, Jane Roe,").
INDEFINITE_DETERMINERS = _words("a an another one some")

# Definite determiners: "the spokeswoman" refers back to someone already in the article, so it
# may be resolved to the nearest compatible person when no name was written with that noun.
DEFINITE_DETERMINERS = _words("the this that")

# First-person possessives: "my father", "our neighbour" are the writer's or the speaker's
# relations, never resolved to a person named in the article.
FIRST_PERSON_POSSESSIVES = _words("my our")

# Sentence openers that point back to the quote just before ("That was how X described it",
# "So said X", "Those were the words of X"): a standalone quote takes the speaker named there.
# Only openers naming the manner or the words count ("That is why X said …" does not).
BACK_REFERENCES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in """
that was how|that is how|that’s how|that's how|that was what|that’s what|that's what|this is how|this was how
|those were the words|these were the words|so said|so says|thus spoke|such were the words
""".replace("\n", "")
    .strip()
    .split("|")
)

# Words that may precede a role noun inside a description ("the North Korean leader",
# "the Republican presidential nominee", "the state-run news agency").
DETERMINERS = _words("the a an this that his her their its our my your")

# --------------------------------------------------------------------------- abbreviations
# Words that end in a full stop without ending a sentence ("Sen.", "Corp.", "Jan."), besides the
# honorifics and titles above.
ABBREVIATIONS = _words("""
st jr sr inc corp co ltd no vs etc approx mt ft pres hon jan feb mar apr jun jul aug sep sept oct nov dec
""")
SENTENCE_ABBREVIATIONS = frozenset(HONORIFICS) | frozenset(TITLES) | ABBREVIATIONS

# --------------------------------------------------------------------------- function words of phrases and clauses
# Read by the noun-phrase and clause rules of ``transforms.quotes``.
PREPOSITIONS = _words("""
of for with to from by about against on at in into toward towards than between among like
including upon over under after before behind beside near via amid despite without within
""")
# Words that open a clause: a noun phrase stops before them ("while 31 percent said").
CLAUSE_WORDS = _words("""
when while whether that as after before because since if although though so then also
meanwhile however where who which once until unless but and or nor
""")
# Words opening an adverbial before a sentence's subject ("During the talks, …", "Meanwhile, …").
ADVERBIAL_OPENERS = CLAUSE_WORDS | _words("during throughout following amid in on at after before")
# Cue forms that put the speaker after them (`"…," said Smith`): the name is a subject there.
INVERTING_CUES = _words("said says added asked wrote continued explained recalled replied")
# Cue forms that, within a few words after a quote ending in "?" or "!", continue its sentence
# (`"…?" Sen. X asked`, `"…!" LeVell declared`): every finite form of a reporting verb (not the
# bare or -ing forms, which open sentences: "Read the bill.", "Speaking of …") and "according".
CONTINUING_CUES = sorted(
    {form for form, lemma in CUE_FORMS.items() if form != lemma and not form.endswith("ing")} | {"according"}
)
# Words before a noun that count a group or a share ("another official", "some residents").
QUANTIFIERS = _words("another one some several two three many most other")
# Documents that speak for their author ("X issued a statement saying": X speaks).
DOCUMENT_NOUNS = _words("statement letter email tweet post release memo message note ad video report ruling spot")
# Prepositions that extend a role noun to its organisation ("a spokesman for Disney").
NP_LINKS = _words("for of at with in from")
COORDINATORS = _words("and but or then")
RELATIVES = _words("who which that")
# Pronouns that make a bare noun-like cue a verb ("critics call it", "they quote him").
OBJECT_PRONOUNS = _words("it them him her me us")
# Objects of a verb of perception that speak ("she recalls his saying").
PERCEIVED_OBJECTS = _words("him her his them their")
# Subjects after which a bare noun-like cue is a verb ("they claim", "31 percent call").
PLURAL_SUBJECTS = _words("they we i you percent who")
# Auxiliaries that make a following participle active ("has told", "would say"), not passive.
ACTIVE_AUX = _words("has have had will would could can may might should must do does did")
# Lower-case words after which the -s form of a noun-like cue ("claims", "tweets", "texts") is a
# verb: a pronoun, relative, auxiliary/adverb or a noun that can speak ("the company reports").
SUBJECT_LIKE = SUBJECT_PRONOUNS | frozenset(ROLE_NOUNS) | ROLE_PLURALS | NONPERSON_NOUNS | AUX_ADVERBS | RELATIVES
