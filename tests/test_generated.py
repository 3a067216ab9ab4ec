"""Files generated from the command tree (the man page, completion's grammar) are current."""

import subprocess
import sys

from conftest import ROOT


def test_generated_files_are_current():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "generate.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
