"""The page's own lines and the furniture copied with an article's text: pointers, sign-offs,
bylines, credit lines, editors' notes, stamps, and what a web page puts around a story (photo
credits and captions, video players, share and advertisement lines, embedded posts' frames,
newsletter offers, reading times, "2 hours ago" stamps, bylines without "By", wire notes such as
"(Corrects ...)", an author's bio at the foot). Recognised by form, never by the story's words;
clean.flag_boilerplate flags each such paragraph (issue 14: boilerplate by form), so none is a
claim, a figure or a disagreement.
"""

from __future__ import annotations

import re

from .numbers.stamps import MONTH_RE, is_stamp
from .segment import COPYRIGHT, is_byline

# Lines that are nothing but a control or a label of the page (compared lower case, trimmed of
# marks): "Share", "SKIP ADVERTISEMENT", "Story continues below advertisement".
_LABELS = frozenset("""
share|save|print|email|close|play video|now playing|gift article|give this article|share full article|
share this article|link copied|copy link|skip advertisement|advertisement|story continues below advertisement|
article continues below advertisement|continue reading|continue reading the main story|supported by|
reuse this content|explore more on these topics|after newsletter promotion|about the author|
join our commenting forum|video ad feedback|listen to this article|listen to article|
hide caption|toggle caption|enlarge this image|show comments|view comments|view this post on instagram|
allow twitter content?|sponsored|sponsored content|promoted|paid content|media playback is unsupported on your device|
press shift question mark to access a list of keyboard shortcuts|scroll down for video|
please use chrome browser for a more accessible video player|our standards: the thomson reuters trust principles|
our standards: the thomson reuters trust principles., opens new tab|purchase licensing rights|
this is a developing story|this story is developing|check back for updates|
this is a breaking news update|this story will be updated|story continues|article continues|
article continues after advertisement|advertisement - scroll to continue|advertisement scroll to continue|
trending now|latest updates|don't miss|up next|most popular|related content|more videos|more on this story|
related internet links|comment on this story|comment on this story comment|
the bbc is not responsible for the content of external sites|loading|save for later|report an error|
reprints & permissions|reprints and permissions|skip navigation|skip to main content|skip to content|
javascript is required to view this content|your browser does not support the video tag|
please enable javascript to view the comments powered by disqus|featured video|must watch|just watched|
replay|buy photo|show thumbnails|text size a a a|embed|copy this code to your website or blog|
sponsored links by taboola|sponsored stories|recommended by|story highlights|key points|
in this article|e-mail|shares|show thumbnails|show captions|next|last|previous|tweet with a location|
yahoo news|associated press|the associated press|getty images|istockphoto|screenshot|in pictures|
related coverage|like this|like loading|print this page|email this article|sponsor message|
skip past newsletter promotion|live updates|breaking news|leave a reply|leave a reply cancel reply|
cancel reply|share what you think|best rated|worst rated|view all|related topics|sign in|log in|
subscribe sign in|e-edition|privacy dashboard|ad terms|terms and privacy policy|gift this article|
more from this author|about us|contact us|privacy policy|terms of use|terms of service|cookie policy|
cookie settings|manage cookies|accept all|reject all""".replace("\n", "").split("|"))

# A press release's end mark or its notes to editors: what follows is about the issuer, not the
# story ("ENDS", "-ENDS-", "###", "-30-", "Notes to editors").
RELEASE_END = re.compile(r"^\s*(?:-*\s*(?:ENDS|Ends)\s*-*|#\s*#\s*#|-\s*30\s*-|(?:Notes?|NOTES?) (?:to|TO) "
                         r"(?:editors|Editors|EDITORS)\s*:?|Editor['’]s notes?\s*:?)\s*$")
# Labels of a press release's head ("PRESS RELEASE", "For immediate release", "Embargoed until").
_RELEASE_HEAD = re.compile(r"^\W*(?:press release|news release|media release|for immediate release|"
                           r"embargoed (?:until|till)\b)", re.I)
_DIGIT = re.compile(r"\d")
# A sentence ended, as the story's paragraphs are (a headline or a label is not).
ENDED = re.compile(r"[.!?][\"'”’)\]]*\s*$")

# ---------------------------------------------------------------- lines of the page's own

_MONTH = MONTH_RE  # "Jan", "January.", "Sept" (matched without regard to case here)
_TRAILER = re.compile(
    r"^\W*(more on this (?:story|topic)|more|related|read more|read next|also read|see also|recommended|you (might|may) also like|"
    r"latest|trending|most (read|popular|viewed|shared)|popular|top stories|further reading|"
    r"other news|editor'?s picks|more from|more stories|in other news|what to read next|"
    r"also on|more on|more news|around the web|from around the web|"
    r"comments?|leave a (comment|reply)|join the conversation|share this|tags?)\b",
    re.I,
)
_POINTER = re.compile(
    r"^(?![\"“‘'])\W*(read more|related|related videos?|more videos?|see also|also read|read next|watch|"
    r"listen|tags|topics|filed under)\s*:|"
    # (these only before a headline, never a sentence: "Recommended: eight hours of sleep.")
    r"^(?![\"“‘'])\W*(read more|related|also read|read also|also see|more|trending|recommended|"
    r"don['’]t miss|video|videos|photos|gallery|in pictures)\s*[:|][^.!?]*$|"
    r"^(?![\"“‘'])\W*read the (full|original) (story|article)\s+(at|on|in)\b[^.!?,]*\.?$",
    re.I,
)
# (never a quotation: '"Follow me," the officer shouted'; "Reporting by", "Editing by" only before
# names, never a clause: "Compiled by S&P Global, the index fell")
_SIGN_OFF = re.compile(
    r"^(?![\"“‘'])\W*((reporting|editing|writing|compiled|produced|edited|written) by\s+"
    r"(?-i:[A-Z][\w.&'’-]*)(?:\s*[;,]?\s+(?:(?-i:[A-Z])[\w.&'’-]*|and|in|from|at|by|of|with|"
    r"additional|reporting|editing|writing|&))*\W*$|"
    r"additional reporting\b|follow (us|me)\b|subscribe\b|sign up\b|click here\b|"
    r"share (this|on)\b|advertisement\W*$|listen to this article|contact (us|the author)\b|"
    r"send (us )?(a )?tips?\b|image (source|caption)\b|photo:|picture:)",
    re.I,
)
# The print edition's line at a web article's foot ("A version of this article appears in print
# on Oct. 12, 2012, on page A16 of the New York edition with the headline: ..."): boilerplate by
# form, whatever headline it quotes.
_PRINT_LINE = re.compile(
    r"^\W*(a version of this (article|story|report|review|column)|this (article|story) "
    r"(also )?(appears|appeared))\s+(appears\s+|appeared\s+)?in\s+(the\s+)?print\b", re.I)
# A credit line: who else reported the story ("Associated Press writers Jo Doe and Al Roe
# contributed to this report.", "Jo Doe contributed reporting from Ardley."), never a claim.
_CREDIT_LINE = re.compile(
    r"\bcontribut(ed|ing)\b.{0,40}?\b(to|for) this (report|story|article)\b|"
    r"\bcontributed (additional )?reporting\b|"
    r"^(?:(?-i:[A-Z])[\w.'’-]*\s+){0,4}(writers?|correspondents?|reporters?)\b[^.!?]{0,80}"
    r"\bcontributed\W*$|"
    r"^(?:(?-i:[A-Z])[\w.'’-]*\s+){2,6}contributed\W*$", re.I)  # "NBC News' Jo Doe contributed."
# Who made or answers for the report: "This report was produced in partnership with ...", "The
# Associated Press is solely responsible for this content."
_PRODUCED = re.compile(
    r"^\W*this (report|story|article|series) (was|is) (produced|funded|supported|made)"
    r" (in partnership|in collaboration|with (the )?support|with a grant)\b[^,;]{0,80}$|"
    r"^\W*(the\s+)?(?-i:[A-Z])[\w.'’&-]*(\s+(?-i:[A-Z])[\w.'’&-]*){0,4}\s+is solely responsible for "
    r"(this|all) content\W*$", re.I)
# A pointer to a journalist's accounts or mail ("Follow Jo Doe on Twitter at @jodoe.", "Email
# the author at jo@example.com").
_FOLLOW = re.compile(
    r"^\W*follow\s+(us|me|him|her|them|(?-i:[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3}))\s+(on|at|via)\s+"
    r"(twitter|x|facebook|instagram|threads|bluesky|mastodon|tiktok|linkedin|@)|"
    r"^\W*(e-?mail|contact|reach|write to)\b[^.!?]{0,60}\b[\w.+-]+@[\w-]+\.[\w.]+", re.I)
# An outlet's note on its own report ("This story has been updated to correct ...", "An earlier
# version of this article misstated ...", "Correction: ...", "Editor's note: ..."): about the
# page, not a claim of the story; its figures are no facts to compare (issue 14, boilerplate by
# form). Not "UPDATE: ...": a live story's update tells news ("UPDATE - May 30, 10 p.m.: she
# apologised"); only its stamp is not a figure (numbers.stamps).
_EDITOR_NOTE = re.compile(
    r"^\W*(this (story|article|post|piece) (has been|was|is being) (updated|corrected|"
    r"revised|changed|amended|edited)\b|an? (earlier|previous|prior) version of this (story|article|report|post|piece)\b|"
    r"(correction|corrections|clarification|editor['’]s note)\s*:)", re.I)
# What may follow a "more stories" header's opening words: "Related stories", "More from Sky
# News", "Comments (45)"; never a subheading of the story ("More rain forecast", "Latest warnings").
_TRAILER_REST = frozenset("stories story news articles headlines coverage videos video from for "
                          "this reading like posts links content photos galleries internet".split())
_NAV = re.compile(r"\s[|›»>/]\s")
_DAY = r"\d{1,2}(st|nd|rd|th)?"
# A line that is nothing but a date ("September 9, 2013", "Tue, 4 June 2013", "2013-09-09"): the
# page's publication date, never a fact of the story (issue 14, boilerplate by form).
_LONE_DATE = re.compile(
    rf"^\W*(on\s+)?((mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"({_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}/\d{{1,2}}/\d{{2,4}})\W*$",
    re.I,
)


def trailer_header(shown: str) -> bool:
    """Is this line a "more stories" header ("Related stories", "More from Sky News", "Comments
    (45)"), not a subheading of the story ("More rain forecast", "Latest warnings")?"""
    m = _TRAILER.match(shown)
    if m is None:
        return False
    rest = shown[m.end():].strip(" \t:-–—|»›>()[]0123456789").split()
    return not rest or len(rest) <= 4 and rest[0].lower() in _TRAILER_REST


_COMMENTS = re.compile(r"\s*(?:\d[\d,]*\s+comments?|comments?\s*[:(]?\s*\d[\d,]*\s*\)?|"
                       r"(?:show|view|see)\s+(?:all\s+)?\d[\d,]*\s+comments?)\s*", re.I)


def comments_header(shown: str) -> bool:
    """Is this line the header of the readers' comments, with their count ("Comments (3)", "12
    comments", "Show all 40 comments")? What follows it is theirs, to the page's end."""
    return _COMMENTS.fullmatch(shown) is not None


def _pointer_list(shown: str) -> bool:
    """A header line and headlines under it, one a line ("Read more from Sky News:" / "City
    bridges need billions in repairs" / "Train strike dates announced")."""
    lines = [x.strip() for x in shown.splitlines() if x.strip()]
    return len(lines) >= 2 and trailer_header(lines[0].removesuffix(":")) and \
        not any(ENDED.search(x) for x in lines[1:])


def glued_tail(shown: str) -> bool:
    """Is this sentence, closing a paragraph of the story, the page's: a credit line ("The
    Associated Press contributed to this report."), a copyright notice, a sign-off ("(Reporting by
    Jo Doe; Editing by Al Roe)"), a pointer to another story ("Read more: ..."), a wire's
    exchange-rate note ("($1 = 0.7654 euros)"), a photo credit ("(Image: Getty)", "Picture: Jo
    Doe/Courier"), a page's label ("Advertisement ADVERTISEMENT") or a newsletter's offer ("Sign up
    here.")? Scraped pages
    glue them to the story's last sentence; segment.build_source gives them a paragraph of their
    own, so that clean flags them and not the sentence before."""
    groups = _BRACKETS.findall(shown)
    if len(groups) > 1 and _BRACKETS_ONLY.match(shown):
        return all(glued_tail(g) for g in groups)  # "($1 = 0.7654 euros) (Reporting by ...)"
    n_words = len(shown.split())
    inner = shown.strip().strip("()[]").strip()
    return (_credit(shown, n_words)
            or n_words <= 60 and bool(COPYRIGHT.search(shown)) and _NOTICE_WORDS.search(shown) is not None
            and not re.search(r"\bsaid\b", shown)
            or n_words <= 25 and bool(_SIGN_OFF.match(inner)) and bool(_BY_SIGN_OFF.match(inner))
            or n_words <= 30 and bool(_POINTER.match(shown)) and not ENDED.search(shown)
            or n_words <= 8 and bool(_COUNTER.match(shown.strip().rstrip("."))) and shown.lstrip().startswith("(")
            or n_words <= 12 and bool(_BRACKET_CREDIT.match(shown.strip()) or _CREDIT_LABEL.match(shown.strip()))
            or n_words <= 6 and _ad_label(shown)
            or n_words <= 30 and "sign up" in inner.lower() and (bool(_OFFER.match(inner)) or any(
                w in inner.lower() for w in _OFFER_WORDS)) and not _TOLD.search(inner))


def _ad_label(shown: str) -> bool:
    """An advertisement's label or a "continue reading" prompt, once or repeated ("Advertisement
    ADVERTISEMENT"), never a quotation's last words ("... Next.”")."""
    label = " ".join(dict.fromkeys(_plain(shown).split()))
    return label in _LABELS and ("advert" in label or "continue" in label) and not _QUOTES.search(shown)


_QUOTES = re.compile(r"[\"“”‘’]")


def _credit(shown: str, n_words: int) -> bool:
    """A credit line: who else reported the story, or who made or answers for it."""
    return n_words <= 35 and "ontribut" in shown and bool(_CREDIT_LINE.search(shown)) or \
        n_words <= 40 and bool(_PRODUCED.search(shown))


_BRACKETS = re.compile(r"\([^()]*\)")
# A credit after its label: "Picture: Eastmarch Fire and Rescue Service", "Photo: Jo Doe/AP".
_CREDIT_LABEL = re.compile(r"^(?i:picture|photo|photograph|image|credit)s?\s*:\s*[A-Z][^.!?]{0,60}$")
_BRACKETS_ONLY = re.compile(r"^\s*(?:\([^()]*\)\s*)+$")


# What makes a copyright line a notice, not a story's sentence ("Copyright Office officials
# said ..."): a mark, a year, or a notice's own words.
_NOTICE_WORDS = re.compile(r"©|\(c\)|\b(19|20)\d\d\b|rights reserved|may not be|(reproduced|reprinted) "
                           r"with permission|originally published", re.I)
# The sign-offs a story's paragraph is cut at: "Reporting by ...", "Editing by ...", never the
# looser ones ("Subscribe", "Click here", "Follow us" may be a story's own words).
_BY_SIGN_OFF = re.compile(r"^\W*((reporting|editing|writing|compiled|produced|edited|written) by\b"
                          r"|additional reporting\b)", re.I)


# What the site's software says on every page, whatever the story: a cookie or privacy notice, a
# captcha's, an archive crawler's or a comment system's terms, Twitter's help on an embedded
# tweet, a video player's error, an alert offer ("Never miss a story: get breaking news alerts
# ..."). Fixed phrases of the page, never a story's own words.
_POLICY = r"(?:privacy (?:and cookie )?policy|cookie policy|terms(?: of (?:use|service))?)"
_SITE_NOTICE = re.compile(
    r"^(?:(?:this (?:web)?site|we) uses? cookies(?: (?:to (?:improve|enhance|give|provide|personali[sz]e|"
    r"ensure|offer|analy[sz]e)\b[^.]{0,160}|and similar technologies[^.]{0,160}))?\.|"
    r"by clicking [“\"']?accept(?: all)?[”\"']?,? you (?:consent|agree) to (?:our|the) use of cookies\.?$|"
    r"we care about your privacy\.(?:\s|$)|we and our (?:\d+ )?partners store and/or access information on "
    r"a device\b|\w+ is part of the \w+ family of brands\.(?:\s|$)|blog at wordpress\.com\.?$|"
    r"your email address will not be published\.(?:\s|$)|the comments below have not been moderated\.(?:\s|$)|"
    r"for more information,? see our privacy policy\.?$|"
    rf"we(?:['’]ve| have) updated our {_POLICY}(?: and (?:our )?{_POLICY})?\s*[.!]|"
    r"by (?:continuing(?: to (?:browse|use)(?: (?:this|our) (?:site|website))?)?|using (?:this|our) "
    r"(?:site|website)),\s*you (?:agree|consent|accept)\b|"
    r"this site is protected by recaptcha and the google privacy policy\b|"
    r"these crawls are part of an effort to archive pages as they are created\b|"
    r"tweet with a location\s*(?:$|you can add)|you can add location information to your tweets\b|"
    r"add this tweet to your website by copying the code below\b|"
    r"our goal is to create a safe and engaging place for users to connect\b|"
    r"sorry,? the video player failed to load\b|fox news flash top headlines\b[^.]{0,30}\bare here\b|"
    r"never miss a (?:story|thing)\b[^.!?]{0,100}\b(?:alerts?|newsletter|inbox)\b|"
    r"get (?:breaking )?news alerts(?:\s*[.!]?\s*sign up(?: now| here)?)?\s*[.!]?\s*$)",
    re.I)
_SITE_NOTICE_WORDS = 80
_TOLD = re.compile(r"\b(?:said|says|told|according to|found|ruled|reported|suggests?|suggested|warn(?:s|ed)|"
                   r"urged|reads|promises|admits|insists|notes|claims|adds|explains)\b", re.I)  # a story's
# own words, never a page's
_LOOSE_SIGN_OFF = 15


def line_reason(shown: str, raw: str, n_words: int, first: bool, from_end: int) -> str | None:
    """Why a paragraph (its display text, its text as in the file, its number of words, whether
    it opens its source, how many paragraphs follow it) is the page's, or None: a pointer to
    another story, a sign-off, the print edition's line, a credit line, a pointer to the
    writer's accounts, an editor's note, a byline, a navigation strip, a lone date or stamp, or
    (never the first paragraph, the headline's place) page furniture (`reason`)."""
    if n_words <= 30 and (_POINTER.match(shown) or "\n" in raw and _pointer_list(raw)):
        return "link to another story"
    if n_words <= 12 and _RELEASE_HEAD.match(shown) and not ENDED.search(shown):
        return "press release label"
    if n_words <= 25 and _SIGN_OFF.match(shown) and (
            _BY_SIGN_OFF.match(shown) or n_words <= _LOOSE_SIGN_OFF and not _TOLD.search(shown)):
        # (the looser prompts, "Subscribe", "Sign up", "Follow us", only short and never said by
        # someone: "Subscribe to the archive, the researchers suggest, if you want to hear it")
        return "sign-off"
    if n_words <= 60 and _PRINT_LINE.match(shown):
        return "print edition line"
    if _credit(shown, n_words):
        return "credit line"
    if n_words <= _SITE_NOTICE_WORDS and site_notice(shown):
        return "site notice"
    if "{{" in shown and "}}" in shown and n_words <= 40 and not re.search(r"[\"“”]|\bsaid\b", shown):
        return "page code"  # a template the page never filled: "Get email notifications on {{subject}}"
    if n_words <= 20 and _FOLLOW.match(shown):
        return "sign-off"
    if n_words <= 60 and _EDITOR_NOTE.match(shown):
        return "editor's note"
    if n_words <= 25 and is_byline(shown):
        return "byline"
    if n_words <= 30 and len(_NAV.findall(shown)) >= 3:
        return "navigation"
    if n_words <= 5 and _LONE_DATE.match(shown):
        return "publication date"
    if n_words <= 20 and is_stamp(shown):
        return "publication date, time or dateline"
    if not first and n_words <= 90 and _AP_FILE.match(shown):
        return "photo credit or caption"
    if _widget(shown):
        return "widget"
    if "\n" in raw and page_block(raw):
        return "navigation or share bar"  # (a menu above the headline too)
    return None if first else reason(shown, n_words, from_end, raw)


# ---------------------------------------------------------------- furniture around the story

_UNITS = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|m|days?|d|weeks?|w)"
# One part of a stamp line cut at "/", "•", "|", "·": "Updated 2 hours ago", "3h", "2 min read",
# "Reading time: 4 minutes", "Listen · 4:12", "Story by Jo Doe", "Video duration 02:31".
_PART = re.compile(
    rf"^(?:(?:updated|published|posted|last updated|edited)\s*:?\s+)?(?:\d+|an?)\s*{_UNITS}\.?"
    r"(?:\s+ago)?$|"
    r"^\d+\s*-?\s*(?:min|mins|minute|minutes)\.?\s+(?:read|listen|watch)$|"
    r"^(?:reading|listening|read|estimated reading) time\s*:?\s*\d+\s*(?:min|mins|minutes?)$|"
    r"^(?:listen|watch|video duration|duration)\s*:?\s*\d{1,2}:\d\d(?::\d\d)?$|"
    r"^\d{1,2}:\d\d(?::\d\d)?(?:\s*[-–—]\s*source:\s*\S.*)?$|"
    r"^(?:story|words|text|author|posted|written|reported|photos?|video|reporting)\s*(?:by|:)\s+"
    r"(?-i:[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|al|el))*)"
    rf"(?:\s+on\s+(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
    r"(?:,?\s+at\s+\d{1,2}[:.]\d\d\s*(?:am|pm|a\.m\.|p\.m\.)?)?)?$|"
    r"^(?:image|photo|picture|slide) \d+ of \d+$|^\d+ of \d+$|^\[\d+/\d+\]$|"
    r"^posted by\s+(?-i:[A-Z])[\w.'’ -]{1,40}\s+at\s+\d{1,2}[:.]\d\d\s*(?:am|pm|a\.m\.|p\.m\.)?"
    r"(?:\s+(?:\d+|no)\s+comments?:?)?$|"
    r"^(?:listen|watch|play|now playing|video)$|"
    r"^(?:photo credit|credit|source|image|photo|picture)s?\s*:\s*(?-i:[A-Z])[^.!?]{0,40}$",
    re.I)
_SEPARATORS = re.compile(r"\s+[/•|·]\s+|\s*\n\s*")

# A photo's credit ("(AP Photo/Jo Doe)", "REUTERS/Jo Doe", "Photograph: Jo Doe/PA", "Credit:
# Jo Doe/Reuters", "(Photo by Jo Doe/Getty Images)", "Image copyright Reuters", "Getty
# Images"), alone or closing a caption.
_CREDIT = re.compile(
    r"(?:\(\s*(?:AP|AFP|EPA|UPI|PA|Reuters|Getty|Xinhua)\s+Photos?\s*/[^)]{1,60}\)|"
    r"(?:^|[.)]\s+)(?:REUTERS|AFP|EPA|UPI|AP|AP Photo)/[A-Z][\w.'’ -]{1,40}(?:\s+Purchase Licensing Rights.*)?|"
    r"\bPhotograph:\s*\S[^.]{0,60}|\bCredit:\s*\S[^.]{0,60}|"
    r"\(?\bPhotos? by [A-Z][^.()]{0,60}/[^.()]{1,40}\)?|"
    r"(?:^|[.)]\s+)(?:Photograph|Photo|Picture|Image)s? by [A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*/\s*[A-Z][^.]{0,30})?|"
    r"(?:^|[.)]\s+)Picture:\s*[A-Z][^.]{0,60}|"
    r"(?:^|[.)]\s+)Photo:\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*/\s*[A-Z][\w.'’ -]{0,40})?|"
    r"(?:^|[.)]\s+)Credit\s+[A-Z][^.]{0,40}\s+for\s+The\s+[A-Z][^.]{0,40}|"
    r"\bImage (?:copyright|source),?\s+\S[^.]{0,40}|"
    r"(?:[A-Z][\w.'’-]*\s+){0,3}/\s*Getty Images|\bGetty Images|\bvia Getty Images|"
    r"\|\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*[A-Z][\w.'’ -]{1,40}|"
    r"©\s*[A-Z][^.]{0,40}/\s*(?:AFP|AP|Reuters|Getty Images|EPA|PA)[^.]{0,20})\s*$")
_CREDIT_REACH = 140  # characters at a paragraph's end a credit may take
_CREDIT_HINTS = ("Photo", "/", "Credit", "Image", "Getty", "©", "Picture")
# A caption's own opening: AP's file photos, a gallery's counter.
_CAPTION_START = re.compile(r"^\s*(?:FILE\s*[-–—]\s|\[\d+/\d+\]\s|\d+ of \d+\s*\|\s|"
                            r"(?:Image|Photo|Picture|Slide) \d+ of \d+\b|"
                            r"Media caption,?|Image caption,?|📸|Pictured:)")
# A broadcaster's frame around a picture or a player ("Image copyright Getty Images Image caption
# ...", "Media playback is unsupported on your device Media caption ...", "Enlarge this image
# toggle caption Jo Doe/AP"). Scraped pages run the story's next sentence on after the caption
# with no mark between, so only a short frame, or one no ended sentence closes, is the page's.
_FRAME_START = re.compile(r"^\s*(?:Image copyright\b|Media playback is unsupported\b|"
                          r"Enlarge this image\b|toggle caption\b)")
_FRAME_WORDS = 15

# An embedded post's frame and links: "— Jo Doe (@jodoe) June 4, 2024" (the date alone may follow
# the handle: "— Senator Jo Doe (@SenDoe) said the bill would fail." is a story's sentence).
_POST_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})"
_POST = re.compile(
    r"^(?:skip past|end of) (?:twitter|x|instagram|facebook|youtube|tiktok) (?:post|content)\b|"
    r"^a post shared by\b[^.]{0,60}\(@\w+\)|^this content is not available due to your privacy preferences|"
    r"^allow (?:twitter|x|instagram|facebook|youtube|tiktok) content\b|"
    rf"^[—–-]\s*[^()]{{1,60}}\(@\w+\)\s*{_POST_DATE}?\.?$|"
    r"^(?:pic\.twitter\.com/\S+|https?://\S+)$",
    re.I)

# What an embedded post leaves at the end of its text once the sentence split has cut the text off:
# its tags and links, then its frame ("#MorningJoe pic.twitter.com/tBp5aXWhBj — Morning Joe
# (@Morning_Joe) December 4, 2017"). Never a claim of the story (findings.is_claim).
# (Each tag or link is taken whole and never given back, `(?>...)*+`: links run together with no
# space between them would otherwise be split every way before the match fails.)
_POST_TAIL = re.compile(r"^(?:(?>#\w+|pic\.twitter\.com/\S+|https?://\S+)\s*)*+"
                        rf"(?:[—–-]\s*[^()]{{1,60}}\(@\w+\)\s*{_POST_DATE}?\.?)?$", re.I)


def post_frame(sentence: str) -> bool:
    """Is this sentence nothing but an embedded post's tags, links and frame?"""
    text = sentence.strip()
    return bool(text) and ("@" in text or "http" in text or "pic.twitter" in text) and \
        _POST_TAIL.match(text) is not None


# An e-mail address or a telephone number, as a contact line gives it.
_ADDRESS = r"(?:[\w.+-]+@[\w-]+\.\w|\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{3,4}|\d{3}-\d{4}\b|\+\d)"

# Offers and prompts: a newsletter ("Get our free Headlines email ... Sign up here", "Join
# 250,000 readers who get our morning newsletter", "Get the latest news sent to your inbox"), a
# pointer to the outlet's channels or coverage ("Follow Sky News on WhatsApp", "Follow AP's coverage of X at https://...", "Read 142
# comments", "READ: ...").
_OFFER = re.compile(
    r"^(?:get|join|subscribe to)\b[^.]{0,120}\bnewsletter\b|^get our (?:free )?[^.]{0,40}\be-?mails?\b|"
    r"^get (?:the|our)\b[^.]{0,80}\b(?:sent|delivered) (?:straight |direct(?:ly)? )?to your inbox\b|"
    r"^follow\s+(?:us|(?-i:[A-Z])[^.,]{0,40})\s+on\s+(?:whatsapp|youtube|google news|telegram|apple news|"
    r"flipboard|twitter|x|facebook|instagram|threads|bluesky|tiktok|linkedin)\b[^,.]{0,30}\W*$|"
    r"^(?:follow|read|watch|see|find)\b[^.]{0,80}\bhttps?://\S+\s*$|"
    r"^read \d[\d,]* comments?$|^(?:read|watch|listen)\s*[:|]\s*\S[^.!?]*$|"
    # a pointer to what the page embeds ("Read the full rant via Gawker:", "Watch the video
    # below:", "Read her full statement below.")
    r"^(?:read|watch|see|view|listen to)\b[^.!?:\"“]{0,60}(?::|\b(?:below|above)\.)$|"
    r"^why you can trust\b|^keep up with\b[^.]{0,80}\bby following\b|"
    r"^this (?:article|story|content) is (?:exclusive|only available) to (?:our )?subscribers\b|"
    r"^subscribe (?:today|now)\b|"
    r"^(?:got|have you got|do you have) a (?:story|news tip|tip)\b[^.]{0,20}\?|^have a news tip\b[^.]{0,20}\?|"
    # (these three a whole line, no clause after: "Download the app, officials told migrants, ...")
    r"^(?:want more [^?]{0,40}\?\s*)?download (?:the|our)\b[^.,]{0,40}\bapp\b[^,;]{0,60}$|"
    rf"^(?-i:[A-Z])[\w.'’-]+(?:\s+(?-i:[A-Z])[\w.'’-]+){{0,3}}\s+(?:can be reached|may be reached|can be "
    rf"contacted)\s+at\s+{_ADDRESS}[^,;]{{0,60}}$|"
    rf"^contact\s+(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){{0,3}}\s+at\s+{_ADDRESS}[^,;]{{0,60}}$|"
    r"^(?:send us your (?:story|stories|news|pictures|photos|videos))\b",
    re.I)
_OFFER_WORDS = ("sign up here", "gift article", "story tips can be sent to", "sign up for our newsletter")

# A wire's note on its own copy: "(Corrects number of vehicles in first paragraph ...)",
# "(Updates with ...)", "CORRECTION (June 5, 2024): ...", "Appeared in the June 5, 2024, print
# edition as ...".
_WIRE_NOTE = re.compile(
    r"^\((?:corrects|updates|adds|recasts|refiles|changes|fixes|removes|clarifies)\b|"
    r"^(?:correction|clarification)\s*\([^)]{1,40}\)\s*:|"
    r"^appeared in the\b[^.]{0,60}\bprint edition\b|"
    r"^this is a breaking news update\b|^this (?:is a developing|story is developing)\b|"
    r"^[a-z]{2,3}(?:/[a-z]{2,3})+(?:\s*\([^)]{1,40}\))?$|"
    r"^\(this (?:story|article|report) (?:has been|was) (?:refiled|corrected|updated)\b",
    re.I)

# A line that counts what the page holds or how it was read: "See all 15 photos", "View gallery
# (15 photos)", "Slideshow (10 Images)", "This story has been shared 1,345 times", "Word count:
# 751", "Page 1 of 3", "Listen to this story. 4 minutes", "6 Comments"; a wire's exchange-rate
# note, "($1 = 0.7654 euros)"; an archive's banner, "This article is more than 5 years old".
_COUNTER = re.compile(
    r"^(?:see|view)\s+(?:all\s+)?(?:the\s+)?(?:gallery\s*)?\(?\d[\d,]*\s+(?:photos?|images?|pictures?|videos?)\)?$|"
    r"^(?:slideshow|gallery|photos?|images?|pictures?)\s*\(\s*\d[\d,]*\s*(?:photos?|images?|pictures?)?\s*\)$|"
    r"^this (?:story|article|post|page) has been (?:shared|viewed|read) \d[\d,]* times$|"
    r"^(?:word count|words|views|shares|comments|likes|reads)\s*:\s*\d[\d,]*$|"
    r"^\d[\d,]*\s+(?:comments?|shares|views|likes|replies)$|"
    r"^page \d+ of \d+$|^(?:continue to|go to|next) page \d+$|^comments?\s*\(\s*\d[\d,]*\s*\)$|"
    r"^listen to this (?:story|article)\W*\d+\s*(?:min|mins|minutes?)$|"
    r"^\(\s*(?:[A-Z]{0,3}\$|€|£|¥|₹)\s?1\s*=\s*[\d.,]+\s*[^()]{1,30}\)$|"
    r"^this (?:article|story|page) is (?:more than|over) (?:\d+|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten) (?:years?|months?) old$|"
    r"^you have (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|no) free (?:articles?|stories|"
    r"reads?) (?:left|remaining)\b[^.!?]{0,30}$",
    re.I)
# A page's widget line, no sentence: the weather ("Arnsby 14°C Partly cloudy") or a market strip
# with two signed moves or more ("Dow 15,254.03 +0.15% S&P 1,631.38 +0.05%").
_WEATHER = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,3}-?\d{1,3}\s?°\s?[CF]\b(?:\s+[A-Za-z]+){0,3}$")
_SIGNED_MOVE = re.compile(r"[+\-−]\d[\d,.]*\s?%")


def _widget(shown: str) -> bool:
    text = shown.strip()
    return len(text.split()) <= 8 and bool(_WEATHER.match(text)) or \
        len(text.split()) <= 20 and len(_SIGNED_MOVE.findall(text)) >= 2 and not ENDED.search(text)


# An AP file photo's caption, however long: "FILE - In this June 4, 2013 file photo, ..."
_AP_FILE = re.compile(r"^\s*FILE\s*[-–—]\s+In this\b[^.]{0,80}\bfile (?:photo|image)\b")
# A bracketed credit ("(Image: Getty)", "(Photo: Pete Holm/AP)", "(Courtesy of the Fire Service)",
# "[Image via Getty]"): the page's alone, and cut off a paragraph it closes
# (segment.build_source): a story's sentence may stand before it.
_BRACKET_CREDIT = re.compile(r"^\((?:(?:Photo|Image|Picture)s?(?::|\s+(?:via|by|courtesy of))\s*|Courtesy(?:\s+of)?\s+(?:the\s+)?)[A-Z][^()]{0,60}\)$|"
                             r"^\[(?:Photo|Image|Picture)s?\s+(?:via|by|courtesy of)\s+[^\[\]]{1,60}\]$")
# A picture's source alone: "Getty Images/iStockphoto", "Screenshot/Twitter", "AP/Jo Doe".
_AGENCIES = r"(?:Getty Images|iStockphoto|Shutterstock|Screenshot|AP|AFP|Reuters|EPA|PA|Twitter|Instagram|Facebook|YouTube)"
_SOURCE_CREDIT = re.compile(rf"^{_AGENCIES}(?>\s*/\s*[A-Za-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}}){{1,3}}$")
# A byline with no "By": "Jo Doe | Staff writer", "Jo Doe, Senior Reporter".
_ROLE_LINE = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*[|,–—-]\s*(?:(?:[A-Z][\w'’-]+)\s+){0,3}"
    r"(?i:(?:(?:staff|senior|chief|political|"
    r"national|foreign|special|contributing|investigative|science|health|business|sports)\s+)*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|producer)s?)\b[^.]{0,40}$")
# An author's bio at the article's foot: "Jo Doe is a reporter covering transport for the
# Courier." (a name, "is a", a newsroom role).
_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+is\s+(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,3}(?:reporter|writer|correspondent|editor|columnist|contributor|journalist|"
    r"producer|fellow)\b(?=.*\b(?:covering|covers|who covers|based in|focused on|focusing on|"
    r"more about|[Ff]ollow|e-?mail|@))|"
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+covers\s+[^.]{1,60}\s+for\s+(?:the\s+)?[A-Z]")
BIO_TAIL = 3  # a bio is one of the last paragraphs of its source
# What the bio goes on to say of its writer, right after it at the foot: "She has reported from
# 30 countries.", "He joined the Courier in 2019."
BIO_MORE = re.compile(r"^(?:She|He|They)\s+(?:has|have|had|previously|joined|was|were|is|are|"
                      r"lives|covered|reported|worked|writes|wrote)\b")

# Something every form below needs, looked for once before the forms themselves (plain substring
# tests: a regex of these words took 38 µs a paragraph, these 3): a mark, a link, a clock time or
# a label's colon, or one of their words.
_HINT_KEYS = ("|", "•", "·", "/", "@", "©", "(", "[", "📸", ":", "http", "ago", "min", "read",
              "watch", "listen", "play", "video", "photo", "image", "picture", "slide", "credit",
              "source", "duration", "by ", "author", "posted", "published", "updated", "file",
              "caption", "post", "content", "twitter", "instagram", "facebook", "follow",
              "newsletter", "subscri", "sign up", "comment", "trust", "keep up", "gift article",
              "story", "correct", "clarif", "print edition", "breaking news", "developing", "report",
              "writer", "correspondent", "editor", "columnist", "contributor", "journalist",
              "producer", "fellow", "covers", "staff", "words", "text", "=", " old", "page ",
              "shared", "views", "likes", "gallery", "slideshow", "reach", "contact", "download",
              "free ", "shares", "#", ".jp", ".png", ".gif", ".webp", "courtesy", "inbox", "see ",
              "view")


def _hinted(low: str) -> bool:
    for k in _HINT_KEYS:
        if k in low:
            return True
    return False


_MARKS = " \t.:!?\"'“”‘’()[]⬇️▶►•·*_-–—"


def _plain(text: str) -> str:
    """Lower case, spaces folded, marks trimmed: as `_LABELS` are written."""
    return " ".join(text.lower().split()).strip(_MARKS)


def not_a_headline(shown: str, raw: str | None = None) -> bool:
    """Is this line at a page's top the page's, never its headline: a control or label ("Skip
    navigation"), a navigation strip or breadcrumb ("Home > News > Local"), an unfilled template
    ("Get email notifications on {{subject}}")? (Not a pointer's form: "Watch: Moment bridge
    collapses" and "Photos: Flooding in Houston" are headlines.)"""
    words = shown.split()
    if _plain(shown) in _LABELS or len(words) <= 30 and len(_NAV.findall(shown)) >= 3 \
            or "{{" in shown and "}}" in shown or _FRAME_START.match(shown) or _WIRE_SLUG.match(shown) \
            or _menu(shown, raw):
        return True  # (and a menu of sections: "News Sport Weather Business Opinion")
    parts = _parts((raw or shown).strip())
    if len(parts) >= 3 and box_header(parts[0]):
        return True  # a box of headlines: "Top Stories • Central bank holds rates • ..."
    # a stamp or byline line ("Updated 2 hours ago", "Jo Doe | Staff Writer", "4 min read"), but
    # not a gallery's or a video's headline ("Photos: Flooding in Houston")
    return len(words) <= 20 and bool(parts) and all(
        (_PART.match(p) or _ROLE_LINE.match(p) or _stamp(p)) and not _MEDIA_LABEL.match(p) for p in parts)


# A box of headlines above or around a story: its header ("Top Stories", "Most Read") and its
# lines, each a bullet's or a number's ("• Central bank holds rates", "2. Tourist arrivals hit
# record"; not "4. 6 quake rattles ...").
_BOX_HEADERS = frozenset("""top stories|most read|most popular|most viewed|most shared|related coverage|
related stories|related articles|more stories|more news|trending|trending now|latest news|latest stories|
more on this story|you may also like|you might also like|recommended|recommended for you|
editor's picks|editors' picks|in other news|around the web""".replace("\n", "").split("|"))
_LISTED_LINE = re.compile(r"^\s*(?:[•·▪►–-]\s|\d{1,2}[.)]\s+[A-Z][a-z])")


def site_notice(line: str) -> bool:
    """Is this line the site's own notice (`_SITE_NOTICE`), said by no one?"""
    return bool(_SITE_NOTICE.match(line)) and not _TOLD.search(line)


def page_label(line: str, bar: bool = False) -> bool:
    """Is this line a page's control or label alone ("Share", "LIVE UPDATES", "Advertisement"),
    or with `bar` also one word of a share bar or menu ("Facebook", "Search", "BREAKING", "News":
    a story's subheading too, so never flagged alone)?"""
    low = _plain(line)
    return low in _LABELS or bar and (low in _BAR_WORDS or len(low.split()) <= 3 and all(
        t in _SECTIONS for t in _MENU_SPLIT.split(low) if t))


# Words a share bar, a menu or a comment box lists one a line, each also a word a story may use
# alone (a tech story's subheading "Facebook", a poem's line "Breaking"): the page's only among
# others of their kind (`page_block`, and `_split_lines` cutting them from a headline).
_BAR_WORDS = frozenset("""copy facebook reddit linkedin pinterest flipboard whatsapp instagram live
breaking menu search newest oldest feedback like x""".split())


def box_header(shown: str) -> bool:
    """Is this line a box of headlines' header ("Top Stories", "Most Read:")?"""
    return _plain(shown) in _BOX_HEADERS


def listed_line(raw: str) -> bool:
    """Is this line (as in the file) one of a box's, marked by a bullet or a number?"""
    return bool(_LISTED_LINE.match(raw))


# A wire's slug line ("ORVANE-FIRE/ (UPDATE 1)") and the names of a site's sections, as its menu
# lists them.
_WIRE_SLUG = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*/\S*(?:\s*\((?:UPDATE|CORRECTED|REFILE)[^)]*\))?$")
_SECTIONS = frozenset("""news sport sports weather business opinion culture lifestyle life style politics
world us uk u.s. tech technology science health entertainment travel video videos home money arts
food local national education environment markets economy crime media sections more obituaries
classifieds e-edition opinions traffic jobs cars homes puzzles games podcasts newsletters photos
latest & and family tv music film books royals celebrity fashion beauty motoring property about
contact""".split())


def _menu(shown: str, raw: str | None = None) -> bool:
    """A menu of a site's sections: "News Sport Weather Business Opinion", "News | Sport |
    Weather", or one a line ("Home" / "News")."""
    tokens = _MENU_SPLIT.split(shown.strip())
    least = 2 if raw and "\n" in raw.strip() else 3 if _MENU_MARK.search(shown) else 4
    return len(tokens) >= least \
        and all(t.lower() in _SECTIONS for t in tokens)


_MENU_SPLIT = re.compile(r"[\s|•·/»>›]+")
_MENU_MARK = re.compile(r"[|•·/»>›]")


def _parts(text: str) -> list[str]:
    """The lines of a paragraph, and the parts of a line cut at "/", "•", "|", "·"."""
    return [p.strip(" ,") for p in _SEPARATORS.split(text) if p.strip(" ,")]


_MEDIA_LABEL = re.compile(r"(?:photo|image|picture|video|gallery)s?\b", re.I)


def reason(shown: str, n_words: int, from_end: int, raw: str | None = None) -> str | None:
    """Why a paragraph (its display text, its number of words, how many paragraphs follow it in
    its source, its text as in the file, lines and all) is page furniture, or None when it is
    not."""
    if n_words > 40:
        return None
    text = shown.strip()
    low = _plain(text)
    if not low:
        return "rule" if text else None
    if low in _LABELS or _ad_label(text):
        return "page control"
    lines = raw is not None and "\n" in raw.strip()
    if not lines and not _hinted(low) and not (" of " in low and _DIGIT.search(low)):
        return None  # none of the words or marks any form below needs (most story sentences)
    parts = _parts(raw.strip() if raw else text)
    if _FILE_NAME.match(text) or _HASHTAGS.match(text):
        return "image file name or hashtags"
    if lines and len(parts) >= 3 and _plain(parts[0]) in _PLAYER and _DURATION.match(parts[-1]):
        return "video player"  # "Now Playing" / "Varnos: what we know" / "01:42"
    # (a sentence of eight words or more, ended, is no stamp, label nor byline)
    if parts and n_words <= 20 and not (len(parts) == 1 and n_words >= 8 and ENDED.search(text)) \
            and all(_part(p) for p in parts) and not all(_NUMBER.match(p) for p in parts):
        # (a lone number is the page's only beside its labels: "e-mail" / "129" / "shares"; a
        # list of numbers is a story's: a lottery draw "4" / "11" / "19")
        return "stamp or byline"
    if _POST.match(text):
        return "embedded post"
    tail = text[-_CREDIT_REACH:]
    if any(h in tail for h in _CREDIT_HINTS) and _CREDIT.search(tail) or \
            _CAPTION_START.match(text) and n_words <= 35 or _FRAME_START.match(text) and (
                not ENDED.search(text) or n_words <= _FRAME_WORDS and "caption" in low):
        return "photo credit or caption"
    if n_words <= 30 and (_OFFER.match(text) or any(w in low for w in _OFFER_WORDS)) and not _TOLD.search(text):
        return "offer or pointer"
    if _WIRE_NOTE.match(text):
        return "editor's note"
    if _COUNTER.match(text.rstrip(".")):
        return "page counter or note"
    if _BRACKET_CREDIT.match(text) or n_words <= 4 and _SOURCE_CREDIT.match(text):
        return "photo credit or caption"
    if n_words <= 12 and _ROLE_LINE.match(text):
        return "byline"
    if from_end < BIO_TAIL and _BIO.match(text):
        return "author's bio"
    return None


_FILE_NAME = re.compile(r"^[\w.-]+\.(?:jpe?g|png|gif|webp)$", re.I)  # "varnos-scene-01.jpg"
_HASHTAGS = re.compile(r"^#\w+(?:\s+#\w+){1,7}$")  # "#Orvane #breaking" (not "#1", "#MeToo")
def page_block(raw: str) -> bool:
    """Three lines or more of a page's controls: a menu, a share bar, tags, footer links ("Home" /
    "News" / "Local" / "Obituaries"; "Share" / "Copy" / "Facebook"; "Privacy Dashboard" / "Ad
    Terms"): each line short and unended, two in three of them the page's words alone."""
    lines = [x.strip() for x in raw.splitlines() if x.strip()]
    if len(lines) >= 2 and all(_plain(x) in _LABELS or site_notice(x) for x in lines):
        return True  # "Leave a Reply Cancel reply" / "Your email address will not be published."
    if len(lines) < 3 or any(len(x.split()) > 4 or ENDED.search(x) or x.endswith(":") for x in lines[1:]):
        return False  # (not a story's list: "The app has three buttons:" / "Search" / "Share")
    if _plain(lines[0]) in _TAG_HEADERS and not ENDED.search(lines[0]):
        return True  # "Tags" / "Mayor" / "Count" / "North Tarrin"
    if len(lines[0].split()) > 4 or ENDED.search(lines[0]) or lines[0].endswith(":"):
        return False
    page = [page_label(x, bar=True) or all(t.lower() in _SECTIONS for t in _MENU_SPLIT.split(x) if t)
            for x in lines]  # (a menu's line of four words too: "Family & Education")
    # two in three lines the page's, the last one too (a menu does not end in a headline:
    # "Home" / "News" / "Rovers win cup")
    return 3 * sum(page) >= 2 * len(lines) and page[-1]


_TAG_HEADERS = frozenset(("tags", "related topics", "more on these topics", "filed under",
                          "explore more on these topics"))  # (not "Topics": a debate's preview)
_PLAYER = frozenset(("now playing", "watch", "video", "up next", "play video"))
_DURATION = re.compile(r"^\d{1,2}:\d\d(?::\d\d)?$")


# A date or a clock time on its own, as a part of a stamp line ("June 4, 2024", "3:42 PM").
_DATE_OR_TIME = re.compile(
    rf"^(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d|"
    r"\d{1,2}[:.]\d\d\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s+[A-Z]{2,4})?)$", re.I)


def _part(p: str) -> bool:
    """Is p, a line of a paragraph or a part of a line cut at "/", "•", "|", "·", furniture?"""
    return _plain(p) in _LABELS or bool(_NUMBER.match(p)) or bool(
        _PART.match(p) or _ROLE_LINE.match(p) or _CAPTION_START.match(p) or _COUNTER.match(p)
        or _FILED.match(p)) or _stamp(p)


_AGENCY_FIRST = re.compile(r"^(?:The\s+)?(?:Associated Press|Reuters|AP|AFP|Bloomberg)\s+(?=(?:Updated|Published|"
                           r"Posted)\b)")
_NUMBER = re.compile(r"^\d[\d,]*$")
# A blog post's filing, as a part of its stamp line: "Posted in News", "Tagged Orvane, local".
_FILED = re.compile(r"^(?:(?:posted|filed)\s+(?:in|under)|tagged)\s+\S[^.!?]{0,60}$", re.I)


def _stamp(part: str) -> bool:
    part = re.sub(r",\s*[A-Z]{2,3}$", "", part)  # "Tuesday 4 June 2024 15:42, UK"
    part = _AGENCY_FIRST.sub("", part)  # "Associated Press Updated 2:20 pm, Monday, April 27, 2015"
    if bool(_DATE_OR_TIME.match(part)) or is_stamp(part):
        return True
    # a copied page runs its stamps together: "December 3, 20254:20 AM GMTUpdated 5 hours ago"
    pieces = [x for x in _UPDATED.split(_GLUED_YEAR.sub(r"\1 \2", part)) if x.strip()]
    return len(pieces) > 1 and all(is_stamp(x) or _PART.match(x) for x in pieces)


_GLUED_YEAR = re.compile(r"\b((?:19|20)\d\d)(\d{1,2}:\d\d)")
_UPDATED = re.compile(r"\s+(?=(?:updated|published|last updated)\b)|(?<=[a-z0-9])(?=(?:updated|published|last updated)\b)",
                      re.I)
