from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from kim_cms.pages import KimActivityPage, KimGroupPage

pytestmark = pytest.mark.django_db


def test_demo_groups(locales):
    call_command("kim_cms_demo", "--as-home", stdout=StringIO())
    groups = KimGroupPage.objects.filter(locale=locales["id"]).live()
    assert groups.count() >= 8
    assert len({g.kecamatan_id for g in groups}) >= 7
    for group in groups:
        english = group.get_translation(locales["en"])
        assert english.live
        assert 1 <= KimActivityPage.objects.child_of(group).live().count() <= 3
        officers = list(group.officers.all())
        assert any(o.consent_to_publish for o in officers)
        hidden = [o.name for o in officers if not o.consent_to_publish]
        assert hidden
        html = Client().get(group.url).content.decode()
        for officer in officers:
            if officer.consent_to_publish:
                assert officer.name in html
        for name in hidden:
            if name not in {o.name for o in officers if o.consent_to_publish}:
                assert name not in html
    english_activity = KimActivityPage.objects.filter(locale=locales["en"]).first()
    assert english_activity.title in {
        "Fact-checking outreach for villagers",
        "Outreach on preventing land fires",
        "Product photography training for small businesses",
    }
