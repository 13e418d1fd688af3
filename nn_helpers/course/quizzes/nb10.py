"""Self-check quiz of notebook 10: momentum, Adam, L2 regularization and PyTorch."""
from ..quiz import Choice, Question, Quiz

QUIZ = Quiz("10", [
    Question(
        "In the valley $E = 0.05\\,w_1^2 + w_2^2$, gradient descent with $\\eta = 0.8$ crawls along "
        "$w_1$ (8% closer per step). What if you raise $\\eta$ to 1.05?",
        [Choice("It moves faster along $w_1$ and reaches the minimum sooner",
                "Along $w_1$ a little, but the factor for $w_2$ becomes $1 - 2\\eta = -1.1$: every "
                "step overshoots further, and $E$ after 40 steps is $8.19 \\times 10^3$."),
         Choice("The zig-zag stops, because bigger steps smooth it out",
                "The zig-zag grows: the factor for $w_2$ goes from $-0.6$ to $-1.1$. It stops only "
                "for $\\eta$ below 0.5, and then $w_1$ crawls even more ($E = 0.354$ after 40 steps "
                "with $\\eta = 0.3$)."),
         Choice("It diverges: the steep direction $w_2$ caps $\\eta$ below 1",
                "For $w_2$ to shrink, $|1 - 2\\eta|$ must stay below 1. With $\\eta = 1.05$ its "
                "factor is $-1.1$ and $E$ grows to $8.19 \\times 10^3$ in 40 steps. No single "
                "$\\eta$ suits both directions.", correct=True)]),
    Question(
        "With the same $\\eta = 0.8$, momentum ($\\beta = 0.5$) ends 40 steps in the valley at "
        "$E = 2.3 \\times 10^{-8}$, plain SGD at $5.1 \\times 10^{-3}$. Why?",
        [Choice("Across the valley the gradients flip sign and cancel in $v$; along it they add up",
                "The velocity $v \\leftarrow \\beta v + g$ is a fading sum of past gradients, so the "
                "zig-zag is damped while the steps along the floor grow, up to $g/(1 - \\beta)$.",
                correct=True),
         Choice("Momentum is SGD with a learning rate $1/(1 - \\beta) = 2$ times larger",
                "Plain SGD with $\\eta = 1.6$ diverges: the factor for $w_2$ is "
                "$1 - 2 \\times 1.6 = -2.2$. Momentum enlarges only the directions where the "
                "gradients agree."),
         Choice("Momentum takes smaller, more careful steps",
                "Its steps along the floor are longer, not shorter: with a steady gradient $v$ "
                "grows to $g/(1 - \\beta)$, twice $g$ for $\\beta = 0.5$ and ten times for "
                "$\\beta = 0.9$.")]),
    Question(
        "Adam with $\\eta = 0.3$ starts at $(-9, 2)$, where the gradient is $(-0.9, 4)$. How far "
        "does its first step move each weight?",
        [Choice("0.27 and 1.2: $\\eta$ times each gradient",
                "That is the step of plain gradient descent. Adam divides each weight's step by the "
                "size of its own gradients, $\\sqrt{\\hat v}$."),
         Choice("About 0.95 each, since $m$ and $v$ start at 0",
                "That is Adam without bias correction: after one step $m = 0.1\\,g$ and "
                "$\\sqrt{v} \\approx 0.032\\,|g|$, so the step is about 3.2 times too large. "
                "Dividing by $1 - \\beta^t$ removes exactly that. (RMSProp has no bias correction: "
                "its first step is $\\eta/\\sqrt{1 - \\beta} \\approx 3.16\\,\\eta$ for "
                "$\\beta = 0.9$.)"),
         Choice("Exactly 0.3 each",
                "After bias correction $\\hat m = g$ and $\\hat v = g^2$, so the first step is "
                "$\\eta\\, g/|g|$: the weights move by $+0.3$ and $-0.3$, although $w_2$'s gradient "
                "is 4.4 times larger.", correct=True),
         Choice("0.027 and 0.12, since $m$ is only $0.1\\,g$ after one step",
                "That forgets both the bias correction and the division by $\\sqrt{\\hat v}$. "
                "Together they make the first step exactly $\\eta = 0.3$ for every weight.")]),
    Question(
        "A [2, 32, 32, 1] network trained 2,000 epochs on 40 noisy moons points reaches training "
        "loss 0.0019. Is it a good network?",
        [Choice("Yes: a loss near 0 means it has learned the moons",
                "It has learned its 40 points, noise included. On 400 new points its loss is "
                "1.0726, over four times its best (0.2459, after epoch 148), and it gets 88.5% "
                "of them right."),
         Choice("Not necessarily: only points it never trained on can tell",
                "Here the test loss fell until epoch 148 and then rose while the training loss kept "
                "falling: overfitting. With L2 the test accuracy rises from 88.5% to 92.8%.",
                correct=True),
         Choice("No: a training loss that low always means overfitting",
                "A low training loss is what training is for; overfitting is the test loss rising "
                "while it falls. Up to about epoch 150 both losses fell together here.")]),
    Question(
        "With the L2 penalty $\\frac{\\lambda}{2}\\sum w^2$ added to the loss, what changes in the "
        "gradients?",
        [Choice("$2\\lambda w$ is added to each weight's gradient",
                "The $\\frac12$ is there to cancel the 2 of the power rule: the derivative of "
                "$\\frac{\\lambda}{2} w^2$ is $\\lambda w$."),
         Choice("$\\lambda w$ is added to every weight's and every bias's gradient",
                "Only weights are penalized. A bias shifts a boundary; it does not make it "
                "steeper, so `net.fit(..., l2=...)` leaves the biases' gradients alone."),
         Choice("$\\lambda$ is added, the same for every weight",
                "The derivative of $\\frac{\\lambda}{2} w^2$ is $\\lambda w$: the pull towards 0 "
                "is proportional to the weight, so large weights shrink most."),
         Choice("$\\lambda w$ is added to each weight's gradient, not to the biases'",
                "Each step then shrinks every weight by the factor $1 - \\eta\\lambda$ (weight "
                "decay). With $\\lambda = 0.003$ the weights' size $\\sqrt{\\sum w^2}$ drops from "
                "18.48 to 6.25 and the test accuracy rises from 88.5% to 92.8%.", correct=True)]),
])
