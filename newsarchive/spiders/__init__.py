"""The project's one spider (`news`): any news site, driven by what it discovers."""
