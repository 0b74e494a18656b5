"""A CSV cell told at its line and column (a refused cell of a table or a chart, a chart's empty cell) is found in
the file read once, however many cells are told (review-13 R9: each read the whole file again; a thousand refused
cells of a 3.9 MB file took 9.0 s of CPU against 0.81 s, some 220 s a language at the bounds)."""

from __future__ import annotations

from ccdocs.sources import data


def test_many_cells_of_one_file_are_placed_reading_it_once(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_text("id,label,value\n" + "".join(f'r{n},"Row\n{n}",x{n}\n' for n in range(500)), encoding="utf-8")
    reads = []
    real = data.read_bounded
    monkeypatch.setattr(data, "read_bounded", lambda *args: reads.append(args[0]) or real(*args))
    places = [data.cell_place(path, 2 + 2 * n, 2) for n in range(500)]
    assert places[0] == (3, 4) and places[-1] == (1001, 6)  # each row's value stands after its two-line label
    assert reads == [path]


def test_a_file_changed_since_is_read_again(tmp_path):
    path = tmp_path / "small.csv"
    path.write_text("id,value\na,1\n", encoding="utf-8")
    assert data.cell_place(path, 2, 1) == (2, 3)
    path.write_text("id,value\nabc,1\n", encoding="utf-8")
    assert data.cell_place(path, 2, 1) == (2, 5)
