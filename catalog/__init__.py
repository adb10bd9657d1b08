"""The Social Credit claim catalog: load, check, enrich and render claims and sources.

Where things happen: loader.py reads YAML with positions, pipeline.py checks it against the
contract in contract.py, models.py links the records, site.py lists the files the site
publishes, claim_pages.py and listings.py turn records into Markdown, and mkdocs_hook.py hands
the manifest to MkDocs. README.md has the full map.
"""
