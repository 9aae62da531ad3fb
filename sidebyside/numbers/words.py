"""Word tables: spelled numbers, ordinals, fractions, vague amounts, months, hedges and currencies."""

from __future__ import annotations

import re

from .kinds import Qualifier as Q

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SMALL_WORDS = {**UNITS, **TEENS, **TENS}

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1e6,
}
ORD_UNITS = {k: v for k, v in ORDINALS.items() if v < 10}

# Denominators of spelled-out fractions ("two-thirds", "a quarter", "one-fifth").
DENOMS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7,
    "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}

VAGUE = {
    # word: (low, high) of "<word> of"
    "dozens": (24.0, 99.0),
    "scores": (40.0, 199.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "millions": (2e6, 9.99e6),
    "billions": (2e9, 9.99e9),
}

WEEKDAY_NAMES = {d: i for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}  # name -> place (Monday 0)
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

# Left hedges, by the lower-case words; the longest match wins.
HEDGES = {
    ("some",): Q.ABOUT, ("about",): Q.ABOUT, ("around",): Q.ABOUT, ("roughly",): Q.ABOUT,
    ("approximately",): Q.ABOUT, ("approx",): Q.ABOUT, ("an", "estimated"): Q.ABOUT,
    ("an", "approximate"): Q.ABOUT,
    ("estimated",): Q.ABOUT, ("circa",): Q.ABOUT, ("nearly",): Q.NEARLY, ("almost",): Q.NEARLY,
    ("close", "to"): Q.NEARLY, ("just", "under"): Q.NEARLY, ("just", "below"): Q.NEARLY,
    ("just", "shy", "of"): Q.NEARLY, ("just", "short", "of"): Q.NEARLY,
    ("a", "little", "under"): Q.NEARLY, ("slightly", "less", "than"): Q.NEARLY,
    ("slightly", "fewer", "than"): Q.NEARLY, ("more", "than"): Q.OVER, ("over",): Q.OVER,
    ("above",): Q.OVER, ("in", "excess", "of"): Q.OVER, ("well", "in", "excess", "of"): Q.OVER,
    ("upwards", "of"): Q.OVER, ("upward", "of"): Q.OVER, ("exceeding",): Q.OVER,
    ("greater", "than"): Q.OVER, ("just", "over"): Q.OVER, ("just", "above"): Q.OVER,
    ("well", "over"): Q.OVER, ("well", "above"): Q.OVER, ("slightly", "more", "than"): Q.OVER,
    ("a", "little", "over"): Q.OVER, ("well", "more", "than"): Q.OVER,
    ("at", "least"): Q.AT_LEAST, ("no", "fewer", "than"): Q.AT_LEAST,
    ("no", "less", "than"): Q.AT_LEAST, ("not", "less", "than"): Q.AT_LEAST,
    ("a", "minimum", "of"): Q.AT_LEAST, ("under",): Q.UNDER, ("less", "than"): Q.UNDER,
    ("fewer", "than"): Q.UNDER, ("below",): Q.UNDER, ("well", "under"): Q.UNDER,
    ("well", "below"): Q.UNDER, ("up", "to"): Q.UP_TO, ("as", "many", "as"): Q.UP_TO,
    ("as", "much", "as"): Q.UP_TO, ("as", "high", "as"): Q.UP_TO, ("as", "long", "as"): Q.UP_TO,
    ("as", "far", "as"): Q.UP_TO, ("peaked", "at"): Q.UP_TO,
    ("at", "most"): Q.UP_TO, ("no", "more", "than"): Q.UP_TO,
    ("not", "more", "than"): Q.UP_TO, ("a", "maximum", "of"): Q.UP_TO,
    # a penalty's ceiling or floor, as a charge carries it: "faces a maximum penalty of 10
    # years" is "up to 10 years" ("was given the maximum sentence of 25 years" is 25 years)
    **{("a", "maximum", w, "of"): Q.UP_TO for w in ("penalty", "sentence", "fine")},
    **{("a", "maximum", "prison", w, "of"): Q.UP_TO for w in ("sentence", "term")},
    **{("a", "minimum", w, "of"): Q.AT_LEAST for w in ("penalty", "sentence", "fine")},
    **{("a", "minimum", "prison", w, "of"): Q.AT_LEAST for w in ("sentence", "term")},
}
# Hedges written after the number: "600 or so", "600 or more".
POST_HEDGES = {
    ("or", "so"): Q.ABOUT, ("or", "more"): Q.AT_LEAST, ("or", "above"): Q.AT_LEAST,
    ("or", "over"): Q.AT_LEAST, ("and", "above"): Q.AT_LEAST, ("and", "over"): Q.AT_LEAST,
    ("or", "fewer"): Q.UP_TO, ("or", "less"): Q.UP_TO, ("and", "under"): Q.UP_TO,
    ("at", "least"): Q.AT_LEAST, ("at", "most"): Q.UP_TO, ("or", "older"): Q.AT_LEAST,
    ("or", "greater"): Q.AT_LEAST, ("or", "higher"): Q.AT_LEAST, ("or", "lower"): Q.UP_TO,
    ("and", "older"): Q.AT_LEAST, ("or", "younger"): Q.UP_TO, ("and", "younger"): Q.UP_TO,
}

CUR_SYMBOLS = {"$": "usd", "£": "gbp", "€": "eur", "¥": "jpy", "₹": "inr", "₩": "krw",
               "₽": "rub", "₴": "uah", "₪": "ils"}
DOLLAR_PREFIX = {"US": "usd", "U": "usd", "A": "aud", "AU": "aud", "C": "cad", "CA": "cad",
                 "HK": "hkd", "NZ": "nzd", "S": "sgd", "NT": "twd", "R": "brl"}
CUR_CODES = {
    "usd": "usd", "eur": "eur", "gbp": "gbp", "jpy": "jpy", "cny": "cny", "rmb": "cny",
    "chf": "chf", "inr": "inr", "rub": "rub", "uah": "uah", "krw": "krw", "cad": "cad",
    "aud": "aud", "rs": "inr",
}
CUR_WORDS = {
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
DOLLAR_ADJ = {"us": "usd", "american": "usd", "canadian": "cad", "australian": "aud",
              "singapore": "sgd", "taiwan": "twd", "zealand": "nzd", "kong": "hkd"}

PERCENT_RE = re.compile(
    r"\s?(?:(%)|(per\s?cent|percent|pct|(?<=\d)(?-i:pc))\b|(percentage\s+points?)\b)", re.I)
CUR_AFTER_RE = re.compile(
    r"\s+(?:(?:U\.S\.|US|American|Canadian|Australian|Singapore|Taiwan|New\s+Zealand|"
    r"Hong\s+Kong)\s+)?(dollars?|euros?|pounds?(?!\s+of\b)(?:\s+sterling)?|sterling|yen|yuan|"
    r"renminbi|rupees?|roubles?|rubles?|hryvnias?|hryvnas|shekels?|francs?|pesos?|won|liras?|"
    r"rand|naira|dirhams?|riyals?|ringgit|baht|rupiah|zlotys?|kronor|krona|kroner|krone)\b"
    r"|\s+(USD|EUR|GBP|JPY|CNY|RMB|CHF|INR|RUB|UAH|KRW|CAD|AUD)\b", re.I)
