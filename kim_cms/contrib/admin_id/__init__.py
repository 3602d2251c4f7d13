"""Indonesian for the Wagtail and wagtail-localize messages that editors,
moderators and translators meet and that upstream leaves in English.

``sources/<app>.<domain>.po`` hold the translations, one file per upstream
catalogue; ``manage.py kim_cms_admin_id_build`` merges them into
``locale/id/LC_MESSAGES`` and ``manage.py kim_cms_admin_id_coverage`` measures
how much of the installed Wagtail they cover.
"""
