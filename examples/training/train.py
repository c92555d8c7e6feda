#!/usr/bin/env python3
"""The example trainer for train-on-gpu: a small PyTorch classifier of penguin species on
vega-datasets' penguins table, exported to ONNX for quality-gates.

Device-agnostic: CUDA when torch sees a GPU (train-on-gpu sets CUDA_VISIBLE_DEVICES), else the
CPU. Writes into --output-dir: model.onnx, test.csv (the held-out rows, for quality-gates) and
metrics.json. Follows modelci's tracking contract: when MODELCI_TRACKING_FILE is set it writes
{"mlflow_run_id": ...} there (MLflow is used only when installed and MLFLOW_TRACKING_URI is set),
and sets the tags in MODELCI_TRACKING_TAGS on the run.

--workers N forks N data-loader workers (as real trainers do), so cancellation can be tested on
a process tree; --epochs sets the work; --min-seconds keeps the GPU busy at least that long.
"""
import argparse, csv, json, os, random, sys, time

import torch
from torch import nn

FEATURES = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
KEYS = ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"]


def load(path):
    with open(path) as f:
        rows = json.load(f)
    out = []
    for r in rows:
        x = [r.get(k) for k in KEYS]
        if all(isinstance(v, (int, float)) for v in x) and isinstance(r.get("Species"), str):
            out.append((r["Species"], [float(v) for v in x]))
    return out


class Standardized(nn.Module):
    """The network with its input scaling inside, so the ONNX model takes raw measurements."""

    def __init__(self, mean, std, classes, hidden):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)
        self.net = nn.Sequential(nn.Linear(len(FEATURES), hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, classes))

    def forward(self, x):
        return torch.softmax(self.net((x - self.mean) / self.std), dim=1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "node_modules", "vega-datasets", "data", "penguins.json"))
    p.add_argument("--output-dir", default="artifacts")
    p.add_argument("--epochs", type=int, default=300)
    p.add_argument("--workers", type=int, default=0)
    p.add_argument("--min-seconds", type=float, default=0)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--hidden", type=int, default=32, help="hidden width; large (4096) to give a GPU real work")
    p.add_argument("--experiment-name", default=os.environ.get("MLFLOW_EXPERIMENT_NAME"))
    a = p.parse_args()

    torch.manual_seed(a.seed)
    random.seed(a.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    print(f"device: {device}" + (f" ({torch.cuda.get_device_name(0)})" if device.type == "cuda" else ""), flush=True)

    rows = load(a.data)
    random.shuffle(rows)
    classes = sorted({s for s, _ in rows})
    cut = int(len(rows) * 0.7)
    train, test = rows[:cut], rows[cut:]
    x = torch.tensor([f for _, f in train], dtype=torch.float32)
    y = torch.tensor([classes.index(s) for s, _ in train])
    model = Standardized(x.mean(0), x.std(0), len(classes), a.hidden).to(device)

    dataset = torch.utils.data.TensorDataset(x, y)
    loader = torch.utils.data.DataLoader(dataset, batch_size=64, shuffle=True, num_workers=a.workers, persistent_workers=a.workers > 0)
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.NLLLoss()
    started = time.time()
    epoch = 0
    while epoch < a.epochs or time.time() - started < a.min_seconds:
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            loss = loss_fn(torch.log(model(xb) + 1e-9), yb)
            loss.backward()
            opt.step()
        epoch += 1
        if epoch % 50 == 0:
            print(f"epoch {epoch} loss {loss.item():.4f}", flush=True)

    model.eval()
    xt = torch.tensor([f for _, f in test], dtype=torch.float32, device=device)
    with torch.no_grad():
        accuracy = (model(xt).argmax(1).cpu() == torch.tensor([classes.index(s) for s, _ in test])).float().mean().item()
    print(f"held-out accuracy {accuracy:.4f} on {len(test)} rows", flush=True)

    os.makedirs(a.output_dir, exist_ok=True)
    onnx_path = os.path.join(a.output_dir, "model.onnx")
    cpu_model = model.to("cpu")
    torch.onnx.export(cpu_model, torch.zeros(1, len(FEATURES)), onnx_path, input_names=["features"], output_names=["probabilities"],
                      dynamic_axes={"features": {0: "n"}, "probabilities": {0: "n"}}, opset_version=13)
    import onnx  # after torch's export: onnx is only needed to add the metadata quality-gates reads
    m = onnx.load(onnx_path)
    for k, v in {"classes": json.dumps(classes), "feature_names": json.dumps(FEATURES)}.items():
        m.metadata_props.add(key=k, value=v)
    onnx.save(m, onnx_path)
    with open(os.path.join(a.output_dir, "test.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["species", *FEATURES])
        for s, feats in test:
            w.writerow([s, *feats])
    with open(os.path.join(a.output_dir, "metrics.json"), "w") as f:
        json.dump({"accuracy": accuracy, "epochs": epoch, "device": device.type}, f)
    print(f"exported {onnx_path}", flush=True)

    track(accuracy)


def track(accuracy):
    """modelci's tracking contract: report the run id in MODELCI_TRACKING_FILE."""
    target = os.environ.get("MODELCI_TRACKING_FILE")
    runs = {}
    if os.environ.get("MLFLOW_TRACKING_URI"):
        try:
            import mlflow
        except ImportError:
            print("MLFLOW_TRACKING_URI is set but mlflow is not installed: not tracked", file=sys.stderr)
        else:
            tags = json.loads(os.environ.get("MODELCI_TRACKING_TAGS", "{}"))
            with mlflow.start_run(run_name=os.environ.get("MLFLOW_RUN_NAME"), tags=tags) as run:
                mlflow.log_metric("accuracy", accuracy)
                runs["mlflow_run_id"] = run.info.run_id
    if target and runs:
        with open(target, "w") as f:
            json.dump(runs, f)


if __name__ == "__main__":
    main()
