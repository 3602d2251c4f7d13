"""Only Diskominfo moderators (and superusers) see what citizens send."""

from kim_cms.wagtail_admin.roles import MODERATORS


def is_aspiration_moderator(user):
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(kim_role__kind=MODERATORS).exists()
