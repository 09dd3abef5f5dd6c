// Papers that share a dataset with a given paper: what else was evaluated on the same data.
// Parameters: $paper (string): the paper's id (`arxiv:2509.01234`, a DOI id, a slug) or node id
// (`paper:arxiv:2509.01234`).
// Returns: paper (id), title, shared_datasets (names, alphabetical); most shared first, then by id.
MATCH (p:Paper) WHERE p.id IN [$paper, 'paper:' + $paper]
MATCH (p)-[:EVALUATES_ON]->(d:Dataset)<-[:EVALUATES_ON]-(other:Paper)
WITH other, d ORDER BY d.name
WITH other, collect(d.name) AS shared_datasets
RETURN other.paper_id AS paper, other.title AS title, shared_datasets
ORDER BY size(shared_datasets) DESC, paper
