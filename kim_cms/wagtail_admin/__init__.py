"""The admin side: roles and the "KIM review" workflow (``roles``, kept in
step by ``signals``), what the admin shows of pages a user may not edit
(``reads``), the dashboard panels (``panels``), translation status
(``translation_status``), the reports and their spreadsheets (``views``),
and Wagtail's messages in Indonesian (``wagtail_strings``).

Named ``wagtail_admin``, not ``admin``: Django imports ``<app>.admin`` of
every installed app itself.
"""
