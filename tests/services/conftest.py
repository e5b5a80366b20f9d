"""The services' tests reuse the local web server and the example story of the web readers' tests."""

from tests.io.web.conftest import seed_text, site  # noqa: F401  (fixtures)
