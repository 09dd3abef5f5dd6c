// Papers related to a paper, ranked by the rare entities they share with it: an entity few
// papers mention says more than one everybody mentions (score: the sum over shared entities of
// ln(papers in the database / papers mentioning the entity)).
// Parameters: $paper (string): the paper's id or node id; $limit (integer): how many papers.
// Returns: paper (id), title, score (3 decimals), shared (entity names, rarest first);
// best first, ties by id.
MATCH (:Paper) WITH count(*) AS total
MATCH (p:Paper) WHERE p.id IN [$paper, 'paper:' + $paper]
MATCH (p)-[:PROPOSES|USES|EVALUATES_ON|MEASURES|ADDRESSES|HAS_CODE]->(e)
      <-[:PROPOSES|USES|EVALUATES_ON|MEASURES|ADDRESSES|HAS_CODE]-(other:Paper)
WHERE other <> p
WITH other, e, log(toFloat(total) / e.paper_count) AS rarity
ORDER BY rarity DESC, e.name
WITH other, sum(rarity) AS score, collect(e.name) AS shared
RETURN other.paper_id AS paper, other.title AS title, round(score, 3) AS score, shared
ORDER BY score DESC, paper
LIMIT $limit
