"""The ``derivecheck`` command: check answers, show derivations, list and grade exercises.

Exit status (:class:`derive.ExitCode`): 0 correct, 1 incorrect, 2 usage error, 3 invalid
answer, 4 undecided. Every error derivecheck raises on purpose reaches one handler, on the
command group, which prints its message and exits with the error's own code.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING

import click
import sympy

import checkers
import derive
from checkers import DerivecheckError, UsageError
from checkers._visible import visible
from derive import BudgetExceeded
from derive._render._detail import DETAILS, at_detail

from ._grading._isolated import run_isolated
from ._verdict_text import verdict_text

if TYPE_CHECKING:
    from ._hints import Hint
    from ._model import CheckContext, Part

__all__ = ["main", "run"]

_FORMATS = ("text", "latex", "markdown", "json", "html", "sympy")

_LAZY_COMMANDS = {"grade": "problems._grade_command"}
"""Commands whose module is imported only when they run (or help lists them): grading loads the process pool.
Within the other commands, what only one of them needs (the bank, the reference cache, the hints, the
renderers of problems and derivations, the work checker) is imported where it is used, so that
``check --expected`` loads only the reader, the checker and the verdict's printer."""


class _Commands(click.Group):
    """The command group: its one error handler turns a DerivecheckError into its message and exit code;
    the commands of :data:`_LAZY_COMMANDS` are loaded when first named."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in _LAZY_COMMANDS and cmd_name not in self.commands:
            self.add_command(getattr(importlib.import_module(_LAZY_COMMANDS[cmd_name]), cmd_name))
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except DerivecheckError as error:
            click.echo(f"Error: {visible(error.describe())}", err=True)
            ctx.exit(int(error.exit_code))


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="derivecheck")
def main() -> None:
    """Check answers to ML-course calculus exercises and show worked derivations.

    \b
    Examples:
      derivecheck list
      derivecheck show ch2-solutions.3
      derivecheck check ch2-solutions.3.grad '[4, 7]'
      derivecheck check --expected '\\sigma(x)(1-\\sigma(x))' 'exp(-x)/(1+exp(-x))^2'
      derivecheck derive ch2-solutions.2
    """


def run() -> None:
    """The ``derivecheck`` console script: :func:`main`, then an exit that skips the interpreter's
    final garbage collection.

    At exit CPython collects every object the process made, sympy's included: a fifth to a
    third of what ``python -c "import sympy"`` costs (docs/performance.md), more after a fork
    has shared the pages. The operating system frees the memory anyway, so
    :func:`gc.freeze`, registered first and therefore run last of the exit handlers, takes
    every object out of that collection. Every other exit handler runs, and output is flushed,
    as on any exit. Tests call :func:`main` in-process (``CliRunner``), which freezes nothing.

    >>> import subprocess, sys
    >>> done = subprocess.run([sys.executable, "-c", "from problems.cli import run; run()",
    ...                        "check", "--expected", "x^2", "x x"], capture_output=True, text=True)
    >>> done.returncode, done.stdout.split()[0]
    (0, 'correct')
    """
    atexit.register(gc.freeze)
    main()


class _AnswerCommand(click.Command):
    """A command whose positional arguments may begin with a minus sign (``-x e^{-x}``).

    Only an argument that is exactly one of the command's option names (or ``--name=value``)
    is an option; every other argument, ``-e^{x}`` included, is positional.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _options_first(self, ctx, args))


def _options_first(command: click.Command, ctx: click.Context, args: Sequence[str]) -> list[str]:
    """The options as given, then ``--`` and the positional arguments in order."""
    takes_value = {name: _value_taken(p) for p in command.get_params(ctx) if isinstance(p, click.Option)
                   for name in p.opts + p.secondary_opts}
    options, positional = [], []
    arguments = list(args)
    while arguments:
        argument = arguments.pop(0)
        name = argument.split("=", 1)[0] if argument.startswith("--") else argument
        if argument == "--":
            positional.extend(arguments)
            arguments = []
        elif name in takes_value:
            options.append(argument)
            if "=" not in argument and takes_value[name] and arguments and takes_value[name](arguments[0]):
                options.append(arguments.pop(0))
        else:
            positional.append(argument)
    return [*options, "--", *positional]


def _value_taken(option: click.Option) -> Callable[[str], bool] | None:
    """Which next argument an option takes as its value: any (an option with a value), only one of
    its choices (an option whose value is optional, ``--hint [1|2|3]``), or none (a flag)."""
    if getattr(option, "_flag_needs_value", False):
        levels = option.type  # a click.IntRange, as --hint's
        choices = {str(level) for level in range(levels.min, levels.max + 1)}
        return choices.__contains__
    if option.is_flag or option.count:
        return None
    return lambda _argument: True


@main.command(cls=_AnswerCommand)
@click.argument("arguments", nargs=-1, required=False, metavar="[PROBLEM[.PART]] ANSWER")
@click.option(
    "--expected", "-e", metavar="EXPR", help="Check against this expression (LaTeX or sympy syntax) instead of a problem."
)
@click.option("--var", "declarations", multiple=True, metavar="NAME:KIND",
              help="Declare a variable for --expected: x:positive, n:integer, A:matrix(m,n), A:matrix(n,n),symmetric, "
                   "x:vector(n), f:function, x:indexed, x:interval(0,pi/2) (a stated domain: test points stay inside).")
@click.option("--define", "definitions", multiple=True, metavar="NAME = VALUE",
              help="A name the answer may use, with its value, for --expected: 's = softmax(x)', 'f(x) = x^2 + 1' "
                   "(read with the --var declarations; repeatable, later ones may use earlier ones).")
@click.option(
    "--timeout", default=5.0, show_default=True, type=click.FloatRange(0.01, 600), help="Seconds allowed for the check."
)
@click.option(
    "--notation", type=click.Choice(["auto", "latex", "unicode", "plain"]), default="auto", show_default=True,
    help="How to read the answer (unicode: mathematics as the text format prints it).",
)
@click.option("--hint", type=click.IntRange(1, 3), is_flag=False, flag_value=1, default=None, metavar="[1|2|3]",
              help="If the answer is not correct, also give a hint: 1 (default) the rule or step to revisit, 2 the "
                   "worked derivation up to that step, 3 the whole worked derivation.")
@click.option("--json", "as_json", is_flag=True, help="Print the verdict as JSON.")
@click.option("--work", "work_file", metavar="FILE",
              help="Check a derivation, one step a row, from FILE ('-': standard input) instead of an ANSWER.")
def check(arguments: Sequence[str], expected: str | None, declarations: Sequence[str], definitions: Sequence[str],
          timeout: float, notation: str, hint: int | None, as_json: bool, work_file: str | None) -> None:
    """Check ANSWER to a problem part (see 'derivecheck list'), or against --expected.

    \b
    Examples:
      derivecheck check ch2-solutions.2 '2x cos(x^2) e^(sin(x^2))'
      derivecheck check ch2-solutions.3.grad '[4, 7]' --json
      derivecheck check --expected 'x^2' '2x'
      derivecheck check derivatives.2.c '-x e^{-x^2/2}'
      derivecheck check ch2-solutions.2 'cos(x^2) e^{sin(x^2)}' --hint 2
      echo '2x cos(x^2) e^{sin(x^2)}' | derivecheck check ch2-solutions.2 -

    An answer may begin with a minus sign: only an argument that is exactly an option name
    is an option. An ANSWER of '-' is read from standard input. The check runs in a child
    process with a batch worker's memory and CPU limits, so it ends whatever it reads.
    The exit status tells the verdict: 0 correct, 1 incorrect, 3 invalid, 4 undecided.
    With --work FILE the derivation in FILE is checked row by row instead (no ANSWER).
    """
    if work_file is not None:
        _check_work(arguments, expected, declarations, definitions, work_file, timeout, as_json)
    if expected is not None:
        if len(arguments) != 1:
            raise UsageError(_count_error(arguments, 1, "only the answer with --expected",
                                          "give the answer to check against --expected"))
        symbols, facts = _declared(declarations)
        defined = _defined(definitions, symbols)
        answer = _answer_text(arguments[0])
        verdict = run_isolated(lambda: checkers.check(expected, answer, symbols=symbols, assumptions=facts, timeout=timeout,
                                                      notation=notation, definitions=defined), timeout)
        part = None
    else:
        if len(arguments) != 2:
            raise UsageError(_count_error(arguments, 2, "a problem id and an answer", "give a problem id and an answer, "
                                          "e.g. derivecheck check ch2-solutions.2 '2x cos(x^2) e^{sin(x^2)}'"))
        if declarations or definitions:
            raise UsageError("--var and --define go with --expected; a problem declares its own names")
        verdict, part = _check_part(arguments[0], _answer_text(arguments[1]), timeout, bool(hint))
    _emit_verdict(verdict, as_json, _hint(part, verdict, hint) if hint and part is not None else None, bool(hint))


def _count_error(arguments: tuple[str, ...], wanted: int, takes: str, missing: str) -> str:
    """The ``missing`` sentence for too few arguments; for too many, which were given and why.

    >>> _count_error(("udl.6.1.phi1", "2x", "--json"), 2, "a problem id and an answer", "")[:82]
    "check takes a problem id and an answer, but 3 arguments were given ('udl.6.1.phi1'"
    """
    if len(arguments) < wanted:
        return missing
    listed = ", ".join(repr(a if len(a) <= 40 else a[:37] + "...") for a in arguments)
    return (f"check takes {takes}, but {len(arguments)} arguments were given ({listed}). Quote an answer that has "
            "spaces; options after -- are read as arguments, so put them before it.")


def _hint(part: Part, verdict: checkers.Verdict, level: int) -> Hint | None:
    """The hint at ``level`` for an answer to ``part`` (the hints load only when one is asked for)."""
    from ._hints import hint_for

    return hint_for(part, verdict, level)


def _check_part(target: str, answer: str, timeout: float, hint: bool) -> tuple[checkers.Verdict, Part | None]:
    """Check an answer to a bank part in a child process; the part too when a hint is asked for.

    Without a hint the part's context comes from the reference cache (no bank, no derivation when
    it is current), and so do its buggy results, read only when an incorrect answer is diagnosed. With a hint
    the derivation is needed anyway: it is derived once, before the fork, and the child inherits it."""
    if not hint:
        from ._reference_cache import part_context

        context = part_context(target)
        return run_isolated(lambda: _check_from_cache(target, context, answer, timeout), timeout), None
    problem, part = _bank().find(target)
    part = part or problem.part()
    part.reference  # noqa: B018 - computed for its cache
    return run_isolated(lambda: part.check(answer, timeout=timeout), timeout), part


def _check_from_cache(target: str, context: CheckContext, answer: str, timeout: float) -> checkers.Verdict:
    from ._model import MistakesOnDemand
    from ._reference_cache import part_mistakes

    mistakes = MistakesOnDemand(lambda: part_mistakes(target)) if context.kind == "expression" else ()
    return context.check(answer, timeout=timeout, mistakes=mistakes)


def _check_work(arguments: Sequence[str], expected: str | None, declarations: Sequence[str],
                definitions: Sequence[str], work_file: str, timeout: float, as_json: bool) -> None:
    """``check ID.PART --work FILE`` / ``check --expected E --work FILE``: print the rows, exit with the verdict."""
    from ._work_command import read_work, work_text

    if expected is not None:
        if arguments:
            raise UsageError("with --expected and --work, give no answer: the work is the answer")
        symbols, facts = _declared(declarations)
        defined = _defined(definitions, symbols)
        work = read_work(work_file)
        verdict = run_isolated(lambda: checkers.check_work(expected, work, symbols=symbols, assumptions=facts,
                                                           timeout=timeout * 2, definitions=defined), timeout * 2)
    else:
        if len(arguments) != 1:
            raise UsageError("with --work, give a problem id and no answer: derivecheck check ch2-solutions.2 --work FILE")
        if declarations or definitions:
            raise UsageError("--var and --define go with --expected; a problem declares its own names")
        problem, part = _bank().find(arguments[0])
        work, part = read_work(work_file), part or problem.part()
        verdict = run_isolated(lambda: part.check_work(work, timeout=timeout * 2), timeout * 2)
    if not isinstance(verdict, checkers.WorkVerdict):  # the child was stopped: its verdict says why
        _emit_verdict(verdict, as_json)
    click.echo(_json(verdict.to_dict()) if as_json else work_text(verdict, color=sys.stdout.isatty()))
    sys.exit(verdict.exit_code)


def _declared(declarations: Sequence[str]) -> tuple[list[sympy.Basic], list[sympy.Basic]]:
    """The ``--var`` declarations read (see :func:`checkers._declarations.read_declarations`); the
    readers load here, not for a check of a problem part, which reads only the notation of its answer."""
    if not declarations:
        return [], []
    from checkers._declarations import read_declarations

    return read_declarations(declarations)


def _defined(definitions: Sequence[str], symbols: Sequence[sympy.Basic]) -> dict[sympy.Basic, sympy.Basic]:
    """The ``--define`` definitions read with the declared names (none given: nothing to read or import)."""
    if not definitions:
        return {}
    return checkers.read_definitions(definitions, checkers.Vocabulary.from_objects(*symbols))


def _bank() -> ModuleType:
    """The exercise bank, imported by the commands that name a problem (``check --expected`` does not load it)."""
    from . import bank

    return bank


def _answer_text(answer: str) -> str:
    """The answer as given, or standard input for ``-``."""
    if answer != "-":
        return answer
    from ._work_command import read_work

    return read_work("-")


@main.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per problem: id, title, source, parts.")
def list_command(as_json: bool) -> None:
    """List every problem of the bank with its parts."""
    from ._output import problem_table

    if as_json:
        for problem in _bank().all():
            click.echo(_json(problem.to_dict(), indent=None))
        return
    click.echo(problem_table(_bank().all()))


@main.command()
@click.argument("problem_id", metavar="PROBLEM")
def show(problem_id: str) -> None:
    """Show a problem: its source, statement and parts."""
    from ._output import problem_text

    problem, _ = _bank().find(problem_id)
    click.echo(problem_text(problem))


class _Whats(click.Choice):
    """The derivations ``derive_by_name`` knows, looked up when ``derive`` runs (so that other
    commands do not import the derivations)."""

    def __init__(self) -> None:
        self.case_sensitive = True

    @property
    def choices(self) -> Sequence[str]:
        return derive.WHATS


@main.command(name="derive")
@click.argument("problem_id", required=False, metavar="[PROBLEM[.PART]]")
@click.option("--expr", "expression", metavar="EXPR", help="The expression (LaTeX or sympy syntax).")
@click.option("--wrt", default="", metavar="x,y", help="Variables, comma-separated (default: all free variables).")
@click.option("--what", type=_Whats(), default="derivative", show_default=True, help="What to derive.")
@click.option("--point", metavar="1,2", help="Evaluate at this point (gradient, hessian, jacobian, graph, directional).")
@click.option("--direction", metavar="1,1", help="Direction vector for --what directional.")
@click.option("--interval", metavar="a,b", help="Interval for --what extrema or mvt.")
@click.option("--constraint", "constraints", multiple=True, metavar="G", help="KKT inequality g(x) <= 0 (repeatable).")
@click.option("--equality", "equalities", multiple=True, metavar="H", help="KKT equality h(x) = 0 (repeatable).")
@click.option("--var", "declarations", multiple=True, metavar="NAME:KIND", help="Declare a variable (see 'check --help').")
@click.option("--format", "output_format", type=click.Choice(_FORMATS), default="text", show_default=True)
@click.option("--detail", type=click.Choice(DETAILS), default="normal", show_default=True,
              help="brief: the rule applications; normal: also named sub-steps; full: every step.")
@click.option("--standalone", is_flag=True, help="With --format latex: a complete document (amsmath) instead of a fragment.")
@click.option(
    "--timeout", default=30.0, show_default=True, type=click.FloatRange(0.01, 3600), help="Seconds allowed for the derivation."
)
def derive_command(
    problem_id: str | None,
    expression: str | None,
    wrt: str,
    what: str,
    point: str | None,
    direction: str | None,
    interval: str | None,
    constraints: Sequence[str],
    equalities: Sequence[str],
    declarations: Sequence[str],
    output_format: str,
    standalone: bool,
    detail: str,
    timeout: float,
) -> None:
    """Show the worked derivation of a problem's reference answers, or of --expr.

    \b
    Examples:
      derivecheck derive ch2-solutions.2
      derivecheck derive --expr 'exp(sin(x^2))' --wrt x
      derivecheck derive udl.6.1 --format latex --standalone > udl-6-1.tex
      derivecheck derive --expr 'x^2 + y^2' --wrt x,y --what kkt --constraint '1 - x - y'
    """
    from derive._render._latex import latex_document

    from ._output import derivations_text

    if problem_id is not None:
        if expression is not None:
            raise UsageError("give a problem id or --expr, not both")
        problem, part = _bank().find(problem_id)
        parts = [part] if part else list(problem.parts)
        render = lambda: derivations_text(problem, parts, output_format, standalone=standalone, detail=detail)  # noqa: E731
        click.echo(_within(timeout, render))
        return
    if expression is None:
        raise UsageError("give a problem id (see 'derivecheck list') or --expr 'EXPR'")
    symbols, _ = _declared(declarations)
    vocabulary = checkers.Vocabulary.from_objects(*symbols)
    expr = _read(expression, vocabulary, "--expr", timeout)
    vocabulary = vocabulary.merged(checkers.Vocabulary.from_objects(expr))
    variables = [_read(name, vocabulary, "--wrt", timeout) for name in wrt.split(",") if name.strip()]
    options = _derive_options(vocabulary, timeout, point=point, direction=direction, interval=interval,
                              inequalities=constraints, equalities=equalities)
    derivation = lambda: at_detail(derive.derive_by_name(what, expr, variables, **options), detail)  # noqa: E731
    rendered = _within(timeout, lambda: _render(derivation(), output_format))
    click.echo(latex_document(rendered) if standalone and output_format == "latex" else rendered)


def _derive_options(vocabulary: checkers.Vocabulary, timeout: float, **given: str | Sequence[str] | None) -> dict[str, object]:
    """The options of ``derive --expr`` that were given, read: points and directions as lists, an interval as a
    pair, constraints one expression each."""
    flags = {"point": "--point", "direction": "--direction", "interval": "--interval",
             "inequalities": "--constraint", "equalities": "--equality"}
    options: dict[str, object] = {}
    for name, text in given.items():
        if not text:
            continue
        if isinstance(text, str):
            values = _read_list(text, vocabulary, flags[name], timeout)
            options[name] = tuple(values) if name == "interval" else values
        else:
            options[name] = [_read(item, vocabulary, flags[name], timeout) for item in text]
    return options


def _within(seconds: float, work: Callable[[], str]) -> str:
    """Run a derivation (and its rendering) under a time budget; BudgetExceeded when it runs out."""
    result = ""
    with checkers.Budget(seconds) as budget:
        result = work()
    if budget.expired:
        raise BudgetExceeded(f"the derivation did not finish within {seconds:g} s (raise --timeout to allow more)")
    return result


def _read(text: str, vocabulary: checkers.Vocabulary, what: str, timeout: float) -> sympy.Basic:
    """An option's expression, read within ``timeout`` seconds of work (a UsageError if it cannot be)."""
    return checkers.read_expected(text, vocabulary, what=what, timeout=timeout)


def _read_list(text: str, vocabulary: checkers.Vocabulary, what: str, timeout: float) -> list[sympy.Basic]:
    value = _read(text if text.strip().startswith("(") else f"({text},)" if "," not in text else f"({text})", vocabulary, what,
                  timeout)
    return list(value) if isinstance(value, (sympy.Tuple, sympy.MatrixBase)) else [value]


def _render(derivation: derive.Derivation, output_format: str) -> str:
    if output_format == "json":
        return _json(derivation.to_dict())
    return {"text": derivation.to_text, "latex": derivation.to_latex, "markdown": derivation.to_markdown,
            "html": derivation.to_html, "sympy": derivation.to_sympy}[output_format]()


def _json(data: object, indent: int | None = 2) -> str:
    """``data`` as JSON (the json module loads only for a command that prints JSON)."""
    import json

    return json.dumps(data, indent=indent)


def _emit_verdict(verdict: checkers.Verdict, as_json: bool, hint: Hint | None = None, asked: bool = False) -> None:
    """Print the verdict (and the hint, when one was asked for: JSON carries ``"hint"``, null for a
    correct answer) and exit with the verdict's status."""
    if as_json:
        data = verdict.to_dict() | ({"hint": hint.to_dict() if hint else None} if asked else {})
        click.echo(_json(data))
    else:
        click.echo(verdict_text(verdict, color=sys.stdout.isatty(), diagnosis=hint is None))
        if hint is not None:
            click.echo(hint.text)
    sys.exit(verdict.exit_code)

