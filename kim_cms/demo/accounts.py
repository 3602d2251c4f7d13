"""The demo's accounts: one person per role, to try the KIM review workflow.

Created only when asked (``kim_cms_demo --accounts-password``): they have a
known password, so they belong on a demo or training site, never on a public
one. Each has a first and last name and an e-mail address (Wagtail's account
screen requires them) and reads the admin in Indonesian.
"""

from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from kim_cms.wagtail_admin.roles import EDITORS, MODERATORS, TRANSLATORS, KimRole

ADMIN_LANGUAGE = "id"

# username, first name, last name, role, and for editors the KIM group's slug
ACCOUNTS = (
    ("editor", "Sari", "Wulandari", EDITORS, "kim-pulang-pisau"),
    ("moderator", "Budi", "Santoso", MODERATORS, None),
    ("translator", "Dewi", "Lestari", TRANSLATORS, None),
)


def _role(kind, group_slug):
    roles = KimRole.objects.select_related("group").filter(kind=kind)
    if group_slug is None:
        return roles.filter(translation_key__isnull=True).first()
    from kim_cms.pages import KimGroupPage

    page = KimGroupPage.objects.filter(slug=group_slug).first()
    if page is None:
        return None
    return roles.filter(translation_key=page.translation_key).first()


def create_accounts(password):
    """Create (or bring in step) the demo accounts; returns ``[(user, group)]``
    for those whose role exists. Running it again changes nothing."""
    user_model = get_user_model()
    made = []
    for username, first_name, last_name, kind, group_slug in ACCOUNTS:
        role = _role(kind, group_slug)
        if role is None:
            continue
        user, _created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.com"}
        )
        user.first_name = user.first_name or first_name
        user.last_name = user.last_name or last_name
        user.email = user.email or f"{username}@example.com"
        if not user.check_password(password):
            user.set_password(password)
        user.save()
        user.groups.add(role.group)
        profile = UserProfile.get_for_user(user)
        if not profile.preferred_language:
            profile.preferred_language = ADMIN_LANGUAGE
            profile.save(update_fields=["preferred_language"])
        made.append((user, role.group))
    return made
