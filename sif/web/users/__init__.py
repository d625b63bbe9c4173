"""Users in the app: invitations, roles and units given by the municipality's administrator,
password set and reset by e-mail link, deactivation, reminders and sign-in with the municipality's
identity provider (OpenID Connect)."""
