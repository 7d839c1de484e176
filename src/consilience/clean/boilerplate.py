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

from .units import Unit


@dataclass(frozen=True, slots=True)
class Verdict:
    reason: str
    credit: str | None = None
    outlet: str | None = None


Rule = Callable[[Unit], Verdict | None]

_NAME_WORD = r"[A-Z][\w.'’&-]*"
_OUTLET = rf"(?P<outlet>(?:the\s+)?{_NAME_WORD}(?:\s+(?:(?:of|and|&)\s+)?{_NAME_WORD})*)"

_COPYRIGHT = re.compile(
    r"(?i)(^\s*(©|\(c\)|copyright\b)|©\s*\d{4}|\ball rights reserved\b"
    r"|\b(cannot|can ?not|may not|must not|shall not|is not to|not to)\s+be\s+"
    r"(reprinted|reproduced|republished|redistributed|rewritten|copied|published, broadcast)"
    r"|\b(reprint(ed|ing)?|reproduc(e|ed|tion)|republish(ed|ing)?)\b.{0,60}\bwithout\b.{0,40}"
    r"\b(permission|consent|authori[sz]ation)\b)"
)
_EXCLUSIVE_OF = re.compile(
    rf"(?:exclusive|original)\s+(?:piece|article|content|report|story|manuscript)\s+"
    rf"(?:by|of|from)\s+{_OUTLET}"
)
_DISCLAIMER = re.compile(
    r"(?i)(^\s*disclaimer\b|\b(solely|only|merely)?\s*(represents?|reflects?)\s+(only\s+)?"
    r"(the\s+)?(author|writer|columnist)s?[’']?s?[’']?\s+(own\s+|personal\s+)?"
    r"(views?|opinions?|positions?)"
    r"|\bviews\s+(and\s+opinions\s+)?expressed\b.{0,80}\b(do not|don[’']t|does not)\s+"
    r"necessarily\s+(reflect|represent)"
    r"|\bfor\s+(informational|information)\s+purposes\s+only\b)"
)
_ORIGINAL_LINK = re.compile(
    r"(?i)^\s*(original\s+(article|link|source|text|url|post|report)|source\s+(link|url)|source"
    r"|via|link|read\s+(the\s+)?(original|full)(\s+(article|story|report))?|read\s+more\s+at"
    r"|first\s+published\s+(at|on|in)|originally\s+published\s+(at|on|in))\s*[:：]\s*\S+"
)
_URL_ONLY = re.compile(r"^\s*<?(https?://|www\.)\S+>?\s*$")
_WIDGET_WORDS = (
    r"comments?|\d+\s+comments?|comments?\s*\(\d+\)|leave\s+a\s+(comment|reply)"
    r"|add\s+(a\s+)?comment"
    r"|(show|view|load|hide)\s+(all\s+)?comments|join\s+the\s+(conversation|discussion)"
    r"|share|shares|share\s+(this|the)(\s+(article|story|post|page))?|share\s+(on|via)\s+\w+"
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
_WIDGET_PROMPT = re.compile(
    r"(?i)\b(click(ing)?|tap(ping)?)\b.{0,60}\b(buttons?|links?|icons?|here)\b.{0,40}"
    r"\b(below|above|to\s+(share|comment|subscribe|vote|like|read))\b"
    r"|\b(thumbs\s+up|thumbs\s+down)\b"
)
_TAGS = re.compile(
    r"(?i)^\s*(tags?|topics?|keywords?|filed\s+under|categor(y|ies)|section)\s*[:：]"
)
_PICTURE_WORDS = (
    r"pool|handout|file(\s+photo)?|photo|image|picture|caption|credit|photograph|video"
    r"|screenshot|courtesy|illustration|graphic"
)
_AGENCY = (
    r"reuters|afp|ap|associated\s+press|getty(\s+images)?|epa(-efe)?|efe|xinhua|bloomberg"
    r"|anadolu(\s+agency)?|shutterstock|pti|ani|ians|kyodo(\s+news)?|yonhap|aap|dpa|tass"
    rf"|sputnik|{_PICTURE_WORDS}"
)
_PICTURE = re.compile(rf"(?i)\b({_PICTURE_WORDS})\b")
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
_CAPTION_SUFFIX = re.compile(
    rf"(?i)[(\[|]\s*(?P<credit>(?:(?:{_AGENCY})(?:\s+(?:by|credit|source))?\s*[:/]?\s*)"
    r"[^()\[\]|]{0,60})[)\]]?\s*$"
)
_CREDIT_WORDS = re.compile(
    rf"(?i)\b(media|photos?|images?|file|handout|screenshot|courtesy|credit|footage|pool|tv"
    rf"|television|internet|online|social\s+media|web|{_AGENCY})\b"
)
_SHORT_CREDIT = re.compile(r"^(?P<subject>[^,.;:!?]{2,60}),\s*(?P<credit>[^,.;:!?]{2,40})$")
_PERSON_NAME = (
    r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|da|van|von|bin|al|el|le)|\s*,\s*[A-Z]"
    r"[\w.'’-]*)*"
)
_BYLINE = re.compile(
    r"^\W*(?i:(?:written\s+|words\s+|story\s+|text\s+|reporting\s+|report\s+)?by|author"
    rf"|authors|byline|reporter)\s*[:：]?\s+(?P<name>{_PERSON_NAME})\W*$"
)
_STAFF_BYLINE = re.compile(
    r"^(?P<outlet>[A-Z][\w.&' -]{1,40}?)\s+(?i:staff(\s+writer|\s+reporter)?|news\s+desk"
    r"|desk|bureau|correspondent|newsroom|editorial\s+(team|board)|web\s+desk)$"
)
_WIRE_CREDIT = re.compile(
    r"(?i)^\W*(reporting|additional\s+reporting|writing|editing|compiled|translated|edited)\s+by\b"
)
_CRUMB_SEPARATORS = re.compile(r"\s(?:>|»|›|/|\|)\s")
_SECTION = re.compile(r"^(?i:in|filed\s+in|filed\s+under|posted\s+in|categor(?:y|ies):?)\s+"
                      r"(?P<section>[A-Z][\w&' -]{0,40})$")


def _short(unit: Unit, words: int) -> bool:
    return unit.words <= words


def copyright_notice(unit: Unit) -> Verdict | None:
    if _short(unit, 60) and _COPYRIGHT.search(unit.text):
        exclusive = _EXCLUSIVE_OF.search(unit.text)
        return Verdict("copyright", outlet=exclusive.group("outlet") if exclusive else None)
    return None


def disclaimer(unit: Unit) -> Verdict | None:
    if _short(unit, 60) and _DISCLAIMER.search(unit.text):
        return Verdict("disclaimer")
    return None


def original_link(unit: Unit) -> Verdict | None:
    if _short(unit, 20) and (_ORIGINAL_LINK.search(unit.text) or _URL_ONLY.match(unit.text)):
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
    if suffix and unit.text.rstrip().endswith((")", "]")):
        return Verdict("caption", credit=suffix.group("credit").strip(" :/"))
    short = _SHORT_CREDIT.match(unit.text.strip())
    if short and _short(unit, 10) and _CREDIT_WORDS.search(short.group("credit")):
        return Verdict("caption", credit=short.group("credit").strip())
    return None


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
    if _short(unit, 4) and _SECTION.match(text):
        return Verdict("navigation")
    return None


def byline(unit: Unit) -> Verdict | None:
    text = unit.text.strip().strip("[]()")
    match = _BYLINE.match(text)
    if match and _short(unit, 12):
        return Verdict("byline", credit=match.group("name").strip(" ,"))
    staff = _STAFF_BYLINE.match(text)
    if staff and _short(unit, 6):
        return Verdict("byline", credit=text, outlet=staff.group("outlet").strip())
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
