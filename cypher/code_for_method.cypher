// Code links of the papers that use (or propose) a method: where to find implementations.
// Parameters: $method (string): the method's name or one of its aliases, any case.
// Returns: method, paper (id), title, code (URL), link_type (repository, project_page, other);
// by paper id, then URL.
MATCH (m:Method)
WHERE toLower(m.name) = toLower($method) OR toLower($method) IN [a IN coalesce(m.aliases, []) | toLower(a)]
MATCH (m)<-[:USES|PROPOSES]-(p:Paper)-[:HAS_CODE]->(c:Code)
RETURN m.name AS method, p.paper_id AS paper, p.title AS title, c.name AS code, c.link_type AS link_type
ORDER BY paper, code
