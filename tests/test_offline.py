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
        assert f'data-kim-offline-worker="{WORKER}" data-kim-offline-scope="/"' in html
        assert "/static/kim_cms/js/kim_offline.js" in html


def test_other_pages_register_the_worker_but_are_not_kept(client, portal, settings):
    html = client.get(portal.url).content.decode()
    assert "data-kim-offline-worker" in html
    assert "data-kim-offline-note" not in html
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
