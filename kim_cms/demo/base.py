"""The toolkit demo modules use to create content idempotently."""

import hashlib
import io

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationSource,
)

from kim_cms.demo.pdf import make_pdf
from kim_cms.snippets import Desa, Kecamatan

PALETTE = [
    (11, 110, 79),
    (24, 90, 157),
    (166, 84, 30),
    (120, 60, 140),
    (40, 120, 130),
    (150, 40, 60),
]


class DemoContext:
    """Passed to every demo module's ``load(ctx)``.

    Every method is idempotent: running the demo twice changes nothing.
    """

    def __init__(self, portal, user=None, stdout=None):
        self.portal = portal
        self.user = user
        self.stdout = stdout
        self.locale_id = Locale.objects.get(language_code="id")
        self.locale_en = Locale.objects.get(language_code="en")
        self.created = 0
        self._collection = None

    # -- reporting -------------------------------------------------------
    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    # -- media -------------------------------------------------------------
    @property
    def collection(self):
        if self._collection is None:
            existing = Collection.objects.filter(name="KIM demo").first()
            if existing is None:
                existing = Collection.get_first_root_node().add_child(name="KIM demo")
            self._collection = existing
        return self._collection

    def image(self, key, title, text=None, color=None, size=(1200, 630)):
        """A locally generated picture: a coloured card with a caption."""
        from PIL import Image as PILImage
        from PIL import ImageDraw, ImageFont

        image_model = get_image_model()
        existing = image_model.objects.filter(title=title).first()
        if existing is not None:
            return existing
        digest = int(hashlib.sha1(key.encode()).hexdigest(), 16)
        color = color or PALETTE[digest % len(PALETTE)]
        picture = PILImage.new("RGB", size, color)
        draw = ImageDraw.Draw(picture)
        light = tuple(min(255, c + 60) for c in color)
        for step in range(0, size[0], 80):
            draw.line([(step, size[1]), (step + size[1] // 2, 0)], fill=light, width=6)
        try:
            font = ImageFont.load_default(size=max(24, size[1] // 12))
        except TypeError:  # Pillow < 10.1
            font = ImageFont.load_default()
        draw.rectangle([0, size[1] * 2 // 3, size[0], size[1]], fill=(0, 0, 0))
        draw.text(
            (size[0] // 20, size[1] * 2 // 3 + size[1] // 12),
            text or title,
            fill=(255, 255, 255),
            font=font,
        )
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=80)
        image = image_model(
            title=title,
            collection=self.collection,
            description=text or title,
        )
        image.file.save(f"{key}.jpg", ContentFile(buffer.getvalue()), save=False)
        image.width, image.height = size
        image.save()
        return image

    def document(self, key, title, lines=(), collection=None):
        """A locally generated PDF document."""
        document_model = get_document_model()
        existing = document_model.objects.filter(title=title).first()
        if existing is not None:
            return existing
        document = document_model(title=title, collection=collection or self.collection)
        document.file.save(
            f"{key}.pdf", ContentFile(make_pdf(title, list(lines))), save=False
        )
        document.save()
        return document

    # -- regions -----------------------------------------------------------
    def kecamatan(self, name, code=None):
        kecamatan, _created = Kecamatan.objects.get_or_create(
            name=name, defaults={"code": code}
        )
        return kecamatan

    def desa(self, name, kecamatan_name, code=None, kind=Desa.KIND_DESA):
        desa, _created = Desa.objects.get_or_create(
            name=name,
            kecamatan=self.kecamatan(kecamatan_name),
            defaults={"code": code, "kind": kind},
        )
        return desa

    # -- pages -------------------------------------------------------------
    def find(self, model, **lookup):
        return model.objects.filter(**lookup).first()

    def page(self, parent, model, slug, locale=None, **fields):
        """The child of ``parent`` with ``slug``, created and published if missing,
        in ``locale`` (default: the parent's).

        An existing page is left as it is (an editor may have changed it).
        """
        existing = Page.objects.child_of(parent).filter(slug=slug).specific().first()
        if existing is not None:
            return existing
        page = model(slug=slug, locale=locale or parent.locale, **fields)
        parent.add_child(instance=page)
        page.save_revision(user=self.user, log_action=False).publish(user=self.user)
        self.created += 1
        return page

    @transaction.atomic
    def translate(self, instance, strings, publish=True):
        """Create the English translation of ``instance`` through
        wagtail-localize, filling each string segment from ``strings``
        (Indonesian text -> English text). Untranslated segments fall back to
        the source text (proper nouns, codes)."""
        existing = instance.get_translation_or_none(self.locale_en)
        if existing is not None:
            return existing
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=self.locale_en, defaults={"enabled": True}
        )
        for segment in source.stringsegment_set.select_related("string", "context"):
            text = segment.string.data
            english = strings.get(text)
            if english is None:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=self.locale_en,
                context=segment.context,
                defaults={
                    "data": english,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
        if not isinstance(instance, DraftStateMixin):
            # snippets without drafts are saved as they are
            translation.save_target(user=self.user, publish=True)
            self.created += 1
            return instance.get_translation(self.locale_en)
        # wagtail-localize publishes on commit; publish now so that the
        # translation is live within this transaction too.
        translation.save_target(user=self.user, publish=False)
        translated = instance.get_translation(self.locale_en)
        if publish:
            translated.get_latest_revision().publish(user=self.user, log_action=False)
            translated.refresh_from_db()
        self.created += 1
        return translated
