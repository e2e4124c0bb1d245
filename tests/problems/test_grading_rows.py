"""Batch grading, reading side: submission rows (JSONL, CSV), their error records, the results file."""

import json

import pytest

from problems._grading._records import result_record
from problems._grading._results import ResultsLog, read_results
from problems._grading._rows import MAX_LINE, MAX_TEXT, RowError, Task, detect_format, read_submissions, task_from_mapping

GOOD_ROWS = [
    # (row as decoded, the Task it becomes)
    ({"id": "s1", "problem": "ch2-solutions.3.x", "answer": "2xy"}, Task(1, "s1", "2xy", problem="ch2-solutions.3.x")),
    ({"id": "s1", "problem": "ch2-solutions.3", "part": "x", "answer": "2xy"}, Task(1, "s1", "2xy", problem="ch2-solutions.3.x")),
    ({"id": 7, "problem": "ch2-solutions.2", "answer": "2x"}, Task(1, 7, "2x", problem="ch2-solutions.2.deriv")),
    ({"id": "s1", "expected": "x^2", "answer": "2x"}, Task(1, "s1", "2x", expected="x^2")),
    ({"id": "s1", "expected": "x^2", "answer": 4}, Task(1, "s1", "4", expected="x^2")),
    ({"id": "s1", "expected": "sqrt(x^2)", "answer": "x", "symbols": ["x:positive"]},
     Task(1, "s1", "x", expected="sqrt(x^2)", symbols=("x:positive",))),
    ({"id": "s1", "expected": "A x", "answer": "Ax", "symbols": "A:matrix(m,n); x:vector(n)"},
     Task(1, "s1", "Ax", expected="A x", symbols=("A:matrix(m,n)", "x:vector(n)"))),
    ({"id": "s1", "expected": "x", "answer": "x", "extra": "ignored"}, Task(1, "s1", "x", expected="x")),
]

BAD_ROWS = [
    # (row as decoded, error kind, text in the message)
    ({"problem": "ch2-solutions.3.x", "answer": "2xy"}, "missing-field", 'no "id"'),
    ({"id": "", "expected": "x", "answer": "x"}, "missing-field", 'no "id"'),
    ({"id": ["s1"], "expected": "x", "answer": "x"}, "wrong-type", '"id" must be'),
    ({"id": True, "expected": "x", "answer": "x"}, "wrong-type", '"id" must be'),
    ({"id": "s" * 201, "expected": "x", "answer": "x"}, "wrong-type", '"id" must be'),
    ({"id": "s1", "expected": "x"}, "missing-field", 'no "answer"'),
    ({"id": "s1", "expected": "x", "answer": None}, "missing-field", 'no "answer"'),
    ({"id": "s1", "answer": "x"}, "missing-field", 'neither "problem" nor "expected"'),
    ({"id": "s1", "problem": "ch2-solutions.3.x", "expected": "x", "answer": "x"}, "conflicting-fields", "not both"),
    ({"id": "s1", "problem": "ch2-solutions.3.x", "answer": "2xy", "symbols": ["x"]}, "conflicting-fields", "symbols"),
    ({"id": "s1", "expected": "x", "answer": {"latex": "x"}}, "wrong-type", '"answer" must be text, not an object'),
    ({"id": "s1", "expected": "x", "answer": ["x"]}, "wrong-type", '"answer" must be text, not a list'),
    ({"id": "s1", "expected": "x", "answer": False}, "wrong-type", '"answer" must be text'),
    ({"id": "s1", "expected": ["x"], "answer": "x"}, "wrong-type", '"expected" must be text'),
    ({"id": "s1", "expected": "x", "answer": "x" * 1_000_000}, "too-long", "the limit is 100,000"),
    ({"id": "s1", "expected": "x" * (MAX_TEXT + 1), "answer": "x"}, "too-long", '"expected" is 100,001 characters'),
    ({"id": "s1", "problem": "nope.1", "answer": "x"}, "unknown-problem", "no problem 'nope.1'"),
    ({"id": "s1", "problem": "ch2-solutions.3", "answer": "x"}, "unknown-problem", "name one"),
    ({"id": "s1", "problem": "ch2-solutions.3", "part": "zz", "answer": "x"}, "unknown-problem", "no part 'zz'"),
    ({"id": "s1", "problem": {"id": 1}, "answer": "x"}, "wrong-type", '"problem" must be text'),
    ({"id": "s1", "problem": "p" * 500, "answer": "x"}, "too-long", '"problem" is 500'),
    ({"id": "s1", "expected": "x", "answer": "x", "symbols": ["x:bogus"]}, "bad-symbols", "unknown kind"),
    ({"id": "s1", "expected": "x", "answer": "x", "symbols": [1, 2]}, "wrong-type", '"symbols" must be a list'),
    ({"id": "s1", "expected": "x", "answer": "x", "symbols": ["x"] * 51}, "too-long", "51 declarations"),
]


@pytest.mark.parametrize(("row", "task"), GOOD_ROWS)
def test_good_rows_become_tasks(row, task):
    assert task_from_mapping(row, 1) == task


@pytest.mark.parametrize(("row", "kind", "text"), BAD_ROWS)
def test_bad_rows_become_error_records_with_a_message(row, kind, text):
    item = task_from_mapping(row, 5)
    assert isinstance(item, RowError), item
    assert (item.kind, item.row) == (kind, 5)
    assert text in item.message
    record = result_record(item)
    assert record["status"] == "error" and record["score"] == 0.0 and record["row"] == 5
    assert record["error"] == {"kind": kind, "message": item.message}
    json.dumps(record)


JSONL_LINES = [
    # (raw line, kind of the error record or None for a task, salvaged id)
    (b'{"id": "s1", "expected": "x", "answer": "x"}', None, "s1"),
    (b'{"id": "s2", "expected": "x", "answer": "x"', "unreadable", "s2"),
    (b'{"id": 3, "answer": }', "unreadable", 3),
    (b"not json at all", "unreadable", None),
    (b"[1, 2, 3]", "unreadable", None),
    (b'"just a string"', "unreadable", None),
    (b"null", "unreadable", None),
    (b'{"id": "s\xff", "answer": "x"}', "unreadable", None),
    (b"[" * 100_000, "unreadable", None),
    (b'{"id": 1' + b"1" * 5000 + b', "answer": "x"}', "unreadable", None),
    (b'{"id": "s9", "expected": "x", "answer": "\\ud800"}', None, "s9"),
    (b'{"id": "s10", "expected": "x", "answer": "' + b"x" * (MAX_LINE + 10) + b'"}', "too-long", "s10"),
]


@pytest.mark.parametrize(("line", "kind", "row_id"), JSONL_LINES)
def test_each_jsonl_line_becomes_one_item(tmp_path, line, kind, row_id):
    path = tmp_path / "subs.jsonl"
    path.write_bytes(
        b'{"id": "first", "expected": "x", "answer": "x"}\n\n'
        + line
        + b"\n"
        + b'{"id": "last", "expected": "x", "answer": "x"}\n'
    )
    items = list(read_submissions(path, "jsonl"))
    assert [i.row for i in items] == [1, 3, 4]
    assert items[0].id == "first" and items[2].id == "last"
    middle = items[1]
    assert middle.id == row_id
    assert (middle.kind if isinstance(middle, RowError) else None) == kind


def test_a_byte_order_mark_and_a_missing_final_newline_are_fine(tmp_path):
    path = tmp_path / "subs.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a", "expected": "x", "answer": "x"}\n{"id": "b", "expected": "x", "answer": "x"}')
    assert [i.id for i in read_submissions(path, "jsonl")] == ["a", "b"]


def test_csv_rows_with_quotes_newlines_and_bad_records(tmp_path):
    path = tmp_path / "subs.csv"
    path.write_text(
        "id,problem,part,answer,expected,symbols\n"
        "s1,ch2-solutions.3,x,2xy,,\n"
        's2,,,"\\frac{1}{2}\nx",x/2,\n'
        "s3,,,x,sqrt(x^2),x:positive; y:real\n"
        's4,,,x,x,"[""x:positive""]"\n'
        "s5,,,x,x,,,,extra\n"
        "\n"
        ",,,x,x,\n", encoding="utf-8")
    items = list(read_submissions(path, "csv"))
    assert [i.row for i in items] == [2, 3, 5, 6, 7, 9]
    assert items[0] == Task(2, "s1", "2xy", problem="ch2-solutions.3.x")
    assert items[1] == Task(3, "s2", "\\frac{1}{2}\nx", expected="x/2")
    assert items[2].symbols == ("x:positive", "y:real") and items[3].symbols == ("x:positive",)
    assert isinstance(items[4], RowError) and "9 cells" in items[4].message
    assert isinstance(items[5], RowError) and items[5].kind == "missing-field"


def test_csv_oversized_field_is_an_error_record_and_reading_goes_on(tmp_path):
    path = tmp_path / "subs.csv"
    path.write_text("id,expected,answer\n" + f's1,x,"{"x" * (MAX_LINE + 5)}"\n' + "s2,x,x\n", encoding="utf-8")
    items = list(read_submissions(path, "csv"))
    assert isinstance(items[0], RowError) and items[0].kind == "unreadable"
    assert items[-1] == Task(3, "s2", "x", expected="x")


@pytest.mark.parametrize(("name", "content", "found"), [
    ("a.jsonl", b"", "jsonl"), ("a.ndjson", b"", "jsonl"), ("a.csv", b"", "csv"), ("a.tsv", b"", "csv"),
    ("a.txt", b'\n  {"id": 1}', "jsonl"), ("a.txt", b"id;answer;expected\n", "csv"), ("a", b"ID,Answer\n", "csv"),
    ("a.txt", b"hello world\n", ""), ("a.dat", b"\x00\x01\x02", ""),
])
def test_format_by_extension_or_sniffed(tmp_path, name, content, found):
    path = tmp_path / name
    path.write_bytes(content)
    assert detect_format(path) == found


def test_results_log_resume_cuts_a_torn_last_line(tmp_path):
    path = tmp_path / "results.jsonl"
    with ResultsLog(path) as log:
        for row in (1, 2, 3):
            log.append({"id": f"s{row}", "row": row, "status": "correct"})
    with path.open("ab") as handle:
        handle.write(b'{"id": "s4", "row": 4, "sta')
    assert ResultsLog.open_existing(path) == {1: "s1", 2: "s2", 3: "s3"}
    assert path.read_bytes().endswith(b"}\n")
    with ResultsLog(path, keep=True) as log:
        log.append({"id": "s4", "row": 4, "status": "incorrect"})
    assert [r["row"] for r in read_results(path)] == [1, 2, 3, 4]


def test_results_log_refuses_a_file_that_is_not_results(tmp_path):
    path = tmp_path / "results.jsonl"
    path.write_text('{"id": "s1", "row": 1, "status": "correct"}\nhello\n{"id": "s2", "row": 2, "status": "correct"}\n')
    with pytest.raises(Exception, match=r"line 2 of .* is not a derivecheck result"):
        ResultsLog.open_existing(path)
