"""``find_links`` skips texts that cannot hold a link: it never skips one that does (property test)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.urls import _scanned_links, find_links

PIECES = [
    "GitHub.com/a/b", "gitlab.COM/x/y", "WWW.example.org", "huggingface.co/m", "HF.co/d", "bit.ly/x", "zenodo.org/r/1",
    "a.github.io", "B.GitLab.IO/p", "http", "https", "://", ": //", "ftp", "e.g.", " ", ".", "/", "ı", "K", "ſ", "İ",
    "code at ", "(", ")", "org", "co", "io", "www", "github", "\n",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=10).map("".join))
def test_shortcut_finds_what_the_scan_finds(text: str) -> None:
    assert find_links(text) == _scanned_links(text)


def test_shortcut_on_examples() -> None:
    assert find_links("We propose X. It beats Y by 3%.") == []
    assert [l.url for l in find_links("Code: github.com/a/b and www.x.org.")] == ["github.com/a/b", "www.x.org"]
