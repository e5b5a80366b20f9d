"""Inputs and outputs of articles: readers (files, stdin), the flat row of an event, the web
(HTML pages, WARC files, feeds, polite HTTP)."""
