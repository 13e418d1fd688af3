"""Right and wrong answers for every checker, one module per notebook (nbNN.py), each
defining CASES = {"check_name": {"right": [answers], "wrong": [(answer, hint fragment)]}}."""
