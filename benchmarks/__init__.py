"""Speed and scale measurements; results in RESULTS.md."""
