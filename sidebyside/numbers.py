"""Read the quantities in an English news sentence and compare them across sources.

Public API (the engine calls exactly these):

- ``read_quantities(text)``: every quantity in one sentence, in order, as ``Quantity`` objects.
- ``same_thing(a, b)``: do two quantities count the same thing?
- ``compare(a, b)``: ``None`` when they agree, else ``"value"``, ``"qualifier"``, ``"unit"`` or
  ``"date"``. Symmetric.
- ``about(quantities)``: a short label of what a group counts ("troops killed", "cost").

The reader is a hand-written tokenizer plus rules (no model, no dependency); on one core it reads
about 18,000 sentences a second at 160 characters each (30,000+ at 80). Conventions:

Span
    ``text == sentence[start:end]`` and holds the hedge, any currency sign, the number, its scale
    and unit, and for counts the counted noun when it follows ("some 600 North Korean troops",
    "more than $2bn", "hundreds of soldiers", "by mid-2026", "last year").

Kinds
    ``count`` | ``money`` | ``percent`` | ``date`` | ``duration`` | ``ordinal`` | ``age`` |
    ``measure`` (km, tonnes, hectares, cubic metres ...).

Units (``Quantity.unit``)
    count: the counted head noun, lower case and *singular* ("troops" -> "troop", "people" ->
    "person", "casualties" -> "casualty"); for "a total deployment of 15,000" the noun left of
    "of" ("deployment"); None when no noun is found. money: ISO code in lower case ("usd",
    "eur", "gbp" ...). percent: "%" (or "pp" for percentage points). date: "date". duration:
    "second" | "minute" | "hour" | "day" | "night" | "week" | "month" | "year" | "decade" |
    "century" (as written). age: "year" (value in years). measure: a short unit name ("km",
    "mile", "tonne", "m3" ...). ordinal: the noun ranked, if any.

Qualifiers (``Quantity.qualifier``) and the interval [low, high] each one allows
    None (exact)   [v, v]
    "about"        about, some, around, roughly, approximately, (an) estimated, circa, "or so",
                   "600-odd": v +- max(10%, half the rounding step of v, at most 25%)
                   ("about 600" -> [540, 660]; "about 1,000" -> [750, 1250])
    "nearly"       nearly, almost, close to, just under/shy of: [0.9v, v) (v excluded)
    "over"         over, more than, above, upwards of, in excess of, exceeding: (v, v + step]
                   where step is one unit of v's leading digit, at most 50%
                   ("over 600" -> (600, 700], "more than 15,000" -> (15000, 22500])
    "at least"     at least, no fewer than, "or more", "600+": [v, v + step]
    "under"        under, less than, fewer than, below: [0, v)
    "up to"        up to, as many as, at most, no more than: [0, v]
    "range"        5-7, 5 to 7, between 5 and 7, two or three: [5, 7], value = midpoint
    "vague"        dozens of [24, 99], scores of [40, 199], hundreds of [200, 999], thousands of
                   [2000, 9999], tens of thousands [20000, 99999], hundreds of thousands,
                   millions, several/a few hundred ...: value = low
    Dates use their own set: None, "early", "mid", "late" (part of the period), "by" (by, until),
    "before", "since", "after", "range" (1999-2025), "relative" (last year, two years ago).
    Over a percentage the interval stops at 100.

Dates
    value is a decimal year. A plain year, month or day is its first instant (2022 -> 2022.0,
    March 2026 -> 2026 + 2/12, July 18, 2025 -> 2025 + 198/365); early/mid/late take the middle
    of that part (mid-2026 -> 2026.5, early 2027 -> 2027.1667, late 2026 -> 2026.8333).
    [low, high) is the period named (2022 -> [2022, 2023)). Relative dates count in years from
    the (unknown) publication date: last year -> -1 with [-1, 0); never compared with absolute
    dates. A date without a year (March 3) has a value below 1 (the fraction of the year).
    A 4-digit number 1800-2199 without separators is a year unless a plural noun, a unit or a
    scale word follows it ("2000 people", "1900 troops") and no date word precedes it.

Fractions used as proportions ("two-thirds of", "half the", "one in five") are percentages
(66.67, 50, 20) whose interval is widened to the whole percents around them ([66, 67]).

Not read: times of day (4:40 a.m.), identifiers (No. 3, Article 5, F-16, COVID-19, G7), sports
scores (3-1), "one of the", bare "one"/"a" used as a pronoun or article.

``read_quantities`` also fills ``Quantity.event`` (what happened to the counted thing: "killed",
"injured", "evacuated", "deployed" ...) and ``Quantity.noun`` (what a money, percent or measure
figure is of: "cost", "population"), used by ``same_thing`` and ``about``; where they are None
the functions fall back to ``unit``.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from datetime import date

from .model import DATE, QUALIFIER, UNIT, VALUE, Quantity

__all__ = ["read_quantities", "same_thing", "compare", "about"]

# ----------------------------------------------------------------------------------------------
# Word tables
# ----------------------------------------------------------------------------------------------

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SMALL_WORDS = {**_UNITS, **_TEENS, **_TENS}

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1e6,
}
_ORD_UNITS = {k: v for k, v in _ORDINALS.items() if v < 10}

# Denominators of spelled-out fractions ("two-thirds", "a quarter", "one-fifth").
_DENOMS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7,
    "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}

_VAGUE = {
    # word: (low, high) of "<word> of"
    "dozens": (24.0, 99.0),
    "scores": (40.0, 199.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "millions": (2e6, 9.99e6),
    "billions": (2e9, 9.99e9),
}

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

# Left hedges, by the lower-case words; the longest match wins.
_HEDGES = {
    ("some",): "about", ("about",): "about", ("around",): "about", ("roughly",): "about",
    ("approximately",): "about", ("approx",): "about", ("an", "estimated"): "about",
    ("estimated",): "about", ("circa",): "about", ("nearly",): "nearly", ("almost",): "nearly",
    ("close", "to"): "nearly", ("just", "under"): "nearly", ("just", "below"): "nearly",
    ("just", "shy", "of"): "nearly", ("just", "short", "of"): "nearly",
    ("a", "little", "under"): "nearly", ("slightly", "less", "than"): "nearly",
    ("slightly", "fewer", "than"): "nearly", ("more", "than"): "over", ("over",): "over",
    ("above",): "over", ("in", "excess", "of"): "over", ("well", "in", "excess", "of"): "over",
    ("upwards", "of"): "over", ("upward", "of"): "over", ("exceeding",): "over",
    ("greater", "than"): "over", ("just", "over"): "over", ("just", "above"): "over",
    ("well", "over"): "over", ("well", "above"): "over", ("slightly", "more", "than"): "over",
    ("a", "little", "over"): "over", ("well", "more", "than"): "over",
    ("at", "least"): "at least", ("no", "fewer", "than"): "at least",
    ("no", "less", "than"): "at least", ("not", "less", "than"): "at least",
    ("a", "minimum", "of"): "at least", ("under",): "under", ("less", "than"): "under",
    ("fewer", "than"): "under", ("below",): "under", ("well", "under"): "under",
    ("well", "below"): "under", ("up", "to"): "up to", ("as", "many", "as"): "up to",
    ("as", "much", "as"): "up to", ("at", "most"): "up to", ("no", "more", "than"): "up to",
    ("not", "more", "than"): "up to", ("a", "maximum", "of"): "up to",
}
# Hedges written after the number: "600 or so", "600 or more".
_POST_HEDGES = {
    ("or", "so"): "about", ("or", "more"): "at least", ("or", "above"): "at least",
    ("or", "over"): "at least", ("and", "above"): "at least", ("and", "over"): "at least",
    ("or", "fewer"): "up to", ("or", "less"): "up to", ("and", "under"): "up to",
    ("at", "least"): "at least", ("at", "most"): "up to",
}

_CUR_SYMBOLS = {"$": "usd", "£": "gbp", "€": "eur", "¥": "jpy", "₹": "inr", "₩": "krw",
                "₽": "rub", "₴": "uah", "₪": "ils"}
_DOLLAR_PREFIX = {"US": "usd", "U": "usd", "A": "aud", "AU": "aud", "C": "cad", "CA": "cad",
                  "HK": "hkd", "NZ": "nzd", "S": "sgd", "NT": "twd", "R": "brl"}
_CUR_CODES = {
    "usd": "usd", "eur": "eur", "gbp": "gbp", "jpy": "jpy", "cny": "cny", "rmb": "cny",
    "chf": "chf", "inr": "inr", "rub": "rub", "uah": "uah", "krw": "krw", "cad": "cad",
    "aud": "aud", "rs": "inr",
}
_CUR_WORDS = {
    "dollar": "usd", "dollars": "usd", "euro": "eur", "euros": "eur", "pound": "gbp",
    "pounds": "gbp", "sterling": "gbp", "yen": "jpy", "yuan": "cny", "renminbi": "cny",
    "rupee": "inr", "rupees": "inr", "rouble": "rub", "roubles": "rub", "ruble": "rub",
    "rubles": "rub", "hryvnia": "uah", "hryvnias": "uah", "hryvnas": "uah", "shekel": "ils",
    "shekels": "ils", "franc": "chf", "francs": "chf", "peso": "mxn", "pesos": "mxn",
    "won": "krw", "lira": "try", "liras": "try", "rand": "zar", "naira": "ngn", "dirham": "aed",
    "dirhams": "aed", "riyal": "sar", "riyals": "sar", "ringgit": "myr", "baht": "thb",
    "rupiah": "idr", "zloty": "pln", "zlotys": "pln", "krona": "sek", "kronor": "sek",
    "krone": "nok", "kroner": "nok",
}
_DOLLAR_ADJ = {"us": "usd", "american": "usd", "canadian": "cad", "australian": "aud",
               "singapore": "sgd", "taiwan": "twd", "zealand": "nzd", "kong": "hkd"}

_PERCENT_RE = re.compile(
    r"\s?(?:(%)|(per\s?cent|percent|pct)\b|(percentage\s+points?)\b)", re.I)
_CUR_AFTER_RE = re.compile(
    r"\s+(?:(?:U\.S\.|US|American|Canadian|Australian|Singapore|Taiwan|New\s+Zealand|"
    r"Hong\s+Kong)\s+)?(dollars?|euros?|pounds?(?!\s+of\b)(?:\s+sterling)?|sterling|yen|yuan|"
    r"renminbi|rupees?|roubles?|rubles?|hryvnias?|hryvnas|shekels?|francs?|pesos?|won|liras?|"
    r"rand|naira|dirhams?|riyals?|ringgit|baht|rupiah|zlotys?|kronor|krona|kroner|krone)\b"
    r"|\s+(USD|EUR|GBP|JPY|CNY|RMB|CHF|INR|RUB|UAH|KRW|CAD|AUD)\b", re.I)
_DUR_RE = re.compile(
    r"(\s+|-)(seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|"
    r"years?|yrs?|decades?|centuries|century)\b(?:(-old\b|\s+old\b)|(?![-‐‑]\w))"
    r"(\s+ago\b)?", re.I)
_MEASURE_RE = re.compile(
    r"(\s+|-)(cubic\s+met(?:re|er)s?|square\s+kilomet(?:re|er)s?|square\s+miles?|"
    r"square\s+met(?:re|er)s?|sq\.?\s?km|km2|sq\.?\s?mi(?:les)?|hectares?|acres?|km/h|kph|"
    r"mph|knots?|nautical\s+miles?|kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|"
    r"centimet(?:re|er)s?|cm|millimet(?:re|er)s?|mm|feet|foot|ft|inch(?:es)?|"
    r"kilo(?:gram)?(?:me)?s?|kg|tonnes?|tons?|pounds?(?=\s+of\b)|lbs?|grams?|litres?|liters?|"
    r"gallons?|barrels?|megawatts?|MW|gigawatts?|GW|kWh|MWh|GWh|TWh|"
    r"degrees?\s+(?:celsius|fahrenheit|C|F)|°\s?[CF]|degrees?)\b", re.I)
_DEGREE_RE = re.compile(r"\s?°\s?([CF])\b")

# Measure units: canonical name -> (dimension, factor to the dimension's base unit).
_MEASURES = {
    "km": ("length", 1000.0), "mile": ("length", 1609.344), "nmi": ("length", 1852.0),
    "m": ("length", 1.0), "cm": ("length", 0.01), "mm": ("length", 0.001),
    "ft": ("length", 0.3048), "inch": ("length", 0.0254),
    "kg": ("mass", 1.0), "tonne": ("mass", 1000.0), "lb": ("mass", 0.45359237),
    "g": ("mass", 0.001),
    "km2": ("area", 1e6), "sq mi": ("area", 2589988.11), "m2": ("area", 1.0),
    "ha": ("area", 1e4), "acre": ("area", 4046.8564),
    "m3": ("volume", 1000.0), "l": ("volume", 1.0), "gallon": ("volume", 3.785411784),
    "barrel": ("volume", 158.987295),
    "km/h": ("speed", 1.0), "mph": ("speed", 1.609344), "knot": ("speed", 1.852),
    "mw": ("power", 1.0), "gw": ("power", 1000.0),
    "kwh": ("energy", 1.0), "mwh": ("energy", 1e3), "gwh": ("energy", 1e6),
    "twh": ("energy", 1e9),
    "°c": ("temperature", None), "°f": ("temperature", None), "degree": ("angle", 1.0),
}
_DIMENSION_LABEL = {"length": "distance", "mass": "weight", "area": "area", "volume": "volume",
                    "speed": "speed", "power": "power", "energy": "energy",
                    "temperature": "temperature", "angle": "degrees"}

_DURATIONS = {  # canonical unit -> days
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "night": 1.0,
    "week": 7.0, "month": 30.4375, "year": 365.25, "decade": 3652.5, "century": 36525.0,
}
_DUR_ALIASES = {"min": "minute", "mins": "minute", "hr": "hour", "hrs": "hour", "yr": "year",
                "yrs": "year", "centuries": "century", "fortnight": "fortnight"}

# Letters allowed glued to digits ("2bn", "7th", "1990s", "100km"); anything else is an identifier.
_GLUED_OK = {"bn", "b", "m", "mn", "mln", "k", "tn", "km", "kg", "cm", "mm", "ft", "mph", "kph",
             "kmh", "mw", "gw", "kwh", "mwh", "gwh", "twh", "h", "hr", "hrs", "min", "mins",
             "yr", "yrs", "ha", "lb", "lbs", "st", "nd", "rd", "th", "s", "am", "pm"}
_SCALE_ABBR = {"bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "crore": 1e7, "lakh": 1e5}

# Words before a number that make it an identifier, not a quantity ("Article 5", "page 3").
_ID_WORDS = set("""article section chapter clause paragraph resolution room route highway
interstate flight gate terminal platform level phase stage category type model grade item
rule amendment proposition prop channel title magnitude version episode season vol volume part pier lane
no nos number apollo boeing airbus formula windows iphone galaxy pixel ward district precinct
unit block apartment suite page pages tier division ch sec art fig figure table line bus
zone sector squadron battalion brigade regiment corps class act covid code""".split())

_YEAR_PREV = set("""in since by until till from during of before after early mid late end year
years the its his her their our this that fiscal through to and between copyright around
circa spring summer autumn fall winter january february march april may june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec as pre
post""".split())

# Words before a year that keep it a year even when a plural noun follows ("the 2022 elections").
_YEAR_STRONG = set("""in since by until till during before after early mid late the its his
her their our this that fiscal copyright""".split())
_CHANGE_VERBS = set("""rose risen climbed jumped increased grew fell dropped declined
soared surged stood stands stand rise rises fall falls""".split())
_STOP = set("""a an the and or but nor of in on at to for from by with without about as into
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
last next another ever own else others""".split())
_DIRECTIONS = set("""north south east west northeast northwest southeast southwest northern
southern eastern western""".split())
_ADJ = set("""more other additional extra new old young elderly armed unarmed foreign domestic
innocent former active total registered confirmed estimated reported suspected known
documented recorded verified official unofficial separate different full permanent temporary
military enemy allied fellow little small large big major key top senior junior female male
pregnant civilian local international national regional federal private public frontline
same poor rich adult ethnic elite veteran trained professional retired unemployed homeless
undocumented illegal legal remaining surviving injured-free whole entire entire
further""".split())
# Adjectives that are also nouns: "one official said", "two locals".
_ADJ_NOUNS = set("""official local civilian military senior veteran adult female male
professional elderly homeless unemployed retired junior""".split())
# Verbs that may follow a count and must not be read as its noun.
_VERBS = set("""remain remains live lives work works face faces need needs die dies fled fought
fell rose held built sent spent paid met saw told became begin began brought bought caught found
grew heard hit kept knew led lay left lost made meant put ran read set shot sold stood struck
took taught thought threw went won wore wrote came got gave say says said want wants take
takes make makes get gets go goes come comes seek seeks include remain stay stays returned
return returns voted vote votes""".split())
_PURE_VERBS = set("""remain remains remained fled fought became began went came got gave took
made said told saw knew say says want wants seek seeks stayed stay stays returned voted
including""".split())
_ED_NOUNS = {"bed", "beds", "shed", "seed", "seeds", "speed", "hundred", "hundreds", "need",
             "needs", "creed", "breed", "deed", "deeds", "steed", "sled", "red", "reed"}
_ING_NOUNS = set("""building meeting sibling bombing shooting killing housing funding offering
opening wedding evening morning ring king thing spring string wing ceiling clothing training
landing crossing hearing rating ranking reading warning uprising earning saving dwelling
being beings recording painting filing setting ending outing""".split())
_IRREGULAR_PLURALS = {"people", "children", "men", "women", "police", "personnel", "staff",
                      "cattle", "sheep", "troops", "livestock", "aircraft", "militia"}

# What happened to the counted thing: word -> event.
_EVENTS = {
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
_DATE_ANCHORS = {
    **dict.fromkeys("""began begun begin begins start started starts starting launched launch
launches invaded invasion erupted outbreak founded established""".split(), "start"),
    **dict.fromkeys("""completed complete completion finished finish finishes ended ends
due ready delivered reopen reopened reopens""".split(), "end"),
}
_EVENT_SKIP = set("""had have has been were was are is be being reportedly allegedly already
now also all believed thought feared estimated said to confirmed officially either both later
since subsequently who that which in total so far , were having others more may might could
would will likely probably remain remained remains still feared presumed""".split())

# Noun groups (singular lemmas). The first member names the group.
_GROUPS = [
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
]
_GROUP = {w: g[0] for g in _GROUPS for w in g}
# Groups that name an outcome rather than who or what is counted, and their event.
_OUTCOME = {"death": "killed", "injury": "injured", "casualty": "casualty",
            "evacuee": "evacuated", "arrest": "arrested", "deployment": "deployed",
            "missing": "missing", "displaced": "displaced"}
_GROUP_LABEL = {"troop": "troops", "person": "people", "death": "deaths", "injury": "injured",
                "casualty": "casualties", "child": "children", "police": "police",
                "displaced": "displaced", "missing": "missing", "deployment": "deployment"}

_SINGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman",
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
             "status": "status", "virus": "virus", "campus": "campus", "census": "census"}
_PLURAL = {"person": "people", "child": "children", "man": "men", "woman": "women",
           "life": "lives", "police": "police", "personnel": "personnel", "staff": "staff",
           "dead": "dead", "wounded": "wounded", "injured": "injured", "missing": "missing",
           "displaced": "displaced", "aircraft": "aircraft", "sheep": "sheep",
           "cattle": "cattle", "livestock": "livestock", "foot": "feet"}

_TOKEN_RE = re.compile(
    r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)*|\S")
_MAYBE_RE = re.compile(
    r"\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|"
    r"billions?|dozens?|scores|half|thirds?|quarters?|first|second|third|fourth|fifths?|"
    r"sixths?|sevenths?|eighths?|ninths?|tenths?|eleventh|twelfth|\w+teenth|\w+tieth|"
    r"hundredth|thousandth|year|month|week|yesterday)\b", re.I)
_DASHES = {"-", "–", "—", "‐", "‑"}
_BETWEEN_OF_RE = re.compile(
    r"\s+(?:out\s+)?of\s+(?:the\s+|a\s+total\s+of\s+|an?\s+|its\s+|their\s+)?", re.I)
_EPS = 1e-9


def _singular(w: str) -> str:
    s = _SINGULAR.get(w)
    if s is not None:
        return s
    n = len(w)
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


def _plural(w: str) -> str:
    p = _PLURAL.get(w)
    if p is not None:
        return p
    if w.endswith("man") and len(w) > 4:
        return w[:-3] + "men"
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    return w + "s"


def _looks_verb(w: str) -> bool:
    if w.endswith("ed") and w not in _ED_NOUNS:
        return True
    if w.endswith("ing") and w not in _ING_NOUNS:
        return True
    return w in _PURE_VERBS


def _pluralish(w: str) -> bool:
    if w in _IRREGULAR_PLURALS:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))


# ----------------------------------------------------------------------------------------------
# Intervals
# ----------------------------------------------------------------------------------------------


def _place(v: float) -> float:
    """The place of the last significant digit: 600 -> 100, 4683 -> 1, 1.5e6 -> 1e5."""
    v = abs(v)
    if v < 1e-9:
        return 1.0
    k = math.floor(math.log10(v))
    while k > -7:
        p = 10.0**k
        r = v / p
        if abs(r - round(r)) < 1e-6:
            return p
        k -= 1
    return 1e-6


def _step(v: float) -> float:
    """How far above v "over v" reaches: one unit of v's leading digit, at most half of v."""
    v = abs(v)
    if v < 1e-9:
        return 1.0
    return min(10.0 ** math.floor(math.log10(v)), 0.5 * v)


def _interval(qual: str | None, v: float, kind: str = "count") -> tuple[float, float]:
    if qual == "about":
        tol = max(0.1 * abs(v), min(_place(v) / 2, 0.25 * abs(v)))
        lo, hi = v - tol, v + tol
    elif qual == "nearly":
        lo, hi = 0.9 * v, v
    elif qual in ("over", "at least"):
        lo, hi = v, v + _step(v)
    elif qual in ("under", "up to"):
        lo, hi = 0.0, v
    else:
        lo, hi = v, v
    if kind == "percent" and hi > 100 >= v:
        hi = 100.0
    return lo, hi


# ----------------------------------------------------------------------------------------------
# The reader
# ----------------------------------------------------------------------------------------------


class _Reader:
    __slots__ = ("text", "T", "L", "S", "E", "n", "floor", "named")

    def __init__(self, text: str) -> None:
        self.text = text
        T: list[str] = []
        S: list[int] = []
        E: list[int] = []
        for m in _TOKEN_RE.finditer(text):
            T.append(m.group())
            S.append(m.start())
            E.append(m.end())
        self.T, self.S, self.E = T, S, E
        self.L = [t.lower() for t in T]
        self.n = len(T)
        self.floor = 0  # first token the next quantity may use on its left
        self.named = False  # the number follows a name: "Title 42", "FTSE 100"

    # --- small helpers ------------------------------------------------------------------------

    def glued(self, a: int, b: int) -> bool:
        return 0 <= a and b < self.n and self.E[a] == self.S[b]

    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after character `pos`."""
        return bisect_left(self.S, pos)

    def word(self, k: int) -> str:
        return self.L[k] if 0 <= k < self.n else ""

    def is_month(self, k: int) -> bool:
        return 0 <= k < self.n and self.L[k] in _MONTHS and self.T[k][0].isupper()

    def year_at(self, k: int) -> int | None:
        if 0 <= k < self.n:
            t = self.T[k]
            if len(t) == 4 and t.isdigit() and 1800 <= int(t) <= 2199:
                return int(t)
        return None

    def make(self, a: int, b: int, value: float, lo: float, hi: float, qual: str | None,
             unit: str | None, kind: str, noun: str | None = None,
             event: str | None = None) -> Quantity:
        s, e = self.S[a], self.E[b]
        q = Quantity(text=self.text[s:e], start=s, end=e, value=float(value), low=float(lo),
                     high=float(hi), qualifier=qual, unit=unit, kind=kind)
        q.event = event
        q.noun = noun
        return q

    # --- driver -------------------------------------------------------------------------------

    def run(self) -> list[Quantity]:
        out: list[Quantity] = []
        T, L, n = self.T, self.L, self.n
        i = 0
        while i < n:
            c = T[i][0]
            r = None
            if c.isdigit():
                r = self.number(i)
            elif c.isalpha():
                w = L[i]
                if w in _SMALL_WORDS or w in _ORDINALS or w in _VAGUE or w in _DENOMS:
                    r = self.words(i)
                elif w in ("a", "an", "zero", "tens", "several", "few", "last", "this", "next",
                           "yesterday", "mid", "early", "late"):
                    r = self.words(i)
                elif w in _MONTHS and self.is_month(i):
                    r = self.month(i)
            if r is None:
                i += 1
                continue
            q, j = r
            if q is not None:
                out.append(q)
            self.floor = max(self.floor, j)
            i = j if j > i else i + 1
        for a, b in zip(out, out[1:], strict=False):
            if (a.kind == b.kind == "count" and a.unit is None and b.unit is not None
                    and _BETWEEN_OF_RE.fullmatch(self.text, a.end, b.start)):
                a.unit = b.unit
        return out

    # --- numbers written in digits ------------------------------------------------------------

    def number(self, i: int):
        T, L, S, E, n = self.T, self.L, self.S, self.E, self.n
        raw = T[i]
        if i > 0:
            p = T[i - 1]
            if E[i - 1] == S[i] and p[0].isalpha() and p not in ("mid",):
                return None, i + 1  # G7, MH17, A320
            if p in ("#", "№"):
                return None, i + 1
            if (p in _DASHES and self.glued(i - 1, i) and i > 1 and self.glued(i - 2, i - 1)
                    and T[i - 2][0].isalpha()
                    and L[i - 2] not in ("mid", "early", "late", "end", "pre", "post", "start")):
                return None, i + 1  # COVID-19, F-16
            if L[i - 1] in _ID_WORDS and not (
                    L[i - 1] in ("number", "figure", "code") and T[i - 1][0].islower()):
                return None, i + 1
            if p == "." and i > 1 and L[i - 2] in ("no", "nos", "vol", "p", "pp", "art", "sec"):
                return None, i + 1
            if p in ("/", "\\") and E[i - 1] == S[i]:
                return None, i + 1  # 9/11, 1/3, URLs
        j = i + 1
        if j + 1 < n and T[j] == "/" and self.glued(i, j) and self.glued(j, j + 1) and not (
                len(raw) == 4 and len(T[j + 1]) in (2, 4) and T[j + 1].isdigit()):
            return None, j + 2
        if j < n:
            if T[j] in (":", ".") and self.glued(i, j) and j + 1 < n and T[j + 1].isdigit() \
                    and self.glued(j, j + 1) and T[j] == ":":
                k = j + 2
                while k < n and (L[k] in ("am", "pm", "a", "p", "m", ".") and k < j + 6):
                    k += 1
                return None, k  # 4:40 a.m.
            if L[j] in ("am", "pm") or (L[j] in ("a", "p") and j + 2 < n and T[j + 1] == "."
                                       and L[j + 2] == "m"):
                return None, j + 1
            if self.glued(i, j) and T[j][0].isalpha():
                suf = L[j]
                if suf in ("st", "nd", "rd", "th") and raw.isdigit():
                    return self.ordinal(i, j + 1, float(raw))
                if suf == "s" and raw.isdigit():
                    if len(raw) == 4 and raw.endswith("0") and 1800 <= int(raw) <= 2190:
                        y = int(raw)
                        return self.date_period(i, j, float(y), y + 10.0)
                    return None, j + 1
                if suf not in _GLUED_OK:
                    return None, j + 1
        p = T[i - 1] if i > 0 else ""
        self.named = (p[:1].isupper() and p.isalpha() and L[i - 1] not in _STOP
                      and L[i - 1] not in _MONTHS and L[i - 1] not in _CUR_CODES
                      and (L[i - 1],) not in _HEDGES and L[i - 1] not in _YEAR_PREV
                      and L[i - 1] not in ("us", "aged", "age", "ages"))
        if "," in raw or "." in raw:
            v = float(raw.replace(",", ""))
            plain = False
        else:
            v = float(raw)
            plain = True
        return self.finish(i, i + 1, v, plain=plain, words=False)

    # --- numbers and other quantities starting with a word ------------------------------------

    def words(self, i: int):
        T, L, n = self.T, self.L, self.n
        w = L[i]
        nxt = L[i + 1] if i + 1 < n else ""
        if w in ("last", "this", "next"):
            return self.relative(i)
        if w == "yesterday":
            v = -1 / 365.25
            return self.make(i, i, v, v, v + 1 / 365.25, "relative", "date", "date"), i + 1
        if w in ("mid", "early", "late"):
            return None  # handled from the year on their right
        if w in _VAGUE or w == "tens":
            return self.vague(i)
        if w in ("several", "few"):
            return self.several(i)
        if w == "half":
            return self.half(i)
        if w in _ORDINALS and w not in ("second",) or (w == "second" and nxt not in ("", ".")):
            if not (w in _DENOMS and i > 0 and L[i - 1] in ("a", "one")):
                return self.ordinal(i, i + 1, float(_ORDINALS[w]))
        if w in ("a", "an"):
            if nxt in _DENOMS and nxt not in ("half", "halves"):
                return self.fraction(i, 1.0, i + 1)
            if nxt == "dozen":
                return self.finish(i, i + 2, 12.0, plain=False, words=True)
            if nxt not in _BIG and nxt != "hundred":
                return None
        if w == "zero":
            return self.finish(i, i + 1, 0.0, plain=False, words=True)
        r = self.spelled(i)
        if r is None:
            return None
        v, j, ordinal = r
        if ordinal:
            return self.ordinal(i, j, v)
        # "two-thirds", "three quarters", "one fifth"
        k = j
        if k < n and T[k] in _DASHES and self.glued(k - 1, k):
            k += 1
        if k < n and L[k] in _DENOMS and v <= 10 and j == i + 1 and L[k] not in ("second",):
            if not (L[k] in ("fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                             "third", "quarter", "half") and v > 1 and k == j):
                return self.fraction(i, v, k)
        return self.finish(i, j, v, plain=False, words=True)

    def spelled(self, i: int):
        """A number in words from token i: (value, end, is_ordinal) or None."""
        L, n = self.L, self.n
        total = 0.0
        cur = 0.0
        last = None
        big_prev = math.inf
        j = i
        end = i
        if L[i] in ("a", "an"):
            cur, last, j, end = 1.0, "u", i + 1, i + 1
        while j < n:
            w = L[j]
            if w in _UNITS:
                if last in ("u", "t") or (last == "h" and cur % 100):
                    break
                cur += _UNITS[w]
                last = "u"
            elif w in _TEENS:
                if last in ("u", "t", "x") or (last == "h" and cur % 100):
                    break
                cur += _TEENS[w]
                last = "t"
            elif w in _TENS:
                if last in ("u", "t", "x") or (last == "h" and cur % 100):
                    break
                cur += _TENS[w]
                last = "x"
            elif w == "hundred":
                if last not in ("u", "t", "x") or cur >= 100:
                    break
                cur *= 100
                last = "h"
            elif w in _BIG:
                s = _BIG[w]
                if last not in ("u", "t", "x", "h") or s >= big_prev:
                    break
                total += cur * s
                cur = 0.0
                big_prev = s
                last = "s"
            elif w == "and" and last in ("h", "s") and j + 1 < n and L[j + 1] in _SMALL_WORDS \
                    and not (j + 2 < n and (L[j + 2] == "hundred" and last == "h"
                                            or _BIG.get(L[j + 2], 0) >= big_prev)):
                j += 1
                continue
            elif w in _DASHES and last == "x" and self.glued(j - 1, j) and self.glued(j, j + 1):
                nx = L[j + 1]
                if nx in _UNITS:
                    j += 1
                    continue
                if nx in _ORD_UNITS:
                    return total + cur + _ORD_UNITS[nx], j + 2, True
                break
            elif last == "x" and w in _ORD_UNITS:
                return total + cur + _ORD_UNITS[w], j + 1, True
            else:
                break
            j += 1
            end = j
        if last is None or (L[i] in ("a", "an") and end == i + 1):
            return None
        return total + cur, end, False

    # --- the rest of a number: scale, range, unit, hedge, noun --------------------------------

    def scale(self, v: float, j: int, money: bool, words: bool):
        """Apply scale words after the number at token j. Returns (value, j, factor)."""
        T, L, n = self.T, self.L, self.n
        factor = 1.0
        while j < n:
            w = L[j]
            glued = self.glued(j - 1, j)
            if w in _BIG and not words:
                f = _BIG[w]
            elif w == "hundred" and not words and factor == 1.0:
                f = 100.0
            elif w in _SCALE_ABBR:
                f = _SCALE_ABBR[w]
            elif w == "dozen" and factor == 1.0:
                f = 12.0
            elif w in ("m", "b", "k") and glued:
                if w == "k":
                    f = 1e3
                elif money:
                    f = 1e6 if w == "m" else 1e9
                elif w == "m" and j + 1 < n and (_pluralish(L[j + 1])
                                                 or L[j + 1] in ("more", "new", "extra")):
                    f = 1e6
                else:
                    break
            elif w in ("m", "b") and money and T[j] in ("m", "M", "b", "B") and not glued \
                    and (j + 1 >= n or not T[j + 1][0].isalpha()):
                f = 1e6 if w == "m" else 1e9
            else:
                break
            v *= f
            factor *= f
            j += 1
            if w in _SCALE_ABBR or w in ("m", "b", "k"):
                break
        return v, j, factor

    def finish(self, i0: int, j: int, v: float, plain: bool, words: bool):
        T, L, E, n, text = self.T, self.L, self.E, self.n, self.text
        fl = self.floor
        first = i0
        currency = None
        # currency sign or code on the left
        k = i0 - 1
        if not words and k >= fl:
            sym = _CUR_SYMBOLS.get(T[k])
            if sym:
                currency, first = sym, k
                if k - 1 >= fl and self.glued(k - 1, k) and T[k - 1] in _DOLLAR_PREFIX \
                        and T[k] == "$":
                    currency, first = _DOLLAR_PREFIX[T[k - 1]], k - 1
                elif k - 1 >= fl and T[k - 1] == "." and k - 3 >= fl and T[k - 2] == "S" \
                        and T[k - 3] == "." and T[k - 4: k - 3] == ["U"]:
                    first = k - 4
            elif T[k] in ("USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "INR", "RUB", "UAH",
                          "KRW", "CAD", "AUD", "Rs"):
                currency, first = _CUR_CODES[T[k].lower()], k
            elif T[k] == "." and k - 1 >= fl and T[k - 1] == "Rs":
                currency, first = "inr", k - 1
        # dates: "18 July 2025", years
        if plain and currency is None:
            iv = int(v)
            if 1 <= iv <= 31 and len(T[i0]) <= 2 and j < n and self.is_month(j):
                return self.day_month(i0, iv, j)
            if len(T[i0]) == 4 and 1800 <= iv <= 2199 and self.year_context(i0, j):
                return self.year(i0, iv, j)
        # "two and a half"
        if j + 2 < n and L[j] == "and" and L[j + 1] == "a" and L[j + 2] == "half":
            v += 0.5
            j += 3
        v, j, factor = self.scale(v, j, currency is not None, words)
        qual = None
        lo = hi = None
        kind = "count"
        unit = None
        noun = None
        frac = False
        last = j - 1
        # "one in five"
        if L[j: j + 1] == ["in"] and factor == 1.0 and v <= 20 and currency is None:
            r2 = self.core(j + 1)
            if r2 is not None:
                v2, j2, _ = r2
                if v < v2 <= 1000 and not (j2 < n and (_DUR_RE.match(text, E[j2 - 1])
                                                       or L[j2] in ("%", "per", "percent"))):
                    pct = 100.0 * v / v2
                    kind, unit, v, last, frac = "percent", "%", pct, j2 - 1, True
                    lo, hi = math.floor(pct + _EPS), math.ceil(pct - _EPS)
                    j = j2
        # ranges: 5-7, 5 to 7, between 5 and 7, two or three
        k = j
        pct_first = False
        if kind == "count" and k + 1 < n and T[k] == "%" and (T[k + 1] in _DASHES
                                                             or L[k + 1] == "to"):
            pct_first = True
            k += 1
        if kind == "count" and k < n and (T[k] in _DASHES or L[k] in ("to", "and", "or")):
            conn = L[k]
            left = L[first - 1] if first - 1 >= fl else ""
            ok = True
            if conn == "and":
                ok = left == "between"
            elif conn == "to":
                ok = left not in ("from",)
            elif conn in _DASHES:
                ok = self.glued(k - 1, k) or T[k] != "-"
            m = k + 1
            if ok and currency and m < n and T[m] in _CUR_SYMBOLS:
                m += 1
            r2 = self.core(m) if ok and m < n else None
            if r2 is not None and not (conn == "or" and L[m] in ("a", "an")):
                v2, m2, plain2 = r2
                v2, m2, f2 = self.scale(v2, m2, currency is not None, not T[m][0].isdigit())
                v1 = v
                if factor == 1.0 and f2 != 1.0 and v * f2 < v2 + _EPS:
                    v1 = v * f2
                pct_ok = not pct_first or (m2 < n and T[m2] == "%")
                if v1 < v2 and (v1 > 0 and v2 <= 20 * v1 or v1 == 0 and v2 <= 10) and pct_ok:
                    if pct_first:
                        m2 += 1
                    lo, hi = v1, v2
                    qual = "range"
                    v = (v1 + v2) / 2
                    j = m2
                    last = m2 - 1
                    if left == "between" and conn == "and":
                        first = first - 1
                elif conn in _DASHES and plain and plain2:
                    return None, m2  # a score: 3-1
            elif pct_first:
                pct_first = False
        # what is counted: percent, money, duration, age, measure
        pos = E[last]
        if kind == "count":
            m = _PERCENT_RE.match(text, pos) if currency is None else None
            if m:
                kind = "percent"
                unit = "pp" if m.group(3) else "%"
                last = self.tok_at(m.end()) - 1
            elif pct_first:
                kind, unit = "percent", "%"
            else:
                m = None if currency else _CUR_AFTER_RE.match(text, pos)
                if m:
                    if m.group(1):
                        word = m.group(1).lower().split()[0]
                        currency = _CUR_WORDS.get(word, "usd")
                        if currency == "krw" and factor == 1.0:
                            currency = None  # "won" is a verb unless it follows a scale
                        pre = m.group(0).lower().split()
                        if currency == "usd" and len(pre) > 1:
                            currency = _DOLLAR_ADJ.get(pre[-2].strip("."), "usd")
                    else:
                        currency = _CUR_CODES[m.group(2).lower()]
                    if currency:
                        last = self.tok_at(m.end()) - 1
                if currency:
                    kind, unit = "money", currency
        if kind == "count":
            r = self.units(first, last, v, lo, hi, qual, factor)
            if r is not None:
                return r
        # "600-odd", "600-plus", "600+", "a 600-strong force"
        k = last + 1
        if k < n and self.glued(last, k):
            if T[k] == "+":
                qual = qual or "at least"
                last = k
            elif T[k] in _DASHES and k + 1 < n and self.glued(k, k + 1):
                sw = L[k + 1]
                if sw == "odd":
                    qual, last = "about", k + 1
                elif sw == "plus":
                    qual, last = qual or "at least", k + 1
                elif sw in ("strong", "member", "seat", "bed", "page", "point", "person", "man"):
                    last = k + 1
                    if sw in ("member", "seat", "bed", "page", "point"):
                        unit = sw
        # hedges after: "600 or so", "600 or more"
        if qual is None:
            hq = _POST_HEDGES.get(tuple(L[last + 1: last + 3]))
            if hq and L[last + 1] in ("or", "and") and not (
                    last + 3 < n and T[last + 3][0].isdigit()):
                qual, last = hq, last + 2
        # hedge on the left
        hfirst = first
        if qual is None:
            hq, hstart = self.hedge(first)
            if hq:
                qual, hfirst = hq, hstart
        elif qual != "range":
            hq, hstart = self.hedge(first)
            if hq:
                hfirst = hstart
        # nouns and events
        event = None
        end = last
        if kind == "count":
            np = self.noun_after(last + 1)
            if np is None and L[last + 1: last + 2] == ["of"]:
                k = last + 2
                if k < n and L[k] in ("the", "those", "these", "its", "their", "his", "her",
                                      "our", "them", "whom", "which"):
                    if words and v == 1 and L[last] == "one":
                        return None, k + 1  # "one of the"
                    k += 1 if L[k] not in ("them", "whom", "which") else 0
                np = self.noun_after(k)
            if np is not None:
                unit = unit if unit in ("member", "seat") and np[0] is None else np[0]
                end = np[1]
                if qual is None:
                    hq = _POST_HEDGES.get(tuple(L[end + 1: end + 3]))
                    if hq and L[end + 1] in ("or", "and") and not (
                            end + 3 < n and T[end + 3][0].isdigit()):
                        qual = hq
                        end += 2
            if unit is None:
                unit = self.noun_left(hfirst)
            event = self.event_after(end + 1) or self.event_left(hfirst)
            # bare spelled-out small numbers without a noun are pronouns or idioms ("the two
            # said"), unless something happened to them ("killing six")
            if words and np is None and qual is None and v < 10 and factor == 1.0 and (
                    event is None or unit is not None):
                return None, last + 1
            if words and v == 1 and last == i0 and self.word(i0 - 1) in (
                    "no", "any", "every", "each", "some", "the", "this", "that", "which"):
                return None, last + 1
            if not words and self.named and np is None and qual is None and factor == 1.0:
                return None, last + 1
        elif kind in ("money", "percent"):
            np = None
            k = last + 1
            if L[k: k + 1] == ["of"] or (L[k: k + 1] == ["in"] and kind == "money"):
                k += 1
                if L[k: k + 1] in (["the"], ["its"], ["their"]):
                    k += 1
                np = self.noun_after(k)
            elif kind == "money":
                np = self.noun_after(k)
            noun = self.L[np[1]] if np else self.noun_left(hfirst, only_of=True)
            if noun is None and kind == "money" and self.word(hfirst - 1) in (
                    "cost", "costs", "costing", "worth", "priced", "valued"):
                noun = "cost" if self.word(hfirst - 1).startswith("cost") else "value"
        if qual != "range" and not (qual is None and frac):
            lo, hi = _interval(qual, v, kind)
        return self.make(hfirst, end, v, lo, hi, qual, unit, kind, noun, event), end + 1

    def units(self, first: int, last: int, v: float, lo, hi, qual, factor):
        """Durations, ages, relative dates and measures after a number; None if none."""
        L, E, n, text = self.L, self.E, self.n, self.text
        pos = E[last]
        aged = self.word(self.hedge(first)[1] - 1)
        m = _DUR_RE.match(text, pos)
        if m:
            u = m.group(2).lower()
            u = _DUR_ALIASES.get(u, u)
            if u.endswith("s") and u != "fortnights":
                u = u[:-1]
            mult = 1.0
            if u in ("fortnight", "fortnights"):
                u, mult = "week", 2.0
            end = self.tok_at(m.end()) - 1
            if m.group(3) or aged in ("aged", "age", "ages"):
                years = v * mult * _DURATIONS[u] / 365.25
                if u == "year":
                    years = v
                if lo is not None:
                    lo, hi = lo * years / v if v else 0.0, hi * years / v if v else 0.0
                return self.finish_simple(first, end, years, lo, hi, qual, "year", "age")
            if m.group(4):
                years = -v * mult * _DURATIONS[u] / 365.25
                if u == "year":
                    years = -v
                elif u == "month":
                    years = -v / 12
                length = mult * _DURATIONS[u] / 365.25 if u not in ("year", "month") else (
                    1.0 if u == "year" else 1 / 12)
                return self.make(first, end, years, years, years + length, "relative", "date",
                                 "date"), end + 1
            if m.group(1) == "-" and self.glued(last, last + 1) is False:
                return None
            return self.finish_simple(first, end, v * mult, lo if lo is None else lo * mult,
                                      hi if hi is None else hi * mult, qual, u, "duration")
        if aged in ("aged", "age", "ages") or (
                self.word(first - 1) == "between" and self.word(first - 2) in ("aged", "ages")):
            return self.finish_simple(first, last, v, lo, hi, qual, "year", "age")
        m = _MEASURE_RE.match(text, pos)
        if m is None and text.startswith("°", pos):
            m = _DEGREE_RE.match(text, pos)
            if m:
                end = self.tok_at(m.end()) - 1
                return self.finish_simple(first, end, v, lo, hi, qual, "°" + m.group(1).lower(),
                                          "measure")
        if m:
            u = _measure_unit(m.group(2))
            if u is not None:
                end = self.tok_at(m.end()) - 1
                return self.finish_simple(first, end, v, lo, hi, qual, u, "measure")
        # "100m" (metres) when "m" did not mean million
        k = last + 1
        if k < n and L[k] == "m" and self.glued(last, k) and factor == 1.0:
            return self.finish_simple(first, k, v, lo, hi, qual, "m", "measure")
        return None

    def finish_simple(self, first, end, v, lo, hi, qual, unit, kind):
        """Hedge on the left and interval for durations, ages and measures."""
        n = self.n
        hfirst = first
        if qual is None:
            hq, hstart = self.hedge(first, kind)
            if hq:
                qual, hfirst = hq, hstart
            elif end + 2 < n:
                hq = _POST_HEDGES.get((self.L[end + 1], self.L[end + 2]))
                if hq and self.L[end + 1] == "or":
                    qual = hq
                    end += 2
        elif qual == "range" and self.word(first - 1) == "between":
            hfirst = first - 1
        if kind == "age":
            k = hfirst - 1
            if k >= self.floor and self.L[k] in ("aged", "age", "ages"):
                hfirst = k
            elif k - 1 >= self.floor and self.L[k] == "between" and self.L[k - 1] in (
                    "aged", "ages"):
                hfirst = k - 1
        if qual != "range":
            lo, hi = _interval(qual, v, kind)
        noun = None
        if kind == "measure" and self.word(end + 1) == "of":
            np = self.noun_after(end + 2)
            noun = self.L[np[1]] if np else None
        return self.make(hfirst, end, v, lo, hi, qual, unit, kind, noun), end + 1

    def core(self, m: int):
        """A bare number (digits or words) at token m: (value, end, plain) or None."""
        if m >= self.n:
            return None
        t = self.T[m]
        if t[0].isdigit():
            if self.glued(m, m + 1) and self.T[m + 1][0].isalpha() and self.L[m + 1] not in (
                    "bn", "m", "k", "b", "mn", "tn"):
                return None
            return float(t.replace(",", "")), m + 1, t.isdigit()
        if self.L[m] in _SMALL_WORDS or self.L[m] in ("a", "an"):
            r = self.spelled(m)
            if r is not None and not r[2]:
                return r[0], r[1], False
        return None

    def hedge(self, first: int, kind: str = "count"):
        L, fl = self.L, self.floor
        for size in (4, 3, 2, 1):
            a = first - size
            if a < fl:
                continue
            q = _HEDGES.get(tuple(L[a:first]))
            if q:
                if kind == "duration" and L[a] == "over" and self.word(a - 1) not in (
                        "for", "in", "after", "of", "than", "lasting", "lasted", "took", "spent",
                        "serve", "served", "serving"):
                    return None, first  # "over six months" = during six months
                return q, a
        return None, first

    def year_context(self, i0: int, j: int) -> bool:
        """Is the 4-digit number at i0 a year?"""
        T, L, text, e = self.T, self.L, self.text, self.E[i0]
        if j < self.n:
            w = L[j]
            if T[j] == "%" or w in _BIG or w in _SCALE_ABBR or w in (
                    "hundred", "dozen", "per", "percent"):
                return False
            if _DUR_RE.match(text, e) or _MEASURE_RE.match(text, e) or \
                    _CUR_AFTER_RE.match(text, e):
                return False
            if self.plural_after(j):
                # "the 2022 elections" is a year, "to 2000 people" a count
                p = L[i0 - 1] if i0 > 0 else ""
                return p in _YEAR_STRONG or p.endswith(("'s", "’s"))
        # "the toll rose to 2000", "more than 2000", "2000 were killed": counts
        p = L[i0 - 1] if i0 > 0 else ""
        if p not in _YEAR_STRONG and self.event_after(j) is not None:
            return False
        pp = L[i0 - 2] if i0 > 1 else ""
        if p in ("reached", "hit", "topped", "totalled", "totaled", "numbered", "exceeded") or (
                p in ("to", "at") and pp in _CHANGE_VERBS):
            return False
        for hedge in ((p,), (pp, p)):
            if _HEDGES.get(hedge) in ("over", "nearly", "at least"):
                return False
        return True

    def plural_after(self, j: int) -> bool:
        k = j
        while k < self.n and self.L[k] in _ADJ and k < j + 3:
            k += 1
        if k >= self.n:
            return False
        t = self.T[k]
        w = self.L[k]
        if not t[0].isalpha() or w in _STOP or w in _VERBS:
            return False
        return _pluralish(w) and not (t[0].isupper() and k > 0 and self.T[k - 1][0].isdigit()
                                      and w.endswith("'s"))

    # --- nouns and events ---------------------------------------------------------------------

    def noun_after(self, j: int):
        """The head noun of the phrase starting at token j: (lemma, last token) or None."""
        T, L, n = self.T, self.L, self.n
        k = j
        steps = 0
        cap_last = last_adj = None
        while k < n and steps < 6:
            t = T[k]
            if not t[0].isalpha():
                break
            w = L[k]
            # hyphenated modifiers: anti-aircraft, Russian-made
            if k + 2 < n and T[k + 1] in _DASHES and self.glued(k, k + 1) \
                    and self.glued(k + 1, k + 2) and T[k + 2][0].isalpha():
                if k + 3 < n and T[k + 3][0].isalpha() and self.L[k + 3] not in _STOP \
                        and not _looks_verb(self.L[k + 3]):
                    k += 3
                    steps += 1
                    continue
                if L[k + 2] in _STOP or _looks_verb(L[k + 2]) or L[k + 2] == "ever":
                    break
                return _singular(L[k + 2]), k + 2
            if t[0].isupper():
                if w in _MONTHS or (w in _STOP and k > 0) or w in _EVENTS:
                    break
                if w in _SMALL_WORDS or w in _ORDINALS:
                    break
                cap_last = k
                k += 1
                steps += 1
                continue
            if w in _EVENTS or w in _STOP or w in _DIRECTIONS:
                break
            if w in _ADJ:
                last_adj = k
                k += 1
                steps += 1
                continue
            if _looks_verb(w) or len(w) < 2 or (w in _VERBS and not w.endswith("s")):
                break
            head = k
            k += 1
            # compounds: police officers, aid workers, road bridge
            while k < n and (L[head] in ("police", "staff", "aid")
                             or not _pluralish(L[head]) and L[head] not in _IRREGULAR_PLURALS):
                t2 = T[k]
                w2 = L[k]
                if not t2[0].isalpha() or not t2[0].islower() or w2 in _STOP or w2 in _VERBS \
                        or w2 in _DIRECTIONS \
                        or w2 in _EVENTS or _looks_verb(w2) or w2 in _ADJ or len(w2) < 2 \
                        or w2 in _BIG or w2 in ("percent", "cent", "hundred", "dozen"):
                    break
                if not self.glued(k - 1, k) and self.S[k] - self.E[k - 1] > 1:
                    break
                head = k
                k += 1
            return _singular(L[head]), head
        if last_adj is not None and L[last_adj] in _ADJ_NOUNS and (
                cap_last is None or cap_last < last_adj):
            return L[last_adj], last_adj
        if cap_last is not None:
            w = L[cap_last]
            if _pluralish(w) and not w.endswith(("'s", "’s")) and (
                    cap_last + 1 >= n or not T[cap_last + 1][0].isalpha()
                    or T[cap_last + 1][0].islower()):
                return _singular(w), cap_last
        return None

    def noun_left(self, first: int, only_of: bool = False) -> str | None:
        """"a total deployment of 15,000" -> "deployment"; "the death toll rose to 600"."""
        L, T, fl = self.L, self.T, self.floor
        k = first - 1
        links = 0
        if only_of:
            if k - 1 < fl or L[k] != "of":
                return None
            w = L[k - 1]
            if not T[k - 1][0].isalpha() or w in _STOP or w in _ADJ or _looks_verb(w):
                return None
            return w
        while k >= fl and links < 4 and L[k] in ("of", "at", "to", "rose", "risen", "climbed",
                                                  "jumped", "increased", "grew", "stood",
                                                  "stands", "reached", "hit", "topped",
                                                  "totalled", "totaled", "numbered", "is",
                                                  "was", "now", "has", "had", "been",
                                                  "numbering", "totalling", "totaling",
                                                  "surpassed", "passed", "puts", "put"):
            k -= 1
            links += 1
        if links == 0 or k < fl:
            return None
        t = T[k]
        w = L[k]
        if not t[0].isalpha() or w in _STOP or w in _ADJ or _looks_verb(w) or w in _VERBS:
            return None
        if w in ("total", "number", "figure", "tally", "count", "sum", "amount", "maximum",
                 "minimum", "average", "estimate", "group", "batch", "one", "some", "most",
                 "majority", "part", "rest", "each", "all", "none", "any", "many", "out"):
            return None
        if t[0].isupper() and k > 0:
            return None
        return _singular(w)

    def event_after(self, k: int) -> str | None:
        L, n = self.L, self.n
        steps = 0
        while k < n and steps < 6:
            w = L[k]
            if w in _EVENTS and w not in ("kill", "kills", "killing", "sending", "sent") or \
                    (w == "sent" and steps > 0):
                return _EVENTS[w]
            if w == "lost" and L[k + 1: k + 3] == ["their", "lives"]:
                return "killed"
            if w not in _EVENT_SKIP:
                return None
            k += 1
            steps += 1
        return None

    def event_left(self, first: int) -> str | None:
        k = first - 1
        if k >= 0 and self.L[k] in _EVENTS and self.L[k] not in ("dead", "missing"):
            return _EVENTS[self.L[k]]
        if k >= 1 and self.L[k] == "of" and _GROUP.get(_singular(self.L[k - 1])) in _OUTCOME:
            return _OUTCOME[_GROUP[_singular(self.L[k - 1])]]
        return None

    # --- special forms ------------------------------------------------------------------------

    def ordinal(self, i: int, j: int, v: float):
        T, L, n = self.T, self.L, self.n
        if j < n and self.is_month(j) and v <= 31:
            return self.day_month(i, int(v), j)
        end = j - 1
        if j + 1 < n and T[j] in _DASHES and self.glued(end, j) and L[j + 1] == "ever":
            end = j + 1
        if L[i - 1: i] == ["the"] and self.is_month(end + 2) and L[end + 1] == "of":
            return self.day_month(i, int(v), end + 2)
        np = self.noun_after(end + 1)
        unit = None
        if np is not None:
            unit, end = np
        return self.make(i, end, v, v, v, None, unit, "ordinal"), end + 1

    def fraction(self, i: int, num: float, k: int):
        """"a third", "two-thirds", "three quarters" at tokens i..k (k = the denominator)."""
        L, n = self.L, self.n
        v = num / _DENOMS[L[k]]
        end = k
        # "a quarter of a million"
        if L[k + 1: k + 3] in (["of", "a"], ["of", "one"]) and k + 3 < n and L[k + 3] in _BIG:
            v *= _BIG[L[k + 3]]
            return self.finish(i, k + 4, v, plain=False, words=True)
        pct = 100.0 * v
        qual, hfirst = self.hedge(i)
        noun = None
        j = end + 1
        if j < n and L[j] == "of":
            j += 1
            if j < n and L[j] in ("the", "its", "their", "those", "all"):
                j += 1
            np = self.noun_after(j)
            noun = self.L[np[1]] if np else None
        elif self.hedge(i)[0] is None and L[i - 1: i] != ["by"]:
            if not (j < n and L[j] in ("the", "its", "their")):
                return None, end + 1
        lo, hi = (math.floor(pct + _EPS), math.ceil(pct - _EPS)) if qual is None else \
            _interval(qual, pct, "percent")
        return self.make(hfirst, end, pct, lo, hi, qual, "%", "percent", noun), end + 1

    def half(self, i: int):
        L, n = self.L, self.n
        nxt = L[i + 1] if i + 1 < n else ""
        if i > 0 and L[i - 1] in ("a", "second", "first", "in", "the", "one"):
            return None
        if nxt in ("a", "an") and i + 2 < n:
            w = L[i + 2]
            if w in _BIG:
                return self.finish(i, i + 3, 0.5 * _BIG[w], plain=False, words=True)
            if w == "dozen":
                return self.finish(i, i + 3, 6.0, plain=False, words=True)
            m = _DUR_RE.match(self.text, self.E[i + 1])
            if m:
                u = _DUR_ALIASES.get(m.group(2).lower(), m.group(2).lower())
                u = u[:-1] if u.endswith("s") else u
                end = self.tok_at(m.end()) - 1
                if u in _DURATIONS:
                    return self.finish_simple(i, end, 0.5, None, None, None, u, "duration")
            return None
        if nxt in ("of", "the", "its", "their", "his", "her", "our", "all", "them"):
            qual, hfirst = self.hedge(i)
            k = i + 1
            if L[k] == "of":
                k += 1
            if k < n and L[k] in ("the", "its", "their", "his", "her", "our", "all"):
                k += 1
            np = self.noun_after(k)
            lo, hi = _interval(qual, 50.0, "percent")
            return self.make(hfirst, i, 50.0, lo, hi, qual, "%", "percent",
                             self.L[np[1]] if np else None), i + 1
        return None

    def vague(self, i: int):
        L, n = self.L, self.n
        w = L[i]
        k = i + 1
        if w == "tens" or (w in ("hundreds", "dozens") and L[k: k + 1] == ["of"]
                           and k + 1 < n and L[k + 1] in ("thousands", "millions", "billions")):
            if not (L[k: k + 1] == ["of"] and k + 1 < n
                    and L[k + 1] in ("thousands", "millions", "billions")):
                return None
            base = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}[L[k + 1]]
            mult = {"tens": 10.0, "hundreds": 100.0, "dozens": 12.0}[w]
            lo, hi = 2 * mult * base, 10 * mult * base - 1
            if w == "dozens":
                lo, hi = 24 * base, 99 * base
            end = k + 1
        else:
            if i > 0 and L[i - 1] in ("the", "in", "by"):
                return None
            lo, hi = _VAGUE[w]
            end = i
        qual_h, hfirst = self.hedge(i)
        unit = None
        last = end
        if L[end + 1: end + 2] == ["of"]:
            k = end + 2
            if k < n and L[k] in ("the", "those", "these", "its", "their"):
                k += 1
            np = self.noun_after(k)
            if np is not None:
                unit, last = np
        elif L[end + 1: end + 2] == ["more"]:
            last = end + 1
            np = self.noun_after(end + 2)
            if np is not None:
                unit, last = np
        else:
            np = self.noun_after(end + 1)
            if np is not None:
                unit, last = np
        if unit is None:
            unit = self.noun_left(hfirst)
        event = self.event_after(last + 1) or self.event_left(hfirst)
        return self.make(hfirst, last, lo, lo, hi, "vague", unit, "count", None, event), last + 1

    def several(self, i: int):
        """"several hundred", "a few thousand"."""
        L, n = self.L, self.n
        w = L[i]
        start = i
        if w == "few":
            if i == 0 or L[i - 1] != "a":
                return None
            start = i - 1
            if start < self.floor:
                return None
            lo_m, hi_m = 2, 5
        else:
            lo_m, hi_m = 3, 9
        k = i + 1
        if k >= n:
            return None
        sw = L[k]
        if sw == "hundred":
            base = 100.0
        elif sw in _BIG:
            base = _BIG[sw]
        elif sw == "dozen":
            base = 12.0
        else:
            return None
        lo, hi = lo_m * base, hi_m * base
        last = k
        unit = None
        kk = k + 1
        if L[kk: kk + 1] == ["of"]:
            kk += 1
        np = self.noun_after(kk)
        if np is not None:
            unit, last = np
        event = self.event_after(last + 1) or self.event_left(start)
        return self.make(start, last, lo, lo, hi, "vague", unit, "count", None, event), last + 1

    def relative(self, i: int):
        L, n = self.L, self.n
        if i + 1 >= n:
            return None
        off = {"last": -1, "this": 0, "next": 1}[L[i]]
        u = L[i + 1]
        if u.endswith(("'s", "’s")):
            u = u[:-2]
        length = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25}.get(u)
        if length is None:
            return None
        v = off * length
        return self.make(i, i + 1, v, v, v + length, "relative", "date", "date"), i + 2

    def month(self, i: int):
        T, L, n = self.T, self.L, self.n
        mon = _MONTHS[L[i]]
        k = i + 1
        if k < n and T[k] == "." and self.glued(i, k):
            k += 1
        if k < n and T[k].isdigit() and len(T[k]) <= 2 and 1 <= int(T[k]) <= 31:
            day = int(T[k])
            end = k
            k += 1
            if k < n and self.glued(k - 1, k) and L[k] in ("st", "nd", "rd", "th"):
                end = k
                k += 1
            k2 = k + 1 if k < n and T[k] == "," else k
            y = self.year_at(k2)
            if y is not None:
                return self.date_day(i, k2, y, mon, day)
            return self.date_day(i, end, None, mon, day)
        y = self.year_at(k)
        if y is not None:
            a = y + (mon - 1) / 12
            return self.date_period(i, k, a, a + 1 / 12)
        return None

    def day_month(self, i0: int, day: int, j: int):
        T, n = self.T, self.n
        mon = _MONTHS[self.L[j]]
        k = j + 1
        if k < n and T[k] == "." and self.glued(j, k):
            k += 1
        k2 = k + 1 if k < n and T[k] == "," else k
        y = self.year_at(k2)
        if y is not None:
            return self.date_day(i0, k2, y, mon, day)
        return self.date_day(i0, j, None, mon, day)

    def date_day(self, first: int, end: int, year: int | None, mon: int, day: int):
        try:
            d = date(year or 2000, mon, day)
        except ValueError:
            d = date(year or 2000, mon, 1)
        yday = d.timetuple().tm_yday
        days = 366 if (year is None or (year % 4 == 0 and (year % 100 or year % 400 == 0))) \
            else 365
        base = float(year) if year is not None else 0.0
        v = base + (yday - 1) / days
        return self.date_period(first, end, v, v + 1 / days)

    def year(self, i0: int, y: int, j: int):
        T, L, n = self.T, self.L, self.n
        end = j - 1
        a, b = float(y), y + 1.0
        k = j
        if k + 1 < n and (T[k] in _DASHES or T[k] == "/" or L[k] in ("to", "and")):
            if L[k] != "and" or self.word(i0 - 1) == "between":
                y2 = self.year_at(k + 1)
                t2 = T[k + 1]
                if y2 is None and len(t2) == 2 and t2.isdigit() and T[k] in _DASHES | {"/"} \
                        and self.glued(k, k + 1):
                    y2 = y // 100 * 100 + int(t2)
                if y2 is not None and y2 > y and not (self.glued(k + 1, k + 2)
                                                      and T[k + 2][0].isalnum()):
                    start = i0 - 1 if self.word(i0 - 1) in ("between", "from") else i0
                    if start < self.floor:
                        start = i0
                    q = self.make(start, k + 1, a, a, y2 + 1.0, "range", "date", "date",
                                  event=self.date_anchor(start))
                    return q, k + 2
        if end + 2 < n and T[end + 1] in ("'", "’") and L[end + 2] == "s":
            end += 2
        return self.date_period(i0, end, a, b)

    def date_period(self, first: int, end: int, a: float, b: float):
        """A date naming the period [a, b); early/mid/late and by/since on the left."""
        L, fl = self.L, self.floor
        k = first - 1
        mod = None
        if k >= fl:
            w = L[k]
            if w in _DASHES and k - 1 >= fl and self.glued(k - 1, k) and L[k - 1] in (
                    "mid", "early", "late", "end", "start", "pre", "post"):
                mod = L[k - 1]
                k -= 2
            elif w in ("mid", "early", "late"):
                mod = w
                k -= 1
            elif w == "of" and k - 1 >= fl and L[k - 1] in ("end", "start", "beginning",
                                                             "middle"):
                mod = L[k - 1]
                k -= 2
                if k >= fl and L[k] == "the":
                    k -= 1
        qual = None
        if mod in ("pre", "post"):
            qual = "before" if mod == "pre" else "after"
            mod = None
        elif k >= fl:
            w = L[k]
            if w in ("by", "until", "till"):
                qual, k = "by", k - 1
            elif w == "before":
                qual, k = "before", k - 1
            elif w == "since":
                qual, k = "since", k - 1
            elif w == "after":
                qual, k = "after", k - 1
            elif w == "than" and k - 2 >= fl and L[k - 1] == "later" and L[k - 2] == "no":
                qual, k = "by", k - 3
        span = b - a
        lo, hi, v = a, b, a
        if mod in ("early", "start", "beginning"):
            lo, hi = a, a + span / 3
            v = (lo + hi) / 2
            mod = "early"
        elif mod in ("mid", "middle"):
            lo, hi = a + span / 4, a + 3 * span / 4
            v = a + span / 2
            mod = "mid"
        elif mod in ("late", "end"):
            lo, hi = b - span / 3, b
            v = (lo + hi) / 2
            mod = "late"
        return self.make(k + 1, end, v, lo, hi, qual or mod, "date", "date",
                         event=self.date_anchor(k + 1)), end + 1

    def date_anchor(self, first: int) -> str | None:
        """Does the date say when something started or when it ends? ("began in 2022")"""
        L = self.L
        k = first - 1
        stop = max(self.floor, first - 8)
        while k >= stop:
            w = L[k]
            if w in (",", ";", ":", "(", ")", "and", "but"):
                return None
            a = _DATE_ANCHORS.get(w)
            if a:
                return a
            k -= 1
        return None


def _measure_unit(raw: str) -> str | None:
    w = " ".join(raw.lower().replace(".", "").split())
    if w.startswith("cubic"):
        return "m3"
    if w.startswith("square kilomet") or w in ("sq km", "sqkm", "km2"):
        return "km2"
    if w.startswith("square mile") or w.startswith("sq mi") or w.startswith("sqmi"):
        return "sq mi"
    if w.startswith("square met"):
        return "m2"
    if w.startswith("hectare"):
        return "ha"
    if w.startswith("acre"):
        return "acre"
    if w in ("km/h", "kph"):
        return "km/h"
    if w == "mph":
        return "mph"
    if w.startswith("knot"):
        return "knot"
    if w.startswith("nautical"):
        return "nmi"
    if w.startswith("kilomet") or w == "km":
        return "km"
    if w.startswith("mile"):
        return "mile"
    if w.startswith("centimet") or w == "cm":
        return "cm"
    if w.startswith("millimet") or w == "mm":
        return "mm"
    if w.startswith("met"):
        return "m"
    if w in ("feet", "foot", "ft"):
        return "ft"
    if w.startswith("inch"):
        return "inch"
    if w.startswith("kilo") or w == "kg":
        return "kg"
    if w.startswith("tonne") or w.startswith("ton"):
        return "tonne"
    if w.startswith("pound") or w.startswith("lb"):
        return "lb"
    if w.startswith("gram"):
        return "g"
    if w.startswith("lit"):
        return "l"
    if w.startswith("gallon"):
        return "gallon"
    if w.startswith("barrel"):
        return "barrel"
    if w.startswith("megawatt") or w == "mw":
        return "mw"
    if w.startswith("gigawatt") or w == "gw":
        return "gw"
    if w in ("kwh", "mwh", "gwh", "twh"):
        return w
    if w.startswith("degree"):
        if w.endswith(("celsius", " c")):
            return "°c"
        if w.endswith(("fahrenheit", " f")):
            return "°f"
        return "degree"
    if w.startswith("°"):
        return "°" + w[-1]
    return None


_HUGE_RE = re.compile(r"\d[\d,.]{18,}")  # a run of digits no report states as a quantity


def read_quantities(text: str) -> list[Quantity]:
    """Every quantity in one sentence, in order (see the module docstring for conventions)."""
    if not text or not _MAYBE_RE.search(text):
        return []
    # Digit runs of 19 characters and more (serial numbers, a pasted hash, "9" x 400) are not
    # figures: masked, same length, so offsets stay true and no value overflows to infinity.
    if not _HUGE_RE.search(text):
        out = _Reader(text).run()
    else:
        out = _Reader(_HUGE_RE.sub(lambda m: "x" * len(m.group()), text)).run()
        for q in out:
            q.text = text[q.start : q.end]
    return [q for q in out if all(math.isfinite(v) for v in (q.value, q.low, q.high) if v is not None)]


# ----------------------------------------------------------------------------------------------
# Comparing
# ----------------------------------------------------------------------------------------------


def _family(q: Quantity) -> str:
    if q.kind == "measure":
        dim = _MEASURES.get(q.unit or "", (q.unit, 1.0))[0]
        return f"measure:{dim}"
    return q.kind


def _group(noun: str | None) -> str | None:
    if not noun:
        return None
    noun = noun.lower()
    if noun not in _GROUP:
        noun = _singular(noun)
    return _GROUP.get(noun, noun)


def _noun_of(q: Quantity) -> str | None:
    if q.kind in ("count", "ordinal"):
        return q.unit
    return q.noun


def _same_count(a: Quantity, b: Quantity) -> bool:
    ga, gb = _group(a.unit), _group(b.unit)
    ea, eb = a.event, b.event
    who_a = ga if ga not in _OUTCOME else None
    who_b = gb if gb not in _OUTCOME else None
    out_a = _OUTCOME.get(ga or "") or ea
    out_b = _OUTCOME.get(gb or "") or eb
    if who_a and who_b and who_a != who_b:
        return False
    if out_a and out_b and out_a != out_b:
        return False
    # one names who was counted, the other only what happened: not provably the same
    if who_a and not who_b and gb and not out_a:
        return False
    if who_b and not who_a and ga and not out_b:
        return False
    return True


def same_thing(a: Quantity, b: Quantity) -> bool:
    """True when a and b (from sentences making the same claim) count the same thing."""
    if _family(a) != _family(b):
        return False
    if a.kind == "count":
        return _same_count(a, b)
    if a.kind == "date":
        ea, eb = a.event, b.event
        return not (ea and eb and ea != eb)
    if a.kind in ("duration", "age"):
        return True
    ga, gb = _group(_noun_of(a)), _group(_noun_of(b))
    return not (ga and gb and ga != gb)


def _factor(q: Quantity) -> float | None:
    if q.kind == "measure":
        return _MEASURES.get(q.unit or "", (None, None))[1]
    if q.kind == "duration":
        return _DURATIONS.get(q.unit or "")
    return 1.0


def _close(x: float, y: float, rel: float) -> bool:
    return abs(x - y) <= rel * max(abs(x), abs(y), 1e-12)


def _rounds_to(x: float, target: float) -> bool:
    p = _place(target)
    return _close(math.floor(x / p + 0.5) * p, target, 1e-9)


def _compatible(x: float, y: float) -> bool:
    """Two hedged figures that may be roundings of one number: 4,700 and 4,683; 600 and 620."""
    if _close(x, y, 1e-9):
        return True
    return _close(x, y, 0.1) and (_rounds_to(x, y) or _rounds_to(y, x))


_OPEN_HIGH = {"nearly", "under"}
_OPEN_LOW = {"over"}


def _overlap(qa, alo, ahi, qb, blo, bhi) -> bool:
    if ahi < blo - _EPS * max(1, abs(blo)) or bhi < alo - _EPS * max(1, abs(alo)):
        return False
    if _close(ahi, blo, 1e-12) and ahi < bhi and (qa in _OPEN_HIGH or qb in _OPEN_LOW):
        return False
    if _close(bhi, alo, 1e-12) and bhi < ahi and (qb in _OPEN_HIGH or qa in _OPEN_LOW):
        return False
    return True


def _power_of_ten(x: float, y: float) -> bool:
    if x <= 0 or y <= 0:
        return False
    r = math.log10(max(x, y) / min(x, y))
    k = round(r)
    return k >= 1 and abs(r - k) < 0.005


def compare(a: Quantity, b: Quantity) -> str | None:
    """None when a and b agree; else "value", "qualifier", "unit" or "date". Symmetric."""
    if a.kind == "date" or b.kind == "date":
        return _compare_dates(a, b) if a.kind == b.kind else DATE
    if _family(a) != _family(b):
        return UNIT
    if a.kind == "ordinal":
        return None if _close(a.value, b.value, 1e-9) else VALUE
    if a.unit != b.unit and a.kind in ("money", "percent"):
        return UNIT
    fa, fb = _factor(a), _factor(b)
    converted = a.unit != b.unit
    if fa is None or fb is None:
        if converted:
            return UNIT
        fa = fb = 1.0
    av, alo, ahi = a.value * fa, a.low * fa, a.high * fa
    bv, blo, bhi = b.value * fb, b.low * fb, b.high * fb
    qa, qb = a.qualifier, b.qualifier
    tol = 0.02 if converted else 1e-9
    special = ("vague", "range")
    if qa not in special and qb not in special and _power_of_ten(av, bv):
        return UNIT
    if converted and _close(a.value, b.value, 1e-9) and not _close(av, bv, tol):
        return UNIT  # 100 km vs 100 miles
    if qa is None and qb is None:
        if _close(av, bv, tol) or _overlap(qa, alo, ahi, qb, blo, bhi):
            return None
        if converted and (_rounds_to(av, bv) or _rounds_to(bv, av)):
            return None
        return VALUE
    if qa is None or qb is None:
        e, lo, hi = (av, blo, bhi) if qa is None else (bv, alo, ahi)
        slack = tol * max(abs(lo), abs(hi), 1e-12)
        return None if lo - slack <= e <= hi + slack else VALUE
    if qa == qb:
        if qa in special:
            if _close(alo, blo, tol) and _close(ahi, bhi, tol):
                return None
            if qa == "vague":
                return VALUE
            contains = (alo <= blo and bhi <= ahi) or (blo <= alo and ahi <= bhi)
            return QUALIFIER if contains else VALUE
        return None if _compatible(av, bv) or _close(av, bv, tol) else VALUE
    if not _overlap(qa, alo, ahi, qb, blo, bhi):
        return VALUE
    if qa == "vague" or qb == "vague":
        return None  # "hundreds of" holds "some 600"
    if qa == "range" or qb == "range":
        return QUALIFIER
    return QUALIFIER if (_compatible(av, bv) or _close(av, bv, tol)) else VALUE


_UPPER = {"by", "before"}
_LOWER = {"since", "after"}


def _bound(q: Quantity) -> float:
    if q.qualifier == "by" or q.qualifier == "after":
        return q.high
    return q.low


def _compare_dates(a: Quantity, b: Quantity) -> str | None:
    ra, rb = a.qualifier == "relative", b.qualifier == "relative"
    if ra != rb:
        return None  # "last year" vs 2025: unknown without the publication date
    alo, ahi, blo, bhi = a.low, a.high, b.low, b.high
    if not ra and (a.value < 1000) != (b.value < 1000):
        # a date without a year: compare within the year, when the other is that precise
        other_lo, other_hi = (blo, bhi) if a.value < 1000 else (alo, ahi)
        if other_hi - other_lo >= 1 - 1e-9:
            return None
        base = math.floor(other_lo)
        if a.value < 1000:
            blo, bhi = blo - base, bhi - base
        else:
            alo, ahi = alo - base, ahi - base
    qa, qb = a.qualifier, b.qualifier
    da = "up" if qa in _UPPER else "down" if qa in _LOWER else None
    db = "up" if qb in _UPPER else "down" if qb in _LOWER else None
    if da is None and db is None:
        return None if (alo < bhi - 1e-9 and blo < ahi - 1e-9) else DATE
    if da == db:
        return None if abs(_bound(a) - _bound(b)) < 1 / 366 else DATE
    if da and db:  # by X vs since Y
        up, down = (a, b) if da == "up" else (b, a)
        return None if _bound(down) < _bound(up) else DATE
    d, p = (a, b) if da else (b, a)
    plo, phi = (blo, bhi) if da else (alo, ahi)
    if d.qualifier in _UPPER:
        return None if plo < _bound(d) - 1e-9 else DATE
    return None if phi > _bound(d) + 1e-9 else DATE


# ----------------------------------------------------------------------------------------------
# Labels
# ----------------------------------------------------------------------------------------------


def about(quantities: list[Quantity]) -> str:
    """A short label of what a group of quantities counts: "troops killed", "cost"."""
    if not quantities:
        return ""
    kind = Counter(q.kind for q in quantities).most_common(1)[0][0]
    qs = [q for q in quantities if q.kind == kind]
    if kind == "count":
        nouns = [q.unit for q in qs if q.unit]
        events = [e for q in qs if (e := q.event)]
        label = None
        if nouns:
            noun = Counter(nouns).most_common(1)[0][0]
            group = _group(noun)
            label = _GROUP_LABEL.get(noun) or _plural(noun)
            if group in _OUTCOME:
                return label
        event = Counter(events).most_common(1)[0][0] if events else None
        if event == "casualty":
            event = None
        if label and event:
            return f"{label} {event}"
        return label or event or "figure"
    nouns = [n for q in qs if (n := _noun_of(q))]
    noun = Counter(nouns).most_common(1)[0][0] if nouns else None
    if kind == "money":
        return noun or "cost"
    if kind == "percent":
        return noun or "share"
    if kind == "measure":
        return noun or _DIMENSION_LABEL.get(_family(qs[0]).split(":", 1)[1], "measure")
    if kind == "ordinal":
        return noun or "rank"
    if kind == "date":
        events = [e for q in qs if (e := q.event)]
        if events:
            return "start date" if Counter(events).most_common(1)[0][0] == "start" else \
                "completion date"
        return "date"
    return {"duration": "duration", "age": "age"}.get(kind, "figure")
