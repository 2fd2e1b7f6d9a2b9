"""The store, the importer's only writer: credits and the signed-documents
count, the register of known documents and the order in which a mention finds
its agreement, and the guards that keep two imports at once from colliding."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.apps import apps
from django.db import IntegrityError, OperationalError
from django.test import override_settings
from django.utils import timezone

from articles.ingest import store
from articles.ingest.document import AgreementKind, AgreementMention, ParsedArticle
from articles.ingest.pipeline import Extracted
from articles.ingest.register import Register
from articles.models import Agreement, AgreementKey, Article, Champion, Mention, Revision, Source
from articles.search import tiers
from articles.search.stems import stem
from tests.conftest import make_agreement, make_source

pytestmark = pytest.mark.django_db

ALLIED = "declaration-allied-interaction-2022"
ENTRY = {
    "key": ALLIED,
    "kind": "declaration",
    "name": "Declaration on Allied Interaction",
    "name_ru": "Декларация о союзническом взаимодействии",
    "name_az": "Müttəfiqlik qarşılıqlı fəaliyyəti haqqında Bəyannamə",
    "aliases": ["Moscow Declaration of 2022", "Декларация о союзничестве"],
    "signed_on": "2022-02-22",
    "signed_place": "Moscow",
    "parties": ["Azerbaijan", "Russia"],
}


def extracted(*, agreements=(), credits=(), source="Trend", documents_signed=None, **fields):
    article = ParsedArticle(
        title=fields.pop("title", "Baku and Moscow sign documents"),
        title_derived=False,
        body=fields.pop("body", "Baku and Moscow signed documents."),
        source=source,
        credits=tuple(credits),
        language=fields.pop("language", "en"),
        **fields,
    )
    return Extracted(
        article=article, agreements=tuple(agreements), tags=(), documents_signed=documents_signed
    )


def original(data: bytes = b"file bytes", origin: str = "in/a.txt") -> store.Original:
    return store.Original(
        origin=origin,
        file_path=f"/tmp/{origin}",
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding="utf-8",
    )


def stored(parsed: Extracted, data: bytes = b"file bytes", origin: str = "in/a.txt") -> Article:
    store.store(
        original=original(data, origin),
        extracted=parsed,
        cache=store.LookupCache(),
        now=timezone.now(),
    )
    return Article.objects.get(origin=origin)


def mention(name: str, key: str, **fields) -> AgreementMention:
    kind = fields.pop("kind", AgreementKind.DECLARATION)
    return AgreementMention(
        name=name, kind=kind, key=key, sentence=f"They signed the {name}.", **fields
    )


def test_credits_are_stored_as_sources_apart_from_the_publisher_when_the_text_cites_agencies():
    article = stored(extracted(source="Trend", credits=["Interfax", "TASS", "Trend"]))

    assert article.source.name == "Trend"
    assert sorted(article.credits.values_list("name", flat=True)) == ["Interfax", "TASS"]


def test_credits_reuse_a_known_source_when_the_name_is_an_alias():
    tass = make_source(name="TASS")
    tass.aliases.create(name="ТАСС")

    article = stored(extracted(credits=["ТАСС"]))

    assert list(article.credits.all()) == [tass]


def test_curated_credits_stay_when_the_file_changes():
    article = stored(extracted(credits=["Interfax"]))
    kept = make_source(name="APA")
    article.credits.set([kept])
    Article.objects.filter(pk=article.pk).update(curated_fields=["credits"])

    stored(extracted(credits=["TASS"]), data=b"changed bytes")

    assert list(article.credits.all()) == [kept]


def test_credits_follow_the_file_when_no_curator_fixed_them():
    article = stored(extracted(credits=["Interfax"]))

    stored(extracted(credits=["TASS"]), data=b"changed bytes")

    assert list(article.credits.values_list("name", flat=True)) == ["TASS"]


def test_documents_signed_is_stored_when_the_text_counts_them():
    assert stored(extracted(documents_signed=6)).documents_signed == 6


def test_register_entries_become_approved_agreements_in_three_languages():
    store.add_register_entries([ENTRY])

    agreement = Agreement.objects.get(register_key=ALLIED)
    assert (agreement.name_ru, agreement.name_az) == (ENTRY["name_ru"], ENTRY["name_az"])
    assert agreement.status == Agreement.Status.APPROVED
    assert (agreement.signed_on, agreement.signed_place) == (dt.date(2022, 2, 22), "Moscow")
    assert agreement.parties == "Azerbaijan, Russia"
    assert agreement.is_bilateral
    assert agreement.alias_list() == ENTRY["aliases"]


def test_register_loading_keeps_what_a_curator_changed_when_run_again():
    store.add_register_entries([ENTRY])
    Agreement.objects.filter(register_key=ALLIED).update(name="Allied Interaction (curated)")

    store.add_register_entries([ENTRY | {"name": "Something else"}])

    assert list(Agreement.objects.values_list("name", flat=True)) == [
        "Allied Interaction (curated)"
    ]


def test_register_entry_is_not_made_again_when_a_curator_merged_it_away():
    store.add_register_entries([ENTRY])
    survivor = make_agreement(name="Declaration on Allied Interaction (survivor)")
    registered = Agreement.objects.get(register_key=ALLIED)
    AgreementKey.objects.filter(agreement=registered).update(agreement=survivor)
    registered.delete()

    store.add_register_entries([ENTRY])

    assert not Agreement.objects.filter(register_key=ALLIED).exists()


def test_register_built_from_the_database_matches_a_curators_new_alias():
    store.add_register_entries([ENTRY])
    Agreement.objects.filter(register_key=ALLIED).update(aliases="Allied Pact of February")

    register = Register.from_entries(store.register_entries())

    assert register.key_for(AgreementKind.DECLARATION, "the Allied Pact of February") == ALLIED


def test_prepare_register_loads_the_fixture_and_returns_what_the_database_holds():
    register = store.prepare_register()

    keys = {entry.key for entry in register.entries}
    assert ALLIED in keys
    assert set(Agreement.objects.in_register().values_list("register_key", flat=True)) == keys


def test_mention_with_a_register_key_joins_its_register_agreement_in_any_language():
    store.add_register_entries([ENTRY])
    ru = mention(
        "Декларацию о союзническом взаимодействии", "declaration:союзн", register_key=ALLIED
    )

    article = stored(extracted(agreements=[ru], language="ru"))

    assert article.agreements.get().register_key == ALLIED
    assert Agreement.objects.count() == 1


def test_mention_without_a_register_key_joins_the_agreement_stored_under_its_key():
    known = make_agreement(key="memorandum:education")

    article = stored(extracted(agreements=[mention("MoU on education", "memorandum:education")]))

    assert list(article.agreements.all()) == [known]


def test_mention_joins_an_agreement_under_a_close_key_and_remembers_its_wording():
    known = make_agreement(key="memorandum:cooperation-education-science")
    close = mention("MoU in education and sciences", "memorandum:cooperation-educational-sciences")

    article = stored(extracted(agreements=[close]))

    assert list(article.agreements.all()) == [known]
    assert AgreementKey.objects.get(key=close.key).agreement == known


def test_unknown_mention_becomes_a_suggestion_named_in_the_articles_language():
    ru = mention("Протокол о таможне", "protocol:тамож", kind=AgreementKind.PROTOCOL)

    article = stored(extracted(agreements=[ru], language="ru"))

    agreement = article.agreements.get()
    assert agreement.status == Agreement.Status.SUGGESTED
    assert (agreement.name, agreement.name_ru, agreement.name_az) == (ru.name, ru.name, "")


def test_third_country_document_is_kept_off_the_bilateral_lists_when_stored():
    railway = mention(
        "Railway agreement",
        "agreement:railway",
        kind=AgreementKind.AGREEMENT,
        parties=("Russia", "Iran"),
    )

    article = stored(extracted(agreements=[railway]))

    agreement = article.agreements.get()
    assert (agreement.is_bilateral, agreement.parties) == (False, "Russia, Iran")
    assert not Agreement.objects.bilateral().exists()


def test_mention_keeps_its_signing_date_and_how_it_was_read():
    dated = mention(
        "Road map",
        "road_map:energy",
        kind=AgreementKind.ROAD_MAP,
        signed_on=dt.date(2024, 2, 22),
        date_note="day and month from the text, year from the article",
        is_signed=True,
    )

    stored(extracted(agreements=[dated]))

    saved = Mention.objects.get()
    assert saved.signed_on == dt.date(2024, 2, 22)
    assert saved.date_note == "day and month from the text, year from the article"


def test_storing_bytes_already_stored_writes_no_revision_when_another_import_was_first():
    stored(extracted(), data=b"version two")

    status = store.store(
        original=original(b"version two"),
        extracted=extracted(),
        cache=store.LookupCache(),
        now=timezone.now(),
    )

    assert status == store.Status.UNCHANGED
    assert not Revision.objects.exists()


def test_changed_bytes_keep_the_earlier_original_as_the_only_revision():
    article = stored(extracted(), data=b"version one")

    stored(extracted(), data=b"version two")

    assert list(article.revisions.values_list("sha256", flat=True)) == [
        hashlib.sha256(b"version one").hexdigest()
    ]


def test_store_tries_the_file_again_when_a_concurrent_import_won_a_race(monkeypatch):
    real, calls = store._store_once, []

    def collide_once(*args):
        calls.append(1)
        if len(calls) == 1:
            raise IntegrityError('duplicate key value violates unique constraint "slug_key"')
        return real(*args)

    monkeypatch.setattr(store, "_store_once", collide_once)

    assert stored(extracted()).title == "Baku and Moscow sign documents"
    assert len(calls) == 2


def test_store_gives_up_after_a_bounded_number_of_tries(monkeypatch):
    def always_collide(*args):
        raise IntegrityError("duplicate key")

    monkeypatch.setattr(store, "_store_once", always_collide)
    monkeypatch.setattr(store, "RETRY_PAUSE_SECONDS", 0)

    with pytest.raises(IntegrityError):
        stored(extracted())


def test_shared_row_made_by_another_import_meanwhile_is_found_again():
    other = make_source(name="Interfax", slug="interfax")
    looks = []

    def find():
        looks.append(1)
        # The first look came before the other import committed its row.
        if len(looks) == 1:
            return None
        return Source.objects.filter(name="Interfax").values_list("pk", flat=True).first()

    def make():
        return Source.objects.create(name="Interfax", slug="interfax-2").pk

    assert store._get_or_make(find, make) == other.pk
    assert len(looks) == 2


def test_fresh_archive_gets_the_register_after_migrate():
    with override_settings(AGREEMENT_REGISTER_ON_MIGRATE=True):
        store.register_after_migrate(apps.get_app_config("articles"), "default")

    assert Agreement.objects.filter(register_key=ALLIED, status="approved").exists()


def test_migrate_adds_no_register_where_settings_turn_it_off():
    store.register_after_migrate(apps.get_app_config("articles"), "default")

    assert not Agreement.objects.exists()


def test_store_fails_at_once_when_a_check_constraint_refuses_the_row(monkeypatch):
    calls = []

    def refuse(*args):
        calls.append(1)
        raise IntegrityError("CHECK constraint failed: articles_article_precision_valid")

    monkeypatch.setattr(store, "_store_once", refuse)

    with pytest.raises(IntegrityError):
        stored(extracted())
    assert len(calls) == 1


@pytest.mark.django_db(transaction=True)
def test_store_looks_rows_up_again_when_one_it_remembered_was_merged_away():
    cache = store.LookupCache(sources={"Trend": 10**6})  # a source deleted since

    store.store(original=original(), extracted=extracted(), cache=cache, now=timezone.now())

    assert Article.objects.get().source.name == "Trend"
    assert cache.sources["Trend"] == Source.objects.get(name="Trend").pk


def test_register_entry_merged_into_another_agreement_matches_the_survivor():
    store.add_register_entries([ENTRY])
    survivor = make_agreement(name="Allied Interaction Declaration (kept)", kind="declaration")
    registered = Agreement.objects.get(register_key=ALLIED)
    AgreementKey.objects.filter(agreement=registered).update(agreement=survivor)
    registered.delete()

    register = Register.from_entries(store.register_entries())

    assert register.key_for(AgreementKind.DECLARATION, "Allied Interaction Declaration") == ALLIED
    article = stored(
        extracted(agreements=[mention("Allied", "declaration:x", register_key=ALLIED)])
    )
    assert list(article.agreements.all()) == [survivor]


def test_dry_run_register_writes_nothing_and_still_knows_the_files_entries():
    register = store.prepare_register(dry_run=True)

    assert register.entry(ALLIED) is not None
    assert not Agreement.objects.exists()


def test_no_revision_repeats_the_current_bytes_when_a_file_changes_back():
    article = stored(extracted(), data=b"version one")
    stored(extracted(), data=b"version two")

    stored(extracted(), data=b"version one")

    assert list(article.revisions.values_list("sha256", flat=True)) == [
        hashlib.sha256(b"version two").hexdigest()
    ]


@pytest.mark.parametrize(
    "message",
    ["database is locked", "deadlock detected\nDETAIL:  Process 7 waits for ShareLock"],
)
def test_store_tries_the_file_again_when_the_database_was_busy(monkeypatch, message):
    real, calls = store._store_once, []

    def busy_once(*args):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError(message)
        return real(*args)

    monkeypatch.setattr(store, "_store_once", busy_once)

    assert stored(extracted()).title == "Baku and Moscow sign documents"
    assert len(calls) == 2


def test_publisher_is_not_credited_when_the_text_names_it_by_another_name():
    trend = make_source(name="Trend")
    trend.aliases.create(name="Trend News Agency")

    article = stored(extracted(source="Trend", credits=["Trend News Agency", "TASS"]))

    assert list(article.credits.values_list("name", flat=True)) == ["TASS"]


def test_stored_article_takes_its_place_on_its_words_champion_lists_when_it_weighs_enough():
    for n in range(3):
        stored(
            extracted(
                title=f"Trade report {n}", body=f"Ministers met. A pipeline is planned ({n})."
            ),
            data=f"weak {n}".encode(),
            origin=f"in/weak-{n}.txt",
        )
    tiers.rebuild(using="default", length=2)
    strong = stored(
        extracted(title="Pipeline pipeline", body="The pipeline opens."),
        data=b"strong",
        origin="in/s.txt",
    )
    listed = Champion.objects.filter(champion_list__term=stem("pipeline", "english"))
    assert strong.pk in set(listed.values_list("article_id", flat=True))

    stored(extracted(title="Gas news", body="Nothing else."), data=b"changed", origin="in/s.txt")
    assert strong.pk not in set(listed.values_list("article_id", flat=True))
