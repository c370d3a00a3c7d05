"""Production: base.py is already production-safe; this only tightens what HTTPS allows."""

import os
import sys

from django.core.exceptions import ImproperlyConfigured

from cms.shared_cache import local_cache_refusal, serving_workers

from .base import *

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# The one switch to flip once HTTPS is certain for this host name (README, "Production notes"):
# browsers then refuse plain HTTP to it for this many seconds, with no way back meanwhile.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)

# --- Cache: one shared by every worker (cms/shared_cache.py) ---------------------------------
# System checks do not run under gunicorn, so the refusal is made here, where every worker
# loads its settings: a worker that cannot boot stops gunicorn.
_local_cache_refusal = local_cache_refusal(
    CACHES, serving_workers(os.environ, sys.argv), allowed=CMS_ALLOW_LOCAL_CACHE
)
if _local_cache_refusal:
    raise ImproperlyConfigured(_local_cache_refusal)
