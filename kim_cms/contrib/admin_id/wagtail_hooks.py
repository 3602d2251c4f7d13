"""This app's JavaScript catalogue, on every admin page.

Wagtail's and wagtail-localize's catalogue views (``/admin/jsi18n/``) read
only their own package's ``locale/``, so the app's ``djangojs`` catalogue
reaches the browser here: the messages of the editor's language go into the
page as JSON, and ``catalogue.js`` adds them to Django's ``django.catalog``,
which every ``gettext()`` of the admin's scripts reads when it runs.
"""

import gettext
from functools import lru_cache

from django.utils.html import format_html, json_script
from django.utils.translation import get_language, to_locale
from django.views.i18n import JavaScriptCatalog
from wagtail import hooks
from wagtail.admin.staticfiles import versioned_static

from kim_cms.contrib.admin_id.catalogues import LOCALE_DIR

CATALOGUE_ELEMENT_ID = "kim-cms-admin-id-catalogue"


@lru_cache
def javascript_catalogue(language):
    """``{msgid: translation}`` in the format of Django's ``jsi18n`` (plural
    messages as lists, ``context\\x04msgid`` keys), or ``{}`` when the app has
    no catalogue for ``language``."""
    try:
        translation = gettext.translation(
            "djangojs", LOCALE_DIR, languages=[to_locale(language)]
        )
    except FileNotFoundError:
        return {}
    view = JavaScriptCatalog()
    view.translation = translation
    return view.get_catalog()


@hooks.register("insert_global_admin_js")
def insert_javascript_catalogue():
    catalogue = javascript_catalogue(get_language() or "")
    if not catalogue:
        return ""
    return format_html(
        '{}<script src="{}"></script>',
        json_script(catalogue, CATALOGUE_ELEMENT_ID),
        versioned_static("kim_cms_admin_id/js/catalogue.js"),
    )
