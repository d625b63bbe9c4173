from django.urls import path

from sif.web.documents import portfolio_views, views

app_name = "documents"

urlpatterns = [
    path(
        "projekt/<int:pk>/dokument/<slug:kind>.<slug:fmt>", views.project_document, name="project"
    ),
    path("projekt/<int:pk>/dokument/<slug:kind>/texter", views.project_texts, name="texts"),
    path(
        "projekt/<int:pk>/dokument/<slug:kind>/forhandsvisning",
        views.project_preview,
        name="preview",
    ),
    path("portfolj/", portfolio_views.portfolio_index, name="portfolio_index"),
    path("fond/<int:pk>/portfolj", portfolio_views.portfolio_page, name="portfolio_page"),
    path("fond/<int:pk>/portfolj.<slug:fmt>", portfolio_views.portfolio_download, name="portfolio"),
]
