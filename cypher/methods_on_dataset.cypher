// Methods evaluated on a dataset: the methods used or proposed by the papers that evaluate on it.
// Parameters: $dataset (string): the dataset's name or one of its aliases, any case.
// Returns: method, papers (how many of those papers), titles (alphabetical), proposed (true when
// one of them proposes it); most papers first, ties by name.
MATCH (d:Dataset)
WHERE toLower(d.name) = toLower($dataset) OR toLower($dataset) IN [a IN coalesce(d.aliases, []) | toLower(a)]
MATCH (d)<-[:EVALUATES_ON]-(p:Paper)-[r:USES|PROPOSES]->(m:Method)
WITH m, p, r ORDER BY p.title
WITH m, collect(DISTINCT p.title) AS titles, 'PROPOSES' IN collect(type(r)) AS proposed
RETURN m.name AS method, size(titles) AS papers, titles, proposed
ORDER BY papers DESC, method
