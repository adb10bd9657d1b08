"""The Social Credit claim catalog: load, check, enrich and render claims and sources.

Where things happen: loader.py reads YAML with positions, checks.py checks it against the
contract in contract.py, models.py links the records, render.py turns them into Markdown, and
mkdocs_hook.py serves the rendered pages to MkDocs.
"""
