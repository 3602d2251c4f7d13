import pytest


def ids(messages):
    return sorted(m.id for m in messages)


def test_test_settings_pass_every_check(run_checks):
    assert run_checks() == []


def test_missing_wagtail_localize_is_an_error(run_checks, monkeypatch):
    from kim_cms import checks

    installed = checks.apps.is_installed
    monkeypatch.setattr(
        checks.apps,
        "is_installed",
        lambda name: name != "wagtail_localize" and installed(name),
    )
    messages = run_checks()
    assert ids(messages) == ["kim_cms.E001"]
    assert "'wagtail_localize'" in messages[0].msg


def test_i18n_disabled_is_an_error(run_checks, settings):
    settings.WAGTAIL_I18N_ENABLED = False
    assert ids(run_checks()) == ["kim_cms.E003"]


@pytest.mark.parametrize("missing", ["id", "en"])
def test_missing_content_language_is_an_error(run_checks, settings, missing):
    settings.WAGTAIL_CONTENT_LANGUAGES = [
        (code, name) for code, name in settings.LANGUAGES if code != missing
    ]
    messages = run_checks()
    assert ids(messages) == ["kim_cms.E005"]
    assert f"'{missing}'" in messages[0].msg


def test_use_tz_off_is_an_error(run_checks, settings):
    settings.USE_TZ = False
    assert "kim_cms.E006" in ids(run_checks())


def test_unknown_base_template_is_an_error(run_checks, settings):
    settings.KIM_CMS_BASE_TEMPLATE = "does/not/exist.html"
    messages = run_checks()
    assert ids(messages) == ["kim_cms.E007"]
    assert "does/not/exist.html" in messages[0].msg


def test_no_document_allow_list_is_a_warning(run_checks, settings):
    del settings.WAGTAILDOCS_EXTENSIONS
    assert ids(run_checks()) == ["kim_cms.W001"]


def test_direct_document_serving_is_a_warning(run_checks, settings):
    settings.WAGTAILDOCS_SERVE_METHOD = "direct"
    assert ids(run_checks()) == ["kim_cms.W002"]


def test_no_image_upload_limit_is_a_warning(run_checks, settings):
    del settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    assert ids(run_checks()) == ["kim_cms.W003"]


@pytest.mark.parametrize(
    "setting", ["WAGTAILDOCS_DOCUMENT_FORM_BASE", "WAGTAILIMAGES_IMAGE_FORM_BASE"]
)
def test_upload_forms_not_from_kim_cms_are_a_warning(run_checks, settings, setting):
    delattr(settings, setting)
    messages = run_checks()
    assert ids(messages) == ["kim_cms.W008"]
    assert setting in messages[0].msg


@pytest.mark.parametrize("setting", ["MEDIA_ROOT", "STATIC_ROOT"])
def test_private_attachments_inside_a_served_folder_are_an_error(
    run_checks, settings, tmp_path, setting
):
    setattr(settings, setting, str(tmp_path / "public"))
    settings.KIM_CMS_PRIVATE_MEDIA_ROOT = str(tmp_path / "public" / "private")
    messages = run_checks()
    assert ids(messages) == ["kim_cms.E012"]
    assert setting in messages[0].msg


def test_private_attachments_beside_the_media_folder_pass(
    run_checks, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.KIM_CMS_PRIVATE_MEDIA_ROOT = str(tmp_path / "media-private")
    assert run_checks() == []  # a name that only starts like it is outside
    del settings.KIM_CMS_PRIVATE_MEDIA_ROOT
    assert run_checks() == []  # the default: private-media beside MEDIA_ROOT


def test_private_attachments_in_the_sites_own_storage_pass(
    run_checks, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.KIM_CMS_PRIVATE_MEDIA_ROOT = str(tmp_path / "media" / "private")
    settings.STORAGES = {
        **settings.STORAGES,
        "kim_cms_private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "elsewhere")},
        },
    }
    assert run_checks() == []


def test_time_zone_checks(run_checks, settings):
    settings.KIM_CMS_TIME_ZONE = "Mars/Olympus"
    assert ids(run_checks()) == ["kim_cms.E008"]
    settings.KIM_CMS_TIME_ZONE = "Europe/Paris"
    assert ids(run_checks()) == ["kim_cms.W004"]
    settings.KIM_CMS_TIME_ZONE = "Asia/Makassar"
    assert run_checks() == []


def test_page_size_must_be_positive(run_checks, settings):
    settings.KIM_CMS_PAGE_SIZE = 0
    assert ids(run_checks()) == ["kim_cms.E009"]


@pytest.mark.parametrize("name", ["WARNING_BANNER_LIMIT", "SITEMAP_LIMIT"])
@pytest.mark.parametrize("value", [0, -1, "3", True, 2.5])
def test_limits_must_be_positive_whole_numbers(run_checks, settings, name, value):
    setattr(settings, f"KIM_CMS_{name}", value)
    errors = run_checks()
    assert ids(errors) == ["kim_cms.E013"]
    assert f"KIM_CMS_{name}" in errors[0].msg
    setattr(settings, f"KIM_CMS_{name}", 1)
    assert run_checks() == []


def test_index_parent_types_must_be_models(run_checks, settings):
    settings.KIM_CMS_INDEX_PARENT_PAGE_TYPES = ["kim_cms.NoSuchPage"]
    assert ids(run_checks()) == ["kim_cms.E010"]
    settings.KIM_CMS_INDEX_PARENT_PAGE_TYPES = ["kim_cms.KimPortalPage"]
    assert run_checks() == []


def test_check_messages_are_translated(run_checks, settings):
    from django.utils import translation

    settings.WAGTAIL_I18N_ENABLED = False
    with translation.override("id"):
        message = run_checks()[0]
    assert "tidak aktif" in message.msg


def test_settings_are_read_lazily(settings):
    from kim_cms.conf import kim_settings

    assert kim_settings.PAGE_SIZE == 12
    settings.KIM_CMS_PAGE_SIZE = 30
    assert kim_settings.PAGE_SIZE == 30
    with pytest.raises(AttributeError):
        kim_settings.NOT_A_SETTING  # noqa: B018


def test_app_pins_its_auto_field():
    from django.apps import apps

    config = apps.get_app_config("kim_cms")
    assert config.default_auto_field == "django.db.models.BigAutoField"
    assert config.label == "kim_cms"


def test_index_pages_follow_the_parent_setting(portal, settings):
    from wagtail.models import Page

    from kim_cms.pages import KimGroupIndexPage

    root_home = Page.get_first_root_node()
    assert KimGroupIndexPage.can_create_at(portal)
    settings.KIM_CMS_INDEX_PARENT_PAGE_TYPES = ["kim_cms.KimPortalPage"]
    assert KimGroupIndexPage.can_create_at(portal)
    other = root_home.add_child(instance=Page(title="Lain", slug="lain"))
    assert not KimGroupIndexPage.can_create_at(other)


def test_a_urlconf_without_kim_cms_urls_is_reported(run_checks, settings):
    assert "kim_cms.W009" not in [m.id for m in run_checks()]
    settings.ROOT_URLCONF = "tests.urls_without_kim_cms"
    messages = [m for m in run_checks() if m.id == "kim_cms.W009"]
    assert len(messages) == 1
    assert 'include("kim_cms.urls")' in messages[0].hint


# The check reads the settings only; the connection is never used.
@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_postgresql_search_without_the_indonesian_stemmer_is_reported(
    run_checks, settings
):
    settings.DATABASES = {
        **settings.DATABASES,
        "default": {
            **settings.DATABASES["default"],
            "ENGINE": "django.db.backends.postgresql",
        },
    }
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }
    messages = run_checks()
    assert ids(messages) == ["kim_cms.I001"]
    assert "SEARCH_CONFIG" in messages[0].hint
    # an information, not a warning: `check --fail-level WARNING` passes
    assert messages[0].level < 30
    settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "indonesian"
    assert run_checks() == []


def test_a_page_cache_in_each_processs_memory_is_reported_for_deployment(
    run_checks, settings
):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "shared": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kim_cache",
        },
    }
    # only `check --deploy` asks: a development server is one process
    assert "kim_cms.W010" not in ids(run_checks())
    messages = [
        m for m in run_checks(include_deployment_checks=True) if m.id == "kim_cms.W010"
    ]
    assert len(messages) == 1
    assert "'default'" in messages[0].msg and "Redis" in messages[0].hint
    settings.KIM_CMS_PAGE_CACHE = {"ALIAS": "shared"}
    assert "kim_cms.W010" not in ids(run_checks(include_deployment_checks=True))
