"""``kg eval``: score predicted entities against gold, exactly as GUIDELINES "Scoring" says."""

from __future__ import annotations

import json

import click

from kg.extract.scoring import TYPES, read_records, score


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("pred", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="Also list every false positive and false negative.")
def eval_(gold: str, pred: str, as_json: bool, show_errors: bool) -> None:
    """Score PRED (e.g. `kg extract` output) against GOLD (GUIDELINES JSON Lines records).

    Per paper and type, predictions are matched one-to-one to gold entities by the normalised
    name (the gold name or any alias); optional gold is neither rewarded nor punished.
    Prints precision, recall and F1 per type and overall (micro-averaged) and the recall of
    proposed methods.
    """
    report = score(read_records(gold), read_records(pred))
    if as_json:
        data = report.to_dict()
        if show_errors:
            data["errors"] = report.errors
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(f"{'type':<8} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    rows = [(t, report.per_type[t]) for t in TYPES] + [("overall", report.overall)]
    for name, c in rows:
        click.echo(f"{name:<8} {c.precision:>9.3f} {c.recall:>7.3f} {c.f1:>6.3f} {c.tp:>5} {c.fp:>5} {c.fn:>5}")
    click.echo(f"proposed-method recall {report.proposed_recall:.3f} ({report.proposed_found}/{report.proposed_gold})")
    click.echo(f"{report.papers} gold papers" + (f", {len(report.missing_papers)} without a prediction" if report.missing_papers else ""))
    if show_errors:
        for e in report.errors:
            click.echo(f"{e['kind']}\t{e['id']}\t{e['type']}\t{e['name']}")
