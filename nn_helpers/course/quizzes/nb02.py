"""Self-check quiz of notebook 02: the neuron."""
from ..quiz import Choice, Question, Quiz

QUIZ = Quiz("02", [
    Question(
        "A sigmoid neuron has $w = (0.5, -0.3)$ and $b = 0.1$. What does it output for the input "
        "$x = (1, 0)$?",
        [Choice("0.6",
                "That is the weighted sum $z$; the neuron still passes it through its activation: "
                "$a = \\sigma(0.6) = 0.645656$. A sum can be any number, a sigmoid's output lies "
                "between 0 and 1."),
         Choice("1",
                "That is $\\text{step}(0.6)$, what a step neuron would answer. The sigmoid gives a "
                "smooth value: $\\sigma(0.6) = 0.645656$."),
         Choice("0.622459",
                "That is $\\sigma(0.5)$: the bias was forgotten. "
                "$z = 0.5 \\cdot 1 + (-0.3) \\cdot 0 + 0.1 = 0.6$, not 0.5."),
         Choice("0.645656",
                "$z = 0.5 \\cdot 1 + (-0.3) \\cdot 0 + 0.1 = 0.6$, then "
                "$a = \\sigma(0.6) = 1/(1 + e^{-0.6}) = 0.645656$ (section 3).", correct=True)]),
    Question(
        "The same neuron, $w = (0.5, -0.3)$, $b = 0.1$. What is the slope of its decision line "
        "$x_2 = m\\,x_1 + c$?",
        [Choice("−1.6667, that is w1 / w2",
                "Solving $w_1 x_1 + w_2 x_2 + b = 0$ for $x_2$ brings a minus sign: the slope is "
                "$-w_1/w_2 = -0.5/(-0.3) = 1.6667$."),
         Choice("1.6667, that is −w1 / w2",
                "The line is $x_2 = -(w_1/w_2)\\,x_1 - b/w_2$; with these numbers "
                "$x_2 = 1.6667\\,x_1 + 0.3333$ (section 4).", correct=True),
         Choice("0.6, that is −w2 / w1",
                "The fraction is upside down: to get $x_2$ alone you divide by $w_2$, so the slope "
                "is $-w_1/w_2 = 1.6667$."),
         Choice("0.3333",
                "That is the intercept $-b/w_2 = -0.1/(-0.3) = 0.3333$, where the line crosses the "
                "$x_2$ axis. The slope is $-w_1/w_2 = 1.6667$.")]),
    Question(
        "What does the bias $b$ do to a neuron's decision line?",
        [Choice("It shifts the line without turning it.",
                "The slope $-w_1/w_2$ does not involve $b$; the intercept $-b/w_2$ does. Section "
                "4's blue and green lines share $w = (1, 1)$, differ only in $b$, and are "
                "parallel; without $b$ every line would pass through $(0, 0)$.", correct=True),
         Choice("It turns the line: a bigger b gives a steeper line.",
                "The slope is $-w_1/w_2$, so $b$ cannot change it. Moving $b$ from −1.5 to −0.5 in "
                "the explorer slides the AND line without turning it."),
         Choice("It sets how steep the sigmoid is, not where the line lies.",
                "Steepness comes from scaling $w$ and $b$ together. $b$ alone moves the line: on "
                "AND, $b = -0.5$ instead of $-1.5$ drops the accuracy from 4 of 4 to 2 of 4 "
                "(section 5)."),
         Choice("Nothing important: most neurons can leave it out.",
                "Without $b$ the line passes through $(0, 0)$, where $z = 0$ and the step neuron "
                "outputs 1. AND and OR want 0 there, so no step neuron without a bias computes "
                "them.")]),
    Question(
        "The AND neuron $w = (1, 1)$, $b = -1.5$ is changed to $w = (4, 4)$, $b = -6$. What "
        "changes?",
        [Choice("The line moves four times further from the origin.",
                "The line is where $z = 0$, and $4z = 0$ exactly where $z = 0$: it is the same "
                "line, $x_2 = -x_1 + 1.5$."),
         Choice("The line turns, since both weights changed.",
                "The slope is $-w_1/w_2 = -4/4 = -1$, as before, and the intercept "
                "$-b/w_2 = 6/4 = 1.5$ too: the same line."),
         Choice("The line stays; only the sigmoid gets steeper.",
                "Multiplying $z$ by 4 keeps the points where $z = 0$, so the line stays, but the "
                "outputs move closer to 0 and 1: at $(1, 1)$ from $\\sigma(0.5) = 0.62$ to "
                "$\\sigma(2) = 0.88$. Training found the same kind of neuron for AND: "
                "$w = (8.821, 8.821)$, $b = -13.403$, almost exactly our line (section "
                "6).", correct=True),
         Choice("The neuron now computes OR: its bias changed.",
                "OR needs a different line ($b = -0.5$ with $w = (1, 1)$). Scaling keeps the AND "
                "line, so the neuron still gets 4 of 4 on AND.")]),
    Question(
        "Can one neuron compute XOR if you search hard enough for $w_1$, $w_2$ and $b$?",
        [Choice("Yes, if the weights are made large enough.",
                "Large weights only sharpen the same straight line. Of 100,000 random neurons none "
                "got 4 of 4 on XOR; the best got 3 of 4 (section 7)."),
         Choice("Yes, with the sigmoid instead of the step.",
                "A sigmoid neuron still puts class 1 on one side of the line $z = 0$, so the same "
                "proof applies: at least one corner is always wrong."),
         Choice("No, because one neuron can only compute AND.",
                "One neuron computes AND, OR and NAND alike. What it cannot compute is a table "
                "whose two classes no straight line separates, such as XOR."),
         Choice("No: 3 of 4 at best; XOR needs a hidden layer.",
                "No straight line separates XOR's corners: the four inequalities of section 7 "
                "contradict each other. Section 8's 2-2-1 network (OR and NAND feeding AND) gets "
                "all four rows right.", correct=True)]),
])
