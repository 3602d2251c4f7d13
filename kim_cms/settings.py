"""What a site's settings need for kim-cms, added without changing what is there.

Call it at the end of the settings module (``<project>/settings/base.py`` for a
site made by ``wagtail start``)::

    from kim_cms.settings import configure

    configure(globals())

``configure`` adds the apps, middleware, languages and defaults that kim-cms
needs and that the settings do not have yet. It never removes, replaces or
reorders an app, a middleware or a language, and never changes a setting that
the module already defines: running it on a site that already has all of it
changes nothing, and running it twice changes nothing.

This module is imported while the settings load: it must not import models,
``django.conf.settings`` or anything that reads them.
"""

from django.conf import global_settings
from django.conf.locale import LANG_INFO

#: Apps kim-cms needs, in the order they are put in front of the site's apps
#: (kim-cms's templates come before Wagtail's).
APPS = [
    "kim_cms",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.settings",
    "wagtail.api.v2",
    "rest_framework",
    "django.contrib.sitemaps",
    # Wagtail writes the admin's relative times ("1 menit yang lalu" in the
    # status panel) with humanize, whose Indonesian Django loads only for an
    # installed app.
    "django.contrib.humanize",
]
#: Apps that stand in for another one of ``APPS``: a site that has the first
#: keeps it and does not get the second.
ALTERNATIVE_APPS = {"wagtail.locales": "wagtail_localize.locales"}

WHITENOISE = "whitenoise.middleware.WhiteNoiseMiddleware"
LOCALE = "django.middleware.locale.LocaleMiddleware"
SECURITY = "django.middleware.security.SecurityMiddleware"
SESSION = "django.contrib.sessions.middleware.SessionMiddleware"
COMMON = "django.middleware.common.CommonMiddleware"

#: The languages kim-cms's portals are written in, beside the site's own.
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]

#: Settings set only when the module does not define them.
DEFAULTS = {
    "WAGTAIL_I18N_ENABLED": True,
    "USE_I18N": True,
    "USE_TZ": True,
    # New translations of live pages stay drafts until a reviewer publishes them.
    "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE": False,
    # An edit to an approved page goes through the "KIM review" workflow again.
    "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT": True,
    # What editors may upload, and how big.
    "WAGTAILDOCS_EXTENSIONS": [
        "pdf",
        "docx",
        "xlsx",
        "pptx",
        "odt",
        "txt",
        "csv",
        "zip",
    ],
    "WAGTAILDOCS_MAX_UPLOAD_SIZE": 20 * 1024 * 1024,
    "WAGTAILIMAGES_MAX_UPLOAD_SIZE": 10 * 1024 * 1024,
    "WAGTAILIMAGES_MAX_IMAGE_PIXELS": 40_000_000,  # phone photos
    "DATA_UPLOAD_MAX_NUMBER_FIELDS": 10_000,  # long StreamFields post many fields
    "FILE_UPLOAD_MAX_MEMORY_SIZE": 5 * 1024 * 1024,  # larger ones go to a file
    # One clear message per refused upload, in the editor's language.
    "WAGTAILDOCS_DOCUMENT_FORM_BASE": "kim_cms.uploads.KimDocumentForm",
    "WAGTAILIMAGES_IMAGE_FORM_BASE": "kim_cms.uploads.KimImageForm",
    # No avatars from a third-party host: the admin shows initials.
    "WAGTAIL_GRAVATAR_PROVIDER_URL": None,
}


def configure(namespace):
    """Add what kim-cms needs to the settings in ``namespace`` (the settings
    module's ``globals()``), keeping everything that is already there.

    Returns the names of the settings it added or extended.
    """
    changed = []

    def put(name, value):
        if namespace.get(name, _MISSING) != value:
            namespace[name] = value
            changed.append(name)

    apps = list(namespace.get("INSTALLED_APPS", []))
    put("INSTALLED_APPS", _with_apps(apps))
    middleware = list(namespace.get("MIDDLEWARE", []))
    put("MIDDLEWARE", _with_middleware(middleware))

    default = namespace.get("LANGUAGE_CODE", global_settings.LANGUAGE_CODE)
    languages = namespace.get("LANGUAGES")
    content = namespace.get("WAGTAIL_CONTENT_LANGUAGES")
    # The site's content language before kim-cms (what Wagtail made of its
    # LANGUAGE_CODE): the language of the pages it already has.
    own = _variant(default, content or languages or global_settings.LANGUAGES)
    own = (own, _name(own, default))
    content = _with_languages(content or [own], [])
    put("WAGTAIL_CONTENT_LANGUAGES", content)
    # Wagtail wants every content language in LANGUAGES under the same code.
    put("LANGUAGES", _with_languages(languages or [own], content))

    for name, value in DEFAULTS.items():
        if name not in namespace:
            put(name, value)
    return changed


_MISSING = object()


def _with_apps(apps):
    front = []
    for app in APPS:
        if app in apps:
            continue
        if any(alt in apps for alt, ours in ALTERNATIVE_APPS.items() if ours == app):
            continue
        front.append(app)
    return front + apps


def _with_middleware(middleware):
    if WHITENOISE not in middleware:
        # Right after SecurityMiddleware, as whitenoise asks.
        at = middleware.index(SECURITY) + 1 if SECURITY in middleware else 0
        middleware.insert(at, WHITENOISE)
    if LOCALE not in middleware:
        # After the session (it may read the language from it), before
        # CommonMiddleware (which may redirect to a language's URL).
        if SESSION in middleware:
            at = middleware.index(SESSION) + 1
        elif COMMON in middleware:
            at = middleware.index(COMMON)
        else:
            at = len(middleware)
        middleware.insert(at, LOCALE)
    return middleware


def _generic(code):
    return code.split("-")[0].lower()


def _variant(code, languages):
    """The code of ``languages`` that Django and Wagtail choose for ``code``:
    the code itself, its generic language, or another variant of it."""
    codes = [language for language, _name in languages]
    code = code.lower()
    for candidate in (code, _generic(code)):
        if candidate in codes:
            return candidate
    for candidate in codes:
        if candidate.startswith(_generic(code) + "-"):
            return candidate
    return code


def _name(code, fallback):
    for candidate in (code, _generic(code)):
        if candidate in LANG_INFO and "name_local" in LANG_INFO[candidate]:
            return LANG_INFO[candidate]["name_local"]
    return fallback


def _with_languages(languages, required):
    """``languages`` with Indonesian and English added where no variant of
    them is listed, and each of ``required`` added where its exact code is
    not listed."""
    languages = list(languages)
    for code, name in LANGUAGES:
        if code not in {_generic(listed) for listed, _name in languages}:
            languages.append((code, name))
    for code, name in required:
        if code.lower() not in {listed.lower() for listed, _name in languages}:
            languages.append((code, name))
    return languages
