"""The word-level diff of two versions of a text: what the second keeps,
adds and leaves out, paragraph by paragraph, within a bounded size."""

import subprocess
import sys
from pathlib import Path

from articles.wordiff import Change, Run, diff_words, tokens

ROOT = Path(__file__).resolve().parents[2]


def changes(diff) -> list[list[tuple[str, str]]]:
    return [[(run.change.value, run.text) for run in runs] for runs in diff.paragraphs]


def test_nothing_is_added_or_removed_when_the_texts_are_the_same():
    diff = diff_words("Baku and Moscow signed.", "Baku and Moscow signed.")
    assert diff.is_same
    assert changes(diff) == [[("kept", "Baku and Moscow signed.")]]


def test_a_changed_word_is_removed_then_added_when_replaced():
    diff = diff_words("The ministers met in Baku today.", "The ministers met in Moscow today.")
    assert changes(diff) == [
        [
            ("kept", "The ministers met in"),
            ("removed", "Baku"),
            ("added", "Moscow"),
            ("kept", "today."),
        ]
    ]
    assert (diff.kept, diff.added, diff.removed) == (5, 1, 1)


def test_a_credit_line_shows_as_added_when_a_copy_prepends_it():
    diff = diff_words("Talks went well.", "By Trend. Talks went well.")
    assert changes(diff) == [[("added", "By Trend."), ("kept", "Talks went well.")]]


def test_paragraphs_are_kept_when_both_texts_have_them():
    first = "One two three.\n\nFour five six."
    second = "One two three.\n\nFour five seven.\n\nEight."
    assert changes(diff_words(first, second)) == [
        [("kept", "One two three.")],
        [("kept", "Four five"), ("removed", "six."), ("added", "seven.")],
        [("added", "Eight.")],
    ]


def test_a_left_out_paragraph_is_removed_when_the_copy_drops_it():
    diff = diff_words("Kept here.\n\nCut later.", "Kept here.")
    assert changes(diff) == [[("kept", "Kept here.")], [("removed", "Cut later.")]]
    assert diff.share_kept == 0.5


def test_subheading_marker_is_not_a_word_when_tokenised():
    assert tokens("## Energy\n\nGas flows.") == ["Energy", "\n", "Gas", "flows."]


def test_only_the_first_words_are_compared_when_a_text_is_longer_than_the_bound():
    long_text = " ".join(f"w{n}" for n in range(50))
    diff = diff_words(long_text, long_text + " tail", max_words=10)
    assert diff.is_cut
    assert diff.kept == 10 and diff.added == 0


def test_not_cut_when_both_texts_fit_the_bound():
    assert not diff_words("a b c", "a b d", max_words=3).is_cut


def test_markup_stays_plain_text_when_a_run_holds_it():
    diff = diff_words("<b>x</b>", "<b>x</b> <i>")
    assert diff.paragraphs[0][-1] == Run(Change.ADDED, "<i>")


def test_imports_no_django_when_loaded():
    code = "import sys, articles.wordiff; print('django' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
