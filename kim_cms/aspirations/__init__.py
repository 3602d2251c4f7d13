"""Aspirations (aspirasi dan pengaduan): citizens write to Diskominfo, which
forwards each message to the office (OPD) responsible and answers it.

- ``models``: ``Aspiration``, one submission with its status, OPD and reply;
  personal fields (name, contact) kept apart so they can be erased.
- ``forms``: the citizen's form, with a honeypot and a signed time token.
- ``abuse``: the per-client rate limit through Django's cache.
- ``access``: who may see personal data (Diskominfo moderators only).
- ``views``: the submit endpoint (the form page itself sets no cookie).
"""
