"""The real command, run as a user runs it: data on stdout, messages on stderr, exit codes."""

import json
import subprocess
import sys

import jsonschema
import pytest

BODY = ("The finance ministry said on Tuesday that the budget would grow by 3 percent next "
        "year, according to officials familiar with the plan. Opposition leader Maria Lopez "
        "called the plan reckless.")


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "consilience", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


def assert_no_traceback(result):
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


def test_example_json_to_stdout_summary_to_stderr(example_dir, schema):
    result = run("analyze", example_dir, "--format", "json", "--no-cache")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert len(document["articles"]) == 5
    assert "5 articles analysed (0 skipped)" in result.stderr


def test_markdown_to_file(example_dir, tmp_path):
    output = tmp_path / "deep" / "story.md"
    result = run("analyze", example_dir, "--format", "md", "-o", output, "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    report = output.read_text(encoding="utf-8")
    assert report.startswith("# ") and "## Entities" in report and "## Articles" in report


def test_html_report_to_file(example_dir, tmp_path):
    output = tmp_path / "story.html"
    result = run("analyze", example_dir, "--format", "html", "-o", output, "--quiet")
    assert result.returncode == 0, result.stderr
    report = output.read_text(encoding="utf-8")
    assert report.startswith("<!doctype html>")
    for section in ('id="brief"', 'id="fact-matrix"', 'id="conflicts"', 'class="chart timeline'):
        assert section in report


def test_one_run_writes_several_formats_each_identical_to_a_single_format_run(example_dir,
                                                                             tmp_path):
    together = tmp_path / "together"
    result = run("analyze", example_dir, "-o", together / "story.json", "-o",
                 together / "story.md", "-o", together / "story.html", "--no-cache")
    assert result.returncode == 0, result.stderr
    assert "story.json" in result.stderr and "story.html" in result.stderr
    for fmt in ("json", "md", "html"):
        alone = tmp_path / f"alone.{fmt}"
        single = run("analyze", example_dir, "--format", fmt, "-o", alone, "--quiet",
                     "--no-cache")
        assert single.returncode == 0, single.stderr
        assert (together / f"story.{fmt}").read_bytes() == alone.read_bytes(), fmt


def test_the_format_of_one_output_follows_its_suffix(example_dir, tmp_path):
    output = tmp_path / "story.htm"
    result = run("analyze", example_dir, "-o", output, "--quiet")
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8").startswith("<!doctype html>")


@pytest.mark.parametrize(("args", "says"), [
    (("-o", "a.json", "-o", "b.txt"), "cannot tell the format of b.txt"),
    (("-o", "a.json", "-o", "a.json"), "a.json is named twice"),
    (("-o", "a.json", "-o", "-"), "stdout (-) can only be the one output"),
    (("--format", "md", "-o", "a.md", "-o", "b.html"), "--format applies to one output"),
])
def test_several_outputs_that_cannot_be_written_unambiguously_are_refused_before_analysis(
        example_dir, tmp_path, args, says):
    result = run("analyze", example_dir, *args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert says in " ".join(result.stderr.split())
    assert_no_traceback(result)
    assert not list(tmp_path.iterdir())


def test_bad_inputs_are_reported_one_line_each_and_the_rest_analysed(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(BODY, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "latin.txt").write_bytes(("Caf\u00e9 owners in S\u00e3o Paulo protested on "
                                        "Monday, the union said. " * 3).encode("cp1252"))
    (folder / "feed.jsonl").write_text(json.dumps({"text": BODY + " More."}) + "\n{broken\n",
                                       encoding="utf-8")
    (folder / "page.html").write_text("<html><body><script>x()</script></body></html>",
                                      encoding="utf-8")
    result = run("analyze", folder, tmp_path / "missing.txt", "--no-cache")
    assert result.returncode == 0, result.stderr
    assert_no_traceback(result)
    document = json.loads(result.stdout)
    assert len(document["articles"]) == 3
    lines = [line for line in result.stderr.splitlines() if line.startswith(("error", "warning"))]
    expected = {"empty.txt": "[E104]", "binary.txt": "[E102]", "latin.txt": "[W101]",
                "feed.jsonl:2": "[E105]", "page.html": "[E106]", "missing.txt": "[E101]"}
    for name, code in expected.items():
        assert any(name in line and code in line for line in lines), (name, result.stderr)
    assert len(lines) == len(expected)


@pytest.mark.parametrize("make", [
    lambda tmp: tmp / "missing",
    lambda tmp: (tmp / "empty").mkdir() or tmp / "empty",
    lambda tmp: ((tmp / "e.txt").write_text("") and tmp / "e.txt") or tmp / "e.txt",
])
def test_nothing_to_analyse_exits_1_with_one_clear_line(tmp_path, make):
    path = make(tmp_path)
    result = run("analyze", path)
    assert result.returncode == 1
    assert_no_traceback(result)
    assert result.stdout == ""
    assert "[E110] nothing could be analysed" in result.stderr
    assert str(path.name) in result.stderr


def test_version_and_usage_errors():
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("consilience ")
    usage = run("analyze", ".", "--format", "pdf")
    assert usage.returncode == 2 and "pdf" in usage.stderr
    assert_no_traceback(usage)


def test_a_settings_file_reaches_the_analysis_and_an_option_given_wins(example_dir, tmp_path):
    settings = tmp_path / "settings.toml"
    settings.write_text("max_article_chars = 10\n[brief]\nlimit = 2\nminimum = 1\n",
                        encoding="utf-8")
    result = run("analyze", example_dir, "--config", settings, "--max-article-chars",
                 "1000000", "--no-cache", "-o", tmp_path / "story.json", "--quiet")
    assert result.returncode == 0, result.stderr
    document = json.loads((tmp_path / "story.json").read_text(encoding="utf-8"))
    assert len(document["articles"]) == 5  # the option won over the file's limit of 10
    assert 1 <= len(document["brief"]) <= 2  # the file's brief settings were used


def test_a_bad_settings_file_is_one_line_naming_it(example_dir, tmp_path):
    settings = tmp_path / "settings.toml"
    settings.write_text("[brief]\nlenght = 2\n", encoding="utf-8")
    result = run("analyze", example_dir, "--config", settings)
    assert result.returncode == 1 and result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "[E113]" in lines[0] and "settings.toml" in lines[0]
    assert "brief.lenght" in lines[0]
    assert_no_traceback(result)


def test_jobs_is_a_count_of_processes(example_dir, tmp_path):
    refused = run("analyze", example_dir, "--jobs", "-1")
    assert refused.returncode == 2 and "--jobs" in refused.stderr
    assert_no_traceback(refused)
    result = run("analyze", example_dir, "--jobs", "2", "--no-cache", "-o",
                 tmp_path / "story.json", "--quiet")
    assert result.returncode == 0, result.stderr
    assert len(json.loads((tmp_path / "story.json").read_text(encoding="utf-8"))["articles"]) == 5
