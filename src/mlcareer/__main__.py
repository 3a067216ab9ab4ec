"""``python -m mlcareer``."""

from mlcareer.cli import main

if __name__ == "__main__":
    main()
