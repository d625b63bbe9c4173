from django.urls import path

from sif.web.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<str:batch_id>/", views.batch_detail, name="batch"),
    path("<str:batch_id>/<int:index>/", views.review, name="review"),
]
