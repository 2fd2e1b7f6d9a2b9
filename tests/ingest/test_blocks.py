"""blocks.py: which lines of a page are its article and which its chrome, by their shape."""

import datetime as dt

from articles.ingest.blocks import PageBlocks, Role
from articles.ingest.parse import parse

MENU = ["Home | World | Economy | Sport | Culture", ""]
LATEST = [
    "Latest",
    "Ferry timetable changes for the winter season",
    "Regional museum opens a hall of old maps",
    "Tram depot gets new electric cars next month",
    "",
]
HEADER = ["Harbour cranes arrive at the northern terminal", "", "14 March 2021", ""]
PROSE = [
    "The first two of the new harbour cranes were unloaded at the northern terminal on "
    "Sunday, and the port says that they will be working before the end of the month.",
    "",
    "The cranes were bought with a loan from a group of banks, and the terminal's operator "
    "expects that the time a ship waits at the quay will fall by a third in the summer.",
    "",
    "Dock workers will be trained on the new machines over the next three weeks.",
    "",
]
FOOTER = ["Share | Print | Comments (3)", "© 2021 Harbour Gazette"]


def page() -> list[str]:
    return [*MENU, *LATEST, *HEADER, *PROSE, *FOOTER]


def test_main_content_is_the_run_of_prose_when_chrome_surrounds_it():
    lines = page()
    blocks = PageBlocks(lines)
    assert blocks.main is not None
    assert lines[blocks.main.start] == PROSE[0]
    assert lines[blocks.main.end - 1] == PROSE[4]


def test_menu_row_is_chrome_when_separators_part_its_items():
    lines = page()
    assert PageBlocks(lines).role(0) is Role.CHROME


def test_sentence_with_function_words_is_content_when_long():
    lines = page()
    index = lines.index(PROSE[2])
    assert PageBlocks(lines).role(index) is Role.CONTENT


def test_short_line_between_paragraphs_takes_their_role():
    lines = [PROSE[0], "", "Training", "", PROSE[2]]
    assert PageBlocks(lines).role(2) is Role.CONTENT


def test_run_of_short_lines_is_chrome_when_it_holds_no_prose():
    lines = page()
    blocks = PageBlocks(lines)
    assert all(blocks.role(lines.index(item)) is Role.CHROME for item in LATEST[1:4])


def test_list_item_is_far_chrome_when_lines_stand_between_it_and_the_text():
    lines = page()
    blocks = PageBlocks(lines)
    assert blocks.is_far_chrome(lines.index(LATEST[1]))
    assert not blocks.is_far_chrome(lines.index(HEADER[0]))


def test_lines_before_main_counts_filled_lines_between():
    lines = page()
    blocks = PageBlocks(lines)
    assert blocks.lines_before_main(lines.index(HEADER[2])) == 0
    assert blocks.lines_before_main(lines.index(HEADER[0])) == 1
    assert blocks.lines_before_main(lines.index(PROSE[2])) is None


def test_items_above_counts_headline_shaped_lines_up_to_the_prose():
    lines = page()
    assert PageBlocks(lines).items_above(lines.index(HEADER[0])) == 3


def test_main_text_is_cut_at_the_limit():
    lines = page()
    assert PageBlocks(lines).main_text(20) == PROSE[0][:20]


def test_russian_prose_is_content_by_its_function_words():
    sentence = (
        "Новый паром начнёт ходить между двумя портами в апреле, и компания говорит, "
        "что билеты на него будут стоить не больше, чем на поезд."
    )
    assert PageBlocks([sentence], language="ru").role(0) is Role.CONTENT


def test_azerbaijani_prose_is_content_by_its_function_words():
    sentence = (
        "Yeni bərə aprel ayında iki liman arasında işləməyə başlayacaq və şirkət bildirib ki, "
        "bilet qiyməti qatardan daha baha olmayacaq."
    )
    assert PageBlocks([sentence], language="az").role(0) is Role.CONTENT


def test_page_without_prose_has_no_main_content():
    assert PageBlocks([*MENU, *LATEST]).main is None


# The parser asks the reader where its rules are weakest: another story's title or date
# above the article loses to the one beside the article's text.
OTHER_STORIES = [
    "Storm warning issued for coastal districts this weekend",
    "Central bank keeps its key rate unchanged again",
    "New metro line to open in the capital next spring",
    "Football club signs a young striker from abroad",
]
TODAY = dt.date(2026, 1, 1)


def spaced(lines: list[str]) -> str:
    return "\n\n".join(lines)


def test_headline_is_the_one_over_the_text_when_a_list_of_other_stories_stands_above():
    text = spaced([*OTHER_STORIES, HEADER[0], HEADER[2], PROSE[0], PROSE[2]])
    assert parse(text, today=TODAY).title == HEADER[0]


def test_date_is_the_one_over_the_text_when_a_widget_date_stands_far_above():
    text = spaced(["14.02.2016", *OTHER_STORIES, HEADER[2], HEADER[0], PROSE[0], PROSE[2]])
    assert parse(text, today=TODAY).published.value == dt.date(2021, 3, 14)


def test_page_is_no_feed_when_its_stamped_items_stand_above_an_article():
    items = [f"{story}\n1{hour}:05 12.01.2019" for hour, story in enumerate(OTHER_STORIES)]
    text = spaced([*items, HEADER[0], HEADER[2], PROSE[0], PROSE[2]])
    assert parse(text, today=TODAY).title == HEADER[0]
