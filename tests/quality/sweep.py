"""The reliability sweep's machinery: what there is to sweep, how a case is called, what counts as a problem.

``public_callables`` walks a package (``pkgutil.walk_packages``: every module without a ``_private``
part, except the modules it is told to skip) and takes every public function, class and public
method reachable by a public name, keyed by what it is, ``__module__`` + ``__qualname__``
("nn_helpers.network.MLP.fit"), not by the file a test imported it from. A case names its target
the way a learner imports it ("viz.plot_points", "widgets.playground.network_spec",
"network.MLP.fit"); ``resolve`` finds it through the package's public names, so a case stays valid
when its function moves between the files of a package.

``problems(case, param)`` calls the case with each value of ``BAD`` in place of ``param``. Each call
must either raise ValueError or TypeError whose message names the parameter or says what was
expected and what came (``must``, ``expected``, ``got``), or work, when the value is one the
parameter may take (None for an optional argument, -7 for a weight, a string for a title); a
string, an object, a list of strings or a dict is taken only by parameters listed as taking it.
Anything else (AttributeError, IndexError, KeyError, ZeroDivisionError, a numpy error, or a
message like "'str' object is not callable") is a problem, and so is a call that changes the value
it was given. The cases are in tests/quality/sweep_cases.py, the tests in test_reliability.py.
"""
import copy
import dataclasses
import functools
import importlib
import inspect
import math
import pkgutil
import re
import types
import warnings

import numpy as np
from matplotlib.figure import Figure

from nn_helpers.course import exercises

# Wrong types, names, shapes and ranges. (No huge sizes: n_samples=10**9 is a memory error
# waiting to happen, not a message; the playground's controls cap every size.)
BAD = {
    "None": None,
    "a string": "abc",
    "an object": object(),
    "a list of strings": ["a", "b"],
    "a dict": {"a": 1},
    "NaN": math.nan,
    "-inf": -math.inf,
    "a negative number": -7,
    "a fraction": 2.5,
    "True": True,
    "an empty array": np.zeros(0),
    "a 3-D array": np.zeros((2, 3, 4)),
    "an array with NaN": np.array([[math.nan, 1.0]]),
}
# Values no parameter may take silently, unless it says it takes them (see Case.takes).
NEVER_TAKEN = {"a string", "an object", "a list of strings", "a dict"}
HELPFUL = re.compile(r"\b(must|expected|got|needs?|should|one of|unknown|only)\b", re.IGNORECASE)


def _private(module_name):
    return any(part.startswith("_") for part in module_name.split("."))


def public_modules(package, skip=()):
    """Every public module of ``package`` (no ``_private`` part in its name), imported, except ``skip``."""
    modules = [package]
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        if not _private(info.name) and info.name not in skip:
            modules.append(importlib.import_module(info.name))
    return modules


def identity(obj):
    """What a callable is, wherever it is imported from: "nn_helpers.network.MLP.fit"."""
    return f"{obj.__module__}.{obj.__qualname__}"


def _methods(cls):
    """The public methods a class defines itself (classmethods and staticmethods included)."""
    for name, value in vars(cls).items():
        if not name.startswith("_") and isinstance(value, (types.FunctionType, classmethod, staticmethod)):
            yield getattr(value, "__func__", value)


def public_callables(modules, skip=()):
    """{identity: callable} of every public function, class and public method of such a class that a
    public name of ``modules`` reaches and a public module of nn_helpers defines (not numpy's, not
    ``_checks``' argument checks a module imports), outside the modules in ``skip``. The checkers are
    swept apart (test_every_checker_answers_every_bad_value_with_one_line)."""
    found = {}
    for module in modules:
        for name, obj in vars(module).items():
            if name.startswith("_") or not isinstance(obj, (types.FunctionType, type)):
                continue                           # a module, a constant, a colormap: nothing to sweep
            home = getattr(obj, "__module__", None) or ""
            if home.split(".")[0] != "nn_helpers" or _private(home) or home in skip or exercises.is_checker(obj):
                continue
            found[identity(obj)] = obj
            if inspect.isclass(obj):
                found.update((identity(m), m) for m in _methods(obj))
    return found


@functools.cache
def submodules(package_name):
    return public_modules(importlib.import_module(package_name))


def resolve(label):
    """The object a case's label names, the way a learner imports it: "viz.plot_points" is
    ``nn_helpers.viz.plot_points``; "network.MLP.fit" is ``nn_helpers.network.MLP.fit``. A name the
    package does not export itself (``widgets.playground.network_spec``) is looked up in its public
    submodules, so the label stays valid when the function moves from one file to another."""
    parts = label.split(".")
    for i in range(len(parts) - 1, 0, -1):
        name = "nn_helpers." + ".".join(parts[:i])
        try:
            module = importlib.import_module(name)
            break
        except ModuleNotFoundError as err:
            if err.name is None or not name.startswith(err.name):
                raise
    else:
        raise LookupError(f"{label}: no module of nn_helpers in that name")
    obj = getattr(module, parts[i], None)
    if obj is None and hasattr(module, "__path__"):
        found = {identity(v): v for m in submodules(module.__name__) for k, v in vars(m).items()
                 if k == parts[i] and callable(v) and (getattr(v, "__module__", "") or "").startswith(module.__name__)}
        if len(found) != 1:
            raise LookupError(f"{label}: {len(found)} callables named {parts[i]} in {module.__name__}: {sorted(found)}")
        obj = found.popitem()[1]
    if obj is None:
        raise LookupError(f"{label}: {module.__name__} has no {parts[i]}")
    for part in parts[i + 1:]:
        obj = getattr(obj, part)
    return obj


class Fresh:
    """An argument made anew for every call (an Axes, a network, a recording)."""

    def __init__(self, make):
        self.make = make


class Method:
    """A method of an object made anew for every call: Method(make_object, cls, "name")."""

    def __init__(self, make, cls, name):
        self.make, self.cls, self.name = make, cls, name

    def __call__(self):
        return getattr(self.make(), self.name)

    def signature(self):
        """The method's signature without self (read from the class: no object is made)."""
        parameters = list(inspect.signature(getattr(self.cls, self.name)).parameters.values())
        return inspect.Signature(parameters[1:])


@dataclasses.dataclass
class Case:
    """How to call one public callable well. ``args``: good values (Fresh for made-per-call ones);
    every parameter of the signature is swept, its good value taken from ``args`` or its default.
    ``takes``: parameter -> labels of BAD it may take (``"any"``: free text or any object).
    ``skip``: parameters not swept, with the reason in a comment where they are listed."""
    target: object
    args: dict = dataclasses.field(default_factory=dict)
    takes: dict = dataclasses.field(default_factory=dict)
    skip: tuple = ()

    def callable(self):
        """The function, class or method this case calls (for the coverage, by its identity)."""
        if isinstance(self.target, Method):
            return getattr(self.target.cls, self.target.name)
        return self.target



def unswept(callables, cases, not_swept):
    """Identities of the public callables that no case calls and no NOT_SWEPT entry explains."""
    covered = {identity(case.callable()) for case in cases.values()}
    explained = {identity(resolve(label)) for label in not_swept}
    return sorted(set(callables) - covered - explained)


def made(value):
    """A good argument as the call takes it (a Fresh one made now)."""
    return value.make() if isinstance(value, Fresh) else value


def callee(case):
    """What the case calls: its function or class, or the method of a fresh object."""
    return case.target() if isinstance(case.target, Method) else case.target


def signature_parameters(case):
    """The names of the case's parameters, from its signature (without *args, **kwargs or self)."""
    target = case.target
    signature = target.signature() if isinstance(target, Method) else inspect.signature(target)
    return [p.name for p in signature.parameters.values() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


def parameters(case):
    """Names of the parameters to sweep: the signature's, and those its **kwargs take in ``args``."""
    names = signature_parameters(case)
    return [n for n in names + [a for a in case.args if a not in names] if n not in case.skip]


def call(case, **override):
    kwargs = {name: made(value) for name, value in case.args.items()}
    kwargs.update(override)
    fn = callee(case)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")        # a divergence warning is an answer, not a crash
        return fn(**kwargs)


def close(result):
    """Close what a call returned (a widget, a playground), not an array or a figure."""
    shut = getattr(result, "close", None)
    if callable(shut) and not isinstance(result, (np.ndarray, Figure)):
        shut()


def same(a, b):
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
    if type(a) is object:
        return True                                # a fresh object() is never equal to another
    return type(a) is type(b) and (a == b or (isinstance(a, float) and math.isnan(a) and math.isnan(b)))


def problems(case, param):
    """What is wrong with how ``case`` answers each BAD value of ``param``: one line per value."""
    takes = case.takes.get(param, set())
    found = []
    for label, pristine in BAD.items():
        value = copy.deepcopy(pristine)            # a learner's own object, each time
        try:
            result = call(case, **{param: value})
        except (ValueError, TypeError) as err:
            message = str(err)
            if param not in message and not HELPFUL.search(message):
                found.append(f"{label}: {type(err).__name__} without saying what was expected: {message[:150]!r}")
        except Exception as err:  # noqa: BLE001 - that is the finding
            found.append(f"{label}: {type(err).__name__} (expected ValueError or TypeError): {str(err)[:150]!r}")
        else:
            close(result)
            if label in NEVER_TAKEN and takes != "any" and label not in takes:
                found.append(f"{label}: taken silently")
        if not same(value, pristine):
            found.append(f"{label}: changed the value it was given (to {value!r:.60})")
    return found

