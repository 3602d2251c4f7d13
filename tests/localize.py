"""Acting as a translator through wagtail-localize's own views and models."""

from urllib.parse import urlencode

import polib
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail_localize.models import StringSegment, Translation, TranslationSource


def submit_translation(client, page, locale):
    """Press "Translate" on ``page`` for ``locale``, as in the admin."""
    response = client.post(
        f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk]}
    )
    assert response.status_code == 302, response.content[:500]
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )


def segments(translation):
    return list(
        StringSegment.objects.filter(source=translation.source)
        .select_related("string")
        .order_by("order")
    )


def fill_segments(client, translation, translate=lambda text: f"EN: {text}"):
    """Type a translation into every string segment, through the edit view."""
    for segment in segments(translation):
        response = client.put(
            f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
            urlencode({"value": translate(segment.string.data)}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content[:500]


def publish_translation(translation, capture):
    """Publish the translation as the translation editor's Publish button does."""
    with capture(execute=True):
        translation.save_target(publish=True)
    return translation.get_target_instance()


def sync_source(page, translation, capture):
    """The source was edited and published: the translator presses "Sync"."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation = Translation.objects.get(pk=translation.pk)
    with capture(execute=True):
        translation.save_target(publish=True)
    return translation


def download_po(client, translation):
    response = client.get(
        f"/admin/localize/translate/{translation.pk}/pofile/download/"
    )
    assert response.status_code == 200
    return polib.pofile(response.content.decode())


def upload_po(client, translation, po):
    upload = SimpleUploadedFile("translation.po", str(po).encode(), "text/x-gettext")
    return client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": upload},
    )
