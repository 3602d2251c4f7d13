from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from wagtail.models import Page

from tests.machine_formats import machine_number_problems


def test_guard_catches_localized_numbers():
    with translation.override("id"):
        from django.template import Context, Template

        html = Template(
            '<div data-lat="{{ lat }}"></div>'
            '<script type="application/ld+json">{"geo": {"latitude": "{{ lat }}"}}'
            "</script>"
        ).render(Context({"lat": -2.7411}))
    problems = machine_number_problems(html)
    assert '<div data-lat="-2,7411">' in problems
    assert any("latitude" in p for p in problems)


def test_guard_accepts_machine_numbers():
    html = (
        '<div data-lat="-2.7411"><time datetime="2026-01-05T19:00:00+07:00"></time>'
        '</div><script type="application/ld+json">'
        '{"geo": {"latitude": -2.7411, "longitude": 114.25}}</script>'
        "<p>Jarak 1,5 km</p>"
    )
    assert machine_number_problems(html) == []


@pytest.mark.django_db
def test_no_demo_page_localizes_machine_numbers(locales):
    call_command("kim_cms_demo", "--as-home", stdout=StringIO())
    client = Client()
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    checked = 0
    for page in pages:
        url = page.get_url()
        if not url:
            continue
        html = client.get(url).content.decode()
        assert machine_number_problems(html) == [], url
        checked += 1
    assert checked >= 2
