"""Seeded, realistic news corpora for the benchmarks: one invented event told by many outlets.

Like a real folder of coverage: a few wire services each file their own wording of the event's
facts (so wires paraphrase each other), and every outlet runs paragraphs of one or two wires,
mostly in wire order but trimmed and now and then swapped, lightly edited (a word swapped, an
attribution dropped, a figure hedged, rounded or changed, small numbers spelled out), between
paragraphs of its own reporting (local people, quotes, figures nobody else has). Outlets add a
headline, a byline or dateline, and a footer (copyright, sign-off, "Read more" links).

`distinct=True` gives sources that share little: each tells its own event with its own people
and places, as a folder of unrelated stories would (for the near-linear growth curve).

All names, places and figures are invented by the generator.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

_SYL_A = "bar cal dun el fen gal har is kel lin mar nor oak pel quen ros sel tar ul ven wick yar".split()
_SYL_B = "ford mouth bury stead wick ton ham ley field brook dale moor port haven bridge cross".split()
_FIRST = (
    "Ana Ben Carla Dev Elena Farid Grace Hugo Ines Jonas Kira Liam Maren Nadia Omar Petra Rui "
    "Sara Tomas Uma Victor Wen Yusuf Zoe Alice Bruno Chidi Dana Emil Fiona Goran Hana Ivan Julia "
    "Kofi Lena Marek Nina Oskar Priya Aaron Beatriz Callum Delia Eamon Freya Gideon Helga Idris "
    "Jana Kasper Lucia Mateo Noor Orla Pavel Quentin Rosa Stellan Tamsin Ulrich Vera Wilf Xenia "
    "Yara Zeno Agnes Boris Cora Dario Edith Felix Gwen Hamid Isla Joost Keira Lars Mina Nico "
    "Olga Piers Rhea Soren Thea Umar Viggo Willa"
).split()
_LAST = (
    "Abbot Brennan Carrick Dray Ekdahl Fairlie Gorse Halloran Ibarra Jessop Kovac Lindqvist Mbeki "
    "Novak Okafor Pryce Quill Rasmussen Strand Tiernan Ulloa Varga Whitlow Xu Yardley Zeller "
    "Achterberg Baptiste Castell Dunmore Elwes Ferrante Gallagher Hollis Ito Jarvie Kaur Lachance"
).split()
_ROLES = [
    ("mayor", "the town council"), ("police chief", "police"), ("fire chief", "the fire service"),
    ("health minister", "the health ministry"), ("spokeswoman", "the regional government"),
    ("chief engineer", "the water board"), ("hospital director", "the general hospital"),
    ("union leader", "the transport union"), ("chief executive", "the port authority"),
    ("coroner", "the coroner's office"), ("emergency coordinator", "the civil protection agency"),
    ("school principal", "the district schools office"), ("spokesman", "the army"),
]
_EVENTS = [
    # (noun, what it did, cause, verb for places it hit)
    ("flood", "burst its banks", "days of heavy rain", "swamped"),
    ("fire", "tore through the old quarter", "a gas leak", "gutted"),
    ("storm", "brought down power lines", "gale-force winds", "battered"),
    ("explosion", "ripped through the chemical plant", "a faulty valve", "shook"),
    ("landslide", "buried the valley road", "saturated hillsides", "cut off"),
    ("derailment", "left eleven carriages on their sides", "a broken rail", "blocked"),
    ("ferry sinking", "capsized outside the harbour", "an overloaded car deck", "stunned"),
]
_NOUNS = (
    "road bridge school clinic warehouse pier market depot shelter station reservoir embankment "
    "terminal factory harbour ward runway pipeline substation library stadium barracks quarry "
    "tunnel footbridge granary courthouse campus hostel orchard mill"
).split()
_ADJ = (
    "main old new northern southern eastern western temporary damaged flooded closed "
    "municipal regional private disused makeshift overcrowded historic upper lower central"
).split()
_VERB_PAST = (
    "cleared|inspected|reopened|sealed off|evacuated|repaired|shored up|rebuilt|surveyed|"
    "patrolled|pumped out|closed|searched|cordoned off|reinforced|restored|drained|guarded"
).split("|")
_CREWS = (
    "emergency crews|volunteers|soldiers|engineers|divers|rescue teams|council workers|"
    "firefighters|police officers|contractors|medical staff|aid workers"
).split("|")
_THINGS_COUNTED = [
    ("homes", "damaged"), ("businesses", "closed"), ("schools", "shut"), ("flights", "cancelled"),
    ("vehicles", "destroyed"), ("families", "left homeless"), ("farms", "cut off"),
    ("households", "left without power"), ("patients", "treated"), ("roads", "closed"),
    ("bridges", "washed away"), ("care homes", "evacuated"), ("boats", "sunk"), ("shops", "looted"),
    ("trains", "halted"), ("hectares of crops", "ruined"), ("sheep", "drowned"), ("wells", "polluted"),
    ("phone masts", "knocked out"), ("pupils", "sent home"), ("prisoners", "moved"),
    ("tourists", "stranded"), ("hospital beds", "freed up"), ("power poles", "brought down"),
]
_CITIES = "Ashworth Brindle Calder Dunmere Eskham Fordley Greywater Holloway Ivybridge Kestle".split()
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTHS = "January February March April May June July August September October November".split()
_PREP = "near beside behind along outside below above across".split()
_WHEN = [
    "before dawn", "by nightfall", "within hours", "over the weekend", "by Wednesday evening",
    "late on Friday", "early on Sunday", "overnight", "by midday", "before the end of the week",
]
_OUTLET_A = "Valley Coastal Northern Harbour County Evening Morning Daily City Weekly".split()
_OUTLET_B = "Herald Gazette Courier Post Chronicle Echo Observer Telegraph Mercury Record Times".split()
_WIRE = ["Allied Press", "Continental News Agency", "Global Wire", "Metro News Service",
         "Pacific Press Association", "Northern Newswire", "United Report", "Eastern Press"]
_NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
                 9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}
# Light edits an outlet makes to wire copy (each applied now and then, one occurrence).
_SWAPS = [
    ("said.", "told reporters."), ("residents", "people"), ("about", "around"), ("more than", "over"),
    ("killed", "left dead"), ("officials", "authorities"), ("damage", "destruction"),
    ("Repairs", "Repair work"), ("handed out", "gave out"), ("could cost", "may cost"),
    ("shortly after", "soon after"), ("homes", "houses"), ("businesses", "shops"),
    ("people", "residents"), ("At least", "No fewer than"), ("injured", "wounded"),
]


_SYL_M = ["", "", "a", "en", "er", "il", "o", "wyn", "ing", "ar"]


def _place(rng: random.Random) -> str:
    return (rng.choice(_SYL_A) + rng.choice(_SYL_M) + rng.choice(_SYL_B)).capitalize()


def _surname(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return rng.choice(_LAST)
    return (rng.choice(_SYL_A) + rng.choice(_SYL_M) + rng.choice(_SUR_END)).capitalize()


_SUR_END = "son sen ley worth ridge well more ton ford ski ez ard ett ins er by".split()


def _person(rng: random.Random, used: set[str]) -> str:
    for tries in range(1000):
        name = f"{rng.choice(_FIRST)} {_surname(rng)}"
        if tries > 20:  # the plain names are used up: a middle initial
            name = name.replace(" ", f" {rng.choice('ABCDEFGHJKLMNPRSTVW')}. ")
        if name not in used:
            used.add(name)
            return name
    return name


@dataclass
class World:
    """One event: where, what, who, and the facts the wires report."""

    town: str
    region: str
    places: list[str]
    event: tuple[str, str, str, str]
    people: list[tuple[str, str, str]]  # name, role, organisation
    day: str
    facts: list[dict] = field(default_factory=list)

    @classmethod
    def make(cls, rng: random.Random, n_facts: int) -> World:
        names: set[str] = set()
        places: list[str] = []
        while len(places) < 10:
            p = _place(rng)
            if p not in places:
                places.append(p)
        roles = rng.sample(_ROLES, k=len(_ROLES))
        people = [(_person(rng, names), r, o) for r, o in roles]
        w = cls(
            town=places[0], region=places[1] + " Valley", places=places[2:], event=rng.choice(_EVENTS), people=people, day=rng.choice(_DAYS),
        )
        w.facts = [w._fact(rng, i) for i in range(n_facts)]
        return w

    # --------------------------------------------------------------- facts
    def _fact(self, rng: random.Random, i: int) -> dict:
        # Most facts are scenes told in a large vocabulary (so two facts rarely read alike);
        # some are the figures news stories repeat and disagree on.
        kinds = ["clause"] * 9 + ["evacuated", "quote", "money", "action", "counted",
                                  "background", "percent"]
        kind = "toll" if i == 0 else "time" if i == 1 else rng.choice(kinds)
        name, role, org = rng.choice(self.people)
        crew = rng.choice(_CREWS)
        thing = f"the {rng.choice(_ADJ)} {rng.choice(_NOUNS)}"
        place = rng.choice(self.places)
        return {
            "kind": kind, "name": name, "role": role, "org": org, "crew": crew, "thing": thing,
            "place": place, "prep": rng.choice(_PREP), "when": rng.choice(_WHEN),
            "verb": rng.choice(_VERB_PAST), "day": rng.choice(_DAYS),
            "n": rng.choice([rng.randint(12, 95), rng.randint(100, 990), rng.randint(1, 60) * 50]),
            "evac": rng.randint(3, 120) * 50,
            "m": rng.randint(2, 40), "amt": round(rng.uniform(1.2, 95.0), 1),
            "pct": rng.randint(3, 68), "year": rng.randint(1953, 2019),
            "hour": rng.randint(1, 11), "minute": rng.choice([5, 10, 15, 20, 30, 40, 45, 50]),
            "counted": rng.choice(_THINGS_COUNTED), "thing2": f"the {rng.choice(_NOUNS)}",
            "place2": rng.choice([p for p in self.places if p != place]),
            "subj": rng.choice(_CREWS) if rng.random() < 0.75 else f"{role} {name}",
            "verb2": rng.choice(_VERB_PAST2), "obj": _object(rng), "where": _where(rng, place),
            "when2": _when(rng), "attrib": rng.choice([org, org, org, name, f"{org} spokesman {_person(rng, set())}"]),
        }

    def render(self, f: dict, variant: int) -> str:
        """One fact as one wire service words it (variants paraphrase each other)."""
        ev, did, cause, hitv = self.event
        k, v = f["kind"], variant % 3
        n, m = f["n"], f["m"]
        name, role, org = f["name"], f["role"], f["org"]
        if k == "clause":
            return [
                f"{_cap(f['subj'])} {f['verb2']} {f['obj']} {f['where']} {f['when2']}, {f['attrib']} said.",
                f"{_cap(f['when2'])}, {f['subj']} {f['verb2']} {f['obj']} {f['where']}, according to "
                f"{f['attrib']}.",
                f"{_cap(f['attrib'])} said {f['subj']} had {f['verb2']} {f['obj']} {f['where']} {f['when2']}.",
            ][v]
        if k == "toll":
            return [
                f"At least {m} people were killed and {n} injured when the {ev} hit {self.town} "
                f"on {self.day}, {org} said.",
                f"The {ev} killed {m} people and injured {n} others in {self.town} on {self.day}, "
                f"according to {org}.",
                f"{_cap(org)} said {m} people had died and {n} were hurt after the {ev} struck "
                f"{self.town} on {self.day}.",
            ][v]
        if k == "evacuated":
            return [
                f"About {f['evac']:,} residents were evacuated from {f['place']} and {f['place2']} {f['when']}.",
                f"Authorities moved some {f['evac']:,} people out of their homes in {f['place']} and "
                f"{f['place2']} {f['when']}.",
                f"{_cap(f['when'])}, {f['evac']:,} residents of {f['place']} and {f['place2']} had been "
                f"evacuated, officials said.",
            ][v]
        if k == "quote":
            q = f"We {('will', 'cannot', 'must')[m % 3]} {('reopen', 'rebuild', 'abandon')[n % 3]} " \
                f"{f['thing']} {f['prep']} {f['place']} until {f['crew']} have {f['verb']} the site"
            return [
                f"\u201c{q},\u201d {role} {name} told reporters in {self.town}.",
                f"{name}, the {role}, said {f['crew']} had to finish their work before anyone could "
                f"go near {f['thing']} {f['prep']} {f['place']}.",
                f"\u201c{q},\u201d said {name}, {self.region}'s {role}.",
            ][v]
        if k == "money":
            return [
                f"{_cap(org)} estimated the damage to {f['thing']} in {f['place']} at "
                f"\u00a3{f['amt']} million.",
                f"Repairs to {f['thing']} in {f['place']} could cost as much as \u00a3{f['amt']} "
                f"million, {org} said.",
                f"The bill for {f['thing']} in {f['place']} was put at \u00a3{f['amt']}m by {org}.",
            ][v]
        if k == "action":
            return [
                f"{_cap(f['crew'])} {f['verb']} {f['thing']} {f['prep']} {f['place']} on "
                f"{f['day']}, {name} said.",
                f"On {f['day']}, {f['crew']} {f['verb']} {f['thing']} {f['prep']} {f['place']}.",
                f"{name} said {f['crew']} had {f['verb']} {f['thing']} {f['prep']} {f['place']} "
                f"by {f['day']}.",
            ][v]
        if k == "counted":
            noun, verb = f["counted"]
            return [
                f"{n:,} {noun} were {verb} in {f['place']}, {org} said.",
                f"{_cap(org)} said {n:,} {noun} in {f['place']} had been {verb}.",
                f"In {f['place']} alone, {n:,} {noun} were {verb}, according to {org}.",
            ][v]
        if k == "background":
            return [
                f"{f['place']} was last {hitv} by {_an(ev)} {ev} in {f['year']}, when {f['crew']} "
                f"{f['verb']} {f['thing']} for {m} weeks.",
                f"The last {ev} to hit {f['place']}, in {f['year']}, kept {f['thing']} shut for "
                f"{m} weeks.",
                f"In {f['year']} a {ev} closed {f['thing']} in {f['place']} for {m} weeks.",
            ][v]
        if k == "time":
            t = f"{f['hour']}:{f['minute']:02d} a.m."
            return [
                f"The {ev} {did} at about {t} on {self.day} after {cause}, {org} said.",
                f"According to {org}, the {ev} {did} shortly after {t} on {self.day}, following "
                f"{cause}.",
                f"{_cap(cause)} caused the {ev}, which {did} at {t} on {self.day}, {org} said.",
            ][v]
        # percent
        return [
            f"Traffic through {f['place']} fell {f['pct']}% in the week after the {ev}, {org} said.",
            f"{_cap(org)} said traffic through {f['place']} dropped by {f['pct']} per cent after the "
            f"{ev}.",
            f"The {ev} cut traffic through {f['place']} by {f['pct']}%, figures from {org} show.",
        ][v]

    def local(self, rng: random.Random, names: set[str]) -> str:
        """A sentence of an outlet's own reporting (now and then with a second clause)."""
        text = self._local(rng, names)
        if rng.random() < 0.5:
            text = (text[:-1] + f", {rng.choice(_CONJ)} {rng.choice(_CREWS)} {rng.choice(_VERB_PAST2)} "
                    f"{_object(rng)} {_where(rng, rng.choice(self.places))}.")
        return text

    def _local(self, rng: random.Random, names: set[str]) -> str:
        """A sentence of an outlet's own reporting: its own people, scenes and figures, drawn
        from a large vocabulary so that two outlets' own sentences rarely say the same thing."""
        who = _person(rng, names)
        place = rng.choice(self.places)
        roll = rng.random()
        if roll < 0.25:
            return (f"\u201c{_cap(rng.choice(_PRONOUNS))} {rng.choice(_MODALS)} {rng.choice(_VERB_BASE)} "
                    f"{_object(rng)} {_where(rng, place)},\u201d said {who}, "
                    f"{rng.choice([str(rng.randint(19, 88)), 'a ' + rng.choice(_JOBS), 'who lives in ' + place])}.")
        if roll < 0.45:
            return (f"{who}, {_an(j := rng.choice(_JOBS))} {j} from {place}, {rng.choice(_VERB_PAST2)} "
                    f"{_object(rng)} {_when(rng)}.")
        if roll < 0.6:
            return (f"{_cap(_object(rng))} {rng.choice(_PREP)} {place} {rng.choice(_STATE)} "
                    f"{_when(rng)}, {rng.choice(['', 'neighbours said', 'witnesses said', who + ' said'])}"
                    .rstrip(", ") + ".")
        if roll < 0.75:
            n = rng.choice([rng.randint(3, 95), rng.randint(100, 900), rng.randint(2, 90) * 1000])
            return (f"{_cap(rng.choice(_CREWS))} {rng.choice(_VERB_PAST2)} {n:,} {rng.choice(_PLURALS)} "
                    f"{_where(rng, place)} {_when(rng)}.")
        if roll < 0.9:
            return (f"{who} {rng.choice(_VERB_PAST2)} {_object(rng)} {_where(rng, place)} "
                    f"{rng.choice(_CONJ)} {rng.choice(_CREWS)} {rng.choice(_VERB_PAST2)} {_object(rng)}.")
        return (f"{_cap(rng.choice(_PLURALS))} {rng.choice(_STATE)} in {place} {_when(rng)}, "
                f"{rng.choice(_CONJ)} {who} {rng.choice(_VERB_PAST2)} {_object(rng)}.")


_PRONOUNS = ["we", "they", "I", "nobody", "the council", "people here", "everyone"]
_MODALS = ["will", "cannot", "must", "should", "would never", "have to", "want to", "could"]
_VERB_BASE = (
    "rebuild repair replace abandon sell insure clear drain restock reopen protect leave guard "
    "inspect paint board up cover move repay forgive explain accept question fund replant"
).split(" ")
_VERB_PAST2 = (
    "salvaged|photographed|filmed|carried|dragged|loaded|unloaded|sorted|counted|stacked|collected|"
    "delivered|rescued|fed|sheltered|sandbagged|scrubbed|dried|burned|buried|towed|hauled|lifted|"
    "donated|borrowed|rented|bought|sold|mended|welded|pumped|hosed down|swept|boarded up|lost|"
    "recovered|found|spotted|heard|watched|warned|phoned|emailed|interviewed|thanked|blamed|sued|"
    "questioned|criticised|praised|visited|toured|mapped|measured|logged|posted|shared|printed"
).split("|")
_STATE = [
    "lay under a metre of water", "stood empty", "smelled of smoke", "were still without power",
    "reopened briefly", "were roped off", "were covered in silt", "had no running water",
    "were buzzing with volunteers", "stayed dark", "were littered with glass", "were eerily quiet",
    "filled with reporters", "hummed with generators", "were thick with mud", "sat abandoned",
]
_PLURALS = (
    "sandbags blankets mattresses generators pumps tents meals bottles photographs letters "
    "tractors boats ladders batteries torches sheep cattle horses dogs chickens beehives caravans "
    "bicycles pianos paintings books ledgers records computers phones radios lorries buses trailers "
    "freezers fridges sofas carpets windows doors fences gates hedges trees saplings crates barrels"
).split()
_NOUNS2 = (
    "allotment bakery barn bungalow boathouse butcher's cafe canal car park cemetery chapel "
    "chip shop cinema clock tower community centre cottage dairy dentist's surgery farmhouse "
    "fire station garage garden centre golf course greenhouse gym hardware store hotel kennels "
    "laundrette lighthouse marina museum newsagent's nursery office block petrol station "
    "playground post office pub railway arch rectory riding school rugby club sawmill "
    "scout hut shopping arcade signal box skate park swimming pool tannery theatre timber yard "
    "town hall toy shop veterinary practice vineyard water tower wedding venue windmill workshop"
).split(" ")
_JOBS = (
    "baker|bus driver|carpenter|chemist|cleaner|dairy farmer|dentist|electrician|fisherman|"
    "florist|gardener|hairdresser|joiner|landlord|librarian|mechanic|midwife|musician|painter|"
    "paramedic|plumber|postman|potter|publican|roofer|shepherd|shopkeeper|solicitor|surveyor|"
    "tailor|teacher|translator|vet|welder|widow|pensioner|student|priest|vicar|builder"
).split("|")
_CONJ = ["while", "after", "before", "as", "because", "even though", "just as", "once"]


def _object(rng: random.Random) -> str:
    return f"the {rng.choice(_ADJ2)} {rng.choice(_NOUNS2)}" if rng.random() < 0.6 else \
        f"{rng.choice(['two', 'three', 'a dozen', 'several', 'dozens of', 'hundreds of', 'the last'])} " \
        f"{rng.choice(_PLURALS)}"


def _where(rng: random.Random, place: str) -> str:
    return rng.choice([
        f"in {place}", f"{rng.choice(_PREP)} the {rng.choice(_NOUNS2)} in {place}",
        f"on {_street(rng)}", f"at the {rng.choice(_NOUNS2)}", f"outside {place}",
    ])


def _street(rng: random.Random) -> str:
    return f"{_surname(rng)} {rng.choice(['Street', 'Road', 'Lane', 'Row', 'Walk', 'Way'])}"


def _when(rng: random.Random) -> str:
    return rng.choice([
        *_WHEN, f"on {rng.choice(_DAYS)}", f"on {rng.choice(_DAYS)} {rng.choice(['morning', 'night', 'afternoon'])}",
        f"for {rng.randint(2, 40)} hours", f"until {rng.randint(1, 11)} p.m.", "all week",
        f"since {rng.choice(_MONTHS)}", "at first light", "in the dark",
    ])


_ADJ2 = (
    "ruined waterlogged scorched boarded-up half-built listed thatched Victorian Georgian "
    "red-brick whitewashed derelict family-run busy sleepy crowded flooded roofless mud-caked "
    "brand-new century-old tiny vast narrow steep crumbling freshly painted"
).split(" ")


def _an(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _edit(rng: random.Random, sentence: str, rate: float) -> str:
    """An outlet's light edit of a wire sentence (or none)."""
    if rng.random() > rate:
        return sentence
    roll = rng.random()
    if roll < 0.35:  # a figure changed (a disagreement), hedged, or spelled out
        nums = list(re.finditer(r"(?<![\d.:,£])\d[\d,]*(?:\.\d)?(?![\d:])", sentence))
        if nums:
            mt = rng.choice(nums)
            raw = mt.group().replace(",", "")
            value = float(raw)
            how = rng.random()
            if how < 0.4 and value >= 10:
                new = value * rng.choice([0.8, 0.9, 1.1, 1.2, 1.5])
                text = f"{new:.1f}" if "." in raw else f"{round(new):,}"
            elif how < 0.7 and value >= 20 and "." not in raw and value < 2000:
                text = rng.choice(["about ", "more than ", "nearly ", "some "]) + mt.group()
                if sentence[max(0, mt.start() - 6) : mt.start()].strip().lower() in ("about", "some"):
                    text = mt.group()
            elif int(value) == value and int(value) in _NUMBER_WORDS:
                text = _NUMBER_WORDS[int(value)]
            else:
                text = mt.group()
            return sentence[: mt.start()] + text + sentence[mt.end() :]
    if roll < 0.75:
        for a, b in rng.sample(_SWAPS, k=len(_SWAPS)):
            pat = rf"\b{re.escape(a)}" + ("" if a.endswith(".") else r"\b")
            if re.search(pat, sentence):
                return re.sub(pat, b, sentence, count=1)
    # attribution dropped
    cut = re.sub(r",\s+(according to [^,.]+|[\w' ]{3,40} said|said [\w' ]{3,40})\.$", ".", sentence)
    return cut


@dataclass
class Corpus:
    files: dict[str, str]  # file name -> text
    words: int


def _wire_paragraphs(world: World, rng: random.Random, agency: int, size: int) -> list[list[str]]:
    """One wire story: the lede facts and `size` others, in the agency's wording and its own
    order, two or three sentences a paragraph."""
    rest = rng.sample(range(2, len(world.facts)), k=min(size, len(world.facts) - 2))
    order = [0, 1] + rest
    paras: list[list[str]] = []
    i = 0
    while i < len(order):
        k = rng.choice([1, 2, 2, 3, 3])
        paras.append([world.render(world.facts[j], agency + j) for j in order[i : i + k]])
        i += k
    return paras


def _outlet_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"The {rng.choice(_OUTLET_A)} {rng.choice(_OUTLET_B)}"
        if name not in used:
            used.add(name)
            return name


def _headline(world: World, rng: random.Random) -> str:
    ev = world.event[0]
    f0 = world.facts[0]
    return rng.choice([
        f"{_cap(ev)} kills {f0['m']} in {world.town}",
        f"{world.town} {ev}: death toll rises to {f0['m']}",
        f"{_cap(ev)} hits {world.town}, forcing thousands from homes",
        f"Dozens hurt as {ev} strikes {world.region}",
        f"{world.region} counts the cost of {ev}",
    ])


def _article(world: World, rng: random.Random, wires: list[list[list[str]]], words: int,
             own_share: float, outlet: str, names: set[str]) -> str:
    out: list[str] = [_headline(world, rng)]
    if rng.random() < 0.7:
        out.append(f"By {_person(rng, names)}, {rng.choice(['Staff Reporter', 'Correspondent', outlet])}")
    primary = rng.randrange(len(wires))
    secondary = rng.randrange(len(wires)) if len(wires) > 1 and rng.random() < 0.5 else None
    streams = {primary: 0}
    if secondary is not None and secondary != primary:
        streams[secondary] = rng.randrange(len(wires[secondary]) // 2 + 1)
    edit_rate = rng.uniform(0.1, 0.35)
    count = 0
    body: list[str] = []
    while count < words:
        if rng.random() < own_share or not streams:
            sents = [world.local(rng, names) for _ in range(rng.randint(1, 3))]
        else:
            w = rng.choice(list(streams))
            i = streams[w]
            if i >= len(wires[w]):
                del streams[w]
                continue
            streams[w] = i + 1 + (1 if rng.random() < 0.15 else 0)  # outlets trim paragraphs
            sents = [_edit(rng, s, edit_rate) for s in wires[w][i]]
            if len(sents) > 1 and rng.random() < 0.15:
                sents.pop(rng.randrange(len(sents)))
        para = " ".join(sents)
        body.append(para)
        count += len(para.split())
    for _ in range(len(body) // 8):  # now and then two neighbouring paragraphs swap
        j = rng.randrange(1, len(body)) if len(body) > 1 else 0
        if j:
            body[j - 1], body[j] = body[j], body[j - 1]
    if body and rng.random() < 0.6:
        body[0] = f"{world.town.upper()} ({outlet.removeprefix('The ')}) \u2013 " + body[0]
    out.extend(body)
    tail = rng.random()
    if tail < 0.4:
        out.append(f"Copyright 2025 {outlet}. All rights reserved.")
    elif tail < 0.7:
        out.append(f"Reporting by {_person(rng, names)}; Editing by {_person(rng, names)}")
    if rng.random() < 0.3:
        out.append("Read more:")
        out.append(f"{_cap(rng.choice(_NOUNS))} reopens in {rng.choice(world.places)} after {rng.randint(2, 9)} years")
    return "\n\n".join(out) + "\n"


WIRE_SHARE = 0.65  # about this share of an article is wire copy
COPIES = 8  # outlets carrying one wire fact, on average


def generate_corpus(sources: int, words: int, seed: int = 7, distinct: bool = False) -> Corpus:
    """`sources` articles of about `words` words each (see the module docstring)."""
    rng = random.Random(f"{seed}-{sources}-{words}-{distinct}")
    files: dict[str, str] = {}
    outlets: set[str] = set()
    names: set[str] = set()
    if distinct:
        for i in range(sources):
            world = World.make(rng, n_facts=2)
            wire = _wire_paragraphs(world, rng, rng.randrange(3), 0)
            outlet = _outlet_name(rng, outlets) if len(outlets) < 100 else f"Outlet {i}"
            text = _article(world, rng, [wire], words, 0.9, outlet, names)
            files[f"s{i:03d}_story.txt"] = text
    else:
        # Wire copy: about WIRE_SHARE of every article. The event has enough facts that each is
        # carried by about COPIES outlets, as in a real folder (the lede by every one of them).
        slots = sources * words * WIRE_SHARE / 22
        world = World.make(rng, n_facts=max(40, int(slots / COPIES)))
        story = int(words * 1.3 / 22)  # facts in one wire story: enough to fill an article
        stories = [_wire_paragraphs(world, rng, k % 3, story) for k in range(max(2, sources // 4))]
        for i in range(sources):
            outlet = _outlet_name(rng, outlets) if len(outlets) < 100 else f"Outlet {i}"
            own = rng.uniform(0.25, 0.45)
            text = _article(world, rng, stories, words, own, outlet, names)
            slug = re.sub(r"\W+", "_", outlet.removeprefix("The ").lower())
            ext = ".md" if i % 5 == 4 else ".txt"
            files[f"s{i:03d}_{slug}{ext}"] = text
    return Corpus(files, sum(len(t.split()) for t in files.values()))


def write_corpus(folder: Path, sources: int, words: int, seed: int = 7, distinct: bool = False) -> int:
    """Write a generated corpus into `folder`; returns its word count."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus = generate_corpus(sources, words, seed=seed, distinct=distinct)
    for name, text in corpus.files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return corpus.words


if __name__ == "__main__":  # print a sample article
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    c = generate_corpus(10, 1500)
    name = sorted(c.files)[n]
    print(name)
    print(c.files[name])
