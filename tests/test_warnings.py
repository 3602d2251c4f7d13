"""Disaster warnings: the level mapping, the banner on every page (expiry,
cancellation, cache and query budget), the warning page and the list."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from kim_cms.pages import warnings as warnings_module
from kim_cms.pages.warnings import CAP_LEVELS, cap_level, get_banner_warnings
from tests.factories import DesaFactory, KecamatanFactory
from tests.factories_warnings import HazardFactory, make_warning, make_warning_index

pytestmark = pytest.mark.django_db

BANNER = 'class="kim-warning-banner"'


@pytest.fixture
def index(portal):
    return make_warning_index(portal)


def at(monkeypatch, moment):
    monkeypatch.setattr(warnings_module.levels, "now", lambda: moment)


def headlines(moment=None, language="id"):
    return [w.headline for w in get_banner_warnings(moment, language)]


@pytest.mark.parametrize(
    "level, severity, urgency, certainty",
    [
        ("normal", "Minor", "Future", "Unlikely"),
        ("waspada", "Moderate", "Future", "Possible"),
        ("siaga", "Severe", "Expected", "Likely"),
        ("awas", "Extreme", "Immediate", "Observed"),
    ],
)
def test_level_maps_to_cap_severity_urgency_certainty(
    level, severity, urgency, certainty
):
    mapped = cap_level(level)
    assert (mapped.severity, mapped.urgency, mapped.certainty) == (
        severity,
        urgency,
        certainty,
    )


def test_levels_rank_from_normal_to_awas():
    ranks = [CAP_LEVELS[level].rank for level in ("normal", "waspada", "siaga", "awas")]
    assert ranks == sorted(ranks) and len(set(ranks)) == 4


def test_banner_on_every_kim_page_most_severe_first(index, portal, client):
    make_warning(index, "Waspada banjir Kahayan", level="waspada")
    make_warning(index, "Awas karhutla Jabiren Raya", level="awas")
    make_warning(index, "Siaga kabut asap", level="siaga")
    for url in (portal.url, index.url):
        html = client.get(url).content.decode()
        assert html.count(BANNER) == 1
        positions = [
            html.index(text)
            for text in ("Awas karhutla", "Siaga kabut asap", "Waspada banjir")
        ]
        assert positions == sorted(positions)
    html = client.get(portal.url).content.decode()
    assert "AWAS" in html and "Jabiren Raya" in html
    assert 'href="/peringatan/awas-karhutla-jabiren-raya/"' in html


def test_banner_shows_area_and_validity_in_the_warnings_zone(index, client):
    until = datetime.datetime(2031, 8, 20, 18, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    make_warning(
        index,
        valid_from=until - datetime.timedelta(days=3650),
        valid_until=until,
        time_zone="Asia/Makassar",
    )
    html = client.get(index.url).content.decode()
    assert "Jabiren Raya" in html
    assert "20 Agustus 2031, 18.00 WITA" in html


def test_no_banner_without_a_warning_in_force(index, portal, client):
    make_warning(index, "Draf siaga", publish=False)
    make_warning(index, "Sudah normal", level="normal")
    assert BANNER not in client.get(portal.url).content.decode()


@pytest.mark.parametrize(
    "zone, label",
    [("Asia/Jakarta", "WIB"), ("Asia/Makassar", "WITA"), ("Asia/Jayapura", "WIT")],
)
def test_warning_leaves_the_banner_at_valid_until(
    index, portal, client, monkeypatch, zone, label
):
    # 18.00 on the warning's own wall clock, whichever zone it is in.
    until = datetime.datetime(2030, 9, 1, 18, 0, tzinfo=ZoneInfo(zone))
    make_warning(
        index,
        valid_from=until - datetime.timedelta(days=2),
        valid_until=until,
        time_zone=zone,
    )
    just_before = until - datetime.timedelta(microseconds=1)
    at(monkeypatch, just_before)
    html = client.get(portal.url).content.decode()
    assert BANNER in html and f"18.00 {label}" in html
    # the banner is cached now; at valid_until it is gone all the same
    at(monkeypatch, until)
    assert BANNER not in client.get(portal.url).content.decode()
    assert headlines(until) == []


def test_warning_enters_the_banner_at_valid_from(index, monkeypatch):
    start = datetime.datetime(2030, 9, 1, 6, 0, tzinfo=ZoneInfo("Asia/Jayapura"))
    make_warning(index, valid_from=start, valid_until=start + datetime.timedelta(1))
    before = start - datetime.timedelta(seconds=1)
    assert headlines(before) == []  # cached until the warning starts
    assert headlines(start) == ["Siaga karhutla di Jabiren Raya"]


def test_cancelled_warning_leaves_the_banner_at_once(index, portal, client):
    warning = make_warning(index)
    assert BANNER in client.get(portal.url).content.decode()  # cached now
    warning.cancelled = True
    warning.save_revision().publish()
    assert BANNER not in client.get(portal.url).content.decode()
    warning.refresh_from_db()
    assert warning.get_cap_message_type() == "Cancel"


def test_unpublished_and_deleted_warnings_leave_the_banner(index):
    first = make_warning(index, "Siaga satu")
    second = make_warning(index, "Siaga dua")
    assert sorted(headlines()) == ["Siaga dua", "Siaga satu"]
    first.unpublish()
    assert headlines() == ["Siaga dua"]
    second.delete()
    assert headlines() == []


def test_new_warning_appears_at_once_though_the_banner_is_cached(index):
    make_warning(index, "Siaga satu")
    assert headlines() == ["Siaga satu"]
    make_warning(index, "Awas dua", level="awas")
    assert headlines() == ["Awas dua", "Siaga satu"]


def test_private_warning_stays_off_the_banner(index):
    warning = make_warning(index)
    PageViewRestriction.objects.create(
        page=warning, restriction_type=PageViewRestriction.LOGIN
    )
    warnings_module.invalidate_banner()
    assert headlines() == []


def test_banner_costs_one_query_warm_and_none_cached(index, portal, client, settings):
    settings.KIM_CMS_WARNING_BANNER_LIMIT = 5  # all shown: no link to the list
    for n in range(5):
        make_warning(index, f"Siaga {n}", kecamatan=[KecamatanFactory()])
    client.get(portal.url)  # warms Wagtail's site cache
    warnings_module.invalidate_banner()
    with CaptureQueriesContext(connection) as warm:
        assert len(get_banner_warnings()) == 5
    assert len(warm.captured_queries) == 1  # at most one, and it is counted
    with CaptureQueriesContext(connection) as cached:
        assert len(get_banner_warnings()) == 5
    assert len(cached.captured_queries) == 0


def test_banner_shows_the_most_severe_and_links_to_the_rest(
    index, portal, client, settings
):
    make_warning(index, "Waspada banjir Kahayan", level="waspada")
    make_warning(index, "Awas karhutla Jabiren Raya", level="awas")
    make_warning(index, "Siaga kabut asap", level="siaga")
    make_warning(index, "Waspada angin kencang", level="waspada")
    make_warning(index, "Waspada longsor", level="waspada")
    settings.KIM_CMS_WARNING_BANNER_LIMIT = 2
    html = client.get(portal.url).content.decode()
    banner = html[html.index(BANNER) : html.index("</section>", html.index(BANNER))]
    assert banner.count('class="kim-warning-banner__item ') == 2
    assert "Awas karhutla" in banner and "Siaga kabut asap" in banner
    assert "Waspada" not in banner.replace("kim-warning-banner__item--", "")
    assert f'<a href="{index.url}">3 peringatan lain berlaku</a>' in banner
    with translation.override("en"):
        html = Template("{% load kim_warnings_tags %}{% kim_warning_banner %}").render(
            Context({"request": RequestFactory().get("/")})
        )
    assert "3 more warnings in force</a>" in html


def test_banner_costs_the_same_however_many_warnings(index, portal, client):
    make_warning(index, "Siaga 0")
    client.get(portal.url)
    warnings_module.invalidate_banner()
    few = len(client.get(portal.url).content)
    for n in range(1, 12):
        make_warning(index, f"Siaga {n}")
    warnings_module.invalidate_banner()
    with CaptureQueriesContext(connection) as queries:
        many = client.get(portal.url).content.decode()
    # the three shown, and a link to the list of all twelve
    assert many.count('class="kim-warning-banner__item ') == 3
    assert "9 peringatan lain berlaku" in many
    assert len(many.encode()) - few < 1500
    banner_queries = [q for q in queries.captured_queries if "valid_until" in q["sql"]]
    assert len(banner_queries) == 1


def test_banner_in_the_readers_language_with_indonesian_fallback(
    index, english_portal, locales, client
):
    only_id = make_warning(index, "Waspada banjir", level="waspada")
    both = make_warning(index, "Siaga karhutla")
    english_index = index.copy_for_translation(locales["en"])
    english_index.save_revision().publish()
    english = both.copy_for_translation(locales["en"])
    english.title = "Karhutla watch"
    english.save_revision().publish()
    assert headlines(language="en") == ["Karhutla watch", "Waspada banjir"]
    assert headlines(language="id") == ["Siaga karhutla", "Waspada banjir"]
    with translation.override("en"):
        html = client.get(english_portal.url).content.decode()
    assert "Karhutla watch" in html and only_id.title in html


def test_template_tag_for_the_sites_own_base_template_renders_once(index):
    make_warning(index)
    request = RequestFactory().get("/")
    template = Template(
        "{% load kim_warnings_tags %}{% kim_warning_banner %}{% kim_warning_banner %}"
    )
    html = template.render(Context({"request": request}))
    assert html.count(BANNER) == 1
    assert "Siaga karhutla di Jabiren Raya" in html
    assert "<script" not in html


def test_banner_escapes_what_editors_type(index, portal, client):
    make_warning(index, "<img src=x onerror=alert(1)>", slug="hostile")
    html = client.get(portal.url).content.decode()
    assert "<img src=x" not in html and "&lt;img src=x" in html


def test_warning_page_shows_what_to_do(index, client):
    desa = DesaFactory(name="Garung", kecamatan=KecamatanFactory(name="Jabiren Raya"))
    warning = make_warning(
        index,
        desa=[desa],
        source_url="https://bpbd.example.go.id/siaga",
    )
    html = client.get(warning.url).content.decode()
    assert "<h1>Siaga karhutla di Jabiren Raya</h1>" in html
    assert "<li>Jangan membakar lahan.</li>" in html
    assert "<li>Siapkan masker.</li>" in html
    assert "Jabiren Raya (Garung)" in html
    assert 'href="https://bpbd.example.go.id/siaga"' in html
    assert "Berlaku" in html


def json_ld(html):
    found = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return [json.loads(block) for block in found]


def test_warning_page_is_a_special_announcement(index, client):
    jabiren = KecamatanFactory(name="Jabiren Raya", code="62.11.06")
    garung = DesaFactory(name="Garung", kecamatan=jabiren, code="62.11.06.2001")
    maliku = KecamatanFactory(name="Maliku")
    start = datetime.datetime(2030, 9, 1, 18, tzinfo=ZoneInfo("Asia/Makassar"))
    warning = make_warning(
        index,
        kecamatan=[jabiren, maliku],
        desa=[garung],
        valid_from=start,
        valid_until=start + datetime.timedelta(hours=12),
        time_zone="Asia/Makassar",
    )
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        html = client.get(warning.url).content.decode()
    # the page and its JSON-LD read the affected regions once
    table = "FROM " + connection.ops.quote_name("kim_cms_kecamatan")
    regions = [q["sql"] for q in queries if table in q["sql"]]
    assert len(regions) == 1, regions
    (data,) = json_ld(html)
    assert data["@type"] == "SpecialAnnouncement"
    assert data["name"] == "Siaga karhutla di Jabiren Raya"
    assert data["text"].startswith("Titik api terpantau di lahan gambut.")
    assert "Siapkan masker." in data["text"]
    assert data["category"] == "Kebakaran hutan dan lahan"
    assert data["expires"] == "2030-09-02T06:00:00+08:00"
    posted = datetime.datetime.fromisoformat(data["datePosted"])
    assert posted == warning.first_published_at
    assert posted.utcoffset() == datetime.timedelta(hours=8)  # WITA
    assert data["url"] == f"http://localhost{warning.url}"
    assert data["author"] == {
        "@type": "GovernmentOrganization",
        "name": "BPBD Kabupaten Pulang Pisau",
    }
    jabiren_area = {
        "@type": "AdministrativeArea",
        "name": "Jabiren Raya",
        "identifier": "62.11.06",
    }
    assert data["spatialCoverage"] == [
        jabiren_area,
        {"@type": "AdministrativeArea", "name": "Maliku"},
        {
            "@type": "AdministrativeArea",
            "name": "Garung",
            "identifier": "62.11.06.2001",
            "containedInPlace": jabiren_area,
        },
    ]


def test_a_cancelled_warning_expires_when_cancelled(index, client):
    warning = make_warning(index)
    warning.cancelled = True
    warning.save_revision().publish()
    warning.refresh_from_db()
    (data,) = json_ld(client.get(warning.url).content.decode())
    expires = datetime.datetime.fromisoformat(data["expires"])
    assert expires == warning.last_published_at
    assert expires < warning.valid_until


def test_special_announcement_escapes_what_editors_type(index, client):
    warning = make_warning(
        index, "Api </script><script>alert(1)</script>", slug="hostile"
    )
    html = client.get(warning.url).content.decode()
    assert "</script><script>alert(1)" not in html
    (data,) = json_ld(html)
    assert data["name"] == "Api </script><script>alert(1)</script>"


def test_expired_warning_page_says_so(index, client):
    moment = timezone.now()
    warning = make_warning(
        index,
        valid_from=moment - datetime.timedelta(days=3),
        valid_until=moment - datetime.timedelta(days=1),
    )
    html = client.get(warning.url).content.decode()
    assert "Peringatan ini sudah berakhir." in html
    assert BANNER not in html


def test_warning_must_end_after_it_starts(index):
    warning = make_warning(index)
    warning.valid_until = warning.valid_from
    with pytest.raises(ValidationError) as error:
        warning.full_clean()
    assert "valid_until" in error.value.message_dict


@pytest.mark.parametrize(
    "field, value",
    [
        ("polygon", "-2.9,114.0 -3.0,114.1 -3.1,114.0"),  # not closed, too few
        ("polygon", "banyak titik"),
        ("circle", "-2.95,114.05"),
    ],
)
def test_malformed_cap_areas_are_refused(index, field, value):
    warning = make_warning(index)
    setattr(warning, field, value)
    with pytest.raises(ValidationError) as error:
        warning.full_clean()
    assert field in error.value.message_dict


def test_list_shows_current_and_past_warnings(index, client):
    moment = timezone.now()
    make_warning(index, "Siaga karhutla")
    make_warning(
        index,
        "Banjir bulan lalu",
        hazard=HazardFactory(name="Banjir", slug="banjir", cap_category="Met"),
        valid_from=moment - datetime.timedelta(days=30),
        valid_until=moment - datetime.timedelta(days=28),
    )
    make_warning(index, "Siaga dibatalkan", cancelled=True)
    response = client.get(index.url)
    context = response.context
    assert [w.title for w in context["current_warnings"]] == ["Siaga karhutla"]
    assert {w.title for w in context["past_warnings"]} == {
        "Banjir bulan lalu",
        "Siaga dibatalkan",
    }


def test_list_pages_warnings_in_force_first_then_past(index, client, settings):
    settings.KIM_CMS_PAGE_SIZE = 3
    moment = timezone.now()
    for n, level in enumerate(["waspada", "awas", "siaga", "waspada"]):
        make_warning(index, f"Berlaku {n} {level}", level=level)
    for n in range(3):
        make_warning(
            index,
            f"Lalu {n}",
            valid_from=moment - datetime.timedelta(days=30 - n),
            valid_until=moment - datetime.timedelta(days=20 - n),
        )
    pages = [client.get(index.url + f"?page={n}") for n in (1, 2, 3)]
    assert [p.status_code for p in pages] == [200, 200, 200]
    current = [[w.title for w in p.context["current_warnings"]] for p in pages]
    past = [[w.title for w in p.context["past_warnings"]] for p in pages]
    assert current == [
        ["Berlaku 1 awas", "Berlaku 2 siaga", "Berlaku 0 waspada"],
        ["Berlaku 3 waspada"],
        [],
    ]
    assert past == [[], ["Lalu 2", "Lalu 1"], ["Lalu 0"]]
    html = [p.content.decode() for p in pages]
    # each heading where its list is, "none" only where it is true
    assert all("Peringatan yang berlaku" in h for h in html[:2])
    assert "Peringatan yang berlaku" not in html[2]
    assert "Peringatan yang lalu" not in html[0]
    assert all("Peringatan yang lalu" in h for h in html[1:])
    assert "Tidak ada peringatan yang berlaku" not in "".join(html)
    assert "Belum ada peringatan" not in "".join(html)
    assert client.get(index.url + "?page=4").status_code == 404


def test_list_read_in_two_parts_holds_every_warning_once_in_order(index):
    """The list reads the warnings in force and the others apart: every
    slice a paginator can ask for is the same as sorting all of them at
    once, ties (same level, same start, same end) broken by age."""
    from kim_cms.pages.warnings.index import InForceFirst

    moment = timezone.now()
    day = datetime.timedelta(days=1)
    start = moment - datetime.timedelta(hours=2)
    made = [
        make_warning(index, "A", level="waspada", valid_from=start),
        make_warning(index, "B", level="awas", valid_from=start),
        make_warning(index, "C", level="waspada", valid_from=start - day),
        make_warning(index, "D", level="waspada", valid_from=start),
        make_warning(index, "E", cancelled=True),
        make_warning(
            index, "F", valid_from=moment - 9 * day, valid_until=moment - 2 * day
        ),
        make_warning(
            index, "G", valid_from=moment - 9 * day, valid_until=moment - 2 * day
        ),
        make_warning(
            index, "H", valid_from=moment - 5 * day, valid_until=moment - 1 * day
        ),
    ]

    def in_force(w):
        return not w.cancelled and w.valid_until > moment

    expected = sorted(
        made,
        key=lambda w: (
            (0, -w.level_rank, w.valid_from, w.pk)
            if in_force(w)
            else (1, -w.valid_until.timestamp(), -w.pk)
        ),
    )
    # B (awas) first; C started earlier; A before D by age; E is cancelled
    # but ends last; G before F: same end, newer first
    assert [w.title for w in expected] == list("BCADEHGF")
    listed = index.get_warnings()
    assert InForceFirst(listed, moment).count() == 8
    for first in range(10):
        for last in [*range(first, 10), None]:
            got = InForceFirst(listed, moment)[first:last]
            assert [w.title for w in got] == [w.title for w in expected][first:last], (
                first,
                last,
            )
            assert [w.kim_in_force for w in got] == [
                in_force(w) for w in expected[first:last]
            ]


def test_list_shows_some_guides_and_pages_the_rest(index, client, settings):
    from tests.factories_warnings import make_guide

    settings.KIM_CMS_PAGE_SIZE = 2
    for name in ("Banjir", "Karhutla", "Longsor", "Angin"):
        make_guide(index, f"Panduan {name}", slug=f"panduan-{name.lower()}")
    response = client.get(index.url)
    assert [g.title for g in response.context["guides"]] == [
        "Panduan Angin",
        "Panduan Banjir",
    ]
    html = response.content.decode()
    guides_url = index.url + "panduan/"
    assert f'<a href="{guides_url}">2 panduan lain</a>' in html
    first = client.get(guides_url)
    second = client.get(guides_url + "?page=2")
    assert [g.title for g in first.context["guides"]] == [
        "Panduan Angin",
        "Panduan Banjir",
    ]
    assert [g.title for g in second.context["guides"]] == [
        "Panduan Karhutla",
        "Panduan Longsor",
    ]
    first_html = first.content.decode()
    assert "<h1>Panduan kesiapsiagaan</h1>" in first_html
    title = re.search(r"<title>(.*?)</title>", first_html, re.S).group(1)
    assert " ".join(title.split()).startswith("Panduan kesiapsiagaan · Peringatan")
    canonical = re.search(r'rel="canonical"\s+href="([^"]*)"', first_html).group(1)
    assert canonical == f"http://localhost{guides_url}"
    assert client.get(guides_url + "?page=3").status_code == 404
    assert client.get(guides_url + "?page=x").status_code == 404
    # the next pages of warnings show no guide
    make_warning(index, "Siaga 1")
    make_warning(index, "Siaga 2")
    make_warning(index, "Siaga 3")
    assert client.get(index.url + "?page=2").context["guides"] == []
    settings.KIM_CMS_PAGE_SIZE = 12
    assert "panduan lain" not in client.get(index.url).content.decode()


def test_list_filters_by_hazard_and_kecamatan(index, client):
    maliku = KecamatanFactory(name="Maliku")
    banjir = HazardFactory(name="Banjir", slug="banjir", cap_category="Met")
    make_warning(index, "Siaga karhutla")
    make_warning(index, "Waspada banjir Maliku", hazard=banjir, kecamatan=[maliku])

    def titles(query):
        context = client.get(index.url + query).context
        return {w.title for w in context["current_warnings"]}

    assert titles("?bahaya=banjir") == {"Waspada banjir Maliku"}
    assert titles(f"?kecamatan={maliku.pk}") == {"Waspada banjir Maliku"}
    assert titles("?bahaya=karhutla") == {"Siaga karhutla"}
    assert titles("?bahaya=tsunami") == set()


@pytest.mark.parametrize(
    "query",
    ["?bahaya=%3Cscript%3E", "?kecamatan=abc", "?kecamatan=-1", "?kecamatan=9%C2%B2"],
)
def test_malformed_filters_are_a_bad_request(index, client, query):
    response = client.get(index.url + query)
    assert response.status_code == 400


def test_nul_in_filters_is_ignored_as_everywhere(index, client):
    assert client.get(index.url + "?bahaya=%00&kecamatan=%00").status_code == 200


def test_past_page_out_of_range_is_404(index, client):
    assert client.get(index.url + "?page=99").status_code == 404
    assert client.get(index.url + "?page=x").status_code == 404


def test_list_query_count_stays_constant(index, client, django_assert_max_num_queries):
    moment = timezone.now()
    for n in range(3):
        make_warning(index, f"Siaga {n}", kecamatan=[KecamatanFactory()])
        make_warning(
            index,
            f"Lama {n}",
            valid_from=moment - datetime.timedelta(days=9),
            valid_until=moment - datetime.timedelta(days=8),
        )
    client.get(index.url)
    with CaptureQueriesContext(connection) as few:
        client.get(index.url)
    budget = len(few)
    for n in range(6):
        make_warning(index, f"Siaga lagi {n}", kecamatan=[KecamatanFactory()])
        make_warning(
            index,
            f"Lama lagi {n}",
            valid_from=moment - datetime.timedelta(days=9),
            valid_until=moment - datetime.timedelta(days=8),
        )
    client.get(index.url)
    with django_assert_max_num_queries(budget):
        client.get(index.url)


def test_draft_warning_is_not_served(index, client):
    make_warning(index, publish=False)
    assert client.get("/peringatan/siaga-karhutla-di-jabiren-raya/").status_code == 404


def test_private_warning_page_asks_for_login(index, client):
    warning = make_warning(index)
    PageViewRestriction.objects.create(
        page=warning, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(warning.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_hazard_admin_refused_without_permission(client, django_user_model, locales):
    from django.contrib.auth.models import Permission

    HazardFactory()
    user = django_user_model.objects.create_user("relawan", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/snippets/kim_cms/hazard/")
    assert response.status_code in (302, 403)
    response = client.get("/admin/snippets/kim_cms/hazard/add/")
    assert response.status_code in (302, 403)


def test_moderators_may_manage_hazards(portal):
    from django.contrib.auth.models import Group

    from kim_cms.wagtail_admin.roles import sync_portal_roles

    sync_portal_roles()
    codenames = set(
        Group.objects.filter(name__icontains="moderator").values_list(
            "permissions__codename", flat=True
        )
    )
    assert {"add_hazard", "change_hazard"} <= codenames


def test_guides_page_switches_language_to_the_guides_page(
    index, english_portal, locales, client
):
    from tests.factories_warnings import make_guide

    make_guide(index, "Panduan banjir", slug="panduan-banjir")
    english_index = index.copy_for_translation(locales["en"])
    english_index.save_revision().publish()
    html = client.get(index.url + "panduan/").content.decode()
    switch = re.search(r'<nav class="kim-languages".*?</nav>', html, re.S).group(0)
    assert f'href="{english_index.url}panduan/"' in switch


def test_the_banner_keeps_only_what_it_shows(index, portal, client, settings):
    """With many warnings in force the banner reads the same: the cache
    holds the warnings shown and the number of the others, not every
    warning, and a new warning is counted at once."""
    from django.core.cache import cache

    from kim_cms.pages.warnings import banner as banner_module

    settings.KIM_CMS_WARNING_BANNER_LIMIT = 2
    make_warning(index, "Awas karhutla Jabiren Raya", level="awas")
    for n in range(6):
        make_warning(index, f"Waspada banjir {n}", level="waspada")
    client.get(portal.url)  # warms Wagtail's site cache
    shown = warnings_module.get_shown_banner()
    assert [w.headline for w in shown.warnings][0] == "Awas karhutla Jabiren Raya"
    assert len(shown.warnings) == 2 and shown.more == 5
    assert shown.list_url == index.url
    key = banner_module.SHOWN_BANNER_CACHE_KEY.format(
        version=banner_module._banner_version(), language="id", limit=2
    )
    kept, _until = cache.get(key)
    assert len(kept.warnings) == 2  # not the seven in force
    with CaptureQueriesContext(connection) as cached:
        assert warnings_module.get_shown_banner() == shown
    assert len(cached.captured_queries) == 0
    make_warning(index, "Siaga angin kencang", level="siaga")
    again = warnings_module.get_shown_banner()
    assert again.more == 6
    assert [w.headline for w in again.warnings] == [
        "Awas karhutla Jabiren Raya",
        "Siaga angin kencang",
    ]
    html = client.get(portal.url).content.decode()
    assert f'<a href="{index.url}">6 peringatan lain berlaku</a>' in html


def test_the_list_is_kept_until_a_warning_starts_or_ends(index, client, monkeypatch):
    """The list's cards are kept with the page cache's generation until the
    next start or end of a warning: the next reader reads no warning, and
    a warning that ends, or starts, shows as such at that moment."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    moment = timezone.now()
    at(monkeypatch, moment)
    make_warning(
        index, "Siaga karhutla", valid_until=moment + datetime.timedelta(hours=2)
    )
    make_warning(
        index,
        "Awas banjir",
        valid_from=moment + datetime.timedelta(hours=1),
        valid_until=moment + datetime.timedelta(hours=5),
    )

    def read():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(index.url)
        html = response.content.decode()
        current, _, past = html.partition("<h2>Peringatan yang lalu</h2>")
        # the list's own queries (the banner's read every warning)
        warnings = [q for q in queries if index.path in q["sql"]]
        return (
            [t for t in ("Siaga karhutla", "Awas banjir") if t in current],
            [t for t in ("Siaga karhutla", "Awas banjir") if t in past],
            html.count(str(warnings_module.STATUS_LABELS["upcoming"])),
            len(warnings),
        )

    first = read()
    assert first[:3] == (["Siaga karhutla", "Awas banjir"], [], 1)
    assert read() == (*first[:3], 0)  # kept: no warning read
    at(monkeypatch, moment + datetime.timedelta(minutes=59))
    assert read() == (*first[:3], 0)
    at(monkeypatch, moment + datetime.timedelta(hours=1, seconds=1))  # the flood starts
    assert read()[:3] == (["Siaga karhutla", "Awas banjir"], [], 0)
    at(monkeypatch, moment + datetime.timedelta(hours=2, seconds=1))  # the fire ends
    assert read()[:3] == (["Awas banjir"], ["Siaga karhutla"], 0)
    assert read()[3] == 0


def test_the_banners_more_link_leads_to_the_list_in_the_readers_language(
    index, english_portal, locales, client, settings
):
    """An English reader whose banner shows warnings not yet translated
    (they show in Indonesian rather than not at all) is led to the English
    warning list for the others, where there is one."""
    settings.KIM_CMS_WARNING_BANNER_LIMIT = 1
    make_warning(index, "Awas karhutla Jabiren Raya", level="awas")
    make_warning(index, "Waspada banjir Maliku", level="waspada")
    assert warnings_module.get_shown_banner(language="en").list_url == index.url
    english_index = index.copy_for_translation(locales["en"])
    english_index.save_revision().publish()
    shown = warnings_module.get_shown_banner(language="en")
    assert shown.warnings[0].headline == "Awas karhutla Jabiren Raya"
    assert shown.more == 1 and shown.list_url == english_index.url
    assert warnings_module.get_shown_banner(language="id").list_url == index.url
