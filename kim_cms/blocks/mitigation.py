"""Blocks of preparedness guides: emergency contacts and evacuation points."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from kim_cms.blocks.content import DocumentBlock
from kim_cms.blocks.tips import StepBlock

CONTACT_KIND_CHOICES = [
    ("bpbd", _("BPBD (disaster management agency)")),
    ("damkar", _("Damkar (fire brigade)")),
    ("manggala-agni", _("Manggala Agni (forest fire brigade)")),
    ("puskesmas", _("Puskesmas (health centre)")),
    ("police", _("Police")),
    ("kim", _("KIM group")),
    ("other", _("Other")),
]


def tel_href(phone):
    """``tel:+62513...``: the digits and a leading ``+`` only, so that a tap
    on a phone dials the number."""
    phone = (phone or "").strip()
    digits = "".join(ch for ch in phone if ch.isdigit() and ch.isascii())
    return f"tel:+{digits}" if phone.startswith("+") else f"tel:{digits}"


class EmergencyContactBlock(blocks.StructBlock):
    """Who to call in an emergency, with a number a phone can dial."""

    kind = blocks.ChoiceBlock(
        label=_("Service"), choices=CONTACT_KIND_CHOICES, default="bpbd"
    )
    name = blocks.CharBlock(
        label=_("Name"),
        max_length=120,
        help_text=_("E.g. BPBD Kabupaten Pulang Pisau, Pos Damkar Maliku."),
    )
    phone = blocks.CharBlock(
        label=_("Phone"), max_length=30, help_text=_("E.g. +62 513 61112 or 112.")
    )
    note = blocks.CharBlock(
        label=_("Note"),
        required=False,
        default="",
        max_length=200,
        help_text=_("E.g. 24 jam, WhatsApp only."),
    )

    class Meta:
        icon = "mobile-alt"
        label = _("Emergency contact")
        template = "kim_cms/blocks/emergency_contact_block.html"
        description = _("A service to call, with a number a phone can dial.")
        preview_value = {
            "kind": "bpbd",
            "name": "BPBD Kabupaten Pulang Pisau",
            "phone": "+62 513 61112",
            "note": "24 jam",
        }


class EvacuationPointBlock(blocks.StructBlock):
    """A place to go: name, desa, how many people it holds, where it is."""

    name = blocks.CharBlock(label=_("Name"), max_length=120)
    desa = SnippetChooserBlock("kim_cms.Desa", label=_("Desa"), required=False)
    capacity = blocks.IntegerBlock(
        label=_("Capacity (people)"), required=False, min_value=0
    )
    latitude = blocks.DecimalBlock(
        label=_("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        decimal_places=6,
    )
    longitude = blocks.DecimalBlock(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        decimal_places=6,
    )

    class Meta:
        icon = "site"
        label = _("Evacuation point")
        template = "kim_cms/blocks/evacuation_point_block.html"
        description = _("A shelter, with its capacity and a map link.")
        preview_value = {"name": "Balai Desa Garung", "capacity": 150}


class GuideStepStreamBlock(blocks.StreamBlock):
    """The steps of one phase of a guide (before, during or after)."""

    step = StepBlock()

    class Meta:
        label = _("Steps")


class EmergencyContactStreamBlock(blocks.StreamBlock):
    contact = EmergencyContactBlock()

    class Meta:
        label = _("Emergency contacts")


class EvacuationPointStreamBlock(blocks.StreamBlock):
    point = EvacuationPointBlock()

    class Meta:
        label = _("Evacuation points")


class PosterStreamBlock(blocks.StreamBlock):
    poster = DocumentBlock(label=_("Poster"))

    class Meta:
        label = _("Posters")
