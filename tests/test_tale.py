from digitales.tale import Character, Image, Line, Scene, Tale


def make_tale() -> Tale:
    return Tale(
        title="Колобок", lang="ru", seed=3,
        characters=[Character(name="Колобок", role="hero", gender="male")],
        scenes=[Scene(index=1, text="Раз. Два.", mood="calm", duration=4.0,
                      lines=[Line(text="Раз.", start=0.3, end=1.0), Line(text="Два.", start=1.4, end=2.5, paragraph=1)],
                      images=[Image(path="scenes/01.png", shows=["раз"])]),
                Scene(index=2, text="Три.", duration=2.0, lines=[Line(text="Три.", start=0.2, end=1.5)])],
    )


def test_json_round_trip_is_exact():
    tale = make_tale()
    again = Tale.from_dict(tale.to_dict())
    assert again == tale
    assert isinstance(again.scenes[0].lines[1], Line)
    assert again.to_json() == tale.to_json()


def test_lay_out_puts_scenes_and_lines_on_the_video_timeline():
    tale = make_tale()
    tale.lay_out(3.0)
    assert (tale.scenes[0].start, tale.scenes[0].end) == (3.0, 7.0)
    assert (tale.scenes[1].start, tale.scenes[1].end) == (7.0, 9.0)
    assert (tale.scenes[0].lines[1].start, tale.scenes[0].lines[1].end) == (4.4, 5.5)
    assert tale.scenes[1].lines[0].start == 7.2
    assert tale.duration == 9.0


def test_saved_files_get_ordinary_permissions(tmp_path):
    import os

    make_tale().save(tmp_path / "manifest.json")
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "manifest.json").stat().st_mode & 0o777 == 0o666 & ~mask
