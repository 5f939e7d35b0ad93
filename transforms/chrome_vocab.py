"""Vocabularies of page chrome, bylines and dates, as plain Python data.

``transforms.clean`` and ``transforms.metadata`` compile these into regular
expressions once, at import time. Everything here is general: words a web page
uses for its own furniture (share bars, forum headers, menus, photo credits,
cookie banners, comment sections) in the languages the corpus is known to
carry (English, Dutch, German, French, Spanish, Portuguese, Italian, Polish,
Scandinavian, Russian, Indonesian). Add a language by adding its words to each
table; no rule elsewhere names a language.

All entries are lower case unless stated; matching is case-insensitive.
"""

from __future__ import annotations

# The tables below are data laid out for reading; the formatter would put one word per line.
# fmt: off

# --- share bars ------------------------------------------------------------------------------------------
# A line made only of these words (plus punctuation and counts) is a share bar:
# "facebook sharing button Share", "Tweet", "Share on WhatsApp", "E-Mail | Drucken".
SHARE_WORDS: frozenset[str] = frozenset(
    """
    share shares shared sharing sharethis addthis button buttons tweet tweets retweet email e mail mail print
    copy link links url on via facebook twitter x whatsapp telegram linkedin pinterest reddit tumblr messenger
    flipboard pocket viber vk vkontakte ok odnoklassniki weibo wechat line xing mix sms threads bluesky mastodon
    instagram youtube snapchat tiktok google googleplus digg stumbleupon delicious evernote gmail yahoo outlook
    this article story page post the to with your friends comment comments save bookmark follow us
    sur auf op en em na su w в di per con met mit par por via
    teilen drucken versenden empfehlen twittern artikel delen printen doorsturen afdrukken partager imprimer
    envoyer compartir imprimir enviar correo partilhar compartilhar condividi stampa udostępnij drukuj wyślij
    dela skriv ut поделиться отправить печать bagikan cetak kirim
    """.split()
)
# At least one of these must be present for a line to count as a share bar (so that
# a heading like "Follow the story" is not one).
SHARE_TRIGGERS: frozenset[str] = frozenset(
    """
    share sharing sharethis addthis tweet retweet facebook twitter whatsapp telegram linkedin pinterest reddit
    tumblr messenger flipboard pocket viber vk weibo wechat xing email mail print teilen drucken delen printen
    partager imprimer compartir imprimir partilhar compartilhar condividi udostępnij drukuj поделиться bagikan
    """.split()
)

# --- forum software chrome (phpBB, vBulletin, XenForo, Discourse) ------------------------------------------
# Each entry is a regular expression matched at the start of a stripped line.
FORUM_PATTERNS: tuple[str, ...] = (
    # post counters and join dates beside a poster's name
    r"(posts|messages?|berichten|beiträge|beitraege|messages\s*:|mensajes|mensagens|messaggi|posty|wiadomości"
    r"|inlägg|innlegg|indlæg|сообщения|сообщений)\s*:\s*[\d.,\s]+$",
    r"(joined|registered|member since|lid geworden op|registriert|registriert seit|mitglied seit|inscription"
    r"|inscrit le|registrado|registrado em|iscritto il|iscritto|dołączył\(a\)|dołączył|rejestracja|medlem sedan"
    r"|registrert|tilmeldt|зарегистрирован|регистрация)\s*:?\s*.{0,40}\d",
    # "Post by NAME » DATE" / "Bericht door X »" / "Beitrag von X »" / "Message par X »"
    r"(post|posted|bericht|beitrag|message|mensaje|mensagem|messaggio|post(ów)?|inlägg|innlegg|сообщение)"
    r"\s+(by|door|von|par|por|da|przez|av|af|от)\s+\S.{0,60}»",
    r"re\s*:\s*.{0,200}$",
    # reply / back links
    r"(post reply|reply with quote|quote reply|plaats reactie|reageer|antworten|antwort erstellen|répondre"
    r"|responder|rispondi|odpowiedz|svara|svar|ответить)\s*$",
    r"(return to|back to|terug naar|zurück zu|zurück zur|retourner vers|revenir à|volver a|voltar para"
    r"|torna a|wróć do|powrót do|tillbaka till|tilbake til|вернуться в)\s*(?:[\"“”'‘’«„].{0,60}[\"“”'‘’»]"
    r"|board index|forum index|forumoverzicht|foren-übersicht|index du forum|índice general)\s*$",
    # forum roles and ranks shown under a poster's name
    r"(site admin|administrator|moderator|global moderator|super moderator|beheerder|forum admin|junior member"
    r"|senior member|new member|newbie|regular member|premium member|verified member|posting freak"
    r"|valued member|well-known member|active member|stamgast|beginner|administrateur|modérateur"
    r"|administrador|moderador|administratorzy|moderatorzy|администратор|модератор)\s*$",
    r"(top|bovenkant|nach oben|haut|arriba|inizio|góra)\s*$",
    r"(quote|citaat|zitat|citation|cita|citar|citazione|cytat|цитата)\s*:?\s*$",
    r"(last edited by|laatst bewerkt door|zuletzt bearbeitet von|dernière édition par|editado por"
    r"|ostatnio edytowany przez)\b.{0,120}$",
    r"\d+\s+(replies|reacties|antworten|réponses|respuestas|respostas|risposte|odpowiedzi|ответов)\b.{0,60}$",
    r"(page|pagina|seite|página|strona)\s+\d+\s+(of|van|von|de|sur|di|z)\s+\d+\s*$",
)

# How a FORUM_PATTERNS entry can start (lower case; a line starting with a digit is always tried): a line
# starting with none of these is not matched against the patterns. Keep in step with FORUM_PATTERNS
# (tests/test_clean.py checks that every alternative at the start of a pattern starts with one of them).
FORUM_LEADS: tuple[str, ...] = (
    "post", "message", "bericht", "beitr", "mensaj", "mensag", "messagg", "wiadomości", "inlägg", "innlegg",
    "indlæg", "сообщени", "joined", "registr", "member since", "lid geworden op", "mitglied seit", "inscri",
    "iscritto", "dołączył", "rejestracja", "medlem sedan", "tilmeldt", "зарегистрирован", "регистрация", "re",
    "reply with quote", "quote", "plaats reactie", "reageer", "antwort", "répondre", "responder", "rispondi",
    "odpowiedz", "svar", "ответить", "return to", "back to", "terug naar", "zurück zu", "retourner vers",
    "revenir à", "volver a", "voltar para", "torna a", "wróć do", "powrót do", "tillbaka till", "tilbake til",
    "вернуться в", "site admin", "administr", "moderat", "global moderator", "super moderator", "beheerder",
    "forum admin", "junior member", "senior member", "new member", "newbie", "regular member", "premium member",
    "verified member", "posting freak", "valued member", "well-known member", "active member", "stamgast",
    "beginner", "modérateur", "moderador", "администратор", "модератор", "top", "bovenkant", "nach oben", "haut",
    "arriba", "inizio", "góra", "citaat", "zitat", "cita", "cytat", "цитата", "last edited by",
    "laatst bewerkt door", "zuletzt bearbeitet von", "dernière édition par", "editado por",
    "ostatnio edytowany przez", "page", "pagina", "seite", "página", "strona",
)

# --- photo captions and credits ----------------------------------------------------------------------------
# Credit labels: "Photo: NAME", "Pic: AP", "Foto: dpa", "Bild: Keystone", "(Image: Getty)".
CREDIT_LABELS: tuple[str, ...] = (
    "photo", "photos", "pic", "pics", "picture", "image", "images", "img", "foto", "fotos", "fotó", "bild",
    "bilder", "credit", "credits", "photo credit", "image credit", "copyright", "illustration", "graphic",
    "grafik", "photograph", "video", "zdjęcie", "fot", "źródło zdjęcia", "crédit", "crédits", "crédito",
    "créditos", "fotografía", "fotografia", "immagine", "afbeelding", "beeld", "фото", "source photo",
)
# Picture agencies and wire services whose name ends a credit line ("... / POOL / AFP").
CREDIT_AGENCIES: tuple[str, ...] = (
    "ap", "afp", "reuters", "getty", "getty images", "epa", "epa-efe", "efe", "dpa", "anp", "ansa", "pap",
    "belga", "keystone", "ap photo", "shutterstock", "istock", "istockphoto", "alamy", "pa", "pa wire",
    "pa images", "sputnik", "xinhua", "tass", "ria novosti", "imago", "picture alliance", "picture-alliance",
    "bloomberg", "sipa", "abaca", "zuma", "zuma press", "rex", "rex features", "ritzau", "nurphoto",
    "anadolu", "kyodo", "yonhap", "kcna", "pool", "handout", "file photo", "courtesy",
)
# Words that mark a line as a caption label or image furniture when the line is short.
CAPTION_PHRASES: tuple[str, ...] = (
    "caption", "podpis źródła zdjęcia", "podpis zdjęcia", "bildunterschrift", "légende", "pie de foto",
    "legenda", "didascalia", "bijschrift", "bildtext", "подпись", "image caption", "media caption",
    "photo caption", "hide caption", "toggle caption", "enlarge this image", "view gallery", "view slideshow",
    "open gallery", "back to gallery", "image of", "of photos", "photo of", "bild von", "foto de", "foto van",
    "foto di", "foto z", "expand", "fullscreen", "full screen", "zoom", "play video", "watch video", "watch",
    "click to enlarge",
)
# Source lines at the foot of agency copy: "Source: Reuters", "Quelle: dpa", "Fuente: EFE".
SOURCE_LABELS: tuple[str, ...] = (
    "source", "sources", "quelle", "quellen", "bron", "bronnen", "source :", "fuente", "fonte", "źródło",
    "źródła", "kilde", "källa", "источник", "sumber", "with reporting by", "reporting by", "additional reporting by",
    "editing by", "writing by", "compiled by", "mitarbeit", "met medewerking van",
)

# --- related links, navigation, comments, legal, cookies, ads, newsletters --------------------------------
# Matched at the start of a short line (see clean.SHORT_LINE_CHARS).
RELATED_PHRASES: tuple[str, ...] = (
    "related", "related articles", "related stories", "related news", "related posts", "related content",
    "related coverage", "related topics", "read more", "read also", "read next", "also read", "see also",
    "more in", "more on", "more from", "more news", "more stories", "more articles", "more:", "more...",
    "you may also like", "you might also like", "you may be interested", "recommended", "recommended for you",
    "most popular", "most read", "most viewed", "trending", "popular now", "top stories", "latest news",
    "latest stories", "click here", "further reading", "keep reading", "continue reading", "don't miss", "don’t miss",
    "editor's picks", "editors' picks", "around the web", "sponsored stories", "promoted stories",
    "lesen sie auch", "lesen sie mehr", "mehr zum thema", "mehr zum", "das könnte sie auch interessieren",
    "weitere artikel", "ähnliche artikel", "meistgelesen", "auch interessant", "lees ook", "lees meer",
    "meer nieuws", "gerelateerd", "lire aussi", "à lire aussi", "a lire aussi", "lire la suite", "voir aussi",
    "sur le même sujet", "les plus lus", "leer más", "lee también", "te puede interesar", "noticias relacionadas",
    "lo más leído", "leia também", "leia mais", "veja também", "saiba mais", "mais lidas", "notícias relacionadas",
    "leggi anche", "potrebbe interessarti", "czytaj też", "czytaj także", "czytaj więcej", "zobacz też",
    "zobacz także", "najczęściej czytane", "läs också", "läs mer", "les også", "læs også", "читайте также",
    "читать далее", "по теме", "baca juga", "artikel terkait", "berita terkait", "関連記事",
)
NAVIGATION_PHRASES: tuple[str, ...] = (
    "home", "homepage", "menu", "main menu", "menu sections", "sections", "navigation", "skip to content",
    "skip to main content", "skip navigation", "jump to", "back to top", "return to top", "to top", "search",
    "search for", "close", "open", "next", "previous", "prev", "next article", "previous article", "next story",
    "previous story", "older posts", "newer posts", "load more", "show more", "view all", "see all", "view more",
    "sign in", "sign up", "log in", "login", "log out", "logout", "register", "my account", "account",
    "subscribe", "subscribe now", "subscribers", "already a subscriber", "sign in to comment", "contact",
    "contact us", "about us", "about", "careers", "advertise", "advertise with us", "faq", "help", "sitemap",
    "site map", "rss", "rss feed", "archives", "archive", "newsletters", "newsletter", "tags", "tagged", "topics",
    "categories", "category", "filed under", "posted in", "permalink", "print this page", "follow us",
    "follow", "like us on facebook", "toggle navigation", "breaking news", "trending now", "listen",
    "listen to this article", "audio", "download", "app", "get the app", "edition", "weather", "startseite",
    "suche", "anmelden", "abmelden", "registrieren", "abonnieren", "kontakt", "impressum", "mehr", "zurück",
    "weiter", "inhoud", "zoeken", "inloggen", "aanmelden", "volgende", "vorige", "accueil", "rechercher",
    "se connecter", "connexion", "s'abonner", "abonnez-vous", "suivant", "précédent", "inicio", "buscar",
    "iniciar sesión", "suscríbete", "siguiente", "anterior", "início", "pesquisar", "entrar", "assine", "próximo",
    "cerca", "accedi", "abbonati", "successivo", "precedente", "strona główna", "szukaj", "zaloguj",
    "subskrybuj", "następny", "poprzedni", "sök", "logga in", "главная", "поиск", "войти", "подписаться",
    "beranda", "cari", "masuk",
)
COMMENTS_PHRASES: tuple[str, ...] = (
    "comments", "comment", "leave a comment", "leave a reply", "post a comment", "add a comment",
    "add comment", "write a comment", "show comments", "view comments", "join the discussion",
    "join the conversation", "comments are closed", "discussion", "responses", "response", "reader comments",
    "kommentare", "kommentar schreiben", "reacties", "reageer",
    "commentaires", "laisser un commentaire", "comentarios", "deja un comentario",
    "comentários", "deixe um comentário", "commenti", "lascia un commento", "komentarze",
    "dodaj komentarz", "komentarzy", "kommentarer", "комментарии", "оставить комментарий", "komentar",
    "tinggalkan komentar", "コメント",
)
LEGAL_PHRASES: tuple[str, ...] = (
    "©", "\\(c\\) \\d{4}", "copyright", "all rights reserved", "alle rechte vorbehalten", "alle rechten voorbehouden",
    "tous droits réservés", "todos los derechos reservados", "todos os direitos reservados",
    "tutti i diritti riservati", "wszelkie prawa zastrzeżone", "все права защищены", "hak cipta",
    "privacy policy", "privacy notice", "privacy statement", "terms of use", "terms of service",
    "terms and conditions", "terms & conditions", "cookie policy", "your california privacy rights",
    "do not sell my", "interest based ads", "ad choices", "adchoices", "accessibility", "datenschutz",
    "datenschutzerklärung", "nutzungsbedingungen", "agb", "privacybeleid", "algemene voorwaarden",
    "mentions légales", "politique de confidentialité", "conditions générales", "aviso legal",
    "política de privacidad", "política de privacidade", "termos de uso", "informativa sulla privacy",
    "polityka prywatności", "regulamin", "integritetspolicy", "политика конфиденциальности",
    "kebijakan privasi", "this material may not be published", "may not be published, broadcast",
)
# Legal and site-about phrases that mark even a long line (up to clean.LONG_LINE_CHARS) as footer text.
STRONG_LEGAL_PHRASES: tuple[str, ...] = (
    "copyright", "all rights reserved", "alle rechte vorbehalten", "alle rechten voorbehouden",
    "tous droits réservés", "todos los derechos reservados", "todos os direitos reservados",
    "tutti i diritti riservati", "wszelkie prawa zastrzeżone", "все права защищены", "registered trademark",
    "registered trademarks", "trademarks of", "this website", "this site uses", "use of this site",
    "diese website", "deze website", "ce site", "este sitio", "este site", "questo sito",
)
COOKIE_WORDS: tuple[str, ...] = (
    "cookie", "cookies", "gdpr", "consent", "einwilligung", "toestemming", "consentement", "consentimiento",
    "consentimento", "consenso", "zgoda", "samtycke",
)
# With "cookie(s)", any of these (as word starts) marks a consent banner rather than a recipe.
COOKIE_BANNER_WORDS: tuple[str, ...] = (
    "use", "using", "accept", "consent", "browser", "browsing", "experience", "privacy", "settings", "policy",
    "website", "site", "verwende", "nutzen", "akzeptier", "gebruik", "accepter", "utilis", "usamos", "utiliza",
    "aceptar", "aceitar", "utilizziamo", "używa", "akceptuj", "använder", "используе",
)
# "Sign up for ..." is a newsletter prompt when it speaks of newsletters, e-mail or "our" updates.
SIGNUP_PHRASES: tuple[str, ...] = (
    "sign up", "subscribe", "get the latest", "anmelden", "abonnieren", "aanmelden", "inscrivez", "abonnez",
    "suscríbete", "assine", "iscriviti", "zapisz",
)
SIGNUP_OBJECTS: tuple[str, ...] = (
    "newsletter", "newsletters", "email", "e-mail", "inbox", "our", "updates", "alerts", "nieuwsbrief",
    "lettre", "boletín", "boletim", "notiziario", "biuletyn",
)
ADVERT_PHRASES: tuple[str, ...] = (
    "advertisement", "advertising", "advert", "ad", "ads", "sponsored", "sponsored content", "paid content",
    "promoted", "partner content", "story continues below", "article continues below", "continue reading below",
    "scroll to continue", "anzeige", "werbung", "advertentie", "publicité", "publicidad", "publicidade",
    "pubblicità", "reklama", "annons", "annonse", "реклама", "iklan", "広告",
)
NEWSLETTER_PHRASES: tuple[str, ...] = (
    "get our newsletter", "thanks for signing up", "thank you for signing up", "keep an eye on your inbox",
    "error processing your subscription", "no spam", "join our", "delivered to your inbox", "straight to your inbox",
    "thanks for subscribing", "already subscribed", "newsletter sign-up",
    "newsletter sign up", "enter your email", "your email address", "by subscribing", "by signing up",
    "stay up to date", "we respect your privacy", "unsubscribe", "newsletter abonnieren",
    "abonneer", "inscrivez-vous", "suscríbete", "assine nossa newsletter", "iscriviti", "zapisz się",
)

# --- bylines ---------------------------------------------------------------------------------------------
# Prefixes that introduce the author names; case-sensitive words in the usual spelling.
BYLINE_PREFIXES: tuple[str, ...] = (
    "By", "BY", "by", "Written by", "Words by", "Text by", "Story by", "Posted by", "Reported by", "Von", "VON",
    "Door", "DOOR", "Par", "PAR", "Por", "POR", "Di", "Da", "Av", "Af", "Przez", "Autor:", "Autorin:", "Auteur:",
    "Author:", "Authors:", "Autor", "Text:", "Tekst:", "Texte:", "Texto:", "Testo:", "Redakcja:", "Oleh",
    "Автор:", "Reporter:", "Redactie:", "Redaktion:",
)
# "From the BZ editorial team", "Von der Redaktion": a team byline; the name keeps its noun.
TEAM_BYLINE_PREFIXES: tuple[str, ...] = ("From the", "From", "Von der", "Van de", "De la", "Par la", "Del", "Da")
TEAM_WORDS: tuple[str, ...] = (
    "team", "editorial team", "editors", "editorial board", "newsroom", "staff", "desk", "redaktion",
    "redactie", "rédaction", "redacción", "redação", "redazione", "redakcja", "редакция", "redaksi",
)
# Joins between several author names.
AUTHOR_JOINERS: tuple[str, ...] = ("and", "&", "und", "en", "et", "y", "e", "i", "och", "og", "и", "dan")
# Roles written after an author's name ("Tom Smith, AP Auto Writer", "Jane Doe | Reuters"); the name keeps.
AUTHOR_ROLE_WORDS: frozenset[str] = frozenset(
    """
    writer staff reporter correspondent editor contributor columnist journalist senior chief associate associated
    press ap reuters afp dpa bbc cnn news newswire wire service agency photographer auto business sports
    political science health technology tech bureau special contributing freelance
    """.split()
)

# A part after a comma naming one of these jobs is a role, not a second author
# ("Robert Burns, AP National Security Writer").
AUTHOR_ROLE_NOUNS: frozenset[str] = frozenset(
    "writer reporter correspondent editor columnist contributor photographer journalist staff".split()
)
# Lower-case particles inside personal names ("Sanne van der Berg", "Lucía de la Fuente").
NAME_PARTICLES: frozenset[str] = frozenset(
    "van von der den de da del della di du la le ter ten bin al el dos das y zu".split()
)

# --- dates -----------------------------------------------------------------------------------------------
# Month names (full and abbreviated, with grammatical variants) -> month number.
MONTHS: dict[str, int] = {}
_MONTH_TABLE = (
    # en
    ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
     "august aug", "september sep sept", "october oct", "november nov", "december dec"),
    # de
    ("januar jänner jan", "februar feb", "märz maerz mär mrz", "april apr", "mai", "juni jun", "juli jul",
     "august aug", "september sep sept", "oktober okt", "november nov", "dezember dez"),
    # nl
    ("januari jan", "februari feb", "maart mrt", "april apr", "mei", "juni jun", "juli jul",
     "augustus aug", "september sep sept", "oktober okt", "november nov", "december dec"),
    # fr
    ("janvier janv", "février fevrier févr fevr", "mars", "avril avr", "mai", "juin", "juillet juil",
     "août aout", "septembre sept", "octobre oct", "novembre nov", "décembre decembre déc dec"),
    # es
    ("enero ene", "febrero feb", "marzo mar", "abril abr", "mayo may", "junio jun", "julio jul",
     "agosto ago", "septiembre setiembre sep sept", "octubre oct", "noviembre nov", "diciembre dic"),
    # pt
    ("janeiro jan", "fevereiro fev", "março marco mar", "abril abr", "maio mai", "junho jun", "julho jul",
     "agosto ago", "setembro set", "outubro out", "novembro nov", "dezembro dez"),
    # it
    ("gennaio gen", "febbraio feb", "marzo mar", "aprile apr", "maggio mag", "giugno giu", "luglio lug",
     "agosto ago", "settembre set", "ottobre ott", "novembre nov", "dicembre dic"),
    # pl (nominative and genitive)
    ("styczeń stycznia sty", "luty lutego lut", "marzec marca", "kwiecień kwietnia kwi", "maj maja",
     "czerwiec czerwca cze", "lipiec lipca lip", "sierpień sierpnia sie", "wrzesień września wrz",
     "październik października paź", "listopad listopada lis", "grudzień grudnia gru"),
    # sv / no / da
    ("januari januar", "februari februar", "mars marts", "april", "maj mai", "juni", "juli",
     "augusti august", "september", "oktober", "november", "december desember"),
    # ru (genitive, as used in dates)
    ("января январь янв", "февраля февраль фев", "марта март мар", "апреля апрель апр", "мая май",
     "июня июнь июн", "июля июль июл", "августа август авг", "сентября сентябрь сен",
     "октября октябрь окт", "ноября ноябрь ноя", "декабря декабрь дек"),
    # id
    ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
     "november", "desember"),
)
for _lang in _MONTH_TABLE:
    for _num, _names in enumerate(_lang, start=1):
        for _name in _names.split():
            MONTHS.setdefault(_name, _num)

# Words that may surround a date on a date line without making it a sentence:
# weekdays, "Updated", "Published", "at", time zones, "Uhr", "le", "op" ...
DATE_FILLER_WORDS: frozenset[str] = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    montag dienstag mittwoch donnerstag freitag samstag sonntag maandag dinsdag woensdag donderdag vrijdag
    zaterdag zondag lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes
    sábado domingo segunda terça quarta quinta sexta feira poniedziałek wtorek środa czwartek piątek sobota
    niedziela lunedì martedì mercoledì giovedì venerdì sabato
    updated update published posted last modified created on at am pm a.m. p.m. est edt cst cdt mst mdt pst
    pdt gmt utc bst cet cest ist jst aest uhr um am aktualisiert veröffentlicht erstellt gepubliceerd
    bijgewerkt op om publié le mis à jour à publicado actualizado el a las de em às atualizado pubblicato
    aggiornato il alle opublikowano aktualizacja dnia o godz publicerad uppdaterad kl опубликовано обновлено в
    diterbitkan diperbarui pada pukul wib wita wit date datum fecha data dated time hrs h and
    """.split()
)

# --- function words ----------------------------------------------------------------------------------------
# The most frequent function words of each language. Running prose is dense in them (a third to a half of
# its tokens); menus, teaser headlines and credits are not. Used to tell prose from chrome without knowing
# the page's language.
STOPWORDS: frozenset[str] = frozenset(
    """
    the a an and or but of to in on at by for with from as is are was were be been being has have had do does
    did not no it its this that these those there their they them he she his her him we our you your i me my
    which who whom what when where why how if than then so also into about after before over under between
    up out can could will would should may might must just more most such only other some any all each very
    de het een en van in op te dat die is niet met voor zijn er aan ook als bij maar om dan nog wel uit naar
    wordt worden werd heeft hebben had door over tot zo hij zij ze we wij je u mijn haar hun deze dit geen
    der die das und ist nicht ein eine einen einem einer sich mit auf für von zu den dem des im auch es an
    als wie nach bei aus wird werden wurde hat haben noch nur oder aber vor zur zum sie er wir ich sind war
    le la les un une des du et est dans pour que qui ne pas sur au aux avec ce ces se sa son ses il elle ils
    nous vous par plus ou mais comme été être sont était leur leurs cette
    el los las del y en un una por con para es se lo al su sus como más pero fue ha han sido este esta
    o os as um uma do da dos das em no na nos nas para com não mais foi ao à é seu sua ser
    il lo gli di e che non con per una della delle degli sono ha nel nella anche
    w z na i że się nie do jest to od po za jak co ale przez dla tak już czy jego jej są był była było
    och att det som för med av på är inte har till den ett om var jeg ikke af til er
    и в во не на что с со по как это к у из за от о же но а то он она они был была было были его ее её
    для так все уже при также или
    yang dan di ke dari ini itu dengan untuk pada tidak dalam akan juga oleh ada adalah karena atau kita kami
    saya anda mereka sudah telah bisa harus lebih tapi tetapi jika kalau bahwa seperti agar setelah hanya
    """.split()
)

# --- lines that start with a label -----------------------------------------------------------------------
# "Image caption ...", "Photo: the mayor at ..." -- a caption with its label
CAPTION_START_LABELS: tuple[str, ...] = (
    "image caption", "media caption", "photo caption", "video caption", "image:", "photo:", "picture:",
    "foto:", "bild:", "caption:", "legende:", "légende:", "bildunterschrift:", "pie de foto:", "legenda:",
    "didascalia:", "podpis:",
)
# "Image copyright Getty Images", "Photo credit: NAME", "Bildquelle: dpa"
CREDIT_START_LABELS: tuple[str, ...] = (
    "image copyright", "image credit", "image source", "photo copyright", "photo credit", "photo source",
    "picture credit", "media copyright", "video credit", "bildquelle", "fotoquelle", "bron foto", "crédit photo",
    "crédito de la foto", "crédito da foto", "fonte foto", "źródło zdjęcia",
)
# Social networks: a short line naming two of them is a follow/share prompt ("Follow us on X, Y and Z").
NETWORK_NAMES: frozenset[str] = frozenset(
    "facebook twitter instagram youtube linkedin pinterest tiktok whatsapp telegram snapchat reddit vk".split()
)
# Promotions written as sentences, matched anywhere in a line of up to 400 characters.
PROMO_PHRASES: tuple[str, ...] = (
    "subscribe to our", "sign up to our", "sign up for our", "join our", "no spam", "abonnieren sie unseren",
    "melden sie sich für unseren", "abonneer je op onze", "schrijf je in voor onze", "abonnez-vous à notre",
    "inscrivez-vous à notre", "suscríbete a nuestro", "suscríbete a nuestra", "assine nossa", "assine o nosso",
    "iscriviti alla nostra", "zapisz się do naszego", "prenumerera på vårt", "подпишитесь на наш",
)
# Heads of related-link lists: one of the first words, then up to 40 characters, then one of the nouns
# ("More Great WIRED Stories", "Other news in this section", "Weitere Artikel", "Autres actualités").
MORE_STORIES_FIRST: tuple[str, ...] = (
    "more", "other", "related", "recent", "latest", "top", "popular", "further", "weitere", "andere",
    "neueste", "meer", "andere", "laatste", "autres", "derniers", "dernières", "plus de", "más", "otras",
    "otros", "últimas", "mais", "outras", "altre", "altri", "ultime", "więcej", "inne", "najnowsze",
)
MORE_STORIES_NOUNS: tuple[str, ...] = (
    "stories", "articles", "news", "posts", "reads", "videos", "section", "artikel", "nachrichten",
    "beiträge", "meldungen", "artikelen", "nieuws", "berichten", "actualités", "nouvelles", "articles",
    "artículos", "noticias", "artigos", "notícias", "articoli", "notizie", "artykuły", "wiadomości",
)

# --- comment sections and teaser lists -------------------------------------------------------------------
# "34 responses to ...", "12 Kommentare zu ..."
COMMENT_COUNT_WORDS: tuple[str, ...] = (
    "comments", "comment", "responses", "response", "thoughts on", "replies", "reply", "reacties", "reactie",
    "kommentare", "kommentar", "commentaires", "commentaire", "comentarios", "comentario", "comentários",
    "commenti", "komentarzy", "komentarze", "kommentarer", "комментариев", "комментария", "komentar",
)
# "NAME says:" above a comment
COMMENTER_VERBS: tuple[str, ...] = (
    "says", "said", "wrote", "writes", "replied", "schreibt", "schrieb", "zegt", "schreef", "dit", "a écrit",
    "dice", "escribió", "disse", "escreveu", "scrive", "ha scritto", "napisał", "napisała", "skrev", "пишет",
    "написал",
)
# relative timestamps: "2 days ago", "1H ago", "vor 3 Stunden", "il y a 2 heures", "hace 3 horas"
AGO_WORDS: tuple[str, ...] = ("ago", "geleden", "vor", "il y a", "hace", "há", "fa", "temu", "sedan", "назад", "lalu")
# "More World", "Mehr Politik": head of a related-links list
MORE_WORDS: tuple[str, ...] = ("more", "mehr", "meer", "plus de", "más", "mais", "altro", "więcej", "ещё", "lainnya")
# fmt: on
