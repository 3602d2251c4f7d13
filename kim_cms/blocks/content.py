"""Content blocks that editors compose pages from."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageChooserBlock

# A small feature set: editors with little training get the tools a village
# report needs, and nothing that breaks the layout on a phone.
# Block previews in the admin show blocks with the kim_cms stylesheet.
PREVIEW_TEMPLATE = "kim_cms/blocks/block_preview.html"

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


def _latest_image():
    from wagtail.images import get_image_model

    return get_image_model().objects.order_by("-pk").first()


def latest_document():
    from wagtail.documents import get_document_model

    return get_document_model().objects.order_by("-pk").first()


def _image_preview():
    return {"image": _latest_image(), "caption": "Kegiatan KIM di balai desa"}


def _gallery_preview():
    image = _latest_image()
    item = {"image": image, "caption": "Kegiatan KIM"}
    return {"title": "Dokumentasi kegiatan", "images": [item, item, item]}


def _document_preview():
    return {"document": latest_document(), "title": "Panduan pembentukan KIM"}


class LibraryTextTranslationMixin:
    """For a StructBlock whose text child may be left empty to use a text of
    the image or document library (an image's description as alternative
    text, a document's own title).

    Library texts are shared by every language: wagtail-localize cannot
    translate them. A translator is offered that text as the child's segment
    instead, and the translation is stored in the child on the translated
    page, so that the English page reads English. ``library_texts`` maps a
    child's name to the function that finds the text in the block's value."""

    library_texts = {}

    def get_translatable_segments(self, value):
        from wagtail_localize.segments.extract import StreamFieldSegmentExtractor

        extractor = StreamFieldSegmentExtractor(None)
        segments = []
        for name, child in self.child_blocks.items():
            child_value = value.get(name)
            if name in self.library_texts and not child_value:
                child_value = self.library_texts[name](value) or ""
            elif child_value is None and isinstance(
                child, blocks.CharBlock | blocks.TextBlock
            ):
                child_value = ""  # a child added since the block was saved
            segments.extend(
                segment.wrap(name)
                for segment in extractor.handle_block(child, child_value)
            )
        return segments

    def restore_translated_segments(self, value, segments):
        from wagtail_localize.segments.ingest import StreamFieldSegmentsWriter

        return StreamFieldSegmentsWriter(None, None, None).handle_struct_block(
            value, segments
        )


def image_text(value):
    image = value.get("image")
    return (image.description or image.title) if image is not None else ""


def image_description(value):
    image = value.get("image")
    return image.description if image is not None else ""


def document_title(value):
    document = value.get("document")
    return document.title if document is not None else ""


class HeadingBlock(blocks.StructBlock):
    """A section heading (level 2 or 3) that readers can scan."""

    text = blocks.CharBlock(label=_("Text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section")), ("h3", _("Subsection"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "kim_cms/blocks/heading_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A heading that starts a new section of the page.")
        preview_value = {"text": "Jadwal tanam musim hujan", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text with a limited feature set."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "kim_cms/blocks/paragraph_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("Paragraphs with bold, italic, links and lists.")
        preview_value = (
            "<p>KIM menjembatani informasi antara pemerintah dan masyarakat desa.</p>"
        )


class ImageBlock(LibraryTextTranslationMixin, blocks.StructBlock):
    """An image with a caption and the text read aloud to blind readers."""

    library_texts = {"alt_text": image_text}

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_(
            "Describe the picture for people who cannot see it. Leave empty to "
            "use the image's own description."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "kim_cms/blocks/image_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A photo or picture with a caption.")
        preview_value = staticmethod(_image_preview)


class CalloutBlock(blocks.StructBlock):
    """A highlighted box for information, warnings or danger."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("info", _("Information")),
            ("warning", _("Warning")),
            ("danger", _("Danger")),
        ],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        label = _("Call-out")
        template = "kim_cms/blocks/callout_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A highlighted box: information, a warning or a danger.")
        preview_value = {
            "kind": "warning",
            "title": "Waspada kebakaran lahan",
            "text": "<p>Jangan membakar lahan gambut saat kemarau.</p>",
        }


class GalleryImageBlock(LibraryTextTranslationMixin, blocks.StructBlock):
    """One photo of a gallery, with its caption and alternative text."""

    library_texts = {"alt_text": image_text}

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe the picture for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Photo")


class GalleryBlock(blocks.StructBlock):
    """A grid of small photos, each linking to a larger version."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    images = blocks.ListBlock(GalleryImageBlock(), label=_("Photos"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "kim_cms/blocks/gallery_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("Several photos shown as small pictures in a grid.")
        preview_value = staticmethod(_gallery_preview)


class VideoBlock(blocks.StructBlock):
    """A video from YouTube or another site, with a plain link as fallback."""

    video = EmbedBlock(
        label=_("Video address"),
        help_text=_("The web address of the video, e.g. a YouTube link."),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Shown on the link when the video cannot be shown."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "kim_cms/blocks/video_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A video from YouTube or another video site.")
        preview_value = {
            "video": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Sosialisasi pencegahan kebakaran lahan",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed"] = self.get_embed(value)
        return context

    def get_embed(self, value):
        """The cached or fetched embed of the video, or ``None`` if it cannot be
        fetched (no network, unknown provider): the template then shows a link."""
        from wagtail.embeds.embeds import get_embed

        video = value.get("video")
        if not video:
            return None
        try:
            embed = get_embed(video.url)
        except (EmbedException, OSError, ValueError):
            return None
        return embed if embed.html else None


def describe_document(document):
    """``"PDF, 1,2 MB"``: the file type (``file`` when the name has no
    extension) and its size in the active language; empty for ``None``.
    Every document kim_cms offers for download is described by this."""
    if document is None:
        return ""
    parts = [document.file_extension.upper() or _("file")]
    size = document.get_file_size()
    if size:
        parts.append(filesizeformat(size))
    return ", ".join(str(part) for part in parts)


def readable_in_context(documents, parent_context=None):
    """The documents of ``documents`` that the reader may download: those
    the page worked out (``kim_visible_document_ids`` in its context), else
    those the request may read. ``None`` entries are left out."""
    context = parent_context or {}
    documents = [doc for doc in documents if doc is not None]
    visible = context.get("kim_visible_document_ids")
    if visible is not None:
        return [doc for doc in documents if doc.pk in visible]
    from kim_cms.downloads import readable_documents

    return readable_documents(documents, context.get("request"))


class DocumentBlock(LibraryTextTranslationMixin, blocks.StructBlock):
    """A document download showing its file type and size, so a reader on
    mobile data knows what they fetch.

    A document in a private collection is shown only to readers who may
    download it. Subclasses change the sub-blocks (``title = None`` removes
    the title) and keep that rule and the file description.
    """

    library_texts = {"title": document_title}

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's own title."),
    )
    description = blocks.TextBlock(
        label=_("Description"), required=False, max_length=400
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "kim_cms/blocks/document_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A file to download, with its type and size shown.")
        preview_value = staticmethod(_document_preview)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        readable = readable_in_context([value.get("document")], parent_context)
        document = readable[0] if readable else None
        context["document"] = document
        context["file_info"] = describe_document(document)
        return context


class QuoteBlock(blocks.StructBlock):
    """A quotation or a resident's testimony, with who said it."""

    text = blocks.TextBlock(label=_("Quotation"), max_length=1000)
    name = blocks.CharBlock(label=_("Name"), required=False, max_length=120)
    role = blocks.CharBlock(
        label=_("Role or place"),
        required=False,
        max_length=120,
        help_text=_("E.g. Ketua KIM Bahaur, or Petani, Desa Garantung."),
    )
    photo = ImageChooserBlock(label=_("Photo"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote or testimony")
        template = "kim_cms/blocks/quote_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("Words of a resident, an officer or an expert.")
        preview_value = {
            "text": "Berkat KIM, kami tahu jadwal bantuan bibit lebih awal.",
            "name": "Ibu Sari",
            "role": "Petani, Desa Garantung",
        }


class ContactBlock(blocks.StructBlock):
    """A contact card: an office or a person who agreed to be contacted."""

    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=120)
    phone = blocks.CharBlock(
        label=_("Phone or WhatsApp"),
        required=False,
        max_length=40,
        help_text=_(
            "Only publish a private person's number with their consent. "
            "Write it with the country code, e.g. +62 812 3456 7890."
        ),
    )
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    address = blocks.TextBlock(label=_("Address"), required=False, max_length=400)

    class Meta:
        icon = "user"
        label = _("Contact card")
        template = "kim_cms/blocks/contact_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A name with phone, WhatsApp, e-mail and address.")
        preview_value = {
            "name": "Sekretariat KIM Bahaur",
            "role": "Balai Desa Bahaur",
            "phone": "+62 812 0000 0000",
        }


class FaqBlock(blocks.StructBlock):
    """A question with its answer, folded until the reader opens it."""

    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(
        label=_("Answer"), features=["bold", "italic", "link", "ol", "ul"]
    )

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "kim_cms/blocks/faq_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A frequently asked question; readers tap it to open.")
        preview_value = {
            "question": "Siapa yang boleh menjadi anggota KIM?",
            "answer": "<p>Warga desa yang bukan aparatur sipil negara.</p>",
        }


class TableBlock(WagtailTableBlock):
    """A simple table of text, e.g. a schedule or a price list."""

    class Meta:
        icon = "table"
        label = _("Table")
        template = "kim_cms/blocks/table_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("Rows and columns of text, e.g. a schedule.")
        preview_value = {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Jadwal pelatihan",
            "data": [
                ["Hari", "Kegiatan"],
                ["Senin", "Bimtek"],
                ["Rabu", "Sosialisasi"],
            ],
        }


class LinkBlock(blocks.StructBlock):
    """One link: a page of this site or a web address."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Web address"), required=False)
    text = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the page title."),
    )

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose a page or enter a web address."))
                }
            )
        if value.get("url") and not value.get("page") and not value.get("text"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "text": ValidationError(_("Write the link text for a web address."))
                }
            )
        return value


class LinkListBlock(blocks.StructBlock):
    """A titled list of links to pages or other sites."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Link list")
        template = "kim_cms/blocks/link_list_block.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A list of useful links.")
        preview_value = {
            "title": "Tautan penting",
            "links": [
                {"url": "https://www.kominfo.go.id/", "text": "Kementerian Kominfo"}
            ],
        }


class BodyStreamBlock(blocks.StreamBlock):
    """The body of kim_cms pages."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    contact = ContactBlock()
    faq = FaqBlock()
    table = TableBlock()
    links = LinkListBlock()

    class Meta:
        label = _("Body")
