"""The README's production settings: Django's deployment check passes, the
compressed static storage survives ``wagtail start``'s production.py, the
Redis cache works, SQLite writers never fail with "database is locked", and
the admin loads nothing from a third-party host."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import wagtail

from tests.test_integration_docs import readme_block

ROOT = Path(__file__).resolve().parent.parent
ENVIRONMENT = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "kim.example.go.id,www.kim.example.go.id",
}


def production_settings(namespace=None, environ=ENVIRONMENT):
    """``namespace`` (default: a ``wagtail start`` site's storages and
    database) after the README's production block."""
    if namespace is None:
        namespace = {
            "STORAGES": {
                "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                "staticfiles": {
                    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
                },
            },
            "DATABASES": {
                "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db"}
            },
        }
    saved = dict(os.environ)
    os.environ.update(environ)
    try:
        exec(readme_block("production"), namespace)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return namespace


def clean_environ(*remove):
    """This process's environment without the test suite's settings module."""
    remove = ("DJANGO_SETTINGS_MODULE", *remove)
    return {key: value for key, value in os.environ.items() if key not in remove}


def demo(*args, env=None, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT / "demo",
        env={
            **clean_environ(),
            "DJANGO_ENV": "production",
            **ENVIRONMENT,
            **(env or {}),
        },
        capture_output=True,
        text=True,
        timeout=180,
        **kwargs,
    )


def test_the_demo_in_production_passes_the_deployment_check():
    result = demo("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    # Without the production settings, the same check fails.
    result = demo(
        "check", "--deploy", "--fail-level", "WARNING", env={"DJANGO_ENV": "dev"}
    )
    assert result.returncode != 0
    assert "security.W004" in result.stderr  # no HSTS


def test_the_demo_in_production_uses_the_environment():
    script = (
        "from django.conf import settings as s; import json; print(json.dumps("
        "[s.DEBUG, s.SECRET_KEY, s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS, "
        "s.STORAGES['staticfiles']['BACKEND'], s.CACHES['default']['BACKEND']]))"
    )
    result = demo("shell", "--no-imports", "-c", script)
    assert result.returncode == 0, result.stderr
    debug, key, hosts, origins, static, cache = json.loads(result.stdout)
    assert debug is False and key == ENVIRONMENT["DJANGO_SECRET_KEY"]
    assert hosts == ["kim.example.go.id", "www.kim.example.go.id"]
    assert origins == ["https://kim.example.go.id", "https://www.kim.example.go.id"]
    assert static == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert cache == "django.core.cache.backends.redis.RedisCache"


def test_production_refuses_to_start_without_a_secret_key():
    env = clean_environ("DJANGO_SECRET_KEY")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT / "demo",
        env={**env, "DJANGO_ENV": "production", "DJANGO_ALLOWED_HOSTS": "x"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_static_storage_survives_wagtail_starts_production_py():
    """The README's place for the block: after the line of ``wagtail start``'s
    production.py that sets ManifestStaticFilesStorage."""
    template = (
        Path(wagtail.__file__).parent
        / "project_template"
        / "project_name"
        / "settings"
        / "production.py"
    ).read_text(encoding="utf-8")
    head, _local = template.split("try:\n", 1)
    assert 'STORAGES["staticfiles"]["BACKEND"]' in head
    namespace = {
        "STORAGES": {"staticfiles": {"BACKEND": "StaticFilesStorage"}},
        "DATABASES": {"default": {"ENGINE": "django.db.backends.postgresql"}},
    }
    exec(head.replace("from .base import *", ""), namespace)
    assert namespace["STORAGES"]["staticfiles"]["BACKEND"] == (
        "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    )
    production_settings(namespace)
    assert namespace["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    # PostgreSQL keeps its options; only SQLite gets the writers' queue.
    assert "OPTIONS" not in namespace["DATABASES"]["default"]


# -- cache ---------------------------------------------------------------------


def redis_url():
    url = os.environ.get("KIM_CMS_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError as error:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is unreachable at {url}: {error}")
        pytest.skip(f"no Redis at {url}")
    return url


@pytest.mark.django_db
def test_the_documented_redis_cache_holds_wagtails_site_paths(settings, portal):
    from django.core.cache import cache, caches
    from wagtail.models import Site

    url = redis_url()
    documented = production_settings(environ={**ENVIRONMENT, "REDIS_URL": url})[
        "CACHES"
    ]
    assert documented["default"]["LOCATION"] == url
    settings.CACHES = {
        "default": {
            **documented["default"],
            "KEY_PREFIX": "kim-test-" + secrets.token_hex(4),
        }
    }
    try:
        assert type(caches["default"]).__name__ == "RedisCache"
        cache.set("kim:greeting", {"id": "Halo", "en": "Hello"}, 30)
        assert cache.get("kim:greeting") == {"id": "Halo", "en": "Hello"}
        paths = Site.get_site_root_paths()  # Wagtail stores them in the cache
        assert cache.get("wagtail_site_root_paths", version=2) == paths
        from django.test import Client

        assert Client().get(portal.url).status_code == 200
    finally:  # only this test's keys: the Redis database may be shared
        cache.delete_many(["kim:greeting", "wagtail_site_root_paths"])
        cache.delete("wagtail_site_root_paths", version=2)


# -- SQLite with two writers -------------------------------------------------------

WRITERS = """
import json, sys, threading, time
import django
from django.conf import settings

path, options, mode = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
settings.configure(
    DATABASES={"default": {
        "ENGINE": "django.db.backends.sqlite3", "NAME": path, "OPTIONS": options,
    }},
    INSTALLED_APPS=[],
)
django.setup()
from django.db import OperationalError, connection, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE edits (writer text, n integer)")
connection.close()
ROUNDS = 40
both_read = threading.Barrier(2)
errors = []


def writer(name):
    try:
        for n in range(ROUNDS if mode == "busy" else 1):
            # What saving a page does: read, then write, in one transaction.
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM edits")
                cursor.fetchone()
                if mode == "busy":
                    time.sleep(0.002)
                else:
                    both_read.wait(timeout=10)
                cursor.execute("INSERT INTO edits VALUES (%s, %s)", [name, n])
    except OperationalError as error:
        errors.append(str(error))
    finally:
        connection.close()


threads = [threading.Thread(target=writer, args=(name,)) for name in "ab"]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM edits")
    print(json.dumps({"errors": errors, "rows": cursor.fetchone()[0]}))
"""


def two_writers(tmp_path, options, mode):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            WRITERS,
            str(tmp_path / "db.sqlite3"),
            json.dumps(options),
            mode,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def documented_sqlite_options():
    return production_settings()["DATABASES"]["default"]["OPTIONS"]


def test_two_sqlite_writers_never_fail_with_the_documented_settings(tmp_path):
    options = documented_sqlite_options()
    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] >= 5
    outcome = two_writers(tmp_path, options, "busy")
    assert outcome == {"errors": [], "rows": 80}


def test_without_immediate_transactions_one_writer_fails(tmp_path):
    """What the documented settings prevent: two transactions that both read
    and then write; the timeout alone does not help."""
    options = documented_sqlite_options()
    del options["transaction_mode"]
    outcome = two_writers(tmp_path, options, "both-read")
    assert outcome["rows"] == 1
    assert outcome["errors"] == ["database is locked"]


# -- no third-party hosts ------------------------------------------------------------


@pytest.mark.django_db
def test_the_admin_loads_no_gravatar(admin_client, settings):
    from kim_cms.settings import DEFAULTS

    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = DEFAULTS["WAGTAIL_GRAVATAR_PROVIDER_URL"]
    html = admin_client.get("/admin/").content.decode()
    assert "gravatar" not in html
    del settings.WAGTAIL_GRAVATAR_PROVIDER_URL  # Wagtail's default
    assert "gravatar.com" in admin_client.get("/admin/").content.decode()
