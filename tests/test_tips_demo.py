from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from kim_cms.pages import AgricultureTipPage
from kim_cms.snippets import Commodity

pytestmark = pytest.mark.django_db


def test_demo_tips_in_both_languages_with_illustrated_steps(locales):
    call_command("kim_cms_demo", "--as-home", stdout=StringIO())
    indonesian = AgricultureTipPage.objects.live().filter(locale=locales["id"])
    english = AgricultureTipPage.objects.live().filter(locale=locales["en"])
    assert indonesian.count() >= 8
    assert english.count() == indonesian.count()
    for tip in indonesian:
        assert tip.steps and all(step.value["image"] for step in tip.steps)
    rice = english.get(slug="rice-on-peat-land")
    assert rice.title == "Growing rice on peat land"
    assert rice.commodity.locale == locales["en"]
    assert rice.commodity.name == "Rice"
    assert Commodity.objects.filter(locale=locales["en"]).count() >= 8
    client = Client()
    html = client.get(rice.url).content.decode()
    assert "Manage the water" in html
    assert "Spread dolomite evenly two weeks before planting." in html
    assert "1 to 2 tonnes per hectare" in html
    index_html = client.get(rice.get_parent().url).content.decode()
    assert "Growing rice on peat land" in index_html
    assert "Menanam padi" not in index_html
    assert client.get(rice.get_parent().url + "feed/rss/").status_code == 200
