"""factcheck: claim fact-checking and provenance for Korean news.

The pipeline, one module per step:

    ingest/reader.py     read a source file (encoding, front matter, HTML)
    nlp/sections.py      sentences with offsets and sections (spaCy component)
    nlp/claims.py        mentions and claims (spaCy component)
    resolve/             resolve organisations, groups and people across sources
    checks/              one module per consistency check -> findings
    report/              HTML, Markdown and JSON reports
    api.py               the library entry points the CLI calls
"""
__version__ = "0.1.0"
