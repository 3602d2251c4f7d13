"""System checks that tell an integrator, one line each, what is missing or unsafe.

Errors (``kim_cms.E0xx``) stop ``manage.py`` commands; warnings (``kim_cms.W0xx``)
point at settings a production site should have.
"""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Info, Tags, Warning, register
from django.db import DatabaseError
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.translation import gettext as _

from kim_cms.conf import kim_settings

REQUIRED_APPS = [
    "wagtail",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.embeds",
    "wagtail.snippets",
    "wagtail.contrib.table_block",
    "wagtail.contrib.settings",
    "wagtail_localize",
    "modelcluster",
]
REQUIRED_LANGUAGES = ("id", "en")
INDONESIAN_TIME_ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")


def _content_language_codes():
    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or getattr(
        settings, "LANGUAGES", []
    )
    return {code.split("-")[0].lower() for code, _name in languages}


@register(Tags.compatibility)
def check_installed_apps(app_configs=None, **kwargs):
    errors = []
    for dotted in REQUIRED_APPS:
        if not apps.is_installed(dotted):
            errors.append(
                Error(
                    _("kim_cms needs '%(app)s' in INSTALLED_APPS.") % {"app": dotted},
                    hint=_("Add '%(app)s' to INSTALLED_APPS, then migrate.")
                    % {"app": dotted},
                    id="kim_cms.E001",
                )
            )
    return errors


@register(Tags.compatibility)
def check_i18n(app_configs=None, **kwargs):
    errors = []
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        errors.append(
            Error(
                _("WAGTAIL_I18N_ENABLED is off: kim_cms portals are bilingual."),
                hint=_("Set WAGTAIL_I18N_ENABLED = True."),
                id="kim_cms.E003",
            )
        )
    if not getattr(settings, "USE_I18N", True):
        errors.append(
            Error(
                _("USE_I18N is off: kim_cms needs Django's translation machinery."),
                hint=_("Set USE_I18N = True."),
                id="kim_cms.E004",
            )
        )
    codes = _content_language_codes()
    for code in REQUIRED_LANGUAGES:
        if code not in codes:
            errors.append(
                Error(
                    _("Language '%(code)s' is missing from WAGTAIL_CONTENT_LANGUAGES.")
                    % {"code": code},
                    hint=_(
                        "List both ('id', 'Bahasa Indonesia') and ('en', 'English') "
                        "in LANGUAGES and WAGTAIL_CONTENT_LANGUAGES."
                    ),
                    id="kim_cms.E005",
                )
            )
    if not getattr(settings, "USE_TZ", True):
        errors.append(
            Error(
                _("USE_TZ is off: event times must be stored as aware datetimes."),
                hint=_("Set USE_TZ = True."),
                id="kim_cms.E006",
            )
        )
    return errors


@register(Tags.templates)
def check_base_template(app_configs=None, **kwargs):
    name = kim_settings.BASE_TEMPLATE
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return [
            Error(
                _("KIM_CMS_BASE_TEMPLATE '%(name)s' does not exist.") % {"name": name},
                hint=_(
                    "Point KIM_CMS_BASE_TEMPLATE at a template that defines the "
                    "blocks title, extra_css, content and extra_js, or remove the "
                    "setting to use kim_cms's own layout."
                ),
                id="kim_cms.E007",
            )
        ]
    except Exception:  # a syntax error is reported by the template itself
        return []
    return []


@register(Tags.security)
def check_uploads(app_configs=None, **kwargs):
    warnings = []
    if getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) is None:
        warnings.append(
            Warning(
                _("No document extension allow-list: editors can upload any file."),
                hint=_(
                    "Set WAGTAILDOCS_EXTENSIONS, e.g. ['pdf', 'docx', 'xlsx', "
                    "'pptx', 'odt', 'txt', 'csv', 'zip']."
                ),
                id="kim_cms.W001",
            )
        )
    if getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None) == "direct":
        warnings.append(
            Warning(
                _(
                    "WAGTAILDOCS_SERVE_METHOD is 'direct': documents in private "
                    "collections are served without a permission check."
                ),
                hint=_("Use 'serve_view' (the default) or 'redirect'."),
                id="kim_cms.W002",
            )
        )
    if getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", None) is None:
        warnings.append(
            Warning(
                _("No WAGTAILIMAGES_MAX_UPLOAD_SIZE: phone photos can be very large."),
                hint=_("Set WAGTAILIMAGES_MAX_UPLOAD_SIZE, e.g. 10 * 1024 * 1024."),
                id="kim_cms.W003",
            )
        )
    warnings += _check_upload_forms()
    warnings += _check_private_media()
    return warnings


def _check_private_media():
    """Citizens' attachments must not sit where the web server serves files."""
    from pathlib import Path

    from kim_cms.aspirations.files import (
        PRIVATE_STORAGE_ALIAS,
        PrivateFileSystemStorage,
    )

    if PRIVATE_STORAGE_ALIAS in getattr(settings, "STORAGES", {}):
        return []  # the site's own storage (a private bucket, say)
    private = Path(PrivateFileSystemStorage().location).resolve()
    for setting in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = getattr(settings, setting, None)
        if not public:
            continue
        public = Path(public).resolve()
        if private == public or public in private.parents:
            return [
                Error(
                    _(
                        "The private folder of citizens' attachments (%(private)s) "
                        "is inside %(setting)s, which the web server serves to "
                        "anyone."
                    )
                    % {"private": private, "setting": setting},
                    hint=_(
                        "Set KIM_CMS_PRIVATE_MEDIA_ROOT to a folder outside "
                        "MEDIA_ROOT and STATIC_ROOT (by default it is "
                        "private-media beside MEDIA_ROOT)."
                    ),
                    id="kim_cms.E012",
                )
            ]
    return []


def _check_upload_forms():
    from wagtail.documents.forms import get_document_base_form
    from wagtail.images.forms import get_image_base_form

    from kim_cms.uploads import KimUploadFormMixin

    missing = [
        setting
        for setting, base in (
            ("WAGTAILDOCS_DOCUMENT_FORM_BASE", get_document_base_form),
            ("WAGTAILIMAGES_IMAGE_FORM_BASE", get_image_base_form),
        )
        if not issubclass(base(), KimUploadFormMixin)
    ]
    if not missing:
        return []
    return [
        Warning(
            _(
                "%(settings)s: the upload form is not kim_cms's, so an oversized "
                "document is also reported as having an extension that is not "
                "allowed."
            )
            % {"settings": ", ".join(missing)},
            hint=_(
                "Set WAGTAILDOCS_DOCUMENT_FORM_BASE = "
                "'kim_cms.uploads.KimDocumentForm' and WAGTAILIMAGES_IMAGE_FORM_BASE "
                "= 'kim_cms.uploads.KimImageForm', or subclass them."
            ),
            id="kim_cms.W008",
        )
    ]


@register(Tags.security)
def check_moderation(app_configs=None, **kwargs):
    if getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False):
        return []
    return [
        Warning(
            _(
                "A page approved in the KIM review workflow can be edited again "
                "without a new approval."
            ),
            hint=_("Set WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True."),
            id="kim_cms.W005",
        )
    ]


@register(Tags.compatibility)
def check_kim_settings(app_configs=None, **kwargs):
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    messages = []
    tz = kim_settings.TIME_ZONE
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        messages.append(
            Error(
                _("KIM_CMS_TIME_ZONE '%(tz)s' is not a known time zone.") % {"tz": tz},
                hint=_(
                    "Use Asia/Jakarta (WIB), Asia/Makassar (WITA) or "
                    "Asia/Jayapura (WIT)."
                ),
                id="kim_cms.E008",
            )
        )
    else:
        if tz not in INDONESIAN_TIME_ZONES:
            messages.append(
                Warning(
                    _("KIM_CMS_TIME_ZONE '%(tz)s' is not an Indonesian time zone.")
                    % {"tz": tz},
                    hint=_(
                        "Use Asia/Jakarta (WIB), Asia/Makassar (WITA) or "
                        "Asia/Jayapura (WIT)."
                    ),
                    id="kim_cms.W004",
                )
            )
    page_size = kim_settings.PAGE_SIZE
    if not isinstance(page_size, int) or page_size < 1:
        messages.append(
            Error(
                _("KIM_CMS_PAGE_SIZE must be a positive whole number."),
                id="kim_cms.E009",
            )
        )
    for name in ("WARNING_BANNER_LIMIT", "SITEMAP_LIMIT"):
        value = getattr(kim_settings, name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            messages.append(
                Error(
                    _("%(setting)s must be a positive whole number.")
                    % {"setting": f"KIM_CMS_{name}"},
                    id="kim_cms.E013",
                )
            )
    parents = kim_settings.INDEX_PARENT_PAGE_TYPES
    if parents is not None:
        for dotted in parents:
            try:
                apps.get_model(dotted)
            except (LookupError, ValueError):
                messages.append(
                    Error(
                        _(
                            "KIM_CMS_INDEX_PARENT_PAGE_TYPES names '%(model)s', "
                            "which is not an installed model."
                        )
                        % {"model": dotted},
                        hint=_(
                            "Use 'app_label.ModelName', e.g. 'kim_cms.KimPortalPage'."
                        ),
                        id="kim_cms.E010",
                    )
                )
    return messages


@register(Tags.models)
def check_group_officers(app_configs=None, **kwargs):
    """Every concrete group page type has officers (``AbstractKimGroupPage``
    shows and edits ``officers``, which the abstract base cannot declare)."""
    from django.core.exceptions import FieldDoesNotExist

    from kim_cms.pages.groups import AbstractKimGroupOfficer, AbstractKimGroupPage

    errors = []
    for model in apps.get_models():
        if not issubclass(model, AbstractKimGroupPage) or model._meta.abstract:
            continue
        try:
            related = model._meta.get_field("officers").related_model
        except FieldDoesNotExist:
            related = None
        if related is None or not issubclass(related, AbstractKimGroupOfficer):
            errors.append(
                Error(
                    _("The group page type %(model)s has no officers.")
                    % {"model": model._meta.label},
                    hint=_(
                        "Declare a subclass of AbstractKimGroupOfficer with page = "
                        "ParentalKey(%(name)s, on_delete=models.CASCADE, "
                        'related_name="officers").'
                    )
                    % {"name": model.__name__},
                    obj=model,
                    id="kim_cms.E011",
                )
            )
    return errors


@register(Tags.database)
def check_locales(app_configs=None, databases=None, **kwargs):
    """Every content language has a Wagtail locale (database checks run with
    ``check --database default`` and before ``migrate``)."""
    from wagtail.models import Locale

    if not databases or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return []
    warnings = []
    codes = [code for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", [])]
    for alias in databases:
        try:
            existing = set(
                Locale.objects.using(alias).values_list("language_code", flat=True)
            )
        except DatabaseError:  # not migrated yet
            continue
        for code in codes:
            if code not in existing:
                warnings.append(
                    Warning(
                        _(
                            "The content language '%(code)s' has no Wagtail locale: "
                            "pages cannot be translated into it, and its addresses "
                            "serve pages of another language."
                        )
                        % {"code": code},
                        hint=_(
                            "Run 'python manage.py kim_cms_create_locales', or add "
                            "it in Settings > Locales."
                        ),
                        id="kim_cms.W006",
                    )
                )
    return warnings


@register(Tags.urls)
def check_language_prefixes(app_configs=None, **kwargs):
    """Pages are routed with kim_cms's ``i18n_patterns``, whose prefixes every
    language code reaches (see ``kim_cms.i18n``)."""
    from django.urls import LocalePrefixPattern, get_resolver

    from kim_cms.i18n import KimLocalePrefixPattern

    try:
        patterns = get_resolver().url_patterns
    except Exception:  # Django's own URL checks report a broken URLconf
        return []
    for pattern in patterns:
        prefix = getattr(pattern, "pattern", None)
        if isinstance(prefix, LocalePrefixPattern) and not isinstance(
            prefix, KimLocalePrefixPattern
        ):
            return [
                Warning(
                    _(
                        "The URLconf uses Django's i18n_patterns: an admin language "
                        "such as 'id-id' or 'en-us' gets links to /id-id/ and "
                        "/en-us/ addresses, which do not exist."
                    ),
                    hint=_(
                        "Import i18n_patterns from kim_cms.i18n instead of "
                        "django.conf.urls.i18n."
                    ),
                    id="kim_cms.W007",
                )
            ]
    return []


@register(Tags.urls)
def check_kim_urls(app_configs=None, **kwargs):
    """kim-cms's own routes (``kim_cms.urls``) are in the URLconf: without
    them the aspiration form has nowhere to post and posters are not served."""
    from django.urls import NoReverseMatch, reverse

    try:
        reverse("kim_cms_aspirations:submit", args=[1])
    except NoReverseMatch:
        return [
            Warning(
                _(
                    "kim_cms.urls is not in the URLconf: aspiration forms cannot "
                    "be sent and the printable posters are not served."
                ),
                hint=_(
                    'Add path("kim-cms/", include("kim_cms.urls")) to urlpatterns, '
                    "outside i18n_patterns and before Wagtail's URLs."
                ),
                id="kim_cms.W009",
            )
        ]
    except Exception:  # Django's own URL checks report a broken URLconf
        return []
    return []


SEARCH_BACKENDS = ("wagtail.search.backends.database", "modelsearch.backends.database")


@register(Tags.compatibility)
def check_search_config(app_configs=None, **kwargs):
    """PostgreSQL's full-text search stems words by a language's rules: the
    portal search finds "menanam" for "tanam" only with the Indonesian ones."""
    backend = (getattr(settings, "WAGTAILSEARCH_BACKENDS", None) or {}).get(
        "default", {}
    )
    engine = settings.DATABASES.get("default", {}).get("ENGINE", "")
    if (
        "postgresql" not in engine
        or backend.get("BACKEND", SEARCH_BACKENDS[0]) not in SEARCH_BACKENDS
        or backend.get("SEARCH_CONFIG")
    ):
        return []
    return [
        Info(
            _(
                "The portal search on PostgreSQL uses the database's default "
                "text search configuration: Indonesian words are found only as "
                "typed, not by their stem."
            ),
            hint=_(
                'Add "SEARCH_CONFIG": "indonesian" to WAGTAILSEARCH_BACKENDS'
                '["default"], then run manage.py update_index.'
            ),
            id="kim_cms.I001",
        )
    ]


PROCESS_CACHES = ("django.core.cache.backends.locmem.LocMemCache",)


@register(Tags.caches, deploy=True)
def check_page_cache_alias(app_configs=None, **kwargs):
    """What the page cache keeps (pages, routes, counts, the warning banner)
    is only as fresh as its generation, which lives in the cache: a cache
    in each process's own memory learns of a change only in the process
    where it happened."""
    from kim_cms.page_cache import page_cache_settings

    alias = page_cache_settings()["ALIAS"]
    backend = (getattr(settings, "CACHES", None) or {}).get(alias, {}).get("BACKEND")
    if backend not in PROCESS_CACHES:
        return []
    return [
        Warning(
            _(
                "The page cache (cache '%(alias)s') is kept in each process's "
                "memory: with more than one server process, a change reaches only "
                "the process it happened in, and the others keep serving old "
                "pages, routes and warning banners."
            )
            % {"alias": alias},
            hint=_(
                "Give KIM_CMS_PAGE_CACHE['ALIAS'] a cache every process shares: "
                "Redis (django.core.cache.backends.redis.RedisCache) or the "
                "database cache."
            ),
            id="kim_cms.W010",
        )
    ]
