"""Numeric disagreements a fact-checker can trust (issue 14): which figures are one quantity
(pairing, scope), how two readings of it compare (verdicts), and how each ≠ explains itself."""

from __future__ import annotations

import json

import pytest

from sidebyside import disagreements, figure_pairs, figure_verdicts, findings, report
from sidebyside import numbers as N
from sidebyside.engine import compare_folder


def q(sentence: str, text: str | None = None):
    """The quantity of `sentence` whose text contains `text` (the first one without it)."""
    qs = N.read_quantities(sentence)
    return next(x for x in qs if text is None or text in x.text)


def pair(s1: str, s2: str, t1: str | None = None, t2: str | None = None):
    return q(s1, t1), q(s2, t2)


# ---------------------------------------------------------------------------------- verdicts
@pytest.mark.parametrize("s1, s2", [
    ("Prices rose 0.43 percent in March.", "Prices rose 0.4 per cent in March."),
    ("The deal is worth $1.375 billion.", "The deal is worth $1.4 billion."),
    ("SARS has killed 296 people on the mainland.", "SARS has killed 300 people on the mainland."),
    ("The Nasdaq fell 2.86 percent.", "The Nasdaq fell 2.9 percent."),
])
def test_a_figure_rounded_to_its_own_precision_is_consistent(s1, s2):
    a, b = pair(s1, s2)
    verdict, note = N.judge(a, b)
    assert verdict is None and "rounded" in note
    assert N.compare(a, b) is None and N.compare(b, a) is None


def test_two_approximate_figures_in_other_units_agree_near_the_conversion():
    """"about 90 miles" is some 145 km: "about 150 kilometres" rounds the conversion; "about 100
    miles" (161 km) is not "about 170 km"."""
    a, b = pair("Tikrit is about 90 miles north of Baghdad.",
                "Tikrit is about 150 kilometres north of Baghdad.")
    assert N.compare(a, b) is None
    a, b = pair("Galileo travelled about 4.6 billion kilometres.",
                "Galileo travelled about 2.8 billion miles.")
    assert N.compare(a, b) is None
    a, b = pair("The town is about 100 miles away.", "The town is about 170 km away.")
    assert N.compare(a, b) == "value"


def test_rounding_is_not_stretched_to_a_different_claim():
    a, b = pair("The Red Sox offered $200 million.", "The Red Sox offered $184 million.")
    assert N.compare(a, b) == "value"  # 8% apart: not "200" rounded


def test_a_hedged_figure_holds_what_its_last_digit_leaves_out():
    """"some 34.7 million" of 34.75 million is cut short, not a second figure; "roughly $215
    million" of $212 million is, and "about 600" (written round) of 680 too."""
    a, b = pair("Holders tendered 34.75 million shares.", "Holders tendered some 34.7 million shares.")
    verdict, note = N.judge(a, b)
    assert verdict is None and "cut short" in note
    a, b = pair("The port cost $212 million.", "The port cost roughly $215 million.")
    assert N.compare(a, b) == "value"
    a, b = pair("The march drew 680 people.", "The march drew about 600 people.")
    assert N.compare(a, b) == "value"


def test_a_range_with_a_round_end_holds_the_figure_it_rounds():
    """"$1 billion to $2.8 billion" and "$952 million or $2.8 billion" are one range, its low end
    rounded; "300 to 500" does not hold 250."""
    a, b = pair("The deficit was estimated at $1 billion to $2.8 billion.",
                "The deficit was estimated at $952 million or $2.8 billion.")
    assert N.judge(a, b) == (None, "the same range, its ends rounded")
    a, b = pair("The deficit was estimated at $1 billion to $2.8 billion.",
                "The deficit was estimated at $952 million.")
    assert N.compare(a, b) is None
    a, b = pair("Between 300 and 500 people marched.", "Some 250 people marched.")
    assert N.compare(a, b) == "value"
    a, b = pair("Between 300 and 500 people marched.", "250 people marched.")
    assert N.compare(a, b) == "value"


@pytest.mark.parametrize("s1, s2", [
    ("The storm had winds of 60 miles an hour.", "The storm had winds of 60 mph."),
    ("Turnout was 52 per cent.", "Turnout was 52 percent."),
    ("The bailout is worth $110bn.", "The bailout is worth $110 billion."),
])
def test_one_unit_per_spelling(s1, s2):
    a, b = pair(s1, s2)
    assert N.compare(a, b) is None


@pytest.mark.parametrize("s1, s2", [
    ("He raised $80,000 for the campaign.", "He raised more than $80,000 for the campaign."),
    ("At least three people died in the fire.", "Three people died in the fire."),
    ("Shares of Genentech rose 2 percent.", "Shares of Genentech rose more than 2 percent."),
    ("He was offered up to $180 million.", "He was offered $180 million."),
])
def test_bare_vs_hedged_is_a_qualifier_difference(s1, s2):
    a, b = pair(s1, s2)
    assert N.compare(a, b) == "qualifier"
    assert N.compare(b, a) == "qualifier"


@pytest.mark.parametrize("s1, s2", [
    ("He gave at least $10,000 in straw donations.", "He gave more than $10,000 in straw donations."),
    ("More than 5,200 people were infected.", "More than 5,270 people were infected."),
])
def test_equivalent_lower_bounds_agree(s1, s2):
    a, b = pair(s1, s2)
    assert N.compare(a, b) is None


@pytest.mark.parametrize("s1, s2, verdict", [
    ("HP paid $13.2 billion for EDS.", "HP paid about $13 billion for EDS.", None),
    ("It costs $8 billion.", "It costs about $8 billion.", None),
    ("He spent over $10,000.", "He spent $10,977.74.", None),
    ("It cost $212 million.", "It cost roughly $215 million.", "value"),
    ("It unlocks $3.5 billion.", "It unlocks about $3.6 billion.", "value"),
    ("Trade was more than $34 billion.", "Trade was $33.4 billion.", "value"),
    # one hedge or vague amount inside the other agrees; two that only overlap do not
    ("Troops killed nearly two dozen militants.", "Troops killed about two dozen militants.", None),
    ("The fire threatened several hundred homes.", "The fire threatened hundreds of homes.", None),
    ("The fire threatened hundreds of homes.", "The fire threatened thousands of homes.", "value"),
    ("About a dozen police stood guard.", "More than a dozen police stood guard.", "qualifier"),
    ("Some 14,000 people fled.", "Over 14,000 people fled.", "qualifier"),
    ("Nearly 40 people fled.", "About 30 people fled.", "value"),
    ("Nearly 850 people were killed in the floods.", "About 1,000 people were killed in the floods.",
     "value"),
])
def test_hedges_that_hold_the_other_figure_agree_others_do_not(s1, s2, verdict):
    a, b = pair(s1, s2)
    assert N.compare(a, b) == verdict


# ----------------------------------------------------------------------------------- pairing
def ctx(quantity):
    return N.context(quantity, quantity._sentence)


def admit(s1, s2, t1=None, t2=None, link=0.6):
    a, b = pair(s1, s2, t1, t2)
    return figure_pairs._admit(a, ctx(a), b, ctx(b), link)


@pytest.mark.parametrize("s1, s2", [
    ("This raid seized 9 pistols, police said.", "In four raids so far, police seized 23 pistols."),
    ("The chain announced an expansion over the past two years, adding 40 stores.",
     "The chain announced closures over five years, shutting 40 stores."),
    ("The Nasdaq closed up 1.2 percent, police said.", "The Nasdaq was up 1.4 percent in early trading."),
])
def test_different_scopes_are_different_quantities(s1, s2):
    assert admit(s1, s2) is None


# Scope read from the sentence around a figure: (sentence a, sentence b, figure a, figure b,
# paired?). Each rule with a pair it parts and a pair it must leave together.
SCOPES = [
    # a storm's place at two moments; a clock on one side only, on the same day, says nothing
    ("By 10 p.m., Storm Ana was centered about 320 miles east of Brownsville.",
     "Early Monday, the center of Storm Ana was about 300 miles east of Brownsville.",
     "about 320 miles", "about 300 miles", False),
    ("At 5 p.m., Storm Ana was about 300 miles east of Brownsville, forecasters said.",
     "At 11 p.m., Storm Ana was about 250 miles east of Brownsville, forecasters said.",
     "about 300 miles", "about 250 miles", False),
    ("The storm killed 40 people in Florida on Monday, officials said at a 5 p.m. briefing.",
     "The storm killed 45 people in Florida on Monday, officials said.",
     "40 people", "45 people", True),
    # periods named differently; one period named alike
    ("During the fiscal second quarter, Ardco earned $991 million, the company said.",
     "Ardco earned $987 million for the quarter ending in April, the company said.",
     "$991 million", "$987 million", False),
    ("Ardco earned $50 million in the quarter ended Sept. 30, the company said.",
     "Ardco earned $60 million in the quarter ended in September, the company said.",
     "$50 million", "$60 million", True),
    ("Ardco's boss made $721,154 in salary in the prior fiscal year.",
     "Ardco's boss made $770,962 in salary in fiscal 2003.", "$721,154", "$770,962", False),
    # last year's result vs this year's: one sentence names the period a year before
    ("Ardco posted a net income of $41.5 million, or 19 cents a share, in the quarter ended "
     "June 2.", "That was up from the year-ago quarter, when Ardco earned $33.1 million.",
     "$41.5 million", "$33.1 million", False),
    ("Compared with the same quarter last year, Ardco earned $510 million on sales of $3.9 "
     "billion.", "Ardco earned $540 million on sales of $3.7 billion for the quarter ending in "
     "March.", "$510 million", "$540 million", False),
    ("In the year-ago quarter Ardco earned $33.1 million, it said.",
     "Ardco earned $35.2 million in the same quarter last year.", "$33.1 million",
     "$35.2 million", True),
    ("Ardco hired 300 people, up from the year-ago quarter.", "Ardco hired 350 people.",
     "300 people", "350 people", True),
    # distances from two places; a name said longer is one place; only lengths have a place
    ("Storm Ana was centered about 70 miles southwest of St. Petersburg, forecasters said.",
     "Storm Ana was centered about 75 miles southwest of Cedar Key, forecasters said.",
     "about 70 miles", "about 75 miles", False),
    ("The convoy stopped 40 miles north of Ardley City on Monday, officials said.",
     "The convoy stopped 50 miles north of Ardley on Monday, officials said.",
     "40 miles", "50 miles", True),
    ("Gates sold 5 million shares of Microsoft on Monday, a filing showed.",
     "Gates sold 6 million shares of Microsoft Corp. on Monday, a filing showed.",
     "5 million shares", "6 million shares", True),
    # a count of others beside those the sentence names is not the whole count; "others" as
    # a noun ("50 killed and 53 others wounded") is the whole count of its own group
    ("The blasts injured Maria Ardo and more than 100 other people, police said.",
     "The blasts injured more than 150 people, police said.",
     "more than 100 other people", "more than 150 people", False),
    ("Britz met the other two unions on Monday at the Dunmore plant.",
     "Britz met three unions on Monday at the Dunmore plant.", "two unions", "three unions", False),
    ("The blasts killed Maria Ardo and five other people at the Dunmore plant.",
     "The blasts killed Jan Holm and seven other people at the Dunmore plant.",
     "five other people", "seven other people", True),
    ("The gunman killed 50 people and at least 53 others were wounded at the club, police said.",
     "The gunman killed 50 people and 60 were wounded at the club, police said.",
     "at least 53", "60", True),
    ("Security forces killed at least 51 Brotherhood supporters in Cairo on Monday.",
     "Security forces killed at least 42 supporters of the Brotherhood in Cairo on Monday.",
     "at least 51", "at least 42", True),
    ("The storm killed 12 people in Pellmouth, other estimates said.",
     "The storm killed 15 people in Pellmouth, officials said.", "12 people", "15 people", True),
    # a part "of them" pairs only with a part; "of those surveyed" is no part
    ("At least 36 deaths have been blamed on the storm, 20 of them in Virginia.",
     "Nine deaths were blamed on the storm in Virginia and Maryland.", "20", "Nine deaths", False),
    ("Exactly 60 percent of those surveyed backed the plan, the Gallup poll found.",
     "Exactly 68 percent of voters surveyed backed the plan, the Gallup poll found.",
     "60 percent", "68 percent", True),
    # only the figures of a move to a price quoted in cents are quotes
    ("Acme said on Tuesday it would cut 2,000 jobs and shut three plants next year as demand for "
     "its printers slumped, and its stock fell 1.3 percent to $12.43.",
     "Acme said on Tuesday it would cut 3,000 jobs and shut three plants next year.",
     "2,000 jobs", "3,000 jobs", True),
    ("News Corp fell 1.3 percent to A$12.43 after a weak night overseas.",
     "News Corp fell two percent to A$12.34 after a weak night overseas.",
     "1.3 percent", "two percent", False),
    ("News Corp fell 1.3 percent to A$12.43 after a weak night overseas.",
     "News Corp fell two percent to A$12.34 after a weak night overseas.",
     "A$12.43", "A$12.34", False),
    ("The median price of a home rose 5 percent to $245,000 in March, realtors said.",
     "The median price of a home rose 8 percent to $265,000 in March, realtors said.",
     "$245,000", "$265,000", True),
    ("Ardco said sales rose 7 percent to $645 million in the year.",
     "Ardco said sales rose 9 percent to $660 million in the year.",
     "$645 million", "$660 million", True),
    # what a company earned vs what analysts expected, in the figure's own clause
    ("Ardco's first quarter saw a profit of 29 cents a share on revenue of $17.9 billion.",
     "Analysts expected a profit of 27 cents a share on revenue of $17.7 billion.",
     "$17.9 billion", "$17.7 billion", False),
    ("Leaving out one-off items, Ardco made a profit of 6 cents a share, it said.",
     "Leaving out one-off items, Ardco expects a profit of 11 cents a share, it said.",
     "6 cents", "11 cents", False),
    ("Ardley was expected to win easily, outraising his rival $5.4 million to $200,000.",
     "With just over $200,000 raised, his rival won the primary on Tuesday.",
     "$200,000", "just over $200,000", True),
    # sums or shares a quarter apart or more, each said with words of its own, are two
    # quantities; said alike, or closer, one figure two outlets disagree on
    ("Ardco's chief executive, Ed Britz, received compensation of $3.77 million, the filing said.",
     "Its founder, Jan Holm, made $5.8 million in 2001, the filing said.",
     "$3.77 million", "$5.8 million", False),
    ("About 24 percent of the men who took the placebo developed the disease.",
     "Some 18 percent of the men who took the drug developed the disease.",
     "About 24 percent", "18 percent", False),
    ("About 24 percent of the men who took the pill developed the disease.",
     "Some 18 percent of the men who took the pill developed the disease.",
     "About 24 percent", "18 percent", True),
    ("Hurricane Dana caused $3 billion in insured losses, the firm estimated.",
     "The firm put insured losses from Hurricane Dana at $4.5 billion.",
     "$3 billion", "$4.5 billion", True),
    ("The poll found 38 percent of voters approve of Governor Lind.",
     "The poll found 48 percent of voters approve of Governor Lind.",
     "38 percent", "48 percent", True),
    # one act in two tenses ("selling" / "sold") is said alike: the same sale's price
    ("Ardco owned Lindmart before selling the chain to Pellco in 1998 for $2.5 billion.",
     "Ardco bought Lindmart in 1995 for $693 million and sold it to Pellco for $1.8 billion.",
     "$2.5 billion", "$1.8 billion", True),
    ("Ardco's chief executive received $5.2 million in pay last year, the filing showed.",
     "Ardco's chief executive made $5.8 million last year, the filing showed.",
     "$5.2 million", "$5.8 million", True),
    # a rate said after the figure (at the sentence's end too) or before it ("weekly salary")
    ("Beckham will receive a salary, earning him about $220,000 a game.",
     "Beckham will pocket a weekly salary of about $213,000.", "about $220,000",
     "about $213,000", False),
    ("His annual pay and bonus will be at least $2.4 million a year.",
     "His annual pay and bonus will be $1.4 million.", "at least $2.4 million", "$1.4 million",
     False),
    ("Beckham will pocket a weekly salary of about $220,000, his agent said.",
     "Beckham will pocket a weekly salary of about $213,000.", "about $220,000",
     "about $213,000", True),
    # a rate word before a figure marks it only against another rate ("annual" vs none: alike)
    ("The annual march drew 20,000 people, police said.", "The march drew 50,000 people.",
     "20,000 people", "50,000 people", True),
    ("Annual revenue at the chain is about $15.8 billion.",
     "The chain has $16.8 billion in annual revenue.", "about $15.8 billion", "$16.8 billion",
     True),
    ("The chain's annual revenue is about $15.8 billion.",
     "The chain has $16.8 billion in annual revenue.", "about $15.8 billion", "$16.8 billion",
     True),
    ("Ardco will lay off 5,000 hourly workers, it said.", "Ardco will lay off 4,000 workers.",
     "5,000 hourly workers", "4,000 workers", True),
]


@pytest.mark.parametrize(("s1", "s2", "t1", "t2", "paired"), SCOPES)
def test_scope_read_around_a_figure(s1, s2, t1, t2, paired):
    assert bool(admit(s1, s2, t1, t2)) is paired


def test_bare_numerals_are_not_paired_with_counted_figures():
    # Sasha's age vs the aide's age: neither says what it counts
    assert admit("Sasha, 13, was criticised by the aide.", "The aide, 31, apologised to Sasha.") is None


def test_an_age_set_off_by_commas_is_the_age_of_who_comes_before_it():
    """"Paul Ardley, 30, was charged" / "Paul Ardley, 32, was charged": one man's age told two
    ways; Sasha's 13 and the aide's 31 are two people's; a list of figures is no age."""
    a, b = pair("Paul Ardley, 30, was charged Tuesday with murder in five slayings.",
                "Paul Ardley, 32, was charged Tuesday with murder in five city slayings.", "30", "32")
    assert (a.kind, a.noun, b.noun) == ("age", "paul ardley", "paul ardley")
    # two men of one surname
    c, d = pair("The hijackers were Luis Suarez Acosta, 22, and others.",
                "The hijackers were Yosvani Martinez Acosta, 27, and others.", "22", "27")
    assert figure_pairs._pairs([c], [d], 0.9) == []
    # the surname alone, at a second mention, is the same name
    c, d = pair("Paul Ardley, 30, was charged Tuesday with murder.",
                "Prosecutors said Ardley, 32, was charged Tuesday with murder.", "30", "32")
    assert figure_pairs._pairs([c], [d], 0.9)
    assert admit("Paul Ardley, 30, was charged Tuesday with murder in five slayings.",
                 "Paul Ardley, 32, was charged Tuesday with murder in five city slayings.", "30", "32")
    assert N.compare(a, b) == "value"
    from sidebyside.readable import reading
    assert reading(a.value, a.qualifier, a.unit, a.kind) == "aged 30"
    assert [q.kind for q in N.read_quantities("Prices rose in March, 30, 40 and 50.")] == ["count"] * 3


def test_figures_far_apart_are_not_one_figure():
    assert admit("Sun's shipments fell 2.9 percent in the quarter.",
                 "Shipments rose 37 percent in the quarter.") is None


def test_unlinked_sentences_pair_on_the_counted_noun_and_the_subject():
    s1 = "Durand filed a 31-page complaint against the campaign in federal court."
    s2 = "The 32-page complaint against the campaign was filed in federal court on Monday."
    a, b = pair(s1, s2, "31", "32")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None)
    a, b = pair("Police seized 12 rifles in Ohio.", "Voters elected 12 senators in Texas.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None) is None


def write(tmp_path, texts: dict[str, str]):
    tmp_path.mkdir(exist_ok=True)
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return compare_folder(tmp_path, use_cache=False)


_BASE = ("The city council met on Tuesday to discuss the flood defences along the river. "
         "Officials said the repairs would start next spring. ")


def test_no_transitive_bags(tmp_path):
    """Each disagreement is a set of figures every two of which were paired."""
    c = write(tmp_path, {
        "a.txt": _BASE + "Romney paid an effective tax rate of 14 percent last year.\n\n"
                 "The average rate over eight years was 20 percent, his aides said.\n",
        "b.txt": _BASE + "Romney paid an effective tax rate of 15 percent last year.\n\n"
                 "A charity received 10 percent of his income.\n",
    })
    for d in c.disagreements:
        values = {s.value for s in d.sides}
        assert not ({14, 15} <= values and (20 in values or 10 in values)), d.summary()


def test_a_disagreement_explains_itself_in_the_json_report(tmp_path):
    c = write(tmp_path, {
        "a.txt": _BASE + "Rescue crews pulled more than 40 people from rooftops in Lindmoor.\n",
        "b.txt": _BASE + "Rescue crews pulled 40 people from rooftops in Lindmoor.\n",
    })
    assert len(c.disagreements) == 1
    d = c.disagreements[0]
    assert d.kind == "qualifier"
    assert "more than 40 people" in d.why and "40 people" in d.why
    assert "Scope:" in d.why and "Paired because" in d.why
    data = json.loads(report.to_json(c))
    assert data["disagreements"][0]["why"] == d.why


def test_a_figure_written_differently_elsewhere_is_not_exclusive(tmp_path):
    c = write(tmp_path, {
        "a.txt": _BASE + "The agency paid $8.2 million to the contractor.\n",
        "b.txt": _BASE + "Records show a payment of $8,214,530 by the agency, the mayor confirmed.\n",
    })
    singles = [x.text for x in c.single_source_numbers()]
    assert not any("8.2" in t or "8,214,530" in t for t in singles), singles


def test_figures_in_a_disagreement_are_not_figures_only_one_source_gives(tmp_path):
    # Both outlets give the complaint's length, with different figures: each figure has its
    # counterpart, so neither is listed as exclusive; the pages are what is counted.
    c = write(tmp_path, {
        "a.txt": _BASE + "A 31-page complaint was filed in federal court by the contractor.\n",
        "b.txt": _BASE + "A 32-page complaint was filed in federal court by the contractor.\n",
    })
    [d] = c.disagreements
    assert d.kind == "value" and d.about == "complaint pages"
    assert "31 pages" in d.why and "32 pages" in d.why
    assert not any("page" in q.text for q in c.single_source_numbers())
    assert "None." in report.to_markdown(c).split("## Figures only one source gives")[1]


def test_unlinked_sentences_with_one_figure_paired_have_their_others_paired_too(tmp_path):
    # The dead and the injured of one storm, in two sentences that are not linked: the dead pair
    # by their noun and verb, and so do the injured (people, as the toll before them is).
    c = write(tmp_path, {
        "a.txt": _BASE + "The storm tore through the harbour district of Pellmouth on Friday, "
                 "killing at least seven people and injuring 40.\n",
        "b.txt": _BASE + "That storm killed at least six people, injured almost 50 and flattened "
                 "the fish market.\n",
    })
    _unlink_all(c)
    by_about = {d.about: d for d in c.disagreements}
    assert set(by_about) == {"people injured", "people killed"}, \
        [d.summary() for d in c.disagreements]
    assert {side.text for side in by_about["people injured"].sides} == {"40", "almost 50"}
    assert "both count people that did the same" in by_about["people killed"].why
    assert "same claim" not in by_about["people injured"].why + by_about["people killed"].why


def _unlink_all(c):
    """The engine links the sentences of so small a folder: unlink them all and find the
    disagreements again, as across sentences that are not linked."""
    for s in c.all_sentences():
        s.links = []
    findings.set_statuses(c)
    findings.read_numbers(c)
    findings.find_disagreements(c)


def test_a_second_figure_of_two_unlinked_sentences_pairs_as_on_a_link(tmp_path):
    """Once the dead of two unlinked sentences pair, the payouts they tell pair as a linked
    pair's figures would (two exact sums more than a digit apart never pair unlinked alone)."""
    c = write(tmp_path, {
        "a.txt": _BASE + "The storm tore through the harbour district of Pellmouth on Friday, "
                 "killing at least seven people, and insurers said they would pay out "
                 "$40,125,000.\n",
        "b.txt": _BASE + "That storm killed at least six people, flattened the fish market, and "
                 "insurers said they would pay out $45,250,000.\n",
    })
    _unlink_all(c)
    money = [d for d in c.disagreements if d.sides[0].text.startswith("$")]
    assert [sorted(side.text for side in d.sides) for d in money] == [["$40,125,000",
                                                                       "$45,250,000"]]
    assert "another figure of these two sentences is paired" in money[0].why


def test_the_detail_says_a_figure_told_otherwise_is_the_same_figure(tmp_path):
    from widgets.detail import detail_text

    c = write(tmp_path, {
        "a.txt": _BASE + "Unemployment in the county rose to 0.43 percent last month, the statistics "
                 "office said. The storm brought winds of 70 miles an hour to the coast.\n",
        "b.txt": _BASE + "Unemployment in the county rose to 0.4 per cent last month, the statistics "
                 "office said. The storm brought winds of 70 mph to the coast.\n",
    })
    assert not c.disagreements  # rounded, and one unit spelled two ways: no conflict
    rate = next(s for s in c.all_sentences() if "0.43 percent" in s.text)
    wind = next(s for s in c.all_sentences() if "70 miles an hour" in s.text)
    assert "b: “0.4 per cent”, the same figure rounded" in detail_text(c, rate.id).plain
    text = detail_text(c, wind.id).plain
    assert "b: “70 mph”, the same figure written another way" in text
    assert "read as 70 mph\n" in text  # an abbreviation takes no plural


def test_the_detail_reads_a_day_as_that_day(tmp_path):
    """"March 2, 2024" falls on a twelfth of a leap year, as "March 2024" does: the detail took it
    for the month while the disagreement's why named the day."""
    from widgets.detail import detail_text

    c = write(tmp_path, {
        "a.txt": _BASE + "The council voted on March 2, 2024 to close the bridge, officials said.\n",
        "b.txt": _BASE + "The bridge will reopen next spring, the council said.\n",
    })
    vote = next(s for s in c.all_sentences() if "March 2, 2024" in s.text)
    assert "“March 2, 2024” read as March 2, 2024" in detail_text(c, vote.id).plain


def test_the_detail_never_calls_two_sides_of_a_disagreement_the_same_figure(demo):
    from widgets.detail import detail_text

    [d] = [d for d in demo.disagreements if d.kind == "qualifier"]  # some 40 vs more than 40
    for side in d.sides:
        text = detail_text(demo, side.sentence).plain
        assert "≠ Numbers that disagree" in text and "the same figure" not in text


def test_pages_of_two_documents_are_two_quantities(tmp_path):
    c = write(tmp_path, {
        "a.txt": _BASE + "Prosecutors filed a 31-page indictment against Mayor Tom Reed in federal "
                 "court on Monday.\n",
        "b.txt": _BASE + "On Monday, defence lawyers for Mayor Tom Reed filed a 25-page motion in "
                 "federal court.\n",
    })
    assert not c.disagreements, [d.summary() for d in c.disagreements]


def test_the_detail_pairs_each_figure_with_its_own_counterpart(tmp_path):
    from widgets.detail import detail_text

    c = write(tmp_path, {
        "a.txt": _BASE + "The bus crash near Lyon killed 7 people and injured 40 people on Saturday, "
                 "police said.\n",
        "b.txt": _BASE + "The bus crash near Lyon killed seven people and injured 40 people on "
                 "Saturday, police said.\n",
    })
    s = next(s for s in c.all_sentences() if "killed 7 people" in s.text)
    text = detail_text(c, s.id).plain
    assert "b: “seven people”, the same figure written another way" in text
    assert "rounded" not in text and text.count("the same figure") == 1


def test_a_committee_of_168_members_counts_members(tmp_path):
    from sidebyside.numbers import read_quantities

    [q] = read_quantities("The 168-member committee will elect a chairman in January.")
    assert (q.value, q.unit, q.noun) == (168, "member", "committee")


def test_disagreements_are_the_same_from_run_to_run(tmp_path):
    # Figures were once ordered by id() (memory addresses): the sides and the why-text of a
    # disagreement changed between two runs of the same folder.
    import subprocess
    import sys

    from benchmarks.corpus import write_corpus

    write_corpus(tmp_path / "wire", 10, 1500)
    runs = []
    for seed in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-m", "sidebyside", str(tmp_path / "wire"), "--report", "json",
             "--no-cache", "--lexical"],
            capture_output=True, text=True, timeout=300,
            env={**__import__("os").environ, "PYTHONHASHSEED": seed},
        )
        assert out.returncode == 0, out.stderr
        data = __import__("json").loads(out.stdout)
        runs.append(data["disagreements"])
    assert runs[0] and runs[0] == runs[1]


def test_one_quantity_told_by_many_rewrites_is_one_disagreement(tmp_path):
    # Cliques of figures are split by which rewrites were paired: the same conflict ("as much as
    # £50.3 million" vs "£36.1 million") came out as sixteen disagreements on ten rewrites.
    from benchmarks.corpus import write_corpus
    from sidebyside.engine import compare_folder

    write_corpus(tmp_path / "wire", 10, 1500)
    c = compare_folder(tmp_path / "wire", use_cache=False)
    assert c.disagreements

    def says(d):
        return frozenset((s.value, s.qualifier, s.unit) for s in d.sides)

    def where(d):
        return {(s.sentence, s.start) for s in d.sides}

    for i, d in enumerate(c.disagreements):
        for e in c.disagreements[i + 1:]:
            if d.kind == e.kind and where(d) & where(e):
                assert says(d) != says(e), (d.summary(), e.summary())


def test_the_unlinked_budget_is_shared_fairly_among_buckets():
    assert disagreements._shares([5, 100, 1, 40], 40) == [5, 17, 1, 17]
    assert disagreements._shares([3, 4], 100) == [3, 4]
    assert disagreements._shares([], 10) == []


def test_one_big_bucket_does_not_starve_the_others(tmp_path, monkeypatch):
    """A list of seizures compared pair by pair must leave budget for the page counts."""
    towns = ["Ardley", "Bexford", "Calder", "Dunmore", "Elsworth", "Fallow"]
    a_rows = "".join(f"Police seized {20 + i} rifles in {t} last winter.\n\n" for i, t in enumerate(towns))
    b_rows = "".join(f"In the {t} raid, officers found {40 + i} rifles.\n\n" for i, t in enumerate(towns))
    c = write(tmp_path, {
        "a.txt": _BASE + "\n\n" + a_rows + "Durand filed a 31-page complaint against the campaign.\n",
        "b.txt": _BASE + "\n\n" + b_rows + "The campaign ignored Durand for months, his 32-page complaint says.\n",
    })
    # every figure now in sentences that are not linked, and a budget the rifles alone exhaust
    monkeypatch.setattr(disagreements, "MAX_UNLINKED_PAIRS", 12)
    for s in c.all_sentences():
        s.links = []
    findings.find_disagreements(c)
    assert any({31, 32} <= {s.value for s in d.sides} for d in c.disagreements), \
        [d.summary() for d in c.disagreements]


@pytest.mark.parametrize("s1, s2", [
    ("The deal will lift the unit's share of sales to 45 percent from 23 percent.",
     "The deal will lift the unit's share of sales by around 45 percent to some one-third of the total."),
    ("Membership in the club grew from 120 people over the year.",
     "Membership in the club grew to 150 people over the year."),
])
def test_where_a_change_starts_and_where_it_ends_are_different_quantities(s1, s2):
    a, b = pair(s1, s2, "23" if "23" in s1 else None, "one-third" if "third" in s2 else None)
    assert N.different_scope(a, ctx(a), b, ctx(b))
    assert figure_pairs._pairs([a], [b]) == []


def test_up_to_and_close_to_are_hedges_not_the_end_of_a_change():
    a, b = pair("The Red Sox offered up to $180 million.", "The Red Sox offered $184 million.")
    assert not N.different_scope(a, ctx(a), b, ctx(b))
    a, b = pair("Rescuers said close to 300 people were missing.", "Rescuers said 310 people were missing.")
    assert not N.different_scope(a, ctx(a), b, ctx(b))


def test_shares_in_two_lists_pair_only_by_what_and_whose_they_are():
    s1 = "Among Ardley voters, 41 percent back the Greens, 24 percent the Farmers and 30 percent nobody."
    s2 = "Among Bexford voters, 29 percent back the Greens and 36 percent the Pirates."
    q1, q2 = N.read_quantities(s1), N.read_quantities(s2)
    assert figure_pairs._pairs(q1, q2, 0.6) == []  # other towns' shares, other parties' shares
    s3 = "Among Ardley voters, 38 percent back the Greens and 26 percent the Farmers."
    pairs = {(a.value, b.value) for a, b in figure_pairs._pairs(q1, N.read_quantities(s3), 0.6)}
    assert (41, 38) in pairs and (24, 26) in pairs and (41, 26) not in pairs


@pytest.mark.parametrize("s1, s2, verdict", [
    ("The preacher has dozens of children.", "The preacher has more than 100 children.", None),
    ("Hundreds of people were evacuated.", "Some 1,200 people were evacuated.", None),
    ("Dozens of people were evacuated.", "Some 400 people were evacuated.", "value"),
    ("Dozens of people were evacuated.", "Five people were evacuated.", "value"),
])
def test_a_vague_amount_is_loose_at_its_top(s1, s2, verdict):
    a, b = pair(s1, s2)
    assert N.compare(a, b) == verdict and N.compare(b, a) == verdict


def test_trade_between_countries_is_not_a_market_quote():
    s1 = "Ardland is the republic's 12th-largest trading partner, with two-way trade totaling more than $34 billion."
    s2 = "Ardland is the 12th-largest trading partner of the republic, with trade volume of $33.4 billion last year."
    a, b = pair(s1, s2, "$34", "$33.4")
    assert N.different_scope(a, ctx(a), b, ctx(b)) is None
    assert figure_pairs._pairs([a], [b]) and N.compare(a, b) == "value"
    # a share price still is one
    a, b = pair("Shares of Bexco rose 2 percent to $14 in early trading.", "Shares of Bexco closed at $13.")
    assert N.different_scope(a, ctx(a), b, ctx(b))


def test_a_source_that_gives_both_figures_tells_two_quantities(tmp_path):
    """Outlets giving one figure each do not disagree when a third gives both (a price with
    debt and without): they are two quantities, not one told two ways."""
    c = write(tmp_path, {
        "a.txt": _BASE + "Bexco agreed to buy Ardco for $13.9 billion, the companies said.\n",
        "b.txt": _BASE + "Bexco agreed to buy Ardco for $13.2 billion, the companies said.\n",
        "c.txt": _BASE + "Bexco agreed to buy Ardco for $13.2 billion, the companies said.\n\n"
                 "Including Ardco's debt, the deal is worth $13.9 billion.\n",
    })
    assert not any({13.9e9, 13.2e9} <= {s.value for s in d.sides} for d in c.disagreements), \
        [d.summary() for d in c.disagreements]
    c = write(tmp_path / "two", {
        "a.txt": _BASE + "Bexco agreed to buy Ardco for $13.9 billion, the companies said.\n",
        "b.txt": _BASE + "Bexco agreed to buy Ardco for $13.2 billion, the companies said.\n",
    })
    assert any({13.9e9, 13.2e9} <= {s.value for s in d.sides} for d in c.disagreements)


def test_a_source_that_gives_a_total_and_a_part_of_them_tells_two_quantities(tmp_path):
    """b gives the dead of the whole disaster and, "of them", those of one province; a's figure
    for the province does not disagree with b's total."""
    c = write(tmp_path, {
        "a.txt": _BASE + "Some 168,000 people were killed in Ardley province by the 2004 flood.\n",
        "b.txt": _BASE + "The 2004 flood killed more than 230,000 people, over 170,000 of them in "
                 "Ardley province.\n",
    })
    assert not any(230000 in {s.value for s in d.sides} for d in c.disagreements), \
        [d.summary() for d in c.disagreements]


def test_a_source_that_gives_both_figures_in_other_words_tells_two_quantities(tmp_path):
    c = write(tmp_path, {
        "a.txt": _BASE + "Bexco agreed to buy Ardco for $13.9 billion, the companies said.\n",
        "b.txt": _BASE + "Bexco agreed to buy Ardco for about $13 billion, the companies said.\n",
        "c.txt": _BASE + "Bexco agreed to buy Ardco for $13.2 billion, the companies said.\n\n"
                 "Including Ardco's debt, the deal is worth $13.9 billion.\n",
    })
    assert not any(len({s.value for s in d.sides}) > 1 and 13.9e9 in {s.value for s in d.sides}
                   for d in c.disagreements), [d.summary() for d in c.disagreements]


# ------------------------------------------------------------------------------ days of the week
@pytest.mark.parametrize("sentence, text, qualifier", [
    ("A council aide on Friday apologized for the post.", "Friday", None),
    ("The aide had to apologize Saturday for the post.", "Saturday", None),
    ("The vote is expected by Thursday.", "by Thursday", "by"),
    ("Saturday's match drew a record crowd.", "Saturday's", None),
    # right after a name, as news dates an act (a sweep of real dev sentences: 38 more days)
    ("Putin met Kim in Moscow Tuesday to discuss the bridge.", "Tuesday", None),
    ("Obama told reporters at the White House Tuesday that the bill would pass.", "Tuesday", None),
    ("The bombing in Kabul Monday killed 12 people.", "Monday", None),
    ("Protesters gathered outside Parliament Wednesday.", "Wednesday", None),
    ("He wrote on Twitter Sunday evening that he would run.", "Sunday", None),
])
def test_a_day_of_the_week_is_a_date(sentence, text, qualifier):
    (d,) = [x for x in N.read_quantities(sentence) if x.kind == "date"]
    assert (d.text, d.unit, d.qualifier) == (text, "weekday", qualifier)


@pytest.mark.parametrize("sentence", [
    "Good Friday was quiet in the valley.",
    "The Sunday Times reported the rift.",
    "Tuesday, 16 December 2008",
    "Published Friday, the statement drew replies.",
    "ARDLEY, Friday (Wirenews) - The council met.",
    "Shoppers crowded the malls on Black Friday.",
    "Clinton won most states on Super Tuesday.",
    'Graham told "Fox News Sunday," that talks had stalled.',  # a show's name
    "Readers of the Free Sunday newspapers wrote in.",  # a kind of paper
    "Obama Signs Bill Tuesday Night",  # a headline's capitals
    # found by a review of the rule: a club, a chain, nouns a weekday names a kind of
    "The board of Sheffield Wednesday met after the game.",
    "He ate at Ruby Tuesday on his way home.",
    "The story ran in the Scottish Sunday tabloid.",
    "Thousands attended Muslim Friday prayers.",
])
def test_a_weekday_in_a_name_or_a_stamp_is_not_a_day(sentence):
    assert not [x for x in N.read_quantities(sentence) if x.unit == "weekday"]


def test_two_days_for_one_act_disagree_a_day_for_another_act_does_not():
    s1 = "Ardley's mayor and his deputy were arrested Wednesday, the prosecutor confirmed."
    s2 = "Ardley's mayor and his deputy were arrested by police on Tuesday, the prosecutor said at a briefing Wednesday."
    q1, q2 = N.read_quantities(s1), N.read_quantities(s2)
    pairs = [(a.text, b.text, N.compare(a, b)) for a, b in figure_pairs._pairs(q1, q2, 0.6)]
    assert pairs == [("Wednesday", "Tuesday", "date")]
    # apologizing on Friday, resigning on Monday: two acts, two days
    a, b = pair("A council aide on Friday apologized for her post about the mayor.",
                "A council aide resigned Monday after her post about the mayor.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), 0.6, True) is None
    # "on Friday" vs a calendar date, or "by Friday" vs "on Thursday": nothing to say
    a, b = pair("The aide resigned on Friday.", "The aide resigned by Thursday.")
    assert N.compare(a, b) is None


def test_unlinked_sums_of_money_pair_on_the_words_of_their_sentences():
    """Two sums of money that say what they are of by the same words beside them ("military
    construction"), or in the same words of their sentences, are one quantity even when the
    sentences are not linked; a sum said in other words is not."""
    a, b = pair("The mayor would unlock money from the port's harbour construction budget, to the tune of $3.5 million.",
                "The declaration lets the mayor use about $3.6 million from harbour construction projects.")
    assert a.noun is None  # "to the tune of" says how much, not of what
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None)
    a, b = pair("Of that, $3 million could be diverted with help from the emergency declaration.",
                "The emergency declaration lets the mayor divert $3.6 million from harbour projects.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None)
    a, b = pair("Of that, $3 million could be diverted with help from the emergency declaration.",
                "The council also voted to spend $3.6 million on new buses.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None) is None
    # one sum says what it is of, the other does not: the words beside them decide
    a, b = pair("Expenses included $5,687.75 at the Lindmoor Lakeside Retreat and $300 at a toy shop.",
                "He spent the money on things like a $5,587.75 vacation at the Lindmoor Lakeside Retreat.",
                "5,687", "5,587")
    assert b.noun == "vacation" and a.noun is None
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None)


def test_anything_less_than_a_figure_names_the_figure():
    """"refused anything less than $5.7 billion" demands $5.7 billion: not a hedged figure, so
    no qualifier disagreement with "requested $5.7 billion"."""
    a = q("The mayor refused to accept anything less than $5.7 million for the seawall.")
    assert (a.text, a.qualifier) == ("$5.7 million", None)
    assert q("The seawall cost less than $5 million.").qualifier == "under"


def test_an_adverb_does_not_hide_what_happened():
    assert q("Two villagers were slightly injured in the quake.").event == "injured"
    assert q("Two villagers slightly injured in the quake were treated.").event == "injured"


def test_a_hedged_time_ago_keeps_its_hedge():
    a, b = pair("The inquiry into the mayor began more than two years ago with an audit.",
                "The inquiry into the mayor began two years ago with an audit.")
    assert a.text == "more than two years ago" and a.high <= b.low
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), 0.6, True)
    assert N.judge(a, b)[0] == "qualifier"
    a, b = pair("The inquiry began about two years ago.", "The inquiry began two years ago.")
    assert N.compare(a, b) is None


def test_two_spans_of_years_differ_by_their_ends():
    """"from 1967 to 1979" and "from 1966 to 1978" overlap but are two accounts of one term; a
    year inside a span is no conflict."""
    a, b = pair("Brooke served in the Senate from 1967 to 1979.",
                "Brooke held the seat from 1966 to 1978.")
    assert N.compare(a, b) == "date" and "span of time (from 1967 to 1979)" in disagreements._reading(a)
    a, b = pair("Brooke served in the Senate from 1967 to 1979.", "Brooke served in 1970.")
    assert N.compare(a, b) is None


def test_unlinked_years_pair_only_told_alike_and_a_year_apart():
    """Unlinked sentences dating one act: "has led House Democrats since 2002" / "since 2003"
    pair; "the 2014 ban" / "hunted from 2016 to 2018" and "the 2012 Oscars" / "host 2014 Oscars"
    are other dates (told otherwise, or too far apart for one date misreported)."""
    a, b = pair("Pelosi has led House Democrats since 2002, aides said.",
                "Pelosi, who has led House Democrats since 2003, spoke on Friday.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None) and N.compare(a, b) == "date"
    a, b = pair("The administration opted to lift the 2014 ban on elephants hunted in Zimbabwe.",
                "It would allow the import of elephants hunted in Zimbabwe from 2016 to 2018.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None) is None
    a, b = pair("The Academy picked Eddie Murphy to host the 2012 Oscars.",
                "The Academy picked Ellen DeGeneres to host the 2014 Oscars.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None) is None
    # two people's dates; days and dates without a year are not years
    a, b = pair("Pelosi, who has led the caucus since 2003, spoke on Friday.",
                "Schumer has led the caucus since 2002, aides said.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None) is None
    a, b = pair("Ardley was arrested on March 3, 2019, police said.",
                "Ardley was arrested on March 3, 2020, police said.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None) and N.compare(a, b) == "date"


def test_unlinked_sentences_dating_one_act_a_year_apart_disagree(tmp_path):
    c = write(tmp_path, {
        "fox.txt": "Ryan challenges Pelosi for House leadership\n\nRep. Tim Ryan of Ohio announced "
                   "Thursday that he will challenge Nancy Pelosi for the post of House Democratic "
                   "leader.\n\nPelosi has led House Democrats since 2002 and she says she has the "
                   "votes to win again.\n",
        "hpo.txt": "Tim Ryan launches bid against Nancy Pelosi\n\nOhio Rep. Tim Ryan said on "
                   "Thursday he would run against Nancy Pelosi to lead the Democrats in the House."
                   "\n\nFew analysts give the bid much chance: the California lawmaker, a "
                   "prodigious fundraiser who brought in more than $50 million for candidates this "
                   "cycle, has led House Democrats since 2003.\n",
    })
    [d] = c.disagreements
    assert d.kind == "date" and [s.text for s in d.sides] == ["since 2002", "since 2003"]
    assert not c.sentence(d.sides[0].sentence).links  # found across unlinked sentences
    assert "both date one act" in d.why


def test_a_slip_of_a_factor_of_ten_only_on_a_link():
    """"five people" hurt on Sunday and "almost 50" hurt in September, in sentences that are not
    linked, are two tolls, not a slip of a factor of ten; on a link they may be one."""
    a, b = pair("A quake hit the island on Sunday, injuring five people and damaging buildings.",
                "That temblor killed at least six people, injured almost 50 and caused damage.",
                "five", "almost 50")
    assert b.unit == "person" and N.compare(a, b) == "unit"
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None) is None
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), 0.9)


def test_figures_far_apart_are_one_figure_only_when_they_did_the_same():
    """Two and a half times apart is one figure misreported only when both count one noun that
    did the same ("people marched") or that two words beside both say the same of ("customers
    ... without power"); otherwise twice apart is the limit. A name with an abbreviation
    ("Corp.") between a figure and its noun does not hide the noun."""
    a, b = pair("Some 14,000 customers were without power in the area, Ardley Gas said.",
                "About 38,000 Ardley Gas Corp. customers are without power, the company said.")
    assert b.unit == "customer"
    assert figure_pairs._pairs([a], [b], 0.5) and N.compare(a, b) == "value"
    a, b = pair("Some 14,000 customers were without power in the area, Ardley Gas said.",
                "About 38,000 Ardley Gas Corp. customers signed up for the cheaper plan, it said.")
    assert figure_pairs._pairs([a], [b], 0.5) == []
    a, b = pair("In the port city, 20,000 people marched through the centre.",
                "In the port city, some 50,000 people marched through the centre.")
    assert figure_pairs._pairs([a], [b], 0.5) and N.compare(a, b) == "value"
    # vague amounts by their nearest ends: "thousands" is not "hundreds of thousands"
    a, b = pair("The rule ended a programme for thousands of immigrants.",
                "The programme protects hundreds of thousands of immigrants.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), 0.6, True) is None


def test_sums_of_money_are_labelled_before_them():
    """Sums are told "a profit of $300 million for the quarter": the words after a sum are not
    what it is (a review found the rule of shares in lists, tried on sums, hid these)."""
    s1 = "Ardco had revenue of $1.2 billion and a profit of $300 million for the quarter."
    s2 = "Ardco's revenue rose to $1.2 billion, while its profit fell to $250 million."
    pairs = {(a.text, b.text) for a, b in figure_pairs._pairs(N.read_quantities(s1),
                                                           N.read_quantities(s2), 0.6)}
    assert ("$300 million", "$250 million") in pairs
    s1 = "Ardoil paid a fine of $4.5 billion and set aside $20 billion for victims."
    s2 = "Ardoil agreed to pay a $4 billion fine, on top of a $20 billion fund for victims."
    pairs = {(a.text, b.text) for a, b in figure_pairs._pairs(N.read_quantities(s1),
                                                           N.read_quantities(s2), 0.6)}
    assert ("$4.5 billion", "$4 billion") in pairs


def test_unlinked_counts_of_one_noun_that_did_the_same_pair():
    a, b = pair("In the port city, another 20,000 people marched through the centre and youths smashed windows.",
                "Clashes broke out in the port where approximately 50,000 people marched destroying shops.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None)
    # their own verbs differ: treated after an injury vs killed
    a, b = pair("The governor said five people had received treatment after being injured by the quake.",
                "That quake killed at least six people, injured almost 50 and damaged homes.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None) is None


def test_unlinked_counts_of_one_group_of_people_that_did_the_same_pair(tmp_path):
    """"injuring five people" / "two villagers slightly injured": people and villagers are one
    group (`numbers.lexicon.GROUPS`), in unlinked sentences as in linked ones."""
    a, b = pair("A quake hit the island of Tarn on Sunday, injuring five people and damaging homes.",
                "Homes in the villages near Dargo were damaged and two villagers slightly injured, "
                "the governor said.", "five", "two")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None)
    c = write(tmp_path, {
        "a.txt": _BASE + "A quake hit the island of Tarn on Sunday, injuring five people and "
                 "damaging homes.\n",
        "b.txt": _BASE + "Homes in the villages near Dargo were damaged and two villagers "
                 "slightly injured, the governor said.\n",
    })
    _unlink_all(c)
    assert [sorted(side.text for side in d.sides) for d in c.disagreements] == \
        [["five people", "two villagers"]], [d.summary() for d in c.disagreements]


@pytest.mark.parametrize("s1, s2, t1, t2", [
    # a part of the people the sentence counts is not the whole told elsewhere
    ("The gunman killed two police officers and three civilians at the checkpoint near the market.",
     "The gunman killed five people at the checkpoint near the market.", "three", "five"),
    # only people are counted in other words: soldiers and troops, votes and ballots keep apart
    ("A roadside bomb killed two British soldiers in Helmand province on Tuesday.",
     "Roadside bombs killed five NATO troops in Helmand province on Tuesday.", "two", "five"),
    ("Smith won 5,200 votes in Ardley County, officials said.",
     "Officials said 6,000 ballots were cast in Ardley County.", "5,200", "6,000"),
])
def test_unlinked_counts_in_other_words_that_may_be_parts_do_not_pair(s1, s2, t1, t2):
    a, b = pair(s1, s2, t1, t2)
    assert disagreements._key(a) != disagreements._key(b) or \
        figure_pairs._admit(a, ctx(a), b, ctx(b), None) is None


def test_a_round_figure_said_of_something_else_does_not_hide_a_conflict(tmp_path):
    """Outlet b gives "20,000" for the protesters of another city and 50,000 for the marchers:
    a round figure told of other things is not the same figure told twice, so a's 20,000
    marchers still disagree with b's 50,000."""
    c = write(tmp_path, {
        "a.txt": _BASE + "In Ardley, another 20,000 people marched through the centre.\n",
        "b.txt": _BASE + "Around 20,000 protesters gathered outside the Bexford parliament.\n\n"
                 "Clashes broke out in Ardley where approximately 50,000 people marched destroying shops.\n",
    })
    assert any({20000, 50000} <= {s.value for s in d.sides} for d in c.disagreements), \
        [d.summary() for d in c.disagreements]


def test_a_day_said_of_a_statement_is_not_a_fact_of_the_story():
    a, b = pair("Company officials said Tuesday that the plant would close.",
                "Company officials said Wednesday that the plant would close.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), 0.9, True) is None
    a, b = pair("The shares closed on Monday at $3.01.", "The stock, which closed at $3.01 Friday, was halted.",
                "Monday", "Friday")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), 0.5, True) and N.compare(a, b) == "date"
    # the day a report came out, said right after it, dates the report, not the act before it
    s1 = "In a statement issued Friday, the prosecutor disputed the Courier's report Thursday that the mayor lied."
    s2 = "The prosecutor disputed on Friday a report that said the mayor had lied."
    pairs = [(a.text, b.text, N.compare(a, b))
             for a, b in figure_pairs._pairs(N.read_quantities(s1), N.read_quantities(s2), 0.7)]
    assert ("Thursday", "Friday", "date") not in pairs
    a, b = pair("The mayor was arrested Thursday.", "The mayor was arrested on Friday.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), 0.7, True) and N.compare(a, b) == "date"


def test_close_sums_in_sentences_told_alike_pair_but_not_out_of_a_list():
    a, b = pair("Report: Rovers offer Dalby $200 million",
                "Reports of the Rovers offer to Dalby varied, though one station claims it was eight years and $184 million.",
                "$200", "$184")
    assert not ctx(a).close & ctx(b).close
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None)
    # a list of sums: only the words beside each say which it is
    a = q("Expenses charged to the Rovers account included $4,272.78 on a cruise, $2,306.08 at a park and $5,150 at a shop.", "5,150")
    b = q("Reports of the Rovers account say $4,980 went on a Dalby hotel.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None, listed=True) is None


def test_a_disagreement_between_unlinked_sums_says_which_words_paired_them(tmp_path):
    c = write(tmp_path, {
        "a.txt": _BASE + "Report: Rovers offer Dalby $200 million\n\n"
                 "The club's chairman declined to comment on the talks.\n",
        "b.txt": _BASE + "Reports of the Rovers offer to Dalby varied, though one station claims it "
                 "was eight years and $184 million.\n",
    })
    for s in c.all_sentences():  # as if the matcher had not linked them
        s.links = []
    findings.read_numbers(c)
    findings.find_disagreements(c)
    (d,) = [d for d in c.disagreements if {200e6, 184e6} <= {s.value for s in d.sides}]
    assert "sentences that share the words" in d.why and "rovers" in d.why.lower()


@pytest.mark.parametrize("s1, s2, paired", [
    # an exact amount misread by one digit: one item
    ("Records show $5,687.75 went on the Lindmoor Lakeside Retreat.",
     "A $5,587.75 stay at the Lindmoor Lakeside Retreat went on the account.", True),
    # two exact amounts far from a slip: two items
    ("Records show $9,587.64 went on the Lindmoor Lakeside Retreat.",
     "A $10,977.74 stay at the Lindmoor Lakeside Retreat went on the account.", False),
    # an exact amount beside a round one: two items
    ("Records show $5,150 went on the Lindmoor Lakeside Retreat.",
     "A $4,272.78 stay at the Lindmoor Lakeside Retreat went on the account.", False),
])
def test_unlinked_exact_amounts_are_one_sum_only_a_slip_apart(s1, s2, paired):
    a, b = pair(s1, s2)
    assert bool(figure_pairs._admit(a, ctx(a), b, ctx(b), None)) is paired


def test_a_figure_gone_beyond_is_a_lower_bound():
    a, b = pair("Ardley's mayor is expected to raise more than $1 million.",
                "Ardley's mayor passed $1 million last week and was still counting.")
    assert (b.text, b.qualifier) == ("$1 million", "over")
    assert N.compare(a, b) is None
    assert q("The council passed a $1 billion budget.").qualifier is None


def test_a_weekday_disagreement_names_the_act_it_dates(tmp_path):
    c = write(tmp_path, {
        "a.txt": _BASE + "Ardley's mayor and his deputy were arrested on Wednesday in the harbour fraud case.\n",
        "b.txt": _BASE + "Ardley's mayor and his deputy were arrested on Thursday in the harbour fraud case.\n",
    })
    (d,) = [d for d in c.disagreements if d.kind == "date"]
    assert {s.text for s in d.sides} == {"Wednesday", "Thursday"}
    assert "both days date one act (arrested)" in d.why


def test_people_counted_by_who_they_are_are_people_when_the_number_is_the_same():
    a, b = pair("The firebomb attack in Ardley killed at least three people at a bank.",
                "The firebomb attack in Ardley killed three bank workers.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), 0.6, True)
    assert N.compare(a, b) == "qualifier"
    # another number may be a part: five children of twelve people
    a, b = pair("The attack on the school killed 12 people in Ardley.",
                "The attack on the school in Ardley left five children dead.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), 0.6, True) is None


def test_unlinked_people_counted_by_who_they_are_pair_on_their_sentences_words():
    """Three people killed and three bank workers dead, in sentences that are not linked but
    share three content words (bank, police, protesters): one toll, told with and without a
    hedge. Two words are not enough, nor another fate."""
    s1 = ("A firebomb attack on a bank in Ardley killed at least three people today as police "
          "fought pitched battles with striking protesters.")
    s2 = ("Riots over new cuts left three bank workers dead and engulfed the streets, as angry "
          "protesters hurled petrol bombs at police.")
    a, b = pair(s1, s2, "at least three people", "three bank workers")
    why = figure_pairs._admit(a, ctx(a), b, ctx(b), None)
    assert why and "killed" in why and N.compare(a, b) == "qualifier"
    a, b = pair(s1, s2.replace("protesters", "crowds"), "at least three people", "three bank workers")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None) is None
    a, b = pair(s1, s2.replace("dead", "injured"), "at least three people", "three bank workers")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None) is None


def test_early_tolls_of_one_fate_pair_on_a_link_however_far_apart():
    """"five people were killed" and "killed at least one person" on a link that names the same
    act are one toll told two ways, however far apart; unlinked, or a count of something else,
    they stay apart."""
    s1 = "The region where five people were killed and hundreds injured at the weekend was hit again."
    s2 = "Two powerful earthquakes flattened buildings in the region and killed at least one person."
    a, b = pair(s1, s2, "five people", "at least one person")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), 0.7) and N.compare(a, b) == "value"
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None) is None
    a, b = pair("The storm destroyed five homes in the valley.",
                "The storm destroyed at least one home in the valley.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), 0.7) is None


def test_unlinked_times_ago_pair_when_both_date_one_act(tmp_path):
    """"began ... two years ago" and "began more than two years ago", in sentences that are not
    linked, date one act: the hedge is a disagreement (of qualifier: the same time back, one
    hedged), and the JSON's sides keep both wordings."""
    c = write(tmp_path, {
        "a.txt": _BASE + "The Justice Department began investigating Mayor Ardley two years ago on "
                 "claims that he filed false campaign reports.\n",
        "b.txt": _BASE + "The inquiry into Mayor Ardley, by federal agents and prosecutors in "
                 "Brooklyn, began more than two years ago with a look at his fund-raising.\n",
    })
    dates = [d for d in c.disagreements if d.kind == "qualifier"]
    assert [sorted(s.text for s in d.sides) for d in dates] == \
        [["more than two years ago", "two years ago"]], [d.summary() for d in c.disagreements]
    a, b = pair("The Justice Department began investigating Mayor Ardley two years ago.",
                "The inquiry into Mayor Ardley began more than two years ago with a look at his books.",
                "two years ago", "more than two years ago")
    assert "both date one act" in figure_pairs._admit(a, ctx(a), b, ctx(b), None)
    a, b = pair("The inquiry began two years ago, officials said.",
                "The mayor was elected more than two years ago, officials said.")
    assert figure_pairs._admit(a, ctx(a), b, ctx(b), None) is None


def test_a_figure_another_source_states_in_other_words_is_not_exclusive(tmp_path):
    """"A 5.6 magnitude earthquake hit the island" and "An earthquake measuring 5.6 on the
    Richter scale jolted the island", unlinked or not: the 5.6 is not one outlet's own figure.
    A figure no other source states stays listed."""
    c = write(tmp_path, {
        "a.txt": _BASE + "A 5.6 magnitude earthquake hit Qeshm island on Sunday, damaging homes in "
                         "three villages.\nThe island lies some 930 miles south of the capital.\n",
        "b.txt": _BASE + "Seismologists recorded a tremor measuring 5.6 on the Richter scale near the "
                         "Gulf coast.\n",
    })
    singles = [x.text for x in c.single_source_numbers()]
    assert not any("5.6" in t for t in singles), singles
    assert any("930 miles" in t for t in singles), singles



def test_a_round_figure_or_another_currency_does_not_take_a_figure_s_exclusivity(tmp_path):
    """"More than 10 fire engines" is no rounding of "14 homes", and "£5 million" is not "$5
    million": each stays a figure only one source gives."""
    c = write(tmp_path, {
        "a.txt": _BASE + "The fire destroyed 14 homes in the north of the town.\n"
                         "The company paid $5 million for the land.\n",
        "b.txt": _BASE + "More than 10 fire engines were sent to the scene.\n"
                         "The state set aside £5 million for repairs.\n",
    })
    assert sorted(x.text for x in c.single_source_numbers()) == [
        "$5 million", "14 homes", "More than 10 fire engines", "£5 million"]


def test_the_detail_wraps_each_line_under_its_own_indent():
    from rich.console import Console
    from rich.text import Text

    from widgets.detail import hanging

    console = Console(width=24, record=True, color_system=None)
    console.print(hanging(Text("Heading\n    diff: one two three four five six seven eight\nend")))
    lines = console.export_text().splitlines()
    assert lines[0] == "Heading" and lines[-1] == "end"
    body = lines[1:-1]
    assert len(body) > 1 and all(line.startswith("    ") and line[4] != " " for line in body)



def test_a_billion_figure_and_its_exact_amount_are_one_figure_and_huge_ones_do_not_crash(tmp_path):
    """"$8.2 billion" is stored as 8199999999.999999: still two significant digits, so it is the
    rounding of "$8,214,530,000"; a figure past 1e28 does not crash the list."""
    c = write(tmp_path, {
        "a.txt": _BASE + "The agency paid $8.2 billion to the contractor.\n",
        "b.txt": _BASE + "Records show a payment of $8,214,530,000 by the agency, the mayor said.\n"
                         "A prankster claimed a fine of 1 trillion trillion trillion dollars.\n",
    })
    singles = [x.text for x in c.single_source_numbers()]
    assert not any("8.2" in t or "8,214,530,000" in t for t in singles), singles


def test_a_figure_agreeing_with_the_other_source_s_own_conversion_agrees(tmp_path):
    """"50 km (32 miles)" is one distance written twice; "30 miles" is 48 km, so it agrees with
    the kilometres (rounded), though not with "32 miles" as written."""
    s1 = "Initial reports said the attackers fired from a mosque in the city, 30 miles west of Baghdad."
    s2 = "The statement said the gunmen fired from a mosque in the city, 50 km (32 miles) west of Baghdad."
    verdicts = {(a.text, b.text): v for a, b, v in figure_pairs.judged_pairs(N.read_quantities(s1), N.read_quantities(s2))}
    assert verdicts == {("30 miles", "32 miles"): None}
    assert N.compare(q(s1), q(s2, "32 miles")) == "value"  # as written, the two miles differ
    c = write(tmp_path, {"a.txt": _BASE + s1 + "\n", "b.txt": _BASE + s2 + "\n"})
    assert c.disagreements == []
    # a conversion that does not hold is no second writing: "50 miles (110 km)" is 80 km
    s3 = "The clash took place 50 miles (110 km) north of the capital, officials said."
    s4 = "The clash took place 70 miles north of the capital, officials said."
    assert [v for _, _, v in figure_pairs.judged_pairs(N.read_quantities(s3), N.read_quantities(s4))] == ["value"]
    assert N.conversion_twins(N.read_quantities(s3), s3) == {0: 1, 1: 0}
    assert figure_verdicts._twins(N.read_quantities(s3), s3) == {}


def test_a_count_in_a_noun_of_its_group_is_not_exclusive(tmp_path):
    """"The two countries" and "the two nations" state one figure; "three ports" stays one
    outlet's own."""
    c = write(tmp_path, {
        "a.txt": _BASE + "The two countries signed the treaty in the capital.\n"
                         "Ships will call at three ports on the coast.\n",
        "b.txt": _BASE + "Leaders of the two nations met before the signing.\n",
    })
    singles = [x.text for x in c.single_source_numbers()]
    assert singles == ["three ports"], singles


def test_the_brief_lists_a_figure_one_source_repeats_once(tmp_path):
    """A figure one source gives in three sentences is one line of "Figures only one source
    gives", which says how many more sentences give it."""
    c = write(tmp_path, {
        "a.txt": _BASE + "The strike lasted six months in all.\n\nAfter six months, the workers "
                         "returned to the plant.\n\nUnion leaders said six months was too long.\n",
        "b.txt": _BASE + "Workers at the plant went back on Monday.\n",
    })
    assert len([x for x in c.single_source_numbers() if x.value == 6]) == 3
    section = report.to_markdown(c).split("## Figures only one source gives")[1]
    lines = [ln for ln in section.splitlines() if ln.startswith("- ")]
    assert len(lines) == 1 and lines[0].endswith("*(and 2 more sentences)*"), lines


def _verdicts(s1: str, s2: str) -> dict:
    return {(a.text, b.text): v for a, b, v in figure_pairs.judged_pairs(N.read_quantities(s1), N.read_quantities(s2))}


def test_a_market_s_prices_at_two_moments_do_not_disagree_unless_one_moment_is_told():
    """A rate or a move said of trading is a figure of a moment: two reports of it differ because
    the market moved. They disagree when both tell the close, or share another figure exactly
    (the same closing level); a hedge that differs is still a qualifier."""
    moved = _verdicts("The euro rose 0.67 percent to $1.1784 in early trading in New York.",
                      "The euro traded at $1.1741, up 0.6 percent, in late European trading.")
    assert moved and set(moved.values()) == {None}
    closed = _verdicts("The euro closed at $1.1784 in New York trading.",
                       "The euro closed at $1.1741 in New York trading.")
    assert list(closed.values()) == ["value"]
    level = _verdicts("The euro rose 0.67 percent to $1.1784 in early trading in New York.",
                      "The euro traded at $1.1784, up 0.6 percent, in late European trading.")
    assert level[("0.67 percent", "0.6 percent")] == "value"  # one moment: the same rate
    hedged = _verdicts("Shares of Ardley Biotech, a much larger company, rose more than 2 percent.",
                       "Shares of Ardley Biotech, a much larger company, were up 2 percent in early trade.")
    assert list(hedged.values()) == ["qualifier"]
    # a count of people near a market, or a figure far from the market it names, is no price
    bomb = _verdicts("The toll from the bomb at the Ardley market rose to 40 people, police said.",
                     "The toll from the bomb at the Ardley market rose to 45 people, police said.")
    assert bomb[("40 people", "45 people")] == "value"
    # not a market: the fine and the shares tendered are facts, not moments
    fine = _verdicts("Westway was fined $41,500 on Tuesday.", "Westway was fined $45,100 on Tuesday.")
    assert fine[("$41,500", "$45,100")] == "value"


def test_a_date_told_less_precisely_is_not_a_second_date():
    a, b = pair("He did no work for the firm until 1999, when a jury met.",
                "He did no work for the firm until June 1999, after a jury met.", "until 1999", "until June 1999")
    assert N.compare(a, b) is None
    a, b = pair("He has led the party since 2002.", "He has led the party since March 2003.", "since 2002", "since March 2003")
    assert N.compare(a, b) == "date"


def test_a_sentence_that_gives_both_years_does_not_disagree_on_one_of_them():
    both = _verdicts("The number of injured dropped to 2.92 million in 2002 from 3.03 million a year earlier.",
                     "The number of injuries dropped, from 3.03 million in 2001 to 2.92 million in 2002.")
    assert "date" not in both.values()
    one = _verdicts("Ardley was ousted as mayor in 2003, officials said.", "Ardley was ousted as mayor in 2002, officials said.")
    assert list(one.values()) == ["date"]


def test_dates_of_two_figures_that_differ_too_are_two_moments():
    """Each date goes with a figure of its own, and those differ: two measurements, not one
    date told two ways. Beside one figure told alike, or only hedged otherwise, or an ordinal,
    the dates still disagree."""
    two = _verdicts("Ardley's flu cases went from zero to 30 in 1995, officials said.",
                    "Still, Ardley's flu cases fell sharply to 17 in 1996, officials said.")
    assert "date" not in two.values() and two, two
    days = _verdicts("Volume on the exchange was heavy, with 2.3 billion shares traded, compared "
                     "with 1.8 billion on Tuesday.", "Volume on the exchange was light, with 1.7 "
                     "billion shares traded, compared to 1.4 billion Monday.")
    assert "date" not in days.values() and days, days
    same = _verdicts("Ardco's shares closed on Monday at $3.01, the exchange said.",
                     "Ardco's shares closed at $3.01 on Friday, the exchange said.")
    assert "date" in same.values()
    hedged = _verdicts("The flood that killed at least 30 people struck Ardley in 2003.",
                       "The flood that killed 30 people struck Ardley in 2002.")
    assert "date" in hedged.values()
    ordinal = _verdicts("Ardley will be the second mayor after Brooke, who served from 1967 to 1979.",
                        "Ardley will be the first mayor since Brooke, who held the post from 1966 to 1978.")
    assert "date" in ordinal.values()


@pytest.mark.parametrize("s1, s2, pair", [
    # this year's figures in a sentence that also tells last year's still disagree
    ("Harlow Foods earned 45 cents a share, up from 38 cents in the year-ago quarter.",
     "Harlow Foods earned 48 cents a share in the quarter.", ("45 cents", "48 cents")),
    ("Harlow Foods posted net income of $64.2 million, up from $54.3 million in the same "
     "quarter last year.", "Harlow Foods posted net income of $71.8 million.",
     ("$64.2 million", "$71.8 million")),
    ("Sales at Kestrel Motors climbed 8 percent compared with the same period a year earlier.",
     "Sales at Kestrel Motors climbed 9 percent.", ("8 percent", "9 percent")),
    ("Tamsin Air said its quarterly loss narrowed to $212 million; the year-ago period included "
     "a $90 million charge.", "Tamsin Air said its quarterly loss narrowed to $250 million.",
     ("$212 million", "$250 million")),
    ("Corbel Inc. earned $54.3 million in the year-ago quarter.",
     "Corbel Inc. had earned $51.2 million a year earlier.", ("$54.3 million", "$51.2 million")),
])
def test_only_the_year_before_s_own_figures_are_last_year_s(s1, s2, pair):
    assert _verdicts(s1, s2).get(pair) == "value"


def test_last_year_s_result_is_not_this_year_s():
    """"the year-ago quarter, when Ardco earned $33.1 million, or 15 cents a share": both are
    last year's, told two ways."""
    got = _verdicts("Ardco posted a net income of $41.5 million, or 19 cents a share, in the "
                    "quarter ended June 2.", "That was up from the year-ago quarter, when Ardco "
                    "earned $33.1 million, or 15 cents a share.")
    assert "value" not in got.values(), got


def test_a_date_dates_only_a_figure_of_its_own_clause():
    """A figure in another clause, or under another date, is not the date's: the dates still
    disagree."""
    for s1, s2 in [
        ("The strike began on Monday, when 2,000 workers walked out of the Dunmore plant.",
         "The strike began on Tuesday at the Dunmore plant, and by Thursday 5,000 workers had "
         "joined."),
        ("The Senate vote on the Brant bill is set for May 4; 60 votes are needed to pass it.",
         "The Senate vote on the Brant bill is set for May 6, and 51 senators have said they "
         "back it."),
        ("Dr. Elena Varga, who led the team of 12 surgeons, performed the operation on June 3.",
         "Dr. Elena Varga performed the operation on June 5 with a team of 14."),
    ]:
        assert "date" in _verdicts(s1, s2).values(), (s1, s2)


@pytest.mark.parametrize("exact, hedged", [
    ("The rate rose to 6.1 percent.", "The rate rose to about 7 percent."),
    ("It lost 1.9 million customers.", "It lost about 1 million customers."),
    ("Sales were $4.41 billion.", "Sales were about $4.5 billion."),
    ("Holders tendered 34.61 million shares.", "Holders tendered some 34.7 million shares."),
])
def test_cut_short_only_ever_drops_digits_of_a_figure_of_two_digits_or_more(exact, hedged):
    a, b = pair(exact, hedged)
    assert N.compare(a, b) == "value"


def test_before_and_after_leave_their_own_date_out():
    a, b = pair("Cars built after 2008 are safe.", "Cars built after March 2008 are safe.", "after 2008", "after March 2008")
    assert N.compare(a, b) == "date"


def test_a_year_told_twice_hides_nothing_when_its_figure_differs():
    v = _verdicts("Sales fell to 2.1 million in 2003 from 2.4 million in 2002.", "Sales fell to 2.1 million in 2002.")
    assert v[("2003", "2002")] == "date"


def test_a_statement_s_day_after_the_verb_that_makes_it_dates_that_verb():
    for s1, s2 in (("The White House issued a statement Thursday.", "The White House issued a statement Friday."),
                   ("The senator resigned in a letter Monday.", "The senator resigned in a letter Tuesday.")):
        assert list(_verdicts(s1, s2).values()) == ["date"]


@pytest.mark.parametrize("s1, s2", [
    ("The U.S. trade deficit rose 5 percent to $40.3 billion in March.", "The U.S. trade deficit rose 7 percent to $43.1 billion in March."),
    ("The euro zone economy expanded at a 0.3 percent rate.", "The euro zone economy expanded at a 0.6 percent rate."),
    ("Net income rose 12 percent to $1.2 billion, or 45 cents a share.", "Net income rose 15 percent to $1.3 billion, or 47 cents a share."),
    ("The city plans to sell $300 million in bonds.", "The city plans to sell $350 million in bonds."),
])
def test_economic_figures_are_no_market_quotes(s1, s2):
    assert set(_verdicts(s1, s2).values()) == {"value"}


def test_a_day_shared_is_no_moment_of_trading():
    v = _verdicts("Shares of Ardley rose 5 percent to $4.81 in early trading on Wednesday.",
                  "Shares of Ardley rose 8 percent to $4.95 in afternoon trading on Wednesday.")
    assert "value" not in v.values()


@pytest.mark.parametrize("a, b", [
    ("The Democrat won the flood district 52 percent to 48 percent, results showed.",
     "The Democrat won the flood district with 52% of the vote, results showed."),
    ("A third of residents backed the flood plan, a survey found.",
     "34% of residents backed the flood plan, a survey found."),
    ("The Fed lifted its benchmark rate by three-quarters of a point on Wednesday.",
     "The Fed lifted its benchmark rate by 75 basis points on Wednesday."),
    ("The new pumping station will handle 5,000 tonnes of water a day, officials said.",
     "The new pumping station will handle 5,500 tons of water a day, officials said."),
])
def test_one_fact_in_two_outlets_words_is_no_disagreement(tmp_path, a, b):
    c = _two_outlets(tmp_path, a, b)
    assert any(s.links for s in c.all_sentences() if s.text == a)  # the two sentences are linked
    assert not c.disagreements, [d.summary() for d in c.disagreements]


def _two_outlets(tmp_path, a: str, b: str):
    """Two outlets' articles, the shared opening then one sentence each."""
    return write(tmp_path, {"a.txt": _BASE + "\n\n" + a + "\n", "b.txt": _BASE + "\n\n" + b + "\n"})


@pytest.mark.parametrize("a, b", [
    # one template, two subjects
    ("Italy's economy grew 0.2% in the third quarter from the previous three months, data showed.",
     "Germany's economy grew 0.3% in the third quarter from the previous three months, data showed."),
    ("Populist Per Aalto lost Norland's presidential run-off on Sunday with 45.8% of the vote.",
     "Centrist Anna Lindqvist won Norland's presidential run-off on Sunday with 54.2% of the vote."),
    ("Japan's economy grew 0.2% in the third quarter from the previous three months, data showed.",
     "Germany's economy grew 0.3% in the third quarter from the previous three months, data showed."),
    ("Acme Corp reported revenue of $90 billion for the year, up from last year.",
     "Zenith Inc reported revenue of $60 billion for the year, up from last year."),
    # one sentence gives both values
    ("Last year's wheat harvest of 9.4 million tonnes fell to 8.1 million this year, the ministry said.",
     "The wheat harvest fell to 8.1 million tonnes this year from 9.4 million last year, the ministry said."),
    ("Three people died in Tol when the river burst its banks.",
     "Five people died in Amsa when the river burst its banks, three in Tol and one in Veld."),
    # a span and one day; a running total and one month
    ("Brevia airport cancelled 410 flights on Sunday because of the snowstorm.",
     "Brevia airport cancelled 1,050 flights over two days because of the snowstorm."),
    ("Electric cars accounted for 16 percent of sales so far this year, the association said.",
     "Electric cars made up 19% of sales in October, the association said."),
    # a part told of one place, and the whole; two places' parts
    ("Storm Mara killed nine people on Saturday, officials said.",
     "Storm Mara killed one person in Veld on Saturday, officials said."),
    ("In Tol, three people died when a wall collapsed.",
     "Five people died in Amsa when a wall collapsed."),
    ("In Britain, temperatures threatened to top the 37.1 C all-time high.",
     "In Germany, temperatures were expected to hit 38 C."),
    # a place's possessive, a place whose name opens like a contest's
    ("The shelling killed 5 people in Ukraine's east, officials said.",
     "The shelling killed 20 people, officials said."),
    ("Police arrested 40 people in Grand Rapids after the protest, officials said.",
     "Police arrested 90 people after the protest, officials said."),
])
def test_two_quantities_in_alike_sentences_are_no_disagreement(tmp_path, a, b):
    c = _two_outlets(tmp_path, a, b)
    assert not c.disagreements, [d.summary() for d in c.disagreements]


@pytest.mark.parametrize("a, b", [
    ("Italy's economy grew 0.2% in the third quarter from the previous three months, Istat said.",
     "Italy's economy grew 0.3% in the third quarter from the previous three months, the statistics "
     "office said."),
    ("Storm Mara killed 12 people in Veld on Saturday, police said.",
     "Storm Mara killed 14 people in Veld on Saturday, the mayor said."),
    # the second sentence's other "two" is the first one's two men, not their three others
    ("Two men drowned off Pellmouth on Sunday and three others were rescued by the coastguard.",
     "Two men drowned off Pellmouth on Sunday and two others were rescued by the coastguard."),
    # a speaker's name, a first word, a misspelt name, a place added: one subject still
    ("Ann Cole, the police chief, said fire killed 12 people in Smithtown on Tuesday.",
     "Fire killed 14 people in Smithtown on Tuesday, police said."),
    ("Police chief Ann Cole told reporters that fire killed 12 people in Smithtown on Tuesday.",
     "Fire chief Tom Reyes told reporters that fire killed 14 people in Smithtown on Tuesday."),
    ("Gunman John Smith killed 12 people at the mall on Tuesday before he was shot.",
     "Gunman Jon Smyth killed 14 people at the mall on Tuesday before he was shot."),
    ("A fire at the Grenfell Tower killed 72 people in west London, police said.",
     "A fire at the Grenfell block killed 71 people in Kensington, police said."),
    # a place on one side only: a count near the whole, or above it, is no part of it
    ("Storm Mara killed nine people in Veld on Saturday, officials said.",
     "Storm Mara killed eight people on Saturday, officials said."),
    ("In Veld, the storm killed two people on Saturday, officials said.",
     "The storm killed three people in Veld on Saturday, officials said."),
    # no place: a day's possessive, an event's name; a city where the whole happened; a rate
    ("Five people were killed in Sunday's attack on the market, police said.",
     "Eight people were killed in the attack on the market, police said."),
    ("At least 12 people died in Hurricane Helene, officials said.",
     "At least 30 people died in the storm, officials said."),
    ("In London, police said 40 people were arrested at the climate protest.",
     "Police said 90 people were arrested at the climate protest."),
    ("Consumer prices rose 3.2 percent in Britain last year, the statistics office said.",
     "Consumer prices rose 4.1 percent last year, the statistics office said."),
    # one country named two ways is one place
    ("The storm killed 12 people in the U.S. on Sunday, officials said.",
     "The storm killed 30 people in the United States on Sunday, officials said."),
    # a number in a name or a time is no second figure
    ("Fire killed 12 people in Smithtown on Tuesday, police said.",
     "Fire killed 14 people at 12 Main Street in Smithtown on Tuesday, police said."),
    ("Three people were killed when the bus crashed in Smithtown, police said.",
     "Four people were killed when the bus crashed in Smithtown at 3 p.m., police said."),
    # the day of the saying is no day of the figure
    ("The death toll from the Smithtown fire has risen to 12 so far, officials said on Tuesday.",
     "The death toll from the Smithtown fire has risen to 14, officials said on Tuesday."),
    ("Storm Mara killed 40 people over two days, officials said.",
     "Storm Mara killed 45 people, officials said on Tuesday."),
    ("Acme Corp reported revenue of $90 billion for the year, up from last year.",
     "Acme Corp reported revenue of $80 billion for the year, up from last year."),
])
def test_one_quantity_told_by_two_outlets_still_disagrees(tmp_path, a, b):
    c = _two_outlets(tmp_path, a, b)
    assert [d.kind for d in c.disagreements] == ["value"], [d.summary() for d in c.disagreements]


def test_the_same_fate_said_of_two_figures_on_a_link_pairs_them(tmp_path):
    # nothing else is said beside the two counts, but both are people injured
    a = "More than 121,000 people have been forced from their homes, and 276 people were injured."
    b = "Tarrow's civil defence agency said on Sunday that 121,000 people had been displaced and 267 injured."
    c = _two_outlets(tmp_path, a, b)
    assert any({s.text for s in d.sides} == {"276 people", "267"} for d in c.disagreements), \
        [d.summary() for d in c.disagreements]



def test_two_ages_in_a_list_are_no_count_of_arrests(tmp_path):
    c = _two_outlets(tmp_path, "Two boys aged 16 and 13 were arrested after the fire, police said.",
                     "Two boys aged 16 and 14 were arrested after the fire, police said.")
    assert {q.kind for q in c.numbers if q.text in ("13", "14")} == {"age"}
    assert not [d for d in c.disagreements if any(s.text in ("13", "14") for s in d.sides)
                and d.kind == "value" and "arrest" in d.about]


def test_early_monday_is_no_trading_session(tmp_path):
    """"Early Monday" dates a raid; only a market's price or move has a session (a reporter's
    read: a heist's "$2.6 million ... early Monday" was scoped "during the session"), and a count
    told "early" and one told when something "ended" are one quantity still."""
    c = write(tmp_path, {
        "a.txt": _BASE + "Thieves made off with jewels worth over $2.6 million early Monday, police said.\n\n"
                 "Police arrested 40 people early Monday as the protest outside the bank turned violent.\n",
        "b.txt": _BASE + "Thieves made off with jewels worth $2.6 million on Monday, police said.\n\n"
                 "Police arrested 45 people as the protest outside the bank ended on Monday.\n",
    })
    whys = " ".join(d.why for d in c.disagreements)
    assert "session" not in whys
    assert any({s.text for s in d.sides} == {"40 people", "45 people"} for d in c.disagreements)


def test_temperatures_in_both_scales_disagree_each_with_its_own(tmp_path):
    """Two outlets giving a temperature in °C with °F in brackets ("37.1 C (98.8 F)" / "38 C
    (100.4 F)") disagree twice, each scale with its own (the °C/°F conversion must not make
    "98.8 F" the same as "38 C"); one outlet's "95°F" is another's "35 degrees Celsius": no ≠."""
    c = write(tmp_path / "both", {
        "a.txt": "Heat wave grips Europe\n\nThe temperature in Paris hit 37.1 C (98.8 F) on Sunday, "
                 "the weather service said.\n\nTrains were slowed across the north of France.\n",
        "b.txt": "Paris swelters in record heat\n\nThe temperature in Paris hit 38 C (100.4 F) on Sunday, "
                 "the weather service said.\n\nRail operators slowed trains across northern France.\n",
    })
    assert sorted(sorted(s.text for s in d.sides) for d in c.disagreements) == [
        ["100.4 F", "98.8 F"], ["37.1 C", "38 C"]]
    c = write(tmp_path / "scales", {
        "a.txt": "Heat wave grips Phoenix\n\nThe temperature in Phoenix hit 95°F on Sunday, the "
                 "weather service said.\n\nPower use set a record.\n",
        "b.txt": "Phoenix swelters\n\nThe temperature in Phoenix hit 35 degrees Celsius on Sunday, "
                 "the weather service said.\n\nPower use hit a record.\n",
    })
    assert c.disagreements == []


def test_two_tallies_of_one_vote_disagree_on_the_side_that_differs(tmp_path):
    """"voted 396-9" / "voted 398-9": one disagreement, on the votes for; the votes against
    agree, and a side is never set against the other side ("9" is no rival of "396")."""
    c = write(tmp_path, {
        "a.txt": _BASE + "The House voted 396-9 on Tuesday to pass a bill expanding health care "
                         "for veterans exposed to burn pits.\n",
        "b.txt": _BASE + "The House voted 398-9 on Tuesday to pass a bill expanding health care "
                         "for veterans exposed to burn pits.\n",
    })
    assert len(c.disagreements) == 1
    d = c.disagreements[0]
    assert d.kind == "value" and sorted(s.text for s in d.sides) == ["396", "398"]
    assert "votes" in d.about.lower() and "for" in d.about.lower()
    same = write(tmp_path / "same", {
        "a.txt": _BASE + "The House voted 396-9 on Tuesday to pass the burn pits bill.\n",
        "b.txt": _BASE + "The House passed the burn pits bill in a 396-9 vote on Tuesday.\n",
    })
    assert same.disagreements == []


def test_two_votes_told_in_one_sentence_are_not_set_against_one_of_them(tmp_path):
    """"voted 60-40 to end debate and 52-48 to pass" / "voted 52-48 to pass": the cloture vote is
    not the passage vote (a review found both read as one when the second tally went unread);
    nor is "the 7-2 decision in Roe" (1973) today's "ruled 6-3"."""
    c = write(tmp_path, {
        "a.txt": _BASE + "The Senate voted 60-40 to end debate and 52-48 to pass the infrastructure "
                         "bill on Tuesday.\n",
        "b.txt": _BASE + "The Senate voted 52-48 on Tuesday to pass the infrastructure bill.\n",
    })
    assert c.disagreements == []
    roe = write(tmp_path / "roe", {
        "a.txt": _BASE + "The Supreme Court ruled 6-3 on Friday to overturn Roe v. Wade.\n",
        "b.txt": _BASE + "The Supreme Court on Friday overturned the 7-2 decision in Roe v. Wade.\n",
    })
    assert roe.disagreements == []


def test_a_day_that_opens_its_sentence_dates_the_clause_verb(tmp_path):
    """"On Wednesday, the House voted 396-9" / "The House voted 396-9 Tuesday": one vote dated two
    ways. The day that opens the sentence dates "voted" (it dated nothing), and each day's figure
    is the tally, one and the same, not its "9" against "396" (two moments)."""
    ctx = N.context
    s1 = "On Wednesday, the House voted 396-9 to reaffirm the national motto."
    assert ctx(q(s1, "Wednesday"), s1).act == ctx(q("The House voted Tuesday.", "Tuesday"),
                                                   "The House voted Tuesday.").act
    s2 = "On Tuesday, officials said the toll rose."
    assert ctx(q(s2, "Tuesday"), s2).act is None  # a day of saying dates no act
    c = write(tmp_path, {
        "a.txt": _BASE + s1 + "\n",
        "b.txt": _BASE + "The House voted 396-9 Tuesday to reaffirm the national motto.\n",
    })
    assert [(d.kind, sorted(s.text for s in d.sides)) for d in c.disagreements] == [
        ("date", ["Tuesday", "Wednesday"])]


def test_a_disagreement_s_why_reads_in_plain_words_and_names_the_pair_it_is_about():
    """A hands-on review: "different hedges ('about' vs 'over')" quoted words in neither
    sentence; with two sentences on one side, "the sentences make the same claim (link 0.61)"
    read as said of the one with no link."""
    from pathlib import Path

    from sidebyside.engine import compare_folder, demo_folder

    demo = compare_folder(demo_folder(), use_cache=False)
    rescued = next(d for d in demo.disagreements if d.kind == "qualifier")
    assert "different hedges (about vs more than)" in rescued.why and "'about'" not in rescued.why
    seeds = compare_folder(Path(__file__).resolve().parents[1] / "seeds", use_cache=False)
    (troops,) = seeds.disagreements
    assert len(troops.sides) == 3
    pair = troops.why.split("Paired because ", 1)[1].split(" make the same claim", 1)[0]
    a, b = pair.split(" and ")
    assert b in {lk.to for lk in seeds.sentence(a).links}  # the two the reason is about are linked
