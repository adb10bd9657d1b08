"""Where the project lives and what mkdocs.yml says: the repository root (this package sits in
it) and the settings the scripts read (site_url, extra.repository, the nav)."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


class _SettingsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring its Python tags (such as the slugify function)."""


_SettingsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_SettingsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def mkdocs_settings(root: Path = ROOT) -> dict:
    """mkdocs.yml as a dict: site_url, extra.repository and the nav are read from it."""
    return yaml.load((Path(root) / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_SettingsLoader)
