"""One settings object: defaults, a TOML settings file, and a clear error for a bad one."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from consilience.config import (
    STORY_PARAMS,
    TOPIC_PARAMS,
    AlignConfig,
    AnalyzeConfig,
    BriefSettings,
    ClusterParams,
    CopySettings,
    load_config,
)
from consilience.errors import ConfigFileError

FULL = """
model = "en_core_web_sm"
cache_dir = "~/parses"
max_article_chars = 50_000
[alignment]
threshold = 0.4
[copies]
min_words = 12
threshold = 1          # an int where a float is expected is fine
[brief]
limit = 3
[clustering.stories]
threshold = 0.5
[clustering.topics]
time_scale_days = 30.0
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_group_of_settings_is_read_and_what_is_left_out_keeps_its_default(tmp_path):
    config = load_config(write(tmp_path, FULL))
    assert config.model == "en_core_web_sm" and config.max_article_chars == 50_000
    assert config.cache_dir == Path("~/parses").expanduser()
    assert config.alignment == AlignConfig(threshold=0.4)
    assert config.copies == CopySettings(min_words=12, threshold=1.0)
    assert config.brief == BriefSettings(limit=3)
    assert config.clustering.stories == dataclasses.replace(STORY_PARAMS, threshold=0.5)
    assert config.clustering.topics.time_scale_days == 30.0
    assert config.clustering.topics.threshold == TOPIC_PARAMS.threshold
    assert config.max_story_articles == AnalyzeConfig().max_story_articles


def test_an_empty_file_is_the_defaults_and_the_defaults_are_the_tuned_values(tmp_path):
    assert load_config(write(tmp_path, "")) == AnalyzeConfig()
    assert AnalyzeConfig().clustering.stories == STORY_PARAMS
    assert STORY_PARAMS.learned and not ClusterParams().learned  # the story model, fit
    assert AnalyzeConfig().alignment.threshold == 0.4


@pytest.mark.parametrize(("text", "says", "line"), [
    ("[alignment]\nthreshhold = 0.4\n", "unknown setting 'alignment.threshhold'", None),
    ("colour = 1\n", "unknown setting 'colour'", None),
    ("[brief]\nlimit = 'eight'\n", "'brief.limit' must be int, not str", None),
    ("[brief]\nlimit = -1\n", "'brief.limit' must not be negative", None),
    ("brief = 3\n", "'brief' must be a table", None),
    ("[clustering]\nstories = 2\n", "'clustering.stories' must be a table", None),
    ("use_cache = 'no'\n", "'use_cache' must be bool", None),
    ("[brief]\nlimit = 3\nlimit = 4\n", "not valid TOML", 3),
    ("[copies\n", "not valid TOML", 1),
])
def test_a_bad_file_is_one_coded_error_naming_the_file_and_what_to_fix(tmp_path, text, says,
                                                                        line):
    path = write(tmp_path, text)
    with pytest.raises(ConfigFileError) as raised:
        load_config(path)
    message = raised.value.one_line()
    assert message.startswith(f"{path}:{line}: [E113]" if line else f"{path}: [E113]")
    assert says in message


def test_a_missing_or_binary_file_is_the_same_error(tmp_path):
    with pytest.raises(ConfigFileError, match="cannot read it"):
        load_config(tmp_path / "nowhere.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ConfigFileError, match="cannot read it"):
        load_config(binary)


def test_the_readme_lists_every_setting_with_its_default(tmp_path):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    documented = load_config(write(tmp_path, block))
    assert documented == AnalyzeConfig(model="en_core_web_sm")
    for group in ("alignment", "copies", "brief"):
        for name in type(getattr(AnalyzeConfig(), group)).__dataclass_fields__:
            assert f"\n{name} = " in block, f"[{group}] {name} is not documented"
