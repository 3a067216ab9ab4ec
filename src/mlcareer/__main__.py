"""``python -m mlcareer``, and the console script's entry point.

Kept tiny and separate so that a Ctrl-C while the CLI is still importing ends with exit code 130
and no traceback, like one that comes later.
"""

import sys


def run() -> None:
    import os

    if "_MLCAREER_COMPLETE" in os.environ:  # a Tab: answered without typer (see mlcareer.completion)
        from mlcareer.completion import main as complete

        complete()
    try:
        from mlcareer.cli import main
    except KeyboardInterrupt:
        from mlcareer.errors import ExitCode

        sys.stderr.write("mlcareer: interrupted\n")
        sys.exit(int(ExitCode.INTERRUPTED))
    main()


if __name__ == "__main__":
    run()
