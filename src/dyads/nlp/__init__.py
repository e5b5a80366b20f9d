"""The spaCy side: loading the pipeline, its cached components, text helpers (quotation marks)."""
