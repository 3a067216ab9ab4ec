"""``python -m mlcareer``, and the console script's entry point.

Kept tiny and separate so that a Ctrl-C while the CLI is still importing ends with exit code 130
and no traceback, like one that comes later.
"""

import sys


def run() -> None:
    import os

    if "_MLCAREER_COMPLETE" in os.environ:  # a Tab: answered without typer (see mlcareer.completion)
        from mlcareer.completion import main as complete  # start-up: a Tab loads neither typer nor the cli

        complete()
    try:
        from mlcareer.cli import main  # inside the try: Ctrl-C while the cli loads ends cleanly
    except KeyboardInterrupt:
        from mlcareer.errors import ExitCode  # start-up: only on Ctrl-C while the cli loads

        sys.stderr.write("mlcareer: interrupted\n")
        sys.exit(int(ExitCode.INTERRUPTED))
    main()


if __name__ == "__main__":
    run()
