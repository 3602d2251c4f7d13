"""Include in the site's URLs, before Wagtail's::

path("kim-cms/", include("kim_cms.urls")),  (kim_cms/urls.py)
"""

from django.urls import path

from kim_cms.aspirations.views import submit

app_name = "kim_cms_aspirations"
urlpatterns = [path("<int:page_id>/kirim/", submit, name="submit")]
