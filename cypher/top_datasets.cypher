// Most used datasets: the datasets the most papers evaluate on, with a few of those papers.
// Parameters: $limit (integer): how many datasets to return.
// Returns: dataset, papers (how many evaluate on it), examples (up to 3 titles, alphabetical);
// most used first, ties by name.
MATCH (d:Dataset)<-[:EVALUATES_ON]-(p:Paper)
WITH d, p ORDER BY p.title
WITH d, count(p) AS papers, collect(p.title)[..3] AS examples
RETURN d.name AS dataset, papers, examples
ORDER BY papers DESC, dataset
LIMIT $limit
