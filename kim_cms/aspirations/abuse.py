"""Refusing floods without a third-party captcha: a honeypot field, a
minimum fill time carried in a signed token, and per-client limits kept in
Django's cache.

Two counts per client and page: the messages accepted (``rate_limit()``,
5 an hour by default), and the posts refused (``refused_limit()``, a higher
bound): a citizen who mistypes is not locked out by their mistakes, and a
bot that sends refused posts in a loop is still stopped."""

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


def refused_limit():
    """``(refused posts, seconds)``: how many posts of a client may be
    refused (consent missing, honeypot, token too young, ...) in a window
    before every post is answered with 429."""
    return getattr(settings, "KIM_CMS_ASPIRATION_REFUSED_LIMIT", (50, 3600))


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


def _key(request, scope, kind):
    return f"kim_cms:aspirations:{kind}:{scope}:{client_key(request)}"


def _count(key, window):
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return 1


def is_blocked(request, scope):
    """Whether this client has sent as many messages, or had as many posts
    refused, as a window allows (reads, counts nothing)."""
    bounds = {
        _key(request, scope, "rate"): rate_limit()[0],
        _key(request, scope, "refused"): refused_limit()[0],
    }
    counts = cache.get_many(list(bounds))
    return any(counts.get(key, 0) >= bound for key, bound in bounds.items())


def hit(request, scope):
    """Count one accepted message of this client; ``False`` when over the
    limit (then the message is not stored)."""
    limit, window = rate_limit()
    return _count(_key(request, scope, "rate"), window) <= limit


def refused(request, scope):
    """Count one refused post of this client; ``False`` when over the
    bound of refused posts."""
    limit, window = refused_limit()
    return _count(_key(request, scope, "refused"), window) <= limit


def renewed_token(token, page_id):
    """The token a form is shown again with: the citizen's own while it is
    good or only too young (it keeps its age), else a fresh one, so that an
    expired or damaged token does not refuse the form a second time."""
    if check_token(token, page_id) in (None, "too_fast"):
        return token
    return make_token(page_id)
