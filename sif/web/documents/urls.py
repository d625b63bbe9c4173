from django.urls import path

from sif.web.documents import views

app_name = "documents"

urlpatterns = [
    path(
        "projekt/<int:pk>/dokument/<slug:kind>.<slug:fmt>", views.project_document, name="project"
    ),
    path("fond/<int:pk>/portfolj.<slug:fmt>", views.fund_portfolio, name="portfolio"),
]
