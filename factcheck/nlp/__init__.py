"""spaCy side of the pipeline: sentences with sections, then claims."""
