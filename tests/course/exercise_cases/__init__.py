"""Right and wrong answers for every checker, one module per notebook (nbNN.py).

Each module defines CASES = {"check_name": {"kind": "function" or "value",
"right": [answers], "wrong": [(answer, fragment of the hint the learner must see)]}}.
A "function" checker takes the learner's function; a "value" checker takes a value
(its stub is None). At least two typical wrong answers per checker.
"""
