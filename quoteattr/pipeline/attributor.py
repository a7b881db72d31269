"""The `quoteattr` component: finds quotes, cues, speakers, addressees, sources and hedges after the
NER.

Annotations are stored as primitives in `doc.user_data` and as span groups (quotes, cues, speakers,
linked by `span.id`), so they survive DocBin, pickling and `n_process`. Constructing the component
reads no file: the packaged lexicon and trained model are loaded by `initialize()`, or on first use
when neither `initialize()` nor `from_disk()` gave them.
"""

# No `from __future__ import annotations`: spaCy validates `initialize` settings by its annotations.
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Union

import attrs
import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import from_bytes, from_disk, to_bytes, to_disk

from ..extensions import USER_DATA_KEY, register_extensions
from ..model.scorer import SETTINGS_FILE, AttributionScorer, packaged_model_path
from ..records import DocumentEntity, Quote
from ..rules.lexicon import CueLexicon, load_default_lexicon
from ..selection import (
    DEFAULT_CATEGORIES,
    CategoriesSetting,
    check_min_confidence,
    is_selected,
    parse_categories,
)
from . import registry  # noqa: F401  (the default scorer, quoteattr.quotes_scorer.v1)
from .abbreviations import keep_abbreviations
from .scoring import DEFAULT_SPANS_KEY

DEFAULT_CUES_KEY = "quoteattr_cues"
DEFAULT_SPEAKERS_KEY = "quoteattr_speakers"
CUE_LABEL = "CUE"
SPEAKER_LABEL = "SPEAKER"
LEXICON_FIELDS = tuple(field.name for field in attrs.fields(CueLexicon))
DEFAULT_CONFIG: dict[str, Any] = {
    "lexicon": None,
    "attribution_model": True,
    "spans_key": DEFAULT_SPANS_KEY,
    "cues_key": DEFAULT_CUES_KEY,
    "speakers_key": DEFAULT_SPEAKERS_KEY,
    "extensions": True,
    "categories": list(DEFAULT_CATEGORIES),
    "min_confidence": 0.0,
    "scorer": {"@scorers": "quoteattr.quotes_scorer.v1"},
}
DEFAULT_SCORE_WEIGHTS = {
    f"{DEFAULT_SPANS_KEY}_f": 1.0,
    f"{DEFAULT_SPANS_KEY}_p": 0.0,
    f"{DEFAULT_SPANS_KEY}_r": 0.0,
    f"{DEFAULT_SPANS_KEY}_per_type": None,
}
_PACKAGED = object()  # not loaded yet: the packaged lexicon or model, on first use


@Language.factory(
    "quoteattr",
    assigns=["doc.spans", "doc.user_data"],
    requires=["token.dep", "token.tag", "doc.ents"],
    default_config=DEFAULT_CONFIG,
    default_score_weights=DEFAULT_SCORE_WEIGHTS,
)
def make_quote_attributor(
    nlp: Language,
    name: str,
    lexicon: Optional[CueLexicon],
    attribution_model: Union[AttributionScorer, bool, None],
    spans_key: str,
    cues_key: str,
    speakers_key: str,
    extensions: Union[bool, Dict[str, str]],
    categories: Union[str, List[str]],
    min_confidence: float,
    scorer: Optional[Callable],
) -> "QuoteAttributor":
    # Speakers' ranks ("Sgt.") must reach the parser whole, however the component is added.
    keep_abbreviations(nlp)
    return QuoteAttributor(
        nlp.vocab,
        name=name,
        lexicon=lexicon,
        attribution_model=attribution_model,
        spans_key=spans_key,
        cues_key=cues_key,
        speakers_key=speakers_key,
        extensions=extensions,
        categories=categories,
        min_confidence=min_confidence,
        scorer=scorer,
    )


class QuoteAttributor(Pipe):
    """Finds quotes, cues, speakers, addressees, sources and hedges, and resolves the entities.

    Args:
        vocab (Vocab): the pipeline's vocab.
        name (str): the component name.
        lexicon (CueLexicon | None): the cues to look for; None: the packaged English lexicon,
            loaded by `initialize()` or on first use.
        attribution_model (AttributionScorer | bool | None): the trained model that adds
            open-class attributions to the rules' and drops improbable ones; True: the model
            shipped with quoteattr (the rules alone if it is missing), loaded by `initialize()` or
            on first use; False or None: the rules alone.
        spans_key (str): the span group of the quotes (labels DIRECT, INDIRECT, MIXED).
        cues_key (str): the span group of the cues (label CUE).
        speakers_key (str): the span group of the speakers' mentions (label SPEAKER).
        extensions (bool | dict): register `Doc._.quotes`, `Doc._.quote_entities` and
            `Doc._.quote_result` (True), under other names where a table gives them
            ({"quotes": "qa_quotes"}), or not at all (False).
        categories (str | list[str]): the categories of the records written: "statement" (the
            default: what was said or written), "thought", "stance", several, or "all". A call
            may choose others: `nlp(text, component_cfg={"quoteattr": {"categories": "all"}})`.
        min_confidence (float): records below this confidence are not written (0: all); a call
            may choose another, as for `categories`.
        scorer (Callable | None): the scoring function of `score()`.
    """

    def __init__(
        self,
        vocab: Any,
        *,
        name: str = "quoteattr",
        lexicon: CueLexicon | None = None,
        attribution_model: AttributionScorer | bool | None = True,
        spans_key: str = DEFAULT_SPANS_KEY,
        cues_key: str = DEFAULT_CUES_KEY,
        speakers_key: str = DEFAULT_SPEAKERS_KEY,
        extensions: bool | dict[str, str] = True,
        categories: CategoriesSetting = DEFAULT_CATEGORIES,
        min_confidence: float = 0.0,
        scorer: Callable | None = None,
    ) -> None:
        self.vocab = vocab
        self.name = name
        self._lexicon: Any = _PACKAGED if lexicon is None else lexicon
        if attribution_model is True:
            self._attribution_model: Any = _PACKAGED
        else:
            self._attribution_model = attribution_model or None
        self.spans_key = spans_key
        self.cues_key = cues_key
        self.speakers_key = speakers_key
        self.extensions = extensions
        self.categories = parse_categories(categories)
        self.min_confidence = check_min_confidence(min_confidence)
        self.scorer = scorer
        if extensions:
            register_extensions(None if extensions is True else extensions)

    @property
    def lexicon(self) -> CueLexicon:
        if self._lexicon is _PACKAGED:
            self._lexicon = load_default_lexicon()
        return self._lexicon

    @lexicon.setter
    def lexicon(self, value: CueLexicon) -> None:
        self._lexicon = value

    @property
    def attribution_model(self) -> AttributionScorer | None:
        if self._attribution_model is _PACKAGED:
            path = packaged_model_path()
            self._attribution_model = None if path is None else AttributionScorer.from_disk(path)
        return self._attribution_model

    @attribution_model.setter
    def attribution_model(self, value: AttributionScorer | None) -> None:
        self._attribution_model = value

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon: dict[str, Any] | CueLexicon | None = None,
        attribution_model: str | Path | AttributionScorer | None = None,
    ) -> None:
        """Give the component its data (from `[initialize.components.quoteattr]`), or load the
        packaged lexicon and model now if none was given.

        Args:
            get_examples (Callable | None): not used: nothing is trained here.
            nlp (Language | None): the pipeline.
            lexicon (dict | CueLexicon | None): the lexicon, as the data of `en_cues.json` (e.g.
                read by `srsly.read_json.v1`) or built.
            attribution_model (str | Path | AttributionScorer | None): a model, or the directory
                `quoteattr train` wrote it to.
        """
        if lexicon is not None:
            self.lexicon = (
                lexicon if isinstance(lexicon, CueLexicon) else CueLexicon.from_dict(lexicon)
            )
        if attribution_model is not None:
            if not isinstance(attribution_model, AttributionScorer):
                attribution_model = AttributionScorer.from_disk(attribution_model)
            self.attribution_model = attribution_model
        self.lexicon, self.attribution_model  # noqa: B018  (the packaged ones, loaded now)

    def __call__(
        self,
        doc: Doc,
        *,
        categories: CategoriesSetting | None = None,
        min_confidence: float | None = None,
    ) -> Doc:
        """Annotate `doc` with the records of the categories and confidence asked for (the
        component's settings unless given here)."""
        chosen = self.categories if categories is None else parse_categories(categories)
        lowest = (
            self.min_confidence if min_confidence is None else check_min_confidence(min_confidence)
        )
        error_handler = self.get_error_handler()
        try:
            quotes, entities = self.attribute(doc)
            quotes = [quote for quote in quotes if is_selected(quote, chosen, lowest)]
            self.set_annotations(doc, quotes, entities)
            return doc
        except Exception as error:
            error_handler(self.name, self, [doc], error)
            return doc  # unannotated: the handler chose to go on

    def pipe(
        self,
        stream: Iterable[Doc],
        *,
        batch_size: int = 128,
        categories: CategoriesSetting | None = None,
        min_confidence: float | None = None,
    ) -> Iterator[Doc]:
        """`__call__` on each Doc (`batch_size` is not used: Docs are taken one at a time)."""
        for doc in stream:
            yield self(doc, categories=categories, min_confidence=min_confidence)

    def attribute(self, doc: Doc) -> tuple[list[Quote], list[DocumentEntity]]:
        """Compute the records for `doc` without writing anything."""
        if not doc.has_annotation("DEP"):
            return [], []
        from .building import build_records  # the rules read their word lists when first imported

        return build_records(doc, self.lexicon, self.attribution_model)

    def set_annotations(
        self, doc: Doc, quotes: list[Quote], entities: list[DocumentEntity]
    ) -> None:
        """Write the records to `doc.user_data` and the span groups; a quote's span, its cue's and
        its speaker's carry the quote's index in `doc._.quotes` as `span.id`."""
        doc.user_data[USER_DATA_KEY] = {
            "quotes": [quote.to_dict() for quote in quotes],
            "entities": [entity.to_dict() for entity in entities],
        }
        spans, cues, speakers = [], [], []
        for index, quote in enumerate(quotes):
            span = doc.char_span(
                quote.start,
                quote.end,
                label=quote.kind.name,
                alignment_mode="expand",
                span_id=index,
            )
            if span is None:
                continue
            spans.append(span)
            if quote.cue is not None:
                cue = doc.char_span(
                    quote.cue.start,
                    quote.cue.end,
                    label=CUE_LABEL,
                    alignment_mode="expand",
                    span_id=index,
                )
                if cue is not None:
                    cues.append(cue)
            mention = None if quote.speaker is None else quote.speaker.mention
            if mention is not None:
                speaker = doc.char_span(
                    mention.start,
                    mention.end,
                    label=SPEAKER_LABEL,
                    alignment_mode="expand",
                    span_id=index,
                )
                if speaker is not None:
                    speakers.append(speaker)
        doc.spans[self.spans_key] = spans
        doc.spans[self.cues_key] = cues
        doc.spans[self.speakers_key] = speakers

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """Precision, recall and F of the quote span group (`{spans_key}_p`, `_r`, `_f`,
        `_per_type`)."""
        if self.scorer is None:
            return {}
        return self.scorer(examples, spans_key=self.spans_key, **kwargs)

    # Serialization: the lexicon's tables and the trained model travel with the pipeline.

    def _lexicon_data(self) -> dict[str, Any]:
        data = {}
        for key in LEXICON_FIELDS:
            value = getattr(self.lexicon, key)
            data[key] = sorted(value) if isinstance(value, frozenset) else value
        return data

    def _set_lexicon_data(self, data: dict[str, Any]) -> None:
        tables: dict[str, Any] = {}
        for key in LEXICON_FIELDS:
            if key not in data:  # saved before the table existed: its default
                continue
            value = data[key]
            if key == "phrases":
                value = tuple((tuple(words), relation) for words, relation in value)
            elif key == "infinitive_after_preposition":
                value = {verb: tuple(words) for verb, words in value.items()}
            elif isinstance(value, list):
                value = frozenset(value)
            tables[key] = value
        self.lexicon = CueLexicon(**tables)

    def _cfg(self) -> dict[str, Any]:
        return {"attribution_model": self.attribution_model is not None}

    def _model_from_cfg(self, cfg: dict[str, Any]) -> None:
        if not cfg["attribution_model"]:
            self.attribution_model = None

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the lexicon's tables (`lexicon.json`) and the trained model
        (`attribution_model/`)."""
        model = self.attribution_model
        serializers: dict[str, Callable[[Path], Any]] = {
            "cfg": lambda p: srsly.write_json(p, self._cfg()),
            "lexicon": lambda p: srsly.write_json(p.with_suffix(".json"), self._lexicon_data()),
        }
        if model is not None:
            serializers["attribution_model"] = lambda p: model.to_disk(p)
        to_disk(path, serializers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "QuoteAttributor":
        path = Path(path)
        if (path / SETTINGS_FILE).is_file():  # saved by quoteattr 0.1: the model's files alone
            self.attribution_model = AttributionScorer.from_disk(path)
            return self
        deserializers: dict[str, Callable[[Path], Any]] = {
            "cfg": lambda p: self._model_from_cfg(srsly.read_json(p)),
            "lexicon": lambda p: self._set_lexicon_data(srsly.read_json(p.with_suffix(".json"))),
            "attribution_model": lambda p: self._model_from_disk(p),
        }
        from_disk(path, deserializers, exclude)
        return self

    def _model_from_disk(self, path: Path) -> None:
        if path.is_dir():
            self.attribution_model = AttributionScorer.from_disk(path)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        model = self.attribution_model
        serializers: dict[str, Callable[[], Any]] = {
            "cfg": lambda: srsly.json_dumps(self._cfg()),
            "lexicon": lambda: srsly.json_dumps(self._lexicon_data()),
            "attribution_model": lambda: b"" if model is None else model.to_bytes(),
        }
        return to_bytes(serializers, exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "QuoteAttributor":
        deserializers: dict[str, Callable[[bytes], Any]] = {
            "cfg": lambda b: self._model_from_cfg(srsly.json_loads(b)),
            "lexicon": lambda b: self._set_lexicon_data(srsly.json_loads(b)),
            "attribution_model": lambda b: setattr(
                self, "attribution_model", AttributionScorer.from_bytes(b) if b else None
            ),
        }
        from_bytes(data, deserializers, exclude)
        return self
