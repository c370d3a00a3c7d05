"""Production: base.py is already production-safe; this only tightens what HTTPS allows."""

from .base import *

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# The one switch to flip once HTTPS is certain for this host name (README, "Production notes"):
# browsers then refuse plain HTTP to it for this many seconds, with no way back meanwhile.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
