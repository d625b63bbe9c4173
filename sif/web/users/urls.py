"""Password reset and set by e-mail link (Django's views, Swedish templates), users management."""

from django.contrib.auth import views as auth_views
from django.urls import path

from sif.web.users import views

urlpatterns = [
    path(
        "losenord/glomt/",
        auth_views.PasswordResetView.as_view(
            template_name="users/password_reset_form.html",
            email_template_name="users/email/password_reset.txt",
            subject_template_name="users/email/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "losenord/skickat/",
        auth_views.PasswordResetDoneView.as_view(template_name="users/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "losenord/nytt/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(template_name="users/password_set.html"),
        name="password_reset_confirm",
    ),
    path(
        "losenord/klart/",
        auth_views.PasswordResetCompleteView.as_view(template_name="users/password_set_done.html"),
        name="password_reset_complete",
    ),
    path("anvandare/", views.user_list, name="users_list"),
    path("anvandare/bjud-in/", views.user_invite, name="users_invite"),
    path("anvandare/<int:user_id>/", views.user_detail, name="users_detail"),
    path(
        "anvandare/<int:user_id>/roll/<int:membership_id>/ta-bort/",
        views.membership_remove,
        name="users_membership_remove",
    ),
    path("anvandare/<int:user_id>/aktiv/", views.user_active, name="users_active"),
]
