"""An agriculture or fisheries tip: structured, seasonal advice whose accuracy
is visible (who verified it, when, and when it is due for review)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kim_cms.blocks import BodyStreamBlock, TipStepStreamBlock, TipSupplyStreamBlock
from kim_cms.fields import MultipleChoiceTextField, join_choices, split_choices
from kim_cms.pages.base import (
    KimGroupAuthoredMixin,
    KimNewestFirstMixin,
    KimPageMixin,
    KimVerifiedPageMixin,
)
from kim_cms.pages.tips import seasons
from kim_cms.pages.tips.seasons import (
    MONTH_CHOICES,
    SEASON_CHOICES,
    SEASON_MONTHS,
    SEASON_SHORT_LABELS,
    months_between,
)
from kim_cms.queries import localized
from kim_cms.visibility import PublicRelatedField, public_or_none

SUB_SECTOR_CHOICES = [
    ("food-crops", _("Food crops (tanaman pangan)")),
    ("horticulture", _("Horticulture")),
    ("estate-crops", _("Estate crops (perkebunan)")),
    ("livestock", _("Livestock (peternakan)")),
    ("aquaculture", _("Aquaculture (perikanan budidaya)")),
    ("capture-fisheries", _("Capture fisheries (perikanan tangkap)")),
]
PROBLEM_CULTIVATION = "cultivation"
PROBLEM_PEST = "pest-disease"
PROBLEM_TYPE_CHOICES = [
    (PROBLEM_CULTIVATION, _("Cultivation (budidaya)")),
    (PROBLEM_PEST, _("Pests and diseases (OPT)")),
    ("post-harvest", _("Post-harvest")),
    ("marketing", _("Marketing")),
]
DIFFICULTY_CHOICES = [
    ("easy", _("Easy")),
    ("medium", _("Medium")),
    ("hard", _("Needs experience")),
]
SEVERITY_CHOICES = [
    ("low", _("Low: little damage")),
    ("medium", _("Medium: yield loss likely")),
    ("high", _("High: crop or stock can be lost")),
]
EXPERT_ROLE_CHOICES = [
    ("penyuluh", _("Extension officer (penyuluh)")),
    ("bpp", _("Agricultural extension centre (BPP)")),
    ("researcher", _("Researcher")),
    ("other", _("Other expert")),
]


class AbstractAgricultureTipPage(
    KimGroupAuthoredMixin,
    KimVerifiedPageMixin,
    KimNewestFirstMixin,
    KimPageMixin,
    Page,
):
    """A structured piece of advice for farmers or fishers: commodity, season
    and months, where it applies, ordered steps, inputs with doses, safety
    warnings and the expert who verified it.

    Extension contract: subclass to add fields; the page renders with
    ``kim_cms/pages/agriculture_tip_page.html`` unless your app ships its own
    template. ``is_in_season(month)``, ``is_due_for_review(on)`` and
    ``get_structured_data()`` (HowTo and Article) may be overridden.
    """

    kim_group_section_title = _("Agriculture and fisheries tips")
    card_select_related = ("commodity", "image")

    sub_sector = models.CharField(
        _("sub-sector"), max_length=20, choices=SUB_SECTOR_CHOICES
    )
    commodity = models.ForeignKey(
        "kim_cms.Commodity",
        verbose_name=_("commodity"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The crop, livestock or fish the tip is about."),
    )
    problem_type = models.CharField(
        _("problem"),
        max_length=20,
        choices=PROBLEM_TYPE_CHOICES,
        default=PROBLEM_CULTIVATION,
    )
    seasons = MultipleChoiceTextField(
        _("seasons"),
        max_length=20,
        item_choices=SEASON_CHOICES,
        help_text=_("The planting seasons (KATAM) in which the tip applies."),
    )
    months = MultipleChoiceTextField(
        _("months"),
        max_length=40,
        item_choices=MONTH_CHOICES,
        help_text=_(
            "The months in which the tip applies. Leave empty to use the months "
            "of the seasons ticked above; with no season either, the tip applies "
            "all year."
        ),
    )
    kecamatan = ParentalManyToManyField(
        "kim_cms.Kecamatan",
        verbose_name=_("kecamatan"),
        blank=True,
        related_name="+",
        help_text=_("Where the tip applies. Leave empty for the whole district."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("Two or three sentences: the problem and the advice."),
    )
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("main photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in listings and when the tip is shared on WhatsApp."),
    )
    difficulty = models.CharField(
        _("difficulty"), max_length=10, choices=DIFFICULTY_CHOICES, default="easy"
    )
    time_estimate = models.CharField(
        _("time needed"),
        max_length=100,
        blank=True,
        help_text=_("E.g. 2 hari kerja, 3 bulan sampai panen."),
    )
    cost_estimate = models.CharField(
        _("estimated cost"),
        max_length=100,
        blank=True,
        help_text=_("E.g. Rp 1,5 juta per hektare."),
    )
    supplies = StreamField(
        TipSupplyStreamBlock(),
        verbose_name=_("materials and tools"),
        blank=True,
        help_text=_("Seeds, fertiliser, medicine and tools, each with its dose."),
    )
    steps = StreamField(
        TipStepStreamBlock(),
        verbose_name=_("steps"),
        help_text=_("In order: readers see them numbered 1, 2, 3 ..."),
    )
    safety_warnings = RichTextField(
        _("safety warnings"),
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_(
            "Protective clothing, waiting times after spraying, fire risk on "
            "peat land, and so on."
        ),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("more information"),
        blank=True,
    )
    pest_name = models.CharField(
        _("pest or disease"),
        max_length=120,
        blank=True,
        help_text=_("E.g. wereng batang coklat, blast. Required for OPT tips."),
    )
    pest_severity = models.CharField(
        _("severity"),
        max_length=10,
        choices=SEVERITY_CHOICES,
        blank=True,
        help_text=_("How much damage the pest or disease does. Required for OPT tips."),
    )
    factsheet = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("factsheet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A leaflet (PDF) readers can download and print."),
    )
    kim_group = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("KIM group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The KIM group that wrote this tip, if any."),
    )
    expert_name = models.CharField(
        _("verified by"),
        max_length=120,
        help_text=_("The penyuluh or expert who checked the advice."),
    )
    expert_role = models.CharField(
        _("role"), max_length=20, choices=EXPERT_ROLE_CHOICES, default="penyuluh"
    )
    expert_institution = models.CharField(
        _("institution"),
        max_length=200,
        blank=True,
        help_text=_("E.g. BPP Kecamatan Maliku, Dinas Pertanian."),
    )
    reviewed_on = models.DateField(
        _("checked on"), help_text=_("The date the expert checked the advice.")
    )
    review_due = models.DateField(
        _("check again by"),
        null=True,
        blank=True,
        help_text=_(
            "After this date the page tells readers the advice is due for review. "
            "Leave empty for one year after the check."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("sub_sector"), FieldPanel("commodity")]),
                FieldPanel("problem_type"),
                FieldRowPanel([FieldPanel("pest_name"), FieldPanel("pest_severity")]),
            ],
            heading=_("What the tip is about"),
        ),
        MultiFieldPanel(
            [FieldPanel("seasons"), FieldPanel("months"), FieldPanel("kecamatan")],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("difficulty"),
                FieldRowPanel(
                    [FieldPanel("time_estimate"), FieldPanel("cost_estimate")]
                ),
            ],
            heading=_("Effort"),
        ),
        FieldPanel("supplies"),
        FieldPanel("steps"),
        FieldPanel("safety_warnings"),
        FieldPanel("body"),
        FieldPanel("factsheet"),
        MultiFieldPanel(
            [
                FieldPanel("expert_name"),
                FieldRowPanel(
                    [FieldPanel("expert_role"), FieldPanel("expert_institution")]
                ),
                FieldRowPanel([FieldPanel("reviewed_on"), FieldPanel("review_due")]),
                PageChooserPanel("kim_group", page_type="kim_cms.KimGroupPage"),
            ],
            heading=_("Who stands behind the advice"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("pest_name"),
        index.SearchField("steps"),
        index.SearchField("supplies"),
        index.RelatedFields("commodity", [index.SearchField("name")]),
        index.FilterField("sub_sector"),
        index.FilterField("problem_type"),
        index.FilterField("commodity"),
    ]
    api_fields = [
        APIField("sub_sector"),
        APIField("commodity"),
        APIField("problem_type"),
        APIField("seasons"),
        APIField("months"),
        APIField("kecamatan"),
        APIField("summary"),
        APIField("image"),
        APIField("difficulty"),
        APIField("time_estimate"),
        APIField("cost_estimate"),
        APIField("supplies"),
        APIField("steps"),
        APIField("safety_warnings"),
        APIField("pest_name"),
        APIField("pest_severity"),
        APIField("factsheet", serializer=PublicRelatedField()),
        APIField("expert_name"),
        APIField("expert_role"),
        APIField("expert_institution"),
        APIField("reviewed_on"),
        APIField("review_due"),
    ]
    override_translatable_fields = [
        SynchronizedField("sub_sector"),
        TranslatableField("commodity"),
        SynchronizedField("problem_type"),
        SynchronizedField("seasons"),
        SynchronizedField("months"),
        SynchronizedField("kecamatan"),
        TranslatableField("summary"),
        SynchronizedField("image"),
        SynchronizedField("difficulty"),
        TranslatableField("time_estimate"),
        TranslatableField("cost_estimate"),
        TranslatableField("supplies"),
        TranslatableField("steps"),
        TranslatableField("safety_warnings"),
        TranslatableField("body"),
        TranslatableField("pest_name"),
        SynchronizedField("pest_severity"),
        SynchronizedField("factsheet"),
        SynchronizedField("kim_group"),
        SynchronizedField("expert_name"),
        SynchronizedField("expert_role"),
        SynchronizedField("expert_institution"),
        SynchronizedField("reviewed_on"),
        SynchronizedField("review_due"),
    ]

    kim_cms_template = "kim_cms/pages/agriculture_tip_page.html"

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        if self.problem_type == PROBLEM_PEST:
            if not (self.pest_name or "").strip():
                errors["pest_name"] = _(
                    "Name the pest or disease: it is required when the problem is "
                    "pests and diseases (OPT)."
                )
            if not self.pest_severity:
                errors["pest_severity"] = _(
                    "Choose how severe the pest or disease is: it is required "
                    "when the problem is pests and diseases (OPT)."
                )
        if self.reviewed_on and self.review_due and self.review_due < self.reviewed_on:
            errors["review_due"] = _(
                "The date to check again cannot be before the date the advice "
                "was checked (%(date)s)."
            ) % {"date": self.reviewed_on.strftime("%d-%m-%Y")}
        if errors:
            raise ValidationError(errors)
        if not self.months and self.seasons:
            months = []
            for season in split_choices(self.seasons):
                months += SEASON_MONTHS.get(season, [])
            self.months = join_choices(sorted(set(months)))
        if self.reviewed_on and not self.review_due:
            self.review_due = self.reviewed_on + datetime.timedelta(days=365)

    # What readers see -----------------------------------------------------

    @property
    def month_numbers(self):
        return [int(m) for m in split_choices(self.months)]

    @property
    def season_keys(self):
        return split_choices(self.seasons)

    def get_season_labels(self):
        return [
            SEASON_SHORT_LABELS[key]
            for key in self.season_keys
            if key in SEASON_SHORT_LABELS
        ]

    def get_month_labels(self):
        names = dict(MONTH_CHOICES)
        return [names[m] for m in self.month_numbers if m in names]

    def get_months_display(self):
        """``November - February`` for a continuous run of months (across the
        new year too), else the months listed."""
        months = self.month_numbers
        if not months or len(months) == 12:
            return _("All year")
        names = dict(MONTH_CHOICES)
        for first in months:
            last = months[(months.index(first) - 1) % len(months)]
            if sorted(months_between(first, last)) == sorted(months):
                if first == last:
                    return str(names[first])
                return f"{names[first]} – {names[last]}"
        return ", ".join(str(names[m]) for m in months)

    def is_in_season(self, month=None):
        """Whether the tip applies in ``month`` (default: this month)."""
        months = self.month_numbers
        return not months or (month or seasons.current_month()) in months

    def is_due_for_review(self, on=None):
        """Whether the review-due date has passed."""
        return bool(self.review_due and self.review_due < (on or seasons.today()))

    def get_localized_commodity(self):
        """The commodity in the page's language (its translation if any)."""
        commodity = self.commodity
        if commodity is None or commodity.locale_id == self.locale_id:
            return commodity
        from kim_cms.snippets import Commodity

        return (
            Commodity.objects.filter(
                translation_key=commodity.translation_key, locale_id=self.locale_id
            ).first()
            or commodity
        )

    @cached_property
    def localized_commodity(self):
        return self.get_localized_commodity()

    def get_card_meta(self):
        parts = [str(self.get_sub_sector_display())]
        if self.commodity:
            parts.insert(0, self.commodity.name)
        parts.append(str(self.get_months_display()))
        return " · ".join(parts)

    def get_social_image(self):
        return self.image

    def get_share_lines(self):
        """The commodity with its seasons and months (``Padi sawah · MH,
        MK I · Oktober – Juni``), then the summary."""
        commodity = self.localized_commodity
        parts = [commodity.name if commodity else ""]
        parts.append(", ".join(str(label) for label in self.get_season_labels()))
        parts.append(str(self.get_months_display()))
        return [" · ".join(part for part in parts if part), self.summary]

    def get_step_images(self):
        return [step.value["image"] for step in self.steps if step.value.get("image")]

    @classmethod
    def get_serve_queryset(cls):
        """A served tip comes with its photo, commodity, factsheet and group."""
        return (
            super()
            .get_serve_queryset()
            .select_related("image", "commodity", "factsheet", "kim_group__locale")
        )

    def prefetch_step_renditions(self):
        """Fetch the renditions of the tip's photo and of every step photo in
        one query."""
        from django.db.models import prefetch_related_objects

        images = [image for image in self.get_step_images() if image is not None]
        photos = images + ([self.image] if self.image_id else [])
        if photos:
            prefetch_related_objects(photos, "renditions")
        return images

    def get_author_group(self):
        """The KIM group that wrote the tip, in the reader's language when
        translated, unless it is a draft or private (memoized)."""
        if "_kim_author_group" not in self.__dict__:
            group = self.kim_group
            if group is not None and group.live and group.locale_id != self.locale_id:
                group = localized(group)
            self.__dict__["_kim_author_group"] = public_or_none(group)
        return self.__dict__["_kim_author_group"]

    def get_context(self, request, *args, **kwargs):
        from kim_cms.downloads import readable_documents

        context = super().get_context(request, *args, **kwargs)
        self.prefetch_step_renditions()
        context["tip_due_for_review"] = self.is_due_for_review()
        context["tip_index"] = self.get_section_index()
        # a factsheet in a private collection only for those who may read it
        readable = readable_documents([self.factsheet], request)
        context["factsheet"] = readable[0] if readable else None
        return context

    @cached_property
    def _root_url(self):
        parts = self.get_url_parts()
        return parts[1] if parts else ""

    def _absolute(self, url):
        if url.startswith(("http://", "https://")):
            return url
        return self._root_url + url

    @cached_property
    def _structured_data(self):
        from django.utils.html import strip_tags

        url = self.get_full_url()
        language = self.locale.language_code
        steps = []
        for position, step in enumerate(self.steps, start=1):
            value = step.value
            item = {
                "@type": "HowToStep",
                "position": position,
                "name": value["title"],
                "text": strip_tags(str(value.get("text") or "")).strip()
                or value["title"],
            }
            if url:
                item["url"] = f"{url}#langkah-{position}"
            if value.get("image"):
                rendition = value["image"].get_rendition("width-800|format-webp")
                item["image"] = self._absolute(rendition.url)
            steps.append(item)
        supplies, tools = [], []
        for supply in self.supplies:
            value = supply.value
            entry = {
                "@type": "HowToTool" if value["kind"] == "tool" else "HowToSupply",
                "name": value["name"],
            }
            if value.get("dose"):
                entry["requiredQuantity"] = value["dose"]
            (tools if value["kind"] == "tool" else supplies).append(entry)
        howto = {
            "@type": "HowTo",
            "name": self.title,
            "description": self.summary,
            "inLanguage": language,
            "step": steps,
        }
        if supplies:
            howto["supply"] = supplies
        if tools:
            howto["tool"] = tools
        if self.cost_estimate:
            howto["estimatedCost"] = self.cost_estimate
        if url:
            howto["url"] = url
        author = {"@type": "Person", "name": self.expert_name}
        if self.expert_institution:
            author["affiliation"] = {
                "@type": "Organization",
                "name": self.expert_institution,
            }
        article = {
            "@type": "Article",
            "headline": self.title,
            "description": self.summary,
            "inLanguage": language,
            "author": author,
        }
        if self.first_published_at:
            article["datePublished"] = self.first_published_at.isoformat()
        if self.last_published_at:
            article["dateModified"] = self.last_published_at.isoformat()
        if url:
            article["mainEntityOfPage"] = url
        if self.image:
            rendition = self.image.get_rendition("fill-1200x630|format-jpeg")
            article["image"] = self._absolute(rendition.url)
            howto["image"] = article["image"]
        page = {
            "@type": "WebPage",
            "name": self.title,
            "reviewedBy": author,
        }
        if self.reviewed_on:
            page["lastReviewed"] = self.reviewed_on.isoformat()
        if url:
            page["url"] = url
        return {"@context": "https://schema.org", "@graph": [howto, article, page]}

    def get_structured_data(self):
        """A HowTo (steps, supplies, tools), an Article and the WebPage that
        says who reviewed the advice and when."""
        return self._structured_data


class AgricultureTipPage(AbstractAgricultureTipPage):
    """The default agriculture and fisheries tip."""

    template = "kim_cms/pages/agriculture_tip_page.html"
    parent_page_types = ["kim_cms.AgricultureTipIndexPage", "kim_cms.KimGroupPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("agriculture and fisheries tip")
        verbose_name_plural = _("agriculture and fisheries tips")
