import datetime
import html
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission, PageViewRestriction

from kim_cms.pages import AgricultureTipPage
from tests.factories import ImageFactory
from tests.factories_tips import make_tip, make_tip_index
from tests.html import squash

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def json_ld(html):
    found = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    assert len(found) == 1
    return json.loads(found[0])


def translate_tree(index, tip, locales):
    en_index = index.copy_for_translation(locales["en"])
    en_index.title = "Farming tips"
    en_index.save_revision().publish()
    en_tip = tip.copy_for_translation(locales["en"])
    en_tip.title = "Rice on peat"
    en_tip.summary = "How to grow rice on peat without fire."
    en_tip.save_revision().publish()
    return en_index, en_tip


# Accuracy -------------------------------------------------------------------


def test_page_says_who_verified_and_when(portal, client):
    tip = make_tip(make_tip_index(portal), review_due=datetime.date(2099, 1, 1))
    html = client.get(tip.url).content.decode()
    assert "Diverifikasi oleh Siti Rahmah" in html or "Verified by Siti Rahmah" in html
    assert "10 Januari 2026" in html
    assert "kim-notice" not in html


def test_overdue_tip_shows_due_for_review_notice(portal, client, monkeypatch):
    tip = make_tip(
        make_tip_index(portal),
        reviewed_on=datetime.date(2025, 1, 1),
        review_due=datetime.date(2025, 6, 1),
    )
    monkeypatch.setattr(
        "kim_cms.pages.tips.seasons.today", lambda: datetime.date(2025, 6, 2)
    )
    html = client.get(tip.url).content.decode()
    assert 'class="kim-notice"' in html
    monkeypatch.setattr(
        "kim_cms.pages.tips.seasons.today", lambda: datetime.date(2025, 6, 1)
    )
    html = client.get(tip.url).content.decode()
    assert 'class="kim-notice"' not in html


def test_overdue_tip_notice_in_english(portal, english_portal, client, locales):
    index = make_tip_index(portal)
    tip = make_tip(
        index,
        reviewed_on=datetime.date(2020, 1, 1),
        review_due=datetime.date(2020, 6, 1),
    )
    _en_index, en_tip = translate_tree(index, tip, locales)
    html = client.get(en_tip.url).content.decode()
    assert "This advice is due for review." in html


REPORT = "/admin/reports/kim-tips-due-for-review/"


def test_overdue_report_lists_overdue_tips_only(portal, admin_client):
    index = make_tip_index(portal)
    make_tip(
        index,
        "Tip lama",
        reviewed_on=datetime.date(2020, 1, 1),
        review_due=datetime.date(2020, 6, 1),
    )
    make_tip(index, "Tip baru", review_due=datetime.date(2099, 1, 1))
    response = admin_client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tip lama" in html
    assert "Tip baru" not in html
    menu = admin_client.get("/admin/").content.decode()
    assert REPORT in menu
    csv = admin_client.get(REPORT + "?export=csv")
    assert csv.status_code == 200
    assert b"Tip lama" in b"".join(csv.streaming_content)


def test_overdue_report_refused_to_anonymous(portal, client):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_overdue_report_refused_without_page_permission(
    portal, client, django_user_model
):
    index = make_tip_index(portal)
    make_tip(
        index,
        "Tip lama",
        reviewed_on=datetime.date(2020, 1, 1),
        review_due=datetime.date(2020, 6, 1),
    )
    user = django_user_model.objects.create_user("relawan", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert "Tip lama" not in response.content.decode()
    assert REPORT not in client.get("/admin/").content.decode()


def test_overdue_report_limited_to_editable_tips(portal, client, django_user_model):
    index = make_tip_index(portal)
    other = make_tip_index(portal, title="Lain", slug="lain")
    old = {
        "reviewed_on": datetime.date(2020, 1, 1),
        "review_due": datetime.date(2020, 6, 1),
    }
    make_tip(index, "Tip saya", **old)
    make_tip(other, "Tip orang lain", **old)
    group = Group.objects.create(name="Editor tips")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=index,
        permission=Permission.objects.get(codename="change_page"),
    )
    user = django_user_model.objects.create_user("editor", password="x")
    user.groups.add(group)
    client.force_login(user)
    html = client.get(REPORT).content.decode()
    assert "Tip saya" in html
    assert "Tip orang lain" not in html


# Structured data -------------------------------------------------------------


def test_json_ld_howto_and_article_match_the_page(portal, client):
    image = ImageFactory()
    tip = make_tip(make_tip_index(portal), "Padi & gambut <cara>", steps=2, image=image)
    html = client.get(tip.url).content.decode()
    data = json_ld(html)
    graph = {node["@type"]: node for node in data["@graph"]}
    howto = graph["HowTo"]
    assert howto["name"] == "Padi & gambut <cara>"
    assert [s["name"] for s in howto["step"]] == ["Langkah 1", "Langkah 2"]
    assert howto["step"][0]["text"] == "Kerjakan langkah 1."
    assert howto["step"][0]["position"] == 1
    assert howto["step"][0]["image"].startswith("http://localhost/media/")
    assert howto["supply"] == [
        {"@type": "HowToSupply", "name": "Dolomit", "requiredQuantity": "1 ton/ha"}
    ]
    assert howto["tool"] == [{"@type": "HowToTool", "name": "Cangkul"}]
    assert howto["inLanguage"] == "id"
    article = graph["Article"]
    assert article["headline"] == tip.title
    assert article["author"]["name"] == "Siti Rahmah"
    assert article["datePublished"].startswith(str(tip.first_published_at.year))
    assert graph["WebPage"]["lastReviewed"] == "2026-01-10"
    assert "<cara>" not in html.split('application/ld+json">')[1].split("</script>")[0]


def test_json_ld_in_english(portal, english_portal, client, locales):
    index = make_tip_index(portal)
    tip = make_tip(index)
    _en_index, en_tip = translate_tree(index, tip, locales)
    data = json_ld(client.get(en_tip.url).content.decode())
    howto = data["@graph"][0]
    assert howto["inLanguage"] == "en"
    assert howto["name"] == "Rice on peat"
    assert howto["url"] == "http://localhost/en/tips/padi-di-lahan-gambut/"


def _tip_page_queries(client, tip):
    client.get(tip.url)  # renditions are created on the first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(tip.url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_tip_page_queries_do_not_grow_with_steps(portal, client):
    image = ImageFactory()
    index = make_tip_index(portal)
    one, _html = _tip_page_queries(
        client, make_tip(index, "Satu", steps=1, image=image)
    )
    fifteen, html = _tip_page_queries(
        client, make_tip(index, "Lima belas", steps=15, image=image)
    )
    assert html.count('<li id="langkah-') == 15
    assert fifteen == one
    # The whole request, routing and shared layout included, stays under 15
    # queries (see test_query_budget.py).
    assert fifteen <= 14


# Feeds -----------------------------------------------------------------------


@pytest.fixture
def feed_tips(portal, english_portal, locales):
    index = make_tip_index(portal)
    live = make_tip(index, "Tip terbit")
    make_tip(index, "Tip draf", publish=False)
    private = make_tip(index, "Tip rahasia")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    en_index, en_tip = translate_tree(index, live, locales)
    return {"index": index, "en_index": en_index}


def test_rss_feed_is_valid_and_lists_only_live_public_tips(feed_tips, client):
    response = client.get("/tips/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("language") == "id"
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["Tip terbit"]
    item = channel.find("item")
    assert item.findtext("link") == "http://localhost/tips/tip-terbit/"
    assert item.findtext("description").startswith("Cara menanam padi")
    assert item.findtext("pubDate")


def test_atom_feed_is_valid_and_per_language(feed_tips, client):
    response = client.get(feed_tips["en_index"].url + "feed/atom/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Rice on peat"]
    assert entries[0].find(f"{ATOM}link").get("href").startswith("http://localhost/en/")
    assert entries[0].findtext(f"{ATOM}updated")
    indonesian = ET.fromstring(client.get("/tips/feed/atom/").content)
    titles = [e.findtext(f"{ATOM}title") for e in indonesian.findall(f"{ATOM}entry")]
    assert titles == ["Tip terbit"]


HOSTILE_SUMMARY = '"><img src=x onerror=alert(1)> & <b>tebal</b>'


def _rendered_as_html(text):
    """The tags a feed reader would find when it renders ``text`` as HTML."""
    from html.parser import HTMLParser

    found = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append(tag)

    Tags().feed(text)
    return found


def test_feeds_carry_a_plain_text_summary_as_text(portal, client):
    """A summary that looks like HTML reaches the reader as the text typed:
    RSS escapes it for HTML (readers render descriptions as HTML), Atom says
    ``type="text"``."""
    index = make_tip_index(portal)
    make_tip(index, "Tip <i>miring</i>", summary=HOSTILE_SUMMARY)

    rss = ET.fromstring(client.get("/tips/feed/rss/").content)
    item = rss.find("channel/item")
    description = item.findtext("description")
    assert _rendered_as_html(description) == []
    assert html.unescape(description) == HOSTILE_SUMMARY

    atom = ET.fromstring(client.get("/tips/feed/atom/").content)
    summary = atom.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text == HOSTILE_SUMMARY
    title = atom.find(f"{ATOM}entry/{ATOM}title")
    assert title.get("type", "text") == "text"
    assert title.text == "Tip <i>miring</i>"


def test_feeds_announced_in_head(feed_tips, client):
    html = client.get("/tips/").content.decode()
    head = squash(html.split("</head>")[0])
    assert 'rel="alternate" type="application/rss+xml"' in head
    assert 'href="http://localhost/tips/feed/rss/"' in head
    assert 'href="http://localhost/tips/feed/atom/"' in head


def test_feed_of_private_index_refused(feed_tips, client):
    PageViewRestriction.objects.create(
        page=feed_tips["index"], restriction_type="login"
    )
    for url in ("/tips/feed/rss/", "/tips/feed/atom/"):
        response = client.get(url)
        assert response.status_code == 302
        assert b"Tip terbit" not in response.content


def test_feed_of_draft_index_not_served(feed_tips, client):
    feed_tips["index"].unpublish()
    assert client.get("/tips/feed/rss/").status_code == 404


def test_unknown_feed_route_is_404(feed_tips, client):
    assert client.get("/tips/feed/json/").status_code == 404


# Portal ----------------------------------------------------------------------


def test_portal_shows_tips_in_season_now(portal, client, monkeypatch):
    index = make_tip_index(portal)
    make_tip(index, "Tip musim hujan", months=",11,12,1,2,")
    make_tip(index, "Tip kemarau", months=",7,8,")
    draft = make_tip(index, "Tip draf musim hujan", months=",12,", publish=False)
    monkeypatch.setattr("kim_cms.pages.tips.seasons.current_month", lambda: 1)
    html = client.get("/").content.decode()
    assert "kim-section--tips" in html
    assert "Tip musim hujan" in html
    assert "Tip kemarau" not in html
    assert draft.title not in html
    assert 'href="/tips/"' in html


def test_portal_section_shows_only_portal_language(
    portal, english_portal, client, locales
):
    index = make_tip_index(portal)
    tip = make_tip(index, months="")
    translate_tree(index, tip, locales)
    html = client.get("/en/").content.decode()
    assert "Rice on peat" in html
    assert "Padi di lahan gambut" not in html
    assert AgricultureTipPage.objects.count() == 2
