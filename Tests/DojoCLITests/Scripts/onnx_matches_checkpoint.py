"""Runs an exported ONNX policy in onnxruntime beside the checkpoint's own network rebuilt with
numpy from the safetensors file alone, on the same random observations, and reports both.

Usage: onnx_matches_checkpoint.py MODEL.onnx CHECKPOINT.safetensors OBSERVATION_SIZE

Prints a JSON object: {"input": name, "max_difference": largest absolute output difference,
"actions_onnx": [...], "actions_numpy": [...]} over 1,000 observations.
"""
import json
import os
import sys

import numpy as np
import onnxruntime
from safetensors import safe_open
from safetensors.numpy import load_file

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "AgentsTests", "Scripts"))
from greedy_actions import scores  # noqa: E402

model_path, checkpoint, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
observations = np.random.default_rng(7).uniform(-1, 1, size=(1000, size)).astype(np.float32)

session = onnxruntime.InferenceSession(model_path, providers=["CPUExecutionProvider"])
name = session.get_inputs()[0].name
onnx_outputs = session.run(None, {name: observations})[0]

with safe_open(checkpoint, "numpy") as handle:
    metadata = handle.metadata()
numpy_outputs = scores(metadata["agent"], json.loads(metadata["architecture"]), load_file(checkpoint), observations)

print(json.dumps({
    "input": name,
    "max_difference": float(np.max(np.abs(onnx_outputs - numpy_outputs))),
    "actions_onnx": onnx_outputs.argmax(axis=1).tolist(),
    "actions_numpy": numpy_outputs.argmax(axis=1).tolist(),
}))
