// The shortest path between two papers through the entities they mention: how two pieces of
// work connect (paper -> entity <- paper -> entity <- paper ...).
// Parameters: $source (string), $target (string): the two papers' ids or node ids.
// Returns: hops (relationships on the path), steps (titles of papers and names of entities, in
// order), kinds (the label of each step); no row when they are not connected within 10 hops.
MATCH (a:Paper) WHERE a.id IN [$source, 'paper:' + $source]
MATCH (b:Paper) WHERE b.id IN [$target, 'paper:' + $target]
MATCH path = shortestPath((a)-[:PROPOSES|USES|EVALUATES_ON|MEASURES|ADDRESSES|HAS_CODE*..10]-(b))
RETURN length(path) AS hops,
       [n IN nodes(path) | coalesce(n.title, n.name)] AS steps,
       [n IN nodes(path) | labels(n)[0]] AS kinds
