"""Self-check quiz of notebook 03: activation functions."""
from ..quiz import Choice, Question, Quiz

QUIZ = Quiz("03", [
    Question(
        "What is the slope of the sigmoid, $\\sigma'(z)$?",
        [Choice("σ(z) (1 + σ(z))",
                "The sign inside is wrong: at $z = 0$ this gives 0.75, but the slope there is "
                "0.25. The chain rule gives $\\sigma(z)(1 - \\sigma(z))$ (section 3.1)."),
         Choice("σ(z) (1 − σ(z))",
                "Derived with the chain rule in section 3.1 and checked with the central "
                "difference: 0.25 at $z = 0$, its largest value, and 0.104994 at "
                "$z = 2$.", correct=True),
         Choice("1 − σ(z)²",
                "That is the pattern of tanh's slope, $1 - \\tanh^2(z)$. For the sigmoid it gives "
                "0.75 at $z = 0$, three times the true 0.25."),
         Choice("σ(z) itself, as for the exponential",
                "Only $e^z$ is its own slope. $\\sigma(0) = 0.5$, but the slope there is "
                "$0.5 \\cdot (1 - 0.5) = 0.25$.")]),
    Question(
        "Why is the step function not used in networks trained by gradient descent?",
        [Choice("It overflows for large z, like the naive sigmoid.",
                "`np.where(z >= 0, 1.0, 0.0)` computes no exponential, so nothing can overflow; "
                "the naive sigmoid is the one that does (section 3.2)."),
         Choice("Its output is only 0 or 1, and such outputs cannot match the targets.",
                "Truth tables have targets of exactly 0 and 1, and step neurons hit them (notebook "
                "02's AND and OR). The trouble is learning the weights, not the outputs."),
         Choice("It is slower to compute than the sigmoid.",
                "It is one comparison per number, cheaper than the sigmoid's exponential. Speed is "
                "not the issue; its slope is."),
         Choice("Its slope is 0 wherever it has one, so gradient descent gets no signal.",
                "A small change of a weight never changes a step's output, so the gradient says "
                "nothing about which way to move. `MLP` refuses to train step activations; the "
                "sigmoid is their smooth, trainable cousin.", correct=True)]),
    Question(
        "Why prefer ReLU or tanh to the sigmoid in the hidden layers of a deep network?",
        [Choice("Each layer on the way back multiplies the gradient by a slope of at most 0.25.",
                "So the gradient vanishes on its way back. Section 9 measured it in a 9-layer "
                "network: with sigmoids, layer 1's gradients were about 4 million times smaller "
                "than the output layer's (1.1e-08 against 4.5e-02); with tanh and ReLU every layer's "
                "gradients were within a factor of about 12 of the output layer's.", correct=True),
         Choice("The sigmoid overflows for the large inputs that deep layers produce.",
                "The stable form with $e^{-|z|}$ (section 3.2), the one `nn_helpers` uses, never "
                "overflows. The deep sigmoid network's problem is its slopes, at most 0.25."),
         Choice("ReLU's slope is larger than the sigmoid's for every z, so it learns faster.",
                "For negative $z$ ReLU's slope is 0, smaller than any sigmoid slope (a neuron "
                "stuck there is a dead ReLU). What helps is its exact 1 for positive $z$: ten such "
                "slopes multiply to $1^{10} = 1$, ten sigmoid slopes to at most "
                "$0.25^{10} \\approx 9.5 \\times 10^{-7}$."),
         Choice("Deep sigmoid networks cannot draw curved boundaries, however many layers.",
                "Any non-linear activation bends: notebook 01 built any continuous curve from "
                "sigmoid neurons. The trouble with deep sigmoid networks is training them, not "
                "what they can draw.")]),
    Question(
        "A 2-8-8-1 network with identity hidden activations (no curve) is trained on the circles. "
        "What happens?",
        [Choice("It draws a curve like the tanh network; it just needs more epochs.",
                "Stacked linear layers are one linear layer, so its boundary is a straight line: "
                "51.0% after 1000 epochs, and still 51.0% after 5000."),
         Choice("With its 105 weights and biases it beats a single neuron.",
                "Its trained weights collapse into one neuron, $W = W_3 W_2 W_1$, that gives the "
                "same outputs on all 200 points (section 10). Depth buys nothing without a "
                "non-linear $f$."),
         Choice("Its boundary is a straight line: it got 51.0% right, against 100% for tanh.",
                "$W_2(W_1 x + b_1) + b_2 = Wx + b$: any stack of linear layers is one linear "
                "layer. On the circles no line does well (the best one found gets 67.0%), and "
                "training, which lowers the cross-entropy instead of counting right answers, left "
                "this one saying about 0.5 everywhere. The tanh network bends its boundary around "
                "the inner circle.", correct=True),
         Choice("`MLP` refuses to train it, as it refuses the step.",
                "It trains without complaint: the identity's slope is 1, not 0, so gradients flow. "
                "It just cannot bend, and stops at 51.0%.")]),
    Question(
        "Softmax subtracts the largest score from every score before taking exponentials. Why?",
        [Choice("To avoid overflow; it leaves the probabilities exactly as they were.",
                "Subtracting $c$ multiplies the top and the bottom of the fraction by the same "
                "$e^{-c}$. For the scores (1000, 1001, 1002) it gives 0.090, 0.245, 0.665, the "
                "same as for (0, 1, 2); without it the result is nan, nan, nan (section "
                "7).", correct=True),
         Choice("To make the probabilities add up to 1.",
                "Dividing by the sum does that, shift or no shift. The shift only keeps the "
                "exponentials small: with it the largest is $e^0 = 1$."),
         Choice("It is an approximation that trades a little accuracy for speed.",
                "The shift cancels exactly: softmax of (1000, 1001, 1002) equals softmax of (0, 1, "
                "2) in every printed digit, 0.090031, 0.244728, 0.665241."),
         Choice("To keep numbers small; in a batch, the largest score of the whole matrix will do.",
                "Each row needs its own maximum. With one row near 0 and another near 1000, the "
                "whole-matrix maximum turns the first row's exponentials into $e^{-1000}$ and "
                "less, all 0 in floating point, and the row becomes 0/0 = nan (exercise 03.3).")]),
])
