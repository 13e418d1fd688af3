"""Self-check quiz of notebook 06: the chain rule, computational graphs and a tiny autodiff."""
from ..quiz import Choice, Question, Quiz

QUIZ = Quiz("06", [
    Question(
        "With $h = 0.01$, what does the central difference give for the slope of $g(x) = x^3$ "
        "at $x = 2$ (exactly 12)?",
        [Choice("12.0601",
                "That is the forward difference $(g(2.01) - g(2))/0.01$. Its error, 0.0601, shrinks "
                "only like $h$; the central difference steps to both sides and its error shrinks "
                "like $h^2$."),
         Choice("24.0002",
                "That is $g(2.01) - g(1.99)$ divided by $h$ instead of $2h$. The two points are $2h$ "
                "apart, so dividing by $h$ makes the slope twice too big."),
         Choice("12.0001",
                "$(g(2.01) - g(1.99))/0.02 = 12.0001$: the error is $h^2 = 0.0001$, about 600 times "
                "smaller than the forward difference's 0.0601. That is why every gradient check in this "
                "course uses central differences.", correct=True),
         Choice("Exactly 12",
                "The central difference is exact for every $h$ only on $x^2$, which bends the same "
                "amount on both sides. On $x^3$ its error is $h^2$: 0.0001 here, 0.01 with "
                "$h = 0.1$ (section 1's table).")]),
    Question(
        "One neuron: $E = \\frac12(\\sigma(wx + b) - t)^2$ with $z = wx + b$ and $a = \\sigma(z)$. "
        "Which is $\\partial E/\\partial w$?",
        [Choice("$(a - t)\\,x$",
                "It leaves out the sigmoid's slope $\\sigma'(z)$, the most often forgotten factor. "
                "For $x = 1.5$, $w = 0.8$, $b = -0.2$, $t = 1$ it gives $-0.4034$, about five times the "
                "true $-0.0793$."),
         Choice("$(a - t)\\,\\sigma'(z)$",
                "That is $\\partial E/\\partial b = -0.0529$ (exercise 06.2), since "
                "$\\partial z/\\partial b = 1$. For $w$ the last factor is "
                "$\\partial z/\\partial w = x = 1.5$."),
         Choice("$(t - a)\\,\\sigma'(z)\\,x$",
                "The sign is flipped: $dE/da = a - t$, the derivative of $\\frac12(a - t)^2$. This "
                "gives $+0.0793$, so gradient descent would lower $w$ and push $a$ further from "
                "the target."),
         Choice("$(a - t)\\,\\sigma'(z)\\,x$",
                "The chain rule multiplies the three local slopes $dE/da \\cdot da/dz \\cdot "
                "\\partial z/\\partial w$: $-0.2689 \\times 0.1966 \\times 1.5 = -0.0793$, the value "
                "the central difference and `Value.backward()` give too.", correct=True)]),
    Question(
        "`value_sigmoid` passes the gradient back with $\\sigma'(z) = a(1 - a)$. For section 3's "
        "neuron, where $z = 1$, what is $\\sigma'(z)$?",
        [Choice("$a(1 - a) = 0.1966$, with $a = \\sigma(1) = 0.7311$",
                "The rule is written with the output $a = \\sigma(z)$, which is why `value_sigmoid` "
                "multiplies `out.data * (1 - out.data)`. A central difference at $z = 1$ gives the "
                "same 0.19661193.", correct=True),
         Choice("$z(1 - z) = 0$",
                "That puts the input where the output belongs. The slope of the sigmoid is never 0; "
                "at $z = 1$ it is 0.1966, and $z(1 - z) = 0$ would stop every gradient behind this "
                "neuron."),
         Choice("$\\sigma(a)(1 - \\sigma(a)) = 0.2194$",
                "That applies the sigmoid a second time: $a$ already is $\\sigma(z)$. The slope is "
                "$a(1 - a) = 0.7311 \\times 0.2689 = 0.1966$."),
         Choice("1: an activation only passes the gradient on",
                "A plus passes its gradient on unchanged; the sigmoid multiplies it by its "
                "slope, at most 0.25. Here by 0.1966, which is why $\\partial E/\\partial z = "
                "-0.0529$ is much smaller than $dE/da = -0.2689$.")]),
    Question(
        "Why does every backward rule in `Value` add to a gradient (`u.grad += ...`) instead of "
        "setting it (`u.grad = ...`)?",
        [Choice("So that calling `E.backward()` a second time refines the gradients",
                "One backward pass already gives the exact gradients. A second call on the same graph "
                "adds everything again: $w$'s grad becomes $-0.555$, seven times "
                "$\\partial E/\\partial w = -0.0793$. Build a fresh graph (or reset every grad to 0)."),
         Choice("A number used in several places must collect a share from each use",
                "In $y = x \\cdot x$ at $x = 3$ each factor sends back 3, and `+=` adds them to 6, "
                "the slope of $x^2$. With `=` the second share overwrites the first and $x$ gets "
                "3.", correct=True),
         Choice("It makes no difference, since every `grad` starts at 0",
                "It makes no difference only for a number used once. For $y = x \\cdot x$ at "
                "$x = 3$, `=` gives 3 instead of the right 6: the second use overwrites the "
                "first use's share.")]),
])
