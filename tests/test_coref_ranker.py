"""The learned ranker of pronouns' candidates (`quoteattr.rules.ranking`): its features on parsed
made-up sentences, its fitting, the shipped weights and `quoteattr train-coref`."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy
import pytest

from quoteattr.records import EntityType
from quoteattr.rules.context import DocContext
from quoteattr.rules.lexicon import load_default_lexicon
from quoteattr.rules.names import NameCluster
from quoteattr.rules.pronouns import PronounResolution
from quoteattr.rules.ranking import (
    FEATURES,
    PACKAGED,
    SPEAKER_PRIOR,
    WEIGHTS_FILE,
    PronounRanker,
    packaged_ranker,
    packaged_ranker_path,
)
from quoteattr.rules.speakers import EntityResolver
from quoteattr.training.coref import Example, Settings, accuracy, balanced, fit

REPOSITORY = Path(__file__).resolve().parents[1]
SHIPPED = REPOSITORY / "models" / "quoteattr-coref"
DATA = REPOSITORY.parent / "shared" / "data"
needs_data = pytest.mark.skipif(
    not (DATA / "gap" / "gap-development.tsv").exists() or not (DATA / "gum").is_dir(),
    reason="GAP and GUM are not beside the repository",
)


@pytest.fixture(scope="module")
def candidates(seeded_resolver):
    def run(text: str, pronoun: str) -> dict[str, dict[str, float]]:
        """Each candidate's features (by name) for the first `pronoun` of `text`."""
        doc, resolver = seeded_resolver(text)
        token = next(token for token in doc if token.text == pronoun)
        entities, features = resolver.pronoun_candidates(token.idx, token.idx + len(token.text))
        if features is None:  # one candidate: nothing to rank
            assert len(entities) < 2
            return {entity.name: {} for entity in entities}
        return {
            entity.name: dict(zip(FEATURES, row.tolist()))
            for entity, row in zip(entities, features)
        }

    return run


# Features --------------------------------------------------------------------------------------


def test_a_name_in_a_headline_and_the_share_of_the_leading_salience(candidates):
    found = candidates(
        "Dana Whitfield Wins Again\n\nMaria Costa met Dana Whitfield in Lima. Later she left.",
        "she",
    )
    dana, maria = found["Dana Whitfield"], found["Maria Costa"]
    assert (dana["headline"], maria["headline"]) == (1.0, 0.0)
    shares = sorted(candidate["salience_share"] for candidate in found.values())
    assert shares[-1] == 1.0 and 0.0 < shares[0] < 1.0


@pytest.mark.parametrize(
    "text, bound",
    [
        pytest.param(
            "Dana Whitfield fell ill. Placed under the care of Dr. Maria Costa, she recovered.",
            True,
            id="participle-controlled-by-the-pronoun",
        ),
        pytest.param(
            "Dana Whitfield fell ill. She recovered after meeting Maria Costa.",
            True,
            id="gerund-after-the-verb",
        ),
        pytest.param(
            "Dana Whitfield fell ill. After Maria Costa took over the clinic, she recovered.",
            False,
            id="near-a-clause-with-its-own-subject",
        ),
        pytest.param(
            "Dana Whitfield met Maria Costa. She said Costa had saved her life.",
            True,
            id="a-name-in-the-clause-the-subject-reports",
        ),
        pytest.param(
            "Dana Whitfield met Maria Costa. Her mother said Costa had saved her life.",
            False,
            id="near-a-possessive-commands-nothing",
        ),
        pytest.param(
            "Dana Whitfield met Maria Costa. She lost, and Costa won.",
            False,
            id="near-a-coordinated-clause",
        ),
    ],
)
def test_a_name_the_pronoun_binds_is_no_candidate(candidates, text, bound):
    """A subject pronoun binds its verb's complements after it and a participle it is the
    understood subject of; not a clause with its own subject, nor a coordinated one."""
    pronoun = next(w for w in ("she", "She", "Her") if w in text.replace(".", " ").split()[4:])
    found = candidates(text, pronoun)
    assert "Dana Whitfield" in found
    assert ("Maria Costa" not in found) is bound


def test_roles_and_distance_of_the_latest_mention(candidates):
    found = candidates(
        "Dana Whitfield met Maria Costa in Lima. Two days later, she flew home.", "she"
    )
    dana, maria = found["Dana Whitfield"], found["Maria Costa"]
    assert (dana["latest_subject"], dana["latest_object"]) == (1.0, 0.0)
    assert (maria["latest_subject"], maria["latest_object"]) == (0.0, 1.0)
    assert dana["parallel"] == 1.0 and maria["parallel"] == 0.0  # "she" is a subject too
    assert dana["latest_one_back"] == maria["latest_one_back"] == 1.0
    assert maria["nearest"] == 1.0 and dana["nearest"] == 0.0
    assert dana["first_entity"] == 1.0 and maria["first_entity"] == 0.0
    assert dana["hand_set_first"] == 1.0  # the subject is the more salient


def test_clause_subjects_of_a_possessive(candidates):
    found = candidates("Maria Costa hired a coach. Dana Whitfield lost her seat in May.", "her")
    dana, maria = found["Dana Whitfield"], found["Maria Costa"]
    assert dana["clause_subject"] == dana["possessive_clause_subject"] == 1.0
    assert maria["clause_subject"] == maria["possessive_clause_subject"] == 0.0
    assert dana["latest_in_sentence"] == 1.0 and maria["latest_in_sentence"] == 0.0


def test_the_subject_of_the_clause_above(candidates):
    found = candidates("Maria Costa met Dana Whitfield, who said that she would run.", "she")
    assert found["Dana Whitfield"]["governing_subject"] == 0.0  # "who" is the subject above
    found = candidates("Maria Costa hired a coach. Dana Whitfield said that she would run.", "she")
    assert found["Dana Whitfield"]["governing_subject"] == 1.0
    assert found["Maria Costa"]["governing_subject"] == 0.0


def test_the_subject_of_the_previous_sentence(candidates):
    found = candidates(
        "Tom Reed spoke first on Monday. Alan Brooks thanked him. Then he left.", "he"
    )
    assert found["Alan Brooks"]["previous_main_subject"] == 1.0
    assert found["Tom Reed"]["previous_main_subject"] == 0.0  # "him" is no subject
    assert found["Tom Reed"]["nearest"] == 1.0  # but "him" is the nearest mention


def test_a_fronted_phrase_and_its_clause_subject(candidates):
    found = candidates(
        "Maria Costa hired a coach. After her return from Lima, Dana Whitfield joined the board.",
        "her",
    )
    assert found["Dana Whitfield"]["fronted_subject"] == 1.0
    assert found["Maria Costa"]["fronted_subject"] == 0.0


def test_a_name_in_a_list(candidates):
    found = candidates(
        "Dana Whitfield sang in Rome. Critics compared Whitfield to Maria Costa and Ann Lowe. "
        "Later her tour began.",
        "her",
    )
    assert found["Ann Lowe"]["latest_in_list"] == 1.0  # the last of "Costa and Lowe"
    assert found["Maria Costa"]["latest_in_list"] == 1.0
    assert found["Dana Whitfield"]["latest_in_list"] == 0.0
    found = candidates(
        "Dana Whitfield sang in Rome. Critics compared Whitfield to Ann Lowe. Later her tour began.",
        "her",
    )
    assert found["Ann Lowe"]["latest_in_list"] == 0.0


def test_gender_evidence(candidates):
    found = candidates("Giulia Okafor met Ngozi Brenner in Rome. Later she signed.", "she")
    assert found["Giulia Okafor"]["gender_by_name"] == 1.0  # a first name on the list
    assert found["Ngozi Brenner"]["gender_by_name"] == 0.0  # none known
    assert "Tobias Brenner" not in candidates(
        "Giulia Okafor met Tobias Brenner in Rome. Later she signed.", "she"
    )  # the hard constraint: a man is no candidate for "she"


def test_mixed_gender_evidence_rules_no_one_out(candidates):
    """A title and a first name of both genders (an apposition's "Sir", a relative taken into
    the cluster) tell no gender to pass a person over by."""
    found = candidates(
        "Tom Reed met Ann Kessler, daughter of Sir Roger Kessler, at the bank. "
        "Later her board hired him.",
        "her",
    )
    assert "Ann Kessler" in found
    family = NameCluster(
        0,
        names=dict.fromkeys([("dana", "harmon"), ("harmon",), ("walter", "james", "harmon")]),
        labels=Counter({"PERSON": 2}),
    )
    walter = NameCluster(1, names={("walter", "james", "harmon"): None}, labels=Counter(PERSON=2))
    person = {EntityType.PERSON}
    assert PronounResolution._may_refer(family, person, "female")
    assert PronounResolution._may_refer(family, person, "male")
    assert not PronounResolution._may_refer(walter, person, "female")
    family.pronoun_gender = "male"  # a linked "he" still rules out "she"
    assert not PronounResolution._may_refer(family, person, "female")


# The ranker ------------------------------------------------------------------------------------


def test_the_shipped_ranker_weighs_a_recent_speaker_by_hand():
    """No training example has an attributed speaker, so the weight is the hand-set prior."""
    weights = dict(zip(FEATURES, packaged_ranker().weights.tolist()))
    assert weights["speaker"] == SPEAKER_PRIOR > 0


def test_a_tie_goes_to_the_hand_set_order():
    assert PronounRanker(numpy.zeros(len(FEATURES))).best(numpy.eye(3, len(FEATURES))) == 0


def test_weights_round_trip_and_refuse_other_features(tmp_path):
    weights = numpy.linspace(-1, 1, len(FEATURES))
    PronounRanker(weights).to_disk(tmp_path)
    assert numpy.allclose(PronounRanker.from_disk(tmp_path).weights, weights)
    data = json.loads((tmp_path / WEIGHTS_FILE).read_text())
    data["features"].pop(FEATURES[0])
    (tmp_path / WEIGHTS_FILE).write_text(json.dumps(data))
    with pytest.raises(ValueError, match="other features"):
        PronounRanker.from_disk(tmp_path)


def test_balanced_corpora_weigh_alike_and_fit_follows_the_weights():
    rows = numpy.eye(2, len(FEATURES))
    big = [Example(rows, 0) for _ in range(6)]  # feature 0 marks the gold candidate
    small = [Example(rows, 1) for _ in range(2)]  # feature 1 does
    weighted = balanced(big, small)
    assert [e.weight for e in weighted] == [1.0] * 6 + [3.0] * 2
    plain, _ = fit(big + small, Settings(epochs=200))
    even, _ = fit(weighted, Settings(epochs=200))
    assert plain[0] > plain[1] and even[0] == pytest.approx(even[1])


def test_fit_learns_the_feature_that_tells_the_gold_candidate():
    rng = numpy.random.default_rng(0)
    examples = []
    for _ in range(200):
        features = rng.normal(size=(3, len(FEATURES)))
        gold = int(rng.integers(3))
        features[:, 5] = 0.0
        features[gold, 5] = 1.0  # only this feature marks the gold candidate
        examples.append(Example(features, gold))
    weights, loss = fit(examples, Settings(epochs=300))
    assert accuracy(weights, examples) == 1.0
    assert numpy.argmax(numpy.abs(weights)) == 5 and weights[5] > 0
    again, _ = fit(examples, Settings(epochs=300))
    assert numpy.array_equal(weights, again)  # deterministic


def test_the_shipped_ranker_loads_and_beat_the_hand_set_order_on_gap_validation(nlp):
    assert packaged_ranker_path() == SHIPPED
    assert packaged_ranker() is not None
    context = DocContext.build(nlp("Dana Whitfield left."), load_default_lexicon())
    assert EntityResolver(context).ranker is packaged_ranker()  # the pipeline's order
    assert EntityResolver(context, PACKAGED).ranker is packaged_ranker()
    assert EntityResolver(context, None).ranker is None  # the hand-set order
    validation = json.loads((SHIPPED / "meta.json").read_text())["validation"]
    assert validation["ranker"]["overall"] > validation["hand_set"]["overall"]
    card = (SHIPPED / "README.md").read_text()
    assert f"| ranker | {100 * validation['ranker']['masculine']:.1f} |" in card


# quoteattr train-coref -------------------------------------------------------------------------


def _train(output: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "quoteattr",
            "train-coref",
            "--gap",
            str(DATA / "gap" / "gap-development.tsv"),
            "--output",
            str(output),
            *arguments,
        ],
        capture_output=True,
        check=False,
        text=True,
        timeout=1800,
    )


@needs_data
def test_train_coref_writes_a_ranker_and_is_deterministic(tmp_path):
    arguments = ("--gum", str(DATA / "gum" / "dev.jsonl"), "--limit", "40")
    first = _train(tmp_path / "a", *arguments)
    assert first.returncode == 0, first.stderr
    for name in (WEIGHTS_FILE, "meta.json", "README.md"):
        assert (tmp_path / "a" / name).is_file(), name
    meta = json.loads((tmp_path / "a" / "meta.json").read_text())
    assert meta["data"]["gap"]["examples"] > 10 and meta["data"]["gum"]["examples"] > 10
    assert "validation" not in meta
    again = _train(tmp_path / "b", *arguments)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "a" / WEIGHTS_FILE).read_bytes() == (
        tmp_path / "b" / WEIGHTS_FILE
    ).read_bytes()
    assert PronounRanker.from_disk(tmp_path / "a").weights.shape == (len(FEATURES),)


@pytest.mark.slow
@needs_data
def test_retraining_reproduces_the_shipped_ranker(tmp_path):
    """The model card's command, run from this checkout, gives the shipped weights again and the
    validation scores of its meta."""
    completed = _train(
        tmp_path / "model",
        "--gum",
        str(DATA / "gum" / "train.jsonl"),
        "--validation",
        str(DATA / "gap" / "gap-validation.tsv"),
    )
    assert completed.returncode == 0, completed.stderr
    retrained = PronounRanker.from_disk(tmp_path / "model")
    assert numpy.allclose(retrained.weights, PronounRanker.from_disk(SHIPPED).weights, atol=1e-5)
    new = json.loads((tmp_path / "model" / "meta.json").read_text())
    old = json.loads((SHIPPED / "meta.json").read_text())
    assert new["validation"] == old["validation"]
    assert new["data"] == old["data"]
