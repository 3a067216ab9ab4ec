"""A sample of the curator's mutation run (benchmarks/verify_mutations.py runs all of them, 216):
each mistake that changes what a reader is told is caught, and the unmutated file gives none."""

from __future__ import annotations

import importlib.util

from conftest import ROOT


def test_a_sample_of_the_mutation_run_is_all_caught():
    spec = importlib.util.spec_from_file_location("verify_mutations", ROOT / "benchmarks" / "verify_mutations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    total, caught, false_problems, kinds, missed = module.run(sample=24)
    assert false_problems == 0
    assert total == 24 and len(kinds) == 12  # every kind of mistake, twice
    assert caught == total, [(m.kind, m.field) for m in missed]
