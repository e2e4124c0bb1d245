"""Convert public answer-test fixtures into conformance rows for derivecheck (re-runnable).

Run from the repository root: ``python benchmarks/conformance_convert.py [MIRROR_ROOT]``
(default ``/work/.mirror``: git snapshots read with ``git show HEAD:PATH``). Writes
``tests/checkers/data/conformance/{stack,math_verify,out_of_scope}.jsonl``; each file starts
with ``#`` lines citing the repository, path and commit. Rows are
``{"source", "file", "line", "reference", "answer", "expected", "notation"}`` with
``expected`` one of ``correct`` / ``incorrect`` / ``invalid``; an out-of-scope row also
has ``"reason"``.

Sources:
- STACK (maths/moodle-qtype_stack) ``tests/fixtures/answertestfixtures.class.php``: the
  answer tests whose meaning is derivecheck's equality, AlgEquiv, SysEquiv (systems by
  solution set) and Sets; the student's answer is the answer, the teacher's the reference.
  Maxima syntax is translated to sympy syntax where that is mechanical (``^``, ``%pi``,
  ``%i``, ``%e``, ``inf``, ``n!``, ``matrix(...)``, ``#``, ``#pm#``, ``lg``, ``root``,
  intervals ``oo/cc/oc/co`` and ``%union`` to LaTeX); Maxima-only functions
  (``ev``, ``radcan``, ``assume``, ``stackunits`` ...), logic words and strings are out of
  scope, listed with the reason. Score 1 (and -3, "STACK fails, mathematically the same")
  is ``correct``; 0 and -2 are ``incorrect``; -1 (input errors) is out of scope.
- Math-Verify (huggingface/Math-Verify) ``tests/*.py``: every ``parametrize`` table of
  (gold, pred, expected); the answer is the last ``\\boxed{}``, or the one math span, of
  the text; prose that needs extracting, percent signs and thousands separators are out
  of scope.
- KAS (Khan/KAS): the snapshot holds no test fixtures (only ``test.html``), so it is skipped.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "checkers" / "data" / "conformance"

STACK_REPO, STACK_PATH = "maths/moodle-qtype_stack", "tests/fixtures/answertestfixtures.class.php"
MV_REPO = "huggingface/Math-Verify"
STACK_TESTS = {"AlgEquiv", "SysEquiv", "Sets"}
SCORES = {1: "correct", -3: "correct", 0: "incorrect", -2: "incorrect"}


@dataclass(frozen=True)
class Row:
    source: str
    file: str
    line: int
    reference: str
    answer: str
    expected: str
    notation: str
    reason: str = ""


def git_show(repo_dir: Path, path: str) -> str:
    return subprocess.run(["git", "-C", str(repo_dir), "show", f"HEAD:{path}"], check=True,
                          capture_output=True, text=True).stdout


def git_head(repo_dir: Path) -> str:
    return subprocess.run(["git", "-C", str(repo_dir), "rev-parse", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()


# -- STACK: the PHP array of rows -----------------------------------------------------------

_PHP_TOKEN = re.compile(r"\s+|//[^\n]*|/\*.*?\*/|'(?:\\.|[^'\\])*'|-?\d+|[\[\],.]|\S")


def php_rows(text: str) -> list[tuple[int, list]]:
    """The rows of ``$rawdata = [...]``: (line of the row, its values); '.' joins strings."""
    start = text.index("$rawdata = [") + len("$rawdata = ")
    stack: list[list] = []
    rows: list[tuple[int, list]] = []
    joining, row_line = False, 0
    for match in _PHP_TOKEN.finditer(text, start):
        token = match.group()
        if token.isspace() or token.startswith(("//", "/*")):
            continue
        if token == "[":
            stack.append([])
            if len(stack) == 2:
                row_line = text.count("\n", 0, match.start()) + 1
        elif token == "]":
            done = stack.pop()
            if not stack:
                return rows
            stack[-1].append(done)
            if len(stack) == 1:
                rows.append((row_line, done))
        elif token == ".":
            joining = True
        elif token == ",":
            continue
        else:
            value = _php_value(token)
            if joining:
                stack[-1][-1] += value
                joining = False
            else:
                stack[-1].append(value)
    return rows


def _php_value(token: str) -> object:
    if token.startswith("'"):
        return re.sub(r"\\(['\\])", r"\1", token[1:-1])
    return int(token)


_OUT_FUNCTIONS = {
    "ev", "radcan", "ratsimp", "trigrat", "logcontract", "assume", "declare", "integerp", "lowesttermsp",
    "scientific_notationp", "exdowncase", "taylor", "round", "significantfigures", "scientific_notation",
    "displaysci", "stackunits", "stack_units_nums", "stackunits_make", "stackvector", "ntuple", "rectform",
    "polarform", "map", "trigeval", "stackeq", "stack_single_variable_solver", "natural_domain", "disp_complex",
    "boolean_form", "signum", "int", "noundiff", "diff", "%intersection", "imag_numberp", "complex_exponentialp",
}
_LOGIC_ONLY = {"true", "false", "all", "none", "implies", "xor", "xnor"}
_RENAMES = {"%pi": "pi", "%e": "E", "%i": "I", "e": "E", "i": "I", "inf": "oo", "minf": "-oo", "cosec": "csc",
            "cosech": "csch", "ln": "log", "nounand": "and", "nounor": "or"}
_INTERVALS = {"oo": ("(", ")"), "cc": ("[", "]"), "oc": ("(", "]"), "co": ("[", ")")}
_MAXIMA_TOKEN = re.compile(r"\s+|%?[A-Za-z_][A-Za-z_0-9]*|\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+|#pm#|:=|<=|>=|\S")


class Untranslatable(ValueError):
    """A Maxima construct derivecheck cannot express; the message is the reason."""


def translate_maxima(text: str, *, answer_side: bool = False) -> tuple[str, str]:
    """(translated text, notation): sympy syntax, or LaTeX for real intervals.

    >>> translate_maxima("x^2*%e^(%i*%pi)")
    ('x**2*E**(I*pi)', 'plain')
    >>> translate_maxima("(n+1)!")
    ('factorial((n+1))', 'plain')
    >>> translate_maxima("n/n!")
    ('n/factorial(n)', 'plain')
    >>> translate_maxima("%union(oc(1,2),co(2,3))")
    ('(1, 2] \\\\cup [2, 3)', 'latex')
    """
    tokens = [t for t in _MAXIMA_TOKEN.findall(text) if not t.isspace()]
    _refuse_out_of_scope(tokens, answer_side)
    if any(t in _INTERVALS or t == "%union" for t in tokens):
        return _intervals_to_latex(tokens), "latex"
    out: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token == "!":
            out.append(f"factorial({_pop_operand(out)})")
        elif token == "'" and following == "root":
            pass
        elif token in ("root", "lg") and following == "(":
            args, index = _call_arguments(tokens, index + 1)
            base = args[1] if len(args) > 1 else ("10" if token == "lg" else "2")
            out.append(f"(({args[0]})**(1/({base})))" if token == "root" else f"log({args[0]}, {base})")
        elif token in ("sum", "product") and following == "(":
            args, index = _call_arguments(tokens, index + 1)
            if len(args) != 4:
                raise Untranslatable(f"{token}() without a range")
            out.append(f"{token.title()}({args[0]}, ({args[1]}, {args[2]}, {args[3]}))")
        elif token == "matrix" and following == "(":
            args, index = _call_arguments(tokens, index + 1)
            out.append("Matrix([" + ", ".join(args) + "])")
        elif token == "[" and out and re.fullmatch(r"[A-Za-z_]\w*", out[-1]):
            close = tokens.index("]", index)
            out[-1] = out[-1] + "_" + "".join(tokens[index + 1:close])
            index = close
        else:
            out.append(_rename(token))
        index += 1
    return _join(out), "plain"


def _refuse_out_of_scope(tokens: list[str], answer_side: bool) -> None:
    for position, token in enumerate(tokens):
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        if token == "diff" and following == "(" and answer_side:
            continue  # derivecheck's policy: a derivative left to work out is invalid in an answer
        if token in _OUT_FUNCTIONS and following == "(":
            raise Untranslatable(f"Maxima-only function {token}()")
        if token in _LOGIC_ONLY:
            raise Untranslatable(f"propositional logic ({token})")
        if token == ":=":
            raise Untranslatable("function definition (:=)")
        if token == '"':
            raise Untranslatable("string")
        if token == "'" and following != "root":
            raise Untranslatable("Maxima noun form (')")
        if token == "binomial" and "[" in tokens:
            raise Untranslatable("binomial over a list")
    words = {"and", "or", "not", "nounand", "nounor"}
    if words & set(tokens) and not ({"<", ">", "<=", ">=", "=", "#"} & set(tokens)):
        raise Untranslatable("propositional logic (and/or/not of names)")
    if "{" in tokens and ("=" in tokens or "<" in tokens or ">" in tokens) and "[" not in tokens:
        raise Untranslatable("a set of equations or inequalities")
    lists = [i for i, t in enumerate(tokens) if t == "[" and not (i and re.fullmatch(r"%?\w+", tokens[i - 1]))]
    if lists and any(t in ("<", ">", "=", "#", "{") for t in tokens) and "matrix" not in tokens:
        raise Untranslatable("a list of conditions or sets")
    if "matrix" in tokens and any(t in ("<", ">", "{") for t in tokens):
        raise Untranslatable("a matrix of conditions and sets")
    if "." in tokens:
        raise Untranslatable("Maxima non-commutative product (.)")


def _rename(token: str) -> str:
    if token == "#":
        return "!="
    if token == "#pm#":
        return "±"
    if token == "^":
        return "**"
    return _RENAMES.get(token, token)


def _pop_operand(out: list[str]) -> str:
    """Remove and return the operand before a postfix ``!``: a name, a number or a bracket."""
    if out[-1] != ")":
        return out.pop()
    depth = 0
    for start in range(len(out) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(out[start], 0)
        if depth == 0:
            break
    operand = "".join(out[start:])
    del out[start:]
    return operand


def _call_arguments(tokens: list[str], open_index: int) -> tuple[list[str], int]:
    """Translated top-level arguments of the call whose '(' is at ``open_index``; index of ')'."""
    depth, current, args = 0, [], []
    for index in range(open_index, len(tokens)):
        token = tokens[index]
        if token in "([{":
            depth += 1
            if depth == 1:
                continue
        elif token in ")]}":
            depth -= 1
            if depth == 0:
                args.append(current)
                return [translate_maxima("".join(a))[0] for a in args], index
        elif token == "," and depth == 1:
            args.append(current)
            current = []
            continue
        current.append(token)
    raise Untranslatable("unbalanced brackets")


def _join(out: list[str]) -> str:
    text = ""
    for piece in out:
        text += " " + piece if re.match(r"\w", piece) and re.search(r"\w$", text) else piece
    return re.sub(r"\s*(!=|±|=|<=|>=|<|>|\band\b|\bor\b)\s*", r" \1 ", text).replace("  ", " ").strip()


def _intervals_to_latex(tokens: list[str]) -> str:
    """``%union(oo(1,2),{3})`` as LaTeX ``(1, 2) \\cup \\{3\\}``."""
    text = "".join(tokens)
    text = text.replace("minf", "-\\infty").replace("inf", "\\infty")

    def interval(match: re.Match) -> str:
        left, right = _INTERVALS[match.group(1)]
        return f"{left}{match.group(2)}, {match.group(3)}{right}"

    text = re.sub(r"\b(oo|cc|oc|co)\(([^,()]+),([^,()]+)\)", interval, text)
    text = re.sub(r"\{([^{}]*)\}", lambda m: "\\{" + m.group(1).replace(",", ", ") + "\\}", text)
    match = re.fullmatch(r"%union\((.*)\)", text)
    if match:
        parts = _split_top(match.group(1))
        text = " \\cup ".join(parts)
    if "%" in text or re.search(r"[A-Za-z]\(", text):
        raise Untranslatable("a real-set construct")
    return text


def _split_top(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch in "([{" and not current.endswith("\\"):
            depth += 1
        elif ch in ")]}" and not current.endswith("\\"):
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def stack_rows(repo_dir: Path) -> list[Row]:
    rows = []
    for line, values in php_rows(git_show(repo_dir, STACK_PATH)):
        name, options, student, teacher, score = values[:5]
        if name not in STACK_TESTS:
            continue
        base = dict(source=STACK_REPO, file=STACK_PATH, line=line)
        if score not in SCORES:
            rows.append(Row(**base, reference=teacher, answer=student, expected="invalid", notation="maxima",
                            reason="an input-error row of the answer test (score -1)"))
            continue
        if options:
            rows.append(Row(**base, reference=teacher, answer=student, expected=SCORES[score], notation="maxima",
                            reason=f"answer-test option {options!r}"))
            continue
        try:
            unwrap = _system if name == "SysEquiv" else str
            reference, notation_t = translate_maxima(unwrap(teacher))
            answer, notation_s = translate_maxima(unwrap(student), answer_side=True)
        except (Untranslatable, ValueError) as error:
            rows.append(Row(**base, reference=teacher, answer=student, expected=SCORES[score], notation="maxima",
                            reason=str(error) or "untranslatable"))
            continue
        notation = "latex" if "latex" in (notation_t, notation_s) else "plain"
        if notation == "latex" and notation_t != notation_s:
            rows.append(Row(**base, reference=teacher, answer=student, expected=SCORES[score], notation="maxima",
                            reason="a real set against a non-set (Maxima's type check)"))
            continue
        rows.append(Row(**base, reference=reference, answer=answer, expected=SCORES[score], notation=notation))
    return rows


def _system(text: str) -> str:
    """A Maxima list of equations as a system: ``[a = b, c = d]`` -> ``a = b, c = d``."""
    if not (text.startswith("[") and text.endswith("]")) or "=" not in text:
        raise Untranslatable("a system that is not a list of equations (SysEquiv type check)")
    return text[1:-1]


# -- Math-Verify: pytest parametrize tables -------------------------------------------------------

def mv_tables(text: str) -> list[tuple[int, str, str, int]]:
    """(line, gold, pred, expected) of every parametrize table with gold/pred/expected columns."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "parametrize" and len(node.args) >= 2):
            continue
        names = [n.strip() for n in ast.literal_eval(node.args[0]).split(",")]
        if names[:3] != ["gold", "pred", "expected"]:
            continue
        for element in node.args[1].elts:
            try:
                values = ast.literal_eval(element)
            except ValueError:
                continue
            extra = dict(zip(names[3:], values[3:]))
            if extra.get("precision", 6) != 6 or extra.get("allow_set_relation_comp") is False:
                continue  # the other settings of the same pairs are kept
            found.append((element.lineno, values[0], values[1], values[2]))
    return found


_MATH_SPAN = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$|\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)


def extract_answer(text: str) -> str:
    """The answer a reader sees: the last ``\\boxed{}``, else the text's only math span."""
    boxed = _last_boxed(text)
    if boxed is not None:
        return boxed.strip()
    spans = [next(g for g in m.groups() if g is not None) for m in _MATH_SPAN.finditer(text)]
    if len(spans) == 1 and "\n" in spans[0] and not re.search(r"\$\$|\\\[", text):
        raise Untranslatable("extraction: inline math across lines")
    if len(spans) == 1 and not re.search(r"[A-Za-z]{4,}", _MATH_SPAN.sub("", text).replace("\\", " ")):
        return spans[0].strip()
    if len(spans) == 1 and len(text) < 80:
        return spans[0].strip()
    if not spans and "$" not in text and not re.search(r"[A-Za-z]{4,}", re.sub(r"\\[A-Za-z]+", "", text)):
        return text.strip()
    raise Untranslatable("answer extraction from prose")


def _last_boxed(text: str) -> str | None:
    start = text.rfind("\\boxed{")
    if start < 0:
        return None
    depth, index = 0, start + len("\\boxed")
    for position in range(index, len(text)):
        if text[position] == "{":
            depth += 1
        elif text[position] == "}":
            depth -= 1
            if depth == 0:
                return text[index + 1:position]
    raise Untranslatable("an unbalanced \\boxed{")


def mv_rows(repo_dir: Path) -> list[Row]:
    rows = []
    files = subprocess.run(["git", "-C", str(repo_dir), "ls-tree", "--name-only", "HEAD", "tests/"], check=True,
                           capture_output=True, text=True).stdout.split()
    for path in sorted(f for f in files if f.endswith(".py")):
        for line, gold, pred, expected in mv_tables(git_show(repo_dir, path)):
            base = dict(source=MV_REPO, file=path, line=line, expected="correct" if expected == 1 else "incorrect")
            try:
                reference, answer = extract_answer(gold), extract_answer(pred)
                _refuse_mv(reference, answer)
            except Untranslatable as error:
                rows.append(Row(**base, reference=gold, answer=pred, notation="latex", reason=str(error)))
                continue
            rows.append(Row(**base, reference=reference, answer=answer, notation="latex"))
    return rows


_MV_OUT = (
    (r"\\text\{\s*[A-Za-z]{2,}[^}]*\}|^\\text\{", "a word answer"),
    (r"\\mbox|\\textnormal|\^\\circ|\\\$|\bcm\b", "a unit or currency sign"),
    (r"\\\\[a-z]|\x0c|\\zzz|^ext\{", "malformed LaTeX in the fixture (doubled backslash, form feed)"),
    (r"\d_\d|\d_\{\d", "a numeral in another base"),
    (r"^[-\d]+,\d+$|^\d+,\d+\.\d+$", "a decimal comma or thousands separator"),
    (r"\d:\d|:", "a ratio a:b"),
    (r";", "a semicolon-separated list"),
)


def _refuse_mv(reference: str, answer: str) -> None:
    for text in (reference, answer):
        for pattern, reason in _MV_OUT:
            if re.search(pattern, text):
                raise Untranslatable(reason)
        if re.search(r"\\%|%|\bpercent|\bpct", text):
            raise Untranslatable("a percent sign (a unit)")
        if re.search(r"\d,\d{3}\b|\d\{,\}\d|\d,\\!\d|\d \d{3}\b", text):
            raise Untranslatable("a thousands separator")


# -- output ---------------------------------------------------------------------------------------

def write(path: Path, header: list[str], rows: list[Row]) -> None:
    lines = [f"# {h}" for h in header] + [json.dumps(_public(row), ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _public(row: Row) -> dict:
    data = asdict(row)
    if not data["reason"]:
        del data["reason"]
    return data


def main(mirror: Path) -> None:
    stack_dir, mv_dir = mirror / "maths+moodle-qtype_stack" / "repo", mirror / "huggingface+Math-Verify" / "repo"
    stack, mv = stack_rows(stack_dir), mv_rows(mv_dir)
    OUT.mkdir(parents=True, exist_ok=True)
    cite_stack = f"{STACK_REPO} {STACK_PATH} at {git_head(stack_dir)} (GPL-3.0-or-later)"
    cite_mv = f"{MV_REPO} tests/*.py at {git_head(mv_dir)} (MIT)"
    note = "generated by benchmarks/conformance_convert.py; do not edit by hand"
    write(OUT / "stack.jsonl", [f"Data from {cite_stack}", "Answer tests AlgEquiv, SysEquiv, Sets, Maxima translated "
                                "to sympy syntax (LaTeX for real intervals).", note], [r for r in stack if not r.reason])
    write(OUT / "math_verify.jsonl", [f"Data from {cite_mv}", "Gold/pred pairs; the answer is the last \\boxed{} or "
                                      "the only math span.", note], [r for r in mv if not r.reason])
    write(OUT / "out_of_scope.jsonl", [f"Data from {cite_stack} and {cite_mv}", "Rows derivecheck is not asked to "
                                       "decide, each with the reason.", note], [r for r in stack + mv if r.reason])
    for name, rows in (("STACK", stack), ("Math-Verify", mv)):
        print(f"{name}: {sum(not r.reason for r in rows)} in scope, {sum(bool(r.reason) for r in rows)} out of scope")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/.mirror"))
