"""Who is who across sources: organisations, groups and people."""
