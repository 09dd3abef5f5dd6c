// Entities that most often appear together with a given entity in the same papers: its context
// (the datasets a method is evaluated on, the metrics a task is measured with, ...).
// Parameters: $name (string): the entity's name or one of its aliases, any case; $limit (integer).
// Returns: type (label), name, papers (papers mentioning both); most shared first, then type, name.
MATCH (e:Method|Dataset|Metric|Task|Code)
WHERE toLower(e.name) = toLower($name) OR toLower($name) IN [a IN coalesce(e.aliases, []) | toLower(a)]
MATCH (e)<-[:PROPOSES|USES|EVALUATES_ON|MEASURES|ADDRESSES|HAS_CODE]-(p:Paper)
      -[:PROPOSES|USES|EVALUATES_ON|MEASURES|ADDRESSES|HAS_CODE]->(other)
WHERE other <> e
RETURN labels(other)[0] AS type, other.name AS name, count(DISTINCT p) AS papers
ORDER BY papers DESC, type, name
LIMIT $limit
