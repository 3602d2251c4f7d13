"""kim-cms's stylesheets and scripts inline: ``{% kim_stylesheet %}``
(``kim_cms_tags``) prints a small stylesheet in a ``<style>`` element, so
that the first response of a page holds everything its first paint needs and
a reader on a slow connection waits for no second request before seeing it;
``{% kim_offline_script %}`` (``kim_offline_tags``) prints the offline
script in a ``<script>`` element the same way. A file is inlined when it fits
``INLINE_MAX_GZIP`` bytes compressed (the HTML and the styles then stay
within the first round trip of a new connection, about 14 KB); a larger one,
a missing one, or any with ``KIM_CMS_INLINE_STYLESHEETS = False`` (for
stylesheets) or ``KIM_CMS_INLINE_SCRIPTS = False`` (for scripts) is linked
as before.

The text is read from the static files storage (the collected, hashed file
of a manifest storage such as whitenoise's), or else found by the static
files finders (``DEBUG`` without ``collectstatic``), once per process; with
``DEBUG`` on, at every page, so that edits show at once."""

import functools
import gzip
from urllib.parse import quote

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

#: The largest stylesheet, gzip-compressed, that is inlined.
INLINE_MAX_GZIP = 8 * 1024

#: The largest SVG icon that is written into the page as a ``data:`` URL.
ICON_MAX_BYTES = 1024


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


def _inlinable(text, element="style"):
    if text is None:
        return None
    lowered = text.lower()
    if f"</{element}" in lowered:
        return None  # it would end the element
    if element == "style" and "url(" in lowered:
        # A relative url() would resolve against the page, not the file.
        return None
    if element == "script" and "<!--" in lowered:
        return None  # it would change how the browser reads the element
    if len(gzip.compress(text.encode("utf-8"))) > INLINE_MAX_GZIP:
        return None
    return text.strip()


@functools.lru_cache(maxsize=16)
def _cached(path, element):
    return _inlinable(_read(path), element)


def inline_text(path, element="style"):
    """The text of the static file ``path`` to put in a ``<style>`` element
    (``element="script"``: a ``<script>`` element), or ``None`` when it is
    to be linked."""
    if settings.DEBUG:
        return _inlinable(_read(path), element)
    return _cached(path, element)


@functools.lru_cache(maxsize=4)
def _icon(path):
    text = _read(path)
    if text is None or len(text.encode("utf-8")) > ICON_MAX_BYTES:
        return None
    # Single quotes inside: %27, where a double quote would be &quot;.
    text = text.strip().replace('"', "'")
    return "data:image/svg+xml," + quote(text, safe=" /:=,;")


def icon_url(path):
    """The small SVG icon ``path`` as a ``data:`` URL (the browser asks for
    no file), or ``None`` when it is to be linked."""
    if settings.DEBUG:
        return _icon.__wrapped__(path)
    return _icon(path)
