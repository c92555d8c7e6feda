/**
 * An ONNX model opened for inference: the file checked by our own reader first (so a bad file
 * gets one clear sentence), then an onnxruntime session on the chosen execution provider.
 */
import type * as Ort from 'onnxruntime-node';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../shared/errors.js';
import { loadOnnxRuntime, firstLine, type OrtModule } from './onnx-runtime.js';
import { readOnnxModelInfo, type OnnxModelInfo } from './onnx-file.js';
import { CUDA_PROVIDER_FILES, ONNXRUNTIME_VERSION, cudaArchiveName, type VerifiedCudaProviders } from './cuda-provider-archive.js';
import { installCudaProviders } from './install-cuda-providers.js';

export type ExecutionProvider = 'cpu' | 'cuda';
export const EXECUTION_PROVIDERS: readonly ExecutionProvider[] = ['cpu', 'cuda'];

/** A graph input or output as onnxruntime reports it. */
export interface TensorSpec {
  name: string;
  /** onnxruntime's type name ('float32', 'int64', 'string', ...); undefined for non-tensors. */
  type?: string;
  /** Dimensions: a number when fixed, a name (or '') when symbolic; empty when unknown. */
  shape: ReadonlyArray<number | string>;
}

export type Feeds = Record<string, Ort.Tensor>;
export type Outputs = Record<string, Ort.Tensor>;

export interface ModelSession {
  path: string;
  info: OnnxModelInfo;
  provider: ExecutionProvider;
  inputs: TensorSpec[];
  outputs: TensorSpec[];
  ort: OrtModule;
  /** Runs the model; `fetch` limits the outputs computed and returned (default: all). */
  run(feeds: Feeds, fetch?: readonly string[]): Promise<Outputs>;
  release(): Promise<void>;
}

export interface OpenModelOptions {
  provider?: ExecutionProvider;
  /** The action input or CLI flag that named the file, for error messages. */
  input?: string;
  /** onnxruntime's CUDA provider libraries, checked against the release archive's digest, installed beside the runtime. */
  cudaProviders?: VerifiedCudaProviders;
}

export { CUDA_PROVIDER_FILES } from './cuda-provider-archive.js';

export async function openModel(modelPath: string, options: OpenModelOptions = {}): Promise<ModelSession> {
  const input = options.input ?? 'model';
  const provider = options.provider ?? 'cpu';
  const info = await readOnnxModelInfo(modelPath, input);
  const ort = await loadOnnxRuntime();
  if (provider === 'cuda') {
    checkCudaPlatform();
    const dir = onnxRuntimeBinaryDir();
    if (dir && options.cudaProviders) await installCudaProviders(options.cudaProviders, dir);
    if (dir) checkCudaProvider(dir);
  }
  let session: Ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(modelPath, {
      executionProviders: [provider],
      graphOptimizationLevel: 'all',
    });
  } catch (e) {
    const why = firstLine(e);
    if (provider === 'cuda') {
      throw new InputError(
        `execution-provider is cuda, but onnxruntime could not start the CUDA execution provider for ${modelPath} (${why}); run on a runner with an NVIDIA GPU, CUDA 12 and cuDNN 9, or set execution-provider: cpu.`,
        { input: 'execution-provider' },
      );
    }
    throw new InputError(
      `onnxruntime ${ort.env.versions.node} could not load the model ${modelPath}: ${why}; check that it was exported for an opset onnxruntime 1.30 supports and needs no custom operators.`,
      { file: modelPath, input },
    );
  }
  return {
    path: modelPath,
    info,
    provider,
    inputs: session.inputMetadata.map(toSpec),
    outputs: session.outputMetadata.map(toSpec),
    ort,
    run: (feeds, fetch) => (fetch ? session.run(feeds, [...fetch]) : session.run(feeds)) as Promise<Outputs>,
    release: () => session.release(),
  };
}

function toSpec(m: Ort.InferenceSession.ValueMetadata): TensorSpec {
  return m.isTensor ? { name: m.name, type: m.type, shape: m.shape } : { name: m.name, shape: [] };
}

function checkCudaPlatform(): void {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new InputError(`execution-provider is cuda, which modelci supports on linux/x64 runners only; this runner is ${process.platform}/${process.arch}.`, {
      input: 'execution-provider',
    });
  }
}

/**
 * The npm package does not carry the CUDA provider (the action installs it from onnxruntime's
 * GPU release archive, checked by its sha256). Saying so here beats onnxruntime's dlopen message.
 */
function checkCudaProvider(dir: string): void {
  if (existsSync(path.join(dir, CUDA_PROVIDER_FILES[0]))) return;
  throw new InputError(
    `execution-provider is cuda, but onnxruntime's CUDA provider (${CUDA_PROVIDER_FILES[0]}) is not installed in ${dir}; the quality-gates action installs it from onnxruntime's ${cudaArchiveName(ONNXRUNTIME_VERSION)}.tgz (onnxruntime-cuda-url), elsewhere copy ${CUDA_PROVIDER_FILES.map((f) => `lib/${f}`).join(' and ')} from that archive into ${dir}, or set execution-provider: cpu.`,
    { input: 'execution-provider' },
  );
}

/**
 * The folder holding onnxruntime's native library, where provider libraries must sit: inside a
 * bundle, onnxruntime-node loads it from ../bin/napi-v6/<platform>/<arch>/ next to the bundle;
 * from source, from the installed package.
 */
export function onnxRuntimeBinaryDir(): string | undefined {
  const tail = path.join('bin', 'napi-v6', process.platform, process.arch);
  const bundled = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', tail);
  if (existsSync(path.join(bundled, 'onnxruntime_binding.node'))) return bundled;
  try {
    const pkg = createRequire(import.meta.url).resolve('onnxruntime-node/package.json');
    return path.join(path.dirname(pkg), tail);
  } catch {
    return undefined;
  }
}
