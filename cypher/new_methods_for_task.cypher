// Papers proposing new methods for a task: who introduced what to solve it.
// Parameters: $task (string): the task's name or one of its aliases, any case.
// Returns: task, method (the proposed method), paper (id), title, published (ISO date or null),
// evidence (the sentence that proposes it); newest first (undated last), then by id and method.
MATCH (t:Task)
WHERE toLower(t.name) = toLower($task) OR toLower($task) IN [a IN coalesce(t.aliases, []) | toLower(a)]
MATCH (t)<-[:ADDRESSES]-(p:Paper)-[r:PROPOSES]->(m:Method)
RETURN t.name AS task, m.name AS method, p.paper_id AS paper, p.title AS title, p.published AS published,
       r.evidence AS evidence
ORDER BY coalesce(published, '') DESC, paper, method
