"""Passages written for the charset tests: the same news story in each language, one sentence
(``SHORT``) and a paragraph (``LONG``), with the code pages each language is usually saved in."""

SHORT = {
    "fr": "Le maire a présenté à la cérémonie un projet très ambitieux pour l'été, déjà critiqué.",
    "de": "Der Bürgermeister erklärte am Dienstag, die Brücke über den Fluss müsse größer werden.",
    "es": "El alcalde señaló el miércoles que la construcción del puente empezará en otoño.",
    "it": "Il sindaco ha detto che il ponte sarà più grande e che i lavori partiranno già in città.",
    "pt": "O prefeito afirmou na quarta-feira que a construção da ponte começará no verão.",
    "nl": "De burgemeester zei dinsdag dat de brug over de rivier één meter breder wordt, ondanks kritiek.",
    "pl": "Burmistrz powiedział we wtorek, że budowa mostu zacznie się jesienią, mimo sprzeciwu mieszkańców.",
    "cs": "Starosta v úterý řekl, že stavba mostu přes řeku začne na podzim, přestože ji část občanů kritizuje.",
    "tr": "Belediye başkanı salı günü köprünün inşaatının sonbaharda başlayacağını söyledi.",
    "ru": "Мэр города заявил во вторник, что строительство нового моста начнётся осенью.",
    "el": "Ο δήμαρχος δήλωσε την Τρίτη ότι η κατασκευή της νέας γέφυρας θα ξεκινήσει το φθινόπωρο.",
    "ja": "市長は火曜日、川に架かる新しい橋の建設が秋に始まると発表した。",
    "zh": "市长周二表示，这座新桥的建设工程将于今年秋天开始。",
    "zh-Hant": "市長週二表示，這座新橋的建設工程將於今年秋天開始。",
    "ko": "시장은 화요일 강을 가로지르는 새 다리 건설이 가을에 시작된다고 밝혔다.",
    "hu": "A polgármester kedden azt mondta, hogy az új híd építése ősszel kezdődik a folyón.",
    "uk": "Мер міста заявив у вівторок, що будівництво нового мосту розпочнеться восени.",
}

LONG = {
    "fr": (
        "Le maire de la ville a présenté mardi soir, à la cérémonie d'ouverture du conseil municipal, un "
        "projet de pont piétonnier qui reliera les deux rives du fleuve d'ici à l'été prochain. « Nous "
        "voulons que les habitants puissent traverser à pied ou à vélo en toute sécurité », a-t-il déclaré "
        "devant une salle comble. Les travaux, estimés à douze millions d'euros, seront financés en partie "
        "par la région. Plusieurs élus de l'opposition ont toutefois regretté un manque de concertation et "
        "demandé une étude d'impact complète sur la faune du fleuve. François Lévesque, président d'une "
        "association de riverains, s'est réjoui de cette décision très attendue."
    ),
    "de": (
        "Der Bürgermeister der Stadt hat am Dienstagabend im Rathaus den Bau einer neuen Fußgängerbrücke "
        "über den Fluss angekündigt. „Wir wollen, dass die Menschen sicher zu Fuß oder mit dem Fahrrad "
        "von einem Ufer zum anderen gelangen“, sagte er vor vollem Saal. Die Kosten von zwölf Millionen "
        "Euro übernimmt zum größten Teil das Land. Mehrere Stadträte der Opposition kritisierten, die "
        "Bürger seien nicht früh genug beteiligt worden, und forderten ein Gutachten über die Folgen für "
        "die Tiere im Fluss. Jürgen Müller, Sprecher einer Anwohnerinitiative in München, begrüßte die "
        "Entscheidung dagegen ausdrücklich."
    ),
    "es": (
        "El alcalde de la ciudad anunció el martes por la noche, durante la sesión del pleno municipal, la "
        "construcción de un puente peatonal que unirá las dos orillas del río antes del próximo verano. "
        "«Queremos que los vecinos puedan cruzar a pie o en bicicleta con total seguridad», declaró ante "
        "una sala llena. Las obras, que costarán doce millones de euros, serán financiadas en parte por la "
        "región. Varios concejales de la oposición lamentaron la falta de diálogo y pidieron un estudio "
        "sobre el impacto en la fauna del río. ¿Quién pagará el mantenimiento?, preguntó una vecina. José "
        "Núñez, portavoz de una asociación de vecinos, celebró la decisión."
    ),
    "it": (
        "Il sindaco della città ha presentato martedì sera, durante la seduta del consiglio comunale, il "
        "progetto di un ponte pedonale che collegherà le due sponde del fiume entro la prossima estate. "
        "«Vogliamo che i cittadini possano attraversare a piedi o in bicicletta in tutta sicurezza», ha "
        "dichiarato davanti a una sala gremita. I lavori, che costeranno dodici milioni di euro, saranno "
        "finanziati in parte dalla regione. Diversi consiglieri dell'opposizione hanno però lamentato la "
        "mancanza di confronto e chiesto uno studio sull'impatto per la fauna del fiume. Niccolò Fabbri, "
        "portavoce di un comitato di quartiere, ha detto che è una decisione attesa da più di dieci anni."
    ),
    "pt": (
        "O prefeito da cidade anunciou na terça-feira à noite, durante a sessão da câmara municipal, a "
        "construção de uma ponte para pedestres que ligará as duas margens do rio até o próximo verão. "
        "“Queremos que os moradores possam atravessar a pé ou de bicicleta com toda a segurança”, declarou "
        "diante de uma sala cheia. As obras, orçadas em doze milhões de euros, serão financiadas em parte "
        "pela região. Vários vereadores da oposição lamentaram a falta de diálogo e pediram um estudo sobre "
        "o impacto na fauna do rio. João Conceição, porta-voz de uma associação de moradores, elogiou a "
        "decisão, que considera uma conquista de anos de pressão."
    ),
    "nl": (
        "De burgemeester van de stad heeft dinsdagavond tijdens de vergadering van de gemeenteraad de bouw "
        "aangekondigd van een nieuwe voetgangersbrug over de rivier, die volgend jaar klaar moet zijn. "
        "„Wij willen dat inwoners veilig te voet of met de fiets naar de overkant kunnen”, zei hij in een "
        "volle zaal. De kosten van twaalf miljoen euro worden voor een deel door de provincie betaald. "
        "Enkele raadsleden van de oppositie vonden dat de bewoners te laat zijn gehoord en vroegen om een "
        "onderzoek naar de gevolgen voor de dieren in de rivier. Volgens hen is er geen één plan voor "
        "financiële tegenvallers. Een woordvoerder van de buurtvereniging reageerde tevreden op het besluit."
    ),
    "pl": (
        "Burmistrz miasta ogłosił we wtorek wieczorem, podczas sesji rady miejskiej, budowę nowej kładki "
        "dla pieszych, która połączy oba brzegi rzeki jeszcze przed przyszłym latem. „Chcemy, żeby "
        "mieszkańcy mogli bezpiecznie przejść pieszo albo przejechać rowerem”, powiedział przed pełną salą. "
        "Prace, których koszt oszacowano na dwanaście milionów złotych, zostaną częściowo sfinansowane "
        "przez województwo. Kilku radnych opozycji skrytykowało brak konsultacji i zażądało analizy wpływu "
        "inwestycji na zwierzęta żyjące w rzece. Małgorzata Wiśniewska, rzeczniczka stowarzyszenia "
        "mieszkańców, przyjęła tę decyzję z ogromną ulgą i zadowoleniem."
    ),
    "cs": (
        "Starosta města v úterý večer na zasedání zastupitelstva oznámil stavbu nové lávky pro pěší, která "
        "spojí oba břehy řeky ještě před příštím létem. „Chceme, aby lidé mohli bezpečně přejít pěšky nebo "
        "přejet na kole,“ řekl před zaplněným sálem. Práce za dvanáct milionů korun z větší části zaplatí "
        "kraj. Několik zastupitelů opozice kritizovalo, že se občané nemohli včas vyjádřit, a požadovali "
        "studii o dopadu stavby na živočichy v řece. Jiří Dvořák, mluvčí spolku obyvatel čtvrti, označil "
        "rozhodnutí za úspěch, na který se čekalo přes deset let."
    ),
    "tr": (
        "Belediye başkanı salı akşamı belediye meclisi toplantısında, nehrin iki yakasını gelecek yaz "
        "öncesinde birbirine bağlayacak yeni bir yaya köprüsü yapılacağını açıkladı. “Vatandaşlarımızın "
        "yürüyerek ya da bisikletle güvenle karşıya geçebilmesini istiyoruz” diye konuştu. On iki milyon "
        "liraya mal olacak çalışmaların bir kısmını il özel idaresi karşılayacak. Muhalefetten bazı meclis "
        "üyeleri ise halkın görüşünün alınmadığını söyleyerek nehirdeki canlılar üzerindeki etkinin "
        "incelenmesini istedi. Mahalle derneği sözcüsü Ayşe Yılmaz, kararın yıllardır beklendiğini söyledi."
    ),
    "ru": (
        "Мэр города во вторник вечером на заседании городской думы объявил о строительстве нового "
        "пешеходного моста, который соединит оба берега реки уже к следующему лету. «Мы хотим, чтобы "
        "жители могли безопасно перейти реку пешком или переехать на велосипеде», — сказал он перед "
        "полным залом. Работы стоимостью двенадцать миллионов рублей частично оплатит область. Несколько "
        "депутатов от оппозиции раскритиковали отсутствие общественных слушаний и потребовали оценить "
        "влияние стройки на обитателей реки. Пётр Щербаков, представитель объединения жителей района, "
        "назвал решение долгожданным."
    ),
    "el": (
        "Ο δήμαρχος της πόλης ανακοίνωσε την Τρίτη το βράδυ, στη συνεδρίαση του δημοτικού συμβουλίου, την "
        "κατασκευή μιας νέας πεζογέφυρας που θα ενώσει τις δύο όχθες του ποταμού πριν από το επόμενο "
        "καλοκαίρι. «Θέλουμε οι κάτοικοι να περνούν με ασφάλεια με τα πόδια ή με ποδήλατο», δήλωσε μπροστά "
        "σε γεμάτη αίθουσα. Τα έργα, κόστους δώδεκα εκατομμυρίων ευρώ, θα χρηματοδοτηθούν εν μέρει από την "
        "περιφέρεια. Αρκετοί σύμβουλοι της αντιπολίτευσης επέκριναν την έλλειψη διαβούλευσης και ζήτησαν "
        "μελέτη για τις επιπτώσεις στην πανίδα του ποταμού."
    ),
    "ja": (
        "市長は火曜日の夜、市議会の本会議で、川の両岸を結ぶ新しい歩行者用の橋を来年の夏までに建設すると"
        "発表した。「市民が歩いても自転車でも安全に渡れるようにしたい」と満員の議場で述べた。総工費は約"
        "十二億円で、その一部を県が負担する。野党の議員からは、住民への説明が不十分だとの批判が出たほか、"
        "川に住む生き物への影響を調べるよう求める声も上がった。地元の自治会長は「長年待ち望んでいた決定"
        "だ」と歓迎した。"
    ),
    "zh": (
        "市长周二晚间在市议会全体会议上宣布，将在明年夏天之前建成一座连接河流两岸的新人行桥。他在座无虚席"
        "的会场上表示：“我们希望市民无论步行还是骑自行车，都能安全地过河。”这项工程预计耗资一亿二千万元，"
        "部分费用由省政府承担。几名反对派议员批评政府事先没有充分征求居民意见，并要求评估工程对河中动物"
        "的影响。当地居民协会的负责人对这一决定表示欢迎，称大家已经等了十多年。"
    ),
    "zh-Hant": (
        "市長週二晚間在市議會全體會議上宣布，將在明年夏天之前建成一座連接河流兩岸的新人行橋。他在座無虛席"
        "的會場上表示：「我們希望市民無論步行還是騎自行車，都能安全地過河。」這項工程預計耗資一億二千萬元，"
        "部分費用由縣政府承擔。幾名反對派議員批評政府事先沒有充分徵求居民意見，並要求評估工程對河中動物"
        "的影響。當地居民協會的負責人對這一決定表示歡迎，稱大家已經等了十多年。"
    ),
    "ko": (
        "시장은 화요일 저녁 시의회 본회의에서 강의 양쪽을 잇는 새 보행자 다리를 내년 여름까지 짓겠다고 "
        '발표했다. 그는 가득 찬 회의장에서 "시민들이 걸어서든 자전거로든 안전하게 강을 건널 수 있기를 '
        '바란다"고 말했다. 총 공사비는 약 120억 원이며 일부는 도가 부담한다. 야당 의원들은 주민 의견을 '
        "충분히 듣지 않았다고 비판하며 강에 사는 생물에 미치는 영향을 조사하라고 요구했다. 지역 주민회 "
        "대표는 오랫동안 기다려 온 결정이라며 환영했다."
    ),
    "hu": (
        "A város polgármestere kedd este a közgyűlés ülésén bejelentette, hogy jövő nyárig új gyalogoshíd "
        "épül, amely összeköti a folyó két partját. „Azt szeretnénk, hogy a lakók gyalog vagy kerékpárral "
        "biztonságosan átkelhessenek” – mondta a zsúfolt teremben. A tizenkét millió eurós költség egy "
        "részét a megye fizeti. Az ellenzék több képviselője bírálta, hogy a lakosságot nem kérdezték meg "
        "időben, és tanulmányt kért a folyó élővilágára gyakorolt hatásról."
    ),
    "uk": (
        "Мер міста у вівторок увечері на засіданні міської ради оголосив про будівництво нового "
        "пішохідного мосту, який з'єднає обидва береги річки ще до наступного літа. «Ми хочемо, щоб "
        "мешканці могли безпечно перейти річку пішки або переїхати велосипедом», — сказав він перед "
        "повною залою. Роботи вартістю дванадцять мільйонів гривень частково оплатить область. Кілька "
        "депутатів від опозиції розкритикували відсутність громадських слухань і вимагали оцінити вплив "
        "будівництва на мешканців річки."
    ),
}

# The code pages each language is usually saved in, besides UTF-8.
ENCODINGS = {
    "fr": ("cp1252", "iso-8859-1", "iso-8859-15"),
    "de": ("cp1252", "iso-8859-1", "iso-8859-15"),
    "es": ("cp1252", "iso-8859-1", "iso-8859-15"),
    "it": ("cp1252", "iso-8859-1", "iso-8859-15"),
    "pt": ("cp1252", "iso-8859-1", "iso-8859-15"),
    "nl": ("cp1252", "iso-8859-1", "iso-8859-15"),
    "pl": ("cp1250", "iso-8859-2"),
    "cs": ("cp1250", "iso-8859-2"),
    "hu": ("cp1250", "iso-8859-2"),
    "tr": ("cp1254", "iso-8859-9"),
    "ru": ("cp1251", "koi8-r", "cp866"),
    "uk": ("cp1251", "koi8-u"),
    "el": ("cp1253", "iso-8859-7"),
    "ja": ("shift_jis", "euc-jp", "iso2022_jp"),
    "zh": ("gb18030", "gbk"),
    "zh-Hant": ("big5",),
    "ko": ("euc-kr",),
}


def cases() -> list[tuple[str, str, str, str]]:
    """(language, length, encoding, text) for every passage that its code page can hold."""
    out = []
    for length, passages in (("short", SHORT), ("long", LONG)):
        for language, text in passages.items():
            for encoding in ENCODINGS[language]:
                try:
                    text.encode(encoding)
                except UnicodeEncodeError:
                    # typographic quotes and dashes that a code page lacks become plain ones, as
                    # editors saving in that code page do
                    plain = text.translate(str.maketrans("“”„‘’«»–—", '"""\'\'""--'))
                    text = plain
                out.append((language, length, encoding, text))
    return out
