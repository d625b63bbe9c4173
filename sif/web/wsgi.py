"""The WSGI application gunicorn serves (`sif serve`): static files by WhiteNoise's middleware.

The URL configuration (and with it every view module, matplotlib and WeasyPrint) is imported here,
so that with `gunicorn --preload` the workers fork with it loaded and the first request is not slow.
"""

import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sif.web.settings")
application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018 - imports the views now, not in the first request
