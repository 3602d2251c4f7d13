"""Run with ``manage.py shell < .ci/fetch_pages.py``: every live, public page of
the site answers 200, in each of the languages in KIM_CMS_CI_LANGUAGES
(default "id en"), and every page listed in KIM_CMS_CI_KEEP ("/path/=200 ...")
still answers at its address."""

import os
import sys

from django.test import Client
from wagtail.models import Page

client = Client()
expected = set(os.environ.get("KIM_CMS_CI_LANGUAGES", "id en").split())
pages = Page.objects.live().public().filter(depth__gt=1).specific()
languages = set()
failures = []
for page in pages:
    url = page.get_url()
    if not url:
        continue
    response = client.get(url)
    languages.add(page.locale.language_code)
    if response.status_code != 200:
        failures.append(f"{response.status_code} {url}")
for path in os.environ.get("KIM_CMS_CI_KEEP", "").split():
    response = client.get(path)
    if response.status_code != 200:
        failures.append(f"{response.status_code} {path} (an address the site had)")
if failures or languages != expected:
    sys.exit(f"pages: {'; '.join(failures)} languages={sorted(languages)}")
print(f"ok: {pages.count()} live pages in {sorted(languages)} answer 200")
