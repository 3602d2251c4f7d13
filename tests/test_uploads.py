"""Uploads refused in the admin say one thing, in the editor's language: what
is wrong with the file and what to do."""

import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


def png(size=(300, 300)):
    out = io.BytesIO()
    Image.new("RGB", size, "green").save(out, "PNG")
    return out.getvalue()


def errors(response):
    """The error messages shown, with every space (also non-breaking) as " "."""
    if response["Content-Type"].startswith("application/json"):
        return " ".join(json.loads(response.content)["error_message"].split())
    html = response.content.decode()
    return " ".join(
        " ".join(m.split())
        for m in re.findall(r'<p class="error-message">(.*?)</p>', html, re.S)
    )


@pytest.fixture
def small_limits(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100


def set_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


UPLOADS = {
    "document": ("/admin/documents/add/", "laporan.pdf", b"%PDF" + b"x" * 500),
    "document-multiple": (
        "/admin/documents/multiple/add/",
        "laporan.pdf",
        b"%PDF" + b"x" * 500,
    ),
    "image": ("/admin/images/add/", "foto.png", None),
    "image-multiple": ("/admin/images/multiple/add/", "foto.png", None),
}


@pytest.mark.parametrize("kind", UPLOADS)
@pytest.mark.parametrize(
    ("language", "too_big", "allowed"),
    [
        ("en", "more than the 100 bytes allowed", "upload it again"),
        ("id", "lebih dari batas 100 bita", "unggah lagi"),
    ],
)
def test_oversized_upload_reports_only_its_size(
    kind, language, too_big, allowed, admin_client, admin_user, small_limits
):
    set_language(admin_user, language)
    url, name, content = UPLOADS[kind]
    upload = SimpleUploadedFile(name, content or png())
    data = {"title": "Berkas", "collection": 1}
    data["files[]" if "multiple" in kind else "file"] = upload
    response = admin_client.post(url, data)
    message = errors(response)
    assert too_big in message, message
    assert allowed in message, message
    assert "extension" not in message.lower() and "ekstensi" not in message.lower()
    assert not get_document_model().objects.exists()
    assert not get_image_model().objects.exists()


def test_a_wrong_extension_is_still_refused(admin_client, admin_user):
    set_language(admin_user, "en")
    upload = SimpleUploadedFile("skrip.exe", b"MZ" + b"x" * 50)
    response = admin_client.post(
        "/admin/documents/add/", {"title": "Skrip", "file": upload, "collection": 1}
    )
    assert "File extension “exe” is not allowed" in errors(response)
    assert not get_document_model().objects.exists()


def test_a_file_within_the_limits_is_stored(admin_client):
    upload = SimpleUploadedFile("laporan.pdf", b"%PDF-1.4 kecil")
    response = admin_client.post(
        "/admin/documents/add/", {"title": "Laporan", "file": upload, "collection": 1}
    )
    assert response.status_code == 302
    assert get_document_model().objects.get().title == "Laporan"


def test_multiple_uploader_warns_before_sending_in_the_editors_language(
    admin_client, admin_user, small_limits
):
    set_language(admin_user, "id")
    html = admin_client.get("/admin/documents/multiple/add/").content.decode()
    assert "Berkas ini lebih dari batas 100\xa0bita" in html
