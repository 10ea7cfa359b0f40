"""Item pipelines: extract -> normalise -> validate -> store, one job each."""
