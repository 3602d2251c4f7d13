"""The demo's site: served where the demo runs (``--address``), with the
district's identity in every footer and the header's sections."""

from io import StringIO

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
