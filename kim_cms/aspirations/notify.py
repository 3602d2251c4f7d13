"""The e-mail Diskominfo moderators get when a citizen sends a message, each
in the language of their own admin (their Wagtail profile), as Wagtail's
moderation e-mails are.

It carries what a moderator needs to decide to open the admin: the
category, the place, the tracking code and a link. Never the sender's name,
contact, message or attachment: e-mail travels and is kept where the
portal's retention cannot reach.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override
from wagtail.admin.mail import send_mail
from wagtail.users.models import UserProfile

from kim_cms.wagtail_admin.roles import MODERATORS

logger = logging.getLogger(__name__)

SUBJECT_TEMPLATE = "kim_cms/aspirations/new_aspiration_subject.txt"
BODY_TEMPLATE = "kim_cms/aspirations/new_aspiration.txt"


def moderators_to_notify():
    """Active Diskominfo moderators with an e-mail address."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__kim_role__kind=MODERATORS)
        .exclude(Q(email="") | Q(email__isnull=True))
        .select_related("wagtail_userprofile")
        .distinct()
    )


def admin_url(aspiration):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return base.rstrip("/") + reverse("kim_aspirations:inspect", args=[aspiration.pk])


def notify_moderators(aspiration):
    """Send one e-mail per moderator; return how many were sent. A mail
    server that fails is logged (without the message) and never stops the
    citizen's submission."""
    context = {
        "tracking_code": aspiration.tracking_code,
        "category": aspiration.get_category_display,
        "kecamatan": aspiration.kecamatan,
        "desa": aspiration.desa,
        "has_attachment": bool(aspiration.attachment),
        "page_title": aspiration.page.title,
        "admin_url": admin_url(aspiration),
    }
    sent = 0
    try:
        connection = get_connection()
        for user in moderators_to_notify():
            try:
                profile = user.wagtail_userprofile
            except UserProfile.DoesNotExist:
                profile = UserProfile(user=user)
            with override(profile.get_preferred_language()):
                subject = render_to_string(SUBJECT_TEMPLATE, context).strip()
                body = render_to_string(BODY_TEMPLATE, context).strip()
            sent += send_mail(subject, body, [user.email], connection=connection)
    except Exception:  # noqa: BLE001 - a mail outage must not lose the message
        logger.exception(
            "Could not e-mail the moderators about aspiration %s",
            aspiration.tracking_code,
        )
    return sent


def on_aspiration_submitted(sender, aspiration, **kwargs):
    notify_moderators(aspiration)
