import type { Route } from './http/route.ts';
import { authRoutes } from './auth/routes.ts';
import { mentorshipRoutes } from './mentorships/routes.ts';
import { questionnaireRoutes } from './questionnaires/routes.ts';
import { reportRoutes } from './reports/routes.ts';

/**
 * Every route of the application, in one table: the app mounts it, the OpenAPI document is generated from it,
 * and the tenant-isolation and fuzzing tests iterate over it, so a new route cannot escape them.
 */
export const routes: Route[] = [...authRoutes, ...mentorshipRoutes, ...questionnaireRoutes, ...reportRoutes];
