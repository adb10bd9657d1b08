"""Tools around the site, not part of it: a static file server and a Chromium launcher for the
browser tests and benchmarks, the synthetic catalog and page-weight probe the benchmark uses, and
the link checker the weekly workflow runs (the only tool that needs the network)."""
