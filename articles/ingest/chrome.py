"""Page chrome: the lines a copied news page carries that are not the article (part of parse).

A page copied as text brings its site's furniture along: menus, breadcrumbs
in any of the site's scripts, language switchers, accessibility toolbars,
font-size controls, clock, weekday, weather and currency widgets, cookie
banners, share and comment blocks, tag lines, view counters, copyright
lines, "latest news" lists. None of it is ever a headline, a date or body
text. The parser asks `is_chrome` of every line and `is_footer_marker` to
know where the article has ended; each test is one bounded pattern or a
word-set lookup over a short line, so a line costs time linear in its length.
"""

from __future__ import annotations

import functools
import re

from articles.ingest.dates import EXCHANGE_RATE, SEGMENT_SEPARATOR, is_today_line
from articles.ingest.language import WORD, fold


def _words(text: str) -> frozenset[str]:
    return frozenset(fold(word) for word in text.split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(fold(phrase) for phrase in text.split("|"))


# A rule drawn with marks, or with one letter typed over and over ('xxxxxxxx' in an e-mail
# bulletin): no word has ten of the same letter in a row.
_SEPARATOR = re.compile(r"^(?:[-–—_*=~•·.#+|]{3,}|([^\W\d_])\1{9,})$")
_FONT_CONTROLS = re.compile(
    r"^(?:(?:[AАaа]{1,2}[-+−]?\s{0,3}){2,3}"
    r"|[-+−↺↻⟲ ]{1,12}[0-9]{1,2}\s{0,2}(?:px|pt)?\s{0,2}[-+−↺ ]{0,6}"
    r"|(?i:font size|text size|размер шрифта|размер текста|шрифт|"
    r"şrift\w{0,3}(?: ölçüsü)?)\b.{0,30})$"
)
# Labels of accessibility toolbars, cookie banners and search boxes, wherever they stand in a line.
_WIDGET_LABEL = re.compile(
    # A site's notice of its own state: 'Сайт работает в тестовом режиме', 'Beta version of
    # the site', 'Sayt test rejimində işləyir'.
    r"(?i:(?:сайт|sayt|site)\w{0,2}\s.{0,20}(?:тестовом режиме|test rejimində|(?:test|beta) mode)|"
    r"бета-версия сайта|beta version of the (?:site|website|portal)|saytın beta versiyası|"
    # A reading-time label: 'Reading time: 3 minutes', 'Время чтения: 3 минуты', 'Oxuma müddəti'.
    r"reading time\s{0,2}:|время (?:чтения|на прочтение)\s{0,2}:|oxu(?:n)?ma müddəti\s{0,2}:|"
    r"^[0-9]{1,2}\s?(?:min|мин|dəq)\.?(?:\s(?:read|чтения|oxuma|oxunuş))?$|"
    # An update counted back from the copy's moment: '2 saat əvvəl yeniləndi'.
    r"^[0-9]{1,2}\s(?:dəqiqə|saat|gün)\s(?:əvvəl|öncə)\s(?:yeniləndi|yenilənib)$|"
    # An app's banner over a mobile copy: 'Read Today.Az in the app | [ Install ] | ✕'.
    r"^\W{0,3}(?:read|continue reading|читайте|читать) .{1,30} (?:in (?:the|our) app|в приложении)|"
    r"^\W{0,3}(?:get|download|install) (?:the |our )?.{1,30} app\b|"
    # A page's own print and mail buttons, spelt out: 'Print this story | E-mail this story'.
    r"print this (?:story|article|page)|e-?mail this (?:story|article|page)|"
    r"распечатать (?:статью|материал|новость)|"
    # A social box's label: 'Мы в соцсетях: VK Telegram', 'Sosial şəbəkələrdə biz'.
    r"^мы в соцсетях|^we are on social media|^sosial şəbəkələrdə(?: biz)?\s{0,2}:|"
    r"visually impaired|visual impairments?|accessibility|for the blind|high contrast|"
    r"view settings|site colou?rs|"
    r"images:\s{0,2}on|skip to (?:main )?content|слабовидящих|обычная версия|"
    r"əlil insanlar üçün|əlilliyi olan|görmə qabiliyyəti zəif|"
    r"\bcookies?\b|куки|kuki|ctrl\s?\+\s?enter|report an? (?:error|typo)|сообщить об ошибке|"
    r"xəta tapdınız|newsletter|\bsign (?:in|up)\b|\blog in\b|back to top|load more|show more|"
    r"показать ещё|показать еще|daha çox xəbər|reading time|время чтения|min read|"
    # A live page's button: 'Обновить ленту', 'Refresh feed', 'Lenti yenilə'.
    r"^обновить(?: ленту)?$|^refresh(?: (?:the )?feed)?$|^(?:xəbər )?lenti yenilə$|"
    r"^advertisement$|^реклама$|^reklam$|подпишитесь|telegram[- ]канал|telegram channel|"
    r"google news|editor'?s choice|выбор редакции|redaktorun seçimi|most popular|"
    r"самое читаемое|самое популярное|ən çox oxunan|ən çox baxılan|"
    r"читайте .{1,30} в (?:telegram|дзен|vk|max)|(?:read|follow) us on|"
    r"bizi .{1,30}izləyin|сообщение от|отправлено:|mesaj müəllifi|"
    r"all rights reserved|все права защищены|bütün hüquqlar|"
    r"oxunma müddəti|ночной режим|gecə rejimi|dark mode|theme:\s{0,2}dark|"
    r"əlillər üçün|свидетельство о регистрации|registration certificate|"
    r"(?:weather|погода|hava) (?:in|в)?\s?[\w-]{2,20}:|популярное за|popular this week|"
    r"our channel|наш канал|kanalımız|подписка на рассылку|bülletenə abunə|"
    # A skip link for screen readers, in the site's own language.
    r"перейти к (?:основному )?(?:содержанию|контенту|тексту|материалу)|"
    r"əsas (?:məzmuna|mətnə|kontentə) keç|"
    # A share button's toast and a channel's plug: "Ссылка скопирована", "Еще больше новостей".
    r"ссылка скопирована|link copied|keçid kopyalandı|link kopyalandı|"
    # An appeal for money: "Поддержите «…»!", "Support independent journalism", "Donate".
    r"поддержите\s(?:нас|редакцию|проект|[«\"“]\w)|поддержать (?:редакцию|проект)|"
    r"support (?:us|our (?:work|journalism)|independent journalism)\b|\bdonate\b|"
    r"contribute today|make a (?:donation|contribution)|bizə dəstək ol|layihəyə dəstək|"
    # A PDF of the page: 'Скачать PDF', 'Download PDF', 'PDF-i yüklə'.
    r"(?:скачать|загрузить|download|yüklə)\s(?:в\s)?pdf|pdf-?(?:i|ni)?\s(?:yüklə|endir)|"
    # Weather that names itself without a degree sign: 'Bakıda hava: +15', 'Погода в Баку +15'.
    r"(?:hava|погода|weather)\b.{0,25}[+−-][0-9]{1,2}\s{0,2}$|"
    r"(?:ещё|еще) больше новостей|more news (?:on|in) (?:our )?(?:telegram|channel)|"
    # An app's box: its stores' badges and its call ('Get the AzerNews app', 'Скачайте наше
    # приложение', 'Mobil tətbiqimizi yükləyin'), and a subscription box's promise.
    r"\bapp ?store\b|\bgoogle play\b|\bappgallery\b|\brustore\b|"
    r"(?:get|download|install|try) (?:the |our )?(?:[\w.]{2,20} )?(?:mobile )?app\b|"
    r"(?:скачайте|скачать|установите|установить) (?:наше |наши |мобильное )?приложени|"
    r"(?:mobil )?tətbiq\w{0,6} (?:yüklə|endir)|"
    r"^(?:be the first to know|stay (?:informed|up to date|tuned)|"
    r"будьте в курсе(?: событий| новостей)?|узнавайте (?:\w{1,10} )?первыми|"
    r"xəbərləri (?:ilk )?(?:siz )?(?:ilk )?öyrənin)[.!…]?$|"
    # Widgets dated by something other than the article: a media outlet's registration
    # ('Сетевое издание зарегистрировано … 12.03.2009'), the next issue, a prayer-times box.
    r"(?:сетевое издание|сми|издание|сайт)\s(?:\S+\s)?зарегистрирован\w{0,2}|"
    r"registered as (?:a|an) (?:mass )?media|"
    r"next issue|следующий (?:номер|выпуск)|növbəti (?:nömrə|say)\b|"
    r"namaz vaxtları|prayer times|время намаза|"
    # A paywall's counter and label: 'Premium content: you have 2 free articles left', 'Только
    # для подписчиков', 'Yalnız abunəçilər üçün', 'Осталось 2 бесплатных статьи'.
    r"premium content|free (?:articles?|stories) left|subscribers only|for subscribers\b|"
    r"limit of free (?:articles|stories)|free article limit|лимит бесплатных|"
    # A consent told as a sentence: 'Продолжая пользоваться сайтом, вы соглашаетесь …',
    # 'By continuing to browse the site you agree …', 'Saytdan istifadə etməyə davam etməklə'.
    r"продолжая (?:пользоваться|использовать|работу с) сайт|"
    r"by continuing to (?:browse|use)|davam etməklə .{0,40}razılaşırsınız|"
    # Advertising marked as the law asks: 'Реклама. ООО «…». ИНН …. erid: LjN8K…'.
    r"\berid\s{0,2}:\s{0,2}\w{6,}|^реклама\.\s|"
    # An advertiser's label before its line ('Sponsored: …', 'Partner content · …', 'Sponsorlu:
    # …'), and a newsletter's sponsor alone ('Presented by the Gas Industry Association').
    r"^(?:sponsored|sponsorlu|partner content|paid (?:post|content)|promoted|"
    r"партн[её]рский материал|на правах рекламы|tərəfdaş materialı)\s{0,2}[:·|—–-]|"
    r"^(?:presented by|brought to you by)\s[^.]{2,60}$|"
    # A summary's note that a machine wrote it: 'This summary was generated by AI'.
    r"(?:generated|written|created) (?:by|with|using) (?:ai|artificial intelligence)\b|"
    r"(?:создан|сгенерирован|подготовлен)\w{0,2} (?:с помощью )?нейросет|"
    r"süni intellekt tərəfindən (?:hazırlan|yaradıl)|"
    r"только для подписчиков|бесплатн\w{1,3} (?:стат\w{1,3}|материал\w{0,3})|платный материал|"
    r"yalnız abunəçilər üçün|pulsuz (?:məqalə|xəbər)\w{0,4} (?:qalıb|limiti)|"
    r"ödənişli (?:məqalə|material)|"
    # A drop-down control: "Sort: newest ▾", "Mənbələr: hamısı ▾".
    r"[▾▼⌄▿]|"
    # An accessibility switch that names its readers: 'Version for people with disabilities',
    # 'Görmə imkanı məhdud olanlar üçün', 'Для людей с ограниченными возможностями'.
    r"people with disabilities|görmə imkanı məhdud|с ограниченными возможностями|"
    # A forum's view controls and a poster's card: 'Показать сообщения: Все', 'Sort posts',
    # 'kamal_77 | Member | Posts: 1 204', 'Mesajlar: 389'.
    r"показать сообщения|display posts|упорядочить\s{0,2}:|"
    r"(?:posts|messages|сообщения|сообщений|mesajlar|ismarıclar)\s{0,2}:\s{0,2}[0-9])"
)
# A link to the original that an aggregator shows under its copy of an item.
_SOURCE_LINK = re.compile(
    r"(?i:(?:go|read) (?:to|at|on) (?:the )?source|read the original|перейти к источнику|"
    r"читать (?:в|на) источнике|mənbəyə keç|mənbədə oxu|"
    # 'Read full story at trend.az »': the item goes on at the outlet that wrote it.
    r"(?:read|continue reading) (?:the )?(?:full |whole |complete )?(?:story|article|text)?\s?"
    r"(?:at|on) \S{2,40}\.[a-z]{2,6}\b|"
    r"читать (?:полностью|далее|целиком|продолжение) на \S{2,40}\.[a-z]{2,6}\b|"
    r"(?:davamını|tam mətni) \S{2,40}\.[a-z]{2,6}\S{0,6} (?:oxu|oxuyun)|"
    # 'Tam oxu: report.az →', 'Read in full: trend.az': a label, then the outlet's address.
    r"(?:tam oxu|tam mətn|read in full|full story|читать полностью|полный текст)\s{0,2}:"
    r"\s{0,2}\S{2,40}\.[a-z]{2,6}\b)"
)
# Who took or gave a picture, or the caption it closes: 'Фото: Сергей Бобылев / ТАСС',
# 'Photo by Anna Lee/Eurasianet', 'Фото пресс-службы Кремля', 'Şəkil: arxiv', 'Photo 3 of 9'
# (a gallery's caption after its counter is text), '… at the signing (photo: AFP)'. A
# picture's agency sold a photo: it is no credit of the text.
_PHOTO_CREDIT = re.compile(
    r"^(?i:photos?|photo credit|photograph|image|picture|pictures|фото|фотографии|фотография|"
    r"снимок|foto|fotolar|şəkil|şəkillər|fotoşəkil)"
    r"(?:\s{0,2}:|\s(?i:by|credit|courtesy(?: of)?|—|–)\s|\s[0-9]{1,3}\s?(?:/|of|из)\s?[0-9]{1,3}$"
    r"|\s(?i:пресс-служб\w{1,3}|из архива|из открытых источников|с сайта|автора)\b)"
    r"|\((?i:photo|photos|фото|foto|şəkil)\s{0,2}[:—–-]?\s{0,2}[^()]{2,60}\)$"
)


def is_photo_credit(line: str) -> bool:
    """A photo's credit or caption line: whom it names took a picture, not wrote the text."""
    return len(line) <= 200 and bool(_PHOTO_CREDIT.search(line))


# A results page's own lines: "Showing 221 to 240 of 1 506", "Показаны результаты 1–4 из 48",
# "Top stories for: Caspian summit", "Результаты поиска", "Axtarış nəticələri".
_RESULTS_LINE = re.compile(
    r"(?i:(?:showing|displaying|results|показан[оы]?|показываются|результаты|göstərilir|"
    r"nəticələr)\b.{0,30}?[0-9][0-9 ]{0,8}\s{0,2}(?:[–—-]|to|по)\s{0,2}[0-9][0-9 ]{0,8}"
    r"\s{0,2}(?:of|из|/)\s{0,2}[0-9]"
    r"|(?:top stories|results|news) for\s{0,2}:|search results\b"
    r"|результаты поиска|найдено по запросу|axtarış nəticələri)"
)
# A topic page's heading: "Договор о дружбе 1997 — все материалы", "Shusha: all news".
_TOPIC_PAGE_ENDINGS = tuple(
    f"{mark} {words}"
    for mark in ("—", "–", "-", ":")
    for words in (
        "все материалы", "все новости", "all news", "all stories", "all articles",
        "bütün xəbərlər", "bütün materiallar",
    )
)  # fmt: skip
# A button's whole text: what a reader clicks, never what a reporter writes.
_WIDGET = (
    r"(?i:search|поиск|axtar|axtarış|найти|login|log in|войти|вход|daxil ol|giriş|qeydiyyat|"
    r"qeydiyyatdan keç|регистрация|register|sign in|sign up|subscribe|subscription|подписаться|"
    r"подписка|abunə ol|abunəlik|menu|меню|menyu|"
    # An account's and a pop-up's buttons: 'Личный кабинет', 'My account', 'Close', 'Bağla'.
    r"личный кабинет|my account|şəxsi kabinet|close|закрыть|bağla|toggle navigation|"
    r"поиск по сайту|saytda axtar|search the (?:site|web|news|archive)|поиск в интернете|"
    r"scroll to top|наверх|yuxarı|"
    r"click to enlarge|увеличить|böyüt|listen|listen to this article|слушать|слушать новость|"
    r"xəbəri dinlə|dinlə|səsli oxu|(?:войти|sign in|log in|daxil ol) (?:через|with|ilə) \w{1,15})"
)
# One button, or two or three side by side once the copy closed their gaps: 'Войти Регистрация',
# 'Menu Search', 'Giriş Qeydiyyat'.
_SHORT_WIDGET = re.compile(
    rf"^{_WIDGET}(?:\s{{1,2}}{_WIDGET}){{0,2}}"
    # A player's button shows the recording's length: 'Listen to this article 3:45'.
    r"(?:\s{0,2}[0-9]{1,2}:[0-9]{2}|\s{1,2}[0-9]{1,2}\s?(?i:min|мин|dəq)\.?)?\s{0,2}(?:\.{3}|…)?$"
)
_WEATHER = re.compile(r"[+−-]\s{0,2}[0-9]{1,2}\s{0,2}°|[0-9]\s{0,2}°\s{0,2}[CF]\b|[☀☁☂☃⛅🌤🌥🌦🌧]")
# A label and a bare number: "Hot line: 1593", "Тел.: +7 495 123-45-67", "Faks: (012) 498".
_LABELLED_NUMBER = re.compile(
    r"^[^\W\d_][^\d:|]{0,30}:\s{0,3}\+?[0-9][0-9 ()-]{2,20}$"
    # A hotline's short number needs no colon: 'Hotline 1544', 'Qaynar xətt 1593'.
    r"|^(?i:hotline|hot line|горячая линия|qaynar xətt|call cent(?:er|re)|колл-центр)"
    r"\s{1,3}[0-9]{3,5}$"
)
_TIME_LED = re.compile(r"^[0-9]{1,2}:[0-9]{2}\s")
# A prayer-times widget: 'Sübh 05:12 | Günəş 06:40', 'İmsak 04:50 İftar 19:45', 'Фаджр 05:12'.
_PRAYER_TIMES = re.compile(
    r"(?<!\w)(?i:sübh|zöhr|əsr|məğrib|işa|imsak|iftar|fajr|dhuhr|zuhr|asr|maghrib|isha|"
    r"фаджр|зухр|аср|магриб|иша|имсак|ифтар)\s{0,2}:?\s{0,2}[0-9]{1,2}:[0-9]{2}"
)
# A view or read counter, alone or with its icon: 'Oxunub 1 234 dəfə', 'Прочитано: 45 раз',
# '👁 1234', 'Baxılıb: 312'.
_COUNTER = re.compile(
    r"^(?:[👁👀🔥💬]\ufe0f?\s{0,2}[0-9][0-9 ,.]{0,9}[kKкК]?"
    r"|(?i:oxunub|oxunma sayı|baxılıb|baxış sayı|прочитано|просмотрено|прочтений|read|viewed|"
    r"views|reads)\s{0,2}:?\s{0,2}[0-9][0-9 ,.]{0,9}\s{0,2}(?i:dəfə|раза?|times)?"
    # A comment counter: 'Комментариев: 17', 'Comments (3)', 'Şərhlər: 4'.
    r"|(?i:comments?|комментари\w{0,3}|şərh\w{0,4})\s{0,2}[:(]?\s{0,2}[0-9]{1,6}\)?"
    # A network post's counts, the number first: '12.3K Views', '34 Reposts 120 Likes',
    # '4,1 тыс. просмотров', '1.2K baxış'.
    r"|(?:[0-9][0-9,.]{0,5}\s?(?:[kKmMкК]|тыс\.)?\s(?i:views|reposts|retweets|likes|replies|"
    r"quotes|bookmarks|shares|просмотр\w{0,3}|репост\w{0,3}|baxış|bəyənmə|paylaşım)"
    r"\s{0,3}){1,5})$"
)
# A market widget: 'Brent 82.4', 'Нефть Brent $82,4', 'Qızıl 2 350 $', 'Urals 61,2'.
_COMMODITY = re.compile(
    r"(?<!\w)(?i:brent|wti|urals|light|azeri light|золото|нефть|qızıl|neft|gold|bitcoin|btc)"
    # A grade's delivery point or name may follow it: 'Urals Med 102.15', 'Azeri Light CIF'.
    r"(?:\s(?i:med|cif|fob|blend|crude))?\s{0,2}[:=]?\s{0,2}\$?\s{0,2}[0-9]{1,5}(?:[.,][0-9]{1,3})?\s{0,2}\$?\s{0,2}"
    r"(?:[▲▼↑↓+−-]\s{0,2}[0-9.,%]{1,8})?(?:\s{1,3}[|·•]|$)"
)
# A time with only a label, the day left to the reader: 'Son yenilənmə: 12:00',
# 'Время публикации: 12:30', 'Updated 14:05'.
_LABELLED_TIME = re.compile(
    r"^(?i:updated|last updated|published|posted|son yenilənmə|yenilənib|yeniləndi|dərc olunub|"
    r"обновлено|опубликовано|время публикации|время|saat|time)\s{0,2}:?\s{0,2}"
    r"[0-9]{1,2}:[0-9]{2}(?:\s{0,2}(?i:[ap]\.?m\.?|msk|gmt|utc|мск))?$"
)
_FURNITURE_WORDS = _words(
    "share print tweet email e-mail mail facebook twitter telegram whatsapp vk vkontakte "
    "вконтакте одноклассники обсудить на форуме discuss forum "
    "linkedin ok odnoklassniki pinterest reddit instagram youtube rss copy link save pdf "
    "version for printing x поделиться печать версия для печати отправить твитнуть "
    "paylaş çap et göndər a on via in в f t w tg sitat cavab yaz şikayət quote reply report "
    # A network's name with its Azerbaijani case ending: "Facebook'da paylaş", "X-də paylaş".
    "da də "
    "цитата ответить пожаловаться previous next first last older newer əvvəlki növbəti mövzu "
    "предыдущая следующая первая последняя назад вперёд вперед страница из page of topic new "
    "thread this printable view search bu xəbəri dostuna читать полностью read more ətraflı oxu "
    "old "
    # A forum post's buttons: 'Ответить | Цитировать | Сообщить модератору', 'Report to moderator'.
    "цитировать сообщить модератору moderator moderatora bildir "
    # A blog's pager: '← Previous post | Next post →', '← Предыдущая запись'.
    "post posts entry entries запись записи yazı "
    # A site's alternative views: 'Text version', 'Текстовая версия', 'Mətn versiyası'.
    "text текстовая mətn versiya versiyası "
    # A language switcher: 'English version  Русская версия', 'Azərbaycan dilində'.
    "русская английская азербайджанская dilində english russian version версия "
)
_MENU_WORDS = _words(
    "home news politics economy business society world region regions sport sports culture "
    "science tech technology analytics opinion opinions interview interviews video videos "
    "photo photos gallery multimedia radio tv live archive contacts contact about us "
    "advertising search all latest events structure documents english russian azerbaijani "
    "press releases media incidents health education tourism religion army defence defense "
    "military foreign policy domestic lifestyle auto en ru az de fr es ar tr cn fa "
    "главная новости политика экономика бизнес общество мир в регион регионы спорт культура "
    "наука и техника технологии аналитика мнения мнение интервью видео фото фотографии "
    "мультимедиа радио архив контакты о нас реклама подписка поиск все события структура "
    "документы русский пресс-служба происшествия армия религия туризм здоровье образование "
    "авто международная панорама партнерские проекты компаний россии министерство "
    "внешняя консульская служба лента эксклюзив спецпроекты главное "
    # A live stream's tab and an exclusive's rubric: 'ПРЯМОЙ ЭФИР', 'CANLI', 'Exclusive'.
    "прямой эфир canlı efir exclusive eksklüziv "
    # A language switcher's short names: 'Рус Азе Eng', 'AZE | RUS | ENG'.
    "рус азе азерб eng rus aze "
    "ana əsas səhifə xəbərlər xəbər lenti siyasət iqtisadiyyat biznes cəmiyyət dünya "
    "idman mədəniyyət elm texnologiya analitika müsahibə foto multimedia arxiv əlaqə "
    "haqqımızda reklam abunə axtar axtarış hamısı hadisələr hadisə şou-biznes ölkə hərbi "
    "təhsil səhiyyə turizm din xarici daxili gündəm sosial "
    "topics countries podcast newsletter support oil gas energy ict incident analysis green "
    "azeri azərbaycanca english español français deutsch português türkçe "
    "мире россия азербайджан кавказ иран caucasus central asia europe eastern russia turkey iran "
    "meetings trips transcripts minister ministry consular services diaspora "
    # A ministry's press pages: 'Mətbuat xidməti / Mətbuat relizləri', 'Пресс-релизы'.
    "mətbuat xidməti relizlər relizləri пресс-релизы релизы"
)
_LINE_FURNITURE = re.compile(
    r"^(?i:follow us|join us|subscribe|подписывайтесь|следите за нами|bizi izləyin|abunə ol|"
    r"tags?\s*:|т[еэ]ги\s*:|метки\s*:|etiketlər\s*:|teqlər\s*:|açar sözlər\s*:|"
    r"read also\s*:|read more\s*:|see also\s*:|also read\s*:|читайте также\s*:|"
    r"həmçinin oxuyun\s*:|related\s*:|по теме\s*:|oxşar xəbər\w{0,3}\s*:|"
    r"views\s*:?\s*[0-9]|просмотров\s*:?\s*[0-9]|baxış\s*:?\s*[0-9]|"
    r"фото\s*:|photo\s*:|foto\s*:|səhifə\s*:|страница\s*:|page\s*:|"
    r"filters?\s*:|sort(?: by)?\s*:|сортировать\s*:|sırala\s*:|найдено\s*:|"
    r"join date\s*:|posts\s*:|location\s*:|registered\s*:|mesaj sayı\s*:|сообщений\s*:|"
    r"регистрация\s*:|откуда\s*:|qeydiyyat\s*:|yazılıb\s*:|"
    r"mövzu\s*:|тема\s*:|topic\s*:|"
    # A row of the day's topics: 'Hot topics: …', 'Темы дня: …', 'Günün mövzuları: …'.
    r"(?:hot |top |trending )?topics\s*:|trending\s*:|темы дня\s*:|главные темы\s*:|"
    r"сюжеты\s*:|актуальные темы\s*:|(?:günün|aktual) mövzu\w{0,4}\s*:|"
    # A blog entry's mood and music: "Music: радио", "Настроение: бодрое", "Current mood:".
    r"(?:current\s)?(?:music|mood)\s*:|музыка\s*:|настроение\s*:|musiqi\s*:|əhval\s*:|"
    # A rubric that names itself: "Рубрика: Дипломатия | Кавказ", "Bölmə: Siyasət".
    r"rubric\s*:|section\s*:|category\s*:|рубрика\s*:|раздел\s*:|категория\s*:|"
    r"rubrika\s*:|bölmə\s*:|kateqoriya\s*:|"
    # A column's, a supplement's or a special issue's label over the story: 'Колонка: …',
    # 'Köşə: …', 'Monthly supplement: …', 'Aylıq əlavə: …', 'Спецвыпуск: …'.
    r"column\s*:|колонка\s*:|köşə\s*:|"
    # The next story's teaser over the page, on one line: 'Read next: …', 'Следующая новость: …'.
    r"(?:read next|next (?:article|story)|up next|следующая (?:новость|статья)|"
    r"növbəti (?:xəbər|məqalə))\s*:|"
    r"(?:(?:monthly|weekly|weekend|special)\s)?supplement\s*:|"
    r"(?:(?:ежемесячное|еженедельное|специальное|тематическое)\s)?приложение\s*:|"
    r"(?:(?:aylıq|həftəlik|xüsusi)\s)?əlavə\s*:|"
    r"special (?:issue|edition|report)\s*:|спец(?:иальный )?выпуск\s*:|спецрепортаж\s*:|"
    r"xüsusi (?:buraxılış|nömrə|reportaj)\s*:|"
    # A widget that labels itself: "Valyuta: 1 USD = 1.7 AZN", "Погода: Москва −3°".
    r"weather\s*:|currency\s*:|exchange rates?\s*:|погода\s*:|курсы? валют\s*:|курс\s*:|"
    r"hava\s*:|valyuta\s*:|məzənnə\s*:)"
    # A search box, by its lens ('Поиск по сайту 🔍'); a site's menu between its own 'Menu' and
    # 'Search' buttons ('Menu Weekly edition The world in brief Search').
    r"|^.{0,40}🔍.{0,40}$|^(?i:menu|меню|menyu)\s.{2,80}\s(?i:search|поиск|axtar\w{0,3})$"
    # A city's weather in words, with no degree sign: 'Астрахань сегодня: +2, облачно'.
    r"|^.{0,30}\s[+−-][0-9]{1,2},?\s{1,2}(?i:облачно|ясно|пасмурно|дождь|снег|туман|"
    r"переменная облачность|cloudy|sunny|clear|rain|snow|fog|buludlu|günəşli|yağış|qar|duman)"
    r"\w{0,4}$"
)
# A control or a label that is the whole line: a kicker's flag, a version switch, an
# account link, a consent button, a loader's text.
_WHOLE_LINE_CHROME = re.compile(
    r"^[^\w]{0,3}(?i:breaking news|срочно|молния|son dəqiqə|təcili|"
    r"мобильная версия|mobil versiya|mobile version|full version|полная версия|tam versiya|"
    r"нашли (?:опечатку|ошибку)\??|реклама на сайте|advertise with us|saytda reklam|"
    r"личный кабинет|şəxsi kabinet|my account|подписка на новости|"
    r"accept all(?: cookies)?|accept cookies|принять все|hamısını qəbul et|"
    r"loading|yüklənir|загрузка|"
    # A supplement's name alone: 'Həftəlik əlavə', 'Еженедельное приложение', 'Weekly supplement'.
    r"(?:aylıq|həftəlik) əlavə|(?:ежемесячное|еженедельное) приложение|"
    r"(?:monthly|weekly|weekend) supplement|"
    # A press release's release line: 'FOR IMMEDIATE RELEASE', 'Для немедленной публикации'.
    r"for immediate release|для немедленной публикации|dərhal yayım üçün|"
    # A consent manager's title and buttons: 'We value your privacy', 'Manage options',
    # 'Accept all  Reject all', 'Согласиться', 'Qəbul edirəm'.
    r"we value your privacy|privacy (?:settings|preferences|choices)|"
    r"manage (?:options|preferences|settings|consent|cookies)|"
    r"(?:accept|reject|decline|allow) all(?:\s{1,3}(?:accept|reject|decline) all)?|"
    r"согласиться|принять|отклонить(?: все)?|настроить|qəbul edirəm|qəbul et|imtina et|"
    # A live page's label and a video player's: 'Live updates', 'Онлайн-трансляция',
    # 'Watch: …', '0:00 / 2:14', 'Смотреть видео', 'Videonu izlə', 'Listen to this article'.
    r"live(?: updates| blog| coverage)?|онлайн-трансляция|прямая трансляция|canlı yayım|"
    r"watch\s{0,2}:.{3,120}|play video|смотреть видео|смотрите видео|videonu izlə\w{0,2}|"
    r"[0-9]{1,2}:[0-9]{2}\s{0,2}/\s{0,2}[0-9]{1,2}:[0-9]{2}|"
    r"listen to (?:this|the) (?:article|story)|прослушать (?:статью|новость|материал)|"
    r"(?:xəbəri|məqaləni) dinlə\w{0,2}|open in (?:the )?app|открыть в приложении|"
    r"tətbiqdə aç\w{0,2}|"
    # A web archive's note about its copy: 'About this capture', 'Подробнее об этом снимке'.
    r"about this capture|подробнее об этом снимке|"
    # The rest of a consent's or a prompt's buttons and a player's controls: 'Понятно',
    # 'Принять и закрыть', 'Razıyam', 'Customise choices', 'Not now', 'Позже', 'Skip ad'.
    r"понятно|хорошо|(?:я )?согласен|принять и закрыть|razıyam|consent|"
    r"customi[sz]e (?:choices|settings)|do not sell or share my personal information|"
    r"not now|maybe later|позже|не сейчас|sonra|включить|"
    r"skip (?:ad|advert)|пропустить рекламу|reklamı keç|autoplay|full ?screen|"
    r"полноэкранный режим|share this (?:article|story)|updated live|не пропустите главное|"
    r"18\+|"
    # A push-notification prompt: 'Allow notifications', 'Подписаться на уведомления'.
    r"(?:allow|turn on|enable) (?:push )?notifications|get notified\b.{0,60}|"
    r"(?:разрешить|включить|подписаться на) (?:push-)?уведомлени\w{1,2}|"
    r"bildiriş\w{0,4} (?:abunə ol\w{0,2}|icazə ver\w{0,2}|aktivləşdir\w{0,2})|"
    r"key (?:points|takeaways)|(?:ai[- ]generated |ai )?summary(?: generated by ai)?|"
    r"главное за минуту|кратко|коротко о главном|qısa məzmun|qısaca)[\s.…!:]{0,4}$"
)
# An AI summary's box label: 'Key points', 'Summary generated by AI', 'Главное за минуту'.
_SUMMARY_LABEL = re.compile(
    r"^[^\w]{0,3}(?i:key (?:points|takeaways)|(?:ai[- ]generated |ai )?summary"
    r"(?: generated by ai)?|главное за минуту|кратко|коротко о главном|qısa məzmun|qısaca)"
    r"[\s.…!:]{0,4}$"
)
# An email newsletter's own lines: "View this email in your browser", "Unsubscribe".
_NEWSLETTER_LINE = re.compile(
    r"(?i:^view (?:this|the|it) (?:email |e-mail |message )?(?:in|online)\b|\bunsubscribe\b|"
    r"письмо отображается некорректно|открыть (?:письмо )?в браузере|\bотписаться\b|"
    r"abunəlikdən çıx|you are receiving this (?:email|e-mail|newsletter))"
)
_COPYRIGHT = re.compile(r"(?i:©|\(c\)\s|copyright\b|℗)")
_BREADCRUMB = re.compile(r"^[^»›>|/→]{1,40}(?:\s*[»›>|/→]\s*[^»›>|/→]{1,40}){1,5}$")
_BREADCRUMB_START = re.compile(
    r"^(?i:home|main|главная|ana səhifə|əsas səhifə|baş səhifə|news|новости|xəbərlər)\b"
)
_SLASHES = re.compile(r"\s/\s")
_ARROWS = re.compile(r"\s[»›→>]\s")
_RATE_ROW = re.compile(r"^[A-Z]{3}\s+[0-9]+(?:\s+[0-9]+)?\s+\D{2,40}\s+[0-9]+(?:[.,][0-9]+)?$")
_FOOTER_MARKERS = _phrases(
    "news feed|exchange rates|currency rates|related news|related articles|related|read also|"
    "see also|more news|other news|latest news|most read|popular|comments|leave a comment|"
    "add comment|лента новостей|курсы валют|читайте также|похожие новости|другие новости|"
    "последние новости|самое читаемое|популярное|по теме|комментарии|оставить комментарий|"
    "xəbər lenti|valyuta məzənnələri|oxşar xəbərlər|digər xəbərlər|son xəbərlər|"
    "ən çox oxunan|həmçinin oxuyun|şərhlər|şərh yaz|mövzuya aid|materials on the topic|"
    "related stories|more on this topic|материалы по теме|новости по теме|bu mövzuda|"
    "əlaqəli xəbərlər|digər xəbərlər|связанные новости|рекомендуем|most viewed|most commented|"
    "самое обсуждаемое|ən çox baxılan|ən çox şərh edilən|"
    # The heading as a list's title takes the plural: "Ən çox oxunanlar", "Самые читаемые".
    "ən çox oxunanlar|ən çox baxılanlar|ən çox şərh edilənlər|самые читаемые|самые популярные|"
    "most popular|most read stories|"
    # A block of other stories above or under the article, by its heading.
    "top stories|main news|главные новости|главные новости дня|главное за день|"
    "günün xəbərləri|günün əsas xəbərləri|ən son xəbərlər|лучшее за неделю|"
    "популярное за неделю|trending|trending now|в тренде|новости партнеров|"
    "партнерские материалы|promoted content|sponsored content|editor's picks|"
    "tərəfdaş xəbərləri|"
    # The same headings as an aside: "Также по теме", "Ещё по теме", "Also on this topic".
    "также по теме|ещё по теме|еще по теме|also on this topic|more on the topic|"
    "bu mövzuda digər xəbərlər|"
    # An endless page's next story, with its own headline and date under the heading.
    "read next|next article|next story|up next|следующая новость|следующая статья|"
    "следующий материал|читайте далее|növbəti xəbər|növbəti məqalə|növbəti material|"
    "sonrakı xəbər|"
    # Stories picked for the reader: 'You may also like', 'Вам может быть интересно'.
    "you may also like|recommended for you|вам может быть интересно|смотрите также|"
    "sizə maraqlı ola bilər"
)
_WEEKDAY_ABBREVIATIONS = _words(
    "mo tu we th fr sa su mon tue wed thu fri sat sun пн вт ср чт пт сб вс b.e ç.a ç c.a c ş b "
    "be ça çə ca cü şə ba"
)
_SENTENCE_MARK = re.compile(r"[.,:;!?«»\"“”]")
_LEADING_MARKS = re.compile(r"^[^\w\s]{1,4}\s{0,2}")
_COUNT_SUFFIX = re.compile(r"\s*\(?[0-9]{1,6}\)?$")


# A social network's post says so above its text: a channel's subscribers, a forward, a
# pinned mark, a thread's poster. A post has no headline of its own: its first line is text.
_POST_MARK = re.compile(
    r"^(?i:(?:переслано из|пересланное сообщение|forwarded from|forwarded message|"
    r"yönləndirilib|yönləndirilmiş mesaj)\b.{0,60}"
    # A count may group its thousands with a space or a word: '84 512', '1,2 тыс.'; the
    # channel's handle may stand before it: '@caspian_news · 18 412 subscribers'.
    # A group's or a channel's kind may stand before the count, and its name before that:
    # 'Группа · 86 тыс. участников', 'Посольство Азербайджана в РФ канал · 8 315 подписчиков'.
    r"|(?:(?:@\w{3,40}|(?:(?P<name>[\w .,'’&()\-]{1,60})\s)?"
    r"(?:группа|group|qrup|канал|channel|kanal))\s{0,2}[·•|,]\s{0,2})?[0-9][0-9.,\s]{0,8}(?:[kкm]|тыс\.?|млн\.?|mln\.?|min)?\s"
    r"(?:подписчик\w{0,3}|subscribers|abunəçi\w{0,3}|followers|участник\w{0,3}|members|üzv\w{0,3})"
    r"|запись закреплена|pinned post|bərkidilmiş yazı|posted by u/\S{1,40}.{0,30}"
    # A network's wall: 'запись на стене' (VK), 'wall post'.
    r"|запись на стене|wall post|divar yazısı"
    # A network's offer to translate the post it shows.
    r"|translate post|see translation|show translation|перевести (?:пост|запись)|"
    r"показать перевод|tərcümə(?:ni göstər|yə bax| et)"
    # A channel's address alone under its name: 't.me/caspian_news'.
    r"|(?:https?://)?(?:t|telegram)\.me/\w{3,40})$"
)


def is_post_mark(line: str) -> bool:
    """'12.4K подписчиков', 'Forwarded from: …', 'Posted by u/…': the page is a network's post."""
    return len(line) <= 100 and bool(_POST_MARK.match(line))


# Who wrote a post, over its text: a name then a handle ('Russian Embassy in Azerbaijan 🇷🇺
# @RusEmbAzerbaijan'), or the handle alone under the name, perhaps with the account's kind
# ('@TopchubashovCenter · Think tank'); a flag or a verified mark may stand between. A byline's
# 'By …' is an article's author, and 'Subscribe 👉 @channel' a call, not a poster.
_POSTER_NAME = r"(?!(?i:by|автор|müəllif)\b)(?P<name>[\w .,'’&()\-]{0,60}?)"
_POSTER = re.compile(
    rf"^{_POSTER_NAME}[\s\U0001F1E6-\U0001F1FF✓✔☑\ufe0f]{{0,12}}"
    r"@\w{2,30}(?:\s{0,2}[·•]\s{0,2}[^·•@]{1,30})?$"
)
# An account's handle with its verified mark ('azembassy_moscow ✓', Instagram's), or a name
# with its kind ('Rusiyada yaşayan azərbaycanlılar · Qrup', 'Caspian News · Page').
_ACCOUNT = re.compile(
    r"^[a-z0-9_.]{3,30}\s{0,2}[✓✔☑]\ufe0f?$"
    rf"|^{_POSTER_NAME}\s[·•]\s(?i:qrup|group|public group|группа|сообщество|канал|channel|"
    r"kanal|page|səhifə|страница)$"
)
# Whom a post is shown to, after its time: '3d · 🌐', '9 oktyabr 2025, 16:10 · 🌐'.
_AUDIENCE = re.compile(r"^.{1,40}?\s[·•]\s{0,2}[🌐👥🔒]\ufe0f?$")


def is_post_head(line: str) -> bool:
    """A poster's line or a post's audience mark: over the text, the page is a network's post."""
    return any(head.match(line) for head in (_POSTER, _ACCOUNT, _AUDIENCE))


def poster_name(line: str) -> str | None:
    """The name a post's head gives its poster: 'Russian Embassy in Azerbaijan 🇷🇺
    @RusEmbAzerbaijan', 'Caspian News · Page', 'Посольство … канал · 8 315 подписчиков'."""
    found = _POSTER.match(line) or _ACCOUNT.match(line) or _POST_MARK.match(line)
    name = (found.groupdict().get("name") or "").strip() if found else ""
    return name or None


def is_summary_label(line: str) -> bool:
    """'Key points', 'Главное за минуту', 'Qısa məzmun': a box retelling the story opens."""
    return len(line) <= 40 and bool(_SUMMARY_LABEL.match(line))


def is_separator(line: str) -> bool:
    """A rule across the page: '-----', '——————', 'xxxxxxxxxx'."""
    return bool(_SEPARATOR.match(line))


def is_footer_marker(line: str) -> bool:
    """A heading such as 'Related news' or 'Son xəbərlər (12)' that lists other pages."""
    if len(line) > 60:
        return False
    # "💬 Comments (96)", "→ Читайте также:": the heading without its marks and count.
    return (
        fold(_COUNT_SUFFIX.sub("", _LEADING_MARKS.sub("", line))).strip(" :.!") in _FOOTER_MARKERS
    )


def is_copyright(line: str) -> bool:
    """A site's copyright or reprint notice: '© 2011-2023 Qafqazinfo.az'."""
    return len(line) <= 300 and bool(_COPYRIGHT.search(line))


def _is_results_line(line: str) -> bool:
    """A results or topic page's own heading, counter or pager line."""
    if _RESULTS_LINE.match(line):
        return True
    tail = line[-30:].rstrip(" .").casefold().replace(":", " :")
    return tail.endswith(_TOPIC_PAGE_ENDINGS)


def is_source_link(line: str) -> bool:
    """'Mənbəyə keç →', 'Read at source': an aggregator's link to the page it copied."""
    return len(line) <= 80 and bool(_SOURCE_LINK.search(line))


def is_calendar_row(line: str) -> bool:
    """A calendar widget's row: 'Пн Вт Ср Чт Пт Сб Вс', 'Mo Tu We', '1 2 3 4 5 6 7'."""
    tokens = line.replace("|", " ").split()
    if len(tokens) < 5 or len(line) > 160:
        return False
    if all(token.isdecimal() and int(token) <= 31 for token in tokens):
        return True
    return all(fold(token).strip(".") in _WEEKDAY_ABBREVIATIONS for token in tokens)


def is_newsletter_line(line: str) -> bool:
    """A line only an email has: the page is a newsletter, whoever it quotes."""
    return len(line) <= 200 and bool(_NEWSLETTER_LINE.search(line))


# The parser asks of one line several times (the footer scan, the stamped lists, the header),
# and a site's furniture recurs on each of its pages.
@functools.lru_cache(maxsize=16_384)
def is_labelled_chrome(line: str) -> bool:
    """Chrome that names itself ('Join Date: Mar 2011', 'Tags: …', cookies), dates and all."""
    if len(line) > 300:
        return False
    if _LINE_FURNITURE.match(line) or is_newsletter_line(line) or _WHOLE_LINE_CHROME.match(line):
        return True
    if is_photo_credit(line):
        return True
    return len(line) <= 160 and bool(
        _WIDGET_LABEL.search(line) or _is_results_line(line) or _SOURCE_LINK.search(line)
    )


@functools.lru_cache(maxsize=16_384)
def is_chrome(line: str) -> bool:
    """Whether a non-empty cleaned line is page furniture rather than article text
    (labelled chrome, and the furniture that names nothing: menus, widgets, counters)."""
    if len(line) > 300:
        return False
    if is_labelled_chrome(line) or _SEPARATOR.match(line) or _FONT_CONTROLS.match(line):
        return True
    if _RATE_ROW.match(line) or _LABELLED_NUMBER.match(line) or _are_short_widgets(line):
        return True
    if len(line) <= 160 and (
        _PRAYER_TIMES.search(line) or _COUNTER.match(line) or _COMMODITY.search(line)
    ):
        return True
    if len(line) <= 60 and _LABELLED_TIME.match(line):
        return True
    if is_copyright(line):
        return True
    return len(line) <= 160 and (is_today_line(line) or is_widget_row(line) or _is_navigation(line))


_LETTERED = re.compile(r"[^\W\d_]{2,}")
# A broadcaster's player over its pages: what is on air now, not this page's story.
_ON_AIR = re.compile(
    r"(?i:\bon air\b|\blisten live\b|\bwatch live\b|\blive stream\b|в эфире|прямой эфир"
    r"|слушать эфир|\bэфир радио|efirdə|canlı yayım|canlı efir)"
)
ON_AIR_MAX_WORDS = 10


def _is_on_air_banner(line: str) -> bool:
    """'Слушать эфир | Сейчас в эфире: «Особое мнение»', 'CANLI: Azadlıq Radiosu efirdə'."""
    return len(_LETTERED.findall(line)) <= ON_AIR_MAX_WORDS and bool(_ON_AIR.search(line))


# A row of controls' labels are a few words each ('Print', 'Font size', 'Версия для печати').
CONTROL_LABEL_MAX_WORDS = 4
# A button copied as text: '[Allow]', '[Найти]', a form's field '[__________]'.
_BUTTON = re.compile(r"\[[^\[\]]{1,30}\]")


def is_row_of_controls(line: str) -> bool:
    """A dialog's or a toolbar's line: two buttons or more ('… news first. [Later] [Allow]'),
    or a row of short labels one of which is a page control ('Print | Email | Font size',
    'Версия для печати | Отправить другу'), or a broadcaster's player. A headline names no
    button."""
    if len(_BUTTON.findall(line)) >= 2 or _is_on_air_banner(line):
        return True
    if " | " not in line:
        return False
    parts = [part.strip() for part in line.split(" | ")]
    short = all(len(_LETTERED.findall(part)) <= CONTROL_LABEL_MAX_WORDS for part in parts)
    return short and any(is_chrome(part) for part in parts)


def is_navigation_bar(line: str) -> bool:
    """A site's menu, breadcrumb or language switcher: the headline comes after these."""
    if len(line) > 160:
        return False
    words = _folded_words(line)
    return (
        _is_menu_or_breadcrumb(line, words)
        or len(SEGMENT_SEPARATOR.split(line)) >= 4
        or bool(_PAGER.match(line))
    )


# A blog's pager between its own header and the entry: '← Previous entry | Next entry →',
# 'Предыдущая запись | Следующая запись', 'Əvvəlki yazı | Növbəti yazı'.
_PAGER = re.compile(
    r"^[←«<\s]{0,3}(?i:previous|prev|предыдущая|предыдущий|пред\.|əvvəlki)"
    r"(?:\s(?i:entry|post|article|запись|пост|статья|yazı|xəbər))?"
    r"\s{0,2}[|·•/]?\s{0,2}"
    r"(?i:next|следующая|следующий|след\.|növbəti)"
    r"(?:\s(?i:entry|post|article|запись|пост|статья|yazı|xəbər))?[\s→»>]{0,3}$"
)


def _folded_words(line: str) -> list[str]:
    return [fold(word) for word in WORD.findall(line) if not word.isdigit()]


def _is_menu_or_breadcrumb(line: str, words: list[str]) -> bool:
    """A row of section names, or a breadcrumb: 'Home / World / Europe', 'Главная » Политика'."""
    if words and len(words) <= 16 and all(word in _MENU_WORDS for word in words):
        return True
    if _is_menu(line, words):
        return True
    return bool(
        _BREADCRUMB.match(line)
        and (
            _BREADCRUMB_START.match(line)
            or _ARROWS.search(line)
            or len(_SLASHES.findall(line)) >= 2
            or _opens_with_section(line)
        )
    )


def _opens_with_section(line: str) -> bool:
    """'Регионы / Магарамкентский район', 'Politics / Caucasus': a site's section, then its
    subsection, with no sentence mark a headline would have."""
    if not _SLASHES.search(line) or _SENTENCE_MARK.search(line):
        return False
    first = _folded_words(_SLASHES.split(line, maxsplit=1)[0])
    return bool(first) and all(word in _MENU_WORDS for word in first)


def _are_short_widgets(line: str) -> bool:
    """'Search', or a row of such buttons: 'Подписаться | Войти', 'Menu · Search', or one
    with the site's tagline beside them: 'All the news in one place | Sign in | Register'."""
    segments = SEGMENT_SEPARATOR.split(line)
    others = 0
    for segment in segments:
        others += not _SHORT_WIDGET.match(segment.strip())
        if others > 1:
            return False
    return others == 0 or len(segments) >= 3


def last_crumb(line: str) -> str | None:
    """The page's own crumb closing a breadcrumb with arrows ('Home > Russia and Azerbaijan >
    Caspian cooperation'): the page's headline, which a vertical menu may stand over."""
    if len(line) > 160 or not (_BREADCRUMB.match(line) and _ARROWS.search(line)):
        return None
    crumb = re.split(r"\s[»›→>]\s", line)[-1].strip()
    return crumb if len(_folded_words(crumb)) >= 2 and not is_rubric(crumb) else None


def first_crumb(line: str) -> str | None:
    """The site a breadcrumb starts from, when it starts from the site's name and not from
    'Home': 'Caspian Logistics Forum › Rail & multimodal › North-South route'."""
    if len(line) > 160 or not (_BREADCRUMB.match(line) and _ARROWS.search(line)):
        return None
    crumb = _ARROWS.split(line)[0].strip()
    return None if _BREADCRUMB_START.match(crumb) or is_rubric(crumb) else crumb


def is_rubric(line: str) -> bool:
    """'ПОЛИТИКА', 'World News', 'Siyasət': a section's name over a story, made of menu words."""
    words = [fold(word) for word in WORD.findall(line)]
    return bool(words) and all(word in _MENU_WORDS for word in words)


def is_widget_row(line: str) -> bool:
    """Weather and currency: 'Bakı +5°C USD 1.7000 EUR 1.9284', '☀ +27°C'."""
    return bool(_WEATHER.search(line) or EXCHANGE_RATE.search(line)) and not line.endswith(".")


def _is_navigation(line: str) -> bool:
    """Menus, breadcrumbs, language switchers, share rows, list items led by a time."""
    if _is_row_of_links(line):
        return True
    words = _folded_words(line)
    if words and all(word in _FURNITURE_WORDS for word in words):
        return True
    if _is_menu_or_breadcrumb(line, words):
        return True
    if len(SEGMENT_SEPARATOR.split(line)) >= 4 and not line.endswith("."):
        return True
    return bool(_TIME_LED.match(line)) and not line.endswith(".")


def _is_row_of_links(line: str) -> bool:
    """'Most read | Archive', 'Latest · Popular · Video': items that each name a section or list."""
    if not any(mark in line for mark in (" | ", "  ", " • ", " · ")):
        return False
    segments = SEGMENT_SEPARATOR.split(line)
    for segment in segments:
        words = _folded_words(segment)
        if not (words and all(word in _MENU_WORDS for word in words)) and not is_footer_marker(
            segment
        ):
            return False
    return True


def _is_menu(line: str, words: list[str]) -> bool:
    """A row of capitalised section names: 'Politics Economy Energy ICT Society Sport'.

    A headline has sentence punctuation or small words in lower case; a menu
    has neither, and names at least one section every site has.
    """
    if len(words) < 4 or _SENTENCE_MARK.search(line):
        return False
    lower = sum(1 for word in WORD.findall(line) if word[:1].islower())
    sections = sum(1 for word in words if word in _MENU_WORDS)
    if lower * 4 <= len(words) and sections * 4 >= len(words) * 3:
        return True
    # A long row of capitalised words is a menu with the site's own rubrics among
    # the common ones ("Главное Россия Мир Бывший СССР Силовые структуры …").
    return len(words) >= 8 and lower * 4 <= len(words) and sections * 2 >= len(words)


# A search engine's cached copy of a page says so over it, with the page's own address and
# the day its crawler took the copy: 'This is Bing's cached copy of http://…', 'Это
# сохранённая копия страницы http://…', 'Bu, https://… ünvanının Google keş versiyasıdır'.
_CACHED_URL = r"((?i:https?://|www\.)\S{2,300}?|[\w.-]{2,60}\.[a-z]{2,6}/\S{0,300}?)[.,]?"
_CACHE_BANNER = re.compile(
    r"^(?i:this is (?:\w{2,12}['’]s )?(?:cache|cached copy|cached version)(?: of)?"
    r"|это (?:сохран[её]нная копия|кэш(?:ированная копия)?|копия)(?: страницы)?(?: \w{2,12} для)?)"
    rf"\s{_CACHED_URL}(?:\s|$)"
    # Azerbaijani names the address first: 'Bu, https://… ünvanının Google keş versiyasıdır'.
    rf"|^(?i:bu),?\s{_CACHED_URL}\s(?i:ünvanının \w{{2,12}} keş (?:versiyası|surəti))"
)
# The banner's other lines: the crawler's day, a warning that the page may have changed.
_CACHE_NOTE = re.compile(
    r"(?i:snapshot of the page|current page (?:could|may) have changed|for the current page|"
    r"сохранил (?:её|ее)|страница могла (?:измениться|быть изменена)|посмотреть оригинал|"
    r"снимок страницы|tarixindəki görünüşüdür|cari səhifə bu müddətdə|keş versiyası)"
)
CACHE_BANNER_LINES = 6


def cached_page_address(line: str) -> str | None:
    """The address of the page a search engine's cache banner says it copied, if it is one."""
    if len(line) > 400:
        return None
    match = _CACHE_BANNER.match(line)
    url = match and (match.group(1) or match.group(2))
    return url.rstrip(".,") if url else None


def is_cache_note(line: str) -> bool:
    """A line of a search engine's cache banner: the day of its copy, its warnings."""
    return len(line) <= 400 and _CACHE_NOTE.search(line) is not None
