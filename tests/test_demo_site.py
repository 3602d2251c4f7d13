"""The demo's site: served where the demo runs (``--address``), with the
district's identity in every footer and the header's sections."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Site

from kim_cms.snippets.identity import KimSiteIdentity

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_the_demo_points_its_links_to_where_it_is_served(locales):
    out = StringIO()
    call_command("kim_cms_demo", "--as-home", "--address", "127.0.0.1:8000", stdout=out)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    client = Client(HTTP_HOST="127.0.0.1:8000")
    html = client.get("/").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8000/">' in html
    assert 'hreflang="en" href="http://127.0.0.1:8000/en/"' in html
    assert "http://localhost/" not in html
    # the identity: the logo, the office, in each language
    identity = KimSiteIdentity.objects.get(site=site)
    assert identity.logo is not None and identity.text is not None
    footer = html.split('<footer class="kim-site-footer">')[1]
    assert "<strong>Kabupaten Pulang Pisau</strong>" in footer
    assert '<img class="kim-identity__logo"' in footer
    assert "Senin–Kamis" in footer
    english = (
        client.get("/en/").content.decode().split('<footer class="kim-site-footer">')[1]
    )
    assert "<strong>Pulang Pisau District</strong>" in english
    assert "Monday to Thursday" in english
    # the sections of the portal, in the header of every page
    assert html.count('<li>\n                                <a href="/') >= 4
    # running it again changes nothing
    call_command("kim_cms_demo", "--as-home", "--address", "127.0.0.1:8000", stdout=out)
    assert KimSiteIdentity.objects.count() == 1


def test_an_address_only_changes_the_untouched_site(locales):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "kim.pulangpisaukab.go.id", 443
    site.save()
    from kim_cms.management.commands.kim_cms_demo import Command

    Command(stdout=StringIO()).set_address(site, "127.0.0.1:8000")
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("kim.pulangpisaukab.go.id", 443)


@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.0.1:abc", ":8000", "h:0"])
def test_a_malformed_address_stops_the_demo_with_a_clear_message(locales, address):
    with pytest.raises(CommandError, match="HOST:PORT"):
        call_command("kim_cms_demo", "--address", address, stdout=StringIO())


DEMO_REQUESTS = """
import json
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import resolve
from django.views.static import serve

setup_test_environment()
connection.creation.create_test_db(verbosity=0, serialize=False)
client = Client()
missing = client.get("/tidak-ada-halaman-ini/")
english = client.get("/en/no-such-page/")
css = client.get("/static/kim_cms/css/kim_cms.css")
print(json.dumps({
    "debug": settings.DEBUG,
    "missing": [missing.status_code, missing.content.decode()],
    "english": [english.status_code, english.content.decode()],
    "css": css.status_code,
    "media": resolve("/media/images/x.jpg").func is serve,
}))
"""


@pytest.mark.slow
def test_the_demo_shows_kim_cms_404_page_and_still_serves_its_files(tmp_path):
    """``scripts/demo`` serves the demo's settings with DEBUG off: a missing
    page is kim-cms's 404 page in the reader's language, not Django's
    technical page; static files (whitenoise) and uploads are still served.
    DJANGO_DEBUG=1 turns DEBUG on again."""
    root = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["PYTHONPATH"] = str(root)  # this checkout's kim_cms
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", DEMO_REQUESTS],
        cwd=root / "demo",
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["debug"] is False
    status, html = seen["missing"]
    assert status == 404
    assert '<html lang="id"' in html
    assert "URLconf" not in html and "DEBUG = True" not in html
    assert '<main id="kim-main"' in html
    status, html = seen["english"]
    assert status == 404 and '<html lang="en"' in html
    assert seen["css"] == 200
    assert seen["media"] is True
    env["DJANGO_DEBUG"] = "1"
    script = "from django.conf import settings; print(settings.DEBUG)"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
        cwd=root / "demo",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip() == "True", result.stderr
