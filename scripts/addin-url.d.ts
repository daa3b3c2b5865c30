export declare const DEV_URL: string;
export declare const PLACEHOLDER_URL: string;
export declare function configuredUrl(env?: Record<string, string | undefined>): string | undefined;
export declare function deployableProblem(url: string): string | null;
export declare function addinBaseUrl(options?: {
  dev?: boolean;
  release?: boolean;
  env?: Record<string, string | undefined>;
  warn?: (message: string) => void;
}): string;
export declare const PLACEHOLDER_SUPPORT_URL: string;
export declare function rewriteManifest(
  content: string | Buffer,
  baseUrl: string,
  env?: Record<string, string | undefined>,
): string;
export declare function assertDeployableManifest(content: string | Buffer): void;
