import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from tests.factories import KimPortalPageFactory


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A test marked ``django_db(transaction=True, serialized_rollback=True)``
    commits, and its teardown empties every table; put back what the
    migrations wrote (root page, default site, locale, ...) for the tests that
    follow it on this worker, as its own setup did for itself."""
    result = yield
    marker = item.get_closest_marker("django_db")
    # After the last test, the test database itself is gone.
    if nextitem is not None and marker and marker.kwargs.get("serialized_rollback"):
        from django.contrib.contenttypes.models import ContentType
        from django.db import connection
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            connection.creation.deserialize_db_from_string(
                connection._test_serialized_contents
            )
        ContentType.objects.clear_cache()
    return result


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Each test gets its own media folder and an empty cache (Wagtail caches
    the site root paths)."""
    from django.core.cache import cache
    from django.utils import translation

    settings.MEDIA_ROOT = str(tmp_path / "media")
    cache.clear()
    yield
    cache.clear()
    # A request leaves its language active in the thread: reset it.
    translation.deactivate()


@pytest.fixture
def locales(db):
    indonesian, _ = Locale.objects.get_or_create(language_code="id")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return {"id": indonesian, "en": english}


@pytest.fixture
def root_page(locales):
    return Page.get_first_root_node()


@pytest.fixture
def portal(root_page, locales):
    """A KIM portal as the home page of the default site."""
    portal = KimPortalPageFactory(
        parent=root_page, title="Portal KIM Pulang Pisau", slug="kim"
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = portal
    site.save()
    Page.objects.filter(depth=2).exclude(pk=portal.pk).delete()
    return portal


@pytest.fixture
def english_portal(portal, locales):
    """The English translation of ``portal``, published."""
    translated = portal.copy_for_translation(locales["en"])
    translated.title = "Pulang Pisau KIM portal"
    translated.save_revision().publish()
    return translated


@pytest.fixture
def run_checks():
    def run(**kwargs):
        from django.core import checks

        return [m for m in checks.run_checks(**kwargs) if m.id.startswith("kim_cms.")]

    return run


@pytest.fixture
def call(db):
    def run(*args, **kwargs):
        return call_command(*args, **kwargs)

    return run


@pytest.fixture
def directory(portal):
    """A live group directory under the portal."""
    from tests.factories_groups import KimGroupIndexPageFactory

    return KimGroupIndexPageFactory(parent=portal)
