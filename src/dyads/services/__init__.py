"""Services above the store and the runner: ingest (read, code, store) and watch (feeds into a store)."""
