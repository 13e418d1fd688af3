"""Self-check quiz of notebook 05: cost functions."""
from ..quiz import Choice, Question, Quiz

QUIZ = Quiz("05", [
    Question(
        "A student's cost adds up the errors first and squares the total, $(\\sum_i e_i)^2$. What "
        "goes wrong?",
        [Choice("Nothing: it is the sum of squared errors, written another way.",
                "Squaring after adding is not adding squares: for model A, "
                "$(1 - 2 + 2 + 3)^2 = 16$, but $1 + 4 + 4 + 9 = 18$."),
         Choice("The errors cancel first: model C, off by 5 everywhere, scores 0.",
                "C's errors −5, 5, −5, 5 add up to 0, and $0^2 = 0$. Squaring each error first "
                "keeps every term positive: C's sum of squared errors is 100, the worst of the "
                "three.", correct=True),
         Choice("Only the sign of the total is lost; the ranking of the models stays right.",
                "Models A and B both score 16, though B fits samples 2 and 3 exactly (its squared "
                "errors add up to 10, A's to 18), and C, the worst fit, scores 0."),
         Choice("The square makes it too large; the absolute value of the total is the fix.",
                "$|\\sum_i e_i|$ cancels the same way: model C still scores 0. Take the square (or "
                "the absolute value) of each error, then add.")]),
    Question(
        "The sum of absolute errors ranks models A, B and C correctly. Why is it awkward for "
        "gradient descent?",
        [Choice("Its slope stays ±1 near the target, so the steps never shrink.",
                "Fixed-size steps bounce around the target: from $o = 0$ with $\\eta = 0.3$, the "
                "output ends up swinging between 1.8 and 2.1 forever; on the squared error the "
                "steps shrink and it reaches 1.9997 after 25 steps (section 3).", correct=True),
         Choice("Its slope grows near the target, so the steps overshoot.",
                "The slope does not grow: it has size 1 everywhere, $\\operatorname{sign}(o - t)$. "
                "The steps overshoot because they never shrink."),
         Choice("It can be negative, so it has no lowest point to find.",
                "Absolute values are never negative; the lowest point is 0, at $o = t$. The "
                "trouble is the V's slope, which has the same size at a distance of 0.001 as at "
                "10."),
         Choice("It ranks the models wrongly, like the plain sum.",
                "It ranks them right: B 4, A 8, C 20. Its problem is its V shape, which matters as "
                "soon as we minimise it.")]),
    Question(
        "For model A one source gives the cost 9 and another 4.5. Which one is right?",
        [Choice("Only 9, the half sum of squares: the tutorials use it.",
                "Both are right in their own convention. The mean squared error divides the sum of "
                "squares by $n$, with no ½: $18/4 = 4.5$."),
         Choice("Only 4.5: a cost must be an average over the samples.",
                "The half sum of squares, 9, is the tutorials' $E_{total}$ and what "
                "`losses.squared_error` returns for the four numbers as one sample, shape (4,). "
                "The mean only makes costs comparable across data sets of different sizes."),
         Choice("Both: MSE and the half sum of squares differ by a factor 2/n.",
                "MSE is $\\frac{2}{n}$ times the half sum: $\\frac{2}{4} \\cdot 9 = 4.5$. Halving "
                "or dividing by $n$ only rescales the cost (its lowest point stays put, and the "
                "learning rate absorbs the constant), so just say which one you use (section "
                "5). `losses.squared_error` gives 9 for the four numbers as one sample, shape "
                "(4,), and a third number, the mean half square 2.25, for them as four samples, "
                "shape (4, 1).", correct=True),
         Choice("Neither: two costs of the same errors must agree, so one has a bug.",
                "They are different costs of the same errors: the sum of squares is 18, half of it "
                "9, the mean 4.5. Each is a legitimate choice.")]),
    Question(
        "A sigmoid neuron starts confidently wrong: $a = 0.982$ for the target $t = 0$. Why does "
        "it learn so slowly with the squared error?",
        [Choice("Its squared error is small, so there is little to correct.",
                "$\\frac12 \\cdot 0.982^2 = 0.482$, close to the largest possible, 0.5. The error "
                "is large; it is the gradient that is tiny."),
         Choice("The cross-entropy run used a larger learning rate.",
                "Both runs used $\\eta = 0.15$ and the same start, $w = 2$, $b = 2$. After 300 "
                "epochs the outputs were 0.203 (squared error) and 0.012 (cross-entropy)."),
         Choice("Its gradient points the wrong way at first.",
                "It points the right way ($\\partial L/\\partial w = +0.017345$, so $w$ goes "
                "down), it is just tiny; the cross-entropy's is 0.982014, about 57 times bigger."),
         Choice("Its gradient carries σ'(z), only 0.018 at z = 4.",
                "The sigmoid is flat at $z = 4$, and with the squared error "
                "$\\partial L/\\partial z = (a - t)\\,\\sigma'(z)$. The cross-entropy cancels "
                "$\\sigma'(z)$ and leaves $a - t = 0.982$: after 50 epochs its output is already "
                "0.099, while the squared error's is still 0.976 (section 8).", correct=True)]),
    Question(
        "You pass output and target the wrong way round, `(y_hat, y)`, to `losses.squared_error` "
        "and `losses.squared_error_grad`. What changes?",
        [Choice("The gradient's sign flips; the value stays the same.",
                "The value hides the mistake, but the gradient is output minus target, $o - t$: "
                "for model A, (−1, 2, −2, −3). Swapped, it is (1, −2, 2, 3), and every step climbs "
                "instead of descending. (This holds for the squared error only: the cross-entropy's "
                "value changes too, 0.1054 for $t = 1$, $o = 0.9$ but 3.4540 swapped, section 6.)",
                correct=True),
         Choice("Nothing at all, because (t − o)² = (o − t)².",
                "The value is the same, 9 for model A, but the gradient is not: "
                "`losses.squared_error_grad` gives (−1, 2, −2, −3) one way round and (1, −2, 2, 3) "
                "the other."),
         Choice("The value changes sign, so the cost goes negative.",
                "A square is never negative: both orders give 9 for model A. What flips is the "
                "gradient's sign."),
         Choice("Python raises an error, since target and output differ.",
                "Target and output have the same shape, so both orders run without complaint. That "
                "is what makes the swap easy to miss.")]),
])
