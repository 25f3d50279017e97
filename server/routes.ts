import type { Route } from './http/route.ts';
import { authRoutes } from './auth/routes.ts';
import { userRoutes } from './users/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { mentorshipRoutes } from './mentorships/routes.ts';
import { questionnaireRoutes } from './questionnaires/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { indicatorRoutes } from './indicators/routes.ts';
import { declarationRoutes } from './declarations/routes.ts';
import { reportingRoutes } from './reporting/routes.ts';
import { cotechRoutes } from './cotech/routes.ts';
import { mentorRoutes } from './mentors/routes.ts';
import { settingsRoutes } from './settings/routes.ts';
import { importRoutes } from './imports/routes.ts';

/**
 * Every route of the application, in one table: the app mounts it, the OpenAPI document is generated from it,
 * and the tenant-isolation and fuzzing tests iterate over it, so a new route cannot escape them.
 */
export const routes: Route[] = [
  ...authRoutes,
  ...userRoutes,
  ...auditRoutes,
  ...privacyRoutes,
  ...mentorshipRoutes,
  ...mentorRoutes,
  ...settingsRoutes,
  ...importRoutes,
  ...questionnaireRoutes,
  ...reportRoutes,
  ...declarationRoutes,
  ...reportingRoutes,
  ...cotechRoutes,
  ...indicatorRoutes,
];
