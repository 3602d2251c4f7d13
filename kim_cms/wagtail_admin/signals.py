"""Keeps roles in step with the portal and records verification.

Connected in ``KimCmsConfig.ready()``. Roles follow portal and KIM group pages
unless ``KIM_CMS_MANAGE_ROLES`` is ``False``; verification is recorded when the
"KIM review" workflow (or any workflow) approves a kim_cms page.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import workflow_approved

from kim_cms.conf import kim_settings


def _kim_page_kind(instance):
    from kim_cms.pages import AbstractKimGroupPage, AbstractKimPortalPage

    if isinstance(instance, AbstractKimGroupPage):
        return "group"
    if isinstance(instance, AbstractKimPortalPage):
        return "portal"
    return None


def page_saved(sender, instance, created=False, raw=False, update_fields=None, **kw):
    if raw or not kim_settings.MANAGE_ROLES:
        return
    kind = _kim_page_kind(instance)
    if kind is None:
        return
    # Saving a draft revision touches only bookkeeping fields; a new page, a
    # publish (renames happen here) or a plain save may change a role.
    if update_fields is not None and "title" not in update_fields:
        return
    from kim_cms.wagtail_admin import roles

    if kind == "portal":
        if created:
            roles.sync_portal_roles()
        return
    key = instance.translation_key
    if not created:
        from kim_cms.wagtail_admin.roles import EDITORS, KimRole

        role = (
            KimRole.objects.filter(kind=EDITORS, translation_key=key)
            .select_related("group")
            .first()
        )
        if role is not None and role.group.name.startswith(
            roles.editors_group_name(instance.title)
        ):
            # Same title: nothing to do unless this language is new to it.
            return
    roles.sync_group_role(key)


def page_deleted(sender, instance, **kwargs):
    if not kim_settings.MANAGE_ROLES or _kim_page_kind(instance) != "group":
        return
    from kim_cms.wagtail_admin import roles

    key = instance.translation_key
    # After the deletion is committed, the role goes when no language of the
    # group is left.
    transaction.on_commit(lambda: roles.sync_group_role(key))


def page_approved(sender, instance, user=None, **kwargs):
    from kim_cms.wagtail_admin.roles import record_verification

    content = instance.content_object
    if isinstance(content, Page):
        record_verification(content, user)


def connect():
    post_save.connect(page_saved, dispatch_uid="kim_cms_roles_page_saved")
    post_delete.connect(page_deleted, dispatch_uid="kim_cms_roles_page_deleted")
    workflow_approved.connect(page_approved, dispatch_uid="kim_cms_page_approved")
