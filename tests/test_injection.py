"""Nothing an editor types comes out live in any output format.

One published page of every kim_cms type, in both languages, with hostile
text (``tests/hostile.py``) in every text field: titles, summaries, venues,
officers' names, steps, supplies, alt texts, captions, tables, snippets
(regions, commodities, categories, topics), image and document titles, and
hostile markup in every rich text. Then every output is parsed the way its
reader parses it: HTML pages, their JSON-LD and meta tags, the print view,
``.ics`` calendars, RSS and Atom feeds, the API, the sitemap, the ZIP of
documents and the admin's CSV and XLSX exports.

The pages are built once for the module (like ``tests/test_demo_shared.py``):
every test here only reads them.
"""

import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings
from django.utils.translation import deactivate
from wagtail.models import Locale, Page, Site

from kim_cms.pages import (
    AgricultureTipIndexPage,
    CulturalEventIndexPage,
    CulturalEventPage,
    TrainingMaterialPage,
)
from kim_cms.wagtail_admin.views.spreadsheets import FORMULA_TRIGGERS
from tests.hostile import (
    HOSTILE,
    MARKER,
    Targets,
    hostile_fields,
    live_pages,
    text_for,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def _build():
    from tests.factories import (
        DesaFactory,
        ImageFactory,
        KecamatanFactory,
        KimPortalPageFactory,
    )
    from tests.factories_events import (
        CulturalEventIndexPageFactory,
        CulturalEventPageFactory,
        EventCategoryFactory,
    )
    from tests.factories_groups import (
        FocusAreaFactory,
        KimActivityPageFactory,
        KimGroupIndexPageFactory,
        KimGroupOfficerFactory,
        KimGroupPageFactory,
    )
    from tests.factories_tips import CommodityFactory, make_tip, make_tip_index
    from tests.factories_training import (
        DocumentFactory,
        TrainingIndexPageFactory,
        TrainingTopicFactory,
        make_material,
    )

    indonesian, _ = Locale.objects.get_or_create(language_code="id")
    english, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    portal = KimPortalPageFactory(parent=root, title="Portal", slug="kim")
    site = Site.objects.get(is_default_site=True)
    site.root_page = portal
    site.save()
    Page.objects.filter(depth=2).exclude(pk=portal.pk).delete()

    # snippets and media, hostile too
    kecamatan = hostile_fields(KecamatanFactory(name="Maliku", code="62.11.05"))
    kecamatan.save()
    desa = hostile_fields(DesaFactory(name="Garantung", kecamatan=kecamatan))
    desa.code = "62.11.05.2001"
    desa.save()
    snippets = {
        "focus_area": FocusAreaFactory(name="Tani", slug="tani"),
        "commodity": CommodityFactory(name="Padi", slug="padi", locale=indonesian),
        "category": EventCategoryFactory(name="Festival", slug="festival"),
        "topic": TrainingTopicFactory(name="Literasi", slug="literasi"),
    }
    for snippet in snippets.values():
        hostile_fields(snippet).save()
    image = ImageFactory(title=text_for(ImageFactory._meta.model.title.field))
    if hasattr(image, "description"):
        image.description = text_for(type(image)._meta.get_field("description"))
        image.save()
    document = DocumentFactory(title=HOSTILE)
    Targets.image, Targets.document = image, document

    directory = KimGroupIndexPageFactory(parent=portal)
    group = KimGroupPageFactory(
        parent=directory, slug="kim", kecamatan=kecamatan, desa=desa, logo=image
    )
    group.focus_areas.add(snippets["focus_area"])
    group.save()
    officer = KimGroupOfficerFactory(page=group, consent_to_publish=True)
    hostile_fields(officer).save()
    activity = KimActivityPageFactory(parent=group, slug="kegiatan")
    tip_index = make_tip_index(portal)
    tip = make_tip(
        tip_index,
        slug="tip",
        commodity=snippets["commodity"],
        kim_group=group,
        image=image,
        kecamatan=[kecamatan],
    )
    event_index = CulturalEventIndexPageFactory(parent=portal)
    event = CulturalEventPageFactory(
        parent=event_index, slug="acara", kim_group=group, kecamatan=kecamatan
    )
    event.categories.add(snippets["category"]) if hasattr(event, "categories") else None
    training_index = TrainingIndexPageFactory(parent=portal)
    material = make_material(
        training_index, slug="pelatihan", documents=[document], kim_group=group
    )
    pages = [
        portal,
        directory,
        group,
        activity,
        tip_index,
        tip,
        event_index,
        event,
        training_index,
        material,
    ]
    Targets.pages = {type(page.specific): page.specific for page in pages}

    problems = {}
    for page in pages:
        page = type(page.specific).objects.get(pk=page.pk)
        hostile_fields(page)
        try:
            page.save_revision().publish()
        except Exception as error:  # noqa: BLE001 - reported below
            problems[type(page).__name__] = error
    assert problems == {}, problems

    translated = {}
    for page in pages:
        page = Page.objects.get(pk=page.pk).specific
        copy = page.copy_for_translation(english)
        copy.save_revision().publish()
        translated[page.pk] = copy
    return {"portal": portal, "document": document}


@pytest.fixture(scope="module")
def hostile_site(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("hostile-media")
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic._from_testcase = True
        atomic.__enter__()
        try:
            with override_settings(MEDIA_ROOT=str(media)):
                cache.clear()
                built = _build()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
        finally:
            cache.clear()
            deactivate()
    yield {"media": media, **built}
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
        cache.clear()


@pytest.fixture(autouse=True)
def site(hostile_site, db, settings):
    settings.MEDIA_ROOT = str(hostile_site["media"])
    return hostile_site


# -- what a reader's parser finds ---------------------------------------------------


#: The only scripts a kim-cms page may load: its own static files.
OWN_SCRIPTS = ("/static/kim_cms/js/",)


def _own_file(url):
    """The text of kim-cms's static file at ``url`` (``/static/...``)."""
    from django.contrib.staticfiles import finders

    found = finders.find(url.removeprefix("/static/"))
    if not found:
        return None
    with open(found, encoding="utf-8") as handle:
        return handle.read().strip()


class _Html(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.json_ld, self.meta = [], [], {}
        self._script = None
        self._own_script = False
        self._inline = None  # (path, text) of kim-cms's own inline script

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "kimxss":
            self.problems.append("a <kimxss> element")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action") and (
                value or ""
            ).strip().lower().startswith(("javascript:", "data:text/html")):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            if attrs.get("type") == "application/ld+json":
                self._script = []
            elif (attrs.get("src") or "").startswith(OWN_SCRIPTS):
                # kim-cms's own file (the offline copies), never inline code
                self._own_script = True
            elif (attrs.get("data-kim-script") or "").startswith(OWN_SCRIPTS):
                # the same file inline: checked against the file below
                self._inline = (attrs["data-kim-script"], [])
            else:
                self.problems.append(f"<script {attrs}>")
                self._script = []
        if tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get(
                "content", ""
            )

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.json_ld.append("".join(self._script))
            self._script = None
        if tag == "script" and self._inline is not None:
            path, text = self._inline
            if "".join(text).strip() != _own_file(path):
                self.problems.append(f"inline code in <script data-kim-script={path}>")
            self._inline = None
        self._own_script = False

    def handle_data(self, data):
        if self._inline is not None:
            self._inline[1].append(data)
        elif self._script is not None:
            self._script.append(data)
        elif self._own_script and data.strip():
            self.problems.append("inline code in kim-cms's own <script src>")


def html_problems(text):
    problems = []
    if MARKER in text.lower():
        problems.append("<kimxss unescaped")
    parser = _Html()
    parser.feed(text)
    parser.close()
    problems += parser.problems
    for block in parser.json_ld:
        if "</" in block or "<!--" in block:
            problems.append("JSON-LD holds markup")
        try:
            json.loads(block)
        except ValueError as error:
            problems.append(f"JSON-LD does not parse: {error}")
    return problems, parser


def _routes(page):
    url = page.url
    routes = [url]
    if isinstance(page, AgricultureTipIndexPage):
        routes += [url + "feed/rss/", url + "feed/atom/"]
    if isinstance(page, CulturalEventIndexPage):
        routes += [url + "past/", url + "ics/"]
        event = CulturalEventPage.objects.live().filter(locale=page.locale).first()
        start = event.next_occurrence().start_date
        routes.append(f"{url}month/{start.year}/{start.month}/")
    if isinstance(page, CulturalEventPage):
        routes.append(url + "ics/")
    if isinstance(page, TrainingMaterialPage):
        routes += [url + "print/", url + "documents-zip/"]
    return routes


def all_routes():
    routes = []
    for page in live_pages():
        routes += _routes(page)
    return routes


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


# -- the tests ----------------------------------------------------------------------


def test_every_page_type_is_there_in_both_languages():
    pages = list(live_pages())
    types = {type(page).__name__ for page in pages}
    assert len(types) == 10, types
    assert {page.locale.language_code for page in pages} == {"id", "en"}
    assert all(page.title.startswith('="') for page in pages)


def test_html_pages_print_views_and_listings_hold_no_live_markup(client):
    checked = 0
    for url in all_routes():
        response = get(client, url)
        if not response["Content-Type"].startswith("text/html"):
            continue
        problems, parser = html_problems(response.content.decode())
        assert problems == [], (url, problems)
        checked += 1
    assert checked >= 24


def test_meta_tags_and_json_ld_carry_the_text_as_typed(client):
    with_json_ld = 0
    for page in live_pages():
        response = get(client, page.url)
        _problems, parser = html_problems(response.content.decode())
        title = parser.meta.get("og:title", "")
        assert title.startswith(page.title[:20]), (page.url, title)
        data = [json.loads(block) for block in parser.json_ld]
        if data:
            with_json_ld += 1
            # the text is data in the JSON: the same characters, none dropped
            assert json.dumps(page.title)[1:21] in json.dumps(data), page.url
    assert with_json_ld >= 8


def test_calendars_hold_the_text_as_text(client):
    from icalendar import Calendar

    calendars = [url for url in all_routes() if url.endswith("/ics/")]
    assert len(calendars) >= 4
    for url in calendars:
        response = get(client, url)
        calendar = Calendar.from_ical(response.content)
        events = calendar.walk("VEVENT")
        assert events, url
        for event in events:
            names = {name for name, _value in event.property_items()}
            assert "ATTENDEE" not in names and "X-KIMXSS" not in names, url
            assert str(event["SUMMARY"]).startswith('="'), url
            for name in ("DESCRIPTION", "LOCATION"):
                if name in event:
                    assert "ATTENDEE:mailto" not in str(event[name]).split("\n")[0]


def test_feeds_hold_no_html_made_from_text(client):
    feeds = [url for url in all_routes() if "/feed/" in url]
    assert len(feeds) == 4
    for url in feeds:
        root = ET.fromstring(get(client, url).content)
        for item in root.iter("item"):
            description = item.findtext("description") or ""
            assert MARKER not in description.lower(), url  # readers render HTML
            assert item.findtext("title").startswith('="'), url
        for element in root.iter():
            if element.get("type") in ("html", "xhtml"):
                assert MARKER not in (element.text or "").lower(), (url, element.tag)
        for entry in root.iter(f"{ATOM}entry"):
            summary = entry.find(f"{ATOM}summary")
            assert summary is None or summary.get("type") == "text", url


def _strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def test_api_answers_json_with_text_as_data_and_clean_rich_text(client):
    urls = ["/api/v2/images/?fields=*", "/api/v2/documents/?fields=*"]
    for page in live_pages():
        urls.append(f"/api/v2/pages/{page.pk}/")
        urls.append(f"/api/v2/pages/?type={page._meta.label}&fields=*")
    rich_text_seen = 0
    for url in urls:
        response = get(client, url)
        assert response["Content-Type"].startswith("application/json"), url
        data = json.loads(response.content)
        for text in _strings(data):
            if "</p>" in text or "data-block-key" in text:  # rich text: HTML
                rich_text_seen += 1
                problems, _parser = html_problems(text)
                assert problems == [], (url, problems, text[:200])
    assert rich_text_seen


def _rich_text(block, value):
    """The sources of every rich text in a StreamField value."""
    from wagtail import blocks

    if isinstance(block, blocks.RichTextBlock):
        yield value.source
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _rich_text(child, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _rich_text(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _rich_text(child.block, child.value)


def test_rich_text_set_by_code_was_cleaned(client):
    """The pages were given hostile markup by code; what is stored is what
    the editor could have written."""
    from wagtail.fields import RichTextField, StreamField

    stored = []
    for page in live_pages():
        for field in page._meta.concrete_fields:
            value = getattr(page, field.attname)
            if isinstance(field, RichTextField) and value:
                stored.append(value)
            elif isinstance(field, StreamField) and value:
                stored += list(_rich_text(field.stream_block, value))
    assert len(stored) >= 20
    for html in stored:
        assert "data-block-key" in html, html
        problems, _parser = html_problems(html)
        assert problems == [], (problems, html)
        assert "<script" not in html and "<iframe" not in html, html


def test_sitemap_is_well_formed(client):
    root = ET.fromstring(get(client, "/sitemap.xml").content)
    locations = [
        e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert len(locations) >= 18
    assert all(loc.startswith("http://") and "<" not in loc for loc in locations)


def test_zip_of_documents_has_safe_names(client):
    zips = [url for url in all_routes() if url.endswith("documents-zip/")]
    assert zips
    for url in zips:
        response = get(client, url)
        content = (
            b"".join(response.streaming_content)
            if response.streaming
            else (response.content)
        )
        names = zipfile.ZipFile(io.BytesIO(content)).namelist()
        assert names, url
        for name in names:
            assert "/" not in name and "\\" not in name and ".." not in name, name
            assert name.isprintable(), name


@pytest.mark.parametrize(
    "url",
    [
        "/admin/kim_cms_groups/",
        "/admin/reports/kim-translation-status/",
        "/admin/reports/kim-tips-due-for-review/",
    ],
)
def test_exports_hold_no_formula(url, admin_client):
    from openpyxl import load_workbook

    response = admin_client.get(url, {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body, newline="")))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_TRIGGERS)]
    response = admin_client.get(url, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_TRIGGERS):
                assert cell.data_type == "s" and cell.quotePrefix, cell.value


def test_only_kim_cms_own_script_may_stand_inline():
    """The parser the tests above read pages with lets kim-cms's offline
    script stand inline only as the file holds it."""
    url = "/static/kim_cms/js/kim_offline.js"

    def inline(text, path=url):
        return html_problems(f'<script data-kim-script="{path}">{text}</script>')[0]

    assert inline(_own_file(url)) == []
    for text in ("alert(1)", _own_file(url) + "alert(1)"):
        assert inline(text) == [f"inline code in <script data-kim-script={url}>"]
    assert inline("alert(1)", path="/elsewhere/x.js")[0].startswith("<script")
