"""kim-cms: a Wagtail app for the portals of KIM groups of Indonesian districts."""

__version__ = "0.1.0"
