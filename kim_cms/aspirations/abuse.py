"""Refusing floods without a third-party captcha: a honeypot field, a
minimum fill time carried in a signed token, and a per-client rate limit
kept in Django's cache."""

from django.conf import settings
from django.core import signing
from django.core.cache import cache

TOKEN_SALT = "kim_cms.aspirations.form"


def min_fill_seconds():
    return getattr(settings, "KIM_CMS_ASPIRATION_MIN_FILL_SECONDS", 5)


def max_form_age():
    """A form older than this (seconds) must be reloaded."""
    return getattr(settings, "KIM_CMS_ASPIRATION_MAX_FORM_AGE", 24 * 3600)


def rate_limit():
    """``(submissions, seconds)``: how many a client may send in a window."""
    return getattr(settings, "KIM_CMS_ASPIRATION_RATE_LIMIT", (5, 3600))


def make_token(page_id):
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(str(page_id))


def check_token(token, page_id):
    """``None`` when the token is good, else a reason: ``"invalid"``,
    ``"too_fast"`` or ``"expired"``."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    try:
        value = signer.unsign(token or "", max_age=max_form_age())
    except signing.SignatureExpired:
        return "expired"
    except signing.BadSignature:
        return "invalid"
    if value != str(page_id):
        return "invalid"
    try:
        signer.unsign(token, max_age=min_fill_seconds())
    except signing.SignatureExpired:
        return None  # old enough: filled by a person
    return "too_fast"


def client_key(request):
    """The client, as far as the server can tell. Behind a proxy, the site
    sets ``KIM_CMS_CLIENT_IP_HEADER`` (e.g. ``HTTP_X_REAL_IP``) to the
    header its proxy sets."""
    header = getattr(settings, "KIM_CMS_CLIENT_IP_HEADER", None)
    address = request.META.get(header) if header else None
    return (address or request.META.get("REMOTE_ADDR") or "unknown").strip()


def hit(request, scope):
    """Count one submission of this client; ``False`` when over the limit."""
    limit, window = rate_limit()
    key = f"kim_cms:aspirations:rate:{scope}:{client_key(request)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        count = 1
    return count <= limit
