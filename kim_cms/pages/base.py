"""What every kim_cms page shares: template fallback, sharing metadata, the
index-page creation rule, and serving in few queries."""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from kim_cms.conf import kim_settings
from kim_cms.queries import (
    base_page_model,
    in_locale,
    lineage_paths,
    load_lineage,
    with_restriction_flag,
)
from kim_cms.sharing import share_text, whatsapp_url


class KimPageMixin:
    """Mixed into every kim_cms page type.

    Extension contract:

    - ``kim_cms_template``: the template kim_cms ships for this page type. Wagtail
      resets ``template`` on every subclass to ``<app>/<model>.html``; a site's
      subclass renders with its own template when it exists and falls back to
      ``kim_cms_template`` otherwise.
    - ``get_social_image()``: the image shown in WhatsApp / Open Graph previews.
    - ``get_social_description()``: the text shown under the preview title.
    - ``get_share_lines()``: the lines of the WhatsApp text between the
      title and the page's address, the one thing that matters (an event's
      date and place, a tip's season); ``get_share_text(request)`` puts them
      together and ``get_whatsapp_url(request)`` is the ``wa.me`` link. The
      share kit (``kim_cms/includes/share.html``) shows both on every page.
    - ``get_serve_queryset()`` (a classmethod): the queryset a page of this
      type is loaded from when it is served. Extend its ``select_related()``
      with the foreign keys your template shows, so that they cost no query.

    Serving: ``route()`` finds the requested page below this one, and every
    page above it, in one query (Wagtail's ``Page.route`` takes two queries
    per level), then loads the page with ``get_serve_queryset()``. The pages
    above serve the view-restriction check and the breadcrumbs without further
    queries (``get_kim_lineage()``). A page type that overrides ``route()``
    keeps its own routing: it is loaded and asked to route the rest of the
    path, as Wagtail does.
    """

    kim_cms_template = None

    def full_clean(self, *args, **kwargs):
        """Rich text set by code is cleaned as the editor cleans it
        (``kim_cms/rich_text.py``) before the page is validated, so that
        every save and revision holds only what the editor could write."""
        from kim_cms.rich_text import clean_page_rich_text

        clean_page_rich_text(self)
        return super().full_clean(*args, **kwargs)

    @classmethod
    def get_serve_queryset(cls):
        """The queryset a served page of this type is loaded from."""
        return cls._default_manager.select_related("locale")

    def route(self, request, path_components):
        if not path_components:
            # This very page: its lineage is loaded once when needed.
            self._kim_routed = True
            return super().route(request, path_components)
        result = _route_below(self, request, path_components)
        if result is None:  # an ambiguous tree: route the way Wagtail does
            return super().route(request, path_components)
        return result

    def get_kim_lineage(self):
        """The pages from the tree root down to this page (base ``Page``
        objects, each with ``kim_restricted``: whether it has a view
        restriction), loaded once: by the routing when the page is served,
        else in one query."""
        lineage = self.__dict__.get("_kim_lineage")
        if lineage is None:
            lineage = self._kim_lineage = load_lineage(self)
        return lineage

    def get_kim_ancestors(self):
        """The ancestors shown in breadcrumbs: from the first page below the
        tree root down to this page's parent."""
        return [p for p in self.get_kim_lineage() if 1 < p.depth < self.depth]

    def get_view_restrictions(self):
        """Wagtail's view restrictions of this page and the pages above it,
        from the lineage the routing loaded (no query when none applies).
        Outside serving, and where an alias is involved, Wagtail decides."""
        from wagtail.models import PageViewRestriction

        served = "_kim_lineage" in self.__dict__ or self.__dict__.get("_kim_routed")
        if not served or self.alias_of_id:
            return super().get_view_restrictions()
        lineage = self.get_kim_lineage()
        if any(page.alias_of_id for page in lineage):
            return super().get_view_restrictions()
        restricted = [page.pk for page in lineage if page.kim_restricted]
        if not restricted:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=restricted)

    def get_template(self, request, *args, **kwargs):
        own = super().get_template(request, *args, **kwargs)
        if self.kim_cms_template and own != self.kim_cms_template:
            return [own, self.kim_cms_template]
        return own

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["kim_cms_base_template"] = kim_settings.BASE_TEMPLATE
        # The breadcrumbs and the home link of the header.
        ancestors = self.get_kim_ancestors()
        context["kim_ancestors"] = ancestors
        context["kim_home"] = ancestors[0] if ancestors else self
        return context

    def get_structured_data(self):
        """Return a dict printed as JSON-LD, or ``None``."""
        return None

    def get_card_image(self):
        """Return the image shown beside this page in listings, or ``None``."""
        return self.get_social_image()

    def get_card_meta(self):
        """Return one short line shown under the title in listings."""
        return ""

    def get_social_image(self):
        """Return an image for link previews, or ``None``."""
        return None

    def get_social_description(self):
        """Return the description shown in link previews."""
        if self.search_description:
            return self.search_description
        summary = getattr(self, "summary", "") or ""
        return Truncator(summary).chars(200)

    def get_share_lines(self):
        """Return the lines of the share text between the title and the
        address, as plain text in the active language: by default the line
        listings show under the title."""
        return [self.get_card_meta()]

    def get_share_text(self, request=None):
        """The short text a reader forwards: the title, the lines of
        ``get_share_lines()`` and the page's absolute address (plain text,
        no HTML)."""
        return share_text(
            self.title, self.get_share_lines(), self.get_full_url(request)
        )

    def get_whatsapp_url(self, request=None):
        """The ``https://wa.me/?text=...`` link that opens WhatsApp with the
        share text ready to send."""
        return whatsapp_url(self.get_share_text(request))


def _plain_route(klass):
    """Whether ``klass.route`` only looks up a child page by its slug."""
    from wagtail.models import Page

    route = vars(klass)["route"]
    return route is KimPageMixin.route or route is Page.route


def _passes_through(page, remaining):
    """Whether routing ``remaining`` from ``page`` (a base ``Page``) only
    looks up its child: then the page need not be loaded in its own type.
    A ``RoutablePageMixin`` page passes through when none of its routes
    matches (what ``RoutablePageMixin.route`` checks before it looks up a
    child); any other ``route()`` of its own stops here."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    model = page.specific_class
    if model is None:  # a page type removed from the code: a plain Page
        return True
    for klass in model.__mro__:
        if "route" not in vars(klass):
            continue
        if klass is RoutablePageMixin:
            if not page.live:
                continue
            try:
                model.get_resolver().resolve("/" + "/".join(remaining) + "/")
            except Http404:
                continue
            return False
        return _plain_route(klass)
    return True


def _load_for_serving(page):
    """``page.specific``, loaded with the type's ``get_serve_queryset()``."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page
    get_queryset = getattr(model, "get_serve_queryset", None)
    queryset = get_queryset() if get_queryset else model._default_manager.all()
    specific = queryset.get(pk=page.pk)
    # What Page.get_specific() copies: attributes set on the base object.
    for name, value in page.__dict__.items():
        specific.__dict__.setdefault(name, value)
    page.__dict__["specific"] = specific
    return specific


def _route_below(start, request, path_components):
    """Route ``path_components`` below ``start`` as ``Page.route`` does, with
    one query for every page on the way and above ``start``. Returns
    ``None`` when the tree is ambiguous (two children with one slug)."""
    model = base_page_model(start)
    below = Q()
    for offset, slug in enumerate(path_components, start=1):
        below |= Q(depth=start.depth + offset, slug=slug)
    above = Q(path__in=lineage_paths(start))
    rows = list(
        with_restriction_flag(
            model.objects.filter(above | (Q(path__startswith=start.path) & below))
        ).order_by("path")
    )
    lineage = [row for row in rows if start.path.startswith(row.path)]
    if len(lineage) != start.depth:
        return None
    parent = start
    for index, slug in enumerate(path_components):
        children = [
            row
            for row in rows
            if row.depth == parent.depth + 1
            and row.slug == slug
            and row.path.startswith(parent.path)
        ]
        if not children:
            raise Http404
        if len(children) > 1:
            return None
        child = children[0]
        # As Page.route does: get_parent() needs no query.
        child._cached_parent_obj = parent
        lineage.append(child)
        remaining = path_components[index + 1 :]
        if remaining and _passes_through(child, remaining):
            parent = child
            continue
        page = _load_for_serving(child)
        page._kim_lineage = lineage
        return page.route(request, remaining)
    return None  # not reached: the last component always loads its page


class KimIndexPageMixin(KimPageMixin):
    """Index pages may be created under any page unless the site lists the
    allowed parents in ``KIM_CMS_INDEX_PARENT_PAGE_TYPES``. A new index page
    has "Show in menus" ticked: directly under a portal, it is one of the
    sections of the portal's menu (``kim_cms.pages.navigation``)."""

    show_in_menus_default = True

    @classmethod
    def can_create_at(cls, parent):
        if not super().can_create_at(parent):
            return False
        allowed = kim_settings.INDEX_PARENT_PAGE_TYPES
        if allowed is None:
            return True
        allowed_models = tuple(apps.get_model(dotted) for dotted in allowed)
        return isinstance(parent.specific, allowed_models)


class KimGroupProfileMixin:
    """Marks the page types of KIM group profiles (``AbstractKimGroupPage``).

    A page created under a profile is credited to its group
    (``KimGroupAuthoredForm``), and activity reports are created under
    profiles. Code below the group pages asks ``is_kim_group_profile()``
    instead of importing the group page types.
    """


def is_kim_group_profile(page_class):
    """Whether ``page_class`` (a page model, or ``None`` for a page type
    removed from the code) is a KIM group profile."""
    return page_class is not None and issubclass(page_class, KimGroupProfileMixin)


class KimGroupAuthoredForm(WagtailAdminPageForm):
    """Credits a page created under a KIM group's profile to that group."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        group = self.parent_kim_group()
        if (
            group is not None
            and "kim_group" in self.fields
            and not self.instance.pk
            and not self.initial.get("kim_group")
        ):
            self.initial["kim_group"] = group.pk

    def parent_kim_group(self):
        parent = self.parent_page
        if parent is not None and is_kim_group_profile(parent.specific_class):
            return parent
        return None

    def clean(self):
        cleaned_data = super().clean()
        group = self.parent_kim_group()
        if (
            group is not None
            and "kim_group" in self.fields
            and not cleaned_data.get("kim_group")
        ):
            cleaned_data["kim_group"] = group
        return cleaned_data


class KimGroupAuthoredMixin:
    """Marks page types that a KIM group can author (tips, events, training).

    Contract: the concrete model has a nullable ``kim_group`` foreign key to
    ``wagtailcore.Page`` (chosen with ``PageChooserPanel(page_type=
    "kim_cms.KimGroupPage")``, ``related_name="+"``). A group's profile lists,
    for each such page type, the live pages whose ``kim_group`` is the group.
    ``card_select_related`` names the foreign keys the page's card shows
    (``get_card_image()``, ``get_card_meta()``): the profile loads them with
    the pages.
    """

    kim_group_section_title = None  # a lazy translated string, e.g. _("Tips")
    card_select_related = ()
    base_form_class = KimGroupAuthoredForm

    def get_section_index(self, index_class=None):
        """The index page listing this page: its parent when that is an
        ``index_class`` page, else (for a page a KIM group publishes under its
        profile) the live, public ``index_class`` page of its language whose
        section holds it, or ``None``. ``index_class`` defaults to the index
        page types that list this page's type (``KimGroupSectionMixin``)."""
        if index_class is None:
            index_class = tuple(section_index_models(type(self)))
            if not index_class:
                return None
        parent = self.get_parent()
        if parent is not None and issubclass(parent.specific_class, index_class):
            return parent
        index_classes = (
            index_class if isinstance(index_class, tuple) else (index_class,)
        )
        candidates = [
            page
            for page in Page.objects.live()
            .public()
            .type(*index_classes)
            .filter(locale_id=self.locale_id, depth__lt=self.depth)
            .order_by("-depth", "path")
            if self.path.startswith(page.path[: -page.steplen])
        ]
        return candidates[0] if candidates else None


VERIFICATION_FIELDS = ("kim_verified_at", "kim_verified_by", "kim_verified_by_name")


class KimVerifiedPageMixin(models.Model):
    """Who verified a page and when, shown to readers ("Verified by ...").

    Filled when a moderator approves the page in the "KIM review" workflow
    (see ``kim_cms.wagtail_admin.roles``). The values live on the page row, not in its
    revisions: publishing an older revision, copying the page or creating a
    translation never carries a verification over. Put this mixin before
    ``Page`` in the bases of a page model.
    """

    kim_verified_at = models.DateTimeField(
        _("verified at"), null=True, blank=True, editable=False
    )
    kim_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by (user)"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kim_verified_by_name = models.CharField(
        _("verified by (office)"), max_length=200, blank=True, editable=False
    )

    exclude_fields_in_copy = list(VERIFICATION_FIELDS)

    class Meta:
        abstract = True

    def with_content_json(self, content):
        page = super().with_content_json(content)
        for field in VERIFICATION_FIELDS:
            setattr(page, field, getattr(self, field))
        return page


class KimNewestFirstMixin(models.Model):
    """Lists of this page type can be read newest first from its own table.

    ``kim_first_published_at`` is a copy of Wagtail's ``first_published_at``
    kept on the page type's own table, with an index: the newest pages of
    a type are then read from that index and stop after the few shown,
    instead of sorting every page of the language (``newest_first()``).
    ``save()`` keeps the copy; ``migrate`` fills it for pages saved before
    the column existed (``fill_first_published_copies()``). Put this mixin
    before ``Page`` in the bases of a page model.
    """

    kim_first_published_at = models.DateTimeField(
        _("first published at (for lists)"),
        null=True,
        blank=True,
        editable=False,
        db_index=True,
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.kim_first_published_at = self.first_published_at
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "first_published_at" in update_fields:
            kwargs["update_fields"] = [*update_fields, "kim_first_published_at"]
        return super().save(*args, **kwargs)


def newest_first(queryset):
    """``queryset`` (of a ``KimNewestFirstMixin`` page type) newest first, as
    ``order_by("-first_published_at", "-pk")`` orders it, by the type's own
    indexed copy of the date."""
    return queryset.order_by("-kim_first_published_at", "-pk")


def update_each_page_model(page_class, field, update, using="default"):
    """``update(queryset)`` with the rows of each concrete page model that
    is ``page_class`` or inherits from it (kim_cms's and a site's) and holds
    ``field`` in its own table (a page type below another is done with
    it), each in a transaction of its own: for what ``migrate`` fills in.
    A site's model whose migration does not add kim_cms's new columns yet
    is left alone: ``makemigrations`` adds them, the next ``migrate`` fills
    them."""
    from django.db import DatabaseError, router, transaction

    for model in apps.get_models():
        if not issubclass(model, page_class) or model._meta.proxy:
            continue
        if model._meta.get_field(field).model is not model:
            continue
        if not router.allow_migrate_model(using, model):
            continue
        try:
            with transaction.atomic(using=using):
                update(model._base_manager.using(using))
        except DatabaseError:
            continue


def fill_first_published_copies(**kwargs):
    """After ``migrate``: the ``kim_first_published_at`` of pages saved before
    the column existed (of kim_cms's page types and a site's subclasses).
    One query per page type; nothing to do is one query too."""
    from django.db.models import OuterRef, Subquery

    def fill(pages):
        base = getattr(pages.model, "base_page_model", None) or Page  # 7.4: Page
        published = base.objects.filter(pk=OuterRef("pk")).values("first_published_at")
        pages.filter(
            kim_first_published_at__isnull=True, first_published_at__isnull=False
        ).update(kim_first_published_at=Subquery(published[:1]))

    update_each_page_model(
        KimNewestFirstMixin,
        "kim_first_published_at",
        fill,
        kwargs.get("using", "default"),
    )


class KimGroupSectionMixin:
    """For the index pages of the sections KIM groups can publish in (tips,
    events, training): such an index lists its own children and the pages of
    its type that KIM groups publish under their profile, i.e. every page of
    its type in its language below the index's parent page (usually the
    portal).

    ``listed_page_type`` is the page class the index lists (an abstract base
    such as ``AbstractAgricultureTipPage``): a page of that type finds its
    index with ``get_section_index()`` without importing the index.
    """

    listed_page_type = None

    def in_section(self, queryset):
        if self.depth <= 2:
            return queryset.descendant_of(self)
        parent_path = self.path[: -self.steplen]
        return in_locale(queryset.filter(path__startswith=parent_path), self.locale_id)


def section_index_models(page_class):
    """The concrete index page models whose ``listed_page_type`` includes
    ``page_class``."""
    from wagtail.models import get_page_models

    return [
        model
        for model in get_page_models()
        if issubclass(model, KimGroupSectionMixin)
        and model.listed_page_type is not None
        and issubclass(page_class, model.listed_page_type)
    ]


__all__ = [
    "KimGroupAuthoredMixin",
    "KimGroupProfileMixin",
    "KimGroupSectionMixin",
    "KimVerifiedPageMixin",
    "KimIndexPageMixin",
    "KimNewestFirstMixin",
    "KimPageMixin",
    "fill_first_published_copies",
    "newest_first",
    "update_each_page_model",
]
