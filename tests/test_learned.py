"""The trained attribution scorer: its model (pure logic), the shipped model in the pipeline, and
`quoteattr train` (real data from ../shared)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy
import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

import quoteattr
from quoteattr import Category
from quoteattr.api import load
from quoteattr.intervals import Coverage
from quoteattr.model.features import FEATURE_VERSION, N_FEATURES, hash_features
from quoteattr.model.frames import find_candidates, is_heading
from quoteattr.model.scorer import (
    SETTINGS_FILE,
    WEIGHTS_FILE,
    AttributionScorer,
    packaged_model_path,
)
from quoteattr.rules.attribute import rule_attributions
from quoteattr.rules.context import DocContext
from quoteattr.rules.lexicon import load_default_lexicon
from quoteattr.rules.morphology import stem
from quoteattr.training.fit import fit_scorer
from quoteattr.training.train import LabelledCandidates, choose_thresholds

REPOSITORY = Path(__file__).resolve().parents[1]
SHIPPED = REPOSITORY / "models" / "quoteattr-polnear"
SPEAKER_TOLERANCE = 0.005  # how far below the rules' the model's speaker accuracy may be
POLNEAR = REPOSITORY.parent / "shared" / "data" / "polnear"
needs_polnear = pytest.mark.skipif(
    not (POLNEAR / "train.jsonl").exists(), reason="PolNeAR is not beside the repository"
)

# A stance with no speech or writing verb: the rules have no cue for it.
STANCE = "Senator Maria Lopez strongly opposes the new pipeline plan.\n"


# The model ---------------------------------------------------------------------------------------


def test_features_hash_to_the_same_indices_in_every_process():
    rows = [["a", "b"], [], ["a"]]
    indices, offsets = hash_features(rows)
    assert offsets.tolist() == [0, 2, 2, 3]
    assert indices[0] == indices[2]
    assert ((0 <= indices) & (indices < N_FEATURES)).all()
    script = "from quoteattr.model.features import hash_features; print(hash_features([['a', 'b']])[0].tolist())"
    other = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert json.loads(other.stdout) == indices[:2].tolist()


def test_a_candidate_without_features_scores_one_half():
    scorer = AttributionScorer(numpy.ones(N_FEATURES, dtype=numpy.float32))
    probabilities = scorer.probabilities([["x"], [], ["x", "y"]])
    assert probabilities[1] == pytest.approx(0.5)
    assert probabilities[0] < probabilities[2]


def test_fit_learns_which_features_mark_an_attribution_and_is_seeded():
    rows = [["bias", "cue=oppose"], ["bias", "cue=eat"]] * 500
    labels = [True, False] * 500
    first = fit_scorer(rows, labels, seed=3)
    right, wrong = first.probabilities([["bias", "cue=oppose"], ["bias", "cue=eat"]])
    assert right > 0.9 and wrong < 0.1
    assert numpy.array_equal(first.weights, fit_scorer(rows, labels, seed=3).weights)


def test_scorer_round_trips_through_disk(tmp_path):
    scorer = fit_scorer([["a"], ["b"]], [True, False])
    scorer.add_threshold, scorer.drop_threshold = 0.55, 0.15
    scorer.to_disk(tmp_path)
    loaded = AttributionScorer.from_disk(tmp_path)
    assert numpy.array_equal(loaded.weights, scorer.weights)
    assert (loaded.add_threshold, loaded.drop_threshold) == (0.55, 0.15)


def test_missing_or_outdated_model_files_are_explained(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"\[E007\].*quoteattr train"):
        AttributionScorer.from_disk(tmp_path)
    AttributionScorer(numpy.zeros(N_FEATURES, dtype=numpy.float32)).to_disk(tmp_path)
    settings = json.loads((tmp_path / SETTINGS_FILE).read_text())
    settings["feature_version"] = FEATURE_VERSION + 1
    (tmp_path / SETTINGS_FILE).write_text(json.dumps(settings))
    with pytest.raises(ValueError, match=r"\[E008\]"):
        AttributionScorer.from_disk(tmp_path)


def test_stem_uses_the_lexicon_then_strips_regular_endings():
    lexicon = load_default_lexicon()
    assert stem("Said", lexicon) == "say"
    assert [
        stem(word, lexicon) for word in ("opposes", "wanted", "backing", "worries", "plan")
    ] == [
        "oppos",
        "want",
        "back",
        "worry",
        "plan",
    ]


SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda s: (s[0], s[0] + s[1])),
    max_size=10,
)


@given(spans=SPANS, piece=st.tuples(st.integers(0, 60), st.integers(1, 15)))
def test_coverage_answers_as_a_scan_of_every_span_would(spans, piece):
    coverage = Coverage(spans)
    for char in range(80):
        assert coverage.covers(char) == any(start <= char < end for start, end in spans)
    start, end = piece[0], piece[0] + piece[1]
    covered = sum(any(a <= char < b for a, b in spans) for char in range(start, end))
    assert coverage.share_of([(start, end)]) == pytest.approx(covered / (end - start))


@pytest.mark.parametrize(
    ("paragraph", "heading"),
    [
        ("Putin congratulates China at its 75th anniversary", True),
        ("Putin congratulated China on its anniversary.", False),
        ('He said: "We will win"', False),
        (" ".join(["word"] * 25), False),
    ],
)
def test_headings_are_short_paragraphs_without_final_punctuation(paragraph, heading):
    assert is_heading(paragraph, 0, len(paragraph)) is heading


def test_thresholds_maximise_f1_over_held_out_scores():
    # Two right rule attributions, one wrong; frames: right at 0.9 and 0.6, wrong at 0.7 and 0.3.
    data = LabelledCandidates(
        rows=[[]] * 7,
        labels=numpy.array([1, 1, 0, 1, 1, 0, 0], bool),
        is_frame=numpy.array([0, 0, 0, 1, 1, 1, 1], bool),
        eligible=numpy.array([1, 1, 1, 1, 1, 1, 1], bool),
        document=numpy.zeros(7, int),
        gold=5,
    )
    probabilities = numpy.array([0.9, 0.8, 0.1, 0.9, 0.6, 0.7, 0.3])
    add, drop, f1 = choose_thresholds(data, probabilities)
    # Best: drop the improbable rule one (p 0.1) and add the frames from 0.6 on: 4 right of 5
    # kept, against 5 gold: F1 = 2 * 4 / (5 + 5).
    assert f1 == pytest.approx(0.8)
    assert 0.1 < drop <= 0.4 and 0.3 < add <= 0.6


# The shipped model in the pipeline ---------------------------------------------------------------


def test_the_shipped_model_is_found_and_used_by_default():
    assert packaged_model_path() == SHIPPED
    default = load().get_pipe("quoteattr").attribution_model
    assert default is not None and numpy.array_equal(
        default.weights, numpy.load(SHIPPED / WEIGHTS_FILE)
    )
    assert load(trained=False).get_pipe("quoteattr").attribution_model is None
    chosen = load(trained=SHIPPED).get_pipe("quoteattr").attribution_model
    assert numpy.array_equal(chosen.weights, numpy.load(SHIPPED / WEIGHTS_FILE))


def test_a_stance_is_attributed_by_the_model_and_not_by_the_rules():
    (quote,) = quoteattr.extract(STANCE, categories="all").quotes
    assert quote.cue.text == "opposes"
    assert quote.text == "the new pipeline plan"
    assert quote.speaker.name == "Maria Lopez"
    assert quote.category is Category.STANCE
    assert quoteattr.extract(STANCE).quotes == ()  # not a statement: not asked for by default
    assert quoteattr.extract(STANCE, nlp=load(trained=False), categories="all").quotes == ()


def test_a_frame_cue_has_the_pipelines_lemma_else_its_lower_case_form():
    found = quoteattr.extract(STANCE, categories="all").quotes
    assert [quote.cue.lemma for quote in found] == ["opposes"]
    found = quoteattr.extract(STANCE, nlp=load(minimal=False), categories="all").quotes
    assert [quote.cue.lemma for quote in found] == ["oppose"]


@pytest.mark.parametrize(
    ("reported", "not_reported"),
    [
        # a headline states the news
        (
            "Lopez opposes the pipeline plan.\nThe vote is on Monday.\n",
            "Lopez opposes the pipeline plan\nThe vote is on Monday.\n",
        ),
        # a stance inside a report is part of it
        (STANCE, "Senator Maria Lopez said she strongly opposes the new pipeline plan.\n"),
    ],
)
def test_a_frame_is_reported_only_as_a_report_of_its_own(reported, not_reported):
    frame = quoteattr.extract(reported, categories="all").quotes[0].cue.text
    assert quoteattr.extract(reported, nlp=load(trained=False), categories="all").quotes == ()
    found = quoteattr.extract(not_reported, categories="all").quotes
    assert frame not in [quote.cue.text for quote in found if quote.cue]
    by_rules = quoteattr.extract(not_reported, nlp=load(trained=False), categories="all").quotes
    assert _attributions(found) == _attributions(by_rules)  # the confidence may differ


def _attributions(quotes):
    return [(quote.text, quote.cue, quote.speaker, quote.category) for quote in quotes]


@pytest.mark.parametrize(
    "text",
    [
        # the setting of a report, or a plain act, reports nothing
        "Senator Maria Lopez addressed a crowd of farmers on the new pipeline plan.\n",
        "The charity runs two clinics in the north of the city.\n",
        "Senator Maria Lopez began to cry when the plan was read out.\n",
    ],
)
def test_an_act_that_reports_nothing_is_no_record(text):
    assert quoteattr.extract(text, categories="all").quotes == ()


@pytest.mark.parametrize("verb", ["seems", "appears"])
def test_the_subject_of_a_raising_verb_is_no_speaker(verb):
    nlp = load()
    text = f"Senator Maria Lopez {verb} to oppose the new pipeline plan.\n"
    doc = nlp(text)
    lexicon = nlp.get_pipe("quoteattr").lexicon
    context = DocContext.build(doc, lexicon)
    candidates = find_candidates(context, rule_attributions(context))
    (raising,) = [
        c for c in candidates if c.origin == "frame" and doc[c.attribution.cue[0]].text == verb
    ]
    assert raising.attribution.speaker is None and not raising.eligible


def test_the_model_is_saved_and_loaded_with_the_pipeline(tmp_path):
    nlp = load()
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "quoteattr" / "attribution_model" / WEIGHTS_FILE).is_file()
    reloaded = spacy.load(tmp_path / "pipeline")
    assert numpy.array_equal(
        reloaded.get_pipe("quoteattr").attribution_model.weights,
        nlp.get_pipe("quoteattr").attribution_model.weights,
    )
    assert quoteattr.extract(STANCE, nlp=reloaded) == quoteattr.extract(STANCE, nlp=nlp)


def test_the_model_travels_in_the_pipeline_bytes():
    nlp = load()
    data = nlp.to_bytes()
    rules = quoteattr.api.load_base(exclude=("lemmatizer", "attribute_ruler"))
    quoteattr.api.add_components(rules, trained=False)
    rules.from_bytes(data)
    assert numpy.array_equal(
        rules.get_pipe("quoteattr").attribution_model.weights,
        nlp.get_pipe("quoteattr").attribution_model.weights,
    )
    assert quoteattr.extract(STANCE, nlp=rules) == quoteattr.extract(STANCE, nlp=nlp)


def test_add_pipe_takes_the_shipped_model_or_none():
    nlp = quoteattr.api.load_base(exclude=("lemmatizer", "attribute_ruler"))
    nlp.add_pipe("quoteattr", config={"attribution_model": None})
    assert nlp.get_pipe("quoteattr").attribution_model is None
    nlp.remove_pipe("quoteattr")
    nlp.add_pipe("quoteattr")
    added = nlp.get_pipe("quoteattr").attribution_model
    assert added is not None and numpy.array_equal(
        added.weights, numpy.load(SHIPPED / WEIGHTS_FILE)
    )


def test_the_model_card_agrees_with_the_meta():
    meta = json.loads((SHIPPED / "meta.json").read_text())
    card = (SHIPPED / "README.md").read_text()
    dev = meta["dev"]
    assert (
        f"| trained | {100 * dev['trained']['measures']['overlap>0.3']['precision']:.1f} |" in card
    )
    assert f"add a frame from p >= {meta['thresholds']['add']}" in card
    settings = json.loads((SHIPPED / SETTINGS_FILE).read_text())
    assert settings["add_threshold"] == meta["thresholds"]["add"]
    assert settings["feature_version"] == FEATURE_VERSION


def test_the_shipped_model_beats_the_rules_as_its_meta_reports():
    """What makes it the default (issue 7): +3 points of overlap>0.3 F1 on PolNeAR dev, and
    speaker accuracy within half a point of the rules'. (The model adds some 180 open-class
    records, thoughts and stances, whose speakers are a little less often right than the rules'
    own; it was "not lower" until the rules' relative-clause speakers got better.) The numbers
    are the training run's; `test_retraining_reproduces_the_shipped_model` checks that they can
    be had again."""
    dev = json.loads((SHIPPED / "meta.json").read_text())["dev"]
    rules, trained = dev["rules"], dev["trained"]
    assert trained["measures"]["overlap>0.3"]["f1"] >= rules["measures"]["overlap>0.3"]["f1"] + 0.03
    assert trained["speaker"] >= rules["speaker"] - SPEAKER_TOLERANCE


# quoteattr train -----------------------------------------------------------------------------------


def _train(output: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "quoteattr",
            "train",
            str(POLNEAR / "train.jsonl"),
            "--output",
            str(output),
            *arguments,
        ],
        capture_output=True,
        check=False,
        text=True,
        timeout=1800,
    )


@needs_polnear
def test_train_writes_a_model_the_pipeline_loads_and_is_seeded(tmp_path):
    first = _train(tmp_path / "a", "--limit", "15", "--folds", "3")
    assert first.returncode == 0, first.stderr
    for name in (WEIGHTS_FILE, SETTINGS_FILE, "meta.json", "config.cfg", "README.md"):
        assert (tmp_path / "a" / name).is_file(), name
    meta = json.loads((tmp_path / "a" / "meta.json").read_text())
    assert meta["data"]["articles"] == 15 and meta["settings"]["folds"] == 3
    assert "dev" not in meta
    again = _train(tmp_path / "b", "--limit", "15", "--folds", "3")
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "a" / WEIGHTS_FILE).read_bytes() == (
        tmp_path / "b" / WEIGHTS_FILE
    ).read_bytes()
    nlp = load(trained=tmp_path / "a")
    assert quoteattr.extract(STANCE, nlp=nlp).text == STANCE


def test_train_refuses_data_without_attributions(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text(
        json.dumps({"doc_id": "x", "text": "Nothing is said here.", "attributions": []}) + "\n"
    )
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "quoteattr",
            "train",
            str(empty),
            "--output",
            str(tmp_path / "model"),
        ],
        capture_output=True,
        check=False,
        text=True,
    )
    assert completed.returncode == 1
    assert "no usable training data" in completed.stderr
    assert not (tmp_path / "model").exists()


@pytest.mark.slow
@needs_polnear
def test_retraining_reproduces_the_shipped_model(tmp_path):
    """The model card's command, run from this checkout, gives the shipped model again (the same
    thresholds and weights, up to float rounding) and the dev scores of its meta within a point."""
    completed = _train(tmp_path / "model", "--dev", str(POLNEAR / "dev.jsonl"), "--n-process", "2")
    assert completed.returncode == 0, completed.stderr
    retrained = AttributionScorer.from_disk(tmp_path / "model")
    shipped = AttributionScorer.from_disk(SHIPPED)
    assert (retrained.add_threshold, retrained.drop_threshold) == (
        shipped.add_threshold,
        shipped.drop_threshold,
    )
    assert numpy.allclose(retrained.weights, shipped.weights, atol=1e-3)
    new = json.loads((tmp_path / "model" / "meta.json").read_text())["dev"]["trained"]
    old = json.loads((SHIPPED / "meta.json").read_text())["dev"]["trained"]
    for what in ("speaker", "cue"):
        assert abs(new[what] - old[what]) <= 0.01
    for name, scores in old["measures"].items():
        assert abs(new["measures"][name]["f1"] - scores["f1"]) <= 0.01, name


def test_a_relative_pronoun_is_the_speakers_mention_in_training_labels():
    """PolNeAR names "who" the source of "Hale, who said ..."; a candidate whose speaker is Hale
    and whose relative pronoun is that "who" is right, not a wrong speaker."""
    from quoteattr.model.frames import Candidate
    from quoteattr.rules.candidates import Attribution
    from quoteattr.training.train import is_right

    text = "Obama met Hale , who said the plan was dead ."
    doc = spacy.blank("en")(text)
    content = ((doc[7].idx, doc[10].idx + len(doc[10].text)),)
    gold = [(content, (), ((doc[5].idx, doc[5].idx + 3),))]
    attribution = Attribution(content=list(content), cue=(6, 7), speaker=(3, 4))
    assert not is_right(Candidate(attribution, "rule", []), doc, gold)
    attribution.relative_pronoun = (5, 6)
    assert is_right(Candidate(attribution, "rule", []), doc, gold)
