from django.urls import path

from sif.web.followup import views

app_name = "followup"

urlpatterns = [
    path("projekt/<int:pk>/uppfoljning/", views.overview, name="overview"),
    path("projekt/<int:pk>/uppfoljning/export.xlsx", views.export, name="export"),
    path("projekt/<int:pk>/uppfoljning/indikatorer/", views.indicators, name="indicators"),
    path(
        "projekt/<int:pk>/uppfoljning/indikatorer/<int:indicator_id>/",
        views.indicators,
        name="indicator",
    ),
    path(
        "projekt/<int:pk>/uppfoljning/indikatorer/<int:indicator_id>/ta-bort/",
        views.indicator_delete,
        name="indicator_delete",
    ),
    path("projekt/<int:pk>/uppfoljning/perioder/ny/", views.period_new, name="period_new"),
    path(
        "projekt/<int:pk>/uppfoljning/perioder/<int:period_id>/stang/",
        views.period_close,
        name="period_close",
    ),
    path(
        "projekt/<int:pk>/uppfoljning/perioder/<int:period_id>/enhet/<int:unit_id>/",
        views.report_form,
        name="report",
    ),
    path(
        "projekt/<int:pk>/uppfoljning/perioder/<int:period_id>/mall.xlsx",
        views.template_download,
        name="template",
    ),
    path(
        "projekt/<int:pk>/uppfoljning/perioder/<int:period_id>/ladda-upp/",
        views.upload,
        name="upload",
    ),
    path(
        "projekt/<int:pk>/uppfoljning/perioder/<int:period_id>/ladda-upp/bekrafta/",
        views.upload_confirm,
        name="upload_confirm",
    ),
    path(
        "projekt/<int:pk>/uppfoljning/perioder/<int:period_id>/status/<int:unit_id>/",
        views.status_report,
        name="status_report",
    ),
    path(
        "projekt/<int:pk>/uppfoljning/statusrapporter/<int:report_id>/granska/",
        views.status_report_review,
        name="status_review",
    ),
    path("projekt/<int:pk>/uppfoljning/aktiviteter/", views.activity_types, name="activity_types"),
    path(
        "projekt/<int:pk>/uppfoljning/aktiviteter/<int:activity_id>/",
        views.activity_types,
        name="activity_type",
    ),
    path(
        "projekt/<int:pk>/uppfoljning/spindel/ny/",
        views.spider_instrument_new,
        name="spider_instrument_new",
    ),
    path(
        "projekt/<int:pk>/uppfoljning/spindel/<int:instrument_id>/enhet/<int:unit_id>/",
        views.spider_form,
        name="spider",
    ),
]
