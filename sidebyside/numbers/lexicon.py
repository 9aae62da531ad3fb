"""Word tables for what a number counts: stop words, adjectives, verbs, events, noun groups, singular and plural."""

from __future__ import annotations

ID_WORDS = set("""article section chapter clause paragraph resolution room route highway
interstate flight gate terminal platform level phase stage category type model grade item
rule amendment proposition prop channel title version episode season vol volume part pier lane
no nos number apollo boeing airbus formula windows iphone galaxy pixel ward district precinct
unit block apartment suite page pages tier division ch sec art fig figure table line bus
zone sector squadron battalion brigade regiment corps class act covid code size""".split())

YEAR_PREV = set("""in since by until till from during of before after early mid late end year
years the its his her their our this that fiscal through to and between copyright around
circa spring summer autumn fall winter january february march april may june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec as pre
post""".split())

# Words before a year that keep it a year even when a plural noun follows ("the 2022 elections").
YEAR_STRONG = set("""in since by until till during before after early mid late the its his
her their our this that fiscal copyright""".split())
CHANGE_VERBS = set("""rose risen climbed jumped increased grew fell dropped declined
soared surged stood stands stand rise rises fall falls""".split())
STOP = set("""a an the and or but nor of in on at to for from by with without about as into
onto over under after before during since until till than that this these those which who
whom whose what when where why how there here it its they them their he his him she her we
our us you your i my me also only just still even already now then so such very most less
fewer many much some any all each every both either neither no not if while because although
though per via among amid between against across along around through throughout toward
towards within upon up down out off again further once is are was were be been being am have
has had having do does did doing will would shall should can could may might must said says
say told tell according including include includes included like near nearly almost versus
vs plus minus ago later earlier yet respectively apiece overall altogether reportedly
allegedly apparently officially
last next another ever own else others
early today yesterday tomorrow tonight recently previously""".split())  # "$2.6 million early Monday"
DIRECTIONS = set("""north south east west northeast northwest southeast southwest northern
southern eastern western""".split())
ADJ = set("""more other additional extra new old young elderly armed unarmed foreign domestic
innocent former active total registered confirmed estimated reported suspected known
documented recorded verified official unofficial separate different full permanent temporary
military enemy allied fellow little small large big major key top senior junior female male
pregnant civilian local international national regional federal private public frontline
same poor rich adult ethnic elite veteran trained professional retired unemployed homeless
undocumented illegal legal remaining surviving injured-free whole entire entire
further past present current sitting incoming outgoing""".split())
# Adjectives that are also nouns: "one official said", "two locals".
ADJ_NOUNS = set("""official local civilian military senior veteran adult female male
professional elderly homeless unemployed retired junior""".split())
# Verbs that may follow a count and must not be read as its noun.
VERBS = set("""remain remains live lives work works face faces need needs die dies fled fought
fell rose held built sent spent paid met saw told became begin began brought bought caught found
grew heard hit kept knew led lay left lost made meant put ran read set shot sold stood struck
took taught thought threw went won wore wrote came got gave say says said want wants take
takes make makes get gets go goes come comes seek seeks include remain stay stays returned
return returns voted vote votes""".split())
PURE_VERBS = set("""remain remains remained fled fought became began went came got gave took
made said told saw knew say says want wants seek seeks stayed stay stays returned voted
including""".split())
ED_NOUNS = {"bed", "beds", "shed", "seed", "seeds", "speed", "hundred", "hundreds", "need",
            "needs", "creed", "breed", "deed", "deeds", "steed", "sled", "red", "reed"}
ING_NOUNS = set("""building meeting sibling bombing shooting killing housing funding offering
opening wedding evening morning ring king thing spring string wing ceiling clothing training
landing crossing hearing rating ranking reading warning uprising earning saving dwelling
being beings recording painting filing setting ending outing""".split())
IRREGULAR_PLURALS = {"people", "children", "men", "women", "police", "personnel", "staff",
                     "cattle", "sheep", "troops", "livestock", "aircraft", "militia"}

# What happened to the counted thing: word -> event.
EVENTS = {
    "killed": "killed", "died": "killed", "dead": "killed", "perished": "killed",
    "slain": "killed", "murdered": "killed", "massacred": "killed", "drowned": "killed",
    "executed": "killed", "killing": "killed", "kill": "killed", "kills": "killed",
    "wounded": "injured", "injured": "injured", "hurt": "injured", "wounding": "injured",
    "injuring": "injured", "evacuated": "evacuated", "evacuating": "evacuated",
    "displaced": "displaced", "displacing": "displaced", "fled": "displaced",
    "uprooted": "displaced", "arrested": "arrested", "detained": "arrested",
    "jailed": "arrested", "imprisoned": "arrested", "arresting": "arrested",
    "detaining": "arrested", "missing": "missing", "unaccounted": "missing",
    "rescued": "rescued", "rescuing": "rescued", "deployed": "deployed",
    "deploying": "deployed", "stationed": "deployed", "dispatched": "deployed",
    "dispatching": "deployed", "sent": "deployed", "sending": "deployed",
    "captured": "captured", "capturing": "captured", "infected": "infected",
    "hospitalised": "hospitalized", "hospitalized": "hospitalized",
}
# Words that say a date is when something started or when it is finished.
DATE_ANCHORS = {
    **dict.fromkeys("""began begun begin begins start started starts starting launched launch
launches invaded invasion erupted outbreak founded established""".split(), "start"),
    **dict.fromkeys("""completed complete completion finished finish finishes ended ends
due ready delivered reopen reopened reopens""".split(), "end"),
}
EVENT_SKIP = set("""had have has been were was are is be being reportedly allegedly already
now also all believed thought feared estimated said to confirmed officially either both later
since subsequently who that which in total so far , were having others more may might could
would will likely probably remain remained remains still feared presumed""".split())

# Noun groups (singular lemmas). The first member names the group.
GROUPS = [
    ["troop", "soldier", "force", "serviceman", "servicewoman", "servicemember", "personnel",
     "marine", "paratrooper", "infantryman", "conscript", "recruit", "military", "army"],
    ["person", "people", "resident", "civilian", "inhabitant", "individual", "citizen", "local",
     "villager", "townspeople", "dweller", "soul"],
    ["death", "fatality", "dead", "life", "toll", "killing", "body", "victim"],
    ["injury", "injured", "wounded", "wound"],
    ["casualty"],
    ["child", "kid", "minor", "youngster"],
    ["evacuee", "evacuation"],
    ["arrest", "detainee", "detention", "arrestee"],
    ["fighter", "militant", "insurgent", "combatant", "guerrilla"],
    ["police", "officer", "policeman", "policewoman", "cop", "constable"],
    ["home", "house", "dwelling", "residence"],
    ["vehicle", "car"],
    ["aircraft", "plane", "jet", "airplane", "warplane"],
    ["drone", "uav"],
    ["case", "infection"],
    ["hostage", "captive", "abductee"],
    ["prisoner", "inmate", "pow"],
    ["job", "position"],
    ["worker", "employee", "staff", "staffer", "labourer", "laborer"],
    ["deployment"],
    ["missing"],
    ["displaced", "displacement"],
    ["vote", "ballot"],
    ["student", "pupil"],
    ["protester", "protestor", "demonstrator"],
    ["migrant", "immigrant"],
    ["ship", "vessel", "boat"],
    ["cost", "price", "bill", "expense", "spending", "budget"],
    ["country", "nation"],
]
GROUP = {w: g[0] for g in GROUPS for w in g}
# Groups of people counted by who they are ("three bank workers", "five children"), not as people.
PEOPLE = frozenset(("troop", "child", "fighter", "police", "hostage", "prisoner", "worker",
                    "student", "protester", "migrant"))
# Groups that name an outcome rather than who or what is counted, and their event.
OUTCOME = {"death": "killed", "injury": "injured", "casualty": "casualty",
           "evacuee": "evacuated", "arrest": "arrested", "deployment": "deployed",
           "missing": "missing", "displaced": "displaced"}
GROUP_LABEL = {"troop": "troops", "person": "people", "death": "deaths", "injury": "injured",
               "casualty": "casualties", "child": "children", "police": "police",
               "displaced": "displaced", "missing": "missing", "deployment": "deployment"}

SINGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman",
            "lives": "life", "wives": "wife", "knives": "knife", "thieves": "thief",
            "shelves": "shelf", "police": "police", "personnel": "personnel", "staff": "staff",
            "data": "data", "media": "media", "news": "news", "series": "series",
            "species": "species", "aircraft": "aircraft", "sheep": "sheep", "fish": "fish",
            "deer": "deer", "cattle": "cattle", "headquarters": "headquarters",
            "barracks": "barracks", "means": "means", "movies": "movie", "cookies": "cookie",
            "zombies": "zombie", "rookies": "rookie", "pies": "pie", "ties": "tie",
            "lies": "lie", "shoes": "shoe", "canoes": "canoe", "feet": "foot", "teeth": "tooth",
            "geese": "goose", "mice": "mouse", "loaves": "loaf",
            "leaves": "leaf", "scarves": "scarf", "hooves": "hoof", "wharves": "wharf", "dead": "dead", "wounded": "wounded",
            "injured": "injured", "missing": "missing", "displaced": "displaced",
            "militia": "militia", "livestock": "livestock", "townspeople": "townspeople",
            "gas": "gas", "bus": "bus", "crisis": "crisis", "analysis": "analysis",
            "status": "status", "virus": "virus", "campus": "campus", "census": "census",
            "buses": "bus", "bonuses": "bonus", "viruses": "virus", "campuses": "campus",
            "censuses": "census", "crises": "crisis", "analyses": "analysis",
            "surpluses": "surplus", "statuses": "status", "gases": "gas"}
PLURAL = {"person": "people", "child": "children", "man": "men", "woman": "women",
          "life": "lives", "police": "police", "personnel": "personnel", "staff": "staff",
          "dead": "dead", "wounded": "wounded", "injured": "injured", "missing": "missing",
          "displaced": "displaced", "aircraft": "aircraft", "sheep": "sheep",
          "cattle": "cattle", "livestock": "livestock", "foot": "feet"}

def singular(w: str) -> str:
    s = SINGULAR.get(w)
    if s is not None:
        return s
    n = len(w)
    if w in DEMONYMS_IS:
        return w[:-1]
    if n <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is")):
        if n > 4 and w.endswith("men") and w not in ("specimen", "abdomen", "stamen"):
            return w[:-3] + "man"
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return w[:-2]
    if w.endswith("oes"):
        return w[:-2]
    if w.endswith("lves"):
        return w[:-3] + "f"
    return w[:-1]


def group(noun: str | None) -> str | None:
    """The group a counted noun belongs to ("soldiers" -> "troop", "people" -> "person"), or the
    noun itself, singular; None for none."""
    if not noun:
        return None
    noun = noun.lower()
    if noun not in GROUP:
        noun = singular(noun)
    return GROUP.get(noun, noun)


def plural(w: str) -> str:
    p = PLURAL.get(w)
    if p is not None:
        return p
    if w.endswith("man") and len(w) > 4:
        return w[:-3] + "men"
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    return w + "s"


def looks_verb(w: str) -> bool:
    if w.endswith("ed") and w not in ED_NOUNS:
        return True
    if w.endswith("ing") and w not in ING_NOUNS:
        return True
    return w in PURE_VERBS


# People named by a nation whose plural ends in "-is" ("two Iraqis"), which the rule below
# takes for a singular ("analysis", "crisis")
DEMONYMS_IS = frozenset("""iraqis saudis pakistanis israelis kuwaitis somalis yemenis
bangladeshis omanis qataris emiratis nepalis bahrainis azeris thais""".split())


def pluralish(w: str) -> bool:
    if w in IRREGULAR_PLURALS or w in DEMONYMS_IS:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))
