"""The newest groups, tips and training are read from each page type's own
index (``kim_first_published_at``, a copy of Wagtail's
``first_published_at``), the latest hoax clarifications from the index on
the date of the check and the coming events from the index on their next
occurrence: the landing page's sections, the lists and the tip feeds stop
after the few items they show, however many pages the portal holds.

The copy follows every way a page gets or changes its first publication
date, and ``migrate`` fills it for pages saved before the column existed.
"""

import datetime
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kim_cms.pages import AgricultureTipPage, KimGroupPage, TrainingMaterialPage
from kim_cms.pages.sections import get_portal_sections
from kim_cms.queries import read_restrictions_once
from tests.factories_clarifications import (
    HoaxClarificationIndexPageFactory,
    make_clarification,
)
from tests.factories_events import (
    CulturalEventIndexPageFactory,
    CulturalEventPageFactory,
)
from tests.factories_groups import KimGroupIndexPageFactory, KimGroupPageFactory
from tests.factories_tips import make_tip, make_tip_index
from tests.factories_training import TrainingIndexPageFactory, make_material

pytestmark = pytest.mark.django_db

MODELS = (KimGroupPage, AgricultureTipPage, TrainingMaterialPage)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def directory(portal):
    return KimGroupIndexPageFactory(parent=portal)


def test_the_copy_is_the_first_publication_date(directory):
    group = KimGroupPageFactory(parent=directory, live=False)
    assert group.kim_first_published_at is None
    publish(group)
    assert group.first_published_at is not None
    assert group.kim_first_published_at == group.first_published_at
    first = group.first_published_at

    # publishing again keeps the first date
    group.title = "KIM Maju Bersama"
    publish(group)
    assert group.kim_first_published_at == first

    # a date set on the page alone (as Wagtail's copy does) is copied too
    earlier = first - datetime.timedelta(days=30)
    group.first_published_at = earlier
    group.save(update_fields=["first_published_at"])
    group.refresh_from_db()
    assert group.kim_first_published_at == earlier

    # a copy not kept live has no date until it is published
    copy = group.copy(
        update_attrs={"slug": "kim-maju-salinan", "title": "Salinan"},
        keep_live=False,
    )
    copy.refresh_from_db()
    assert copy.live is False
    assert copy.kim_first_published_at is None
    publish(copy)
    assert copy.kim_first_published_at == copy.first_published_at is not None


def test_migrate_fills_pages_saved_before_the_column(portal, directory):
    group = publish(KimGroupPageFactory(parent=directory, live=False))
    tip = make_tip(make_tip_index(portal), "Tanam padi")
    material = make_material(TrainingIndexPageFactory(parent=portal))
    draft = KimGroupPageFactory(parent=directory, live=False)
    for model in MODELS:
        model.objects.update(kim_first_published_at=None)

    call_command("migrate", verbosity=0)

    for page in (group, tip, material):
        stored = type(page).objects.get(pk=page.pk)
        assert stored.first_published_at is not None
        assert stored.kim_first_published_at == stored.first_published_at
    draft.refresh_from_db()
    assert draft.kim_first_published_at is None  # never published: nothing


def test_the_newest_first_publication_leads_the_landing_page(client, directory):
    # created first, published last: the newest group
    late = KimGroupPageFactory(parent=directory, live=False, title="KIM Terbaru")
    early = publish(KimGroupPageFactory(parent=directory, title="KIM Lama"))
    publish(late)
    late.first_published_at = early.first_published_at + datetime.timedelta(days=1)
    late.save(update_fields=["first_published_at"])

    html = client.get("/").content.decode()
    assert html.index("KIM Terbaru") < html.index("KIM Lama")

    late.first_published_at = early.first_published_at - datetime.timedelta(days=1)
    late.save(update_fields=["first_published_at"])
    html = client.get("/").content.decode()
    assert html.index("KIM Lama") < html.index("KIM Terbaru")


def test_the_tip_list_and_feed_are_newest_first(client, portal):
    index = make_tip_index(portal)
    older = make_tip(index, "Tip lama")
    newer = make_tip(index, "Tip baru")
    older.first_published_at = timezone.now() + datetime.timedelta(days=1)
    older.save(update_fields=["first_published_at"])

    listing = client.get(index.url).content.decode()
    assert listing.index("Tip lama") < listing.index(newer.title)
    feed = client.get(index.url + "feed/rss/").content.decode()
    assert feed.index("Tip lama") < feed.index(newer.title)


@pytest.fixture
def every_section(portal, directory):
    KimGroupPageFactory(parent=directory)
    make_tip(make_tip_index(portal), "Tanam padi")
    make_material(TrainingIndexPageFactory(parent=portal))
    make_clarification(HoaxClarificationIndexPageFactory(parent=portal))
    CulturalEventPageFactory(
        parent=CulturalEventIndexPageFactory(parent=portal),
        start_date=datetime.date.today() + datetime.timedelta(days=10),
    )


ORDER_INDEXES = {
    "groups": "kim_cms_kimgrouppage_kim_first_published_at",
    "tips": "kim_cms_agriculturetippage_kim_first_published_at",
    "training": "kim_cms_trainingmaterialpage_kim_first_published_at",
    "clarifications": "kim_cms_hoaxclarificationpage_review_date",
    "events": "kim_cms_culturaleventpage_next_start",
}


def test_sections_read_their_own_index_and_sort_nothing(portal, every_section):
    """SQLite keeps no statistics by default, so it plans as it would for
    35,000 pages: each section reads its page type's index in order and
    stops after the items shown, instead of reading every page of the
    language through the locale index and sorting them."""
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL and MariaDB plan by the statistics of the data")
    request = RequestFactory().get("/")
    sections = {s.key: s for s in get_portal_sections()}
    for key, index_name in ORDER_INDEXES.items():
        with read_restrictions_once(), CaptureQueriesContext(connection) as queries:
            items = sections[key].items(portal, request, 6)
        assert items, key
        plan = []
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + queries.captured_queries[-1]["sql"])
            plan = [row[-1] for row in cursor.fetchall()]
        assert any(index_name in step for step in plan), (key, plan)
        assert not any("locale_id" in step for step in plan), (key, plan)
        assert not any("TEMP B-TREE" in step for step in plan), (key, plan)


def test_migrate_works_out_events_never_worked_out(client, portal):
    """An event saved before its stored occurrences existed is worked out by
    ``migrate``, and the landing page lists it from then on."""
    from kim_cms.pages import CulturalEventPage

    event = CulturalEventPageFactory(
        parent=CulturalEventIndexPageFactory(parent=portal),
        title="Festival Budaya Dayak",
        start_date=datetime.date.today() + datetime.timedelta(days=10),
    )
    CulturalEventPage.objects.filter(pk=event.pk).update(
        next_start=None, next_ends_by=None, next_checked_at=None
    )

    call_command("migrate", verbosity=0)

    event.refresh_from_db()
    assert event.next_start.date() == event.start_date
    assert event.next_checked_at is not None
    assert "Festival Budaya Dayak" in client.get("/").content.decode()


def test_lists_count_the_same_from_the_page_type_table(portal, directory, locales):
    """``count_pages()`` (what list pagination counts with) finds what the
    plain count finds: filters on the page, on the type's own fields, across
    a many-to-many relation (``distinct()``), and languages kept apart."""
    from kim_cms.queries import count_pages, in_locale, public_q
    from kim_cms.snippets import FocusArea

    focus = FocusArea.objects.create(
        name="Pertanian", slug="pertanian", locale=locales["id"]
    )
    other = FocusArea.objects.create(
        name="Nelayan", slug="nelayan", locale=locales["id"]
    )
    for number in range(5):
        group = publish(KimGroupPageFactory(parent=directory, live=False))
        group.focus_areas.set([focus, other] if number % 2 else [focus])
        group.save()
    KimGroupPageFactory(parent=directory, live=False)  # a draft
    groups = KimGroupPage.objects.descendant_of(directory).live().filter(public_q())
    lists = [
        groups,
        in_locale(groups, locales["id"].pk),
        in_locale(groups, locales["en"].pk),
        groups.filter(status="active"),
        groups.filter(focus_areas__in=[focus, other]).distinct(),
        groups.filter(focus_areas=other),
        KimGroupPage.objects.all(),
    ]
    for queryset in lists:
        assert count_pages(queryset) == queryset.count() == len(list(queryset))
    assert [count_pages(q) for q in lists] == [5, 5, 0, 5, 5, 2, 6]


def test_a_list_count_is_kept_until_a_visitor_could_see_a_change(
    client, portal, settings
):
    """The tip list counts its tips once: the next reader gets the count from
    the cache; a new tip, an unpublished one, or an edit to
    a snippet starts a new generation and the list is counted again."""
    from kim_cms.snippets import Kecamatan

    index = make_tip_index(portal)
    settings.KIM_CMS_PAGE_SIZE = 2
    tips = [make_tip(index, title=f"Tip {number}") for number in range(3)]

    def read():
        with CaptureQueriesContext(connection) as queries:
            html = client.get(index.url).content.decode()
        counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
        return html, len(queries), counts

    html, first, counts = read()
    assert counts and "?page=2" in html
    html, second, counts = read()
    assert counts == [] and second < first
    assert "?page=2" in html  # the kept count still pages the list

    tips[0].unpublish()
    html, _, counts = read()
    assert counts and "?page=2" not in html  # two tips: one page

    make_tip(index, title="Tip baru")
    html, _, counts = read()
    assert counts and "?page=2" in html

    read()  # kept again
    Kecamatan.objects.create(name="Kahayan Hilir", code="62.11.01")
    _, _, counts = read()
    assert counts  # a snippet changed: counted again


def test_the_warning_list_count_is_kept_though_its_order_follows_the_clock(
    client, portal, settings
):
    """What is in force orders the warning list, not how many it holds: its
    count is kept too, and a new warning counts again."""
    from tests.factories_warnings import make_warning, make_warning_index

    index = make_warning_index(portal)
    settings.KIM_CMS_PAGE_SIZE = 2
    for number in range(3):
        make_warning(index, title=f"Siaga banjir {number}")

    def counts():
        with CaptureQueriesContext(connection) as queries:
            html = client.get(index.url).content.decode()
        return html, [q for q in queries if "COUNT(" in q["sql"].upper()]

    html, first = counts()
    assert first and "?page=2" in html
    html, second = counts()
    assert second == [] and "?page=2" in html
    make_warning(index, title="Awas banjir")
    _, third = counts()
    assert third


def test_a_list_page_is_read_by_its_kept_rows_until_a_change(client, portal, settings):
    """The tip list orders every tip once per generation: the next reader
    loads the page's rows by their keys (no ``ORDER BY ... LIMIT`` over the
    list), sees the same page, and a new or unpublished tip shows at once."""
    from kim_cms.params import PagePaginator

    index = make_tip_index(portal)
    settings.KIM_CMS_PAGE_SIZE = 2
    tips = [make_tip(index, title=f"Tip {number}") for number in range(3)]

    def read(url=index.url):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        ordered = [
            q["sql"]
            for q in queries
            if "agriculturetippage" in q["sql"]
            and re.search(r"LIMIT \d+( OFFSET \d+)?$", q["sql"])
        ]
        titles = [tip.title for tip in response.context["tips"].object_list]
        return titles, ordered

    first = read()
    assert first[0] == ["Tip 2", "Tip 1"] and first[1]
    assert read() == (["Tip 2", "Tip 1"], [])  # the kept rows, no ordering
    assert read(index.url + "?page=2")[0] == ["Tip 0"]
    assert read(index.url + "?page=2") == (["Tip 0"], [])

    tips[1].unpublish()
    assert read()[0] == ["Tip 2", "Tip 0"]
    make_tip(index, title="Tip baru")
    assert read()[0] == ["Tip baru", "Tip 2"]
    assert read()[1] == []

    # filters, orders and languages are kept apart: the key is the query
    tips_list = AgricultureTipPage.objects.live().order_by("title")
    by_title = PagePaginator(tips_list, 2).page(1).object_list
    newest = PagePaginator(tips_list.order_by("-title"), 2).page(1).object_list
    assert [t.title for t in by_title] == ["Tip 0", "Tip 2"]
    assert [t.title for t in newest] == ["Tip baru", "Tip 2"]
    again = PagePaginator(tips_list, 2).page(1).object_list
    assert [t.title for t in again] == ["Tip 0", "Tip 2"]


def test_the_warning_lists_guides_are_read_by_their_kept_rows(client, portal, settings):
    from tests.factories_warnings import make_guide, make_warning_index

    index = make_warning_index(portal)
    settings.KIM_CMS_PAGE_SIZE = 2
    for name in ("Banjir", "Karhutla", "Longsor"):
        make_guide(index, f"Panduan {name}", slug=f"panduan-{name.lower()}")

    def read():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(index.url)
        guides = [g.title for g in response.context["guides"]]
        counted = any("COUNT(" in q["sql"].upper() for q in queries)
        more = response.context["more_guides"]  # what a template reads
        return guides, more() if callable(more) else more, counted

    assert read()[:2] == (["Panduan Banjir", "Panduan Karhutla"], 1)
    assert read() == (["Panduan Banjir", "Panduan Karhutla"], 1, False)
    make_guide(index, "Panduan Angin", slug="panduan-angin")
    assert read()[:2] == (["Panduan Angin", "Panduan Banjir"], 2)


def test_a_list_pages_cards_are_kept_until_a_change(client, portal, settings):
    """``{% kim_kept_rows %}``: the tip list's cards are rendered once per
    generation for each page, filter and language; the next reader reads no
    tip at all and gets the same HTML; a new tip shows at once."""
    index = make_tip_index(portal)
    settings.KIM_CMS_PAGE_SIZE = 2
    for number in range(3):
        kind = "aquaculture" if number else "food-crops"
        make_tip(index, title=f"Tip {number}", sub_sector=kind)

    def visit(query=""):
        with CaptureQueriesContext(connection) as queries:
            html = client.get(index.url + query).content.decode()
        read = [
            q["sql"]
            for q in queries
            # the tip table read (quoted as each database quotes it)
            if re.search(r"FROM [\"`]kim_cms_agriculturetippage[\"`]", q["sql"])
            and "COUNT(" not in q["sql"].upper()
        ]
        return html, read

    first, read = visit()
    assert "Tip 2" in first and "Tip 1" in first and read
    again, read = visit()
    assert (again, read) == (first, [])
    # another page and another filter are kept apart
    assert "Tip 0" in visit("?page=2")[0] and "Tip 2" not in visit("?page=2")[0]
    fisheries = visit("?subsektor=aquaculture")[0]
    assert "Tip 0" not in fisheries.split('class="kim-cards"')[1]
    make_tip(index, title="Tip baru")
    html, read = visit()
    assert "Tip baru" in html and read
