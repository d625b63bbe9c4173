from django.urls import path

from sif.web.followup import (
    chart_images,
    export_views,
    overview,
    setup_views,
    spider_views,
    views,
)

app_name = "followup"

urlpatterns = [
    path("projekt/<int:pk>/uppfoljning/", overview.overview, name="overview"),
    path("projekt/<int:pk>/uppfoljning/export.xlsx", export_views.export, name="export"),
    path("projekt/<int:pk>/uppfoljning/diagram/<str:token>", chart_images.chart, name="chart"),
    path("projekt/<int:pk>/uppfoljning/indikatorer/", setup_views.indicators, name="indicators"),
    path(
        "projekt/<int:pk>/uppfoljning/indikatorer/<int:indicator_id>/",
        setup_views.indicators,
        name="indicator",
    ),
    path(
        "projekt/<int:pk>/uppfoljning/indikatorer/<int:indicator_id>/ta-bort/",
        setup_views.indicator_delete,
        name="indicator_delete",
    ),
    path("projekt/<int:pk>/uppfoljning/perioder/ny/", setup_views.period_new, name="period_new"),
    path(
        "projekt/<int:pk>/uppfoljning/perioder/<int:period_id>/stang/",
        setup_views.period_close,
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
    path(
        "projekt/<int:pk>/uppfoljning/aktiviteter/",
        setup_views.activity_types,
        name="activity_types",
    ),
    path(
        "projekt/<int:pk>/uppfoljning/aktiviteter/<int:activity_id>/",
        setup_views.activity_types,
        name="activity_type",
    ),
    path(
        "projekt/<int:pk>/uppfoljning/spindel/ny/",
        spider_views.spider_instrument_new,
        name="spider_instrument_new",
    ),
    path(
        "projekt/<int:pk>/uppfoljning/spindel/<int:instrument_id>/enhet/<int:unit_id>/",
        spider_views.spider_form,
        name="spider",
    ),
]
