"""Content blocks that editors compose pages from."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

# A small feature set: editors with little training get the tools a village
# report needs, and nothing that breaks the layout on a phone.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


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
        description = _("Paragraphs with bold, italic, links and lists.")
        preview_value = (
            "<p>KIM menjembatani informasi antara pemerintah dan masyarakat desa.</p>"
        )


class ImageBlock(blocks.StructBlock):
    """An image with a caption and the text read aloud to blind readers."""

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
        description = _("A photo or picture with a caption.")


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
        description = _("A highlighted box: information, a warning or a danger.")
        preview_value = {
            "kind": "warning",
            "title": "Waspada kebakaran lahan",
            "text": "<p>Jangan membakar lahan gambut saat kemarau.</p>",
        }


class BodyStreamBlock(blocks.StreamBlock):
    """The body of kim_cms pages."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    callout = CalloutBlock()

    class Meta:
        label = _("Body")
