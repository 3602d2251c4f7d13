"""The photo or document a citizen may add to a message: checked against the
site's upload allow-lists and size limits, stored out of the public media
folder under a name nobody can guess, and served only to moderators (the
admin's attachment view).

The storage is ``STORAGES["kim_cms_private"]`` when the site defines it (a
private bucket, say), else a folder on disk: ``KIM_CMS_PRIVATE_MEDIA_ROOT``,
by default ``private-media`` beside ``MEDIA_ROOT``. The web server must not
serve that folder.
"""

import datetime
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, storages
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

try:  # Wagtail 8
    from wagtail.images.utils import get_allowed_image_extensions
except ImportError:  # pragma: no cover - Wagtail 7.4
    from wagtail.images.fields import get_allowed_image_extensions

PRIVATE_STORAGE_ALIAS = "kim_cms_private"

# What a citizen may send, whatever the editors' allow-lists hold more:
# phone photos and PDFs, each recognised by its first bytes too.
IMAGE_SIGNATURES = {
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "webp": (b"RIFF",),
}
DOCUMENT_SIGNATURES = {"pdf": (b"%PDF-",)}
DEFAULT_IMAGE_LIMIT = 10 * 1024 * 1024
DEFAULT_DOCUMENT_LIMIT = 10 * 1024 * 1024

WRONG_TYPE = _(
    "This file cannot be sent: only a photo (%(extensions)s) or a PDF document "
    "is accepted. Take a photo of the paper, or save it as a PDF, and send it "
    "again."
)


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk outside ``MEDIA_ROOT``, read from the settings at each
    use (tests and sites may change them)."""

    def __init__(self):
        super().__init__(base_url="/kim-cms-private-files-are-not-served/")

    @property
    def base_location(self):
        configured = getattr(settings, "KIM_CMS_PRIVATE_MEDIA_ROOT", None)
        if configured:
            return str(configured)
        return str(Path(settings.MEDIA_ROOT or ".").resolve().parent / "private-media")

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def private_storage():
    """The storage of citizens' attachments."""
    if PRIVATE_STORAGE_ALIAS in getattr(settings, "STORAGES", {}):
        return storages[PRIVATE_STORAGE_ALIAS]
    return PrivateFileSystemStorage()


def attachment_path(instance, filename):
    """``aspirations/<year>/<random>.<ext>``: the citizen's own file name (it
    may hold a name) is not kept."""
    extension = os.path.splitext(filename)[1].lower().lstrip(".")
    year = datetime.date.today().year
    return f"aspirations/{year}/{secrets.token_urlsafe(24)}.{extension}"


def allowed_extensions():
    """``{extension: is_image}`` that a citizen may send: the photo types
    Wagtail's image allow-list accepts and PDF if the document allow-list
    (``WAGTAILDOCS_EXTENSIONS``) has it."""
    images = set(get_allowed_image_extensions())
    allowed = {ext: True for ext in IMAGE_SIGNATURES if ext in images}
    documents = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
    for ext in DOCUMENT_SIGNATURES:
        if documents is None or ext in documents:
            allowed[ext] = False
    return allowed


def size_limit(is_image):
    if is_image:
        limit = getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", None)
        return limit or DEFAULT_IMAGE_LIMIT
    limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    return limit or DEFAULT_DOCUMENT_LIMIT


def _starts_with(upload, signatures):
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in signatures):
        return False
    if signatures == IMAGE_SIGNATURES["webp"]:
        return head[8:12] == b"WEBP"
    return True


def validate_attachment(upload):
    """Raise a ``ValidationError`` saying what is wrong with ``upload`` and
    what to do: one message, the first problem found."""
    # kim_cms.uploads loads Wagtail's admin forms: not while models load.
    from kim_cms.uploads import DOCUMENT_TOO_LARGE, IMAGE_TOO_LARGE

    allowed = allowed_extensions()
    extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
    wrong_type = ValidationError(
        WRONG_TYPE,
        code="file_type",
        params={"extensions": ", ".join(e for e, img in allowed.items() if img)},
    )
    if extension not in allowed:
        raise wrong_type
    is_image = allowed[extension]
    limit = size_limit(is_image)
    if upload.size > limit:
        raise ValidationError(
            IMAGE_TOO_LARGE if is_image else DOCUMENT_TOO_LARGE,
            code="file_too_large",
            params={
                "file_size": filesizeformat(upload.size),
                "max_filesize": filesizeformat(limit),
            },
        )
    signatures = (IMAGE_SIGNATURES if is_image else DOCUMENT_SIGNATURES)[extension]
    if not _starts_with(upload, signatures):
        raise wrong_type
