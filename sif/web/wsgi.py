"""The WSGI application gunicorn serves (`sif serve`): static files by WhiteNoise's middleware.

The URL configuration (and with it every view module, matplotlib and WeasyPrint) is imported here,
so that with `gunicorn --preload` the workers fork with it loaded and the first request is not slow.
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sif.web.settings")
application = get_wsgi_application()

from sif.web.core.warmup import warm_up  # noqa: E402 - needs the application's settings

warm_up()  # imports the views, builds the URL tables, compiles the templates: not in a request

# Everything imported so far lives as long as the process: move it out of the garbage collector's
# reach. A full collection walked these ~210 000 objects in 120-140 ms of CPU (300-550 ms on a
# loaded machine) about every 15 requests, which set the p95 of light pages (the demo's project
# list: p50 28 ms, p95 ~200 ms); with them frozen one takes under a millisecond. With --preload
# the workers fork with the frozen objects, which also keeps their memory pages shared.
gc.freeze()
