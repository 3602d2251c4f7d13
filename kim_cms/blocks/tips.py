"""Blocks of agriculture and fisheries tips: numbered steps and inputs with doses."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from kim_cms.blocks.content import LibraryTextTranslationMixin, image_description

STEP_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class StepBlock(LibraryTextTranslationMixin, blocks.StructBlock):
    """One step of a tip: a short title, what to do, and a picture or video."""

    library_texts = {"image_alt": image_description}

    title = blocks.CharBlock(
        label=_("What to do"),
        max_length=120,
        help_text=_("A short instruction, e.g. Keringkan petak sawah 3 hari."),
    )
    text = blocks.RichTextBlock(
        label=_("How to do it"), features=STEP_TEXT_FEATURES, required=False
    )
    image = ImageChooserBlock(label=_("Photo"), required=False)
    # default="" so that steps made by code (imports, API) translate cleanly
    image_alt = blocks.CharBlock(
        label=_("Photo description"),
        required=False,
        default="",
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    video = blocks.URLBlock(
        label=_("Video link"),
        required=False,
        help_text=_(
            "A link to a video showing this step, e.g. on YouTube. Readers open "
            "it only when they want to, which saves their mobile data."
        ),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "kim_cms/blocks/step_block.html"
        description = _("One numbered step, with an optional photo or video.")
        preview_value = {
            "title": "Keringkan petak sawah",
            "text": "<p>Buka saluran pembuangan dan biarkan petak kering 3 hari.</p>",
        }


class SupplyBlock(blocks.StructBlock):
    """A material, input or tool with the dose or quantity needed."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("supply", _("Material or input")), ("tool", _("Tool"))],
        default="supply",
    )
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    dose = blocks.CharBlock(
        label=_("Dose or quantity"),
        required=False,
        default="",
        max_length=120,
        help_text=_("With its unit, e.g. 200 kg per hektare, 2 ml per liter air."),
    )
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=250, default="")

    class Meta:
        icon = "pick"
        label = _("Material or tool")
        template = "kim_cms/blocks/supply_block.html"
        description = _("A material, fertiliser, medicine or tool, with its dose.")
        preview_value = {
            "kind": "supply",
            "name": "Dolomit",
            "dose": "1 ton per hektare",
            "note": "Tebar 2 minggu sebelum tanam.",
        }


class TipStepStreamBlock(blocks.StreamBlock):
    """The ordered steps of a tip."""

    step = StepBlock()

    class Meta:
        label = _("Steps")


class TipSupplyStreamBlock(blocks.StreamBlock):
    """The materials, inputs and tools a tip needs."""

    supply = SupplyBlock()

    class Meta:
        label = _("Materials and tools")
