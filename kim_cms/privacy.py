"""View restrictions follow a page's translations.

A login, password or groups restriction set on a page (in the admin's
"Privacy" dialog or by code) is set on every translation of the page, changed
with it and removed with it, so that making an Indonesian page private never
leaves its English translation public. A new translation gets the
restriction of its source. Connected in ``KimCmsConfig.ready()``, like the
roles (``kim_cms/wagtail_admin/roles.py``); ``sync_all()`` (the
``kim_cms_sync_privacy`` command) brings restrictions made before in step,
adding and never removing.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import copy_for_translation_done

_syncing = ContextVar("kim_cms_syncing_privacy", default=False)
# pages being deleted: their restrictions go with them, not their translations'
_deleting = ContextVar("kim_cms_deleting_pages", default=frozenset())


@contextmanager
def _sync_guard():
    token = _syncing.set(True)
    try:
        yield
    finally:
        _syncing.reset(token)


def _values(restriction):
    return (
        restriction.restriction_type,
        restriction.password,
        frozenset(group.pk for group in restriction.groups.all()),
    )


def set_restriction(page, source):
    """Make ``page``'s own view restrictions one copy of ``source`` (a
    ``PageViewRestriction`` or ``None`` for none). Changes nothing that is
    already so. Returns whether anything changed."""
    own = list(PageViewRestriction.objects.filter(page=page).order_by("pk"))
    if source is None:
        for restriction in own:
            restriction.delete()
        return bool(own)
    wanted = _values(source)
    keep = next((r for r in own if _values(r) == wanted), None)
    changed = False
    if keep is None:
        keep = own[0] if own else PageViewRestriction(page=page)
        keep.restriction_type, keep.password = wanted[0], wanted[1]
        keep.save()
        keep.groups.set(wanted[2])
        changed = True
    for restriction in own:
        if restriction.pk != keep.pk:
            restriction.delete()
            changed = True
    return changed


def translations_of(page):
    return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)


def sync_translations(page, source):
    """Give every translation of ``page`` the restriction ``source`` (one of
    ``page``'s own, or ``None``)."""
    with _sync_guard(), transaction.atomic():
        return [
            translation
            for translation in translations_of(page)
            if set_restriction(translation, source)
        ]


def _own_restriction(page):
    return PageViewRestriction.objects.filter(page=page).order_by("pk").first()


def sync_all():
    """Bring every translated page's restrictions in step: the restriction of
    the page in the default language, or else of the first restricted
    translation, goes to every translation that has none of its own.
    Restrictions are only added. Returns the pages that changed."""
    default_locale = Locale.get_default()
    changed = []
    keys = PageViewRestriction.objects.values_list(
        "page__translation_key", flat=True
    ).distinct()
    for key in keys:
        pages = list(Page.objects.filter(translation_key=key).order_by("pk"))
        restricted = [p for p in pages if _own_restriction(p) is not None]
        source_page = next(
            (p for p in restricted if p.locale_id == default_locale.pk), restricted[0]
        )
        source = _own_restriction(source_page)
        with _sync_guard(), transaction.atomic():
            for page in pages:
                if page.pk != source_page.pk and _own_restriction(page) is None:
                    set_restriction(page, source)
                    changed.append(page)
    return changed


# -- signals --------------------------------------------------------------------


def restriction_saved(sender, instance, raw=False, **kwargs):
    if raw or _syncing.get():
        return
    sync_translations(instance.page, instance)


def restriction_groups_changed(sender, instance, action, reverse=False, **kwargs):
    if reverse or _syncing.get() or not action.startswith("post_"):
        return
    sync_translations(instance.page, instance)


def restriction_deleted(sender, instance, **kwargs):
    if _syncing.get() or instance.page_id in _deleting.get():
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        sync_translations(page, _own_restriction(page))


def page_deleting(sender, instance, **kwargs):
    _deleting.set(_deleting.get() | {instance.pk})


def page_deleted(sender, instance, **kwargs):
    _deleting.set(_deleting.get() - {instance.pk})


def translation_copied(sender, source_obj, target_obj, **kwargs):
    if isinstance(source_obj, Page):
        with _sync_guard():
            set_restriction(target_obj, _own_restriction(source_obj))


def connect():
    post_save.connect(
        restriction_saved,
        sender=PageViewRestriction,
        dispatch_uid="kim_cms_privacy_saved",
    )
    post_delete.connect(
        restriction_deleted,
        sender=PageViewRestriction,
        dispatch_uid="kim_cms_privacy_deleted",
    )
    m2m_changed.connect(
        restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="kim_cms_privacy_groups",
    )
    # sender=Page: every page's deletion deletes its Page row (a receiver for
    # every model would turn off Django's fast deletes everywhere)
    pre_delete.connect(
        page_deleting, sender=Page, dispatch_uid="kim_cms_privacy_page_deleting"
    )
    post_delete.connect(
        page_deleted, sender=Page, dispatch_uid="kim_cms_privacy_page_deleted"
    )
    copy_for_translation_done.connect(
        translation_copied, dispatch_uid="kim_cms_privacy_translation_copied"
    )
