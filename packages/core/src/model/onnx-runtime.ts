/**
 * onnxruntime-node, loaded on first use. The import is dynamic so that code paths that never
 * run a model (drift checks, reports) do not load the 45 MB native library.
 */
import type * as Ort from 'onnxruntime-node';
import { InputError } from '../shared/errors.js';

export type OrtModule = typeof Ort;
let loaded: Promise<OrtModule> | undefined;

export function loadOnnxRuntime(): Promise<OrtModule> {
  loaded ??= import('onnxruntime-node').then(
    (mod) => {
      // A CommonJS package: its exports arrive as the namespace or as its default, by loader.
      const ort = ((mod as unknown as { default?: OrtModule }).default ?? mod) as OrtModule;
      ort.env.logLevel = 'error';
      return ort;
    },
    (e: unknown) => {
      loaded = undefined;
      throw new InputError(
        `onnxruntime-node could not be loaded on ${process.platform}/${process.arch} (${firstLine(e)}); ` +
          'modelci ships its native library for linux/x64 only: on other runners install onnxruntime-node 1.30 beside the action (see the quality-gates README).',
      );
    },
  );
  return loaded;
}

export function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0].trim().replace(/\.$/, '');
}
