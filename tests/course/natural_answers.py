"""What a learner types into each exercise: one natural right answer and one typical wrong one.

The rule these answers test (DESIGN.md, "Exercises"): whatever a learner types in an exercise
cell, no later cell of the notebook may compute something different. A first-year student
answers *naturally*: they copy the pattern of the cells around the exercise and reuse their
names (`x`, `t`, `o`, `a1_2`, `eta`, ...), keep NumPy scalars as they come (no `float()`) and
define helper variables on the way. So each NATURAL answer below is such an answer, and it is
right; each WRONG answer is the mistake students really make (most are the ones the checkers'
hints name in ``nn_helpers/exercises/nbNN.py``), and it runs without raising.

    NATURAL["04.1"]    the code that replaces the stub line ``...  # YOUR CODE HERE`` of
    WRONG["04.1"]      exercise 04.1, written unindented (``answered`` indents it)

Every exercise of notebooks 00 to 10 has one entry in each. A function exercise's answer is the
function's body (``return ...`` lines); a value exercise's answer is the assignment(s).

``answered(nb, answers)`` puts the answers into a learner notebook (the build's
``learner_version`` of a solution notebook). Executed, a notebook answered with NATURAL must
print "✅ Correct" in every checker cell and give every other cell the solution notebook's
stored output; answered with WRONG, every checker prints "❌ Not quite" and the notebook still
runs to the end.
"""
import copy
import re

STUB = "...  # YOUR CODE HERE"                      # the build's stub line (tools/build_notebooks.py)
EXERCISE_NAME = re.compile(r"Exercise (\d\d\.\d+)")  # as the course's records find exercise names

NATURAL = {
    # 00 start here
    "00.1": "return np.mean(y_true == y_pred)",
    # 01 what is a neural network: the worked example's names w, b, v, c, x, a, y_hat
    "01.1": ("w, b = np.array([4.0, -2.0]), np.array([-1.0, 0.5])\n"
             "v, c = np.array([2.0, -1.0]), 0.5\n"
             "x = 0.5\n"
             "a = sigmoid(w * x + b)\n"
             "y_hat = v @ a + c"),
    "01.2": "return height * (sigmoid(steepness * (x - left)) - sigmoid(steepness * (x - right)))",
    # 02 the neuron
    "02.1": ("z = np.dot(w, x) + b\n"
             "return sigmoid(z)"),
    "02.2": "return -w1 / w2, -b / w2",
    "02.3": ("w1, w2, b = -1.0, -1.0, 1.5\n"
             "nand_weights = (w1, w2, b)"),
    # 03 activation functions
    "03.1": "return np.where(z > 0, 1.0, 0.01)",
    "03.2": "return 2 * activations.sigmoid(2 * z) - 1",
    "03.3": ("e = np.exp(Z - Z.max(axis=1, keepdims=True))\n"
             "return e / e.sum(axis=1, keepdims=True)"),
    # 04 forward propagation: section 3's pattern (x, z1_2, a1_2) for the input (1, 1, 0)
    "04.1": ("x = np.array([1.0, 1.0, 0.0])\n"
             "z1_2 = 0.3 * x[0] + 0.5 * x[1] + 0.6 * x[2]\n"
             "a1_2 = sigmoid(z1_2)\n"
             "hidden_2 = a1_2"),
    "04.2": "return sigmoid(W @ a + b)",
    "04.3": "return sigmoid(A @ W.T + b)",
    # 05 cost functions: the task's formula 1/2 (t - o)^2, with its names
    "05.1": ("t = 1.0\n"
             "o = net.forward(np.array([0.0, 0.0, 0.0]))[0]\n"
             "E = 0.5 * (t - o) ** 2"),
    "05.2": "return np.mean((y - y_hat) ** 2)",
    "05.3": "return -(t * np.log(p) + (1 - t) * np.log(1 - p))",
    # 06 chain rule: 06.2 in the pattern of dE_dw (dE_da, da_dz, dz_db)
    "06.1": "return (f(x + h) - f(x - h)) / (2 * h)",
    "06.2": ("dz_db = 1.0\n"
             "dE_db = dE_da * da_dz * dz_db"),
    "06.3": ("y = math.tanh(u.data)\n"
             "out = Value(y, (u,), \"tanh\")\n"
             "def _backward():\n"
             "    u.grad += (1 - y ** 2) * out.grad\n"
             "out._backward = _backward\n"
             "return out"),
    # 07 backpropagation: 07.1 in the pattern of dE_dw5
    "07.1": ("dE_dout_o2 = out_o2 - t[1]\n"
             "dout_o2_dnet_o2 = out_o2 * (1 - out_o2)\n"
             "dnet_o2_dw7 = out_h1\n"
             "dE_dw7 = dE_dout_o2 * dout_o2_dnet_o2 * dnet_o2_dw7"),
    "07.2": "return (a - t) * a * (1 - a)",
    "07.3": "return (W_next.T @ delta_next) * a * (1 - a)",
    # 08 gradient descent: 08.1 in the pattern of the five steps by hand (w, ws)
    "08.1": ("w = w0\n"
             "path = [w]\n"
             "for step in range(steps):\n"
             "    w = w - lr * grad(w)\n"
             "    path.append(w)\n"
             "return np.array(path)"),
    "08.2": ("eta = 1 / 8          # dE/dw = 8 (w - 3): one step multiplies w - 3 by 1 - 8 eta\n"
             "eta_one_step = eta"),
    "08.3": ("rng = np.random.default_rng(seed)\n"
             "order = rng.permutation(n)\n"
             "batches = []\n"
             "for start in range(0, n, batch_size):\n"
             "    batches.append(order[start:start + batch_size])\n"
             "return batches"),
    # 09 capstone
    "09.1": "return np.eye(n_classes)[np.asarray(y).astype(int)]",
    "09.2": "return np.diag(cm) / cm.sum(axis=1)",
    "09.3": ("a = X\n"
             "for l in range(len(net.weights)):\n"
             "    z = a @ net.weights[l].T + net.biases[l]\n"
             "    if l < len(net.weights) - 1:\n"
             "        a = net.hidden.f(z)\n"
             "    else:\n"
             "        a = net.output.f(z)\n"
             "return np.argmax(a, axis=1)"),
    # 10 beyond SGD
    "10.1": ("v_new = beta * v + grad\n"
             "w_new = w - lr * v_new\n"
             "return w_new, v_new"),
    "10.2": ("m_new = beta1 * m + (1 - beta1) * grad\n"
             "v_new = beta2 * v + (1 - beta2) * grad ** 2\n"
             "m_hat = m_new / (1 - beta1 ** t)\n"
             "v_hat = v_new / (1 - beta2 ** t)\n"
             "w_new = w - lr * m_hat / (np.sqrt(v_hat) + eps)\n"
             "return w_new, m_new, v_new"),
    "10.3": "dW_total = dW_data + lam * W",
}

WRONG = {
    "00.1": "return np.sum(y_true == y_pred)",                           # counts, not a fraction
    "01.1": ("w, b = np.array([4.0, -2.0]), np.array([-1.0, 0.5])\n"    # skipped the sigmoid
             "v, c = np.array([2.0, -1.0]), 0.5\n"
             "x = 0.5\n"
             "a = w * x + b\n"
             "y_hat = v @ a + c"),
    "01.2": "return height * (sigmoid(steepness * (x - right)) - sigmoid(steepness * (x - left)))",  # upside down
    "02.1": "return np.dot(w, x) + b",                                   # no activation
    "02.2": "return w1 / w2, b / w2",                                    # lost the minus sign
    "02.3": ("w1, w2, b = 1.0, 1.0, -1.5\n"                              # that is AND
             "nand_weights = (w1, w2, b)"),
    "03.1": "return np.where(z > 0, 0.01, 1.0)",                         # the two slopes swapped
    "03.2": "return 2 * activations.sigmoid(z) - 1",                     # sigmoid(z), not sigmoid(2z)
    "03.3": ("e = np.exp(Z - Z.max(axis=0))\n"                           # columns instead of rows
             "return e / e.sum(axis=0)"),
    "04.1": ("x = np.array([1.0, 1.0, 0.0])\n"                           # a column of W1, not node 2's row
             "z1_2 = 0.8 * x[0] + 0.5 * x[1] + 0.4 * x[2]\n"
             "a1_2 = sigmoid(z1_2)\n"
             "hidden_2 = a1_2"),
    "04.2": "return W @ a + b",                                          # z, not sigma(z)
    "04.3": "return sigmoid(A @ W + b)",                                 # W, not W.T (silent for square W)
    "05.1": ("t = 1.0\n"                                                 # forgot the 1/2
             "o = net.forward(np.array([0.0, 0.0, 0.0]))[0]\n"
             "E = (t - o) ** 2"),
    "05.2": "return np.sum((y - y_hat) ** 2)",                           # a sum, not a mean
    "05.3": "return t * np.log(p) + (1 - t) * np.log(1 - p)",            # forgot the minus sign
    "06.1": "return (f(x + h) - f(x - h)) / 2 * h",                      # (a / 2) * h
    "06.2": "dE_db = dE_da * da_dz * x",                                 # dz/db is 1, not x
    "06.3": ("y = math.tanh(u.data)\n"                                   # 1 - u^2: the input, not the output
             "out = Value(y, (u,), \"tanh\")\n"
             "def _backward():\n"
             "    u.grad += (1 - u.data ** 2) * out.grad\n"
             "out._backward = _backward\n"
             "return out"),
    "07.1": ("dE_dout_o2 = out_o2 - t[0]\n"                              # o1's target
             "dout_o2_dnet_o2 = out_o2 * (1 - out_o2)\n"
             "dnet_o2_dw7 = out_h1\n"
             "dE_dw7 = dE_dout_o2 * dout_o2_dnet_o2 * dnet_o2_dw7"),
    "07.2": "return a - t",                                              # no sigmoid slope
    "07.3": "return (W_next @ delta_next) * a * (1 - a)",                # W_next, not its transpose
    "08.1": ("w = w0\n"                                                  # a plus: uphill
             "path = [w]\n"
             "for step in range(steps):\n"
             "    w = w + lr * grad(w)\n"
             "    path.append(w)\n"
             "return np.array(path)"),
    "08.2": ("eta = 1 / 2          # the 1-D bowl's answer, copied\n"
             "eta_one_step = eta"),
    "08.3": ("order = np.arange(n)\n"                                    # never shuffled
             "batches = []\n"
             "for start in range(0, n, batch_size):\n"
             "    batches.append(order[start:start + batch_size])\n"
             "return batches"),
    "09.1": "return np.eye(n_classes)[y]",                               # float labels cannot index
    "09.2": "return np.diag(cm) / cm.sum(axis=0)",                       # column sums: per predicted class
    "09.3": ("a = X\n"                                                   # argmax over the examples
             "for l in range(len(net.weights)):\n"
             "    z = a @ net.weights[l].T + net.biases[l]\n"
             "    if l < len(net.weights) - 1:\n"
             "        a = net.hidden.f(z)\n"
             "    else:\n"
             "        a = net.output.f(z)\n"
             "return np.argmax(a, axis=0)"),
    "10.1": ("v_new = beta * v + grad\n"                                 # moved by the old velocity
             "w_new = w - lr * v\n"
             "return w_new, v_new"),
    "10.2": ("m_new = beta1 * m + (1 - beta1) * grad\n"                  # no bias correction
             "v_new = beta2 * v + (1 - beta2) * grad ** 2\n"
             "w_new = w - lr * m_new / (np.sqrt(v_new) + eps)\n"
             "return w_new, m_new, v_new"),
    "10.3": "dW_total = dW_data + 2 * lam * W",                          # the 1/2 of the penalty forgotten
}


def answered(nb, answers):
    """A copy of the learner notebook ``nb`` with each exercise's stub replaced by its answer.

    An exercise cell is a code cell holding the stub line; its name is the last
    "Exercise NN.k" in the markdown cells before it (the rule of nn_helpers/course/record.py).
    Each line of ``answers[name]`` is indented like the stub. Exercises without an answer
    keep their stub.
    """
    nb = copy.deepcopy(nb)
    name = None
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found = EXERCISE_NAME.findall(cell.source)
            name = found[-1] if found else name
            continue
        if cell.cell_type != "code" or name not in answers:
            continue
        cell.source = with_answer(cell.source, answers[name])
    return nb


def with_answer(source, answer):
    """A cell's source with its stub line replaced by ``answer``, each line indented like the stub."""
    lines = []
    for line in source.split("\n"):
        if line.strip() == STUB:
            indent = line[:len(line) - len(line.lstrip())]
            lines += [indent + l if l.strip() else l for l in answer.split("\n")]
        else:
            lines.append(line)
    return "\n".join(lines)
