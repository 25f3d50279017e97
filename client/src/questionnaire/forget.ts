// Loaded by the respondent's end pages (already answered, declined): the answers kept on the phone for resuming are
// no longer needed once the server has them, and a phone is often shared. A few hundred bytes, no framework.
import { forgetKept, publicIdFromPath } from './storage.ts';

const publicId = publicIdFromPath(location.pathname);
if (publicId) forgetKept(publicId);
