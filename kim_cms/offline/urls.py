"""The service worker's address, included by ``kim_cms.urls``."""

from django.urls import path

from kim_cms.offline.views import service_worker

app_name = "kim_cms_offline"
urlpatterns = [path("sw.js", service_worker, name="worker")]
