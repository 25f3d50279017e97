import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { AppContext, StaffContext } from '../context.ts';
import type { UserRole } from '../../db/schema/index.ts';
import type { FieldLabels } from './validation.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Input<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

interface RouteBase<P, Q, B, R> {
  method: HttpMethod;
  /** Express path syntax (`/api/mentorships/:id`). */
  path: string;
  summary: string;
  tags: string[];
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /**
   * Schema of a JSON answer, for the OpenAPI document and the client's generated types; the handler's return type
   * must match it (checked by the compiler, not at run time).
   */
  response?: z.ZodType<R>;
  /** French names of the fields, for validation messages (never a code name such as `etpSalaries`). */
  labels?: FieldLabels;
  /** Non-JSON answers (HTML page, file download) say their media type here. */
  produces?: string;
  status?: number;
}

/** A staff route: only the listed roles get through; the handler gets the actor from the session. */
export interface StaffRoute<P = unknown, Q = unknown, B = unknown, R = unknown> extends RouteBase<P, Q, B, R> {
  access: readonly UserRole[];
  handler: (ctx: StaffContext, input: Input<P, Q, B>, req: Request, res: Response) => Answer<R>;
}

/** A public route (login, questionnaire respondents): no staff session needed. */
export interface PublicRoute<P = unknown, Q = unknown, B = unknown, R = unknown> extends RouteBase<P, Q, B, R> {
  access: 'public';
  handler: (ctx: AppContext, input: Input<P, Q, B>, req: Request, res: Response) => Answer<R>;
}

/** The response schema alone decides R; the handler must then return that shape (or write its own answer). */
// (An async handler's `return HANDLED` widens to `symbol`.)
type Answer<R> = NoInfer<R> | Promise<NoInfer<R>> | symbol | Promise<symbol> | void | Promise<void>;

export type Route = StaffRoute<any, any, any, any> | PublicRoute<any, any, any, any>;

/** Identity helpers that keep the input types of a route tied to its zod schemas. */
export function staffRoute<P = undefined, Q = undefined, B = undefined, R = unknown>(route: StaffRoute<P, Q, B, R>): Route {
  return route as Route;
}
export function publicRoute<P = undefined, Q = undefined, B = undefined, R = unknown>(route: PublicRoute<P, Q, B, R>): Route {
  return route as Route;
}

/** A handler that wrote its own answer (file, HTML, redirect) returns this. */
export const HANDLED = Symbol('handled');

export const ALL_STAFF = ['admin', 'evaluateur', 'responsable_association'] as const satisfies readonly UserRole[];
export const DEPARTMENT_STAFF = ['admin', 'evaluateur'] as const satisfies readonly UserRole[];
export const ASSOCIATION_LEAD = ['responsable_association'] as const satisfies readonly UserRole[];
