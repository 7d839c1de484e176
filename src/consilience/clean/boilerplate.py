"""Rules that recognise boilerplate lines, each giving the reason it is not article text.

Rules are general: they describe kinds of page furniture found across news sites (notices,
widgets, captions, credits, navigation), never the wording of one outlet. `ANYWHERE` rules hold
wherever the line stands; `EDGE` rules only above the first or below the last body paragraph,
where a short line is furniture rather than text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..lang.en.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES
from .units import Unit


@dataclass(frozen=True, slots=True)
class Verdict:
    reason: str
    credit: str | None = None
    outlet: str | None = None


Rule = Callable[[Unit], Verdict | None]

_NAME_WORD = r"[A-Z][\w.'’&-]*"
_OUTLET = rf"(?P<outlet>(?:the\s+)?{_NAME_WORD}(?:\s+(?:(?:of|and|&)\s+)?{_NAME_WORD})*)"

# A notice, not a sentence about copyright: "© 2024 X", "Copyright 2024 X", "Copyright: X",
# "Copyright The X" (a short line naming only the holder), or the reprint prohibition itself.
_COPYRIGHT = re.compile(
    r"(?i)(^\s*(©|\(c\)\s)|^\s*copyright\s*(©|\(c\)|\d{4}|[:：]|by\b)|©\s*\d{4}"
    r"|\ball rights reserved\b"
    r"|\b(cannot|can ?not|may not|must not|shall not|is not to|not to)\s+be\s+"
    r"(reprinted|reproduced|republished|redistributed|rewritten|copied|published, broadcast)\b"
    r".{0,60}\b(without|in\s+(any|whole)|unless)\b"
    r"|\b(this|our|its)\s+(material|article|content|story|report|piece|text|page|website|site"
    r"|publication)\b.{0,80}\b(cannot|can ?not|may not|must not|shall not|is not to|not to)\s+"
    r"be\s+(reprinted|reproduced|republished|redistributed|rewritten|copied|published)\b"
    r"|\b(reprinting|reproduction|republication|republishing|redistribution)\b.{0,60}\bwithout\b"
    r".{0,40}\b(permission|consent|authori[sz]ation)\b)"
)
# Each word taken whole (possessive): a word may not be split into several of the five, or
# "Copyright " and a long run of capitals takes polynomial time to fail.
_COPYRIGHT_HOLDER = re.compile(
    r"^\s*(?i:copyright)\s+(?:[A-Z][\w.&'’-]*+\s*+){1,5}\.?\s*$")
_EXCLUSIVE_OF = re.compile(
    rf"(?:exclusive|original)\s+(?:piece|article|content|report|story|manuscript)\s+"
    rf"(?:by|of|from)\s+{_OUTLET}"
)
_AUTHOR_VIEWS = (
    r"(represents?|reflects?)\s+(only\s+)?(the\s+)?(author|writer|columnist)s?[’']?s?[’']?\s+"
    r"(own\s+|personal\s+)?(views?|opinions?|positions?)"
)
# The page speaking of itself: "This article solely represents the author's views", not a
# sentence such as "the book reflects the author's views".
_DISCLAIMER = re.compile(
    rf"(?i)(^\s*disclaimer\b|\b(solely|only|merely)\s+{_AUTHOR_VIEWS}"
    r"|\b(this|the)\s+(article|piece|column|content|post|commentary|op-ed|blog|essay|text)\b"
    rf".{{0,40}}\b{_AUTHOR_VIEWS}"
    r"|\bviews\s+(and\s+opinions\s+)?expressed\b.{0,80}\b(do not|don[’']t|does not)\s+"
    r"necessarily\s+(reflect|represent)"
    r"|\bfor\s+(informational|information)\s+purposes\s+only\b)"
)
_ORIGINAL_LINK = re.compile(
    r"(?i)^\s*(original\s+(article|link|source|text|url|post|report)|source\s+(link|url)|source"
    r"|via|link|read\s+(the\s+)?(original|full)(\s+(article|story|report))?|read\s+more\s+at"
    r"|first\s+published\s+(at|on|in)|originally\s+published\s+(at|on|in))\s*[:：]\s*"
    r"(?P<value>\S.*)$"
)
# What follows "Source:" is a link or a name or two, not a sentence of the report.
_LINK_VALUE_WORDS = 12
_URL_ONLY = re.compile(r"^\s*<?(https?://|www\.)\S+>?\s*$")
_WIDGET_WORDS = (
    r"comments?|\d+\s+comments?|comments?\s*\(\d+\)|leave\s+a\s+(comment|reply)"
    r"|add\s+(a\s+)?comment"
    r"|(show|view|load|hide)\s+(all\s+)?comments|join\s+the\s+(conversation|discussion)"
    r"|share|shares|share\s+(this|the)(\s+(article|story|post|page))?"
    r"|share\s+(on|via|by|with)\s+\w+"
    r"|tweet|email|e-mail|print|like|reply|copy\s+link|save|bookmark|whatsapp|facebook|twitter"
    r"|linkedin|telegram|reddit|follow\s+us(\s+on\s+.+)?|subscribe(\s+(now|today|here))?"
    r"|subscribe\s+to\s+.+|sign\s+up(\s+(now|here|for\s+.+))?|newsletter|advertisement"
    r"|advertising|sponsored(\s+content)?|ad|related(\s+(articles?|stories|news|content|posts))?"
    r"|read\s+more|read\s+next|more\s+from\s+.+|recommended(\s+for\s+you)?|you\s+may\s+also\s+like"
    r"|most\s+(read|popular|viewed)|trending(\s+now)?|click\s+to\s+expand|loading\.*"
    r"|listen\s+to\s+(this\s+)?(article|story)|download\s+(the|our)\s+app|back\s+to\s+top"
    r"|skip\s+to\s+(main\s+)?content|top\s+stories|latest\s+news|watch|video|photos?|gallery"
)
_WIDGET = re.compile(rf"(?i)^\W*({_WIDGET_WORDS})\W*$")
# A prompt to use the page ("click the button below", "tap here to share", "thumbs up/down"),
# not a sentence that mentions clicking or a thumbs-up.
_WIDGET_PROMPT = re.compile(
    r"(?i)\b(click(ing)?|tap(ping)?)\b.{0,60}\b(buttons?|links?|icons?|here)\b.{0,40}"
    r"(\b(below|above)\b(?=\s*(?:[.,:;!)\]]|$|to\b|and\b))"
    r"|\bto\s+(share|comment|subscribe|vote|like|read|watch|sign\s+up)\b)"
    r"|\bthumbs[\s-]+up\s*(/|or|and)\s*(thumbs[\s-]+)?down\b"
)
_TAGS = re.compile(
    r"(?i)^\s*(tags?|topics?|keywords?|filed\s+under|categor(y|ies)|section)\s*[:：]"
)
_PICTURE_WORDS = (
    r"pool|handout|file(\s+photo)?|photo|image|picture|caption|credit|photograph|video"
    r"|screenshot|courtesy|illustration|graphic"
)
# Agencies that only sell pictures: a bracketed credit naming one is a picture credit.
_PHOTO_AGENCY = r"getty(\s+images)?|epa(-efe)?|shutterstock|alamy|depositphotos|wenn"
_NEWS_AGENCY = (
    r"reuters|afp|ap|associated\s+press|efe|xinhua|bloomberg|anadolu(\s+agency)?|pti|ani|ians"
    r"|kyodo(\s+news)?|yonhap|aap|dpa|tass|sputnik"
)
_AGENCY = rf"{_NEWS_AGENCY}|{_PHOTO_AGENCY}|{_PICTURE_WORDS}"
_PICTURE = re.compile(rf"(?i)\b({_PICTURE_WORDS}|{_PHOTO_AGENCY})s?\b")
# Captions describe a picture in the present tense: "X holds a press conference ...".
_CAPTION_VERB = re.compile(
    r"\b(holds|speaks|attends|arrives|gestures|looks\s+on|waves|poses|walks|listens|delivers"
    r"|shakes|stands|sits|meets|addresses|talks|leaves|greets|smiles|salutes|inspects|visits"
    r"|reacts|gather|gathers|march|marches|(is|are)\s+(seen|pictured|shown)|pictured|in\s+this"
    r"\s+(file\s+)?(photo|picture|image))\b"
)
_CAPTION_PREFIX = re.compile(
    rf"^\s*\(?(?P<credit>(?:{_AGENCY})(?:\s*(?:/|via|and|&)\s*[\w .-]{{1,30}})?)\)?\s*[:：|]\s*\S",
    re.IGNORECASE,
)
# "(Reuters)", "(AP Photo/Name)", "[Image via X]", "(Picture: X)", "(file picture)", "(Xinhua
# photo)": a bracketed credit closing the line. Not "(pictured)" or "(picture posed by
# models)", which are text. White space before a word or a mark is taken whole (possessive
# "\s*+"): shared out among several "\s*", a long run of it is tried in polynomially many
# ways before the line fails to end on a bracket.
_CREDIT_LINK = r"(?:[:/|–-]|\bby\b|\bvia\b|\bfrom\b|\bcourtesy\b|\bcredits?\b|\bsource\b|,)"
_CAPTION_SUFFIX = re.compile(
    rf"(?i)[(\[]\s*+(?P<credit>(?:(?:{_AGENCY})s?\b|(?:[\w.&'’-]+\s+){{1,3}}"
    rf"(?:{_PICTURE_WORDS})s?\b)"
    rf"(?:\s++(?:{_PICTURE_WORDS})s?\b)?(?:\s*+{_CREDIT_LINK}[^()\[\]]{{0,80}}?"
    r"|(?<=courtesy)(?:\s++of)?\s++[^()\[\]]{1,80}?)?)"
    r"\s*+[.]?\s*+[)\]]\s*$"
)
# "... in Tokyo. Photo: AP" or "... in Tokyo. AP Photo/Name": a credit after the last sentence.
_CAPTION_TAIL = re.compile(
    rf"(?i)[.!?”\"]\s+(?P<credit>(?:(?:{_NEWS_AGENCY}|{_PHOTO_AGENCY})\s+)?"
    rf"(?:photo|picture|image|video)s?(?:\s+credit)?\s*(?:[:/]|\bby\b|\bvia\b)\s*"
    r"[^.!?]{1,60})$"
)
# A paragraph of running text may end with a stray credit; only a short one is a caption.
_TAIL_CAPTION_WORDS = 30
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]")
_CREDIT_WORDS = re.compile(
    rf"(?i)\b(media|photos?|images?|file|handout|screenshot|courtesy|credit|footage|pool|tv"
    rf"|television|internet|online|social\s+media|web|{_AGENCY})\b"
)
_SHORT_CREDIT = re.compile(r"^(?P<subject>[^,.;:!?]{2,60}),\s*(?P<credit>[^,.;:!?]{2,40})$")
_PERSON_NAME = (
    r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|of|de|da|van|von|bin|al|el|le)|\s*,\s*[A-Z]"
    r"[\w.'’-]*)*"
)
# "(?:\s*+[:：])?\s++" is "\s*[:：]?\s+" without sharing a run of white space out between
# the two in quadratically many ways.
_BYLINE = re.compile(
    r"^\W*(?i:(?:written\s+|words\s+|story\s+|text\s+|reporting\s+|report\s+)?by|author"
    rf"|authors|byline|reporter)(?:\s*+[:：])?\s++(?P<name>{_PERSON_NAME})\W*$"
)
_STAFF_BYLINE = re.compile(
    r"^(?P<outlet>[A-Z][\w.&' -]{1,40}?)\s+(?i:staff(\s+writer|\s+reporter)?|news\s+desk"
    r"|desk|bureau|correspondent|newsroom|editorial\s+(team|board)|web\s+desk)$"
)
# From the start of a run of white space only: from every one of its characters, "\s+" would
# scan the rest of a long run again.
_FIELD_SEPARATOR = re.compile(r"(?<!\s)\s+[|•·]\s+")
_WIRE_CREDIT = re.compile(
    r"^\W*(?i:reporting|additional\s+reporting|writing|editing|compiled|translated|edited)"
    r"\s+(?i:by)\s+(?:[A-Z]|(?i:agencies|wires?|staff|our)\b)"
)
# Words that describe a correspondent, not the outlet: "Our Correspondent", "Special Correspondent".
_NOT_OUTLET = re.compile(
    r"(?i)^(our|own|special|foreign|political|diplomatic|senior|chief|staff|a|an|the|from|by"
    r"|news|sports?|business|city|metro|national|world)$"
)
_CRUMB_SEPARATORS = re.compile(r"\s(?:>|»|›|/|\|)\s")
_SECTION = re.compile(r"^(?i:in|filed\s+in|filed\s+under|posted\s+in|categor(?:y|ies):?)\s+"
                      r"(?P<section>[A-Z][\w&' -]{0,40})$")
# "In March", "In 2019", "In Monday's vote": a time, not a section of the site.
_NOT_SECTION = re.compile(
    r"(?i)^(?:(?:" + "|".join(sorted(MONTH_ABBREVIATIONS)) + r")\.?|"
    + "|".join(name for name in MONTH_NAMES if name not in MONTH_ABBREVIATIONS)
    + r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|spring|summer|autumn|fall|winter|\d+)\b"
)


def _short(unit: Unit, words: int) -> bool:
    return unit.words <= words


def copyright_notice(unit: Unit) -> Verdict | None:
    if _short(unit, 60) and (_COPYRIGHT.search(unit.text) or _COPYRIGHT_HOLDER.match(unit.text)):
        exclusive = _EXCLUSIVE_OF.search(unit.text)
        return Verdict("copyright", outlet=exclusive.group("outlet") if exclusive else None)
    return None


def disclaimer(unit: Unit) -> Verdict | None:
    if _short(unit, 60) and _DISCLAIMER.search(unit.text):
        return Verdict("disclaimer")
    return None


def original_link(unit: Unit) -> Verdict | None:
    if not _short(unit, 20):
        return None
    if _URL_ONLY.match(unit.text):
        return Verdict("original-link")
    labelled = _ORIGINAL_LINK.search(unit.text)
    if labelled is not None:
        value = labelled.group("value")
        if _URL_ONLY.match(value) or len(value.split()) <= _LINK_VALUE_WORDS:
            return Verdict("original-link")
    return None


def widget(unit: Unit) -> Verdict | None:
    if _short(unit, 8) and _WIDGET.match(unit.text):
        return Verdict("widget")
    if _short(unit, 40) and _WIDGET_PROMPT.search(unit.text):
        return Verdict("widget")
    return None


def image_caption(unit: Unit) -> Verdict | None:
    """Markdown images, agency-credited captions and 'Subject, credit' picture labels."""
    if unit.image:
        return Verdict("caption")
    if not _short(unit, 45):
        return None
    prefix = _CAPTION_PREFIX.match(unit.text)
    if prefix and (_PICTURE.search(prefix.group("credit")) or _CAPTION_VERB.search(unit.text)):
        return Verdict("caption", credit=prefix.group("credit").strip())
    suffix = _CAPTION_SUFFIX.search(unit.text)
    if suffix and _credits_a_picture(unit, suffix.group("credit"), suffix.start()):
        return Verdict("caption", credit=suffix.group("credit").strip(" :/.|"))
    tail = _CAPTION_TAIL.search(unit.text)
    if tail and len(unit.text[: tail.start()].split()) <= _TAIL_CAPTION_WORDS:
        return Verdict("caption", credit=tail.group("credit").strip(" :/."))
    short = _SHORT_CREDIT.match(unit.text.strip())
    if short and _short(unit, 10) and _CREDIT_WORDS.search(short.group("credit")):
        return Verdict("caption", credit=short.group("credit").strip())
    return None


def _credits_a_picture(unit: Unit, credit: str, start: int) -> bool:
    """A bracketed credit ends a caption when it names a picture, a photographer ('Agency/Name')
    or a picture agency. A bare news agency ('[Reuters]') only closes a short caption (one
    sentence that describes a picture, or a label without a full stop): after running text it
    names the source of the report."""
    if _PICTURE.search(credit) or "/" in credit:
        return True
    before = unit.text[:start].rstrip()
    return (len(before.split()) <= 20 and not _SENTENCE_BREAK.search(before)
            and (bool(_CAPTION_VERB.search(before)) or not before.endswith((".", "!", "?"))))


def tags(unit: Unit) -> Verdict | None:
    if _short(unit, 30) and _TAGS.match(unit.text):
        return Verdict("navigation")
    return None


def navigation(unit: Unit) -> Verdict | None:
    """Breadcrumbs ('Home > World > Asia') and section labels ('In Politics')."""
    text = unit.text.strip()
    if _short(unit, 14) and len(_CRUMB_SEPARATORS.findall(text)) >= 2 \
            and not text.endswith((".", "?", "!")):
        return Verdict("navigation")
    section = _SECTION.match(text)
    if _short(unit, 4) and section and not _NOT_SECTION.match(section.group("section")):
        return Verdict("navigation")
    return None


def byline(unit: Unit) -> Verdict | None:
    """'By Jane Doe', 'Author: Jane Doe', 'X Staff', and 'By Jane Doe | Tokyo | Posted: ...'."""
    text = unit.text.strip().strip("[]()")
    first, *rest = _FIELD_SEPARATOR.split(text)
    if rest and _short(unit, 24) and all(len(part.split()) <= 8 for part in rest):
        text = first.strip()
    match = _BYLINE.match(text)
    if match and len(text.split()) <= 12:
        return Verdict("byline", credit=match.group("name").strip(" ,"))
    staff = _STAFF_BYLINE.match(text)
    if staff and _short(unit, 6):
        outlet = staff.group("outlet").strip()
        return Verdict("byline", credit=text,
                       outlet=None if _NOT_OUTLET.match(outlet) else outlet)
    return None


def wire_credit(unit: Unit) -> Verdict | None:
    if _short(unit, 30) and _WIRE_CREDIT.match(unit.text):
        return Verdict("credit", credit=unit.text.strip(" ()[]"))
    return None


ANYWHERE: tuple[Rule, ...] = (copyright_notice, disclaimer, original_link, widget, image_caption,
                              tags)
EDGE: tuple[Rule, ...] = (byline, wire_credit, navigation)


def judge(unit: Unit, rules: tuple[Rule, ...]) -> Verdict | None:
    """The first verdict of `rules` on `unit`, or None when it is article text to them."""
    for rule in rules:
        verdict = rule(unit)
        if verdict is not None:
            return verdict
    return None
