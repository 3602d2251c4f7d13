"""Activity reports (kegiatan) of KIM groups, created under a group's profile.

A report with a hazard is a disaster report (Laporan KIM): what the group saw
of a fire, a flood or a storm in a desa, and when. Warnings of the same
hazard and area and the hazard's preparedness guides list them
(``disaster_reports``)."""

from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kim_cms.blocks import BodyStreamBlock, GalleryImageBlock
from kim_cms.conf import kim_settings
from kim_cms.datetimes import format_datetime
from kim_cms.pages.base import (
    KimPageMixin,
    KimVerifiedPageMixin,
    is_kim_group_profile,
)
from kim_cms.schedule import zone_abbreviation


class AbstractKimActivityPage(KimVerifiedPageMixin, KimPageMixin, Page):
    """An activity report (kegiatan) of a KIM group: date, place, summary,
    body and a photo gallery. Created under the group's page."""

    date = models.DateField(_("date"))
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Balai Desa Bahaur."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("Two or three sentences: what happened, who took part."),
    )
    cover_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("main photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in lists and link previews."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("report"), blank=True)
    gallery = StreamField(
        [("photo", GalleryImageBlock())],
        verbose_name=_("photo gallery"),
        blank=True,
    )
    hazard = models.ForeignKey(
        "kim_cms.Hazard",
        verbose_name=_("hazard"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Choose a hazard to make this a disaster report (Laporan KIM): it "
            "then shows on the warnings and the preparedness guide of the hazard."
        ),
    )
    hazard_desa = models.ForeignKey(
        "kim_cms.Desa",
        verbose_name=_("desa affected"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    observed_at = models.DateTimeField(
        _("seen at"),
        null=True,
        blank=True,
        help_text=_("When the group saw what it reports, in the district's time."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("place")]),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        FieldPanel("gallery"),
        MultiFieldPanel(
            [
                FieldPanel("hazard"),
                FieldRowPanel([FieldPanel("hazard_desa"), FieldPanel("observed_at")]),
            ],
            heading=_("Disaster report"),
            classname="collapsed",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("place"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("hazard"),
    ]
    api_fields = [
        APIField("date"),
        APIField("place"),
        APIField("summary"),
        APIField("cover_image"),
        APIField(
            "cover_thumbnail",
            serializer=ImageRenditionField("fill-160x160", source="cover_image"),
        ),
        APIField("body"),
        APIField("gallery"),
        APIField("hazard"),
        APIField("hazard_desa"),
        APIField("observed_at"),
    ]
    override_translatable_fields = [
        SynchronizedField("date"),
        TranslatableField("place"),
        TranslatableField("summary"),
        SynchronizedField("cover_image"),
        TranslatableField("body"),
        TranslatableField("gallery"),
        TranslatableField("hazard"),
        SynchronizedField("hazard_desa"),
        SynchronizedField("observed_at"),
    ]
    kim_cms_template = "kim_cms/pages/kim_activity_page.html"

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.hazard_id:
            errors = {}
            if not self.hazard_desa_id:
                errors["hazard_desa"] = _("Choose the desa where it happens.")
            if not self.observed_at:
                errors["observed_at"] = _("Say when the group saw it.")
            if errors:
                raise ValidationError(errors)
        elif self.hazard_desa_id or self.observed_at:
            raise ValidationError(
                {"hazard": _("Choose the hazard, or leave the desa and time empty.")}
            )

    def is_disaster_report(self):
        """Whether this report tells of a hazard (a Laporan KIM)."""
        return bool(self.hazard_id)

    def get_observed_at_display(self):
        """``Senin, 5 Januari 2026, 19.00 WIB``: when it was seen, on the
        district's clock."""
        if not self.observed_at:
            return ""
        zone = kim_settings.TIME_ZONE
        return format_datetime(
            self.observed_at.astimezone(ZoneInfo(zone)), zone_abbreviation(zone)
        )

    def get_card_image(self):
        return self.cover_image

    def get_card_meta(self):
        from django.utils.formats import date_format

        parts = [date_format(self.date, "j F Y")]
        if self.place:
            parts.append(self.place)
        return " · ".join(parts)

    def get_social_image(self):
        return self.cover_image

    def get_social_description(self):
        return self.search_description or self.summary[:200]

    def get_group(self):
        """The group that reported this activity."""
        return self.get_parent().specific

    def get_structured_data(self):
        return None


class KimActivityPage(AbstractKimActivityPage):
    """The default activity report, under any group page: ``KimGroupPage``
    or a site's own subclass of ``AbstractKimGroupPage``."""

    template = "kim_cms/pages/kim_activity_page.html"
    parent_page_types = None  # every group page type, see below
    subpage_types = []

    @classmethod
    def clean_parent_page_models(cls):
        """The group page types, unless a subclass sets ``parent_page_types``."""
        if cls.parent_page_types is not None:
            return super().clean_parent_page_models()
        from wagtail.models import get_page_models

        return [model for model in get_page_models() if is_kim_group_profile(model)]

    class Meta:
        verbose_name = _("activity report")
        verbose_name_plural = _("activity reports")
