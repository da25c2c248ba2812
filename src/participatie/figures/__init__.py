"""The figures layer: looking figures up, the letters behind them, cross-checks, revisions and rounding.

Pure pandas on the figure tables of the data layer; no Dutch display text (that is `presentation`).
"""
