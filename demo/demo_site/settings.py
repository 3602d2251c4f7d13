"""Settings of the kim-cms demo: a plain Wagtail site plus the settings blocks
that the README tells an integrator to add (kept identical by a test).

With ``DJANGO_ENV=production``, ``manage.py`` and ``wsgi.py`` load
``demo_site.production`` instead: these settings plus the README's production
settings."""

import os
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "kim-cms-demo-not-secret")
# Off, as a visitor sees the site: pages not found and errors show kim-cms's
# own 404 and 500 pages in the reader's language. DJANGO_DEBUG=1 shows
# Django's technical pages instead.
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
CSRF_TRUSTED_ORIGINS = ["http://127.0.0.1:8000", "http://localhost:8000"]

INSTALLED_APPS = [
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
    "search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# The site's URLs plus the uploaded files (demo_site.serve_urls); production
# serves the site's URLs only.
ROOT_URLCONF = "demo_site.serve_urls"
WSGI_APPLICATION = "demo_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "demo_site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
    }
}

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_root"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# whitenoise (in the middleware kim-cms adds) serves the static files straight
# from the apps, without collectstatic, even with DEBUG off (and needs no
# STATIC_ROOT then: no warning that it is missing).
WHITENOISE_USE_FINDERS = True
warnings.filterwarnings("ignore", "No directory at", UserWarning)

# A new site for Indonesian readers: Indonesian is the default language.
LANGUAGE_CODE = "id"
TIME_ZONE = "Asia/Jakarta"

WAGTAIL_SITE_NAME = "Portal KIM Pulang Pisau"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- kim-cms settings (copy from here) ---
from kim_cms.settings import configure

# Adds the apps, middleware, languages and defaults that kim-cms needs and
# changes nothing that the settings above already have.
configure(globals())

KIM_CMS_TIME_ZONE = "Asia/Jakarta"  # WIB; Asia/Makassar (WITA), Asia/Jayapura (WIT)

# The page cache (README "Performance"): kim-cms pages, feeds and calendar
# files for anonymous visitors, from the cache, gzip-compressed.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.locale.LocaleMiddleware") + 1,
    "kim_cms.page_cache.PageCacheMiddleware",
)
# --- kim-cms settings (copy to here) ---

# Optional: the rest of Wagtail's and wagtail-localize's admin in Indonesian.
INSTALLED_APPS.insert(INSTALLED_APPS.index("kim_cms") + 1, "kim_cms.contrib.admin_id")
