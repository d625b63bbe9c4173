from django.urls import path

from sif.web.tasks import views

app_name = "tasks"

urlpatterns = [
    path("dokumentjobb/<uuid:job_id>/", views.document_status, name="document"),
    path("dokumentjobb/<uuid:job_id>/fil", views.document_file, name="document_file"),
]
