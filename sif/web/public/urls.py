from django.urls import path

from sif.web.public import views

app_name = "public"
urlpatterns = [
    path("oppet/", views.fund_list, name="funds"),
    path("oppet/datadefinitioner/", views.dictionary, name="dictionary"),
    path("oppet/fond/<int:pk>/", views.fund_page, name="fund"),
    path("oppet/fond/<int:pk>/projekt.csv", views.projects_csv, name="projects_csv"),
    path("oppet/fond/<int:pk>/uppfoljning.csv", views.followup_csv, name="followup_csv"),
    path("oppet/fond/<int:pk>/saldo.csv", views.balance_csv, name="balance_csv"),
    path("oppet/fond/<int:pk>/data.json", views.fund_json, name="json"),
    path("fond/<int:pk>/publicering/", views.publishing, name="publishing"),
]
