"""The ``derivecheck`` command: check answers, show derivations, list and grade exercises.

Exit status: 0 correct, 1 incorrect, 2 usage error, 3 invalid answer, 4 undecided.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

import click
import sympy

import checkers
import derive
from checkers import DerivecheckError, UsageError
from checkers._declarations import read_declarations

from ._bridge import to_derive
from ._output import verdict_text

__all__ = ["main"]

_FORMATS = ("text", "latex", "markdown", "json")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="derivecheck")
def main() -> None:
    """Check answers to ML-course calculus exercises and show worked derivations.

    \b
    Examples:
      derivecheck check --expected 'x^2 e^{-x}' '(2x - x^2) e^{-x}'
      derivecheck check --expected '\\sigma(x)(1-\\sigma(x))' 'exp(-x)/(1+exp(-x))^2'
      derivecheck derive --expr 'exp(sin(x^2))' --wrt x
    """


@main.command()
@click.argument("answer")
@click.option("--expected", "-e", required=True, metavar="EXPR", help="The reference answer (LaTeX or sympy syntax).")
@click.option("--var", "declarations", multiple=True, metavar="NAME:KIND",
              help="Declare a variable: x:positive, n:integer, A:matrix(m,n), A:matrix(n,n),symmetric, x:vector(n), f:function, x:indexed.")
@click.option("--timeout", default=5.0, show_default=True, type=click.FloatRange(0.01, 600), help="Seconds allowed for the check.")
@click.option("--notation", type=click.Choice(["auto", "latex", "plain"]), default="auto", show_default=True, help="How to read the answer.")
@click.option("--json", "as_json", is_flag=True, help="Print the verdict as JSON.")
def check(answer: str, expected: str, declarations: Sequence[str], timeout: float, notation: str, as_json: bool) -> None:
    """Check ANSWER against an expected expression.

    The exit status tells the verdict: 0 correct, 1 incorrect, 3 invalid, 4 undecided.
    """
    with _usage_errors():
        symbols, facts = read_declarations(declarations)
        verdict = checkers.check(expected, answer, symbols=symbols, assumptions=facts, timeout=timeout, notation=notation)
    _emit_verdict(verdict, as_json)


@main.command(name="derive")
@click.option("--expr", "expression", required=True, metavar="EXPR", help="The expression (LaTeX or sympy syntax).")
@click.option("--wrt", default="", metavar="x,y", help="Variables, comma-separated (default: all free variables).")
@click.option("--what", type=click.Choice(derive.WHATS), default="derivative", show_default=True, help="What to derive.")
@click.option("--point", metavar="1,2", help="Evaluate at this point (gradient, hessian, jacobian, graph, directional).")
@click.option("--direction", metavar="1,1", help="Direction vector for --what directional.")
@click.option("--interval", metavar="a,b", help="Interval for --what extrema or mvt.")
@click.option("--constraint", "constraints", multiple=True, metavar="G", help="KKT inequality g(x) <= 0 (repeatable).")
@click.option("--equality", "equalities", multiple=True, metavar="H", help="KKT equality h(x) = 0 (repeatable).")
@click.option("--var", "declarations", multiple=True, metavar="NAME:KIND", help="Declare a variable (see 'check --help').")
@click.option("--format", "output_format", type=click.Choice(_FORMATS), default="text", show_default=True)
def derive_command(expression: str, wrt: str, what: str, point: str | None, direction: str | None, interval: str | None,
                   constraints: Sequence[str], equalities: Sequence[str], declarations: Sequence[str], output_format: str) -> None:
    """Show a worked derivation of EXPR."""
    with _usage_errors():
        symbols, _ = read_declarations(declarations)
        vocabulary = checkers.Vocabulary.from_objects(*symbols).opened()
        expr = _read(expression, vocabulary)
        vocabulary = vocabulary.merged(checkers.Vocabulary.from_objects(expr))
        variables = [_read(name, vocabulary) for name in wrt.split(",") if name.strip()]
        options: dict[str, object] = {}
        if point:
            options["point"] = _read_list(point, vocabulary)
        if direction:
            options["direction"] = _read_list(direction, vocabulary)
        if interval:
            options["interval"] = tuple(_read_list(interval, vocabulary))
        if constraints:
            options["inequalities"] = [to_derive(_read(c, vocabulary)) for c in constraints]
        if equalities:
            options["equalities"] = [to_derive(_read(h, vocabulary)) for h in equalities]
        derivation = derive.derive_by_name(what, to_derive(expr), variables, **options)
    click.echo(_render(derivation, output_format))


def _read(text: str, vocabulary: checkers.Vocabulary) -> sympy.Basic:
    members = checkers.read_answer(text, vocabulary).members
    return sympy.Eq(*members) if len(members) == 2 else members[-1]


def _read_list(text: str, vocabulary: checkers.Vocabulary) -> list[sympy.Basic]:
    value = _read(text if text.strip().startswith("(") else f"({text},)" if "," not in text else f"({text})", vocabulary)
    return list(value) if isinstance(value, (sympy.Tuple, sympy.MatrixBase)) else [value]


def _render(derivation: derive.Derivation, output_format: str) -> str:
    if output_format == "json":
        return json.dumps(derivation.to_dict(), indent=2)
    return {"text": derivation.to_text, "latex": derivation.to_latex, "markdown": derivation.to_markdown}[output_format]()


def _emit_verdict(verdict: checkers.Verdict, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(verdict.to_dict(), indent=2))
    else:
        click.echo(verdict_text(verdict, color=sys.stdout.isatty()))
    sys.exit(verdict.exit_code)


class _usage_errors:  # noqa: N801 - used as a context manager
    """Turn derivecheck and derive errors into a clean message and exit status."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> bool:
        if error is None:
            return False
        if isinstance(error, checkers.InvalidAnswer):  # an unreadable --expr is a usage error
            pointer = error.pointer()
            _fail(error.message + (f"\n{pointer}" if pointer else ""), UsageError.exit_code)
        if isinstance(error, DerivecheckError):
            _fail(error.message, error.exit_code)
        if isinstance(error, derive.DerivationError):
            _fail(str(error), UsageError.exit_code)
        return False


def _fail(message: str, code: int) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)
