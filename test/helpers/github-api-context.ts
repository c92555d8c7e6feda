// What a route of the GitHub API stand-in (github-api.ts) is given: the repository, the shared
// clock and id counter, and the ways to answer (documented shapes, GitHub's error bodies).
import type { ServerResponse } from 'node:http';
import type { Schema } from './openapi-schema.js';

export interface Operation {
  id: string;
  method: string;
  template: string;
  pattern: RegExp;
  params: string[];
  node: Schema;
}

export interface Answer {
  status: number;
  body: unknown;
}

export interface RouteRequest {
  op: Operation;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** The token has push access (the default GITHUB_TOKEN with contents: write), not only issues: write. */
  canPush: boolean;
}

export type Handler = (request: RouteRequest) => Answer;

export interface StandInContext {
  owner: string;
  repo: string;
  /** http://127.0.0.1:<port>, known once listening. */
  base(): string;
  /** The stand-in's clock: one second later at every call, ISO 8601 without milliseconds. */
  now(): string;
  nextId(): number;
  send(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): Answer;
  error(res: ServerResponse, status: number, message: string, docs?: string): Answer;
  /** GitHub's 422 "Validation Failed" body. */
  validationFailed(res: ServerResponse, errors: Array<Record<string, string>>, docs: string): Answer;
  /** The smallest value of the documented response schema with `fields` over it, checked against it. */
  documented(op: Operation, status: number, fields: unknown): unknown;
  user: { login: string; id: number; type: string };
  docs: string;
}

/** One page of `all` as GitHub pages (per_page up to 100, page from 1), with its Link header. */
export function pageOf<T>(all: T[], query: URLSearchParams, url: (page: number, perPage: number) => string): { slice: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Number(query.get('per_page') ?? 30));
  const page = Number(query.get('page') ?? 1);
  const headers: Record<string, string> = {};
  if (page * perPage < all.length) headers.link = `<${url(page + 1, perPage)}>; rel="next"`;
  return { slice: all.slice((page - 1) * perPage, page * perPage), headers };
}
