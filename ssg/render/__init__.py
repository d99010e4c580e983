"""Render: the theme (search path, inheritance, one Jinja environment) and the pages.

theme = load_theme(config)               # parses every template; SsgError on a syntax error
jobs = plan_pages(site, config, theme)   # pure: one RenderJob per HTML page
html = render_job(theme, jobs[0])        # bytes; SsgError naming template file:line
files = theme_assets(theme)              # [Asset(path, data)], CSS/JS fingerprinted
"""

from ssg.render.assets import Asset, theme_assets
from ssg.render.pages import RenderJob, plan_pages, render_job
from ssg.render.plan_cache import PlanCache
from ssg.render.theme import Theme, load_theme

__all__ = ["Asset", "PlanCache", "RenderJob", "Theme", "load_theme", "plan_pages", "render_job", "theme_assets"]
