from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from sif.web.ops import views as ops_views

urlpatterns = [
    path("healthz", ops_views.healthz, name="healthz"),
    path("readyz", ops_views.readyz, name="readyz"),
    path("logga-in/", auth_views.LoginView.as_view(), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("sif.web.users.urls")),
    path("oidc/", include("mozilla_django_oidc.urls")),
    path("", include("sif.web.tasks.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("sif.web.api")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", RedirectView.as_view(pattern_name="projects:list", permanent=False), name="home"),
    path("import/", include("sif.web.imports.urls")),
    path("", include("sif.web.projects.urls")),
    path("", include("sif.web.followup.urls")),
    path("", include("sif.web.calculations.urls")),
    path("", include("sif.web.documents.urls")),
    path("", include("sif.web.ledger.urls")),
    path("", include("sif.web.tokens.urls")),
    path("", include("sif.web.public.urls")),
]
