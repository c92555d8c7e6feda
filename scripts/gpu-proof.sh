#!/usr/bin/env bash
# The GPU proof of train-on-gpu: one command, on a machine with an NVIDIA GPU, PyTorch with CUDA
# and onnx; no network needed. It runs the committed action bundle (dist/train-on-gpu) the way the
# runner does, with the example PyTorch trainer on CUDA, and asserts:
#   1. the probe found the GPU (name, memory, driver) and set CUDA_VISIBLE_DEVICES;
#   2. telemetry saw utilisation above zero while training;
#   3. the ONNX export happened (model.onnx checked by onnx.checker, listed with its sha256);
#   4. after a cancellation (SIGINT to the step, as the runner sends) no process of the trainer's
#      group is left, in /proc or on the GPU (nvidia-smi --query-compute-apps);
#   5. when onnxruntime's GPU archive is on the machine, quality-gates (dist/quality-gates) checks,
#      caches and installs its CUDA providers and evaluates the exported model on CUDA.
# Under 8 minutes: ~1 min training, ~1 min cancellation, the rest slack.
#
# Needs: bash, python3 with torch (CUDA) and onnx, nvidia-smi, and Node >= 20. Without `node` on
# PATH it unpacks tmp/gpu-proof/node.xz; `scripts/gpu-proof.sh --pack` (on a machine with this
# repository's node_modules) writes that file, the penguins table and the bundles there, about
# 35 MiB, so `tmp/gpu-proof` is all a bare GPU machine needs besides the repository's tracked files.
# Logs and the reports go to $OUT (the device runner's folder) or tmp/gpu-proof/out.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROOF="$ROOT/tmp/gpu-proof"
cd "$ROOT"

if [[ "${1:-}" == "--pack" ]]; then
  mkdir -p "$PROOF"
  node scripts/bundle.mjs train-on-gpu train-on-gpu/post
  rm -rf "$PROOF/dist" && mkdir -p "$PROOF/dist" && cp -r dist/train-on-gpu "$PROOF/dist/"
  cp node_modules/vega-datasets/data/penguins.json "$PROOF/penguins.json"
  xz -T0 -6 -c "$(command -v node)" > "$PROOF/node.xz"
  du -sh "$PROOF"
  exit 0
fi

OUT_DIR="${OUT:-$PROOF/out}"
mkdir -p "$OUT_DIR"
WORK=$(mktemp -d)
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# --- what this machine has -------------------------------------------------------------------
NODE=$(command -v node || true)
if [[ -z "$NODE" ]]; then
  [[ -f "$PROOF/node.xz" ]] || { echo "No node on PATH and no $PROOF/node.xz: run scripts/gpu-proof.sh --pack where Node is, and carry tmp/gpu-proof."; exit 2; }
  xz -dc "$PROOF/node.xz" > "$WORK/node" && chmod +x "$WORK/node" && NODE="$WORK/node"
fi
echo "node: $("$NODE" --version)"
command -v nvidia-smi >/dev/null || { echo "FAIL: nvidia-smi is not on PATH: this is not a GPU machine"; exit 1; }
nvidia-smi --query-gpu=index,name,memory.total,memory.free,driver_version --format=csv,noheader | tee "$OUT_DIR/nvidia-smi.txt"
PYTHON=${PYTHON:-python3}
"$PYTHON" -c 'import torch, onnx; print("torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available(), "| onnx", onnx.__version__)' | tee "$OUT_DIR/python.txt"
# GPU_PROOF_DRY_RUN=1 rehearses the script on a CPU machine with the nvidia-smi stand-in
# (test/helpers/nvidia-smi-standin) first on PATH; it proves nothing about a GPU.
DRY=${GPU_PROOF_DRY_RUN:-}
[[ -n "$DRY" ]] && echo "DRY RUN: a rehearsal against a stand-in nvidia-smi, not a GPU proof"
# A wide network gives the GPU real work; on the CPU of a rehearsal it would take hours.
HIDDEN=${GPU_PROOF_HIDDEN:-$([[ -n "$DRY" ]] && echo 64 || echo 4096)}
"$PYTHON" -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' || [[ -n "$DRY" ]] || { echo "FAIL: torch sees no CUDA device"; exit 1; }

BUNDLE="$ROOT/dist/train-on-gpu"
[[ -f "$BUNDLE/index.js" ]] || BUNDLE="$PROOF/dist/train-on-gpu"
[[ -f "$BUNDLE/index.js" ]] || { echo "No dist/train-on-gpu bundle: run npm run bundle (or scripts/gpu-proof.sh --pack) first."; exit 2; }
DATA="$ROOT/node_modules/vega-datasets/data/penguins.json"
[[ -f "$DATA" ]] || DATA="$PROOF/penguins.json"
[[ -f "$DATA" ]] || { echo "No penguins.json: run scripts/gpu-proof.sh --pack first."; exit 2; }

# Run the bundle as the runner does: INPUT_<NAME> (hyphens kept), the GITHUB_* files, node24.
# $1: a name for this run; the rest: NAME=value inputs.
start_step() {
  local name=$1; shift
  local dir="$WORK/$name"; mkdir -p "$dir"
  : > "$dir/output"; : > "$dir/summary"; : > "$dir/state"; : > "$dir/env"
  local inputs=()
  for kv in "$@"; do inputs+=("INPUT_${kv%%=*}=${kv#*=}"); done
  env GITHUB_ACTIONS=true GITHUB_SHA=gpuproof0000000000000000000000000000000 RUNNER_TEMP="$dir" \
    GITHUB_OUTPUT="$dir/output" GITHUB_STEP_SUMMARY="$dir/summary" GITHUB_STATE="$dir/state" GITHUB_ENV="$dir/env" \
    INPUT_UPLOAD=false INPUT_GPUS=1 INPUT_CUDA-VISIBLE-DEVICES=auto INPUT_WORKING-DIRECTORY="$ROOT" INPUT_TIMEOUT=6m \
    INPUT_KILL-GRACE-PERIOD=10s INPUT_TELEMETRY-INTERVAL=1s INPUT_RETENTION-DAYS=30 INPUT_ALLOW-BUSY-GPU=false \
    "${inputs[@]}" "$NODE" "$BUNDLE/index.js" > "$dir/log" 2>&1 &
  STEP_PID=$!
  STEP_DIR=$dir
}
lines() { local IFS=$'\n'; echo "$*"; }

# --- 1-3: train on the GPU --------------------------------------------------------------------
T0=$(date +%s)
if [[ "${GPU_PROOF_ONLY:-}" != cancel ]]; then
start_step train "COMMAND=$(lines "$PYTHON" examples/training/train.py --data "$DATA" --output-dir "$WORK/train/out" --hidden "$HIDDEN" --epochs 300 --min-seconds 45)" "OUTPUT-DIR=$WORK/train/out"
set +e; timeout 420 tail --pid=$STEP_PID -f /dev/null; wait $STEP_PID; code=$?; set -e
cp "$STEP_DIR/log" "$OUT_DIR/train.log"; cp "$STEP_DIR/summary" "$OUT_DIR/train-summary.md"
echo "training step exit code $code after $(( $(date +%s) - T0 )) s"
REPORT="$WORK/train/out/modelci-training-run.json"
if [[ $code -eq 0 && -f "$REPORT" ]]; then
  cp "$REPORT" "$OUT_DIR/"
  "$PYTHON" - "$REPORT" "$WORK/train/out/model.onnx" <<'PY' && pass "probe, telemetry and ONNX export" || fail "probe, telemetry or ONNX export (see above)"
import json, sys, onnx
r = json.load(open(sys.argv[1]))
ok = True
def check(cond, what):
    global ok
    print(("  ok   " if cond else "  FAIL ") + what)
    ok = ok and cond
g = r.get("gpus") or []
check(len(g) >= 1 and g[0].get("name") and g[0].get("memoryTotalMiB"), f"probe found the GPU: {g[0]['name'] if g else None}, {g[0].get('memoryTotalMiB') if g else None} MiB, driver {g[0].get('driver') if g else None}, CUDA {r.get('cudaVersion')}")
check(bool(r.get("cudaVisibleDevices")), f"CUDA_VISIBLE_DEVICES={r.get('cudaVisibleDevices')}")
t = (r.get("telemetry") or {}).get("gpus") or []
mean = t[0].get("meanUtilizationPct") if t else None
check(mean is not None and mean > 0, f"telemetry: {r.get('telemetry', {}).get('samples')} samples, mean utilisation {mean}%, peak memory {t[0].get('peakMemoryUsedMiB') if t else None} MiB")
outs = {f["path"]: f for f in r.get("outputs", [])}
check("model.onnx" in outs, f"model.onnx listed: {outs.get('model.onnx')}")
onnx.checker.check_model(onnx.load(sys.argv[2]))
check(True, "onnx.checker accepts model.onnx")
for w in r.get("warnings", []): print("  warning:", w)
sys.exit(0 if ok else 1)
PY
  if grep -q "device: cuda" "$OUT_DIR/train.log"; then pass "the trainer ran on CUDA"
  elif [[ -n "$DRY" ]]; then echo "SKIP (dry run): the trainer ran on the CPU"
  else fail "the trainer did not say 'device: cuda'"; fi
else
  fail "the training step failed (exit code $code); last lines:"; tail -20 "$STEP_DIR/log"
fi

# --- 5: quality-gates evaluates the exported model on CUDA (only with onnxruntime's GPU archive) --
# The machine has no network, so the archive must already be on it: GPU_PROOF_ORT_CUDA_ARCHIVE
# (default tmp/gpu-proof/onnxruntime-linux-x64-gpu_cuda12-1.30.0.tgz, ~300 MB, too big to carry).
# Unproven until a run prints PASS here: the CUDA provider loaded from the tool cache's copy.
ORT_ARCHIVE=${GPU_PROOF_ORT_CUDA_ARCHIVE:-$PROOF/onnxruntime-linux-x64-gpu_cuda12-1.30.0.tgz}
if [[ ! -f "$ORT_ARCHIVE" ]]; then
  echo "SKIP: quality-gates on CUDA: no $ORT_ARCHIVE (copy onnxruntime's GPU release archive there)"
elif [[ ! -f "$WORK/train/out/model.onnx" || -n "$DRY" ]]; then
  echo "SKIP: quality-gates on CUDA: no exported model (or a dry run)"
else
  QG="$WORK/qg"; mkdir -p "$QG/cache"; : > "$QG/output"; : > "$QG/summary"
  set +e
  env GITHUB_ACTIONS=true RUNNER_TEMP="$QG" RUNNER_TOOL_CACHE="$QG/cache" GITHUB_OUTPUT="$QG/output" GITHUB_STEP_SUMMARY="$QG/summary" \
    INPUT_MODEL="$WORK/train/out/model.onnx" INPUT_TEST-DATA="$WORK/train/out/test.csv" INPUT_LABEL-COLUMN=species \
    INPUT_GATES="accuracy >= 0.5" INPUT_EXECUTION-PROVIDER=cuda INPUT_ONNXRUNTIME-CUDA-URL="$ORT_ARCHIVE" \
    INPUT_ONNXRUNTIME-CUDA-SHA256="${GPU_PROOF_ORT_CUDA_SHA256:-f9886932ee7bb0b4d3fcab736a392d4ff5efaa0672b47f19f0cec03437cf64f1}" \
    INPUT_LATENCY-RUNS=1000 INPUT_WARMUP-RUNS=50 INPUT_BATCH-SIZE=32 INPUT_TASK=auto INPUT_VERDICT-PATH="$QG/verdict.json" \
    "$NODE" "$ROOT/dist/quality-gates/index.js" > "$QG/log" 2>&1
  qcode=$?; set -e
  cp "$QG/log" "$OUT_DIR/quality-gates-cuda.log"; [[ -f "$QG/verdict.json" ]] && cp "$QG/verdict.json" "$OUT_DIR/quality-gates-cuda-verdict.json"
  if [[ $qcode -eq 0 ]] && "$PYTHON" -c 'import json,sys; v=json.load(open(sys.argv[1])); h=v["evaluation"]["latency"]["hardware"]; m=v["metrics"]; print("  provider", h["provider"], "| GPUs", [g.get("name") for g in h["gpus"]], "| p99", m.get("latency.p99"), "ms | accuracy", m.get("accuracy")); sys.exit(0 if h["provider"] == "cuda" and h["gpus"] else 1)' "$QG/verdict.json"; then
    pass "quality-gates ran the exported model on CUDA with the checked provider libraries"
  else
    fail "quality-gates on CUDA (exit code $qcode); last lines:"; grep -v '::debug::' "$QG/log" | tail -15
  fi
fi

fi

# --- 4: cancellation leaves no process ---------------------------------------------------------
start_step cancel "COMMAND=$(lines "$PYTHON" examples/training/train.py --data "$DATA" --output-dir "$WORK/cancel/out" --hidden "$HIDDEN" --workers 3 --min-seconds 300)" "OUTPUT-DIR=$WORK/cancel/out"
for _ in $(seq 1 180); do grep -q "epoch .* loss" "$STEP_DIR/log" && break; sleep 1; done
PGID=$(awk '/^pgid<</{getline; print; exit}' "$STEP_DIR/state")
in_group() { ps -eo pgid=,pid=,stat=,comm= | awk -v g="$PGID" '$1 == g && $3 !~ /^Z/'; }
echo "trainer process group $PGID before cancellation:"; in_group | tee "$OUT_DIR/group-before.txt"
before=$(in_group | wc -l)
kill -INT "$STEP_PID"
set +e; timeout 120 tail --pid=$STEP_PID -f /dev/null; wait $STEP_PID; ccode=$?; set -e
cp "$STEP_DIR/log" "$OUT_DIR/cancel.log"
sleep 1
after=$(in_group | wc -l)
gpu_pids=$(nvidia-smi --query-compute-apps=pid --format=csv,noheader,nounits | tr -d ' ')
left_on_gpu=0
for p in $gpu_pids; do [[ "$(ps -o pgid= -p "$p" 2>/dev/null | tr -d ' ')" == "$PGID" ]] && left_on_gpu=$((left_on_gpu + 1)); done
echo "cancelled step exit code $ccode; group had $before processes, has $after; $left_on_gpu of them on the GPU"
if [[ -n "$PGID" && $before -ge 4 && $after -eq 0 && $left_on_gpu -eq 0 ]] && grep -q "The training was cancelled" "$OUT_DIR/cancel.log"; then pass "cancellation ended the trainer and its $((before - 1)) workers"; else fail "cancellation left processes (or the trainer never forked its workers)"; in_group; fi

rm -rf "$WORK"
echo "gpu-proof: $failures failure(s) in $(( $(date +%s) - T0 )) s; logs in $OUT_DIR"
exit $(( failures > 0 ))
