import QRCode from 'qrcode';
import { links, AUDIENCES, type Audience } from '../../db/schema/index.ts';
import type { Executor as Db } from '../../db/open.ts';
import { currentQuestionnaireVersion, freezeVersion } from './versions.ts';
import { hashToken, newPublicId, newToken } from './tokens.ts';

export interface IssuedLink {
  audience: Audience;
  url: string;
  expiresAt: string;
  questionnaireVersionId: number;
}

/**
 * Issues the youth and mentor links for a closed mentorship. Runs inside the caller's transaction; the raw
 * tokens exist only in the returned URLs, the database keeps their SHA-256.
 */
export function issueClosureLinks(
  tx: Db,
  input: { mentorshipId: number; departmentId: number; year: number; expiryDays: number; publicUrl: string; now: Date },
): IssuedLink[] {
  const expiresAt = new Date(input.now.getTime() + input.expiryDays * 86_400_000);
  return AUDIENCES.map((audience) => {
    const version = currentQuestionnaireVersion(tx, input.departmentId, audience, input.year, input.now);
    freezeVersion(tx, version.id, input.now);
    const token = newToken();
    tx.insert(links)
      .values({
        publicId: newPublicId(),
        tokenHash: hashToken(token),
        mentorshipId: input.mentorshipId,
        audience,
        questionnaireVersionId: version.id,
        expiresAt,
        createdAt: input.now,
      })
      .run();
    return { audience, url: `${input.publicUrl}/q/${token}`, expiresAt: expiresAt.toISOString(), questionnaireVersionId: version.id };
  });
}

/** Adds a QR code (SVG) to each issued link, for the association to show at the last meeting. */
export async function withQrCodes<T extends { links: IssuedLink[] }>(result: T): Promise<T & { links: (IssuedLink & { qrCodeSvg: string })[] }> {
  const links = await Promise.all(
    result.links.map(async (link) => ({ ...link, qrCodeSvg: await QRCode.toString(link.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) })),
  );
  return { ...result, links };
}
