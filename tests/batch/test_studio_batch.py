"""The studio takes a batch file: each good row becomes a queued job in the list, each bad one
a line saying why; a row's text is one uploaded with the batch file, never a server path."""

from __future__ import annotations

import pytest

from digitales.batch.studio import jobs_html, queue_batch
from digitales.errors import UserError
from digitales.studio.jobs import JobQueue
from tests.conftest import RU_SHORT


@pytest.fixture
def queue(tmp_path):
    jobs = JobQueue(tmp_path / "out")  # not started: the jobs stay queued, nothing renders
    yield jobs
    jobs.close()


def test_rows_become_queued_jobs_and_bad_rows_say_why(tmp_path, queue):
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (uploads / "kolobok.txt").write_text(RU_SHORT, encoding="utf-8")
    (uploads / "tales.csv").write_text(
        "title,lang,text,minutes,video.height,voice.rate\n"
        "Колобок,ru,texts/kolobok.txt,,,\n"
        "Лиса и заяц,ru,,2,1080,\n"
        "Репка,ru,,,,0.9\n"
        "Теремок,ru,teremok.txt,,,\n"
        "Маша и медведь,klingon,,,,\n", encoding="utf-8")
    kept = []
    queued, problems = queue_batch(queue, [str(uploads / "tales.csv"), str(uploads / "kolobok.txt")],
                                   lambda path: kept.append(path) or path)
    assert len(queued) == 2 and kept == [str(uploads / "kolobok.txt")]
    assert [p.split(":")[0] for p in problems] == ["row 3 «Репка»", "row 4 «Теремок»", "row 5 «Маша и медведь»"]
    assert "digitales batch for 'voice.rate'" in problems[0] and "not uploaded" in problems[1] and "klingon" in problems[2]

    jobs = queue.list()
    assert [(j.request.title, j.status, j.folder) for j in jobs] == [("Колобок", "queued", "kolobok"),
                                                                     ("Лиса и заяц", "queued", "lisa-i-zayac")]
    assert jobs[0].request.text_file == str(uploads / "kolobok.txt") and jobs[0].request.minutes is None
    assert (jobs[1].request.minutes, jobs[1].request.height, jobs[1].request.lang) == (2.0, 1080, "ru")
    shown = jobs_html(jobs)
    assert shown.count("data-status='queued'") == 2 and "Лиса и заяц" in shown


def test_one_batch_file_is_needed(tmp_path, queue):
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    with pytest.raises(UserError, match="one batch file"):
        queue_batch(queue, [str(tmp_path / "a.txt")], lambda path: path)
