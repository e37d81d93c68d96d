"""Reading sources: bytes on disk -> normalised text + metadata."""
