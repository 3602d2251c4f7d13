"""Assert the wheel ships templates, static files and compiled catalogues, and
no tests package."""

import sys
import zipfile

names = zipfile.ZipFile(sys.argv[1]).namelist()
problems = []
for required in [
    "kim_cms/templates/kim_cms/base.html",
    "kim_cms/templates/kim_cms/standalone_base.html",
    "kim_cms/templates/kim_cms/pages/kim_portal_page.html",
    "kim_cms/static/kim_cms/css/kim_cms.css",
    "kim_cms/locale/id/LC_MESSAGES/django.mo",
    "kim_cms/locale/en/LC_MESSAGES/django.mo",
    "kim_cms/locale/id/LC_MESSAGES/django.po",
    "kim_cms/migrations/0001_initial.py",
    "kim_cms/outputs/schemas/CAP-v1.2.xsd",
    "kim_cms/contrib/admin_id/locale/id/LC_MESSAGES/django.mo",
    "kim_cms/contrib/admin_id/locale/id/LC_MESSAGES/djangojs.mo",
    "kim_cms/contrib/admin_id/static/kim_cms_admin_id/js/catalogue.js",
]:
    if required not in names:
        problems.append(f"missing from the wheel: {required}")
for name in names:
    top = name.split("/")[0]
    if top in {"tests", "demo"}:
        problems.append(f"the wheel must not ship {name}")
    if name.endswith((".pyc", ".sqlite3")):
        problems.append(f"stray file in the wheel: {name}")
if problems:
    sys.exit("\n".join(sorted(set(problems))))
print(f"wheel ok: {len(names)} files")
