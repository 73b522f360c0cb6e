"""Every word the studio page says, in Russian and English, in one table.

The page's language is chosen on the server, not by Gradio's own `gr.I18n`: `?lang=ru|en` in the
address must win over the browser, and the messages built here (progress, errors) need it too.
Gradio's built-in words ("Drop File Here") follow the browser by themselves.
"""

from __future__ import annotations

import re

LANGS = ("ru", "en")

TEXT: dict[str, dict[str, str]] = {
    "heading": {"ru": "# Студия DigiTales\nНазвание (и, если хотите, ваш текст) — на входе; сказка с голосом и картинками — на выходе.",
                "en": "# DigiTales studio\nA title (and, if you like, your own text) in; a narrated, illustrated video out."},
    "title": {"ru": "Название", "en": "Title"},
    "genre": {"ru": "Жанр", "en": "Genre"},
    "lang": {"ru": "Язык", "en": "Language"},
    "minutes": {"ru": "Длительность, минут (для сказки по названию)", "en": "Length in minutes (a tale written from the title)"},
    "aspect": {"ru": "Формат кадра", "en": "Aspect"},
    "height": {"ru": "Высота кадра", "en": "Height"},
    "voice": {"ru": "Голос", "en": "Voice"},
    "picture": {"ru": "Картинки", "en": "Pictures"},
    "music": {"ru": "Музыка", "en": "Music"},
    "text_file": {"ru": "Ваш текст (.txt или .md, до 1 МБ; без него сказка пишется по названию)",
                  "en": "Your text (.txt or .md, up to 1 MB; without one the tale is written from the title)"},
    "music_file": {"ru": "Ваша музыка (аудио или MIDI, до 50 МБ; в поле «Музыка» выберется file)",
                   "en": "Your music (audio or MIDI, up to 50 MB; sets Music to file)"},
    "read_along": {"ru": "Следить за словами", "en": "Read along"},
    "read_along_hint": {"ru": "в субтитрах загорается каждое слово, когда его произносят",
                        "en": "each word of the subtitles lights up as it is spoken"},
    "make_all": {"ru": "Сделать сказку сразу", "en": "Make the tale"},
    "cancel": {"ru": "Отменить", "en": "Cancel"},
    "write_first": {"ru": "## Сначала текст\nНапишите сказку, прочтите и поправьте её, потом сделайте видео.",
                    "en": "## Write first\nWrite the tale, read and edit it, then make the video."},
    "write": {"ru": "Написать сказку", "en": "Write the tale"},
    "another": {"ru": "Другая сказка", "en": "Another tale"},
    "make_video": {"ru": "Сделать видео", "en": "Make the video"},
    "draft": {"ru": "Текст сказки (правьте свободно; сцены разделены строкой ---, в конце — кто есть кто)",
              "en": "The tale's text (edit freely; scenes are set apart by a --- line; last, who is who)"},
    "draft_hint": {"ru": "Нажмите «Написать сказку» или вставьте свой текст",
                   "en": "Press \"Write the tale\" or paste your own text"},
    "cast": {"ru": "Кто в сказке", "en": "The cast"},
    "cast_voice": {"ru": "голос", "en": "voice"},
    "narrator": {"ru": "Рассказчик", "en": "Narrator"},
    "premise": {"ru": "Замысел", "en": "Premise"},
    "premise_characters": {"ru": "герой", "en": "hero"},
    "premise_goal": {"ru": "цель", "en": "goal"},
    "premise_thing": {"ru": "о чём", "en": "about"},
    "premise_owner": {"ru": "чьё", "en": "whose"},
    "premise_objects": {"ru": "вещи", "en": "things"},
    "premise_places": {"ru": "места", "en": "places"},
    "tale": {"ru": "Сказка", "en": "Tale"},
    "downloads": {"ru": "Файлы", "en": "Downloads"},
    "gallery": {"ru": "Прежние сказки (нажмите, чтобы открыть)", "en": "Earlier tales (click one to open it)"},
    "batch": {"ru": "Много сказок: пакетный файл", "en": "Many tales: a batch file"},
    "batch_files": {"ru": "Пакетный файл (.csv, .jsonl или .toml, сказка на строку: title, genre, lang, minutes, text…) "
                          "и тексты, которые он называет",
                    "en": "A batch file (.csv, .jsonl or .toml, one tale per row: title, genre, lang, minutes, text…) "
                          "and the texts its rows name"},
    "batch_start": {"ru": "Поставить в очередь", "en": "Queue the batch"},
    "scenes": {"ru": "### Сцены\nКартинка не удалась? «Перерисовать» нарисует сцену заново, остальные останутся как есть.",
               "en": "### Scenes\nA picture came out wrong? \"Redraw\" draws that scene anew; the others stay as they are."},
    "redraw": {"ru": "Перерисовать", "en": "Redraw"},
    # messages
    "written": {"ru": "Сказка написана, сцен: {scenes}. Поправьте текст и нажмите «Сделать видео».",
                "en": "The tale is written: {scenes} scenes. Edit it, then press \"Make the video\"."},
    "queued": {"ru": "Задание `{job}` в очереди.", "en": "Job `{job}` queued."},
    "job_status": {"ru": "Задание `{job}`: {status}", "en": "Job `{job}`: {status}"},
    "no_job": {"ru": "Нет задания, которое можно отменить.", "en": "No job to cancel."},
    "cancelling": {"ru": "отменяется", "en": "cancelling"},
    "error": {"ru": "**ошибка:** {message}", "en": "**error:** {message}"},
    "empty_text": {"ru": "В тексте сказки нет ни слова: напишите сказку или вставьте свой текст.",
                   "en": "The tale's text is empty: write the tale or paste your own text."},
    "long_text": {"ru": "Текст занимает {size:.1f} МБ, а можно не больше 1 МБ.",
                  "en": "The text is {size:.1f} MB; the limit is 1 MB."},
    "empty_scene": {"ru": "В сцене {scene} нечего рассказать: напишите её текст или уберите строку --- перед ней.",
                    "en": "Scene {scene} has nothing to say: write its text or remove the --- line before it."},
    "redrawing": {"ru": "Сцена {scene} рисуется заново (задание `{job}`), остальные картинки берутся готовыми.",
                  "en": "Scene {scene} is being redrawn (job `{job}`); the other pictures are reused."},
    "batch_queued": {"ru": "Сказок в очереди: {count}.", "en": "Queued {count} tale(s)."},
    # progress
    "job": {"ru": "Задание", "en": "Job"},
    "stage": {"ru": "этап", "en": "stage"},
    "backend": {"ru": "чем", "en": "backend"},
    "state": {"ru": "состояние", "en": "state"},
    "seconds": {"ru": "{seconds:.1f} с", "en": "{seconds:.1f} s"},
    **{f"status_{s}": v for s, v in {
        "queued": {"ru": "в очереди", "en": "queued"}, "running": {"ru": "идёт", "en": "running"},
        "done": {"ru": "готово", "en": "done"}, "failed": {"ru": "не удалось", "en": "failed"},
        "cancelled": {"ru": "отменено", "en": "cancelled"}, "waiting": {"ru": "ждёт", "en": "waiting"},
        "working": {"ru": "работает", "en": "working"}, "cached": {"ru": "из кэша", "en": "cached"}}.items()},
    **{f"stage_{s}": v for s, v in {
        "plot": {"ru": "сюжет", "en": "plot"}, "writer": {"ru": "текст", "en": "writer"},
        "text": {"ru": "разметка", "en": "text"}, "voice": {"ru": "голос", "en": "voice"},
        "picture": {"ru": "картинки", "en": "picture"}, "music": {"ru": "музыка", "en": "music"},
        "montage": {"ru": "монтаж", "en": "montage"}, "book": {"ru": "книжка", "en": "book"}}.items()},
    # the values the form and the cast panel show: genres, the tale's languages, the premise's goals, voice shifts
    **{f"genre_{g}": v for g, v in {
        "fable": {"ru": "басня", "en": "fable"}, "bylina": {"ru": "былина", "en": "bylina (epic)"},
        "fairy_tale": {"ru": "сказка", "en": "fairy tale"}, "novella": {"ru": "новелла", "en": "novella"},
        "comedy": {"ru": "комедия", "en": "comedy"}, "tragedy": {"ru": "трагедия", "en": "tragedy"},
        "drama": {"ru": "драма", "en": "drama"}, "horror": {"ru": "страшилка", "en": "horror"}}.items()},
    **{f"language_{code}": v for code, v in {
        "ru": {"ru": "русский", "en": "Russian"}, "en": {"ru": "английский", "en": "English"}}.items()},
    **{f"goal_{goal}": v for goal, v in {
        "seek": {"ru": "найти", "en": "to find"}, "want": {"ru": "добиться желанного", "en": "to get what they want"},
        "learn": {"ru": "научиться", "en": "to learn"}, "fear": {"ru": "перестать бояться", "en": "to stop being afraid"},
        "why": {"ru": "узнать, почему", "en": "to find out why"}, "rescue": {"ru": "спасти", "en": "to rescue"},
        "farewell": {"ru": "попрощаться", "en": "to say goodbye"}, "mystery": {"ru": "разгадать тайну", "en": "to solve a mystery"},
        "contest": {"ru": "победить в состязании", "en": "to win a contest"}}.items()},
    "voice_pitch": {"ru": "высота", "en": "pitch"},
    "voice_tempo": {"ru": "темп", "en": "tempo"},
}


# The command line's messages a page user meets most, in Russian; the others are shown as they are.
CLI_MESSAGES: list[tuple[str, dict[str, str]]] = [
    (r"the title is empty", {"ru": "Нет названия: дайте сказке имя, например «Колобок»."}),
    (r"the title is (\d+) characters long; keep it under (\d+)",
     {"ru": "В названии {0} знаков, а можно не больше {1}."}),
    (r"the text would take about (\d+) minutes to narrate; the limit is (\d+)",
     {"ru": "Такой текст читать около {0} минут, а можно не больше {1}."}),
    (r"the embedded writer writes Russian and English, not '(.*)'",
     {"ru": "Сказку по названию пишем по-русски и по-английски, не на «{0}»: вставьте свой текст."}),
    (r"unknown language '(.*?)'", {"ru": "Неизвестный язык «{0}»: выберите ru или en."}),
    (r".*scene (\d+)(?: of the text)? has nothing to say",
     {"ru": "В сцене {0} нечего рассказать: напишите её текст или уберите строку --- перед ней."}),
    (r"there is no scene (\d+) to redraw: the tale has (\d+) scenes",
     {"ru": "Сцены {0} нет, перерисовать нечего: в сказке сцен {1}."}),
    (r"the tale of job (\S+) is not made yet", {"ru": "Сказка задания {0} ещё не готова: перерисовать сцену можно потом."}),
    (r"the text file is ([\d.]+) MB; the limit is (\d+) MB", {"ru": "Файл с текстом занимает {0} МБ, а можно не больше {1} МБ."}),
    (r"the music file is ([\d.]+) MB; the limit is (\d+) MB", {"ru": "Файл с музыкой занимает {0} МБ, а можно не больше {1} МБ."}),
    (r"the (?:text|batch file) is ([\d.]+) MB; the limit is 1 MB", {"ru": "Текст занимает {0} МБ, а можно не больше 1 МБ."}),
    (r"--text .* looks like a binary file", {"ru": "Файл с текстом похож не на текст, а на двоичный файл."}),
    (r"--text .* is not UTF-8 text", {"ru": "Файл с текстом не в кодировке UTF-8: сохраните его как UTF-8."}),
    (r"--text .* has no words to narrate", {"ru": "В тексте нет ни слова, которое можно прочесть."}),
    (r"no job '(.*)'", {"ru": "Задания «{0}» нет."}),
    (r"upload one batch file", {"ru": "Загрузите пакетный файл (.csv, .jsonl или .toml) и тексты, которые он называет."}),
    (r"its text (.*) was not uploaded with the batch file", {"ru": "Текст {0} не загружен вместе с пакетным файлом."}),
]


def cli_message(message: str, lang: str) -> str:
    """A message of the command line's checks in the page's language, where the table has it."""
    for pattern, words in CLI_MESSAGES:
        if lang in words and (found := re.match(pattern, message)):
            return words[lang].format(*found.groups())
    return message


def say(key: str, lang: str, default: str | None = None, **values) -> str:
    """The page's words for `key` in `lang` (English for a language the table lacks); `default` for a
    key the table lacks (a stage added to the pipeline shows its own name until it has words here)."""
    if key not in TEXT and default is not None:
        return default
    entry = TEXT[key]
    words = entry.get(lang, entry["en"])
    return words.format(**values) if values else words


def named_choices(prefix: str, values: list[str], lang: str) -> list[tuple[str, str]]:
    """A dropdown's (shown, value) pairs: the value in the page's language where the table has it."""
    return [(say(prefix + v, lang, v), v) for v in values]


def voice_words(label: str, lang: str) -> str:
    """A voice label ("festival:NAME pitch 1.12 tempo 1.05") with its shifts named in the page's language."""
    return label.replace(" pitch ", f" {say('voice_pitch', lang)} ").replace(" tempo ", f" {say('voice_tempo', lang)} ")


def page_language(forced: str | None, accept_language: str | None) -> str:
    """`?lang=` when it names one we speak, else the browser's first language we speak, else English."""
    if forced and forced.lower()[:2] in LANGS:
        return forced.lower()[:2]
    ranked = []
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _, q = part.strip().partition(";q=")
        try:
            ranked.append((-float(q or 1), i, tag.strip().lower()[:2]))
        except ValueError:
            continue
    return next((tag for _, _, tag in sorted(ranked) if tag in LANGS), "en")
