"""Training material: pelatihan, bimtek and sosialisasi that KIM members and
citizens can use on a slow connection and on paper."""

from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kim_cms.blocks import (
    RICH_TEXT_FEATURES,
    LearningObjectiveStreamBlock,
    TrainingDocumentStreamBlock,
    TrainingModuleStreamBlock,
    TrainingSessionStreamBlock,
)
from kim_cms.blocks.training import COURSE_MODE_CHOICES
from kim_cms.conf import kim_settings
from kim_cms.datetimes import format_datetime
from kim_cms.downloads import (
    document_access,
    get_or_build_zip,
    public_documents,
    unique_documents,
)
from kim_cms.pages.base import (
    KimGroupAuthoredMixin,
    KimGroupSectionMixin,
    KimNewestFirstMixin,
    KimPageMixin,
    KimVerifiedPageMixin,
    newest_first,
)
from kim_cms.pages.indexes import AbstractKimIndexPage, introduction_field
from kim_cms.pages.sections import PortalSection, register_portal_section
from kim_cms.params import FilterForm, SearchQueryField
from kim_cms.queries import in_locale, localized, prepare_rows, public_q
from kim_cms.schedule import zone_abbreviation
from kim_cms.sharing import absolute_url
from kim_cms.snippets import TrainingTopic, localized_terms_of
from kim_cms.visibility import PublicRelatedField, is_public, public_or_none

TYPE_CHOICES = [
    ("pelatihan", _("Training (pelatihan)")),
    ("bimtek", _("Technical guidance (bimtek)")),
    ("sosialisasi", _("Socialisation (sosialisasi)")),
]
LEVEL_CHOICES = [
    ("dasar", _("Basic")),
    ("menengah", _("Intermediate")),
    ("lanjut", _("Advanced")),
]
AUDIENCE_CHOICES = [
    ("kim", _("KIM members")),
    ("masyarakat", _("Citizens")),
    ("perangkat-desa", _("Village officials")),
    ("petani", _("Farmers and fishers")),
    ("umkm", _("Small businesses (UMKM)")),
    ("pemuda", _("Young people and students")),
    ("asn", _("Civil servants")),
]


def format_duration(minutes):
    """``90`` -> ``1 hour 30 minutes`` in the active language."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours})
    if rest:
        parts.append(ngettext("%(n)d minute", "%(n)d minutes", rest) % {"n": rest})
    return " ".join(parts)


def iso_duration(minutes):
    """``90`` -> ``PT1H30M`` (ISO 8601, for JSON-LD)."""
    if not minutes:
        return None
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest else "")


class TrainingFilterForm(FilterForm):
    """The filters of the training index. Invalid values are dropped one by
    one: a bad link never breaks the page."""

    q = SearchQueryField(label=_("Search"))
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types"))] + TYPE_CHOICES
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    audience = forms.ChoiceField(
        label=_("Audience"),
        required=False,
        choices=[("", _("Everyone"))] + AUDIENCE_CHOICES,
    )
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[("", _("All levels"))] + LEVEL_CHOICES,
    )

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (t.slug, t.name) for t in topics
        ]

    def valid_filters(self):
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v}


class AbstractTrainingIndexPage(KimGroupSectionMixin, AbstractKimIndexPage):
    """The list of training material under this page, with filters by type,
    topic, audience and level, a search box and pages of results.

    Extension contract: subclass to add fields; override
    ``get_materials(request)`` to change which pages are listed (it must
    return a queryset of specific pages) and ``get_filter_form(request)`` to
    add filters.
    """

    introduction = introduction_field(features=RICH_TEXT_FEATURES)

    kim_cms_template = "kim_cms/pages/training_index_page.html"

    class Meta:
        abstract = True

    def get_material_model(self):
        return TrainingMaterialPage

    def get_materials(self, request):
        """Live, public materials below this page in its language, newest
        first."""
        model = self.get_material_model()
        return (
            self.in_section(model.objects.live().filter(public_q()))
            .select_related("image")
            .defer_streamfields()
            .order_by("-kim_first_published_at", "-pk")
        )

    def get_filter_form(self, request):
        topics = TrainingTopic.objects.filter(locale_id=self.locale_id)
        return TrainingFilterForm(request.GET, topics=topics)

    def filter_materials(self, materials, filters):
        if filters.get("type"):
            materials = materials.filter(material_type=filters["type"])
        if filters.get("audience"):
            materials = materials.filter(audience=filters["audience"])
        if filters.get("level"):
            materials = materials.filter(level=filters["level"])
        if filters.get("topic"):
            tagged = materials.model.objects.filter(topics__slug=filters["topic"])
            materials = materials.filter(pk__in=tagged.values("pk"))
        if filters.get("q"):
            found = (
                materials.model.objects.live()
                .filter(locale_id=self.locale_id)
                .search(filters["q"], operator="and")
            )
            materials = materials.filter(pk__in=[page.pk for page in found[:500]])
        return materials

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.get_filter_form(request)
        filters = form.valid_filters()
        materials = self.filter_materials(self.get_materials(request), filters)
        page_obj = self.paginate(request, materials)
        image_model = get_image_model()
        # the cards' images, when the cards are rendered (not when their HTML
        # is kept)
        items = prepare_rows(
            page_obj,
            lambda rows: models.prefetch_related_objects(
                [item for item in rows if item.image_id],
                Prefetch("image", queryset=image_model.objects.prefetch_renditions()),
            ),
        )
        query_string = self.get_pagination_query(request)
        context.update(
            {
                "filter_form": form,
                "filters": filters,
                "materials": items,
                "page_obj": page_obj,
                "query_string": query_string,
                "filter_query": query_string,
            }
        )
        return context


class TrainingIndexPage(AbstractTrainingIndexPage):
    """The default training index."""

    template = "kim_cms/pages/training_index_page.html"
    subpage_types = ["kim_cms.TrainingMaterialPage"]

    class Meta:
        verbose_name = _("training index")
        verbose_name_plural = _("training indexes")


class AbstractTrainingMaterialPage(
    RoutablePageMixin,
    KimGroupAuthoredMixin,
    KimVerifiedPageMixin,
    KimNewestFirstMixin,
    KimPageMixin,
    Page,
):
    """One training: what it teaches, to whom, its modules and documents.

    Routes: ``documents-zip/`` (every public document of the page in one ZIP,
    built on demand and cached) and ``print/`` (objectives and modules on
    paper). Both are served only for a live page, after Wagtail's page
    privacy checks.

    Extension contract: subclass to add fields; override
    ``get_all_documents()`` to change what the ZIP holds,
    ``get_structured_data()`` for the JSON-LD ``Course``, and
    ``get_organiser_name()`` for who runs it.
    """

    summary = models.TextField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("Two sentences shown in listings and when shared on WhatsApp."),
    )
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A photo of the training, shown in listings and link previews."),
    )
    material_type = models.CharField(
        _("type"), max_length=20, choices=TYPE_CHOICES, default="pelatihan"
    )
    topics = ParentalManyToManyField(
        "kim_cms.TrainingTopic",
        verbose_name=_("topics"),
        blank=True,
        related_name="+",
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=AUDIENCE_CHOICES, default="kim"
    )
    level = models.CharField(
        _("level"), max_length=20, choices=LEVEL_CHOICES, default="dasar"
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration in minutes"),
        null=True,
        blank=True,
        help_text=_("How long the training takes, e.g. 90 for one and a half hours."),
    )
    learning_objectives = StreamField(
        LearningObjectiveStreamBlock(),
        verbose_name=_("learning objectives"),
        blank=True,
        help_text=_("What participants can do afterwards, one per item."),
    )
    prerequisites = RichTextField(
        _("prerequisites"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What participants need to know or bring, e.g. a smartphone."),
    )
    organiser_name = models.CharField(
        _("organising office"),
        max_length=200,
        blank=True,
        help_text=_(
            "The government office (OPD) that runs the training, e.g. Dinas "
            "Komunikasi dan Informatika. Leave empty if a KIM group runs it."
        ),
    )
    kim_group = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("organising KIM group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    modules = StreamField(
        TrainingModuleStreamBlock(),
        verbose_name=_("modules"),
        blank=True,
        help_text=_("The parts of the training, in order."),
    )
    documents = StreamField(
        TrainingDocumentStreamBlock(),
        verbose_name=_("documents"),
        blank=True,
        help_text=_(
            "Files for the whole training. Files in a private collection are "
            "shown only to people allowed to see them and never go into the ZIP."
        ),
    )
    sessions = StreamField(
        TrainingSessionStreamBlock(),
        verbose_name=_("sessions"),
        blank=True,
        help_text=_("Upcoming sessions: links to event pages, or dates and places."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("material_type"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audience"),
                FieldPanel("level"),
                FieldPanel("duration_minutes"),
            ],
            heading=_("About the training"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser_name"),
                PageChooserPanel("kim_group", page_type="kim_cms.KimGroupPage"),
            ],
            heading=_("Organiser"),
        ),
        FieldPanel("learning_objectives"),
        FieldPanel("prerequisites"),
        FieldPanel("modules"),
        FieldPanel("documents"),
        FieldPanel("sessions"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("organiser_name"),
        index.SearchField("learning_objectives"),
        index.SearchField("modules"),
        index.FilterField("material_type"),
        index.FilterField("audience"),
        index.FilterField("level"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("image"),
        APIField("material_type"),
        APIField("topics"),
        APIField("audience"),
        APIField("level"),
        APIField("duration_minutes"),
        APIField("learning_objectives"),
        APIField("prerequisites"),
        APIField("organiser_name"),
        APIField("kim_group", serializer=PublicRelatedField()),
        APIField("modules"),
        APIField("documents"),
        APIField("sessions"),
    ]
    override_translatable_fields = [
        TranslatableField("summary"),
        SynchronizedField("image"),
        SynchronizedField("material_type"),
        SynchronizedField("audience"),
        SynchronizedField("level"),
        SynchronizedField("duration_minutes"),
        TranslatableField("learning_objectives"),
        TranslatableField("prerequisites"),
        TranslatableField("organiser_name"),
        SynchronizedField("kim_group"),
        TranslatableField("modules"),
        TranslatableField("documents"),
        TranslatableField("sessions"),
    ]

    kim_cms_template = "kim_cms/pages/training_material_page.html"
    kim_cms_print_template = "kim_cms/pages/training_material_page_print.html"
    kim_group_section_title = _("Training")
    card_select_related = ("image",)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not self.organiser_name.strip() and not self.kim_group_id:
            raise ValidationError(
                {
                    "organiser_name": _(
                        "Write the office that runs the training, or choose the "
                        "KIM group below."
                    )
                }
            )

    # --- what readers see -------------------------------------------------

    @classmethod
    def get_serve_queryset(cls):
        """A served training comes with its photo and its KIM group."""
        return super().get_serve_queryset().select_related("image", "kim_group__locale")

    def get_organiser_group(self):
        """The organising KIM group in the reader's language (when
        translated), or ``None`` when there is none or it is a draft or
        private (memoized)."""
        if "_kim_organiser_group" not in self.__dict__:
            group = localized(self.kim_group) if self.kim_group_id else None
            self.__dict__["_kim_organiser_group"] = public_or_none(group)
        return self.__dict__["_kim_organiser_group"]

    def get_organiser_name(self):
        group = self.get_organiser_group()
        return group.title if group is not None else self.organiser_name

    def get_organiser_url(self):
        group = self.get_organiser_group()
        return group.url if group is not None else None

    def get_topics(self):
        """The page's topics in the page's language (memoized, one query)."""
        if getattr(self, "_kim_topics", None) is None:
            self._kim_topics = localized_terms_of(self.topics.all(), self.locale_id)
        return self._kim_topics

    def get_duration_display(self):
        return format_duration(self.duration_minutes)

    def get_objectives(self):
        return [block.value for block in self.learning_objectives if block.value]

    def get_card_meta(self):
        parts = [self.get_material_type_display(), self.get_level_display()]
        duration = self.get_duration_display()
        if duration:
            parts.append(duration)
        return " · ".join(str(part) for part in parts)

    def get_social_image(self):
        return self.image

    def get_next_session(self, moment=None):
        """The value of the next session written in words (a schedule block
        that has not ended at ``moment``, default now), or ``None``."""
        moment = moment or timezone.now()
        upcoming = [
            block.value
            for block in self.sessions
            if block.block_type == "schedule"
            and block.value.get("start")
            and (block.value.get("end") or block.value["start"]) >= moment
        ]
        return min(upcoming, key=lambda value: value["start"], default=None)

    def get_share_lines(self):
        """The next session's date and place on the district's clock (or
        the kind, level and length of the training), then who organises
        it."""
        session = self.get_next_session()
        if session is not None:
            zone = kim_settings.TIME_ZONE
            start = timezone.localtime(session["start"], ZoneInfo(zone))
            when = format_datetime(start, zone_abbreviation(zone))
            first = " · ".join(part for part in (when, session.get("place")) if part)
        else:
            first = self.get_card_meta()
        organiser = self.get_organiser_name()
        return [
            first,
            _("Organiser: %(name)s") % {"name": organiser} if organiser else "",
        ]

    # --- documents --------------------------------------------------------

    def get_page_documents(self):
        """The documents of the documents field, with their descriptions."""
        return [
            (block.value["document"], block.value["description"])
            for block in self.documents
            if block.value["document"] is not None
        ]

    def get_module_documents(self):
        return [
            doc
            for block in self.modules
            for doc in block.value["documents"]
            if doc is not None
        ]

    def get_all_documents(self):
        """Every document of the page, without repeats: the documents field
        first, then each module's, in order."""
        return unique_documents(
            [doc for doc, _description in self.get_page_documents()]
            + self.get_module_documents()
        )

    def get_zip_documents(self):
        """What the "download everything" ZIP holds: only documents anyone
        may see. Documents in private collections are left out for every
        reader, even a permitted one, so one cached ZIP serves everybody and
        a private file can never leak through the cache."""
        return public_documents(self.get_all_documents())

    def get_zip_filename(self):
        return f"{self.slug}.zip"

    # --- structured data --------------------------------------------------

    def get_course_instances(self):
        instances = []
        for block in self.sessions:
            value = block.value
            if block.block_type == "schedule":
                instance = {
                    "@type": "CourseInstance",
                    "courseMode": value["mode"],
                    "startDate": value["start"].isoformat(),
                }
                if value.get("end"):
                    instance["endDate"] = value["end"].isoformat()
                if value.get("place"):
                    instance["location"] = {"@type": "Place", "name": value["place"]}
                instances.append(instance)
            elif block.block_type == "session_page":
                page = value["page"]
                if is_public(page):
                    instances.append(
                        {
                            "@type": "CourseInstance",
                            "name": page.title,
                            "url": page.full_url,
                        }
                    )
        return instances

    def get_structured_data(self):
        data = {
            "@context": "https://schema.org",
            "@type": "Course",
            "name": self.title,
            "url": self.full_url,
            "inLanguage": get_language(),
            "learningResourceType": str(self.get_material_type_display()),
            "educationalLevel": str(self.get_level_display()),
            "audience": {
                "@type": "Audience",
                "audienceType": str(self.get_audience_display()),
            },
            "isAccessibleForFree": True,
        }
        if self.summary:
            data["description"] = self.summary
        organiser = self.get_organiser_name()
        if organiser:
            data["provider"] = {
                "@type": "GovernmentOrganization"
                if not self.kim_group_id
                else "Organization",
                "name": organiser,
            }
        topics = self.get_topics()
        if topics:
            data["about"] = [topic.name for topic in topics]
        objectives = self.get_objectives()
        if objectives:
            data["teaches"] = objectives
        duration = iso_duration(self.duration_minutes)
        if duration:
            data["timeRequired"] = duration
        if self.image_id:
            rendition = self.image.get_rendition("fill-1200x630|format-jpeg")
            data["image"] = absolute_url(rendition.url, self)
        instances = self.get_course_instances()
        if instances:
            data["hasCourseInstance"] = instances
        return data

    # --- views ------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        readable, public = document_access(self.get_all_documents(), request)
        visible_ids = {doc.pk for doc in readable}
        context["kim_visible_document_ids"] = visible_ids
        context["page_documents"] = [
            (doc, description)
            for doc, description in self.get_page_documents()
            if doc.pk in visible_ids
        ]
        context["zip_documents"] = public
        return context

    # Wagtail's URL pattern allows no dot in a path, hence not "documents.zip".
    @path("documents-zip/", name="documents_zip")
    def documents_zip(self, request):
        """Every public document of the page in one ZIP file."""
        documents = self.get_zip_documents()
        if not documents:
            raise Http404(_("This training has no documents to download."))
        name = get_or_build_zip(f"{self.pk}:{self.live_revision_id}", documents)
        response = FileResponse(
            default_storage.open(name, "rb"),
            as_attachment=True,
            filename=self.get_zip_filename(),
            content_type="application/zip",
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response

    @path("print/", name="print")
    def print_view(self, request):
        """Objectives and modules on paper: no navigation, not for search
        engines."""
        context = self.get_context(request)
        context["is_print"] = True
        response = TemplateResponse(request, self.get_print_template(request), context)
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_print_template(self, request):
        return self.kim_cms_print_template

    def get_zip_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("documents_zip")

    def get_print_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("print")


class TrainingMaterialPage(AbstractTrainingMaterialPage):
    """The default training material page."""

    template = "kim_cms/pages/training_material_page.html"
    parent_page_types = ["kim_cms.TrainingIndexPage", "kim_cms.KimGroupPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training material")
        verbose_name_plural = _("training materials")


# --- the portal section ---------------------------------------------------


def _portal_materials(portal, request, count):
    materials = in_locale(
        TrainingMaterialPage.objects.descendant_of(portal).live().filter(public_q()),
        portal.locale_id,
    )
    materials = materials.select_related("image").defer_streamfields()
    return list(newest_first(materials)[:count])


register_portal_section(
    PortalSection(
        key="training",
        title=_("New training"),
        items=_portal_materials,
        index_model="kim_cms.TrainingIndexPage",
        order=40,
        kept=True,
    )
)

__all__ = [
    "AUDIENCE_CHOICES",
    "COURSE_MODE_CHOICES",
    "LEVEL_CHOICES",
    "TYPE_CHOICES",
    "AbstractTrainingIndexPage",
    "AbstractTrainingMaterialPage",
    "TrainingFilterForm",
    "TrainingIndexPage",
    "TrainingMaterialPage",
]
