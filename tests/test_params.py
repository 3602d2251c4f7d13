"""The one parser of what a visitor sends (kim_cms.params), and the search
boxes that use it, on the database the suite runs on."""

import re

import pytest
from django.http import Http404
from hypothesis import given
from hypothesis import strategies as st

from kim_cms.params import (
    SEARCH_MAX_LENGTH,
    SEARCH_MAX_WORDS,
    clean_search_query,
    parse_id,
    parse_month,
    parse_page_number,
    parse_slug,
)
from kim_cms.snippets import Kecamatan
from tests.factories_groups import KimGroupPageFactory
from tests.factories_tips import make_tip, make_tip_index
from tests.factories_training import TrainingIndexPageFactory, make_material


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        " ",
        "0",
        "-1",
        "+1",
        "1.5",
        "1e3",
        "0x1",
        "1_0",
        "²",  # a digit to str.isdigit(), not to a database
        "١٢",  # Arabic-Indic digits: int() reads them
        "１２",  # full-width digits: int() reads them too
        "99999999999999999999",
        "9" * 5000,  # past Python's limit for int("...")
        "1\x00",
    ],
)
def test_malformed_ids_are_none(value):
    assert parse_id(value) is None
    assert parse_id(value, Kecamatan) is None


def test_ids_stay_within_the_column():
    assert parse_id("2147483647") == 2147483647
    assert parse_id("2147483648") is None  # Page ids are 32-bit
    assert parse_id("9223372036854775807", Kecamatan) == 9223372036854775807
    assert parse_id("9223372036854775808", Kecamatan) is None
    assert parse_id(" 42 ") == 42


@given(st.text())
def test_any_text_is_an_id_in_range_or_none(value):
    number = parse_id(value)
    assert number is None or 1 <= number <= 2147483647


@pytest.mark.parametrize(
    "value", ["abc", "0", "-1", "1.5", "²", "99999999999999999999"]
)
def test_malformed_page_numbers_are_not_found(value):
    with pytest.raises(Http404):
        parse_page_number(value)


def test_page_numbers():
    assert parse_page_number(None) == 1
    assert parse_page_number("") == 1
    assert parse_page_number("3") == 3


@pytest.mark.parametrize(
    "value",
    ["2026", "2026-1", "2026-13", "0000-01", "9999-12", "２０２６-１２", "26-12"],
)
def test_malformed_months_are_none(value):
    assert parse_month(value) is None


def test_months():
    assert parse_month("2026-12") == (2026, 12)
    assert parse_month(" 0002-01 ") == (2, 1)


def test_slugs():
    assert parse_slug("padi-sawah") == "padi-sawah"
    assert parse_slug("ikan_lele") == "ikan_lele"
    assert parse_slug("<script>") is None
    assert parse_slug("a b") is None
    assert parse_slug("x" * 256) is None
    assert parse_slug("") is None


@pytest.mark.parametrize(
    "typed, cleaned",
    [
        ('"', ""),
        ('"padi', "padi"),
        ("padi*", "padi"),
        ("(padi OR jagung)", "padi OR jagung"),
        ("title:padi -jagung", "title padi jagung"),
        ("padi\x00sawah", "padi sawah"),
        ("  ", ""),
        ("tanam  padi\tsawah", "tanam padi sawah"),
        ("pupuk urea 50kg/ha", "pupuk urea 50kg ha"),
    ],
)
def test_search_queries_keep_only_words(typed, cleaned):
    assert clean_search_query(typed) == cleaned


@given(st.text())
def test_any_search_query_is_words_within_limits(value):
    cleaned = clean_search_query(value)
    assert len(cleaned) <= SEARCH_MAX_LENGTH
    assert len(cleaned.split()) <= SEARCH_MAX_WORDS
    assert re.fullmatch(r"(\w+( \w+)*)?", cleaned)


# -- every search box, on the database the suite runs on ----------------------

SEARCHES = ['"', '"padi', "padi*", "(", "NOT", "a OR", "-", "\x00", " ", "²", "'"]


@pytest.mark.django_db
@pytest.mark.parametrize("typed", SEARCHES)
def test_training_search_reads_only_words(portal, client, typed):
    index = TrainingIndexPageFactory(parent=portal)
    make_material(index, title="Jurnalisme warga untuk padi")
    response = client.get(index.url, {"q": typed})
    assert response.status_code == 200


# Committed: the full-text indexes of MariaDB and MySQL (InnoDB) see only
# committed rows, and a test's transaction is otherwise never committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_training_search_still_finds_words_in_quotes(portal, client):
    index = TrainingIndexPageFactory(parent=portal)
    make_material(index, title="Jurnalisme warga")
    make_material(index, title="Literasi digital")
    html = client.get(index.url, {"q": '"jurnalisme'}).content.decode()
    assert "Jurnalisme warga" in html
    assert "Literasi digital" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("typed", SEARCHES)
def test_tip_search_reads_only_words(portal, client, typed):
    index = make_tip_index(portal)
    make_tip(index, title="Tanam padi")
    assert client.get(index.url, {"q": typed}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("typed", SEARCHES)
def test_directory_search_reads_only_words(directory, client, typed):
    KimGroupPageFactory(parent=directory, title="KIM Bahaur Bersatu")
    assert client.get(directory.url, {"q": typed}).status_code == 200


@pytest.mark.django_db
def test_directory_search_matches_every_word(directory, client):
    KimGroupPageFactory(parent=directory, title="KIM Bahaur Bersatu")
    KimGroupPageFactory(parent=directory, title="KIM Maliku Maju")
    html = client.get(directory.url, {"q": "bahaur, bersatu!"}).content.decode()
    assert "KIM Bahaur Bersatu" in html and "KIM Maliku Maju" not in html


# any text but line breaks, which Django's templates put between the tags
_text = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))
_labels = st.text(_text, max_size=12)
_values = st.one_of(st.text(_text, max_size=6), st.integers(-5, 5))
_options = st.lists(st.tuples(_values, _labels), max_size=5)
_choices = st.lists(
    st.one_of(st.tuples(_values, _labels), st.tuples(_labels, _options)), max_size=6
)


@given(
    choices=_choices,
    value=st.one_of(st.none(), _values, st.lists(_values, max_size=2)),
    attrs=st.dictionaries(
        st.sampled_from(["id", "class", "required", "disabled", "data-x"]),
        st.one_of(st.booleans(), st.text(_text, max_size=6)),
        max_size=3,
    ),
)
def test_filter_select_writes_djangos_markup(choices, value, attrs):
    """The filters' fast select is Django's ``Select``, line breaks aside,
    for any choices, optgroups, value and attributes (escaping included)."""
    from django import forms

    from kim_cms.params import FilterSelect

    django_html = forms.Select(choices=choices).render("f", value, dict(attrs))
    expected = re.sub(r"\n\s*", "", django_html)
    assert FilterSelect(choices=choices).render("f", value, dict(attrs)) == expected


def test_listing_filters_render_as_filter_selects():
    from kim_cms.pages.tips.index import TipFilterForm
    from kim_cms.pages.warnings.index import WarningFilterForm
    from kim_cms.params import FilterSelect

    form = WarningFilterForm({"bahaya": "banjir"}, hazards=[], kecamatan=[])
    assert isinstance(form.fields["bahaya"].widget, FilterSelect)
    html = str(form["bahaya"])
    assert html.startswith('<select name="bahaya" ')
    assert html.endswith('<option value="">Semua</option></select>')
    tips = TipFilterForm({}, commodities=[], kecamatan=[])
    assert isinstance(tips.fields["musim"].widget, FilterSelect)
