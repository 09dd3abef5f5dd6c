"""Properties of the Daily Papers page parser (hypothesis): no crash on any text, no pair lost."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import IngestReport
from kg.ingest.hf_page import TITLE_MAX_CHARS, is_chrome_line, is_date_line, parse_page
from kg.ingest.normalise import clean_text

CHROME = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nSep 11\n\n"
LINE_CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))


def _line(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return st.text(LINE_CHARS, min_size=min_size, max_size=max_size).map(str.strip).filter(bool)


titles = _line(1, TITLE_MAX_CHARS).filter(lambda t: clean_text(t) != "" and not is_chrome_line(t))
abstracts = st.one_of(_line(1, 120), _line(TITLE_MAX_CHARS + 1, TITLE_MAX_CHARS + 60)).filter(lambda a: not is_date_line(a))
pairs = st.lists(st.tuples(titles, abstracts), min_size=1, max_size=8)
separators = st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n\n\n   \n", "\r\n"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_never_crashes_on_arbitrary_text(text: str) -> None:
    try:
        papers = list(parse_page(text))
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert all(p.title and len(p.title) <= TITLE_MAX_CHARS for p in papers)
    report = IngestReport()
    list(parse_page(text, on_error="skip", report=report))  # skipping never raises


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=40), st.text(min_size=301, max_size=400), st.sampled_from(["", "Sep 11", "Subscribe", "\r"])), max_size=30))
def test_never_crashes_on_page_like_lines(lines: list[str]) -> None:
    report = IngestReport()
    papers = list(parse_page("\n".join(lines), on_error="skip", report=report))
    assert all(p.source == "hf-daily-page" for p in papers)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(pairs, separators, st.booleans())
def test_never_loses_a_well_formed_pair(items: list[tuple[str, str]], sep: str, chrome: bool) -> None:
    text = (CHROME.replace("\n", sep.replace("\r\n", "\n")) if chrome else "") + "".join(f"{t}{sep}{a}{sep}" for t, a in items)
    papers = list(parse_page(text))
    assert [(p.title, p.abstract) for p in papers] == [(clean_text(t), clean_text(a)) for t, a in items]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(pairs, titles)
def test_a_trailing_title_is_named_and_the_rest_kept(items: list[tuple[str, str]], orphan: str) -> None:
    text = CHROME + "".join(f"{t}\n\n{a}\n\n" for t, a in items) + orphan + "\n"
    report = IngestReport()
    papers = list(parse_page(text, on_error="skip", report=report))
    assert [p.title for p in papers] == [clean_text(t) for t, _ in items]
    assert len(report.skipped) == 1
    assert report.skipped[0].message == "title without abstract at the end of the page"
    assert report.skipped[0].record is not None and orphan[:40] in report.skipped[0].record
