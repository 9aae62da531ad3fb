"""Page furniture pasted with a story (sidebyside/furniture.py, clean.flag_boilerplate): each
form is flagged boilerplate, so it is never a claim, a figure or a disagreement; the story's own
sentences that look like it stay story. The lines come from an edge-case sweep of the forms
outlets' pages take (wire, broadcaster and newspaper pages copied as text)."""

from __future__ import annotations

import pytest

from sidebyside.clean import flag_boilerplate
from sidebyside.engine import compare_folder
from sidebyside.load import Document
from sidebyside.segment import build_source

STORY = ("Engineers closed the Port Hale Bridge on Tuesday after inspectors found cracks in two of "
         "its supports, the city said.")
MORE = "The city said the crossing would stay shut for at least three weeks while repairs are made."

FURNITURE = [
    # scraped pages (a sweep of Multi-News and WCEP-like pages, fifteenth session)
    "Image copyright Getty Images Image caption Firefighters at the bridge on Tuesday",
    "Media playback is unsupported on your device Media caption The bridge from the river",
    "Enlarge this image toggle caption Jo Doe/AP Jo Doe/AP",
    "NBC News' Jo Doe contributed.",
    "This report was produced in partnership with the Ardley Trust.",
    "The Associated Press is solely responsible for this content.",
    "See all 15 photos",
    "View gallery (15 photos)",
    "Slideshow (10 Images)",
    "This story has been shared 1,345 times.",
    "Word count: 751",
    "Page 1 of 3",
    "Listen to this story. 4 minutes",
    "6 Comments",
    "($1 = 0.7654 euros)",
    "This article is more than 5 years old",
    "A previous version of this story incorrectly said 35 people were evacuated.",
    "MORE: Ardley Rovers sign new striker",
    "ALSO READ | Ardley Rovers sign new striker",
    "Read the original article on Business Insider",
    "Close Get email notifications on {{subject}} daily! Your email address will be used",
    "Loading...",
    "Posted in News | Tagged Orvane, local | 4 Comments",
    "You have 3 free articles remaining this month.",
    "Ardley 14°C Partly cloudy",
    "Story Highlights",
    "Dow 15,254.03 +0.15% S&P 1,631.38 +0.05% Nasdaq 3,445.26 +0.22%",
    "Related video: Ardley residents describe what they saw (4:03)",
    "FILE - In this June 4, 2013 file photo, firefighters tackle a blaze at a warehouse in Ardley, "
    "as residents of nearby streets watch from behind a police cordon. Officials said Tuesday the "
    "company had been cited twice for storing solvent drums too close to a loading door. (AP "
    "Photo/Jo Doe, File)",
    "Reprints & Permissions",
    "Your browser does not support the video tag.",
    "Please enable JavaScript to view the comments powered by Disqus.",
    "Have a news tip? Email tips@ledger.example or call 555-0100.",
    "Want more news like this? Download the Harbour Post app for iPhone and Android.",
    "Ruth Abernethy can be reached at ruth@ledger.example.",
    "Contact Lena Strand at 555-002-0142 or follow her on Twitter.",
    "(Photo: Pete Holm/AP)",
    "Engineers inspect the bridge. Credit Kemi Adebayo for The New York Times",
    "Engineers inspect the bridge on Monday. Photograph by Ana Ruiz",
    "Pictured: Engineers inspect the bridge",
    "June 4, 2024 / 3:42 PM / Updated 2 hours ago",
    "Tuesday 4 June 2024 15:42, UK",
    "Updated 12 minutes ago",
    "4 hours ago",
    "3 min read",
    "Reading time: 4 minutes",
    "Listen · 4:12",
    "Story by Jo Doe • 3h • 2 min read",
    "Jo Doe | Staff writer",
    "Jo Doe, Senior Reporter",
    "Author: Jo Doe",
    "Posted by Jo Doe on June 4, 2024 at 3:42pm",
    "(AP Photo/Jo Doe)",
    "Inspectors examine the bridge on Tuesday, June 4, 2024. (AP Photo/Jo Doe)",
    "FILE - In this June 3, 2024, file photo, traffic crosses the Port Hale Bridge.",
    "[1/4] Inspectors walk under the bridge, June 4, 2024. REUTERS/Jo Doe Purchase Licensing Rights",
    "(Photo by Jo Doe/Getty Images)",
    "Credit: Jo Doe/Reuters",
    "Image copyright Reuters",
    "Getty Images",
    "Image 1 of 8",
    "— Port Hale Police (@PortHalePD) June 4, 2024",
    "pic.twitter.com/xY7kQ2mLpz",
    "https://t.co/AbC123xyz",
    "Skip past Twitter post by Port Hale Police",
    "A post shared by Port Hale Police (@porthalepd)",
    "Media playback is unsupported on your device",
    "Media playback is unsupported on your device\nMedia caption, Drivers describe the queues",
    "Now playing\n03:12",
    "Video duration 02:31",
    "02:31 - Source: CNN",
    "SKIP ADVERTISEMENT",
    "Story continues below advertisement",
    "Share full article",
    "Supported by",
    "As a subscriber, you have 10 gift articles to give each month. Anyone can read what you share.",
    "READ: America's most dangerous bridges",
    "Read 142 comments",
    "Read more from Sky News:\nCity bridges need billions in repairs\nTrain strike dates announced",
    "Get our free Headlines email for the latest news every morning. Sign up here",
    "Join 250,000 readers who get our morning newsletter",
    "Read the full rant via Gawker:",
    "Watch the video below:",
    "Read her full statement below.",
    "Get the biggest stories from Ardley sent straight to your inbox every morning with our free "
    "newsletter.",
    "Get the latest headlines sent to your inbox.",
    "Get our best stories delivered to your inbox every Friday.",
    "Follow Sky News on WhatsApp",
    "Follow AP’s coverage of infrastructure at https://apnews.com/hub/infrastructure",
    "(Corrects number of vehicles in first paragraph to 40,000, not 14,000)",
    "CORRECTION (June 5, 2024): The bridge carries 40,000 vehicles a day.",
    "Appeared in the June 5, 2024, print edition as 'Cracks Close Port Hale Bridge'.",
    "THIS IS A BREAKING NEWS UPDATE. AP’s earlier story follows below.",
    "This is a developing story. Check back for updates.",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "jd/ar/mp",
    "This article is exclusive to subscribers. Subscribe today for just £1 for your first 3 months.",
    "Got a story? Email newsdesk@ashcombe.example or message us on WhatsApp on 07700 900123.",
    "Send us your pictures of the bridge at pics@ashcombe.example.",
    # the site's software and widgets (a second pass over the sweep's forms, sixteenth session)
    "This website uses cookies to improve your experience. By continuing to browse, you agree to "
    "our use of cookies.",
    "We've updated our Privacy Policy and Terms of Use. By continuing, you agree to the updated terms.",
    "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
    "These crawls are part of an effort to archive pages as they are created and archive the pages "
    "that they refer to.",
    "Tweet with a location\nYou can add location information to your Tweets, such as your city or "
    "precise location, from the web and via third-party applications.",
    "Add this Tweet to your website by copying the code below. Learn more",
    "Our goal is to create a safe and engaging place for users to connect over interests and passions.",
    "Sorry, the video player failed to load.(Error Code: 100013)",
    "Fox News Flash top headlines are here. Check out what's clicking on Foxnews.com.",
    "Never miss a story: get breaking news alerts from the Ashcombe Courier straight to your inbox",
    "Get breaking news alerts Sign up",
    "Embed\nCopy this code to your website or blog",
    "e-mail\n129\nshares\n31\nView comments",
    "Show Thumbnails\nShow Captions\nLast\nNext",
    "400 Shares",
    "Comments (12)",
    "Continue to page 2",
    "port-hale-bridge-01.jpg",
    "#PortHale #breaking",
    "Engineers inspect the Port Hale Bridge on Tuesday | Jo Doe/Ashcombe Courier",
    "(Courtesy of the Port Hale Fire Service)",
    "[Image via Getty]",
    "Getty Images/iStockphoto",
    "Screenshot/Twitter",
    "Associated Press Updated 2:20 pm, Monday, April 27, 2015",
    "Posted by Jo Doe at 2:20 PM 7 comments",
    "Posted by Jo Doe at 2:20 PM No comments:",
    "(Photo via Twitter)",
    "We use cookies to improve your experience on our site.",
    "Fox News Flash top headlines for June 4 are here. Check out what's clicking on Foxnews.com.",
    "Video: Port Hale residents describe the closure",
    "Read the full story at the Ashcombe Courier.",
    "More on this story\nCouncil tax rise approved for next year\nRovers sign new striker",
    # consent notices, menus, share bars, comment boxes (a held-out sweep, sixteenth session)
    "We care about your privacy. We and our 842 partners store and/or access information on a device, "
    "such as unique IDs in cookies, to process personal data.",
    "By clicking “Accept all”, you consent to our use of cookies.",
    "We use cookies and similar technologies to improve your experience, personalise content and ads, "
    "and analyse our traffic.",
    "Yahoo is part of the Yahoo family of brands.",
    "Blog at WordPress.com.",
    "Leave a Reply Cancel reply\nYour email address will not be published. Required fields are marked *",
    "Share what you think\nNewest\nOldest\nBest rated\nWorst rated\nView all",
    "Home\nNews\nLocal\nSports\nObituaries\nOpinion\nClassifieds\ne-Edition",
    "Share\nCopy\nLink copied\nEmail\nFacebook\nX\nReddit\nLinkedIn",
    "Terms and Privacy Policy\nPrivacy Dashboard\nAd Terms\nFeedback",
    "Print this page\nEmail this article",
    "Sponsor Message",
    "LIVE UPDATES",
    "December 3, 20254:20 AM GMTUpdated 5 hours ago",
    "Tags\nBridge\nPort Hale\nInfrastructure",
    "Related internet links\nPort Hale council approves budget\nFerry fares to rise",
]

NEWS = [
    "Highs of 30°C expected",
    "Temperatures reached 38°C in Ardley on Tuesday, forecasters said.",
    "You have 3 days to appeal the ruling, the judge told him on Tuesday.",
    "Related videos were removed from the site after the complaint, the company said.",
    "Families can be reached at 555-0100 through the Red Cross hotline, which said 40 people were missing.",
    "Download the CBP One app, officials told migrants, and 40,000 appointments were booked in a week.",
    "Got a tip for police? Crime Stoppers pays up to $1,000 for information, the chief said.",
    "Photo by Jo Doe shows the crack in the northern support, the city said.",
    "The mayor can be reached at City Hall on weekdays, she said.",
    "Contact tracing teams at 40 sites reached 2,000 drivers.",
    # a scraped page runs the story's sentence on after a broadcaster's caption frame
    "Image copyright Reuters Image caption Engineers at the bridge Traffic was diverted onto the "
    "Elm Street detour on Tuesday, the city said.",
    "This report was published by the inspector general's office on Tuesday.",
    "More than 2,000 drivers used the Elm Street detour on Tuesday.",
    "The city's report has been viewed as a warning by engineers, she said.",
    "Page after page of the report describes cracks in the supports.",
    "Six comments from engineers were included in the report.",
    "Ferry fares rose after the bridge closed ($1 = 0.76 euros at the time).",
    "By Tuesday evening, 2,000 drivers had used the Elm Street detour.",
    "Mayor Ana Berg posted on Twitter on Tuesday that the bridge would stay shut for 12 weeks.",
    "Updated figures released Wednesday showed 45,000 vehicles a day used the bridge.",
    "Published inspection records show the supports were last checked in 2021.",
    "Photos posted online showed a crack about 2 metres long.",
    "Video shared on social media showed inspectors under the bridge.",
    "Follow-up inspections will be carried out every week, Reyes said.",
    "Comments from drivers on social media were mostly angry.",
    "Image analysis of drone footage found a second crack.",
    "Sign-up sheets for the ferry listed 212 names by noon.",
    "Reyes said the repairs would take 4 hours a night for six weeks.",
    # a review helper's sentences: news that the first forms of these rules hid
    "A post shared by the Ukrainian defence ministry on Telegram showed the strike.",
    "Some 58% of Americans disapprove of the plan, according to an AP/NORC poll.",
    "LATEST: Police say the death toll has risen to 12.",
    "Reported by Reuters on Tuesday, the deal was worth $4 billion.",
    "Photos by Reuters on Monday showed the damage to the bridge.",
    "Follow the money on Telegram, investigators said, and you find the network.",
    "Evan Gershkovich is a reporter for The Wall Street Journal.",
    "Got a lot of rain? Forecasters say 40mm fell in Ardley overnight.",
    # story sentences in the words of the site's forms above
    "Residents can get news alerts from the county by texting BRIDGE to 55555, the city said.",
    "The city's website uses cookies to track visitors, a privacy group said on Tuesday.",
    "Videos of the crack have been shared 12,000 times, the city said.",
    "North 52%",
    # a review's sentences: news the first forms of the rules above hid
    "By continuing to use WhatsApp after May 15, users accept the new terms, the company said.",
    "We have updated our privacy policy to give users more control over their data, effective May 25.",
    "This website uses cookies to track visitors without asking, the regulator found on Tuesday.",
    "Tweet with a location was switched off by default in 2015, the company said.",
    "Get news alerts about road closures on your phone by texting BRIDGE to 55555",
    "The winning EuroMillions numbers are: 4, 11, 19, 27, 33",
    "Winning numbers: 4, 11, 19, 27, 33, 45",
    "4\n11\n19\n27\n33\n45",
    "1. Eliud Kipchoge (Kenya)\n2:01:09",
    "Winning time\n2:03:23",
    "Polls close\n8:00",
    "Photos: more than 200 homes were destroyed in the fire, officials said.",
    "Video: police say the gunman fired 30 shots before officers arrived.",
    "Total votes: 1,134",
    "#MeToo",
    "“GOP lost entitlement to policing women’s behavior a long time ago. Next.”",
    # a second review's: notices quoted by a story, one-word subheadings, lists
    "By clicking “Accept all”, you consent to being tracked by hundreds of advertising firms, the "
    "watchdog's report warns.",
    "We and our partners use your data in ways you never agreed to, the campaigners' leaflet reads.",
    "Your email address will not be published, the form promises, yet the company sold 40,000 of them.",
    "The comments below have not been moderated, a notice on the page admits, and some are abusive.",
    "We care about your privacy, the company insists in its statement.",
    "Yahoo is part of the Yahoo family of brands, a line at the foot of every page now reads.",
    "Facebook",
    "Search",
    "The app has three buttons:\nSearch\nShare\nSave",
    "Topics\nHousing\nTransport\nSchools",
    "Engineers said the crack was found at 2:20 p.m. on Tuesday, 12 minutes after the alarm.",
    "Read the full report on the bridge, the mayor told reporters, and you will see the risk.",
    "See you in court, the mayor told the developers.",
    "Watch out for ice on the bridge, the council warned drivers on Tuesday.",
    "Read my lips: no new taxes.",
    "Jo Doe is a senior reporter at the Ashcombe Courier, where she has covered the bridge since 2019.",
    "The inspection took\n12 hours",
]


def _src(name: str, text: str):
    return build_source(Document(name, "/" + name, text, "utf-8"), name.split(".")[0])


@pytest.mark.parametrize("line", FURNITURE)
def test_page_furniture_is_boilerplate_and_hides_no_story(line):
    a = _src("a.txt", "Port Hale bridge closed\n\n" + STORY + "\n\n" + line + "\n\n" + MORE)
    b = _src("b.txt", "Cracks close bridge\n\n" + STORY + "\n\n" + MORE)
    flag_boilerplate([a, b])
    flags = {s.text: a.flag_of(s) for s in a.sentences}
    assert flags[STORY] is None and flags[MORE] is None
    rest = [f for t, f in flags.items() if t not in (STORY, MORE, "Port Hale bridge closed")]
    assert rest and all(f == "boilerplate" for f in rest), flags


@pytest.mark.parametrize("line", NEWS)
def test_story_sentences_that_look_like_furniture_stay_story(line):
    a = _src("a.txt", "Port Hale bridge closed\n\n" + STORY + "\n\n" + line + "\n\n" + MORE)
    b = _src("b.txt", "Cracks close bridge\n\n" + STORY + "\n\n" + MORE)
    flag_boilerplate([a, b])
    assert not any(a.flag_of(s) for s in a.sentences)


def test_an_author_s_bio_at_the_foot_is_boilerplate_but_not_inside_the_story():
    bio = "Jo Doe is a reporter covering transportation for the Daily Courier."
    a = _src("a.txt", "Port Hale bridge closed\n\n" + STORY + "\n\n" + MORE + "\n\n" + bio)
    b = _src("b.txt", "Cracks close bridge\n\n" + STORY)
    flag_boilerplate([a, b])
    assert [a.flag_of(s) for s in a.sentences if s.text == bio] == ["boilerplate"]
    inside = "Ana Berg is a reporter who first saw the crack, the city said."
    c = _src("c.txt", "Port Hale bridge closed\n\n" + inside + "\n\n" + STORY + "\n\n" + MORE +
             "\n\nRepairs start on Monday.\n\nThe ferry runs every hour.")
    flag_boilerplate([c, b])
    assert not any(c.flag_of(s) for s in c.sentences if s.text == inside)
    # what the bio goes on to say of its writer, and the "covers ... for" form
    more = "She has reported from 30 countries."
    d = _src("d.txt", "Port Hale bridge closed\n\n" + STORY + "\n\n" + MORE +
             "\n\nJo Doe covers transportation for The Ardley Times.\n\n" + more)
    flag_boilerplate([d, b])
    assert [d.flag_of(s) for s in d.sentences if s.text in (more, MORE)] == [None, "boilerplate"]
    # a story's last sentence about someone else's past is the story's
    e = _src("e.txt", "Port Hale bridge closed\n\n" + STORY + "\n\n" + MORE + "\n\n" + more)
    flag_boilerplate([e, b])
    assert not any(e.flag_of(s) for s in e.sentences)


def test_furniture_makes_no_disagreement(tmp_path):
    """Reading times, "hours ago" stamps and wire datelines with different figures in two
    sources are no conflict (the sweep found each shown as one)."""
    (tmp_path / "a.txt").write_text(
        "Port Hale bridge closed\n\n5 min read\n\nUpdated 5 hours ago\n\nJune 5 (UPI) -- " + STORY +
        "\n\n" + MORE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Cracks close bridge\n\n3 min read\n\nUpdated 12 minutes ago\n\n" + STORY.replace(
            "on Tuesday", "on June 4") + "\n\n" + MORE, encoding="utf-8")
    c = compare_folder(tmp_path, use_cache=False)
    assert c.disagreements == []


@pytest.mark.parametrize("mark", ["ENDS", "-ENDS-", "###", "-30-", "Notes to editors"])
def test_a_press_release_ends_at_its_end_mark(mark):
    """After "ENDS" come the notes to editors and the contacts: about the issuer, never claims."""
    a = _src("a.txt", "PRESS RELEASE\n\nFor immediate release\n\nPort Hale bridge closed\n\n" + STORY +
             "\n\n" + MORE + "\n\n" + mark + "\n\nThe city has run the bridge since 2018.\n\n"
             "For media enquiries call 0345 600 0123 (24 hours).")
    b = _src("b.txt", "Cracks close bridge\n\n" + STORY + "\n\n" + MORE)
    flag_boilerplate([a, b])
    flags = {s.text: a.flag_of(s) for s in a.sentences}
    assert flags[STORY] is None and flags[MORE] is None
    assert flags["PRESS RELEASE"] == flags["For immediate release"] == "boilerplate"
    assert flags["The city has run the bridge since 2018."] == "boilerplate"
    assert all(f == "boilerplate" for t, f in flags.items() if "enquiries" in t)


def test_an_embedded_post_s_frame_cut_off_by_the_sentence_split_is_no_claim(tmp_path):
    """An embedded post pasted as one paragraph: its text is the post's claim, what follows it
    (tags, link, "— Name (@handle) date") is no claim, so it is never called unique (seen in a
    real three-outlet story)."""
    post = ("The mayor this morning says 'the bridge will reopen soon.' #PortHale "
            "pic.twitter.com/tBp5aXWhBj — City Desk (@CityDesk) June 4, 2024")
    (tmp_path / "a.txt").write_text("Port Hale bridge closed\n\n" + STORY + "\n\n" + post + "\n\n" + MORE,
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Cracks close bridge\n\n" + STORY + "\n\n" + MORE, encoding="utf-8")
    c = compare_folder(tmp_path, use_cache=False)
    said = [s for s in c.all_sentences() if "mayor" in s.text]
    frame = [s for s in c.all_sentences() if "@CityDesk" in s.text]
    assert [s.claim for s in said] == [True] and "@CityDesk" not in said[0].text
    assert [s.claim for s in frame] == [False]
    assert all("@CityDesk" not in s.text for s in c.unique_claims())
    from widgets.detail import status_line
    assert "embedded post's frame" in status_line(c, frame[0])
    # a story sentence naming a handle or a link is still a claim
    from sidebyside.findings import is_claim
    assert is_claim("The mayor wrote at https://example.com that the bridge would reopen.", False)
    assert is_claim("The council, @PortHaleCouncil on Twitter, said repairs start Monday.", False)
    assert is_claim("— Senator Jo Doe (@SenDoe) said the bridge would stay shut all summer.", False)
    # links run together with no space: read at once, not split every way before failing
    assert is_claim("https://t.co/a" * 40 + " the mayor says the bridge closes", False)


def test_an_exclusive_paragraph_no_other_source_words_is_never_hidden():
    # issue 14: "never hide a paragraph only because the other sources do not use its words"; a
    # long eyewitness account only one outlet has was hidden as "off-topic" (a sweep of scraped
    # pages; on the 80 real clusters the rule hid two story paragraphs and nothing else)
    own = ("\u201cThe piano floated past the kitchen window like a coffin,\u201d said Margit Oduya, "
           "whose bakery on Lantern Row lost its ovens, flour stores, delivery van and every "
           "wedding cake booked for the summer.")
    a = _src("a.txt", "Port Hale bridge closed\n\n" + STORY + "\n\n" + own + "\n\n" + MORE)
    b = _src("b.txt", "Cracks close bridge\n\n" + STORY + "\n\n" + MORE)
    flag_boilerplate([a, b])
    assert not any(a.flag_of(s) for s in a.sentences), [(s.text, a.flag_of(s)) for s in a.sentences]


@pytest.mark.parametrize("tail", [
    "The Associated Press contributed to this report.",
    "Copyright 2017 The Associated Press. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed.",
    "Copyright © 2013, Northern Courier",
    "(Reporting by Jane Calloway; Editing by John Mears)",
    "Read more: Brennock Rovers sign new striker",
    "(Image: Getty)",
    "($1 = 0.7654 euros)",
    # (a held-out sweep of scraped pages, sixteenth session: each hid the story's sentence; a
    # caption is a sentence and its credit too, so a caption so written now shows as a claim)
    "Picture: Eastmarch Fire and Rescue Service",
    "Photograph: Jo Doe/PA",
    "Advertisement ADVERTISEMENT",
    "Sign up here.",
])
def test_a_page_line_glued_to_the_story_s_last_sentence_hides_only_itself(tail):
    # scraped pages glue the credit, the notice or the sign-off to the last sentence: the
    # paragraph was flagged whole, and the story's sentence with it
    a = _src("a.txt", "Port Hale bridge closed\n\n" + STORY + "\n\n" + MORE + " " + tail)
    b = _src("b.txt", "Cracks close bridge\n\n" + STORY + "\n\n" + MORE)
    flag_boilerplate([a, b])
    flags = {s.text: a.flag_of(s) for s in a.sentences}
    assert flags[MORE] is None and flags[STORY] is None, flags
    assert all(f == "boilerplate" for t, f in flags.items() if t not in (STORY, MORE, "Port Hale bridge closed")), flags
    assert [s.paragraph for s in a.sentences if s.text == MORE] == [2]


@pytest.mark.parametrize("last", [
    "Copyright Office officials said the rules would change in June.",
    "Reporting by the Guardian found the fund had lost money.",
    "Follow us, the officer told the crowd.",
])
def test_a_story_sentence_in_a_page_line_s_words_stays_in_its_paragraph(last):
    a = _src("a.txt", "Port Hale bridge closed\n\n" + STORY + "\n\n" + MORE + " " + last)
    assert len(a.paragraphs) == 3 and len(a.paragraphs[2].sentences) == 2


def test_page_text_two_outlets_carry_above_the_story_is_boilerplate_but_a_wire_paragraph_is_not():
    notice = ("These crawls are part of an effort to archive pages as they are created and archive "
              "the pages that they refer to, so that a link to the version that was live when the "
              "page was written will be preserved.")
    wire = ("Built in 1974 as a textile mill, the brick building was converted to storage in the "
            "late 1990s and its timber roof trusses were never replaced, according to planning "
            "documents lodged with the council.")
    a = _src("a.txt", notice + "\n\nPort Hale bridge closed\n\n" + STORY + "\n\n" + MORE + "\n\n" + wire)
    own = "Inspectors found cracks in two supports of the Port Hale Bridge, which closed on Tuesday."
    b = _src("b.txt", notice + "\n\nCracks close bridge\n\n" + own + "\n\n" + wire + "\n\n" + MORE)
    flag_boilerplate([a, b])
    for src in (a, b):
        flags = {s.text: src.flag_of(s) for s in src.sentences}
        assert flags[notice] == "boilerplate", flags
        assert flags[wire] is None and flags[MORE] is None, flags
        assert not any(f for t, f in flags.items() if t in (STORY, own)), flags


def test_two_outlets_running_one_wire_story_keep_every_paragraph():
    # a review: with the wire's paragraphs word for word in both, the edited last paragraph was
    # the only "story" left, and the lede above it was judged the page's text
    wire = ("A wind-driven wildfire tore through the hills above Ardley on Tuesday, forcing about "
            "4,000 residents to flee as crews battled flames fanned by gusts of 50 mph.",
            "Governor Ana Berg declared a state of emergency for the county late Tuesday, freeing "
            "state money for the firefighting effort and shelters.",
            "Forecasters expect dry, hot weather to continue through the weekend, with humidity "
            "below 10 percent and more strong winds.")
    a = _src("a.txt", "Wildfire forces 4,000 to flee\n\n" + "\n\n".join(wire) +
             "\n\nThe utility cut power to about 30,000 customers.")
    b = _src("b.txt", "Thousands flee Ardley wildfire\n\n" + "\n\n".join(wire) +
             "\n\nThe utility cut power to roughly 30,000 homes and businesses.")
    flag_boilerplate([a, b])
    for src in (a, b):
        assert not any(src.flag_of(s) for s in src.sentences), [(s.text[:40], src.flag_of(s)) for s in src.sentences]


def test_two_outlets_running_one_wire_copy_with_no_headline_line_keep_their_lede():
    # a second review: with no headline line, a subheading below the lede was taken for the
    # title, and the lede both outlets run was "above the headline"
    lede = ("A fast-moving wildfire driven by strong winds forced thousands of residents in northern "
            "California to flee their homes overnight, destroying dozens of buildings.")
    rest = ("Fire crews battled the blaze through the night near the town of Paradise Ridge, where "
            "evacuation orders covered more than 12,000 people, the state forestry agency said.")
    a = _src("a.txt", lede + "\n\nEvacuation orders widened overnight\n\n" + rest +
             "\n\nThe utility cut power to roughly 30,000 homes.")
    b = _src("b.txt", lede + "\n\nEvacuation orders widened overnight\n\n" + rest +
             "\n\nThe utility cut power to about 40,000 homes.")
    flag_boilerplate([a, b])
    for src in (a, b):
        assert not any(src.flag_of(s) for s in src.sentences), [(s.text[:40], src.flag_of(s)) for s in src.sentences]


@pytest.mark.parametrize("top", ["April 27, 2009", "Updated 2 hours ago", "Skip to main content",
                                "Ardley 14°C Partly cloudy", "Dow 15,254.03 +0.15% S&P 1,631.38 +0.05%",
                                 "Home > News > Ardley > Local", "Jo Doe, Senior Reporter",
                                 "News Sport Weather Business Opinion Culture Lifestyle", "Yahoo News",
                                 "PORTHALE-BRIDGE/ (UPDATE 1)", "News | Sport | Weather",
                                 "Top Stories\n• Central bank holds rates\n• Tourist arrivals hit record",
                                 "Most Read\n1. Central bank holds rates\n2. Tourist arrivals hit record",
                                 "Posted by Jo Doe at 2:20 PM 7 comments",
                                 "Home\nNews\nLocal\nSports\nObituaries\nOpinion\nClassifieds",
                                 "News | UK | World | Family & Education | Entertainment & Arts"])
def test_a_page_line_above_the_headline_is_never_the_title(top):
    a = _src("a.txt", top + "\n\nPort Hale bridge closed\n\n" + STORY)
    assert a.title == "Port Hale bridge closed"


@pytest.mark.parametrize("head", ["Photos: Flooding in Houston", "Watch: Moment bridge collapses",
                                  "Pictured: The moment rescuers reached the boys",
                                  "Credit Agricole makes bid for Co-operative Bank"])
def test_a_headline_in_a_page_line_s_words_stays_the_title(head):
    assert _src("a.txt", head + "\n\n" + STORY).title == head


@pytest.mark.parametrize("head, title", [
    ("UPDATE 2-Port Hale bridge closed after cracks found", "Port Hale bridge closed after cracks found"),
    ("CORRECTED-REFILE-Port Hale bridge closed", "Port Hale bridge closed"),
    ("UPDATE 2 - Port Hale bridge closed", "Port Hale bridge closed"),
    ("UPDATE 1-INSIGHT-Port Hale bridge closed", "Port Hale bridge closed"),
    ("UPDATE 1-eBay closes Port Hale office", "eBay closes Port Hale office"),
    ("UPDATE ON BRIDGE: Port Hale crossing closed", "UPDATE ON BRIDGE: Port Hale crossing closed"),
])
def test_a_wire_s_version_tag_is_no_part_of_the_title_and_the_headline_stays_a_heading(head, title):
    a = _src("a.txt", head + "\n\n" + STORY)
    assert a.title == title and a.paragraphs[0].heading


@pytest.mark.parametrize("head", ["More photos emerge", "Latest photos from Mars", "Latest news from Gaza",
                                  "More for less", "Never Miss a Beat: Drummer, 93, still plays",
                                  "We've updated our Privacy Policy", "Get news alerts on your phone, city urges",
                                  "- Port Hale bridge closed", "1. Bundesliga: Bayern clinch title"])
def test_a_headline_in_the_words_of_a_box_or_a_notice_stays_the_title(head):
    # (a bullet or a list's number before it is not shown: "Port Hale bridge closed")
    assert _src("a.txt", head + "\n\n" + STORY).title == head.removeprefix("- ").removeprefix("1. ")


def test_a_crosshead_after_the_lede_is_not_taken_for_the_title():
    a = _src("a.txt", "By Jo Doe\n\n" + STORY + "\n\n" + MORE + "\n\nRepairs begin\n\n" + MORE)
    assert a.title == "a"


def test_a_credit_of_many_parts_is_read_at_once():
    import time

    from sidebyside import furniture

    # (each part could once be read two ways: 40 parts took hours)
    line = "Facebook/Twitter/Instagram/YouTube/" * 10
    t = time.perf_counter()
    furniture.line_reason(line, line, 1, False, 1)
    assert time.perf_counter() - t < 1.0


@pytest.mark.parametrize("above", ["BREAKING", "By TOBIAS RENN", "Updated 9:40 AM GMT, March 11, 2025",
                                   "We care about your privacy. We and our 842 partners store and/or access "
                                   "information on a device, such as unique IDs in cookies."])
def test_a_page_line_in_the_headline_s_block_is_cut_from_it(above):
    # a copied page has no blank line between its lines: the page's line stayed in the headline
    # (the title read "... evacuated By TOBIAS RENN") or hid it with itself (a consent notice)
    head = "Blaze guts warehouse in Port Hale, hundreds evacuated"
    for text in (above + "\n" + head, head + "\n" + above):
        a = _src("a.txt", text + "\n\n" + STORY)
        b = _src("b.txt", "Cracks close bridge\n\n" + STORY)
        flag_boilerplate([a, b])
        assert a.title == head, text
        assert [a.flag_of(s) for s in a.sentences if s.text == head] == [None], text


def test_a_short_line_beside_a_page_line_stays_in_its_block():
    # a share bar's counts stay with their labels; a result's time stays with its runner
    for block in ("e-mail\n129\nshares\n31\nView comments", "Winning time\n2:03:23"):
        a = _src("a.txt", "Port Hale bridge closed\n\n" + STORY + "\n\n" + block)
        assert len(a.paragraphs) == 3, [a.text[p.start:p.end] for p in a.paragraphs]


@pytest.mark.parametrize("wrapped", [
    "The bill was signed into law on Tuesday afternoon\nby Governor Jerry Brown.",
    "Families who lost their homes in the fire still have no place to\nlive.",
    "Volunteers from three towns were expected to join the\nsearch.",
    "The hearing on the bridge's future will now begin\nat 9:30 a.m.",
])
def test_hard_wrapped_prose_keeps_its_last_line(wrapped):
    # a line that goes on with the sentence above it is never cut off as the page's
    a = _src("a.txt", "Port Hale bridge closed\n\n" + STORY + "\n\n" + wrapped)
    b = _src("b.txt", "Cracks close bridge\n\n" + STORY)
    flag_boilerplate([a, b])
    assert len(a.paragraphs) == 3 and not any(a.flag_of(s) for s in a.sentences)


def test_a_menu_above_a_headline_with_no_blank_line_leaves_the_headline():
    a = _src("a.txt", "Home\nNews\nRovers win cup\n\n" + STORY)
    assert a.title == "Rovers win cup"


def test_a_quote_of_common_words_is_a_claim_and_a_fragment_is_not():
    """A review found "We do not believe that it was illegal, what they did," he said (the
    inspector general's finding) left out of the unique claims for having two content words."""
    from sidebyside.findings import is_claim

    for quote in ("\u201cWe do not believe that it was illegal, what they did,\u201d he said.",
                  '"I went too far and I was wrong," she said.',
                  "\u201cBut more to the point, I disagree with what she said."):
        assert is_claim(quote, False), quote
        assert not is_claim(quote, True)  # a heading is never a claim
    for fragment in ("Nor should we.", '"Okay.', "Next.\u201d", '"This is the tactic.',
                     "And so it goes on and on.",
                     # (a review) an outlet's own lines, an interviewer's question, a list's head
                     "That is all for now from all of us here at CNN.",
                     "All that and more, coming up on Fox after the break.",
                     '"What do you make of all of this, Senator?"',
                     "We will update this as we learn more.",
                     "Here are some of the things we know so far:"):
        assert not is_claim(fragment, False), fragment
