"""What a slow phone and a feed reader get: bounded calendar files, an icon
the browser finds, a meta description on every index page, and static
files that browsers keep."""

import datetime
import html
import re
from pathlib import Path

import pytest
from icalendar import Calendar

from kim_cms.outputs import ics
from tests.factories_events import (
    CulturalEventIndexPageFactory,
    CulturalEventPageFactory,
)
from tests.factories_tips import make_tip_index

TODAY = datetime.date.today()


@pytest.fixture
def events(portal):
    index = CulturalEventIndexPageFactory(parent=portal)
    for title, days in [
        ("Festival bulan depan", 30),
        ("Festival tahun depan", 300),
        ("Festival dua tahun lagi", 500),
        ("Lomba kemarin", -2),
        ("Lomba minggu lalu", -7),
        ("Lomba dua tahun lalu", -700),
    ]:
        CulturalEventPageFactory(
            parent=index, title=title, start_date=TODAY + datetime.timedelta(days)
        )
    return index


def summaries(response):
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


def test_the_calendar_file_holds_the_coming_and_the_last_twelve_months(events, client):
    assert summaries(client.get(events.url + "ics/")) == {
        "Festival bulan depan",
        "Festival tahun depan",
        "Lomba kemarin",
        "Lomba minggu lalu",
    }


def test_the_calendar_file_holds_only_the_soonest_coming_events(
    events, client, monkeypatch
):
    monkeypatch.setattr(ics, "ICS_UPCOMING_LENGTH", 1)
    found = summaries(client.get(events.url + "ics/"))
    assert "Festival bulan depan" in found and "Festival tahun depan" not in found
    assert {"Lomba kemarin", "Lomba minggu lalu"} <= found


def test_the_calendar_file_holds_only_the_latest_past_events(
    events, client, monkeypatch
):
    monkeypatch.setattr(ics, "ICS_PAST_LENGTH", 1)
    found = summaries(client.get(events.url + "ics/"))
    assert "Lomba kemarin" in found and "Lomba minggu lalu" not in found


def test_every_page_carries_the_icon_and_asks_for_no_file(portal, client):
    from urllib.parse import unquote

    from django.contrib.staticfiles import finders

    page = client.get(portal.url).content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)" type="([^"]+)">', page)
    assert icon[2] == "image/svg+xml"
    prefix = "data:image/svg+xml,"
    assert icon[1].startswith(prefix)
    svg = Path(finders.find("kim_cms/favicon.svg")).read_text().strip()
    assert unquote(html.unescape(icon[1])[len(prefix) :]) == svg.replace('"', "'")
    # Nothing in it could end the attribute or the URL.
    assert not set(icon[1][len(prefix) :]) & set('"<>#')


def test_an_icon_too_large_to_carry_is_linked(settings, tmp_path):
    from django.template import Context, Template

    static = tmp_path / "static"
    (static / "site").mkdir(parents=True)
    (static / "site" / "big.svg").write_text("<svg>" + "<g/>" * 400 + "</svg>")
    settings.STATICFILES_DIRS = [str(static)]
    settings.DEBUG = True  # read again, not from the cache
    html = Template('{% load kim_cms_tags %}{% kim_icon "site/big.svg" %}').render(
        Context()
    )
    assert html == '<link rel="icon" href="/static/site/big.svg" type="image/svg+xml">'


def description(client, url):
    page = client.get(url).content.decode()
    tag = re.search(r'<meta name="description" content="([^"]*)">', page)
    return tag and html.unescape(tag[1])


def test_every_index_page_has_a_meta_description(portal, english_portal, client):
    from django.utils import translation

    index = make_tip_index(
        portal, introduction="<p>Kiat <b>bertani</b> &amp; beternak.</p>"
    )
    assert description(client, index.url) == "Kiat bertani & beternak."
    bare = make_tip_index(portal, title="Kiat", slug="kiat")
    assert description(client, bare.url).startswith("Kiat: ")
    with translation.override("en"):
        assert "KIM portal" in bare.get_social_description()
    with translation.override("id"):
        assert "portal KIM" in bare.get_social_description()
    bare.search_description = "Ringkasan untuk mesin pencari."
    bare.save_revision().publish()
    assert description(client, bare.url) == "Ringkasan untuk mesin pencari."


def test_static_files_and_renditions_are_kept_by_browsers():
    """Hashed static names (the production block's manifest storage, which
    whitenoise serves as immutable) and image renditions served by nginx for
    a year, immutable."""
    from tests.test_integration_docs import readme_block

    production = readme_block("production")
    assert "whitenoise.storage.CompressedManifestStaticFilesStorage" in production
    nginx = readme_block("nginx")
    renditions = re.search(r"location /media/images/ \{(.*?)\}", nginx, re.S)
    assert renditions, "the nginx block lost its renditions location"
    assert 'Cache-Control "public, max-age=31536000, immutable"' in renditions[1]
