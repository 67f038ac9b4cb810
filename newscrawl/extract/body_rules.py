"""What counts as boilerplate in a block of extracted article text: patterns and small predicates.

Each predicate looks at one block (a paragraph, heading, list or quote of trafilatura's output)
and names a class of non-article text an editor would cut on any site: promotion, share bars,
related-story teasers, photo credits, end-of-story credits and copyright notes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from lxml.etree import _Element, tostring

from ..normalize.date_raw import locate_date
from ..normalize.text import collapse_space, word_count

# "Related: ...", "READ MORE: ...", "Also on example.com ...": a label leading a link to
# another story. Kept short and generic; the label alone is not enough (see is_teaser).
TEASER_LABEL = re.compile(
    r"^\W*(?:(related( stories| articles| coverage| content| reading| links)?|read more|more|"
    r"see more|see also|also read|read also|read next|also see|also on [\w.-]+|watch|"
    r"watch more|more on this|more from [\w.-]+|recommended( for you)?|"
    r"you (may|might) also like|don'?t miss|trending|most read|most popular|"
    r"top stories|latest|lire aussi|à lire aussi|lesen sie auch|mehr zum thema|lea también|"
    r"lee también|leia também|baca juga|leggi anche|also(?=\s*:)|"
    # the same labels in the other languages we cover (de, fr, es, it, pt, nl)
    r"auch interessant|auch lesen|schon gelesen|zum weiterlesen|mehr themen|"
    r"(das|dies) (thema )?könnte (sie|dich|euch) (auch )?interessieren|"
    r"weitere (aktuelle )?(artikel|beiträge|themen|nachrichten|meldungen)( zum thema)?|"
    r"meist ?(gelesen|gelesene|diskutiert)e?( artikel| beiträge)?|empfohlene (artikel|beiträge)|"
    r"ähnliche (artikel|beiträge|themen)|verwandte (artikel|themen)|(videos|beiträge) zum thema|"
    r"kommentierte artikel|à lire également|sur le même sujet|articles similaires|"
    r"(le|te) puede interesar|vea también|ver también|notas relacionadas|noticias relacionadas|"
    r"temas relacionados|potrebbe interessarti|articoli correlati|veja também|leia mais|"
    r"notícias relacionadas|lees ook|meer over dit onderwerp|gerelateerde artikelen|"
    # and in the other languages of the world's news sites, as far as we know them
    r"читайте (также|еще|ещё|також)|похожие (новости|статьи|материалы)|материалы по теме|схожі новини|"
    r"(prze)?czytaj (także|też|również)|zobacz (także|też|również)|polecamy|čtěte (také|též)|"
    r"související (články|zprávy)|čítajte (aj|tiež)|súvisiace články|ilgili haberler|"
    r"bunlar da ilginizi çekebilir|läs (också|även)|relaterade artiklar|læs også|les også|"
    r"relaterte (saker|artikler)|lue myös|cite(ș|ş|s)te (și|şi|si)|articole similare|"
    r"kapcsolódó (cikkek|cikk|hírek)|ezek is érdekelhetik|διαβάστε (ακόμα|επίσης)|σχετικά άρθρα|"
    r"pročitajte (još|i)|povezane vijesti|povezani članci|preberite še|tin liên quan|xem thêm|"
    r"bài liên quan|berita terkait|artikel terkait|اقرأ أيضاً|اقرأ أيضا|(أخبار|مقالات|مواضيع) ذات صلة|"
    r"بیشتر بخوانید|ये भी पढ़ें|यह भी पढ़ें|संबंधित (खबरें|ख़बरें)|관련\s?(기사|뉴스))"
    r"(?!\w)"  # (not \b: Devanagari and Arabic labels end in a vowel sign)
    # scripts written without spaces: the label runs straight into the first teaser's title
    r"|(?:(เรื่อง|ข่าว)ที่เกี่ยวข้อง|関連記事|関連ニュース|あわせて読みたい|相关(新闻|文章|阅读)|延伸阅读|"
    r"相關(新聞|文章|閱讀)|延伸閱讀))"
    r"\s*(?P<sep>[:|»>\-–—?])?",
    re.IGNORECASE,
)
PROMO = re.compile(
    r"\b(sign[ -]?up|subscribe|register)\b.{0,80}\b(newsletters?|inbox|e-?mail updates|"
    r"news alerts)\b|"
    r"\b(newsletters?)\b.{0,80}\b(sign[ -]?up|subscribe)\b|"
    # "Follow us on X", "Follow Newsbeat on Instagram", not "Follow-up talks on Facebook's ..."
    r"(\bfollow (us|him|her|them|me)\b.{0,40}|^\W*follow\s+@?[\w.]+( [\w.]+){0,3}\s+on\W+)"
    r"(twitter|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky)\b|"
    r"\b(like this story|share (it|this( story| article)?) with (a friend|your friends))\b|"
    r"\bdownload (our|the \w+) app\b|"
    # what a sign-up widget says once submitted
    r"\bthanks? (you )?for (signing up|subscribing)\b|\berror processing your subscription\b|"
    r"\bkeep an eye on your inbox\b|"
    r"\bnewsletters?\b.{0,40}\b(anmelden|abonnieren|bestellen|s'inscrire|inscrivez|suscríbete|"
    r"suscribirse|iscriviti|inscreva|aanmelden|inschrijven)\b|"
    r"^[\w'’&.+ -]{0,40}\bnewsletters?\W*$",
    re.IGNORECASE,
)
# Calls to the reader, in the languages we cover: sign up, subscribe (and the paywall's notes to
# subscribers), write a letter or a comment, join a channel, support or donate, affiliate-link
# disclosures. Each alternative names the act and whom it addresses, so a story that reports
# on subscriptions ("users can subscribe to an ad-free plan") does not match.
READER_CALL = re.compile(
    r"\bsign(?:ing)?[ -]?up (?:here|now|today)\b|\b(?:by )?sign(?:ing)?[ -]?up (?:to|for) our\b|"
    r"\bplease subscribe\b|\bsubscribe (?:now|today|here)\b|^\W*subscribe to\b(?=(?:\W+\w+){0,6}\W*$)|"
    r"\balready an? (?:subscriber|member)\b|\bfirst-time subscribers\b|"
    r"\b(?:log|sign) in for (?:immediate|full) access\b|"
    r"\bsubmit (?:your|a) letter\b|\bwe(?:'d| would)? (?:want|love|like) to hear (?:from you|what you think)\b|"
    r"\b(?:join|follow) (?:us|our)\b.{0,40}\b(?:telegram|whatsapp|youtube|channel|community|newsletter)\b|"
    r"\bsupport (?:us|our (?:journalism|work|reporting))\b|\bdonate (?:now|today)\b|\baffiliate[- ]?links?\b|"
    r"\bunterstützen sie uns\b|^\W*unterstütze\b|"
    r"\b(?:verraten|schreiben|sagen) sie (?:es )?(?:uns )?(?:gerne )?in den kommentaren\b|"
    r"\bschreibt? (?:es )?(?:uns )?in die kommentare\b|\bkommentieren zu können\b|"
    r"\bnichts mehr (?:verpassen|versäumen)\b|^\W*jetzt (?:abonnieren|anmelden)\b|"
    r"\bnuestro canal de (?:youtube|telegram|whatsapp)\b|\búnete\b|\bsuscríbete\b|\bsíguenos\b|"
    r"\babonnez-vous\b|\binscrivez-vous\b|\bsuivez-nous\b|\bsoutenez-nous\b|"
    r"\biscriviti\b|\bseguici\b|\bsostienici\b|\binscreva-se\b|\bsiga-nos\b|"
    r"\bschrijf je in\b|\bvolg ons\b|\bsteun ons\b",
    re.IGNORECASE,
)
# Every READER_CALL alternative holds one of these: a literal search of the lower-cased text
# first, as the pattern costs ~80 µs a block and one block in a hundred is a call.
_CALL_KEY = re.compile("|".join(re.escape(k) for k in (
    "sign up", "signing up", "sign-up", "signup", "subscribe", "already a", "log in for", "sign in for",
    "letter", "to hear", "join us", "join our", "follow us", "follow our", "support us", "support our",
    "donate", "affiliate", "unterstütze", "kommentar", "kommentier", "nichts mehr", "jetzt abo",
    "jetzt anm", "nuestro canal", "únete", "suscríbete", "síguenos", "-vous", "-nous", "iscriviti",
    "seguici", "sostienici", "inscreva-se", "siga-nos", "schrijf je in", "volg ons", "steun ons",
)))
_MAX_CALL_WORDS = 40
# Notices about the article, not in it: reprint rights, "order reprints", print and e-mail tools.
_TOOL = (r"(print|e-?mail|send|save|share|mail)( this| to a friend)?( story| article| page)?|order reprints|reprints"
         r"|text size|font size|artikel (drucken|versenden|verschicken|merken)|drucken|versenden|merken"
         r"|imprimer( l'article)?|envoyer( l'article)?|imprimir|enviar|stampa|invia|afdrukken|mailen|a\s?a\s?a")
NOTICE = re.compile(
    r"\b(permission to reprint|order (a )?reprints?|reprints? (and|&) permissions|reprint rights|"
    r"nachdruck(rechte)?\b.{0,40}\b(genehmigung|anfragen)|droits de reproduction|derechos de reproducción)\b"
    rf"|^\W*(?:(?:{_TOOL})(?:\s*[|/·•]\s*|\s+|\W*$))+$",
    re.IGNORECASE,
)
SHARE_WORDS = frozenset(
    "share this article story on facebook twitter x linkedin whatsapp email e-mail print "
    "pinterest reddit copy link tweet messenger telegram comments comment".split()
)
CREDIT = re.compile(
    r"^\W*((image|photo|picture|video)s?\s*(credit|courtesy)?s?|photograph|credits?|"
    r"foto|bild|fotos|bildquelle|bildnachweis|crédits? photos?|crédito|créditos|"
    r"фото|zdjęcie|fotoğraf|kuva|fotó|φωτογραφία|ảnh|صورة|写真|图片|圖片|사진)\s*[:|：=]|^\W*fot\.\s+\w|"
    r"\b(getty images|shutterstock|afp via getty|ap photo|reuters/[A-Z])",
    re.IGNORECASE,
)
# Words one of the PROMO alternatives needs: most paragraphs have none and skip the pattern.
_PROMO_KEYS = ("sign", "subscri", "regist", "newsletter", "follow", "share", "like this",
               "download", "thank", "error", "inbox")
# A caption: a picture description ending in its credit, "(AP Photo/Jane Doe)", "Photo: J. Doe".
CAPTION_CREDIT = re.compile(
    r"(\((ap |afp |reuters |epa |getty )?(photo|image|picture|foto)s?\b[^()]{0,80}\)|"
    r"\bphoto: (?:[^.]|(?<=\b\w)\.){2,60}|/ ?getty images|\(getty images\)|"  # "Photo: J. Doe" too
    # the credit as other languages end a caption: "… Foto: dpa" after a sentence (not "told Bild:"),
    # "Bild: Keystone", "圖／騰訊科技", "写真：共同"
    r"(?:(?:^|(?<=[.!?)|])\s+|\()(?:foto|bild|фото)\s?:|[圖图]片?\s*[／/:：]|写真\s*[:：／]|사진\s*[=:/])\s*[^.。:：]{1,40})\s*$",
    re.IGNORECASE,
)
_CAPTION_KEYS = ("photo", "image", "picture", "foto", "getty", "bild", "фото", "圖", "图", "写真", "사진")
# Labels of page controls and ad slots that end up between paragraphs.
UI_LABEL = re.compile(
    r"^\W*(advertisement|sponsored|ad|less|more|show (more|less)|read more|load more|"
    r"continue reading|back to top|skip (ad|advert)|scroll to continue( with content)?|"
    r"story continues below( advertisement)?|"
    # the same controls in de, fr, es, it, pt, nl
    r"anzeige|werbung|publicité|publicidad|pubblicità|publicidade|advertentie|"
    r"(mehr|weiter) ?lesen|zurück( zu[rm]?( \w+){1,2})?|nach oben|artikel (bewerten|drucken|teilen)|"
    r"drucken|teilen|merken|zusatzinformationen|von|lire la suite|retour|leer más|volver|"
    r"leggi tutto|torna su|ler mais|voltar|lees meer|terug|"
    # ... and in the other languages of the world's news sites: the ad slot's label, "read more"
    r"реклама|reklama|reklam|reklame|mainos|reclam[aă]|hirdetés|διαφήμιση|quảng cáo|iklan|إعلان|"
    r"विज्ञापन|โฆษณา|広告|广告|廣告|광고|читать (далее|дальше)|подробнее|czytaj (więcej|dalej)|"
    r"devamını oku|läs mer|læs mere|les mer|lue lisää|citește (mai mult|mai departe)|tovább|"
    r"đọc tiếp|baca selengkapnya|اقرأ المزيد|और पढ़ें|อ่านต่อ|続きを読む|阅读(更多|全文)|閱讀(更多|全文)|더\s?보기)\W*$",
    re.IGNORECASE,
)
# Article metadata printed between paragraphs: reading time, time stamps, tag lines.
READ_TIME = re.compile(
    r"^\W*(\d+\s*(min|mins|minutes?)\.?( read)?|(reading time|read time|tempo de leitura|"
    r"temps de lecture|lesezeit|tiempo de lectura)\s*:?\s*\d+\s*\w{0,10})\W*$",
    re.IGNORECASE,
)
STAMP = re.compile(
    r"^\W*(updated|last updated|published|posted|first published|atualizado|publicado|"
    r"aktualisiert|mis à jour|actualizado)\b(?=.{0,60}(\d{1,2}[:.h]\d\d|\b(19|20)\d\d\b))",
    re.IGNORECASE,
)
DATE_AND_TIME = re.compile(r"\b(19|20)\d\d\b.*\b\d{1,2}[:h]\d\d\b|\b\d{1,2}[:h]\d\d\b.*\b(19|20)\d\d\b")
# A numeric date standing alone on its line, maybe with its section: "23.10.2018", "2021-10-16 | News".
BARE_DATE = re.compile(r"^\W*(\d{1,2}[./-]\d{1,2}[./-](19|20)?\d\d|(19|20)\d\d-\d\d-\d\d)\b\W*(\w+\W*)?$")
# A bar of short pieces set apart by "|" or "·", one of them a date: the byline and dateline
# bar ("Jane Roe | Palma | 08/01/2014"), printed above the story or over a teaser.
_BAR = re.compile(r"\s+[|·•]\s+")
_MAX_BAR_WORDS = 12
TAG_LINE = re.compile(
    r"^\W*(filed under|tags?|tagged( with| in)?|categor(y|ies)|posted in|topics?)\s*:",
    re.IGNORECASE,
)
# End-of-story notes: contributor lines, wire credits, copyright, author contact lines.
TRAILER = re.compile(
    r"\bcontributed (reporting )?to (this|the) (report|story|article)\b|"
    r"^\W*(additional )?(reporting|writing|editing|compiled|translated) by\b|"
    r"^\W*(copyright|©|\(c\)\s*\d{4})|\ball rights reserved\b|"
    r"\b(alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|"
    r"riproduzione riservata|todos os direitos reservados|alle rechten voorbehouden)\b|"
    r"^\W*[\w.+-]+@[\w-]+(\.[\w-]+)+\W*$|"  # the reporter's address on a line of its own
    r"^\W*(mit material (von|der|des)|mit agenturmaterial|mitarbeit:|avec (l'|l’)?(afp|reuters|ap|agences?)\b|"
    r"con información de\b|com informações d[aeo]s?\b|met medewerking van\b)|"
    r"\bmay not be (re)?published, broadcast\b|"
    r"\b(can|may) be reached at\b|^\W*have a (news )?tip\b|"
    r"\bfollow (him|her|them|me) on (twitter|x|instagram|facebook)\b|"
    r"^\W*sources?\s*:\s*[\w .,&'-]{2,60}$",  # "SOURCE: Al Jazeera and news agencies"
    re.IGNORECASE,
)
RULE_LINE = re.compile(r"^\s*([_\-*=~]\s*){3,}$")
COMMENTS_LABEL = re.compile(
    r"^\W*(\d+\s+)?(your |our |reader |user )?(comments?|leave a (comment|reply)|tell us what you think|join the "
    r"(discussion|conversation)|add (your|a) comment|post a comment|write a comment|"
    r"(ihre |deine |leser)?kommentare?|(einen )?kommentar (schreiben|verfassen|abgeben|hinzufügen)|"
    r"schreibe?n? (sie )?einen kommentar|diskutieren sie mit|"
    r"(vos |les )?commentaires?|laisse[rz]? un commentaire|(ajouter|écrire) un commentaire|réagir|réagissez|"
    r"(tus |sus |los )?comentarios?|deja (un|tu|su) comentario|escribe (un|tu) comentario|comenta|comentar|"
    r"(i )?commenti|lascia un commento|scrivi un commento|commenta|"
    r"(os |seus )?comentários|deixe (um|seu|o seu) comentário|comente|"
    r"(\d+ )?reacties?|reageer|plaats een reactie|laat een reactie achter|geef een reactie)"
    r"\W*(\(?\d+\)?)?\W*$",
    re.IGNORECASE,
)
# The mark a wire story ends with: "(END)", "-30-", "###", "Enditem", "(FIN)", "– Ende –".
END_MARK = re.compile(
    r"^\s*(?:[(\[/–—-]+\s*(?:end|ends|fin|fine|fim|ende|einde)\s*[)\]/–—-]+|(?-i:END|ENDS|FIN|ENDE)|enditem|"
    r"-\s*30\s*-|#{3})\s*$",
    re.IGNORECASE,
)
_MAX_BOX_LABEL_WORDS = 6  # "Das könnte Sie auch interessieren"
_WORD = re.compile(r"\w+")


def inner_text(element: _Element) -> str:
    """The text of an element and its descendants, without its tail: ``"".join(element.itertext())``.

    Serialised in one C call; itertext makes a Python string of every text node first, which
    costs twice as much on the blocks extraction reads.
    """
    text: str = tostring(element, method="text", encoding=str, with_tail=False)
    return text


def block_text(block: _Element) -> str:
    """All text of a block, whitespace collapsed."""
    return collapse_space(inner_text(block))


def link_share(block: _Element, text: str) -> float:
    """Share of the block's characters that sit inside links."""
    if not text:
        return 0.0
    linked = sum(len(collapse_space(inner_text(ref))) for ref in block.iter("ref"))
    return min(1.0, linked / len(text))


def words(text: str) -> list[str]:
    """Word tokens of a text.

    >>> words("Share on X, or e-mail")
    ['Share', 'on', 'X', 'or', 'e', 'mail']
    """
    return _WORD.findall(text)


@lru_cache(maxsize=64)
def _word_count(text: str) -> int:
    """word_count(), cached: a length guard run before the patterns.

    A block's text is measured by one rule after another, and counting it each time cost
    more than the lookups.
    """
    return word_count(text)


def is_headline(text: str, headline: str) -> bool:
    """The headline again, maybe without the " - Site Name" suffix the metadata carries.

    A prefix counts only from four words on: a short line may be the story's first words.

    >>> is_headline("Storm hits the coast", "Storm hits the coast | Daily News")
    True
    >>> is_headline("Storm hits", "Storm hits the coast | Daily News")
    False
    """
    line, title = [w.casefold() for w in words(text)], [w.casefold() for w in words(headline)]
    if not line:
        return False
    return line == title or (len(line) >= 4 and title[: len(line)] == line
                             and len(title) - len(line) <= 4)


def is_teaser(block: _Element, text: str) -> bool:
    """A "Related: <link>" line pointing at another story."""
    if block.tag not in ("p", "head", "item"):
        return False
    match = TEASER_LABEL.match(text)
    # a label on a line of its own, its text run into the first title's ("Читайте также<lb/>Путин ...")
    first_line = (block.text or "").strip()
    if match is None and first_line and len(block) and block[0].tag == "lb":
        match = TEASER_LABEL.fullmatch(first_line)
        if match is not None:
            return link_share(block, text) >= 0.5
    if match is None:
        return False
    rest = text[match.end():].strip(" .…")
    if not rest or link_share(block, text) >= 0.5:
        return True
    # "MORE: Mayor resigns" is a teaser; "More rain expected" is a sentence
    return match.group("sep") is not None and len(words(rest)) <= 3


def is_link_list(block: _Element) -> bool:
    """A list whose every item is just a link: related stories, most read, tag clouds."""
    items = [item for item in block.iter("item")] if block.tag == "list" else []
    if len(items) < 2:
        return False
    return all(link_share(item, block_text(item)) >= 0.9 for item in items)


def is_labelled_list(block: _Element) -> bool:
    """A list whose first item is a box label: "Das könnte Sie auch interessieren", then teasers."""
    if block.tag != "list":
        return False
    first = next(block.iter("item"), None)
    if first is None:
        return False
    text = block_text(first)
    return bool(text) and is_box_label(first, text)


def is_box_label(block: _Element, text: str) -> bool:
    """A heading that opens a box of teasers or a sign-up widget ("Most read", "X Newsletter")."""
    count = len(words(text))
    if count <= 4:
        return is_teaser(block, text) or is_promo(text)
    # a longer label stands alone ("Das könnte Sie auch interessieren"), with no story after it
    match = TEASER_LABEL.match(text)
    return count <= _MAX_BOX_LABEL_WORDS and match is not None and not text[match.end():].strip(" .:…?")


def _site(host: str) -> str:
    return host.lower().split(":")[0].removeprefix("www.")


def is_own_links_list(block: _Element, page_host: str | None) -> bool:
    """A list of short items each linking back into the same site: "more stories from us"."""
    items = [item for item in block.iter("item")] if block.tag == "list" else []
    if len(items) < 2 or not page_host:
        return False
    site = _site(page_host)
    for item in items:
        targets = [urlsplit(ref.get("target") or "").netloc for ref in item.iter("ref")]
        if not targets or len(words(block_text(item))) > 25:
            return False
        if any(t and not (_site(t).endswith(site) or site.endswith(_site(t))) for t in targets):
            return False
    return True


def is_promo(text: str) -> bool:
    """A short call to subscribe, follow, share, comment or support."""
    count = _word_count(text)
    if count > 60:
        return False
    lowered = text.lower()
    if any(k in lowered for k in _PROMO_KEYS) and PROMO.search(text) is not None:
        return True
    return count <= _MAX_CALL_WORDS and _CALL_KEY.search(lowered) is not None \
        and READER_CALL.search(text) is not None


# Every phrase of NOTICE that may stand anywhere in a line holds one of these words (the other
# alternatives are anchored at its start); and likewise for TRAILER. Searching a line for a
# few plain words first costs a fraction of a search with the case-insensitive patterns.
_NOTICE_WORDS = ("reprint", "nachdruck", "reproduc")
_TRAILER_WORDS = ("contributed", "all rights reserved", "published, broadcast", "be reached at", "follow",
                  "rechte vorbehalten", "droits réservés", "derechos reservados", "diritti riservati",
                  "riproduzione riservata", "direitos reservados", "rechten voorbehouden")


def _matches(pattern: re.Pattern[str], words_anywhere: tuple[str, ...], text: str) -> bool:
    """``pattern.search(text)``, asked only where one of ``words_anywhere`` occurs beyond the start."""
    if pattern.match(text) is not None:
        return True
    lowered = text.lower()
    return any(w in lowered for w in words_anywhere) and pattern.search(text) is not None


def is_notice(text: str) -> bool:
    """A reprint-rights notice or a row of article tools ("Print this story | E-mail this story")."""
    return _word_count(text) <= 60 and _matches(NOTICE, _NOTICE_WORDS, text)


def is_share_bar(text: str) -> bool:
    """A line made only of share-button labels."""
    folded = text.casefold()
    if "share" not in folded and "tweet" not in folded:  # one of them is a token of every such line
        return False
    tokens = [w.casefold() for w in words(text)]
    return 0 < len(tokens) <= 12 and all(t in SHARE_WORDS or t.isdigit() for t in tokens) \
        and any(t == "share" or t == "tweet" for t in tokens)


def is_credit(text: str) -> bool:
    """A photo or video credit standing alone."""
    return _word_count(text) <= 14 and CREDIT.search(text) is not None


def is_caption(text: str) -> bool:
    """A photo caption carrying its credit at the end."""
    lowered = text.lower()
    return _word_count(text) <= 80 and any(k in lowered for k in _CAPTION_KEYS) \
        and CAPTION_CREDIT.search(text) is not None


def is_ui_label(text: str) -> bool:
    """ "Advertisement", "Read more", "less": a control or ad-slot label, not prose."""
    return UI_LABEL.match(text) is not None


def is_meta_line(text: str) -> bool:
    """Reading time, an "Updated 1:23 p.m." stamp, a bare date and time, a "Tags:" line."""
    count = _word_count(text)
    if count > 25:
        return False
    return (count <= 12 and (READ_TIME.match(text) is not None or STAMP.match(text) is not None)
            or count <= 8 and DATE_AND_TIME.search(text) is not None
            or count <= 3 and BARE_DATE.match(text) is not None
            or TAG_LINE.match(text) is not None
            or count <= _MAX_BAR_WORDS and _is_date_bar(text))


def _is_date_bar(text: str) -> bool:
    pieces = _BAR.split(text.strip())
    return len(pieces) >= 2 and any(locate_date(p) == p.strip() for p in pieces if any(c.isdigit() for c in p))


def is_trailer(text: str) -> bool:
    """An end-of-story note: contributors, wire credit, copyright, author contact."""
    return _word_count(text) <= 60 and _matches(TRAILER, _TRAILER_WORDS, text)


def is_rule(text: str) -> bool:
    """A typed separator line: "___", "---", "* * *"."""
    return RULE_LINE.match(text) is not None


def is_end_rule(text: str) -> bool:
    """The "___" rule wire stories put between the story and its end notes ("* * *" and
    "---" also separate sections of a feature, so they do not end a story)."""
    return is_rule(text) and set(text.replace(" ", "")) == {"_"}


# The paywall's cut, in the languages we cover: the story stops here and an offer follows
# ("Mit top+ weiterlesen", "Subscribe to continue reading", "La suite est réservée aux abonnés").
PAYWALL_CALL = re.compile(
    r"^\W*(?:mit\s+\S+(?:\s+\S+)?\s+weiterlesen|jetzt\s+(?:weiterlesen|freischalten)|weiterlesen\s+mit\b|"
    r"(?:dieser|dieses|diese|der)\s+(?:artikel|beitrag|inhalt)\s+(?:ist\s+)?(?:nur\s+)?(?:exklusiv\s+)?f(?:ü|ue)r\s+abonnent|"
    r"(?:subscribe|sign in|log in)\s+to\s+(?:continue\s+reading|read\s+(?:the\s+full|more))|"
    r"continue\s+reading\s+with\b|(?:this\s+)?(?:article|content|story)\s+is\s+(?:only\s+)?"
    r"(?:available|reserved)\s+(?:to|for)\s+(?:subscribers|members)|unlock\s+(?:this|the\s+full)\s+(?:article|story)|"
    r"(?:la\s+suite\s+(?:de\s+cet\s+article\s+)?est|cet\s+article\s+est)\s+r(?:é|e)serv(?:é|e)e?\s+aux\s+abonn|"
    r"(?:contenido|art(?:í|i)culo)\s+exclusivo\s+para\s+suscriptores|sigue\s+leyendo\s+con\b|"
    r"(?:contenuto|articolo)\s+riservato\s+agli\s+abbonati|per\s+continuare\s+a\s+leggere|"
    r"conte(?:ú|u)do\s+exclusivo\s+para\s+assinantes|continue\s+lendo\s+com\b|"
    r"(?:lees|verder\s+lezen)\s+(?:verder\s+)?met\b|dit\s+artikel\s+is\s+(?:alleen\s+)?voor\s+abonnees|"
    # ja, zh, ko: "members only", "read the rest after registering", "paid reading"
    r"有料会員限定|(?:この)?記事は(?:有料)?会員限定|続きを(?:お)?読み(?:いただけます|になるには)|"
    r"付费(?:阅读|内容|会员)|订阅(?:后|即可)(?:阅读|查看)|유료\s?회원)",
    re.IGNORECASE,
)
_MAX_PAYWALL_CALL_WORDS = 20


def is_paywall_call(text: str) -> bool:
    """The short line where a paywall cuts the story: what follows is the subscription offer."""
    return _word_count(text) <= _MAX_PAYWALL_CALL_WORDS and PAYWALL_CALL.match(text) is not None


# ... or written at the end of the story's last block ("... reached at kim@example.com (END)")
_END_MARK_AFTER = re.compile(r"(?:[(\[/]\s*(?:END|FIN|ENDE)\s*[)\]/]|\s-30-|Enditem)\s*$")


def is_end_mark(text: str) -> bool:
    """A wire story's end-of-copy mark on a line of its own."""
    return END_MARK.match(text) is not None


def ends_with_end_mark(text: str) -> bool:
    """A block closed by a wire story's end-of-copy mark: the story's last."""
    return _END_MARK_AFTER.search(text) is not None


def is_comments_label(text: str) -> bool:
    """The heading of a reader-comments section."""
    return COMMENTS_LABEL.match(text) is not None
