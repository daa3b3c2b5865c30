// Types for the CommonJS module next to this file, so TypeScript tests can import it.
import type { IncomingMessage, Server, ServerResponse } from "node:http";

export const CONTENT_TYPES: Record<string, string>;

export interface Mount {
  /** URL path prefix, starting and ending with "/". */
  prefix: string;
  /** Absolute folder served under the prefix. */
  dir: string;
}

export function staticHandler(
  mounts: readonly Mount[],
  redirects?: Record<string, string>,
): (request: IncomingMessage, response: ServerResponse) => void;

export function listen(server: Server, port: number, host?: string, attemptsLeft?: number): Promise<number>;

export function buildDirs(root?: string): { preview: string; addin: string };

/** Why a build is needed before serving, or undefined when both builds are up to date. */
export function buildNeeded(root?: string): string | undefined;

export interface PreviewServer {
  server: Server;
  port: number;
  /** e.g. "http://localhost:3000/" */
  url: string;
  close(): Promise<void>;
}

export function startPreviewServer(options?: {
  root?: string;
  port?: number;
  host?: string;
}): Promise<PreviewServer>;
