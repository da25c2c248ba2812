"""The data layer: the data package on disk, its validation, loading, periods and editions.

Modules: `package` (directory, descriptor, safe paths, problems), `validation` (every check, with the
validation cache), `values` (what a value may be by its unit), `periods` (ISO 8601 periods),
`page_index` (the numbers printed on each page of a letter), `load` (typed tables), `editions`
(national and municipal figures).
"""

from .load import Dataset, load
from .package import DataValidationError, Problem, bundled_data_dir, resolve_data_dir
from .validation import validate

__all__ = ["Dataset", "DataValidationError", "Problem", "bundled_data_dir", "load", "resolve_data_dir", "validate"]
