"""The README's settings block on the sites districts run: it adds what kim-cms
needs and changes nothing a site already has."""

import copy
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kim_cms.settings import APPS, DEFAULTS, configure
from tests.test_integration_docs import readme_block

ROOT = Path(__file__).resolve().parent.parent

# The apps and middleware of a site made by ``wagtail start``.
WAGTAIL_START_APPS = [
    "home",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
WAGTAIL_START_MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
SITE_APPS = [app for app in WAGTAIL_START_APPS if app not in ("home", "search")]

BASE = f"""
INSTALLED_APPS = {SITE_APPS!r}
MIDDLEWARE = {WAGTAIL_START_MIDDLEWARE!r}
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
"""

SITES = {
    # A site that lists none of kim-cms's apps (as ``wagtail start`` makes it).
    "none": BASE,
    # A site that already lists every app and middleware, in its own order,
    # and already chose its languages and upload limits.
    "every-app": BASE
    + f"""
INSTALLED_APPS = INSTALLED_APPS + {APPS!r}
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
LANGUAGE_CODE = "id"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("id", "Indonesia"), ("en", "Inggris")]
WAGTAIL_I18N_ENABLED = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 1
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 2
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 3
DATA_UPLOAD_MAX_NUMBER_FIELDS = 4
FILE_UPLOAD_MAX_MEMORY_SIZE = 5
WAGTAIL_GRAVATAR_PROVIDER_URL = "//www.gravatar.com/avatar"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "kim_cms.uploads.KimDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "kim_cms.uploads.KimImageForm"
""",
    # A site that uses Wagtail's own locale management.
    "wagtail-locales": BASE
    + """
INSTALLED_APPS = ["wagtail.locales"] + INSTALLED_APPS
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English")]
WAGTAIL_I18N_ENABLED = True
""",
    # A site that already translates with wagtail-localize, in English and
    # French.
    "wagtail-localize": BASE
    + """
INSTALLED_APPS = INSTALLED_APPS + ["wagtail_localize", "wagtail_localize.locales"]
MIDDLEWARE.insert(2, "django.middleware.locale.LocaleMiddleware")
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("fr", "Français")]
WAGTAIL_I18N_ENABLED = True
""",
}


def settings_of(source, block=True):
    namespace = {}
    exec(source, namespace)
    if block:
        exec(readme_block("settings"), namespace)
    return {name: value for name, value in namespace.items() if name.isupper()}


def in_order(items, within):
    """``items`` appear in ``within`` in the same order."""
    positions = [within.index(item) for item in items]
    return positions == sorted(positions)


@pytest.mark.parametrize("site", SITES)
def test_block_keeps_every_app_middleware_and_setting_already_there(site):
    before = settings_of(SITES[site], block=False)
    after = settings_of(SITES[site])
    assert in_order(before["INSTALLED_APPS"], after["INSTALLED_APPS"])
    assert in_order(before["MIDDLEWARE"], after["MIDDLEWARE"])
    for name in ("INSTALLED_APPS", "MIDDLEWARE", "LANGUAGES"):
        assert len(after[name]) == len(set(after[name])), f"{name} has duplicates"
    assert after["LANGUAGE_CODE"] == before["LANGUAGE_CODE"]
    for language in before.get("LANGUAGES", []):
        assert language in after["LANGUAGES"]
    for language in before.get("WAGTAIL_CONTENT_LANGUAGES", []):
        assert language in after["WAGTAIL_CONTENT_LANGUAGES"]
    lists = ("INSTALLED_APPS", "MIDDLEWARE", "LANGUAGES", "WAGTAIL_CONTENT_LANGUAGES")
    for name, value in before.items():
        if name not in lists:
            assert after[name] == value, name


@pytest.mark.parametrize("site", SITES)
def test_block_adds_what_kim_cms_needs(site):
    after = settings_of(SITES[site])
    apps = after["INSTALLED_APPS"]
    for app in APPS:
        if app == "wagtail_localize.locales" and "wagtail.locales" in apps:
            continue
        assert app in apps
    middleware = after["MIDDLEWARE"]
    locale = middleware.index("django.middleware.locale.LocaleMiddleware")
    assert middleware.index("django.contrib.sessions.middleware.SessionMiddleware") < (
        locale
    )
    assert locale < middleware.index("django.middleware.common.CommonMiddleware")
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in middleware
    content = [code for code, _name in after["WAGTAIL_CONTENT_LANGUAGES"]]
    assert {"id", "en"} <= set(content)
    languages = [code for code, _name in after["LANGUAGES"]]
    assert set(content) <= set(languages)
    assert after["WAGTAIL_I18N_ENABLED"] is True


def test_block_changes_nothing_on_a_site_that_has_everything():
    namespace = {}
    exec(SITES["every-app"], namespace)
    before = copy.deepcopy({k: v for k, v in namespace.items() if k.isupper()})
    assert configure(namespace) == []
    assert {k: v for k, v in namespace.items() if k.isupper()} == before


@pytest.mark.parametrize("site", SITES)
def test_block_twice_changes_nothing(site):
    namespace = {}
    exec(SITES[site], namespace)
    configure(namespace)
    once = copy.deepcopy({k: v for k, v in namespace.items() if k.isupper()})
    assert configure(namespace) == []
    assert {k: v for k, v in namespace.items() if k.isupper()} == once


def test_a_new_site_gets_its_language_first_and_the_defaults():
    after = settings_of(SITES["none"])
    # wagtail start's LANGUAGE_CODE "en-us": its pages are in Wagtail's "en".
    assert after["LANGUAGE_CODE"] == "en-us"
    assert after["WAGTAIL_CONTENT_LANGUAGES"] == [
        ("en", "English"),
        ("id", "Bahasa Indonesia"),
    ]
    assert after["INSTALLED_APPS"][: len(APPS)] == APPS
    assert after["INSTALLED_APPS"][len(APPS) :] == SITE_APPS
    for name, value in DEFAULTS.items():
        assert after[name] == value
    assert after["WAGTAIL_GRAVATAR_PROVIDER_URL"] is None


def test_the_new_site_lines_make_indonesian_the_default():
    after = settings_of(SITES["none"] + readme_block("new-site"))
    assert after["LANGUAGE_CODE"] == "id"
    assert after["LANGUAGES"][0] == ("id", "Bahasa Indonesia")
    assert after["WAGTAIL_CONTENT_LANGUAGES"] == [
        ("id", "Bahasa Indonesia"),
        ("en", "English"),
    ]


def test_wagtail_locales_is_kept_and_not_doubled():
    apps = settings_of(SITES["wagtail-locales"])["INSTALLED_APPS"]
    assert "wagtail.locales" in apps
    assert "wagtail_localize.locales" not in apps


def test_a_regional_english_counts_as_english():
    after = settings_of(
        BASE + 'LANGUAGE_CODE = "en-gb"\nLANGUAGES = [("en-gb", "British English")]\n'
    )
    assert after["LANGUAGES"] == [
        ("en-gb", "British English"),
        ("id", "Bahasa Indonesia"),
    ]
    assert after["WAGTAIL_CONTENT_LANGUAGES"] == after["LANGUAGES"]


def test_the_sites_other_languages_stay():
    after = settings_of(SITES["wagtail-localize"])
    assert after["LANGUAGES"] == [
        ("en", "English"),
        ("fr", "Français"),
        ("id", "Bahasa Indonesia"),
    ]
    assert after["WAGTAIL_CONTENT_LANGUAGES"] == after["LANGUAGES"]


URLS = """
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from kim_cms.i18n import i18n_patterns

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("kim-cms/", include("kim_cms.urls")),
]
urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)), prefix_default_language=False
)
"""

REPORT = """
import json
import django
from django.conf import settings
from django.core.management import call_command

django.setup()
call_command("check", "--fail-level", "WARNING")
print(json.dumps({
    "apps": settings.INSTALLED_APPS,
    "middleware": settings.MIDDLEWARE,
    "languages": settings.LANGUAGES,
    "content": settings.WAGTAIL_CONTENT_LANGUAGES,
    "default": settings.LANGUAGE_CODE,
}))
"""


@pytest.mark.parametrize("site", SITES)
def test_django_starts_and_checks_pass_on_each_site(site, tmp_path):
    """Django loads the settings (no "Application labels aren't unique") and
    every system check passes, kim-cms's included."""
    (tmp_path / "site_settings.py").write_text(
        textwrap.dedent(
            f"""
            SECRET_KEY = "kim-cms-test-site"
            ROOT_URLCONF = "site_urls"
            DATABASES = {{"default": {{
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": {str(tmp_path / "db.sqlite3")!r},
            }}}}
            TEMPLATES = [{{
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "APP_DIRS": True,
                "OPTIONS": {{"context_processors": [
                    "django.template.context_processors.request",
                    "django.contrib.auth.context_processors.auth",
                    "django.contrib.messages.context_processors.messages",
                ]}},
            }}]
            STATIC_URL = "/static/"
            WAGTAIL_SITE_NAME = "District"
            WAGTAILADMIN_BASE_URL = "http://district.example"
            DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
            """
        )
        + SITES[site]
        + readme_block("settings"),
        encoding="utf-8",
    )
    (tmp_path / "site_urls.py").write_text(URLS, encoding="utf-8")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
    }
    result = subprocess.run(
        [sys.executable, "-c", REPORT],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    expected = settings_of(SITES[site])
    assert report["middleware"] == expected["MIDDLEWARE"]
    assert [tuple(item) for item in report["languages"]] == expected["LANGUAGES"]
    assert report["default"] == expected["LANGUAGE_CODE"]
