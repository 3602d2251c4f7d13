"""Roles, the "KIM review" workflow and verification.

kim_cms keeps three kinds of Django groups in step with the portal:

- one "KIM <group> editors" group per KIM group page: add and edit pages in the
  group's own subtree (its profile, activity reports and the tips, events and
  training it publishes there) and upload images and documents to the group's
  collection; they submit for moderation and never publish;
- "Diskominfo moderators": add, edit, publish, lock and delete across every
  KIM portal, manage regions and taxonomies, approve or reject in the workflow;
- "Translators": wagtail-localize's "submit translation" and edit rights on
  the portal's translations (every locale but the default one); no publishing.

``sync_roles()`` creates what is missing and repairs what drifted; running it
again changes nothing. It runs from the ``kim_cms_sync_roles`` command and,
unless ``KIM_CMS_MANAGE_ROLES`` is ``False``, whenever a portal or a KIM group
page is saved (created, renamed, translated) or deleted.

Roles are remembered in ``KimRole`` rows, so renaming a group page renames its
editors group instead of making a new one, and a site's own groups are never
taken over: a name already used by another group gets a numbered suffix.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from kim_cms.wagtail_admin import names

MODERATORS = "moderators"
TRANSLATORS = "translators"
EDITORS = "editors"

# Stored in English, read in each user's language (kim_cms/wagtail_admin/names.py).
MODERATORS_NAME = names.MODERATORS_NAME
TRANSLATORS_NAME = names.TRANSLATORS_NAME
WORKFLOW_NAME = names.WORKFLOW_NAME
TASK_NAME = names.TASK_NAME

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
MODERATOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
TRANSLATOR_PAGE_PERMISSIONS = ("change_page",)
EDITOR_COLLECTION_ACTIONS = ("add", "change", "choose")
MODERATOR_COLLECTION_ACTIONS = ("add", "change", "delete", "choose")


class KimRole(models.Model):
    """A Django group that kim_cms created and keeps in step.

    ``translation_key`` identifies the KIM group page (in every language) of
    an editors role; it is empty for the moderators and translators roles.
    """

    ROLE_CHOICES = [
        (MODERATORS, _("Diskominfo moderators")),
        (TRANSLATORS, _("Translators")),
        (EDITORS, _("KIM group editors")),
    ]

    kind = models.CharField(
        pgettext_lazy("what a user may do", "role"), max_length=20, choices=ROLE_CHOICES
    )
    translation_key = models.UUIDField(null=True, blank=True, editable=False)
    group = models.OneToOneField(
        Group,
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="kim_role",
    )
    collection = models.ForeignKey(
        Collection,
        verbose_name=_("collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("KIM role")
        verbose_name_plural = _("KIM roles")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "translation_key"],
                name="kim_cms_kimrole_unique_group_role",
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=models.Q(translation_key__isnull=True),
                name="kim_cms_kimrole_unique_portal_role",
            ),
        ]

    def __str__(self):
        return self.group.name


# -- helpers ------------------------------------------------------------------


def _permissions(model, codenames):
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    found = Permission.objects.filter(content_type=content_type, codename__in=codenames)
    return list(found)


def _page_permissions(codenames):
    return list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore",
            content_type__model="page",
            codename__in=codenames,
        )
    )


def _admin_access():
    return Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )


def _free_name(base, group=None):
    """``base``, or ``base (2)``, ``base (3)`` ... when another group has it."""
    name = base[:150]
    number = 2
    taken = Group.objects.exclude(pk=getattr(group, "pk", None))
    while taken.filter(name=name).exists():
        suffix = f" ({number})"
        name = base[: 150 - len(suffix)] + suffix
        number += 1
    return name


def _role(kind, name, translation_key=None):
    """The ``KimRole`` of ``kind``, created (with its group) when missing and
    renamed when its name changed."""
    role = (
        KimRole.objects.select_related("group", "collection")
        .filter(kind=kind, translation_key=translation_key)
        .first()
    )
    if role is None:
        group = Group.objects.create(name=_free_name(name))
        role = KimRole.objects.create(
            kind=kind, translation_key=translation_key, group=group
        )
    elif not role.group.name.startswith(name[:150]):
        role.group.name = _free_name(name, role.group)
        role.group.save(update_fields=["name"])
    return role


def _set_page_permissions(group, pages, permissions):
    """Give ``group`` exactly ``permissions`` on ``pages`` (and nothing else)."""
    wanted = {(page.pk, perm.pk) for page in pages for perm in permissions}
    existing = GroupPagePermission.objects.filter(group=group)
    have = set(existing.values_list("page_id", "permission_id"))
    stale = have - wanted
    for page_id, permission_id in stale:
        existing.filter(page_id=page_id, permission_id=permission_id).delete()
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page_id=page_id, permission_id=perm_id)
            for page_id, perm_id in sorted(wanted - have)
        ]
    )


def _set_collection_permissions(group, collection, actions):
    wanted = set()
    for model, name in (
        (get_image_model(), "image"),
        (get_document_model(), "document"),
    ):
        codenames = [f"{action}_{name}" for action in actions]
        wanted |= {perm.pk for perm in _permissions(model, codenames)}
    existing = GroupCollectionPermission.objects.filter(group=group)
    existing.exclude(collection=collection).delete()
    existing.filter(collection=collection).exclude(permission_id__in=wanted).delete()
    have = set(
        existing.filter(collection=collection).values_list("permission_id", flat=True)
    )
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(
                group=group, collection=collection, permission_id=perm_id
            )
            for perm_id in sorted(wanted - have)
        ]
    )


def _add_model_permissions(group, permissions):
    group.permissions.add(*permissions)


def _snippet_models(translatable_only=False):
    from wagtail.models import TranslatableMixin

    from kim_cms import snippets

    found = [
        getattr(snippets, name)
        for name in snippets.__all__
        if isinstance(getattr(snippets, name), type)
        and issubclass(getattr(snippets, name), models.Model)
        and not getattr(snippets, name)._meta.abstract
    ]
    if translatable_only:
        found = [model for model in found if issubclass(model, TranslatableMixin)]
    return found


def portal_pages():
    """Every KIM portal page (all locales, subclasses included)."""
    from kim_cms.pages import AbstractKimPortalPage

    return list(_pages_of_types(AbstractKimPortalPage).order_by("path"))


def _pages_of_types(base):
    from django.apps import apps

    models_ = [
        model
        for model in apps.get_models()
        if issubclass(model, base) and issubclass(model, Page)
    ]
    content_types = ContentType.objects.get_for_models(*models_).values()
    return Page.objects.filter(content_type__in=content_types)


def group_pages():
    """Every KIM group page (all locales, subclasses included)."""
    from kim_cms.pages import AbstractKimGroupPage

    return _pages_of_types(AbstractKimGroupPage)


def editors_group_name(title):
    return names.editors_name(title)


# -- the workflow -------------------------------------------------------------


def ensure_workflow(moderators, portals):
    """The "KIM review" workflow with one "Diskominfo review" task for the
    moderators, assigned to every portal that has no workflow of its own.
    Returns the workflow and the portals that kept another workflow."""
    from wagtail.models import GroupApprovalTask

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    if not task.groups.filter(pk=moderators.pk).exists():
        task.groups.add(moderators)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(
            workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count()
        )
    kept = []
    for portal in portals:
        assigned = WorkflowPage.objects.filter(page=portal).first()
        if assigned is None:
            WorkflowPage.objects.create(page=portal, workflow=workflow)
        elif assigned.workflow_id != workflow.pk:
            kept.append(portal)
    return workflow, kept


# -- syncing ------------------------------------------------------------------


def sync_portal_roles():
    """Moderators, translators and the workflow for every portal."""
    portals = portal_pages()
    default_locale = Locale.get_default()
    moderators = _role(MODERATORS, MODERATORS_NAME)
    translators = _role(TRANSLATORS, TRANSLATORS_NAME)

    _add_model_permissions(moderators.group, [_admin_access()])
    snippet_permissions = []
    for model in _snippet_models():
        name = model._meta.model_name
        snippet_permissions += _permissions(
            model,
            [f"{action}_{name}" for action in ("add", "change", "delete", "view")],
        )
    _add_model_permissions(moderators.group, snippet_permissions)
    _set_page_permissions(
        moderators.group, portals, _page_permissions(MODERATOR_PAGE_PERMISSIONS)
    )
    root = Collection.get_first_root_node()
    _set_collection_permissions(moderators.group, root, MODERATOR_COLLECTION_ACTIONS)

    translate = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    snippet_permissions = []
    for model in _snippet_models(translatable_only=True):
        name = model._meta.model_name
        snippet_permissions += _permissions(
            model, [f"{action}_{name}" for action in ("change", "view")]
        )
    _add_model_permissions(
        translators.group, [_admin_access(), translate, *snippet_permissions]
    )
    translated_portals = [
        portal for portal in portals if portal.locale_id != default_locale.pk
    ]
    _set_page_permissions(
        translators.group,
        translated_portals,
        _page_permissions(TRANSLATOR_PAGE_PERMISSIONS),
    )
    workflow, kept = ensure_workflow(moderators.group, portals)
    return {
        "moderators": moderators.group,
        "translators": translators.group,
        "workflow": workflow,
        "portals_with_other_workflow": kept,
    }


def sync_group_role(translation_key):
    """The editors role of the KIM group with ``translation_key``: created,
    renamed after the group's (default-language) title, its page permissions on
    every language of the group page, and its own collection. Removed when no
    page of the group remains. Returns the Django group or ``None``."""
    pages = list(
        group_pages()
        .filter(translation_key=translation_key)
        .select_related("locale")
        .order_by("pk")
    )
    role = KimRole.objects.filter(kind=EDITORS, translation_key=translation_key).first()
    if not pages:
        if role is not None:
            collection = role.collection
            role.group.delete()
            if collection is not None and _collection_is_empty(collection):
                collection.delete()
        return None
    default_locale = Locale.get_default()
    source = next((p for p in pages if p.locale_id == default_locale.pk), pages[0])
    name = editors_group_name(source.title)
    role = _role(EDITORS, name, translation_key)
    group = role.group
    _add_model_permissions(group, [_admin_access()])
    _set_page_permissions(group, pages, _page_permissions(EDITOR_PAGE_PERMISSIONS))

    collection_name = " ".join(source.title.split())[:255]
    if role.collection is None:
        root = Collection.get_first_root_node()
        role.collection = root.add_child(name=collection_name)
        role.save(update_fields=["collection"])
    elif role.collection.name != collection_name:
        role.collection.name = collection_name
        role.collection.save(update_fields=["name"])
    _set_collection_permissions(group, role.collection, EDITOR_COLLECTION_ACTIONS)
    return group


def _collection_is_empty(collection):
    return not (
        get_image_model().objects.filter(collection=collection).exists()
        or get_document_model().objects.filter(collection=collection).exists()
        or collection.get_children().exists()
    )


def sync_roles():
    """Bring every kim_cms role, permission and the workflow in step."""
    with transaction.atomic():
        result = sync_portal_roles()
        keys = set(group_pages().values_list("translation_key", flat=True))
        keys |= set(
            KimRole.objects.filter(kind=EDITORS).values_list(
                "translation_key", flat=True
            )
        )
        result["editors"] = [
            group for group in (sync_group_role(key) for key in sorted(keys)) if group
        ]
    return result


# -- verification ---------------------------------------------------------------


def verifier_name(page):
    """How a page's verifier is shown: the portal's office name, else
    "Diskominfo <district>"."""
    from kim_cms.pages import AbstractKimPortalPage

    for ancestor in page.get_ancestors(inclusive=True).specific(defer=False).reverse():
        if isinstance(ancestor, AbstractKimPortalPage):
            if ancestor.office_name:
                return ancestor.office_name
            return f"Diskominfo {ancestor.district_name}".strip()
    return "Diskominfo"


def record_verification(page, user, when=None):
    """Store on ``page`` (its row, not a revision) who verified it and when."""
    from kim_cms.pages.base import KimVerifiedPageMixin

    page = page.specific
    if not isinstance(page, KimVerifiedPageMixin):
        return
    values = {
        "kim_verified_at": when or timezone.now(),
        "kim_verified_by": user if getattr(user, "pk", None) else None,
        "kim_verified_by_name": verifier_name(page)[:200],
    }
    type(page).objects.filter(pk=page.pk).update(**values)
    for field, value in values.items():
        setattr(page, field, value)
