"""Documents made by the worker: the download link orders a job, the job page shows the progress,
`sif worker` makes the file, the page then links it; only the user who ordered it gets it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sif.web.tasks.models import DocumentJob, JobState
from tests.web.builders import make_project_with_application as make_project


@pytest.fixture
def background(settings: Any, tmp_path: Any) -> None:
    settings.DOCUMENTS_IN_BACKGROUND = True
    settings.MEDIA_ROOT = tmp_path / "media"


def run_queued_tasks() -> int:
    """What `sif worker` does with each queued task, in this process and transaction (the worker
    command itself closes the connection, which the test database cannot survive on PostgreSQL;
    tests/web/ops/test_production_server.py runs the real worker process)."""
    from django_tasks_db.models import DBTaskResult

    queued = list(DBTaskResult.objects.filter(status="READY"))
    for result in queued:
        task = result.task
        task.call(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
    return len(queued)


def test_the_application_pdf_is_made_by_the_worker_and_linked_when_ready(
    client: Client, world: Any, background: None, django_capture_on_commit_callbacks: Any
) -> None:
    project = make_project(world.fund, world.unit_a)
    client.force_login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        ordered = client.get(f"/projekt/{project.pk}/dokument/ansokan.pdf")
    assert ordered.status_code == 303
    job = DocumentJob.objects.get()
    page = client.get(ordered["Location"])
    assert "står i kö" in page.content.decode()
    assert page["Refresh"] == "2"

    assert run_queued_tasks() == 1
    job.refresh_from_db()
    assert job.state == JobState.DONE and job.seconds is not None
    page = client.get(ordered["Location"]).content.decode()
    assert "Dokumentet är klart" in page and "Ladda ner ansokan-" in page
    download = client.get(f"/dokumentjobb/{job.pk}/fil")
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_second_click_follows_the_same_job(client: Client, world: Any, background: None) -> None:
    project = make_project(world.fund, world.unit_a)
    client.force_login(world.admin)
    first = client.get(f"/projekt/{project.pk}/dokument/ansokan.xlsx")["Location"]
    assert client.get(f"/projekt/{project.pk}/dokument/ansokan.xlsx")["Location"] == first
    assert DocumentJob.objects.count() == 1


def test_another_user_cannot_see_the_job_or_its_file(
    client: Client, world: Any, background: None
) -> None:
    project = make_project(world.fund, world.unit_a)
    client.force_login(world.admin)
    url = client.get(f"/projekt/{project.pk}/dokument/ansokan.xlsx")["Location"]
    job = DocumentJob.objects.get()
    other = Client()
    other.force_login(world.reviewer)
    assert other.get(url).status_code == 404
    assert other.get(f"/dokumentjobb/{job.pk}/fil").status_code == 404


def test_another_municipalitys_project_is_not_ordered(
    client: Client, world: Any, background: None
) -> None:
    project = make_project(world.malmo_fund, world.malmo_unit)
    client.force_login(world.admin)
    assert client.get(f"/projekt/{project.pk}/dokument/ansokan.pdf").status_code == 404
    assert DocumentJob.objects.count() == 0


def test_the_portfolio_pdf_is_made_by_the_worker_with_the_pages_filters(
    client: Client, world: Any, background: None, django_capture_on_commit_callbacks: Any
) -> None:
    make_project(world.fund, world.unit_a)
    client.force_login(world.admin)
    query = f"status=application_step1&enhet={world.unit_a.pk}&ar=2021"
    with django_capture_on_commit_callbacks(execute=True):
        ordered = client.get(f"/fond/{world.fund.pk}/portfolj.pdf?{query}")
    assert ordered.status_code == 303
    job = DocumentJob.objects.get()
    assert job.fund == world.fund and job.project is None
    assert job.filters == {
        "states": ["application_step1"],
        "unit_id": world.unit_a.pk,
        "year": 2021,
    }
    assert run_queued_tasks() == 1
    job.refresh_from_db()
    assert job.state == JobState.DONE and job.filename == f"portfolj-{world.fund.pk}.pdf"
    assert b"".join(client.get(f"/dokumentjobb/{job.pk}/fil").streaming_content).startswith(b"%PDF")
    # the spreadsheet is made in the request, as it takes a fraction of a second
    sheet = client.get(f"/fond/{world.fund.pk}/portfolj.xlsx?{query}")
    assert sheet.status_code == 200 and DocumentJob.objects.count() == 1


def test_document_links_open_the_job_page_instead_of_saving_it_as_a_file(
    client: Client, world: Any, background: None
) -> None:
    """A link with the `download` attribute would save the job page (HTML) under the document's
    name; the file's own link on the job page is the one that downloads."""
    import re

    project = make_project(world.fund, world.unit_a)
    client.force_login(world.admin)
    pages = [
        client.get(f"/projekt/{project.pk}/").content.decode(),
        client.get(f"/fond/{world.fund.pk}/portfolj").content.decode(),
    ]
    links = [a for page in pages for a in re.findall(r"<a [^>]*(?:dokument|portfolj)[^>]*>", page)]
    assert any(".pdf" in a for a in links)
    assert [a for a in links if re.search(r"\.(pdf|docx)", a) and " download" in a] == []
