"""Figures only one source gives (sidebyside/single_figures.py): no figure of speech is listed,
and a figure another outlet gives in other words is not one outlet's own."""

from __future__ import annotations

import pytest

from sidebyside import numbers as N
from sidebyside import report
from sidebyside.single_figures import not_a_figure

from .test_disagreements import _BASE, write


def singles(tmp_path, *texts: str) -> list[str]:
    """The figures only one source gives when each text (after a shared opening) is a source."""
    c = write(tmp_path, {f"{name}.txt": _BASE + text + "\n" for name, text in zip("abcdef", texts, strict=False)})
    return [q.text for q in c.single_source_numbers()]


def _why(sentence: str, figure: str) -> str | None:
    """Why the figure is not one to check: the list's own filter, or the reader not reading it."""
    read = [q for q in N.read_quantities(sentence) if q.text.startswith(figure)]
    if not read:
        return "not read as a quantity"
    [q] = read
    return not_a_figure(q, sentence)


@pytest.mark.parametrize("sentence, figure", [
    ("If he wins, one adviser said, he might serve for a short stint.", "one adviser"),
    ("At one point he suggested that the bridge be closed.", "one point"),
    ("It actually creates zero precedent, the official said.", "zero precedent"),
    ("Mr. Obama said the two leaders had met at the White House.", "two leaders"),
    ("The bridge over the river connects their two states.", "two states"),
    ("The story is 100 percent false, the spokeswoman wrote.", "100 percent"),
    ("The resolution, first reported by the Kansas City Star, passed.", "first"),
    ("They could not agree on who would go first.", "first"),
    ("She decided to plead the Fifth at the hearing.", "Fifth"),
    ("Such pregnancies are uncommon in the first place.", "first"),
    ("Smoke poured from the fourth floor of the bank.", "fourth floor"),
    ("Police searched the area after the first packages were found.", "first packages"),
    ("Mattis, one of the president's first Cabinet picks, resigned.", "first Cabinet picks"),
    ("He would be the first to admit that he was wrong.", "first"),
])
def test_a_figure_of_speech_is_not_a_figure_to_check(sentence, figure):
    assert _why(sentence, figure), (sentence, figure)


@pytest.mark.parametrize("sentence, figure", [
    ("One person was killed when the wall collapsed.", "One person"),
    ("Photos showed his two elder sons on a hunting trip.", "two elder sons"),
    ("Two leaders of the union met the minister on Friday.", "Two leaders"),
    ("The fund bought a 100 percent stake in the port.", "100 percent"),
    ("She was the first woman to host the ceremony alone.", "first woman"),
    ("They were the first women to serve in combat units.", "first women"),
    ("They were the first women elected to the Senate.", "first women"),
    ("The hearing was the second this week on the agency.", "second"),
    ("The war has entered its ninth year.", "ninth year"),
    ("A second victim died in hospital on Sunday.", "second victim"),
    ("Officials confirmed that four schools would close.", "four schools"),
    ("Prices of the drug rose 100 percent in a year.", "100 percent"),
    ("The count stood with 100 percent of precincts reporting.", "100 percent"),
])
def test_a_count_a_rank_or_a_stake_is_a_figure(sentence, figure):
    assert _why(sentence, figure) is None, (sentence, figure)


def test_the_same_figure_under_the_same_hedge_with_another_noun_is_not_exclusive(tmp_path):
    listed = singles(tmp_path, "A group of nearly 90 professors and administrators has sent the mayor a letter.",
                     "The letter was signed by nearly 90 faculty members and priests.",
                     "About 40 residents joined the protest outside the hall.")
    assert not any("90" in t for t in listed), listed
    assert "About 40 residents" in listed


def _listed_with_a_link(tmp_path, a: str, b: str, a_starts: str, b_starts: str) -> list[str]:
    """The figures only one source gives of two sources (after a shared opening), once the
    sentence of a starting `a_starts` is known to be linked to b's starting `b_starts`."""
    c = write(tmp_path, {"a.txt": _BASE + a, "b.txt": _BASE + b})
    first = next(s for s in c.source("a").sentences if s.text.startswith(a_starts))
    assert any(c.sentence(ln.to).text.startswith(b_starts) for ln in first.links)
    return [q.text for q in c.single_source_numbers()]


def test_the_same_count_with_another_noun_in_a_linked_sentence_is_not_exclusive(tmp_path):
    """One claim, its count told with two nouns ("four robbers" / "Four men", ECB+ dev): a
    figure both outlets give; the same value in an unlinked sentence stays one outlet's."""
    listed = _listed_with_a_link(
        tmp_path, "Four robbers rammed their car through the jeweller's window on Sunday and "
                  "escaped with the gems.\n\nThe shop had 12 staff on duty.\n",
        "Four men rammed their car through the jeweller's window on Sunday and escaped with the "
        "gems.\n\nThe town has 12 jewellers.\n", "Four robbers", "Four men")
    assert not any(t.lower().startswith("four") for t in listed), listed
    assert "12 staff" in listed and "12 jewellers" in listed


def test_the_json_names_every_source_that_states_a_figure(tmp_path):
    # SPEC: numbers[].sources names every source that reports the quantity, so the JSON and the
    # brief agree on which figures rest on one outlet
    c = write(tmp_path, {
        "a.txt": _BASE + "A group of nearly 90 professors and administrators has sent the mayor a letter.\n",
        "b.txt": _BASE + "The letter was signed by nearly 90 faculty members and priests.\n",
        "c.txt": _BASE + "About 40 residents joined the protest outside the hall.\n",
    })
    numbers = {n["text"]: n["sources"] for n in report.to_dict(c)["numbers"]}
    assert numbers["nearly 90 professors"] == ["a", "b"]
    assert numbers["nearly 90 faculty members"] == ["b", "a"]
    assert numbers["About 40 residents"] == ["c"]


def test_a_bare_number_and_an_age_of_the_same_value_are_one_figure(tmp_path):
    listed = singles(tmp_path, "The girls, aged 16 and 13 respectively, watched the parade.",
                     "Sasha, 13, wore a maroon dress to the parade.")
    assert not any(t.strip() == "13" for t in listed), listed


def test_a_sum_and_its_conversion_in_brackets_go_together(tmp_path):
    # AP writes "euro110 billion"; the dollars in brackets are the same sum, so when another
    # outlet gives the euros, neither is one outlet's own
    c = write(tmp_path, {
        "a.txt": _BASE + "Greece gets a euro110 billion ($141 billion) loan package to keep it afloat.\n",
        "b.txt": _BASE + "The bailout of 110 billion euros was agreed in Brussels.\n",
    })
    euros = [q for q in c.numbers if q.text == "euro110 billion"]
    assert euros and euros[0].kind == "money" and euros[0].unit == "eur"
    listed = [q.text for q in c.single_source_numbers()]
    assert not any("110" in t or "141" in t for t in listed), listed


def test_years_since_and_an_anniversary_are_one_figure(tmp_path):
    listed = singles(tmp_path, "Families say they are still seeking justice 15 years after the attacks.",
                     "The vote came days before the 15th anniversary of the attacks.")
    assert not any("15" in t for t in listed), listed


def test_the_brief_lists_neither_a_pronoun_one_nor_the_fifth(tmp_path):
    c = write(tmp_path, {
        "a.txt": _BASE + "One adviser said the mayor would plead the Fifth.\n"
                         "The repairs will cost $4.2 million, the engineer said.\n",
        "b.txt": _BASE + "Work on the flood wall is due to begin in March.\n",
    })
    section = report.to_markdown(c).split("## Figures only one source gives")[1]
    assert "$4.2 million" in section
    assert "One adviser" not in section and "Fifth" not in section


@pytest.mark.parametrize("a, b, still_listed", [
    # a bare number is no death toll
    ("The council voted 5 to 2 to approve the plan.", "Two people were killed when the wall collapsed.",
     "Two people"),
    # the same hedge over two different fates
    ("At least 12 people were killed in the blast.", "At least 12 buildings were destroyed by the fire.",
     "At least 12 buildings"),
    # minutes are no rank of mayors
    ("The siege of the town hall lasted 15 minutes.", "Ms. Reyes became the city's 15th mayor in 2019.",
     "15th mayor"),
    # a sum in brackets in the same currency is a part of it, not a conversion
    ("The charity raised $5 million ($2 million from one donor) this year.",
     "The charity raised $5 million for the flood victims.", "$2 million"),
])
def test_a_different_quantity_with_the_same_value_stays_exclusive(tmp_path, a, b, still_listed):
    assert still_listed in singles(tmp_path, a, b)


def test_a_source_on_the_other_side_of_a_disagreement_does_not_state_the_figure(tmp_path):
    c = write(tmp_path, {
        "a.txt": _BASE + "Police said 13 people were arrested after the march on the town hall.\n",
        "b.txt": _BASE + "Police said 15 people were arrested after the march on the town hall, "
                         "two of them aged 16 and 13.\n",
    })
    assert c.disagreements
    sources = {n["text"]: n["sources"] for n in report.to_dict(c)["numbers"]}
    assert sources["13 people"] == ["a"]


@pytest.mark.parametrize("sentence", ["He scored twice at Euro2016 and again at Euro2020.",
                                      "The euro1 coin was withdrawn."])
def test_a_tournament_or_a_coin_is_no_sum_of_euros(sentence):
    assert not [q for q in N.read_quantities(sentence) if q.kind == "money"]


def test_a_span_or_a_length_in_another_unit_on_a_link_or_hedged_beside_a_shared_word_is_one_figure(tmp_path):
    listed = singles(tmp_path, "The team had its best result in nearly two decades, coaches said.",
                     "It was the team's best showing in nearly 20 years.",
                     "The relay team ran 5 km through the old town on Sunday.",
                     "The relay team ran 3.1 miles through the old town on Sunday.")
    assert listed == [], listed


def test_a_bare_span_in_another_unit_off_a_link_stays_one_outlets_own(tmp_path):
    # a review: a ban's two years and a drought's 24 months share only a word ("last")
    listed = singles(tmp_path, "The ban on fishing in the bay will last two years, the ministry said.",
                     "The drought that emptied the reservoirs has lasted 24 months.")
    assert "two years" in listed and "24 months" in listed, listed


def test_a_span_in_another_unit_with_nothing_in_common_stays_one_outlets_own(tmp_path):
    # "less than 48 hours" before a notice and "two days" after a tweet are two spans (BASIL
    # dev); the same span in other words needs a link or a word beside it both use
    listed = singles(tmp_path, "The rule was reversed less than 48 hours after it was announced.",
                     "The senator tweeted about the halt less than two days later.")
    assert "less than 48 hours" in listed and "less than two days" in listed, listed


def test_one_sum_in_another_currency_in_a_linked_sentence_is_one_figure(tmp_path):
    """A haul told in dollars by one outlet and in euros by another, in linked sentences that
    give one sum each, is one figure (a reporter's read: "$136M" / "€103 million" were both listed
    as one outlet's own); a sum far from the other's stays its outlet's."""
    listed = _listed_with_a_link(
        tmp_path, "Robbers stole jewels worth $136 million from the Carlton hotel in Cannes on "
                  "Sunday.\n\nThe hotel paid $900 million for its renovation.\n",
        "Robbers stole jewels worth 103 million euros from the Carlton hotel in Cannes on "
        "Sunday.\n\nThe hotel has 343 rooms.\n", "Robbers", "Robbers")
    assert "$136 million" not in listed and "103 million euros" not in listed, listed
    assert "$900 million" in listed
