/**
 * Read-only access tokens (`--tokens FILE`): a JSON object mapping each token to the scopes it may see,
 * e.g. `{"tv-floor-2": ["*"], "acme-board": ["partner:acme"], "crm-billing": ["queue:billing-en"]}`.
 * A grant is `*` (everything), an exact scope key, a prefix ending in `*` (`queue:billing-*`), or
 * `partner:ID`, which also covers the queues and teams that partner owns. Tokens are looked up by their
 * SHA-256 digest, so the lookup takes the same time whatever the presented token has in common with a
 * real one, and the file's tokens are never echoed in messages.
 */
import { createHash } from 'node:crypto';
import type { Owners } from '../stream/types.js';

export type Grants = readonly string[];

export const ALL: Grants = ['*'];

/** The longest token a file may hold; a longer presented one is unknown without being hashed. */
export const MAX_TOKEN_LENGTH = 512;

export class TokenFileError extends Error {}

export interface TokenTable {
  /** The grants of a token, or undefined for an unknown one. */
  lookup(token: string): Grants | undefined;
  readonly size: number;
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Parses and validates the tokens file's JSON text; errors name the entry, never the token. */
export function parseTokens(text: string, fileName = 'tokens file'): TokenTable {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new TokenFileError(`${fileName} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TokenFileError(`${fileName} must be a JSON object mapping each token to a list of scopes`);
  const table = new Map<string, Grants>();
  let i = 0;
  for (const [token, scopes] of Object.entries(value)) {
    i++;
    const where = `${fileName}: entry ${i}`;
    if (token.length < 8) throw new TokenFileError(`${where}: the token is shorter than 8 characters`);
    if (token.length > MAX_TOKEN_LENGTH)
      throw new TokenFileError(`${where}: the token is longer than ${MAX_TOKEN_LENGTH} characters`);
    if (!Array.isArray(scopes) || scopes.length === 0)
      throw new TokenFileError(`${where} must map to a non-empty list of scopes, e.g. ["partner:acme"]`);
    for (const s of scopes) {
      if (typeof s !== 'string' || !/^(\*|all|[a-z]+:\S+)$/.test(s))
        throw new TokenFileError(
          `${where}: ${JSON.stringify(s)} is not a scope grant (expected "*", "all", "queue:ID", "partner:ID", "team:ID", or a prefix such as "queue:billing-*")`,
        );
    }
    table.set(digest(token), Object.freeze([...new Set(scopes as string[])].sort()));
  }
  if (table.size === 0) throw new TokenFileError(`${fileName} lists no tokens`);
  return {
    lookup: (token) => table.get(digest(token)),
    size: table.size,
  };
}

/** Whether a holder of `grants` may see scope `key`, given the current owners. */
export function scopeAllowed(grants: Grants, key: string, owners: Owners): boolean {
  for (const g of grants) {
    if (g === '*' || g === key) return true;
    if (g.endsWith('*') && key.startsWith(g.slice(0, -1))) return true;
    if (g.startsWith('partner:')) {
      const owner = owners[key];
      if (owner !== undefined && `partner:${owner}` === g) return true;
    }
  }
  return false;
}
