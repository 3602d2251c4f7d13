"""The demo in production (``DJANGO_ENV=production``): the demo's settings
plus the README's production settings (kept identical by a test).

Needs ``DJANGO_SECRET_KEY`` and ``DJANGO_ALLOWED_HOSTS`` in the environment,
Redis at ``REDIS_URL`` (default ``redis://127.0.0.1:6379/0``), and a web
server in front for HTTPS and ``/media/``.
"""

from demo_site.settings import *  # noqa: F403

# --- kim-cms production settings (copy from here) ---
import os

DEBUG = False
# Both from the server's environment, never from the code.
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]
WAGTAILADMIN_BASE_URL = f"https://{ALLOWED_HOSTS[0]}"

# HTTPS only. The web server in front says "https" in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60  # browsers remember HTTPS for a year
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Static files: compressed, with hashed names, served by whitenoise (after
# `wagtail start`'s production.py line that sets ManifestStaticFilesStorage).
STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}
# Files with a hash in their name are sent with "max-age=315360000, immutable";
# the others (none of kim-cms's) for WHITENOISE_MAX_AGE seconds (60 by default).
# Uploaded images and documents (MEDIA_ROOT) are served by the web server.

# Cache: Redis (`pip install redis`), shared by every app server process (the
# portal's menu and identity, and the page cache, are kept there and emptied
# in it when they change).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "KEY_PREFIX": "kim",
    }
}

# SQLite: writers wait for each other (up to 20 seconds) instead of failing
# with "database is locked". PostgreSQL is recommended for a busy site.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
    }
# --- kim-cms production settings (copy to here) ---

# The README's URLs only (no uploaded files: the web server sends them), and
# static files from STATIC_ROOT (collectstatic) only.
ROOT_URLCONF = "demo_site.urls"
WHITENOISE_USE_FINDERS = False
