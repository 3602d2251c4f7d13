"""kim-cms's stylesheets inline: ``{% kim_stylesheet %}`` (``kim_cms_tags``)
prints a small stylesheet in a ``<style>`` element, so that the first
response of a page holds everything its first paint needs and a reader on a
slow connection waits for no second request before seeing it. A stylesheet
is inlined when it fits ``INLINE_MAX_GZIP`` bytes compressed (the HTML and
the styles then stay within the first round trip of a new connection, about
14 KB); a larger one, a missing one, or any with ``KIM_CMS_INLINE_STYLESHEETS
= False`` is linked as before.

The text is read from the static files storage (the collected, hashed file
of a manifest storage such as whitenoise's), or else found by the static
files finders (``DEBUG`` without ``collectstatic``), once per process; with
``DEBUG`` on, at every page, so that edits show at once."""

import functools
import gzip

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

#: The largest stylesheet, gzip-compressed, that is inlined.
INLINE_MAX_GZIP = 8 * 1024


def _read(path):
    """The text of the static file ``path`` as it is served, or ``None``."""
    try:
        stored = getattr(staticfiles_storage, "stored_name", None)
        name = stored(path) if stored else path
        with staticfiles_storage.open(name) as handle:
            return handle.read().decode("utf-8")
    except (OSError, ValueError, UnicodeDecodeError):
        pass
    found = finders.find(path)
    if not found:
        return None
    try:
        with open(found, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def _inlinable(text):
    if text is None or "</style" in text.lower() or "url(" in text.lower():
        # A relative url() would resolve against the page, not the file.
        return None
    if len(gzip.compress(text.encode("utf-8"))) > INLINE_MAX_GZIP:
        return None
    return text.strip()


@functools.lru_cache(maxsize=16)
def _cached(path):
    return _inlinable(_read(path))


def inline_text(path):
    """The text of the static stylesheet ``path`` to put in a ``<style>``
    element, or ``None`` when it is to be linked."""
    if settings.DEBUG:
        return _inlinable(_read(path))
    return _cached(path)
