"""The web studio: a Gradio page (and API) over the job queue.

The page writes a tale from its title for the user to read and edit, submits a job (for the
edited text, or for everything at once) and polls it once a second; the job id and the edited
text live in the browser's local storage, so a reload finds both again. A made tale lists its
scenes, each with Redraw: the same job again with that scene's pictures drawn anew. The page speaks Russian
or English (ui_text.py). Files are served only from inside the output root. No analytics,
no fonts or scripts from other hosts.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import uuid
from pathlib import Path
from typing import Any, Callable

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported: no calls home
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import gradio as gr  # noqa: E402

from digitales.batch.studio import jobs_html, queue_batch  # noqa: E402
from digitales.draft import Draft, write_draft  # noqa: E402
from digitales.errors import UserError  # noqa: E402
from digitales.plot.genres import GENRES  # noqa: E402
from digitales.studio.jobs import FINISHED, Job, JobQueue, Request  # noqa: E402
from digitales.studio.tales import earlier_tales, tale_files, tale_folder  # noqa: E402
from digitales.studio.ui_text import TEXT, cli_message, named_choices, page_language, say, voice_words  # noqa: E402
from digitales.text.source import HEADING, SCENE_MARK, empty_scene, strip_markdown  # noqa: E402

MAX_TEXT_BYTES = 1 << 20  # 1 MB of tale text
MAX_MUSIC_BYTES = 50 << 20
MAX_UPLOAD = "60mb"  # Gradio refuses anything bigger before it reaches us
# System fonts only: Gradio's default theme would fetch its fonts from Google.
THEME = gr.themes.Default(font=["ui-sans-serif", "system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])


def usable_backends(stage_name: str) -> list[str]:
    """The backends `doctor` finds working here, for one stage."""
    from digitales.pipeline import GRAPH

    stage = next(s for s in GRAPH if s.name == stage_name)
    return [name for name, backend in stage.backends.items() if backend.problem() is None]


def keep_upload(queue: JobQueue, path: str | None, limit: int, what: str) -> str | None:
    """Copy an upload where the job can still find it when its turn comes; refuse it if too big."""
    if not path:
        return None
    size = Path(path).stat().st_size
    if size > limit:
        raise UserError(f"the {what} is {size / (1 << 20):.1f} MB; the limit is {limit / (1 << 20):.0f} MB")
    folder = queue.out / ".studio" / "uploads" / uuid.uuid4().hex[:12]
    folder.mkdir(parents=True)
    kept = folder / Path(path).name
    shutil.copyfile(path, kept)
    return str(kept)


def keep_text(queue: JobQueue, text: str) -> str:
    """Save a tale's text (pasted, edited or sent to the API) where the job will find it."""
    folder = queue.out / ".studio" / "uploads" / uuid.uuid4().hex[:12]
    folder.mkdir(parents=True)
    path = folder / "text.md"  # Markdown: a written tale's title heading and scene rules are read as such
    path.write_text(text, encoding="utf-8")
    return str(path)


def text_problem(text: str | None, lang: str) -> str | None:
    """Why an edited or pasted text cannot be made into a tale, in the page's language; None if it can."""
    if not text or not re.search(r"\w", strip_markdown(text)):
        return say("empty_text", lang)
    size = len(text.encode())
    if size > MAX_TEXT_BYTES:
        return say("long_text", lang, size=size / (1 << 20))
    marked = strip_markdown(text, heading=HEADING)
    if SCENE_MARK in marked and (n := empty_scene(marked)):
        return say("empty_scene", lang, scene=n)
    return None


def made_scenes(queue: JobQueue, job: Job) -> list[dict]:
    """The scenes of a job's finished tale, for the page's Redraw rows: number, first picture, first words."""
    manifest = tale_folder(queue.out, job.folder) / "manifest.json" if job.folder else None
    if manifest is None or not manifest.is_file():
        return []
    folder = manifest.parent
    scenes = json.loads(manifest.read_text(encoding="utf-8")).get("scenes", [])
    return [{"index": s["index"], "image": str(folder / s["images"][0]["path"]) if s.get("images") else None,
             "text": " ".join(s.get("text", "").split())} for s in scenes]


def redraw_request(queue: JobQueue, job_id: str, scene: int) -> Request:
    """The request of a made tale's job once more, with `scene`'s pictures drawn anew one more time."""
    job = queue.get(job_id)
    count = len(made_scenes(queue, job))
    if not count:
        raise UserError(f"the tale of job {job_id} is not made yet: redraw a scene once it is")
    if not 1 <= scene <= count:
        raise UserError(f"there is no scene {scene} to redraw: the tale has {count} scenes")
    redraw = {int(n): times for n, times in (job.request.redraw or {}).items()}
    redraw[scene] = redraw.get(scene, 0) + 1
    return Request(**{**vars(job.request), "redraw": redraw, "until": None})


def progress_html(job: Job, lang: str = "en") -> str:
    from digitales.pipeline import STAGES

    rows = []
    for stage in STAGES:
        entry = job.stages.get(stage)
        if entry is None:
            state, detail = "waiting", ""
        elif entry["seconds"] is not None:
            state, detail = entry["state"], say("seconds", lang, seconds=entry["seconds"])
        else:
            share = f"{100 * entry['done'] / entry['total']:.0f}%" if entry["total"] else ""
            state, detail = "working", share
        backend = entry["backend"] if entry else ""
        rows.append(f"<tr data-stage='{stage}' data-state='{state}'><td>{say('stage_' + stage, lang, stage)}</td><td>{backend}</td>"
                    f"<td>{say('status_' + state, lang, state)}</td><td>{detail}</td></tr>")
    return (f"<div id='job' data-status='{job.status}'><p>{say('job', lang)} <code>{job.id}</code>: "
            f"<b>{say('status_' + job.status, lang, job.status)}</b></p><table><tr><th>{say('stage', lang)}</th>"
            f"<th>{say('backend', lang)}</th><th>{say('state', lang)}</th><th></th></tr>" + "".join(rows) + "</table></div>")


def cast_html(draft: Draft, lang: str) -> str:
    """Who is in the written tale, how they look and the voice that speaks each; the premise where the plan has one."""
    items = "".join(f"<li data-name='{html.escape(c.name)}'><b>{html.escape(c.name)}</b>"
                    + (f" — {html.escape(c.look)}" if c.look else "")
                    + f"<br><small>{say('cast_voice', lang)}: {html.escape(voice_words(c.voice, lang))}</small></li>"
                    for c in draft.cast if c.role != "narrator")
    narrator = voice_words(next((c.voice for c in draft.cast if c.role == "narrator"), ""), lang)

    def shown(key: str, value) -> str:  # a goal is a word of the plan's (seek): said in the page's language
        values = value if isinstance(value, list) else [value]
        return ", ".join(say(f"goal_{v}", lang, str(v)) if key == "goal" else str(v) for v in values)

    premise = "".join(f"<li>{say('premise_' + k, lang)}: {html.escape(shown(k, v))}</li>"
                      for k, v in draft.premise.items() if f"premise_{k}" in TEXT)
    return (f"<div id='cast-list'><h3>{say('cast', lang)}</h3><ul>{items}</ul>"
            f"<p><small>{say('narrator', lang)}: {html.escape(narrator)}</small></p>"
            + (f"<h3>{say('premise', lang)}</h3><ul>{premise}</ul>" if premise else "") + "</div>")


def build(queue: JobQueue) -> gr.Blocks:
    genres = list(GENRES)

    def error(message: str, ui: str) -> str:
        return say("error", ui, message=cli_message(message, ui))

    def submit(title, text, music_file, genre, lang, minutes, aspect, height, voice, picture, music, read_along, ui):
        try:
            request = Request(title=title or "", genre=genre, lang=lang, minutes=float(minutes), aspect=aspect, height=int(height),
                              voice=None if voice in (None, "", "auto") else voice, picture=picture or None,
                              music=music or None, read_along=bool(read_along))
            request.text_file = keep_upload(queue, text, MAX_TEXT_BYTES, "text file")
            request.music_file = keep_upload(queue, music_file, MAX_MUSIC_BYTES, "music file")
            if request.music_file:
                request.music = "file"  # an uploaded tune is what the user wants under the tale
            job = queue.submit(request)
        except UserError as e:
            return gr.skip(), error(str(e), ui)
        return job.id, say("queued", ui, job=job.id)

    def write(title, genre, lang, minutes, seed, ui):
        """The tale written from the title with `seed`; the text box keeps what it had on a bad input."""
        try:
            settings = queue.settings_for(Request(title=title or "", genre=genre, lang=lang, minutes=float(minutes), seed=int(seed)))
            draft = write_draft(title or "", settings, with_cast=True)
        except UserError as e:
            return gr.skip(), gr.skip(), error(str(e), ui), gr.skip()
        return draft.text, cast_html(draft, ui), say("written", ui, scenes=draft.scenes), draft.seed

    def make_video(text, title, genre, lang, aspect, height, voice, picture, music, music_file, read_along, seed, ui):
        """A job for exactly the text on the page."""
        if (problem := text_problem(text, ui)) is not None:
            return gr.skip(), error(problem, ui)
        try:
            request = Request(title=title or "", genre=genre, lang=lang, aspect=aspect, height=int(height),
                              voice=None if voice in (None, "", "auto") else voice, picture=picture or None,
                              music=music or None, seed=int(seed), read_along=bool(read_along))
            request.music_file = keep_upload(queue, music_file, MAX_MUSIC_BYTES, "music file")
            if request.music_file:
                request.music = "file"
            request.text_file = keep_text(queue, text)
            job = queue.submit(request)
        except UserError as e:
            return gr.skip(), error(str(e), ui)
        return job.id, say("queued", ui, job=job.id)

    def refresh(job_id, shown, ui):
        """Poll the current job; the video, downloads and scenes change only when it has just finished."""
        if not job_id:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), shown, gr.skip()
        try:
            job = queue.get(job_id)
        except UserError:
            return "", "", gr.skip(), gr.skip(), gr.skip(), shown, gr.skip()
        message = (error(job.error, ui) if job.status == "failed"
                   else say("job_status", ui, job=job.id, status=say("status_" + job.status, ui)))
        if job.status != "done" or shown == job.id:
            return progress_html(job, ui), message, gr.skip(), gr.skip(), gr.skip(), shown, gr.skip()
        video, files, story = show_tale(job.folder)
        return progress_html(job, ui), message, video, files, story, job.id, made_scenes(queue, job)

    def redraw(job_id, scene, ui):
        """Scene `scene` of the tale on the page drawn anew, the video made again; the other pictures come from the cache."""
        try:
            job = queue.submit(redraw_request(queue, job_id, int(scene)))
        except UserError as e:
            return gr.skip(), error(str(e), ui)
        return job.id, say("redrawing", ui, scene=scene, job=job.id)

    def cancel(job_id, ui):
        if not job_id:
            return say("no_job", ui)
        try:
            job = queue.cancel(job_id)
        except UserError as e:
            return error(str(e), ui)
        status = say("status_" + job.status, ui) if job.status in FINISHED else say("cancelling", ui)
        return say("job_status", ui, job=job.id, status=status)

    def show_tale(name: str) -> tuple[str | None, list[str], str]:
        folder = tale_folder(queue.out, name)
        files = tale_files(folder)
        story = (folder / "story.md").read_text(encoding="utf-8") if (folder / "story.md").is_file() else ""
        video = str(folder / "tale.mp4") if (folder / "tale.mp4").is_file() else None
        return video, [str(p) for p in files], story

    def submit_batch(paths, ui):
        try:
            queued, problems = queue_batch(queue, paths or [], lambda p: keep_upload(queue, p, MAX_TEXT_BYTES, "text file"))
        except UserError as e:
            return error(str(e), ui)
        return say("batch_queued", ui, count=len(queued)) + "".join(f"\n- {p}" for p in problems)

    def gallery_items():
        return [(str(t["image"]), t["caption"]) for t in earlier_tales(queue.out)]

    def reopen(event: gr.SelectData):
        """An earlier tale, shown without Redraw: the job that made it may be gone."""
        tales = earlier_tales(queue.out)
        if event.index is None or event.index >= len(tales):
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()
        return *show_tale(tales[event.index]["name"]), []

    pictures = usable_backends("picture")
    with gr.Blocks(title="DigiTales studio", analytics_enabled=False) as app:
        job_id = gr.BrowserState("", storage_key="digitales-job")
        kept = gr.BrowserState({}, storage_key="digitales-draft")  # the edited tale survives a reload, as the job does
        seed = gr.BrowserState(0, storage_key="digitales-seed")  # "Another tale" goes on from the last one written
        ui = gr.State("en")  # the page's language, chosen on load
        shown = gr.State("")
        heading = gr.Markdown(say("heading", "en"))
        with gr.Row():
            with gr.Column(scale=1):
                title = gr.Textbox(label="Title", placeholder="Колобок", max_lines=1, elem_id="title")
                genre = gr.Dropdown(named_choices("genre_", genres, "en"), value="fairy_tale", label="Genre", elem_id="genre")
                lang = gr.Dropdown(named_choices("language_", ["ru", "en"], "en"), value="ru", label="Language",
                                   allow_custom_value=True, elem_id="lang")
                minutes = gr.Slider(0.5, 10, value=2, step=0.5, label="Length in minutes (a tale written from the title)",
                                    elem_id="minutes")
                with gr.Row():
                    write_button = gr.Button("Write the tale", variant="primary", elem_id="write")
                    another = gr.Button("Another tale", elem_id="another")
                with gr.Row():
                    aspect = gr.Radio(["16:9", "9:16", "1:1"], value="16:9", label="Aspect")
                    height = gr.Radio(["720", "1080", "2160"], value="720", label="Height")
                voice = gr.Dropdown(["auto", *usable_backends("voice")], value="auto", label="Voice")
                picture = gr.Dropdown(pictures, value=pictures[0], label="Pictures")
                music = gr.Dropdown(usable_backends("music"), value="transformer", label="Music")
                text = gr.File(label="Your text", file_types=[".txt", ".md"], type="filepath", elem_id="text-upload")
                music_file = gr.File(label="Your music", type="filepath")
                read_along = gr.Checkbox(False, label="Read along", elem_id="read-along")
                with gr.Row():
                    start = gr.Button("Make the tale", elem_id="start")
                    stop = gr.Button("Cancel", elem_id="cancel")
                message = gr.Markdown(elem_id="message")
            with gr.Column(scale=2):
                write_first = gr.Markdown(say("write_first", "en"))
                with gr.Row():
                    draft = gr.Textbox(label="The tale's text", lines=18, max_lines=40, elem_id="draft", scale=3)
                    with gr.Column(scale=2, min_width=200):
                        cast = gr.HTML(elem_id="cast")
                make = gr.Button("Make the video", variant="primary", elem_id="make-video")
                draft_message = gr.Markdown(elem_id="draft-message")
                progress = gr.HTML(elem_id="progress")
                video = gr.Video(label="Tale", elem_id="video", interactive=False)
                downloads = gr.File(label="Downloads", file_count="multiple", interactive=False, elem_id="downloads")
                scenes = gr.State([])  # the made tale's scenes, each with its Redraw button

                @gr.render(inputs=[scenes, ui])
                def scene_rows(made, chosen):
                    """A row per scene of the made tale: its picture, its first words, and Redraw."""
                    if made:
                        gr.Markdown(say("scenes", chosen), elem_id="scenes-heading")
                    for s in made:
                        with gr.Row(elem_classes="scene-row", equal_height=True):
                            gr.Image(s["image"], show_label=False, height=96, width=170, scale=0, min_width=170,
                                     interactive=False, buttons=[], container=False)
                            words = s["text"] if len(s["text"]) < 160 else s["text"][:157].rsplit(" ", 1)[0] + " …"
                            gr.Markdown(f"**{s['index']}.** {html.escape(words)}")
                            again = gr.Button(say("redraw", chosen), size="sm", scale=0, min_width=120,
                                              elem_id=f"redraw-{s['index']}")
                            again.click(lambda job, n=s["index"]: redraw(job, n, chosen), [job_id], [job_id, draft_message],
                                        api_visibility="private", show_progress="hidden")

                story = gr.Markdown(elem_id="story")
        gallery = gr.Gallery(label="Earlier tales", columns=4, height=300, object_fit="contain", elem_id="gallery")
        with gr.Accordion("Many tales: a batch file", open=False, elem_id="batch") as batch_box:
            batch_files = gr.File(label="A batch file", file_count="multiple", type="filepath",
                                  file_types=[".csv", ".jsonl", ".toml", ".txt", ".md"], elem_id="batch-upload")
            batch_start = gr.Button("Queue the batch", elem_id="batch-start")
            batch_message = gr.Markdown(elem_id="batch-message")
            jobs_list = gr.HTML(elem_id="jobs")
        timer = gr.Timer(1.0)

        # Each component's words: {property: key of ui_text.TEXT}, set on load in the page's language.
        words = [(heading, {"value": "heading"}), (title, {"label": "title"}), (genre, {"label": "genre"}),
                 (lang, {"label": "lang"}), (minutes, {"label": "minutes"}), (write_button, {"value": "write"}),
                 (another, {"value": "another"}), (aspect, {"label": "aspect"}), (height, {"label": "height"}),
                 (voice, {"label": "voice"}), (picture, {"label": "picture"}), (music, {"label": "music"}),
                 (text, {"label": "text_file"}), (music_file, {"label": "music_file"}),
                 (read_along, {"label": "read_along", "info": "read_along_hint"}), (start, {"value": "make_all"}),
                 (stop, {"value": "cancel"}), (write_first, {"value": "write_first"}),
                 (draft, {"label": "draft", "placeholder": "draft_hint"}), (make, {"value": "make_video"}),
                 (video, {"label": "tale"}), (downloads, {"label": "downloads"}), (gallery, {"label": "gallery"}),
                 (batch_box, {"label": "batch"}), (batch_files, {"label": "batch_files"}),
                 (batch_start, {"value": "batch_start"})]

        # What a reload must not lose: the edited text, and the fields and cast that go with it.
        keep = {"text": draft, "title": title, "genre": genre, "lang": lang, "minutes": minutes, "cast": cast}
        targets = [c for c, _ in words] + [c for c in keep.values() if all(c is not w for w, _ in words)]

        def localize(kept: dict, request: gr.Request):
            """The page in its language (?lang= first, then the browser's), and what was kept from before a reload."""
            chosen = page_language(request.query_params.get("lang"), request.headers.get("accept-language"))
            updates = {id(c): {p: say(k, chosen) for p, k in props.items()} for c, props in words}
            updates[id(genre)]["choices"] = named_choices("genre_", genres, chosen)
            updates[id(lang)]["choices"] = named_choices("language_", ["ru", "en"], chosen)
            for name, component in keep.items():
                if isinstance(kept, dict) and kept.get(name) not in (None, ""):
                    updates.setdefault(id(component), {})["value"] = kept[name]
            return [chosen, *(gr.update(**updates.get(id(c), {})) for c in targets)]

        app.load(localize, [kept], [ui, *targets], api_name="page_language", api_visibility="private")
        gr.on([c.change for c in keep.values()], lambda *values: dict(zip(keep, values)), list(keep.values()), kept,
              api_name="page_keep", api_visibility="private", queue=False, show_progress="hidden")
        fields = [title, genre, lang, minutes]
        # Writing runs in this process, with models (stress) that are not for two threads at once: one at a time.
        write_button.click(write, [*fields, seed, ui], [draft, cast, draft_message, seed], api_name="page_write",
                           api_visibility="private", concurrency_id="write", concurrency_limit=1)
        another.click(lambda *a: write(*a[:4], int(a[4]) + 1, a[5]), [*fields, seed, ui], [draft, cast, draft_message, seed],
                      api_name="page_another", api_visibility="private", concurrency_id="write", concurrency_limit=1)
        make.click(make_video, [draft, title, genre, lang, aspect, height, voice, picture, music, music_file, read_along, seed, ui],
                   [job_id, draft_message], api_name="page_make", api_visibility="private",
                   show_progress="hidden")  # it only queues: the job's own progress follows
        start.click(submit, [title, text, music_file, genre, lang, minutes, aspect, height, voice, picture, music, read_along, ui],
                    [job_id, message], api_name="page_submit", api_visibility="private")
        stop.click(cancel, [job_id, ui], [message], api_name="page_cancel", api_visibility="private")
        timer.tick(refresh, [job_id, shown, ui], [progress, message, video, downloads, story, shown, scenes], api_name="page_refresh",
                   api_visibility="private",
                   show_progress="hidden")
        timer.tick(gallery_items, None, gallery, api_name="page_gallery", api_visibility="private", show_progress="hidden")
        batch_start.click(submit_batch, [batch_files, ui], [batch_message], api_name="page_batch", api_visibility="private")
        timer.tick(lambda: jobs_html(queue.list()), None, jobs_list, api_name="page_jobs", api_visibility="private",
                   show_progress="hidden")
        gallery.select(reopen, None, [video, downloads, story, scenes], api_name="page_reopen", api_visibility="private")
        app.load(gallery_items, None, gallery, api_name="page_load", api_visibility="private")
        api(queue)
    return app


def api(queue: JobQueue) -> None:
    """The API (see README): submit a job, watch it, cancel it, fetch its files."""

    def submit(title: str, text: str = "", genre: str = "fairy_tale", lang: str = "ru", aspect: str = "16:9",
               height: int = 720, voice: str = "", picture: str = "", music: str = "", seed: int = 0,
               until: str = "", minutes: float = 2.0, read_along: bool = False) -> str:
        """Queue a tale; `text` is the tale itself (UTF-8, up to 1 MB; empty: written from the title,
        `minutes` long); `read_along` lights up each word of the subtitles. Returns the job id."""
        try:
            if len(text.encode()) > MAX_TEXT_BYTES:
                raise UserError(f"the text is {len(text.encode()) / (1 << 20):.1f} MB; the limit is 1 MB")
            text_file = keep_text(queue, text) if text else None
            request = Request(title=title, text_file=text_file, genre=genre or None,
                              lang=lang or None, aspect=aspect or None, height=height or None, voice=voice or None,
                              picture=picture or None, music=music or None, seed=seed, until=until or None,
                              minutes=minutes, read_along=read_along or None)
            return queue.submit(request).id
        except UserError as e:
            raise gr.Error(str(e)) from None

    def write(title: str, genre: str = "fairy_tale", lang: str = "ru", minutes: float = 2.0, seed: int = 0) -> str:
        """The tale written from its title, scene by scene, in the Markdown `submit`'s `text` (and
        `digitales make --text`) reads: edit it and submit it. Another `seed`, another tale."""
        try:
            request = Request(title=title, genre=genre or None, lang=lang or None, minutes=minutes, seed=seed)
            return write_draft(title, queue.settings_for(request)).text
        except UserError as e:
            raise gr.Error(str(e)) from None

    def redraw(job: str, scene: int) -> str:
        """Make a finished job's tale again with scene `scene`'s pictures drawn anew (once more each call);
        every other picture comes from the cache. Returns the new job's id."""
        try:
            return queue.submit(redraw_request(queue, job, int(scene))).id
        except UserError as e:
            raise gr.Error(str(e)) from None

    def submit_batch(batch: str, name: str = "tales.csv") -> dict[str, list[str]]:
        """Queue a job per row of a batch file: `batch` is its content, `name` gives its format (.csv,
        .jsonl, .toml). Returns {"jobs": [job ids], "problems": [one line per bad row]}."""
        try:
            if len(batch.encode()) > MAX_TEXT_BYTES:
                raise UserError(f"the batch file is {len(batch.encode()) / (1 << 20):.1f} MB; the limit is 1 MB")
            folder = queue.out / ".studio" / "uploads" / uuid.uuid4().hex[:12]
            folder.mkdir(parents=True)
            path = folder / (Path(name).name or "tales.csv")
            path.write_text(batch, encoding="utf-8")
            queued, problems = queue_batch(queue, [str(path)], lambda p: None)
            return {"jobs": queued, "problems": problems}
        except UserError as e:
            raise gr.Error(str(e)) from None

    def status(job: str) -> dict[str, Any]:
        """The job: status (queued, running, done, failed, cancelled), per-stage progress, error."""
        try:
            return queue.get(job).to_dict()
        except UserError as e:
            raise gr.Error(str(e)) from None

    def cancel(job: str) -> dict[str, Any]:
        try:
            return queue.cancel(job).to_dict()
        except UserError as e:
            raise gr.Error(str(e)) from None

    def tales() -> list[dict[str, Any]]:
        """Earlier tales in the output folder: name, title, duration."""
        return [{k: v for k, v in t.items() if k != "image"} for t in earlier_tales(queue.out)]

    def files(name: str) -> list[str]:
        try:
            return [str(p) for p in tale_files(tale_folder(queue.out, name))]
        except UserError as e:
            raise gr.Error(str(e)) from None

    gr.api(submit, api_name="submit", concurrency_limit=None)
    gr.api(write, api_name="write", concurrency_id="write", concurrency_limit=1)  # as the page's: one at a time
    gr.api(redraw, api_name="redraw", concurrency_limit=None)
    gr.api(submit_batch, api_name="submit_batch", concurrency_limit=None)
    gr.api(status, api_name="status", concurrency_limit=None, queue=False)
    gr.api(cancel, api_name="cancel", concurrency_limit=None, queue=False)
    gr.api(tales, api_name="tales", concurrency_limit=None, queue=False)
    # files go through components, so the client downloads them: a hidden button's event
    name, downloads = gr.Textbox(visible=False), gr.File(visible=False, file_count="multiple")
    gr.Button(visible=False).click(files, name, downloads, api_name="files", queue=False)


def serve(out: Path, host: str = "127.0.0.1", port: int = 7860, concurrency: int = 1, config: Path | None = None,
          profile: str | None = None, block: bool = True, ready: Callable[[str], None] | None = None) -> tuple[gr.Blocks, str]:
    """Start the studio; `ready` hears its address once it answers and renders."""
    queue = JobQueue(out, concurrency, config, profile)  # a second studio on the same --out is refused here
    app = build(queue)
    app.queue(default_concurrency_limit=8)
    app.launch(server_name=host, server_port=port, prevent_thread_lock=True, quiet=not block, share=False,
               allowed_paths=[str(queue.out)], blocked_paths=[str(queue.out / ".studio")], max_file_size=MAX_UPLOAD,
               ssr_mode=False, theme=THEME, footer_links=["api"], pwa=False, mcp_server=False)
    queue.start()  # only now, with every stage imported and the page up, do renders (and the jobs kept) begin
    url = f"http://{host}:{port}/"
    if ready:
        ready(url)
    if block:
        try:
            app.block_thread()
        finally:
            queue.close()
    return app, url
