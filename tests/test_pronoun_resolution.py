"""Pronouns resolved by the speaker resolver on its own (no quotes), as `quoteattr evaluate-coref`
runs it: one class of reading per case, each with the near neighbour that must not change. The
sentences are made up; the real base pipeline parses them."""

from __future__ import annotations

import pytest

from quoteattr.rules.names import NameCluster, name_key


@pytest.fixture(scope="module")
def resolve(seeded_resolver):
    def run(text: str, pronoun: str, occurrence: int = 1) -> str | None:
        """The name the `occurrence`-th `pronoun` of `text` resolves to."""
        doc, resolver = seeded_resolver(text)
        tokens = [token for token in doc if token.text == pronoun]
        token = tokens[occurrence - 1]
        entity = resolver.resolve(token.idx, token.idx + len(token.text), []).entity
        return None if entity is None else entity.name

    return run


CASES = [
    # A phrase fronted before its clause points forward to the clause's subject.
    pytest.param(
        "Maria Costa hired a new coach in May. After her return from Lima, Dana Whitfield joined the board.",
        "her",
        "Dana Whitfield",
        id="fronted-phrase-to-the-following-subject",
    ),
    pytest.param(
        "Maria Costa hired a new coach in May. Dana Whitfield joined the board after her return.",
        "her",
        "Dana Whitfield",
        id="near-possessive-after-the-subject",
    ),
    # Binding: a pronoun object is not its own verb's subject.
    pytest.param(
        "Maria Costa hired a new coach in May. In June, Dana Whitfield praised her.",
        "her",
        "Maria Costa",
        id="object-pronoun-not-its-verbs-subject",
    ),
    pytest.param(
        "Maria Costa hired a new coach in May. In June, Dana Whitfield praised her own team.",
        "her",
        "Dana Whitfield",
        id="near-possessive-may-be-its-verbs-subject",
    ),
    # A subject pronoun may take up a name dislocated before it.
    pytest.param(
        "We spoke to Maria Costa on Monday. Dana Whitfield, she is coming back next year.",
        "she",
        "Dana Whitfield",
        id="dislocated-name-before-a-subject-pronoun",
    ),
    # First names tell gender (a list of thousands, across many languages).
    pytest.param(
        "Tobias Brenner met Giulia Okafor in Rome on Monday. The next day she signed the deal.",
        "she",
        "Giulia Okafor",
        id="she-skips-a-man-known-by-his-first-name",
    ),
    pytest.param(
        "Tobias Brenner met Giulia Okafor in Rome on Monday. The next day he signed the deal.",
        "he",
        "Tobias Brenner",
        id="near-he-to-the-man",
    ),
    # A common diminutive is a first name too: "Hank" is a man's, "Madge" a woman's.
    pytest.param(
        "Janet Voss was hurt in the attack. Hank Pym watched over her in the hospital.",
        "her",
        "Janet Voss",
        id="a-diminutive-first-name-tells-gender",
    ),
    pytest.param(
        "Janet Voss was hurt in the attack. Madge Pym watched over her in the hospital.",
        "her",
        "Janet Voss",
        id="near-a-womans-diminutive-leaves-the-ranker-its-choice",
    ),
    # A surname written alone is no first name: "Scott" does not make Ngozi Scott a man.
    pytest.param(
        "Ngozi Scott chairs the committee. Scott opened the hearing on Monday. Then she read the report.",
        "she",
        "Ngozi Scott",
        id="surname-alone-tells-no-gender",
    ),
    # The subject of a speech verb, one person described, is who "he" in its clause is.
    pytest.param(
        "Glen Parry praised the defence on Saturday. The keeper said he had studied the penalties.",
        "he",
        None,
        id="a-described-speaker-takes-up-his-pronoun",
    ),
    pytest.param(
        "Glen Parry praised the defence on Saturday. His mother said he had studied the penalties.",
        "he",
        "Glen Parry",
        id="near-a-speaker-of-the-other-gender",
    ),
    pytest.param(
        "Glen Parry praised the defence on Saturday. The keeper saw that he had studied the penalties.",
        "he",
        "Glen Parry",
        id="near-no-speech-verb-above",
    ),
    # A possessive is not whom its own phrase is said to be (i-within-i).
    pytest.param(
        "Tom Hale founded the firm in 1990. Among his first clients were Rick Dunn and Ann Lowe.",
        "his",
        "Tom Hale",
        id="among-his-clients-is-not-the-client",
    ),
    pytest.param(
        "Tom Hale founded the firm in 1990. Rick Dunn became his partner in 1995.",
        "his",
        "Tom Hale",
        id="became-his-partner-is-not-the-subject",
    ),
    pytest.param(
        "Tom Hale founded the firm. Rick Dunn, his partner, left in 1995.",
        "his",
        "Tom Hale",
        id="his-partner-in-apposition-is-not-the-name",
    ),
    pytest.param(
        "Tom Hale founded the firm in 1990. Rick Dunn joined his partner in 1995.",
        "his",
        "Rick Dunn",
        id="near-an-object-is-not-said-of-the-subject",
    ),
    pytest.param(
        "Tom Hale founded the firm. Rick Dunn, his lawyer said, left in 1995.",
        "his",
        "Rick Dunn",
        id="near-a-parenthetical-cue-is-no-apposition",
    ),
    pytest.param(
        "Tom Hale retired in 1980. Rick Dunn was named his successor in 1995.",
        "his",
        "Tom Hale",
        id="was-named-his-successor-is-not-the-passive-subject",
    ),
    pytest.param(
        "Tom Hale retired in 1980. Rick Dunn was given his own office in 1995.",
        "his",
        "Rick Dunn",
        id="near-a-passive-object-may-be-the-subject",
    ),
    pytest.param(
        "The film starred Tom Hale, with Rick Dunn as his father.",
        "his",
        "Tom Hale",
        id="with-a-name-as-his-father-is-not-that-name",
    ),
    pytest.param(
        "The photo shows Ann Lowe as the queen, Maria Costa as her friend, and Tom Hale as the "
        "king.",
        "her",
        "Ann Lowe",
        id="a-name-as-her-friend-is-not-that-name",
    ),
    pytest.param(
        "The film starred Tom Hale, with Rick Dunn in his first role.",
        "his",
        "Rick Dunn",
        id="near-with-a-name-and-no-as-may-be-that-name",
    ),
    # An untagged proper noun after "the" is a body or a place, not a person to seed.
    pytest.param(
        "Kirsten Flagstad sang in Oslo for years. In 1934, the Met needed a soprano, and she "
        "agreed to audition.",
        "she",
        "Kirsten Flagstad",
        id="the-met-is-no-person",
    ),
    pytest.param(
        "Kirsten Flagstad sang in Oslo for years. In 1934, Halvorsen needed a soprano, and she "
        "agreed to audition.",
        "she",
        "Halvorsen",
        id="near-an-untagged-surname-subject-is-a-person",
    ),
    # An object pronoun is not its clause's subject, said or understood (principle B).
    pytest.param(
        "Tom Hale met Rick Dunn in May. In June, Hale threatened to sue him.",
        "him",
        "Rick Dunn",
        id="object-of-an-infinitive-is-not-its-understood-subject",
    ),
    pytest.param(
        "Tom Hale met Rick Dunn in May. In June, Hale bandaged Dunn's arm and left him at the camp.",
        "him",
        "Rick Dunn",
        id="object-of-a-coordinated-verb-is-not-the-shared-subject",
    ),
    pytest.param(
        "Tom Hale met Rick Dunn in May. In June, Hale allowed him to sit in the chair.",
        "him",
        "Rick Dunn",
        id="object-the-parser-made-an-infinitives-subject",
    ),
    pytest.param(
        "Tom Hale met Rick Dunn in May. In June, Hale shouted at him in the hall.",
        "him",
        "Rick Dunn",
        id="object-of-an-argument-preposition",
    ),
    pytest.param(
        "Dana Whitfield joined the club in May. Maria Costa was described as devoted to "
        "Whitfield, whom she treated as her own child.",
        "she",
        "Maria Costa",
        id="subject-of-a-relative-clause-is-not-its-relative-pronoun",
    ),
    pytest.param(
        "Dana Whitfield joined the club in May. Maria Costa was described as devoted to "
        "Whitfield, who said she trained daily.",
        "she",
        "Dana Whitfield",
        id="near-a-pronoun-in-a-clause-below-the-relative-may-be-its-noun",
    ),
    pytest.param(
        "Tom Hale met Rick Dunn in May. In June, Ann Lowe and Hale beat him at chess.",
        "him",
        "Rick Dunn",
        id="object-is-no-conjunct-of-its-clauses-subject",
    ),
    pytest.param(
        "Tom Hale met Rick Dunn in May. In June, Hale was furious with him.",
        "him",
        "Rick Dunn",
        id="object-of-a-predicate-adjectives-preposition",
    ),
    pytest.param(
        "Tom Hale met Rick Dunn in May. In June, Dunn said he was proud of him.",
        "him",
        "Tom Hale",
        id="object-of-a-predicate-adjective-is-not-the-resolved-subject",
    ),
    pytest.param(
        "Ann Lowe hired Maria Costa in May. Lowe said that Costa had always been one of her "
        "best agents.",
        "her",
        "Ann Lowe",
        id="one-of-her-agents-is-not-whom-it-is-said-of",
    ),
    pytest.param(
        "Ann Lowe hired Maria Costa in May. Lowe said that Costa had always been a friend of "
        "her family.",
        "her",
        "Maria Costa",
        id="near-a-friend-of-her-family-may-be-whom-it-is-said-of",
    ),
    pytest.param(
        "Tom Hale met Rick Dunn in May. In June, Hale threatened to sue his lawyer.",
        "his",
        "Tom Hale",
        id="near-a-possessive-may-be-the-subject",
    ),
    pytest.param(
        "Tom Hale met Rick Dunn in May. In June, Hale took the dog with him.",
        "him",
        "Tom Hale",
        id="near-with-of-a-companion-may-be-the-subject",
    ),
]


@pytest.mark.parametrize(("text", "pronoun", "expected"), CASES)
def test_pronoun_resolved(resolve, text, pronoun, expected):
    assert resolve(text, pronoun) == expected


def _entity(mention: str, labels: dict[str, int]) -> NameCluster:
    display = mention.removeprefix("the ")
    entity = NameCluster(entity_id=0, best_display=display)
    entity.names[name_key(display)] = None
    entity.labels.update(labels)
    entity.add_mention(0, len(mention), mention)
    return entity


@pytest.mark.parametrize(
    ("mention", "labels", "person"),
    [
        pytest.param("Okonkwo", {"ORG": 1}, True, id="a-surname-the-recognizer-called-an-org"),
        pytest.param("Okonkwo", {"ORG": 2}, True, id="twice"),
        pytest.param("Parliament", {"ORG": 3}, False, id="near-an-org-every-time"),
        pytest.param("NATO", {"ORG": 1}, False, id="near-an-acronym"),
        pytest.param("Congress", {"ORG": 1}, False, id="near-a-legislature-named-once"),
        pytest.param("Teamsters Union", {"ORG": 1}, False, id="near-two-words"),
        pytest.param("Okonkwo", {"GPE": 1}, False, id="near-a-place"),
        pytest.param("the Okonkwos", {"ORG": 1}, False, id="near-a-family-after-the"),
        # A first name in front does not make an organisation's own name a person's.
        pytest.param(
            "Washington Area Music Association", {"ORG": 1}, False, id="an-org-by-its-last-word"
        ),
        pytest.param("Washington Irving", {"ORG": 1}, True, id="near-a-first-name-and-surname"),
    ],
)
def test_a_lone_word_tagged_org_may_be_a_surname(mention, labels, person):
    assert _entity(mention, labels).may_be_person is person


def test_a_list_of_people_is_no_apposition_of_the_first(seeded_resolver):
    """Each name of "the architect Jo Foyle, the climber Lucy Creamer and ..." is its own mention:
    the parser may hang the rest of the list on the first name as an apposition."""
    text = (
        "The team consists of the architect Dr Jo Foyle, the climber Lucy Creamer and camera "
        "operator Ian Burton. Anna Weber, Tom Hale's sister, joined later. Kazuki Nakajima, like "
        "Oliver Jarvis, will not return. Bryan Pagliano, a former aide to Hillary Clinton, "
        "refused to testify."
    )
    doc, resolver = seeded_resolver(text)
    spans = {entity.name: [text[a:b] for a, b in entity.mentions] for entity in resolver.entities}
    assert not any("Burton" in span for span in spans["Jo Foyle"]), spans["Jo Foyle"]
    # A phrase left out that names another person is no part of the mention either.
    assert not any("Jarvis" in span for span in spans["Kazuki Nakajima"])
    # near: a relation in apposition is a mention of the person it describes, with its phrase
    assert "Anna Weber, Tom Hale's sister" in spans["Anna Weber"], spans["Anna Weber"]
    assert "Bryan Pagliano, a former aide to Hillary Clinton" in spans["Bryan Pagliano"]
