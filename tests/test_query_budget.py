"""Every kim_cms detail page is served in fewer than 15 SQL queries.

The count covers the whole request: Wagtail's routing and privacy checks, the
shared layout (breadcrumbs, language switcher, hreflang links, sharing
metadata) and the page itself, for an anonymous reader, after a first view
that generated the image renditions. The pages are filled the way the issues
describe them (a group with 20 officers and 20 activity reports, a tip with
15 steps, a training with 12 modules), in Indonesian and English.

Run ``KIM_CMS_SHOW_QUERIES=1 pytest -s tests/test_query_budget.py`` to print
every query of each measured request.
"""

import datetime
import os
import re

import pytest

from tests.factories import DesaFactory, ImageFactory, KecamatanFactory
from tests.factories_events import (
    CulturalEventIndexPageFactory,
    CulturalEventPageFactory,
    EventCategoryFactory,
)
from tests.factories_groups import (
    FocusAreaFactory,
    KimActivityPageFactory,
    KimGroupOfficerFactory,
    KimGroupPageFactory,
)
from tests.factories_tips import CommodityFactory, make_tip, make_tip_index
from tests.factories_training import (
    DocumentFactory,
    TrainingIndexPageFactory,
    TrainingTopicFactory,
    make_material,
    module,
)

pytestmark = pytest.mark.django_db

# The most queries any kim_cms page may take (the issues: "under 15").
MAX_QUERIES = 14


def short_sql(sql):
    """The query without its long column lists."""
    return re.sub(r"SELECT (DISTINCT )?.*? FROM", r"SELECT \1... FROM", sql)


def measure(client, url, django_assert_max_num_queries):
    """GET ``url`` (after a first GET) in at most MAX_QUERIES queries; return
    the SQL of the measured request and the HTML."""
    assert client.get(url).status_code == 200  # renditions, site root paths
    info = f"GET {url}; KIM_CMS_SHOW_QUERIES=1 pytest -s lists them"
    with django_assert_max_num_queries(MAX_QUERIES, info=info) as queries:
        response = client.get(url)
        sqls = [query["sql"] for query in queries.captured_queries]
        if os.environ.get("KIM_CMS_SHOW_QUERIES"):
            print(f"\n=== {url}: {len(sqls)} queries")
            for number, sql in enumerate(sqls, start=1):
                print(f"{number:3d}. {short_sql(sql)}")
    assert response.status_code == 200
    return sqls, response.content.decode()


def translate(page, locale, **fields):
    """Publish the translation of ``page`` (its parent must have one)."""
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def translate_term(term, locale, name):
    translated = term.copy_for_translation(locale)
    translated.name = name
    translated.save()
    return translated


@pytest.fixture
def district(portal, english_portal, directory, locales):
    """A portal filled as a district fills it, with English translations."""
    en = locales["en"]
    pages = {"portal": (portal, english_portal)}
    english_directory = translate(directory, en, title="KIM directory")

    kecamatan = KecamatanFactory(name="Kahayan Kuala")
    desa = DesaFactory(name="Bahaur", kecamatan=kecamatan)
    group = KimGroupPageFactory(
        parent=directory,
        title="KIM Bahaur Bersatu",
        slug="kim-bahaur",
        kecamatan=kecamatan,
        desa=desa,
        logo=ImageFactory(),
        cover_image=ImageFactory(),
        email="kim.bahaur@example.org",
        mission="Menyebarkan informasi\nMelawan hoaks",
    )
    for name, english_name in [("Pertanian", "Farming"), ("Hoaks", "Hoaxes")]:
        area = FocusAreaFactory(name=name, slug=name.lower())
        translate_term(area, en, english_name)
        group.focus_areas.add(area)
    for _n in range(20):
        KimGroupOfficerFactory(page=group, photo=ImageFactory())
    KimGroupOfficerFactory(page=group, name="Rahasia", consent_to_publish=False)
    group.save_revision().publish()
    for _n in range(20):
        KimActivityPageFactory(parent=group, cover_image=ImageFactory())
    english_group = translate(group, en, title="KIM Bahaur United")
    pages["group"] = (group, english_group)
    activity = group.get_children().live().last().specific
    pages["activity"] = (activity,)

    tip_index = make_tip_index(portal)
    translate(tip_index, en, title="Farming tips")
    padi = CommodityFactory(name="Padi", slug="padi", locale=locales["id"])
    translate_term(padi, en, "Rice")
    tip = make_tip(
        tip_index,
        "Padi di lahan gambut",
        steps=15,
        image=ImageFactory(),
        commodity=padi,
        kecamatan=[kecamatan],
        factsheet=DocumentFactory(),
        kim_group=group,
    )
    tip.image = ImageFactory()
    tip.save_revision().publish()
    pages["tip"] = (tip, translate(tip, en, title="Rice on peat"))

    training_index = TrainingIndexPageFactory(parent=portal)
    translate(training_index, en, title="Training")
    documents = [DocumentFactory() for _ in range(15)]
    topics = [TrainingTopicFactory(), TrainingTopicFactory()]
    for topic in topics:
        translate_term(topic, en, f"Topic {topic.pk}")
    material = make_material(
        training_index,
        modules=[
            module(f"Modul {n}", documents=documents[n : n + 2]) for n in range(12)
        ],
        documents=documents[:3],
        topics=topics,
        image=ImageFactory(),
        kim_group=group,
    )
    pages["training"] = (material, translate(material, en, title="Digital literacy"))

    event_index = CulturalEventIndexPageFactory(parent=portal)
    translate(event_index, en, title="Events")
    category = EventCategoryFactory(name="Festival", slug="festival")
    translate_term(category, en, "Festival")
    event = CulturalEventPageFactory(
        parent=event_index,
        image=ImageFactory(),
        category=category,
        kecamatan=kecamatan,
        desa=desa,
        kim_group=group,
        venue="Lapangan Bahaur",
        start_date=datetime.date.today() + datetime.timedelta(days=30),
    )
    pages["event"] = (event, translate(event, en, title="Bahaur festival"))
    pages["english_directory"] = (english_directory,)
    return pages


@pytest.mark.parametrize(
    "name", ["portal", "group", "activity", "tip", "training", "event"]
)
def test_page_is_served_in_under_15_queries(
    district, client, name, django_assert_max_num_queries
):
    """Every page of the type, in each language it has."""
    for page in district[name]:
        measure(client, page.url, django_assert_max_num_queries)


def test_pages_show_what_they_should(district, client):
    """The pages measured above show everything they are filled with."""
    group, english_group = district["group"]
    for page in district["group"]:
        html = client.get(page.url).content.decode()
        assert html.count("<strong>Pengurus") == 20
        assert "Rahasia" not in html
    html = client.get(group.url).content.decode()
    # 12 activity reports, then the tip, training and event the group wrote
    assert html.count('class="kim-card"') >= 12 + 3
    for page in (district["tip"][0], district["training"][0], district["event"][0]):
        assert f'<a href="{page.url}">{page.title}</a>' in html
    assert 'class="kim-tags"' in html and "Pertanian" in html
    assert "Farming" in client.get(english_group.url).content.decode()
    tip, english_tip = district["tip"]
    html = client.get(english_tip.url).content.decode()
    assert html.count('<li id="langkah-') == 15
    assert "Rice ·" in html
    # the English tip credits the English version of its group
    assert f'<a href="{english_group.url}">KIM Bahaur United</a>' in html
    material, english_material = district["training"]
    html = client.get(english_material.url).content.decode()
    assert html.count('class="kim-module"') == 12
    assert f'<a href="{english_group.url}">KIM Bahaur United</a>' in html
    assert "Topic " in html
    html = client.get(material.url).content.decode()
    assert f'<a href="{group.url}">KIM Bahaur Bersatu</a>' in html
    event, english_event = district["event"]
    html = client.get(english_event.url).content.decode()
    assert f'<a href="{english_group.url}">KIM Bahaur United</a>' in html
    assert "Lapangan Bahaur" in html and "Kahayan Kuala" in html
