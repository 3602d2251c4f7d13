"""The offline service worker: its route, what registers it, and the pages
that carry the note it reveals (the browser half is in
tests/browser/test_offline.py)."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from kim_cms import offline
from tests.factories_warnings import make_guide, make_warning, make_warning_index

pytestmark = pytest.mark.django_db

WORKER = "/kim-cms/offline/sw.js"


def worker_config(body):
    found = re.search(r"const CONFIG = (\{.*?\});\n", body)
    return json.loads(found.group(1))


def test_worker_is_javascript_that_may_control_the_portal(client, portal):
    assert reverse("kim_cms_offline:worker") == WORKER
    response = client.get(WORKER)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    body = response.content.decode()
    config = worker_config(body)
    assert config["stylesheet"] == "/static/kim_cms/css/kim_cms.css"
    assert config["skipPaths"] == ["/admin/"]
    assert config["noteMarker"] == offline.NOTE_MARKER
    assert config["cache"].startswith(offline.CACHE_PREFIX)
    assert 'request.method !== "GET"' in body


def test_worker_config_cannot_close_a_script(client, settings):
    settings.STATIC_URL = "/static/</script><b>&/"
    body = client.get(WORKER).content.decode()
    assert "</script>" not in body and "<b>" not in body
    assert worker_config(body)["stylesheet"].startswith("/static/</script><b>&/")


def test_worker_refuses_to_be_posted_to(client):
    assert client.post(WORKER).status_code == 405
    assert client.head(WORKER).status_code == 200


def test_worker_is_not_found_when_offline_copies_are_off(client, settings):
    settings.KIM_CMS_OFFLINE = False
    assert client.get(WORKER).status_code == 404


@pytest.fixture
def index(portal):
    return make_warning_index(portal)


def test_guide_and_warnings_carry_the_hidden_note_and_the_script(client, index):
    guide = make_guide(index)
    warning = make_warning(index)
    for page in (guide, warning, index):
        html = client.get(page.url).content.decode()
        assert offline.NOTE_MARKER in html, page
        assert offline.TIME_MARKER in html
        assert "Salinan luring dari" in html
        assert offline.CSRF_MARKER not in html  # else the worker would not keep it
        assert (
            f'data-kim-offline-worker="{WORKER}?portal={index.get_parent().pk}" '
            'data-kim-offline-scope="/"' in html
        )
        assert 'data-kim-script="/static/kim_cms/js/kim_offline.js"' in html


def inline_script(html):
    found = re.search(r"<script data-kim-script=[^>]*>(.*?)</script>", html, re.S)
    return found and found.group(1)


def test_the_script_is_inline_and_registers_after_the_first_paint(
    client, portal, settings
):
    """No request of its own before a reader on a slow connection sees the
    page; the worker's downloads wait until the page has loaded and painted."""
    from django.contrib.staticfiles import finders

    html = client.get(portal.url).content.decode()
    text = inline_script(html)
    with open(finders.find("kim_cms/js/kim_offline.js"), encoding="utf-8") as f:
        assert text == f.read().strip()
    assert 'src="/static/kim_cms/js/kim_offline.js"' not in html
    assert 'addEventListener("load", afterPaint)' in text
    # The worker judges a page by these: the script must not look like them.
    for marker in (offline.NOTE_MARKER, offline.TIME_MARKER, offline.CSRF_MARKER):
        assert marker not in text
    assert "requestAnimationFrame" in text
    # A Content-Security-Policy without inline scripts: the file, deferred.
    settings.KIM_CMS_INLINE_SCRIPTS = False
    html = client.get(portal.url).content.decode()
    assert inline_script(html) is None
    assert re.search(
        r'<script src="/static/kim_cms/js/kim_offline.js" '
        r'data-kim-offline-worker="[^"]+" data-kim-offline-scope="/" defer></script>',
        html,
    )


def test_other_pages_register_the_worker_but_are_not_kept(client, portal, settings):
    html = client.get(portal.url).content.decode()
    assert "data-kim-offline-worker" in html
    assert offline.NOTE_MARKER not in html
    settings.KIM_CMS_OFFLINE = False
    html = client.get(portal.url).content.decode()
    assert "data-kim-offline-worker" not in html


def test_english_portal_registers_for_its_own_address(
    client, index, english_portal, locales
):
    guide = make_guide(index)
    english = guide.copy_for_translation(locales["en"], copy_parents=True)
    english.save_revision().publish()
    english = Page.objects.get(pk=english.pk).specific
    html = client.get(english.url).content.decode()
    assert english.url.startswith("/en/")
    assert 'data-kim-offline-scope="/en/"' in html
    assert "Offline copy from" in html


def test_previews_are_never_marked_for_keeping(index):
    guide = make_guide(index)
    response = guide.make_preview_request()
    html = response.content.decode()
    assert guide.title in html
    assert "data-kim-offline-note" not in html
    assert "data-kim-offline-worker" not in html


def test_one_visit_keeps_the_portals_disaster_pages_ahead(
    client, index, portal, django_assert_max_num_queries
):
    """The worker registered by any page of the portal fetches its warning
    list, the warnings in force and its guides: a resident who opened only
    the landing page can read them when the network drops."""
    import datetime

    from django.utils import timezone

    guide = make_guide(index)
    warning = make_warning(index)
    make_warning(  # over: not kept ahead
        index,
        title="Banjir yang sudah lewat",
        valid_from=timezone.now() - datetime.timedelta(days=3),
        valid_until=timezone.now() - datetime.timedelta(days=2),
    )
    draft = make_guide(index, title="Panduan banjir (draf)")
    draft.unpublish()
    private = make_guide(index, title="Panduan internal BPBD")
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    other_portal = Page(title="Situs lain", slug="situs-lain")
    portal.get_parent().add_child(instance=other_portal)
    html = client.get(portal.url).content.decode()
    worker = re.search(r'data-kim-offline-worker="([^"]+)"', html).group(1)
    assert worker == f"{WORKER}?portal={portal.pk}"
    config = worker_config(client.get(worker).content.decode())
    assert config["ahead"] == [index.url, warning.url, guide.url]
    # the list is kept with the page cache's generation: no query again
    with django_assert_max_num_queries(0):
        client.get(worker)
    # a page elsewhere, or an address that is no page, keeps nothing ahead
    for query in (
        f"?portal={other_portal.pk}",
        "?portal=abc",
        "?portal=-1",
        "?portal=99999999999999999999",
        "?portal=%D9%A3",
        "",
    ):
        response = client.get(WORKER + query)
        assert response.status_code == 200, query
        assert worker_config(response.content.decode())["ahead"] == [], query


def test_pages_kept_ahead_follow_publishing_and_the_setting(client, index, settings):
    portal = index.get_parent()
    guide = make_guide(index)
    url = f"{WORKER}?portal={portal.pk}"
    assert guide.url in worker_config(client.get(url).content.decode())["ahead"]
    guide.unpublish()  # a new generation of the page cache
    assert guide.url not in worker_config(client.get(url).content.decode())["ahead"]
    settings.KIM_CMS_OFFLINE_AHEAD = 0
    assert worker_config(client.get(url).content.decode())["ahead"] == []
