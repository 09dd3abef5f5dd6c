"""Link papers through the entities they share (networkx)."""

from kg.graph.build import build_graph

__all__ = ["build_graph"]
