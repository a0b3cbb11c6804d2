// A route of the API as data: its method, path, who may call it and what it does. The app
// mounts the list, and the OpenAPI document is written from the same list.
import type { Caller, Role } from '../auth/tokens.js';
import type { Registry } from '../communities/registry.js';
import type { CommunitySettings } from '../communities/settings.js';
import type { EventStore } from '../store/events.js';

/** What a handler gets. */
export interface RouteContext {
  readonly caller: Caller;
  /** The community of the path (the token's, checked). */
  readonly community: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** The parsed JSON body of a POST or PUT (an object). */
  readonly body: Record<string, unknown>;
  readonly registry: Registry;
  readonly store: EventStore;
  readonly settings: CommunitySettings;
}

/** One route. */
export interface Route {
  readonly method: 'get' | 'post' | 'put';
  /** Under /communities/:community, in Hono's form (`/hours/:id/approve`). */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly roles: readonly Role[];
  /** 201 for a write that creates, 200 otherwise. */
  readonly status?: number;
  /** A JSON Schema of the body, for the OpenAPI document. */
  readonly body?: unknown;
  /** A JSON Schema of the answer, for the OpenAPI document. */
  readonly response?: unknown;
  readonly handle: (context: RouteContext) => unknown;
}

/** Every role. */
export const ANYONE: readonly Role[] = ['resident', 'volunteer', 'organizer', 'station', 'admin'];
