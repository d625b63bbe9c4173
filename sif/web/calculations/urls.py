from django.urls import path

from sif.web.calculations import views

app_name = "calculations"

urlpatterns = [
    path("projekt/<int:pk>/kalkyl/", views.calculation_detail, name="detail"),
    path(
        "projekt/<int:pk>/kalkyl/version/<int:version>/", views.calculation_version, name="version"
    ),
    path("projekt/<int:pk>/kalkyl/monte-carlo/", views.monte_carlo_wait, name="monte_carlo_wait"),
    path("projekt/<int:pk>/kalkyl/ny/", views.calculation_edit, name="edit"),
    path("projekt/<int:pk>/kalkyl/ny/avancerat/", views.calculation_advanced, name="advanced"),
    path("kalkyl/enhetskostnader/", views.unit_cost_catalogue, name="catalogue"),
]
