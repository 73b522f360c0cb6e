"""The web studio: a Gradio page (and API) over the job queue.

The page submits a job and polls it once a second; the job id lives in the browser's
local storage, so a reload finds the job again. Files are served only from inside the
output root. No analytics, no fonts or scripts from other hosts.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported: no calls home
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import gradio as gr  # noqa: E402

from digitales.errors import UserError  # noqa: E402
from digitales.plot.genres import GENRES  # noqa: E402
from digitales.studio.jobs import FINISHED, Job, JobQueue, Request  # noqa: E402
from digitales.studio.tales import earlier_tales, tale_files, tale_folder  # noqa: E402

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


def progress_html(job: Job) -> str:
    from digitales.pipeline import STAGES

    rows = []
    for stage in STAGES:
        entry = job.stages.get(stage)
        if entry is None:
            state, detail = "waiting", ""
        elif entry["seconds"] is not None:
            state, detail = entry["state"], f"{entry['seconds']:.1f} s"
        else:
            share = f"{100 * entry['done'] / entry['total']:.0f}%" if entry["total"] else ""
            state, detail = "working", share
        backend = entry["backend"] if entry else ""
        rows.append(f"<tr data-stage='{stage}' data-state='{state}'><td>{stage}</td><td>{backend}</td>"
                    f"<td>{state}</td><td>{detail}</td></tr>")
    return (f"<div id='job' data-status='{job.status}'><p>Job <code>{job.id}</code>: <b>{job.status}</b></p>"
            "<table><tr><th>stage</th><th>backend</th><th>state</th><th></th></tr>" + "".join(rows) + "</table></div>")


def build(queue: JobQueue) -> gr.Blocks:
    genres = list(GENRES)

    def submit(title, text, music_file, genre, lang, minutes, aspect, height, voice, picture, music):
        try:
            request = Request(title=title or "", genre=genre, lang=lang, minutes=float(minutes), aspect=aspect, height=int(height),
                              voice=None if voice in (None, "", "auto") else voice, picture=picture or None,
                              music=music or None)
            request.text_file = keep_upload(queue, text, MAX_TEXT_BYTES, "text file")
            request.music_file = keep_upload(queue, music_file, MAX_MUSIC_BYTES, "music file")
            if request.music_file:
                request.music = "file"  # an uploaded tune is what the user wants under the tale
            job = queue.submit(request)
        except UserError as e:
            return gr.skip(), f"**error:** {e}"
        return job.id, f"Job `{job.id}` queued."

    def refresh(job_id, shown):
        """Poll the current job; the video and downloads change only when it has just finished."""
        if not job_id:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), shown
        try:
            job = queue.get(job_id)
        except UserError:
            return "", "", gr.skip(), gr.skip(), gr.skip(), shown
        message = f"**error:** {job.error}" if job.status == "failed" else f"Job `{job.id}`: {job.status}"
        if job.status != "done" or shown == job.id:
            return progress_html(job), message, gr.skip(), gr.skip(), gr.skip(), shown
        video, files, story = show_tale(job.folder)
        return progress_html(job), message, video, files, story, job.id

    def cancel(job_id):
        if not job_id:
            return "No job to cancel."
        try:
            job = queue.cancel(job_id)
        except UserError as e:
            return f"**error:** {e}"
        return f"Job `{job.id}`: {job.status if job.status in FINISHED else 'cancelling'}"

    def show_tale(name: str) -> tuple[str | None, list[str], str]:
        folder = tale_folder(queue.out, name)
        files = tale_files(folder)
        story = (folder / "story.md").read_text(encoding="utf-8") if (folder / "story.md").is_file() else ""
        video = str(folder / "tale.mp4") if (folder / "tale.mp4").is_file() else None
        return video, [str(p) for p in files], story

    def gallery_items():
        return [(str(t["image"]), t["caption"]) for t in earlier_tales(queue.out)]

    def reopen(event: gr.SelectData):
        tales = earlier_tales(queue.out)
        if event.index is None or event.index >= len(tales):
            return gr.skip(), gr.skip(), gr.skip()
        return show_tale(tales[event.index]["name"])

    pictures = usable_backends("picture")
    with gr.Blocks(title="DigiTales studio", analytics_enabled=False) as app:
        job_id = gr.BrowserState("", storage_key="digitales-job")
        shown = gr.State("")
        gr.Markdown("# DigiTales studio\nA title (and, if you like, your own text) in; a narrated, illustrated video out.")
        with gr.Row():
            with gr.Column(scale=1):
                title = gr.Textbox(label="Title", placeholder="Колобок", max_lines=1, elem_id="title")
                genre = gr.Dropdown(genres, value="fairy_tale", label="Genre")
                lang = gr.Dropdown(["ru", "en"], value="ru", label="Language", allow_custom_value=True)
                minutes = gr.Slider(0.5, 10, value=2, step=0.5, label="Length in minutes (a tale written from the title)")
                with gr.Row():
                    aspect = gr.Radio(["16:9", "9:16", "1:1"], value="16:9", label="Aspect")
                    height = gr.Radio(["720", "1080", "2160"], value="720", label="Height")
                voice = gr.Dropdown(["auto", *usable_backends("voice")], value="auto", label="Voice")
                picture = gr.Dropdown(pictures, value=pictures[0], label="Pictures")
                music = gr.Dropdown(usable_backends("music"), value="transformer", label="Music")
                text = gr.File(label="Your text (.txt or .md, up to 1 MB; without one the tale is written from the title)", file_types=[".txt", ".md"], type="filepath",
                               elem_id="text-upload")
                music_file = gr.File(label="Your music (audio or MIDI, up to 50 MB; sets Music to file)", type="filepath")
                with gr.Row():
                    start = gr.Button("Make the tale", variant="primary", elem_id="start")
                    stop = gr.Button("Cancel", elem_id="cancel")
                message = gr.Markdown(elem_id="message")
            with gr.Column(scale=2):
                progress = gr.HTML(elem_id="progress")
                video = gr.Video(label="Tale", elem_id="video", interactive=False)
                downloads = gr.File(label="Downloads", file_count="multiple", interactive=False, elem_id="downloads")
                story = gr.Markdown(elem_id="story")
        gallery = gr.Gallery(label="Earlier tales (click one to open it)", columns=4, height=300, object_fit="contain",
                             elem_id="gallery")
        timer = gr.Timer(1.0)

        start.click(submit, [title, text, music_file, genre, lang, minutes, aspect, height, voice, picture, music], [job_id, message],
                    api_name="page_submit", api_visibility="private")
        stop.click(cancel, [job_id], [message], api_name="page_cancel", api_visibility="private")
        timer.tick(refresh, [job_id, shown], [progress, message, video, downloads, story, shown], api_name="page_refresh",
                   api_visibility="private",
                   show_progress="hidden")
        timer.tick(gallery_items, None, gallery, api_name="page_gallery", api_visibility="private", show_progress="hidden")
        gallery.select(reopen, None, [video, downloads, story], api_name="page_reopen", api_visibility="private")
        app.load(gallery_items, None, gallery, api_name="page_load", api_visibility="private")
        api(queue)
    return app


def api(queue: JobQueue) -> None:
    """The API (see README): submit a job, watch it, cancel it, fetch its files."""

    def submit(title: str, text: str = "", genre: str = "fairy_tale", lang: str = "ru", aspect: str = "16:9",
               height: int = 720, voice: str = "", picture: str = "", music: str = "", seed: int = 0,
               until: str = "", minutes: float = 2.0) -> str:
        """Queue a tale; `text` is the tale itself (UTF-8, up to 1 MB; empty: written from the title,
        `minutes` long). Returns the job id."""
        try:
            if len(text.encode()) > MAX_TEXT_BYTES:
                raise UserError(f"the text is {len(text.encode()) / (1 << 20):.1f} MB; the limit is 1 MB")
            text_file = None
            if text:
                folder = queue.out / ".studio" / "uploads" / uuid.uuid4().hex[:12]
                folder.mkdir(parents=True)
                text_file = folder / "text.txt"
                text_file.write_text(text, encoding="utf-8")
            request = Request(title=title, text_file=str(text_file) if text_file else None, genre=genre or None,
                              lang=lang or None, aspect=aspect or None, height=height or None, voice=voice or None,
                              picture=picture or None, music=music or None, seed=seed, until=until or None,
                              minutes=minutes)
            return queue.submit(request).id
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
    gr.api(status, api_name="status", concurrency_limit=None, queue=False)
    gr.api(cancel, api_name="cancel", concurrency_limit=None, queue=False)
    gr.api(tales, api_name="tales", concurrency_limit=None, queue=False)
    # files go through components, so the client downloads them: a hidden button's event
    name, downloads = gr.Textbox(visible=False), gr.File(visible=False, file_count="multiple")
    gr.Button(visible=False).click(files, name, downloads, api_name="files", queue=False)


def serve(out: Path, host: str = "127.0.0.1", port: int = 7860, concurrency: int = 1, config: Path | None = None,
          profile: str | None = None, block: bool = True) -> tuple[gr.Blocks, str]:
    queue = JobQueue(out, concurrency, config, profile)
    app = build(queue)
    app.queue(default_concurrency_limit=8)
    app.launch(server_name=host, server_port=port, prevent_thread_lock=not block, quiet=not block, share=False,
               allowed_paths=[str(queue.out)], blocked_paths=[str(queue.out / ".studio")], max_file_size=MAX_UPLOAD,
               ssr_mode=False, theme=THEME, footer_links=["api"], pwa=False, mcp_server=False)
    return app, f"http://{host}:{port}/"
