from django.urls import path

from sif.web.projects import views

app_name = "projects"

urlpatterns = [
    path("projekt/", views.project_list, name="list"),
    path("projekt/nytt/", views.project_create, name="create"),
    path("projekt/<int:pk>/", views.project_detail, name="detail"),
    path("projekt/<int:pk>/redigera/", views.project_edit, name="edit"),
    path("projekt/<int:pk>/budget/", views.project_budget, name="budget"),
    path("projekt/<int:pk>/ansokan/<str:kind>/", views.project_application, name="application"),
    path("projekt/<int:pk>/granskning/", views.project_review, name="review"),
    path("projekt/<int:pk>/beslut/", views.project_decision, name="decision"),
    path("projekt/<int:pk>/status/", views.project_transition, name="transition"),
    path("projekt/<int:pk>/avslut/", views.project_closing, name="closing"),
]
