"""Reports: HTML (one self-contained file), Markdown and JSON, same content."""
