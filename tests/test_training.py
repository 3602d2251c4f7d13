import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Page

from kim_cms.pages import (
    TrainingIndexPage,
    TrainingMaterialPage,
)
from tests.factories_training import (
    DocumentFactory,
    TrainingIndexPageFactory,
    TrainingTopicFactory,
    make_material,
    module,
)
from tests.html import squash

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def index(portal):
    return TrainingIndexPageFactory(parent=portal)


def json_ld(html):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def test_creatable_where_allowed_and_nowhere_else(portal, index):
    assert TrainingIndexPage.can_create_at(portal)
    assert TrainingMaterialPage.can_create_at(index)
    assert not TrainingMaterialPage.can_create_at(portal)
    assert TrainingMaterialPage.allowed_subpage_models() == []


def test_material_renders_all_fields(index, client):
    topic = TrainingTopicFactory(name="Literasi digital", slug="literasi-digital")
    doc = DocumentFactory(title="Slide hari pertama")
    page = make_material(
        index,
        title="Literasi digital untuk anggota KIM",
        topics=[topic],
        objectives=["Memeriksa kebenaran berita", "Membuat kata sandi kuat"],
        modules=[
            module("Mengenali hoaks", exercise="<p>Periksa tiga pesan.</p>"),
            module(
                "Kata sandi",
                documents=[doc],
                video="https://www.youtube.com/watch?v=abc",
            ),
        ],
        documents=[doc],
    )
    page.prerequisites = "<p>Bawa telepon pintar.</p>"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<h1>Literasi digital untuk anggota KIM</h1>" in html
    assert "Literasi digital</dd>" in squash(html)
    assert "Memeriksa kebenaran berita" in html
    assert "Bawa telepon pintar." in html
    assert "Modul 1:" in html and "Mengenali hoaks" in html
    assert "Periksa tiga pesan." in html
    assert "1 jam 30 menit" in html
    assert "Dinas Komunikasi dan Informatika" in html
    # the video is a link, never an embedded player
    assert 'href="https://www.youtube.com/watch?v=abc"' in html
    assert "<iframe" not in html
    # type and size of documents
    assert "Slide hari pertama" in html
    assert re.search(r"\(PDF, \d+\xa0(bita|byte)", html), html
    assert page.get_zip_url() in html
    assert page.get_print_url() in html


def test_material_renders_in_english(index, english_portal, client, locales):
    topic = TrainingTopicFactory(name="Literasi digital", slug="literasi-digital")
    english_topic = topic.copy_for_translation(locales["en"])
    english_topic.name = "Digital literacy"
    english_topic.save()
    page = make_material(index, title="Literasi digital", topics=[topic])
    english_index = index.copy_for_translation(locales["en"])
    english_index.save_revision().publish()
    english = page.copy_for_translation(locales["en"])
    english.title = "Digital literacy"
    english.save_revision().publish()
    response = client.get(english.url)
    assert english.url.startswith("/en/")
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Digital literacy</h1>" in html
    assert "Digital literacy</dd>" in squash(html)
    assert "1 hour 30 minutes" in html
    assert "Basic" in html
    data = json_ld(html)
    assert data["inLanguage"] == "en"
    assert data["about"] == ["Digital literacy"]
    index_html = client.get(english_index.url).content.decode()
    assert "Digital literacy" in index_html


def test_organiser_is_required_in_words_an_editor_understands(index, admin_client):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    url = f"/admin/pages/add/kim_cms/trainingmaterialpage/{index.pk}/"
    assert admin_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Bimtek",
            "slug": "bimtek",
            "material_type": "bimtek",
            "audience": "kim",
            "level": "dasar",
            "organiser_name": "",
            "prerequisites": rich_text(""),
            "learning_objectives": streamfield([("objective", "Menulis berita")]),
            "modules": streamfield([]),
            "documents": streamfield([]),
            "sessions": streamfield([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "organiser_name" in errors
    assert "KIM group" in str(errors["organiser_name"]) or "KIM" in str(
        errors["organiser_name"]
    )
    data["organiser_name"] = "Diskominfo"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert TrainingMaterialPage.objects.get(slug="bimtek").live


def test_json_ld_course_without_sessions(index, client):
    page = make_material(index, title="Jurnalistik warga", objectives=["Menulis"])
    data = json_ld(client.get(page.url).content.decode())
    assert data["@type"] == "Course"
    assert data["name"] == "Jurnalistik warga"
    assert data["provider"]["name"] == "Dinas Komunikasi dan Informatika"
    assert data["teaches"] == ["Menulis"]
    assert data["timeRequired"] == "PT1H30M"
    assert data["url"] == page.full_url
    assert "hasCourseInstance" not in data
    assert "image" not in data


def test_json_ld_course_image_is_an_absolute_address(index, client):
    from urllib.parse import urlsplit

    from tests.factories import ImageFactory

    page = make_material(
        index, title="Jurnalistik warga", image=ImageFactory(title="Pelatihan")
    )
    data = json_ld(client.get(page.url).content.decode())
    # search engines read JSON-LD without the page's address at hand
    image = urlsplit(data["image"])
    assert (image.scheme, image.netloc) == ("http", "localhost")
    assert image.path.endswith(".jpg") and "1200x630" in image.path


def test_json_ld_course_instances_from_sessions(index, portal, client):
    event = Page(title="Bimtek di Kahayan Hilir", slug="bimtek-kh")
    portal.add_child(instance=event)
    draft = Page(title="Draf acara", slug="draf-acara", live=False)
    portal.add_child(instance=draft)
    page = make_material(
        index,
        sessions=[
            ("session_page", {"page": event, "note": ""}),
            ("session_page", {"page": draft, "note": ""}),
            (
                "schedule",
                {
                    "start": datetime(2025, 8, 12, 9, tzinfo=WIB),
                    "end": datetime(2025, 8, 12, 12, tzinfo=WIB),
                    "place": "Aula Desa Pulang Pisau",
                    "mode": "onsite",
                    "note": "",
                },
            ),
        ],
    )
    html = client.get(page.url).content.decode()
    data = json_ld(html)
    instances = data["hasCourseInstance"]
    assert len(instances) == 2
    assert instances[0]["name"] == "Bimtek di Kahayan Hilir"
    assert instances[1]["startDate"] == "2025-08-12T09:00:00+07:00"
    assert instances[1]["courseMode"] == "onsite"
    assert instances[1]["location"]["name"] == "Aula Desa Pulang Pisau"
    assert "Draf acara" not in html
    assert "Bimtek di Kahayan Hilir" in html
    assert "09:00" in html and "WIB" in html


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the site root paths cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_material_query_count_does_not_grow_with_modules(index, client):
    one_doc = DocumentFactory()
    small = make_material(index, modules=[module("Satu", documents=[one_doc])])
    docs = [DocumentFactory() for _ in range(15)]
    big = make_material(
        index,
        modules=[module(f"Modul {n}", documents=docs[n : n + 2]) for n in range(12)],
        documents=docs[:3],
        topics=[TrainingTopicFactory(), TrainingTopicFactory()],
    )
    small_count, _html = count_queries(client, small.url)
    big_count, html = count_queries(client, big.url)
    assert html.count('class="kim-module"') == 12
    # the training page itself adds 4 queries (documents of the two fields,
    # collection privacy, topics); the rest is routing, page privacy,
    # language links and breadcrumbs shared by every kim_cms page. The whole
    # request stays under 15 queries (see test_query_budget.py).
    assert big_count <= small_count + 1
    assert big_count <= 14


def test_draft_material_is_not_served(index, client):
    page = make_material(index)
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_portal_section_lists_new_training(portal, index, client):
    make_material(index, title="Pelatihan foto produk UMKM")
    draft = make_material(index, title="Draf pelatihan")
    draft.unpublish()
    html = client.get(portal.url).content.decode()
    assert "Pelatihan baru" in html
    assert "Pelatihan foto produk UMKM" in html
    assert "Draf pelatihan" not in html
    assert index.url in html


def test_material_with_modules_can_be_translated_with_wagtail_localize(index):
    from wagtail_localize.models import TranslationSource

    page = make_material(
        index, modules=[module("Tanpa video"), module("Video", video="https://x.id/v")]
    )
    source, _created = TranslationSource.update_or_create_from_instance(page)
    strings = set(source.stringsegment_set.values_list("string__data", flat=True))
    assert {"Tanpa video", "Video"} <= strings
