// Papers that mention an entity, of any type, found by name or alias: everything the database
// knows about one method, dataset, metric, task or code link, with the evidence.
// Parameters: $name (string): the entity's name or one of its aliases, any case.
// Returns: type (label), entity (canonical name), relation (PROPOSES, USES, EVALUATES_ON...),
// paper (id), title, evidence (the sentence); by type, entity, then paper id.
MATCH (e:Method|Dataset|Metric|Task|Code)
WHERE toLower(e.name) = toLower($name) OR toLower($name) IN [a IN coalesce(e.aliases, []) | toLower(a)]
MATCH (e)<-[r:PROPOSES|USES|EVALUATES_ON|MEASURES|ADDRESSES|HAS_CODE]-(p:Paper)
RETURN labels(e)[0] AS type, e.name AS entity, type(r) AS relation, p.paper_id AS paper, p.title AS title,
       r.evidence AS evidence
ORDER BY type, entity, paper
