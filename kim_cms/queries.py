"""Query helpers shared by the page types, so that serving a page takes a small,
constant number of SQL queries.

- ``public_q()``: Wagtail's ``PageQuerySet.public()`` without its extra query
  each time: a subquery that runs inside the query it narrows. Within
  ``read_restrictions_once()`` (the portal's sections), the view restrictions
  are read once (``restricted_paths()``) and each filter is a plain path
  filter (none at all when nothing is private), cheaper to compile and run
  than a subquery in every section.
- ``load_lineage()``: a page and every page above it, each marked with whether
  it has a view restriction, in one query (for breadcrumbs and privacy).
- ``prefetch_renditions()``: the renditions of many images (of different
  objects: a page's logo, its officers' photos, its cards) in one query.
- ``localized()``: Wagtail's ``.localized`` in one query instead of two.
- ``in_locale()``: pages of one locale, read in the order of another index.
- ``count_pages()``, ``own_rows()``: how many pages of one type a list
  holds, counted from that type's table.
- ``below_q()``: the pages below a page, read from the path index.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import EmptyResultSet
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr

from kim_cms import page_cache


class _RequestMemo:
    """The view restrictions as read once for a page's many filters."""

    __slots__ = ("paths",)

    def __init__(self):
        self.paths = None  # the restricted paths, once read


# Inside read_restrictions_once(): its _RequestMemo. Elsewhere None, and
# public_q() is a subquery (it costs no query of its own).
_memo = ContextVar("kim_cms_restricted_paths", default=None)


@contextmanager
def read_restrictions_once():
    """Within the block, the view restrictions are read at most once (on the
    first ``public_q()``) and every ``public_q()`` is a plain path filter:
    for code that filters many queries, such as the portal's sections."""
    token = _memo.set(_RequestMemo())
    try:
        yield
    finally:
        _memo.reset(token)


def restrictions_changed(**kwargs):
    memo = _memo.get()
    if memo is not None:
        memo.paths = None


def connect_request_memo():
    """A restriction saved or deleted within ``read_restrictions_once()`` is
    read again (connected in ``KimCmsConfig.ready()``)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction

    post_save.connect(
        restrictions_changed,
        sender=PageViewRestriction,
        dispatch_uid="kim_cms_restrictions_saved",
    )
    post_delete.connect(
        restrictions_changed,
        sender=PageViewRestriction,
        dispatch_uid="kim_cms_restrictions_deleted",
    )


def restricted_paths():
    """The tree paths of every page with a view restriction (the outermost
    ones: a restriction below another adds nothing), or ``None`` outside a
    ``read_restrictions_once()``. One query per block."""
    memo = _memo.get()
    if memo is None:
        return None
    if memo.paths is None:
        from wagtail.models import PageViewRestriction

        found = sorted(
            set(PageViewRestriction.objects.values_list("page__path", flat=True))
        )
        outermost = []
        for path in found:
            if not outermost or not path.startswith(outermost[-1]):
                outermost.append(path)
        memo.paths = tuple(outermost)
    return memo.paths


def private_q(path_field="path"):
    """Matches pages in a private section: the page, or a page above it, has a
    view restriction (what ``PageQuerySet.private_q()`` matches)."""
    from wagtail.models import PageViewRestriction

    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef(path_field), 1, Length("page__path"))
        )
    )


def public_q(path_field="path"):
    """Matches pages outside every private section: ``queryset.filter(public_q())``
    is ``queryset.public()`` without its extra query (see the module)."""
    paths = restricted_paths()
    if paths is None:
        return ~private_q(path_field)
    condition = Q()
    for path in paths:
        condition &= ~Q(**{f"{path_field}__startswith": path})
    return condition


def in_locale(queryset, locale_id):
    """``queryset.filter(locale_id=locale_id)``, written so that the database
    does not read the pages through the locale index.

    A portal has two or three locales: that index narrows nothing, yet
    SQLite (which keeps no statistics unless told to ``ANALYZE``) prefers an
    equality on an index to the index that gives a list its order, and then
    reads and sorts every page of the language to show six. Compared as
    ``locale_id + 0``, the locale is checked on each row the list's own
    index yields, which stops after the few shown (``newest_first()``)."""
    return queryset.alias(kim_locale=F("locale_id") + 0).filter(kim_locale=locale_id)


def below_q(page, children_only=False):
    """Matches the pages below ``page`` (its children only, with
    ``children_only``) by a range of tree paths, which the database reads
    from the index on the path: Wagtail's ``descendant_of()`` and
    ``child_of()`` match a path prefix (``LIKE``), which SQLite checks on
    every page of the site. The range is treebeard's own (its
    ``get_children()`` reads children the same way)."""
    if children_only:
        return Q(
            path__range=page._get_children_path_interval(page.path),
            depth=page.depth + 1,
        )
    longest = type(page)._meta.get_field("path").max_length
    return Q(
        path__range=(
            page.path + page.alphabet[0] * page.steplen,
            page.path + page.alphabet[-1] * (longest - len(page.path)),
        )
    )


def own_rows(items):
    """The rows of ``items`` (a queryset of a page type below Wagtail's page
    model) as a queryset read from the page type's own table, each row
    checked against the filters of ``items``: to count or aggregate them,
    where the plain query (on SQLite) reads every page of the site to find
    the few of that type. Other querysets come back as they are."""
    model = items.model
    if not model._meta.parents or items.query.is_sliced or items.query.combinator:
        return items
    matching = items.order_by().filter(pk=OuterRef("pk")).values("pk")
    return model._base_manager.using(items.db).filter(Exists(matching))


def query_key(items):
    """What a list's count and rows are kept under (``count_pages()``,
    ``page_rows()``): the query of ``items`` as the database reads it (its
    pks only: the same filters and order, cheaper to write out than every
    column). ``None`` when it cannot be kept (a sliced or combined query),
    ``()`` when the query matches nothing. Worked out once per queryset: a
    list's count and its rows share it."""
    found = items.__dict__.get("_kim_query_key", False)
    if found is not False:
        return found
    if items.query.is_sliced or items.query.combinator:
        found = None
    else:
        try:
            sql, params = items.values("pk").query.sql_with_params()
        except EmptyResultSet:  # a filter that matches nothing, e.g. pk__in=[]
            found = ()
        else:
            found = (items.db, sql, params)
    items.__dict__["_kim_query_key"] = found
    return found


def count_pages(items):
    """``items.count()``, counted from the page type's table (``own_rows()``),
    and kept with the page cache (``kim_cms.page_cache.kept()``): until the
    next change a visitor could see starts a new generation, for the page
    cache's ``TIMEOUT`` at most. A list's count reads every row of its type;
    kept, a list costs the same with 50 pages or 5,000. A query that names
    the moment it runs (a filter on the current time) is never found again,
    so it is counted each time."""
    key = query_key(items)
    if key is None:
        return own_rows(items).count()
    if key == ():
        return 0
    return page_cache.kept("count", key, lambda: own_rows(items).count())


def rows_key(items, start, stop):
    """What the rows ``items[start:stop]`` are kept under: ``query_key()``
    and the slice; ``None`` when they cannot be kept (a sliced or combined
    query), or ``()`` when the query matches nothing."""
    key = query_key(items)
    if not key:
        return key
    return (*key, start, stop)


def page_rows(items, start, stop, key=None):
    """``list(items[start:stop])``, with which rows they are kept with the
    page cache (``kim_cms.page_cache.kept()``): the next read of that slice,
    until a change a visitor could see, loads those rows by their keys
    instead of ordering every row of the list again. A list's page then
    costs the same with 50 pages or 5,000. As with ``count_pages()``, a
    query that names the moment it runs is never found again. ``key`` is
    ``rows_key()``, when already worked out."""
    key = rows_key(items, start, stop) if key is None else key
    if key is None:
        return list(items[start:stop])
    if key == ():
        return []
    loaded = []

    def load():
        loaded.extend(items[start:stop])
        return [row.pk for row in loaded]

    pks = page_cache.kept("rows", key, load)
    if loaded or not pks:
        return loaded
    by_pk = {row.pk: row for row in items.filter(pk__in=pks)}
    return [by_pk[pk] for pk in pks if pk in by_pk]


class LazyRows:
    """Rows read when first asked for (``load()``), with the ``key`` they
    are kept under (or ``None``): a template that finds their HTML kept
    (``{% kim_kept_rows %}``) reads none. ``prepare(function)`` runs
    ``function(rows)`` once the rows are read (prefetches for the cards)."""

    def __init__(self, load, key=None):
        self._load = load
        self.key = key
        self._rows = None
        self._prepare = []

    def prepare(self, function):
        if self._rows is None:
            self._prepare.append(function)
        else:
            function(self._rows)
        return self

    @property
    def rows(self):
        if self._rows is None:
            self._rows = list(self._load())
            for function in self._prepare:
                function(self._rows)
        return self._rows

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    def __bool__(self):
        return bool(self.rows)

    def __getitem__(self, index):
        return self.rows[index]

    def __eq__(self, other):
        if isinstance(other, LazyRows):
            return self.rows == other.rows
        if isinstance(other, (list, tuple)):
            return self.rows == list(other)
        return NotImplemented

    __hash__ = None


class PageRows(LazyRows):
    """The rows of one page of a list (``page_rows()``), read when first
    asked for (``LazyRows``), kept under ``rows_key()``."""

    def __init__(self, items, start, stop):
        self.items = items
        self.start = start
        self.stop = stop
        key = rows_key(items, start, stop)
        super().__init__(lambda: page_rows(items, start, stop, key), key)


def prepare_rows(page_obj, function):
    """``page_obj.object_list``, with ``function(rows)`` run once its rows
    are read (``PageRows.prepare()``), or at once when they are a list."""
    rows = page_obj.object_list
    if isinstance(rows, LazyRows):
        return rows.prepare(function)
    rows = list(rows)
    function(rows)
    return rows


def with_restriction_flag(queryset):
    """Annotate each page with ``kim_restricted``: whether the page itself has
    a view restriction."""
    from wagtail.models import PageViewRestriction

    return queryset.annotate(
        kim_restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk")))
    )


def lineage_paths(page):
    """The tree paths from the root down to ``page``, inclusive."""
    step = page.steplen
    return [page.path[:end] for end in range(step, len(page.path) + 1, step)]


def base_page_model(page):
    """The concrete model at the top of ``page``'s inheritance, whose table
    holds every page: Wagtail 8's ``base_page_model`` (a site may swap in its
    own base page model there), always ``Page`` on Wagtail 7.4."""
    model = getattr(type(page), "base_page_model", None)
    if model is None:
        from wagtail.models import Page

        model = Page
    return model


def load_lineage(page):
    """The pages from the tree root down to ``page`` (base ``Page`` objects,
    with ``kim_restricted``), in one query. Includes ``page`` itself when it
    is saved."""
    model = base_page_model(page)
    return list(
        with_restriction_flag(
            model.objects.filter(path__in=lineage_paths(page))
        ).order_by("path")
    )


def localized(obj):
    """``obj.localized`` (Wagtail): the translation of ``obj`` in the active
    language (a live one, for pages), else ``obj``. At most one query, none
    when ``obj`` is in that language and was loaded with its ``locale``."""
    from django.conf import settings
    from django.utils.translation import get_language
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import DraftStateMixin

    if obj is None or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return obj
    try:
        code = get_supported_content_language_variant(get_language())
    except LookupError:
        return obj
    if obj.locale.language_code == code:
        return obj
    translation = (
        type(obj)
        ._default_manager.filter(
            translation_key=obj.translation_key, locale__language_code=code
        )
        .first()
    )
    if translation is None:
        return obj
    if isinstance(obj, DraftStateMixin) and not translation.live:
        return obj
    return translation


def prefetch_renditions(images, *filter_specs):
    """Fetch the renditions ``filter_specs`` of every image of ``images`` (``None``
    allowed) in one query, as ``prefetch_renditions()`` does for a queryset.

    Images that already carry prefetched renditions are left alone. A
    rendition missing from the database is created on first use, as usual.
    """
    from wagtail.images import get_image_model

    pending = {}
    for image in images:
        if image is not None and not hasattr(image, "prefetched_renditions"):
            pending.setdefault(image.pk, []).append(image)
    if not pending:
        return
    rendition_model = get_image_model().get_rendition_model()
    found = {pk: [] for pk in pending}
    for rendition in rendition_model.objects.filter(
        image_id__in=pending, filter_spec__in=filter_specs
    ):
        found[rendition.image_id].append(rendition)
    for pk, same_images in pending.items():
        for rendition in found[pk]:
            rendition.image = same_images[0]  # no query for rendition.image
        for image in same_images:
            image.prefetched_renditions = list(found[pk])


__all__ = [
    "below_q",
    "count_pages",
    "in_locale",
    "lineage_paths",
    "load_lineage",
    "localized",
    "own_rows",
    "prefetch_renditions",
    "private_q",
    "public_q",
    "read_restrictions_once",
    "restricted_paths",
    "with_restriction_flag",
]
