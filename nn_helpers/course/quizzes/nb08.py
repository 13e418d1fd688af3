"""Self-check quiz of notebook 08: gradient descent and training."""
from ..quiz import Choice, Question, Quiz

QUIZ = Quiz("08", [
    Question(
        "Gradient descent on $E(w) = (w - 3)^2 + 1$, 20 steps from $w = -1$. Which learning rate "
        "ends closest to the minimum $w = 3$?",
        [Choice("$\\eta = 0.01$: small steps are the safest",
                "Safe but slow: each step keeps $1 - 2\\eta = 0.98$ of the distance, so after 20 "
                "steps $w$ is still 2.67 away from 3."),
         Choice("$\\eta = 1.05$: the biggest steps get there first",
                "Each step multiplies the distance by $1 - 2\\eta = -1.1$: it jumps over the minimum "
                "and lands farther away every time. After 20 steps it is 26.9 away: it diverges."),
         Choice("$\\eta = 0.5$",
                "The factor $1 - 2\\eta$ is 0, so the very first step lands exactly on $w = 3$. "
                "Larger rates jump over the minimum; beyond 1 they diverge.", correct=True),
         Choice("$\\eta = 0.95$",
                "The factor $1 - 2\\eta = -0.9$ flips the sign every step: it zig-zags across "
                "the minimum and is still 0.49 away after 20 steps.")]),
    Question(
        "A 2-8-1 network on 100 moons points, 30 epochs, $\\eta = 0.5$: full batch ends at loss "
        "0.3576, mini-batches of 10 at 0.1857. Why?",
        [Choice("Bad luck: the full-batch gradient is exact, so it should win",
                "Exact, but one step per epoch. Per epoch, 10 good-enough steps beat one exact "
                "step: that is a property of the method, not luck."),
         Choice("A mini-batch descends a different loss, one that is easier to lower",
                "The loss is the same (a mean over the examples), and a mini-batch's gradient is "
                "the mean of its examples' gradients: a noisy estimate of the full one. Both runs "
                "end measured on all 100 points."),
         Choice("Mini-batches only make each step cheaper to compute",
                "They change the training, not just its cost: in the same 30 epochs they reach "
                "0.1857 and 93% accuracy, against 0.3576 and 85% for the full batch."),
         Choice("Each epoch, mini-batches make 10 updates where the full batch makes 1",
                "An epoch looks at every example once either way, but the mini-batches turn that "
                "arithmetic into 10 steps downhill. Their gradients are noisier, yet each one points "
                "nearly the right way.", correct=True)]),
    Question(
        "A tutorial's algorithm says \"for each mini-batch: initialize the weights, ...\". What "
        "happens if you train like that?",
        [Choice("Everything learned is thrown away at every mini-batch",
                "Each epoch ends with a random network that took a single step. After 20 epochs "
                "on the moons the loss is 0.544, against 0.273 when the weights are initialized "
                "once, before training (the erratum of section 7).", correct=True),
         Choice("Training gets noisier, like stochastic gradient descent, but still converges",
                "The noise of SGD comes from which examples a step sees; the weights it has learned "
                "are kept. Re-initialized, the loss never gets below where one step from random "
                "weights lands (about 0.5 to 0.8)."),
         Choice("It helps: fresh random weights escape bad valleys",
                "Trying other starting points helps only as separate runs, keeping the best seed "
                "(section 7). Inside one run, re-initializing erases the progress: 0.544 after "
                "20 epochs against 0.273.")]),
    Question(
        "Why not start every weight at the same value, say 0 or 0.3?",
        [Choice("It is fine: the gradients soon push the weights apart",
                "Equal hidden units get the same delta, so the same gradient and the same update: "
                "nothing ever pushes them apart. From all zeros the 2-4-1 tanh network ends 50 "
                "epochs at loss 0.6935 (about $\\ln 2$) and 50% accuracy."),
         Choice("Equal hidden units get equal gradients and stay copies of each other forever",
                "However many hidden units there are, they then act as one. Small random weights "
                "break the symmetry: 93% accuracy on the moons, against 86% for all 0.3 and 50% "
                "for all zeros.", correct=True),
         Choice("Only 0 is a problem; any other equal value works",
                "From all 0.3 the four rows of $W^{(1)}$ move but stay identical, "
                "(+0.350, -1.139) each after 50 epochs: one hidden unit, a straight boundary, "
                "86% accuracy.")]),
    Question(
        "XOR, five seeds, the same settings: four end near loss 0.19 to 0.21, seed 3 at 0.33. "
        "What does that tell you?",
        [Choice("Seed 3's run has a bug",
                "Nothing is wrong with its code: the same code with seeds 0, 1, 2 and 4 reaches "
                "about 0.19 to 0.21. Gradient descent only goes downhill from where it starts."),
         Choice("Seed 3 needs more epochs to catch up",
                "It has settled in its valley: ten times as many epochs (4,000; a run not shown in the "
                "notebook) take it only from 0.328 to 0.313, still 83% accuracy."),
         Choice("Seed 3 started elsewhere and settled in a worse valley",
                "A loss surface has many valleys, and where descent ends depends on where it "
                "starts. Train a few seeds and keep the best on validation data, or use a larger "
                "network.", correct=True)]),
])
