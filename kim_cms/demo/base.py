"""The toolkit demo modules use to create content idempotently."""

import hashlib
import json

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)

from kim_cms.demo import pictures
from kim_cms.demo.pdf import make_pdf
from kim_cms.snippets import Desa, Kecamatan

# The last part of the path of a translatable segment that holds an image.
IMAGE_SEGMENTS = {"image", "cover_image", "hero_image", "logo", "photo"}
# ... and a document (a list of documents: "documents.<id>").
DOCUMENT_SEGMENTS = {"document", "factsheet"}
COLLECTION = "KIM demo"
COLLECTION_EN = "KIM demo (English)"


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
        self._collections = {}
        self._english_documents = {}

    # -- reporting -------------------------------------------------------
    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    # -- media -------------------------------------------------------------
    def _collection(self, name, parent=None):
        if name not in self._collections:
            found = Collection.objects.filter(name=name)
            if parent is not None:
                found = found.child_of(parent)
            existing = found.first()
            if existing is None:
                parent = parent or Collection.get_first_root_node()
                existing = parent.add_child(name=name)
            self._collections[name] = existing
        return self._collections[name]

    def _existing_image(self, title):
        return (
            get_image_model()
            .objects.filter(title=title, collection=self.collection)
            .first()
        )

    @property
    def collection(self):
        return self._collection(COLLECTION)

    @property
    def collection_en(self):
        """Copies of the pictures with English titles and descriptions, which
        the English pages show (images have no language of their own)."""
        return self._collection(COLLECTION_EN, parent=self.collection)

    def image(
        self,
        key,
        title,
        scene,
        title_en=None,
        size=(1200, 630),
        seed=None,
        english=True,
    ):
        """A locally drawn illustration of ``scene`` (see
        ``kim_cms.demo.pictures``), described by the scene's description,
        and, if ``english``, its English copy (found again by its identical
        file). Pictures in blocks with their own translatable alternative text
        (tip steps, gallery photos) need no copy."""
        existing = self._existing_image(title)
        if existing is not None:
            return existing
        data = pictures.jpeg(scene, seed or key, tuple(size))
        description_id, description_en = pictures.describe(scene)
        return self._save_image(
            f"{key}.jpg",
            data,
            size,
            (title, description_id),
            (title_en or title, description_en) if english else None,
        )

    def emblem(self, key, title, letters, color, shape, motif, title_en=None):
        """A group's logo: its initials on a circle or shield in ``color``."""
        existing = self._existing_image(title)
        if existing is not None:
            return existing
        size = (400, 400)
        data = pictures.emblem_png(letters, tuple(color), shape, motif, size)
        kinds = {"circle": ("lingkaran", "circle"), "shield": ("perisai", "shield")}
        shape_id, shape_en = kinds[shape]
        return self._save_image(
            f"{key}.png",
            data,
            size,
            (title, f"Lambang berbentuk {shape_id} dengan inisial {letters}."),
            (
                title_en or title,
                f"An emblem: a {shape_en} with the initials {letters}.",
            ),
        )

    def _save_image(self, filename, data, size, indonesian, english):
        image_model = get_image_model()
        digest = hashlib.sha1(data).hexdigest()
        made = []
        for collection, metadata in (
            (self.collection, indonesian),
            (self.collection_en, english),
        ):
            if metadata is None:
                continue
            title, description = metadata
            image = image_model(
                title=title,
                collection=collection,
                description=description,
                file_size=len(data),
                file_hash=digest,
            )
            image.file.save(filename, ContentFile(data), save=False)
            image.width, image.height = size
            image.save()
            made.append(image)
        return made[0]

    def english_image(self, image_id):
        """The English copy of the demo image ``image_id``, or None."""
        image_model = get_image_model()
        image = image_model.objects.filter(pk=image_id).only("file_hash").first()
        if image is None or not image.file_hash:
            return None
        return (
            image_model.objects.filter(
                collection=self.collection_en, file_hash=image.file_hash
            )
            .exclude(pk=image_id)
            .first()
        )

    def document(
        self, key, title, lines=(), collection=None, title_en=None, lines_en=None
    ):
        """A locally generated PDF document and, with ``title_en``, its
        English copy (English title and text), which the English translations
        of the pages that link the document link instead."""
        document = self._document(key, title, lines, collection or self.collection)
        if title_en:
            english = self._document(
                f"{key}-en", title_en, lines_en or lines, self.collection_en
            )
            self._english_documents[document.pk] = english.pk
        return document

    def _document(self, key, title, lines, collection):
        document_model = get_document_model()
        existing = document_model.objects.filter(title=title).first()
        if existing is not None:
            return existing
        document = document_model(title=title, collection=collection)
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

    def english_slug(self, instance, strings):
        """The slug of the English translation of page ``instance``: the one
        given in ``strings``, else made from the English title (a title that
        stays the same, a name, keeps its slug), unique among its siblings."""
        if instance.slug in strings:
            return strings[instance.slug]
        title = strings.get(instance.title)
        if not title or title == instance.title:
            return instance.slug
        slug = slugify(title)[:80].strip("-") or instance.slug
        parent = instance.get_parent().get_translation_or_none(self.locale_en)
        if parent is None:
            return slug
        taken = set(Page.objects.child_of(parent).values_list("slug", flat=True))
        candidate, number = slug, 1
        while candidate in taken:
            number += 1
            candidate = f"{slug}-{number}"
        return candidate

    @transaction.atomic
    def translate(self, instance, strings, publish=True, overrides=None):
        """Create the English translation of ``instance`` through
        wagtail-localize, filling each string segment from ``strings``
        (Indonesian text -> English text). Untranslated segments fall back to
        the source text (proper nouns, codes). A page's slug becomes English
        (see ``english_slug``); its pictures are swapped for their English
        copies, and ``overrides`` (field name -> value) override synchronized
        fields, as an editor does in the translation editor."""
        existing = instance.get_translation_or_none(self.locale_en)
        if existing is not None:
            return existing
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=self.locale_en, defaults={"enabled": True}
        )
        is_page = isinstance(instance, Page)
        for segment in source.stringsegment_set.select_related("string", "context"):
            text = segment.string.data
            if is_page and segment.context.path == "slug":
                english = self.english_slug(instance, strings)
            else:
                english = strings.get(text)
                if english is None and "<br/>" in text:
                    # a text field's lines are one segment, joined with <br/>
                    english = strings.get(text.replace("<br/>", "\n"))
                    if english is not None:
                        english = english.replace("\n", "<br/>")
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
        overrides = overrides or {}
        for segment in source.overridablesegment_set.select_related("context"):
            path = segment.context.path
            parts = path.split(".")
            if path in overrides:
                value = overrides[path]
            elif parts[-1] in DOCUMENT_SEGMENTS or parts[-2:-1] == ["documents"]:
                value = json.loads(segment.data_json)
                if value not in self._english_documents:
                    continue
                value = self._english_documents[value]
            elif parts[-1] in IMAGE_SEGMENTS:
                value = json.loads(segment.data_json)
                english = self.english_image(value) if isinstance(value, int) else None
                if english is None:
                    continue
                value = english.pk
            else:
                continue
            SegmentOverride.objects.update_or_create(
                locale=self.locale_en,
                context=segment.context,
                defaults={
                    "data_json": json.dumps(value),
                    "last_translated_by": self.user,
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
