"""The e-mails SIF sends: invitation, reminders. Texts are Swedish templates; links use SIF_BASE_URL
because a worker or the daily reminder run has no request to take the address from."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def password_link(user: Any) -> str:
    """A one-time link where the user sets a password (Django's reset token: valid three days,
    void once the password has changed)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.BASE_URL + reverse(
        "password_reset_confirm", kwargs={"uidb64": uid, "token": token}
    )


def send_template(to: list[str], template: str, context: dict[str, Any]) -> int:
    context = {**context, "base_url": settings.BASE_URL}
    subject = render_to_string(f"users/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"users/email/{template}.txt", context)
    return send_mail(subject, body, None, to)


def send_invitation(user: Any, municipality: Any, invited_by: Any) -> int:
    return send_template(
        [user.email],
        "invitation",
        {
            "user": user,
            "municipality": municipality.name,
            "invited_by": invited_by.get_full_name() or invited_by.get_username(),
            "link": password_link(user),
        },
    )
