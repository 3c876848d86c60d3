"""The list of famous people: how names are folded and what is read off the bundled table."""

from __future__ import annotations

from digest.figures_famous import famous_full_name, famous_surname, famous_surnames
from digest.text import fold


def test_names_are_folded_as_vietnamese_news_writes_them() -> None:
    assert fold("Ibrahimović") == "ibrahimovic"
    assert fold("Ole Gunnar Solskjær") == "ole gunnar solskjaer"
    assert fold("Thomas Müller") == "thomas muller"


def test_surnames_and_one_names_of_famous_people() -> None:
    for word in ("Mourinho", "Ibrahimovic", "Messi", "Rihanna", "Adele", "Obama", "Schweinsteiger"):
        assert famous_surname(word), word


def test_eponyms_birthplaces_short_words_and_numerals_are_left_out() -> None:
    for word in ("Richter", "Ford", "Dior", "Browning", "Washington", "Houston"):
        assert not famous_surname(word), word
    surnames = famous_surnames()
    assert not any(len(s) < 4 for s in surnames)
    assert "xxiii" not in surnames and "yugoslavia" not in surnames  # "Pope John XXIII", "Peter II of Yugoslavia"


def test_full_names_and_their_tails_from_a_particle() -> None:
    assert famous_full_name(["Louis", "van", "Gaal"])
    assert famous_full_name(["Van", "Gaal"])
    assert famous_full_name(["Osama", "bin", "Laden"])
    assert not famous_full_name(["Gladys", "Porter"])
