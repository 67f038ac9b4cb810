"""The byline lexicon: the words around a writer's name, by language (en, de, fr, es, it, pt, nl).

One table per role a word plays, so a new language is a few entries, not new rules:

- ``BY``: the preposition before the writer ("by", "von", "par", "por", "di", "door");
- ``VERBS``: what may stand before it ("published by", "gespeichert von", "pubblicato da");
- ``ALL_POSTS``: the author box's link to the writer's other stories ("Alle Beiträge von X");
- ``LABELS``: what stands before a colon ("Author:", "Texto:", "Interview:");
- ``TRAILERS``: what follows a name and is no part of it ("X im Gespräch", "X Veröffentlicht");
- ``WEEKDAYS``: short weekdays a byline prints after the name ("Jane Roe Fr").
- ``STOCK_PHOTO``: picture agencies, credited for a photo and never for the story.
"""

from __future__ import annotations

import re

# The writer's preposition. "da" and "de" open too many surnames to stand alone; see VERBS.
BY = ("by", "von", "vom", "durch", "par", "por", "di", "door", "av", "af")
BY_AFTER_VERB = ("da", "de", "van")
VERBS = {
    "en": ("posted", "published", "submitted", "written", "created", "reported", "reporting", "report", "story",
           "words", "text", "post author", "article", "compiled", "produced", "photos and text",
           "a story", "an article", "interview"),
    "de": ("geschrieben", "verfasst", "eingestellt", "erstellt", "veröffentlicht", "publiziert",
           "gespeichert", "gepostet", "ein artikel", "ein beitrag", "beitrag", "artikel", "rezept",
           "kommentar", "gastbeitrag", "pressemitteilung", "text", "interview", "mit material",
           "mit informationen", "bericht", "ein interview"),
    "fr": ("publié", "publiée", "écrit", "écrite", "rédigé", "rédigée", "posté", "mis en ligne",
           "un article", "texte", "propos recueillis", "entretien réalisé"),
    "es": ("publicado", "publicada", "escrito", "escrita", "redactado", "redactada", "un artículo",
           "texto", "entrevista", "información"),
    "it": ("pubblicato", "pubblicata", "scritto", "scritta", "redatto", "un articolo", "a cura",
           "articolo", "testo", "intervista"),
    "pt": ("publicado", "publicada", "escrito", "escrita", "postado", "postada", "redigido",
           "texto", "entrevista", "reportagem"),
    "nl": ("geschreven", "gepubliceerd", "geplaatst", "een artikel", "tekst", "verslag",
           "interview"),
}
# The link of an author box to the writer's other stories: "View all posts by X".
ALL_POSTS = {
    "en": ("view all posts", "see all posts", "all posts", "more posts", "more articles", "more stories",
           "all articles", "all stories", "view all articles", "more from"),
    "de": ("zeige alle beiträge", "alle beiträge", "alle artikel", "weitere artikel", "mehr artikel",
           "weitere beiträge", "mehr beiträge", "mehr von"),
    "fr": ("voir tous les articles", "tous les articles", "voir tous les articles", "plus d'articles"),
    "es": ("ver todas las entradas", "todas las entradas", "todos los artículos", "más artículos"),
    "it": ("mostra tutti gli articoli", "tutti gli articoli", "altri articoli"),
    "pt": ("ver todos os posts", "todos os posts", "todos os artigos", "mais artigos"),
    "nl": ("bekijk alle berichten", "alle berichten", "alle artikelen", "meer artikelen"),
}
LABELS = {
    "en": ("author", "authors", "text", "writer", "reporter", "by", "source", "byline",
           "interview", "words", "story"),
    "de": ("autor", "autorin", "autoren", "text", "verfasser", "verfasserin", "von", "redakteur",
           "redakteurin", "redaktion", "quelle", "interview", "bericht"),
    "fr": ("auteur", "auteure", "autrice", "texte", "par", "source", "entretien", "rédaction"),
    "es": ("autor", "autora", "texto", "por", "fuente", "entrevista", "redacción"),
    "it": ("autore", "autrice", "testo", "fonte", "intervista", "redazione"),
    "pt": ("autor", "autora", "texto", "por", "fonte", "entrevista", "redação"),
    "nl": ("auteur", "tekst", "door", "bron", "redactie"),
    "other": ("автор", "авторы", "текст", "责任编辑", "作者", "编辑", "撰文", "记者", "文"),
}
TRAILERS = {
    "en": ("published", "posted", "submitted", "updated", "writes", "reports", "in conversation",
           "interviewed"),
    "de": ("im gespräch", "im interview", "veröffentlicht", "aktualisiert", "schreibt",
           "berichtet", "kommentiert", "meint"),
    "fr": ("publié", "publiée", "écrit", "en conversation", "en entretien"),
    "es": ("publicado", "publicada", "escribe", "en conversación"),
    "it": ("pubblicato", "pubblicata", "scrive", "in conversazione"),
    "pt": ("publicado", "publicada", "escreve", "em conversa"),
    "nl": ("gepubliceerd", "geplaatst", "schrijft", "in gesprek"),
}
WEEKDAYS = {
    "en": ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"),
    "de": ("mo", "di", "mi", "do", "fr", "sa", "so"),
    "fr": ("lun", "mar", "mer", "jeu", "ven", "sam", "dim"),
    "es": ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
    "it": ("lun", "mar", "mer", "gio", "ven", "sab", "dom"),
    "pt": ("seg", "ter", "qua", "qui", "sex", "sáb", "dom"),
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
}
STOCK_PHOTO = frozenset(
    {
        "getty", "getty images", "gettyimages", "istock", "istockphoto", "istock / getty images",
        "shutterstock", "alamy", "alamy stock photo", "imago", "imago images", "picture alliance",
        "picture-alliance", "adobe stock", "stock.adobe.com", "unsplash", "pixabay", "pexels",
        "depositphotos", "dreamstime", "123rf", "fotolia", "colourbox", "thinkstock", "corbis",
    }
)


def _alternatives(words: object) -> str:
    flat = words.values() if isinstance(words, dict) else [words]
    every = {w for group in flat for w in group}  # type: ignore[union-attr]
    # Longest first: "post author" before "post", "ein artikel" before "artikel".
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(every, key=len, reverse=True))


_VERB = _alternatives({**{f"v-{k}": v for k, v in VERBS.items()}, **{f"a-{k}": v for k, v in ALL_POSTS.items()}})
PREFIX = re.compile(
    rf"^(?:(?:{_VERB})\s*)?(?:{_alternatives(BY)})\s*:?(?:\s+|$)"
    rf"|^(?:{_VERB})\s+(?:{_alternatives(BY_AFTER_VERB)})\s+"
    rf"|^(?:{_alternatives(LABELS)})\s*[:：]\s*"
    # "ByJane Roe": two elements' texts run together.
    rf"|^(?:{_VERB})?\s*(?-i:(?:[Bb]y|[Vv]on)(?=[A-ZÄÖÜ][a-zäöüß]))",
    re.IGNORECASE,
)
"""A byline's opening words: "Veröffentlicht von ", "Post author By ", "Texto: "."""
TRAILER = re.compile(rf"[\s,]+(?:{_alternatives(TRAILERS)})\s*[.:]?$", re.IGNORECASE)
"""Words after the name: " im Gespräch", " Veröffentlicht"."""
WEEKDAY = re.compile(rf"[\s,]+(?=(?-i:[A-ZÀ-Þ]))(?:{_alternatives(WEEKDAYS)})\.?$", re.IGNORECASE)
"""A short weekday after the name: " Fr", " Thu."; its first letter is a capital."""


def strip_trailers(part: str) -> str:
    """Drop what follows a name of two words or more: "Petra Lang im Gespräch" -> "Petra Lang".

    >>> strip_trailers("Anna Schmidt Veröffentlicht")
    'Anna Schmidt'
    >>> strip_trailers("Anna Schmidt Fr")
    'Anna Schmidt'
    >>> strip_trailers("Yang Sun")
    'Yang Sun'
    """
    for _ in range(3):
        shorter = TRAILER.sub("", part)
        if shorter == part:
            shorter = WEEKDAY.sub("", part)
        # A name of one word keeps what follows it: "Li Sun" is a name, not Li on a Sunday.
        if shorter == part or len(shorter.split()) < 2:
            return part
        part = shorter
    return part


def is_stock_photo(text: str) -> bool:
    """A picture agency's credit: "Getty Images", "iStock", "picture alliance".

    >>> is_stock_photo("Getty Images") and is_stock_photo("IMAGO") and not is_stock_photo("Reuters")
    True
    """
    key = " ".join(text.lower().replace("/", " / ").split()).strip(" ./")
    return key in STOCK_PHOTO or key.split(" / ")[0] in STOCK_PHOTO
