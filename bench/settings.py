"""Settings of the load test (bench/load): the demo site as it runs in
production, on SQLite or on the database of ``KIM_BENCH_DATABASE_URL``."""

import os
from pathlib import Path

from demo_site.settings import *  # noqa: F403

WORK = Path(os.environ["KIM_BENCH_WORK"])

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECRET_KEY = "kim-cms-bench-not-secret"
STATIC_ROOT = WORK / "static"
MEDIA_ROOT = WORK / "media"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

if os.environ.get("KIM_BENCH_DATABASE_URL"):
    import dj_database_url

    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["KIM_BENCH_DATABASE_URL"], conn_max_age=600
        )
    }
else:
    # SQLite as a busy site needs it: readers never wait for the writer
    # (WAL), a writing transaction takes its lock when it begins, so it
    # never fails half-way (IMMEDIATE), and waits up to 20 s for another.
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": WORK / "db.sqlite3",
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}

# bench/run measures with kim-cms's page cache off and on (its middleware is
# in the demo's MIDDLEWARE; the setting turns it on or off).
KIM_CMS_PAGE_CACHE = {"ENABLED": os.environ.get("KIM_BENCH_PAGE_CACHE") == "1"}
