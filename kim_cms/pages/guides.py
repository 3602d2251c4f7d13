"""Preparedness guides (panduan kesiapsiagaan): what to do before, during and
after a hazard, who to call and where to go, for each hazard of the district.
Active warnings of the same hazard link to its guide."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kim_cms.blocks import (
    EmergencyContactStreamBlock,
    EvacuationPointStreamBlock,
    GuideStepStreamBlock,
    PosterStreamBlock,
)
from kim_cms.pages.base import KimPageMixin
from kim_cms.queries import LazyRows, in_locale, public_q

PHASES = (
    ("before", pgettext_lazy("preparedness phase", "Before")),
    ("during", pgettext_lazy("preparedness phase", "During")),
    ("after", pgettext_lazy("preparedness phase", "After")),
)


class AbstractPreparednessGuidePage(KimPageMixin, Page):
    """A guide for one hazard: steps before, during and after it, emergency
    contacts (phone links), evacuation points (with map links) and posters
    to download.

    Extension contract: subclass to add fields; ``get_phases()`` returns
    ``(key, label, steps)`` for each phase with steps, and
    ``get_structured_data()`` a schema.org ``HowTo`` with a section per
    phase, ``get_kim_reports()`` the KIM disaster reports it lists. Renders with ``kim_cms/pages/preparedness_guide_page.html``
    unless your app ships its own template.
    """

    hazard = models.ForeignKey(
        "kim_cms.Hazard",
        verbose_name=_("hazard"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("Two or three sentences: who the guide is for and why."),
    )
    before = StreamField(
        GuideStepStreamBlock(),
        verbose_name=_("before"),
        blank=True,
        help_text=_("What to prepare before the danger comes."),
    )
    during = StreamField(
        GuideStepStreamBlock(),
        verbose_name=_("during"),
        blank=True,
        help_text=_("What to do while it happens."),
    )
    after = StreamField(
        GuideStepStreamBlock(),
        verbose_name=_("after"),
        blank=True,
        help_text=_("What to do once it has passed."),
    )
    contacts = StreamField(
        EmergencyContactStreamBlock(),
        verbose_name=_("emergency contacts"),
        blank=True,
        help_text=_("BPBD, Damkar, Manggala Agni, Puskesmas, police, the KIM."),
    )
    evacuation_points = StreamField(
        EvacuationPointStreamBlock(),
        verbose_name=_("evacuation points"),
        blank=True,
    )
    posters = StreamField(PosterStreamBlock(), verbose_name=_("posters"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("hazard"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("before"), FieldPanel("during"), FieldPanel("after")],
            heading=_("Steps"),
        ),
        FieldPanel("contacts"),
        FieldPanel("evacuation_points"),
        FieldPanel("posters"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("before"),
        index.SearchField("during"),
        index.SearchField("after"),
        index.FilterField("hazard"),
    ]
    api_fields = [
        APIField("hazard"),
        APIField("summary"),
        APIField("before"),
        APIField("during"),
        APIField("after"),
        APIField("contacts"),
        APIField("evacuation_points"),
    ]
    override_translatable_fields = [
        TranslatableField("hazard"),
        TranslatableField("summary"),
        TranslatableField("before"),
        TranslatableField("during"),
        TranslatableField("after"),
        TranslatableField("contacts"),
        SynchronizedField("evacuation_points"),
        TranslatableField("posters"),
    ]

    kim_cms_template = "kim_cms/pages/preparedness_guide_page.html"

    class Meta:
        abstract = True

    def get_phases(self):
        """``(key, label, steps)`` for each phase that has steps."""
        return [
            (key, label, getattr(self, key))
            for key, label in PHASES
            if len(getattr(self, key))
        ]

    def get_card_meta(self):
        return self.hazard.name if self.hazard_id else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # read when rendered, not when kept ({% kim_kept page %})
        context["kim_reports"] = LazyRows(self.get_kim_reports)
        self.prefetch_evacuation_places()
        return context

    def prefetch_evacuation_places(self):
        """The kecamatan of every evacuation point's desa in one query (the
        desa come in one already), so that points cost the same queries
        however many kecamatan they lie in."""
        from django.db.models import prefetch_related_objects

        desa = [
            block.value.get("desa")
            for block in self.evacuation_points
            if block.block_type == "point"
        ]
        prefetch_related_objects([d for d in desa if d is not None], "kecamatan")

    def get_kim_reports(self):
        """The newest KIM disaster reports of this guide's hazard, in its
        language."""
        from kim_cms.pages.groups import disaster_reports

        return disaster_reports(self.hazard, self.locale_id)

    @classmethod
    def get_serve_queryset(cls):
        return super().get_serve_queryset().select_related("hazard")

    @cached_property
    def _structured_data(self):
        url = self.get_full_url()
        sections = []
        for _key, label, steps in self.get_phases():
            items = []
            for position, step in enumerate(steps, start=1):
                value = step.value
                text = strip_tags(str(value.get("text") or "")).strip()
                items.append(
                    {
                        "@type": "HowToStep",
                        "position": position,
                        "name": value["title"],
                        "text": text or value["title"],
                    }
                )
            sections.append(
                {"@type": "HowToSection", "name": str(label), "itemListElement": items}
            )
        howto = {
            "@type": "HowTo",
            "name": self.title,
            "description": self.summary,
            "inLanguage": self.locale.language_code,
            "step": sections,
        }
        if url:
            howto["url"] = url
        return {"@context": "https://schema.org", **howto}

    def get_structured_data(self):
        """A ``HowTo`` whose sections are the phases before, during and after."""
        return self._structured_data


class PreparednessGuidePage(AbstractPreparednessGuidePage):
    """The default preparedness guide, under a warning list."""

    template = "kim_cms/pages/preparedness_guide_page.html"
    parent_page_types = ["kim_cms.WarningIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("preparedness guide")
        verbose_name_plural = _("preparedness guides")


def guides_for_hazard(hazard, locale_id):
    """Live, public guides of ``hazard`` (in any language of it) in the
    language ``locale_id``."""
    guides = in_locale(
        PreparednessGuidePage.objects.live().filter(public_q()), locale_id
    )
    return (
        guides.filter(hazard__translation_key=hazard.translation_key)
        .defer_streamfields()
        .order_by("title")
    )
