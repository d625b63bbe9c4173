"""Who may see and do what: municipalities, their organisation tree and each user's roles in them.

A user's access is the set of their memberships; each membership is one role in one municipality,
optionally narrowed to one organisation unit and the units below it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Municipality(models.Model):
    """A kommun or region. Its data is invisible to every other municipality."""

    code = models.SlugField(_("kod"), max_length=40, unique=True)
    name = models.CharField(_("namn"), max_length=200)

    class Meta:
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class UnitKind(models.TextChoices):
    BOARD = "namnd", _("nämnd")
    ADMINISTRATION = "forvaltning", _("förvaltning")
    DISTRICT_ADMINISTRATION = "stadsdelsforvaltning", _("stadsdelsförvaltning")
    DEPARTMENT = "avdelning", _("avdelning")
    UNIT = "enhet", _("enhet")
    EXTERNAL = "extern", _("extern part")


class OrgUnit(models.Model):
    """A node of the municipality's organisation tree (nämnd > förvaltning > avdelning > enhet)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="units", verbose_name=_("kommun")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("överordnad enhet"),
    )
    kind = models.CharField(_("typ"), max_length=30, choices=UnitKind.choices)
    name = models.CharField(_("namn"), max_length=200)
    short_name = models.CharField(_("kortnamn"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("organisationsenhet")
        verbose_name_plural = _("organisationsenheter")
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "parent", "name"], name="unit_name_unique_under_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list[OrgUnit]:
        chain: list[OrgUnit] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain

    def is_within(self, other: OrgUnit) -> bool:
        """True when this unit is `other` or lies below it in the tree."""
        return self.pk == other.pk or any(a.pk == other.pk for a in self.ancestors())


class Role(models.TextChoices):
    FUND_ADMIN = "fund_admin", _("fondförvaltare")
    APPLICANT = "applicant", _("sökande / projektledare")
    REPORTER = "reporter", _("rapportör")
    REVIEWER = "reviewer", _("granskare")
    READER = "reader", _("läsare")
    MUNICIPALITY_ADMIN = "municipality_admin", _("kommunadministratör")


class Membership(models.Model):
    """One role of one user in one municipality, optionally limited to a unit and its subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("användare"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("kommun")
    )
    unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("enhet"),
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("behörighet")
        verbose_name_plural = _("behörigheter")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality", "unit", "role"], name="membership_unique"
            ),
        ]

    def __str__(self) -> str:
        scope = self.unit.name if self.unit else self.municipality.name
        return f"{self.user} – {self.get_role_display()} ({scope})"
