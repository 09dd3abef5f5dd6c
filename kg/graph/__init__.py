"""Link papers through the entities they share (networkx): the paper→entity graph, the
weighted paper–paper projection, related papers, communities and analysis functions."""

from kg.graph.analysis import (
    EntityScore,
    cooccurrence_graph,
    entity_centrality,
    entity_timeline,
    explanation_path,
    summary,
    top_entities,
)
from kg.graph.build import build_graph
from kg.graph.communities import NO_COMMUNITY, assign_communities, characteristic_entities
from kg.graph.projection import MAX_PAPER_COUNT, TYPE_WEIGHTS, entity_weights, project
from kg.graph.related import Reason, Related, find_paper, related

__all__ = [
    "MAX_PAPER_COUNT",
    "NO_COMMUNITY",
    "TYPE_WEIGHTS",
    "EntityScore",
    "Reason",
    "Related",
    "assign_communities",
    "build_graph",
    "characteristic_entities",
    "cooccurrence_graph",
    "entity_centrality",
    "entity_timeline",
    "entity_weights",
    "explanation_path",
    "find_paper",
    "project",
    "related",
    "summary",
    "top_entities",
]
