"""The writer of the load test: publishes a new revision of the page that
the readers fetch, again and again, until the time is up.

    python bench/publish.py SECONDS PAGE_ID
"""

import os
import sys
import time

import django


def main(seconds, page_id):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
    django.setup()
    from wagtail.models import Page

    page = Page.objects.get(pk=page_id).specific
    base_summary = page.summary
    deadline = time.monotonic() + seconds
    published = 0
    while time.monotonic() < deadline:
        page.refresh_from_db()
        page.summary = f"{base_summary} ({published + 1})"[:400]
        page.save_revision().publish()
        published += 1
        time.sleep(0.1)
    page.summary = base_summary
    page.save_revision().publish()
    print(f"writer: {published} revisions published in {seconds} s")


if __name__ == "__main__":
    main(float(sys.argv[1]), int(sys.argv[2]))
