"""Every regular expression in consilience, and adversarial inputs built from each one's shape.

Used by `regex_backtracking.py` (which times them) and by the tests (which run the inputs of
the patterns that were fixed, once, to show that they finish).

Why generated rather than written by hand: there are some 150 patterns, and catastrophic
backtracking comes from the *shape* of a pattern: an unbounded repeat whose body can match the
same text in more than one way (nested or adjacent quantifiers over overlapping classes), or a
repeat that scans to the end of the text at every starting position before failing. So for each
unbounded repeat in a pattern the generator builds the text that leads up to it (a minimal match
of what precedes it), pumps the repeat's body many times, then ends with a character that makes
the rest of the pattern fail, the shape that ReDoS finders (rescue, regexploit) look for. Fixed
families (long runs of letters, spaces, digits, dots, "A." pairs, ...) are added for every
pattern, as are, for scanning calls, the generator's near-match and its openings ("~~a ",
"![a](", "<!--") repeated back to back: openings that never close make a scan from each of
them run to the end of the text.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from re import _constants as sre  # the parser's opcodes: stable across 3.11-3.13
from re import _parser as sre_parse
from typing import Any

MAXREPEAT = sre.MAXREPEAT
SCANNING = ("search", "findall", "finditer", "sub", "subn", "split")
ANCHORED = ("match", "fullmatch")
_RE_FUNCTIONS = (*SCANNING, *ANCHORED, "compile")
# Candidate characters for a character class, most "ambiguous" first: a capital letter is in
# [A-Z], \w and [^\s]; a space and a dot overlap many separators.
_CANDIDATES = ("A", "a", "1", " ", ".", "-", "'", ",", "_", "\n", "\t", "/", "&", "’", "\"",
               "(", ")", "!", "#", "*", "<", ">", "=", ":", ";", "|", "é", "\u00a0", "\u2009",
               "%", "$", "€", "@", "x", "Z", "0", "?", "[", "]", "\x00")
# Fixed families: a long run of one unit, followed by a character nothing expects.
GENERIC_UNITS = ("a", "A", "1", " ", "\t", "\n", ".", ",", "-", "'", "\"", "_", "*", "#", "<",
                 "(", "[", "A.", "a ", "Aa ", "1,", "1.", "a.", "a-", " \n", "a'", "The ",
                 "said ", "1 ", "A ", ". ", "\u00a0")
FAIL_SUFFIXES = ("", "\x00", "!")


@dataclass(frozen=True, slots=True)
class Found:
    """One regular expression of the package: where it is, and how the code calls it."""

    location: str  # module.py:line
    name: str
    pattern: re.Pattern[str] | re.Pattern[bytes] | None
    methods: frozenset[str] = frozenset()
    note: str = ""  # why it is not measured (built at run time from variables)


@dataclass(frozen=True, slots=True)
class Attack:
    """prefix + unit * k + suffix, with k chosen to make a text of a given length."""

    label: str
    prefix: str
    unit: str
    suffix: str

    def text(self, size: int) -> str:
        count = max(1, (size - len(self.prefix) - len(self.suffix)) // max(1, len(self.unit)))
        return self.prefix + self.unit * count + self.suffix


# --- finding the patterns --------------------------------------------------------------------


def _flag_value(node: ast.expr | None) -> int | None:
    """re.I | re.S ... as an int; None when the expression is not made of re flags."""
    if node is None:
        return 0
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
            and node.value.id == "re":
        value = getattr(re, node.attr, None)
        return int(value) if isinstance(value, re.RegexFlag) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _flag_value(node.left), _flag_value(node.right)
        return None if left is None or right is None else left | right
    return None


def _flags_argument(call: ast.Call, function: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "flags":
            return keyword.value
    position = {"compile": 1, "sub": 4, "subn": 4, "split": 3}.get(function, 2)
    return call.args[position] if len(call.args) > position else None


def _is_re_call(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" \
            and node.func.attr in _RE_FUNCTIONS:
        return node.func.attr
    return None


def _patterns_in(value: Any) -> Iterator[tuple[str, re.Pattern[Any]]]:
    """Patterns held by a module attribute: itself, or inside lists, tuples and dicts."""
    if isinstance(value, re.Pattern):
        yield "", value
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            for suffix, pattern in _patterns_in(item):
                yield f"[{index}]{suffix}", pattern
    elif isinstance(value, dict):
        for key, item in value.items():
            for suffix, pattern in _patterns_in(item):
                yield f"[{key!r}]{suffix}", pattern


def _method_calls(tree: ast.AST) -> dict[str, set[str]]:
    """name -> the methods called on it (`_WORD.findall(...)` gives _WORD: {findall})."""
    calls: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            target = node.func.value
            if isinstance(target, ast.Name) and node.func.attr in (*SCANNING, *ANCHORED):
                calls.setdefault(target.id, set()).add(node.func.attr)
    return calls


def _module_patterns(module: Any, tree: ast.Module, relative: str,
                     calls: dict[str, set[str]]) -> Iterator[Found]:
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) else [])
        for target in targets:
            if not isinstance(target, ast.Name):
                continue
            for suffix, pattern in _patterns_in(getattr(module, target.id, None)):
                methods = frozenset(calls.get(target.id, ())) or frozenset(SCANNING)
                yield Found(f"{relative}:{node.lineno}", target.id + suffix, pattern, methods)


def _inline_patterns(tree: ast.Module, relative: str, module_level: set[int]) -> Iterator[Found]:
    """re.sub(r"...", ...) and re.compile(...) inside functions."""
    for node in ast.walk(tree):
        function = _is_re_call(node)
        if function is None or node.lineno in module_level:  # type: ignore[attr-defined]
            continue
        assert isinstance(node, ast.Call)
        where = f"{relative}:{node.lineno}"
        source = node.args[0] if node.args else None
        flags = _flag_value(_flags_argument(node, function))
        if isinstance(source, ast.Constant) and isinstance(source.value, str | bytes) \
                and flags is not None:
            methods = frozenset(SCANNING if function == "compile" else (function,))
            yield Found(where, f"re.{function}", re.compile(source.value, flags), methods)
        else:
            yield Found(where, f"re.{function}", None,
                        note="built at run time from variables; checked by reading")


def find_patterns(package: str = "consilience") -> list[Found]:
    """Every regular expression in the package, in module order."""
    root = importlib.import_module(package)
    base = Path(root.__file__ or "").resolve().parent
    found: list[Found] = []
    names = [package] + sorted(info.name for info in pkgutil.walk_packages(
        root.__path__, f"{package}.") if not info.name.endswith("__main__"))
    for name in names:
        module = importlib.import_module(name)
        path = Path(module.__file__ or "")
        if path.suffix != ".py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        relative = path.resolve().relative_to(base.parent).as_posix()
        calls = _method_calls(tree)
        level = list(_module_patterns(module, tree, relative, calls))
        spans = {line for statement in tree.body
                 if isinstance(statement, ast.Assign | ast.AnnAssign)
                 for line in range(statement.lineno, (statement.end_lineno or 0) + 1)}
        found.extend(level)
        found.extend(_inline_patterns(tree, relative, spans))
    return found


# --- building adversarial inputs ------------------------------------------------------------


def _category(category: Any, char: str) -> bool:
    if category in (sre.CATEGORY_DIGIT, sre.CATEGORY_UNI_DIGIT):
        return char.isdecimal()
    if category in (sre.CATEGORY_NOT_DIGIT, sre.CATEGORY_UNI_NOT_DIGIT):
        return not char.isdecimal()
    if category in (sre.CATEGORY_WORD, sre.CATEGORY_UNI_WORD):
        return char.isalnum() or char == "_"
    if category in (sre.CATEGORY_NOT_WORD, sre.CATEGORY_UNI_NOT_WORD):
        return not (char.isalnum() or char == "_")
    if category in (sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE):
        return char.isspace()
    if category in (sre.CATEGORY_NOT_SPACE, sre.CATEGORY_UNI_NOT_SPACE):
        return not char.isspace()
    if category in (sre.CATEGORY_LINEBREAK, sre.CATEGORY_UNI_LINEBREAK):
        return char == "\n"
    return char != "\n"


def _in_class(items: list[tuple[Any, Any]], char: str, ignore_case: bool) -> bool:
    variants = {char, char.lower(), char.upper()} if ignore_case else {char}
    negate = bool(items) and items[0][0] is sre.NEGATE
    hit = False
    for op, value in items[1:] if negate else items:
        for variant in variants:
            code = ord(variant) if len(variant) == 1 else -1
            if (op is sre.LITERAL and code == value) or (
                    op is sre.RANGE and value[0] <= code <= value[1]) or (
                    op is sre.CATEGORY and _category(value, variant)):
                hit = True
    return hit != negate


def _members(op: Any, value: Any, ignore_case: bool, dotall: bool) -> list[str]:
    """Up to four characters one single-character item matches, most ambiguous first."""
    if op is sre.LITERAL:
        return [chr(value)]
    if op is sre.NOT_LITERAL:
        return [char for char in _CANDIDATES if ord(char) != value][:4]
    if op is sre.ANY:
        return [char for char in _CANDIDATES if dotall or char != "\n"][:4]
    if op is sre.IN:
        members = [char for char in _CANDIDATES if _in_class(value, char, ignore_case)]
        if not members and value and value[0][0] is sre.LITERAL:
            members = [chr(value[0][1])]
        if not members and value and value[0][0] is sre.RANGE:
            members = [chr(value[0][1][0])]
        return members[:4] or ["a"]
    return []


@dataclass
class _Generator:
    """Renders a parsed pattern into a text it (nearly) matches; the repeat `target` is
    replaced by a marker, and its body's `variant` picks which characters and alternatives."""

    flags: int
    target: int | None = None
    variant: int = 0
    groups: dict[int, str] = field(default_factory=dict)
    unit: str = ""
    _counter: int = 0

    MARK = "\ue000"

    def render(self, items: Any, inside: bool = False) -> str:
        parts: list[str] = []
        for op, value in items:
            parts.append(self._item(op, value, inside))
        return "".join(parts)

    def _item(self, op: Any, value: Any, inside: bool) -> str:
        ignore_case = bool(self.flags & re.IGNORECASE)
        dotall = bool(self.flags & re.DOTALL)
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
            members = _members(op, value, ignore_case, dotall)
            return members[self.variant % len(members)] if inside else members[0]
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, body = value
            number = self._counter
            self._counter += 1
            if number == self.target:
                self.unit = self.render(body, inside=True) or " "
                return self.render(body) * low + self.MARK
            return self.render(body, inside) * low
        if op is sre.SUBPATTERN:
            group, _add, _remove, body = value
            text = self.render(body, inside)
            if group:
                self.groups[group] = text
            return text
        if op is sre.ATOMIC_GROUP:
            return self.render(value, inside)
        if op is sre.BRANCH:
            return self._branch(value[1], inside)
        if op is sre.GROUPREF:
            return self.groups.get(value, "")
        if op is sre.GROUPREF_EXISTS:
            if value[2] is not None:
                self.render(value[2], inside)  # numbers its repeats; the "yes" branch is used
            return self.render(value[1], inside)
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            self.render(value[1], inside)  # numbers its repeats; a lookaround consumes nothing
        return ""  # anchors consume nothing

    def _branch(self, alternatives: list[Any], inside: bool) -> str:
        """The alternative holding the target repeat; else the variant's (inside the target's
        body) or the first. Every alternative is rendered, so repeats keep their numbers."""
        texts = [self.render(alternative, inside) for alternative in alternatives]
        marked = [text for text in texts if self.MARK in text]
        if marked:
            return marked[0]
        return texts[self.variant % len(texts)] if inside else texts[0]


def _count_repeats(items: Any) -> list[tuple[int, int]]:
    """(low, high) of every repeat, in the generator's numbering order."""
    found: list[tuple[int, int]] = []

    def walk(nodes: Any) -> None:
        for op, value in nodes:
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
                found.append((value[0], value[1]))
                walk(value[2])
            elif op is sre.SUBPATTERN:
                walk(value[3])
            elif op is sre.ATOMIC_GROUP:
                walk(value)
            elif op is sre.BRANCH:
                for alternative in value[1]:
                    walk(alternative)
            elif op is sre.GROUPREF_EXISTS:
                if value[2] is not None:
                    walk(value[2])
                walk(value[1])
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                walk(value[1])

    walk(items)
    return found


def attacks(pattern: re.Pattern[str], variants: int = 3) -> list[Attack]:
    """Adversarial inputs for one (text) pattern: pumped repeats and fixed families."""
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    found: dict[tuple[str, str, str], Attack] = {}

    def add(label: str, prefix: str, unit: str, suffix: str) -> None:
        if unit:
            found.setdefault((prefix, unit, suffix), Attack(label, prefix, unit, suffix))

    for number, (_low, high) in enumerate(_count_repeats(tree.data)):
        if high != MAXREPEAT and high < 100:
            continue
        for variant in range(variants):
            generator = _Generator(pattern.flags, target=number, variant=variant)
            text = generator.render(tree.data)
            if _Generator.MARK not in text:
                continue
            before, _, after = text.partition(_Generator.MARK)
            for suffix in FAIL_SUFFIXES:
                add(f"repeat #{number} v{variant} + {suffix!r}", before, generator.unit, suffix)
            add(f"repeat #{number} v{variant} then match", before, generator.unit, after)
    example = _Generator(pattern.flags).render(tree.data)
    add("near-match repeated", "", example, "\x00")
    add("near-match repeated (truncated)", "", example[:-1] or example, "\x00")
    # Openings that never close ("~~a ", "![a](", "<!--"): each scans on to the end.
    for length in range(1, min(len(example), 6) + 1):
        opening = example[:length]
        add(f"opening {opening!r} repeated", "", opening, "\x00")
        add(f"opening {opening!r} + ' ' repeated", "", opening + " ", "\x00")
        add(f"opening {opening!r} + 'a ' repeated", "", opening + "a ", "\x00")
    for unit in GENERIC_UNITS:
        add(f"run of {unit!r}", "", unit, "\x00")
    return list(found.values())
