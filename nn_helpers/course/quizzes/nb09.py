"""Self-check quiz of notebook 09: the handwritten-digits capstone."""
from ..quiz import Choice, Question, Quiz

QUIZ = Quiz("09", [
    Question(
        "The raw pixels are ink counts from 0 to 16. Why divide them by 16, and which images "
        "must be divided?",
        [Choice("It makes no difference: the weights would simply learn to be 16 times smaller",
                "The starting weights (standard deviation $\\sqrt{1/64} = 0.125$) are sized for "
                "inputs of about 1. With raw pixels 70.5% of a fresh network's hidden $z$ have "
                "$|z| > 3$, where the tanh's slope is below 0.01, so those units barely learn."),
         Choice("Only the training images: the trained network copes with raw ones",
                "The scaling is part of the network's input. The trained network gets 97.49% of "
                "the scaled test images right but 95.54% of the raw ones (7 more wrong), and no "
                "error message warns you."),
         Choice("So that the outputs are probabilities between 0 and 1",
                "The softmax makes the outputs probabilities whatever the inputs are. The scaling "
                "is for the hidden layer: it keeps the fresh tanh units out of their flat tails."),
         Choice("So the hidden tanh units do not start saturated; scale every image the same way",
                "Scaled, 0.0% of the fresh hidden $z$ lie beyond $|z| = 3$, against 70.5% with raw "
                "pixels. And the network only knows scaled images: raw test pixels cost 7 more "
                "mistakes.", correct=True)]),
    Question(
        "With softmax outputs and the cross-entropy, what is the output delta "
        "$\\delta = \\partial L/\\partial z$?",
        [Choice("$(\\hat y - y) \\odot \\hat y(1 - \\hat y)$, as for a sigmoid with squared error",
                "There is no such factor: the cross-entropy's $-y_k/\\hat y_k$ cancels the softmax's "
                "slope. That is why $\\delta$ is never flat, however confident and wrong the "
                "network is."),
         Choice("$-y/\\hat y$, the cross-entropy's slope",
                "That is $\\partial L/\\partial \\hat y$, only the first factor. The chain rule "
                "goes on through the softmax to $z$, over every $\\hat y_k$, since each depends on "
                "every $z_j$."),
         Choice("$\\hat y - y$, the prediction minus the target",
                "Summed over the softmax's Jacobian, the cross-entropy's $\\hat y_k$ cancels the "
                "softmax's, and the one-hot $y$ sums to 1. Section 4 checks it: the Jacobian chain "
                "agrees to about $10^{-16}$, a finite difference to about $10^{-10}$.", correct=True)]),
    Question(
        "While you choose the number of epochs, may you look at the test accuracy?",
        [Choice("No: the validation set chooses; the test set is used once, at the end",
                "Here the lowest validation loss (0.1190) picked epoch 62, and only then was the "
                "test set used: 97.49%. A test number that has influenced a choice is no longer an "
                "honest estimate.", correct=True),
         Choice("Yes, as long as the network never trains on the test images",
                "Choosing by it is a subtler way of fitting to it: the number you then report was "
                "picked for looking good on exactly those images. Use the validation set "
                "to choose."),
         Choice("No need for either: stop where the training loss is lowest",
                "The training loss keeps falling, to 0.0130 after 100 epochs, while the validation "
                "loss stops improving (lowest 0.1190 at epoch 62, 0.1214 at epoch 100). Only data "
                "the network does not train on shows overfitting.")]),
    Question(
        "How do you predict the digit of a new $8 \\times 8$ image with the trained network?",
        [Choice("$W^\\top x + b$ with the output layer's weights, as the tutorial writes",
                "That skips the hidden layer and every activation. It runs on the pixels only "
                "because the hidden layer also has 64 units, and gets 13.4% of the test images "
                "right, close to chance (10%)."),
         Choice("Scale it by 1/16, run the whole forward pass, take the largest output",
                "Every layer computes $z = Wa + b$ and its activation, tanh in the hidden layer and "
                "the softmax at the output; the argmax is the digit. That is `net.predict`, "
                "97.49% on the test set.", correct=True),
         Choice("Every layer's $Wa + b$, without the tanh and the softmax",
                "Here that picks the same label for 358 of 359 test images, but its outputs are "
                "not probabilities (for test image 0: 17.42, -12.65, ..., summing to 3.66), and "
                "any tanh pushed into its bend can change the answer.")]),
    Question(
        "The test accuracy is 97.49% (350 of 359). Which statement is true?",
        [Choice("Each digit is read right about 97.5% of the time",
                "Overall accuracy hides the differences: the 1s are read right only 92.1% of the "
                "time (35 of 38), the 8s 95.1%."),
         Choice("An answer given with probability 98% is right",
                "One of the 9 mistakes is a 6 read as a 1 with probability 98%. A softmax "
                "probability is the network's own score, not a guarantee."),
         Choice("It beats guessing, which is right half the time, by 47.5 points",
                "Guessing among ten nearly balanced digits (174 to 183 images each) is right about "
                "10% of the time, not half the time: that is the floor the 97.49% is measured "
                "against."),
         Choice("Some digits are missed more often than others; the confusion matrix shows which",
                "Each row of the confusion matrix is one true digit: the 1s are read right 92.1% "
                "of the time, the 8s 95.1%, every other digit at least 96.9%.", correct=True)]),
])
