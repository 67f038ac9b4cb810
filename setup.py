"""Only for tools that still call ``setup.py`` (scrapyd-deploy builds its egg with it).

Everything, including the ``scrapy`` entry point scrapyd needs, is in pyproject.toml.
"""

from setuptools import setup

setup()
