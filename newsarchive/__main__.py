"""`python -m newsarchive` is the `newsarchive` command."""

from .cli import main

if __name__ == "__main__":  # not again in the crawl processes `run-due` spawns
    main()
