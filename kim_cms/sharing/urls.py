"""Include in the site's URLs, before Wagtail's::

path("kim-cms/", include("kim_cms.urls")),  (kim_cms/urls.py)
"""

from django.urls import path

from kim_cms.sharing.views import poster

app_name = "kim_cms_sharing"
urlpatterns = [path("poster/<int:page_id>/", poster, name="poster")]
