"""Hoax clarifications (klarifikasi hoaks): a claim circulating in the
district, the verdict of the KIM or office that checked it, the explanation,
the evidence and the official sources, with a ``ClaimReview`` for search
engines and fact-check tools and a text ready to forward on WhatsApp."""

import datetime

from django import forms
from django.db import models
from django.db.models import Prefetch
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kim_cms.blocks import RICH_TEXT_FEATURES
from kim_cms.pages.base import KimPageMixin, KimVerifiedPageMixin
from kim_cms.pages.indexes import AbstractKimIndexPage
from kim_cms.pages.navigation import find_portal, get_identity
from kim_cms.pages.sections import PortalSection, register_portal_section
from kim_cms.params import FilterForm, SearchQueryField
from kim_cms.queries import in_locale, localized, prepare_rows, public_q
from kim_cms.sharing import absolute_url
from kim_cms.snippets import FocusArea, localized_terms_of
from kim_cms.visibility import PublicRelatedField, public_or_none

VERDICT_CHOICES = [
    ("hoaks", _("Hoax")),
    ("disinformasi", _("Disinformation")),
    ("misinformasi", _("Misinformation")),
    ("sebagian-benar", _("Partly true")),
    ("benar", _("True")),
]

# The verdict on the 1 (false) to 5 (true) scale of the ClaimReview rating.
VERDICT_RATINGS = {
    "hoaks": 1,
    "disinformasi": 1,
    "misinformasi": 2,
    "sebagian-benar": 3,
    "benar": 5,
}
WORST_RATING = 1
BEST_RATING = 5


class ClarificationSourceBlock(blocks.StructBlock):
    """An official source consulted: an office, a regulation, a statement."""

    name = blocks.CharBlock(
        label=_("Source"),
        max_length=250,
        help_text=_("E.g. Dinas Kesehatan Kabupaten Pulang Pisau, press release."),
    )
    url = blocks.URLBlock(label=_("Web address"), required=False)
    date = blocks.DateBlock(label=_("Date"), required=False)

    class Meta:
        icon = "link"
        label = _("Official source")
        template = "kim_cms/blocks/clarification_source_block.html"
        preview_value = {
            "name": "Dinas Kesehatan Kabupaten Pulang Pisau",
            "url": "https://dinkes.example.go.id/",
        }
        description = _("An office, regulation or statement the check relied on.")


class ClarificationSourceStreamBlock(blocks.StreamBlock):
    source = ClarificationSourceBlock()


class ClarificationFilterForm(FilterForm):
    """The filters of the clarification index; an invalid value is dropped,
    a bad link never breaks the page."""

    q = SearchQueryField(label=_("Search"))
    verdict = forms.ChoiceField(
        label=_("Verdict"),
        required=False,
        choices=[("", _("All verdicts"))] + VERDICT_CHOICES,
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (t.slug, t.name) for t in topics
        ]

    def valid_filters(self):
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v}


class AbstractHoaxClarificationIndexPage(AbstractKimIndexPage):
    """The list of clarifications below this page, newest check first, with
    filters by verdict and topic and a search box.

    Extension contract: subclass to add fields; override
    ``get_clarification_model()``, ``get_clarifications(request)`` (a
    queryset of specific pages) or ``get_filter_form(request)``.
    """

    kim_cms_template = "kim_cms/pages/hoax_clarification_index_page.html"

    class Meta:
        abstract = True

    def get_clarification_model(self):
        return HoaxClarificationPage

    def get_clarifications(self, request):
        model = self.get_clarification_model()
        return (
            model.objects.live()
            .descendant_of(self)
            .filter(public_q())
            .select_related("image")
            .defer_streamfields()
            .order_by("-review_date", "-first_published_at", "-pk")
        )

    def get_filter_form(self, request):
        topics = FocusArea.objects.filter(locale_id=self.locale_id)
        return ClarificationFilterForm(request.GET, topics=topics)

    def filter_clarifications(self, clarifications, filters):
        if filters.get("verdict"):
            clarifications = clarifications.filter(verdict=filters["verdict"])
        if filters.get("topic"):
            tagged = clarifications.model.objects.filter(topics__slug=filters["topic"])
            clarifications = clarifications.filter(pk__in=tagged.values("pk"))
        if filters.get("q"):
            found = (
                clarifications.model.objects.live()
                .filter(locale_id=self.locale_id)
                .search(filters["q"], operator="and")
            )
            clarifications = clarifications.filter(
                pk__in=[page.pk for page in found[:500]]
            )
        return clarifications

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.get_filter_form(request)
        filters = form.valid_filters()
        clarifications = self.filter_clarifications(
            self.get_clarifications(request), filters
        )
        page_obj = self.paginate(request, clarifications)
        # the cards' images, when the cards are rendered (not when their HTML
        # is kept)
        items = prepare_rows(
            page_obj,
            lambda rows: models.prefetch_related_objects(
                [item for item in rows if item.image_id],
                Prefetch(
                    "image", queryset=get_image_model().objects.prefetch_renditions()
                ),
            ),
        )
        context.update(
            {
                "filter_form": form,
                "filters": filters,
                "clarifications": items,
                "page_obj": page_obj,
                "filter_query": self.get_pagination_query(request),
            }
        )
        return context


class HoaxClarificationIndexPage(AbstractHoaxClarificationIndexPage):
    """The default clarification index."""

    template = "kim_cms/pages/hoax_clarification_index_page.html"
    subpage_types = ["kim_cms.HoaxClarificationPage"]

    class Meta:
        verbose_name = _("hoax clarification index")
        verbose_name_plural = _("hoax clarification indexes")


class AbstractHoaxClarificationPage(KimVerifiedPageMixin, KimPageMixin, Page):
    """One claim and its verdict.

    The title is the headline readers see ("Hoaks: vaksin mengandung
    chip"); ``claim`` is the claim as it circulated. Structured data: a
    schema.org ``ClaimReview`` whose ``reviewRating`` puts the verdict on a
    1 (false) to 5 (true) scale with the verdict's name as
    ``alternateName``, and whose ``itemReviewed`` is the ``Claim``.

    Extension contract: subclass to add fields; override
    ``get_structured_data()``, ``get_checker_name()`` (who checked the
    claim) or ``get_share_lines()`` (the WhatsApp text).
    """

    claim = models.TextField(
        _("claim"),
        max_length=1000,
        help_text=_(
            "The claim as it circulates, in its own words, e.g. the text of "
            "the forwarded message."
        ),
    )
    claim_appearance = models.CharField(
        _("where it circulated"),
        max_length=250,
        blank=True,
        help_text=_("E.g. WhatsApp groups in Kecamatan Kahayan Hilir, Facebook."),
    )
    claim_appearance_url = models.URLField(
        _("link to the claim"),
        blank=True,
        help_text=_("A public post showing the claim, if there is one."),
    )
    claim_first_seen = models.DateField(
        _("first seen"),
        null=True,
        blank=True,
        help_text=_("When the claim was first seen in the district."),
    )
    verdict = models.CharField(_("verdict"), max_length=20, choices=VERDICT_CHOICES)
    summary = models.TextField(
        _("conclusion"),
        max_length=300,
        help_text=_(
            "The answer in one or two sentences, shown in listings and in the "
            "WhatsApp text."
        ),
    )
    explanation = RichTextField(
        _("explanation"), features=RICH_TEXT_FEATURES, blank=True
    )
    evidence = RichTextField(
        _("evidence"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What was checked and what it showed."),
    )
    sources = StreamField(
        ClarificationSourceStreamBlock(),
        verbose_name=_("official sources"),
        blank=True,
        help_text=_("The offices, regulations and statements consulted."),
    )
    checked_by_name = models.CharField(
        _("checked by (office)"),
        max_length=200,
        blank=True,
        help_text=_(
            "The KIM or government office (OPD) that checked the claim, e.g. "
            "Dinas Komunikasi dan Informatika. Leave empty if a KIM group "
            "chosen below checked it."
        ),
    )
    kim_group = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("checked by (KIM group)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_date = models.DateField(
        _("date of the check"),
        default=datetime.date.today,
        db_index=True,
    )
    topics = ParentalManyToManyField(
        "kim_cms.FocusArea", verbose_name=_("topics"), blank=True, related_name="+"
    )
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown in link previews. Never the hoax image itself without a "
            "clear HOAKS stamp on it."
        ),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("claim"),
                FieldPanel("claim_appearance"),
                FieldPanel("claim_appearance_url"),
                FieldPanel("claim_first_seen"),
            ],
            heading=_("The claim"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("verdict"),
                FieldPanel("summary"),
                FieldPanel("review_date"),
                FieldPanel("checked_by_name"),
                PageChooserPanel("kim_group", page_type="kim_cms.KimGroupPage"),
            ],
            heading=_("The verdict"),
        ),
        FieldPanel("explanation"),
        FieldPanel("evidence"),
        FieldPanel("sources"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("image"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("claim"),
        index.SearchField("summary"),
        index.SearchField("explanation"),
        index.FilterField("verdict"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        APIField("claim"),
        APIField("claim_appearance"),
        APIField("claim_appearance_url"),
        APIField("claim_first_seen"),
        APIField("verdict"),
        APIField("summary"),
        APIField("explanation"),
        APIField("evidence"),
        APIField("sources"),
        APIField("checked_by_name"),
        APIField("kim_group", serializer=PublicRelatedField()),
        APIField("review_date"),
        APIField("topics"),
        APIField("image"),
    ]
    override_translatable_fields = [
        TranslatableField("claim"),
        TranslatableField("claim_appearance"),
        SynchronizedField("claim_appearance_url"),
        SynchronizedField("claim_first_seen"),
        SynchronizedField("verdict"),
        TranslatableField("summary"),
        TranslatableField("explanation"),
        TranslatableField("evidence"),
        TranslatableField("sources"),
        TranslatableField("checked_by_name"),
        SynchronizedField("kim_group"),
        SynchronizedField("review_date"),
        SynchronizedField("image"),
    ]

    kim_cms_template = "kim_cms/pages/hoax_clarification_page.html"

    class Meta:
        abstract = True

    @classmethod
    def get_serve_queryset(cls):
        return super().get_serve_queryset().select_related("image", "kim_group__locale")

    # --- what readers see -------------------------------------------------

    def get_checker_group(self):
        """The KIM group that checked the claim, in the reader's language,
        or ``None`` (also for a draft or private group page)."""
        if "_kim_checker_group" not in self.__dict__:
            group = localized(self.kim_group) if self.kim_group_id else None
            self.__dict__["_kim_checker_group"] = public_or_none(group)
        return self.__dict__["_kim_checker_group"]

    def get_checker_name(self):
        group = self.get_checker_group()
        if group is not None:
            return group.title
        return self.checked_by_name

    def get_topics(self):
        if getattr(self, "_kim_topics", None) is None:
            self._kim_topics = localized_terms_of(self.topics.all(), self.locale_id)
        return self._kim_topics

    def get_rating_value(self):
        return VERDICT_RATINGS.get(self.verdict, WORST_RATING)

    def is_false(self):
        """Whether the verdict says the claim should not be believed."""
        return self.get_rating_value() <= 2

    def get_card_meta(self):
        parts = [str(self.get_verdict_display())]
        if self.review_date:
            parts.append(date_format(self.review_date, "DATE_FORMAT"))
        return " · ".join(parts)

    def get_social_image(self):
        return self.image

    def get_social_description(self):
        if self.search_description:
            return self.search_description
        return Truncator(f"{self.get_verdict_display()}: {self.summary}").chars(200)

    # --- sharing ----------------------------------------------------------

    def get_share_lines(self):
        """The lines of the WhatsApp text between the title and the link:
        the verdict with the claim, then the conclusion."""
        verdict = str(self.get_verdict_display()).upper()
        claim = Truncator(" ".join(self.claim.split())).chars(160)
        return [f"{verdict}: «{claim}»", self.summary]

    def get_poster_facts(self):
        """The lines of the A4 poster under the title."""
        return self.get_share_lines() + [self.get_checker_name()]

    # --- structured data --------------------------------------------------

    def get_structured_data_author(self):
        """The ``author`` of the ClaimReview: the KIM group or the office
        that checked the claim, else the district's communications office
        (the portal identity's office name, else the district), or ``None``."""
        checker = self.get_checker_name()
        if checker:
            kind = (
                "Organization"
                if self.get_checker_group() is not None
                else "GovernmentOrganization"
            )
            return {"@type": kind, "name": checker}
        identity = get_identity(None, find_portal(self), site=self.get_site())
        name = identity.office_name or identity.district_name
        if name:
            return {"@type": "GovernmentOrganization", "name": name}
        return None

    def get_structured_data(self):
        rating = {
            "@type": "Rating",
            "ratingValue": self.get_rating_value(),
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": str(self.get_verdict_display()),
        }
        claim = {"@type": "Claim"}
        if self.claim_first_seen:
            claim["datePublished"] = self.claim_first_seen.isoformat()
        if self.claim_appearance_url:
            claim["appearance"] = {
                "@type": "CreativeWork",
                "url": self.claim_appearance_url,
            }
        elif self.claim_appearance:
            claim["appearance"] = {
                "@type": "CreativeWork",
                "name": self.claim_appearance,
            }
        data = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": self.full_url,
            "name": self.title,
            "inLanguage": get_language(),
            "claimReviewed": " ".join(self.claim.split()),
            "datePublished": self.review_date.isoformat(),
            "reviewRating": rating,
            "itemReviewed": claim,
            "reviewBody": self.summary,
        }
        author = self.get_structured_data_author()
        if author:
            data["author"] = author
        if self.image_id:
            url = self.image.get_rendition("fill-1200x630|format-jpeg").url
            data["image"] = absolute_url(url, self)
        return data


class HoaxClarificationPage(AbstractHoaxClarificationPage):
    """The default clarification page."""

    template = "kim_cms/pages/hoax_clarification_page.html"
    parent_page_types = ["kim_cms.HoaxClarificationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("hoax clarification")
        verbose_name_plural = _("hoax clarifications")


def _portal_clarifications(portal, request, count):
    # the latest checks, read from the index on the date of the check
    clarifications = in_locale(
        HoaxClarificationPage.objects.descendant_of(portal).live().filter(public_q()),
        portal.locale_id,
    )
    clarifications = clarifications.select_related("image").defer_streamfields()
    return list(clarifications.order_by("-review_date", "-pk")[:count])


register_portal_section(
    PortalSection(
        key="clarifications",
        title=_("Hoax clarifications"),
        items=_portal_clarifications,
        index_model="kim_cms.HoaxClarificationIndexPage",
        order=50,
        kept=True,
    )
)

__all__ = [
    "BEST_RATING",
    "VERDICT_CHOICES",
    "VERDICT_RATINGS",
    "WORST_RATING",
    "AbstractHoaxClarificationIndexPage",
    "AbstractHoaxClarificationPage",
    "ClarificationFilterForm",
    "HoaxClarificationIndexPage",
    "HoaxClarificationPage",
]
