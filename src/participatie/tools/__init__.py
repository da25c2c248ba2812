"""Tools around the book: the command line, the notebook executor, rerun, the synthetic data, the benchmark."""
