// Entities that appeared for the first time in the latest import: what today's papers brought
// that the database did not know (each push of a new graph is one :Import; `first_import` on a
// node names the import that created it).
// Parameters: none.
// Returns: import (its number), type (label), name, papers (papers mentioning it now);
// by type, then most papers, then name.
MATCH (i:Import)
WITH i ORDER BY i.seq DESC LIMIT 1
MATCH (e:Method|Dataset|Metric|Task|Code)
WHERE e.first_import = i.id
RETURN i.seq AS import, labels(e)[0] AS type, e.name AS name, e.paper_count AS papers
ORDER BY type, papers DESC, name
