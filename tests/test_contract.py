"""The outer contract's command line: every command exists and takes --db."""

import click

from newsarchive.cli import cli

CONTRACT_COMMANDS = {
    "crawl", "sites add", "sites list", "sites remove", "run-due", "schedule",
    "search", "serve", "extract", "stats", "health", "import-warc", "dispatch", "ingest",
}


def commands(group: click.Group, prefix: str = "") -> dict[str, click.Command]:
    found = {}
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found.update(commands(command, f"{prefix}{name} "))
        else:
            found[prefix + name] = command
    return found


def test_contract_commands_exist() -> None:
    assert CONTRACT_COMMANDS <= set(commands(cli))


def test_every_command_takes_db() -> None:
    for name, command in commands(cli).items():
        options = {opt for param in command.params for opt in getattr(param, "opts", [])}
        assert "--db" in options, name
