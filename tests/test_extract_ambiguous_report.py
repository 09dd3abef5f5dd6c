"""An ambiguous acronym is reported on one readable line, however many long forms it has."""

from __future__ import annotations

from kg.extract.corpus import AmbiguousAcronym


def test_a_long_list_of_long_forms_is_cut_with_a_count() -> None:
    amb = AmbiguousAcronym("method", "IM", tuple(f"long form {i}" for i in range(300)), 300)
    line = amb.describe()
    assert line.startswith("IM (method): long form 0 | long form 1")
    assert line.endswith("(+295 more)")
    assert len(line) < 200


def test_a_short_list_is_shown_whole() -> None:
    amb = AmbiguousAcronym("method", "ALE", ("Arcade Learning Environment", "adaptive loss estimate"), 2)
    assert amb.describe() == "ALE (method): Arcade Learning Environment | adaptive loss estimate"
