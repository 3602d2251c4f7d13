"""The "download everything" ZIP and the print view of training material."""

import io
import zipfile

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories_training import (
    DocumentFactory,
    TrainingIndexPageFactory,
    make_material,
    module,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(portal):
    return TrainingIndexPageFactory(parent=portal)


@pytest.fixture
def private_collection(db):
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Internal Diskominfo")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    # a child collection inherits the restriction
    return collection.add_child(name="Draf modul")


def zip_of(response):
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_zip_holds_every_document_with_names_and_contents(index, client):
    slides = DocumentFactory(title="Slide hari pertama")
    form = DocumentFactory(title="Formulir pendaftaran")
    page = make_material(
        index,
        documents=[slides],
        modules=[module("Satu", documents=[form, slides])],
    )
    response = client.get(page.get_zip_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert f'filename="{page.slug}.zip"' in response["Content-Disposition"]
    archive = zip_of(response)
    assert archive.namelist() == [
        "01-slide-hari-pertama.pdf",
        "02-formulir-pendaftaran.pdf",
    ]
    assert archive.read("01-slide-hari-pertama.pdf") == b"%PDF-1.4 Slide hari pertama"


def test_zip_is_cached_and_rebuilt_when_a_document_changes(index, client, settings):
    from pathlib import Path

    doc = DocumentFactory(title="Modul")
    page = make_material(index, documents=[doc])
    client.get(page.get_zip_url())
    folder = Path(settings.MEDIA_ROOT) / "kim_cms" / "zips"
    cached = list(folder.iterdir())
    assert len(cached) == 1
    client.get(page.get_zip_url())
    assert list(folder.iterdir()) == cached
    from django.core.files.base import ContentFile

    doc.file = ContentFile(b"%PDF-1.4 baru", name="modul-baru.pdf")
    doc._set_document_file_metadata()
    doc.save()
    archive = zip_of(client.get(page.get_zip_url()))
    assert archive.read("01-modul.pdf") == b"%PDF-1.4 baru"
    assert len(list(folder.iterdir())) == 2


def test_private_document_is_never_in_the_zip(
    index, client, admin_client, private_collection
):
    public = DocumentFactory(title="Modul umum")
    secret = DocumentFactory(title="Daftar peserta", collection=private_collection)
    page = make_material(
        index, documents=[public, secret], modules=[module(documents=[secret])]
    )
    names = zip_of(client.get(page.get_zip_url())).namelist()
    assert names == ["01-modul-umum.pdf"]
    html = client.get(page.url).content.decode()
    assert "Daftar peserta" not in html
    assert "Unduh semua (ZIP, 1 dokumen)" in html
    # a permitted user sees the private document on the page, but the ZIP
    # holds public documents only, for everyone
    assert "Daftar peserta" in admin_client.get(page.url).content.decode()
    names = zip_of(admin_client.get(page.get_zip_url())).namelist()
    assert names == ["01-modul-umum.pdf"]


def test_group_restricted_document_shown_only_to_the_group(
    index, client, django_user_model
):
    group = Group.objects.create(name="Pengurus KIM")
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Pengurus")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    doc = DocumentFactory(title="Notulen pengurus", collection=collection)
    page = make_material(index, modules=[module(documents=[doc])])
    outsider = django_user_model.objects.create_user("warga", password="x")
    client.force_login(outsider)
    assert "Notulen pengurus" not in client.get(page.url).content.decode()
    member = django_user_model.objects.create_user("ketua", password="x")
    member.groups.add(group)
    client.force_login(member)
    assert "Notulen pengurus" in client.get(page.url).content.decode()


def test_zip_without_public_documents_is_404(index, client, private_collection):
    secret = DocumentFactory(collection=private_collection)
    page = make_material(index, documents=[secret])
    assert client.get(page.get_zip_url()).status_code == 404
    empty = make_material(index)
    assert client.get(empty.get_zip_url()).status_code == 404
    assert "Unduh semua" not in client.get(empty.url).content.decode()


def test_routes_of_a_draft_are_refused(index, client):
    page = make_material(index, documents=[DocumentFactory()])
    zip_url, print_url = page.get_zip_url(), page.get_print_url()
    page.unpublish()
    assert client.get(zip_url).status_code == 404
    assert client.get(print_url).status_code == 404


def test_routes_of_a_private_page_are_refused(index, client, admin_client):
    page = make_material(index, documents=[DocumentFactory()])
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    for url in (page.url, page.get_zip_url(), page.get_print_url()):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login/" in response["Location"] or "login" in response["Location"]
    assert admin_client.get(page.get_zip_url()).status_code == 200
    assert admin_client.get(page.get_print_url()).status_code == 200


def test_print_view_has_objectives_and_modules_without_navigation(index, client):
    page = make_material(
        index,
        title="Mitigasi kebakaran hutan dan lahan",
        objectives=["Mengenali titik panas"],
        modules=[
            module("Gambut", exercise="<p>Gambar peta desa.</p>"),
            module("Pemadaman", video="https://www.youtube.com/watch?v=xyz"),
        ],
    )
    response = client.get(page.get_print_url())
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "Mengenali titik panas" in html
    assert "Modul 1:" in html and "Gambut" in html and "Gambar peta desa." in html
    assert "Modul 2:" in html and "https://www.youtube.com/watch?v=xyz" in html
    assert "kim-toolbar" not in html
    assert "kim-site-header" not in html
    assert "<nav" not in html
    assert "application/ld+json" not in html
    assert "kim_cms/css/kim_cms.css" in html
    assert f"Sumber: {page.full_url}" in html


def test_print_view_in_english(index, english_portal, client, locales):
    page = make_material(index, objectives=["Menulis berita"])
    index.copy_for_translation(locales["en"]).save_revision().publish()
    english = page.copy_for_translation(locales["en"])
    english.save_revision().publish()
    html = client.get(english.get_print_url()).content.decode()
    assert '<html lang="en">' in html
    assert "Learning objectives" in html
    assert "Print version" in html
