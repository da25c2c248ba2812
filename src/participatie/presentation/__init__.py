"""The presentation layer: Dutch words and numbers, letter references, tables and the house charts."""
