"""The test site's URLs plus a page that fails, for the 500 page's tests."""

from django.urls import path

from kim_cms.i18n import i18n_patterns
from tests.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    raise RuntimeError("the database is down")


urlpatterns = (
    i18n_patterns(path("rusak/", failing_view), prefix_default_language=False)
    + site_urlpatterns
)
