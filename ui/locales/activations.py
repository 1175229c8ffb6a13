"""Display texts for the activation explorer, in English (``EN``) and Korean (``KO``).

Both dicts map the same keys to Markdown strings (bold, inline code and inline
``$...$`` LaTeX only):

- ``act.<id>.name`` / ``.use`` / ``.weakness`` / ``.note`` for every activation id
  of ``core.activations`` (display name, where it is used, main pitfall, the one
  idea to remember);
- ``family.<family>`` for the six family names of the registry;
- ``guide.<case>.title`` / ``.body`` for the "which activation where" guide
  (hidden, binary, multiclass, regression, rnn);
- ``why.title`` / ``why.body``: why a network needs a non-linearity;
- ``softmax.title`` / ``softmax.body`` / ``softmax.overflow``.

The texts are qualitative on purpose: numbers such as a derivative's maximum are
computed by the app at run time, not written here. Every value is formatted with
``str.format`` (the page always passes the measured facts of the function), so literal
braces in LaTeX are doubled (``e^{{-x^2}}``) and ``{lo}``, ``{hi}``, ``{f0}``, ``{g0}``,
``{maxg}``, ``{values}`` (and SELU's ``{alpha}``, ``{scale}``) are placeholders filled from
``core``. The guide gets ``{sig_lo}``, ``{sig_hi}``, ``{total}``; softmax texts ``{total}``,
``{fmax}``, ``{ln_max}``, ``{example}``.
"""

EN: dict[str, str] = {
    # ------------------------------------------------------------------ families
    "family.step": "Step family",
    "family.sigmoid": "Sigmoid family",
    "family.relu": "ReLU family",
    "family.smooth-relu": "Smooth ReLU family",
    "family.linear": "Linear",
    "family.other": "Other",
    # ------------------------------------------------------------------ identity
    "act.identity.name": "Identity (linear)",
    "act.identity.use": (
        "Used at the output of regression networks, where the prediction must be free to take "
        "any real value. It also sits wherever a layer should stay purely linear, such as the "
        "layer that produces the raw scores (logits) fed into a softmax."
    ),
    "act.identity.weakness": (
        "It adds no non-linearity: layers joined by identity activations collapse into one "
        "linear map, however many you stack. Used between hidden layers, it wastes the depth "
        "of the network."
    ),
    "act.identity.note": (
        "Identity is the right choice at a regression output and the wrong one between hidden "
        "layers."
    ),
    # ------------------------------------------------------------------ step
    "act.step.name": "Binary step",
    "act.step.use": (
        "The original threshold unit of McCulloch–Pitts neurons and Rosenblatt's perceptron: "
        "the neuron either fires or stays silent. Today it appears mostly in teaching and in "
        "the perceptron learning rule, which needs no derivative."
    ),
    "act.step.weakness": (
        "Its derivative is zero wherever it exists and undefined at the jump, so "
        "backpropagation receives no signal and gradient descent cannot adjust the weights."
    ),
    "act.step.note": (
        "A flat function gives gradient descent nothing to follow, which is why smooth "
        "S-curves replaced the step."
    ),
    # ------------------------------------------------------------------ sign
    "act.sign.name": "Sign",
    "act.sign.use": (
        "Used by perceptrons and classic linear classifiers whose labels are −1 and +1, and by "
        "binarized neural networks that store weights or activations as ±1."
    ),
    "act.sign.weakness": (
        "Like the step, it is flat on both sides of its jump, so its true derivative carries "
        "no learning signal. Binarized networks have to substitute a hand-made gradient "
        "(the straight-through estimator) during training."
    ),
    "act.sign.note": (
        "Sign is a symmetric step: its only outputs are {values}, and sign(0) = {f0}."
    ),
    # ------------------------------------------------------------------ sigmoid
    "act.sigmoid.name": "Sigmoid (logistic)",
    "act.sigmoid.use": (
        "The standard output for binary classification, since it turns a score into a "
        "probability between {lo} and {hi}; LSTM and GRU gates also use it to decide how much to let "
        "through. Early multilayer perceptrons used it in every hidden layer."
    ),
    "act.sigmoid.weakness": (
        "It saturates on both sides, so far from zero its derivative almost disappears and "
        "deep stacks suffer from vanishing gradients. Its outputs are always positive (not "
        "zero-centred), which makes weight updates zig-zag."
    ),
    "act.sigmoid.note": (
        "Keep the sigmoid for outputs and gates that need a probability, and avoid it in the "
        "hidden layers of deep networks."
    ),
    # ------------------------------------------------------------------ tanh
    "act.tanh.name": "tanh (hyperbolic tangent)",
    "act.tanh.use": (
        "The classic activation of recurrent networks: plain RNNs use it for the hidden state "
        "and LSTMs for the candidate cell values. Before ReLU it was the usual pick for the "
        "hidden layers of shallow networks."
    ),
    "act.tanh.weakness": (
        "It still saturates at both ends, so deep tanh networks also run into vanishing "
        "gradients, only less severely than sigmoid ones."
    ),
    "act.tanh.note": (
        r"tanh is a stretched, zero-centred sigmoid, $\tanh(x) = 2\sigma(2x) - 1$, which "
        "removes the zig-zag problem but not the saturation."
    ),
    # ------------------------------------------------------------------ relu
    "act.relu.name": "ReLU",
    "act.relu.use": (
        "The default for hidden layers of convolutional and fully connected networks ever since "
        "AlexNet (2012) made it popular. It costs a single comparison and trains deep networks "
        "much faster than sigmoid or tanh."
    ),
    "act.relu.weakness": (
        "For negative inputs both the output and the gradient are zero, so a unit whose inputs "
        "stay negative stops learning for good — the dying ReLU problem. Its outputs are also "
        "never negative and have no upper bound."
    ),
    "act.relu.note": (
        "For positive inputs ReLU passes the gradient through unchanged, so it does not vanish "
        "there; for negative inputs it blocks the gradient completely."
    ),
    # ------------------------------------------------------------------ leaky_relu
    "act.leaky_relu.name": "Leaky ReLU",
    "act.leaky_relu.use": (
        "A drop-in replacement for ReLU when dead units are a concern; it is common in GAN "
        "discriminators (e.g. DCGAN) and in YOLO-family object detectors."
    ),
    "act.leaky_relu.weakness": (
        "The negative slope α is one more hyperparameter to choose, and the gain over plain "
        "ReLU is often small and depends on the task."
    ),
    "act.leaky_relu.note": (
        "A small slope α for negative inputs keeps a trickle of gradient flowing, so units "
        "cannot die."
    ),
    # ------------------------------------------------------------------ prelu
    "act.prelu.name": "PReLU (Parametric ReLU)",
    "act.prelu.use": (
        "Introduced by He et al. (2015) for very deep ImageNet CNNs, where one negative slope "
        "per channel was learned; it also shows up in some speech and super-resolution models."
    ),
    "act.prelu.weakness": (
        "The extra learned parameters can overfit small data sets, and weight decay applied to "
        "the slope quietly pushes it toward zero, turning the unit back into a plain ReLU."
    ),
    "act.prelu.note": (
        "PReLU is a Leaky ReLU whose negative slope $a$ is learned by gradient descent along "
        "with the weights — the slider here only shows one value it might reach."
    ),
    # ------------------------------------------------------------------ elu
    "act.elu.name": "ELU (Exponential Linear Unit)",
    "act.elu.use": (
        "Proposed by Clevert et al. (2015) to speed up training of deep CNNs; it is used in some "
        "image classifiers, variational autoencoders and graph attention networks (GAT)."
    ),
    "act.elu.weakness": (
        r"The exponential makes it costlier than ReLU, and for large negative inputs it "
        r"saturates toward $-\alpha$, so the gradient there becomes small."
    ),
    "act.elu.note": (
        "ELU keeps a gradient for negative inputs, and its negative outputs pull the mean "
        "activation toward zero, which makes learning easier."
    ),
    # ------------------------------------------------------------------ selu
    "act.selu.name": "SELU (Scaled ELU)",
    "act.selu.use": (
        "Designed by Klambauer et al. (2017) for self-normalizing fully connected networks, "
        "which keep activations near zero mean and unit variance without batch normalization."
    ),
    "act.selu.weakness": (
        "The self-normalizing property holds only under specific conditions: LeCun-normal "
        "initialization, plain feed-forward layers, and alpha dropout instead of ordinary "
        "dropout. Break them and the advantage is gone."
    ),
    "act.selu.note": (
        r"SELU is $\lambda x$ for $x > 0$ and $\lambda\alpha(e^x - 1)$ otherwise, with the "
        "constants α ≈ {alpha} and λ ≈ {scale} chosen so that signals neither blow up nor fade "
        "away from layer to layer."
    ),
    # ------------------------------------------------------------------ celu
    "act.celu.name": "CELU (Continuously differentiable ELU)",
    "act.celu.use": (
        "Proposed by Barron (2017) as a reparametrized ELU and available in PyTorch; it is "
        "seldom chosen in practice but useful when a smooth derivative is needed for any α."
    ),
    "act.celu.weakness": (
        "There is little evidence that it beats ELU or ReLU, and like ELU it pays for an "
        "exponential and saturates for large negative inputs."
    ),
    "act.celu.note": (
        r"Writing the negative part as $\alpha(e^{{x/\alpha}} - 1)$ makes the derivative "
        "continuous at 0 for every α, which ELU achieves only when α = 1."
    ),
    # ------------------------------------------------------------------ gelu
    "act.gelu.name": "GELU (Gaussian Error Linear Unit)",
    "act.gelu.use": (
        "The standard activation of transformers: BERT, the GPT family and Vision Transformers "
        "use it in their feed-forward blocks."
    ),
    "act.gelu.weakness": (
        "It needs the Gaussian cumulative distribution (an erf), which is more expensive than "
        "ReLU, and it is not monotonic: it dips slightly below zero for negative inputs."
    ),
    "act.gelu.note": (
        r"GELU, $x\,\Phi(x)$, multiplies the input by the probability that a standard normal "
        "variable falls below it — a smooth, probabilistic version of ReLU's on/off gate."
    ),
    # ------------------------------------------------------------------ gelu_tanh
    "act.gelu_tanh.name": "GELU, tanh approximation",
    "act.gelu_tanh.use": (
        "The fast formula used in the original BERT and GPT-2 code and still offered by PyTorch "
        "as `approximate='tanh'`; many pretrained models expect exactly this variant."
    ),
    "act.gelu_tanh.weakness": (
        "Its values differ slightly from exact GELU, so running a model with the other variant "
        "than the one it was trained with can shift its outputs a little."
    ),
    "act.gelu_tanh.note": (
        "It replaces the Gaussian cumulative distribution with a tanh of a cubic polynomial, "
        "giving almost the same curve at a lower cost."
    ),
    # ------------------------------------------------------------------ silu
    "act.silu.name": "SiLU (Sigmoid Linear Unit)",
    "act.silu.use": (
        "Used in EfficientNet, in YOLOv5 and later detectors, and inside the SwiGLU "
        "feed-forward blocks of large language models such as LLaMA."
    ),
    "act.silu.weakness": (
        "Computing a sigmoid makes it costlier than ReLU, and like GELU it dips below zero, so "
        "it is not monotonic."
    ),
    "act.silu.note": (
        r"SiLU is $x\,\sigma(x)$: the input gates itself, which makes the curve look like a "
        "smoothed ReLU."
    ),
    # ------------------------------------------------------------------ swish
    "act.swish.name": "Swish",
    "act.swish.use": (
        "Found by Ramachandran et al. (2017) through an automated search over activation "
        "functions; with β = 1 it equals SiLU, and it is used in EfficientNet and, in its hard "
        "version, in MobileNetV3."
    ),
    "act.swish.weakness": (
        "The extra parameter β has to be fixed or learned, and while it costs more than ReLU, "
        "its gains vary from task to task."
    ),
    "act.swish.note": (
        r"Swish, $x\,\sigma(\beta x)$, slides from the straight line $x/2$ at β = 0 toward ReLU "
        "as β grows."
    ),
    # ------------------------------------------------------------------ mish
    "act.mish.name": "Mish",
    "act.mish.use": (
        "Proposed by Misra (2019) and made popular by the YOLOv4 backbone; some computer-vision "
        "models use it as a smooth alternative to Swish."
    ),
    "act.mish.weakness": (
        "Combining exp, log and tanh makes it one of the more expensive activations here, and "
        "its advantage over Swish or ReLU is small and task-dependent."
    ),
    "act.mish.note": (
        r"Mish, $x\tanh(\operatorname{{softplus}}(x))$, is smooth everywhere and, like Swish, "
        "slightly non-monotonic for negative inputs."
    ),
    # ------------------------------------------------------------------ softplus
    "act.softplus.name": "Softplus",
    "act.softplus.use": (
        "Mainly used to force a quantity to be positive, such as a standard deviation or a rate "
        "in probabilistic models and VAEs; now and then as a smooth stand-in for ReLU."
    ),
    "act.softplus.weakness": (
        r"It is never exactly zero, so it produces no sparse activations, and the naive formula "
        r"$\ln(1+e^x)$ overflows for large inputs unless it is computed in a stable way."
    ),
    "act.softplus.note": (
        "Softplus is a smooth ReLU, and its derivative is a sigmoid."
    ),
    # ------------------------------------------------------------------ softsign
    "act.softsign.name": "Softsign",
    "act.softsign.use": (
        "Examined by Glorot and Bengio (2010) as an alternative to tanh; it is rare today but "
        "still turns up in some older models."
    ),
    "act.softsign.weakness": (
        "It is bounded and therefore saturates, so gradients still shrink for large inputs — "
        "just more slowly than with tanh."
    ),
    "act.softsign.note": (
        r"Softsign, $x/(1+|x|)$, approaches its limits polynomially rather than exponentially, "
        "so its tails flatten more gently than those of tanh."
    ),
    # ------------------------------------------------------------------ hardtanh
    "act.hardtanh.name": "Hardtanh",
    "act.hardtanh.use": (
        "A cheap piecewise-linear stand-in for tanh, used in quantized and binarized networks, "
        "where it also sets the clipping range for straight-through gradient estimates."
    ),
    "act.hardtanh.weakness": (
        "Outside its linear middle section the gradient is exactly zero, so saturation is "
        "total rather than gradual."
    ),
    "act.hardtanh.note": (
        "Hardtanh keeps only the middle of tanh: a straight line between two bounds, clipped "
        "flat beyond them."
    ),
    # ------------------------------------------------------------------ hardsigmoid
    "act.hardsigmoid.name": "Hard sigmoid",
    "act.hardsigmoid.use": (
        "Used where a sigmoid is too expensive, for example in the squeeze-and-excitation gates "
        "of MobileNetV3 and in models for phones and microcontrollers."
    ),
    "act.hardsigmoid.weakness": (
        "Its gradient is zero outside the linear segment, and frameworks disagree on the exact "
        "slope (older Keras and PyTorch use different formulas), so a ported model can behave "
        "slightly differently."
    ),
    "act.hardsigmoid.note": (
        "Hard sigmoid swaps the smooth S-curve for a clipped straight line that needs only "
        "additions, multiplications and comparisons."
    ),
    # ------------------------------------------------------------------ hardswish
    "act.hardswish.name": "Hard swish",
    "act.hardswish.use": (
        "Introduced with MobileNetV3 to get Swish-like accuracy on mobile hardware, and adopted "
        "by other efficient vision models since."
    ),
    "act.hardswish.weakness": (
        "It has kinks where its linear pieces meet, and being an approximation it does not "
        "behave exactly like Swish."
    ),
    "act.hardswish.note": (
        "Hard swish is x times the hard sigmoid: the shape of Swish built from cheap operations "
        "only."
    ),
    # ------------------------------------------------------------------ relu6
    "act.relu6.name": "ReLU6",
    "act.relu6.use": (
        "Used in MobileNetV1 and V2, where the cap keeps activations in a small range that "
        "survives low-precision (quantized) arithmetic."
    ),
    "act.relu6.weakness": (
        "Above the cap the gradient is zero too, so a unit can saturate on the positive side as "
        "well as die on the negative side."
    ),
    "act.relu6.note": (
        "ReLU6 is ReLU capped at {hi}, giving up an unbounded output in exchange for a range that "
        "suits fixed-point hardware."
    ),
    # ------------------------------------------------------------------ logsigmoid
    "act.logsigmoid.name": "LogSigmoid",
    "act.logsigmoid.use": (
        "Hardly ever a hidden-layer activation; it lives inside loss functions such as the "
        "logistic loss, word2vec's negative sampling and preference-learning objectives like DPO."
    ),
    "act.logsigmoid.weakness": (
        "Its output is always negative with no lower bound, and taking the log of an already "
        "computed sigmoid underflows to −∞ for large negative inputs."
    ),
    "act.logsigmoid.note": (
        r"Compute $\log\sigma(x)$ directly as $-\operatorname{{softplus}}(-x)$, not as the log of "
        "a sigmoid, to keep it numerically stable."
    ),
    # ------------------------------------------------------------------ tanhshrink
    "act.tanhshrink.name": "Tanhshrink",
    "act.tanhshrink.use": (
        "Offered by PyTorch but used only occasionally, for example in sparse-coding or "
        "signal-denoising experiments; it is not a standard choice for hidden layers."
    ),
    "act.tanhshrink.weakness": (
        "Near zero the curve is extremely flat, so small inputs receive almost no gradient, and "
        "there is little evidence that it helps ordinary networks."
    ),
    "act.tanhshrink.note": (
        r"Tanhshrink, $x - \tanh(x)$, keeps what tanh cannot follow: small inputs are squashed "
        "toward zero while large ones pass through, shifted."
    ),
    # ------------------------------------------------------------------ softshrink
    "act.softshrink.name": "Softshrink",
    "act.softshrink.use": (
        "The soft-thresholding operator of sparse coding and L1-regularized optimization "
        "(ISTA, LISTA), also used in wavelet denoising."
    ),
    "act.softshrink.weakness": (
        r"Inside the dead zone $[-\lambda, \lambda]$ both output and gradient are zero, and the "
        "threshold λ has to be tuned to the scale of the data."
    ),
    "act.softshrink.note": (
        "Softshrink sets small values to zero and moves all others toward zero by λ, which is "
        "exactly how an L1 penalty creates sparsity."
    ),
    # ------------------------------------------------------------------ hardshrink
    "act.hardshrink.name": "Hardshrink",
    "act.hardshrink.use": (
        "The hard-thresholding operator of sparse signal recovery, for example iterative hard "
        "thresholding in compressed sensing."
    ),
    "act.hardshrink.weakness": (
        "It jumps abruptly at ±λ and has zero gradient inside the dead zone, which makes "
        "optimizing through it awkward."
    ),
    "act.hardshrink.note": (
        "Hardshrink either keeps a value unchanged or sets it to zero; unlike softshrink, it "
        "never shrinks the values that survive."
    ),
    # ------------------------------------------------------------------ gaussian
    "act.gaussian.name": "Gaussian",
    "act.gaussian.use": (
        "The classic unit of radial basis function (RBF) networks; it is also used in "
        "coordinate-based networks (implicit neural representations) that fit images or 3D "
        "shapes."
    ),
    "act.gaussian.weakness": (
        "It is not monotonic and saturates on both sides, so inputs far from zero receive "
        "almost no gradient."
    ),
    "act.gaussian.note": (
        r"The Gaussian $e^{{-x^2}}$ responds only to inputs near a centre, acting as a bump "
        "detector rather than an on/off switch."
    ),
    # ------------------------------------------------------------------ arctan
    "act.arctan.name": "Arctan",
    "act.arctan.use": (
        "An occasional replacement for tanh in small networks and in control or "
        "signal-processing models; modern deep networks rarely use it."
    ),
    "act.arctan.weakness": (
        "It is bounded and saturates at both ends, so large inputs still lead to vanishing "
        "gradients."
    ),
    "act.arctan.note": (
        "Arctan is another zero-centred S-curve whose tails flatten polynomially, so it "
        "saturates more slowly than tanh."
    ),
    # ------------------------------------------------------------------ bent_identity
    "act.bent_identity.name": "Bent identity",
    "act.bent_identity.use": (
        "Rarely used in practice; it appears in catalogues of activation functions and in small "
        "experiments as a smooth alternative that never saturates."
    ),
    "act.bent_identity.weakness": (
        "Being so close to a straight line, it adds only a mild non-linearity, and there is "
        "little evidence for it in large models."
    ),
    "act.bent_identity.note": (
        r"Bent identity, $\frac{{\sqrt{{x^2+1}}-1}}{{2}} + x$, bends the straight line slightly and "
        "never saturates on either side."
    ),
    # ------------------------------------------------------------------ guide
    "guide.hidden.title": "Hidden layers",
    "guide.hidden.body": (
        "Start with **ReLU**: it is cheap and does not saturate for positive inputs. If many "
        "units die, switch to **Leaky ReLU** (or PReLU / ELU). Transformers and many recent "
        "models prefer smooth variants such as **GELU** or **SiLU**."
    ),
    "guide.binary.title": "Output for binary classification",
    "guide.binary.body": (
        "Use a single output unit with **sigmoid**, which turns its score into the probability "
        "of the positive class. Train it with binary cross-entropy, ideally through a combined "
        "loss that works on the raw score for numerical stability."
    ),
    "guide.multiclass.title": "Output for multi-class classification",
    "guide.multiclass.body": (
        "Give each class one output and apply **softmax**, which turns the scores into "
        "probabilities that add up to {total}. Train with cross-entropy; most libraries expect the "
        "raw scores (logits) and apply the softmax inside the loss."
    ),
    "guide.regression.title": "Output for regression",
    "guide.regression.body": (
        "Use **no activation** (identity) on the output, so the network can predict any real "
        "value. When the target must be positive, a softplus output is a common exception."
    ),
    "guide.rnn.title": "Gates of recurrent networks",
    "guide.rnn.body": (
        "The gates of LSTMs and GRUs use **sigmoid**, because a value between {sig_lo} and {sig_hi} works like "
        "a valve that is open, closed or partly open. The candidate values and the hidden state "
        "use **tanh**, whose zero-centred range lets the state move down as well as up."
    ),
    # ------------------------------------------------------------------ why
    "why.title": "Why do we need a non-linear activation?",
    "why.body": (
        r"Suppose every layer used the linear activation $h(x) = a\cdot x$. Stacking $L$ such "
        r"layers gives $h(h(\cdots h(x))) = a^L\cdot x$ — still one linear map, so the deep "
        "network can do nothing that a network without a hidden layer could not. The same "
        "holds with weight matrices, because a product of matrices is again a single matrix. "
        "A non-linear activation between the layers lets each layer bend the function, and "
        "stacking these bends is what allows a network to draw curved decision boundaries."
    ),
    # ------------------------------------------------------------------ softmax
    "softmax.title": "Softmax: from scores to probabilities",
    "softmax.body": (
        r"Softmax takes a whole vector of scores $z$ and returns "
        r"$\mathrm{{softmax}}(z)_i = e^{{z_i/T}} / \sum_j e^{{z_j/T}}$: every output is positive and "
        "together they add up to {total}, so they can be read as class probabilities. The "
        "temperature $T$ sets how decisive it is: $T < 1$ sharpens the distribution toward the "
        "largest score, while $T > 1$ flattens it toward uniform."
    ),
    "softmax.overflow": (
        r"Computed naively, $e^{{z}}$ exceeds the largest 64-bit floating-point number (about "
        "{fmax}) as soon as a score is above about {ln_max}; it becomes `inf`, and `inf/inf` "
        r"yields `nan` — as happens for $z = {example}$. Subtracting $m = \max(z)$ from every score first fixes this: the "
        r"factor $e^{{-m}}$ appears in both numerator and denominator and cancels, so the result "
        r"is identical, while the largest exponent becomes $e^0 = 1$ and nothing overflows."
    ),
}

KO: dict[str, str] = {
    # ------------------------------------------------------------------ families
    "family.step": "계단 계열",
    "family.sigmoid": "시그모이드 계열",
    "family.relu": "ReLU 계열",
    "family.smooth-relu": "매끄러운 ReLU 계열",
    "family.linear": "선형",
    "family.other": "기타",
    # ------------------------------------------------------------------ identity
    "act.identity.name": "항등 함수 (Identity, 선형 함수)",
    "act.identity.use": (
        "회귀 신경망의 출력층에 쓰여 예측값이 어떤 실수든 될 수 있게 합니다. 소프트맥스에 "
        "들어갈 점수(logit)를 만드는 층처럼 순수한 선형 변환이 필요한 곳에도 쓰입니다."
    ),
    "act.identity.weakness": (
        "비선형성을 전혀 더하지 않으므로, 항등 함수로 이어진 층은 아무리 많이 쌓아도 하나의 "
        "선형 변환으로 합쳐집니다. 은닉층 사이에 쓰면 층을 깊게 쌓은 의미가 사라집니다."
    ),
    "act.identity.note": (
        "항등 함수는 회귀 문제의 출력층에서는 올바른 선택이지만, 은닉층 사이에서는 잘못된 "
        "선택입니다."
    ),
    # ------------------------------------------------------------------ step
    "act.step.name": "계단 함수 (Binary step)",
    "act.step.use": (
        "매컬럭-피츠 뉴런과 로젠블랫의 퍼셉트론에서 쓰인 최초의 임곗값 함수로, 뉴런은 발화하거나 조용히 "
        "있거나 둘 중 하나입니다. 오늘날에는 주로 교육용으로, 또는 도함수가 필요 없는 퍼셉트론 학습 "
        "규칙에서 볼 수 있습니다."
    ),
    "act.step.weakness": (
        "도함수가 정의되는 모든 곳에서 0이고 값이 뛰는 불연속점에서는 정의되지 않기 때문에, "
        "오차역전파로 전달되는 신호가 없어 경사 하강법이 가중치를 조정할 수 없습니다."
    ),
    "act.step.note": (
        "평평한 함수에는 경사 하강법이 따라갈 기울기가 없기 때문에, 계단 함수는 매끄러운 "
        "S자 곡선으로 대체되었습니다."
    ),
    # ------------------------------------------------------------------ sign
    "act.sign.name": "부호 함수 (Sign)",
    "act.sign.use": (
        "레이블이 −1 또는 +1인 퍼셉트론과 고전적인 선형 분류기에서 쓰이며, 가중치나 활성값을 ±1 값으로 "
        "저장하는 이진화 신경망에서도 쓰입니다."
    ),
    "act.sign.weakness": (
        "계단 함수처럼 불연속점 양쪽이 모두 평평해서 실제 도함수로는 학습 신호를 얻을 수 "
        "없습니다. 그래서 이진화 신경망은 학습할 때 인위적으로 만든 기울기(straight-through "
        "추정기)로 대신합니다."
    ),
    "act.sign.note": (
        "부호 함수는 계단 함수를 대칭으로 만든 것으로, 출력은 {values} 중 하나뿐이며 "
        "sign(0) = {f0}입니다."
    ),
    # ------------------------------------------------------------------ sigmoid
    "act.sigmoid.name": "시그모이드 (로지스틱 함수, logistic sigmoid)",
    "act.sigmoid.use": (
        "점수를 {lo}~{hi} 범위의 확률로 바꿔 주기 때문에 이진 분류 출력층의 표준이며, LSTM과 "
        "GRU의 게이트도 얼마나 통과시킬지 정할 때 시그모이드를 씁니다. 초기의 다층 "
        "퍼셉트론은 모든 은닉층에 시그모이드를 사용했습니다."
    ),
    "act.sigmoid.weakness": (
        "양쪽 끝에서 포화되어 0에서 멀어지면 도함수가 거의 사라지므로, 층을 깊게 쌓으면 "
        "기울기 소실이 일어납니다. 또한 출력이 항상 양수라 0 중심이 아니어서 가중치 "
        "갱신이 지그재그로 움직입니다."
    ),
    "act.sigmoid.note": (
        "시그모이드는 확률이 필요한 출력층과 게이트에만 쓰고, 깊은 신경망의 은닉층에서는 "
        "피하세요."
    ),
    # ------------------------------------------------------------------ tanh
    "act.tanh.name": "tanh (하이퍼볼릭 탄젠트)",
    "act.tanh.use": (
        "순환 신경망의 대표적인 활성화 함수로, 기본 RNN은 은닉 상태에, LSTM은 셀 후봇값에 "
        "tanh를 씁니다. ReLU가 등장하기 전에는 얕은 신경망 은닉층의 일반적인 선택이었습니다."
    ),
    "act.tanh.weakness": (
        "여전히 양쪽 끝에서 포화되기 때문에, 깊은 tanh 신경망도 시그모이드보다는 덜하지만 "
        "기울기 소실을 겪습니다."
    ),
    "act.tanh.note": (
        r"tanh는 시그모이드를 늘이고 옮겨 0 중심으로 만든 함수($\tanh(x) = 2\sigma(2x) - 1$)"
        "로, 지그재그 문제는 없애 주지만 포화 문제는 그대로 남습니다."
    ),
    # ------------------------------------------------------------------ relu
    "act.relu.name": "ReLU (렐루)",
    "act.relu.use": (
        "AlexNet(2012)이 널리 알린 뒤로 합성곱 신경망과 완전 연결 신경망 은닉층의 기본 선택이 "
        "되었습니다. 비교 연산 한 번이면 계산되고, 깊은 신경망을 시그모이드나 tanh를 쓸 때보다 훨씬 "
        "빠르게 학습시킵니다."
    ),
    "act.relu.weakness": (
        "입력이 음수이면 출력과 기울기가 모두 0이어서, 입력이 계속 음수에 머무는 유닛은 "
        "영영 학습을 멈춥니다(죽은 ReLU 문제). 또한 출력이 음수가 되지 않고 위쪽으로는 "
        "한계가 없습니다."
    ),
    "act.relu.note": (
        "ReLU는 양수 입력에서는 기울기를 그대로 통과시켜 기울기 소실이 없지만, 음수 "
        "입력에서는 기울기를 완전히 막습니다."
    ),
    # ------------------------------------------------------------------ leaky_relu
    "act.leaky_relu.name": "Leaky ReLU (리키 렐루)",
    "act.leaky_relu.use": (
        "죽은 유닛이 걱정될 때 ReLU 대신 바로 바꿔 쓸 수 있으며, GAN의 판별자(예: DCGAN)와 "
        "YOLO 계열 객체 탐지 모델에서 흔히 쓰입니다."
    ),
    "act.leaky_relu.weakness": (
        "하이퍼파라미터(음수 쪽 기울기 α)를 하나 더 정해야 하고, 일반 ReLU보다 나아지는 정도는 작은 경우가 많으며 과제에 따라 다릅니다."
    ),
    "act.leaky_relu.note": (
        "음수 입력에 작은 기울기(α)를 남겨 두면 기울기가 조금이나마 계속 흐르므로 유닛이 죽지 않습니다."
    ),
    # ------------------------------------------------------------------ prelu
    "act.prelu.name": "PReLU (파라메트릭 ReLU)",
    "act.prelu.use": (
        "He 등(2015)이 매우 깊은 ImageNet CNN을 위해 제안했으며, 채널마다 음수 쪽 기울기를 "
        "하나씩 학습했습니다. 일부 음성 모델과 초해상도 모델에서도 쓰입니다."
    ),
    "act.prelu.weakness": (
        "학습할 매개변수가 늘어나 작은 데이터셋에서는 과적합될 수 있고, 기울기 매개변수에 가중치 감쇠를 걸면 "
        "값이 슬며시 0 쪽으로 밀려 일반 ReLU로 돌아갑니다."
    ),
    "act.prelu.note": (
        "PReLU는 음수 쪽 기울기($a$)를 가중치와 함께 경사 하강법으로 학습하는 Leaky ReLU이며, 여기 "
        "슬라이더는 학습 결과로 나올 수 있는 값 하나를 보여 줄 뿐입니다."
    ),
    # ------------------------------------------------------------------ elu
    "act.elu.name": "ELU (지수 선형 유닛)",
    "act.elu.use": (
        "Clevert 등(2015)이 깊은 CNN의 학습 속도를 높이려고 제안했으며, 일부 이미지 분류기, "
        "변분 오토인코더, 그래프 어텐션 신경망(GAT)에서 쓰입니다."
    ),
    "act.elu.weakness": (
        r"지수 함수 때문에 ReLU보다 계산 비용이 크고, 큰 음수 입력에서는 $-\alpha$ 쪽으로 "
        "포화되어 그곳의 기울기가 작아집니다."
    ),
    "act.elu.note": (
        "ELU는 음수 입력에서도 기울기를 유지하고, 음수 출력이 평균 활성값을 0 쪽으로 "
        "끌어당겨 학습을 쉽게 만듭니다."
    ),
    # ------------------------------------------------------------------ selu
    "act.selu.name": "SELU (스케일드 ELU)",
    "act.selu.use": (
        "Klambauer 등(2017)이 자기 정규화 완전 연결 신경망을 위해 설계한 함수로, 배치 정규화 "
        "없이도 활성값의 평균을 0 근처로, 분산을 1 근처로 유지합니다."
    ),
    "act.selu.weakness": (
        "자기 정규화 성질은 LeCun 정규 초기화, 단순한 피드포워드(순방향) 층, 일반 드롭아웃 대신 알파 "
        "드롭아웃이라는 조건을 지킬 때만 성립합니다. 조건을 어기면 장점이 사라집니다."
    ),
    "act.selu.note": (
        r"SELU는 $x > 0$이면 $\lambda x$, 그렇지 않으면 $\lambda\alpha(e^x - 1)$입니다. 두 "
        "상수(α ≈ {alpha}, λ ≈ {scale})는 층을 거듭해도 신호가 폭발하거나 사그라지지 않도록 "
        "정해진 값입니다."
    ),
    # ------------------------------------------------------------------ celu
    "act.celu.name": "CELU (연속 미분 가능 ELU)",
    "act.celu.use": (
        "Barron(2017)이 ELU를 다시 매개변수화한 형태로 제안했고 PyTorch에도 들어 있습니다. "
        "실제로는 잘 쓰이지 않지만, 어떤 α에서든 매끄러운 도함수가 필요할 때 유용합니다."
    ),
    "act.celu.weakness": (
        "ELU나 ReLU보다 낫다는 근거가 많지 않으며, ELU처럼 지수 계산 비용을 치르고 큰 음수 "
        "입력에서 포화됩니다."
    ),
    "act.celu.note": (
        r"음수 부분을 $\alpha(e^{{x/\alpha}} - 1)$ 꼴로 쓰면 모든 α에서 0에서의 "
        "도함수가 연속이 되는데, ELU는 α = 1일 때만 그렇습니다."
    ),
    # ------------------------------------------------------------------ gelu
    "act.gelu.name": "GELU (가우스 오차 선형 유닛)",
    "act.gelu.use": (
        "트랜스포머의 표준 활성화 함수로, BERT, GPT 계열, 비전 트랜스포머(ViT)의 "
        "피드포워드 블록에서 쓰입니다."
    ),
    "act.gelu.weakness": (
        "가우스 누적분포함수(erf)를 계산해야 해서 ReLU보다 비싸고, 음수 입력에서 0보다 살짝 "
        "아래로 내려가므로 단조 함수가 아닙니다."
    ),
    "act.gelu.note": (
        r"GELU($x\,\Phi(x)$)는 입력에 ‘표준정규분포 변수가 그 입력보다 작을 확률’을 곱한 "
        "것으로, ReLU의 켜짐/꺼짐 스위치를 매끄럽고 확률적으로 바꾼 함수입니다."
    ),
    # ------------------------------------------------------------------ gelu_tanh
    "act.gelu_tanh.name": "GELU, tanh 근사",
    "act.gelu_tanh.use": (
        "원래 BERT와 GPT-2 코드에서 쓰인 빠른 근사식으로, PyTorch에서도 "
        "`approximate='tanh'` 옵션으로 제공합니다. 많은 사전 학습 모델이 바로 이 형태를 "
        "전제로 합니다."
    ),
    "act.gelu_tanh.weakness": (
        "정확한 GELU와 값이 조금 달라서, 학습할 때와 다른 방식으로 모델을 실행하면 출력이 "
        "약간 달라질 수 있습니다."
    ),
    "act.gelu_tanh.note": (
        "가우스 누적분포함수를 3차 다항식의 tanh로 바꿔서, 거의 같은 곡선을 더 적은 비용으로 "
        "얻습니다."
    ),
    # ------------------------------------------------------------------ silu
    "act.silu.name": "SiLU (시그모이드 선형 유닛)",
    "act.silu.use": (
        "EfficientNet, YOLOv5 이후의 객체 탐지 모델, 그리고 LLaMA 같은 대규모 언어 모델의 "
        "SwiGLU 피드포워드 블록 안에서 쓰입니다."
    ),
    "act.silu.weakness": (
        "시그모이드를 계산해야 해서 ReLU보다 비싸고, GELU처럼 0 아래로 살짝 내려가므로 단조 "
        "함수가 아닙니다."
    ),
    "act.silu.note": (
        r"SiLU($x\,\sigma(x)$)는 입력이 스스로의 게이트 역할을 하는 함수라서, 곡선이 매끄러운 ReLU처럼 보입니다."
    ),
    # ------------------------------------------------------------------ swish
    "act.swish.name": "스위시 (Swish)",
    "act.swish.use": (
        "Ramachandran 등(2017)이 활성화 함수를 자동으로 탐색해 찾아낸 함수입니다. β = 1이면 "
        "SiLU와 같고, EfficientNet과 (하드 버전으로) MobileNetV3에서 쓰입니다."
    ),
    "act.swish.weakness": (
        "추가 매개변수(β)를 고정하거나 학습해야 하며, ReLU보다 계산 비용은 크지만 얻는 이득은 과제마다 다릅니다."
    ),
    "act.swish.note": (
        r"스위시($x\,\sigma(\beta x)$)는 β = 0일 때 직선($x/2$)이고, β 값이 커질수록 ReLU에 가까워집니다."
    ),
    # ------------------------------------------------------------------ mish
    "act.mish.name": "미쉬 (Mish)",
    "act.mish.use": (
        "Misra(2019)가 제안했고 YOLOv4의 백본에 쓰이면서 널리 알려졌습니다. 일부 컴퓨터 비전 "
        "모델에서 스위시의 매끄러운 대안으로 쓰입니다."
    ),
    "act.mish.weakness": (
        "exp, log, tanh를 모두 계산하므로 여기 있는 함수 중 비용이 큰 편이고, 스위시나 ReLU보다 "
        "나은 정도는 작으며 과제에 따라 다릅니다."
    ),
    "act.mish.note": (
        r"미쉬($x\tanh(\operatorname{{softplus}}(x))$)는 모든 곳에서 매끄럽고, "
        "스위시처럼 음수 입력에서 약간 비단조적입니다."
    ),
    # ------------------------------------------------------------------ softplus
    "act.softplus.name": "소프트플러스 (Softplus)",
    "act.softplus.use": (
        "주로 어떤 값을 반드시 양수로 만들어야 할 때, 예를 들어 확률 모델이나 VAE에서 표준편차나 발생률 "
        "같은 매개변수를 출력할 때 쓰입니다. 가끔 ReLU의 매끄러운 대용으로도 쓰입니다."
    ),
    "act.softplus.weakness": (
        r"출력이 정확히 0에 이르는 일이 없어 희소한 활성값을 만들지 못하며, 공식($\ln(1+e^x)$)을 "
        "그대로 계산하면 큰 입력에서 오버플로가 나므로 안정적인 방법으로 계산해야 합니다."
    ),
    "act.softplus.note": (
        "소프트플러스는 매끄러운 ReLU이며, 그 도함수는 시그모이드입니다."
    ),
    # ------------------------------------------------------------------ softsign
    "act.softsign.name": "소프트사인 (Softsign)",
    "act.softsign.use": (
        "Glorot와 Bengio(2010)가 tanh의 대안으로 살펴본 함수입니다. 요즘은 드물지만 일부 "
        "오래된 모델에서 여전히 볼 수 있습니다."
    ),
    "act.softsign.weakness": (
        "값이 유계라서 포화되므로, 입력이 크면 기울기가 여전히 줄어듭니다. 다만 tanh보다는 "
        "천천히 줄어듭니다."
    ),
    "act.softsign.note": (
        "소프트사인($x/(1+|x|)$)은 극한값에 지수 속도가 아니라 다항식 속도로 다가가므로, tanh보다 꼬리가 완만하게 평평해집니다."
    ),
    # ------------------------------------------------------------------ hardtanh
    "act.hardtanh.name": "하드 tanh (Hardtanh)",
    "act.hardtanh.use": (
        "tanh를 값싸게 대신하는 구간별 선형 함수로, 양자화·이진화 신경망에서 쓰이며 "
        "straight-through 기울기 추정의 클리핑 구간 역할도 합니다."
    ),
    "act.hardtanh.weakness": (
        "가운데 선형 구간을 벗어나면 기울기가 정확히 0이어서, 포화가 서서히 일어나지 않고 "
        "한꺼번에 완전히 일어납니다."
    ),
    "act.hardtanh.note": (
        "하드 tanh는 tanh의 가운데 부분만 남긴 함수로, 두 경계 사이에서는 직선이고 경계 "
        "밖에서는 평평하게 잘립니다."
    ),
    # ------------------------------------------------------------------ hardsigmoid
    "act.hardsigmoid.name": "하드 시그모이드 (Hard sigmoid)",
    "act.hardsigmoid.use": (
        "시그모이드가 너무 비쌀 때 쓰이며, 예를 들어 MobileNetV3의 squeeze-and-excitation "
        "게이트나 스마트폰·마이크로컨트롤러용 모델에서 볼 수 있습니다."
    ),
    "act.hardsigmoid.weakness": (
        "선형 구간 밖에서는 기울기(도함수)가 0이고, 선형 구간의 기울기를 정하는 공식이 프레임워크마다 "
        "달라서(예전 Keras와 PyTorch가 서로 다른 공식을 씀) 모델을 옮기면 동작이 조금 달라질 수 "
        "있습니다."
    ),
    "act.hardsigmoid.note": (
        "하드 시그모이드는 매끄러운 S자 곡선을 덧셈, 곱셈, 비교만으로 계산되는 잘린 직선으로 "
        "바꾼 것입니다."
    ),
    # ------------------------------------------------------------------ hardswish
    "act.hardswish.name": "하드 스위시 (Hard swish)",
    "act.hardswish.use": (
        "모바일 하드웨어에서도 스위시에 가까운 정확도를 얻으려고 MobileNetV3에서 도입되었고, 이후 다른 경량 비전 모델에서도 쓰입니다."
    ),
    "act.hardswish.weakness": (
        "선형 조각이 만나는 곳마다 꺾인 점이 있고, 근사이기 때문에 스위시와 똑같이 동작하지는 않습니다."
    ),
    "act.hardswish.note": (
        "하드 스위시는 x에 하드 시그모이드를 곱한 것으로, 값싼 연산만으로 스위시의 모양을 흉내 냅니다."
    ),
    # ------------------------------------------------------------------ relu6
    "act.relu6.name": "ReLU6",
    "act.relu6.use": (
        "MobileNetV1, MobileNetV2에서 쓰였으며, 상한이 활성값을 좁은 범위에 묶어 두어 "
        "저정밀도(양자화) 연산에서도 잘 버팁니다."
    ),
    "act.relu6.weakness": (
        "상한을 넘는 구간에서도 기울기가 0이므로, 유닛이 음수 쪽에서 죽을 뿐 아니라 양수 "
        "쪽에서도 포화될 수 있습니다."
    ),
    "act.relu6.note": (
        "ReLU6 함수는 ReLU의 출력을 {hi}에서 잘라 낸 것으로, 끝없는 출력 범위를 포기하는 대신 고정소수점 하드웨어에 알맞은 범위를 얻습니다."
    ),
    # ------------------------------------------------------------------ logsigmoid
    "act.logsigmoid.name": "로그 시그모이드 (LogSigmoid)",
    "act.logsigmoid.use": (
        "은닉층 활성화 함수로는 거의 쓰이지 않고, 로지스틱 손실, word2vec의 네거티브 샘플링, "
        "DPO 같은 선호 학습 목적 함수처럼 손실 함수 안에서 쓰입니다."
    ),
    "act.logsigmoid.weakness": (
        "출력이 항상 음수이고 아래로 한없이 내려가며, 시그모이드를 먼저 계산한 뒤 로그를 취하면 큰 음수 "
        "입력에서 언더플로가 일어나 −∞ 값이 나옵니다."
    ),
    "act.logsigmoid.note": (
        r"로그 시그모이드($\log\sigma(x)$)는 시그모이드의 로그로 구하지 말고 공식 "
        r"$-\operatorname{{softplus}}(-x)$에 따라 직접 계산해야 수치적으로 "
        "안정합니다."
    ),
    # ------------------------------------------------------------------ tanhshrink
    "act.tanhshrink.name": "tanh 수축 (Tanhshrink)",
    "act.tanhshrink.use": (
        "PyTorch에서 제공하지만 희소 코딩이나 신호 잡음 제거 실험 등에서 가끔 쓰일 뿐이며, "
        "은닉층의 표준적인 선택은 아닙니다."
    ),
    "act.tanhshrink.weakness": (
        "0 근처에서 곡선이 매우 평평해 작은 입력은 기울기를 거의 받지 못하고, 일반적인 "
        "신경망에 도움이 된다는 근거도 적습니다."
    ),
    "act.tanhshrink.note": (
        r"tanh 수축($x - \tanh(x)$)은 tanh가 따라가지 못한 부분만 남기므로, 작은 입력은 "
        "0 쪽으로 눌리고 큰 입력은 조금 이동한 채 통과합니다."
    ),
    # ------------------------------------------------------------------ softshrink
    "act.softshrink.name": "소프트 수축 (Softshrink)",
    "act.softshrink.use": (
        "희소 코딩과 L1 정규화 최적화(ISTA, LISTA)에서 쓰이는 소프트 임곗값 연산자이며, 웨이블릿 잡음 제거에도 쓰입니다."
    ),
    "act.softshrink.weakness": (
        r"죽은 구간($[-\lambda, \lambda]$) 안에서는 출력과 기울기가 모두 0이며, 임곗값 "
        "λ도 데이터의 크기에 맞게 조정해야 합니다."
    ),
    "act.softshrink.note": (
        "소프트 수축은 작은 값을 없애고 나머지 값은 모두 λ만큼 0 쪽으로 당기는데, 이것이 바로 L1 벌점이 희소성을 만드는 방식입니다."
    ),
    # ------------------------------------------------------------------ hardshrink
    "act.hardshrink.name": "하드 수축 (Hardshrink)",
    "act.hardshrink.use": (
        "희소 신호 복원에서 쓰이는 하드 임곗값 연산자로, 예를 들어 압축 센싱의 반복적 하드 임곗값 알고리즘에 쓰입니다."
    ),
    "act.hardshrink.weakness": (
        "±λ에서 값이 갑자기 뛰고 죽은 구간 안에서는 기울기가 0이므로, 이 함수를 거쳐 최적화하기가 까다롭습니다."
    ),
    "act.hardshrink.note": (
        "하드 수축은 값을 그대로 두거나 없앨 뿐이며, 소프트 수축과 달리 살아남은 값을 줄이지 않습니다."
    ),
    # ------------------------------------------------------------------ gaussian
    "act.gaussian.name": "가우스 함수 (Gaussian)",
    "act.gaussian.use": (
        "방사 기저 함수(RBF) 신경망의 고전적인 유닛이며, 이미지나 3D 형상을 좌표로 표현하는 "
        "신경망(암시적 신경 표현)에서도 쓰입니다."
    ),
    "act.gaussian.weakness": (
        "단조 함수가 아니고 양쪽에서 포화되므로, 0에서 먼 입력은 기울기를 거의 받지 "
        "못합니다."
    ),
    "act.gaussian.note": (
        "가우시안($e^{{-x^2}}$)은 중심 근처의 입력에만 반응하므로, 켜짐/꺼짐 스위치라기보다 봉우리 모양의 감지기입니다."
    ),
    # ------------------------------------------------------------------ arctan
    "act.arctan.name": "아크탄젠트 (arctan)",
    "act.arctan.use": (
        "작은 신경망이나 제어·신호 처리 모델에서 가끔 tanh 대신 쓰이며, 현대의 깊은 "
        "신경망에서는 드뭅니다."
    ),
    "act.arctan.weakness": (
        "값이 유계라서 양쪽 끝에서 포화되므로, 큰 입력에서는 여전히 기울기 소실이 "
        "생깁니다."
    ),
    "act.arctan.note": (
        "아크탄젠트는 또 하나의 0 중심 S자 곡선으로, 꼬리가 다항식 속도로 평평해지기 "
        "때문에 tanh보다 천천히 포화됩니다."
    ),
    # ------------------------------------------------------------------ bent_identity
    "act.bent_identity.name": "굽은 항등 함수 (Bent identity)",
    "act.bent_identity.use": (
        "실제로는 거의 쓰이지 않으며, 활성화 함수 목록이나 작은 실험에서 포화되지 않는 "
        "매끄러운 대안으로 등장합니다."
    ),
    "act.bent_identity.weakness": (
        "직선에 매우 가까워서 더해 주는 비선형성이 약하고, 큰 모델에서 효과가 있다는 근거도 "
        "적습니다."
    ),
    "act.bent_identity.note": (
        r"굽은 항등 함수($\frac{{\sqrt{{x^2+1}}-1}}{{2}} + x$)는 직선을 살짝 "
        "구부린 것으로, 어느 쪽에서도 포화되지 않습니다."
    ),
    # ------------------------------------------------------------------ guide
    "guide.hidden.title": "은닉층",
    "guide.hidden.body": (
        "먼저 **ReLU**로 시작하세요. 계산이 싸고 양수 입력에서는 포화되지 않습니다. "
        "죽은 ReLU 유닛이 많다면 **Leaky ReLU**(또는 PReLU, ELU)로 바꾸고, 트랜스포머와 최신 "
        "모델에서는 **GELU**나 **SiLU** 같은 매끄러운 변형을 주로 씁니다."
    ),
    "guide.binary.title": "이진 분류의 출력층",
    "guide.binary.body": (
        "출력 유닛 하나에 **시그모이드**를 적용하면 점수가 양성 클래스일 확률로 바뀝니다. "
        "손실 함수로는 이진 교차 엔트로피를 쓰되, 수치 안정성을 위해 원래 점수에서 바로 "
        "계산하는 결합형 손실 함수를 쓰는 것이 좋습니다."
    ),
    "guide.multiclass.title": "다중 분류의 출력층",
    "guide.multiclass.body": (
        "클래스마다 출력을 하나씩 두고 **소프트맥스**를 적용하면, 점수가 합이 {total}인 확률로 "
        "바뀝니다. 교차 엔트로피로 학습하는데, 대부분의 라이브러리는 원래 점수(logit)를 받아 "
        "손실 함수 안에서 소프트맥스를 적용합니다."
    ),
    "guide.regression.title": "회귀의 출력층",
    "guide.regression.body": (
        "출력층에는 **활성화 함수를 쓰지 않습니다**(항등 함수). 그래야 신경망이 어떤 실숫값이든 "
        "예측할 수 있습니다. 목푯값이 반드시 양수여야 한다면 소프트플러스를 쓰는 것이 흔한 "
        "예외입니다."
    ),
    "guide.rnn.title": "순환 신경망의 게이트",
    "guide.rnn.body": (
        "LSTM과 GRU의 게이트는 **시그모이드**를 씁니다. {sig_lo}~{sig_hi} 사이의 값이 열리고 닫히는, "
        "때로는 반쯤 열리는 밸브 역할을 하기 때문입니다. 후봇값과 은닉 상태에는 **tanh**를 "
        "쓰는데, 0 중심인 출력 범위 덕분에 상태가 위아래 양쪽으로 움직일 수 있습니다."
    ),
    # ------------------------------------------------------------------ why
    "why.title": "왜 비선형 활성화 함수가 필요할까요?",
    "why.body": (
        r"모든 층이 선형 활성화 함수($h(x) = a\cdot x$)를 쓴다고 해 봅시다. 이런 층을 "
        r"$L$개 쌓으면 결과는 $h(h(\cdots h(x))) = a^L\cdot x$, 여전히 하나의 "
        "선형 변환일 뿐이므로 아무리 깊게 쌓아도 은닉층이 없는 신경망보다 나을 것이 없습니다. 가중치 행렬을 "
        "써도 마찬가지인데, 행렬을 여러 번 곱해도 결국 행렬 하나가 되기 때문입니다. 층 사이에 비선형 "
        "활성화 함수를 넣어야 각 층이 함수를 구부릴 수 있고, 이런 구부림이 쌓여야 신경망이 곡선 모양의 "
        "결정 경계를 그릴 수 있습니다."
    ),
    # ------------------------------------------------------------------ softmax
    "softmax.title": "소프트맥스: 점수를 확률로",
    "softmax.body": (
        "소프트맥스는 점수 벡터 $z$ 전체를 받아 다음 값을 돌려줍니다: "
        r"$\mathrm{{softmax}}(z)_i = e^{{z_i/T}} / \sum_j "
        "e^{{z_j/T}}$. 모든 출력이 양수이고 합이 {total}이므로 각 클래스의 확률로 읽을 수 "
        "있습니다. 온도($T$)는 분포가 얼마나 뚜렷한지를 정하는데, $T < 1$이면 가장 큰 점수 쪽으로 "
        "뾰족해지고 $T > 1$이면 균등 분포 쪽으로 평평해집니다."
    ),
    "softmax.overflow": (
        "식 그대로 계산하면 점수가 약 {ln_max}보다 클 때 $e^{{z}}$ 값이 "
        "float64 형식으로 나타낼 수 있는 최댓값(약 {fmax})을 넘어 `inf` 값이 되고, "
        "`inf/inf` 계산의 결과는 `nan`입니다. $z = {example}$에서 바로 이런 일이 "
        r"일어납니다. 모든 점수에서 먼저 $m = \max(z)$ 값을 빼면 해결됩니다. 분자와 분모에 같은 "
        "인수($e^{{-m}}$)가 생겨 약분되므로 결과는 똑같고, 가장 큰 지수 항은 $e^0 = 1$ "
        "값이 되어 오버플로가 일어나지 않습니다."
    ),
}
