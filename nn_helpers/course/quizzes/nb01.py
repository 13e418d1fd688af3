"""Self-check quiz of notebook 01: what is a neural network."""
from ..quiz import Choice, Question, Quiz

QUIZ = Quiz("01", [
    Question(
        "The worked 1-2-1 network has $w = (3, -2)$, $b = (-1, 1)$, $v = (1.5, 2)$, $c = -0.5$ and "
        "sigmoid hidden neurons; at $x = 1$ its output is $\\hat y = 1.359078$. What is $\\hat y$ "
        "at $x = 1$ if the output weight $v_1$ is doubled, from 1.5 to 3, and nothing else changes?",
        [Choice("2.718156: doubling a weight doubles the output.",
                "Only the term $v_1 a_1$ doubles; $v_2 a_2$ and $c$ stay as they were. The output "
                "is a weighted sum, $\\hat y = v_1 a_1 + v_2 a_2 + c$, not a product."),
         Choice("2.859078: the output grows by the 1.5 added to $v_1$.",
                "$v_1$ multiplies the hidden output $a_1 = 0.880797$, so raising $v_1$ by 1.5 adds "
                "$1.5 \\cdot 0.880797 = 1.321196$, not 1.5."),
         Choice("2.680274: the output grows by $1.5\\,a_1$.",
                "$v_1$ comes after the hidden neurons, so $a_1 = \\sigma(2) = 0.880797$ and "
                "$a_2$ do not change; only the term $v_1 a_1$ grows, by $1.5 \\cdot 0.880797 = "
                "1.321196$: $1.359078 + 1.321196 = 2.680274$.", correct=True),
         Choice("4.359078: the output grows by $1.5\\,z_1 = 3$.",
                "The output neuron weighs the hidden neurons' outputs $a_j = \\sigma(z_j)$, not their "
                "weighted inputs $z_j$: the change is $1.5 \\cdot 0.880797 = 1.321196$.")]),
    Question(
        "What does the universal approximation theorem promise?",
        [Choice("A big enough network, trained for long enough, learns any function from examples.",
                "The theorem says a good network *exists*; it says nothing about training finding "
                "it (section 4, 'What the theorem does not say')."),
         Choice("Some big enough network fits any continuous curve on an interval, to any "
                "tolerance.",
                "Existence, on an interval, is all it promises. The staircase built such networks "
                "by hand: for $\\sin x$ the largest gap fell from 0.93 with 1 hidden unit to 0.089 "
                "with 32.", correct=True),
         Choice("A few hidden neurons are enough to follow any curve as closely as you like.",
                "It says nothing about how many. The staircase needs about $3/\\varepsilon$ units "
                "to get within $\\varepsilon$ of $\\sin x$: about 300 for $\\varepsilon = 0.01$."),
         Choice("One hidden layer is the best way to build a network: deeper ones add nothing.",
                "One hidden layer is enough *in principle*, not efficient: deeper networks often "
                "need far fewer neurons than one wide layer (section 4).")]),
    Question(
        "The target jumps from 0 to 1 at $x = 0.5$. What do more hidden sigmoid units buy?",
        [Choice("The largest gap shrinks as units are added, as it did for sin x.",
                "That happens for continuous targets (for $\\sin x$: 0.93 with 1 unit, 0.089 with "
                "32). For the jump the staircase's largest gap stays "
                "near 1: 1.000 with 3, 7 and 15 units, 0.998 with 31 (section 5)."),
         Choice("With enough units the largest gap goes to zero, as for any target.",
                "A sum of sigmoids is continuous, so near the jump it passes through 0.5, where it "
                "is at least 0.5 away from the target on one side. No number of units gets below "
                "0.5."),
         Choice("Nothing at all: the fit stays just as bad everywhere, however many units.",
                "The largest gap stays, but the window where the gap exceeds 0.05 shrinks: 0.525 "
                "wide with 3 units, 0.095 with 31 (section 5)."),
         Choice("The bad region narrows around the jump, but the largest gap stays at least 0.5.",
                "A continuous curve cannot skip a value, so it cannot jump; more units only narrow "
                "the bad window (0.525 wide with 3 units, 0.095 with 31).", correct=True)]),
    Question(
        "A 1-16-16-1 network trained on $y = x^2$ for $x$ in $[-2, 2]$ fits it within 0.072 there. "
        "What does it say at $x = 4$?",
        [Choice("About 5.3: beyond its training range the network levels off.",
                "It says 5.317, where the truth is 16. Each tanh neuron flattens out for large "
                "inputs, so the curve stops following the parabola beyond the data: the largest "
                "gap on $[2, 4]$ and $[-4, -2]$ is 10.683.", correct=True),
         Choice("About 16: it has learned the parabola from its 41 training points.",
                "It learned the shape of the data it saw, not the rule 'square the input': 5.317 "
                "at $x = 4$. To work for large inputs it must be trained on large inputs."),
         Choice("Within 0.072 of 16, as everywhere inside its training range.",
                "The 0.072 holds only on $[-2, 2]$, where it trained. Outside, nothing ties the "
                "network to the target, and the largest gap there is 10.683."),
         Choice("Nothing: a network gives no output outside its training range.",
                "It answers for any input, which is the danger: 5.317 at $x = 4$ looks as sure as "
                "its good answers inside the range.")]),
    Question(
        "How close is an artificial neuron to a nerve cell in the brain?",
        [Choice("It is a simplified model: it works like a nerve cell, minus some detail.",
                "It borrows only the outline: weighted inputs, one sum, a threshold-like output. "
                "Real neurons signal with timed spikes, have chemical weights that change, and "
                "compute in their dendrites; imitating one takes a whole artificial network."),
         Choice("Inspired by, not a model of: it borrows only the outline of a nerve cell.",
                "It is a weighted sum and a curve. The name is a historical metaphor (McCulloch "
                "and Pitts 1943, Rosenblatt 1958): the rest of the course is mathematics and owes "
                "nothing to biology.", correct=True),
         Choice("Close enough that we know brains learn the way our networks do, by backpropagation.",
                "Nobody knows that: how brains learn, and whether they do anything like "
                "backpropagation, is an open research question (section 1). Backpropagation is a "
                "mathematical method for computing gradients, which notebook 07 derives; the "
                "course uses it because it works, not because brains are known to do it.")]),
])
