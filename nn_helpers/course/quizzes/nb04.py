"""Self-check quiz of notebook 04: forward propagation."""
from ..quiz import Choice, Question, Quiz

QUIZ = Quiz("04", [
    Question(
        "In the tutorial's 3-3-1 network, which weight is $w^{(1)}_{21}$?",
        [Choice("The weight from input 2 (y) to hidden node 1: 0.8, `net.weights[0][0, 1]`.",
                "The indices read 'to $j$, from $k$': the first one names the receiving neuron, so "
                "$w^{(1)}_{21}$ goes to hidden node 2 from input 1 ($x$). 0.8 is $w^{(1)}_{12}$."),
         Choice("The weight to hidden node 2 from input x: 0.3, `net.weights[0][1, 0]`.",
                "Row $j$ of $W^{(1)}$ holds the weights into neuron $j$, and Python counts from 0: "
                "row 1, column 0 holds 0.3 (section 2).", correct=True),
         Choice("`net.weights[0][2, 1]`, which holds 0.4.",
                "That counts from 1 in Python. Subtract 1 from each index: $w^{(1)}_{21}$ is "
                "`net.weights[0][1, 0]` = 0.3; `[2, 1]` is the weight to hidden node 3 from input "
                "$y$."),
         Choice("The weight to node 2 of layer 2 from node 1 of layer 1.",
                "The superscript names the layer of the receiving neuron: layer 1, the hidden "
                "layer, fed from layer 0, the input. Layer 2 is the output layer, and it has only "
                "one node.")]),
    Question(
        "One input `a` = (1, 0, 1) and the hidden layer's `W1` (shape (3, 3)) and `b1`. Which line "
        "gives the hidden activations $a^{(1)}$?",
        [Choice("`sigmoid(a @ W1 + b1)`",
                "For a square `W1` it runs without error but uses the columns: $z$ = (1.1, 1.2, "
                "0.8) instead of (1.0, 0.9, 0.9), and the network's output becomes 0.773874 "
                "instead of 0.771120. Silently wrong numbers."),
         Choice("`W1 @ a + b1`",
                "That is the weighted input $z^{(1)}$ = (1.0, 0.9, 0.9); the activations are "
                "$\\sigma(z^{(1)})$ = (0.731059, 0.710950, 0.710950)."),
         Choice("`sigmoid(W1 @ a) + b1`",
                "The bias belongs inside: $\\sigma(Wa + b)$. In Mazur's network (section 8), "
                "adding it after the sigmoid would give hidden outputs 0.856875 and 0.860623 "
                "instead of 0.593270 and 0.596884."),
         Choice("`sigmoid(W1 @ a + b1)`",
                "Row $j$ of `W1` holds the weights into neuron $j$, so `W1 @ a` gives every "
                "neuron's weighted sum; add `b1`, then apply $\\sigma$: (0.731059, 0.710950, "
                "0.710950).", correct=True)]),
    Question(
        "The truth table `A` holds one input a row, shape (8, 3). Which gives $Z^{(1)}$, one "
        "example a row?",
        [Choice("`W1 @ A.T + b1`",
                "`W1 @ A.T` has shape (3, 8), one example a *column*, and adding `b1` (shape (3,)) "
                "to it fails with a shape error. Transposed back it would be right; `A @ W1.T + "
                "b1` says it directly."),
         Choice("`A @ W1 + b1`",
                "The shapes fit, (8, 3) @ (3, 3), so there is no error, but it treats the columns "
                "of `W1` as neurons: for the square `W1` it silently gives wrong numbers."),
         Choice("`A @ W1.T + b1`",
                "Row $i$ is $a_i^\\mathsf{T} W^\\mathsf{T} + b^\\mathsf{T}$, the one-example "
                "formula transposed: (8, 3) @ (3, 3) gives (8, 3). Row 6, the input (1, 0, 1), "
                "leads to the same output 0.77112 (section 5).", correct=True),
         Choice("None: a batch needs a Python loop over its 8 rows.",
                "A loop gives the same numbers, dozens of times more slowly (section 6). One "
                "matrix product per layer handles every row at once.")]),
    Question(
        "The tutorial rounded the hidden values to two places before the last step. What did that "
        "do?",
        [Choice("It moved the fourth decimal: 0.7708 instead of 0.7711.",
                "With (0.73, 0.71, 0.71) the output is 0.770829; unrounded it is 0.771120. In a "
                "long computation such errors pile up: keep full precision and round only when you "
                "print.", correct=True),
         Choice("Nothing: two places are all that matter.",
                "The output moved from 0.771120 to 0.770829, so the tutorial's published 0.7708 is "
                "off in the fourth decimal place (the exact value rounds to 0.7711)."),
         Choice("It made the answer more accurate, since the weights have only one decimal.",
                "The weights are exact numbers; rounding the hidden values throws information "
                "away. The exact output is 0.771120, and rounding moved it to 0.770829."),
         Choice("Rounding to four places instead would have given the exact answer.",
                "Closer, still off: hidden values rounded to four places give 0.771110, against "
                "the exact 0.771120 (section 3).")]),
    Question(
        "The tutorial calls the input (1, 0, 1) 'the fourth row' of its truth table; in our table "
        "it is row 6. Which is right?",
        [Choice("The tutorial: our table is listed in the wrong order.",
                "Our table counts $xyz$ in binary from 0 to 7, a fine order. And in the tutorial's "
                "own table the input is third, not fourth."),
         Choice("Ours: counting in binary is the one correct order.",
                "Row 6 is right only for our listing; the same input is third in the tutorial's "
                "table. No listing order is the true one."),
         Choice("Both agree once you count the rows from 0 instead of 1.",
                "Counting from 0 turns our row 6 into 5, still not 4. The numbers differ because "
                "the listings differ, not because of where the counting starts."),
         Choice("Neither number names it well: name the row by its inputs, (1, 0, 1).",
                "A row's number depends on how the table is listed. One input, three row numbers: "
                "the tutorial's text says fourth, its table shows third, ours has it sixth "
                "(section 2's erratum). The inputs name it unambiguously.", correct=True)]),
])
