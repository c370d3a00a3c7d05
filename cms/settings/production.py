"""Production: base.py is already production-safe; this only tightens what HTTPS allows."""

from .base import *

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
