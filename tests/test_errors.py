"""One exception tree with coded messages, like spaCy's errors.py and httpx's _exceptions.py."""

import inspect
import re
from pathlib import Path

import consilience
from consilience import errors


def exception_classes():
    return [value for value in vars(errors).values()
            if inspect.isclass(value) and issubclass(value, Exception)]


def test_every_exception_descends_from_the_one_root():
    for cls in exception_classes():
        assert issubclass(cls, errors.ConsilienceError)


def test_codes_are_unique_and_every_message_has_a_code():
    codes = [cls.code for cls in exception_classes() if cls.code != "E000"
             and cls is not errors.InputError]
    assert len(codes) == len(set(codes))
    messages = [name for name in vars(errors.Errors) if not name.startswith("_")]
    assert set(codes) <= set(messages)
    for name in messages + [n for n in vars(errors.Warnings) if not n.startswith("_")]:
        assert re.fullmatch(r"[EW]\d{3}", name)


def test_tree_in_docstring_names_every_class():
    for cls in exception_classes():
        assert cls.__name__ in errors.__doc__


def test_one_line_names_file_line_and_code():
    error = errors.MalformedRecordError("bad record", path="feed.jsonl", line=7)
    assert error.one_line() == "feed.jsonl:7: [E105] bad record"
    assert "\n" not in str(error)


def test_public_api_all_is_complete_and_importable():
    for module in (consilience, errors):
        for name in module.__all__:
            assert hasattr(module, name), name
    assert consilience.__version__


def coded_messages():
    return [(name, value) for table in (errors.Errors, errors.Warnings)
            for name, value in vars(table).items() if not name.startswith("_")]


def test_every_message_knows_its_code_and_makes_the_report_of_one_input():
    for name, message in coded_messages():
        assert isinstance(message, errors.CodedMessage) and message.code == name
    problem = errors.Errors.E111.problem("a.txt", size=12, limit=10, line=3)
    assert problem.one_line() == f"a.txt:3: [E111] {errors.Errors.E111.format(size=12, limit=10)}"
    assert problem.severity == "error"
    assert errors.Warnings.W102.problem("b.txt", other="a.txt").severity == "warning"


def test_no_code_is_typed_a_second_time_in_the_source():
    """A code is written once, as the name of its message; callers use `.code` or `.problem`."""
    literal = re.compile(r"""["'][EW]\d{3}["']""")
    offenders = []
    for path in sorted((Path(consilience.__file__).parent).rglob("*.py")):
        if path.name == "errors.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if literal.search(line) and "example" not in line and "`" not in line:
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []
