"""Self-check quiz of notebook 00: start here (how the course works; why we need networks)."""
from ..quiz import Choice, Question, Quiz

QUIZ = Quiz("00", [
    Question(
        "The 2-8-8-1 network labels 98.6% of its training points right. What should you expect on "
        "points it has never seen?",
        [Choice("Also 98.6%: new points are drawn the same way as the training points.",
                "The model adjusted its numbers to exactly those training points, so its score "
                "there flatters it. On the 60 test points it never saw, the network got 96.7% "
                "(section 4)."),
         Choice("Likely less; only a test set it never trained on can tell.",
                "Training fits the model to the training points, so only points it never trained "
                "on show how it does on new ones: 96.7% for the network, 86.7% for the single "
                "neuron.", correct=True),
         Choice("100%: train a little longer and it gets every new point right.",
                "More training fits the training points more closely, not new ones. After 2000 "
                "epochs the network still misses 2 of the 60 test points (96.7%)."),
         Choice("Nothing can be said: accuracy is only defined on the training set.",
                "Accuracy works on any points whose labels we know. The notebook keeps 30% of the "
                "200 points, 60 of them, aside as a test set for exactly this.")]),
    Question(
        "For true labels `[0, 1, 1, 0]` and predictions `[0, 1, 0, 0]`, what should `accuracy` "
        "return?",
        [Choice("3, the number of correct predictions.",
                "That is a count: 3 right out of 4 and 3 right out of 1000 would look the same. "
                "Accuracy divides by the number of points: 3/4 = 0.75."),
         Choice("75, the percentage of correct predictions.",
                "75% is the same value written as a percentage, but the function returns a "
                "fraction between 0 and 1; percentages are for printing, as in the plot titles."),
         Choice("0.75, the fraction of correct predictions.",
                "Three of the four labels agree, so 3/4 = 0.75. `float(np.mean(y_true == y_pred))` "
                "computes it: each True counts as 1, each False as 0. (`np.mean` alone gives the "
                "same value as a NumPy number, shown as `np.float64(0.75)`; `float` makes it the "
                "plain 0.75 of exercise 00.1.)", correct=True),
         Choice("0.25, the fraction of wrong predictions.",
                "That is the error rate, 1 − accuracy. Accuracy counts the agreements: 3 of 4, so "
                "0.75.")]),
    Question(
        "Why does the single neuron `MLP([2, 1])` get only about 87% of the moons right?",
        [Choice("No straight line puts the tips of both moons on the right side.",
                "One neuron cuts the plane in two with a line (notebook 02 shows why), so the tips "
                "land on the wrong side whatever line it picks. The 2-8-8-1 network bends its "
                "boundary and gets 96.7% of the test points.", correct=True),
         Choice("It was not trained long enough: 500 epochs are too few.",
                "Trained for 20,000 epochs instead of 500, the same neuron stays at exactly 87.9% "
                "on the training points and 86.7% on the test points. The limit is its straight "
                "line, not the training time."),
         Choice("The points are too noisy for any model to do much better than 87%.",
                "Same data, same training method: the 2-8-8-1 network gets 98.6% of the training "
                "points and 96.7% of the test points right. The noise is not what holds the neuron "
                "back."),
         Choice("It sees only two coordinates per point; it would need more inputs.",
                "The 2-8-8-1 network sees the same two coordinates and reaches 96.7%. What it has "
                "and the neuron lacks are hidden neurons, which let it bend its boundary.")]),
    Question(
        "A cell stops with `NameError: name 'X_train' is not defined`. What is the likely cause?",
        [Choice("`nn_helpers` did not install properly and must be reinstalled.",
                "`X_train` is made by a cell of this notebook (the one that calls "
                "`train_test_split` in section 3), not by `nn_helpers`. The error means that cell "
                "has not run in this session."),
         Choice("Each cell runs on its own, so it must define every name it uses.",
                "Cells share one Python session: a name made in an earlier cell can be used in any "
                "later one, once that cell has run. That is why cells are run from top to bottom."),
         Choice("A checker cell was skipped, and the checkers make the data.",
                "Checkers only print a verdict on your exercise; the rest of the notebook needs "
                "nothing from them. `X_train` comes from the cell that makes the data in section "
                "3."),
         Choice("The cell that makes `X_train` has not run: restart and run all.",
                "Names exist only after the cell that makes them has run in the current session "
                "(cells run out of order, or a restart, lose them). *Kernel → Restart Kernel and "
                "Run All Cells* runs every cell in order from a clean slate.", correct=True)]),
])
