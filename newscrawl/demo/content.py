"""Stories of the bundled demo news site "Valley Ledger": plain data, rendered by site.py."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Story:
    """One article of the demo site."""

    slug: str
    section: str
    published: str
    """ISO 8601 with offset, as the site's CMS writes it."""
    headline: str
    byline: str
    """The visible credit line, e.g. "By JANE ROE, Associated Press"."""
    paragraphs: list[str]
    modified: str | None = None
    tags: list[str] = field(default_factory=list)

    @property
    def path(self) -> str:
        """The article's canonical path: /section/yyyy/mm/dd/slug."""
        day = self.published[:10].replace("-", "/")
        return f"/{self.section}/{day}/{self.slug}"


_TOPICS = [
    ("city-council-approves-new-budget-for-parks", "local", "City council approves new budget for parks",
     "By Maria Lopez", "council", ["parks", "budget"]),
    ("water-district-plans-second-reservoir-near-mesa", "local", "Water district plans second reservoir near Mesa",
     "By DAVID O'BRIEN, Staff Writer", "reservoir", ["water"]),
    ("school-board-votes-to-extend-summer-program", "local", "School board votes to extend summer program",
     "By Anna Schmidt and Peter Novak", "school board", ["schools"]),
    ("japan-russia-agree-to-expand-defense-ties", "world", "Japan, Russia agree to expand defense ties",
     "Associated Press", "defense talks", ["japan", "russia"]),
    ("european-leaders-meet-on-energy-prices", "world", "European leaders meet on energy prices",
     "By JOHN MCDONALD and JANE ROE, Associated Press", "energy summit", ["europe", "energy"]),
    ("floods-force-thousands-from-homes-in-river-delta", "world", "Floods force thousands from homes in river delta",
     "By Lena van der Berg, Reuters", "flood relief", ["weather"]),
    ("local-bakery-expands-to-three-new-locations", "business", "Local bakery expands to three new locations",
     "By Chris Park", "bakery", ["small business"]),
    ("chipmaker-announces-plant-in-desert-valley", "business", "Chipmaker announces plant in desert valley",
     "By Samuel Green, Senior Editor", "chip plant", ["technology", "jobs"]),
    ("airport-traffic-hits-record-over-holiday-weekend", "business", "Airport traffic hits record over holiday weekend",
     "By Rita Alvarez", "airport", ["travel"]),
    ("desert-museum-opens-new-wing-for-native-art", "local", "Desert museum opens new wing for native art",
     "By Tom Baker", "museum", ["arts"]),
    ("transit-agency-tests-electric-buses-downtown", "local", "Transit agency tests electric buses downtown",
     "By Priya Shah", "bus pilot", ["transit"]),
    ("heat-wave-sets-new-temperature-records", "world", "Heat wave sets new temperature records across region",
     "By Omar Haddad, AFP", "heat wave", ["weather", "climate"]),
]
_SENTENCES = [
    "Officials said the plan had been in the works for more than two years.",
    "Residents packed the meeting room and many waited hours to speak.",
    "The proposal drew support from business groups and neighborhood associations alike.",
    "Critics argued that the cost estimates were far too optimistic.",
    "A final vote is expected before the end of the fiscal year.",
    "The measure passed on a five-to-two vote after a long debate.",
    "Engineers will begin surveying the site next month.",
    "State lawmakers have promised to match part of the funding.",
    "Similar projects in neighboring cities took longer than planned.",
    "The agency said it would publish a detailed timeline in the spring.",
    "Several speakers raised concerns about traffic and noise.",
    "Supporters said the investment would pay for itself within a decade.",
    "The mayor called the decision a turning point for the community.",
    "Independent auditors reviewed the figures before they were released.",
    "Public hearings will be held in each district over the summer.",
    "The project is expected to create hundreds of construction jobs.",
    "Opponents have vowed to challenge the plan in court.",
    "The report found that demand had grown faster than forecast.",
    "Local schools will be invited to take part in the first phase.",
    "Officials declined to say how many bids had been received.",
    "The board will revisit the issue if costs rise sharply.",
    "Volunteers spent the weekend handing out information to neighbors.",
    "The organization has operated in the valley since the 1970s.",
    "Data released last week showed a steady increase over five years.",
    "Experts cautioned that the results may vary from year to year.",
    "The governor's office said it was reviewing the request.",
    "A spokesperson said more details would be shared at a news conference.",
    "The initiative builds on a pilot program launched last spring.",
    "Business owners said the change could help them hire more staff.",
    "Environmental groups welcomed the move but asked for stronger safeguards.",
]


def _paragraphs(index: int, topic: str) -> list[str]:
    """Six distinct paragraphs; sentence choice varies by story so bodies don't repeat."""
    paragraphs = []
    for p in range(6):
        picks = [_SENTENCES[(index * 7 + p * 3 + k * 11) % len(_SENTENCES)] for k in range(3)]
        lead = f"The {topic} story developed further on day {p + 1} of coverage, story {index + 1}."
        paragraphs.append(" ".join([lead, *picks]))
    return paragraphs


def demo_stories() -> list[Story]:
    """The demo site's articles, newest first."""
    stories = []
    for index, (slug, section, headline, byline, topic, tags) in enumerate(_TOPICS):
        day = 28 - 2 * index
        published = f"2024-05-{day:02d}T{8 + index % 10:02d}:{(index * 7) % 60:02d}:00-07:00"
        stories.append(Story(slug=slug, section=section, published=published, headline=headline,
                             byline=byline, paragraphs=_paragraphs(index, topic), tags=tags))
    return stories
