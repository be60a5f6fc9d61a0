"""Person search: from what a social worker types to a short, honest list.

The pure half (no database, no I/O): `parse.parse_query` reads the request,
`keys` says what to store in the search index and what to look up,
`scoring.rank` orders what the database found and labels it. The database
half lives elsewhere and follows the retrieval plan in keys.py.
"""

from data_access.search.dates import DateRange, PartialDate, TypedDate
from data_access.search.keys import (
    QueryKeys,
    RetrievalPlan,
    candidate_dates,
    person_keys,
    query_keys,
    retrieval_plan,
)
from data_access.search.parse import ParsedQuery, parse_query
from data_access.search.scoring import Candidate, Match, MatchLabel, SearchOutcome, rank

__all__ = [
    "Candidate",
    "DateRange",
    "Match",
    "MatchLabel",
    "ParsedQuery",
    "PartialDate",
    "QueryKeys",
    "RetrievalPlan",
    "SearchOutcome",
    "TypedDate",
    "candidate_dates",
    "parse_query",
    "person_keys",
    "query_keys",
    "rank",
    "retrieval_plan",
]
