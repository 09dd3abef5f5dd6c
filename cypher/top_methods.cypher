// Most used methods: the methods the most papers use or propose.
// Parameters: $limit (integer): how many methods to return.
// Returns: method, papers (using or proposing it), proposed_by (papers that propose it);
// most used first, ties by name.
MATCH (m:Method)<-[r:USES|PROPOSES]-(p:Paper)
WITH m, count(DISTINCT p) AS papers, count(CASE type(r) WHEN 'PROPOSES' THEN 1 END) AS proposed_by
RETURN m.name AS method, papers, proposed_by
ORDER BY papers DESC, method
LIMIT $limit
