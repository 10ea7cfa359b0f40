"""`python -m newsarchive` is the `newsarchive` command."""

from .cli import main

main()
