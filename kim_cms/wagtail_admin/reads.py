"""What the admin shows of pages a user may not edit: only what is public.

Wagtail's page chooser lists every page of the site, drafts and private pages
included, to everyone who may open the admin, and its "Page types usage"
report names the last edited page of each type. For a KIM group's editor that
is every other group's drafts and private pages. kim_cms limits, for every
user but superusers, what these show to:

- the pages the user may edit (any page permission), with their ancestors so
  that the chooser can be browsed down to them; these show their draft titles;
- public pages: live, with no view restriction on them or above them; these
  show their live title, never the title of unpublished changes.

The chooser's listings (browse and search) go through Wagtail's
``construct_page_chooser_queryset`` hook. Its other endpoints, which have no
hook, are wrapped once when the app is ready (``install()``): browsing below
a page the user may not read is a 404, "chosen-multiple" answers for readable
pages only, an external link that happens to be the address of an unreadable
page stays an external link, and the page types report names only readable
pages. Everything else Wagtail's admin lists (explorer, its search, the admin
API, the other reports, usage listings) already keeps to the pages a user may
explore or edit; ``tests/test_admin_reads.py`` crawls the admin as a group
editor to keep it so.
"""

import functools
import json

from django.db.models import F, Q
from django.http import Http404
from django.utils.html import escape
from wagtail.models import GroupPagePermission, Page, PageViewRestriction

PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
_REQUEST_MEMO = "_kim_cms_readable_pages"
_HINT = "kim_cms_readable_pages"


class ReadablePages:
    """Which pages ``user`` may read in the admin (see the module docstring)."""

    def __init__(self, user):
        self.everything = bool(user.is_active and user.is_superuser)
        self.editable_paths = ()
        self.restricted_paths = ()
        if self.everything or not user.is_active:
            return
        self.editable_paths = tuple(
            sorted(
                set(
                    GroupPagePermission.objects.filter(
                        group__user=user, permission__codename__in=PAGE_PERMISSIONS
                    ).values_list("page__path", flat=True)
                )
            )
        )
        self.restricted_paths = tuple(
            PageViewRestriction.objects.values_list("page__path", flat=True)
        )

    @classmethod
    def for_request(cls, request):
        readable = getattr(request, _REQUEST_MEMO, None)
        if readable is None:
            readable = cls(request.user)
            setattr(request, _REQUEST_MEMO, readable)
        return readable

    def _ancestor_paths(self):
        steplen = Page.steplen
        return {
            path[:end]
            for path in self.editable_paths
            for end in range(steplen, len(path), steplen)
        }

    def q(self):
        """A ``Q`` of the readable pages (``None``: every page)."""
        if self.everything:
            return None
        editable = Q(pk__in=[])
        for path in self.editable_paths:
            editable |= Q(path__startswith=path)
        ancestors = Q(path__in=self._ancestor_paths())
        return editable | ancestors | self.public_q()

    def public_q(self):
        """A ``Q`` of the public pages: live, with no view restriction on them
        or above them."""
        restricted = Q(pk__in=[])
        for path in self.restricted_paths:
            restricted |= Q(path__startswith=path)
        return Q(live=True) & ~restricted

    def may_edit(self, page):
        return self.everything or page.path.startswith(self.editable_paths or ("\0",))

    def is_public(self, page):
        return bool(page.live) and not page.path.startswith(
            self.restricted_paths or ("\0",)
        )

    def can_read(self, page):
        return (
            self.may_edit(page)
            or page.path in self._ancestor_paths()
            or self.is_public(page)
        )

    def mask(self, pages):
        """Show the live title of the pages the user may not edit: the title
        of unpublished changes is a draft too."""
        for page in pages:
            if isinstance(page, Page) and not self.may_edit(page) and page.title:
                page.draft_title = page.title
        return pages

    def filter(self, queryset):
        """``queryset`` limited to readable pages, whose fetched pages carry
        their live title unless the user may edit them."""
        q = self.q()
        if q is None:
            return queryset
        queryset = queryset.filter(q)
        queryset.__class__ = _masked_class(queryset.__class__)
        queryset._hints = {**queryset._hints, _HINT: self}
        return queryset


class _MaskedTitlesMixin:
    # The queryset keeps its class and hints through filter(), specific(),
    # "|", slicing and search, so the pages a view finally fetches are masked.
    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        readable = self._hints.get(_HINT)
        if fresh and readable is not None:
            readable.mask(self._result_cache)


@functools.cache
def _masked_class(queryset_class):
    if issubclass(queryset_class, _MaskedTitlesMixin):
        return queryset_class
    return type(
        f"KimMasked{queryset_class.__name__}", (_MaskedTitlesMixin, queryset_class), {}
    )


def limit_page_chooser(pages, request):
    """The ``construct_page_chooser_queryset`` hook."""
    return ReadablePages.for_request(request).filter(pages)


# -- the chooser's endpoints without a hook, and the page types report ----------


def _wrap(cls, name, wrapper):
    original = getattr(cls, name)
    if getattr(original, "_kim_cms_wrapped", False):
        return

    @functools.wraps(original)
    def method(self, *args, **kwargs):
        return wrapper(original, self, *args, **kwargs)

    method._kim_cms_wrapped = True
    setattr(cls, name, method)


def _browse(original, view, request, parent_page_id=None):
    readable = ReadablePages.for_request(request)
    if readable.everything:
        return original(view, request, parent_page_id)
    if parent_page_id:
        parent = Page.objects.filter(pk=parent_page_id).first()
        if parent is None or not readable.can_read(parent):
            raise Http404
        response = original(view, request, parent_page_id)
        return _live_titles_in_html(response, readable, parent)
    elif request.GET.get("page_type"):
        # Wagtail starts at the first common ancestor of every page of the
        # type: start at the one of the pages this user may read.
        from wagtail.admin.views.chooser import page_models_from_string

        try:
            models = page_models_from_string(request.GET["page_type"])
        except (ValueError, LookupError):
            return original(view, request, parent_page_id)
        if models != (Page,):
            pages = readable.filter(Page.objects.type(*models))
            parent_page_id = pages.first_common_ancestor().pk
    return original(view, request, parent_page_id)


def _live_titles_in_html(response, readable, parent):
    """The browsed page and its breadcrumbs come from Wagtail, not from the
    hook's queryset: show their live titles where the user may not edit."""
    pages = [
        page
        for page in [*parent.get_ancestors(), parent]
        if not readable.may_edit(page) and page.title and page.draft_title != page.title
    ]
    if not pages:
        return response
    data = json.loads(response.content)
    if isinstance(data, dict) and isinstance(data.get("html"), str):
        for page in pages:
            data["html"] = data["html"].replace(
                str(escape(page.draft_title)), str(escape(page.title))
            )
        response.content = json.dumps(data)
    return response


def _chosen_multiple(original, view, request):
    readable = ReadablePages.for_request(request)
    if not readable.everything:
        ids = [pk for pk in request.GET.getlist("id") if pk.isascii() and pk.isdigit()]
        allowed = readable.filter(Page.objects.filter(pk__in=ids, depth__gt=1))
        query = request.GET.copy()
        query.setlist("id", [str(pk) for pk in allowed.values_list("pk", flat=True)])
        request.GET = query
    response = original(view, request)
    if readable.everything:
        return response
    return _masked_titles_in_response(response, readable)


def _masked_titles_in_response(response, readable):
    data = json.loads(response.content)
    results = (data.get("result") or []) if isinstance(data, dict) else []
    pages = Page.objects.in_bulk([item.get("id") for item in results])
    for item in results:
        page = pages.get(item.get("id"))
        if page is not None and not readable.may_edit(page):
            item["adminTitle"] = page.title
    response.content = json.dumps(data)
    return response


def _external_link(original, view, request):
    response = original(view, request)
    readable = ReadablePages.for_request(request)
    if readable.everything or not response.get("Content-Type", "").startswith(
        "application/json"
    ):
        return response
    data = json.loads(response.content)
    step = data.get("step")
    internal = None
    if step == "confirm_external_to_internal":
        internal = data.get("internal") or {}
    elif step == "external_link_chosen" and "id" in (data.get("result") or {}):
        internal = data["result"]
    if internal is None:
        return response
    page = Page.objects.filter(pk=internal.get("id")).first()
    if page is not None and readable.can_read(page):
        if not readable.may_edit(page):
            internal["adminTitle"] = page.title
            response.content = json.dumps(data)
            if step == "confirm_external_to_internal":
                # the confirmation names the page: render it with the live title
                return _confirm_with_live_title(view, request, data, page)
        return response
    # an address like any other: keep it external
    return view.render_chosen_response(view.get_result_data())


def _confirm_with_live_title(view, request, data, page):
    from wagtail.admin.modal_workflow import render_modal_workflow

    return render_modal_workflow(
        request,
        "wagtailadmin/chooser/confirm_external_to_internal.html",
        None,
        {
            "submitted_url": data["external"]["url"],
            "internal_url": data["internal"]["url"],
            "page": page.title,
        },
        json_data=data,
    )


def _page_types_usage(original, view, page_types):
    page_types = original(view, page_types)
    readable = ReadablePages.for_request(view.request)
    if readable.everything:
        return page_types
    cleaned = getattr(getattr(view, "filters", None), "form", None)
    cleaned = getattr(cleaned, "cleaned_data", {}) or {}
    for item in page_types:
        page = item.last_edited_page
        if page is None or readable.can_read(page):
            readable.mask([page] if page is not None else [])
            continue
        pages = readable.filter(Page.objects.filter(content_type=item))
        if cleaned.get("page_locale"):
            pages = pages.filter(locale__language_code=cleaned["page_locale"])
        if cleaned.get("site"):
            pages = pages.filter(path__startswith=cleaned["site"])
        item.last_edited_page = (
            pages.order_by(
                F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
            )
            .specific()
            .first()
        )
    return page_types


def install():
    """Wrap the chooser endpoints and the report that have no hook. Called
    once from ``KimCmsConfig.ready()``; calling it again changes nothing."""
    from wagtail.admin.views import chooser
    from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

    _wrap(chooser.BrowseView, "get", _browse)
    _wrap(chooser.ChosenMultipleView, "get", _chosen_multiple)
    _wrap(chooser.ExternalLinkView, "post", _external_link)
    _wrap(PageTypesUsageReportView, "decorate_paginated_queryset", _page_types_usage)
