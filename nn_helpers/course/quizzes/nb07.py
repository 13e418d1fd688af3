"""Self-check quiz of notebook 07: backpropagation."""
from ..quiz import Choice, Question, Quiz

QUIZ = Quiz("07", [
    Question(
        "In Mazur's network, $out_{h1}$ feeds both $o_1$ (through $w_5$) and $o_2$ (through $w_7$). "
        "What is $\\partial E_{total}/\\partial out_{h1}$?",
        [Choice("Only the path through $o_1$: $\\delta_{o1} w_5 = 0.0554$",
                "$E_{total} = E_{o1} + E_{o2}$, and $out_{h1}$ changes both. Dropping the path "
                "through $o_2$ would give $\\partial E/\\partial w_1 = 0.000668$ instead of the "
                "published 0.000438568."),
         Choice("The product of the two paths: $\\delta_{o1} w_5 \\cdot \\delta_{o2} w_7$",
                "The chain rule multiplies the local slopes *along* one path, then *adds* the paths. "
                "The product, $-0.00106$, has neither the right size nor the right sign."),
         Choice("The sum of the two paths: $\\delta_{o1} w_5 + \\delta_{o2} w_7 = 0.0364$",
                "Each path is \"the delta at the far end times the weight in between\", and the "
                "chain rule adds them: $0.0554 + (-0.0190) = 0.0364$, Mazur's 0.036350306. In "
                "matrix form the sum is $W_2^\\top \\delta_o$.", correct=True),
         Choice("Their average: $0.0182$",
                "Nothing is averaged: each path carries its own share of the change of $E_{total}$, "
                "and the shares add up to 0.0364 (section 4).")]),
    Question(
        "You have the output-layer gradients. Should you update $w_5 \\dots w_8$ before computing "
        "the hidden-layer gradients?",
        [Choice("No: take every gradient at the current weights, then update all of them at once",
                "A gradient is the slope of one function at one point. This simultaneous update is "
                "what `MLP.fit` does; one step gives $E = 0.2910277737$.", correct=True),
         Choice("Yes: the hidden deltas should use the newest $w_5 \\dots w_8$",
                "That is the sequential update behind erratum (a): it mixes slopes taken at two "
                "different points, so it is not the gradient of anything. It gives 0.2910279239, "
                "the tutorial's 0.291027924."),
         Choice("It does not matter: both orders give the same weights",
                "They differ: the new $w_1$ is 0.149780716 (simultaneous) or 0.14981764 "
                "(sequential). With $\\eta = 0.5$ the errors after one step differ only in the 7th "
                "decimal, which is why the mistake is easy to miss.")]),
    Question(
        "BP2 is $\\delta^{(l)} = (W^{(l+1)})^\\top \\delta^{(l+1)} \\odot f'(z^{(l)})$. What happens "
        "if you leave out the transpose?",
        [Choice("Nothing, for square layers like Mazur's: the shapes fit",
                "The shapes fit, so it runs without complaint, but the numbers are wrong: Mazur's "
                "hidden deltas come out 0.00923 and 0.01162 instead of 0.00877 and 0.00995."),
         Choice("Wrong numbers: the transpose makes each node sum over its own outgoing paths",
                "Column $k$ of $W$ holds the weights *out of* node $k$, so $(W^\\top \\delta)_k = "
                "\\sum_j \\delta_j w_{jk}$ is the sum over $k$'s paths. Without it, square layers "
                "give silently wrong numbers and other layers a shape error.", correct=True),
         Choice("Always a shape error, so the bug cannot go unnoticed",
                "Only for layers that are not square. Mazur's 2-2-2 network runs and returns "
                "hidden deltas 0.00923 and 0.01162 instead of 0.00877 and 0.00995, with no "
                "error message.")]),
    Question(
        "Your new backprop runs, returns arrays of the right shapes, and its output-layer gradients "
        "match Mazur's. Is it correct?",
        [Choice("Yes: a wrong backprop would crash or return wrong shapes",
                "Backprop bugs rarely crash. Section 8's broken copy, which forgets $f'(z)$ in BP2, "
                "returns every array in the right shape."),
         Choice("Yes: the hidden gradients come from the output deltas, so they are right too",
                "The broken copy of section 8 has exactly right output-layer gradients; only its "
                "hidden ones are wrong (BP2 lost its $f'(z)$)."),
         Choice("Yes, if training with it makes the loss fall",
                "The broken copy lowers the loss too: on Mazur's example, 1,000 steps with "
                "$\\eta = 0.5$ take it from 0.298 to 0.001, just like the right one. A falling "
                "loss does not prove that the gradients are right."),
         Choice("Not yet: compare it with central differences (a gradient check)",
                "The right backprop agrees with central differences to a relative error of "
                "about $3 \\times 10^{-8}$ on Mazur's network, well within the tolerance $10^{-6}$; "
                "the broken copy fails with $0.61$, although its output layer is right.",
                correct=True)]),
    Question(
        "Finite differences are simple and need no chain rule. Why not train with them?",
        [Choice("They are only approximations, never accurate enough",
                "Central differences agree with a correct backprop to a relative error below "
                "$10^{-7}$ on this notebook's networks, well within the tolerance $10^{-6}$: "
                "accurate enough to check backprop with. The trouble is their cost."),
         Choice("They need 2 forward passes per parameter; backprop needs 1 forward and 1 backward",
                "For a [10, 32, 32, 1] network ($P = 1{,}441$) that is 2,882 forward passes against "
                "one forward and one backward pass, and the gap grows with $P$.", correct=True),
         Choice("Backprop is a faster finite difference, so it gives the same numbers",
                "Backprop is not a finite difference: it is the chain rule, exact up to rounding. It "
                "matches the hand calculation of section 4 to $10^{-15}$; finite differences only "
                "come close.")]),
])
