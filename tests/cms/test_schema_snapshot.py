"""The committed schema.graphql is the partner contract: changes to it must be deliberate."""

from pathlib import Path

from cms.graphql.schema import schema

SNAPSHOT = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_live_schema_matches_the_committed_snapshot() -> None:
    live = str(schema).strip() + "\n"
    committed = SNAPSHOT.read_text() if SNAPSHOT.exists() else ""
    assert live == committed, (
        "The GraphQL schema changed. If that is intended, run `make schema` and commit "
        "schema.graphql; partner sites read it as the contract."
    )
