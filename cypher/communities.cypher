// Communities and their labels: the groups of papers the graph analysis found (Louvain on the
// paper–paper projection), each named by its most characteristic entities.
// Parameters: none.
// Returns: community (id), label, size (papers), top_entities (names, most characteristic
// first), example_papers (up to 3 titles, alphabetical); largest first, ties by id.
MATCH (c:Community)
OPTIONAL MATCH (c)<-[:IN_COMMUNITY]-(p:Paper)
WITH c, p ORDER BY p.title
WITH c, collect(p.title)[..3] AS example_papers
RETURN c.id AS community, c.label AS label, c.size AS size,
       coalesce(c.top_entity_names, []) AS top_entities, example_papers
ORDER BY size DESC, community
