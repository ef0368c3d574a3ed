#!/usr/bin/env python3
"""Train scikit-learn classifiers and write them as ONNX models that HybridAI's OnnxClassifier runs.

    python3 train_and_export.py OUT_DIR

For each model it writes OUT_DIR/NAME.onnx and OUT_DIR/NAME.expected.csv (the test rows, scikit-learn's own
predicted label and predict_proba), so the C# side can check that ONNX Runtime reproduces scikit-learn.

With skl2onnx installed, `skl2onnx.to_onnx(model, X[:1].astype(numpy.float32))` is the usual way to export. skl2onnx
is not packaged for Debian and PyPI is not reachable from our build machines, so this script writes the same
operator layout that skl2onnx emits (Scaler -> LinearClassifier -> Normalizer -> ZipMap for a scaled logistic
regression, TreeEnsembleClassifier -> ZipMap for a random forest) with the `onnx` package's helpers. The graphs use
the names skl2onnx uses: input `float_input`, outputs `output_label` and `output_probability`.

Needs Debian's python3-sklearn and python3-onnx (eng/setup-system.sh installs them).
"""
import csv
import os
import sys

import numpy as np
from onnx import TensorProto, TypeProto, helper
from sklearn.datasets import load_breast_cancer, load_iris, load_wine
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ML = "ai.onnx.ml"


def label_attributes(classes):
    """ONNX ML classifiers take either integer or string class labels, never both."""
    if np.issubdtype(classes.dtype, np.integer):
        return {"classlabels_ints": [int(c) for c in classes]}, TensorProto.INT64
    return {"classlabels_strings": [str(c) for c in classes]}, TensorProto.STRING


def zipmap(classes, source):
    attributes, label_type = label_attributes(classes)
    key = "classlabels_int64s" if label_type == TensorProto.INT64 else "classlabels_strings"
    values = attributes["classlabels_ints"] if label_type == TensorProto.INT64 else attributes["classlabels_strings"]
    node = helper.make_node("ZipMap", [source], ["output_probability"], domain=ML, **{key: values})
    # seq(map(label, float)), built by hand: onnx 1.12 (Debian 12) has no make_map_type_proto.
    entry = TypeProto()
    entry.map_type.key_type = label_type
    entry.map_type.value_type.CopyFrom(helper.make_tensor_type_proto(TensorProto.FLOAT, []))
    return node, helper.make_value_info("output_probability", helper.make_sequence_type_proto(entry))


def model_proto(nodes, features, classes, name):
    _, label_type = label_attributes(classes)
    zip_node, probability_output = zipmap(classes, "probabilities")
    graph = helper.make_graph(
        nodes + [zip_node],
        name,
        [helper.make_tensor_value_info("float_input", TensorProto.FLOAT, [None, features])],
        [helper.make_tensor_value_info("output_label", label_type, [None]), probability_output])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid(ML, 1)],
                              producer_name="hybridai-sklearn-example", producer_version="1")
    model.ir_version = 8
    return model


def logistic_regression(pipeline, features):
    scaler, lr = pipeline.named_steps["standardscaler"], pipeline.named_steps["logisticregression"]
    nodes = [helper.make_node("Scaler", ["float_input"], ["scaled"], domain=ML,
                              offset=scaler.mean_.astype(np.float32).tolist(),
                              scale=(1.0 / scaler.scale_).astype(np.float32).tolist())]
    attributes, _ = label_attributes(lr.classes_)
    if len(lr.classes_) == 2:
        # scikit-learn keeps one weight row for two classes; P(class 0) = sigmoid(-z), P(class 1) = sigmoid(z).
        coefficients = np.vstack([-lr.coef_[0], lr.coef_[0]])
        intercepts = np.array([-lr.intercept_[0], lr.intercept_[0]])
        post = "LOGISTIC"
    else:
        coefficients, intercepts, post = lr.coef_, lr.intercept_, "SOFTMAX"
    nodes.append(helper.make_node("LinearClassifier", ["scaled"], ["output_label", "raw_probabilities"], domain=ML,
                                  coefficients=coefficients.astype(np.float32).ravel().tolist(),
                                  intercepts=intercepts.astype(np.float32).tolist(),
                                  multi_class=0, post_transform=post, **attributes))
    nodes.append(helper.make_node("Normalizer", ["raw_probabilities"], ["probabilities"], domain=ML, norm="L1"))
    return model_proto(nodes, features, lr.classes_, "scaled_logistic_regression")


def float32_at_or_below(threshold):
    """scikit-learn compares float32 features with float64 thresholds. Rounding a threshold to the nearest float32 can
    land on a feature value just above it and send that row the other way; the largest float32 not above the threshold
    keeps every float32 comparison exactly as scikit-learn makes it."""
    t = np.float32(threshold)
    return float(np.nextafter(t, np.float32(-np.inf)) if t > threshold else t)


def random_forest(forest, features):
    ids, node_ids, modes, feature_ids, thresholds, trues, falses = [], [], [], [], [], [], []
    class_trees, class_nodes, class_ids, class_weights = [], [], [], []
    for tree_id, estimator in enumerate(forest.estimators_):
        tree = estimator.tree_
        for node in range(tree.node_count):
            leaf = tree.children_left[node] == -1
            ids.append(tree_id)
            node_ids.append(node)
            modes.append("LEAF" if leaf else "BRANCH_LEQ")
            feature_ids.append(0 if leaf else int(tree.feature[node]))
            thresholds.append(0.0 if leaf else float32_at_or_below(tree.threshold[node]))
            trues.append(0 if leaf else int(tree.children_left[node]))
            falses.append(0 if leaf else int(tree.children_right[node]))
            if leaf:
                # A forest's probability is the mean of its trees' leaf class frequencies.
                counts = tree.value[node][0]
                for c, share in enumerate(counts / counts.sum()):
                    class_trees.append(tree_id)
                    class_nodes.append(node)
                    class_ids.append(c)
                    class_weights.append(float(share) / len(forest.estimators_))
    attributes, _ = label_attributes(forest.classes_)
    if "classlabels_ints" in attributes:
        # TreeEnsembleClassifier spells the integer labels differently from LinearClassifier.
        attributes = {"classlabels_int64s": attributes["classlabels_ints"]}
    node = helper.make_node(
        "TreeEnsembleClassifier", ["float_input"], ["output_label", "probabilities"], domain=ML,
        nodes_treeids=ids, nodes_nodeids=node_ids, nodes_modes=modes, nodes_featureids=feature_ids,
        nodes_values=thresholds, nodes_truenodeids=trues, nodes_falsenodeids=falses,
        class_treeids=class_trees, class_nodeids=class_nodes, class_ids=class_ids, class_weights=class_weights,
        post_transform="NONE", **attributes)
    return model_proto([node], features, forest.classes_, "random_forest")


def write_expected(path, model, x, classes):
    probabilities = model.predict_proba(x)
    labels = model.predict(x)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow([f"f{i}" for i in range(x.shape[1])] + ["label"] + [f"p:{c}" for c in classes])
        for row, label, p in zip(x, labels, probabilities):
            writer.writerow([repr(float(v)) for v in row] + [str(label)] + [repr(float(v)) for v in p])


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    iris = load_iris()
    cases = [
        ("breast-cancer-lr", load_breast_cancer(return_X_y=True), lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)), logistic_regression),
        ("iris-lr", (iris.data, iris.target_names[iris.target]), lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)), logistic_regression),
        ("wine-forest", load_wine(return_X_y=True), lambda: RandomForestClassifier(n_estimators=25, max_depth=6, random_state=7), random_forest),
    ]
    for name, (x, y), make, export in cases:
        # ONNX Runtime reads float32; scikit-learn is trained and checked on the same float32 values.
        x = x.astype(np.float32)
        x_train, x_test, y_train, _ = train_test_split(x, y, test_size=0.3, random_state=1, stratify=y)
        model = make().fit(x_train, y_train)
        onnx_model = export(model, x.shape[1])
        with open(os.path.join(out_dir, f"{name}.onnx"), "wb") as f:
            f.write(onnx_model.SerializeToString())
        write_expected(os.path.join(out_dir, f"{name}.expected.csv"), model, x_test, model.classes_)
        print(f"{name}: {out_dir}/{name}.onnx ({len(x_test)} test rows)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: train_and_export.py OUT_DIR")
    main(sys.argv[1])
