from django.urls import path

from sif.web.ledger import views

app_name = "ledger"

urlpatterns = [
    path("fond/", views.fund_index, name="index"),
    path("fond/<int:pk>/", views.fund_overview, name="overview"),
    path("fond/<int:pk>/bokforing/", views.fund_ledger, name="ledger"),
    path("fond/<int:pk>/bokforing/<int:entry_id>/rattelse/", views.entry_correct, name="correct"),
    path("projekt/<int:pk>/aterbetalning/", views.project_repayment, name="repayment"),
    path("projekt/<int:pk>/aterbetalning/overenskommelse/", views.agreement_save, name="agreement"),
    path(
        "projekt/<int:pk>/aterbetalning/boka-beslut/<int:decision_id>/",
        views.decision_book,
        name="book_decision",
    ),
]
