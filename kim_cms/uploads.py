"""Upload forms for documents and images that tell an editor, in their own
language, what is wrong with a file and what to do about it.

Set them as Wagtail's form bases (the README's settings block does)::

    WAGTAILDOCS_DOCUMENT_FORM_BASE = "kim_cms.uploads.KimDocumentForm"
    WAGTAILIMAGES_IMAGE_FORM_BASE = "kim_cms.uploads.KimImageForm"

Wagtail's document model checks the file's extension after the form field has
already refused a file that is too big, so an oversized upload also reported
``File extension "" is not allowed``. These forms report one problem per
file: the first one found. A site with its own form bases subclasses these.
"""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

DOCUMENT_TOO_LARGE = _(
    "This file is %(file_size)s, more than the %(max_filesize)s allowed. Make it "
    "smaller (for a PDF: save it again with a smaller size or fewer pictures) "
    "and upload it again."
)
IMAGE_TOO_LARGE = _(
    "This photo is %(file_size)s, more than the %(max_filesize)s allowed. Send "
    "it from your phone at a smaller size, or make it smaller, and upload it "
    "again."
)
TOO_LARGE_UNKNOWN_SIZE = _(
    "This file is more than the %(max_filesize)s allowed. Make it smaller and "
    "upload it again."
)


class KimUploadFormMixin:
    """One clear message per refused file."""

    too_large_message = DOCUMENT_TOO_LARGE

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and getattr(field, "max_upload_size", None):
            field.error_messages["file_too_large"] = self.too_large_message
            field.error_messages["file_too_large_unknown_size"] = (
                TOO_LARGE_UNKNOWN_SIZE
                % {"max_filesize": filesizeformat(field.max_upload_size)}
            )

    def _post_clean(self):
        # The model's checks of the file (its extension) run on an empty file
        # when the form field refused it: keep the field's own message only.
        refused = len(self._errors.get("file", ())) if self._errors else 0
        super()._post_clean()
        if refused:
            del self._errors["file"].data[refused:]


class KimDocumentForm(KimUploadFormMixin, BaseDocumentForm):
    """Wagtail's document form with one editor-friendly message per file."""


class KimImageForm(KimUploadFormMixin, BaseImageForm):
    """Wagtail's image form with one editor-friendly message per file."""

    too_large_message = IMAGE_TOO_LARGE
