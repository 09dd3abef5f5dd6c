// kg's Neo4j schema (Neo4j 5 syntax). `kg push` applies it before writing any data, and every
// statement is safe to run again. Run it yourself after a bulk import (`kg export neo4j-csv`):
//   cypher-shell -u neo4j -d neo4j -f schema.cypher
// Labels: Paper, Method, Dataset, Metric, Task, Code (the graph's node kinds), Community (the
// communities of the graph analysis) and Import (one node per pushed graph).

// Every label: a uniqueness constraint on `id`, the node id of the graph (`paper:arxiv:2509.01234`,
// `dataset:imagenet`, community number, import id). Its index backs every MERGE of the exporter.
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT method_id IF NOT EXISTS FOR (n:Method) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT metric_id IF NOT EXISTS FOR (n:Metric) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT code_id IF NOT EXISTS FOR (n:Code) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (n:Community) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT import_id IF NOT EXISTS FOR (n:Import) REQUIRE n.id IS UNIQUE;

// Look-ups by name: entities by canonical name, papers by their own id (`arxiv:2509.01234`).
// Titles are searched with the full-text index below.
CREATE INDEX method_name IF NOT EXISTS FOR (n:Method) ON (n.name);
CREATE INDEX dataset_name IF NOT EXISTS FOR (n:Dataset) ON (n.name);
CREATE INDEX metric_name IF NOT EXISTS FOR (n:Metric) ON (n.name);
CREATE INDEX task_name IF NOT EXISTS FOR (n:Task) ON (n.name);
CREATE INDEX code_name IF NOT EXISTS FOR (n:Code) ON (n.name);
CREATE INDEX paper_paper_id IF NOT EXISTS FOR (n:Paper) ON (n.paper_id);

// Full-text search over paper titles and abstracts (cypher/fulltext_search.cypher), and over
// entity names. Eventually consistent: writes do not wait for Lucene; `kg push` waits once at the
// end (db.index.fulltext.awaitEventuallyConsistentIndexRefresh) so a finished push is searchable.
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Method|Dataset|Metric|Task|Code) ON EACH [n.name]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
