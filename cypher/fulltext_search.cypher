// Full-text search over paper titles and abstracts (the `paper_text` index of schema.cypher).
// Parameters: $query (string): Lucene query syntax (words, "a phrase", grok*, title:grokking,
// AND/OR/NOT); $limit (integer): how many papers.
// Returns: paper (id), title, score (Lucene relevance, 3 decimals); best first, ties by id.
CALL db.index.fulltext.queryNodes('paper_text', $query) YIELD node, score
RETURN node.paper_id AS paper, node.title AS title, round(score, 3) AS score
ORDER BY score DESC, paper
LIMIT $limit
