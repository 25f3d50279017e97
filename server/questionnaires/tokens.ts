import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: 43 characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const PUBLIC_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export const newToken = () => randomBytes(32).toString('base64url');
export const newPublicId = () => randomBytes(16).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The cookie that replaces the token in the address once the link was opened, scoped to one questionnaire. */
export const respondentCookieName = (publicId: string) => `im_q_${publicId}`;
export const respondentCookiePath = (publicId: string) => `/r/${publicId}`;
